/**
 * The last requests to Descope's routes, for the inspector: method, path
 * (without the query string), status, latency, the Descope error code, the
 * project, and the request and response bodies, redacted; never a header or
 * a query string. The emulator-only routes are not listed. At most
 * {@link LIMIT} are kept. What is kept of a body is kept as it is (at most
 * `BodyCapture.MAX_BODY_BYTES` bytes of it, by reference): it is parsed and
 * redacted only when the log is read ({@link view}), never while a request
 * is handled.
 *
 * @since 0.2.0
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as BodyCapture from "./BodyCapture.js"
import type { CapturedBody, Env, LoggedRequest, RequestRecord, Route } from "./Handler.js"

/**
 * How many requests are kept.
 *
 * @since 0.2.0
 * @category constants
 */
export const LIMIT = 200

const decoder = new TextDecoder()

/** The `errorCode` of an error answer's JSON body. */
const errorCodeOf = (response: HttpServerResponse.HttpServerResponse): string | undefined => {
  if (response.status < 400 || response.body._tag !== "Uint8Array") return undefined
  try {
    const body: unknown = JSON.parse(decoder.decode(response.body.body))
    return typeof body === "object" && body !== null && "errorCode" in body && typeof body.errorCode === "string"
      ? body.errorCode
      : undefined
  } catch {
    return undefined
  }
}

/** The project of a request: the `Authorization` header's first part, or the path's. */
const projectOf = (req: HttpServerRequest.HttpServerRequest, path: string): string | undefined => {
  const auth = req.headers.authorization?.replace(/^Bearer\s+/i, "").split(":")[0]
  return auth !== undefined && auth !== "" ? auth : /\/keys\/([^/]+)/.exec(path)?.[1]
}

/**
 * Where a route's handler leaves the request body it read, for the log.
 *
 * @since 0.2.0
 * @category models
 */
export interface BodySlot {
  requestBody: CapturedBody | undefined
}

/**
 * Runs a route's handler and records the request (unless it is an
 * emulator-only route). The handler is handed a {@link BodySlot} for the
 * request body it reads (`undefined` for an emulator-only route).
 *
 * @since 0.2.0
 * @category combinators
 */
export const logged = <E, R>(
  env: Env,
  route: Route,
  handler: (slot: BodySlot | undefined) => Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, E, R | HttpServerRequest.HttpServerRequest> =>
  route.access === "control" ? handler(undefined) : Effect.gen(function*() {
    const req = yield* HttpServerRequest.HttpServerRequest
    const started = yield* env.now
    const slot: BodySlot = { requestBody: undefined }
    const response = yield* handler(slot)
    const ended = yield* env.now
    const q = req.url.indexOf("?")
    const path = q < 0 ? req.url : req.url.slice(0, q)
    const last = env.requests[env.requests.length - 1]
    const record: LoggedRequest = {
      seq: last === undefined ? 1 : last.seq + 1,
      at: ended,
      method: req.method,
      path,
      status: response.status,
      latencyMs: Math.max(0, ended - started),
      errorCode: errorCodeOf(response),
      projectId: projectOf(req, path),
      requestBody: slot.requestBody,
      responseBody: response.body._tag === "Uint8Array" ? BodyCapture.capture(response.body.body) : undefined
    }
    if (env.requests.length >= LIMIT) env.requests.splice(0, env.requests.length - LIMIT + 1)
    env.requests.push(record)
    return response
  })

/** The views already made: a record never changes, so it is redacted once. */
const views = new WeakMap<LoggedRequest, RequestRecord>()

/**
 * A request as the inspector shows it: its bodies redacted (see `BodyCapture.view`).
 *
 * @since 0.2.0
 * @category rendering
 */
export const view = (logged: LoggedRequest): RequestRecord => {
  const cached = views.get(logged)
  if (cached !== undefined) return cached
  const { requestBody, responseBody, ...rest } = logged
  const record: RequestRecord = {
    ...rest,
    ...(requestBody !== undefined ? { requestBody: BodyCapture.view(requestBody) } : {}),
    ...(responseBody !== undefined ? { responseBody: BodyCapture.view(responseBody) } : {})
  }
  views.set(logged, record)
  return record
}

/**
 * The log as the inspector shows it, oldest first.
 *
 * @since 0.2.0
 * @category queries
 */
export const records = (env: Env): ReadonlyArray<RequestRecord> => env.requests.map(view)
