/**
 * The HTTP answers of the server integration: typed `Schema.TaggedError`
 * classes annotated with their status, whose JSON bodies carry Descope-style
 * fields (`errorCode`, `errorDescription`, `errorMessage`).
 *
 * | error                    | status | when                                                        |
 * | ------------------------ | ------ | ----------------------------------------------------------- |
 * | `DescopeBadRequest`      | 400    | a sign-in start refused: bad input, unknown user ...        |
 * | `DescopeUnauthorized`    | 401    | no token, an invalid / expired token, a wrong code, a failed refresh |
 * | `DescopeForbidden`       | 403    | a valid session lacks a role or a permission                |
 * | `DescopeTooManyRequests` | 429    | Descope rate-limited a sign-in call (with `Retry-After`)    |
 * | `DescopeUnavailable`     | 503    | the signing keys or Descope cannot be used                  |
 *
 * `HttpErrors` maps the client's errors to them (`HttpErrors.mapSignInError` ...).
 *
 * The error codes follow the client-side codes of Descope's Go SDK
 * (`C030002` invalid token, `C030003` missing or invalid refresh token,
 * `C030001` missing or invalid public key, `C020003` rate limit exceeded,
 * `C020002` unexpected response); an error code Descope itself answered with
 * (e.g. `E130429`, `E064001`) is kept.
 *
 * @example
 * ```ts
 * import { HttpApiEndpoint } from "@effect/platform"
 * import { Schema } from "effect"
 * import { DescopeForbidden } from "descope-effect/server"
 *
 * // an endpoint whose handler calls Guard.requireRoles declares the 403
 * const admin = HttpApiEndpoint.get("admin", "/admin").addSuccess(Schema.String).addError(DescopeForbidden)
 * ```
 *
 * @since 0.1.0
 */
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as Duration from "effect/Duration"
import * as Schema from "effect/Schema"
import type {
  AuthError,
  ForbiddenError,
  InvalidSessionError,
  RateLimitError,
  TransportError
} from "../core/DescopeError.js"
import { ErrorBodyFields, InvalidSessionReason } from "../core/DescopeError.js"
import { boundedMemo } from "../internal/boundedMemo.js"
import { withoutStack } from "../internal/expectedError.js"

/**
 * The error codes of the server answers (Descope Go SDK client codes, plus
 * `Forbidden`, for which no Descope SDK defines one).
 *
 * @since 0.1.0
 * @category constants
 */
export const ServerErrorCodes = {
  /** Missing or invalid session token. */
  InvalidToken: "C030002",
  /** Missing or invalid refresh token (the refresh failed). */
  InvalidRefreshToken: "C030003",
  /** The signing keys could not be fetched. */
  PublicKey: "C030001",
  /** Descope rate-limited the server. */
  RateLimitExceeded: "C020003",
  /** Descope could not be reached or answered unusably. */
  UnexpectedResponse: "C020002",
  /** The request was refused before or by Descope (bad input, unknown user ...). */
  BadRequest: "C010001",
  /** The session lacks a role or a permission. */
  Forbidden: "Forbidden",
  /** The token lacks an OAuth scope (RFC 6750). */
  InsufficientScope: "insufficient_scope"
} as const

const describe = (code: string | undefined, description: string | undefined, message: string | undefined): string => {
  const text = [description, message].filter((s) => s !== undefined && s !== "").join(": ")
  return code === undefined ? text : text === "" ? `[${code}]` : `[${code}] ${text}`
}

/**
 * 401: no session token was sent, the token is invalid or expired, or the
 * refresh failed. `reason` says why when the token failed local validation.
 *
 * @since 0.1.0
 * @category errors
 */
export class DescopeUnauthorized extends Schema.TaggedError<DescopeUnauthorized>(
  "descope-effect/DescopeUnauthorized"
)(
  "DescopeUnauthorized",
  {
    ...ErrorBodyFields,
    /** Why the token failed local validation, when it did. */
    reason: Schema.optional(InvalidSessionReason)
  },
  HttpApiSchema.annotations({ status: 401, description: "Missing, invalid or expired Descope session" })
) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Unauthorized ${describe(this.errorCode, this.errorDescription, this.errorMessage)}`
  }
}

/**
 * 403: the session is valid but lacks roles or permissions; names the tenant
 * the check was made against and what is missing.
 *
 * @since 0.1.0
 * @category errors
 */
export class DescopeForbidden extends Schema.TaggedError<DescopeForbidden>("descope-effect/DescopeForbidden")(
  "DescopeForbidden",
  {
    ...ErrorBodyFields,
    /** The tenant the check was made against, if any. */
    tenantId: Schema.optional(Schema.String),
    /** Roles the session lacks. */
    missingRoles: Schema.Array(Schema.String),
    /** Permissions the session lacks. */
    missingPermissions: Schema.Array(Schema.String),
    /** OAuth scopes the token lacks (`insufficient_scope`). */
    missingScopes: Schema.optional(Schema.Array(Schema.String))
  },
  HttpApiSchema.annotations({ status: 403, description: "The Descope session lacks a role or permission" })
) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Forbidden ${describe(this.errorCode, this.errorDescription, this.errorMessage)}`
  }
}

