/**
 * `descope-effect/validation`: session validation alone, for services that
 * only check the sessions another service issued (edge functions, workers,
 * middleware). The same `DescopeValidator` and `ValidationOnly` layers as the
 * main entry, with what validating needs (the session, the verifiers, the
 * signing keys, the role and permission checks, the errors), and none of the
 * management API (nor its part of the wire catalogue) or the sign-in flows:
 * the smallest import of the SDK. The two entries share their modules, so a
 * layer made from one serves a program written against the other.
 *
 * @since 0.2.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

/** @since 0.2.0 */
export { DescopeValidator } from "../layers/DescopeValidator.js"
/** @since 0.2.0 */
export * as ValidationOnly from "../layers/DescopeValidator.js"
/** @since 0.2.0 */
export * as DescopeConfig from "../core/DescopeConfig.js"
/** @since 0.2.0 */
export * as Session from "../core/Session.js"
/** @since 0.2.0 */
export * as Verifier from "../core/Verifier.js"
/** @since 0.2.0 */
export * as Jwks from "../core/Jwks.js"
/** @since 0.2.0 */
export * as Authorization from "../core/Authorization.js"
/** @since 0.2.0 */
export * from "../core/DescopeError.js"
/** @since 0.2.0 */
export type { JwksError } from "../core/Jwks.js"
/** @since 0.2.0 */
export type { ValidationError } from "../core/Session.js"
