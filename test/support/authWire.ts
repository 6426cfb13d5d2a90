// The recorded-wire table of the authentication client, the counterpart of `wireTable` (test/support/management.ts):
// a row runs one client operation (client.otp, client.magicLink ..., the session calls, the signing-key fetch)
// against the recording mock HttpClient answering `response`, and asserts the one request it sent: the exact
// method, path, query, JSON body (or none) and Authorization header, then the decoding of the answer (`check`).
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Sessions from "../../src/auth/Sessions.js"
import * as DescopeHttp from "../../src/core/DescopeHttp.js"
import * as Jwks from "../../src/core/Jwks.js"
import * as MockHttpClient from "../../src/layers/MockHttpClient.js"
import type * as Endpoint from "../../src/wire/Endpoint.js"
import { decodingValidator, flows, layer, PROJECT_ID } from "./authFlows.js"
import { endpointsOf, pathMatches } from "./management.js"

/** The refresh token the rows hand over, and the Authorization header that carries it. */
export const REFRESH = "REFRESH-JWT"
export const BEARER = `Bearer ${PROJECT_ID}`
export const BEARER_REFRESH = `Bearer ${PROJECT_ID}:${REFRESH}`

/** What a row runs: the flows of the client, its session calls, and the signing-key fetch. */
export type AuthClient = Effect.Effect.Success<typeof flows> & {
  readonly sessions: Sessions.SessionsApi
  readonly jwks: { readonly fetchKeys: () => ReturnType<typeof Jwks.fetchKeys> }
}

/** One literal wire expectation of an authentication operation. */
export interface AuthRow {
  readonly name: string
  readonly run: (client: AuthClient) => Effect.Effect<unknown, unknown>
  readonly method: string
  readonly path: string
  readonly query?: Record<string, string>
  /** The JSON body sent; `undefined`: no body at all. */
  readonly body?: unknown
  /** Default: the project id alone (`Bearer P123`). */
  readonly authorization?: string
  /** The mock's JSON answer (status 200); default `{}`. */
  readonly response?: unknown
  readonly responseHeaders?: Record<string, string>
  readonly check?: (result: unknown) => void
}

const client = Effect.gen(function*() {
  const http = yield* DescopeHttp.DescopeHttp
  const sessions = yield* Sessions.make(http, decodingValidator)
  const api: AuthClient = { ...(yield* flows), sessions, jwks: { fetchKeys: () => Jwks.fetchKeys(http) } }
  return api
})

/** Runs a row against the mock: exactly one request, the expected one. */
export const runAuthRow = (row: AuthRow) =>
  Effect.gen(function*() {
    const result = yield* row.run(yield* client)
    const requests = yield* (yield* MockHttpClient.MockHttpRecorder).requests
    assert.strictEqual(requests.length, 1, "exactly one request")
    const call = requests[0]!
    assert.strictEqual(call.method, row.method)
    assert.strictEqual(call.path, row.path)
    assert.deepStrictEqual(call.query, row.query ?? {})
    assert.deepStrictEqual(call.body, row.body)
    if (row.body === undefined) assert.strictEqual(call.bodyText, undefined)
    assert.strictEqual(call.headers["authorization"], row.authorization ?? BEARER)
    assert.strictEqual(call.headers["x-descope-project-id"], PROJECT_ID)
    row.check?.(result)
  }).pipe(
    Effect.scoped,
    Effect.provide(
      layer(() =>
        MockHttpClient.json(
          row.response ?? {},
          row.responseHeaders === undefined ? {} : { headers: row.responseHeaders }
        )
      )
    )
  )

/**
 * The recorded-wire table of an authentication area of the catalogue: one test per row, and a test that every
 * endpoint of the area has at least one row (same method, path an instance of its template). `elsewhere` names
 * the endpoints of the area the client does not call (`"POST /v1/auth/try-refresh"`: why).
 */
export const authWireTable = (
  area: string,
  module: Readonly<Record<string, unknown>>,
  rows: ReadonlyArray<AuthRow>,
  elsewhere: Readonly<Record<string, string>> = {}
) =>
  describe(`${area} wire`, () => {
    it("has a row for every catalogued endpoint", () => {
      const endpoints: ReadonlyArray<Endpoint.Endpoint.Any> = endpointsOf(module)
      const missing = endpoints
        .filter((e) => !rows.some((r) => r.method === e.method && pathMatches(e.path, r.path)))
        .map((e) => `${e.method} ${e.path}`)
        .filter((key) => elsewhere[key] === undefined)
      assert.deepStrictEqual(missing, [])
      assert.isAbove(endpoints.length, 0)
    })
    for (const row of rows) {
      it.effect(row.name, () => runAuthRow(row))
    }
  })
