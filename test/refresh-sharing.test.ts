// One refresh per refresh token (issue 13 item 4): concurrent refreshes of one token share one request, and
// its success is reused for a short grace window (never past the new session's exp); failures are not kept;
// logout drops the entry; one caller's timeout never fails another. Counts of wire requests, TestClock.
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { withRequestOptions } from "../src/core/DescopeHttp.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { claims, jwks, makeKey, NOW, PROJECT_ID, sign } from "./support/sessions.js"

const KEYS_PATH = `/v2/keys/${PROJECT_ID}`
const es = makeKey("ES256", "K-SHARE")

const REFRESH = sign(es, claims({ drn: "DSR", exp: NOW + 86_400 }))
const OTHER_REFRESH = sign(es, claims({ drn: "DSR", exp: NOW + 86_400, sub: "U-other" }))
const NEW_SESSION = sign(es, claims({ n: "new" }))

interface Wire {
  /** When set, refresh answers wait for it. */
  gate: Deferred.Deferred<void> | undefined
  /** The refresh answers, in order (the last one repeats). */
  answers: Array<() => Response>
  refreshes: number
  logouts: number
}

const makeWire = (): Wire => ({
  gate: undefined,
  answers: [() => MockHttpClient.json({ sessionJwt: NEW_SESSION })],
  refreshes: 0,
  logouts: 0
})

const layer = (wire: Wire, refreshGrace?: Duration.DurationInput) =>
  Descope.layerTest({ projectId: PROJECT_ID, baseUrl: "https://api.descope.test", refreshGrace }, (request) => {
    if (request.path === KEYS_PATH) return MockHttpClient.json(jwks(es))
    if (request.path === "/v1/auth/logout") {
      wire.logouts++
      return MockHttpClient.json({})
    }
    if (request.path === "/v1/auth/refresh") {
      const answer = wire.answers[Math.min(wire.refreshes, wire.answers.length - 1)]!
      wire.refreshes++
      return wire.gate === undefined ? answer() : Effect.map(Deferred.await(wire.gate), answer)
    }
    return MockHttpClient.json({ errorCode: "E011003" }, { status: 400 })
  })

const atNow = TestClock.setTime(NOW * 1000)

/** Lets forked fibers run until they wait (no time passes under TestClock). */
const settle = Effect.forEach(Array.from({ length: 50 }), () => Effect.yieldNow(), { discard: true })

