import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { json } from "../src/layers/MockHttpClient.js"
import {
  always,
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
const notpAnswer = { pendingRef: "NOTP-REF", redirectUrl: "https://wa.me/123?text=abc", image: "iVBORw0KGgo=" }
const pending = () => json({ errorCode: "E066103", errorDescription: "NOTP unauthorized" }, { status: 401 })
const success = () => json(jwtResponse())

describe("notp wire", () => {
  it.effect("signUp", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      const result = yield* notp.signUp({ loginId: "+12125551234", user: { name: "Ada" }, providerId: "meta" })
      assert.deepStrictEqual(plain(result), notpAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/notp/whatsapp/signup",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "+12125551234", user: { name: "Ada" }, providerId: "meta", loginOptions: {} }
      })
    }).pipe(Effect.provide(layer(always(notpAnswer)))))

  it.effect("signIn without a login id", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      yield* notp.signIn({})
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/notp/whatsapp/signin",
        query: {},
        authorization: "Bearer P123",
        body: { loginOptions: {} }
      })
    }).pipe(Effect.provide(layer(always(notpAnswer)))))

  it.effect("signIn with mfa carries the refresh token", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      yield* notp.signIn({ loginId: "+12125551234", loginOptions: { mfa: true }, refreshToken: "REFRESH-JWT" })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/notp/whatsapp/signin",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: { loginId: "+12125551234", loginOptions: { mfa: true } }
      })
    }).pipe(Effect.provide(layer(always(notpAnswer)))))

  it.effect("signUpOrIn", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      yield* notp.signUpOrIn({ loginId: "+12125551234", loginOptions: { templateId: "W1" } })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/notp/whatsapp/signup-in",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "+12125551234", loginOptions: { templateId: "W1" } }
      })
    }).pipe(Effect.provide(layer(always(notpAnswer)))))

  it.effect("getSession", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      const info = yield* notp.getSession("NOTP-REF")
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/notp/pending-session",
        query: {},
        authorization: "Bearer P123",
        body: { pendingRef: "NOTP-REF" }
      })
    }).pipe(Effect.provide(layer(success))))

  it.effect("updateUser: bad input is refused unsent", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      const noLogin = yield* Effect.flip(notp.updateUser({ loginId: "", phone: "+12125551234", refreshToken: "R" }))
      assert.isTrue(noLogin._tag === "InvalidArgumentError" && noLogin.field === "loginId")
      const badPhone = yield* Effect.flip(notp.updateUser({ loginId: "ada", phone: "12", refreshToken: "R" }))
      assert.isTrue(badPhone._tag === "InvalidArgumentError" && badPhone.field === "phone")
      const noToken = yield* Effect.flip(notp.updateUser({ loginId: "ada", phone: "+12125551234", refreshToken: "" }))
      assert.isTrue(noToken._tag === "InvalidArgumentError" && noToken.field === "refreshToken")
      assert.deepStrictEqual(yield* sent, [])
    }).pipe(Effect.provide(layer(always(notpAnswer)))))

  it.effect("an empty login id is refused, nothing sent", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      const error = yield* Effect.flip(notp.signUpOrIn({ loginId: "" }))
      assert.isTrue(error._tag === "InvalidArgumentError" && error.field === "loginId")
      const stepup = yield* Effect.flip(notp.signIn({ loginOptions: { stepup: true } }))
      assert.isTrue(stepup._tag === "InvalidArgumentError" && stepup.field === "refreshToken")
      const ref = yield* Effect.flip(notp.waitForSession(""))
      assert.isTrue(ref._tag === "InvalidArgumentError" && ref.field === "pendingRef")
      assert.deepStrictEqual(yield* sent, [])
    }).pipe(Effect.provide(layer(always(notpAnswer)))))
})

describe("notp.waitForSession (TestClock)", () => {
  it.effect("three pendings (401 / E066103) then success", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      const fiber = yield* Effect.fork(notp.waitForSession("NOTP-REF"))
      yield* TestClock.adjust("2500 millis")
      assert.strictEqual(yield* sentCount, 3)
      yield* TestClock.adjust("500 millis")
      const info = yield* Fiber.join(fiber)
      assert.strictEqual(info.session.userId, "U1")
      assert.strictEqual(yield* sentCount, 4)
    }).pipe(Effect.provide(layer(scripted(
      pending,
      () => json({ errorCode: "E066103" }, { status: 400 }),
      () => json({}, { status: 401 }),
      success
    )))))

  it.effect("always pending: PollingTimeoutError", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      const fiber = yield* Effect.fork(notp.waitForSession("NOTP-REF", { interval: "5 seconds", timeout: "1 minute" }))
      yield* TestClock.adjust("1 minute")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.isTrue(error._tag === "PollingTimeoutError" && error.operation === "notp.waitForSession")
      const polls = yield* sentCount
      assert.isTrue(polls >= 12 && polls <= 13, `polls: ${polls}`)
    }).pipe(Effect.provide(layer(pending))))

  it.effect("an enchanted-link pending code is not NOTP pending: stops after one poll", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      const error = yield* failureAfterOnePoll(notp.waitForSession("NOTP-REF"))
      assert.isTrue(error._tag === "AuthError" && error.errorCode === "E062503")
    }).pipe(Effect.provide(layer(() => json({ errorCode: "E062503" }, { status: 400 })))))

  it.effect("interrupting stops all further requests", () =>
    Effect.gen(function*() {
      const { notp } = yield* flows
      const fiber = yield* Effect.fork(notp.waitForSession("NOTP-REF"))
      yield* TestClock.adjust("1500 millis")
      yield* Fiber.interrupt(fiber)
      const before = yield* sentCount
      assert.strictEqual(before, 2)
      yield* TestClock.adjust("1 minute")
      assert.strictEqual(yield* sentCount, 2)
    }).pipe(Effect.provide(layer(pending))))
})
