/**
 * Deduplication and batching of concurrent user loads.
 *
 * Concurrent in-flight loads of the same user share one request. Loads by user
 * id that arrive together (in the same scheduler round) are sent as one
 * `POST /v1/mgmt/users/load`; a lone load uses `GET /v1/mgmt/user?userId=`.
 * Loads by login id have no batch endpoint: they are only deduplicated.
 * Nothing is cached: once a load completes, the next one goes to Descope
 * again. When every caller waiting for a load is interrupted, its request is
 * interrupted too: nothing keeps running for nobody; batches run in the
 * client's scope (never a daemon), so closing the client interrupts them.
 *
 * Two mechanisms, each once:
 * - Loads by user id are one flight per user (`internal/SingleFlight`, owned
 *   by the client's scope: the last caller leaving interrupts it). The work
 *   of a flight is an entry in the current round; the round (batching, not a
 *   second single flight) sends its entries together and stops a request
 *   once every entry it answers is abandoned.
 * - Loads by login id are not on `SingleFlight`, because the two differ in
 *   who runs the request. Here the first caller (the owner) runs it in its
 *   own fiber, with nothing forked (the hot path of `mgmt.user.load`, see the
 *   bench); when the owner is interrupted, its request stops at once although
 *   other callers wait, and those callers load afresh. A `SingleFlight` runs
 *   the work in a fiber of the layer's scope that outlives the owner until
 *   the last waiter leaves: test/faults.test.ts ("the caller running a shared
 *   load is interrupted: its request stops and a caller still waiting loads
 *   afresh") checks the former and fails on the latter (the owner's fibers
 *   stay alive, 3 instead of 0).
 *
 * Loads by user id are Effect requests (`LoadUserById` on a `RequestResolver`):
 * within one fiber, Effect's request batching gathers them too, so
 * `Effect.forEach(ids, mgmt.user.loadByUserId, { batching: true })` sends one
 * batch although the loop is sequential (without `batching`, each call waits
 * for its answer, one request each). The resolver hands each batch to the
 * loader above, which merges it with the loads of other fibers in the same
 * round. Each request carries its caller's `withRequestOptions` and is loaded
 * under them, so a batch never mixes options.
 *
 * Per caller: loads are joined or batched only with loads under equal
 * transport options (`withRequestOptions`: timeout, retry, response cap), and
 * the request runs under those options, so one caller's options never apply
 * to another. Read your writes: a load that starts after a write through the
 * same client (any management call but a read) never joins a load that was in
 * flight before it.
 *
 * @since 0.1.0
 */
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as Request from "effect/Request"
import * as RequestResolver from "effect/RequestResolver"
import * as Scope from "effect/Scope"
import type { RequestOptions } from "../core/DescopeHttp.js"
import * as CallerOptions from "../internal/callerOptions.js"
import * as SingleFlight from "../internal/SingleFlight.js"
import * as Wire from "../wire/mgmt/User.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

type User = Wire.User

/**
 * The largest batch sent to `POST /v1/mgmt/users/load`.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_BATCH = 100

/**
 * The loader.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserLoader {
  readonly byLoginId: (loginId: string) => Effect.Effect<User, ManagementError>
  readonly byUserId: (userId: string) => Effect.Effect<User, ManagementError>
}

/**
 * A load of one user by user id, as an Effect `Request` (see the module doc).
 *
 * @since 0.2.0
 * @category models
 */
export class LoadUserById extends Request.TaggedClass("LoadUserById")<User, ManagementError, {
  readonly userId: string
  /** The caller's transport options (`withRequestOptions`), carried with the request into any batch. */
  readonly options: RequestOptions
}> {}

type Kind = "loginId" | "userId"

/** A load by user id in a round: the work of its flight (one per key, see `loadUserId`). */
interface Entry {
  readonly id: string
  /** The transport options of the flight's callers (equal by fingerprint). */
  readonly options: RequestOptions
  readonly deferred: Deferred.Deferred<User, ManagementError>
  /** Set when the entry's flight was interrupted (every caller of the load is gone). */
  abandoned: boolean
  /** The fiber of the request answering the entry (with the entries it answers), once started. */
  request: { readonly fiber: Fiber.RuntimeFiber<unknown, unknown>; readonly entries: ReadonlyArray<Entry> } | undefined
}

/** A load by login id in flight in its owner's fiber. */
interface OwnedLoad {
  /** Made when a second caller comes: the owner's exit, or `undefined` when the owner was interrupted. */
  done: Deferred.Deferred<Exit.Exit<User, ManagementError> | undefined> | undefined
}