describe("one refresh per refresh token", () => {
  it.effect("100 concurrent refreshSession calls with one token: 1 request on the wire", () => {
    const wire = makeWire()
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      wire.gate = yield* Deferred.make<void>()
      const fibers = yield* Effect.forEach(
        Array.from({ length: 100 }),
        () => Effect.fork(descope.refreshSession(REFRESH))
      )
      yield* settle
      yield* Deferred.succeed(wire.gate, undefined)
      const infos = yield* Fiber.joinAll(fibers)
      assert.strictEqual(infos.length, 100)
      assert.isTrue(infos.every((i) => Redacted.value(i.sessionToken) === NEW_SESSION))
      assert.strictEqual(wire.refreshes, 1)
    }).pipe(Effect.provide(layer(wire)))
  })

  it.effect("100 concurrent validateAndRefreshSession calls with an expired session: 1 request", () => {
    const wire = makeWire()
    const expired = sign(es, claims({ exp: NOW - 10 }))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      wire.gate = yield* Deferred.make<void>()
      const fibers = yield* Effect.forEach(
        Array.from({ length: 100 }),
        () => Effect.fork(descope.validateAndRefreshSession(expired, REFRESH))
      )
      yield* settle
      yield* Deferred.succeed(wire.gate, undefined)
      const results = yield* Fiber.joinAll(fibers)
      assert.isTrue(results.every((r) => r.refreshed !== undefined && r.session.claims["n"] === "new"))
      assert.strictEqual(wire.refreshes, 1)
    }).pipe(Effect.provide(layer(wire)))
  })

  it.effect("50 calls 5 ms apart: 1 request; after the grace window the token is refreshed again", () => {
    const wire = makeWire()
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      for (let i = 0; i < 50; i++) {
        const info = yield* descope.refreshSession(REFRESH)
        assert.strictEqual(Redacted.value(info.sessionToken), NEW_SESSION)
        yield* TestClock.adjust("5 millis")
      }
      assert.strictEqual(wire.refreshes, 1)
      yield* TestClock.adjust("10 seconds")
      yield* descope.refreshSession(REFRESH)
      assert.strictEqual(wire.refreshes, 2)
      // another token never shares
      yield* descope.refreshSession(OTHER_REFRESH)
      assert.strictEqual(wire.refreshes, 3)
    }).pipe(Effect.provide(layer(wire)))
  })

  it.effect("the client's refreshGrace sets the window: 0 shares only refreshes in flight, 30 s keeps the outcome", () => {
    const wire = makeWire()
    const lasting = makeWire()
    return Effect.gen(function*() {
      yield* atNow
      const none = Context.get(yield* Layer.build(layer(wire, "0 millis")), DescopeClient)
      yield* none.refreshSession(REFRESH)
      yield* TestClock.adjust("1 millis")
      yield* none.refreshSession(REFRESH)
      assert.strictEqual(wire.refreshes, 2)
      const long = Context.get(yield* Layer.build(layer(lasting, "30 seconds")), DescopeClient)
      yield* long.refreshSession(REFRESH)
      yield* TestClock.adjust("20 seconds")
      yield* long.refreshSession(REFRESH)
      assert.strictEqual(lasting.refreshes, 1)
    }).pipe(Effect.scoped)
  })

  it.effect("the outcome is never reused past the new session's exp", () => {
    const wire = makeWire()
    const shortLived = sign(es, claims({ n: "short", exp: NOW + 2 }))
    wire.answers = [() => MockHttpClient.json({ sessionJwt: shortLived })]
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      yield* descope.refreshSession(REFRESH)
      yield* TestClock.adjust("1 second")
      yield* descope.refreshSession(REFRESH)
      assert.strictEqual(wire.refreshes, 1)
      yield* TestClock.adjust("1500 millis")
      // the kept session expired: a new refresh is sent (its answer's expired session is refused)
      yield* Effect.either(descope.refreshSession(REFRESH))
      assert.strictEqual(wire.refreshes, 2)
    }).pipe(Effect.provide(layer(wire)))
  })

  it.effect("a failed refresh is not kept", () => {
    const wire = makeWire()
    wire.answers = [
      () => MockHttpClient.json({ errorCode: "E061301", errorDescription: "refused" }, { status: 401 }),
      () => MockHttpClient.json({ sessionJwt: NEW_SESSION })
    ]
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const failed = yield* Effect.flip(descope.refreshSession(REFRESH))
      assert.strictEqual(failed._tag, "AuthError")
      const info = yield* descope.refreshSession(REFRESH)
      assert.strictEqual(Redacted.value(info.sessionToken), NEW_SESSION)
      assert.strictEqual(wire.refreshes, 2)
    }).pipe(Effect.provide(layer(wire)))
  })

  it.effect("logout of the token through the same client drops the kept outcome", () => {
    const wire = makeWire()
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      yield* descope.refreshSession(REFRESH)
      yield* descope.refreshSession(REFRESH)
      assert.strictEqual(wire.refreshes, 1)
      yield* descope.logout(REFRESH)
      assert.strictEqual(wire.logouts, 1)
      yield* descope.refreshSession(REFRESH)
      assert.strictEqual(wire.refreshes, 2)
    }).pipe(Effect.provide(layer(wire)))
  })

  it.effect("one caller's timeout bounds only its own wait", () => {
    const wire = makeWire()
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      wire.gate = yield* Deferred.make<void>()
      const hurried = yield* Effect.fork(
        descope.refreshSession(REFRESH).pipe(withRequestOptions({ timeout: "20 millis", retry: false }))
      )
      yield* settle
      const patient = yield* Effect.fork(descope.refreshSession(REFRESH))
      yield* settle
      yield* TestClock.adjust("100 millis")
      const failed = yield* Effect.flip(Fiber.join(hurried))
      assert.strictEqual(failed._tag === "TransportError" ? failed.reason : failed._tag, "Timeout")
      yield* Deferred.succeed(wire.gate, undefined)
      const info = yield* Fiber.join(patient)
      assert.strictEqual(Redacted.value(info.sessionToken), NEW_SESSION)
      assert.strictEqual(wire.refreshes, 1)
    }).pipe(Effect.provide(layer(wire)))
  })
})
