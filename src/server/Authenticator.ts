/**
 * The request authentication shared by `DescopeAuth` (HttpApi), the guard
 * middlewares and `DescopeMiddleware` (HttpRouter): reads the session token
 * from `Authorization: Bearer` or the session cookie (`DS` by default),
 * validates it with the `DescopeClient`, and, when refresh is enabled, refreshes
 * an expired, invalid or absent session with the refresh cookie (`DSR` by
 * default) and sets the rotated cookies on the response.
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
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import {
  type AuthenticationInfo,
  REFRESH_COOKIE_NAME,
  SESSION_COOKIE_NAME,
  type SetCookieOptions
} from "../core/AuthenticationInfo.js"
import * as Cookies from "../core/Cookies.js"
import type { RateLimitError, TransportError } from "../core/DescopeError.js"
import type { Session } from "../core/Session.js"
import type * as DescopeClient from "../DescopeClient.js"
import * as KeysWire from "../wire/auth/Keys.js"
import { CurrentSession } from "./CurrentSession.js"
import * as ServerError from "./ServerError.js"

/**
 * Options of the request authentication.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Read `Authorization: Bearer <token>`; default `true`. */
  readonly bearer?: boolean | undefined
  /** Read the session cookie; default `true`. */
  readonly cookie?: boolean | undefined
  /** The session cookie name; default `DS`. */
  readonly sessionCookieName?: string | undefined
  /** The refresh cookie name; default `DSR`. */
  readonly refreshCookieName?: string | undefined
  /**
   * Refresh an expired, invalid or absent session with the refresh cookie,
   * continue the request with the new session and set the rotated cookies on
   * the response; default `false`.
   */
  readonly refresh?: boolean | undefined
  /** The expected audience of session tokens. */
  readonly audience?: string | ReadonlyArray<string> | undefined
  /** The maximum age of session tokens, from their `iat`. */
  readonly maxTokenAge?: Duration.DurationInput | undefined
  /** Attributes of the rotated cookies (default `HttpOnly; Secure; SameSite=Strict`). */
  readonly setCookie?: SetCookieOptions | undefined
}

/**
 * The tokens a request carries (redacted; absent or empty values are `undefined`).
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestTokens {
  /** The session token, from the bearer header or else the session cookie. */
  readonly sessionToken: Redacted.Redacted<string> | undefined
  /** Where the session token came from. */
  readonly source: "bearer" | "cookie" | undefined
  /** The refresh token of the refresh cookie. */
  readonly refreshToken: Redacted.Redacted<string> | undefined
}

/**
 * Reads the session and refresh tokens of a request according to the options.
 *
 * @since 0.1.0
 * @category parsing
 */
export const tokensFromRequest = (
  request: HttpServerRequest.HttpServerRequest,
  options: Options = {}
): RequestTokens => {
  const fromCookies = Cookies.tokensFromCookieHeader(request.headers["cookie"], {
    sessionCookieName: options.sessionCookieName,
    refreshCookieName: options.refreshCookieName
  })
  const bearer = options.bearer === false ? undefined : Cookies.bearerTokenFromHeader(request.headers["authorization"])
  const cookie = options.cookie === false ? undefined : fromCookies.sessionToken
  return {
    sessionToken: bearer ?? cookie,
    source: bearer !== undefined ? "bearer" : cookie !== undefined ? "cookie" : undefined,
    refreshToken: fromCookies.refreshToken
  }
}

const whereTo = (options: Options): string => {
  const parts: Array<string> = []
  if (options.bearer !== false) parts.push("Authorization: Bearer <token>")
  if (options.cookie !== false) parts.push(`the ${options.sessionCookieName ?? SESSION_COOKIE_NAME} cookie`)
  return parts.length === 0 ? "a session token" : parts.join(" or ")
}

