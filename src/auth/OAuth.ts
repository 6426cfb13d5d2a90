/**
 * Social login (`client.oauth`, the endpoints of `wire/auth/OAuth.ts`): `start` answers the URL to
 * redirect the browser to; the provider redirects back with a `code` that
 * `exchangeToken` turns into a session.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const start = Effect.flatMap(DescopeClient, (client) =>
 *   client.oauth.start({ provider: "google", returnUrl: "https://app.example.com/callback" }))
 * const finish = (code: string) => Effect.flatMap(DescopeClient, (client) => client.oauth.exchangeToken(code))
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import { authenticate, exchangeCode } from "../internal/authenticate.js"
import { nonEmpty, nonEmptySecret, signInToken } from "../internal/validate.js"
import * as Wire from "../wire/auth/OAuth.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * Options of {@link OAuthApi.updateUser}.
 *
 * @since 0.2.0
 * @category models
 */
export interface UpdateUserOptions {
  readonly provider: string
  /** Where the provider sends the user back (wire `redirectURL`). */
  readonly returnUrl?: string | undefined
  readonly loginHint?: string | undefined
  /** Merge with a user of the provider's e-mail, whatever its verification (wire query `allowAllMerge`). */
  readonly allowAllMerge?: boolean | undefined
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
}

/**
 * Options of {@link OAuthApi.start}.
 *
 * @since 0.1.0
 * @category models
 */
export interface StartOptions {
  /** The provider, e.g. `google`, `github`, `apple`, `microsoft`, or a custom provider name. */
  readonly provider: string
  /** Where the provider redirects back to (query `redirectURL`). */
  readonly returnUrl?: string | undefined
  /** Login options, sent as the body. */
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
  /** A login hint passed to the provider (query `loginHint`). */
  readonly loginHint?: string | undefined
}

/**
 * Options of {@link OAuthApi.startNative}.
 *
 * @since 0.2.0
 * @category models
 */
export interface NativeStartOptions {
  readonly provider: string
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The implicit flow (the provider answers an ID token rather than a code). */
  readonly implicit?: boolean | undefined
}

/**
 * Options of {@link OAuthApi.finishNative}: what the provider's SDK answered.
 *
 * @since 0.2.0
 * @category models
 */
export interface NativeFinishOptions {
  readonly provider: string
  /** The `stateId` of the start's answer. */
  readonly stateId: string
  /** The user as the provider's SDK gave it (JSON text; Apple gives it on the first sign-in only). */
  readonly user?: string | undefined
  readonly code?: LoginOptions.Secret | undefined
  readonly idToken?: LoginOptions.Secret | undefined
}

/**
 * Options of {@link OAuthApi.verifyOneTapIdToken} and
 * {@link OAuthApi.exchangeOneTapIdToken}.
 *
 * @since 0.2.0
 * @category models
 */
export interface OneTapOptions {
  readonly provider: string
  /** The ID token One Tap gave the page. */
  readonly idToken: LoginOptions.Secret
  /** The nonce the page gave One Tap. */
  readonly nonce?: string | undefined
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
}

