import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import {
  AuthError,
  DEFAULT_RETRY_AFTER,
  ErrorCodes,
  ForbiddenError,
  InvalidArgumentError,
  InvalidSessionError,
  isDescopeError,
  MAX_RETRY_AFTER,
  parseRetryAfter,
  RateLimitError,
  TransportError
} from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

const NOW = 1_700_000_000_000 // 2023-11-14T22:13:20Z

const millis = (d: Duration.Duration) => Duration.toMillis(d)

describe("parseRetryAfter", () => {
  it("delta seconds", () => {
    assert.strictEqual(millis(parseRetryAfter("7", NOW)), 7000)
    assert.strictEqual(millis(parseRetryAfter("0", NOW)), 0)
    assert.strictEqual(millis(parseRetryAfter(" 12 ", NOW)), 12000)
  })

  it("decimal seconds", () => {
    assert.strictEqual(millis(parseRetryAfter("1.5", NOW)), 1500)
    assert.strictEqual(millis(parseRetryAfter("0.25", NOW)), 250)
  })

  it("an HTTP-date in the future is the time until it", () => {
    // 2023-11-14T22:14:00Z is 40 s after NOW
    assert.strictEqual(millis(parseRetryAfter("Tue, 14 Nov 2023 22:14:00 GMT", NOW)), 40000)
  })

  it("the obsolete RFC 850 and asctime forms are GMT too", () => {
    assert.strictEqual(millis(parseRetryAfter("Tuesday, 14-Nov-23 22:14:00 GMT", NOW)), 40000)
    assert.strictEqual(millis(parseRetryAfter("Tue Nov 14 22:14:00 2023", NOW)), 40000)
  })

  it("an HTTP-date in the past is zero", () => {
    assert.strictEqual(millis(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", NOW)), 0)
  })

  it("absent, empty or garbage gives the default of 1 second", () => {
    assert.strictEqual(millis(DEFAULT_RETRY_AFTER), 1000)
    for (const header of [undefined, "", "   ", "soon", "7 seconds", "5s", "1e3", "foo 7", "soon 12", "0x10", "NaN"]) {
      assert.strictEqual(millis(parseRetryAfter(header, NOW)), 1000, `header ${String(header)}`)
    }
  })

  it("a negative value gives the default", () => {
    assert.strictEqual(millis(parseRetryAfter("-5", NOW)), 1000)
    assert.strictEqual(millis(parseRetryAfter("-1", NOW)), 1000)
    assert.strictEqual(millis(parseRetryAfter("+5", NOW)), 1000)
  })

  it("the fallback can be chosen", () => {
    assert.strictEqual(millis(parseRetryAfter("garbage", NOW, Duration.seconds(3))), 3000)
    assert.strictEqual(millis(parseRetryAfter(undefined, NOW, Duration.seconds(3))), 3000)
  })

  it("a huge value is clamped to 24 hours", () => {
    assert.strictEqual(millis(MAX_RETRY_AFTER), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("86401", NOW)), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("99999999999999", NOW)), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("9".repeat(400), NOW)), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("Fri, 01 Jan 2100 00:00:00 GMT", NOW)), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("86400", NOW)), 86_400_000)
  })
})

