/**
 * The request authentication shared by `DescopeAuth` (HttpApi), the guard
 * middlewares and `DescopeMiddleware` (HttpRouter): reads the session token
 * from `Authorization: Bearer` or the session cookie (`DS` by default),
 * validates it with the `DescopeClient`, and, when refresh is enabled, refreshes
 * an expired, invalid or absent session with the refresh cookie (`DSR` by
 * default) and sets the rotated cookies on the response (but for a cookie of
 * the same name the handler's response sets itself: a logout route's cleared
 * session cookies are left as it set them).
 *
 * Concurrent requests carrying the same refresh token share one refresh call,
 * and requests that arrive within a few seconds after it reuse its outcome
 * (the client's refresh sharing: a rotating refresh token is spent once);
 * each response gets the new cookies.
 *
 * Precedence: a well-formed `Authorization: Bearer <token>` header wins over
 * the cookie; a bearer token that fails validation is not retried with the
 * cookie. An empty header or cookie counts as absent.
 *
 * Failures: `DescopeUnauthorized` (401: missing or invalid token, refused
 * refresh) or `DescopeUnavailable` (503: the signing keys cannot be fetched,
 * Descope cannot be reached or rate-limits the refresh). Never a defect.
 *
 * It is the Effect-platform face of `RequestAuth` (the web-standard core every
 * adapter shares): the same options, the same reading, validation, refresh
 * sharing and access-key exchange; here the rotated (or, after a refused
 * refresh, cleared) cookies go on the response through a pre-response handler.
 *
 * @example
 * ```ts
 * import { HttpServerRequest } from "@effect/platform"
 * import { Effect } from "effect"
 * import { DescopeClient } from "descope-effect"
 * import { Authenticator } from "descope-effect/server"
 *
 * // the session of the current request, in any HttpServerRequest context
 * const program = Effect.gen(function*() {
 *   const client = yield* DescopeClient
 *   const authenticate = Authenticator.make(client, { refresh: true, sessionCookieName: "APP_DS" })
 *   return yield* authenticate
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { AuthenticationInfo } from "../core/AuthenticationInfo.js"
import type { Session } from "../core/Session.js"
import type * as DescopeClient from "../DescopeClient.js"
import * as Answers from "./Answers.js"
import { CurrentSession } from "./CurrentSession.js"
import * as RequestAuth from "./RequestAuth.js"
import * as ServerError from "./ServerError.js"

/**
 * Options of the request authentication (those of `RequestAuth`).
 *
 * @since 0.1.0
 * @category models
 */
export type Options = RequestAuth.Options

/**
 * The tokens a request carries (redacted; absent or empty values are `undefined`).
 *
 * @since 0.1.0
 * @category models
 */
export type RequestTokens = RequestAuth.RequestTokens

/**
 * Reads the session and refresh tokens of a request according to the options.
 *
 * @since 0.1.0
 * @category parsing
 */
export const tokensFromRequest = (
  request: HttpServerRequest.HttpServerRequest,
  options: Options = {}
): RequestTokens =>
  RequestAuth.tokensFromHeaders(
    { authorization: request.headers["authorization"], cookie: request.headers["cookie"] },
    options
  )

const setCookies = (
  response: HttpServerResponse.HttpServerResponse,
  cookies: ReadonlyArray<RequestAuth.ResponseCookie>
): Effect.Effect<HttpServerResponse.HttpServerResponse> =>
  Effect.reduce(
    cookies,
    response,
    (current, cookie) =>
      HttpServerResponse.setCookie(current, cookie.name, Redacted.value(cookie.value), cookie.options).pipe(
        Effect.catchAll(() =>
          Effect.as(
            Effect.logWarning(`descope: could not set the ${cookie.name} cookie (is the cookie name valid?)`),
            current
          )
        )
      )
  )

/**
 * Sets the cookies of a refresh on a response: the session cookie, and the
 * refresh cookie when the refresh token was rotated.
 *
 * @since 0.1.0
 * @category combinators
 */
export const setRefreshCookies = (
  response: HttpServerResponse.HttpServerResponse,
  info: AuthenticationInfo<unknown>,
  options: Options & { readonly previousRefreshToken?: Redacted.Redacted<string> | undefined } = {}
): Effect.Effect<HttpServerResponse.HttpServerResponse> =>
  setCookies(response, RequestAuth.refreshCookies(info, options))

