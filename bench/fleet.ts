/**
 * Fleet scale (issue 17): many simulated instances (separate client layers,
 * each with its own key cache, transport and gate) in this process, against
 * the loopback emulator command and one real `redis-server` (started on a
 * free loopback port). The instances share one Redis connection pair (the
 * store, not the socket, is what is measured). Each line is also run without
 * the shared layers, as the SDK behaved before them ("before").
 *
 * - `coldInstances1000.keyFetches`: key fetches by 1,000 cold instances that
 *   validate a token once, the store warm.
 * - `ttlExpiry100.keyFetches`: key fetches by 100 instances validating across
 *   the key set's TTL expiry (TTL 2 s here).
 * - `keysDown10min.failedValidations`: keys endpoint hanging for 10 simulated
 *   minutes (TestClock) with keys held: failed validations, and validations
 *   that waited on the endpoint.
 * - `bulkCreate2000`: 20 instances create 2,000 users against an emulator
 *   bucket of 100 creates per 2 s: 429s answered to callers, and the wall time
 *   over the bucket's minimum (2000 / 100 x 2 s).
 * - `redisKilled`: Redis killed while 20 warm and 20 cold instances validate:
 *   failed validations and store fallbacks.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Client from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Metric from "effect/Metric"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as TestClock from "effect/TestClock"
import * as TestContext from "effect/TestContext"
import type { RedisOptions } from "ioredis"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as Jwks from "../src/core/Jwks.js"
import * as JwksStore from "../src/core/JwksStore.js"
import { DescopeClient } from "../src/DescopeClient.js"
import type * as Emulator from "../src/emulator/index.js"
import * as Redis from "../src/fleet/Redis.js"
import * as Descope from "../src/layers/Descope.js"
import { startRedis } from "../test/support/redisSetup.js"
import { MANAGEMENT_KEY, PROJECT_ID, startChild } from "./emulator.js"

export interface FleetResult {
  readonly coldInstances1000: { readonly keyFetches: number; readonly before: number; readonly instances: number }
  readonly ttlExpiry100: { readonly keyFetches: number; readonly before: number }
  readonly keysDown10min: {
    readonly failedValidations: number
    readonly waitedValidations: number
    readonly validations: number
  }
  readonly bulkCreate2000: {
    readonly users: number
    readonly callers429: number
    readonly wallOverLimit: number
    readonly wallSeconds: number
    readonly before429: number
  }
  readonly redisKilled: { readonly failedValidations: number; readonly fallbacks: number; readonly validations: number }
}

type Client = DescopeClient["Type"]

const CREATE_LIMIT = { requests: 100, window: "2 seconds" } as const

/** An HttpClient over undici that counts the key fetches it sends. */
const countingHttp = (fetches: { count: number }): Layer.Layer<HttpClient.HttpClient> =>
  Layer.effect(
    Client.HttpClient,
    Effect.map(Client.HttpClient, (client) =>
      Client.tapRequest(client, (request) =>
        Effect.sync(() => {
          if (request.url.includes("/v2/keys/")) fetches.count += 1
        })))
  ).pipe(Layer.provide(NodeHttpClient.layerUndici))

/** One simulated instance: its own client layer over the shared context (`shared`: store and limits, or none). */
const instance = (
  baseUrl: string,
  http: Layer.Layer<HttpClient.HttpClient>,
  shared: Context.Context<never> | undefined,
  jwks?: Jwks.RemoteOptions
): Effect.Effect<Client, never, Scope.Scope> => {
  const config = DescopeConfig.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, baseUrl })
  const base = jwks === undefined
    ? Descope.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, baseUrl })
    : Descope.layerWithJwks(Jwks.layerRemote(jwks)).pipe(Layer.provide(config))
  const layer = base.pipe(Layer.provide(http), Layer.provide(Layer.succeedContext(shared ?? Context.empty())))
  return Effect.map(Effect.orDie(Layer.build(layer)), (ctx) => Context.get(ctx, DescopeClient))
}

const ok = (client: Client, token: string) => Effect.map(Effect.either(client.validateSession(token)), Either.isRight)

const signIn = async (baseUrl: string, loginId: string): Promise<string> => {
  const program = Effect.gen(function*() {
    const client = yield* instance(baseUrl, NodeHttpClient.layerUndici, undefined)
    yield* client.otp.signUpOrIn({ method: "email", loginId })
    const res = yield* Effect.promise(() =>
      fetch(`${baseUrl}/emulator/outbox?loginId=${encodeURIComponent(loginId)}`).then((r) => r.json())
    )
    const code = (res as { messages: ReadonlyArray<Emulator.OutboxMessage> }).messages.filter((m) =>
      m.kind === "otp"
    ).at(-1)?.code ?? ""
    return Redacted.value((yield* client.otp.verifyCode({ method: "email", loginId, code })).sessionToken)
  })
  return Effect.runPromise(Effect.scoped(program))
}

