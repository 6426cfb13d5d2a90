/**
 * Authenticator apps (`client.totp`, the endpoints of `wire/auth/Totp.ts`): `signUp` and
 * `updateUser` answer the provisioning data to show (QR image, key); the user
 * then signs in with the 6-digit code of the app.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const signIn = (code: string) => Effect.flatMap(DescopeClient, (client) =>
 *   client.totp.signInCode({ loginId: "ada@example.com", code }))
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import { authenticate } from "../internal/authenticate.js"
import { nonEmpty, nonEmptySecret, signInToken } from "../internal/validate.js"
import * as Wire from "../wire/auth/Totp.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * The provisioning data of a TOTP registration: the `otpauth://` URL, the QR
 * code image (base64) and the key. The URL and the key hold the shared secret
 * and are `Redacted`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TotpResponse = Wire.TotpResponse

/**
 * @since 0.1.0
 * @category models
 */
export type TotpResponse = typeof TotpResponse.Type

/**
 * Options of {@link TotpApi.signUp}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOptions {
  readonly loginId: string
  readonly user?: LoginOptions.SignUpUser | undefined
}

/**
 * Options of {@link TotpApi.signInCode}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInCodeOptions extends LoginOptions.AudienceOptions {
  readonly loginId: string
  /** The code shown by the authenticator app. */
  readonly code: LoginOptions.Secret
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
}

/**
 * Options of {@link TotpApi.updateUser}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateUserOptions {
  readonly loginId: string
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
}

/**
 * The TOTP operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface TotpApi {
  /** Creates a user with TOTP (`POST /v1/auth/totp/signup`). */
  readonly signUp: (options: SignUpOptions) => Effect.Effect<TotpResponse, LoginOptions.StartError>
  /** Signs in with an authenticator code (`POST /v1/auth/totp/verify`). */
  readonly signInCode: (
    options: SignInCodeOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /** Adds TOTP to a signed-in user (`POST /v1/auth/totp/update`). */
  readonly updateUser: (options: UpdateUserOptions) => Effect.Effect<TotpResponse, LoginOptions.StartError>
}

/**
 * Builds the TOTP operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): TotpApi => ({
  signUp: (options) =>
    Effect.gen(function*() {
      const loginId = yield* nonEmpty("loginId", options.loginId)
      return yield* http.call(Wire.signUp, { request: { loginId, user: options.user } })
    }),

  signInCode: (options) =>
    Effect.gen(function*() {
      const loginId = yield* nonEmpty("loginId", options.loginId)
      const code = yield* nonEmptySecret("code", options.code)
      const token = yield* signInToken(options.loginOptions, options.refreshToken)
      return yield* authenticate(
        validator,
        http.callFull(Wire.signInCode, { request: { loginId, code, loginOptions: options.loginOptions }, token }),
        options
      )
    }),

  updateUser: (options) =>
    Effect.gen(function*() {
      const loginId = yield* nonEmpty("loginId", options.loginId)
      const token = yield* nonEmptySecret("refreshToken", options.refreshToken)
      return yield* http.call(Wire.updateUser, { request: { loginId }, token })
    })
})
