/**
 * What every framework adapter shares: ask an authenticator (the Promise
 * client of `descope-effect/promise`, or anything with its
 * `authenticateRequest`) about a request and turn the result into a decision:
 * go on to the handler (with the session and the `Set-Cookie` values of a
 * refresh) or answer now (401 / 403 / 503, status, headers and JSON body).
 * No Node-only import: the Next (Edge) adapter uses it.
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
