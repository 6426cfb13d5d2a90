// The recorded-wire rows of client.webauthn (run by test/auth-wire.test.ts, checked complete against the wire
// catalogue by test/wire-rows-complete.test.ts): core-js-sdk's bodies (sign-up's login id inside `user`), the
// passkey options passed through, stepup / update with the refresh token.
import { assert } from "@effect/vitest"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import { is, isAuthenticated, JWT_RESPONSE, SIGN_UP_OPTIONS } from "./auth-common.js"

const START = { transactionId: "TX1", options: "{\"publicKey\":{}}", create: true }
const ORIGIN = "https://app.example.com"
const PASSKEY_OPTIONS = {
  authenticatorSelection: {
    authenticatorAttachment: "platform",
    residentKey: "required",
    userVerification: "required"
  },
  attestation: "none",
  userVerification: "preferred",
  extensionsJSON: "{\"credProps\":true}"
} as const

export const webauthnRows: ReadonlyArray<AuthRow> = [
  {
    name: "webauthn.signUpStart: the user with its login id, the origin, the passkey and sign-up options",
    run: (c) =>
      c.webauthn.signUpStart({
        loginId: "ada@example.com",
        origin: ORIGIN,
        user: { name: "Ada", email: "ada@example.com" },
        passkeyOptions: PASSKEY_OPTIONS,
        loginOptions: SIGN_UP_OPTIONS
      }),
    method: "POST",
    path: "/v1/auth/webauthn/signup/start",
    body: {
      user: { name: "Ada", email: "ada@example.com", loginId: "ada@example.com" },
      origin: ORIGIN,
      loginOptions: SIGN_UP_OPTIONS,
      passkeyOptions: PASSKEY_OPTIONS
    },
    response: START,
    check: is(START)
  },
  {
    name: "webauthn.signUpFinish: the transaction and the authenticator's response, a session answered",
    run: (c) => c.webauthn.signUpFinish({ transactionId: "TX1", response: "{\"id\":\"cred\"}" }),
    method: "POST",
    path: "/v1/auth/webauthn/signup/finish",
    body: { transactionId: "TX1", response: "{\"id\":\"cred\"}" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "webauthn.signInStart with stepup: the refresh token; create defaults to false",
    run: (c) =>
      c.webauthn.signInStart({
        loginId: "ada@example.com",
        origin: ORIGIN,
        loginOptions: { stepup: true },
        refreshToken: REFRESH,
        passkeyOptions: { userVerification: "required" }
      }),
    method: "POST",
    path: "/v1/auth/webauthn/signin/start",
    authorization: BEARER_REFRESH,
    body: {
      loginId: "ada@example.com",
      origin: ORIGIN,
      loginOptions: { stepup: true },
      passkeyOptions: { userVerification: "required" }
    },
    response: { transactionId: "TX2", options: "{}" },
    check: is({ transactionId: "TX2", options: "{}", create: false })
  },
  {
    name: "webauthn.signInFinish: a session answered",
    run: (c) => c.webauthn.signInFinish({ transactionId: "TX2", response: "{}" }),
    method: "POST",
    path: "/v1/auth/webauthn/signin/finish",
    body: { transactionId: "TX2", response: "{}" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "webauthn.signUpOrInStart with sign-up options",
    run: (c) =>
      c.webauthn.signUpOrInStart({
        loginId: "ada@example.com",
        origin: ORIGIN,
        loginOptions: { customClaims: { a: 1 } }
      }),
    method: "POST",
    path: "/v1/auth/webauthn/signup-in/start",
    body: { loginId: "ada@example.com", origin: ORIGIN, loginOptions: { customClaims: { a: 1 } } },
    response: START,
    check: is(START)
  },
  {
    name: "webauthn.updateStart with mfa and passkey options: the refresh token",
    run: (c) =>
      c.webauthn.updateStart({
        loginId: "ada@example.com",
        origin: ORIGIN,
        refreshToken: REFRESH,
        passkeyOptions: { attestation: "direct" },
        mfa: true
      }),
    method: "POST",
    path: "/v1/auth/webauthn/update/start",
    authorization: BEARER_REFRESH,
    body: { loginId: "ada@example.com", origin: ORIGIN, passkeyOptions: { attestation: "direct" }, mfa: true },
    response: START,
    check: is(START)
  },
  {
    name: "webauthn.updateFinish answering a session under `jwt`",
    run: (c) => c.webauthn.updateFinish({ transactionId: "TX3", response: "{}" }),
    method: "POST",
    path: "/v1/auth/webauthn/update/finish",
    body: { transactionId: "TX3", response: "{}" },
    response: { jwt: JWT_RESPONSE },
    check: isAuthenticated
  },
  {
    name: "webauthn.updateFinish answering {}: undefined",
    run: (c) => c.webauthn.updateFinish({ transactionId: "TX3", response: "{}" }),
    method: "POST",
    path: "/v1/auth/webauthn/update/finish",
    body: { transactionId: "TX3", response: "{}" },
    response: {},
    check: (r) => assert.isUndefined(r)
  }
]
