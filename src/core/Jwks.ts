/**
 * The signing keys session tokens are verified with: the `Jwks` service and
 * its layers.
 *
 * - {@link layerRemote} (the default): `GET /v2/keys/{projectId}`, refreshed
 *   after a TTL (10 minutes) in the background: once keys are held, a token
 *   whose `kid` is held never waits on the keys endpoint (stale keys answer at
 *   once while one refresh runs, and keep serving when it fails, with one WARN
 *   per failed attempt); concurrent callers share one fetch, also when it
 *   fails; a token whose `kid` is unknown waits for at most one refetch per
 *   cooldown (30 seconds, counted from the end of the last attempt); the fetch
 *   has its own timeout (5 seconds) and no retries, so a keys outage fails fast
 *   with a `TransportError` / `RateLimitError`, never an invalid session; the
 *   fetch runs in the layer's scope (closing the layer interrupts it); keys lacking `kid` or `alg` (or with an algorithm other than
 *   ES/RS/PS 256/384/512) are skipped, and keys outside sane bounds (RSA
 *   outside 2048 to 8192 bits or with a large or even exponent, EC points off
 *   their curve, private members) are ignored with a WARN.
 * - {@link layerStatic} / {@link layerFromConfig}: the configured public key
 *   (`DESCOPE_PUBLIC_KEY`, a JWK or a JWKS); never fetches.
 * - {@link layerTest}: a generated key pair plus {@link JwksTest} to mint tokens.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import type * as Jose from "jose"
import * as KeyCache from "../internal/keyCache.js"
import * as KeysWire from "../wire/auth/Keys.js"
import * as Endpoint from "../wire/Endpoint.js"
import { DescopeConfig, type PublicJwk } from "./DescopeConfig.js"
import { type RateLimitError, TransportError } from "./DescopeError.js"
import { DescopeHttp, withRequestOptions } from "./DescopeHttp.js"
import * as JwksStore from "./JwksStore.js"
import { type Algorithm, keyMaterialProblem, type SigningKey } from "./Verifier.js"

/**
 * What a key fetch may fail with.
 *
 * @since 0.1.0
 * @category models
 */
export type JwksError = TransportError | RateLimitError

/**
 * A set of signing keys. Unchanged keys keep their object identity across
 * refetches, so caches keyed by a key survive a TTL refresh.
 *
 * @since 0.1.0
 * @category models
 */
export interface KeySet {
  /** The keys by `kid`. */
  readonly keys: ReadonlyMap<string, SigningKey>
  /** When the set was fetched (epoch millis, from `Clock`). */
  readonly fetchedAt: number
}

/**
 * The signing-key service.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The current key set, fetched when there is none or it is older than the TTL. */
  readonly keySet: Effect.Effect<KeySet, JwksError>
  /**
   * The key with this `kid`: from the current set, else (at most once per
   * cooldown) from a refetch. `undefined` when no such key exists.
   */
  readonly getKey: (kid: string) => Effect.Effect<SigningKey | undefined, JwksError>
  /** Fetches the keys now (joining a fetch in flight). */
  readonly refresh: Effect.Effect<KeySet, JwksError>
  /**
   * The key set to use at `nowMillis` without any effect (the hot path of
   * session validation): the held set, fresh or stale, when nothing needs
   * starting; `undefined` means "use {@link Service.keySet} / {@link Service.getKey}"
   * (no keys held yet, or a stale set whose background refresh must start).
   */
  readonly unsafeFresh: (nowMillis: number) => KeySet | undefined
}

/**
 * The signing-key service tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class Jwks extends Context.Tag("descope-effect/Jwks")<Jwks, Service>() {}

/**
 * Options of the remote key cache.
 *
 * @since 0.1.0
 * @category models
 */
