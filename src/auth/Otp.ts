/**
 * One-time codes sent by e-mail, text message, voice call or WhatsApp
 * (`client.otp`, the endpoints of `wire/auth/Otp.ts`).
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
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import { authenticate } from "../internal/authenticate.js"
import * as Delivery from "../internal/delivery.js"
import { nonEmpty, nonEmptySecret, oneOf } from "../internal/validate.js"
import * as Wire from "../wire/auth/Otp.js"
import type * as LoginOptions from "./LoginOptions.js"

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
export interface VerifyCodeOptions extends LoginOptions.AudienceOptions {
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
  /** The new address; must pass the SDK's e-mail rule (one `@`, no white space). */
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
  /** The new number, in E.164 (`+12125551234`). */
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
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): OtpApi => {
  const flow = Delivery.starts({
    methods,
    links: false,
    signUp: Delivery.byMethod(http, Wire.signUp),
    signIn: Delivery.byMethod(http, Wire.signIn),
    signUpOrIn: Delivery.byMethod(http, Wire.signUpOrIn),
    answer: Delivery.maskedFor
  })
  return {
    signUp: (options) => Delivery.typedByMethod(flow.signUp(options)),
    signIn: (options) => Delivery.typedByMethod(flow.signIn(options)),
    signUpOrIn: (options) => Delivery.typedByMethod(flow.signUpOrIn(options)),
    verifyCode: (options) =>
      Effect.gen(function*() {
        const deliveryMethod = yield* oneOf("method", methods, options.method)
        const loginId = yield* nonEmpty("loginId", options.loginId)
        const code = yield* nonEmptySecret("code", options.code)
        return yield* authenticate(
          validator,
          http.callFull(Wire.verifyCode, { path: { deliveryMethod }, request: { loginId, code } }),
          options
        )
      }),
    updateUserEmail: Delivery.updateEmail({ links: false, send: Delivery.fixed(http, Wire.updateUserEmail) }),
    updateUserPhone: Delivery.updatePhone({
      methods: phoneMethods,
      links: false,
      send: Delivery.byMethod(http, Wire.updateUserPhone)
    })
  }
}
