// The recorded-wire rows of the session calls (refresh, logout, me, tenants, history, tenant selection), the
// access-key exchange and the signing-key fetch (run by test/auth-wire.test.ts, checked complete against the wire
// catalogue by test/wire-rows-complete.test.ts): core-js-sdk's wire, `{}` as the body of refresh and logout, the
// user's refresh token (the access key for the exchange) in the Authorization header.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import type { AuthenticationInfo } from "../../../src/core/AuthenticationInfo.js"
import { jwtResponse, makeJwt, PROJECT_ID, REFRESH_JWT } from "../authFlows.js"
import type { AuthRow } from "../authWire.js"
import { isAuthenticated, isVoid, JWT_RESPONSE } from "./auth-common.js"

const BEARER_USER = `Bearer ${PROJECT_ID}:${REFRESH_JWT}`
const TENANT_SESSION = makeJwt({ sub: "U1", iss: PROJECT_ID, drn: "DS", dct: "T1", exp: 4102444800 })
const KEY_SESSION = makeJwt({ sub: "K1", iss: PROJECT_ID, drn: "DS", exp: 4102444800 })
const USER = { userId: "U1", loginIds: ["ada@example.com"], email: "ada@example.com", name: "Ada" }
const KEY = { kty: "EC", kid: "K1", alg: "ES384", use: "sig", crv: "P-384", x: "eA", y: "eQ" }

export const sessionRows: ReadonlyArray<AuthRow> = [
  {
    name: "refreshSession: the refresh token, {} as the body, a session answered",
    run: (c) => c.sessions.refreshSession(Redacted.make(REFRESH_JWT)),
    method: "POST",
    path: "/v1/auth/refresh",
    authorization: BEARER_USER,
    body: {},
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "selectTenant: the tenant, a session with its dct claim answered",
    run: (c) => c.sessions.selectTenant({ tenantId: "T1", refreshToken: REFRESH_JWT }),
    method: "POST",
    path: "/v1/auth/tenant/select",
    authorization: BEARER_USER,
    body: { tenant: "T1" },
    response: jwtResponse({ sessionJwt: TENANT_SESSION }),
    check: (r) => assert.strictEqual((r as AuthenticationInfo).session.currentTenant, "T1")
  },
  {
    name: "logout: {} as the body, nothing answered",
    run: (c) => c.sessions.logout(REFRESH_JWT),
    method: "POST",
    path: "/v1/auth/logout",
    authorization: BEARER_USER,
    body: {},
    check: isVoid
  },
  {
    name: "logoutAll: {} as the body, nothing answered",
    run: (c) => c.sessions.logoutAll(Redacted.make(REFRESH_JWT)),
    method: "POST",
    path: "/v1/auth/logoutall",
    authorization: BEARER_USER,
    body: {},
    check: isVoid
  },
  {
    name: "me: no body, the user answered",
    run: (c) => c.sessions.me(REFRESH_JWT),
    method: "GET",
    path: "/v1/auth/me",
    authorization: BEARER_USER,
    response: USER,
    check: (r) => {
      const user = r as typeof USER
      assert.strictEqual(user.userId, "U1")
      assert.deepStrictEqual(user.loginIds, ["ada@example.com"])
    }
  },
  {
    name: "myTenants of the session's tenant (dct)",
    run: (c) => c.sessions.myTenants({ refreshToken: REFRESH_JWT, dct: true }),
    method: "POST",
    path: "/v1/auth/me/tenants",
    authorization: BEARER_USER,
    body: { dct: true },
    response: { tenants: [{ id: "T1", name: "Acme", customAttributes: { tier: "gold" } }] },
    check: (r) => assert.deepStrictEqual(r, [{ id: "T1", name: "Acme", customAttributes: { tier: "gold" } }])
  },
  {
    name: "myTenants by ids",
    run: (c) => c.sessions.myTenants({ refreshToken: REFRESH_JWT, ids: ["T1", "T2"] }),
    method: "POST",
    path: "/v1/auth/me/tenants",
    authorization: BEARER_USER,
    body: { ids: ["T1", "T2"] },
    response: { tenants: [{ id: "T1" }, { id: "T2", name: "Beta" }] },
    check: (r) => assert.deepStrictEqual(r, [{ id: "T1" }, { id: "T2", name: "Beta" }])
  },
  {
    name: "history: no body, the logins answered",
    run: (c) => c.sessions.history(REFRESH_JWT),
    method: "GET",
    path: "/v1/auth/me/history",
    authorization: BEARER_USER,
    response: [{ userId: "U1", loginTime: 1700000000, city: "Haifa", country: "IL", ip: "10.0.0.1" }],
    check: (r) =>
      assert.deepStrictEqual(r, [{ userId: "U1", loginTime: 1700000000, city: "Haifa", country: "IL", ip: "10.0.0.1" }])
  },
  {
    name: "exchangeAccessKey with login options: the access key as the credential",
    run: (c) =>
      c.sessions.exchangeAccessKey(Redacted.make("AK-secret"), {
        loginOptions: { customClaims: { k1: "v1" }, selectedTenant: "T1" }
      }),
    method: "POST",
    path: "/v1/auth/accesskey/exchange",
    authorization: `Bearer ${PROJECT_ID}:AK-secret`,
    body: { loginOptions: { customClaims: { k1: "v1" }, selectedTenant: "T1" } },
    response: { keyId: "K1", sessionJwt: KEY_SESSION, expiration: 4102444800 },
    check: (r) => {
      const key = r as { keyId: string; expiration: number; session: { userId: string } }
      assert.strictEqual(key.keyId, "K1")
      assert.strictEqual(key.expiration, 4102444800)
      assert.strictEqual(key.session.userId, "K1")
    }
  },
  {
    name: "exchangeAccessKey without options: {} as the body",
    run: (c) => c.sessions.exchangeAccessKey("AK-secret"),
    method: "POST",
    path: "/v1/auth/accesskey/exchange",
    authorization: `Bearer ${PROJECT_ID}:AK-secret`,
    body: {},
    response: { keyId: "K1", sessionJwt: KEY_SESSION, expiration: 4102444800 },
    check: (r) => assert.strictEqual((r as { keyId: string }).keyId, "K1")
  }
]

export const keysRows: ReadonlyArray<AuthRow> = [
  {
    name: "the signing-key fetch: the project id in the path, no body, the usable keys answered",
    run: (c) => c.jwks.fetchKeys(),
    method: "GET",
    path: `/v2/keys/${PROJECT_ID}`,
    response: { keys: [KEY, { kty: "EC", kid: "", alg: "ES384" }, { kty: "EC", kid: "K2", alg: "none" }] },
    check: (r) => assert.deepStrictEqual(r, [KEY])
  }
]
