/**
 * Session validation, side by side in one process (issue 3):
 * our `client.validateSession` (unique tokens, one repeated token), the
 * official `@descope/node-sdk` `validateSession` against the same loopback keys
 * endpoint, `jose` `jwtVerify` with a local key, and raw `node:crypto` verify
 * (the floor); RS256 (with targets) then ES384 (reported only). Plus key-fetch
 * counts: 100 concurrent cold validations, and a flood of 50 unknown `kid`s.
 */
import DescopeSdk from "@descope/node-sdk"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Jose from "jose"
import * as NodeCrypto from "node:crypto"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as Jwks from "../src/core/Jwks.js"
import * as SessionValidatorLive from "../src/core/SessionValidatorLive.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import { type GroupOptions, type GroupResult, type Line, pairedRatio, runGroup } from "./harness.js"
import { type BenchAlg, type BenchKey, generateKey, hashOf, mintSessions, signJwt, startKeysServer } from "./keys.js"

export const PROJECT_ID = "P2benchProject000000000000000"

export interface AlgResult {
  readonly alg: BenchAlg
  /** Median ops/s by line. */
  readonly opsPerSec: {
    readonly oursUnique: number
    readonly oursRepeated: number
    /** Inside one Effect program (a loop of `validateSession` calls), not one `Effect.runPromise` per call. */
    readonly oursRepeatedInEffect: number
    readonly nodeSdkUnique: number
    readonly nodeSdkRepeated: number
    readonly jose: number
    readonly nodeCrypto: number
  }
  readonly ratioUniqueVsNodeSdk: number
  readonly ratioRepeatedVsNodeSdk: number
  /** The same ratios over process CPU time (see `GroupResult.cpuRounds`). */
  readonly cpuRatioUniqueVsNodeSdk: number
  readonly cpuRatioRepeatedVsNodeSdk: number
  readonly group: GroupResult
}

export interface FetchCounts {
  readonly coldStart100: { readonly ours: number; readonly nodeSdk: number }
  readonly unknownKidFlood50: { readonly ours: number; readonly nodeSdk: number }
  /** Ours with a 200 ms cooldown: a flood within the cooldown, then one after it has passed. */
  readonly shortCooldown: { readonly floodWithin: number; readonly floodAfter: number }
}

/** Unique-token validation with a key set of 1, 10 and 100 keys (the token's key and decoys). */
export interface KeySetResult {
  readonly sizes: ReadonlyArray<number>
  readonly group: GroupResult
}

export interface SessionsResult {
  readonly rs256: AlgResult
  readonly es256: AlgResult
  readonly es384: AlgResult
  readonly fetches: FetchCounts
  readonly keySets: KeySetResult
}

/** Our client over `FetchHttpClient`, built once (the layer is provided once, never per call). */
const makeOurs = async (baseUrl: string) => {
  const runtime = ManagedRuntime.make(
    Descope.layer({ projectId: PROJECT_ID, baseUrl }).pipe(Layer.provide(FetchHttpClient.layer))
  )
  const client = await runtime.runPromise(DescopeClient)
  return { client, dispose: () => runtime.dispose() }
}

const makeSdk = (baseUrl: string) => DescopeSdk({ projectId: PROJECT_ID, baseUrl })

const splitForFloor = (token: string): { input: string; signature: string } => {
  const last = token.lastIndexOf(".")
  return { input: token.slice(0, last), signature: token.slice(last + 1) }
}

