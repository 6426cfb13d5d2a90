/**
 * Shared fragments of the authentication flows: delivery methods, login and
 * sign-up options, the sign-up `user` object, contact-update options, the
 * small decoded start responses, the client-side checks every flow runs
 * before sending anything, and the polling of sessions that arrive later.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import {
  type AuthError,
  type InvalidSessionError,
  InvalidArgumentError,
  PollingTimeoutError,
  type RateLimitError,
  type RemoteError,
  type TransportError
} from "../core/DescopeError.js"
import * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"

/**
 * A delivery method: the path segment of OTP and magic-link calls.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DeliveryMethod = Schema.Literal("email", "sms", "voice", "whatsapp")

/**
 * @since 0.1.0
 * @category models
 */
export type DeliveryMethod = typeof DeliveryMethod.Type

/**
 * The delivery methods that send to a phone.
 *
 * @since 0.1.0
 * @category models
 */
export type PhoneDeliveryMethod = Exclude<DeliveryMethod, "email">

/**
 * Every delivery method, in wire spelling.
 *
 * @since 0.1.0
 * @category constants
 */
export const deliveryMethods: ReadonlyArray<DeliveryMethod> = DeliveryMethod.literals

/**
 * A secret input: a `Redacted` string, or a plain string that is redacted at once.
 *
 * @since 0.1.0
 * @category models
 */
export type Secret = Redacted.Redacted<string> | string

/**
 * Messaging template variables (`templateOptions`).
 *
 * @since 0.1.0
 * @category models
 */
export type TemplateOptions = Readonly<Record<string, string>>

/**
 * Options of a sign-in (sent as the `loginOptions` body field, or as the whole
 * body of OAuth / SAML / SSO start). `stepup` and `mfa` act on an existing
 * session and need its refresh token.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoginOptions {
  /** Step up an existing session (needs the refresh token). */
  readonly stepup?: boolean | undefined
  /** Add a factor to an existing session (needs the refresh token). */
  readonly mfa?: boolean | undefined
  /** Revoke the user's other sessions. */
  readonly revokeOtherSessions?: boolean | undefined
  /** Extra claims for the issued JWTs. */
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  /** A messaging template override. */
  readonly templateId?: string | undefined
  /** Variables of the messaging template. */
  readonly templateOptions?: TemplateOptions | undefined
  /** The tenant to associate the authentication with. */
  readonly tenantId?: string | undefined
  /** The messaging locale. */
  readonly locale?: string | undefined
}

/**
 * Options of a sign-up or a sign-up-or-in (sent as the `loginOptions` body field).
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOptions {
  /** Extra claims for the issued JWTs. */
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  /** A messaging template override. */
  readonly templateId?: string | undefined
  /** Variables of the messaging template. */
  readonly templateOptions?: TemplateOptions | undefined
  /** The tenant to associate the user with. */
  readonly tenantId?: string | undefined
  /** The messaging locale. */
  readonly locale?: string | undefined
  /** Revoke the user's other sessions. */
  readonly revokeOtherSessions?: boolean | undefined
}

/**
 * The `user` object of a sign-up. Its fields are not checked against the strict
 * patterns (a phone such as `212-555-1234` is sent as is).
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpUser {
  readonly name?: string | undefined
  readonly givenName?: string | undefined
  readonly middleName?: string | undefined
  readonly familyName?: string | undefined
  readonly email?: string | undefined
  readonly phone?: string | undefined
}

/**
 * Options of a contact update (`updateUserEmail` / `updateUserPhone`), spread at
 * the top level of the body.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateOptions {
  /** Also add the new address as a login id (wire `addToLoginIDs`). */
  readonly addToLoginIds?: boolean | undefined
  /** When the new login id belongs to another user, keep that user. */
  readonly onMergeUseExisting?: boolean | undefined
  /** Variables of the messaging template. */
  readonly templateOptions?: TemplateOptions | undefined
  /** A messaging template override. */
  readonly templateId?: string | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
  /** Keep the session's previous factors and add this one. */
  readonly mfa?: boolean | undefined
}

/**
 * `{ maskedEmail }`: where an e-mail was sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MaskedEmail = Schema.Struct({ maskedEmail: Schema.String })

/**
 * @since 0.1.0
 * @category models
 */
export type MaskedEmail = typeof MaskedEmail.Type

/**
 * `{ maskedPhone }`: where a text, call or WhatsApp message was sent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MaskedPhone = Schema.Struct({ maskedPhone: Schema.String })

/**
 * @since 0.1.0
 * @category models
 */