export interface RemoteOptions {
  /** How long fetched keys are used before they are fetched again; default 10 minutes. */
  readonly ttl?: Duration.DurationInput | undefined
  /** The minimum time between two refetches caused by an unknown `kid` (or a failed refresh); default 30 seconds. */
  readonly cooldown?: Duration.DurationInput | undefined
  /** The timeout of a key fetch; default 5 seconds. The fetch is never retried. */
  readonly fetchTimeout?: Duration.DurationInput | undefined
  /** How long a failed fetch is answered from memory when no keys are held; default 1 second. */
  readonly failureTtl?: Duration.DurationInput | undefined
  /** Fetch the keys when the layer is built (a failure is logged, not fatal); default `false`. */
  readonly warmUp?: boolean | undefined
  /**
   * With a `JwksStore` in the context: how long each store operation may take
   * before the cache falls back to its own fetch; default 250 milliseconds.
   */
  readonly storeTimeout?: Duration.DurationInput | undefined
}

/**
 * The default bound of one shared key store operation.
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_STORE_TIMEOUT: Duration.Duration = Duration.millis(250)

/**
 * The default TTL of fetched keys.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_TTL: Duration.Duration = Duration.minutes(10)

/**
 * The default cooldown between refetches caused by unknown `kid`s.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_COOLDOWN: Duration.Duration = Duration.seconds(30)

/**
 * The default timeout of a key fetch.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_FETCH_TIMEOUT: Duration.Duration = Duration.seconds(5)

/**
 * The keys endpoint answer: `{ keys: [JWK, ...] }`. Keys are checked one by one
 * (see {@link signingKeysOf}), so one odd key does not fail the whole set.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KeysResponse = KeysWire.KeysResponse

/**
 * Keeps the keys usable for Descope tokens: an object with string `kty` and
 * `kid` and an accepted `alg`; the first key of a `kid` wins.
 *
 * @since 0.1.0
 * @category parsing
 */
export const signingKeysOf: (keys: ReadonlyArray<unknown>) => ReadonlyArray<SigningKey> = KeyCache.signingKeysOf

/**
 * Keeps the keys whose material is within bounds (see
 * `Verifier.keyMaterialProblem`: RSA 2048 to 8192 bits with a small exponent,
 * EC points on their curve, no private members) and logs a WARN naming each
 * key it ignores and why.
 *
 * @since 0.2.0
 * @category guards
 */
export const admitKeys: (keys: ReadonlyArray<SigningKey>) => Effect.Effect<ReadonlyArray<SigningKey>> =
  KeyCache.admitKeys

/**
 * Builds a key set, reusing the objects of `previous` for unchanged keys.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeKeySet: (
  keys: ReadonlyArray<SigningKey>,
  fetchedAt: number,
  previous?: KeySet | undefined
) => KeySet = KeyCache.makeKeySet

const millis = (input: Duration.DurationInput | undefined, fallback: Duration.Duration): number =>
  Duration.toMillis(input === undefined ? fallback : Duration.decode(input))

/**
 * Builds the remote key cache over a key fetch (exposed for custom sources),
 * owned by the current scope: the fetch runs in a fiber of that scope, so
 * closing it (the layer) interrupts a fetch in flight.
 *
 * Once keys are held they answer at once, also past the TTL: a stale set
 * starts one background refresh (at most one per cooldown after a failed
 * attempt) and keeps serving meanwhile. Only a token whose `kid` is not held
 * waits for a fetch: the one in flight, or a new one unless the last attempt
 * ended less than a cooldown ago. Each failed attempt while keys are held
 * logs one WARN.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeCached = (
  fetchKeys: Effect.Effect<ReadonlyArray<SigningKey>, JwksError>,
  options: RemoteOptions = {},
  shared?: { readonly store: JwksStore.Service; readonly projectId: string } | undefined
): Effect.Effect<Service, never, Scope.Scope> =>
  KeyCache.make(fetchKeys, {
    ttl: millis(options.ttl, DEFAULT_TTL),
    cooldown: millis(options.cooldown, DEFAULT_COOLDOWN),
    failureTtl: millis(options.failureTtl, Duration.seconds(1)),
    fetchTimeout: millis(options.fetchTimeout, DEFAULT_FETCH_TIMEOUT),
    storeTimeout: Duration.decode(options.storeTimeout ?? DEFAULT_STORE_TIMEOUT),
    warmUp: options.warmUp === true
  }, shared)

/**
 * The largest key-set answer read (1 MiB); a larger one fails the fetch with
 * `TransportError` reason `ResponseTooLarge`, unread.
 *
 * @since 0.2.0
 * @category constants
 */
