// The recorded-wire rows of outbound applications and their tokens (run by test/management-wire-outboundapplication.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, type Row } from "../management.js"

const APP = { id: "OA1", name: "Google", description: "", clientId: "cid", defaultScopes: ["openid"], pkce: true }
const TOKEN = {
  id: "OT1",
  appId: "OA1",
  userId: "U1",
  accessToken: "acc3ss-token-value",
  accessTokenExpiry: 1900000000,
  refreshToken: "r3fresh-token-value",
  hasRefreshToken: true,
  scopes: ["openid"]
}

const isToken = (r: unknown) => {
  const t = r as { accessToken: Redacted.Redacted<string>; refreshToken: Redacted.Redacted<string>; id: string }
  assert.strictEqual(t.id, "OT1")
  assert.isTrue(Redacted.isRedacted(t.accessToken))
  assert.strictEqual(Redacted.value(t.accessToken), "acc3ss-token-value")
  assert.strictEqual(Redacted.value(t.refreshToken), "r3fresh-token-value")
  assert.notInclude(JSON.stringify(r), "acc3ss")
  assert.notInclude(String(t.accessToken), "acc3ss")
}

export const outboundAppRows: ReadonlyArray<Row> = [
  {
    name: "outboundApplication.createApplication (secret Redacted in, plain on the wire)",
    run: (m) =>
      m.outboundApplication.createApplication({
        name: "Google",
        clientId: "cid",
        clientSecret: Redacted.make("cl1ent-secret"),
        defaultScopes: ["openid"],
        pkce: true
      }),
    method: "POST",
    path: "/v1/mgmt/outbound/app/create",
    body: { name: "Google", clientId: "cid", clientSecret: "cl1ent-secret", defaultScopes: ["openid"], pkce: true },
    response: { app: APP },
    check: (r) => assert.deepStrictEqual(r, APP)
  },
  {
    name: "outboundApplication.createApplicationByTemplate",
    run: (m) =>
      m.outboundApplication.createApplicationByTemplate({
        templateId: "google",
        clientId: "cid",
        clientSecret: "cl1ent-secret",
        overrides: { name: "My Google", defaultScopes: ["email"] }
      }),
    method: "POST",
    path: "/v1/mgmt/outbound/app/create/bytemplate",
    body: {
      templateId: "google",
      clientId: "cid",
      clientSecret: "cl1ent-secret",
      overrides: { name: "My Google", defaultScopes: ["email"] }
    },
    response: { app: APP },
    check: (r) => assert.deepStrictEqual(r, APP)
  },
  {
    name: "outboundApplication.updateApplication ({ app })",
    run: (m) => m.outboundApplication.updateApplication({ id: "OA1", name: "Google", clientId: "cid2" }),
    method: "POST",
    path: "/v1/mgmt/outbound/app/update",
    body: { app: { id: "OA1", name: "Google", clientId: "cid2" } },
    response: { app: APP },
    check: (r) => assert.deepStrictEqual(r, APP)
  },
  {
    name: "outboundApplication.deleteApplication",
    run: (m) => m.outboundApplication.deleteApplication("OA1"),
    method: "POST",
    path: "/v1/mgmt/outbound/app/delete",
    body: { id: "OA1" },
    check: isVoid
  },
  {
    name: "outboundApplication.loadApplication",
    run: (m) => m.outboundApplication.loadApplication("OA1"),
    method: "GET",
    path: "/v1/mgmt/outbound/app/OA1",
    response: { app: APP },
    check: (r) => assert.deepStrictEqual(r, APP)
  },
  {
    name: "outboundApplication.loadAllApplications",
    run: (m) => m.outboundApplication.loadAllApplications(),
    method: "GET",
    path: "/v1/mgmt/outbound/apps",
    response: { apps: [APP] },
    check: (r) => assert.deepStrictEqual(r, [APP])
  }
]