const allAbandoned = (entries: ReadonlyArray<Entry>): boolean => entries.every((e) => e.abandoned)

/**
 * Runs the request answering `entries` in its own fiber, which is interrupted
 * once every one of those entries is abandoned (see `abandon`); not started at
 * all when they are abandoned already.
 */
const requestFor = <A, E>(
  entries: ReadonlyArray<Entry>,
  effect: Effect.Effect<A, E>
): Effect.Effect<Exit.Exit<A, E>> =>
  Effect.suspend(() => {
    if (allAbandoned(entries)) return Effect.succeed(Exit.interrupt(FiberId.none))
    return Effect.flatMap(Effect.fork(effect), (fiber) => {
      const request = { fiber, entries }
      for (const e of entries) e.request = request
      return allAbandoned(entries) ? Fiber.interrupt(fiber) : Fiber.await(fiber)
    })
  })

/** Marks an entry abandoned; the request answering it stops once all its entries are. */
const abandon = (entry: Entry): Effect.Effect<void> =>
  Effect.suspend(() => {
    entry.abandoned = true
    const request = entry.request
    return request !== undefined && allAbandoned(request.entries) ? Fiber.interruptFork(request.fiber) : Effect.void
  })

/**
 * Builds a loader over the management transport.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): UserLoader => {
  const owned = new Map<string, OwnedLoad>()
  // The flights of loads by user id, owned by the client's scope (`SingleFlight.make` only reads the scope).
  const flights = Effect.runSync(
    Effect.provideService(SingleFlight.make<string, User, ManagementError>(), Scope.Scope, mgmt.scope)
  )
  /** Entries waiting for the end of the round, by options fingerprint. */
  let pending = new Map<string, Array<Entry>>()
  let scheduled = false

  /** The key of a load: the write epoch and the options fingerprint, then the id. */
  const keyOf = (kind: Kind, id: string, options: RequestOptions): string =>
    `${kind}\u0000${mgmt.writeEpoch()}\u0000${CallerOptions.fingerprint(options)}\u0000${id}`

  const getOne = (kind: Kind, id: string): Effect.Effect<User, ManagementError> =>
    Effect.map(
      mgmt.call(Wire.load, {
        request: kind === "loginId" ? { loginId: id } : { userId: id },
        operation: kind === "loginId" ? "mgmt.user.load" : "mgmt.user.loadByUserId"
      }),
      (r) => r.user
    )

  const settle = (entry: Entry, exit: Exit.Exit<User, ManagementError>): Effect.Effect<void> =>
    Deferred.done(entry.deferred, exit)

  const single = (entry: Entry): Effect.Effect<void> =>
    Effect.flatMap(
      requestFor([entry], CallerOptions.withOptions(getOne("userId", entry.id), entry.options)),
      (exit) => settle(entry, exit)
    )

  const batch = (entries: ReadonlyArray<Entry>): Effect.Effect<void> =>
    Effect.gen(function*() {
      const exit = yield* requestFor(
        entries,
        CallerOptions.withOptions(
          mgmt.call(Wire.loadUsers, { request: { userIds: entries.map((e) => e.id) } }),
          entries[0]!.options
        )
      )
      if (Exit.isFailure(exit)) {
        const failure = Exit.failCause(exit.cause)
        yield* Effect.forEach(entries, (e) => settle(e, failure), { discard: true })
        return
      }
      const found = new Map((exit.value.users ?? []).map((u) => [u.userId, u] as const))
      yield* Effect.forEach(
        entries,
        (e) => {
          const user = found.get(e.id)
          // A user missing from the batch answer is loaded alone, so the caller gets Descope's own answer.
          return user !== undefined ? settle(e, Exit.succeed(user)) : single(e)
        },
        { concurrency: "unbounded", discard: true }
      )
    })

  const flush: Effect.Effect<void> = Effect.gen(function*() {
    yield* Effect.yieldNow()
    yield* Effect.yieldNow()
    const groups = pending
    pending = new Map()
    scheduled = false
    // a batch holds loads under equal options only
    const taken: Array<Entry> = []
    const chunks: Array<ReadonlyArray<Entry>> = []
    for (const group of groups.values()) {
      for (const e of group) taken.push(e)
      for (let i = 0; i < group.length; i += MAX_BATCH) chunks.push(group.slice(i, i + MAX_BATCH))
    }
    // a lone load (the common case) runs here, without the fibers of concurrent traversals
    const exit = yield* Effect.exit(
      taken.length === 1 ? single(taken[0]!) : Effect.forEach(
        chunks,
        (chunk) => (chunk.length === 1 ? single(chunk[0]!) : batch(chunk)),
        { concurrency: "unbounded", discard: true }
      )
    )
    // Never leave a flight waiting: on a defect or an interruption, every entry
    // still pending gets the same cause (settling a done entry is a no-op).
    if (Exit.isFailure(exit)) {
      const failure: Exit.Exit<User, ManagementError> = Exit.failCause(exit.cause)
      yield* Effect.forEach(taken, (e) => settle(e, failure), { discard: true })
    }
  })

  /**
   * The work of a flight of loads by user id: one entry in the round, awaited.
   * When the flight is interrupted (its last caller left, or the client
   * closed), the entry is abandoned.
   */
  const joinRound = (id: string, options: RequestOptions): Effect.Effect<User, ManagementError> =>
    Effect.uninterruptibleMask((restore) => {
      const entry: Entry = {
        id,
        options,
        deferred: Deferred.unsafeMake<User, ManagementError>(FiberId.none),
        abandoned: false,
        request: undefined
      }
      const fingerprint = CallerOptions.fingerprint(options)
      const group = pending.get(fingerprint)
      if (group === undefined) pending.set(fingerprint, [entry])
      else group.push(entry)
      // the round runs in the client's scope (never a daemon): closing the client interrupts it; interruptible,
      // whatever this mask (its requests race timeouts, whose losers must be interrupted)
      const start = scheduled ? Effect.void : Effect.asVoid(Effect.forkIn(Effect.interruptible(flush), mgmt.scope))
      scheduled = true
      return Effect.zipRight(start, Effect.onInterrupt(restore(Deferred.await(entry.deferred)), () => abandon(entry)))
    })

  /**
   * A load by login id has no batch endpoint: the first caller (the owner) runs
   * the request in its own fiber at once, with no fiber forked and nothing
   * awaited. Callers that come while it is in flight wait for its answer. When
   * the owner is interrupted, its request is interrupted with it; callers still
   * waiting then start the load again, one of them as the new owner.
   */
  const byLoginId = (id: string): Effect.Effect<User, ManagementError> =>
    Effect.flatMap(CallerOptions.current, (options) => loadOwned(id, keyOf("loginId", id, options)))

  const loadOwned = (id: string, key: string): Effect.Effect<User, ManagementError> =>
    Effect.suspend(() => {
      const existing = owned.get(key)
      if (existing !== undefined) return join(existing, id, key)
      const load: OwnedLoad = { done: undefined }
      owned.set(key, load)
      return Effect.onExit(getOne("loginId", id), (exit) =>
        Effect.suspend(() => {
          if (owned.get(key) === load) owned.delete(key)
          if (load.done === undefined) return Effect.void
          // `undefined` hands the load over to the callers still waiting
          return Deferred.succeed(load.done, Exit.isInterrupted(exit) ? undefined : exit)
        }))
    })

  const join = (load: OwnedLoad, id: string, key: string): Effect.Effect<User, ManagementError> =>
    Effect.suspend(() => {
      const done = load.done ??= Deferred.unsafeMake(FiberId.none)
      return Effect.flatMap(Deferred.await(done), (exit) => (exit === undefined ? loadOwned(id, key) : exit))
    })

  /**
   * Loads by user id under equal options are one flight each (`SingleFlight`:
   * the last caller leaving interrupts it); each flight waits for the end of
   * the scheduler round, to be sent with the others.
   */
  const loadUserId = (id: string): Effect.Effect<User, ManagementError> =>
    Effect.flatMap(
      CallerOptions.current,
      (options) => flights.run(keyOf("userId", id, options), joinRound(id, options))
    )

  // Every request of a batch joins the round at once (one fiber each), so the round sends them together.
  const resolver = RequestResolver.makeBatched((requests: Array<LoadUserById>) =>
    Effect.forEach(
      requests,
      (request) =>
        Effect.flatMap(
          Effect.exit(CallerOptions.withOptions(loadUserId(request.userId), request.options)),
          (exit) => Request.complete(request, exit)
        ),
      { concurrency: "unbounded", discard: true }
    )
  )

  const byUserId = (id: string): Effect.Effect<User, ManagementError> =>
    Effect.flatMap(
      CallerOptions.current,
      (options) => Effect.request(new LoadUserById({ userId: id, options }), resolver)
    )

  return { byLoginId, byUserId }
}
