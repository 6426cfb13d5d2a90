/**
 * descope-effect: the Effect-native SDK for the Descope API.
 *
 * Schema comes from `effect/Schema`, the successor of `@effect/schema`.
 *
 * @since 0.1.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "./internal/effectVersion.js"

/** @since 0.1.0 */
export { DescopeClient } from "./DescopeClient.js"
/** @since 0.1.0 */
export * as Client from "./DescopeClient.js"
/** @since 0.1.0 */
export * as DescopeConfig from "./core/DescopeConfig.js"
/** @since 0.1.0 */
export * as DescopeHttp from "./core/DescopeHttp.js"
/** The endpoint descriptions `DescopeHttp`'s `call` takes. @since 0.2.0 */
export * as Endpoint from "./wire/Endpoint.js"
/** @since 0.1.0 */
export {
  CurrentRequestOptions,
  interruptOnAbort,
  type RequestOptions,
  retryOnRateLimit,
  withRequestOptions
} from "./core/DescopeHttp.js"
/** @since 0.1.0 */
export * from "./core/DescopeError.js"
/**
 * The error unions of the client's methods, by the names a hover shows
 * (`Effect<AuthenticationInfo, AuthenticationError>` ...).
 *
 * @since 0.2.0
 * @category models
 */
export type { AuthenticationError, StartError, WaitForSessionError } from "./auth/LoginOptions.js"
/** @since 0.2.0 */
export type { JwksError } from "./core/Jwks.js"
/** @since 0.2.0 */
export type { ValidationError } from "./core/Session.js"
/** @since 0.2.0 */
export type { MgmtSessionError } from "./management/Jwt.js"
/** @since 0.2.0 */
export type { ManagementError } from "./management/ManagementHttp.js"
/** @since 0.1.0 */
export * as Session from "./core/Session.js"
/** @since 0.1.0 */
export * as AuthenticationInfo from "./core/AuthenticationInfo.js"
/** @since 0.1.0 */
export * as Jwks from "./core/Jwks.js"
/** @since 0.2.0 */
export * as JwksStore from "./core/JwksStore.js"
/** @since 0.2.0 */
export * as DescopeRateLimits from "./core/DescopeRateLimits.js"
/** @since 0.1.0 */
export * as Verifier from "./core/Verifier.js"
/** @since 0.1.0 */
export * as SessionValidatorLive from "./core/SessionValidatorLive.js"
/** @since 0.1.0 */
export * as Authorization from "./core/Authorization.js"
/** @since 0.1.0 */
export * as Cookies from "./core/Cookies.js"
/** @since 0.1.0 */
export * as Sessions from "./auth/Sessions.js"
/** @since 0.1.0 */
export * as LoginOptions from "./auth/LoginOptions.js"
/** @since 0.1.0 */
export * as Otp from "./auth/Otp.js"
/** @since 0.1.0 */
export * as MagicLink from "./auth/MagicLink.js"
/** @since 0.1.0 */
export * as EnchantedLink from "./auth/EnchantedLink.js"
/** @since 0.1.0 */
export * as OAuth from "./auth/OAuth.js"
/** @since 0.1.0 */
export * as Saml from "./auth/Saml.js"
/** @since 0.1.0 */
export * as Sso from "./auth/Sso.js"
/** @since 0.1.0 */
export * as Totp from "./auth/Totp.js"
/** @since 0.1.0 */
export * as Password from "./auth/Password.js"
/** @since 0.1.0 */
export * as WebAuthn from "./auth/WebAuthn.js"
/** @since 0.1.0 */
export * as Notp from "./auth/Notp.js"
/** @since 0.2.0 */
export * as Outbound from "./auth/Outbound.js"
/** @since 0.2.0 */
export * as Flow from "./auth/Flow.js"
/** @since 0.1.0 */
export * as User from "./core/User.js"
/**
 * `client.mgmt`'s builder and its areas' modules as nested namespaces:
 * `Management.User`, `Management.Tenant`, `Management.AccessKey` ...
 *
 * @since 0.1.0
 */
export * as Management from "./management/Management.js"
/** @since 0.1.0 */
export * as ManagementHttp from "./management/ManagementHttp.js"
/** @since 0.1.0 */
export * as AssociatedTenant from "./management/AssociatedTenant.js"
/** @since 0.1.0 */
export * as Descope from "./layers/Descope.js"
/** @since 0.2.0 */
export { DescopeValidator } from "./layers/DescopeValidator.js"
/** @since 0.2.0 */
export * as ValidationOnly from "./layers/DescopeValidator.js"
/** @since 0.1.0 */
export * as MockHttpClient from "./layers/MockHttpClient.js"
