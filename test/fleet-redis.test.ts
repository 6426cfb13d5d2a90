// The fleet layers over a real Redis (started by test/support/redisSetup.ts): signing keys shared by
// instances (one fetch for many cold instances; a Redis killed mid-run is a fallback, never a failure) and
// Descope's rate limits paced across instances.
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, inject, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { Redis as IORedis, type RedisOptions } from "ioredis"
import * as JwksStore from "../src/core/JwksStore.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Redis from "../src/fleet/Redis.js"
import * as RedisStores from "../src/internal/redisStores.js"
import * as Descope from "../src/layers/Descope.js"
import { startRedis } from "./support/redisSetup.js"

const P = "P2FleetRedisScenario00000000"
const K = "fleet-redis-management-key"
const redisUrl = inject("redisUrl")
const missing = redisUrl === ""
if (missing && process.env.CI === undefined) {
  console.warn("fleet-redis tests skipped: install redis-server (apt-get install -y redis-server) or set REDIS_URL")
}

const redisOptions = (url: string): RedisOptions => {
  const u = new URL(url)
  // fail fast while Redis is away: the SDK bounds every store call anyway
  return { host: u.hostname, port: Number(u.port), maxRetriesPerRequest: 1 }
}

/** One instance of a service: its own client (and its own Redis connections), counting its key fetches. */
const instance = (redis: RedisOptions, fetches: { count: number }, prefix: string) =>
  Effect.gen(function*() {
    const counting = Layer.effect(
      HttpClient.HttpClient,
      Effect.map(HttpClient.HttpClient, (client) =>
        HttpClient.tapRequest(client, (request) =>
          Effect.sync(() => {
            if (request.url.includes("/v2/keys/")) fetches.count += 1
          })))
    ).pipe(Layer.provide(Emulator.layerHttpClient))
    const layer = Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
      Layer.provide(counting),
      Layer.provide(
        Redis.layer({
          redis,
          keys: { prefix },
          rateLimits: { prefix, limits: { "mgmt.user.create": { requests: 20, window: "1 second" } } }
        })
      )
    )
    return Context.get(yield* Layer.build(layer), DescopeClient)
  })

const sessionToken = Effect.gen(function*() {
  const emulator = yield* Emulator.Emulator
  const client = Context.get(
    yield* Layer.build(
      Descope.layer({ projectId: P, baseUrl: "http://emulator.local" }).pipe(Layer.provide(Emulator.layerHttpClient))
    ),
    DescopeClient
  )
  yield* client.otp.signUpOrIn({ method: "email", loginId: "fleet@example.com" })
  const code = Option.getOrElse(
    Option.flatMap(yield* emulator.lastMessage("fleet@example.com", "otp"), (m) => Option.fromNullable(m.code)),
    () => ""
  )
  return Redacted.value(
    (yield* client.otp.verifyCode({ method: "email", loginId: "fleet@example.com", code })).sessionToken
  )
})

const withEmulator = Effect.provide(
  Emulator.layer({
    projectId: P,
    managementKey: K,
    rateLimits: { "mgmt.user.create": { requests: 20, window: "1 second" } }
  })
)

