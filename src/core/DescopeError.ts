/**
 * The error model of descope-effect.
 *
 * Every operation fails with a narrow union of these classes, so callers can
 * `Effect.catchTag` exhaustively and map each to an HTTP status of their own:
 *
 * | error                  | meaning                                         | suggested status |
 * | ---------------------- | ----------------------------------------------- | ---------------- |
 * | `AuthError`            | Descope answered 4xx (not 429)                  | 401 / 400 / 403  |
 * | `RateLimitError`       | Descope answered 429                            | 429 / 503        |
 * | `TransportError`       | Descope unreachable or answered unusably        | 503              |
 * | `InvalidSessionError`  | a token failed local validation                 | 401              |
 * | `InvalidArgumentError` | client-side validation failed, nothing was sent | 400              |
 * | `ForbiddenError`       | a session lacks a role or permission            | 403              |
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/**
 * Well-known Descope error codes (`errorCode` of an error body).
 *
 * @since 0.1.0
 * @category constants
 */
export const ErrorCodes = {
  /** Bad request. */
  BadRequest: "E011001",
  /** Missing arguments. */
  MissingArguments: "E011002",
  /** Invalid request / validation failure. */
  InvalidRequest: "E011003",
  /** Invalid arguments. */
  InvalidArguments: "E011004",
  /** Unauthorized: a missing or wrong project id or management key (the emulator's code; Descope's varies). */
  Unauthorized: "E011005",
  /** No such route (the emulator's code). */
  NotFound: "E011006",
  /** The route exists with another method (the emulator's code). */
  MethodNotAllowed: "E011007",
  /** The emulator does not emulate this endpoint. */
  NotEmulated: "E011008",
  /** The request body is larger than the emulator accepts (413). */
  PayloadTooLarge: "E011009",
  /** A browser origin the emulator does not allow (403). */
  OriginNotAllowed: "E011010",
  /** Wrong OTP code. */
  WrongOtpCode: "E061102",
  /** Too many OTP attempts. */
  TooManyOtpAttempts: "E061103",
  /** User already exists. */
  UserAlreadyExists: "E062107",
  /** User not found (authentication APIs). */
  UserNotFound: "E062108",
  /** The user is disabled. */
  UserDisabled: "E062110",
  /** Enchanted link still pending (HTTP 401 from `pending-session`). */
  EnchantedLinkPending: "E062503",
  /** A magic or enchanted link that is unknown, used or expired. */
  InvalidLink: "E062504",
  /** Wrong login id or password. */
  InvalidCredentials: "E062901",
  /** The password does not meet the project's policy. */
  PasswordPolicy: "E062902",
  /** Password expired. */
  PasswordExpired: "E062909",
  /** Token expired because the user logged out. */
  TokenExpiredByLoggedOut: "E064001",
  /** A token that is not valid for the call (malformed, expired, wrong type). */
  InvalidToken: "E064002",
  /** NOTP session still pending. */
  NotpPending: "E066103",
  /** Management API: user not found. */
  ManagementUserNotFound: "E112102",
  /** Management API: the object (tenant, role, access key ...) was not found. */
  ManagementNotFound: "E112103",
  /** Rate limit exceeded (HTTP 429). */
  RateLimitExceeded: "E130429",
  /** A failure injected by the emulator's fault rules. */
  InjectedFault: "E999999"
} as const

/**
 * The statuses retried as transient, as the official SDKs do.
 *
 * @since 0.1.0
 * @category constants
 */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([503, 520, 521, 522, 524, 530])

/**
 * The fields of a Descope error body (`{ errorCode, errorDescription, errorMessage }`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorBodyFields = {
  errorCode: Schema.optional(Schema.String),
  errorDescription: Schema.optional(Schema.String),
  errorMessage: Schema.optional(Schema.String)
}

/**
 * Descope answered with a 4xx status other than 429.
 *
 * @since 0.1.0
 * @category errors
 */
