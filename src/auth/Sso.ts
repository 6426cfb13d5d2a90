/**
 * Single sign-on, SAML or OIDC per the tenant's settings, on the endpoints of
 * `wire/auth/Sso.ts` (`client.sso`, the Python SDK's wire).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const start = Effect.flatMap(DescopeClient, (client) =>
 *   client.sso.start({ tenant: "ada@acme.com", returnUrl: "https://app.example.com/callback", prompt: "login" }))
 * const finish = (code: string) => Effect.flatMap(DescopeClient, (client) => client.sso.exchangeToken(code))
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
import * as Wire from "../wire/auth/Sso.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * Options of {@link SsoApi.start}.
 *
 * @since 0.1.0
 * @category models
 */
export interface StartOptions {
  /** The tenant id, or an e-mail address whose domain selects the tenant (query `tenant`). */
  readonly tenant: string
  /** Where the identity provider redirects back to (query `redirectURL`). */
  readonly returnUrl?: string | undefined
  /** Login options, sent as the body. */
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
  /** The OIDC `prompt` passed to the identity provider (query `prompt`). */
  readonly prompt?: string | undefined
  /** The SSO configuration to use, when the tenant has several (query `ssoId`). */
  readonly ssoId?: string | undefined
  /** A login hint passed to the identity provider (query `loginHint`). */
  readonly loginHint?: string | undefined
  /** Force (or explicitly not) re-authentication (query `forceAuthn=true|false`, sent whenever set). */
  readonly forceAuthn?: boolean | undefined
}

/**
 * The SSO operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface SsoApi {
  /** Starts a login (`POST /v1/auth/sso/authorize`); answers the URL to redirect to. */
  readonly start: (options: StartOptions) => Effect.Effect<LoginOptions.UrlResponse, LoginOptions.StartError>
  /** Exchanges the `code` of the callback for a session (`POST /v1/auth/sso/exchange`). */
  readonly exchangeToken: (
    code: LoginOptions.Secret,
    options?: LoginOptions.AudienceOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
}

/**
 * Builds the SSO operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): SsoApi => ({
  start: (options) =>
    Effect.gen(function*() {
      const tenant = yield* nonEmpty("tenant", options.tenant)
      const token = yield* signInToken(options.loginOptions, options.refreshToken)
      return yield* http.call(Wire.start, {
        request: {
          ...options.loginOptions,
          tenant,
          redirectURL: options.returnUrl || undefined,
          prompt: options.prompt || undefined,
          ssoId: options.ssoId || undefined,
          loginHint: options.loginHint || undefined,
          forceAuthn: options.forceAuthn === undefined ? undefined : String(options.forceAuthn)
        },
        token
      })
    }),

  exchangeToken: (code, options) => exchangeCode(http, validator, Wire.exchangeToken, code, options)
})
