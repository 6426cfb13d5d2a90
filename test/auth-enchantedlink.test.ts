import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { json } from "../src/layers/MockHttpClient.js"
import {
  always,
  badInput,
  failureAfterOnePoll,
  flows,
  jwtResponse,
  layer,
  scripted,
  sent,
  sentCount,
  sentOne
} from "./support/authFlows.js"

/** A start answer with its Redacted pending reference revealed. */
const plain = ({ pendingRef, ...rest }: { readonly pendingRef: Redacted.Redacted<string> }) => ({
  ...rest,
  pendingRef: Redacted.value(pendingRef)
})
const linkAnswer = { linkId: "12", pendingRef: "PENDING-REF", maskedEmail: "a***@example.com" }
const pending = () => json({ errorCode: "E062503", errorDescription: "Enchanted link pending" }, { status: 401 })
const success = () => json(jwtResponse())

describe("enchantedLink wire", () => {
  it.effect("signUp", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const result = yield* enchantedLink.signUp({
        loginId: "ada@example.com",
        uri: "https://app.example.com/verify",
        user: { name: "Ada", email: "ada@example.com" },
        loginOptions: { customClaims: { k: 1 } }
      })
      assert.deepStrictEqual(plain(result), linkAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/enchantedlink/signup/email",
        query: {},
        authorization: "Bearer P123",
        body: {
          loginId: "ada@example.com",
          URI: "https://app.example.com/verify",
          user: { name: "Ada", email: "ada@example.com" },
          loginOptions: { customClaims: { k: 1 } }
        }
      })
    }).pipe(Effect.provide(layer(always(linkAnswer)))))

  it.effect("signIn", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const result = yield* enchantedLink.signIn({
        loginId: "ada@example.com",
        uri: "https://app.example.com/verify",
        providerId: "ses"
      })
      assert.deepStrictEqual(plain(result), linkAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/enchantedlink/signin/email",
        query: {},
        authorization: "Bearer P123",
        body: {
          loginId: "ada@example.com",
          URI: "https://app.example.com/verify",
          loginOptions: {},
          providerId: "ses"
        }
      })
    }).pipe(Effect.provide(layer(always(linkAnswer)))))

  it.effect("signIn with stepup carries the refresh token", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      yield* enchantedLink.signIn({
        loginId: "ada@example.com",
        loginOptions: { stepup: true },
        refreshToken: "REFRESH-JWT"
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/enchantedlink/signin/email",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: { loginId: "ada@example.com", loginOptions: { stepup: true } }
      })
    }).pipe(Effect.provide(layer(always(linkAnswer)))))

  it.effect("signUpOrIn", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const result = yield* enchantedLink.signUpOrIn({ loginId: "ada@example.com", uri: "https://a.example/v" })
      assert.deepStrictEqual(plain(result), linkAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/enchantedlink/signup-in/email",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "ada@example.com", URI: "https://a.example/v", loginOptions: {} }
      })
    }).pipe(Effect.provide(layer(always(linkAnswer)))))

  it.effect("verify answers nothing", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const result = yield* enchantedLink.verify("LINK-TOKEN")
      assert.isUndefined(result)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/enchantedlink/verify",
        query: {},
        authorization: "Bearer P123",
        body: { token: "LINK-TOKEN" }
      })
    }).pipe(Effect.provide(layer(always({})))))

  it.effect("getSession: one poll answering the session", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const info = yield* enchantedLink.getSession("PENDING-REF")
      assert.strictEqual(info.session.userId, "U1")
      assert.strictEqual(info.firstSeen, true)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/enchantedlink/pending-session",
        query: {},
        authorization: "Bearer P123",
        body: { pendingRef: "PENDING-REF" }
      })
    }).pipe(Effect.provide(layer(success))))

  it.effect("getSession while pending: AuthError 401 E062503, one request", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const error = yield* Effect.flip(enchantedLink.getSession("PENDING-REF"))
      assert.strictEqual(error._tag, "AuthError")
      assert.isTrue(error._tag === "AuthError" && error.status === 401 && error.isEnchantedLinkPending)
      assert.strictEqual(yield* sentCount, 1)
    }).pipe(Effect.provide(layer(pending))))

  it.effect("updateUserEmail", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const result = yield* enchantedLink.updateUserEmail({
        loginId: "ada@example.com",
        email: "ada.new@example.com",
        uri: "https://app.example.com/verify",
        refreshToken: "REFRESH-JWT",
        addToLoginIds: false,
        templateOptions: { a: "b" }
      })
      assert.deepStrictEqual(plain(result), linkAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/enchantedlink/update/email",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: {
          loginId: "ada@example.com",
          email: "ada.new@example.com",
          URI: "https://app.example.com/verify",
          addToLoginIDs: false,
          templateOptions: { a: "b" }
        }
      })
    }).pipe(Effect.provide(layer(always(linkAnswer)))))

  it.effect("a start answer without pendingRef is a TransportError Decode", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const error = yield* Effect.flip(enchantedLink.signIn({ loginId: "ada@example.com" }))
      assert.isTrue(error._tag === "TransportError" && error.reason === "Decode")
    }).pipe(Effect.provide(layer(always({ linkId: "1", maskedEmail: "x" })))))
})

