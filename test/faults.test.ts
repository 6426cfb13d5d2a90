// Faults against the emulator's fault injection, in-process (no socket) under TestClock: 503 bursts
// retried with a jittered exponential backoff then TransportError ServerError; per-attempt and total
// timeouts; dropped connections (GET retried, POST not); a malformed 2xx body; 429 with Retry-After and
// the opt-in `retryOnRateLimit`; a keys endpoint outage during validation; interruption of
// `enchantedLink.waitForSession` and of in-flight calls leaving no request and no fiber behind.
//
// Every request is counted where it arrives, at the emulator's application (`counted` below), with the
// TestClock time it arrived at. The loopback variants (real sockets) are in faults-loopback.test.ts.
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as Supervisor from "effect/Supervisor"
import * as TestClock from "effect/TestClock"
import { retryOnRateLimit, withRequestOptions } from "../src/core/DescopeHttp.js"
import { DescopeClient, type Service as Client } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2FaultsProject0000000000000"
const K = "faults-management-key"
const LOGIN = "fault@example.com"

// ---------------------------------------------------------------------------
// harness
// ---------------------------------------------------------------------------

interface Arrival {
  readonly method: string
  readonly path: string
  /** TestClock time of arrival, ms. */
  readonly at: number
}

/** What reached the emulator. */
class Wire {
  readonly arrivals: Array<Arrival> = []
  inFlight = 0
  count(path: string, method?: string): number {
    return this.arrivals.filter((a) => a.path === path && (method === undefined || a.method === method)).length
  }
  times(path: string): Array<number> {
    return this.arrivals.filter((a) => a.path === path).map((a) => a.at)
  }
}

/** The emulator's application, counting every request and the ones still being handled. */
const counted = (wire: Wire, app: HttpApp.Default): HttpApp.Default =>
  Effect.gen(function*() {
    const req = yield* HttpServerRequest.HttpServerRequest
    const at = yield* Clock.currentTimeMillis
    wire.arrivals.push({ method: req.method, path: new URL(req.url, "http://emulator.local").pathname, at })
    wire.inFlight++
    return yield* Effect.ensuring(app, Effect.sync(() => void wire.inFlight--))
  })

interface Env {
  readonly client: Client
  readonly emulator: Emulator.Service
  readonly wire: Wire
  /** Another client over the same emulator (its own key cache and license memo). */
  readonly newClient: Effect.Effect<Client, never, Scope.Scope>
}

const makeEnv = (options: Emulator.Options = {}): Effect.Effect<Env, never, Scope.Scope> =>
  Effect.gen(function*() {
    const emulator = yield* Emulator.make({ projectId: P, managementKey: K, ...options })
    const wire = new Wire()
    const http = Emulator.makeHttpClient({ ...emulator, app: counted(wire, emulator.app) })
    const newClient = Layer.build(
      Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, http))
      )
    ).pipe(Effect.map(Context.get(DescopeClient)), Effect.orDie)
    const client = yield* newClient
    return { client, emulator, wire, newClient }
  })

/** Runs a test body against a fresh emulator and client. */
const withEnv = <A, E>(body: (env: Env) => Effect.Effect<A, E, Scope.Scope>, options: Emulator.Options = {}) =>
  Effect.scoped(Effect.flatMap(makeEnv(options), body))

/** Advances the TestClock in `step`s until the fiber is done (bounded). */
const runToEnd = <A, E>(fiber: Fiber.Fiber<A, E>, step: Duration.DurationInput = "1 second", max = 1000) =>
  Effect.gen(function*() {
    for (let i = 0; i < max; i++) {
      const done = yield* Fiber.poll(fiber)
      if (Option.isSome(done)) return done.value
      yield* TestClock.adjust(step)
    }
    return yield* Effect.dieMessage("the fiber did not finish")
  })

/** Lets forked fibers run until they block (on the clock or on I/O). */
const settle = Effect.repeatN(Effect.yieldNow(), 50)

