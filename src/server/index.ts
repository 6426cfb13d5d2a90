/**
 * descope-effect/server: Descope sessions for `@effect/platform` servers.
 *
 * - `DescopeAuth`: the HttpApi middleware (`DescopeAuth.DescopeAuth`, its
 *   `DescopeAuth.layer`) and the role and permission guards
 *   (`DescopeAuth.DescopeGuard` / `DescopeAuth.guardLayer`)
 *   (role and permission guards) for `HttpApi` apps;
 * - `DescopeMiddleware.make` / `DescopeMiddleware.guard` for `HttpRouter` apps;
 * - `CurrentSession`, the session handlers read;
 * - `Guard`, the requirement checks usable inside handlers;
 * - the typed answers `DescopeBadRequest` (400), `DescopeUnauthorized` (401),
 *   `DescopeForbidden` (403), `DescopeTooManyRequests` (429) and
 *   `DescopeUnavailable` (503);
 * - `HttpErrors`, the mapping of the client's errors to those answers in your
 *   own endpoints (a wrong OTP code is 401, a rate limit 429 with `Retry-After` ...).
 *
 * @since 0.1.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

/** @since 0.1.0 */
export { CurrentSession } from "./CurrentSession.js"
/**
 * The HttpApi middleware and guards, with their layers (`DescopeAuth.layer`,
 * `DescopeAuth.guardLayer`); the middleware tag is `DescopeAuth.DescopeAuth`.
 *
 * @since 0.1.0
 */
export * as DescopeAuth from "./DescopeAuth.js"
/** @since 0.1.0 */
export * as DescopeMiddleware from "./DescopeMiddleware.js"
/** @since 0.1.0 */
export * as Guard from "./Guard.js"
/** @since 0.1.0 */
export * as Authenticator from "./Authenticator.js"
/** @since 0.2.0 */
export * as RequestAuth from "./RequestAuth.js"
/** @since 0.2.0 */
export * as DescopeSecurity from "./DescopeSecurity.js"
/** @since 0.2.0 */
export * as ProtectedResource from "./ProtectedResource.js"
/** @since 0.1.0 */
export * from "./ServerError.js"
/** @since 0.2.0 */
export * as HttpErrors from "./HttpErrors.js"
/**
 * The error unions of the `HttpErrors` combinators, by the names a hover shows.
 *
 * @since 0.2.0
 * @category models
 */
export type { RefreshFailure, SignInFailure, StartFailure } from "./HttpErrors.js"
