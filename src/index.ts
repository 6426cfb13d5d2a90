/**
 * descope-effect: the Effect-native SDK for the Descope API.
 *
 * Schema comes from `effect/Schema`, the successor of `@effect/schema`.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export { DescopeClient } from "./DescopeClient.js"
/** @since 0.1.0 */
export * as Client from "./DescopeClient.js"
/** @since 0.1.0 */
export * as DescopeConfig from "./core/DescopeConfig.js"
/** @since 0.1.0 */
export * as DescopeHttp from "./core/DescopeHttp.js"
/** @since 0.1.0 */
export {
  CurrentRequestOptions,
  type RequestOptions,
  retryOnRateLimit,
  withRequestOptions
} from "./core/DescopeHttp.js"
/** @since 0.1.0 */
export * from "./core/DescopeError.js"
/** @since 0.1.0 */
export * as Session from "./core/Session.js"
/** @since 0.1.0 */
export * as AuthenticationInfo from "./core/AuthenticationInfo.js"
/** @since 0.1.0 */
export * as Jwks from "./core/Jwks.js"
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
export * as User from "./core/User.js"
/** @since 0.1.0 */
export * as Descope from "./layers/Descope.js"
/** @since 0.1.0 */
export * as MockHttpClient from "./layers/MockHttpClient.js"