describe("error classes", () => {
  it("AuthError helpers recognise the well-known codes", () => {
    const of = (errorCode: string) => new AuthError({ status: 401, errorCode })
    assert.isTrue(of("E061102").isWrongOtpCode)
    assert.isTrue(of("E061103").isTooManyOtpAttempts)
    assert.isTrue(of("E062503").isEnchantedLinkPending)
    assert.isTrue(of("E062108").isUserNotFound)
    assert.isTrue(of("E112102").isUserNotFound)
    assert.isTrue(of("E062107").isUserAlreadyExists)
    assert.isTrue(of("E062909").isPasswordExpired)
    const other = of("E011003")
    assert.isFalse(other.isWrongOtpCode)
    assert.isFalse(other.isTooManyOtpAttempts)
    assert.isFalse(other.isEnchantedLinkPending)
    assert.isFalse(other.isUserNotFound)
    assert.isFalse(other.isUserAlreadyExists)
    assert.isFalse(other.isPasswordExpired)
    assert.isFalse(new AuthError({ status: 401 }).isWrongOtpCode)
  })

  it("ErrorCodes are the catalogue's literals", () => {
    assert.strictEqual(ErrorCodes.WrongOtpCode, "E061102")
    assert.strictEqual(ErrorCodes.TooManyOtpAttempts, "E061103")
    assert.strictEqual(ErrorCodes.UserNotFound, "E062108")
    assert.strictEqual(ErrorCodes.EnchantedLinkPending, "E062503")
    assert.strictEqual(ErrorCodes.ManagementUserNotFound, "E112102")
    assert.strictEqual(ErrorCodes.RateLimitExceeded, "E130429")
  })

  it("messages are readable", () => {
    assert.strictEqual(
      new AuthError({ status: 404, errorCode: "E062108", errorDescription: "User not found" }).message,
      "Descope answered 404 E062108: User not found"
    )
    assert.strictEqual(
      new RateLimitError({ retryAfter: Duration.seconds(90) }).message,
      "Descope rate limit exceeded: retry after 1m 30s"
    )
    assert.strictEqual(
      new TransportError({ reason: "Timeout", method: "POST", path: "/v1/x", description: "no answer within 1m" })
        .message,
      "Descope transport error Timeout (POST /v1/x): no answer within 1m"
    )
    assert.strictEqual(
      new InvalidArgumentError({ field: "loginId", reason: "must not be empty" }).message,
      "Invalid argument loginId: must not be empty"
    )
    assert.strictEqual(new InvalidSessionError({ reason: "Expired" }).message, "Invalid session: Expired")
    assert.strictEqual(
      new ForbiddenError({ tenantId: "T1", missingRoles: ["admin"], missingPermissions: ["read"] }).message,
      "Forbidden: missing roles [admin] and permissions [read] in tenant T1"
    )
    assert.strictEqual(
      new ForbiddenError({ tenantId: "T9", missingRoles: [], missingPermissions: [] }).message,
      "Forbidden: the session is not associated with tenant T9"
    )
  })

  it("isDescopeError", () => {
    assert.isTrue(isDescopeError(new AuthError({ status: 401 })))
    assert.isTrue(isDescopeError(new TransportError({ reason: "Network" })))
    assert.isTrue(isDescopeError(new InvalidArgumentError({ field: "x", reason: "y" })))
    assert.isFalse(isDescopeError(new Error("x")))
    assert.isFalse(isDescopeError({ _tag: "AuthError" }))
    assert.isFalse(isDescopeError(undefined))
  })

  it("RateLimitError has status 429", () => {
    assert.strictEqual(new RateLimitError({ retryAfter: Duration.seconds(1) }).status, 429)
  })
})

