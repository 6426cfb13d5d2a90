/**
 * The key source of the remote key cache when a `JwksStore` is present: read
 * the store before fetching, write back what was fetched, one refresher at a
 * time across instances (a lease), and every store failure or timeout a
 * fallback (counted, one WARN per outage), never a failed validation.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import type { JwksError, KeySet } from "../core/Jwks.js"
import * as JwksStore from "../core/JwksStore.js"
import type { SigningKey } from "../core/Verifier.js"

/** What the source answers: keys, and when they were fetched (`undefined`: just now). */
export interface Sourced {
  readonly keys: ReadonlyArray<unknown>
  readonly fetchedAt: number | undefined
}

export interface Options {
  readonly store: JwksStore.Service
  readonly projectId: string
  /** How long the store may take per operation before it counts as down. */
  readonly storeTimeout: Duration.Duration
  /** The key set TTL (ms): a stored set younger than this is used without fetching. */
  readonly ttl: number
  /** How long one refresher holds the lease (ms); the fetch timeout. */
  readonly fetchTimeout: number
}

const POLL_MILLIS = 100

export const make = (options: Options) => {
  const { projectId, store } = options
  let down = false

  /** A store operation, bounded; `undefined` when it failed or timed out (a fallback). */
  const use = <A>(what: string, self: Effect.Effect<A, unknown>): Effect.Effect<A | undefined> =>
    self.pipe(
      Effect.timeoutFail({ duration: options.storeTimeout, onTimeout: () => "no answer in time" }),
      Effect.map((a) => {
        down = false
        return a as A | undefined
      }),
      Effect.catchAll((error) => {
        const first = !down
        down = true
        const reason = typeof error === "string" ? error : error instanceof Error ? error.message : "failed"
        return Effect.zipRight(
          Metric.increment(JwksStore.fallbacks),
          first
            ? Effect.as(
              Effect.logWarning(
                `descope: shared signing-key store unavailable (${what}: ${reason}); fetching keys directly`
              ),
              undefined
            )
            : Effect.succeed(undefined)
        )
      })
    )

  const read: Effect.Effect<JwksStore.StoredKeys | undefined> = Effect.map(
    use("get", store.get(projectId)),
    (found) => (found === undefined ? undefined : Option.getOrUndefined(found))
  )

  /** Waits (bounded by the fetch timeout) for another instance's write newer than `after`. */
  const awaitWrite = (after: number): Effect.Effect<JwksStore.StoredKeys | undefined> =>
    Effect.gen(function*() {
      for (let waited = 0; waited < options.fetchTimeout; waited += POLL_MILLIS) {
        yield* Effect.sleep(Duration.millis(POLL_MILLIS))
        const stored = yield* read
        if (stored !== undefined && stored.fetchedAt > after) return stored
      }
      return undefined
    })

  /**
   * One attempt of the key cache: the stored set when it is newer than the
   * held one and fresh (or nothing is held); else, with the lease (or when
   * the store is down), a fetch written back; without it, the held keys (the
   * lease holder's write is read at the next refresh), the stored stale set,
   * or, with nothing at all, the holder's write once it comes.
   */
  const source = (
    fetchKeys: Effect.Effect<ReadonlyArray<SigningKey>, JwksError>,
    held: KeySet | undefined,
    now: number
  ): Effect.Effect<Sourced, JwksError> =>
    Effect.gen(function*() {
      const stored = yield* read
      const heldAt = held?.fetchedAt ?? Number.NEGATIVE_INFINITY
      if (
        stored !== undefined && stored.fetchedAt > heldAt &&
        (now - stored.fetchedAt < options.ttl || held === undefined)
      ) {
        return { keys: stored.keys, fetchedAt: stored.fetchedAt }
      }
      // held for the fetch at most, and never across a TTL (a later refresh must find it free)
      const leased = yield* use(
        "lease",
        store.lease(projectId, Math.max(1, Math.min(options.fetchTimeout, options.ttl / 2)))
      )
      if (leased === false) {
        if (held !== undefined) return { keys: [...held.keys.values()], fetchedAt: held.fetchedAt }
        const written = yield* awaitWrite(stored?.fetchedAt ?? Number.NEGATIVE_INFINITY)
        if (written !== undefined) return { keys: written.keys, fetchedAt: written.fetchedAt }
      }
      const keys = yield* fetchKeys
      yield* use("set", store.set(projectId, { keys, fetchedAt: now }, options.ttl * 6))
      return { keys, fetchedAt: undefined }
    })

  return { source }
}
