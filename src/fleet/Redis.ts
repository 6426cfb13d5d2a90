/**
 * `descope-effect/redis`: the fleet layers over one Redis (`ioredis@^5` and
 * `@effect/experimental`, optional peers): signing keys shared through
 * `Persistence/Redis`, Descope's rate limits paced through
 * `RateLimiter/Redis`. Provide the result to the client layer:
 *
 * ```ts
 * Descope.layerConfig().pipe(
 *   Layer.provide(NodeHttpClient.layerUndici),
 *   Layer.provide(Redis.layer({ host: "127.0.0.1", port: 6379 }))
 * )
 * ```
 *
 * @since 0.2.0
 */
import "../internal/effectVersion.js"
import * as Persistence from "@effect/experimental/Persistence"
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Redis, RedisOptions } from "ioredis"
import type { DescopeRateLimits } from "../core/DescopeRateLimits.js"
import type { JwksStore } from "../core/JwksStore.js"
import * as RedisStores from "../internal/redisStores.js"
import * as SharedKeys from "./SharedKeys.js"
import * as SharedRateLimits from "./SharedRateLimits.js"

/**
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /**
   * The Redis connection: `ioredis` options (the layer opens one connection
   * and closes it with its scope; `maxRetriesPerRequest` defaults to 1), or
   * a client of yours (left open; two scripts are defined on it).
   */
  readonly redis: RedisOptions | Redis
  /** Options of the shared signing keys. */
  readonly keys?: SharedKeys.Options | undefined
  /** Options of the shared rate limits. */
  readonly rateLimits?: SharedRateLimits.Options | undefined
}

/**
 * The shared signing keys and rate limits over one Redis connection (for one
 * of them only, provide `SharedKeys.layer` or `SharedRateLimits.layer` over
 * a `Persistence` / `RateLimiter` of your own). A Redis that is down or slow
 * never fails a validation or a call: keys are fetched and calls sent
 * directly, with one WARN per outage. Closing the layer never waits on
 * Redis.
 *
 * @since 0.2.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<JwksStore | DescopeRateLimits> =>
  Layer.unwrapScoped(
    Effect.map(RedisStores.connect(options.redis), (client) =>
      Layer.merge(SharedKeys.layer(options.keys), SharedRateLimits.layer(options.rateLimits)).pipe(
        Layer.provide(RateLimiter.layer),
        Layer.provide(Layer.succeed(RateLimiter.RateLimiterStore, RedisStores.rateLimiterStore(client))),
        Layer.provide(Layer.succeed(Persistence.BackingPersistence, RedisStores.backingPersistence(client)))
      ))
  )
