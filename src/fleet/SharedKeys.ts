/**
 * Signing keys shared by every instance over a store: a `JwksStore` over
 * `@effect/experimental`'s `Persistence` (memory, a `KeyValueStore` such as
 * the file system, or Redis) with the refresh lease taken from its
 * `RateLimiter` (a window of one refresher per project), both Effect's own
 * modules. A cold instance reads the key set from the store and fetches
 * nothing when it holds a fresh one; the instance that fetches writes it back.
 *
 * @since 0.2.0
 */
import * as Persistence from "@effect/experimental/Persistence"
import * as RateLimiter from "@effect/experimental/RateLimiter"
import type * as KeyValueStore from "@effect/platform/KeyValueStore"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { JwksStore, type Service, type StoredKeys } from "../core/JwksStore.js"

/**
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** The store id and lease key prefix (default `descope`). */
  readonly prefix?: string | undefined
}

const isStoredKeys = (u: unknown): u is StoredKeys =>
  typeof u === "object" && u !== null && Array.isArray((u as StoredKeys).keys) &&
  typeof (u as StoredKeys).fetchedAt === "number" && Number.isFinite((u as StoredKeys).fetchedAt)

/**
 * Builds the store over a `BackingPersistence` and a `RateLimiter`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<Service, never, Persistence.BackingPersistence | RateLimiter.RateLimiter | Scope.Scope> =>
  Effect.gen(function*() {
    const prefix = options.prefix ?? "descope"
    const store = yield* (yield* Persistence.BackingPersistence).make(`${prefix}:jwks`)
    const limiter = yield* RateLimiter.RateLimiter
    return {
      // anything else under the key (another version's layout, a hand edit) reads as no stored set
      get: (projectId) => Effect.map(store.get(projectId), Option.filter(isStoredKeys)),
      set: (projectId, keys, keepFor) => store.set(projectId, keys, Option.some(Duration.millis(keepFor))),
      lease: (projectId, holdFor) =>
        limiter.consume({
          algorithm: "fixed-window",
          onExceeded: "fail",
          key: `${prefix}:jwks-lease:${projectId}`,
          limit: 1,
          window: Duration.millis(Math.max(1, holdFor))
        }).pipe(
          Effect.as(true),
          Effect.catchIf((e) => e.reason === "Exceeded", () => Effect.succeed(false))
        )
    }
  })

/**
 * The store as a layer: provide it to the client layer (the remote key cache
 * reads it when it is built), with a `BackingPersistence` and a `RateLimiter`.
 *
 * @since 0.2.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<JwksStore, never, Persistence.BackingPersistence | RateLimiter.RateLimiter> =>
  Layer.scoped(JwksStore, make(options))

/**
 * The store in this process's memory: every client built over this layer
 * shares one key fetch.
 *
 * @since 0.2.0
 * @category layers
 */
export const layerMemory = (options: Options = {}): Layer.Layer<JwksStore> =>
  layer(options).pipe(
    Layer.provide(Persistence.layerMemory),
    Layer.provide(RateLimiter.layer),
    Layer.provide(RateLimiter.layerStoreMemory)
  )

/**
 * The store over a `KeyValueStore` (e.g. `NodeKeyValueStore.layerFileSystem(dir)`
 * from `@effect/platform-node`), the lease in this process's memory.
 *
 * @since 0.2.0
 * @category layers
 */
export const layerKeyValueStore = (options: Options = {}): Layer.Layer<JwksStore, never, KeyValueStore.KeyValueStore> =>
  layer(options).pipe(
    Layer.provide(Persistence.layerKeyValueStore),
    Layer.provide(RateLimiter.layer),
    Layer.provide(RateLimiter.layerStoreMemory)
  )
