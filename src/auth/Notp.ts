/**
 * WhatsApp "no OTP" sign-in (`client.notp`, the endpoints of `wire/auth/Notp.ts`): a start call
 * answers a link and QR image that open WhatsApp with a prepared message; once
 * the user sends it, {@link NotpApi.waitForSession} answers the session.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const program = Effect.gen(function*() {
 *   const client = yield* DescopeClient
 *   const { pendingRef, redirectUrl } = yield* client.notp.signUpOrIn({})
 *   // show redirectUrl (or the QR image) to the user, then:
 *   return yield* client.notp.waitForSession(pendingRef)
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as AuthInfo from "../core/AuthenticationInfo.js"
import { type AuthError, ErrorCodes } from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import * as Polling from "../internal/polling.js"
import { nonEmpty, optionalNonEmpty, phone, signInToken } from "../internal/validate.js"
import * as Wire from "../wire/auth/Notp.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * The answer of a NOTP start: the reference to poll, the WhatsApp link and its
 * QR code image.
 *
 * @since 0.1.0
 * @category schemas
 */
export const NotpResponse = Wire.NotpResponse

/**
 * @since 0.1.0
 * @category models
 */
export type NotpResponse = typeof NotpResponse.Type

/**
 * Options of {@link NotpApi.signUp}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOptions {
  /** The login id; when left out, the WhatsApp number becomes the login id. */
  readonly loginId?: string | undefined
  readonly user?: LoginOptions.SignUpUser | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link NotpApi.signIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInOptions {
  /** The login id; may be left out. */
  readonly loginId?: string | undefined
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link NotpApi.signUpOrIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOrInOptions {
  /** The login id; may be left out. */
  readonly loginId?: string | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link NotpApi.updateUser} (go-sdk's `NOTPUpdateOptions`).
 *
 * @since 0.2.0
 * @category models
 */
export interface UpdateUserOptions {
  readonly loginId: string
  /** The new WhatsApp number, in E.164 (`+12125551234`). */
  readonly phone: string
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
  /** Also add the new number as a login id (wire `addToLoginIDs`). */
  readonly addToLoginIds?: boolean | undefined
  /** When the new login id belongs to another user, keep that user. */
  readonly onMergeUseExisting?: boolean | undefined
  readonly templateOptions?: LoginOptions.TemplateOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
  /** Messaging template overrides. */
  readonly templates?: {
    readonly verifyTemplateId?: string | undefined
    readonly successTemplateId?: string | undefined
    readonly errorTemplateId?: string | undefined
  } | undefined
  /** The locale of the message. */
  readonly locale?: string | undefined
}

/**
 * The NOTP operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface NotpApi {
  /** `POST /v1/auth/notp/whatsapp/signup`. */
  readonly signUp: (options: SignUpOptions) => Effect.Effect<NotpResponse, LoginOptions.StartError>
  /** `POST /v1/auth/notp/whatsapp/signin`. */
  readonly signIn: (options: SignInOptions) => Effect.Effect<NotpResponse, LoginOptions.StartError>
  /** `POST /v1/auth/notp/whatsapp/signup-in`. */
  readonly signUpOrIn: (options: SignUpOrInOptions) => Effect.Effect<NotpResponse, LoginOptions.StartError>
  /**
   * Changes a signed-in user's WhatsApp number (`POST /v1/auth/notp/whatsapp/update`,
   * go-sdk's `UpdateUser`): the number is set once the user sends the message
   * from it, and `waitForSession` on the answer's `pendingRef` then answers the session.
   */
  readonly updateUser: (options: UpdateUserOptions) => Effect.Effect<NotpResponse, LoginOptions.StartError>
  /**
   * Polls once for the session (`POST /v1/auth/notp/pending-session`); while
   * pending it fails with `AuthError` 401 / `E066103`.
   */
  readonly getSession: (
    pendingRef: LoginOptions.Secret
  ) => Effect.Effect<AuthInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /**
   * Polls until the user sent the message: every `interval` (default and
   * minimum 1 s) while pending, at least `retryAfter` after a rate limit,
   * stopping at once on any other error; `PollingTimeoutError` after `timeout`
   * (default 10 min). Interrupting it stops the polling.
   */
  readonly waitForSession: (
    pendingRef: LoginOptions.Secret,
    options?: LoginOptions.WaitForSessionOptions
  ) => Effect.Effect<AuthInfo.AuthenticationInfo, LoginOptions.WaitForSessionError>
}

/**
 * Whether a `pending-session` error means "not done yet": HTTP 401 or `E066103`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isPending = (error: AuthError): boolean =>
  error.status === 401 || error.errorCode === ErrorCodes.NotpPending

/**
 * Builds the NOTP operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): NotpApi => {
  const pending = Polling.pendingSession(http, validator, {
    endpoint: Wire.getSession,
    waitOperation: "notp.waitForSession",
    isPending
  })
  return {
    signUp: (options) =>
      Effect.gen(function*() {
        const loginId = yield* optionalNonEmpty("loginId", options.loginId)
        return yield* http.call(Wire.signUp, {
          request: {
            loginId,
            user: options.user,
            providerId: options.providerId,
            loginOptions: options.loginOptions ?? {}
          }
        })
      }),

    signIn: (options) =>
      Effect.gen(function*() {
        const loginId = yield* optionalNonEmpty("loginId", options.loginId)
        const token = yield* signInToken(options.loginOptions, options.refreshToken)
        return yield* http.call(Wire.signIn, {
          request: { loginId, loginOptions: options.loginOptions ?? {}, providerId: options.providerId },
          token
        })
      }),

    signUpOrIn: (options) =>
      Effect.gen(function*() {
        const loginId = yield* optionalNonEmpty("loginId", options.loginId)
        return yield* http.call(Wire.signUpOrIn, {
          request: { loginId, loginOptions: options.loginOptions ?? {}, providerId: options.providerId }
        })
      }),

    updateUser: (options) =>
      Effect.gen(function*() {
        const loginId = yield* nonEmpty("loginId", options.loginId)
        const number = yield* phone("phone", options.phone)
        return yield* http.call(Wire.updateUser, {
          request: {
            loginId,
            phone: number,
            addToLoginIds: options.addToLoginIds,
            onMergeUseExisting: options.onMergeUseExisting,
            templateOptions: options.templateOptions,
            providerId: options.providerId,
            templates: options.templates,
            locale: options.locale
          },
          token: options.refreshToken
        })
      }),

    getSession: pending.getSession,

    waitForSession: pending.waitForSession
  }
}
