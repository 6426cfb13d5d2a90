/**
 * The remote key cache's implementation (see `Jwks.makeCached`): one key set
 * held, refreshed in the background past its TTL by one fetch at a time,
 * unknown `kid`s bounded by a cooldown, a failure remembered briefly when
 * nothing is held; and the checks that admit fetched keys.
 *
 * @internal
 */
import * as Cause from "effect/Cause"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import type { JwksError, KeySet, Service } from "../core/Jwks.js"
import type * as JwksStore from "../core/JwksStore.js"
import { isAlgorithm, keyMaterialProblem, type SigningKey } from "../core/Verifier.js"
import * as SharedKeys from "./sharedKeys.js"
import * as SingleFlight from "./SingleFlight.js"

export const signingKeysOf = (keys: ReadonlyArray<unknown>): ReadonlyArray<SigningKey> => {
  const out: Array<SigningKey> = []
  const seen = new Set<string>()
  for (const k of keys) {
    if (typeof k !== "object" || k === null || Array.isArray(k)) continue
    const jwk = k as Record<string, unknown>
    if (typeof jwk.kty !== "string" || typeof jwk.kid !== "string" || jwk.kid === "" || !isAlgorithm(jwk.alg)) continue
    if (seen.has(jwk.kid)) continue
    seen.add(jwk.kid)
    out.push(jwk as SigningKey)
  }
  return out
}

export const admitKeys = (keys: ReadonlyArray<SigningKey>): Effect.Effect<ReadonlyArray<SigningKey>> =>
  Effect.suspend(() => {
    const admitted: Array<SigningKey> = []
    const warnings: Array<string> = []
    for (const key of keys) {
      const problem = keyMaterialProblem(key)
      if (problem === undefined) admitted.push(key)
      else warnings.push(`descope: signing key ${JSON.stringify(key.kid.slice(0, 64))} ignored: ${problem}`)
    }
    return warnings.length === 0
      ? Effect.succeed(admitted)
      : Effect.as(Effect.forEach(warnings, (w) => Effect.logWarning(w), { discard: true }), admitted)
  })

const fingerprint = (key: SigningKey): string => JSON.stringify([key.kty, key.alg, key.crv, key.x, key.y, key.n, key.e])

export const makeKeySet = (
  keys: ReadonlyArray<SigningKey>,
  fetchedAt: number,
  previous?: KeySet | undefined
): KeySet => {
  const map = new Map<string, SigningKey>()
  for (const key of keys) {
    const old = previous?.keys.get(key.kid)
    map.set(key.kid, old !== undefined && fingerprint(old) === fingerprint(key) ? old : Object.freeze({ ...key }))
  }
  return { keys: map, fetchedAt }
}

const KEYS = "keys"

/** The cache's settings, resolved (milliseconds). */
export interface Settings {
  readonly ttl: number
  readonly cooldown: number
  readonly failureTtl: number
  readonly fetchTimeout: number
  readonly storeTimeout: Duration.Duration
  readonly warmUp: boolean
}

