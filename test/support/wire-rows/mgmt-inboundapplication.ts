// The recorded-wire rows of inbound applications, their secrets and consents (run by test/management-wire-inboundapplication.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, type Row } from "../management.js"

const SCOPE = { name: "read", description: "Read things" }
const APP = {
  id: "TP1",
  clientId: "TP1",
  name: "Zapier",
  description: "",
  approvedCallbackUrls: ["https://zap.test/cb"],
  permissionsScopes: [SCOPE]
}
export const CONSENT = {
  id: "CO1",
  appId: "TP1",
  userId: "U1",
  scopes: ["read"],
  grantedBy: "U1",
  createdTime: 1700000000
}

const isSecret = (value: string) => (r: unknown) => {
  const secret = (r as { cleartext: Redacted.Redacted<string> }).cleartext
  assert.strictEqual(Redacted.value(secret), value)
  assert.notInclude(JSON.stringify(r), value)
}

export const inboundApplicationRows: ReadonlyArray<Row> = [
  {
    name: "inboundApplication.createApplication",
    run: (m) =>
      m.inboundApplication.createApplication({
        name: "Zapier",
        approvedCallbackUrls: ["https://zap.test/cb"],
        permissionsScopes: [SCOPE]
      }),
    method: "POST",
    path: "/v1/mgmt/thirdparty/app/create",
    body: { name: "Zapier", approvedCallbackUrls: ["https://zap.test/cb"], permissionsScopes: [SCOPE] },
    response: { id: "TP1", clientId: "TP1", cleartext: "s3cret-value" },
    check: (r) => {
      assert.strictEqual((r as { id: string }).id, "TP1")
      isSecret("s3cret-value")(r)
    }
  },
  {
    name: "inboundApplication.updateApplication",
    run: (m) => m.inboundApplication.updateApplication({ id: "TP1", name: "Zapier", permissionsScopes: [] }),
    method: "POST",
    path: "/v1/mgmt/thirdparty/app/update",
    body: { id: "TP1", name: "Zapier", permissionsScopes: [] },
    check: isVoid
  },
  {
    name: "inboundApplication.patchApplication",
    run: (m) => m.inboundApplication.patchApplication({ id: "TP1", logo: "https://zap.test/logo.png" }),
    method: "POST",
    path: "/v1/mgmt/thirdparty/app/patch",
    body: { id: "TP1", logo: "https://zap.test/logo.png" },
    check: isVoid
  },
  {
    name: "inboundApplication.deleteApplication",
    run: (m) => m.inboundApplication.deleteApplication("TP1"),
    method: "POST",
    path: "/v1/mgmt/thirdparty/app/delete",
    body: { id: "TP1" },
    check: isVoid
  },
  {
    name: "inboundApplication.deleteApplicationBatch",
    run: (m) => m.inboundApplication.deleteApplicationBatch(["TP1", "TP2"]),
    method: "POST",
    path: "/v1/mgmt/thirdparty/app/delete/batch",
    body: { ids: ["TP1", "TP2"] },
    check: isVoid
  },
  {
    name: "inboundApplication.loadApplication",
    run: (m) => m.inboundApplication.loadApplication("TP1"),
    method: "GET",
    path: "/v1/mgmt/thirdparty/app/load",
    query: { id: "TP1" },
    response: APP,
    check: (r) => assert.deepStrictEqual(r, APP)
  },
  {
    name: "inboundApplication.loadAllApplications",
    run: (m) => m.inboundApplication.loadAllApplications(),
    method: "GET",
    path: "/v1/mgmt/thirdparty/apps/load",
    response: { apps: [APP] },
    check: (r) => assert.deepStrictEqual(r, [APP])
  },
  {
    name: "inboundApplication.getApplicationSecret",
    run: (m) => m.inboundApplication.getApplicationSecret("TP1"),
    method: "GET",
    path: "/v1/mgmt/thirdparty/app/secret",
    query: { id: "TP1" },
    response: { cleartext: "s3cret-value" },
    check: isSecret("s3cret-value")
  },
  {
    name: "inboundApplication.rotateApplicationSecret",
    run: (m) => m.inboundApplication.rotateApplicationSecret("TP1"),
    method: "POST",
    path: "/v1/mgmt/thirdparty/app/rotate",
    body: { id: "TP1" },
    response: { cleartext: "n3w-secret" },
    check: isSecret("n3w-secret")
  },
  {
    name: "inboundApplication.searchConsents",
    run: (m) => m.inboundApplication.searchConsents({ appId: "TP1", userId: "U1", page: 1, limit: 10 }),
    method: "POST",
    path: "/v1/mgmt/thirdparty/consents/search",
    body: { appId: "TP1", userId: "U1", page: 1, limit: 10 },
    response: { consents: [CONSENT], total: 11 },
    check: (r) => assert.deepStrictEqual(r, [CONSENT])
  },
  {
    name: "inboundApplication.deleteConsents",
    run: (m) => m.inboundApplication.deleteConsents({ appId: "TP1", userIds: ["U1"] }),
    method: "POST",
    path: "/v1/mgmt/thirdparty/consents/delete",
    body: { appId: "TP1", userIds: ["U1"] },
    check: isVoid
  },
  {
    name: "inboundApplication.deleteTenantConsents",
    run: (m) => m.inboundApplication.deleteTenantConsents({ tenantId: "T1", appId: "TP1" }),
    method: "POST",
    path: "/v1/mgmt/thirdparty/consents/delete/tenant",
    body: { tenantId: "T1", appId: "TP1" },
    check: isVoid
  },
  {
    name: "inboundApplication.getApplicationSecret (go-sdk's secretName)",
    run: (m) => m.inboundApplication.getApplicationSecret("TP1", "next"),
    method: "GET",
    path: "/v1/mgmt/thirdparty/app/secret",
    query: { id: "TP1", secretName: "next" },
    response: { cleartext: "n3xt" },
    check: isSecret("n3xt")
  },
  {
    name: "inboundApplication.createApplicationV2 (go-sdk's wire)",
    run: (m) =>
      m.inboundApplication.createApplicationV2({
        name: "Zapier",
        permissionsScopes: [SCOPE],
        clientType: "confidential",
        forceDpop: true,
        scopeClaimMapping: [{ scope: "read", claims: ["email"] }]
      }),
    method: "POST",
    path: "/v2/mgmt/thirdparty/app/create",
    body: {
      name: "Zapier",
      permissionsScopes: [SCOPE],
      clientType: "confidential",
      forceDpop: true,
      scopeClaimMapping: [{ scope: "read", claims: ["email"] }]
    },
    response: { id: "TP1", cleartext: "v2-secret" },
    check: isSecret("v2-secret")
  },
  {
    name: "inboundApplication.updateApplicationV2",
    run: (m) => m.inboundApplication.updateApplicationV2({ id: "TP1", name: "Zapier", forcePkce: true }),
    method: "POST",
    path: "/v2/mgmt/thirdparty/app/update",
    body: { id: "TP1", name: "Zapier", forcePkce: true },
    check: isVoid
  },
  {
    name: "inboundApplication.patchApplicationV2 (only the fields given)",
    run: (m) => m.inboundApplication.patchApplicationV2({ id: "TP1", clientType: "public" }),
    method: "POST",
    path: "/v2/mgmt/thirdparty/app/patch",
    body: { id: "TP1", clientType: "public" },
    check: isVoid
  },
  {
    name: "inboundApplication.loadApplicationV2",
    run: (m) => m.inboundApplication.loadApplicationV2("TP1"),
    method: "GET",
    path: "/v2/mgmt/thirdparty/app/load",
    query: { id: "TP1" },
    response: { ...APP, clientType: "public", forceDpop: false },
    check: (r) => assert.deepStrictEqual(r, { ...APP, clientType: "public", forceDpop: false })
  },
  {
    name: "inboundApplication.loadAllApplicationsV2 (a page and the total)",
    run: (m) => m.inboundApplication.loadAllApplicationsV2({ page: 1, limit: 5 }),
    method: "POST",
    path: "/v2/mgmt/thirdparty/apps/load",
    body: { page: 1, limit: 5 },
    response: { apps: [APP], total: 6 },
    check: (r) => assert.deepStrictEqual(r, { apps: [APP], total: 6 })
  },
  {
    name: "inboundApplication.addApplicationSecret",
    run: (m) => m.inboundApplication.addApplicationSecret("TP1", "next", 1900000000),
    method: "POST",
    path: "/v1/mgmt/thirdparty/app/secret/add",
    body: { id: "TP1", name: "next", expireTime: 1900000000 },
    response: { meta: { id: "SC1", name: "next", createdTime: 1700000000, expireTime: 1900000000 }, cleartext: "a2" },
    check: (r) => {
      isSecret("a2")(r)
      assert.deepStrictEqual((r as { meta: unknown }).meta, {
        id: "SC1",
        name: "next",
        createdTime: 1700000000,
        expireTime: 1900000000
      })
    }
  },
  {
    name: "inboundApplication.revokeApplicationSecret",
    run: (m) => m.inboundApplication.revokeApplicationSecret("TP1", "old"),
    method: "POST",
    path: "/v1/mgmt/thirdparty/app/secret/revoke",
    body: { id: "TP1", name: "old" },
    response: { secrets: [{ name: "next" }] },
    check: (r) => assert.deepStrictEqual(r, [{ name: "next" }])
  }
]