const sameSiteOf = (value: SetCookieOptions["sameSite"]): "strict" | "lax" | "none" =>
  value === "Lax" ? "lax" : value === "None" ? "none" : "strict"

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
): Effect.Effect<HttpServerResponse.HttpServerResponse> => {
  const settings = info.cookies
  const attributes = {
    path: settings.path,
    ...(settings.domain !== undefined && settings.domain !== "" ? { domain: settings.domain } : {}),
    ...(settings.maxAge !== undefined ? { maxAge: Duration.seconds(Math.max(0, Math.floor(settings.maxAge))) } : {}),
    ...(settings.expiration !== undefined && settings.expiration > 0
      ? { expires: new Date(settings.expiration * 1000) }
      : {}),
    httpOnly: options.setCookie?.httpOnly ?? true,
    secure: options.setCookie?.secure ?? true,
    sameSite: sameSiteOf(options.setCookie?.sameSite)
  }
  const cookies: Array<readonly [string, string]> = [
    [options.sessionCookieName ?? SESSION_COOKIE_NAME, Redacted.value(info.sessionToken)]
  ]
  const rotated = info.refreshToken !== undefined ? Redacted.value(info.refreshToken) : undefined
  const previous = options.previousRefreshToken !== undefined
    ? Redacted.value(options.previousRefreshToken)
    : undefined
  if (rotated !== undefined && rotated !== previous) {
    cookies.push([options.refreshCookieName ?? REFRESH_COOKIE_NAME, rotated])
  }
  return Effect.reduce(
    cookies,
    response,
    (current, [name, value]) =>
      HttpServerResponse.setCookie(current, name, value, attributes).pipe(
        Effect.catchAll(() =>
          Effect.as(
            Effect.logWarning(`descope: could not set the ${name} cookie (is the cookie name valid?)`),
            current
          )
        )
      )
  )
}

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
 * @category combinators
 */
export const setSessionCookies = (info: AuthenticationInfo<unknown>, options: Options = {}): Effect.Effect<void> =>
  HttpApp.appendPreResponseHandler((_request, response) => setRefreshCookies(response, info, options))

/**
 * Clears the session and refresh cookies (empty values, `Max-Age=0`) on the
 * response of the current request, e.g. on logout.
 *
 * @since 0.1.0
 * @category combinators
 */
export const clearSessionCookies = (
  options: Options & { readonly path?: string | undefined; readonly domain?: string | undefined } = {}
): Effect.Effect<void> =>
  HttpApp.appendPreResponseHandler((_request, response) => {
    const attributes = {
      path: options.path ?? "/",
      ...(options.domain !== undefined && options.domain !== "" ? { domain: options.domain } : {}),
      maxAge: Duration.zero,
      httpOnly: options.setCookie?.httpOnly ?? true,
      secure: options.setCookie?.secure ?? true,
      sameSite: sameSiteOf(options.setCookie?.sameSite)
    }
    const names = [options.sessionCookieName ?? SESSION_COOKIE_NAME, options.refreshCookieName ?? REFRESH_COOKIE_NAME]
    return Effect.reduce(names, response, (current, name) =>
      HttpServerResponse.setCookie(current, name, "", attributes).pipe(
        Effect.catchAll(() =>
          Effect.as(
            Effect.logWarning(`descope: could not clear the ${name} cookie (is the cookie name valid?)`),
            current
          )
        )
      ))
  })

/**
 * Extra headers of a failure response: `WWW-Authenticate` for a 401,
 * `Retry-After` for a 429 and a rate-limited 503.
 *
 * @since 0.1.0
 * @category getters
 */
export const failureHeaders = (error: ServerError.ServerFailure): Readonly<Record<string, string>> => {
  if (error._tag === "DescopeUnauthorized") {
    return { "www-authenticate": error.reason === "Missing" ? "Bearer" : "Bearer error=\"invalid_token\"" }
  }
  if (
    (error._tag === "DescopeUnavailable" || error._tag === "DescopeTooManyRequests") && error.retryAfter !== undefined
  ) {
    return { "retry-after": String(error.retryAfter) }
  }
  return {}
}