describe("retryOnRateLimit", () => {
  const Ok = Schema.Struct({ ok: Schema.Boolean })

  /** A transport whose answers follow `answers` (the last one repeats). */
  const scripted = <A, E>(
    answers: ReadonlyArray<() => Response>,
    f: (call: Effect.Effect<{ readonly ok: boolean }, unknown>, count: Effect.Effect<number>) => Effect.Effect<A, E>
  ) => {
    let n = 0
    const layer = DescopeHttp.layer.pipe(
      Layer.provide(DescopeConfig.layer({ projectId: "P123" })),
      Layer.provideMerge(MockHttpClient.layer(() => {
        const answer = answers[Math.min(n, answers.length - 1)]
        n++
        if (answer === undefined) throw new Error("no answer")
        return answer()
      }))
    )
    return Effect.gen(function*() {
      const http = yield* DescopeHttp.DescopeHttp
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const call = http.request({
        method: "POST",
        path: "/v1/mgmt/tenant/create",
        body: { name: "t" },
        operation: "mgmt.tenant.create",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      })
      return yield* f(call, Effect.map(recorder.requests, (r) => r.length))
    }).pipe(Effect.provide(layer))
  }

  const limited = (seconds: string) => () =>
    MockHttpClient.json({ errorCode: "E130429" }, { status: 429, headers: { "retry-after": seconds } })
  const fine = () => MockHttpClient.json({ ok: true })

  it.effect("waits exactly retryAfter: not retried at retryAfter - 1 s, retried at retryAfter", () =>
    scripted([limited("5"), fine], (call, count) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(Effect.retry(call, DescopeHttp.retryOnRateLimit()))
        yield* TestClock.adjust("4 seconds")
        assert.strictEqual(yield* count, 1)
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("999 millis")
        assert.strictEqual(yield* count, 1)
        yield* TestClock.adjust("1 millis")
        assert.strictEqual(yield* count, 2)
        assert.deepStrictEqual(yield* Fiber.join(fiber), { ok: true })
      })))

  it.effect("is bounded by times", () =>
    scripted([limited("1")], (call, count) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(Effect.flip(Effect.retry(call, DescopeHttp.retryOnRateLimit({ times: 2 }))))
        yield* TestClock.adjust("1 minute")
        const error = yield* Fiber.join(fiber)
        assert.instanceOf(error, RateLimitError)
        assert.strictEqual(yield* count, 3)
      })))

  it.effect("defaults to 3 retries", () =>
    scripted([limited("1")], (call, count) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(Effect.flip(Effect.retry(call, DescopeHttp.retryOnRateLimit())))
        yield* TestClock.adjust("1 minute")
        assert.instanceOf(yield* Fiber.join(fiber), RateLimitError)
        assert.strictEqual(yield* count, 4)
      })))

  it.effect("gives up at once when retryAfter exceeds maxRetryAfter (default 60 s)", () =>
    scripted([limited("61"), fine], (call, count) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(Effect.flip(Effect.retry(call, DescopeHttp.retryOnRateLimit())))
        yield* TestClock.adjust("10 minutes")
        const error = yield* Fiber.join(fiber)
        assert.instanceOf(error, RateLimitError)
        assert.strictEqual(yield* count, 1)
      })))

  it.effect("maxRetryAfter can be raised", () =>
    scripted([limited("61"), fine], (call, count) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(
          Effect.retry(call, DescopeHttp.retryOnRateLimit({ maxRetryAfter: "2 minutes" }))
        )
        yield* TestClock.adjust("61 seconds")
        assert.deepStrictEqual(yield* Fiber.join(fiber), { ok: true })
        assert.strictEqual(yield* count, 2)
      })))

  it.effect("never retries other errors", () =>
    scripted(
      [() => MockHttpClient.json({ errorCode: "E061102" }, { status: 401 }), fine],
      (call, count) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(Effect.flip(Effect.retry(call, DescopeHttp.retryOnRateLimit())))
          yield* TestClock.adjust("10 minutes")
          const error = yield* Fiber.join(fiber)
          assert.instanceOf(error, AuthError)
          assert.strictEqual(yield* count, 1)
        })
    ))

  it.effect("never retries a TransportError (500)", () =>
    scripted([() => MockHttpClient.json({}, { status: 500 }), fine], (call, count) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(Effect.flip(Effect.retry(call, DescopeHttp.retryOnRateLimit())))
        yield* TestClock.adjust("10 minutes")
        assert.instanceOf(yield* Fiber.join(fiber), TransportError)
        assert.strictEqual(yield* count, 1)
      })))

  it.effect("a 429 is not retried by the transport itself", () =>
    scripted([limited("1"), fine], (call, count) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(Effect.flip(call))
        yield* TestClock.adjust("10 minutes")
        assert.instanceOf(yield* Fiber.join(fiber), RateLimitError)
        assert.strictEqual(yield* count, 1)
      })))
})