export const KEYS_MAX_RESPONSE_BYTES: number = KeysWire.MAX_RESPONSE_BYTES

/**
 * The key fetch of the remote layer: `GET /v2/keys/{projectId}` with its own
 * timeout, no retries and a 1 MiB answer cap ({@link KEYS_MAX_RESPONSE_BYTES});
 * a 4xx answer is a `TransportError`, never an invalid session.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fetchKeys = (
  http: DescopeHttp["Type"],
  options: { readonly fetchTimeout?: Duration.DurationInput | undefined } = {}
): Effect.Effect<ReadonlyArray<SigningKey>, JwksError> => {
  const timeout = options.fetchTimeout ?? DEFAULT_FETCH_TIMEOUT
  const path = Endpoint.pathOf(KeysWire.get, { projectId: http.config.projectId })
  return http.call(KeysWire.get, { path: { projectId: http.config.projectId } }).pipe(
    // no request body and the project credential: the transport has nothing to refuse
    Effect.catchTag("InvalidArgumentError", (e) => Effect.die(e)),
    Effect.map((body) => signingKeysOf(body.keys)),
    Effect.catchTag("AuthError", (e) =>
      Effect.fail(
        new TransportError({
          reason: "ServerError",
          method: "GET",
          path,
          status: e.status,
          ...(e.errorCode !== undefined ? { errorCode: e.errorCode } : {}),
          description: `the signing-key endpoint answered ${e.status}`
        })
      )),
    // the keys are never read past 1 MiB, whatever the caller's options: a larger answer is refused unread
    withRequestOptions({ timeout, totalTimeout: timeout, retry: false, maxResponseBytes: KEYS_MAX_RESPONSE_BYTES })
  )
}

/**
 * The remote key cache over the transport.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRemote = (options: RemoteOptions = {}): Effect.Effect<Service, never, DescopeHttp | Scope.Scope> =>
  Effect.gen(function*() {
    const http = yield* DescopeHttp
    const store = yield* Effect.serviceOption(JwksStore.JwksStore)
    return yield* makeCached(
      fetchKeys(http, options),
      options,
      Option.isSome(store) ? { store: store.value, projectId: http.config.projectId } : undefined
    )
  })

/**
 * The remote key cache layer (the default).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerRemote = (options: RemoteOptions = {}): Layer.Layer<Jwks, never, DescopeHttp> =>
  Layer.scoped(Jwks, makeRemote(options))

/**
 * A key service over a fixed set of keys; never fetches.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeStatic = (keys: ReadonlyArray<SigningKey>): Service => {
  const set = makeKeySet(keys, 0)
  return {
    keySet: Effect.succeed(set),
    getKey: (kid) => Effect.succeed(set.keys.get(kid)),
    refresh: Effect.succeed(set),
    unsafeFresh: () => set
  }
}

/**
 * Reads static public keys: every key needs a `kid` and an accepted `alg`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const staticKeys = (
  keys: ReadonlyArray<PublicJwk>
): Effect.Effect<ReadonlyArray<SigningKey>, ConfigError.ConfigError> => {
  const usable = signingKeysOf(keys)
  if (usable.length !== keys.length || usable.length === 0) {
    return Effect.fail(
      ConfigError.InvalidData(
        ["DESCOPE_PUBLIC_KEY"],
        "every public key needs a kid and an alg among ES256/384/512, RS256/384/512, PS256/384/512"
      )
    )
  }
  for (const key of usable) {
    const problem = keyMaterialProblem(key)
    if (problem !== undefined) {
      return Effect.fail(ConfigError.InvalidData(["DESCOPE_PUBLIC_KEY"], `public key ${key.kid}: ${problem}`))
    }
  }
  return Effect.succeed(usable)
}

/**
 * A static key layer from explicit keys; never fetches.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStatic = (keys: ReadonlyArray<PublicJwk>): Layer.Layer<Jwks, ConfigError.ConfigError> =>
  Layer.effect(Jwks, Effect.map(staticKeys(keys), makeStatic))

/**
 * The key layer chosen by the configuration: static when `publicKey` is set
 * (never fetches), else remote.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromConfig = (
  options: RemoteOptions = {}
): Layer.Layer<Jwks, ConfigError.ConfigError, DescopeConfig | DescopeHttp> =>
  Layer.scoped(
    Jwks,
    Effect.flatMap(DescopeConfig, (config) =>
      Option.match(config.publicKeys, {
        onNone: () => makeRemote(options),
        onSome: (keys) => Effect.map(staticKeys(keys), makeStatic)
      }))
  )

// ---------------------------------------------------------------------------
// test keys
// ---------------------------------------------------------------------------

/**
 * Options of {@link JwksTestService.mint}.
 *
 * @since 0.1.0
 * @category models
 */
