/**
 * The HTTP answers of the client's errors in your own endpoints: the mapping
 * every backend otherwise writes by hand, with Descope-style JSON bodies
 * (`errorCode`, `errorDescription`, `errorMessage`).
 *
 * | client error           | sign-in start (`mapStartError`) | sign-in (`mapSignInError`), refresh (`mapRefreshError`) |
 * | ---------------------- | ------------------------------- | ------------------------------------------------------- |
 * | `InvalidArgumentError` | 400 `DescopeBadRequest`         | 400 (sign-in), 401 (refresh)                            |
 * | `AuthError`            | 400 `DescopeBadRequest`         | 401 `DescopeUnauthorized` (Descope's error code kept)   |
 * | `InvalidSessionError`  |                                 | 401 `DescopeUnauthorized` (with its `reason`)           |
 * | `RateLimitError`       | 429 `DescopeTooManyRequests` + `Retry-After` | 429 `DescopeTooManyRequests` + `Retry-After` |
 * | `TransportError`       | 503 `DescopeUnavailable`        | 503 `DescopeUnavailable`                                |
 *
 * Declare the answers on the endpoint with the matching schema
 * (`.addError(HttpErrors.SignInFailure)`) and pipe the handler's effect
 * through the combinator:
 *
 * @example
 * ```ts
 * import { HttpApiEndpoint } from "@effect/platform"
 * import { Effect, Schema } from "effect"
 * import { DescopeClient } from "descope-effect"
 * import { HttpErrors } from "descope-effect/server"
 *
 * export const verify = HttpApiEndpoint.post("verify", "/auth/verify")
 *   .setPayload(Schema.Struct({ email: Schema.String, code: Schema.String }))
 *   .addSuccess(Schema.Struct({ userId: Schema.String }))
 *   .addError(HttpErrors.SignInFailure) // 400, 401, 429, 503
 *
 * // a wrong code answers 401 {"_tag":"DescopeUnauthorized","errorCode":"E061102",...}
 * export const handle = (email: string, code: string) =>
 *   Effect.flatMap(DescopeClient, (client) => client.otp.verifyCode({ method: "email", loginId: email, code })).pipe(
 *     Effect.map((info) => ({ userId: info.session.userId })),
 *     HttpErrors.mapSignInError
 *   )
 * ```
 *
 * @since 0.2.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { AuthenticationError, StartError } from "../auth/LoginOptions.js"
import type { InvalidArgumentError, RateLimitError } from "../core/DescopeError.js"
import { annotateFailure } from "./Authenticator.js"
import {
  DescopeBadRequest,
  DescopeTooManyRequests,
  DescopeUnauthorized,
  DescopeUnavailable,
  fromInvalidSession,
  fromOutage,
  fromRefreshRefused,
  ServerErrorCodes
} from "./ServerError.js"

/**
 * The answers of a sign-in start (send a code or a link): 400, 429 or 503.
 *
 * @since 0.2.0
 * @category schemas
 */
export const StartFailure = Schema.Union(DescopeBadRequest, DescopeTooManyRequests, DescopeUnavailable)

/**
 * @since 0.2.0
 * @category models
 */
export type StartFailure = DescopeBadRequest | DescopeTooManyRequests | DescopeUnavailable

/**
 * The answers of a sign-in (verify a code, a link, a password ...): 400, 401, 429 or 503.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SignInFailure = Schema.Union(
  DescopeBadRequest,
  DescopeUnauthorized,
  DescopeTooManyRequests,
  DescopeUnavailable
)

/**
 * @since 0.2.0
 * @category models
 */
export type SignInFailure = DescopeBadRequest | DescopeUnauthorized | DescopeTooManyRequests | DescopeUnavailable

/**
 * The answers of a refresh with the refresh token: 401, 429 or 503.
 *
 * @since 0.2.0
 * @category schemas
 */
export const RefreshFailure = Schema.Union(DescopeUnauthorized, DescopeTooManyRequests, DescopeUnavailable)

/**
 * @since 0.2.0
 * @category models
 */
export type RefreshFailure = DescopeUnauthorized | DescopeTooManyRequests | DescopeUnavailable

/**
 * The 400 of an `InvalidArgumentError` (nothing was sent to Descope).
 *
 * @since 0.2.0
 * @category errors
 */
export const fromInvalidArgument = (error: InvalidArgumentError): DescopeBadRequest =>
  new DescopeBadRequest({
    errorCode: ServerErrorCodes.BadRequest,
    errorDescription: "Invalid argument",
    errorMessage: error.message
  })

