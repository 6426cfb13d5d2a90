import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { always, badInput, flows, jwtResponse, layer, sentOne } from "./support/authFlows.js"

const startAnswer = { transactionId: "TX1", options: "{\"publicKey\":{}}", create: true }

describe("webauthn", () => {
  it.effect("signUpStart", () =>
    Effect.gen(function*() {
      const { webauthn } = yield* flows
      const result = yield* webauthn.signUpStart({
        loginId: "ada@example.com",
        origin: "https://app.example.com",
        user: { name: "Ada" },
        passkeyOptions: { attestation: "none", authenticatorSelection: { residentKey: "required" } }
      })
      assert.deepStrictEqual(result, startAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/webauthn/signup/start",
        query: {},
        authorization: "Bearer P123",
        body: {
          user: { loginId: "ada@example.com", name: "Ada" },
          origin: "https://app.example.com",
          passkeyOptions: { attestation: "none", authenticatorSelection: { residentKey: "required" } }
        }
      })
    }).pipe(Effect.provide(layer(always(startAnswer)))))

  it.effect("signUpFinish", () =>
    Effect.gen(function*() {
      const { webauthn } = yield* flows
      const info = yield* webauthn.signUpFinish({ transactionId: "TX1", response: "{\"id\":\"cred\"}" })
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/webauthn/signup/finish",
        query: {},
        authorization: "Bearer P123",
        body: { transactionId: "TX1", response: "{\"id\":\"cred\"}" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("signInStart with stepup, create defaults to false", () =>
    Effect.gen(function*() {
      const { webauthn } = yield* flows
      const result = yield* webauthn.signInStart({
        loginId: "ada@example.com",
        origin: "https://app.example.com",
        loginOptions: { stepup: true },
        refreshToken: "REFRESH-JWT",
        passkeyOptions: { userVerification: "required" }
      })
      assert.deepStrictEqual(result, { transactionId: "TX2", options: "{}", create: false })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/webauthn/signin/start",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: {
          loginId: "ada@example.com",
          origin: "https://app.example.com",
          loginOptions: { stepup: true },
          passkeyOptions: { userVerification: "required" }
        }
      })
    }).pipe(Effect.provide(layer(always({ transactionId: "TX2", options: "{}" })))))

  it.effect("signInFinish", () =>
    Effect.gen(function*() {
      const { webauthn } = yield* flows
      const info = yield* webauthn.signInFinish({ transactionId: "TX2", response: "{}" })
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/webauthn/signin/finish",
        query: {},
        authorization: "Bearer P123",
        body: { transactionId: "TX2", response: "{}" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("signUpOrInStart", () =>
    Effect.gen(function*() {
      const { webauthn } = yield* flows
      yield* webauthn.signUpOrInStart({
        loginId: "ada@example.com",
        origin: "https://app.example.com",
        loginOptions: { customClaims: { a: 1 } }
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/webauthn/signup-in/start",
        query: {},
        authorization: "Bearer P123",
        body: {
          loginId: "ada@example.com",
          origin: "https://app.example.com",
          loginOptions: { customClaims: { a: 1 } }
        }
      })
    }).pipe(Effect.provide(layer(always(startAnswer)))))

  it.effect("updateStart", () =>
    Effect.gen(function*() {
      const { webauthn } = yield* flows
      yield* webauthn.updateStart({
        loginId: "ada@example.com",
        origin: "https://app.example.com",
        refreshToken: "REFRESH-JWT",
        mfa: true
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/webauthn/update/start",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: { loginId: "ada@example.com", origin: "https://app.example.com", mfa: true }
      })
    }).pipe(Effect.provide(layer(always(startAnswer)))))

  it.effect("updateFinish answering {} gives undefined", () =>
    Effect.gen(function*() {
      const { webauthn } = yield* flows
      const result = yield* webauthn.updateFinish({ transactionId: "TX3", response: "{}" })
      assert.isUndefined(result)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/webauthn/update/finish",
        query: {},
        authorization: "Bearer P123",
        body: { transactionId: "TX3", response: "{}" }
      })
    }).pipe(Effect.provide(layer(always({})))))

  it.effect("updateFinish answering { jwt } gives the session", () =>
    Effect.gen(function*() {
      const { webauthn } = yield* flows
      const result = yield* webauthn.updateFinish({ transactionId: "TX3", response: "{}" })
      assert.strictEqual(result?.session.userId, "U1")
      assert.strictEqual(result?.refresh?.tokenType, "DSR")
    }).pipe(Effect.provide(layer(always({ jwt: jwtResponse() })))))

  badInput(startAnswer, [
    {
      name: "signUpStart empty loginId",
      field: "loginId",
      run: (a) => a.webauthn.signUpStart({ loginId: "", origin: "https://a" })
    },
    {
      name: "signUpStart empty origin",
      field: "origin",
      run: (a) => a.webauthn.signUpStart({ loginId: "x", origin: "" })
    },
    {
      name: "signInStart mfa without refresh token",
      field: "refreshToken",
      run: (a) => a.webauthn.signInStart({ loginId: "x", origin: "https://a", loginOptions: { mfa: true } })
    },
    {
      name: "updateStart without refresh token",
      field: "refreshToken",
      run: (a) => a.webauthn.updateStart({ loginId: "x", origin: "https://a", refreshToken: "" })
    },
    {
      name: "finish empty transactionId",
      field: "transactionId",
      run: (a) => a.webauthn.signInFinish({ transactionId: "", response: "{}" })
    },
    {
      name: "finish empty response",
      field: "response",
      run: (a) => a.webauthn.updateFinish({ transactionId: "TX", response: "" })
    }
  ])
})