export type MaskedPhone = typeof MaskedPhone.Type

/**
 * The masked address answered for a delivery method: `MaskedEmail` for
 * `email`, `MaskedPhone` otherwise.
 *
 * @since 0.1.0
 * @category models
 */
export type MaskedAddress<M extends DeliveryMethod> = M extends "email" ? MaskedEmail : MaskedPhone

/**
 * The schema of the masked address answered for a delivery method.
 *
 * @since 0.1.0
 * @category schemas
 */
export const maskedAddressSchema = <M extends DeliveryMethod>(
  method: M
): Schema.Schema<MaskedAddress<M>, MaskedAddress<M>> =>
  (method === "email" ? MaskedEmail : MaskedPhone) as unknown as Schema.Schema<MaskedAddress<M>, MaskedAddress<M>>

/**
 * `{ url }`: where to redirect the browser (OAuth, SAML, SSO start).
 *
 * @since 0.1.0
 * @category schemas
 */
export const UrlResponse = Schema.Struct({ url: Schema.String })

/**
 * @since 0.1.0
 * @category models
 */
export type UrlResponse = typeof UrlResponse.Type

// ---------------------------------------------------------------------------
// encoding
// ---------------------------------------------------------------------------

/**
 * Reveals a secret input.
 *
 * @since 0.1.0
 * @category utils
 */
export const reveal = (secret: Secret): string => (Redacted.isRedacted(secret) ? Redacted.value(secret) : secret)

const defined = (entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of entries) {
    if (value !== undefined) out[key] = value
  }
  return out
}

/**
 * The wire form of login options: only the members that are set.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeLoginOptions = (options: LoginOptions | undefined): Record<string, unknown> =>
  options === undefined ? {} : defined([
    ["stepup", options.stepup],
    ["mfa", options.mfa],
    ["revokeOtherSessions", options.revokeOtherSessions],
    ["customClaims", options.customClaims],
    ["templateId", options.templateId],
    ["templateOptions", options.templateOptions],
    ["tenantId", options.tenantId],
    ["locale", options.locale]
  ])

/**
 * The wire form of sign-up options: only the members that are set.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeSignUpOptions = (options: SignUpOptions | undefined): Record<string, unknown> =>
  options === undefined ? {} : defined([
    ["customClaims", options.customClaims],
    ["templateId", options.templateId],
    ["templateOptions", options.templateOptions],
    ["tenantId", options.tenantId],
    ["locale", options.locale],
    ["revokeOtherSessions", options.revokeOtherSessions]
  ])

/**
 * The wire form of a sign-up user, or `undefined` when none is given.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeUser = (user: SignUpUser | undefined): Record<string, unknown> | undefined =>
  user === undefined ? undefined : defined([
    ["name", user.name],
    ["givenName", user.givenName],
    ["middleName", user.middleName],
    ["familyName", user.familyName],
    ["email", user.email],
    ["phone", user.phone]
  ])

/**
 * The wire form of update options (spread at the top level of the body).
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeUpdateOptions = (options: UpdateOptions): Record<string, unknown> =>
  defined([
    ["addToLoginIDs", options.addToLoginIds],
    ["onMergeUseExisting", options.onMergeUseExisting],
    ["templateOptions", options.templateOptions],
    ["templateId", options.templateId],
    ["providerId", options.providerId],
    ["mfa", options.mfa]
  ])

/**
 * Drops the `undefined` members of a body (they are not sent).
 *
 * @since 0.1.0
 * @category encoding
 */
export const compact = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  defined(Object.entries(fields))

// ---------------------------------------------------------------------------
// client-side checks (nothing is sent when one fails)
// ---------------------------------------------------------------------------

/**
 * The update-email pattern of the official Node SDK.
 *
 * @since 0.1.0
 * @category validation
 */
export const EMAIL_PATTERN = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*$/

/**
 * The update-phone pattern of the official Node SDK (E.164).
 *
 * @since 0.1.0
 * @category validation
 */
export const PHONE_PATTERN = /^\+[1-9]{1}[0-9]{3,14}$/

const invalid = (field: string, reason: string) => Effect.fail(new InvalidArgumentError({ field, reason }))

/**
 * Fails with `InvalidArgumentError` naming `field` when `value` is empty.
 *
 * @since 0.1.0
 * @category validation
 */
export const nonEmpty = (field: string, value: string | undefined): Effect.Effect<string, InvalidArgumentError> =>
  typeof value === "string" && value !== "" ? Effect.succeed(value) : invalid(field, "must not be empty")