/**
 * The 429 of a `RateLimitError`, `retryAfter` in whole seconds (rounded up).
 *
 * @since 0.2.0
 * @category errors
 */
export const fromRateLimit = (error: RateLimitError): DescopeTooManyRequests =>
  new DescopeTooManyRequests({
    errorCode: error.errorCode ?? ServerErrorCodes.RateLimitExceeded,
    errorDescription: "Rate limit exceeded",
    errorMessage: error.message,
    retryAfter: Math.ceil(Duration.toSeconds(error.retryAfter))
  })

/**
 * The answer of a failed sign-in start.
 *
 * @since 0.2.0
 * @category errors
 */
export const fromStartError = (error: StartError): StartFailure => {
  switch (error._tag) {
    case "InvalidArgumentError":
      return fromInvalidArgument(error)
    case "AuthError":
      return new DescopeBadRequest({
        errorCode: error.errorCode ?? ServerErrorCodes.BadRequest,
        errorDescription: error.errorDescription ?? "Request refused",
        ...(error.errorMessage !== undefined ? { errorMessage: error.errorMessage } : {})
      })
    case "RateLimitError":
      return fromRateLimit(error)
    case "TransportError":
      return fromOutage(error, false)
  }
}

/**
 * The answer of a failed sign-in: Descope's refusal (a wrong or expired code,
 * a used link, wrong credentials) and tokens that fail validation are 401.
 *
 * @since 0.2.0
 * @category errors
 */
export const fromSignInError = (error: AuthenticationError): SignInFailure => {
  switch (error._tag) {
    case "InvalidArgumentError":
      return fromInvalidArgument(error)
    case "AuthError":
      return new DescopeUnauthorized({
        errorCode: error.errorCode ?? ServerErrorCodes.InvalidToken,
        errorDescription: error.errorDescription ?? "Authentication failed",
        ...(error.errorMessage !== undefined ? { errorMessage: error.errorMessage } : {})
      })
    case "InvalidSessionError":
      return fromInvalidSession(error)
    case "RateLimitError":
      return fromRateLimit(error)
    case "TransportError":
      return fromOutage(error, false)
  }
}

/**
 * The answer of a failed refresh: a refused or unusable refresh token is 401.
 *
 * @since 0.2.0
 * @category errors
 */
export const fromRefreshError = (error: AuthenticationError): RefreshFailure => {
  switch (error._tag) {
    case "InvalidArgumentError":
      return new DescopeUnauthorized({
        errorCode: ServerErrorCodes.InvalidRefreshToken,
        errorDescription: "Missing or invalid refresh token",
        errorMessage: error.message
      })
    case "AuthError":
    case "InvalidSessionError":
      return fromRefreshRefused(error)
    case "RateLimitError":
      return fromRateLimit(error)
    case "TransportError":
      return fromOutage(error, false)
  }
}

/** A 429's `Retry-After` (and a rate-limited 503's) on the response; a sign-in 401 carries no `WWW-Authenticate`. */
const annotate = (error: StartFailure | SignInFailure | RefreshFailure): Effect.Effect<void> =>
  error._tag === "DescopeUnauthorized" ? Effect.void : annotateFailure(error)

/**
 * Maps the errors of a sign-in start to their HTTP answers (and sets `Retry-After` on a 429).
 *
 * @since 0.2.0
 * @category combinators
 */
export const mapStartError = <A, E extends StartError, R>(
  self: Effect.Effect<A, E, R>
): Effect.Effect<A, StartFailure, R> => self.pipe(Effect.mapError(fromStartError), Effect.tapError(annotate))

/**
 * Maps the errors of a sign-in to their HTTP answers (and sets `Retry-After` on a 429).
 *
 * @since 0.2.0
 * @category combinators
 */
export const mapSignInError = <A, E extends AuthenticationError, R>(
  self: Effect.Effect<A, E, R>
): Effect.Effect<A, SignInFailure, R> => self.pipe(Effect.mapError(fromSignInError), Effect.tapError(annotate))

/**
 * Maps the errors of a refresh to their HTTP answers (and sets `Retry-After` on a 429).
 *
 * @since 0.2.0
 * @category combinators
 */
export const mapRefreshError = <A, E extends AuthenticationError, R>(
  self: Effect.Effect<A, E, R>
): Effect.Effect<A, RefreshFailure, R> => self.pipe(Effect.mapError(fromRefreshError), Effect.tapError(annotate))