export class AuthError extends Schema.TaggedError<AuthError>("descope-effect/AuthError")("AuthError", {
  /** The HTTP status Descope answered with. */
  status: Schema.Number,
  ...ErrorBodyFields,
  /** The request id header of the response, when Descope sent one. */
  requestId: Schema.optional(Schema.String)
}) {
  /** @since 0.1.0 */
  override get message(): string {
    const parts = [`Descope answered ${this.status}`]
    if (this.errorCode !== undefined) parts.push(this.errorCode)
    const text = [this.errorDescription, this.errorMessage].filter((s) => s !== undefined && s !== "").join(": ")
    return text === "" ? parts.join(" ") : `${parts.join(" ")}: ${text}`
  }
  /** The error code is the wrong OTP code (`E061102`). @since 0.1.0 */
  get isWrongOtpCode(): boolean {
    return this.errorCode === ErrorCodes.WrongOtpCode
  }
  /** The error code is too many OTP attempts (`E061103`). @since 0.1.0 */
  get isTooManyOtpAttempts(): boolean {
    return this.errorCode === ErrorCodes.TooManyOtpAttempts
  }
  /** The enchanted link is still pending (`E062503`). @since 0.1.0 */
  get isEnchantedLinkPending(): boolean {
    return this.errorCode === ErrorCodes.EnchantedLinkPending
  }
  /** The user was not found (`E062108` or the management `E112102`). @since 0.1.0 */
  get isUserNotFound(): boolean {
    return this.errorCode === ErrorCodes.UserNotFound || this.errorCode === ErrorCodes.ManagementUserNotFound
  }
  /** The user already exists (`E062107`). @since 0.1.0 */
  get isUserAlreadyExists(): boolean {
    return this.errorCode === ErrorCodes.UserAlreadyExists
  }
  /** The password expired (`E062909`). @since 0.1.0 */
  get isPasswordExpired(): boolean {
    return this.errorCode === ErrorCodes.PasswordExpired
  }
}

/**
 * The `retryAfter` used when a 429 carries no usable `Retry-After` header.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_RETRY_AFTER: Duration.Duration = Duration.seconds(1)

/**
 * The largest `retryAfter` a `Retry-After` header can produce; larger values are clamped.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_RETRY_AFTER: Duration.Duration = Duration.hours(24)

/**
 * Descope answered 429: the caller is rate limited for `retryAfter`.
 *
 * @since 0.1.0
 * @category errors
 */
export class RateLimitError extends Schema.TaggedError<RateLimitError>("descope-effect/RateLimitError")(
  "RateLimitError",
  {
    /** How long to wait before the next call, from `Retry-After` (default {@link DEFAULT_RETRY_AFTER}). */
    retryAfter: Schema.DurationFromSelf,
    ...ErrorBodyFields,
    /** The request id header of the response, when Descope sent one. */
    requestId: Schema.optional(Schema.String)
  }
) {
  /** @since 0.1.0 */
  readonly status = 429
  /** @since 0.1.0 */
  override get message(): string {
    return `Descope rate limit exceeded: retry after ${Duration.format(this.retryAfter)}`
  }
}

/**
 * Why Descope could not be used.
 *
 * - `Timeout`: no answer in time.
 * - `Network`: the connection failed (refused, reset, DNS ...).
 * - `ServerError`: Descope answered 5xx, after the configured retries.
 * - `Decode`: Descope answered with a body that is not the expected JSON.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TransportErrorReason = Schema.Literal("Timeout", "Network", "ServerError", "Decode", "ResponseTooLarge")

/**
 * @since 0.1.0
 * @category models
 */
export type TransportErrorReason = typeof TransportErrorReason.Type