const benchAlg = async (
  key: BenchKey,
  baseUrl: string,
  pool: ReadonlyArray<string>,
  options: GroupOptions
): Promise<AlgResult> => {
  const ours = await makeOurs(baseUrl)
  // the in-Effect unique line has a client (and so a verified-token cache) of its own: two lines cycling
  // the same pool through one cache found, each, the tokens the other had just verified (cache hits that
  // made "unique" validation look cheaper than the raw verify: 0.5-0.9x the floor)
  const oursInEffect = await makeOurs(baseUrl)
  const sdk = makeSdk(baseUrl)
  const joseKey = await Jose.importJWK(key.jwk as Jose.JWK, key.alg)
  const repeated = pool[pool.length - 1]!
  const unique = pool.slice(0, pool.length - 1)
  const floor = pool.map(splitForFloor)
  const n = floor.length
  const hash = hashOf(key.alg)
  const verifyKey: NodeCrypto.VerifyKeyObjectInput | NodeCrypto.VerifyPublicKeyInput = key.alg === "RS256"
    ? { key: key.publicKey }
    : { key: key.publicKey, dsaEncoding: "ieee-p1363" }

  // correctness first (and the keys fetched, outside the timed loops)
  const session = await Effect.runPromise(ours.client.validateSession(repeated))
  await Effect.runPromise(oursInEffect.client.validateSession(repeated))
  if (!session.userId.startsWith("U")) throw new Error("unexpected session from our client")
  const sdkResult = await sdk.validateSession(repeated)
  if (typeof sdkResult.token.sub !== "string") throw new Error("unexpected session from node-sdk")
  await Jose.jwtVerify(repeated, joseKey, { algorithms: [key.alg] })
  const f0 = floor[0]!
  if (!NodeCrypto.verify(hash, Buffer.from(f0.input), verifyKey, Buffer.from(f0.signature, "base64url"))) {
    throw new Error("raw verify failed")
  }
  const client = ours.client

  // "Unique tokens" for our client, which remembers verified tokens (first in, first out):
  // - a pool larger than that cache, cycled in order: every call misses the cache (the token
  //   verified `pool` calls ago has been evicted since), so warm-up can be long; each round gets
  //   fresh copies of the strings, as a server gets a new string per request (V8 keeps a string's
  //   hash once computed);
  // - else (a small pool) each token once, the rounds sharing the pool.
  const cycling = unique.length > SessionValidatorLive.DEFAULT_CACHE_SIZE
  let fresh: Array<string> = [...unique]
  const oursUnique: Line = cycling
    ? { name: "oursUnique", op: (i) => Effect.runPromise(client.validateSession(fresh[i % unique.length]!)) }
    : { name: "oursUnique", supply: unique.length, op: (i) => Effect.runPromise(client.validateSession(unique[i]!)) }

  // inside one Effect program, as an Effect backend calls it: a loop of calls per `Effect.runPromise`
  const BATCH = 100
  const inEffectUnique: ReadonlyArray<Line> = cycling
    ? [{
      name: "oursUniqueInEffect",
      opsPerCall: BATCH,
      op: (i) =>
        Effect.runPromise(Effect.forEach(
          Array.from({ length: BATCH }, (_, k) => fresh[(i * BATCH + k) % unique.length]!),
          (token) => oursInEffect.client.validateSession(token),
          { discard: true }
        ))
    }]
    : []
  const REPEATS = 1000
  const repeatedLoop = Effect.forEach(Array.from({ length: REPEATS }), () => client.validateSession(repeated), {
    discard: true
  })

  const lines: ReadonlyArray<Line> = [
    oursUnique,
    ...inEffectUnique,
    { name: "oursRepeated", op: () => Effect.runPromise(client.validateSession(repeated)) },
    { name: "oursRepeatedInEffect", opsPerCall: REPEATS, op: () => Effect.runPromise(repeatedLoop) },
    { name: "nodeSdkUnique", op: (i) => sdk.validateSession(unique[i % unique.length]!) },
    { name: "nodeSdkRepeated", op: () => sdk.validateSession(repeated) },
    { name: "jose", op: (i) => Jose.jwtVerify(unique[i % unique.length]!, joseKey, { algorithms: [key.alg] }) },
    {
      name: "nodeCrypto",
      sync: true,
      op: (i) => {
        const f = floor[i % n]!
        return NodeCrypto.verify(hash, Buffer.from(f.input), verifyKey, Buffer.from(f.signature, "base64url"))
      }
    }
  ]
  const result = await runGroup(lines, {
    ...options,
    beforeRound: async () => {
      if (cycling) fresh = unique.map((t) => Buffer.from(t, "latin1").toString("latin1"))
    }
  })
  await ours.dispose()
  await oursInEffect.dispose()
  const m = result.median
  return {
    alg: key.alg,
    opsPerSec: {
      oursUnique: m.oursUnique!,
      oursRepeated: m.oursRepeated!,
      oursRepeatedInEffect: m.oursRepeatedInEffect!,
      nodeSdkUnique: m.nodeSdkUnique!,
      nodeSdkRepeated: m.nodeSdkRepeated!,
      jose: m.jose!,
      nodeCrypto: m.nodeCrypto!
    },
    ratioUniqueVsNodeSdk: pairedRatio(result.rounds.oursUnique!, result.rounds.nodeSdkUnique!),
    ratioRepeatedVsNodeSdk: pairedRatio(result.rounds.oursRepeated!, result.rounds.nodeSdkRepeated!),
    cpuRatioUniqueVsNodeSdk: pairedRatio(result.cpuRounds.oursUnique!, result.cpuRounds.nodeSdkUnique!),
    cpuRatioRepeatedVsNodeSdk: pairedRatio(result.cpuRounds.oursRepeated!, result.cpuRounds.nodeSdkRepeated!),
    group: result
  }
}

