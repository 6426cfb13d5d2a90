import { assert, describe, it } from "@effect/vitest"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as TestClock from "effect/TestClock"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { TransportError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as Jwks from "../src/core/Jwks.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { claims, jwks, makeKey, NOW, PROJECT_ID, sign, type TestKey } from "./support/sessions.js"

const KEYS_PATH = `/v2/keys/${PROJECT_ID}`
const k1 = makeKey("ES384", "K1")
const k2 = makeKey("RS256", "K2")

/** A keys endpoint whose answer can be changed during a test. */
const endpoint = (initial: () => MockHttpClient.MockAnswer | ReturnType<MockHttpClient.Handler>) => {
  let answer = initial
  const handler: MockHttpClient.Handler = (request) =>
    request.path === KEYS_PATH ? answer() : MockHttpClient.json({ errorCode: "E000000" }, { status: 404 })
  return {
    handler,
    set: (next: typeof initial) => {
      answer = next
    }
  }
}

const serve = (...keys: ReadonlyArray<TestKey>) => () => MockHttpClient.json(jwks(...keys))

const keyFetches = Effect.map(
  Effect.flatMap(MockHttpClient.MockHttpRecorder, (r) => r.requests),
  (requests) => requests.filter((r) => r.path === KEYS_PATH)
)

const client = (
  handler: MockHttpClient.Handler,
  options: Partial<DescopeConfig.Options> = {},
  jwksOptions?: Jwks.RemoteOptions
) => {
  const config = { projectId: PROJECT_ID, baseUrl: "https://api.descope.test", ...options }
  return jwksOptions === undefined
    ? Descope.layerTest(config, handler)
    : Descope.layerWithJwks(Jwks.layerRemote(jwksOptions)).pipe(
      Layer.provideMerge(MockHttpClient.layer(handler)),
      Layer.provide(DescopeConfig.layer(config))
    )
}

const atNow = TestClock.setTime(NOW * 1000)

/** Lets background work run (real event-loop turns, the clock untouched) until `condition` holds. */
const eventually = <E, R>(condition: Effect.Effect<boolean, E, R>, label = "condition") =>
  Effect.gen(function*() {
    for (let i = 0; i < 500; i++) {
      if (yield* condition) return
      yield* Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))
    }
    assert.fail(`${label} never held`)
  })

const fetchCountIs = (n: number) => Effect.map(keyFetches, (fetches) => fetches.length === n)

/** Collects the WARN messages logged while `self` runs (the client layer included). */
const withWarnings = <A, E, R>(self: (warnings: ReadonlyArray<string>) => Effect.Effect<A, E, R>) => {
  const warnings: Array<string> = []
  const logger = Logger.make(({ logLevel, message }) => {
    if (logLevel._tag === "Warning") warnings.push(Array.isArray(message) ? message.join(" ") : String(message))
  })
  return Effect.provide(self(warnings), Logger.add(logger))
}

/** Runs `self` in a fiber and asserts it completes without the clock moving (it never waits on the keys endpoint). */
const atOnce = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(self)
    for (let i = 0; i < 20; i++) {
      const done = yield* Fiber.poll(fiber)
      if (done._tag === "Some") return yield* done.value
      yield* Effect.yieldNow()
    }
    return assert.fail("it waited")
  })