/**
 * Adds the {@link failureHeaders} of an error to the response of the current
 * request, when that response has the error's status.
 *
 * @since 0.1.0
 * @category combinators
 */
export const annotateFailure = (error: ServerError.ServerFailure): Effect.Effect<void> => {
  const headers = failureHeaders(error)
  const status = ServerError.statusOf(error)
  return Object.keys(headers).length === 0
    ? Effect.void
    : HttpApp.appendPreResponseHandler((_request, response) =>
      Effect.succeed(response.status === status ? HttpServerResponse.setHeaders(response, headers) : response)
    )
}

const isKeysFailure = (error: TransportError | RateLimitError): boolean =>
  error._tag === "TransportError" && error.path !== undefined &&
  error.path.startsWith(KeysWire.get.path.slice(0, KeysWire.get.path.indexOf("{")))

/**
 * Authenticates the current request (see the module doc). On a refresh, the
 * rotated cookies are set on the response through a pre-response handler.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  client: DescopeClient.Service,
  options: Options = {}
): Effect.Effect<Session, ServerError.AuthFailure, HttpServerRequest.HttpServerRequest> => {
  const validateOptions = { audience: options.audience, maxTokenAge: options.maxTokenAge }
  const refreshOptions = { ...validateOptions, setCookie: options.setCookie }
  const where = whereTo(options)

  // concurrent requests carrying the same refresh token share the client's refresh of it (one request,
  // reused for a short grace window), so a rotating refresh token is spent once; the shared request runs in
  // the client layer's scope, never in a daemon
  const sharedRefresh = (
    refreshToken: Redacted.Redacted<string>
  ): Effect.Effect<AuthenticationInfo, ServerError.AuthFailure> =>
    client.refreshSession(refreshToken, refreshOptions).pipe(
      Effect.mapError((e) =>
        e._tag === "InvalidSessionError" || e._tag === "AuthError"
          ? ServerError.fromRefreshRefused(e)
          : ServerError.fromOutage(e, isKeysFailure(e))
      )
    )

  const refresh = (refreshToken: Redacted.Redacted<string>): Effect.Effect<Session, ServerError.AuthFailure> =>
    sharedRefresh(refreshToken).pipe(
      Effect.tap((info) =>
        HttpApp.appendPreResponseHandler((_request, response) =>
          setRefreshCookies(response, info, { ...options, previousRefreshToken: refreshToken })
        )
      ),
      Effect.map((info) => info.session)
    )

  return Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
    const tokens = tokensFromRequest(request, options)
    const canRefresh = options.refresh === true && tokens.refreshToken !== undefined
    const onInvalid = (invalid: ServerError.DescopeUnauthorized): Effect.Effect<Session, ServerError.AuthFailure> =>
      canRefresh && tokens.refreshToken !== undefined ? refresh(tokens.refreshToken) : Effect.fail(invalid)
    const authenticated: Effect.Effect<Session, ServerError.AuthFailure> = tokens.sessionToken === undefined
      ? onInvalid(ServerError.missingToken(where))
      : client.validateSession(tokens.sessionToken, validateOptions).pipe(
        Effect.catchAll((e) =>
          e._tag === "InvalidSessionError"
            ? onInvalid(ServerError.fromInvalidSession(e))
            : Effect.fail(ServerError.fromOutage(e, true))
        )
      )
    return authenticated.pipe(
      Effect.tapError(annotateFailure),
      // no stack trace: capturing one costs every request, and a failed exit formats it into an attribute,
      // which made a 401 dearer than a success (the call site would only name this module anyway)
      Effect.withSpan("descope.server.authenticate", {
        attributes: { "descope.token_source": tokens.source ?? "none", "descope.refresh_enabled": canRefresh },
        captureStackTrace: false
      })
    )
  })
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