export interface MintOptions {
  /** Claims of the token; `iss` defaults to the project id, `sub` to `U-test`, `drn` to `DS`. */
  readonly claims?: Readonly<Record<string, unknown>> | undefined
  /** Lifetime from now (`Clock`); default 10 minutes. A negative duration is not accepted: use `issuedAt`. */
  readonly expiresIn?: Duration.DurationInput | undefined
  /** `iat`, epoch seconds; default now. `exp` is `iat + expiresIn`. */
  readonly issuedAt?: number | undefined
  /** Header overrides (e.g. another `kid`). */
  readonly header?: Readonly<Record<string, unknown>> | undefined
}

/**
 * The test key pair: its public JWK and a token minter.
 *
 * @since 0.1.0
 * @category models
 */
export interface JwksTestService {
  /** The public JWK the test layer serves. */
  readonly publicJwk: SigningKey
  /** The private key (to sign tokens by other means). */
  readonly privateKey: Jose.CryptoKey
  /** Mints a token signed with the test key. */
  readonly mint: (options?: MintOptions) => Effect.Effect<string>
}

/**
 * The test key pair tag, provided by {@link layerTest}.
 *
 * @since 0.1.0
 * @category tags
 */
export class JwksTest extends Context.Tag("descope-effect/JwksTest")<JwksTest, JwksTestService>() {}

/**
 * Generates a key pair and a minter for `projectId`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeTest = (
  projectId: string,
  options: { readonly alg?: Algorithm | undefined; readonly kid?: string | undefined } = {}
): Effect.Effect<JwksTestService> =>
  Effect.promise(async () => {
    const alg = options.alg ?? "ES384"
    const kid = options.kid ?? `test-${alg.toLowerCase()}`
    // jose is loaded only by the test layer, never by the SDK's import
    const Jose = await import("jose")
    const pair = await Jose.generateKeyPair(alg, { extractable: true })
    const jwk = await Jose.exportJWK(pair.publicKey)
    const publicJwk = { ...jwk, kty: jwk.kty ?? "", kid, alg, use: "sig" } as SigningKey
    const mint = (mintOptions: MintOptions = {}): Effect.Effect<string> =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const iat = mintOptions.issuedAt ?? Math.floor(now / 1000)
        const lifetime = Math.floor(Duration.toSeconds(Duration.decode(mintOptions.expiresIn ?? "10 minutes")))
        const payload = { iss: projectId, sub: "U-test", drn: "DS", iat, exp: iat + lifetime, ...mintOptions.claims }
        return Effect.promise(() =>
          new Jose.SignJWT(payload as Jose.JWTPayload)
            .setProtectedHeader({ alg, kid, typ: "JWT", ...mintOptions.header })
            .sign(pair.privateKey)
        )
      })
    return { publicJwk, privateKey: pair.privateKey, mint }
  })

/**
 * A key layer with a generated key pair (ES384 by default) plus {@link JwksTest}
 * to mint tokens signed with it; never fetches.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTest = (
  options: { readonly alg?: Algorithm | undefined; readonly kid?: string | undefined } = {}
): Layer.Layer<Jwks | JwksTest, never, DescopeConfig> =>
  Layer.effectContext(
    Effect.gen(function*() {
      const config = yield* DescopeConfig
      const test = yield* makeTest(config.projectId, options)
      return Context.make(JwksTest, test).pipe(Context.add(Jwks, makeStatic([test.publicJwk])))
    })
  )
