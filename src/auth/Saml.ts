/**
 * SAML / OIDC single sign-on on the endpoints of `wire/auth/Saml.ts` (`client.saml`),
 * the paths the official Node SDK uses for both its `saml` and `sso` clients.
 * See `client.sso` for the newer endpoints of `wire/auth/Sso.ts`.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const start = Effect.flatMap(DescopeClient, (client) =>
 *   client.saml.start({ tenant: "T2abc", returnUrl: "https://app.example.com/callback" }))
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
import * as Wire from "../wire/auth/Saml.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * Options of {@link SamlApi.start}.
 *
 * @since 0.1.0
 * @category models
 */
export interface StartOptions {
  /** The tenant id, or an e-mail address whose domain selects the tenant (query `tenant`). */
  readonly tenant: string
  /** Where the identity provider redirects back to (query `redirectURL`); required. */
  readonly returnUrl: string
  /** Login options, sent as the body. */
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
  /** The SSO configuration to use, when the tenant has several (query `ssoId`). */
  readonly ssoId?: string | undefined
  /** Force the identity provider to re-authenticate the user (query `forceAuthn=true`). */
  readonly forceAuthn?: boolean | undefined
  /** A login hint passed to the identity provider (query `loginHint`). */
  readonly loginHint?: string | undefined
  /** Require the user to sign in with the e-mail given as `tenant` (query `initiatedEmail`). */
  readonly enforceInitiatedEmail?: boolean | undefined
}

/**
 * The SAML operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface SamlApi {
  /** Starts a login (`POST /v1/auth/saml/authorize`); answers the URL to redirect to. */
  readonly start: (options: StartOptions) => Effect.Effect<LoginOptions.UrlResponse, LoginOptions.StartError>
  /** Exchanges the `code` of the callback for a session (`POST /v1/auth/saml/exchange`). */
  readonly exchangeToken: (
    code: LoginOptions.Secret,
    options?: LoginOptions.AudienceOptions
  ) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
}

/**
 * Builds the SAML operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): SamlApi => ({
  start: (options) =>
    Effect.gen(function*() {
      const tenant = yield* nonEmpty("tenant", options.tenant)
      const returnUrl = yield* nonEmpty("returnUrl", options.returnUrl)
      const token = yield* signInToken(options.loginOptions, options.refreshToken)
      return yield* http.call(Wire.start, {
        request: {
          ...options.loginOptions,
          tenant,
          redirectURL: returnUrl,
          ssoId: options.ssoId || undefined,
          forceAuthn: options.forceAuthn === true ? "true" : undefined,
          loginHint: options.loginHint || undefined,
          initiatedEmail: options.enforceInitiatedEmail === true ? tenant : undefined
        },
        token
      })
    }),

  exchangeToken: (code, options) => exchangeCode(http, validator, Wire.exchangeToken, code, options)
})
