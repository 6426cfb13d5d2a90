// The recorded-wire rows of client.totp and client.password (run by test/auth-wire.test.ts, checked complete against
// the wire catalogue by test/wire-rows-complete.test.ts): core-js-sdk's bodies; the secrets (codes, passwords, the
// authenticator key) revealed on the wire only, answered Redacted.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import { is, isAuthenticated, isPending, isVoid, JWT_RESPONSE, SIGN_UP_OPTIONS, SIGN_UP_USER } from "./auth-common.js"

const TOTP = {
  provisioningURL: "otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP&issuer=Acme",
  image: "iVBORw0KGgo=",
  key: "JBSWY3DPEHPK3PXP"
}

/** The provisioning data: the image as sent, the URL and the key Redacted. */
const isTotp = (result: unknown) => {
  const r = result as { image: string; key: Redacted.Redacted<string>; provisioningURL: Redacted.Redacted<string> }
  assert.strictEqual(r.image, TOTP.image)
  assert.strictEqual(Redacted.value(r.key), TOTP.key)
  assert.strictEqual(Redacted.value(r.provisioningURL), TOTP.provisioningURL)
}

export const totpRows: ReadonlyArray<AuthRow> = [
  {
    name: "totp.signUp with the user: the provisioning data answered",
    run: (c) => c.totp.signUp({ loginId: "ada@example.com", user: SIGN_UP_USER }),
    method: "POST",
    path: "/v1/auth/totp/signup",
    body: { loginId: "ada@example.com", user: SIGN_UP_USER },
    response: TOTP,
    check: isTotp
  },
  {
    name: "totp.signInCode with mfa: the refresh token, the code revealed on the wire only",
    run: (c) =>
      c.totp.signInCode({
        loginId: "ada@example.com",
        code: Redacted.make("654321"),
        loginOptions: { mfa: true, customClaims: { a: 1 } },
        refreshToken: REFRESH
      }),
    method: "POST",
    path: "/v1/auth/totp/verify",
    authorization: BEARER_REFRESH,
    body: { loginId: "ada@example.com", code: "654321", loginOptions: { mfa: true, customClaims: { a: 1 } } },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "totp.signInCode without options: no loginOptions sent",
    run: (c) => c.totp.signInCode({ loginId: "ada@example.com", code: "654321" }),
    method: "POST",
    path: "/v1/auth/totp/verify",
    body: { loginId: "ada@example.com", code: "654321" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "totp.updateUser: the refresh token, the new provisioning data answered",
    run: (c) => c.totp.updateUser({ loginId: "ada@example.com", refreshToken: Redacted.make(REFRESH) }),
    method: "POST",
    path: "/v1/auth/totp/update",
    authorization: BEARER_REFRESH,
    body: { loginId: "ada@example.com" },
    response: TOTP,
    check: isTotp
  }
]

const POLICY = { minLength: 8, lowercase: true, uppercase: true, number: true, nonAlphanumeric: false }

export const passwordRows: ReadonlyArray<AuthRow> = [
  {
    name: "password.signUp with the user, the sign-up options and a provider",
    run: (c) =>
      c.password.signUp({
        loginId: "ada@example.com",
        password: Redacted.make("s3cret!Pass"),
        user: SIGN_UP_USER,
        loginOptions: SIGN_UP_OPTIONS,
        providerId: "p"
      }),
    method: "POST",
    path: "/v1/auth/password/signup",
    body: {
      loginId: "ada@example.com",
      password: "s3cret!Pass",
      user: SIGN_UP_USER,
      loginOptions: SIGN_UP_OPTIONS,
      providerId: "p"
    },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "password.signIn with login options and a provider",
    run: (c) =>
      c.password.signIn({
        loginId: "ada@example.com",
        password: "s3cret!Pass",
        loginOptions: { customClaims: { a: 1 }, tenantId: "T1", revokeOtherSessions: true },
        providerId: "p"
      }),
    method: "POST",
    path: "/v1/auth/password/signin",
    body: {
      loginId: "ada@example.com",
      password: "s3cret!Pass",
      loginOptions: { customClaims: { a: 1 }, tenantId: "T1", revokeOtherSessions: true },
      providerId: "p"
    },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "password.sendReset with the redirect URL and template options: the pending reference Redacted",
    run: (c) =>
      c.password.sendReset({
        loginId: "ada@example.com",
        redirectUrl: "https://app.example.com/reset",
        templateOptions: { a: "b" }
      }),
    method: "POST",
    path: "/v1/auth/password/reset",
    body: { loginId: "ada@example.com", redirectUrl: "https://app.example.com/reset", templateOptions: { a: "b" } },
    response: { resetMethod: "enchantedlink", pendingRef: "PR", linkId: "7", maskedEmail: "a***@example.com" },
    check: isPending({ resetMethod: "enchantedlink", pendingRef: "PR", linkId: "7", maskedEmail: "a***@example.com" })
  },
  {
    name: "password.update: the refresh token, nothing answered",
    run: (c) => c.password.update({ loginId: "ada@example.com", newPassword: "n3w!Pass", refreshToken: REFRESH }),
    method: "POST",
    path: "/v1/auth/password/update",
    authorization: BEARER_REFRESH,
    body: { loginId: "ada@example.com", newPassword: "n3w!Pass" },
    check: isVoid
  },
  {
    name: "password.replace: the old and the new password, a session answered",
    run: (c) =>
      c.password.replace({
        loginId: "ada@example.com",
        oldPassword: Redacted.make("old!Pass1"),
        newPassword: "n3w!Pass"
      }),
    method: "POST",
    path: "/v1/auth/password/replace",
    body: { loginId: "ada@example.com", oldPassword: "old!Pass1", newPassword: "n3w!Pass" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "password.getPolicy: no body, the policy answered (unknown fields dropped)",
    run: (c) => c.password.getPolicy(),
    method: "GET",
    path: "/v1/auth/password/policy",
    response: { ...POLICY, extra: "ignored" },
    check: is(POLICY)
  }
]