/** Lets background work run (real event-loop turns, the clock untouched) until `condition` holds. */
const eventually = (condition: () => boolean) =>
  Effect.gen(function*() {
    for (let i = 0; i < 500 && !condition(); i++) {
      yield* Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))
    }
    assert.isTrue(condition(), "condition never held")
  })

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) return assert.fail("expected a failure, got a success")
  assert.strictEqual(exit.cause._tag, "Fail", `expected one typed failure, got ${Cause.pretty(exit.cause)}`)
  return Option.getOrThrow(Cause.failureOption(exit.cause))
}

/** A test user, created (and the license handshake done) before any fault is injected. */
const seedUser = (client: Client) => client.mgmt.user.createTestUser({ loginId: LOGIN, email: LOGIN })

/** Signs in with an OTP from the outbox; returns the authentication info. */
const otpSignIn = (env: Env, loginId: string) =>
  Effect.gen(function*() {
    yield* env.client.otp.signUpOrIn({ method: "email", loginId })
    const message = Option.getOrThrow(yield* env.emulator.lastMessage(loginId, "otp"))
    return yield* env.client.otp.verifyCode({ method: "email", loginId, code: message.code ?? "" })
  })

const USER_PATH = "/v1/mgmt/user"
const CREATE_PATH = "/v1/mgmt/user/create"
const KEYS_PATH = `/v2/keys/${P}`
const PENDING_PATH = "/v1/auth/enchantedlink/pending-session"

const gaps = (times: ReadonlyArray<number>) => times.slice(1).map((t, i) => t - times[i]!)

// ---------------------------------------------------------------------------
// 503 bursts
// ---------------------------------------------------------------------------

describe("503 bursts", () => {
  it.effect("a short burst is retried with a jittered exponential backoff, then succeeds", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", status: 503, times: 2 })
        const fiber = yield* Effect.fork(env.client.mgmt.user.load(LOGIN))
        const exit = yield* runToEnd(fiber, "10 millis")
        assert.isTrue(Exit.isSuccess(exit))
        assert.strictEqual(env.wire.count(USER_PATH, "GET"), 3)
        // 100 ms then 200 ms, each jittered by 0.8-1.2
        const [first, second] = gaps(env.wire.times(USER_PATH))
        assert.isTrue(first! >= 80 && first! <= 130, `first gap ${first}`)
        assert.isTrue(second! >= 160 && second! <= 250, `second gap ${second}`)
      })
    ))

  it.effect("a longer burst gives TransportError ServerError 503 after 1 + 3 attempts", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", status: 503 })
        const fiber = yield* Effect.fork(env.client.mgmt.user.load(LOGIN))
        const error = failureOf(yield* runToEnd(fiber, "10 millis"))
        assert.strictEqual(error._tag, "TransportError")
        if (error._tag === "TransportError") {
          assert.deepStrictEqual(
            [error.reason, error.status, error.method, error.path],
            ["ServerError", 503, "GET", USER_PATH]
          )
        }
        assert.strictEqual(env.wire.count(USER_PATH, "GET"), 4)
        const [a, b, c] = gaps(env.wire.times(USER_PATH))
        assert.isTrue(a! >= 80 && a! <= 130 && b! >= 160 && b! <= 250 && c! >= 320 && c! <= 490, `gaps ${a} ${b} ${c}`)
        // nothing more is sent afterwards
        yield* TestClock.adjust("10 minutes")
        assert.strictEqual(env.wire.count(USER_PATH, "GET"), 4)
      })
    ))

  it.effect("a 503 on a POST is retried too (Descope did not handle it); retries can be switched off", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: CREATE_PATH, method: "POST", status: 503, times: 1 })
        const fiber = yield* Effect.fork(env.client.mgmt.user.create({ loginId: "burst@example.com" }))
        assert.isTrue(Exit.isSuccess(yield* runToEnd(fiber, "10 millis")))
        assert.strictEqual(env.wire.count(CREATE_PATH), 2)

        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", status: 503, times: 1 })
        const once = yield* Effect.exit(env.client.mgmt.user.load(LOGIN).pipe(withRequestOptions({ retry: false })))
        const error = failureOf(once)
        assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "ServerError")
        assert.strictEqual(env.wire.count(USER_PATH, "GET"), 1)
      })
    ))
})

// ---------------------------------------------------------------------------
// timeouts
// ---------------------------------------------------------------------------

