/**
 * descope-effect/server: Descope sessions for `@effect/platform` servers.
 *
 * - `DescopeAuth` (HttpApi middleware) and `DescopeGuard` / `guardLayer`
 *   (role and permission guards) for `HttpApi` apps;
 * - `DescopeMiddleware.make` / `DescopeMiddleware.guard` for `HttpRouter` apps;
 * - `CurrentSession`, the session handlers read;
 * - `Guard`, the requirement checks usable inside handlers;
 * - the typed answers `DescopeUnauthorized` (401), `DescopeForbidden` (403)
 *   and `DescopeUnavailable` (503).
 *
 * @since 0.1.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

/** @since 0.1.0 */
export { CurrentSession } from "./CurrentSession.js"
/** @since 0.1.0 */
export { DescopeAuth, DescopeGuard, guardLayer } from "./DescopeAuth.js"
/** @since 0.1.0 */
export * as DescopeMiddleware from "./DescopeMiddleware.js"
/** @since 0.1.0 */
export * as Guard from "./Guard.js"
/** @since 0.1.0 */
export * as Authenticator from "./Authenticator.js"
/** @since 0.1.0 */
export * from "./ServerError.js"