export const outboundAppTokenRows: ReadonlyArray<Row> = [
  {
    name: "outboundApplication.fetchTokenByScopes",
    run: (m) => m.outboundApplication.fetchTokenByScopes("OA1", "U1", ["openid"], { withRefreshToken: true }, "T1"),
    method: "POST",
    path: "/v1/mgmt/outbound/app/user/token",
    body: { appId: "OA1", userId: "U1", scopes: ["openid"], options: { withRefreshToken: true }, tenantId: "T1" },
    response: { token: TOKEN },
    check: isToken
  },
  {
    name: "outboundApplication.fetchToken",
    run: (m) => m.outboundApplication.fetchToken("OA1", "U1"),
    method: "POST",
    path: "/v1/mgmt/outbound/app/user/token/latest",
    body: { appId: "OA1", userId: "U1" },
    response: { token: TOKEN },
    check: isToken
  },
  {
    name: "outboundApplication.fetchTenantTokenByScopes",
    run: (m) => m.outboundApplication.fetchTenantTokenByScopes("OA1", "T1", ["openid"], { forceRefresh: true }),
    method: "POST",
    path: "/v1/mgmt/outbound/app/tenant/token",
    body: { appId: "OA1", tenantId: "T1", scopes: ["openid"], options: { forceRefresh: true } },
    response: { token: TOKEN },
    check: isToken
  },
  {
    name: "outboundApplication.fetchTenantToken",
    run: (m) => m.outboundApplication.fetchTenantToken("OA1", "T1"),
    method: "POST",
    path: "/v1/mgmt/outbound/app/tenant/token/latest",
    body: { appId: "OA1", tenantId: "T1" },
    response: { token: TOKEN },
    check: isToken
  },
  {
    name: "outboundApplication.deleteUserTokens",
    run: (m) => m.outboundApplication.deleteUserTokens("OA1", "U1"),
    method: "DELETE",
    path: "/v1/mgmt/outbound/user/tokens",
    query: { appId: "OA1", userId: "U1" },
    check: isVoid
  },
  {
    name: "outboundApplication.deleteUserTokens (a user's, every app)",
    run: (m) => m.outboundApplication.deleteUserTokens(undefined, "U1"),
    method: "DELETE",
    path: "/v1/mgmt/outbound/user/tokens",
    query: { userId: "U1" },
    check: isVoid
  },
  {
    name: "outboundApplication.deleteTokenById",
    run: (m) => m.outboundApplication.deleteTokenById("OT1"),
    method: "DELETE",
    path: "/v1/mgmt/outbound/token",
    query: { id: "OT1" },
    check: isVoid
  },
  {
    name: "outboundApplication.listAppsWithUserToken",
    run: (m) => m.outboundApplication.listAppsWithUserToken("U1", "T1"),
    method: "GET",
    path: "/v1/mgmt/outbound/apps-with-user-token",
    query: { userId: "U1", tenantId: "T1" },
    response: { appIds: ["OA1"] },
    check: (r) => assert.deepStrictEqual(r, ["OA1"])
  },
  {
    name: "outboundApplication.uploadUserApiKey",
    run: (m) => m.outboundApplication.uploadUserApiKey("OA1", "U1", Redacted.make("k3y")),
    method: "POST",
    path: "/v1/mgmt/outbound/app/user/apikey/upload",
    body: { appId: "OA1", userId: "U1", apiKey: "k3y" },
    check: isVoid
  },
  {
    name: "outboundApplication.uploadTenantApiKey",
    run: (m) => m.outboundApplication.uploadTenantApiKey("OA1", "T1", "k3y"),
    method: "POST",
    path: "/v1/mgmt/outbound/app/tenant/apikey/upload",
    body: { appId: "OA1", tenantId: "T1", apiKey: "k3y" },
    check: isVoid
  },
  {
    name: "outboundApplication.uploadUserToken",
    run: (m) =>
      m.outboundApplication.uploadUserToken({
        appId: "OA1",
        userId: "U1",
        refreshToken: Redacted.make("r3f"),
        accessToken: "acc",
        accessTokenExpiry: 1900000000,
        scopes: ["openid"],
        verifyRefresh: true
      }),
    method: "POST",
    path: "/v1/mgmt/outbound/app/user/oauthtoken/upload",
    body: {
      appId: "OA1",
      userId: "U1",
      refreshToken: "r3f",
      accessToken: "acc",
      accessTokenExpiry: 1900000000,
      scopes: ["openid"],
      verifyRefresh: true
    },
    check: isVoid
  },
  {
    name: "outboundApplication.uploadTenantToken",
    run: (m) => m.outboundApplication.uploadTenantToken({ appId: "OA1", tenantId: "T1", accessToken: "acc" }),
    method: "POST",
    path: "/v1/mgmt/outbound/app/tenant/oauthtoken/upload",
    body: { appId: "OA1", tenantId: "T1", accessToken: "acc" },
    check: isVoid
  },
  {
    name: "outboundApplication.batchUploadUserTokens",
    run: (m) =>
      m.outboundApplication.batchUploadUserTokens([{ appId: "OA1", userId: "U1", refreshToken: "r" }, {
        appId: "OA1",
        userId: "U2",
        accessToken: "a"
      }]),
    method: "POST",
    path: "/v1/mgmt/outbound/app/user/oauthtoken/batch/upload",
    body: {
      tokens: [{ appId: "OA1", userId: "U1", refreshToken: "r" }, { appId: "OA1", userId: "U2", accessToken: "a" }]
    },
    response: { failures: [{ appId: "OA1", userId: "U2", errorCode: "E1", reason: "no user" }] },
    check: (r) => assert.deepStrictEqual(r, [{ appId: "OA1", userId: "U2", errorCode: "E1", reason: "no user" }])
  },
  {
    name: "outboundApplication.batchUploadTenantTokens",
    run: (m) => m.outboundApplication.batchUploadTenantTokens([{ appId: "OA1", tenantId: "T1", accessToken: "a" }]),
    method: "POST",
    path: "/v1/mgmt/outbound/app/tenant/oauthtoken/batch/upload",
    body: { tokens: [{ appId: "OA1", tenantId: "T1", accessToken: "a" }] },
    response: { failures: [] },
    check: (r) => assert.deepStrictEqual(r, [])
  }
]
