// The opt-in retryOnRateLimit schedule: it waits exactly the RateLimitError's retryAfter, is bounded by
// times (default 3) and maxRetryAfter (default 60 s), and never retries another error; the transport
// itself never retries a 429.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { AuthError, RateLimitError, TransportError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

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
