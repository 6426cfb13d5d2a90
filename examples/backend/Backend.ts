/**
 * Example 1, the implementation: the handlers of {@link BackendApi} over the
 * `DescopeClient`, as layers that take the Descope client layer from outside —
 * the real Descope (`Descope.layerConfigFetch()`), or the emulator in a demo
 * or a test.
 *
 * Run it on a port against the project of `DESCOPE_PROJECT_ID` with
 * `npx tsx examples/backend/main.ts`; the demo (examples/demo.ts) and the
 * tests (test/examples-app.test.ts) run it against the emulator.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import type * as HttpServer from "@effect/platform/HttpServer"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createServer } from "node:http"
import type { AuthenticationError, StartError } from "../../src/auth/LoginOptions.js"
import type { SetCookieOptions } from "../../src/core/AuthenticationInfo.js"
import type {
  AuthError,
  InvalidArgumentError,
  InvalidSessionError,
  RateLimitError,
  TransportError
} from "../../src/core/DescopeError.js"
import type { Session } from "../../src/core/Session.js"
import { DescopeClient } from "../../src/DescopeClient.js"
import {
  Authenticator,
  CurrentSession,
  DescopeAuth,
  DescopeSecurity,
  DescopeUnauthorized,
  DescopeUnavailable,
  fromInvalidSession,
  fromOutage,
  fromRefreshRefused,
  ServerErrorCodes
} from "../../src/server/index.js"
import { BackendApi, BadRequest, TenantAdmin, TooManyRequests } from "./Api.js"

/**
 * Options of the backend.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Attributes of the `DS` / `DSR` cookies (default `HttpOnly; Secure; SameSite=Strict`). */
  readonly setCookie?: SetCookieOptions | undefined
}

/**
 * Options of {@link layerServer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerOptions extends Options {
  /** The port (default 0: any free port). */
  readonly port?: number | undefined
  /** The interface (default `127.0.0.1`). */
  readonly host?: string | undefined
}

const tooManyRequests = (e: RateLimitError): TooManyRequests =>
  new TooManyRequests({ retryAfterSeconds: Math.ceil(Duration.toSeconds(e.retryAfter)) })

const badRequest = (e: InvalidArgumentError | AuthError): BadRequest =>
  new BadRequest({
    detail: e.message,
    ...(e._tag === "AuthError" && e.errorCode !== undefined ? { errorCode: e.errorCode } : {})
  })

/**
 * The HTTP answer of a failed sign-in start: 400, 429 or 503.
 *
 * @since 0.1.0
 * @category errors
 */
export const startFailure = (e: StartError): BadRequest | TooManyRequests | DescopeUnavailable => {
  switch (e._tag) {
    case "InvalidArgumentError":
    case "AuthError":
      return badRequest(e)
    case "RateLimitError":
      return tooManyRequests(e)
    case "TransportError":
      return fromOutage(e, false)
  }
}

/**
 * The HTTP answer of a failed verification: 400 (malformed input), 401
 * (wrong or expired code, refused tokens), 429 or 503.
 *
 * @since 0.1.0
 * @category errors
 */
export const authenticationFailure = (
  e: AuthenticationError
): BadRequest | DescopeUnauthorized | TooManyRequests | DescopeUnavailable => {
  switch (e._tag) {
    case "InvalidArgumentError":
      return badRequest(e)
    case "AuthError":
      return new DescopeUnauthorized({
        errorCode: e.errorCode ?? ServerErrorCodes.InvalidToken,
        errorDescription: e.errorDescription ?? "Authentication failed",
        ...(e.errorMessage !== undefined ? { errorMessage: e.errorMessage } : {})
      })
    case "InvalidSessionError":
      return fromInvalidSession(e)
    case "RateLimitError":
      return tooManyRequests(e)
    case "TransportError":
      return fromOutage(e, false)
  }
}

const refreshFailure = (
  e: InvalidSessionError | AuthError | RateLimitError | TransportError | InvalidArgumentError
): DescopeUnauthorized | TooManyRequests | DescopeUnavailable => {
  switch (e._tag) {
    case "InvalidSessionError":
    case "AuthError":
      return fromRefreshRefused(e)
    case "InvalidArgumentError":
      return new DescopeUnauthorized({
        errorCode: ServerErrorCodes.InvalidRefreshToken,
        errorDescription: "Missing or invalid refresh token",
        errorMessage: e.message
      })
    case "RateLimitError":
      return tooManyRequests(e)
    case "TransportError":
      return fromOutage(e, false)
  }
}