const settleAll = (promises: ReadonlyArray<Promise<unknown>>) =>
  Promise.allSettled(promises).then((all) => ({
    ok: all.filter((s) => s.status === "fulfilled").length,
    failed: all.filter((s) => s.status === "rejected").length
  }))

/** Key-fetch counts of a fresh client: 100 concurrent cold validations, then 50 unknown `kid`s. */
const countFetches = async (key: BenchKey): Promise<FetchCounts> => {
  const cold = mintSessions(key, PROJECT_ID, 100, "cold")
  const unknown = Array.from({ length: 50 }, (_, i) =>
    signJwt({ ...key, kid: `unknown-${i}` }, {
      iss: PROJECT_ID,
      sub: `U-flood-${i}`,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3600
    }))

  const measure = async (
    validate: (token: string) => Promise<unknown>,
    server: Awaited<ReturnType<typeof startKeysServer>>
  ) => {
    const c0 = server.fetches()
    const coldRun = await settleAll(cold.map(validate))
    const c1 = server.fetches()
    const floodRun = await settleAll(unknown.map(validate))
    const c2 = server.fetches()
    return { cold: c1 - c0, coldRun, flood: c2 - c1, floodRun }
  }

  // a separate endpoint per client, so that the counts cannot mix
  const serverOurs = await startKeysServer(PROJECT_ID, [key])
  const ours = await makeOurs(serverOurs.baseUrl)
  const o = await measure((t) => Effect.runPromise(ours.client.validateSession(t)), serverOurs)
  await ours.dispose()
  await serverOurs.close()

  const serverSdk = await startKeysServer(PROJECT_ID, [key])
  const sdk = makeSdk(serverSdk.baseUrl)
  const s = await measure((t) => sdk.validateSession(t), serverSdk)
  await serverSdk.close()

  // the cooldown at work: a client with a 200 ms cooldown, flooded within it and after it
  const cooldown = Duration.millis(200)
  const serverShort = await startKeysServer(PROJECT_ID, [key])
  const shortRuntime = ManagedRuntime.make(
    Descope.layerWithJwks(Jwks.layerRemote({ cooldown })).pipe(
      Layer.provide(DescopeConfig.layer({ projectId: PROJECT_ID, baseUrl: serverShort.baseUrl })),
      Layer.provide(FetchHttpClient.layer)
    )
  )
  const short = await shortRuntime.runPromise(DescopeClient)
  const sh = await measure((t) => Effect.runPromise(short.validateSession(t)), serverShort)
  await new Promise((resolve) => setTimeout(resolve, Duration.toMillis(cooldown) + 100))
  const s0 = serverShort.fetches()
  await settleAll(unknown.map((t) => Effect.runPromise(short.validateSession(t))))
  const floodAfter = serverShort.fetches() - s0
  await shortRuntime.dispose()
  await serverShort.close()

  if (o.coldRun.failed !== 0) throw new Error(`our cold start: ${o.coldRun.failed} of 100 validations failed`)
  if (o.floodRun.ok !== 0) throw new Error("our client accepted a token with an unknown kid")
  if (s.coldRun.failed !== 0) throw new Error(`node-sdk cold start: ${s.coldRun.failed} of 100 validations failed`)
  return {
    coldStart100: { ours: o.cold, nodeSdk: s.cold },
    unknownKidFlood50: { ours: o.flood, nodeSdk: s.flood },
    shortCooldown: { floodWithin: sh.flood, floodAfter }
  }
}