describe("timeouts under TestClock", () => {
  it.effect("latency beyond the attempt timeout -> TransportError Timeout at exactly that timeout", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", latencyMs: 5_000 })
        const fiber = yield* Effect.fork(
          env.client.mgmt.user.load(LOGIN).pipe(withRequestOptions({ timeout: "1 second", retry: false }))
        )
        yield* settle
        assert.strictEqual(env.wire.inFlight, 1)
        yield* TestClock.adjust("999 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const error = failureOf(yield* Fiber.await(fiber))
        assert.strictEqual(error._tag, "TransportError")
        if (error._tag === "TransportError") assert.deepStrictEqual([error.reason, error.path], ["Timeout", USER_PATH])
        // the timed-out request was abandoned at the emulator, not left running
        assert.strictEqual(env.wire.inFlight, 0)
        assert.strictEqual(env.wire.count(USER_PATH), 1)
      })
    ))

  it.effect("a timed-out GET is retried (and then succeeds); a timed-out POST is not", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", latencyMs: 5_000, times: 2 })
        const get = yield* Effect.fork(
          env.client.mgmt.user.load(LOGIN).pipe(withRequestOptions({ timeout: "1 second", totalTimeout: "1 minute" }))
        )
        assert.isTrue(Exit.isSuccess(yield* runToEnd(get, "100 millis")))
        assert.strictEqual(env.wire.count(USER_PATH), 3)

        yield* env.emulator.addFault({ path: CREATE_PATH, method: "POST", latencyMs: 5_000 })
        const post = yield* Effect.fork(
          env.client.mgmt.user.create({ loginId: "slow@example.com" }).pipe(withRequestOptions({ timeout: "1 second" }))
        )
        const error = failureOf(yield* runToEnd(post, "100 millis"))
        assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
        yield* TestClock.adjust("10 minutes")
        assert.strictEqual(env.wire.count(CREATE_PATH), 1)
        assert.strictEqual(env.wire.inFlight, 0)
      })
    ))

  it.effect("an authentication call times out the same way (a POST: one attempt)", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.client.otp.signIn({ method: "email", loginId: LOGIN })
        const code = Option.getOrThrow(yield* env.emulator.lastMessage(LOGIN, "otp")).code ?? ""
        yield* env.emulator.addFault({ path: "/v1/auth/otp/verify/email", latencyMs: 10_000, times: 1 })
        const fiber = yield* Effect.fork(
          env.client.otp.verifyCode({ method: "email", loginId: LOGIN, code }).pipe(
            withRequestOptions({ timeout: "500 millis" })
          )
        )
        yield* TestClock.adjust("499 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const error = failureOf(yield* Fiber.await(fiber))
        assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
        assert.strictEqual(env.wire.inFlight, 0)
        yield* TestClock.adjust("1 minute")
        assert.strictEqual(env.wire.count("/v1/auth/otp/verify/email"), 1)
        // the code was never consumed: it still signs in
        const auth = yield* env.client.otp.verifyCode({ method: "email", loginId: LOGIN, code })
        assert.strictEqual(auth.user?.loginIds?.[0], LOGIN)
      })
    ))

  it.effect("the total timeout bounds the retries", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", latencyMs: 60_000 })
        const start = yield* Clock.currentTimeMillis
        const fiber = yield* Effect.fork(
          env.client.mgmt.user.load(LOGIN).pipe(
            withRequestOptions({ timeout: "1 second", totalTimeout: "2500 millis" })
          )
        )
        yield* TestClock.adjust("2499 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const error = failureOf(yield* Fiber.await(fiber))
        assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
        assert.strictEqual((yield* Clock.currentTimeMillis) - start, 2500)
        assert.strictEqual(env.wire.count(USER_PATH), 3)
        assert.strictEqual(env.wire.inFlight, 0)
      })
    ))

  it.effect("the configured requestTimeout applies without withRequestOptions", () =>
    Effect.scoped(Effect.gen(function*() {
      const emulator = yield* Emulator.make({ projectId: P, managementKey: K })
      const wire = new Wire()
      const http = Emulator.makeHttpClient({ ...emulator, app: counted(wire, emulator.app) })
      const client = yield* Layer.build(
        Descope.layer({
          projectId: P,
          managementKey: K,
          baseUrl: "http://emulator.local",
          requestTimeout: "3 seconds"
        }).pipe(
          Layer.provide(Layer.succeed(HttpClient.HttpClient, http))
        )
      ).pipe(Effect.map(Context.get(DescopeClient)))
      yield* seedUser(client)
      yield* emulator.addFault({ path: CREATE_PATH, method: "POST", latencyMs: 60_000 })
      const fiber = yield* Effect.fork(client.mgmt.user.create({ loginId: "slow@example.com" }))
      yield* TestClock.adjust("2999 millis")
      assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
      yield* TestClock.adjust("1 millis")
      const error = failureOf(yield* Fiber.await(fiber))
      assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
    })))
})