describe.skipIf(missing && process.env.CI === undefined)("fleet over Redis", () => {
  it("Redis is available (under CI a missing redis-server is a failure)", () => {
    assert.notStrictEqual(redisUrl, "", "redis-server is missing: apt-get install -y redis-server, or set REDIS_URL")
  })

  it.scopedLive("one instance fetches the keys; ten cold instances read them from Redis and fetch nothing", () =>
    Effect.gen(function*() {
      const token = yield* sessionToken
      const fetches = { count: 0 }
      const prefix = `t${Date.now()}`
      const first = yield* instance(redisOptions(redisUrl), fetches, prefix)
      assert.isTrue(Either.isRight(yield* Effect.either(first.validateSession(token))))
      assert.strictEqual(fetches.count, 1)
      for (let i = 0; i < 10; i++) {
        const cold = yield* instance(redisOptions(redisUrl), fetches, prefix)
        assert.isTrue(Either.isRight(yield* Effect.either(cold.validateSession(token))))
      }
      assert.strictEqual(fetches.count, 1)
    }).pipe(withEmulator))

  it.scopedLive("Redis killed mid-run: warm and cold instances keep validating (cold ones fetch), each fallback counted, one WARN per instance; closing them neither fails nor waits, and nothing reconnects after", () =>
    Effect.gen(function*() {
      const redis = yield* Effect.acquireRelease(
        Effect.promise(() => startRedis()),
        (r) => Effect.promise(() => r.stop())
      )
      const token = yield* sessionToken
      const printed: Array<string> = []
      const consoleError = console.error
      yield* Effect.acquireRelease(
        Effect.sync(() => {
          console.error = (...args: Array<unknown>) => {
            printed.push(args.map(String).join(" "))
          }
        }),
        () => Effect.sync(() => (console.error = consoleError))
      )
      const closed = yield* Effect.exit(
        Effect.scoped(Effect.gen(function*() {
          const fetches = { count: 0 }
          const warm = yield* instance(redisOptions(redis.url), fetches, "killed")
          assert.isTrue(Either.isRight(yield* Effect.either(warm.validateSession(token))))
          const before = (yield* Metric.value(JwksStore.fallbacks)).count
          yield* Effect.promise(() => redis.stop())
          const warnings: Array<string> = []
          const logger = Logger.make(({ logLevel, message }) => {
            if (logLevel._tag === "Warning") warnings.push(String(message))
          })
          const cold = yield* instance(redisOptions(redis.url), fetches, "killed")
          for (let i = 0; i < 20; i++) {
            assert.isTrue(Either.isRight(yield* Effect.either(warm.validateSession(token))))
            const r = yield* Effect.either(cold.validateSession(token)).pipe(
              Effect.provide(Logger.replace(Logger.defaultLogger, logger))
            )
            assert.isTrue(Either.isRight(r), `cold validation ${i}: ${Either.isLeft(r) ? r.left._tag : ""}`)
          }
          // a management call while Redis is away goes out unpaced
          assert.isTrue(Either.isRight(yield* Effect.either(cold.mgmt.user.create({ loginId: "killed@example.com" }))))
          assert.strictEqual(fetches.count, 2)
          assert.isAtLeast((yield* Metric.value(JwksStore.fallbacks)).count - before, 1)
          assert.strictEqual(warnings.filter((w) => w.includes("signing-key store unavailable")).length, 1)
        })).pipe(Effect.timeout("10 seconds"))
      )
      assert.isTrue(
        Exit.isSuccess(closed),
        `closing the instances: ${Exit.isFailure(closed) ? Cause.pretty(closed.cause) : ""}`
      )
      // ioredis' first reconnection is 50 ms after a drop: a client left running would have printed by now
      yield* Effect.sleep("300 millis")
      assert.deepStrictEqual(printed.filter((line) => line.includes("ioredis")), [])
    }).pipe(withEmulator))

  it.scopedLive("the Redis token bucket and fixed window answer as @effect/experimental's in-memory store does", () =>
    Effect.gen(function*() {
      const stores = yield* Effect.all([
        Effect.map(RedisStores.connect(redisOptions(redisUrl)), RedisStores.rateLimiterStore),
        Effect.map(Layer.build(RateLimiter.layerStoreMemory), Context.get(RateLimiter.RateLimiterStore))
      ])
      const prefix = `s${Date.now()}`
      // refills an hour apart: nothing comes back while the test runs, so the answers are exact
      const hour = Duration.hours(1)
      const steps: ReadonlyArray<readonly [tokens: number, overflow: boolean]> = [
        [1, false],
        [2, false],
        [3, false],
        [1, false],
        [2, true],
        [5, true],
        [1, false],
        [6, true]
      ]
      const answers = yield* Effect.forEach(stores, (store) =>
        Effect.all({
          bucket: Effect.forEach(steps, ([tokens, allowOverflow]) =>
            store.tokenBucket({ key: `${prefix}:bucket`, tokens, limit: 5, refillRate: hour, allowOverflow })),
          window: Effect.forEach([1, 1, 2, 1], (tokens) =>
            Effect.map(
              store.fixedWindow({ key: `${prefix}:window`, tokens, refillRate: hour, limit: 2 }),
              ([count, ttl]) =>
                [count, Math.round(ttl / 60_000)] as const
            ))
        }))
      assert.deepStrictEqual(answers[0], answers[1])
      assert.deepStrictEqual(answers[0]!.bucket, [4, 2, -1, 1, -1, -6, -7, -12])
    }))

  it.scopedLive("a client of the caller's is used as it is and left open when the layer closes", () =>
    Effect.gen(function*() {
      const client = yield* Effect.acquireRelease(
        Effect.sync(() => new IORedis(redisOptions(redisUrl))),
        (c) => Effect.sync(() => c.disconnect())
      )
      const token = yield* sessionToken
      yield* Effect.scoped(Effect.gen(function*() {
        const ctx = yield* Layer.build(
          Descope.layer({ projectId: P, baseUrl: "http://emulator.local" }).pipe(
            Layer.provide(Emulator.layerHttpClient),
            Layer.provide(Redis.layer({ redis: client, keys: { prefix: `own${Date.now()}` } }))
          )
        )
        assert.isTrue(Either.isRight(yield* Effect.either(Context.get(ctx, DescopeClient).validateSession(token))))
      }))
      assert.strictEqual(yield* Effect.promise(() => client.ping()), "PONG")
    }).pipe(withEmulator))

  it.scopedLive("four instances creating 60 users against a bucket of 20 per second: no 429 reaches a caller", () =>
    Effect.gen(function*() {
      const fetches = { count: 0 }
      const prefix = `r${Date.now()}`
      const clients = yield* Effect.forEach([1, 2, 3, 4], () => instance(redisOptions(redisUrl), fetches, prefix))
      const results = yield* Effect.forEach(
        Array.from({ length: 60 }, (_, i) => i),
        (i) => Effect.either(clients[i % 4]!.mgmt.user.create({ loginId: `fleet-${prefix}-${i}@example.com` })),
        { concurrency: "unbounded" }
      )
      assert.deepStrictEqual(results.filter(Either.isLeft).map((e) => e.left._tag), [])
    }).pipe(withEmulator))
})