describe("enchantedLink bad input", () => {
  badInput(linkAnswer, [
    { name: "signUp empty loginId", field: "loginId", run: (a) => a.enchantedLink.signUp({ loginId: "" }) },
    { name: "signIn empty loginId", field: "loginId", run: (a) => a.enchantedLink.signIn({ loginId: "" }) },
    { name: "signUpOrIn empty loginId", field: "loginId", run: (a) => a.enchantedLink.signUpOrIn({ loginId: "" }) },
    { name: "verify empty token", field: "token", run: (a) => a.enchantedLink.verify("") },
    { name: "getSession empty pendingRef", field: "pendingRef", run: (a) => a.enchantedLink.getSession("") },
    { name: "waitForSession empty pendingRef", field: "pendingRef", run: (a) => a.enchantedLink.waitForSession("") },
    {
      name: "update email failing the pattern",
      field: "email",
      run: (a) => a.enchantedLink.updateUserEmail({ loginId: "x", email: "ada at example.com", refreshToken: "R" })
    },
    {
      name: "update email without a refresh token",
      field: "refreshToken",
      run: (a) => a.enchantedLink.updateUserEmail({ loginId: "x", email: "a@b.co", refreshToken: "" })
    },
    {
      name: "mfa without a refresh token",
      field: "refreshToken",
      run: (a) => a.enchantedLink.signIn({ loginId: "x", loginOptions: { mfa: true } })
    }
  ])
})