// ---------------------------------------------------------------------------
// dropped connections
// ---------------------------------------------------------------------------

describe("dropped connections", () => {
  it.effect("a dropped GET is retried; dropped every time it is TransportError Network after 4 attempts", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", drop: true, times: 1 })
        const ok = yield* Effect.fork(env.client.mgmt.user.load(LOGIN))
        assert.isTrue(Exit.isSuccess(yield* runToEnd(ok, "10 millis")))
        assert.strictEqual(env.wire.count(USER_PATH), 2)

        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", drop: true })
        const ko = yield* Effect.fork(env.client.mgmt.user.load(LOGIN))
        const error = failureOf(yield* runToEnd(ko, "10 millis"))
        assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Network")
        assert.strictEqual(env.wire.count(USER_PATH), 6)
      })
    ))

  it.effect("a dropped POST is not retried (it may have been handled): TransportError Network, one attempt", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: CREATE_PATH, method: "POST", drop: true, times: 1 })
        const fiber = yield* Effect.fork(env.client.mgmt.user.create({ loginId: "dropped@example.com" }))
        const error = failureOf(yield* runToEnd(fiber, "10 millis"))
        assert.strictEqual(error._tag, "TransportError")
        if (error._tag === "TransportError") {
          assert.deepStrictEqual([error.reason, error.method, error.path], ["Network", "POST", CREATE_PATH])
        }
        yield* TestClock.adjust("1 minute")
        assert.strictEqual(env.wire.count(CREATE_PATH), 1)
        // an OTP start (POST) behaves the same
        yield* env.emulator.addFault({ path: "/v1/auth/otp/signup-in/email", drop: true, times: 1 })
        const otp = failureOf(yield* Effect.exit(env.client.otp.signUpOrIn({ method: "email", loginId: LOGIN })))
        assert.strictEqual(otp._tag === "TransportError" ? otp.reason : otp._tag, "Network")
        assert.strictEqual(env.wire.count("/v1/auth/otp/signup-in/email"), 1)
      })
    ))
})

// ---------------------------------------------------------------------------
// malformed bodies
// ---------------------------------------------------------------------------

describe("malformed JSON on 2xx", () => {
  it.effect("-> TransportError Decode with the status, not retried, on management and auth calls", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", malformed: true, times: 1 })
        const error = failureOf(yield* Effect.exit(env.client.mgmt.user.load(LOGIN)))
        assert.strictEqual(error._tag, "TransportError")
        if (error._tag === "TransportError") {
          assert.deepStrictEqual([error.reason, error.status, error.path], ["Decode", 200, USER_PATH])
          assert.notInclude(error.message, "<html>")
        }
        assert.strictEqual(env.wire.count(USER_PATH), 1)

        yield* env.emulator.addFault({ path: "/v1/auth/otp/verify/email", malformed: true, times: 1 })
        yield* env.client.otp.signIn({ method: "email", loginId: LOGIN })
        const code = Option.getOrThrow(yield* env.emulator.lastMessage(LOGIN, "otp")).code ?? ""
        const verify = failureOf(
          yield* Effect.exit(env.client.otp.verifyCode({ method: "email", loginId: LOGIN, code }))
        )
        assert.strictEqual(verify._tag === "TransportError" ? verify.reason : verify._tag, "Decode")
      })
    ))
})

// ---------------------------------------------------------------------------
// rate limits
// ---------------------------------------------------------------------------

