import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { json, MockHttpRecorder } from "../src/layers/MockHttpClient.js"
import { always, badInput, flows, jwtResponse, layer, sent, sentOne } from "./support/authFlows.js"

const urlAnswer = { url: "https://idp.example.com/authorize?state=abc" }

describe("oauth", () => {
  it.effect("start: provider only, empty body", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const result = yield* oauth.start({ provider: "google" })
      assert.deepStrictEqual(result, urlAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/oauth/authorize",
        query: { provider: "google" },
        authorization: "Bearer P123",
        body: {}
      })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("start: redirectURL, loginHint, login options as the body, stepup token", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      yield* oauth.start({
        provider: "github",
        returnUrl: "https://app.example.com/cb?x=1",
        loginHint: "ada@example.com",
        loginOptions: { stepup: true, customClaims: { a: "b" } },
        refreshToken: "REFRESH-JWT"
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/oauth/authorize",
        query: { provider: "github", redirectURL: "https://app.example.com/cb?x=1", loginHint: "ada@example.com" },
        authorization: "Bearer P123:REFRESH-JWT",
        body: { stepup: true, customClaims: { a: "b" } }
      })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("start: the query is in wire order and URI-encoded", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      yield* oauth.start({ provider: "apple", returnUrl: "https://a.example/cb?x=1&y=2", loginHint: "h" })
      const last = yield* Effect.flatMap(MockHttpRecorder, (r) => r.last)
      assert.strictEqual(
        last?.url,
        "https://api.descope.test/v1/auth/oauth/authorize?provider=apple&redirectURL=https%3A%2F%2Fa.example%2Fcb%3Fx%3D1%26y%3D2&loginHint=h"
      )
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("signIn / signUp (go-sdk's authorize/signin, authorize/signup)", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      yield* oauth.signIn({
        provider: "google",
        returnUrl: "https://app/cb",
        loginOptions: { customClaims: { a: "b" } }
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/oauth/authorize/signin",
        query: { provider: "google", redirectURL: "https://app/cb" },
        authorization: "Bearer P123",
        body: { customClaims: { a: "b" } }
      })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("signUp carries the login hint in the query", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const result = yield* oauth.signUp({ provider: "github", loginHint: "ada@example.com" })
      assert.deepStrictEqual(result, urlAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/oauth/authorize/signup",
        query: { provider: "github", loginHint: "ada@example.com" },
        authorization: "Bearer P123",
        body: {}
      })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("updateUser (go-sdk's authorize/update): the refresh token, allowAllMerge in the query", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      yield* oauth.updateUser({
        provider: "google",
        returnUrl: "https://app/cb",
        allowAllMerge: true,
        refreshToken: Redacted.make("REFRESH-JWT")
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/oauth/authorize/update",
        query: { provider: "google", redirectURL: "https://app/cb", allowAllMerge: "true" },
        authorization: "Bearer P123:REFRESH-JWT",
        body: {}
      })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("signIn / updateUser: bad input is refused unsent", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const noProvider = yield* Effect.flip(oauth.signIn({ provider: "" }))
      assert.isTrue(noProvider._tag === "InvalidArgumentError" && noProvider.field === "provider")
      const stepup = yield* Effect.flip(oauth.signUp({ provider: "google", loginOptions: { stepup: true } }))
      assert.isTrue(stepup._tag === "InvalidArgumentError" && stepup.field === "refreshToken")
      const noToken = yield* Effect.flip(oauth.updateUser({ provider: "google", refreshToken: "" }))
      assert.isTrue(noToken._tag === "InvalidArgumentError" && noToken.field === "refreshToken")
      assert.deepStrictEqual(yield* sent, [])
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("exchangeToken", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const info = yield* oauth.exchangeToken("CODE-1")
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/oauth/exchange",
        query: {},
        authorization: "Bearer P123",
        body: { code: "CODE-1" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("start answer without url is a TransportError Decode", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const error = yield* Effect.flip(oauth.start({ provider: "google" }))
      assert.isTrue(error._tag === "TransportError" && error.reason === "Decode")
    }).pipe(Effect.provide(layer(always({ link: "x" })))))

  it.effect("a refused exchange is AuthError", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const error = yield* Effect.flip(oauth.exchangeToken("BAD"))
      assert.isTrue(error._tag === "AuthError" && error.status === 400 && error.errorCode === "E011003")
    }).pipe(Effect.provide(layer(() => json({ errorCode: "E011003" }, { status: 400 })))))

  it.effect("startNative: provider, login options and implicit in the body; the provider's parameters answered", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const answer = yield* oauth.startNative({ provider: "apple", loginOptions: { mfa: false }, implicit: true })
      assert.deepStrictEqual(answer, { clientId: "c1", stateId: "S1", nonce: "n1" })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/oauth/native/start",
        query: {},
        authorization: "Bearer P123",
        body: { provider: "apple", loginOptions: { mfa: false }, implicit: true }
      })
    }).pipe(Effect.provide(layer(always({ clientId: "c1", stateId: "S1", nonce: "n1" })))))

  it.effect("finishNative: the provider SDK's answer for a session", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const info = yield* oauth.finishNative({ provider: "apple", stateId: "S1", user: "{\"name\":\"A\"}", code: "C1" })
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/oauth/native/finish",
        query: {},
        authorization: "Bearer P123",
        body: { provider: "apple", stateId: "S1", user: "{\"name\":\"A\"}", code: "C1" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("getOneTapClientId: the provider in the path", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      assert.strictEqual(yield* oauth.getOneTapClientId("google"), "G-CLIENT")
      assert.deepStrictEqual(yield* sentOne, {
        method: "GET",
        path: "/v1/auth/onetap/clientid/google",
        query: {},
        authorization: "Bearer P123",
        body: undefined
      })
    }).pipe(Effect.provide(layer(always({ clientId: "G-CLIENT" })))))

  it.effect("verifyOneTapIdToken: a Redacted code; exchangeOneTapIdToken: a session", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const code = yield* oauth.verifyOneTapIdToken({ provider: "google", idToken: "ID-TOKEN", nonce: "N" })
      assert.strictEqual(Redacted.value(code), "ONE-TAP-CODE")
      assert.notInclude(String(code), "ONE-TAP-CODE")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/onetap/idtoken/verify",
        query: {},
        authorization: "Bearer P123",
        body: { provider: "google", idToken: "ID-TOKEN", nonce: "N" }
      })
    }).pipe(Effect.provide(layer(always({ code: "ONE-TAP-CODE" })))))

  it.effect("exchangeOneTapIdToken: a session", () =>
    Effect.gen(function*() {
      const { oauth } = yield* flows
      const info = yield* oauth.exchangeOneTapIdToken({ provider: "google", idToken: "ID-TOKEN" })
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/onetap/idtoken/exchange",
        query: {},
        authorization: "Bearer P123",
        body: { provider: "google", idToken: "ID-TOKEN" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  badInput(urlAnswer, [
    { name: "start empty provider", field: "provider", run: (a) => a.oauth.start({ provider: "" }) },
    {
      name: "start stepup without refresh token",
      field: "refreshToken",
      run: (a) => a.oauth.start({ provider: "google", loginOptions: { stepup: true } })
    },
    { name: "exchangeToken empty code", field: "code", run: (a) => a.oauth.exchangeToken("") },
    {
      name: "finishNative empty stateId",
      field: "stateId",
      run: (a) => a.oauth.finishNative({ provider: "apple", stateId: "" })
    },
    { name: "getOneTapClientId empty provider", field: "provider", run: (a) => a.oauth.getOneTapClientId("") },
    {
      name: "exchangeOneTapIdToken empty idToken",
      field: "idToken",
      run: (a) => a.oauth.exchangeOneTapIdToken({ provider: "google", idToken: "" })
    }
  ])
})

describe("saml (/v1/auth/saml/*)", () => {
  it.effect("start: tenant and redirectURL", () =>
    Effect.gen(function*() {
      const { saml } = yield* flows
      const result = yield* saml.start({ tenant: "T1", returnUrl: "https://app.example.com/cb" })
      assert.deepStrictEqual(result, urlAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/saml/authorize",
        query: { tenant: "T1", redirectURL: "https://app.example.com/cb" },
        authorization: "Bearer P123",
        body: {}
      })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("start: forceAuthn false is not sent", () =>
    Effect.gen(function*() {
      const { saml } = yield* flows
      yield* saml.start({ tenant: "T1", returnUrl: "https://a.example/cb", forceAuthn: false })
      assert.deepStrictEqual((yield* sentOne).query, { tenant: "T1", redirectURL: "https://a.example/cb" })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("exchangeToken", () =>
    Effect.gen(function*() {
      const { saml } = yield* flows
      const info = yield* saml.exchangeToken("CODE-2")
      assert.strictEqual(info.user?.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/saml/exchange",
        query: {},
        authorization: "Bearer P123",
        body: { code: "CODE-2" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  badInput(urlAnswer, [
    {
      name: "start empty tenant",
      field: "tenant",
      run: (a) => a.saml.start({ tenant: "", returnUrl: "https://a/cb" })
    },
    {
      name: "start missing redirect URL",
      field: "returnUrl",
      run: (a) => a.saml.start({ tenant: "T1", returnUrl: "" })
    },
    { name: "exchangeToken empty code", field: "code", run: (a) => a.saml.exchangeToken("") }
  ])
})

describe("sso (/v1/auth/sso/*, python wire)", () => {
  it.effect("start: tenant only", () =>
    Effect.gen(function*() {
      const { sso } = yield* flows
      const result = yield* sso.start({ tenant: "T1" })
      assert.deepStrictEqual(result, urlAnswer)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/sso/authorize",
        query: { tenant: "T1" },
        authorization: "Bearer P123",
        body: {}
      })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("start: every option, forceAuthn false is sent", () =>
    Effect.gen(function*() {
      const { sso } = yield* flows
      yield* sso.start({
        tenant: "T1",
        returnUrl: "https://app.example.com/cb",
        prompt: "login",
        ssoId: "SSO2",
        loginHint: "ada@acme.com",
        forceAuthn: false,
        loginOptions: { stepup: true },
        refreshToken: "REFRESH-JWT"
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/sso/authorize",
        query: {
          tenant: "T1",
          redirectURL: "https://app.example.com/cb",
          prompt: "login",
          ssoId: "SSO2",
          loginHint: "ada@acme.com",
          forceAuthn: "false"
        },
        authorization: "Bearer P123:REFRESH-JWT",
        body: { stepup: true }
      })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("start: forceAuthn true", () =>
    Effect.gen(function*() {
      const { sso } = yield* flows
      yield* sso.start({ tenant: "T1", forceAuthn: true })
      assert.deepStrictEqual((yield* sentOne).query, { tenant: "T1", forceAuthn: "true" })
    }).pipe(Effect.provide(layer(always(urlAnswer)))))

  it.effect("exchangeToken", () =>
    Effect.gen(function*() {
      const { sso } = yield* flows
      const info = yield* sso.exchangeToken("CODE-3")
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/sso/exchange",
        query: {},
        authorization: "Bearer P123",
        body: { code: "CODE-3" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  badInput(urlAnswer, [
    { name: "start empty tenant", field: "tenant", run: (a) => a.sso.start({ tenant: "" }) },
    {
      name: "start mfa without refresh token",
      field: "refreshToken",
      run: (a) => a.sso.start({ tenant: "T1", loginOptions: { mfa: true } })
    },
    { name: "exchangeToken empty code", field: "code", run: (a) => a.sso.exchangeToken("") }
  ])
})
