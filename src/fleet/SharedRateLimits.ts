/**
 * Descope's rate limits, paced together by every instance that shares a
 * store: a `DescopeRateLimits` gate over `@effect/experimental`'s
 * `RateLimiter` (the memory store for one process, the Redis store for a
 * fleet). Each call takes a slot of its bucket (the wire catalogue names each
 * endpoint's: `auth`, `mgmt`, `mgmt.user.create`, ...) and waits for it, so
 * that bulk jobs across instances stay under the project's limits instead of
 * drawing 429s. A 429 that still comes (other clients of the project spend
 * the same budget) pushes the bucket back by its `Retry-After` for every
 * instance, and the call waits and is sent again, at most `retries` times.
 *
 * Pacing: a token bucket per (project, bucket) of `burst` slots, refilled at
 * `(requests - burst) / window`, so that no window of that length sees more
 * than `requests` calls from the fleet, whatever the server's window
 * alignment. A store that fails or does not answer within `storeTimeout` never
 * fails a call: it goes out unpaced, with one WARN per outage.
 *
 * @since 0.2.0
 */
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { RateLimitError } from "../core/DescopeError.js"
import { DescopeRateLimits, type Service } from "../core/DescopeRateLimits.js"
import * as Endpoint from "../wire/Endpoint.js"

/**
 * One bucket's limit: at most `requests` per `window`; `burst` calls may go at
 * once (default 5% of `requests`, at least 1).
 *
 * @since 0.2.0
 * @category models
 */
export interface Limit {
  readonly requests: number
  readonly window: Duration.DurationInput
  readonly burst?: number | undefined
}

/**
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** Limits by bucket; the others follow Descope's published limits (`Endpoint.buckets`). */
  readonly limits?: Readonly<Partial<Record<Endpoint.Bucket, Limit>>> | undefined
  /** The store key prefix (default `descope`); keys are `<prefix>:<projectId>:<bucket>`. */
  readonly prefix?: string | undefined
  /** How many times a call that drew a 429 waits and is sent again (default 3). */
  readonly retries?: number | undefined
  /** How long the store may take to answer before a call goes out unpaced (default 1 second). */
  readonly storeTimeout?: Duration.DurationInput | undefined
}

/**
 * The pacing of one bucket: a token bucket of `burst` slots, one slot added
 * every `interval`.
 *
 * @since 0.2.0
 * @category models
 */
export interface Pacing {
  readonly burst: number
  readonly interval: Duration.Duration
}

/**
 * The pacing that keeps any window of `limit.window` at or under
 * `limit.requests` calls.
 *
 * @since 0.2.0
 * @category getters
 */
export const pacingOf = (limit: Limit): Pacing => {
  const requests = Math.max(1, Math.floor(limit.requests))
  const burst = Math.max(1, Math.min(requests, Math.floor(limit.burst ?? requests * 0.05)))
  const windowMillis = Duration.toMillis(Duration.decode(limit.window))
  return { burst, interval: Duration.millis(windowMillis / Math.max(1, requests - burst)) }
}

const publishedLimit = (bucket: Endpoint.Bucket): Limit => ({
  requests: Endpoint.buckets[bucket].requests,
  window: Duration.millis(Endpoint.buckets[bucket].windowMillis)
})

