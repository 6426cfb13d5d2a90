/**
 * Shared fragments of the authentication flows: delivery methods, login and
 * sign-up options, the sign-up `user` object, contact-update options, the
 * small decoded start responses, the errors of the flows and the options of
 * polling a session that arrives later. (The wire of every flow is in
 * `src/wire/auth`; the client-side checks in `internal/validate.ts`.)
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import type {
  AuthError,
  InvalidArgumentError,
  InvalidSessionError,
  PollingTimeoutError,
  RateLimitError,
  TransportError
} from "../core/DescopeError.js"

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
 * The `audience` of a call that completes a login (python-sdk's `audience`):
 * when given, the session token answered must carry an `aud` naming one of
 * these, else the call fails with `InvalidSessionError` (reason
 * `WrongAudience`); absent, `aud` is not checked.
 *
 * @since 0.2.0
 * @category models
 */
export interface AudienceOptions {
  readonly audience?: string | ReadonlyArray<string> | undefined
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
  /** A username for the new user (sent as `username`). */
  readonly username?: string | undefined
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
// errors and polling options
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
export type AuthenticationError =
  | InvalidArgumentError
  | AuthError
  | RateLimitError
  | TransportError
  | InvalidSessionError

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
