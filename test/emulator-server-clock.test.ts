/**
 * Emulator time reaches the app: advancing the emulator's clock
 * (`emulator.advanceTime`, `POST /emulator/time/advance`) expires the
 * sessions it issued for an app that validates them, when the app runs on
 * `Emulator.layerClock` / `Emulator.clock`, without the app knowing anything
 * of the emulator. Under `TestClock`, `TestClock.adjust` keeps working on it.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = Emulator.DEFAULT_PROJECT_ID
const EMAIL = "ada@example.com"

const EmulatorLive = Emulator.layer()
const ClientLive = Descope.layer({ projectId: P, baseUrl: "http://emulator.local" }).pipe(
  Layer.provide(Emulator.layerHttpClient)
)
/** The app's layers over the emulator, without its clock (the control) and with it. */
const WithoutClock = Layer.mergeAll(ClientLive, Emulator.layerHttpClient).pipe(Layer.provideMerge(EmulatorLive))
const WithClock = Layer.mergeAll(ClientLive, Emulator.layerHttpClient, Emulator.layerClock).pipe(
  Layer.provideMerge(EmulatorLive)
)

/** A session of the emulator's, by OTP. */
const signIn = Effect.gen(function*() {
  const client = yield* DescopeClient
  const emulator = yield* Emulator.Emulator
  yield* client.otp.signUpOrIn({ method: "email", loginId: EMAIL })
  const message = yield* emulator.lastMessage(EMAIL, "otp")
  const code = Option.getOrElse(Option.flatMap(message, (m) => Option.fromNullable(m.code)), () => "")
  const info = yield* client.otp.verifyCode({ method: "email", loginId: EMAIL, code })
  return Redacted.value(info.sessionToken)
})

const validity = (token: string) =>
  Effect.flatMap(
    DescopeClient,
    (client) =>
      Effect.map(Effect.either(client.validateSession(token)), (r) =>
        Either.match(r, {
          onLeft: (e) => (e._tag === "InvalidSessionError" ? e.reason : e._tag),
          onRight: () => "valid"
        }))
  )

describe("Emulator.layerClock: emulator time reaches the app", () => {
  it.live("advanceTime expires the emulator's sessions for an app on layerClock", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      const token = yield* signIn
      assert.strictEqual(yield* validity(token), "valid")
      yield* emulator.advanceTime("11 minutes")
      assert.strictEqual(yield* validity(token), "Expired")
      // the app's clock is emulator time
      const [now, appNow] = [yield* emulator.now, yield* Clock.currentTimeMillis]
      assert.isAtMost(now - appNow, 0)
      assert.isAtLeast(appNow - Date.now(), 10 * 60_000)
    }).pipe(Effect.provide(WithClock)))

  it.live("the control: an app on its own clock still accepts the session", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      const token = yield* signIn
      yield* emulator.advanceTime("11 minutes")
      assert.strictEqual(yield* validity(token), "valid")
    }).pipe(Effect.provide(WithoutClock)))

  it.live("POST /emulator/time/advance expires them too; Emulator.clock scopes the clock to one effect", () =>
    Effect.gen(function*() {
      const token = yield* signIn
      const http = yield* HttpClient.HttpClient
      const advanced = yield* http.execute(
        HttpClientRequest.post("http://emulator.local/emulator/time/advance").pipe(
          HttpClientRequest.bodyUnsafeJson({ seconds: 660 })
        )
      )
      assert.strictEqual(advanced.status, 200)
      const clock = yield* Emulator.clock
      assert.strictEqual(yield* validity(token).pipe(Effect.withClock(clock)), "Expired")
      assert.strictEqual(yield* validity(token), "valid")
    }).pipe(Effect.provide(WithoutClock)))

  it.effect("under TestClock: TestClock.adjust and advanceTime both move the app's time on layerClock", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      const first = yield* signIn
      yield* TestClock.adjust("11 minutes")
      assert.strictEqual(yield* validity(first), "Expired")
      const second = yield* signIn
      assert.strictEqual(yield* validity(second), "valid")
      yield* emulator.advanceTime("11 minutes")
      assert.strictEqual(yield* validity(second), "Expired")
      assert.strictEqual(yield* Clock.currentTimeMillis, 22 * 60_000)
    }).pipe(Effect.provide(WithClock)))
})
