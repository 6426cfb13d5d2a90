// Descope's rate-limit buckets: enforced by the emulator (opt in), paced together by every client
// instance that shares a RateLimiter (memory here; Redis in rate-limits-redis.test.ts).
import * as RateLimiter from "@effect/experimental/RateLimiter"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as TestClock from "effect/TestClock"
import { DescopeClient } from "../src/DescopeClient.js"
import { parse } from "../src/emulator/EmulatorCli.js"
import * as Emulator from "../src/emulator/index.js"
import * as SharedRateLimits from "../src/fleet/SharedRateLimits.js"
import * as Descope from "../src/layers/Descope.js"
import { managementKeyOf, request } from "./support/emulator.js"

const P = "P2RateLimitsScenario00000000"
const K = "rate-limits-management-key"

const withEmulator = (options: Emulator.Options = {}) =>
  Effect.provide(Emulator.layer({ projectId: P, managementKey: K, ...options }))

/** A client instance of its own (its own transport and gate), over the emulator and a shared limiter. */
const instance = (limiter: RateLimiter.RateLimiter | undefined, options: SharedRateLimits.Options = {}) =>
  Effect.gen(function*() {
    const base = Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
      Layer.provide(Emulator.layerHttpClient)
    )
    const layer = limiter === undefined
      ? base
      : base.pipe(
        Layer.provide(
          SharedRateLimits.layer(options).pipe(Layer.provide(Layer.succeed(RateLimiter.RateLimiter, limiter)))
        )
      )
    return Context.get(yield* Layer.build(layer), DescopeClient)
  })

/** Runs `self` while moving the test clock in small steps until it is done. */
const drive = <A, E>(self: Effect.Effect<A, E>, step: Duration.DurationInput = "50 millis") =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(self)
    for (let i = 0; i < 100_000; i++) {
      const done = yield* Fiber.poll(fiber)
      if (done._tag === "Some") break
      yield* TestClock.adjust(step)
    }
    return yield* Fiber.join(fiber)
  })

const createUsers = (clients: ReadonlyArray<DescopeClient["Type"]>, count: number, prefix: string) =>
  Effect.forEach(
    Array.from({ length: count }, (_, i) => i),
    (i) => Effect.either(clients[i % clients.length]!.mgmt.user.create({ loginId: `${prefix}-${i}@example.com` })),
    { concurrency: "unbounded" }
  )

describe("the emulator enforces Descope's buckets (opt in)", () => {
  it.effect("a bucket over its limit answers 429 E130429 with Retry-After; other buckets are not counted; the window ends on the emulator's clock", () =>
    Effect.gen(function*() {
      const e = yield* Emulator.Emulator
      const key = managementKeyOf(e)
      const create = (i: number) =>
        request(e, "POST", "/v1/mgmt/user/create", { managementKey: key, body: { loginId: `u${i}@example.com` } })
      for (const i of [1, 2, 3]) assert.strictEqual((yield* create(i)).status, 200)
      const refused = yield* create(4)
      assert.strictEqual(refused.status, 429)
      assert.strictEqual(refused.headers["retry-after"], "2")
      assert.strictEqual((refused.body as { errorCode: string }).errorCode, "E130429")
      // loads count in `mgmt`, not in `mgmt.user.create`
      assert.strictEqual(
        (yield* request(e, "GET", "/v1/mgmt/user?loginId=u1@example.com", { managementKey: key })).status,
        200
      )
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* create(5)).headers["retry-after"], "1")
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* create(6)).status, 200)
    }).pipe(withEmulator({ rateLimits: { "mgmt.user.create": { requests: 3, window: "2 seconds" } } })))

  it("the CLI takes buckets and the older requests-per-second form", () => {
    const run = parse(["--rate-limit", "mgmt.user.create=100/2s", "--rate-limit", "auth=50/500ms", "--rate-limit", "5"])
    assert.strictEqual(run._tag, "Run")
    if (run._tag !== "Run") return
    assert.deepStrictEqual(run.options.rateLimit?.requests, 5)
    assert.deepStrictEqual(Object.keys(run.options.rateLimits ?? {}).sort(), ["auth", "mgmt.user.create"])
    assert.strictEqual(run.options.rateLimits?.["mgmt.user.create"]?.requests, 100)
    const bad = parse(["--rate-limit", "mgmt.users=1/1s"])
    assert.strictEqual(bad._tag, "Invalid")
    assert.match(bad._tag === "Invalid" ? bad.message : "", /unknown bucket mgmt\.users/)
  })
})

