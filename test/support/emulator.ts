// Test support: raw requests to an in-process emulator, as any SDK would send them.
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Emulator from "../../src/emulator/index.js"

/** The answer of a raw request: status and parsed JSON body. */
export interface RawAnswer {
  readonly status: number
  readonly body: unknown
  readonly headers: Readonly<Record<string, string>>
}

/**
 * Sends one raw request to an in-process emulator: `Authorization: Bearer <projectId>[:<key or token>]`,
 * the body as JSON (also a non-object), and answers the status and JSON body.
 */
export const request = (
  emulator: Emulator.Service,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  options: {
    readonly body?: unknown
    readonly managementKey?: string | undefined
    readonly token?: string | undefined
    readonly projectId?: string | undefined
    readonly headers?: Readonly<Record<string, string>> | undefined
  } = {}
): Effect.Effect<RawAnswer> =>
  Effect.gen(function*() {
    const client = Emulator.makeHttpClient(emulator)
    const secret = options.managementKey ?? options.token
    const projectId = options.projectId ?? emulator.projectId
    let req = HttpClientRequest.make(method)(`http://emulator.local${path}`).pipe(
      HttpClientRequest.setHeaders({
        authorization: `Bearer ${projectId}${secret !== undefined ? `:${secret}` : ""}`,
        ...options.headers
      })
    )
    if ("body" in options && method !== "GET" && method !== "DELETE") {
      req = HttpClientRequest.bodyText(req, JSON.stringify(options.body), "application/json")
    }
    const response = yield* client.execute(req)
    const text = yield* response.text
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON
    }
    return { status: response.status, body, headers: response.headers }
  }).pipe(Effect.orDie)

/** The default management key of an emulator, in clear. */
export const managementKeyOf = (emulator: Emulator.Service): string => Redacted.value(emulator.managementKey)