describe("Jwks remote", () => {
  it.effect("100 concurrent cold validations make exactly 1 key fetch, with the project credential", () => {
    const ep = endpoint(serve(k1))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const token = sign(k1, claims())
      const tokens = Array.from({ length: 100 }, (_, i) => i % 2 === 0 ? token : sign(k1, claims({ n: i })))
      const sessions = yield* Effect.forEach(tokens, (t) => descope.validateSession(t), { concurrency: "unbounded" })
      assert.strictEqual(sessions.length, 100)
      const fetches = yield* keyFetches
      assert.strictEqual(fetches.length, 1)
      assert.strictEqual(fetches[0]?.method, "GET")
      assert.strictEqual(fetches[0]?.headers.authorization, `Bearer ${PROJECT_ID}`)
    }).pipe(Effect.provide(client(ep.handler)))
  })

  it.effect("keys are refetched after the TTL (10 minutes), not before", () => {
    const ep = endpoint(serve(k1))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      yield* descope.validateSession(sign(k1, claims()))
      yield* TestClock.adjust("9 minutes")
      yield* descope.validateSession(sign(k1, claims({ iat: NOW + 540, exp: NOW + 1200 })))
      assert.strictEqual((yield* keyFetches).length, 1)
      yield* TestClock.adjust("1 minute")
      // past the TTL the held keys answer at once, and one background refresh starts
      yield* descope.validateSession(sign(k1, claims({ iat: NOW + 600, exp: NOW + 1200 })))
      yield* descope.validateSession(sign(k1, claims({ iat: NOW + 600, exp: NOW + 1200, n: 1 })))
      yield* eventually(fetchCountIs(2), "the background refresh")
      yield* descope.validateSession(sign(k1, claims({ iat: NOW + 600, exp: NOW + 1200, n: 2 })))
      assert.strictEqual((yield* keyFetches).length, 2)
    }).pipe(Effect.provide(client(ep.handler)))
  })

  it.effect("a failing keys endpoint with 20 concurrent callers: 1 fetch (no retry) and a TransportError for all", () => {
    const ep = endpoint(() => MockHttpClient.json({ errorCode: "E000001" }, { status: 503 }))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const token = sign(k1, claims())
      const results = yield* Effect.forEach(
        Array.from({ length: 20 }, () => token),
        (t) => Effect.flip(descope.validateSession(t)),
        { concurrency: "unbounded" }
      )
      for (const error of results) {
        assert.strictEqual(error._tag, "TransportError")
      }
      assert.strictEqual((yield* keyFetches).length, 1)
    }).pipe(Effect.provide(client(ep.handler)))
  })

  it.effect("a 4xx from the keys endpoint is a TransportError, a 429 a RateLimitError, never an invalid session", () => {
    const ep = endpoint(() => MockHttpClient.json({ errorCode: "E011003" }, { status: 400 }))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const token = sign(k1, claims())
      const e1 = yield* Effect.flip(descope.validateSession(token))
      assert.strictEqual(e1._tag, "TransportError")
      if (e1._tag === "TransportError") assert.strictEqual(e1.status, 400)
      ep.set(() => MockHttpClient.json({ errorCode: "E130429" }, { status: 429, headers: { "retry-after": "7" } }))
      yield* TestClock.adjust("2 seconds")
      const e2 = yield* Effect.flip(descope.validateSession(token))
      assert.strictEqual(e2._tag, "RateLimitError")
      ep.set(() => MockHttpClient.json({ nokeys: true }))
      yield* TestClock.adjust("2 seconds")
      const e3 = yield* Effect.flip(descope.validateSession(token))
      assert.strictEqual(e3._tag, "TransportError")
      if (e3._tag === "TransportError") assert.strictEqual(e3.reason, "Decode")
      ep.set(() => "network-error")
      yield* TestClock.adjust("2 seconds")
      const e4 = yield* Effect.flip(descope.validateSession(token))
      assert.strictEqual(e4._tag, "TransportError")
      assert.strictEqual((yield* keyFetches).length, 4)
    }).pipe(Effect.provide(client(ep.handler)))
  })

  it.effect("a hanging keys endpoint fails with a Timeout after 5 seconds", () => {
    const ep = endpoint(() => Effect.never)
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const fiber = yield* Effect.fork(Effect.flip(descope.validateSession(sign(k1, claims()))))
      yield* TestClock.adjust("4 seconds")
      assert.isNull(yield* Fiber.poll(fiber).pipe(Effect.map((o) => (o._tag === "Some" ? o.value : null))))
      yield* TestClock.adjust("1 second")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "TransportError")
      if (error._tag === "TransportError") assert.strictEqual(error.reason, "Timeout")
      assert.strictEqual((yield* keyFetches).length, 1)
    }).pipe(Effect.provide(client(ep.handler)))
  })

  it.effect("50 tokens with unknown kids cause at most 1 fetch per cooldown (30 s)", () => {
    const ep = endpoint(serve(k1))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const flood = (round: number) =>
        Effect.forEach(
          Array.from({ length: 50 }, (_, i) => sign(k1, claims(), { kid: `random-${round}-${i}` })),
          (t) => Effect.flip(descope.validateSession(t)),
          { concurrency: "unbounded" }
        )
      const first = yield* flood(0)
      for (const e of first) {
        assert.strictEqual(e._tag, "InvalidSessionError")
        if (e._tag === "InvalidSessionError") assert.strictEqual(e.reason, "UnknownKey")
      }
      assert.strictEqual((yield* keyFetches).length, 1)
      yield* TestClock.adjust("29 seconds")
      yield* flood(1)
      assert.strictEqual((yield* keyFetches).length, 1)
      yield* TestClock.adjust("1 second")
      yield* flood(2)
      assert.strictEqual((yield* keyFetches).length, 2)
      yield* flood(3)
      assert.strictEqual((yield* keyFetches).length, 2)
    }).pipe(Effect.provide(client(ep.handler)))
  })

  it.effect("key rotation is picked up, and cached tokens of a removed kid die", () => {
    const ep = endpoint(serve(k1))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const oldToken = sign(k1, claims())
      const newToken = sign(k2, claims())
      yield* descope.validateSession(oldToken)
      const before = yield* Effect.flip(descope.validateSession(newToken))
      assert.strictEqual(before._tag === "InvalidSessionError" ? before.reason : before._tag, "UnknownKey")
      ep.set(serve(k2))
      yield* TestClock.adjust("31 seconds")
      const session = yield* descope.validateSession(newToken)
      assert.strictEqual(session.userId, "U2Cu0j0WPw3YOiPISJb52L0wUVMg")
      assert.strictEqual((yield* keyFetches).length, 2)
      const after = yield* Effect.flip(descope.validateSession(oldToken))
      assert.strictEqual(after._tag, "InvalidSessionError")
      if (after._tag === "InvalidSessionError") assert.strictEqual(after.reason, "UnknownKey")
    }).pipe(Effect.provide(client(ep.handler)))
  })

  it.effect("keys fetched earlier keep serving when a refresh fails", () => {
    const ep = endpoint(serve(k1))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      yield* descope.validateSession(sign(k1, claims()))
      ep.set(() => MockHttpClient.json({}, { status: 500 }))
      yield* TestClock.adjust("11 minutes")
      const fresh = claims({ iat: NOW + 660, exp: NOW + 1200 })
      const session = yield* descope.validateSession(sign(k1, fresh))
      assert.strictEqual(session.expiresAt, NOW + 1200)
      yield* eventually(fetchCountIs(2), "the background refresh")
      // within the cooldown the failing endpoint is not asked again
      yield* descope.validateSession(sign(k1, { ...fresh, n: 1 }))
      assert.strictEqual((yield* keyFetches).length, 2)
    }).pipe(Effect.provide(client(ep.handler)))
  })

  it.effect(
    "stale-while-revalidate: a keys endpoint hanging for 10 simulated minutes with keys held: 0 failures, no validation waits, one WARN per failed attempt",
    () => {
      const ep = endpoint(serve(k1))
      return withWarnings((warnings) =>
        Effect.gen(function*() {
          yield* atNow
          const descope = yield* DescopeClient
          const repeated = sign(k1, claims({ exp: NOW + 86_400 }))
          yield* descope.validateSession(repeated)
          ep.set(() => Effect.never)
          yield* TestClock.adjust("10 minutes")
          let validations = 0
          for (let second = 0; second < 600; second += 2) {
            const now = NOW + 600 + second
            // a token never seen (its kid held) and a cached one: both answer without waiting
            yield* atOnce(descope.validateSession(sign(k1, claims({ iat: now, exp: now + 600, n: second }))))
            yield* atOnce(descope.validateSession(repeated))
            validations += 2
            yield* TestClock.adjust("2 seconds")
          }
          const fetches = (yield* keyFetches).length - 1
          const refreshWarnings = warnings.filter((w) => w.includes("signing-key refresh failed"))
          // each attempt hangs for the fetch timeout (5 s), then the cooldown (30 s) runs from its end
          assert.isAtLeast(fetches, 15)
          assert.isAtMost(fetches, 18)
          assert.isAtLeast(refreshWarnings.length, fetches - 1)
          assert.isAtMost(refreshWarnings.length, fetches)
          assert.strictEqual(validations, 600)
        }).pipe(Effect.provide(client(ep.handler)))
      )
    },
    60_000
  )

  it.effect("the cooldown counts from the end of an attempt (cooldown 1 s shorter than a 5 s hanging fetch)", () => {
    const ep = endpoint(serve(k1))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      yield* descope.validateSession(sign(k1, claims()))
      ep.set(() => Effect.never)
      yield* TestClock.adjust("2 seconds")
      // an unknown kid waits for a fetch, which times out after 5 s
      const waiting = yield* Effect.fork(Effect.flip(descope.validateSession(sign(k1, claims(), { kid: "K-NEW-1" }))))
      yield* TestClock.adjust("5 seconds")
      const timedOut = yield* Fiber.join(waiting)
      assert.strictEqual(timedOut._tag, "TransportError")
      assert.strictEqual((yield* keyFetches).length, 2)
      // 0.5 s after that attempt ended (5.5 s after it started): within the cooldown, answered at once, no fetch
      yield* TestClock.adjust("500 millis")
      const unknown = yield* atOnce(Effect.flip(descope.validateSession(sign(k1, claims(), { kid: "K-NEW-2" }))))
      assert.strictEqual(unknown._tag === "InvalidSessionError" ? unknown.reason : unknown._tag, "UnknownKey")
      assert.strictEqual((yield* keyFetches).length, 2)
      // a held kid never waits
      yield* atOnce(descope.validateSession(sign(k1, claims({ n: 1 }))))
    }).pipe(Effect.provide(client(ep.handler, {}, { cooldown: "1 second" })))
  })

  it.effect("keys lacking kid or alg, or with a foreign alg, are skipped", () =>
    Effect.gen(function*() {
      const { kid: _kid, ...withoutKid } = k1.publicJwk
      const { alg: _alg, ...withoutAlg } = { ...k1.publicJwk, kid: "NOALG" }
      const body = {
        keys: [withoutKid, withoutAlg, { ...k2.publicJwk, kid: "HS", alg: "HS256" }, "junk", null, k1.publicJwk]
      }
      const http = yield* DescopeHttp.DescopeHttp
      const keys = yield* Jwks.fetchKeys(http)
      assert.deepStrictEqual(keys.map((k) => k.kid), ["K1"])
      assert.deepStrictEqual(Jwks.signingKeysOf(body.keys).map((k) => k.kid), ["K1"])
    }).pipe(
      Effect.provide(
        DescopeHttp.layer.pipe(
          Layer.provide(MockHttpClient.layer(() =>
            MockHttpClient.json({
              keys: [
                { kty: "EC", alg: "ES256" },
                { kty: "EC", kid: "NOALG" },
                { kty: "oct", kid: "HS", alg: "HS256" },
                k1.publicJwk
              ]
            })
          )),
          Layer.provide(DescopeConfig.layer({ projectId: PROJECT_ID }))
        )
      )
    ))

  it.scoped("warm-up fetches at layer build; a failed warm-up is not fatal", () =>
    Effect.gen(function*() {
      let calls = 0
      const fetch = Effect.sync(() => {
        calls++
        return [k1.publicJwk]
      })
      const service = yield* Jwks.makeCached(fetch, { warmUp: true })
      assert.strictEqual(calls, 1)
      assert.isTrue((yield* service.getKey("K1")) !== undefined)
      assert.strictEqual(calls, 1)
      let failedCalls = 0
      const failingFetch = Effect.suspend(() => {
        failedCalls++
        return Effect.fail(new TransportError({ reason: "Network" }))
      })
      const failing = yield* Effect.exit(Jwks.makeCached(failingFetch, { warmUp: true }))
      assert.isTrue(Exit.isSuccess(failing))
      assert.strictEqual(failedCalls, 1)
    }))
})