describe("shared rate limits (descope-effect/fleet)", () => {
  const limits = { "mgmt.user.create": { requests: 10, window: "1 second" } } as const

  it.scoped("without a gate, five instances creating 60 users at once draw 429s", () =>
    Effect.gen(function*() {
      const clients = yield* Effect.forEach([1, 2, 3, 4, 5], () => instance(undefined))
      const results = yield* drive(createUsers(clients, 60, "ungated"))
      assert.isAbove(results.filter(Either.isLeft).length, 0)
    }).pipe(withEmulator({ rateLimits: limits })))

  it.scoped("with one shared limiter, five instances creating 60 users draw no 429 (none retried), in about the bucket's time", () =>
    Effect.gen(function*() {
      const limiter = yield* RateLimiter.make.pipe(Effect.provide(RateLimiter.layerStoreMemory))
      const clients = yield* Effect.forEach([1, 2, 3, 4, 5], () => instance(limiter, { limits, retries: 0 }))
      const started = yield* TestClock.currentTimeMillis
      const results = yield* drive(createUsers(clients, 60, "gated"))
      const elapsed = (yield* TestClock.currentTimeMillis) - started
      assert.deepStrictEqual(results.filter(Either.isLeft), [])
      // 60 calls at 10 per second: the bucket allows them in 5 s at the least (6 windows); paced: 1 at once, then 9/s
      assert.isAtLeast(elapsed, 5_000)
      assert.isAtMost(elapsed, 7_000)
    }).pipe(withEmulator({ rateLimits: limits })))

  it.scoped("a 429 that still comes pushes the bucket back by its Retry-After for every instance; the call is sent again", () =>
    Effect.gen(function*() {
      const e = yield* Emulator.Emulator
      const limiter = yield* RateLimiter.make.pipe(Effect.provide(RateLimiter.layerStoreMemory))
      const [a, b] = yield* Effect.forEach([1, 2], () => instance(limiter, { limits }))
      yield* e.addFault({ path: "/v1/mgmt/user/create", status: 429, retryAfter: 3, times: 1 })
      const first = yield* Effect.fork(a!.mgmt.user.create({ loginId: "first@example.com" }))
      // until the first call has drawn its 429 (the in-process emulator answers on real macrotasks)
      while ((yield* e.faults).length > 0) yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 1)))
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 1)))
      const second = yield* Effect.fork(b!.mgmt.user.create({ loginId: "second@example.com" }))
      yield* TestClock.adjust("2900 millis")
      yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 5)))
      // the other instance waits out the Retry-After too: nothing reached the emulator yet
      assert.strictEqual((yield* Fiber.poll(second))._tag, "None")
      assert.strictEqual((yield* Fiber.poll(first))._tag, "None")
      yield* TestClock.adjust("1 second")
      assert.strictEqual((yield* Fiber.join(first)).loginIds?.[0], "first@example.com")
      assert.strictEqual((yield* Fiber.join(second)).loginIds?.[0], "second@example.com")
    }).pipe(withEmulator()))

  it.scoped("a store that fails never fails a call: the calls go out unpaced, with one WARN", () =>
    Effect.gen(function*() {
      const failing = Layer.succeed(RateLimiter.RateLimiterStore, {
        fixedWindow: () => Effect.fail(new RateLimiter.RateLimitStoreError({ message: "connection refused" })),
        tokenBucket: () => Effect.fail(new RateLimiter.RateLimitStoreError({ message: "connection refused" }))
      })
      const limiter = yield* RateLimiter.make.pipe(Effect.provide(failing))
      const client = yield* instance(limiter, { limits })
      const warnings: Array<string> = []
      const logger = Logger.make(({ logLevel, message }) => {
        if (logLevel._tag === "Warning") warnings.push(String(message))
      })
      const results = yield* createUsers([client], 5, "unpaced").pipe(
        Effect.provide(Logger.replace(Logger.defaultLogger, logger))
      )
      assert.deepStrictEqual(results.filter(Either.isLeft), [])
      assert.strictEqual(warnings.length, 1)
      assert.match(warnings[0]!, /rate limits not shared \(connection refused\)/)
    }).pipe(withEmulator()))

  it("pacing keeps any window at or under the limit: burst + refill over the window", () => {
    const p = SharedRateLimits.pacingOf({ requests: 100, window: "2 seconds" })
    assert.strictEqual(p.burst, 5)
    // 5 at once, then 95 more in the window: one every 2000/95 ms
    assert.strictEqual(Math.round(Duration.toMillis(p.interval) * 95), 2000)
    assert.strictEqual(SharedRateLimits.pacingOf({ requests: 1, window: "1 second" }).burst, 1)
  })
})
