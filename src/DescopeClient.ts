/**
 * `DescopeClient`: the one service of descope-effect. Its value groups the
 * operations as the official SDKs do (`client.otp.signUp(...)`,
 * `client.validateSession(...)`, `client.mgmt.user.create(...)`); every method
 * returns an `Effect` with no requirements and the narrowest error union.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as EnchantedLink from "./auth/EnchantedLink.js"
import * as MagicLink from "./auth/MagicLink.js"
import * as Notp from "./auth/Notp.js"
import * as OAuth from "./auth/OAuth.js"
import * as Otp from "./auth/Otp.js"
import * as Password from "./auth/Password.js"
import * as Saml from "./auth/Saml.js"
import * as Sso from "./auth/Sso.js"
import * as Totp from "./auth/Totp.js"
import * as WebAuthn from "./auth/WebAuthn.js"
import * as DescopeConfig from "./core/DescopeConfig.js"
import * as DescopeHttp from "./core/DescopeHttp.js"
import { SessionValidator } from "./core/Session.js"
import * as InterimValidator from "./layers/InterimValidator.js"

/**
 * The client's operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The resolved configuration. */
  readonly config: DescopeConfig.Service
  // --- sessions (src/auth/Sessions.ts) ---
  // --- authentication flows (src/auth/*) ---
  /** One-time codes by e-mail, text, voice or WhatsApp. */
  readonly otp: Otp.OtpApi
  /** Magic links by e-mail, text or WhatsApp. */
  readonly magicLink: MagicLink.MagicLinkApi
  /** Enchanted links (e-mail), with session polling. */
  readonly enchantedLink: EnchantedLink.EnchantedLinkApi
  /** Social login. */
  readonly oauth: OAuth.OAuthApi
  /** SAML / OIDC SSO on `/v1/auth/saml/*`. */
  readonly saml: Saml.SamlApi
  /** SAML / OIDC SSO on `/v1/auth/sso/*`. */
  readonly sso: Sso.SsoApi
  /** Authenticator-app codes. */
  readonly totp: Totp.TotpApi
  /** Passwords. */
  readonly password: Password.PasswordApi
  /** Passkeys, server side. */
  readonly webauthn: WebAuthn.WebAuthnApi
  /** WhatsApp "no OTP", with session polling. */
  readonly notp: Notp.NotpApi
  // --- management (src/management/*) ---
}

/**
 * The Descope client service.
 *
 * @since 0.1.0
 * @category tags
 */
export class DescopeClient extends Context.Tag("descope-effect/DescopeClient")<DescopeClient, Service>() {
  /**
   * The client from explicit options; requires an `HttpClient`.
   *
   * @since 0.1.0
   */
  static layer = (options: DescopeConfig.Options): Layer.Layer<DescopeClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
    layerWithoutConfig.pipe(Layer.provide(DescopeConfig.layer(options)))

  /**
   * The client configured from the environment (`DESCOPE_PROJECT_ID` ...); requires an `HttpClient`.
   *
   * @since 0.1.0
   */
  static layerConfig = (
    configs?: DescopeConfig.ConfigOptions
  ): Layer.Layer<DescopeClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
    layerWithoutConfig.pipe(Layer.provide(DescopeConfig.layerConfig(configs)))
}

/**
 * Builds the client from the transport.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, DescopeHttp.DescopeHttp | SessionValidator> = Effect.gen(function*() {
  const http = yield* DescopeHttp.DescopeHttp
  const validator = yield* SessionValidator
  void validator // used by the session and authentication operations
  // --- sessions ---
  // --- authentication flows ---
  // --- management ---
  return DescopeClient.of({
    config: http.config,
    // --- sessions ---
    // --- authentication flows ---
    otp: Otp.make(http, validator),
    magicLink: MagicLink.make(http, validator),
    enchantedLink: EnchantedLink.make(http, validator),
    oauth: OAuth.make(http, validator),
    saml: Saml.make(http, validator),
    sso: Sso.make(http, validator),
    totp: Totp.make(http, validator),
    password: Password.make(http, validator),
    webauthn: WebAuthn.make(http, validator),
    notp: Notp.make(http, validator),
    // --- management ---
  })
})

/**
 * The client over a configuration supplied separately; requires `DescopeConfig` and an `HttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithoutConfig: Layer.Layer<
  DescopeClient,
  never,
  DescopeConfig.DescopeConfig | HttpClient.HttpClient
> = Layer.effect(DescopeClient, make).pipe(
  Layer.provide(InterimValidator.layer),
  Layer.provide(DescopeHttp.layer)
)
