/**
 * `DescopeClient`: the one service of descope-effect. Its value groups the
 * operations as the official SDKs do (`client.otp.signUp(...)`,
 * `client.validateSession(...)`, `client.mgmt.user.create(...)`); every method
 * returns an `Effect` with no requirements and the narrowest error union.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type * as EnchantedLink from "./auth/EnchantedLink.js"
import type * as Flow from "./auth/Flow.js"
import type * as MagicLink from "./auth/MagicLink.js"
import type * as Notp from "./auth/Notp.js"
import type * as OAuth from "./auth/OAuth.js"
import type * as Otp from "./auth/Otp.js"
import type * as Outbound from "./auth/Outbound.js"
import type * as Password from "./auth/Password.js"
import type * as Saml from "./auth/Saml.js"
import type * as Sessions from "./auth/Sessions.js"
import type * as Sso from "./auth/Sso.js"
import type * as Totp from "./auth/Totp.js"
import type * as WebAuthn from "./auth/WebAuthn.js"
import type * as DescopeConfig from "./core/DescopeConfig.js"
import type * as Management from "./management/Management.js"

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
  /** Validates a session token locally. */
  readonly validateSession: Sessions.SessionsApi["validateSession"]
  /** Refreshes a session with a refresh token (`POST /v1/auth/refresh`). */
  readonly refreshSession: Sessions.SessionsApi["refreshSession"]
  /** Validates a session token and, only when it is invalid, refreshes it. */
  readonly validateAndRefreshSession: Sessions.SessionsApi["validateAndRefreshSession"]
  /** Logs out the session of a refresh token. */
  readonly logout: Sessions.SessionsApi["logout"]
  /** Logs out every session of the user. */
  readonly logoutAll: Sessions.SessionsApi["logoutAll"]
  /** The current user. */
  readonly me: Sessions.SessionsApi["me"]
  /** The current user's tenants. */
  readonly myTenants: Sessions.SessionsApi["myTenants"]
  /** The current user's login history. */
  readonly history: Sessions.SessionsApi["history"]
  /** Selects a tenant for the session. */
  readonly selectTenant: Sessions.SessionsApi["selectTenant"]
  /** Exchanges an access key for a validated session token. */
  readonly exchangeAccessKey: Sessions.SessionsApi["exchangeAccessKey"]
  /** Whether the session has every one of these project-level permissions. */
  readonly validatePermissions: Sessions.SessionsApi["validatePermissions"]
  /** Whether the session has every one of these project-level roles. */
  readonly validateRoles: Sessions.SessionsApi["validateRoles"]
  /** Whether the session has every one of these permissions in the tenant. */
  readonly validateTenantPermissions: Sessions.SessionsApi["validateTenantPermissions"]
  /** Whether the session has every one of these roles in the tenant. */
  readonly validateTenantRoles: Sessions.SessionsApi["validateTenantRoles"]
  /** The requested project-level permissions the session has. */
  readonly getMatchedPermissions: Sessions.SessionsApi["getMatchedPermissions"]
  /** The requested project-level roles the session has. */
  readonly getMatchedRoles: Sessions.SessionsApi["getMatchedRoles"]
  /** The requested permissions the session has in the tenant. */
  readonly getMatchedTenantPermissions: Sessions.SessionsApi["getMatchedTenantPermissions"]
  /** The requested roles the session has in the tenant. */
  readonly getMatchedTenantRoles: Sessions.SessionsApi["getMatchedTenantRoles"]
  /** Fails with `ForbiddenError` unless the session has every project-level permission. */
  readonly requirePermissions: Sessions.SessionsApi["requirePermissions"]
  /** Fails with `ForbiddenError` unless the session has every project-level role. */
  readonly requireRoles: Sessions.SessionsApi["requireRoles"]
  /** Fails with `ForbiddenError` unless the session has every permission in the tenant. */
  readonly requireTenantPermissions: Sessions.SessionsApi["requireTenantPermissions"]
  /** Fails with `ForbiddenError` unless the session has every role in the tenant. */
  readonly requireTenantRoles: Sessions.SessionsApi["requireTenantRoles"]
  // --- authentication flows (src/auth/*) ---
  /** One-time codes by e-mail, text, voice or WhatsApp. */
  readonly otp: Otp.OtpApi
  /** Magic links by e-mail, text or WhatsApp. */
  readonly magicLink: MagicLink.MagicLinkApi
  /** Enchanted links (e-mail), with session polling. */
  readonly enchantedLink: EnchantedLink.EnchantedLinkApi
  /** Social login. */
  readonly oauth: OAuth.OAuthApi
  /** SAML / OIDC SSO, the SAML endpoints (`src/wire/auth/Saml.ts`). */
  readonly saml: Saml.SamlApi
  /** SAML / OIDC SSO, the SSO endpoints (`src/wire/auth/Sso.ts`). */
  readonly sso: Sso.SsoApi
  /** Authenticator-app codes. */
  readonly totp: Totp.TotpApi
  /** Passwords. */
  readonly password: Password.PasswordApi
  /** Passkeys, server side. */
  readonly webauthn: WebAuthn.WebAuthnApi
  /** WhatsApp "no OTP", with session polling. */
  readonly notp: Notp.NotpApi
  /** Outbound OAuth for the signed-in user: connect an outbound application. */
  readonly outbound: Outbound.OutboundApi
  /** The flow runner: start a Descope flow and move it on step by step. */
  readonly flow: Flow.FlowApi
  // --- management (src/management/*) ---
  /** The management API (`client.mgmt.user.create(...)` ...); every call needs the management key. */
  readonly mgmt: Management.ManagementApi
}

/**
 * The Descope client service. Its constructor and its layers are in one
 * place, the `Descope` module: `Descope.make` (the service from the transport
 * and a session validator), `Descope.layer`, `layerConfig`, `layerFetch`,
 * `layerConfigFetch`, `layerTest`, `layerTestKeys`, `layerWithJwks`.
 *
 * @since 0.1.0
 * @category tags
 */
export class DescopeClient extends Context.Tag("descope-effect/DescopeClient")<DescopeClient, Service>() {}
