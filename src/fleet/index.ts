/**
 * `descope-effect/fleet`: what many instances of a service share, over
 * `@effect/experimental`'s `Persistence` and `RateLimiter` (optional peers):
 * signing keys ({@link SharedKeys}) and Descope's rate limits
 * ({@link SharedRateLimits}). Redis-backed layers are in `descope-effect/redis`.
 *
 * @since 0.2.0
 */
import "../internal/effectVersion.js"

/**
 * @since 0.2.0
 */
export * as SharedKeys from "./SharedKeys.js"

/**
 * @since 0.2.0
 */
export * as SharedRateLimits from "./SharedRateLimits.js"
