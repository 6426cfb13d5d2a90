// How the transport maps, retries and bounds failures: Descope's error bodies as AuthError / RateLimitError
// (Retry-After relative to the Clock), which statuses and network failures are retried and how long it waits,
// per-attempt and total timeouts, withRequestOptions for one call, and interruption reaching the request.
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import { AuthError, RateLimitError, TransportError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { Ok, withTransport } from "./support/transport.js"

describe("DescopeHttp error mapping", () => {
  const call = (http: DescopeHttp.Service, method: DescopeHttp.Method = "POST") =>
    Effect.flip(
      http.request({
        method,
        path: "/v1/auth/otp/verify/email",
        ...(method === "POST" ? { body: { loginId: "a@b.c", code: "123456" } } : {}),
        operation: "otp.verify",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      })
    )

  it.effect("401 body -> AuthError with status, code, description, message and request id", () =>
    withTransport(
      { projectId: "P123" },
      () =>
        MockHttpClient.json(
          { errorCode: "E061102", errorDescription: "Wrong code", errorMessage: "The code is not valid" },
          { status: 401, headers: { "x-request-id": "req-42" } }
        ),
      (http, recorder) =>
        Effect.gen(function*() {
          const error = yield* call(http)
          assert.instanceOf(error, AuthError)
          if (!(error instanceof AuthError)) return
          assert.strictEqual(error._tag, "AuthError")
          assert.strictEqual(error.status, 401)
          assert.strictEqual(error.errorCode, "E061102")
          assert.strictEqual(error.errorDescription, "Wrong code")
          assert.strictEqual(error.errorMessage, "The code is not valid")
          assert.strictEqual(error.requestId, "req-42")
          assert.isTrue(error.isWrongOtpCode)
          assert.isFalse(error.isUserNotFound)
          assert.strictEqual(error.message, "Descope answered 401 E061102: Wrong code: The code is not valid")
          assert.strictEqual((yield* recorder.requests).length, 1)
        })
    ))

  it.effect("400 with a non-JSON body -> AuthError with status only", () =>
    withTransport(
      { projectId: "P123" },
      () => new Response("Bad Request", { status: 400 }),
      (http) =>
        Effect.gen(function*() {
          const error = yield* call(http)
          assert.instanceOf(error, AuthError)
          if (!(error instanceof AuthError)) return
          assert.strictEqual(error.status, 400)
          assert.strictEqual(error.errorCode, undefined)
          assert.strictEqual(error.requestId, undefined)
          assert.strictEqual(error.message, "Descope answered 400")
        })
    ))

  it.effect("403 and 404 are AuthErrors, not retried", () =>
    Effect.gen(function*() {
      for (const status of [403, 404]) {
        yield* withTransport(
          { projectId: "P123" },
          () => MockHttpClient.json({ errorCode: "E062108", errorDescription: "User not found" }, { status }),
          (http, recorder) =>
            Effect.gen(function*() {
              const error = yield* call(http, "GET")
              assert.instanceOf(error, AuthError)
              if (!(error instanceof AuthError)) return
              assert.strictEqual(error.status, status)
              assert.isTrue(error.isUserNotFound)
              assert.strictEqual((yield* recorder.requests).length, 1)
            })
        )
      }
    }))

  it.effect("429 with Retry-After: 7 -> RateLimitError of exactly 7 seconds, not retried", () =>
    withTransport(
      { projectId: "P123" },
      () =>
        MockHttpClient.json(
          {
            errorCode: "E130429",
            errorDescription: "https://docs.descope.com/rate-limit",
            errorMessage: "API rate limit exceeded."
          },
          { status: 429, headers: { "retry-after": "7", "x-request-id": "req-429" } }
        ),
      (http, recorder) =>
        Effect.gen(function*() {
          const error = yield* call(http, "GET")
          assert.instanceOf(error, RateLimitError)
          if (!(error instanceof RateLimitError)) return
          assert.strictEqual(error._tag, "RateLimitError")
          assert.strictEqual(Duration.toMillis(error.retryAfter), 7000)
          assert.isTrue(Duration.equals(error.retryAfter, Duration.seconds(7)))
          assert.strictEqual(error.status, 429)
          assert.strictEqual(error.errorCode, "E130429")
          assert.strictEqual(error.errorDescription, "https://docs.descope.com/rate-limit")
          assert.strictEqual(error.errorMessage, "API rate limit exceeded.")
          assert.strictEqual(error.requestId, "req-429")
          assert.strictEqual(error.message, "Descope rate limit exceeded: retry after 7s")
          assert.strictEqual((yield* recorder.requests).length, 1)
        })
    ))

  it.effect("429 with an HTTP-date Retry-After is relative to the Clock", () =>
    withTransport(
      { projectId: "P123" },
      () =>
        MockHttpClient.json({ errorCode: "E130429" }, {
          status: 429,
          headers: { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }
        }),
      (http) =>
        Effect.gen(function*() {
          // 2015-10-21T07:27:30Z, 30 s before the date of the header
          yield* TestClock.setTime(1445412450000)
          const error = yield* call(http)
          assert.instanceOf(error, RateLimitError)
          if (!(error instanceof RateLimitError)) return
          assert.strictEqual(Duration.toMillis(error.retryAfter), 30000)
        })
    ))

  it.effect("429 with absent or garbled Retry-After -> the documented default of 1 second", () =>
    Effect.gen(function*() {
      for (const headers of [{}, { "retry-after": "soon" }, { "retry-after": "-5" }] as Array<Record<string, string>>) {
        const error = yield* withTransport(
          { projectId: "P123" },
          () => MockHttpClient.json({}, { status: 429, headers }),
          (http) => call(http)
        )
        assert.instanceOf(error, RateLimitError)
        if (!(error instanceof RateLimitError)) return
        assert.strictEqual(Duration.toMillis(error.retryAfter), 1000)
      }
    }))

  it.effect("503 is retried (3 retries), then TransportError ServerError", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({ errorCode: "E999999" }, { status: 503 }),
      (http, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(call(http))
          yield* TestClock.adjust("10 seconds")
          const error = yield* Fiber.join(fiber)
          assert.instanceOf(error, TransportError)
          if (!(error instanceof TransportError)) return
          assert.strictEqual(error.reason, "ServerError")
          assert.strictEqual(error.status, 503)
          assert.strictEqual(error.errorCode, "E999999")
          assert.strictEqual(error.method, "POST")
          assert.strictEqual(error.path, "/v1/auth/otp/verify/email")
          assert.strictEqual((yield* recorder.requests).length, 4)
        })
    ))

  it.effect("503 then 200 succeeds on the retry", () =>
    Effect.gen(function*() {
      let n = 0
      yield* withTransport(
        { projectId: "P123" },
        () => (++n === 1 ? MockHttpClient.json({}, { status: 503 }) : MockHttpClient.json({ ok: true })),
        (http, recorder) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(
              http.request({
                method: "POST",
                path: "/v1/x",
                body: {},
                operation: "x",
                schema: Ok,
                credential: DescopeHttp.projectCredential
              })
            )
            yield* TestClock.adjust("1 second")
            assert.deepStrictEqual(yield* Fiber.join(fiber), { ok: true })
            assert.strictEqual((yield* recorder.requests).length, 2)
          })
      )
    }))

  it.effect("the first retry waits about 100 ms (jittered), not longer", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({}, { status: 503 }),
      (http, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(call(http))
          yield* TestClock.adjust("79 millis")
          assert.strictEqual((yield* recorder.requests).length, 1)
          yield* TestClock.adjust("42 millis")
          assert.strictEqual((yield* recorder.requests).length, 2)
          yield* TestClock.adjust("10 seconds")
          yield* Fiber.join(fiber)
        })
    ))

  it.effect("500, 502 and 504 are not retried", () =>
    Effect.gen(function*() {
      for (const status of [500, 502, 504]) {
        yield* withTransport({ projectId: "P123" }, () =>
          MockHttpClient.json({}, { status }), (http, recorder) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(call(http, "GET"))
            yield* TestClock.adjust("10 seconds")
            const error = yield* Fiber.join(fiber)
            assert.instanceOf(error, TransportError)
            if (!(error instanceof TransportError)) {
              return
            }
            assert.strictEqual(error.reason, "ServerError")
            assert.strictEqual(error.status, status)
            assert.strictEqual((yield* recorder.requests).length, 1)
          }))
      }
    }))

  it.effect("520, 521, 522, 524 and 530 are retried", () =>
    Effect.gen(function*() {
      for (const status of [520, 521, 522, 524, 530]) {
        yield* withTransport({ projectId: "P123" }, () =>
          new Response("", { status }), (http, recorder) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(call(http))
            yield* TestClock.adjust("10 seconds")
            const error = yield* Fiber.join(fiber)
            assert.instanceOf(error, TransportError)
            if (!(error instanceof TransportError)) {
              return
            }
            assert.strictEqual(error.reason, "ServerError")
            assert.strictEqual(error.status, status)
            assert.strictEqual((yield* recorder.requests).length, 4, `status ${status}`)
          }))
      }
    }))

  it.effect("a refused connection is retried, even for a POST, then TransportError Network", () =>
    withTransport({ projectId: "P123" }, () => "network-error", (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(call(http, "POST"))
        yield* TestClock.adjust("10 seconds")
        const error = yield* Fiber.join(fiber)
        assert.instanceOf(error, TransportError)
        if (!(error instanceof TransportError)) return
        assert.strictEqual(error.reason, "Network")
        assert.strictEqual(error.description, "connection refused by api.descope.com")
        assert.include(error.message, "api.descope.com")
        assert.isTrue(error.isRetryable)
        assert.strictEqual(error.status, undefined)
        assert.strictEqual((yield* recorder.requests).length, 4)
      })))

  it.effect("a POST that times out is NOT retried", () =>
    withTransport({ projectId: "P123" }, () => Effect.never, (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(call(http, "POST"))
        yield* TestClock.adjust("59 seconds")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 second")
        const error = yield* Fiber.join(fiber)
        assert.instanceOf(error, TransportError)
        if (!(error instanceof TransportError)) return
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.description, "no answer within 1m")
        yield* TestClock.adjust("5 minutes")
        assert.strictEqual((yield* recorder.requests).length, 1)
      })))

  it.effect("a GET that times out is retried, and the total timeout (2x the attempt) bounds it", () =>
    withTransport({ projectId: "P123" }, () => Effect.never, (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(call(http, "GET"))
        yield* TestClock.adjust("60 seconds")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 second")
        assert.strictEqual((yield* recorder.requests).length, 2)
        yield* TestClock.adjust("58 seconds")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 second")
        const error = yield* Fiber.join(fiber)
        assert.instanceOf(error, TransportError)
        if (!(error instanceof TransportError)) return
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.description, "no answer within 2m")
        assert.strictEqual((yield* recorder.requests).length, 2)
      })))

  it.effect("the per-attempt timeout comes from the config", () =>
    withTransport(
      { projectId: "P123", requestTimeout: "5 seconds" },
      () => Effect.never,
      (http) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(call(http, "POST"))
          yield* TestClock.adjust("4999 millis")
          assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
          yield* TestClock.adjust("1 millis")
          const error = yield* Fiber.join(fiber)
          assert.strictEqual(error._tag, "TransportError")
          if (error._tag !== "TransportError") return
          assert.strictEqual(error.reason, "Timeout")
        })
    ))

  it.effect("withRequestOptions({ timeout, retry: false }) overrides one call", () =>
    withTransport({ projectId: "P123" }, () => Effect.never, (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(
          call(http, "GET").pipe(
            DescopeHttp.withRequestOptions({ timeout: "2 seconds", retry: false })
          )
        )
        yield* TestClock.adjust("1999 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const error = yield* Fiber.join(fiber)
        assert.strictEqual(error._tag, "TransportError")
        if (error._tag !== "TransportError") return
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.description, "no answer within 2s")
        yield* TestClock.adjust("1 minute")
        assert.strictEqual((yield* recorder.requests).length, 1)
      })))

  it.effect("withRequestOptions({ retry: false }) (data-first) stops the 503 retries", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({}, { status: 503 }),
      (http, recorder) =>
        Effect.gen(function*() {
          const error = yield* DescopeHttp.withRequestOptions(call(http), { retry: false })
          assert.strictEqual(error._tag, "TransportError")
          assert.strictEqual((yield* recorder.requests).length, 1)
        })
    ))

  it.effect("withRequestOptions({ totalTimeout }) bounds the retries of timed-out GETs", () =>
    withTransport({ projectId: "P123" }, () => Effect.never, (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(
          call(http, "GET").pipe(
            DescopeHttp.withRequestOptions({ timeout: "1 second", totalTimeout: "3 seconds" })
          )
        )
        yield* TestClock.adjust("2999 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const error = yield* Fiber.join(fiber)
        assert.strictEqual(error._tag, "TransportError")
        if (error._tag !== "TransportError") return
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.description, "no answer within 3s")
        assert.strictEqual((yield* recorder.requests).length, 3)
      })))

  it.effect("a timed-out attempt interrupts its HTTP request", () =>
    Effect.gen(function*() {
      const interrupted = yield* Deferred.make<void>()
      yield* withTransport(
        { projectId: "P123", requestTimeout: "1 second" },
        () => Effect.never.pipe(Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined))),
        (http) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(call(http, "POST"))
            yield* TestClock.adjust("1 second")
            const error = yield* Fiber.join(fiber)
            assert.strictEqual(error._tag, "TransportError")
            assert.isTrue(yield* Deferred.isDone(interrupted))
          })
      )
    }))

  it.effect("interrupting the fiber interrupts the HTTP request", () =>
    Effect.gen(function*() {
      const started = yield* Deferred.make<void>()
      const interrupted = yield* Deferred.make<void>()
      yield* withTransport(
        { projectId: "P123" },
        () =>
          Deferred.succeed(started, undefined).pipe(
            Effect.zipRight(Effect.never),
            Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined))
          ),
        (http) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(call(http, "POST"))
            yield* Deferred.await(started)
            assert.isFalse(yield* Deferred.isDone(interrupted))
            const exit = yield* Fiber.interrupt(fiber)
            assert.isTrue(Exit.isInterrupted(exit))
            assert.isTrue(yield* Deferred.isDone(interrupted))
          })
      )
    }))
})
