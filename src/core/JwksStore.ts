/**
 * An optional store of signing keys shared by many instances (pods, lambdas,
 * workers): with it in the context of the client layer, the remote key cache
 * (`Jwks.layerRemote`) reads the project's key set from the store before it
 * fetches, writes back what it fetches, and lets one instance at a time
 * refresh (a short lease) while the others keep serving the keys they hold.
 * A store that fails or is slow never fails a validation: the cache fetches
 * the keys itself, with one WARN per outage, and counts the fallback in the
 * `descope_jwks_store_fallbacks` metric.
 *
 * Implementations over `@effect/experimental`'s `Persistence` (memory, file
 * system, Redis) are `SharedKeys` in `descope-effect/fleet`.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Metric from "effect/Metric"
import type * as Option from "effect/Option"

/**
 * A stored key set: the keys as fetched (JWKs) and when they were fetched
 * (epoch millis).
 *
 * @since 0.2.0
 * @category models
 */
export interface StoredKeys {
  readonly keys: ReadonlyArray<unknown>
  readonly fetchedAt: number
}

/**
 * The store. Its failures are `unknown`: the key cache only needs to know
 * that the store could not answer.
 *
 * @since 0.2.0
 * @category models
 */
export interface Service {
  /** The project's stored key set, if any. */
  readonly get: (projectId: string) => Effect.Effect<Option.Option<StoredKeys>, unknown>
  /** Stores the project's key set, kept for `keepFor` milliseconds. */
  readonly set: (projectId: string, keys: StoredKeys, keepFor: number) => Effect.Effect<void, unknown>
  /** Whether this instance may refresh the project's keys now (for `holdFor` milliseconds, the others may not). */
  readonly lease: (projectId: string, holdFor: number) => Effect.Effect<boolean, unknown>
}

/**
 * The store's tag. `Jwks.makeRemote` reads it when its layer is built.
 *
 * @since 0.2.0
 * @category tags
 */
export class JwksStore extends Context.Tag("descope-effect/JwksStore")<JwksStore, Service>() {}

/**
 * How many times the key cache could not use its store (failed or too slow)
 * and fell back to its own fetch or its held keys.
 *
 * @since 0.2.0
 * @category constants
 */
export const fallbacks: Metric.Metric.Counter<number> = Metric.counter("descope_jwks_store_fallbacks", {
  description: "times the signing-key cache could not use its shared store"
})