const quiet = <A, E>(self: Effect.Effect<A, E>): Effect.Effect<A, E> =>
  Effect.provide(self, Logger.minimumLogLevel(LogLevel.Error))

export const runFleet = async (quick: boolean, log: (line: string) => void): Promise<FleetResult> => {
  const child = await startChild(["--session-ttl", "3600", "--rate-limit", "mgmt.user.create=100/2s"])
  const redis = await startRedis()
  const redisOptions: RedisOptions = { host: "127.0.0.1", port: redis.port, maxRetriesPerRequest: 1 }
  const baseUrl = child.baseUrl
  try {
    const token = await signIn(baseUrl, "fleet@example.com")
    /** The shared layers' context over Redis (key prefix per scenario), built in the scope. */
    const sharedOver = (prefix: string, options: RedisOptions = redisOptions) =>
      Layer.build(
        Redis.layer({
          redis: options,
          keys: { prefix },
          rateLimits: { prefix, limits: { "mgmt.user.create": CREATE_LIMIT }, retries: 3 }
        })
      )

    // 1,000 cold instances, store warm
    const instances = quick ? 200 : 1000
    log(`fleet: ${instances} cold instances`)
    const cold = (withStore: boolean) =>
      Effect.scoped(Effect.gen(function*() {
        const shared = withStore ? yield* sharedOver(`cold${Date.now()}`) : undefined
        const warmFetches = { count: 0 }
        const warm = yield* instance(baseUrl, countingHttp(warmFetches), shared)
        yield* ok(warm, token)
        const fetches = { count: 0 }
        const http = countingHttp(fetches)
        yield* Effect.forEach(Array.from({ length: instances }), () =>
          Effect.flatMap(instance(baseUrl, http, shared), (c) => ok(c, token)), {
          concurrency: 50,
          discard: true
        })
        return fetches.count
      }))
    const coldAfter = await Effect.runPromise(cold(true).pipe(quiet))
    const coldBefore = await Effect.runPromise(cold(false).pipe(quiet))

    // 100 instances across the TTL expiry (ttl 2 s, cooldown 200 ms)
    log("fleet: 100 instances across a TTL expiry")
    const ttlRun = (withStore: boolean) =>
      Effect.scoped(Effect.gen(function*() {
        const shared = withStore ? yield* sharedOver(`ttl${Date.now()}`) : undefined
        const fetches = { count: 0 }
        const http = countingHttp(fetches)
        const clients = yield* Effect.forEach(Array.from({ length: 100 }), () =>
          instance(baseUrl, http, shared, { ttl: "2 seconds", cooldown: "200 millis" }), { concurrency: 20 })
        yield* Effect.forEach(clients, (c) =>
          ok(c, token), { concurrency: "unbounded", discard: true })
        const before = fetches.count
        yield* Effect.sleep("2100 millis")
        // past the TTL: every instance validates for 1 s (stale keys answer; refreshes run in the background)
        const end = Date.now() + 1000
        while (Date.now() < end) {
          yield* Effect.forEach(clients, (c) =>
            ok(c, token), { concurrency: "unbounded", discard: true })
          yield* Effect.sleep("50 millis")
        }
        return fetches.count - before
      }))
    const ttlAfter = await Effect.runPromise(ttlRun(true).pipe(quiet))
    const ttlBefore = await Effect.runPromise(ttlRun(false).pipe(quiet))

    // keys endpoint hanging for 10 simulated minutes, keys held (TTL 1 minute: a refresh is due every minute)
    log("fleet: keys endpoint down for 10 simulated minutes")
    const realPause = (ms: number) => Effect.promise(() => new Promise((resolve) => setTimeout(resolve, ms)))
    const keysDown = await Effect.runPromise(
      Effect.scoped(Effect.gen(function*() {
        yield* TestClock.setTime(Date.now())
        const shared = yield* sharedOver(`down${Date.now()}`)
        const clients = yield* Effect.forEach(
          Array.from({ length: 20 }),
          () => instance(baseUrl, NodeHttpClient.layerUndici, shared, { ttl: "1 minute" })
        )
        yield* Effect.forEach(clients, (c) => ok(c, token), { discard: true })
        yield* Effect.promise(() =>
          fetch(`${baseUrl}/emulator/faults`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ path: "/v2/keys/**", latencyMs: 3_600_000 })
          }).then((r) => r.arrayBuffer())
        )
        let failed = 0
        let waited = 0
        let validations = 0
        for (let step = 0; step < 60; step++) {
          yield* TestClock.adjust("10 seconds")
          for (const c of clients) {
            const fiber = yield* Effect.fork(ok(c, token))
            // a validation that does not wait on the endpoint ends within moments of real time, the clock still
            let polled = yield* Fiber.poll(fiber)
            for (let i = 0; i < 40 && polled._tag === "None"; i++) {
              yield* realPause(5)
              polled = yield* Fiber.poll(fiber)
            }
            if (polled._tag === "None") {
              waited += 1
              yield* TestClock.adjust(Jwks.DEFAULT_FETCH_TIMEOUT)
            }
            validations += 1
            if (!(yield* Fiber.join(fiber))) failed += 1
          }
        }
        return { failed, waited, validations }
      })).pipe(Effect.provide(TestContext.TestContext), quiet)
    )
    await fetch(`${baseUrl}/emulator/faults`, { method: "DELETE" })

    // bulk create: 20 instances, bucket of 100 creates per 2 s
    const users = quick ? 400 : 2000
    log(`fleet: 20 instances create ${users} users (bucket 100 per 2 s)`)
    const bulk = (withLimits: boolean, tag: string) =>
      Effect.scoped(Effect.gen(function*() {
        const shared = withLimits ? yield* sharedOver(`bulk${tag}${Date.now()}`) : undefined
        const clients = yield* Effect.forEach(Array.from({ length: 20 }), () =>
          instance(baseUrl, NodeHttpClient.layerUndici, shared))
        const started = Date.now()
        const results = yield* Effect.forEach(
          Array.from({ length: users }, (_, i) =>
            i),
          (i) => Effect.either(clients[i % 20]!.mgmt.user.create({ loginId: `fleet-${tag}-${i}@example.com` })),
          { concurrency: "unbounded" }
        )
        const limited = results.filter((r) => Either.isLeft(r) && r.left._tag === "RateLimitError").length
        return { limited, wallMillis: Date.now() - started }
      }))
    const before = await Effect.runPromise(bulk(false, "b").pipe(quiet))
    // let the emulator's window pass before the paced run
    await new Promise((r) => setTimeout(r, 2_100))
    const after = await Effect.runPromise(bulk(true, "a").pipe(quiet))
    const minimumMillis = (users / CREATE_LIMIT.requests) * Duration.toMillis(CREATE_LIMIT.window)

    // Redis killed mid-run
    log("fleet: Redis killed mid-run")
    const victim = await startRedis()
    const killed = await Effect.runPromise(
      Effect.scoped(Effect.gen(function*() {
        const shared = yield* sharedOver(`killed${Date.now()}`, {
          host: "127.0.0.1",
          port: victim.port,
          maxRetriesPerRequest: 1
        })
        const warm = yield* Effect.forEach(
          Array.from({ length: 20 }),
          () => instance(baseUrl, NodeHttpClient.layerUndici, shared)
        )
        yield* Effect.forEach(warm, (c) => ok(c, token), { discard: true })
        const fallbacksBefore = (yield* Metric.value(JwksStore.fallbacks)).count
        yield* Effect.promise(() => victim.stop())
        const coldOnes = yield* Effect.forEach(
          Array.from({ length: 20 }),
          () => instance(baseUrl, NodeHttpClient.layerUndici, shared)
        )
        let failed = 0
        let validations = 0
        for (let round = 0; round < 5; round++) {
          const rs = yield* Effect.forEach([...warm, ...coldOnes], (c) => ok(c, token), { concurrency: "unbounded" })
          validations += rs.length
          failed += rs.filter((r) => !r).length
        }
        return { failed, validations, fallbacks: (yield* Metric.value(JwksStore.fallbacks)).count - fallbacksBefore }
      })).pipe(quiet)
    )

    return {
      coldInstances1000: { keyFetches: coldAfter, before: coldBefore, instances },
      ttlExpiry100: { keyFetches: ttlAfter, before: ttlBefore },
      keysDown10min: {
        failedValidations: keysDown.failed,
        waitedValidations: keysDown.waited,
        validations: keysDown.validations
      },
      bulkCreate2000: {
        users,
        callers429: after.limited,
        wallOverLimit: after.wallMillis / minimumMillis,
        wallSeconds: after.wallMillis / 1000,
        before429: before.limited
      },
      redisKilled: { failedValidations: killed.failed, fallbacks: killed.fallbacks, validations: killed.validations }
    }
  } finally {
    await redis.stop()
    await child.stop()
  }
}
