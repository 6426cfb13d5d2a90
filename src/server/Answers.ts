/**
 * The HTTP answers of the request authentication, as plain data: the
 * `Set-Cookie` values of the rotated or cleared cookies, the headers of a
 * failure (`WWW-Authenticate`, `Retry-After`), and the status and JSON body of a
 * 401 / 403 / 503 (the bodies an `HttpApi` sends). No Node-only import: the
 * Next (Edge) adapter uses it.
 *
 * @since 0.2.0
 */
import * as PlatformCookies from "@effect/platform/Cookies"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { Forbidden, Unauthenticated } from "./RequestAuth.js"
import * as ServerError from "./ServerError.js"

/**
 * A cookie to set on the response (the value is redacted: it holds a token).
 *
 * @since 0.2.0
 * @category models
 */
export interface ResponseCookie {
  readonly name: string
  readonly value: Redacted.Redacted<string>
  readonly options: PlatformCookies.Cookie["options"]
}

/**
 * The `Set-Cookie` header values of cookies (a cookie whose name or
 * attributes are not valid is left out).
 *
 * @since 0.2.0
 * @category rendering
 */
export const setCookieHeaders = (cookies: ReadonlyArray<ResponseCookie>): Array<string> =>
  cookies.flatMap((cookie) =>
    Either.match(PlatformCookies.makeCookie(cookie.name, Redacted.value(cookie.value), cookie.options), {
      onLeft: () => [],
      onRight: (made) => [PlatformCookies.serializeCookie(made)]
    })
  )

/**
 * The cookie name of a `Set-Cookie` value: what precedes its first `=`,
 * trimmed (`""` when there is no `=`).
 *
 * @since 0.2.0
 * @category parsing
 */
export const setCookieName = (setCookie: string): string => {
  const eq = setCookie.indexOf("=")
  return eq < 0 ? "" : setCookie.slice(0, eq).trim()
}

/**
 * The cookies of a refresh (made while authenticating a request) that may go
 * on the handler's response: those whose name the response does not set
 * itself (`ownNames`, the names of the cookies the handler's response sets).
 * A handler's own cookie wins: a logout route that clears the session
 * cookies stays a sign-out, its clearing cookies are not undone by the rotated
 * ones. Cookies are `Set-Cookie` values or `ResponseCookie`s.
 *
 * @since 0.2.0
 * @category combinators
 */
export const notSetByResponse = <C extends string | { readonly name: string }>(
  cookies: ReadonlyArray<C>,
  ownNames: ReadonlySet<string>
): Array<C> =>
  cookies.filter((cookie) => !ownNames.has(typeof cookie === "string" ? setCookieName(cookie) : cookie.name))

/**
 * What the challenge of a 401 / 403 names besides the error: the URL of the
 * OAuth protected resource metadata (RFC 9728), as MCP clients expect it.
 *
 * @since 0.2.0
 * @category models
 */
export interface ChallengeOptions {
  /** `resource_metadata` of `WWW-Authenticate` (e.g. `https://api.example.com/.well-known/oauth-protected-resource`). */
  readonly resourceMetadata?: string | undefined
}

const challenge = (params: ReadonlyArray<string>, options: ChallengeOptions): string => {
  const all = options.resourceMetadata !== undefined
    ? [`resource_metadata="${options.resourceMetadata.replace(/["\\]/g, "")}"`, ...params]
    : params
  return all.length === 0 ? "Bearer" : `Bearer ${all.join(", ")}`
}

/**
 * Extra headers of a failure answer: `WWW-Authenticate` for a 401 (and a
 * 403 of missing scopes, `insufficient_scope`), with `resource_metadata` when
 * given; `Retry-After` for a 429 and a rate-limited 503.
 *
 * @since 0.2.0
 * @category rendering
 */
export const failureHeaders = (
  error: ServerError.ServerFailure,
  options: ChallengeOptions = {}
): Readonly<Record<string, string>> => {
  if (error._tag === "DescopeUnauthorized") {
    return { "www-authenticate": challenge(error.reason === "Missing" ? [] : ["error=\"invalid_token\""], options) }
  }
  if (error._tag === "DescopeForbidden" && error.missingScopes !== undefined && error.missingScopes.length > 0) {
    return {
      "www-authenticate": challenge(
        ["error=\"insufficient_scope\"", `scope="${error.missingScopes.join(" ")}"`],
        options
      )
    }
  }
  if (
    (error._tag === "DescopeUnavailable" || error._tag === "DescopeTooManyRequests") && error.retryAfter !== undefined
  ) {
    return { "retry-after": String(error.retryAfter) }
  }
  return {}
}

/**
 * A framework-neutral HTTP answer: status, headers (`set-cookie` may repeat)
 * and the JSON body.
 *
 * @since 0.2.0
 * @category models
 */
export interface Answer {
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: unknown
}

/**
 * The answer of a request that does not go on to the handler: a 401 or a 403
 * (with its cookies), or the 503 of an infrastructure failure.
 *
 * @since 0.2.0
 * @category constructors
 */
export const answerOf = (
  outcome: Unauthenticated | Forbidden | ServerError.ServerFailure,
  options: ChallengeOptions = {}
): Answer => {
  const [error, cookies] = outcome._tag === "Unauthenticated" || outcome._tag === "Forbidden"
    ? [outcome.error, outcome.cookies] as const
    : [outcome, []] as const
  return {
    status: ServerError.statusOf(error),
    headers: [
      ...Object.entries(failureHeaders(error, options)),
      ...setCookieHeaders(cookies).map((c) => ["set-cookie", c] as const)
    ],
    body: ServerError.bodyOf(error)
  }
}

/**
 * A web `Response` of an answer (JSON body).
 *
 * @since 0.2.0
 * @category rendering
 */
export const toWebResponse = (answer: Answer): Response => {
  const headers = new Headers({ "content-type": "application/json" })
  for (const [name, value] of answer.headers) headers.append(name, value)
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers })
}