/**
 * Descope could not be reached or answered unusably. An application usually
 * maps it to 503: it is never a problem of the caller's token.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>("descope-effect/TransportError")(
  "TransportError",
  {
    reason: TransportErrorReason,
    /** The HTTP method of the failed request. */
    method: Schema.optional(Schema.String),
    /** The path of the failed request, without its query string. */
    path: Schema.optional(Schema.String),
    /** The HTTP status, when a response arrived. */
    status: Schema.optional(Schema.Number),
    ...ErrorBodyFields,
    /** A description of what went wrong; never contains a secret. */
    description: Schema.optional(Schema.String),
    /** The request id header of the response, when Descope sent one. */
    requestId: Schema.optional(Schema.String),
    /** The host that could not be reached or answered unusably, e.g. `api.descope.com`. */
    host: Schema.optional(Schema.String),
    /** The system error code of a network failure, e.g. `ECONNREFUSED` or `ENOTFOUND`. */
    code: Schema.optional(Schema.String),
    /** The underlying error (a network error, never a request with its headers). */
    cause: Schema.optional(Schema.Defect)
  }
) {
  /**
   * Whether sending the request again may succeed: a transient status (503,
   * 520, 521, 522, 524, 530), a refused connection, or a `GET` that timed out
   * or failed on the network. A `POST` that may have reached Descope is never
   * sent twice.
   *
   * @since 0.2.0
   */
  get isRetryable(): boolean {
    switch (this.reason) {
      case "ServerError":
        return this.status !== undefined && TRANSIENT_STATUSES.has(this.status)
      case "Network":
        return this.code === "ECONNREFUSED" || this.method === "GET"
      case "Timeout":
        return this.method === "GET"
      default:
        return false
    }
  }

  /** @since 0.1.0 */
  override get message(): string {
    const where = this.method !== undefined && this.path !== undefined ? ` (${this.method} ${this.path})` : ""
    const status = this.status !== undefined ? ` status ${this.status}` : ""
    const code = this.errorCode !== undefined ? ` ${this.errorCode}` : ""
    const description = this.description !== undefined ? `: ${this.description}` : ""
    const host = this.host !== undefined && this.description?.includes(this.host) !== true ? ` [${this.host}]` : ""
    return `Descope transport error ${this.reason}${where}${status}${code}${description}${host}`
  }
}

/**
 * Client-side validation failed: no request was sent.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidArgumentError extends Schema.TaggedError<InvalidArgumentError>(
  "descope-effect/InvalidArgumentError"
)("InvalidArgumentError", {
  /** The name of the offending argument or field, e.g. `loginId` or `managementKey`. */
  field: Schema.String,
  /** Why the value was refused. */
  reason: Schema.String
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Invalid argument ${this.field}: ${this.reason}`
  }
}

/**
 * Why a token failed local validation. `WrongTokenType` (since 0.2.0): a
 * refresh token (`drn: "DSR"`) given as a session, or a session token given as
 * a refresh token. `MissingClaim` (since 0.2.0): a validly signed token without
 * `exp`, or whose `sub` is missing, empty or not a string.
 *
 * @since 0.1.0
 * @category schemas
 */
export const InvalidSessionReason = Schema.Literal(
  "Missing",
  "Malformed",
  "Expired",
  "NotYetValid",
  "BadSignature",
  "UnknownKey",
  "WrongIssuer",
  "WrongAudience",
  "AlgorithmNotAllowed",
  "TooOld",
  "InvalidClaims",
  "WrongTokenType",
  "MissingClaim"
)

/**
 * @since 0.1.0
 * @category models
 */
export type InvalidSessionReason = typeof InvalidSessionReason.Type

/**
 * A token failed local validation: an application maps it to 401.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidSessionError extends Schema.TaggedError<InvalidSessionError>(
  "descope-effect/InvalidSessionError"
)("InvalidSessionError", {
  reason: InvalidSessionReason,
  /** Details on the failure; never contains the token. */
  description: Schema.optional(Schema.String)
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return this.description === undefined
      ? `Invalid session: ${this.reason}`
      : `Invalid session: ${this.reason}: ${this.description}`
  }
}

/**
 * A valid session lacks what an operation requires: an application maps it to 403.
 *
 * @since 0.1.0
 * @category errors
 */
export class ForbiddenError extends Schema.TaggedError<ForbiddenError>("descope-effect/ForbiddenError")(
  "ForbiddenError",
  {
    /** The tenant the check was made against, if any. */
    tenantId: Schema.optional(Schema.String),
    /** Roles the session lacks. */
    missingRoles: Schema.Array(Schema.String),
    /** Permissions the session lacks. */
    missingPermissions: Schema.Array(Schema.String)
  }
) {
  /** @since 0.1.0 */
  override get message(): string {
    const parts: Array<string> = []
    if (this.missingRoles.length > 0) parts.push(`roles [${this.missingRoles.join(", ")}]`)
    if (this.missingPermissions.length > 0) parts.push(`permissions [${this.missingPermissions.join(", ")}]`)
    const tenant = this.tenantId !== undefined ? ` in tenant ${this.tenantId}` : ""
    if (parts.length === 0) {
      return this.tenantId !== undefined
        ? `Forbidden: the session is not associated with tenant ${this.tenantId}`
        : "Forbidden"
    }
    return `Forbidden: missing ${parts.join(" and ")}${tenant}`
  }
}

/**
 * A polling operation (`enchantedLink.waitForSession`, `notp.waitForSession`)
 * saw no result within its timeout (the user has not completed the flow yet, or a
 * flow execution is still running).
 *
 * @since 0.1.0
 * @category errors
 */
export class PollingTimeoutError extends Schema.TaggedError<PollingTimeoutError>(
  "descope-effect/PollingTimeoutError"
)("PollingTimeoutError", {
  /** The polling operation, e.g. `enchantedLink.waitForSession`. */
  operation: Schema.String,
  /** The timeout that elapsed. */
  timeout: Schema.DurationFromSelf
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.operation}: still pending after ${Duration.format(this.timeout)}`
  }
}

