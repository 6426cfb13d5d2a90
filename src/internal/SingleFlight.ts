/**
 * Keyed single flight, owned by a scope: the one mechanism behind the shared
 * work of the SDK (the signing-key fetch, the refresh of a refresh token, the
 * license handshake, a load by user id, whose flight then joins a batch). Loads by
 * login id run in their first caller's fiber instead (`management/UserLoader.ts`
 * says why).
 *
 * - Callers of {@link SingleFlight.run} with the same key share one run of the
 *   work. The work runs in a fiber forked in the owner's scope (the scope of
 *   the layer that built the flight), never in a daemon: closing that layer
 *   interrupts it, whatever the `HttpClient`.
 * - A flight started by callers is interrupted when its last waiter leaves
 *   (nothing keeps running for nobody); the next caller starts afresh. A
 *   background flight ({@link SingleFlight.start}) has no owner among its
 *   waiters and runs until it ends or the scope closes.
 * - Optionally a success is kept for a while after it completes (`keepFor`,
 *   capped by the caller per outcome), in a map bounded by `capacity` (the
 *   oldest entry leaves first); a failure is never kept.
 *   {@link SingleFlight.invalidate} drops a key's kept outcome and detaches
 *   its flight in flight, so that later callers start afresh.
 *
 * Keys are compared as `Map` keys: callers derive them (e.g. a digest of a
 * token, never the token itself).
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import type * as Scope from "effect/Scope"

/** Options of {@link make}. */
export interface Options<A> {
  /**
   * How long a success is kept after it completes, in milliseconds, given the
   * value and the time it completed (`Clock` millis); `0` or less keeps
   * nothing. Without it nothing is ever kept.
   */
  readonly keepFor?: ((value: A, nowMillis: number) => number) | undefined
  /** The most outcomes kept at once; default 1024. */
  readonly capacity?: number | undefined
}

/** A keyed single flight (see the module doc). */
export interface SingleFlight<K, A, E> {
  /**
   * The outcome for `key`: a kept success, else the flight in flight, else a
   * new flight running `work` in the owner's scope. Interrupting the last
   * waiter of a flight started here interrupts its work.
   */
  readonly run: (key: K, work: Effect.Effect<A, E>) => Effect.Effect<A, E>
  /**
   * Starts `work` as a background flight of `key` without waiting for it:
   * waiters may join it, but their leaving never interrupts it. Does nothing
   * (and gives `false`) when a flight of `key` is in flight already.
   */
  readonly start: (key: K, work: Effect.Effect<A, E>) => Effect.Effect<boolean>
  /** Whether a flight of `key` is in flight. */
  readonly isRunning: (key: K) => boolean
  /** Drops the kept outcome of `key` and detaches its flight in flight (whose outcome will not be kept). */
  readonly invalidate: (key: K) => void
}

interface Flight<A, E> {
  fiber: Fiber.RuntimeFiber<A, E> | undefined
  waiters: number
  /** A background flight: its waiters leaving never interrupt it. */
  readonly background: boolean
  /** Still the flight of its key (not invalidated, not abandoned). */
  current: boolean
}

/**
 * Builds a single flight owned by the current scope.
 *
 * @internal
 */
export const make = <K, A, E>(options: Options<A> = {}): Effect.Effect<SingleFlight<K, A, E>, never, Scope.Scope> =>
  Effect.map(Effect.scope, (scope) => {
    const flights = new Map<K, Flight<A, E>>()
    const keepFor = options.keepFor
    const capacity = Math.max(1, Math.floor(options.capacity ?? 1024))
    const kept = new Map<K, { readonly value: A; readonly until: number }>()

    const keep = (key: K, value: A, now: number): void => {
      if (keepFor === undefined) return
      const ms = keepFor(value, now)
      if (!(ms > 0)) return
      kept.delete(key)
      if (kept.size >= capacity) {
        const oldest = kept.keys().next()
        if (oldest.done !== true) kept.delete(oldest.value)
      }
      kept.set(key, { value, until: now + ms })
    }

    /** Forks the work in the owner's scope and registers the flight (in one step, no yield in between). */
    const launch = (key: K, work: Effect.Effect<A, E>, background: boolean): Effect.Effect<Flight<A, E>> =>
      Effect.suspend(() => {
        const flight: Flight<A, E> = { fiber: undefined, waiters: 0, background, current: true }

        const body = keepFor === undefined ?
          work :
          Effect.tap(work, (value) =>
            Effect.clockWith((clock) =>
              Effect.sync(() => {
                if (flight.current) keep(key, value, clock.unsafeCurrentTimeMillis())
              })
            ))
        // interruptible whatever the caller's mask: the work must stay interruptible (timeouts, layer close)
        return Effect.map(Effect.forkIn(Effect.interruptible(body), scope), (fiber) => {
          flight.fiber = fiber
          flights.set(key, flight)
          // runs at once when the fiber is already done (e.g. the scope was closed)
          fiber.addObserver(() => {
            flight.current = false
            if (flights.get(key) === flight) flights.delete(key)
          })
          return flight
        })
      })

    /** Waits for a flight; when the last waiter of a caller-started flight leaves, the flight is interrupted. */
    const waitFor = (
      key: K,
      flight: Flight<A, E>,
      restore: <X, Y, Z>(effect: Effect.Effect<X, Y, Z>) => Effect.Effect<X, Y, Z>
    ): Effect.Effect<A, E> => {
      flight.waiters++
      const fiber = flight.fiber!
      return Effect.onInterrupt(restore(Effect.flatten(Fiber.await(fiber))), () =>
        Effect.suspend(() => {
          flight.waiters--
          if (flight.waiters > 0 || flight.background) return Effect.void
          flight.current = false
          if (flights.get(key) === flight) flights.delete(key)
          return Effect.asVoid(Fiber.interrupt(fiber))
        }))
    }

    const joinOrLaunch = (key: K, work: Effect.Effect<A, E>): Effect.Effect<A, E> =>
      Effect.uninterruptibleMask((restore) => {
        const existing = flights.get(key)
        if (existing !== undefined) return waitFor(key, existing, restore)
        return Effect.flatMap(launch(key, work, false), (flight) => waitFor(key, flight, restore))
      })

    const run = (key: K, work: Effect.Effect<A, E>): Effect.Effect<A, E> =>
      keepFor === undefined
        ? joinOrLaunch(key, work)
        : Effect.clockWith((clock) => {
          const hit = kept.get(key)
          if (hit !== undefined) {
            if (clock.unsafeCurrentTimeMillis() < hit.until) return Effect.succeed(hit.value)
            kept.delete(key)
          }
          return joinOrLaunch(key, work)
        })

    const start = (key: K, work: Effect.Effect<A, E>): Effect.Effect<boolean> =>
      Effect.suspend(() => flights.has(key) ? Effect.succeed(false) : Effect.as(launch(key, work, true), true))

    return {
      run,
      start,
      isRunning: (key) => flights.has(key),
      invalidate: (key) => {
        kept.delete(key)
        const flight = flights.get(key)
        if (flight !== undefined) {
          flight.current = false
          flights.delete(key)
        }
      }
    }
  })
