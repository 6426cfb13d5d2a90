// Signing keys shared by instances through a JwksStore in memory (the Redis store is in fleet-redis.test.ts):
// one fetch for a cold fleet, one refresh per TTL across the fleet (the lease), a store that fails or hangs
// is a fallback within its bound.
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as Jwks from "../src/core/Jwks.js"
import * as JwksStore from "../src/core/JwksStore.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as SharedKeys from "../src/fleet/SharedKeys.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2FleetMemoryScenario0000000"

const instance = (shared: Context.Context<JwksStore.JwksStore> | undefined, fetches: { count: number }) =>
  Effect.gen(function*() {
    const counting = Layer.effect(
      HttpClient.HttpClient,
      Effect.map(HttpClient.HttpClient, (client) =>
        HttpClient.tapRequest(client, (request) =>
          Effect.sync(() => {
            if (request.url.includes("/v2/keys/")) fetches.count += 1
          })))
    ).pipe(Layer.provide(Emulator.layerHttpClient))
    const layer = Descope.layerWithJwks(Jwks.layerRemote({ ttl: "10 minutes", cooldown: "30 seconds" })).pipe(
      Layer.provide(DescopeConfig.layer({ projectId: P, baseUrl: "http://emulator.local" })),
      Layer.provide(counting),
      Layer.provide(Layer.succeedContext(shared ?? Context.empty()))
    )
    return Context.get(yield* Layer.build(layer), DescopeClient)
  })

const sessionToken = Effect.gen(function*() {
  const emulator = yield* Emulator.Emulator
  const client = yield* instance(undefined, { count: 0 })
  yield* client.otp.signUpOrIn({ method: "email", loginId: "keys@example.com" })
  const code = Option.getOrElse(
    Option.flatMap(yield* emulator.lastMessage("keys@example.com", "otp"), (m) => Option.fromNullable(m.code)),
    () => ""
  )
  return Redacted.value(
    (yield* client.otp.verifyCode({ method: "email", loginId: "keys@example.com", code })).sessionToken
  )
})

const valid = (client: DescopeClient["Type"], token: string) =>
  Effect.map(Effect.either(client.validateSession(token)), Either.isRight)

describe("SharedKeys in memory", () => {
  it.scoped("five cold instances: one fetch; past the TTL, one refresh for all of them; without the store, one each", () =>
    Effect.gen(function*() {
      const token = yield* sessionToken
      const shared = yield* Layer.build(SharedKeys.layerMemory())
      const fetches = { count: 0 }
      const clients = yield* Effect.forEach([1, 2, 3, 4, 5], () => instance(shared, fetches))
      // one after the other: a cold instance that finds the lease taken and nothing stored polls the store on the
      // clock, which a TestClock does not move by itself
      assert.deepStrictEqual(yield* Effect.forEach(clients, (c) => valid(c, token)), [true, true, true, true, true])
      assert.strictEqual(fetches.count, 1)
      yield* TestClock.adjust("11 minutes")
      // every instance starts its background refresh; one takes the lease and fetches, the others keep their keys
      for (let round = 0; round < 3; round++) {
        assert.deepStrictEqual(yield* Effect.forEach(clients, (c) => valid(c, token)), [true, true, true, true, true])
        yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 10)))
      }
      assert.strictEqual(fetches.count, 2)
      // after the cooldown the others read the fresh set from the store: still no fetch
      yield* TestClock.adjust("31 seconds")
      for (let round = 0; round < 3; round++) {
        yield* Effect.forEach(clients, (c) => valid(c, token))
        yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 10)))
      }
      assert.strictEqual(fetches.count, 2)

      const alone = { count: 0 }
      const unshared = yield* Effect.forEach([1, 2, 3, 4, 5], () => instance(undefined, alone))
      yield* Effect.forEach(unshared, (c) => valid(c, token), { concurrency: "unbounded" })
      assert.strictEqual(alone.count, 5)
    }).pipe(Effect.provide(Emulator.layer({ projectId: P, sessionTokenTtl: "1 hour" }))))

  it.scoped("a store that never answers is a fallback within its bound: the cold instance fetches itself", () =>
    Effect.gen(function*() {
      const token = yield* sessionToken
      const hanging = Context.make(
        JwksStore.JwksStore,
        {
          get: () => Effect.never,
          set: () => Effect.never,
          lease: () => Effect.never
        } satisfies JwksStore.Service
      )
      const fetches = { count: 0 }
      const client = yield* instance(hanging, fetches)
      const before = (yield* Metric.value(JwksStore.fallbacks)).count
      const fiber = yield* Effect.fork(valid(client, token))
      // read, lease and write-back each give up after the bound
      for (let i = 0; i < 3; i++) {
        yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 20)))
        yield* TestClock.adjust(Jwks.DEFAULT_STORE_TIMEOUT)
      }
      assert.isTrue(yield* Fiber.join(fiber))
      assert.strictEqual(fetches.count, 1)
      assert.strictEqual((yield* Metric.value(JwksStore.fallbacks)).count - before, 3)
    }).pipe(Effect.provide(Emulator.layer({ projectId: P, sessionTokenTtl: "1 hour" }))))
})