describe("429 with Retry-After", () => {
  it.effect("-> RateLimitError with that duration, not retried by default", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", retryAfter: 7 })
        const error = failureOf(yield* Effect.exit(env.client.mgmt.user.load(LOGIN)))
        assert.strictEqual(error._tag, "RateLimitError")
        if (error._tag === "RateLimitError") assert.isTrue(Duration.equals(error.retryAfter, Duration.seconds(7)))
        assert.strictEqual(env.wire.count(USER_PATH), 1)
      })
    ))

  it.effect("retryOnRateLimit waits exactly Retry-After, then retries", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", retryAfter: 7, times: 2 })
        const fiber = yield* Effect.fork(env.client.mgmt.user.load(LOGIN).pipe(Effect.retry(retryOnRateLimit())))
        yield* settle
        assert.strictEqual(env.wire.count(USER_PATH), 1)
        yield* TestClock.adjust("6999 millis")
        assert.strictEqual(env.wire.count(USER_PATH), 1)
        yield* TestClock.adjust("1 millis")
        assert.strictEqual(env.wire.count(USER_PATH), 2)
        yield* TestClock.adjust("7 seconds")
        const user = yield* Fiber.join(fiber)
        assert.strictEqual(user.loginIds?.[0], LOGIN)
        assert.deepStrictEqual(gaps(env.wire.times(USER_PATH)), [7_000, 7_000])
      })
    ))

  it.effect("retryOnRateLimit gives up at once beyond maxRetryAfter, and after `times` retries", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        const long = yield* env.emulator.addFault({ path: USER_PATH, method: "GET", retryAfter: 120 })
        // completes without any clock advance: no wait at all
        const error = failureOf(
          yield* Effect.exit(
            env.client.mgmt.user.load(LOGIN).pipe(Effect.retry(retryOnRateLimit({ maxRetryAfter: "1 minute" })))
          )
        )
        assert.strictEqual(error._tag, "RateLimitError")
        assert.strictEqual(env.wire.count(USER_PATH), 1)
        yield* env.emulator.removeFault(long)

        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", retryAfter: 2 })
        const fiber = yield* Effect.fork(
          env.client.mgmt.user.load(LOGIN).pipe(Effect.retry(retryOnRateLimit({ times: 2 })))
        )
        const exit = yield* runToEnd(fiber, "500 millis")
        assert.strictEqual(failureOf(exit)._tag, "RateLimitError")
        assert.strictEqual(env.wire.count(USER_PATH), 4)
      })
    ))
})

// ---------------------------------------------------------------------------
// keys endpoint outage
// ---------------------------------------------------------------------------

