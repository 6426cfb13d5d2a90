/**
 * What every framework adapter shares: ask an authenticator (the Promise
 * client of `descope-effect/promise`, or anything with its
 * `authenticateRequest`) about a request and turn the result into a decision:
 * go on to the handler (with the session and the `Set-Cookie` values of a
 * refresh) or answer now (401 / 403 / 503, status, headers and JSON body).
 * The rotated cookies of a refresh never override a cookie of the same name
 * the handler's response sets itself (a logout route's cleared session stays
 * cleared): {@link refreshCookiesFor} for a web `Response`,
 * {@link yieldToHandlerCookies} for a Node response. No Node-only import: the
 * Next (Edge) adapter uses it.
 *
 * @since 0.2.0
 */
import * as Answers from "../server/Answers.js"
import type { Authenticated, RequestHeaders, RequestOptions, Result } from "../server/RequestAuth.js"
import * as ServerError from "../server/ServerError.js"

/**
 * What an adapter needs: `createDescope(...)` of `descope-effect/promise` is one.
 *
 * @since 0.2.0
 * @category models
 */
export interface Authenticator {
  readonly authenticateRequest: (request: Request | RequestHeaders, options?: RequestOptions) => Promise<Result>
}

/**
 * The decision about a request: `Continue` to the handler (set `setCookies`
 * on its response), or `Respond` with `answer` now.
 *
 * @since 0.2.0
 * @category models
 */
export type Decision =
  | {
    readonly _tag: "Continue"
    readonly result: Authenticated
    readonly setCookies: ReadonlyArray<string>
  }
  | { readonly _tag: "Respond"; readonly answer: Answers.Answer }

/**
 * Authenticates and decides. A `DescopeUnavailable` rejection becomes the
 * 503 answer; any other rejection (a defect) is rethrown for the framework's
 * error handling.
 *
 * @since 0.2.0
 * @category middleware
 */
export const decide = async (
  authenticator: Authenticator,
  request: Request | RequestHeaders,
  options: RequestOptions = {}
): Promise<Decision> => {
  let result: Result
  try {
    result = await authenticator.authenticateRequest(request, options)
  } catch (error) {
    if (error instanceof ServerError.DescopeUnavailable) {
      return { _tag: "Respond", answer: Answers.answerOf(error, options) }
    }
    throw error
  }
  return result._tag === "Authenticated"
    ? { _tag: "Continue", result, setCookies: Answers.setCookieHeaders(result.cookies) }
    : { _tag: "Respond", answer: Answers.answerOf(result, options) }
}

/**
 * The `Set-Cookie` values of a refresh to add to the handler's response, given
 * the response's own (`response.headers.getSetCookie()`): those of the cookies
 * it does not set itself (see `Answers.notSetByResponse`).
 *
 * @since 0.2.0
 * @category combinators
 */
export const refreshCookiesFor = (
  setCookies: ReadonlyArray<string>,
  responseSetCookies: ReadonlyArray<string>
): Array<string> => Answers.notSetByResponse(setCookies, new Set(responseSetCookies.map(Answers.setCookieName)))

/**
 * A Node response (`http.ServerResponse`: Express's `res`, Fastify's
 * `reply.raw`), as far as {@link yieldToHandlerCookies} uses it.
 *
 * @since 0.2.0
 * @category models
 */
export interface NodeResponse {
  writeHead: (...args: Array<never>) => unknown
  readonly getHeader: (name: string) => unknown
  readonly setHeader: (name: string, value: ReadonlyArray<string>) => unknown
}

const valuesOf = (header: unknown): ReadonlyArray<string> | undefined =>
  typeof header === "string" ? [header] : Array.isArray(header) ? header.map(String) : undefined

/**
 * For the Node frameworks, which set the refresh's `setCookies` before the
 * handler runs (Express, Fastify): when the response's headers are written,
 * drops those of them whose cookie the handler then set itself, so that only
 * the handler's goes out (the `Set-Cookie` headers set on the response and
 * those passed to `writeHead`, as Fastify does). Had the headers been written
 * otherwise, the handler's cookie still comes after the rotated one.
 *
 * @since 0.2.0
 * @category combinators
 */
export const yieldToHandlerCookies = (response: NodeResponse, setCookies: ReadonlyArray<string>): void => {
  if (setCookies.length === 0) return
  const ours = new Set(setCookies)
  const kept = (values: ReadonlyArray<string>): Array<string> => {
    const added = new Set(refreshCookiesFor(setCookies, values.filter((value) => !ours.has(value))))
    return values.filter((value) => !ours.has(value) || added.has(value))
  }
  const writeHead = response.writeHead
  let written = false
  response.writeHead = function(this: unknown, ...args: Array<unknown>) {
    if (!written) {
      written = true
      const set = valuesOf(response.getHeader("set-cookie"))
      if (set !== undefined) response.setHeader("set-cookie", kept(set))
      // writeHead(status, [message,] headers): headers given here replace those set before
      const at = args.findIndex((arg, i) => i > 0 && typeof arg === "object" && arg !== null && !Array.isArray(arg))
      const headers = at > 0 ? args[at] as Readonly<Record<string, unknown>> : {}
      const key = Object.keys(headers).find((name) => name.toLowerCase() === "set-cookie")
      const given = key !== undefined ? valuesOf(headers[key]) : undefined
      if (key !== undefined && given !== undefined) args[at] = { ...headers, [key]: kept(given) }
    }
    return Reflect.apply(writeHead, this, args) as unknown
  }
}

/**
 * The first value of a Node header (`string | string[] | undefined`).
 *
 * @since 0.2.0
 * @category parsing
 */
export const firstHeader = (value: string | ReadonlyArray<string> | undefined): string | undefined =>
  typeof value === "string" ? value : value?.[0]

/**
 * The two headers the authentication reads, from Node's `IncomingHttpHeaders`
 * (duplicate `Cookie` headers are joined with `; `, as Node does).
 *
 * @since 0.2.0
 * @category parsing
 */
export const nodeHeaders = (
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
): RequestHeaders => {
  const cookie = headers["cookie"]
  return {
    authorization: firstHeader(headers["authorization"]),
    cookie: typeof cookie === "string" ? cookie : cookie?.join("; ")
  }
}