/**
 * Sets the session cookies of an authentication (OTP verify, magic link,
 * refresh, select tenant ...) on the response of the current request, with the
 * configured cookie names and attributes: the session cookie, and the refresh
 * cookie when the authentication returned a refresh token.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { DescopeClient } from "descope-effect"
 * import { Authenticator } from "descope-effect/server"
 *
 * const verify = (loginId: string, code: string) =>
 *   Effect.gen(function*() {
 *     const client = yield* DescopeClient
 *     const info = yield* client.otp.verifyCode({ method: "email", loginId, code })
 *     yield* Authenticator.setSessionCookies(info)
 *     return { userId: info.session.userId }
 *   })
 * ```
 *
 * @since 0.1.0
 * @category actions
 */
export const setSessionCookies = (info: AuthenticationInfo<unknown>, options: Options = {}): Effect.Effect<void> =>
  HttpApp.appendPreResponseHandler((_request, response) => setRefreshCookies(response, info, options))

/**
 * Clears the session and refresh cookies (empty values, `Max-Age=0`) on the
 * response of the current request, e.g. on logout.
 *
 * @since 0.1.0
 * @category actions
 */
export const clearSessionCookies = (
  options: Options & { readonly path?: string | undefined; readonly domain?: string | undefined } = {}
): Effect.Effect<void> =>
  HttpApp.appendPreResponseHandler((_request, response) => setCookies(response, RequestAuth.clearingCookies(options)))

/**
 * Extra headers of a failure response: `WWW-Authenticate` for a 401,
 * `Retry-After` for a 429 and a rate-limited 503.
 *
 * @since 0.1.0
 * @category rendering
 */
export const failureHeaders: (
  error: ServerError.ServerFailure,
  options?: RequestAuth.ChallengeOptions
) => Readonly<Record<string, string>> = RequestAuth.failureHeaders

/**
 * Adds the {@link failureHeaders} of an error to the response of the current
 * request, when that response has the error's status.
 *
 * @since 0.1.0
 * @category combinators
 */
export const annotateFailure = (
  error: ServerError.ServerFailure,
  options: RequestAuth.ChallengeOptions = {}
): Effect.Effect<void> => {
  const headers = failureHeaders(error, options)
  const status = ServerError.statusOf(error)
  return Object.keys(headers).length === 0
    ? Effect.void
    : HttpApp.appendPreResponseHandler((_request, response) =>
      Effect.succeed(response.status === status ? HttpServerResponse.setHeaders(response, headers) : response)
    )
}

/** The names of the cookies a response sets itself: its cookies, and a raw `Set-Cookie` header. */
const ownCookieNames = (response: HttpServerResponse.HttpServerResponse): ReadonlySet<string> => {
  const raw = response.headers["set-cookie"]
  return new Set([...Object.keys(response.cookies.cookies), ...(raw !== undefined ? [Answers.setCookieName(raw)] : [])])
}

/**
 * Authenticates the current request (see the module doc). On a refresh, the
 * rotated cookies are set on the response through a pre-response handler,
 * but for a cookie of the same name the handler's response sets itself (a
 * logout route's cleared session cookies are left as it set them); on a
 * refused refresh, the session cookies are cleared.
 *
 * @since 0.1.0
 * @category middleware
 */
export const make = (
  client: DescopeClient.Service,
  options: Options = {}
): Effect.Effect<Session, ServerError.AuthFailure, HttpServerRequest.HttpServerRequest> => {
  const authenticate = RequestAuth.make(client, options)
  return Effect.flatMap(
    HttpServerRequest.HttpServerRequest,
    (request) =>
      authenticate({ authorization: request.headers["authorization"], cookie: request.headers["cookie"] }).pipe(
        Effect.tap((result) =>
          result.cookies.length === 0
            ? Effect.void
            : HttpApp.appendPreResponseHandler((_request, response) =>
              setCookies(response, Answers.notSetByResponse(result.cookies, ownCookieNames(response)))
            )
        ),
        Effect.flatMap((result) =>
          result._tag === "Authenticated" ? Effect.succeed(result.session) : Effect.fail(result.error)
        ),
        Effect.tapError((error) => annotateFailure(error, options))
      )
  )
}

/**
 * The session of the request: the {@link CurrentSession} already provided by
 * an outer middleware, else the result of `authenticate`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const reuseOr = <E, R>(authenticate: Effect.Effect<Session, E, R>): Effect.Effect<Session, E, R> =>
  Effect.flatMap(
    Effect.serviceOption(CurrentSession),
    Option.match({ onNone: () => authenticate, onSome: Effect.succeed })
  )