describe("Jwks static", () => {
  it.effect("validates with the configured public key and never fetches", () => {
    const ep = endpoint(serve(k1))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const session = yield* descope.validateSession(sign(k2, claims()))
      assert.strictEqual(session.projectId, PROJECT_ID)
      const unknown = yield* Effect.flip(descope.validateSession(sign(k1, claims())))
      assert.strictEqual(unknown._tag, "InvalidSessionError")
      if (unknown._tag === "InvalidSessionError") assert.strictEqual(unknown.reason, "UnknownKey")
      yield* TestClock.adjust("1 hour")
      yield* descope.validateSession(sign(k2, claims({ iat: NOW + 3600, exp: NOW + 4000 })))
      assert.strictEqual((yield* keyFetches).length, 0)
    }).pipe(Effect.provide(client(ep.handler, { publicKey: JSON.stringify(jwks(k2)) })))
  })

  it.effect("a public key without kid or alg fails the layer with a ConfigError", () =>
    Effect.gen(function*() {
      const { alg: _alg, ...noAlg } = k2.publicJwk
      const exit = yield* Effect.exit(
        Effect.provide(DescopeClient, client(() => MockHttpClient.json({}), { publicKey: noAlg }))
      )
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit)) {
        const error = exit.cause._tag === "Fail" ? exit.cause.error : undefined
        assert.isTrue(ConfigError.isConfigError(error))
      }
    }))
})

describe("Jwks test layer", () => {
  it.effect("mints tokens the client accepts, without fetching", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const keys = yield* Jwks.JwksTest
      const token = yield* keys.mint({ claims: { roles: ["admin"] }, expiresIn: "1 minute" })
      const session = yield* descope.validateSession(token)
      assert.deepStrictEqual(session.roles, ["admin"])
      assert.strictEqual(session.expiresAt, NOW + 60)
      yield* TestClock.adjust("66 seconds")
      const expired = yield* Effect.flip(descope.validateSession(token))
      assert.strictEqual(expired._tag, "InvalidSessionError")
      assert.strictEqual((yield* keyFetches).length, 0)
    }).pipe(
      Effect.provide(Descope.layerTestKeys({ projectId: PROJECT_ID }, () => MockHttpClient.json({}), { alg: "RS256" }))
    ))
})
