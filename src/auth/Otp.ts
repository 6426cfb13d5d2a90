/**
 * One-time codes sent by e-mail, text message, voice call or WhatsApp
 * (`client.otp`, `/v1/auth/otp/*`).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const program = Effect.gen(function*() {
 *   const client = yield* DescopeClient
 *   yield* client.otp.signUpOrIn({ method: "email", loginId: "ada@example.com" })
 *   // ... the user types the code she received
 *   return yield* client.otp.verifyCode({ method: "email", loginId: "ada@example.com", code: "123456" })
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type { AuthenticationInfo } from "../core/AuthenticationInfo.js"
import * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import * as LoginOptions from "./LoginOptions.js"

/**
 * The delivery methods of OTP sign-up, sign-in and verify.
 *
 * @since 0.1.0
 * @category constants
 */
export const methods: ReadonlyArray<LoginOptions.DeliveryMethod> = ["email", "sms", "voice", "whatsapp"]

/**
 * The delivery methods of an OTP phone update.
 *
 * @since 0.1.0
 * @category constants
 */
export const phoneMethods: ReadonlyArray<LoginOptions.PhoneDeliveryMethod> = ["sms", "voice", "whatsapp"]

/**
 * Options of {@link OtpApi.signUp}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOptions<M extends LoginOptions.DeliveryMethod> {
  readonly method: M
  readonly loginId: string
  /** The new user's details. */
  readonly user?: LoginOptions.SignUpUser | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link OtpApi.signIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInOptions<M extends LoginOptions.DeliveryMethod> {
  readonly method: M
  readonly loginId: string
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link OtpApi.signUpOrIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOrInOptions<M extends LoginOptions.DeliveryMethod> {
  readonly method: M
  readonly loginId: string
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link OtpApi.verifyCode}.
 *
 * @since 0.1.0
 * @category models
 */
export interface VerifyCodeOptions {
  readonly method: LoginOptions.DeliveryMethod
  readonly loginId: string
  /** The code the user received. */
  readonly code: LoginOptions.Secret
}

/**
 * Options of {@link OtpApi.updateUserEmail}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateUserEmailOptions extends LoginOptions.UpdateOptions {
  readonly loginId: string
  /** The new address; must match {@link LoginOptions.EMAIL_PATTERN}. */
  readonly email: string
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
}

/**
 * Options of {@link OtpApi.updateUserPhone}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateUserPhoneOptions extends LoginOptions.UpdateOptions {
  readonly method: LoginOptions.PhoneDeliveryMethod
  readonly loginId: string
  /** The new number; must match {@link LoginOptions.PHONE_PATTERN}. */
  readonly phone: string
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
}

/**
 * The OTP operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface OtpApi {
  /** Creates a user and sends a code (`POST /v1/auth/otp/signup/{method}`). */
  readonly signUp: <M extends LoginOptions.DeliveryMethod>(
    options: SignUpOptions<M>
  ) => Effect.Effect<LoginOptions.MaskedAddress<M>, LoginOptions.StartError>
  /** Sends a code to an existing user (`POST /v1/auth/otp/signin/{method}`). */
  readonly signIn: <M extends LoginOptions.DeliveryMethod>(
    options: SignInOptions<M>
  ) => Effect.Effect<LoginOptions.MaskedAddress<M>, LoginOptions.StartError>
  /** Sends a code, creating the user when needed (`POST /v1/auth/otp/signup-in/{method}`). */
  readonly signUpOrIn: <M extends LoginOptions.DeliveryMethod>(
    options: SignUpOrInOptions<M>
  ) => Effect.Effect<LoginOptions.MaskedAddress<M>, LoginOptions.StartError>
  /** Verifies a code (`POST /v1/auth/otp/verify/{method}`). A wrong code is `AuthError` `E061102`. */
  readonly verifyCode: (
    options: VerifyCodeOptions
  ) => Effect.Effect<AuthenticationInfo, LoginOptions.AuthenticationError>
  /** Adds or changes the user's e-mail and sends a code to it (`POST /v1/auth/otp/update/email`). */
  readonly updateUserEmail: (
    options: UpdateUserEmailOptions
  ) => Effect.Effect<LoginOptions.MaskedEmail, LoginOptions.StartError>
  /** Adds or changes the user's phone and sends a code to it (`POST /v1/auth/otp/update/phone/{method}`). */
  readonly updateUserPhone: (
    options: UpdateUserPhoneOptions
  ) => Effect.Effect<LoginOptions.MaskedPhone, LoginOptions.StartError>
}