/**
 * 503: the signing keys could not be fetched, or Descope could not be used
 * for a refresh (unreachable, 5xx, rate limited). Never a problem of the
 * caller's token. `retryAfter` (seconds) is set for a rate limit.
 *
 * @since 0.1.0
 * @category errors
 */
export class DescopeUnavailable extends Schema.TaggedError<DescopeUnavailable>("descope-effect/DescopeUnavailable")(
  "DescopeUnavailable",
  {
    ...ErrorBodyFields,
    /** Seconds to wait before retrying, for a rate limit. */
    retryAfter: Schema.optional(Schema.Number)
  },
  HttpApiSchema.annotations({ status: 503, description: "Descope could not be used to authenticate the request" })
) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Service unavailable ${describe(this.errorCode, this.errorDescription, this.errorMessage)}`
  }
}

/**
 * 400: a request refused before it reached Descope (an `InvalidArgumentError`:
 * `errorMessage` names the field) or by Descope (an `AuthError` of a sign-in
 * start: unknown user, malformed e-mail ...; its error code is kept).
 *
 * @since 0.2.0
 * @category errors
 */
export class DescopeBadRequest extends Schema.TaggedError<DescopeBadRequest>("descope-effect/DescopeBadRequest")(
  "DescopeBadRequest",
  ErrorBodyFields,
  HttpApiSchema.annotations({ status: 400, description: "The request was refused by Descope or before reaching it" })
) {
  /** @since 0.2.0 */
  override get message(): string {
    return `Bad request ${describe(this.errorCode, this.errorDescription, this.errorMessage)}`
  }
}

/**
 * 429: Descope rate-limited the call made for this request; `retryAfter`
 * (seconds) is also sent as the `Retry-After` header by `HttpErrors`.
 *
 * @since 0.2.0
 * @category errors
 */
export class DescopeTooManyRequests extends Schema.TaggedError<DescopeTooManyRequests>(
  "descope-effect/DescopeTooManyRequests"
)(
  "DescopeTooManyRequests",
  {
    ...ErrorBodyFields,
    /** Seconds to wait before retrying. */
    retryAfter: Schema.Number
  },
  HttpApiSchema.annotations({ status: 429, description: "Descope rate-limited the request" })
) {
  /** @since 0.2.0 */
  override get message(): string {
    return `Too many requests ${describe(this.errorCode, this.errorDescription, this.errorMessage)}`
  }
}

/**
 * The failures of authentication: 401 or 503 (the `failure` schema of `DescopeAuth`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuthFailure = Schema.Union(DescopeUnauthorized, DescopeUnavailable)

/**
 * @since 0.1.0
 * @category models
 */
export type AuthFailure = DescopeUnauthorized | DescopeUnavailable

/**
 * The failures of a guard: 401, 403 or 503 (the `failure` schema of guard middlewares).
 *
 * @since 0.1.0
 * @category schemas
 */
export const GuardFailure = Schema.Union(DescopeUnauthorized, DescopeForbidden, DescopeUnavailable)

/**
 * @since 0.1.0
 * @category models
 */
export type GuardFailure = DescopeUnauthorized | DescopeForbidden | DescopeUnavailable

/**
 * Every answer of the server integration: 400, 401, 403, 429 or 503.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ServerFailure = Schema.Union(
  DescopeBadRequest,
  DescopeUnauthorized,
  DescopeForbidden,
  DescopeTooManyRequests,
  DescopeUnavailable
)

/**
 * @since 0.2.0
 * @category models
 */
export type ServerFailure = GuardFailure | DescopeBadRequest | DescopeTooManyRequests

/**
 * The 401 of a request that carries no session token.
 *
 * @since 0.1.0
 * @category errors
 */
export const missingToken = (where: string): DescopeUnauthorized =>
  withoutStack(() =>
    new DescopeUnauthorized({
      errorCode: ServerErrorCodes.InvalidToken,
      errorDescription: "Invalid token",
      errorMessage: `no session token: send ${where}`,
      reason: "Missing"
    }, true)
  )

/**
 * The 401 of a session token that failed local validation.
 *
 * @since 0.1.0
 * @category errors
 */
export const fromInvalidSession = (error: InvalidSessionError): DescopeUnauthorized => {
  const errorMessage = error.message
  return unauthorized(`${error.reason}\n${errorMessage}`, () =>
    withoutStack(() =>
      new DescopeUnauthorized({
        errorCode: ServerErrorCodes.InvalidToken,
        errorDescription: "Invalid token",
        errorMessage,
        reason: error.reason
      }, true)
    ))
}

/** The 401s of refused sessions already built, by reason and message (errors are immutable values). */
const unauthorized = boundedMemo<DescopeUnauthorized>(256)

/**
 * The 401 of a failed refresh: the refresh token is invalid, or Descope
 * refused it (its error code is kept).
 *
 * @since 0.1.0
 * @category errors
 */
export const fromRefreshRefused = (error: InvalidSessionError | AuthError): DescopeUnauthorized =>
  error._tag === "AuthError"
    ? new DescopeUnauthorized({
      errorCode: error.errorCode ?? ServerErrorCodes.InvalidRefreshToken,
      errorDescription: "Missing or invalid refresh token",
      errorMessage: `the refresh was refused: ${error.message}`
    })
    : new DescopeUnauthorized({
      errorCode: ServerErrorCodes.InvalidRefreshToken,
      errorDescription: "Missing or invalid refresh token",
      errorMessage: error.message,
      reason: error.reason
    })

/**
 * The 503 of a keys outage or of a Descope call that could not complete.
 * `keys` says whether the signing keys (rather than the refresh endpoint)
 * were being fetched.
 *
 * @since 0.1.0
 * @category errors
 */
export const fromOutage = (error: TransportError | RateLimitError, keys: boolean): DescopeUnavailable => {
  if (error._tag === "RateLimitError") {
    return new DescopeUnavailable({
      errorCode: error.errorCode ?? ServerErrorCodes.RateLimitExceeded,
      errorDescription: "Rate limit exceeded",
      errorMessage: error.message,
      retryAfter: Math.ceil(Duration.toSeconds(error.retryAfter))
    })
  }
  return new DescopeUnavailable({
    errorCode: error.errorCode ?? (keys ? ServerErrorCodes.PublicKey : ServerErrorCodes.UnexpectedResponse),
    errorDescription: keys ? "Missing or invalid public key" : "Unexpected response",
    errorMessage: error.message
  })
}

/**
 * The 403 of a `ForbiddenError` (from `Authorization.require*`).
 *
 * @since 0.1.0
 * @category errors
 */
export const fromForbidden = (error: ForbiddenError): DescopeForbidden =>
  new DescopeForbidden({
    errorCode: ServerErrorCodes.Forbidden,
    errorDescription: "Insufficient roles or permissions",
    errorMessage: error.message,
    ...(error.tenantId !== undefined ? { tenantId: error.tenantId } : {}),
    missingRoles: error.missingRoles,
    missingPermissions: error.missingPermissions
  })

/**
 * Whether a value is one of the server errors.
 *
 * @since 0.1.0
 * @category guards
 */
export const isServerError = (u: unknown): u is GuardFailure =>
  u instanceof DescopeUnauthorized || u instanceof DescopeForbidden || u instanceof DescopeUnavailable

/**
 * The HTTP status of a server error.
 *
 * @since 0.1.0
 * @category getters
 */
export function statusOf(error: GuardFailure): 401 | 403 | 503
export function statusOf(error: ServerFailure): 400 | 401 | 403 | 429 | 503
export function statusOf(error: ServerFailure): 400 | 401 | 403 | 429 | 503 {
  switch (error._tag) {
    case "DescopeBadRequest":
      return 400
    case "DescopeUnauthorized":
      return 401
    case "DescopeForbidden":
      return 403
    case "DescopeTooManyRequests":
      return 429
    case "DescopeUnavailable":
      return 503
  }
}

/**
 * The JSON body of a server error, exactly as an `HttpApi` encodes it
 * (`_tag` plus the fields, in the same order). Every field of these classes
 * encodes to itself (strings, numbers, string arrays, literals), so the body
 * is a copy of the error's own fields, without a pass through `Schema` on the
 * 401 path (a test checks it against `Schema.encodeSync(ServerFailure)`).
 *
 * @since 0.1.0
 * @category rendering
 */
export const bodyOf = (error: ServerFailure): Record<string, unknown> => {
  // the fields named by the class, not `Object.keys`: a failure Effect wrapped (a proxy attaching the span)
  // would answer `Object.keys` by reading every own property's descriptor, the stack trace's included
  const fields = (error.constructor as { readonly fields?: Readonly<Record<string, unknown>> }).fields ?? {}
  const values = error as unknown as Readonly<Record<string, unknown>>
  const body: Record<string, unknown> = {}
  for (const key in fields) {
    if (key === "_tag") continue
    if (!Object.prototype.hasOwnProperty.call(values, key)) continue
    const value = values[key]
    body[key] = Array.isArray(value) ? [...value] : value
  }
  body._tag = error._tag
  return body
}