/**
 * Fails with `InvalidArgumentError` naming `field` when a secret is empty; the
 * value never appears in the error.
 *
 * @since 0.1.0
 * @category validation
 */
export const nonEmptySecret = (
  field: string,
  value: Secret | undefined
): Effect.Effect<string, InvalidArgumentError> =>
  value !== undefined && (Redacted.isRedacted(value) || typeof value === "string") && reveal(value) !== ""
    ? Effect.succeed(reveal(value))
    : invalid(field, "must not be empty")

/**
 * Checks an address against {@link EMAIL_PATTERN}.
 *
 * @since 0.1.0
 * @category validation
 */
export const email = (field: string, value: string): Effect.Effect<string, InvalidArgumentError> =>
  typeof value === "string" && EMAIL_PATTERN.test(value)
    ? Effect.succeed(value)
    : invalid(field, "is not a valid email address")

/**
 * Checks a number against {@link PHONE_PATTERN}.
 *
 * @since 0.1.0
 * @category validation
 */
export const phone = (field: string, value: string): Effect.Effect<string, InvalidArgumentError> =>
  typeof value === "string" && PHONE_PATTERN.test(value)
    ? Effect.succeed(value)
    : invalid(field, "is not a valid phone number (E.164, e.g. +12125551234)")

/**
 * Checks that a delivery method is one an operation accepts.
 *
 * @since 0.1.0
 * @category validation
 */
export const oneOf = <M extends string, V extends M>(
  field: string,
  allowed: ReadonlyArray<M>,
  value: V
): Effect.Effect<V, InvalidArgumentError> =>
  allowed.includes(value)
    ? Effect.succeed(value)
    : invalid(field, `must be one of ${allowed.map((m) => `"${m}"`).join(", ")}`)

/**
 * The credential of a sign-in: the refresh token when one is given, else the
 * project alone. With `stepup` or `mfa` a refresh token is required.
 *
 * @since 0.1.0
 * @category validation
 */
export const signInCredential = (
  loginOptions: Pick<LoginOptions, "stepup" | "mfa"> | undefined,
  refreshToken: Secret | undefined
): Effect.Effect<DescopeHttp.Credential, InvalidArgumentError> => {
  if (refreshToken !== undefined && reveal(refreshToken) !== "") {
    return Effect.succeed(DescopeHttp.tokenCredential(refreshToken))
  }
  if (loginOptions?.stepup === true || loginOptions?.mfa === true) {
    return invalid("refreshToken", "a refresh token is required for stepup or mfa")
  }
  return Effect.succeed(DescopeHttp.projectCredential)
}

/**
 * The credential of a call that requires the refresh token (`Bearer <projectId>:<refresh>`).
 *
 * @since 0.1.0
 * @category validation
 */
export const refreshCredential = (
  refreshToken: Secret | undefined
): Effect.Effect<DescopeHttp.Credential, InvalidArgumentError> =>
  refreshToken !== undefined && reveal(refreshToken) !== ""
    ? Effect.succeed(DescopeHttp.tokenCredential(refreshToken))
    : invalid("refreshToken", "a refresh token is required")

// ---------------------------------------------------------------------------
// authentication results and polling
// ---------------------------------------------------------------------------

/**
 * What a start call (sending a code or link, or returning a URL) may fail with.
 *
 * @since 0.1.0
 * @category models
 */
export type StartError = InvalidArgumentError | AuthError | RateLimitError | TransportError

/**
 * What an authentication (a call answering a `JWTResponse`) may fail with: bad
 * input, a remote error, or a returned token that fails local validation.
 *
 * @since 0.1.0
 * @category models
 */
export type AuthenticationError = InvalidArgumentError | AuthError | RateLimitError | TransportError | InvalidSessionError

/**
 * Sends an authentication request and builds the {@link AuthenticationInfo.AuthenticationInfo}
 * from the `JWTResponse` body and its cookies (a refresh token delivered only as
 * `Set-Cookie: DSR=...` is picked up).
 *
 * @since 0.1.0
 * @category utils
 */
export const authenticate = (
  http: DescopeHttp.Service,
  validator: SessionValidatorService,
  spec: Omit<DescopeHttp.RequestSpec<AuthenticationInfo.JWTResponse, unknown>, "schema"> & {
    readonly credential: DescopeHttp.Credential
  }
): Effect.Effect<AuthenticationInfo.AuthenticationInfo, RemoteError | InvalidSessionError> =>
  http.requestFull({ ...spec, schema: AuthenticationInfo.JWTResponse }).pipe(
    Effect.flatMap((response) => AuthenticationInfo.fromResponse(validator, response))
  )