describe("keys endpoint outage during validation", () => {
  it.effect("cached keys keep working, past their TTL too; no InvalidSessionError", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        const first = yield* otpSignIn(env, "keys@example.com")
        assert.strictEqual(env.wire.count(KEYS_PATH), 1)
        yield* env.emulator.addFault({ path: KEYS_PATH, status: 503 })

        const again = yield* env.client.validateSession(first.sessionToken)
        assert.strictEqual(again.userId, first.session.userId)
        // a token never seen before verifies with the cached keys
        const second = yield* otpSignIn(env, "keys2@example.com")
        assert.strictEqual((yield* env.client.validateSession(second.sessionToken)).userId, second.session.userId)
        assert.strictEqual(env.wire.count(KEYS_PATH), 1)

        // past the keys' TTL (10 minutes): the refresh fails, the held keys are used
        yield* TestClock.adjust("11 minutes")
        const third = yield* otpSignIn(env, "keys3@example.com")
        for (const token of [first.sessionToken, second.sessionToken, third.sessionToken]) {
          const exit = yield* Effect.exit(env.client.validateSession(token))
          assert.isTrue(Exit.isSuccess(exit), String(exit))
        }
        // they answered at once; one background refresh was started, and fails
        yield* eventually(() => env.wire.count(KEYS_PATH) >= 2)
        const refreshes = env.wire.count(KEYS_PATH)
        assert.strictEqual(refreshes, 2, `key fetches ${refreshes}`)
        // within the cooldown, no more fetches
        for (let i = 0; i < 20; i++) yield* env.client.validateSession(third.sessionToken)
        assert.strictEqual(env.wire.count(KEYS_PATH), refreshes)
      }), { sessionTokenTtl: "2 hours" }))

  it.effect("a cold start fails fast as TransportError (503, dropped, slow), never InvalidSessionError", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        const auth = yield* otpSignIn(env, "cold@example.com")
        const token = auth.sessionToken

        // 503: answered at once (no retry, no backoff: the TestClock never moves)
        yield* env.emulator.addFault({ path: KEYS_PATH, status: 503 })
        const cold = yield* env.newClient
        const before = env.wire.count(KEYS_PATH)
        const outage = failureOf(yield* Effect.exit(cold.validateSession(token)))
        assert.strictEqual(outage._tag, "TransportError")
        if (outage._tag === "TransportError") {
          assert.deepStrictEqual([outage.reason, outage.status], ["ServerError", 503])
        }
        assert.strictEqual(env.wire.count(KEYS_PATH), before + 1)
        // the failure is remembered briefly: no request storm
        assert.strictEqual(failureOf(yield* Effect.exit(cold.validateSession(token)))._tag, "TransportError")
        assert.strictEqual(env.wire.count(KEYS_PATH), before + 1)
        yield* env.emulator.clearFaults

        // dropped connection: Network
        yield* env.emulator.addFault({ path: KEYS_PATH, drop: true })
        const dropped = failureOf(yield* Effect.exit(Effect.flatMap(env.newClient, (c) => c.validateSession(token))))
        assert.strictEqual(dropped._tag === "TransportError" ? dropped.reason : dropped._tag, "Network")
        yield* env.emulator.clearFaults

        // slower than the key fetch timeout (5 s): Timeout at 5 s
        yield* env.emulator.addFault({ path: KEYS_PATH, latencyMs: 60_000 })
        const slowClient = yield* env.newClient
        const fiber = yield* Effect.fork(slowClient.validateSession(token))
        yield* TestClock.adjust("4999 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const slow = failureOf(yield* Fiber.await(fiber))
        assert.strictEqual(slow._tag === "TransportError" ? slow.reason : slow._tag, "Timeout")
        yield* env.emulator.clearFaults

        // the outage over, the same token validates
        yield* TestClock.adjust("1 minute")
        assert.strictEqual((yield* slowClient.validateSession(token)).userId, auth.session.userId)
      }), { sessionTokenTtl: "2 hours" }))
})

// ---------------------------------------------------------------------------
// interruption
// ---------------------------------------------------------------------------

/** Forks `self` under a supervisor tracking every fiber it starts (daemons included). */
const forkTracked = <A, E>(self: Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    const supervisor = yield* Supervisor.track
    const fiber = yield* Effect.fork(Effect.supervised(self, supervisor))
    return { fiber, live: Effect.map(supervisor.value, (fibers) => fibers.length) }
  })