/**
 * Any error of a remote Descope call.
 *
 * @since 0.1.0
 * @category models
 */
export type RemoteError = AuthError | RateLimitError | TransportError

/**
 * Any error descope-effect produces.
 *
 * @since 0.1.0
 * @category models
 */
export type DescopeError =
  | AuthError
  | RateLimitError
  | TransportError
  | InvalidArgumentError
  | InvalidSessionError
  | ForbiddenError
  | PollingTimeoutError

const tags = new Set([
  "AuthError",
  "RateLimitError",
  "TransportError",
  "InvalidArgumentError",
  "InvalidSessionError",
  "ForbiddenError",
  "PollingTimeoutError"
])

/**
 * Whether a value is one of the SDK's errors.
 *
 * @since 0.1.0
 * @category guards
 */
export const isDescopeError = (u: unknown): u is DescopeError =>
  Predicate.hasProperty(u, "_tag") && typeof u._tag === "string" && tags.has(u._tag) && u instanceof Error

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
const LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
const TIME = "\\d{2}:\\d{2}:\\d{2}"
/** IMF-fixdate and the obsolete RFC 850 form (RFC 9110 §5.6.7), both in GMT. */
const GMT_DATE = new RegExp(
  `^(?:${DAY},\\s+\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${LONG_DAY},\\s+\\d{1,2}-${MONTH}-\\d{2})\\s+${TIME}\\s+GMT$`,
  "i"
)
/** The obsolete asctime form (RFC 9110 §5.6.7), which carries no zone: it is GMT. */
const ASCTIME_DATE = new RegExp(`^${DAY}\\s+${MONTH}\\s+\\d{1,2}\\s+${TIME}\\s+\\d{4}$`, "i")

/**
 * Parses a `Retry-After` header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3),
 * relative to `nowMillis`. Absent, garbled or negative values give `fallback`;
 * an HTTP-date in the past gives zero; the result is clamped to {@link MAX_RETRY_AFTER}.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseRetryAfter = (
  header: string | undefined,
  nowMillis: number,
  fallback: Duration.Duration = DEFAULT_RETRY_AFTER
): Duration.Duration => {
  if (header === undefined) return fallback
  const trimmed = header.trim()
  if (trimmed === "") return fallback
  let result: Duration.Duration
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed)
    // a value too large for a number is still a (huge) delay: clamp it below
    result = Number.isFinite(seconds) ? Duration.millis(Math.round(seconds * 1000)) : MAX_RETRY_AFTER
  } else {
    // only real HTTP-dates: Date.parse alone accepts garbage such as "-5" or "soon 12"
    const date = GMT_DATE.test(trimmed)
      ? Date.parse(trimmed)
      : ASCTIME_DATE.test(trimmed)
      ? Date.parse(`${trimmed} GMT`)
      : Number.NaN
    if (Number.isNaN(date)) return fallback
    result = Duration.millis(Math.max(0, date - nowMillis))
  }
  return Duration.min(result, MAX_RETRY_AFTER)
}