export const make = (
  fetchKeys: Effect.Effect<ReadonlyArray<SigningKey>, JwksError>,
  settings: Settings,
  shared?: { readonly store: JwksStore.Service; readonly projectId: string } | undefined
): Effect.Effect<Service, never, Scope.Scope> =>
  Effect.gen(function*() {
    const { cooldown, failureTtl, ttl } = settings
    const flights = yield* SingleFlight.make<typeof KEYS, KeySet, JwksError>()
    const source = shared === undefined ? undefined : SharedKeys.make({
      ...shared,
      storeTimeout: settings.storeTimeout,
      ttl,
      fetchTimeout: settings.fetchTimeout
    }).source
    /** The keys of one attempt and when they were fetched (`undefined`: now): from the store when there is one. */
    const sourced: Effect.Effect<
      { readonly keys: ReadonlyArray<SigningKey>; readonly fetchedAt: number | undefined },
      JwksError
    > = source === undefined
      ? Effect.map(Effect.flatMap(fetchKeys, admitKeys), (keys) => ({ keys, fetchedAt: undefined }))
      : Effect.clockWith((clock) =>
        Effect.flatMap(source(fetchKeys, current, clock.unsafeCurrentTimeMillis()), (found) =>
          Effect.map(admitKeys(signingKeysOf(found.keys)), (keys) => ({ keys, fetchedAt: found.fetchedAt })))
      )

    let current: KeySet | undefined
    /** When the last attempt ended (success or failure): the cooldown counts from there. */
    let lastAttemptEnd = Number.NEGATIVE_INFINITY
    let lastFailure: { readonly error: JwksError; readonly at: number } | undefined

    /** One fetch attempt; its end (not an interruption) is recorded, and a failure while keys are held is logged once. */
    const attempt: Effect.Effect<KeySet, JwksError> = Effect.flatMap(
      Effect.exit(sourced),
      (exit) =>
        Effect.clockWith((clock) => {
          const now = clock.unsafeCurrentTimeMillis()
          if (Exit.isSuccess(exit)) {
            lastAttemptEnd = now
            current = makeKeySet(exit.value.keys, exit.value.fetchedAt ?? now, current)
            lastFailure = undefined
            return Effect.succeed(current)
          }
          const failed: Exit.Exit<KeySet, JwksError> = Exit.failCause(exit.cause)
          if (Cause.isInterruptedOnly(exit.cause)) {
            return failed
          }
          lastAttemptEnd = now
          const failure = Cause.failureOption(exit.cause)
          if (Option.isSome(failure)) {
            lastFailure = { error: failure.value, at: now }
          }
          const tag = Option.isSome(failure) ? failure.value._tag : "defect"
          return current === undefined
            ? failed
            : Effect.zipRight(
              Effect.logWarning(`descope: signing-key refresh failed (${tag}); using the keys held`),
              failed
            )
        })
    )

    /** Whether a held, stale set needs a background refresh started now. */
    const needsRefresh = (set: KeySet, now: number): boolean =>
      now - set.fetchedAt >= ttl && now - lastAttemptEnd >= cooldown && !flights.isRunning(KEYS)

    const refresh: Effect.Effect<KeySet, JwksError> = flights.run(KEYS, attempt)

    const withoutKeys = (now: number): Effect.Effect<KeySet, JwksError> =>
      !flights.isRunning(KEYS) && lastFailure !== undefined && now - lastFailure.at < failureTtl
        ? Effect.fail(lastFailure.error)
        : refresh

    const keySet: Effect.Effect<KeySet, JwksError> = Effect.clockWith((clock) => {
      const now = clock.unsafeCurrentTimeMillis()
      const set = current
      if (set === undefined) {
        return withoutKeys(now)
      }
      return needsRefresh(set, now) ? Effect.as(flights.start(KEYS, attempt), set) : Effect.succeed(set)
    })

    const getKey = (kid: string): Effect.Effect<SigningKey | undefined, JwksError> =>
      Effect.clockWith((clock) => {
        const now = clock.unsafeCurrentTimeMillis()
        const set = current
        if (set === undefined) {
          // nothing held: wait for the first set; an unknown kid in it does not fetch again (cooldown)
          return Effect.map(withoutKeys(now), (fresh) =>
            fresh.keys.get(kid))
        }
        const started = needsRefresh(set, now) ? flights.start(KEYS, attempt) : Effect.succeed(false)
        const key = set.keys.get(kid)
        if (key !== undefined) return Effect.as(started, key)
        // an unknown kid: join the fetch in flight, or start one unless the last attempt ended within the cooldown
        if (!flights.isRunning(KEYS) && now - lastAttemptEnd < cooldown) return Effect.as(started, undefined)
        return Effect.zipRight(started, Effect.map(refresh, (fresh) => fresh.keys.get(kid)))
      })

    const service: Service = {
      keySet,
      getKey,
      refresh,
      unsafeFresh: (now) => {
        const set = current
        return set !== undefined && !needsRefresh(set, now) ? set : undefined
      }
    }
    if (settings.warmUp) {
      yield* refresh.pipe(
        Effect.catchAll((e) => Effect.logWarning(`descope: signing-key warm-up failed (${e._tag})`))
      )
    }
    return service
  })