describe("interruption leaves no request and no fiber behind", () => {
  it.effect("enchantedLink.waitForSession: polling stops when interrupted", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        const started = yield* env.client.enchantedLink.signUpOrIn({
          loginId: "poll@example.com",
          uri: "http://app/verify"
        })
        const { fiber, live } = yield* forkTracked(env.client.enchantedLink.waitForSession(started.pendingRef))
        yield* TestClock.adjust("3500 millis")
        assert.strictEqual(env.wire.count(PENDING_PATH), 4) // at 0, 1, 2 and 3 s
        yield* Fiber.interrupt(fiber)
        assert.isTrue(Exit.isInterrupted(yield* Fiber.await(fiber)))
        assert.strictEqual((yield* Fiber.status(fiber))._tag, "Done")
        assert.strictEqual(yield* live, 0)
        yield* TestClock.adjust("10 minutes")
        assert.strictEqual(env.wire.count(PENDING_PATH), 4)
        assert.strictEqual(env.wire.inFlight, 0)
      })
    ))

  it.effect("enchantedLink.waitForSession interrupted while a poll is in flight", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        const started = yield* env.client.enchantedLink.signUpOrIn({
          loginId: "poll@example.com",
          uri: "http://app/verify"
        })
        yield* env.emulator.addFault({ path: PENDING_PATH, latencyMs: 30_000 })
        const { fiber, live } = yield* forkTracked(env.client.enchantedLink.waitForSession(started.pendingRef))
        yield* settle
        assert.strictEqual(env.wire.inFlight, 1)
        yield* Fiber.interrupt(fiber)
        assert.strictEqual(env.wire.inFlight, 0)
        assert.strictEqual(yield* live, 0)
        yield* TestClock.adjust("10 minutes")
        assert.strictEqual(env.wire.count(PENDING_PATH), 1)
        assert.strictEqual(env.wire.inFlight, 0)
      })
    ))

  it.effect("an in-flight management call (and its retries) stops when interrupted", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: "/v1/mgmt/tenant/all", latencyMs: 60_000 })
        const { fiber, live } = yield* forkTracked(env.client.mgmt.tenant.loadAll())
        yield* settle
        assert.strictEqual(env.wire.inFlight, 1)
        yield* Fiber.interrupt(fiber)
        assert.strictEqual(env.wire.inFlight, 0)
        assert.strictEqual(yield* live, 0)
        yield* TestClock.adjust("10 minutes")
        assert.strictEqual(env.wire.count("/v1/mgmt/tenant/all"), 1)
      })
    ))

  it.effect("an in-flight user.load (run in the loader's own fiber) stops when its callers are interrupted", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", latencyMs: 60_000 })
        const { fiber, live } = yield* forkTracked(
          Effect.all([env.client.mgmt.user.load(LOGIN), env.client.mgmt.user.load(LOGIN)], { concurrency: "unbounded" })
        )
        yield* settle
        assert.strictEqual(env.wire.inFlight, 1)
        yield* Fiber.interrupt(fiber)
        yield* settle
        assert.strictEqual(env.wire.inFlight, 0)
        assert.strictEqual(yield* live, 0)
        yield* TestClock.adjust("10 minutes")
        assert.strictEqual(env.wire.count(USER_PATH), 1)
        // the loader is not poisoned: the next load goes out and succeeds
        yield* env.emulator.clearFaults
        assert.strictEqual((yield* env.client.mgmt.user.load(LOGIN)).loginIds?.[0], LOGIN)
      })
    ))

  it.effect("a shared key fetch stops when its last waiting caller is interrupted; the next caller starts afresh", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        const auth = yield* otpSignIn(env, "shared@example.com")
        const cold = yield* env.newClient
        yield* env.emulator.addFault({ path: KEYS_PATH, latencyMs: 3_000, times: 1 })
        const keysBefore = env.wire.count(KEYS_PATH)
        const first = yield* forkTracked(cold.validateSession(auth.sessionToken))
        const second = yield* forkTracked(cold.validateSession(auth.sessionToken))
        yield* settle
        assert.strictEqual(env.wire.inFlight, 1)
        assert.strictEqual(env.wire.count(KEYS_PATH), keysBefore + 1) // one fetch shared by both
        yield* Fiber.interrupt(first.fiber)
        assert.strictEqual(env.wire.inFlight, 1) // the other caller still waits
        yield* Fiber.interrupt(second.fiber)
        yield* settle
        assert.strictEqual(env.wire.inFlight, 0) // nothing keeps running for nobody
        assert.strictEqual((yield* first.live) + (yield* second.live), 0)
        // the next validation fetches again (the fault is spent)
        assert.strictEqual((yield* cold.validateSession(auth.sessionToken)).userId, auth.session.userId)
        assert.strictEqual(env.wire.count(KEYS_PATH), keysBefore + 2)
      }), { sessionTokenTtl: "2 hours" }))

  it.effect("the shared license handshake outlives an interrupted caller only up to its own 5 s timeout", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        const cold = yield* env.newClient
        // the license handshake of the first management call, never answering: cut at 5 s
        yield* env.emulator.addFault({ path: "/v1/mgmt/license", latencyMs: 600_000 })
        const call = yield* forkTracked(cold.mgmt.tenant.loadAll())
        yield* settle
        assert.strictEqual(env.wire.inFlight, 1)
        yield* Fiber.interrupt(call.fiber)
        yield* TestClock.adjust("5 seconds")
        assert.strictEqual(env.wire.inFlight, 0)
        assert.strictEqual(yield* call.live, 0)
        yield* TestClock.adjust("10 minutes")
        assert.strictEqual(env.wire.count("/v1/mgmt/license"), 1)
        assert.strictEqual(env.wire.count("/v1/mgmt/tenant/all"), 0)
      }), { sessionTokenTtl: "2 hours" }))

  it.effect("a batched load by user ids stops when every caller is interrupted, not before", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        const a = yield* env.client.mgmt.user.createTestUser({ loginId: "a@example.com" })
        const b = yield* env.client.mgmt.user.createTestUser({ loginId: "b@example.com" })
        yield* env.emulator.addFault({ path: "/v1/mgmt/users/load", latencyMs: 60_000 })
        const first = yield* forkTracked(env.client.mgmt.user.loadByUserId(a.userId))
        const second = yield* forkTracked(env.client.mgmt.user.loadByUserId(b.userId))
        yield* settle
        assert.strictEqual(env.wire.count("/v1/mgmt/users/load"), 1)
        yield* Fiber.interrupt(first.fiber)
        assert.strictEqual(env.wire.inFlight, 1) // the other caller still waits
        yield* Fiber.interrupt(second.fiber)
        yield* settle
        assert.strictEqual(env.wire.inFlight, 0)
        assert.strictEqual((yield* first.live) + (yield* second.live), 0)
        yield* TestClock.adjust("10 minutes")
        assert.strictEqual(env.wire.count("/v1/mgmt/users/load"), 1)
      })
    ))

  it.effect("concurrent loads of one login id share one request", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", latencyMs: 1_000, times: 1 })
        const a = yield* Effect.fork(env.client.mgmt.user.load(LOGIN))
        const b = yield* Effect.fork(env.client.mgmt.user.load(LOGIN))
        yield* settle
        assert.strictEqual(env.wire.inFlight, 1)
        yield* TestClock.adjust("1 second")
        assert.strictEqual((yield* Fiber.join(a)).loginIds?.[0], LOGIN)
        assert.strictEqual((yield* Fiber.join(b)).loginIds?.[0], LOGIN)
        assert.strictEqual(env.wire.count(USER_PATH), 1)
      })
    ))

  it.effect("the caller running a shared load is interrupted: its request stops and a caller still waiting loads afresh", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        yield* env.emulator.addFault({ path: USER_PATH, method: "GET", latencyMs: 1_000, times: 1 })
        const a = yield* forkTracked(env.client.mgmt.user.load(LOGIN))
        const b = yield* Effect.fork(env.client.mgmt.user.load(LOGIN))
        const c = yield* Effect.fork(env.client.mgmt.user.load(LOGIN))
        yield* settle
        assert.strictEqual(env.wire.count(USER_PATH), 1)
        yield* Fiber.interrupt(a.fiber)
        yield* settle
        assert.strictEqual(yield* a.live, 0)
        // the waiting callers share the second request (no latency fault left)
        assert.strictEqual((yield* Fiber.join(b)).loginIds?.[0], LOGIN)
        assert.strictEqual((yield* Fiber.join(c)).loginIds?.[0], LOGIN)
        assert.strictEqual(env.wire.count(USER_PATH), 2)
        assert.strictEqual(env.wire.inFlight, 0)
      })
    ))

  it.effect("an interrupted OTP verification leaves no request and is never sent again", () =>
    withEnv((env) =>
      Effect.gen(function*() {
        yield* seedUser(env.client)
        const otp = yield* env.client.mgmt.user.generateOtpForTestUser({ method: "email", loginId: LOGIN })
        yield* env.emulator.addFault({ path: "/v1/auth/otp/verify/email", latencyMs: 60_000 })
        const { fiber, live } = yield* forkTracked(
          env.client.otp.verifyCode({ method: "email", loginId: LOGIN, code: Redacted.value(otp.code) })
        )
        yield* settle
        assert.strictEqual(env.wire.inFlight, 1)
        yield* Fiber.interrupt(fiber)
        assert.strictEqual(env.wire.inFlight, 0)
        assert.strictEqual(yield* live, 0)
        yield* TestClock.adjust("2 minutes")
        assert.strictEqual(env.wire.count("/v1/auth/otp/verify/email"), 1)
      })
    ))
})
