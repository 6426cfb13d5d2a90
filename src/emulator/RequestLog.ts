/**
 * The last requests to Descope's routes, for the inspector: method, path
 * (without the query string), status, latency, the Descope error code and
 * the project; never a header or a body. The emulator-only routes are not
 * listed. At most {@link LIMIT} are kept.
 *
 * @since 0.2.0
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import type { Env, RequestRecord, Route } from "./Handler.js"

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
 * Runs a route's handler and records the request (unless it is an emulator-only route).
 *
 * @since 0.2.0
 * @category combinators
 */
export const logged = <E, R>(
  env: Env,
  route: Route,
  handler: Effect.Effect<HttpServerResponse.HttpServerResponse, E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, E, R | HttpServerRequest.HttpServerRequest> =>
  route.access === "control" ? handler : Effect.gen(function*() {
    const req = yield* HttpServerRequest.HttpServerRequest
    const started = yield* env.now
    const response = yield* handler
    const ended = yield* env.now
    const q = req.url.indexOf("?")
    const path = q < 0 ? req.url : req.url.slice(0, q)
    const record: RequestRecord = {
      at: ended,
      method: req.method,
      path,
      status: response.status,
      latencyMs: Math.max(0, ended - started),
      errorCode: errorCodeOf(response),
      projectId: projectOf(req, path)
    }
    if (env.requests.length >= LIMIT) env.requests.splice(0, env.requests.length - LIMIT + 1)
    env.requests.push(record)
    return response
  })