/**
 * The default and minimum polling interval (1 second).
 *
 * @since 0.1.0
 * @category constants
 */
export const MIN_POLLING_INTERVAL: Duration.Duration = Duration.seconds(1)

/**
 * The default polling timeout (10 minutes).
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_POLLING_TIMEOUT: Duration.Duration = Duration.minutes(10)

/**
 * Options of `waitForSession`.
 *
 * @since 0.1.0
 * @category models
 */
export interface WaitForSessionOptions {
  /** The pause between two polls; default and minimum 1 second. */
  readonly interval?: Duration.DurationInput | undefined
  /** How long to wait for the session; default 10 minutes. */
  readonly timeout?: Duration.DurationInput | undefined
}

/**
 * What `waitForSession` may fail with.
 *
 * @since 0.1.0
 * @category models
 */
export type WaitForSessionError = AuthenticationError | PollingTimeoutError

/**
 * Polls `poll` until it answers a session: the first poll at once, then one per
 * `interval` while the answer is "pending" (`isPending`), at least `retryAfter`
 * after a rate limit; any other error stops at once. After `timeout` it fails
 * with `PollingTimeoutError`. Interrupting it stops the polling: no request is
 * sent afterwards.
 *
 * @since 0.1.0
 * @category utils
 */
export const pollForSession = <A>(
  operation: string,
  poll: Effect.Effect<A, RemoteError>,
  isPending: (error: AuthError) => boolean,
  options: WaitForSessionOptions = {}
): Effect.Effect<A, RemoteError | PollingTimeoutError> => {
  const interval = Duration.max(Duration.decode(options.interval ?? MIN_POLLING_INTERVAL), MIN_POLLING_INTERVAL)
  const timeout = Duration.decode(options.timeout ?? DEFAULT_POLLING_TIMEOUT)
  const schedule = Schedule.spaced(interval).pipe(
    Schedule.zipRight(Schedule.identity<RemoteError>()),
    Schedule.modifyDelay((error, delay) =>
      error._tag === "RateLimitError" ? Duration.max(delay, error.retryAfter) : delay
    )
  )
  return poll.pipe(
    Effect.retry({
      schedule,
      while: (error) => error._tag === "RateLimitError" || (error._tag === "AuthError" && isPending(error))
    }),
    Effect.timeoutFail({
      duration: timeout,
      onTimeout: () => new PollingTimeoutError({ operation, timeout })
    })
  )
}

/**
 * The two polling calls of a flow whose session arrives later (enchanted link,
 * NOTP): one poll, or polling until the session arrives.
 *
 * @since 0.1.0
 * @category models
 */
export interface PendingSessionApi {
  /** Polls once; while pending it fails with the flow's pending `AuthError`. */
  readonly getSession: (
    pendingRef: Secret
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, AuthenticationError>
  /** Polls with {@link pollForSession} until the session arrives. */
  readonly waitForSession: (
    pendingRef: Secret,
    options?: WaitForSessionOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, WaitForSessionError>
}

/**
 * Builds the polling calls of a flow from its `pending-session` path: both
 * check that `pendingRef` is not empty, then `POST { pendingRef }` to `path`
 * under `operation` (a span per poll) and build the session from the answer;
 * `waitForSession` repeats the poll while `isPending` and names
 * `waitOperation` in its `PollingTimeoutError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const pendingSession = (
  http: DescopeHttp.Service,
  validator: SessionValidatorService,
  spec: {
    readonly path: string
    readonly operation: string
    readonly waitOperation: string
    readonly isPending: (error: AuthError) => boolean
  }
): PendingSessionApi => {
  const poll = (pendingRef: string) =>
    http.requestFull({
      method: "POST",
      path: spec.path,
      body: { pendingRef },
      operation: spec.operation,
      schema: AuthenticationInfo.JWTResponse,
      credential: DescopeHttp.projectCredential
    })

  return {
    getSession: (pendingRef) =>
      Effect.gen(function*() {
        const ref = yield* nonEmptySecret("pendingRef", pendingRef)
        const response = yield* poll(ref)
        return yield* AuthenticationInfo.fromResponse(validator, response)
      }),

    waitForSession: (pendingRef, options) =>
      Effect.gen(function*() {
        const ref = yield* nonEmptySecret("pendingRef", pendingRef)
        const response = yield* pollForSession(spec.waitOperation, poll(ref), spec.isPending, options)
        return yield* AuthenticationInfo.fromResponse(validator, response)
      })
  }
}
