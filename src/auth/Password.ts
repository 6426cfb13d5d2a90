/**
 * Passwords (`client.password`, the endpoints of `wire/auth/Password.ts`).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import * as Redacted from "effect/Redacted"
 * import { DescopeClient } from "descope-effect"
 *
 * const signIn = (password: Redacted.Redacted<string>) => Effect.flatMap(DescopeClient, (client) =>
 *   client.password.signIn({ loginId: "ada@example.com", password }))
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import type { AuthError, RateLimitError, TransportError } from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import { authenticate } from "../internal/authenticate.js"
import { nonEmpty, nonEmptySecret } from "../internal/validate.js"
import * as Wire from "../wire/auth/Password.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * The answer of a password reset: how the reset was sent, and for an enchanted
 * link the link id and the reference to poll.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PasswordResetResponse = Wire.ResetResponse

/**
 * @since 0.1.0
 * @category models
 */
export type PasswordResetResponse = typeof PasswordResetResponse.Type

/**
 * The project's password policy, as far as a client can check it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PasswordPolicy = Wire.Policy

/**
 * @since 0.1.0
 * @category models
 */
export type PasswordPolicy = typeof PasswordPolicy.Type

/**
 * Options of {@link PasswordApi.signUp}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOptions extends LoginOptions.AudienceOptions {
  readonly loginId: string
  readonly password: LoginOptions.Secret
  readonly user?: LoginOptions.SignUpUser | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link PasswordApi.signIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInOptions extends LoginOptions.AudienceOptions {
  readonly loginId: string
  readonly password: LoginOptions.Secret
  /** Login options (no `stepup` / `mfa`: a password sign-in carries no refresh token). */
  readonly loginOptions?: Omit<LoginOptions.LoginOptions, "stepup" | "mfa"> | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link PasswordApi.sendReset}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SendResetOptions {
  readonly loginId: string
  /** Where the reset link leads (body `redirectUrl`). */
  readonly redirectUrl?: string | undefined
  readonly templateOptions?: LoginOptions.TemplateOptions | undefined
}

/**
 * Options of {@link PasswordApi.update}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateOptions {
  readonly loginId: string
  readonly newPassword: LoginOptions.Secret
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
}

/**
 * Options of {@link PasswordApi.replace}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReplaceOptions extends LoginOptions.AudienceOptions {
  readonly loginId: string
  readonly oldPassword: LoginOptions.Secret
  readonly newPassword: LoginOptions.Secret
}

/**
 * The password operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface PasswordApi {
  /** Creates a user with a password (`POST /v1/auth/password/signup`). */
  readonly signUp: (
    options: SignUpOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /** Signs in (`POST /v1/auth/password/signin`); an expired password is `AuthError` `E062909`. */
  readonly signIn: (
    options: SignInOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /** Sends a password reset (`POST /v1/auth/password/reset`). */
  readonly sendReset: (options: SendResetOptions) => Effect.Effect<PasswordResetResponse, LoginOptions.StartError>
  /** Sets a new password for a signed-in user (`POST /v1/auth/password/update`). */
  readonly update: (options: UpdateOptions) => Effect.Effect<void, LoginOptions.StartError>
  /** Replaces a password given the old one, and signs in (`POST /v1/auth/password/replace`). */
  readonly replace: (
    options: ReplaceOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /** The project's password policy (`GET /v1/auth/password/policy`). */
  readonly getPolicy: () => Effect.Effect<PasswordPolicy, AuthError | RateLimitError | TransportError>
}

/**
 * Builds the password operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): PasswordApi => ({
  signUp: (options) =>
    Effect.gen(function*() {
      const loginId = yield* nonEmpty("loginId", options.loginId)
      const password = yield* nonEmptySecret("password", options.password)
      return yield* authenticate(
        validator,
        http.callFull(Wire.signUp, {
          request: {
            loginId,
            password,
            user: options.user,
            loginOptions: options.loginOptions ?? {},
            providerId: options.providerId
          }
        }),
        options
      )
    }),

  signIn: (options) =>
    Effect.gen(function*() {
      const loginId = yield* nonEmpty("loginId", options.loginId)
      const password = yield* nonEmptySecret("password", options.password)
      return yield* authenticate(
        validator,
        http.callFull(Wire.signIn, {
          request: { loginId, password, loginOptions: options.loginOptions ?? {}, providerId: options.providerId }
        }),
        options
      )
    }),

  sendReset: (options) =>
    Effect.gen(function*() {
      const loginId = yield* nonEmpty("loginId", options.loginId)
      return yield* http.call(Wire.sendReset, {
        request: { loginId, redirectUrl: options.redirectUrl, templateOptions: options.templateOptions }
      })
    }),

  update: (options) =>
    Effect.gen(function*() {
      const loginId = yield* nonEmpty("loginId", options.loginId)
      const newPassword = yield* nonEmptySecret("newPassword", options.newPassword)
      const token = yield* nonEmptySecret("refreshToken", options.refreshToken)
      yield* http.call(Wire.update, { request: { loginId, newPassword }, token })
    }),

  replace: (options) =>
    Effect.gen(function*() {
      const loginId = yield* nonEmpty("loginId", options.loginId)
      const oldPassword = yield* nonEmptySecret("oldPassword", options.oldPassword)
      const newPassword = yield* nonEmptySecret("newPassword", options.newPassword)
      return yield* authenticate(
        validator,
        http.callFull(Wire.replace, { request: { loginId, oldPassword, newPassword } }),
        options
      )
    }),

  getPolicy: () =>
    http.call(Wire.getPolicy, {}) as Effect.Effect<PasswordPolicy, AuthError | RateLimitError | TransportError>
})