/**
 * The OAuth operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface OAuthApi {
  /** Starts a login (`POST /v1/auth/oauth/authorize`); answers the URL to redirect to. */
  readonly start: (options: StartOptions) => Effect.Effect<LoginOptions.UrlResponse, LoginOptions.StartError>
  /** Starts a sign-in of an existing user only (`POST /v1/auth/oauth/authorize/signin`, go-sdk's `SignIn`). */
  readonly signIn: (options: StartOptions) => Effect.Effect<LoginOptions.UrlResponse, LoginOptions.StartError>
  /** Starts a sign-up of a new user only (`POST /v1/auth/oauth/authorize/signup`, go-sdk's `SignUp`). */
  readonly signUp: (options: StartOptions) => Effect.Effect<LoginOptions.UrlResponse, LoginOptions.StartError>
  /**
   * Links a provider to the signed-in user (`POST /v1/auth/oauth/authorize/update`,
   * go-sdk's `UpdateUser`); the callback's code is exchanged with `exchangeToken`.
   */
  readonly updateUser: (options: UpdateUserOptions) => Effect.Effect<LoginOptions.UrlResponse, LoginOptions.StartError>
  /** Exchanges the `code` of the callback for a session (`POST /v1/auth/oauth/exchange`). */
  readonly exchangeToken: (
    code: LoginOptions.Secret,
    options?: LoginOptions.AudienceOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /** Starts a native login (`POST /v1/auth/oauth/native/start`): the parameters for the provider's SDK. */
  readonly startNative: (
    options: NativeStartOptions
  ) => Effect.Effect<Readonly<Record<string, unknown>>, LoginOptions.StartError>
  /** Finishes a native login with the provider SDK's answer (`POST /v1/auth/oauth/native/finish`). */
  readonly finishNative: (
    options: NativeFinishOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /** The client id One Tap is configured with (`GET /v1/auth/onetap/clientid/{provider}`). */
  readonly getOneTapClientId: (provider: string) => Effect.Effect<string, LoginOptions.StartError>
  /** Verifies a One Tap ID token: a code to exchange later (`POST /v1/auth/onetap/idtoken/verify`). */
  readonly verifyOneTapIdToken: (
    options: OneTapOptions
  ) => Effect.Effect<Redacted.Redacted<string>, LoginOptions.StartError>
  /** Exchanges a One Tap ID token for a session (`POST /v1/auth/onetap/idtoken/exchange`). */
  readonly exchangeOneTapIdToken: (
    options: OneTapOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
}

/** The checked body of a One Tap call. */
const oneTapRequest = (options: OneTapOptions) =>
  Effect.all({
    provider: nonEmpty("provider", options.provider),
    idToken: nonEmptySecret("idToken", options.idToken)
  }).pipe(Effect.map(({ idToken, provider }) => ({
    provider,
    idToken,
    nonce: options.nonce || undefined,
    loginOptions: options.loginOptions
  })))

const starting =
  (endpoint: typeof Wire.start | typeof Wire.signIn | typeof Wire.signUp, http: DescopeHttp.Service) =>
  (options: StartOptions) =>
    Effect.gen(function*() {
      const provider = yield* nonEmpty("provider", options.provider)
      const token = yield* signInToken(options.loginOptions, options.refreshToken)
      return yield* http.call(endpoint, {
        request: {
          ...options.loginOptions,
          provider,
          redirectURL: options.returnUrl || undefined,
          loginHint: options.loginHint || undefined
        },
        token
      })
    })

/**
 * Builds the OAuth operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): OAuthApi => ({
  start: starting(Wire.start, http),

  signIn: starting(Wire.signIn, http),

  signUp: starting(Wire.signUp, http),

  updateUser: (options) =>
    Effect.gen(function*() {
      const provider = yield* nonEmpty("provider", options.provider)
      const token = yield* nonEmptySecret("refreshToken", options.refreshToken)
      return yield* http.call(Wire.updateUser, {
        request: {
          ...options.loginOptions,
          provider,
          redirectURL: options.returnUrl || undefined,
          loginHint: options.loginHint || undefined,
          allowAllMerge: options.allowAllMerge === true ? "true" : undefined
        },
        token
      })
    }),

  exchangeToken: (code, options) => exchangeCode(http, validator, Wire.exchangeToken, code, options),

  startNative: (options) =>
    Effect.flatMap(nonEmpty("provider", options.provider), (provider) =>
      http.call(Wire.startNative, {
        request: { provider, loginOptions: options.loginOptions, implicit: options.implicit }
      })),

  finishNative: (options) =>
    Effect.gen(function*() {
      const provider = yield* nonEmpty("provider", options.provider)
      const stateId = yield* nonEmpty("stateId", options.stateId)
      const code = options.code === undefined ? undefined : yield* nonEmptySecret("code", options.code)
      const idToken = options.idToken === undefined ? undefined : yield* nonEmptySecret("idToken", options.idToken)
      return yield* authenticate(
        validator,
        http.callFull(Wire.finishNative, { request: { provider, stateId, user: options.user, code, idToken } })
      )
    }),

  getOneTapClientId: (provider) =>
    Effect.flatMap(
      nonEmpty("provider", provider),
      (p) => Effect.map(http.call(Wire.getOneTapClientId, { path: { provider: p } }), (body) => body.clientId)
    ),

  verifyOneTapIdToken: (options) =>
    Effect.flatMap(
      oneTapRequest(options),
      (request) => Effect.map(http.call(Wire.verifyOneTapIdToken, { request }), (body) => body.code)
    ),

  exchangeOneTapIdToken: (options) =>
    Effect.flatMap(
      oneTapRequest(options),
      (request) => authenticate(validator, http.callFull(Wire.exchangeOneTapIdToken, { request }))
    )
})