/**
 * Builds the gate over a `RateLimiter`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service, never, RateLimiter.RateLimiter> =>
  Effect.gen(function*() {
    const limiter = yield* RateLimiter.RateLimiter
    const prefix = options.prefix ?? "descope"
    const retries = Math.max(0, options.retries ?? 3)
    const storeTimeout = Duration.decode(options.storeTimeout ?? Duration.seconds(1))
    const pacings = new Map<Endpoint.Bucket, Pacing>()
    const pacing = (bucket: Endpoint.Bucket): Pacing => {
      let p = pacings.get(bucket)
      if (p === undefined) {
        p = pacingOf(options.limits?.[bucket] ?? publishedLimit(bucket))
        pacings.set(bucket, p)
      }
      return p
    }
    let storeDown = false

    /** Takes `tokens` slots: the wait before the last of them is free and the slots left (negative: owed), or none when the store is down. */
    const take = (
      projectId: string,
      bucket: Endpoint.Bucket,
      tokens: number
    ): Effect.Effect<{ readonly delay: Duration.Duration; readonly remaining: number }> => {
      const p = pacing(bucket)
      return limiter.consume({
        algorithm: "token-bucket",
        onExceeded: "delay",
        key: `${prefix}:${projectId}:${bucket}`,
        limit: p.burst,
        window: Duration.times(p.interval, p.burst),
        tokens
      }).pipe(
        Effect.timeoutFail({ duration: storeTimeout, onTimeout: () => "the rate-limit store did not answer in time" }),
        Effect.map((result) => {
          storeDown = false
          return result
        }),
        Effect.catchAll((error) => {
          const first = !storeDown
          storeDown = true
          const unpaced = { delay: Duration.zero, remaining: 0 }
          const reason = typeof error === "string" ? error : error.message
          return first
            ? Effect.as(Effect.logWarning(`descope: rate limits not shared (${reason}); calls go out unpaced`), unpaced)
            : Effect.succeed(unpaced)
        })
      )
    }

    /**
     * Pushes the bucket back for every instance so that no slot is free before
     * `retryAfter` from now (the free slots are spent, and as many owed as
     * `retryAfter` refills); the wait for the one slot this call holds.
     */
    const backOff = (
      projectId: string,
      bucket: Endpoint.Bucket,
      retryAfter: Duration.Duration
    ): Effect.Effect<Duration.Duration> =>
      Effect.flatMap(take(projectId, bucket, 1), (held) => {
        const p = pacing(bucket)
        const owed = Math.ceil(Duration.toMillis(retryAfter) / Duration.toMillis(p.interval))
        const missing = owed + held.remaining
        if (missing <= 0) return Effect.succeed(held.delay)
        const chunks = Array.from({ length: Math.ceil(missing / p.burst) }, (_, i) =>
          Math.min(p.burst, missing - i * p.burst))
        return Effect.as(
          Effect.forEach(chunks, (n) =>
            take(projectId, bucket, n), { discard: true }),
          Duration.max(held.delay, retryAfter)
        )
      })

    const limit = <A, E>(projectId: string, bucket: Endpoint.Bucket, call: Effect.Effect<A, E | RateLimitError>) => {
      const attempt = (left: number): Effect.Effect<A, E | RateLimitError> =>
        Effect.catchIf(
          call,
          (e): e is RateLimitError => e instanceof RateLimitError && left > 0,
          (e) =>
            Effect.flatMap(
              backOff(projectId, bucket, e.retryAfter),
              (delay) => Effect.zipRight(Effect.sleep(delay), attempt(left - 1))
            )
        )
      return Effect.flatMap(
        take(projectId, bucket, 1),
        ({ delay }) =>
          Duration.isZero(delay) ? attempt(retries) : Effect.zipRight(Effect.sleep(delay), attempt(retries))
      )
    }
    return { limit }
  })

/**
 * The gate as a layer: provide it, with a `RateLimiter`, to the client's
 * transport (the `Descope.*` client layers read it).
 *
 * @since 0.2.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<DescopeRateLimits, never, RateLimiter.RateLimiter> =>
  Layer.effect(DescopeRateLimits, make(options))

/**
 * The gate over a `RateLimiter` in this process's memory: paces the calls of
 * one process (every client built over this layer shares it).
 *
 * @since 0.2.0
 * @category layers
 */
export const layerMemory = (options: Options = {}): Layer.Layer<DescopeRateLimits> =>
  layer(options).pipe(Layer.provide(RateLimiter.layer), Layer.provide(RateLimiter.layerStoreMemory))