describe("enchantedLink.waitForSession (TestClock)", () => {
  it.effect("three pendings then success: polls at 0, 2, 4, 6 s", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF", { interval: "2 seconds" }))
      yield* TestClock.adjust("1 second")
      assert.strictEqual(yield* sentCount, 1)
      yield* TestClock.adjust("4 seconds")
      assert.strictEqual(yield* sentCount, 3)
      assert.isNull(yield* Fiber.poll(fiber).pipe(Effect.map((o) => (o._tag === "Some" ? "done" : null))))
      yield* TestClock.adjust("1 second")
      const info = yield* Fiber.join(fiber)
      assert.strictEqual(info.session.userId, "U1")
      assert.strictEqual(yield* sentCount, 4)
      const requests = yield* sent
      for (const request of requests) {
        assert.deepStrictEqual(request, {
          method: "POST",
          path: "/v1/auth/enchantedlink/pending-session",
          query: {},
          authorization: "Bearer P123",
          body: { pendingRef: "PENDING-REF" }
        })
      }
    }).pipe(Effect.provide(layer(scripted(pending, pending, pending, success)))))

  it.effect("E062503 with another status is still pending", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF"))
      yield* TestClock.adjust("1 second")
      const info = yield* Fiber.join(fiber)
      assert.strictEqual(info.session.userId, "U1")
      assert.strictEqual(yield* sentCount, 2)
    }).pipe(Effect.provide(layer(scripted(
      () => json({ errorCode: "E062503" }, { status: 400 }),
      success
    )))))

  it.effect("always pending: PollingTimeoutError after the timeout, then no request", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF", { timeout: "10 seconds" }))
      yield* TestClock.adjust("9 seconds")
      assert.isTrue((yield* Fiber.poll(fiber))._tag === "None")
      yield* TestClock.adjust("1 second")
      const exit = yield* Fiber.await(fiber)
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(exit)
      assert.strictEqual(error._tag, "PollingTimeoutError")
      if (error._tag !== "PollingTimeoutError") return
      assert.strictEqual(error.operation, "enchantedLink.waitForSession")
      assert.isTrue(Duration.equals(error.timeout, Duration.seconds(10)))
      const polls = yield* sentCount
      assert.isTrue(polls >= 10 && polls <= 11, `polls: ${polls}`)
      yield* TestClock.adjust("1 minute")
      assert.strictEqual(yield* sentCount, polls)
    }).pipe(Effect.provide(layer(pending))))

  it.effect("default interval: 1 second", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF"))
      yield* TestClock.adjust("2500 millis")
      assert.strictEqual(yield* sentCount, 3)
      yield* Fiber.interrupt(fiber)
    }).pipe(Effect.provide(layer(pending))))

  it.effect("default timeout: 10 minutes", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF", { interval: "1 minute" }))
      yield* TestClock.adjust("599 seconds")
      assert.isTrue((yield* Fiber.poll(fiber))._tag === "None")
      yield* TestClock.adjust("1 second")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag, "PollingTimeoutError")
      assert.isTrue(error._tag === "PollingTimeoutError" && Duration.equals(error.timeout, Duration.minutes(10)))
      assert.match(error.message, /still pending after 10m/)
    }).pipe(Effect.provide(layer(pending))))

  it.effect("the interval is at least 1 second", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF", { interval: "100 millis" }))
      yield* TestClock.adjust("1500 millis")
      assert.strictEqual(yield* sentCount, 2)
      yield* Fiber.interrupt(fiber)
    }).pipe(Effect.provide(layer(pending))))

  it.effect("a non-pending error stops after one poll", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const error = yield* failureAfterOnePoll(enchantedLink.waitForSession("PENDING-REF"))
      assert.strictEqual(error._tag, "AuthError")
      assert.isTrue(error._tag === "AuthError" && error.status === 400 && error.errorCode === "E011003")
    }).pipe(Effect.provide(layer(() => json({ errorCode: "E011003" }, { status: 400 })))))

  it.effect("a server error stops after one poll", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const error = yield* failureAfterOnePoll(enchantedLink.waitForSession("PENDING-REF"))
      assert.strictEqual(error._tag, "TransportError")
    }).pipe(Effect.provide(layer(() => json({}, { status: 500 })))))

  it.effect("a 429 delays the next poll by its Retry-After", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF"))
      yield* TestClock.adjust("4 seconds")
      assert.strictEqual(yield* sentCount, 1)
      yield* TestClock.adjust("999 millis")
      assert.strictEqual(yield* sentCount, 1)
      yield* TestClock.adjust("1 millis")
      const info = yield* Fiber.join(fiber)
      assert.strictEqual(info.session.userId, "U1")
      assert.strictEqual(yield* sentCount, 2)
    }).pipe(Effect.provide(layer(scripted(
      () => json({ errorCode: "E130429" }, { status: 429, headers: { "retry-after": "5" } }),
      success
    )))))

  it.effect("a poll that never answers ends with PollingTimeoutError at the timeout", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF", { timeout: "5 seconds" }))
      yield* TestClock.adjust("5 seconds")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag, "PollingTimeoutError")
      assert.strictEqual(yield* sentCount, 1)
    }).pipe(Effect.provide(layer(() => Effect.never))))

  it.effect("a session that fails local validation is not polled again", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const error = yield* failureAfterOnePoll(enchantedLink.waitForSession("PENDING-REF"))
      assert.strictEqual(error._tag, "InvalidSessionError")
    }).pipe(Effect.provide(layer(always({ sessionJwt: "not-a-jwt" })))))

  it.effect("interrupting the fiber stops all further requests", () =>
    Effect.gen(function*() {
      const { enchantedLink } = yield* flows
      const fiber = yield* Effect.fork(enchantedLink.waitForSession("PENDING-REF"))
      yield* TestClock.adjust("2500 millis")
      assert.strictEqual(yield* sentCount, 3)
      yield* Fiber.interrupt(fiber)
      yield* TestClock.adjust("5 minutes")
      assert.strictEqual(yield* sentCount, 3)
    }).pipe(Effect.provide(layer(pending))))
})
