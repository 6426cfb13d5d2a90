// The recorded-wire rows of client.oauth (run by test/auth-wire.test.ts, checked complete against the wire
// catalogue by test/wire-rows-complete.test.ts): core-js-sdk's wire, the provider, redirect URL and login hint in
// the query and the login options as the body of the authorize calls; go-sdk's authorize/signin, /signup and
// /update; the native and One Tap calls with their JSON bodies.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import { EVERY_LOGIN_OPTION, is, isAuthenticated, JWT_RESPONSE, URL_ANSWER } from "./auth-common.js"

export const oauthRows: ReadonlyArray<AuthRow> = [
  {
    name: "oauth.start with the provider alone: an empty body",
    run: (c) => c.oauth.start({ provider: "google" }),
    method: "POST",
    path: "/v1/auth/oauth/authorize",
    query: { provider: "google" },
    body: {},
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "oauth.start with the redirect URL, a login hint, every login option and the stepup token",
    run: (c) =>
      c.oauth.start({
        provider: "github",
        returnUrl: "https://app.example.com/cb?x=1",
        loginHint: "ada@example.com",
        loginOptions: EVERY_LOGIN_OPTION,
        refreshToken: Redacted.make(REFRESH)
      }),
    method: "POST",
    path: "/v1/auth/oauth/authorize",
    query: { provider: "github", redirectURL: "https://app.example.com/cb?x=1", loginHint: "ada@example.com" },
    authorization: BEARER_REFRESH,
    body: EVERY_LOGIN_OPTION,
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "oauth.signIn (authorize/signin)",
    run: (c) =>
      c.oauth.signIn({ provider: "google", returnUrl: "https://app/cb", loginOptions: { customClaims: { a: "b" } } }),
    method: "POST",
    path: "/v1/auth/oauth/authorize/signin",
    query: { provider: "google", redirectURL: "https://app/cb" },
    body: { customClaims: { a: "b" } },
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "oauth.signUp (authorize/signup)",
    run: (c) => c.oauth.signUp({ provider: "apple", loginHint: "ada@example.com", loginOptions: { tenantId: "T1" } }),
    method: "POST",
    path: "/v1/auth/oauth/authorize/signup",
    query: { provider: "apple", loginHint: "ada@example.com" },
    body: { tenantId: "T1" },
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "oauth.updateUser (authorize/update): allowAllMerge in the query, the refresh token",
    run: (c) =>
      c.oauth.updateUser({
        provider: "google",
        returnUrl: "https://app/cb",
        loginHint: "ada",
        allowAllMerge: true,
        loginOptions: { mfa: true },
        refreshToken: REFRESH
      }),
    method: "POST",
    path: "/v1/auth/oauth/authorize/update",
    query: { provider: "google", redirectURL: "https://app/cb", loginHint: "ada", allowAllMerge: "true" },
    authorization: BEARER_REFRESH,
    body: { mfa: true },
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "oauth.exchangeToken: the callback code, a session answered",
    run: (c) => c.oauth.exchangeToken(Redacted.make("CODE-1")),
    method: "POST",
    path: "/v1/auth/oauth/exchange",
    body: { code: "CODE-1" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "oauth.startNative with login options and implicit",
    run: (c) => c.oauth.startNative({ provider: "apple", loginOptions: { mfa: false }, implicit: true }),
    method: "POST",
    path: "/v1/auth/oauth/native/start",
    body: { provider: "apple", loginOptions: { mfa: false }, implicit: true },
    response: { clientId: "C1", stateId: "S1", nonce: "N1", implicit: true },
    check: is({ clientId: "C1", stateId: "S1", nonce: "N1", implicit: true })
  },
  {
    name: "oauth.finishNative with the user, the code and the ID token",
    run: (c) =>
      c.oauth.finishNative({
        provider: "apple",
        stateId: "S1",
        user: "{\"name\":\"Ada\"}",
        code: Redacted.make("C1"),
        idToken: "ID-TOKEN"
      }),
    method: "POST",
    path: "/v1/auth/oauth/native/finish",
    body: { provider: "apple", stateId: "S1", user: "{\"name\":\"Ada\"}", code: "C1", idToken: "ID-TOKEN" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "oauth.getOneTapClientId: the provider in the path, no body, the client id answered",
    run: (c) => c.oauth.getOneTapClientId("google"),
    method: "GET",
    path: "/v1/auth/onetap/clientid/google",
    response: { clientId: "1234.apps.googleusercontent.com" },
    check: is("1234.apps.googleusercontent.com")
  },
  {
    name: "oauth.verifyOneTapIdToken with a nonce and login options: the code answered Redacted",
    run: (c) =>
      c.oauth.verifyOneTapIdToken({
        provider: "google",
        idToken: Redacted.make("ID-TOKEN"),
        nonce: "N",
        loginOptions: { customClaims: { a: 1 } }
      }),
    method: "POST",
    path: "/v1/auth/onetap/idtoken/verify",
    body: { provider: "google", idToken: "ID-TOKEN", nonce: "N", loginOptions: { customClaims: { a: 1 } } },
    response: { code: "ONE-TAP-CODE" },
    check: (r) => assert.strictEqual(Redacted.value(r as Redacted.Redacted<string>), "ONE-TAP-CODE")
  },
  {
    name: "oauth.exchangeOneTapIdToken: a session answered",
    run: (c) => c.oauth.exchangeOneTapIdToken({ provider: "google", idToken: "ID-TOKEN", nonce: "N" }),
    method: "POST",
    path: "/v1/auth/onetap/idtoken/exchange",
    body: { provider: "google", idToken: "ID-TOKEN", nonce: "N" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  }
]