/**
 * Builds the OTP operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): OtpApi => ({
  signUp: (options) =>
    Effect.gen(function*() {
      const method = yield* LoginOptions.oneOf("method", methods, options.method)
      const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
      return yield* http.request({
        method: "POST",
        path: `/v1/auth/otp/signup/${method}`,
        body: LoginOptions.compact({
          loginId,
          user: LoginOptions.encodeUser(options.user),
          loginOptions: LoginOptions.encodeSignUpOptions(options.loginOptions),
          providerId: options.providerId
        }),
        operation: "otp.signUp",
        schema: LoginOptions.maskedAddressSchema(method),
        credential: DescopeHttp.projectCredential
      })
    }),

  signIn: (options) =>
    Effect.gen(function*() {
      const method = yield* LoginOptions.oneOf("method", methods, options.method)
      const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
      const credential = yield* LoginOptions.signInCredential(options.loginOptions, options.refreshToken)
      return yield* http.request({
        method: "POST",
        path: `/v1/auth/otp/signin/${method}`,
        body: LoginOptions.compact({
          loginId,
          loginOptions: LoginOptions.encodeLoginOptions(options.loginOptions),
          providerId: options.providerId
        }),
        operation: "otp.signIn",
        schema: LoginOptions.maskedAddressSchema(method),
        credential
      })
    }),

  signUpOrIn: (options) =>
    Effect.gen(function*() {
      const method = yield* LoginOptions.oneOf("method", methods, options.method)
      const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
      return yield* http.request({
        method: "POST",
        path: `/v1/auth/otp/signup-in/${method}`,
        body: LoginOptions.compact({
          loginId,
          loginOptions: LoginOptions.encodeSignUpOptions(options.loginOptions),
          providerId: options.providerId
        }),
        operation: "otp.signUpOrIn",
        schema: LoginOptions.maskedAddressSchema(method),
        credential: DescopeHttp.projectCredential
      })
    }),

  verifyCode: (options) =>
    Effect.gen(function*() {
      const method = yield* LoginOptions.oneOf("method", methods, options.method)
      const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
      const code = yield* LoginOptions.nonEmptySecret("code", options.code)
      return yield* LoginOptions.authenticate(http, validator, {
        method: "POST",
        path: `/v1/auth/otp/verify/${method}`,
        body: { code, loginId },
        operation: "otp.verifyCode",
        credential: DescopeHttp.projectCredential
      })
    }),

  updateUserEmail: (options) =>
    Effect.gen(function*() {
      const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
      const email = yield* LoginOptions.email("email", options.email)
      const credential = yield* LoginOptions.refreshCredential(options.refreshToken)
      return yield* http.request({
        method: "POST",
        path: "/v1/auth/otp/update/email",
        body: { loginId, email, ...LoginOptions.encodeUpdateOptions(options) },
        operation: "otp.updateUserEmail",
        schema: LoginOptions.MaskedEmail,
        credential
      })
    }),

  updateUserPhone: (options) =>
    Effect.gen(function*() {
      const method = yield* LoginOptions.oneOf("method", phoneMethods, options.method)
      const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
      const phone = yield* LoginOptions.phone("phone", options.phone)
      const credential = yield* LoginOptions.refreshCredential(options.refreshToken)
      return yield* http.request({
        method: "POST",
        path: `/v1/auth/otp/update/phone/${method}`,
        body: { loginId, phone, ...LoginOptions.encodeUpdateOptions(options) },
        operation: "otp.updateUserPhone",
        schema: LoginOptions.MaskedPhone,
        credential
      })
    })
})
