// The recorded-wire rows of JWT operations (update, impersonate, sign-in / sign-up as a user, anonymous) (run by test/management-wire-jwt.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { makeJwt, PROJECT_ID, type Row } from "../management.js"

const USER = {
  userId: "U1",
  loginIds: ["ada@example.com"],
  email: "ada@example.com",
  name: "Ada",
  status: "enabled",
  createdTime: 1700000000,
  userTenants: [{ tenantId: "T1", roleNames: ["admin"], tenantName: "Acme" }]
}
const SESSION_JWT = makeJwt({ sub: "U1", iss: PROJECT_ID, drn: "DS", exp: 4102444800 })
const REFRESH_JWT = makeJwt({ sub: "U1", iss: PROJECT_ID, drn: "DSR", exp: 4102444800 })
const JWT_RESPONSE = { sessionJwt: SESSION_JWT, refreshJwt: REFRESH_JWT, user: USER, firstSeen: false }

const isSession = (result: unknown) => {
  const info = result as { session: { subject: string }; refreshToken: Redacted.Redacted<string> | undefined }
  assert.strictEqual(Redacted.value(info.refreshToken!), REFRESH_JWT)
}

export const jwtRows: ReadonlyArray<Row> = [
  {
    name: "jwt.updateJwt",
    run: (m) =>
      m.jwt.updateJwt({ jwt: Redacted.make("old.jwt.x"), customClaims: { plan: "pro" }, refreshDuration: 3600 }),
    method: "POST",
    path: "/v1/mgmt/jwt/update",
    body: { jwt: "old.jwt.x", customClaims: { plan: "pro" }, refreshDuration: 3600 },
    response: { jwt: "new.jwt.y" },
    check: (result) => assert.strictEqual(Redacted.value(result as Redacted.Redacted<string>), "new.jwt.y")
  },
  {
    name: "jwt.impersonate",
    run: (m) =>
      m.jwt.impersonate({ impersonatorId: "U9", loginId: "ada@example.com", validateConsent: true, tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/impersonate",
    body: { impersonatorId: "U9", loginId: "ada@example.com", validateConsent: true, selectedTenant: "T1" },
    response: { jwt: "imp.jwt.z" },
    check: (result) => assert.strictEqual(Redacted.value(result as Redacted.Redacted<string>), "imp.jwt.z")
  },
  {
    name: "jwt.impersonateStepup",
    run: (m) =>
      m.jwt.impersonateStepup({
        impersonatorId: "U9",
        loginId: "ada@example.com",
        validateConsent: false,
        refreshDuration: 30
      }),
    method: "POST",
    path: "/v1/mgmt/impersonate/stepup",
    body: { impersonatorId: "U9", loginId: "ada@example.com", validateConsent: false, refreshDuration: 30 },
    response: { jwt: "imp.jwt.s" },
    check: (result) => assert.strictEqual(Redacted.value(result as Redacted.Redacted<string>), "imp.jwt.s")
  },
  {
    name: "jwt.generateClientAssertionJwt",
    run: (m) =>
      m.jwt.generateClientAssertionJwt({
        issuer: "client-1",
        subject: "client-1",
        audience: ["https://idp.example.com/token"],
        expiresIn: 300,
        flattenAudience: true
      }),
    method: "POST",
    path: "/v1/mgmt/token/clientassertion",
    body: {
      issuer: "client-1",
      subject: "client-1",
      audience: ["https://idp.example.com/token"],
      expiresIn: 300,
      flattenAudience: true
    },
    response: { jwt: "assertion.jwt.a" },
    check: (result) => assert.strictEqual(Redacted.value(result as Redacted.Redacted<string>), "assertion.jwt.a")
  },
  {
    name: "jwt.stopImpersonation",
    run: (m) => m.jwt.stopImpersonation({ jwt: "imp.jwt.z", refreshDuration: 60 }),
    method: "POST",
    path: "/v1/mgmt/stop/impersonation",
    body: { jwt: "imp.jwt.z", refreshDuration: 60 },
    response: { jwt: "act.jwt.w" },
    check: (result) => assert.strictEqual(Redacted.value(result as Redacted.Redacted<string>), "act.jwt.w")
  },
  {
    name: "jwt.signIn",
    run: (m) =>
      m.jwt.signIn({
        loginId: "ada@example.com",
        loginOptions: {
          stepup: true,
          jwt: Redacted.make("cur.refresh.jwt"),
          customClaims: { k: "v" },
          refreshDuration: 600
        }
      }),
    method: "POST",
    path: "/v1/mgmt/auth/signin",
    body: {
      loginId: "ada@example.com",
      stepup: true,
      customClaims: { k: "v" },
      jwt: "cur.refresh.jwt",
      refreshDuration: 600
    },
    response: JWT_RESPONSE,
    check: isSession
  },
  {
    name: "jwt.signUp",
    run: (m) =>
      m.jwt.signUp({
        loginId: "new@example.com",
        user: { email: "new@example.com", name: "New", verifiedEmail: true },
        signupOptions: { customClaims: { a: 1 } }
      }),
    method: "POST",
    path: "/v1/mgmt/auth/signup",
    body: {
      loginId: "new@example.com",
      user: { email: "new@example.com", name: "New", verifiedEmail: true },
      customClaims: { a: 1 }
    },
    response: JWT_RESPONSE,
    check: isSession
  },
  {
    name: "jwt.signUpOrIn",
    run: (m) => m.jwt.signUpOrIn({ loginId: "new@example.com" }),
    method: "POST",
    path: "/v1/mgmt/auth/signup-in",
    body: { loginId: "new@example.com" },
    response: JWT_RESPONSE,
    check: isSession
  },
  {
    name: "jwt.anonymous",
    run: (m) => m.jwt.anonymous({ customClaims: { guest: true }, tenantId: "T1", refreshDuration: 120 }),
    method: "POST",
    path: "/v1/mgmt/auth/anonymous",
    body: { customClaims: { guest: true }, selectedTenant: "T1", refreshDuration: 120 },
    response: { sessionJwt: SESSION_JWT, refreshJwt: REFRESH_JWT },
    check: (result) => {
      isSession(result)
      assert.strictEqual((result as { user: unknown }).user, undefined)
    }
  },
  {
    name: "jwt.impersonate with stepup",
    run: (m) =>
      m.jwt.impersonate({ impersonatorId: "U9", loginId: "ada@example.com", validateConsent: false, stepup: true }),
    method: "POST",
    path: "/v1/mgmt/impersonate",
    body: { impersonatorId: "U9", loginId: "ada@example.com", validateConsent: false, stepup: true },
    response: { jwt: "imp.jwt.su" },
    check: (result) => assert.strictEqual(Redacted.value(result as Redacted.Redacted<string>), "imp.jwt.su")
  }
]
