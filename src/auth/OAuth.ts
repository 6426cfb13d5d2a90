/**
 * Social login (`client.oauth`, `/v1/auth/oauth/*`): `start` answers the URL to
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
import type * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import { exchangeCode } from "../internal/authenticate.js"
import { nonEmpty, signInToken } from "../internal/validate.js"
import * as Wire from "../wire/auth/OAuth.js"
import type * as LoginOptions from "./LoginOptions.js"

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
 * The OAuth operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface OAuthApi {
  /** Starts a login (`POST /v1/auth/oauth/authorize`); answers the URL to redirect to. */
  readonly start: (options: StartOptions) => Effect.Effect<LoginOptions.UrlResponse, LoginOptions.StartError>
  /** Exchanges the `code` of the callback for a session (`POST /v1/auth/oauth/exchange`). */
  readonly exchangeToken: (
    code: LoginOptions.Secret
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
}

/**
 * Builds the OAuth operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): OAuthApi => ({
  start: (options) =>
    Effect.gen(function*() {
      const provider = yield* nonEmpty("provider", options.provider)
      const token = yield* signInToken(options.loginOptions, options.refreshToken)
      return yield* http.call(Wire.start, {
        request: {
          ...options.loginOptions,
          provider,
          redirectURL: options.returnUrl || undefined,
          loginHint: options.loginHint || undefined
        },
        token
      })
    }),

  exchangeToken: (code) => exchangeCode(http, validator, Wire.exchangeToken, code)
})