const noRefreshCookie = new DescopeUnauthorized({
  errorCode: ServerErrorCodes.InvalidRefreshToken,
  errorDescription: "Missing or invalid refresh token",
  errorMessage: "no DSR cookie: sign in first",
  reason: "Missing"
})

/**
 * The roles of a session per tenant.
 *
 * @since 0.1.0
 * @category getters
 */
export const tenantRoles = (session: Session<unknown>): Record<string, ReadonlyArray<string>> =>
  Object.fromEntries(Object.entries(session.tenants).map(([tenantId, t]) => [tenantId, t.roles]))

/**
 * The public group: OTP sign-up-or-in and verify, refresh, logout.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerAuthGroup = (options: Options = {}) =>
  HttpApiBuilder.group(BackendApi, "auth", (handlers) =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const cookies: Authenticator.Options = { setCookie: options.setCookie }
      return handlers
        .handle("signUpOrIn", ({ payload }) =>
          client.otp.signUpOrIn({ method: "email", loginId: payload.email }).pipe(Effect.mapError(startFailure)))
        .handle("verify", ({ payload }) =>
          client.otp.verifyCode({ method: "email", loginId: payload.email, code: payload.code }).pipe(
            Effect.tap((info) =>
              Authenticator.setSessionCookies(info, cookies)
            ),
            Effect.map((info) => ({ userId: info.session.userId, firstSeen: info.firstSeen })),
            Effect.mapError(authenticationFailure)
          ))
        .handle("refresh", ({ request }) => {
          const { refreshToken } = Authenticator.tokensFromRequest(request)
          if (refreshToken === undefined) {
            return Effect.fail(noRefreshCookie)
          }
          return client.refreshSession(refreshToken).pipe(
            Effect.tap((info) =>
              Authenticator.setSessionCookies(info, cookies)
            ),
            Effect.map((info) => ({ userId: info.session.userId, tenants: tenantRoles(info.session) })),
            Effect.mapError(refreshFailure)
          )
        })
        .handle("logout", ({ request }) => {
          const { refreshToken } = Authenticator.tokensFromRequest(request)
          // revoke the refresh token at Descope (best effort), then clear the cookies in any case
          const revoke = refreshToken === undefined
            ? Effect.void
            : client.logout(refreshToken).pipe(
              Effect.catchAll((e) =>
                Effect.logWarning(`logout: the refresh token was not revoked: ${e._tag}`)
              )
            )
          return revoke.pipe(
            Effect.zipRight(Authenticator.clearSessionCookies(cookies)),
            Effect.as({ loggedOut: refreshToken !== undefined })
          )
        })
    }))

/**
 * The protected group: `/me` and the tenant admin endpoint.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerAppGroup = HttpApiBuilder.group(BackendApi, "app", (handlers) =>
  handlers
    .handle("me", () =>
      Effect.map(CurrentSession, (session) => ({
        userId: session.userId,
        roles: session.roles,
        tenants: tenantRoles(session),
        expiresAt: session.expiresAt ?? null
      })))
    .handle("tenantAdmin", ({ path }) =>
      Effect.map(CurrentSession, (session) => ({ tenantId: path.tenantId, adminId: session.userId }))))

/**
 * The whole API over the `DescopeClient`: sessions come from the bearer
 * header or the `DS` cookie, and an expired session is refreshed
 * transparently through the `DSR` cookie (the rotated cookies are set on the
 * response).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerApi = (options: Options = {}): Layer.Layer<HttpApi.Api, never, DescopeClient> =>
  HttpApiBuilder.api(BackendApi).pipe(
    Layer.provide([layerAuthGroup(options), layerAppGroup]),
    Layer.provide(DescopeAuth.guardLayer(TenantAdmin, { tenantRoles: ["admin"], tenant: { path: "tenantId" } })),
    Layer.provide(DescopeSecurity.layer({ refresh: true, setCookie: options.setCookie }))
  )

/**
 * The backend served by a Node HTTP server (scoped: it stops with its layer);
 * read the address from `HttpServer.HttpServer`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerServer = (
  options: ServerOptions = {}
): Layer.Layer<HttpServer.HttpServer, ServeError, DescopeClient> =>
  HttpApiBuilder.serve().pipe(
    Layer.provide(layerApi(options)),
    Layer.provideMerge(NodeHttpServer.layer(() => createServer(), {
      port: options.port ?? 0,
      host: options.host ?? "127.0.0.1"
    }))
  )