/**
 * Unique-token validation against key sets of 1, 10 and 100 keys: the token's
 * key and decoys (the same public key under other `kid`s, as a set in rotation
 * holds), one client and one keys endpoint per size, the floor beside them.
 */
const benchKeySets = async (
  key: BenchKey,
  pool: ReadonlyArray<string>,
  options: GroupOptions
): Promise<KeySetResult> => {
  const sizes = [1, 10, 100]
  const setups = await Promise.all(sizes.map(async (size) => {
    const decoys = Array.from(
      { length: size - 1 },
      (_, i) => ({ ...key, kid: `decoy-${i}`, jwk: { ...key.jwk, kid: `decoy-${i}` } })
    )
    const server = await startKeysServer(PROJECT_ID, [
      ...decoys.slice(0, (size - 1) >> 1),
      key,
      ...decoys.slice((size - 1) >> 1)
    ])
    const ours = await makeOurs(server.baseUrl)
    await Effect.runPromise(ours.client.validateSession(pool[0]!))
    return { size, server, ours }
  }))
  const floor = pool.map(splitForFloor)
  let fresh: Array<string> = [...pool]
  const lines: ReadonlyArray<Line> = [
    ...setups.map(({ ours, size }): Line => ({
      name: `keySet${size}`,
      op: (i) => Effect.runPromise(ours.client.validateSession(fresh[i % fresh.length]!))
    })),
    {
      name: "nodeCrypto",
      sync: true,
      op: (i) => {
        const f = floor[i % floor.length]!
        return NodeCrypto.verify(
          hashOf(key.alg),
          Buffer.from(f.input),
          key.publicKey,
          Buffer.from(f.signature, "base64url")
        )
      }
    }
  ]
  try {
    const group = await runGroup(lines, {
      ...options,
      beforeRound: async () => {
        fresh = pool.map((t) => Buffer.from(t, "latin1").toString("latin1"))
      }
    })
    return { sizes, group }
  } finally {
    for (const { ours, server } of setups) {
      await ours.dispose()
      await server.close()
    }
  }
}

export const runSessions = async (
  options: {
    readonly rs: GroupOptions
    readonly es: GroupOptions
    readonly keySets: GroupOptions
    readonly rsPool: number
    readonly esPool: number
  },
  log: (line: string) => void
): Promise<SessionsResult> => {
  const rsKey = generateKey("RS256", "bench-rs256")
  const esKey = generateKey("ES384", "bench-es384")
  const es256Key = generateKey("ES256", "bench-es256")
  const server = await startKeysServer(PROJECT_ID, [rsKey, es256Key, esKey])
  try {
    log(`minting ${options.rsPool} RS256 and ES256 and ${options.esPool} ES384 tokens ...`)
    const rsPool = mintSessions(rsKey, PROJECT_ID, options.rsPool, "rs")
    // as many as RS256 (P-256 signs fast): cycled, every call misses the cache, in rounds as long as the
    // floor's; a pool under the cache's size is shared by the rounds, ~30 tokens each, and such short
    // rounds counted their own overhead against us (1.37x the floor, against 1.0x in full rounds)
    const es256Pool = mintSessions(es256Key, PROJECT_ID, options.rsPool, "es256")
    const esPool = mintSessions(esKey, PROJECT_ID, options.esPool, "es")
    log("key-fetch counts ...")
    const fetches = await countFetches(rsKey)
    log("RS256 validation ...")
    const rs256 = await benchAlg(rsKey, server.baseUrl, rsPool, options.rs)
    log("ES256 validation ...")
    const es256 = await benchAlg(es256Key, server.baseUrl, es256Pool, options.rs)
    log("ES384 validation ...")
    const es384 = await benchAlg(esKey, server.baseUrl, esPool, options.es)
    log("RS256 validation with key sets of 1, 10 and 100 keys ...")
    const keySets = await benchKeySets(rsKey, rsPool, options.keySets)
    return { rs256, es256, es384, fetches, keySets }
  } finally {
    await server.close()
  }
}
