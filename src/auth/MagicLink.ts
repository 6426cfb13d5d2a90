/**
 * Magic links sent by e-mail, text message or WhatsApp (`client.magicLink`,
 * the endpoints of `wire/auth/MagicLink.ts`). The user receives `<uri>?t=<token>`; the application
 * passes `t` to {@link MagicLinkApi.verify}.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const start = Effect.flatMap(DescopeClient, (client) =>
 *   client.magicLink.signUpOrIn({ method: "email", loginId: "ada@example.com", uri: "https://app.example.com/verify" }))
 * const finish = (t: string) => Effect.flatMap(DescopeClient, (client) => client.magicLink.verify(t))
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
import { nonEmptySecret } from "../internal/validate.js"
import * as Wire from "../wire/auth/MagicLink.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * The delivery methods of magic links (no voice).
 *
 * @since 0.1.0
 * @category models
 */
export type MagicLinkDeliveryMethod = "email" | "sms" | "whatsapp"

/**
 * The delivery methods of a magic-link phone update.
 *
 * @since 0.1.0
 * @category models
 */
export type MagicLinkPhoneDeliveryMethod = "sms" | "whatsapp"

/**
 * The delivery methods of magic-link sign-up, sign-in and sign-up-or-in.
 *
 * @since 0.1.0
 * @category constants
 */
export const methods: ReadonlyArray<MagicLinkDeliveryMethod> = ["email", "sms", "whatsapp"]

/**
 * The delivery methods of a magic-link phone update.
 *
 * @since 0.1.0
 * @category constants
 */
export const phoneMethods: ReadonlyArray<MagicLinkPhoneDeliveryMethod> = ["sms", "whatsapp"]

/**
 * Options of {@link MagicLinkApi.signUp}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOptions<M extends MagicLinkDeliveryMethod> {
  readonly method: M
  readonly loginId: string
  /** The redirect URL of the link (`URI`); may be left out when the project has one. */
  readonly uri?: string | undefined
  readonly user?: LoginOptions.SignUpUser | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link MagicLinkApi.signIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInOptions<M extends MagicLinkDeliveryMethod> {
  readonly method: M
  readonly loginId: string
  /** The redirect URL of the link (`URI`); may be left out when the project has one. */
  readonly uri?: string | undefined
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link MagicLinkApi.signUpOrIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOrInOptions<M extends MagicLinkDeliveryMethod> {
  readonly method: M
  readonly loginId: string
  /** The redirect URL of the link (`URI`); may be left out when the project has one. */
  readonly uri?: string | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link MagicLinkApi.updateUserEmail}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateUserEmailOptions extends LoginOptions.UpdateOptions {
  readonly loginId: string
  /** The new address; must pass the SDK's e-mail rule (one `@`, no white space). */
  readonly email: string
  /** The redirect URL of the link (`URI`). */
  readonly uri?: string | undefined
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
}

/**
 * Options of {@link MagicLinkApi.updateUserPhone}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateUserPhoneOptions extends LoginOptions.UpdateOptions {
  /**
   * How the link is sent. Without it, python-sdk's `update_user_phone`:
   * `POST /v1/auth/magiclink/update/phone`, a text message (since 0.2.0).
   */
  readonly method?: MagicLinkPhoneDeliveryMethod | undefined
  readonly loginId: string
  /** The new number; in E.164 (`+12125551234`). */
  readonly phone: string
  /** The redirect URL of the link (`URI`). */
  readonly uri?: string | undefined
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
}

/**
 * The magic-link operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface MagicLinkApi {
  /** Creates a user and sends a link (`POST /v1/auth/magiclink/signup/{method}`). */
  readonly signUp: <M extends MagicLinkDeliveryMethod>(
    options: SignUpOptions<M>
  ) => Effect.Effect<LoginOptions.MaskedAddress<M>, LoginOptions.StartError>
  /** Sends a link to an existing user (`POST /v1/auth/magiclink/signin/{method}`). */
  readonly signIn: <M extends MagicLinkDeliveryMethod>(
    options: SignInOptions<M>
  ) => Effect.Effect<LoginOptions.MaskedAddress<M>, LoginOptions.StartError>
  /** Sends a link, creating the user when needed (`POST /v1/auth/magiclink/signup-in/{method}`). */
  readonly signUpOrIn: <M extends MagicLinkDeliveryMethod>(
    options: SignUpOrInOptions<M>
  ) => Effect.Effect<LoginOptions.MaskedAddress<M>, LoginOptions.StartError>
  /** Verifies the `t` token of a clicked link (`POST /v1/auth/magiclink/verify`). */
  readonly verify: (
    token: LoginOptions.Secret,
    options?: LoginOptions.AudienceOptions
  ) => Effect.Effect<AuthenticationInfo, LoginOptions.AuthenticationError>
  /** Adds or changes the user's e-mail and sends a link to it (`POST /v1/auth/magiclink/update/email`). */
  readonly updateUserEmail: (
    options: UpdateUserEmailOptions
  ) => Effect.Effect<LoginOptions.MaskedEmail, LoginOptions.StartError>
  /**
   * Adds or changes the user's phone and sends a link to it
   * (`POST /v1/auth/magiclink/update/phone/{method}`; without a method,
   * python-sdk's `POST /v1/auth/magiclink/update/phone`, by text message).
   */
  readonly updateUserPhone: (
    options: UpdateUserPhoneOptions
  ) => Effect.Effect<LoginOptions.MaskedPhone, LoginOptions.StartError>
}

/**
 * Builds the magic-link operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): MagicLinkApi => {
  const updatePhoneBy = Delivery.updatePhone({
    methods: phoneMethods,
    links: true,
    send: Delivery.byMethod(http, Wire.updateUserPhone)
  })
  const updatePhoneByText = Delivery.updatePhone({
    methods: ["sms"],
    links: true,
    send: Delivery.fixed(http, Wire.updateUserPhoneSms)
  })
  const flow = Delivery.starts({
    methods,
    links: true,
    signUp: Delivery.byMethod(http, Wire.signUp),
    signIn: Delivery.byMethod(http, Wire.signIn),
    signUpOrIn: Delivery.byMethod(http, Wire.signUpOrIn),
    answer: Delivery.maskedFor
  })
  return {
    signUp: (options) => Delivery.typedByMethod(flow.signUp(options)),
    signIn: (options) => Delivery.typedByMethod(flow.signIn(options)),
    signUpOrIn: (options) => Delivery.typedByMethod(flow.signUpOrIn(options)),
    verify: (token, options) =>
      Effect.gen(function*() {
        const value = yield* nonEmptySecret("token", token)
        return yield* authenticate(validator, http.callFull(Wire.verify, { request: { token: value } }), options)
      }),
    updateUserEmail: Delivery.updateEmail({ links: true, send: Delivery.fixed(http, Wire.updateUserEmail) }),
    updateUserPhone: (options) =>
      options.method === undefined
        ? updatePhoneByText({ ...options, method: "sms" })
        : updatePhoneBy({ ...options, method: options.method })
  }
}
