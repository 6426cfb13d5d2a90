// The node-sdk wire oracle (test/support/oracle.ts) for the areas added for issue 15: lists, SSO
// applications, outbound and inbound applications, JWT templates, management keys, descopers, engines, the
// scope to claims mapping and analytics. Each operation node-sdk has is run through both clients and must
// send the same request. Where we send `{}` and node-sdk sends no body (descoper.list), the deviation says so.
import * as Redacted from "effect/Redacted"
import { type Case, type NodeManagement, oracleSuite, type Wire } from "./support/oracle.js"

const SCOPE = { name: "read", description: "Read" }
const MAP = { name: "email", type: "string", value: "attributes.email" }

const cases = (m: NodeManagement): ReadonlyArray<Case> => [
  // list
  [
    "list.create",
    { list: { id: "L1" } },
    () => m.list.create({ name: "n", type: "ips", data: ["10.0.0.0/8"], description: "d" }),
    (g) => g.list.create({ name: "n", type: "ips", data: ["10.0.0.0/8"], description: "d" })
  ],
  [
    "list.update",
    { list: { id: "L1" } },
    () => m.list.update("L1", { name: "n", type: "texts", data: ["a"] }),
    (g) => g.list.update("L1", { name: "n", type: "texts", data: ["a"] })
  ],
  ["list.delete", {}, () => m.list.delete("L1"), (g) => g.list.delete("L1")],
  ["list.load", { list: { id: "L1" } }, () => m.list.load("L1"), (g) => g.list.load("L1")],
  ["list.loadByName", { list: { id: "L1" } }, () => m.list.loadByName("my list"), (g) => g.list.loadByName("my list")],
  ["list.loadAll", { lists: [] }, () => m.list.loadAll(), (g) => g.list.loadAll()],
  [
    "list.import",
    {},
    () => m.list.import([{ id: "L1", name: "n", type: "ips", data: [] }]),
    (g) => g.list.import([{ id: "L1", name: "n", type: "ips", data: [] }])
  ],
  ["list.addIPs", {}, () => m.list.addIPs("L1", ["1.2.3.4"]), (g) => g.list.addIPs("L1", ["1.2.3.4"])],
  ["list.removeIPs", {}, () => m.list.removeIPs("L1", ["1.2.3.4"]), (g) => g.list.removeIPs("L1", ["1.2.3.4"])],
  ["list.checkIP", { exists: true }, () => m.list.checkIP("L1", "1.2.3.4"), (g) => g.list.checkIP("L1", "1.2.3.4")],
  ["list.addTexts", {}, () => m.list.addTexts("L1", ["a"]), (g) => g.list.addTexts("L1", ["a"])],
  ["list.removeTexts", {}, () => m.list.removeTexts("L1", ["a"]), (g) => g.list.removeTexts("L1", ["a"])],
  ["list.checkText", { exists: false }, () => m.list.checkText("L1", "a"), (g) => g.list.checkText("L1", "a")],
  ["list.clear", {}, () => m.list.clear("L1"), (g) => g.list.clear("L1")],
  // ssoApplication
  [
    "ssoApplication.createOidcApplication",
    { id: "SA1" },
    () => m.ssoApplication.createOidcApplication({ name: "o", loginPageUrl: "https://l", forceAuthentication: true }),
    (g) => g.ssoApplication.createOidcApplication({ name: "o", loginPageUrl: "https://l", forceAuthentication: true })
  ],
  [
    "ssoApplication.createSamlApplication",
    { id: "SA2" },
    () =>
      m.ssoApplication.createSamlApplication({
        name: "s",
        loginPageUrl: "https://l",
        enabled: false,
        entityId: "e",
        acsUrl: "https://a",
        attributeMapping: [MAP],
        acsAllowedCallbacks: ["https://c"]
      }),
    (g) =>
      g.ssoApplication.createSamlApplication({
        name: "s",
        loginPageUrl: "https://l",
        enabled: false,
        entityId: "e",
        acsUrl: "https://a",
        attributeMapping: [MAP],
        acsAllowedCallbacks: ["https://c"]
      })
  ],
  [
    "ssoApplication.createWsFedApplication",
    { id: "SA3" },
    () => m.ssoApplication.createWsFedApplication({ name: "w", loginPageUrl: "https://l", realm: "r", replyUrl: "u" }),
    (g) => g.ssoApplication.createWsFedApplication({ name: "w", loginPageUrl: "https://l", realm: "r", replyUrl: "u" })
  ],
  [
    "ssoApplication.updateOidcApplication",
    {},
    () => m.ssoApplication.updateOidcApplication({ id: "SA1", name: "o", loginPageUrl: "https://l" }),
    (g) => g.ssoApplication.updateOidcApplication({ id: "SA1", name: "o", loginPageUrl: "https://l" })
  ],
  [
    "ssoApplication.updateSamlApplication",
    {},
    () =>
      m.ssoApplication.updateSamlApplication({
        id: "SA2",
        name: "s",
        loginPageUrl: "https://l",
        useMetadataInfo: true
      }),
    (g) =>
      g.ssoApplication.updateSamlApplication({ id: "SA2", name: "s", loginPageUrl: "https://l", useMetadataInfo: true })
  ],
  [
    "ssoApplication.updateWsFedApplication",
    {},
    () =>
      m.ssoApplication.updateWsFedApplication({ id: "SA3", name: "w", loginPageUrl: "l", realm: "r", replyUrl: "u" }),
    (g) =>
      g.ssoApplication.updateWsFedApplication({ id: "SA3", name: "w", loginPageUrl: "l", realm: "r", replyUrl: "u" })
  ],
  ["ssoApplication.delete", {}, () => m.ssoApplication.delete("SA1"), (g) => g.ssoApplication.delete("SA1")],
  ["ssoApplication.load", { id: "SA1" }, () => m.ssoApplication.load("SA1"), (g) => g.ssoApplication.load("SA1")],
  ["ssoApplication.loadAll", { apps: [] }, () => m.ssoApplication.loadAll(), (g) => g.ssoApplication.loadAll()],
  [
    "ssoApplication.getApplicationSecret",
    { cleartext: "s" },
    () => m.ssoApplication.getApplicationSecret("SA1"),
    (g) => g.ssoApplication.getApplicationSecret("SA1")
  ],
  [
    "ssoApplication.rotateApplicationSecret",
    { cleartext: "s" },
    () => m.ssoApplication.rotateApplicationSecret("SA1"),
    (g) => g.ssoApplication.rotateApplicationSecret("SA1")
  ],
  // outboundApplication
  [
    "outboundApplication.createApplication",
    { app: { id: "OA1" } },
    () => m.outboundApplication.createApplication({ name: "g", clientId: "c", clientSecret: "s", pkce: true }),
    (g) =>
      g.outboundApplication.createApplication({
        name: "g",
        clientId: "c",
        clientSecret: Redacted.make("s"),
        pkce: true
      })
  ],
  [
    "outboundApplication.createApplicationByTemplate",
    { app: { id: "OA1" } },
    () => m.outboundApplication.createApplicationByTemplate({ templateId: "google", overrides: { name: "G" } }),
    (g) => g.outboundApplication.createApplicationByTemplate({ templateId: "google", overrides: { name: "G" } })
  ],
  [
    "outboundApplication.updateApplication",
    { app: { id: "OA1" } },
    () => m.outboundApplication.updateApplication({ id: "OA1", name: "g", defaultScopes: ["a"] }),
    (g) => g.outboundApplication.updateApplication({ id: "OA1", name: "g", defaultScopes: ["a"] })
  ],
  [
    "outboundApplication.deleteApplication",
    {},
    () => m.outboundApplication.deleteApplication("OA1"),
    (g) => g.outboundApplication.deleteApplication("OA1")
  ],
  [
    "outboundApplication.loadApplication",
    { app: { id: "OA1" } },
    () => m.outboundApplication.loadApplication("OA1"),
    (g) => g.outboundApplication.loadApplication("OA1")
  ],
  [
    "outboundApplication.loadAllApplications",
    { apps: [] },
    () => m.outboundApplication.loadAllApplications(),
    (g) => g.outboundApplication.loadAllApplications()
  ],
  [
    "outboundApplication.fetchTokenByScopes",
    { token: { id: "T", appId: "OA1", accessToken: "a" } },
    () => m.outboundApplication.fetchTokenByScopes("OA1", "U1", ["s"], { withRefreshToken: true }, "T1"),
    (g) => g.outboundApplication.fetchTokenByScopes("OA1", "U1", ["s"], { withRefreshToken: true }, "T1")
  ],
  [
    "outboundApplication.fetchToken",
    { token: { id: "T", appId: "OA1", accessToken: "a" } },
    () => m.outboundApplication.fetchToken("OA1", "U1", "T1", { forceRefresh: true }),
    (g) => g.outboundApplication.fetchToken("OA1", "U1", "T1", { forceRefresh: true })
  ],
  [
    "outboundApplication.fetchTenantTokenByScopes",
    { token: { id: "T", appId: "OA1", accessToken: "a" } },
    () => m.outboundApplication.fetchTenantTokenByScopes("OA1", "T1", ["s"]),
    (g) => g.outboundApplication.fetchTenantTokenByScopes("OA1", "T1", ["s"])
  ],
  [
    "outboundApplication.fetchTenantToken",
    { token: { id: "T", appId: "OA1", accessToken: "a" } },
    () => m.outboundApplication.fetchTenantToken("OA1", "T1"),
    (g) => g.outboundApplication.fetchTenantToken("OA1", "T1")
  ],
  [
    "outboundApplication.deleteUserTokens",
    {},
    () => m.outboundApplication.deleteUserTokens("OA1", "U1"),
    (g) => g.outboundApplication.deleteUserTokens("OA1", "U1")
  ],
  [
    "outboundApplication.deleteTokenById",
    {},
    () => m.outboundApplication.deleteTokenById("T"),
    (g) => g.outboundApplication.deleteTokenById("T")
  ],
  [
    "outboundApplication.listAppsWithUserToken",
    { appIds: [] },
    () => m.outboundApplication.listAppsWithUserToken("U1", "T1"),
    (g) => g.outboundApplication.listAppsWithUserToken("U1", "T1")
  ],
  [
    "outboundApplication.uploadUserApiKey",
    {},
    () => m.outboundApplication.uploadUserApiKey("OA1", "U1", "k", "T1"),
    (g) => g.outboundApplication.uploadUserApiKey("OA1", "U1", Redacted.make("k"), "T1")
  ],
  [
    "outboundApplication.uploadTenantApiKey",
    {},
    () => m.outboundApplication.uploadTenantApiKey("OA1", "T1", "k"),
    (g) => g.outboundApplication.uploadTenantApiKey("OA1", "T1", "k")
  ],
  [
    "outboundApplication.uploadUserToken",
    {},
    () => m.outboundApplication.uploadUserToken({ appId: "OA1", userId: "U1", refreshToken: "r", verifyRefresh: true }),
    (g) => g.outboundApplication.uploadUserToken({ appId: "OA1", userId: "U1", refreshToken: "r", verifyRefresh: true })
  ],
  [
    "outboundApplication.uploadTenantToken",
    {},
    () => m.outboundApplication.uploadTenantToken({ appId: "OA1", tenantId: "T1", accessToken: "a", scopes: ["s"] }),
    (g) => g.outboundApplication.uploadTenantToken({ appId: "OA1", tenantId: "T1", accessToken: "a", scopes: ["s"] })
  ],
  [
    "outboundApplication.batchUploadUserTokens",
    { failures: [] },
    () => m.outboundApplication.batchUploadUserTokens([{ appId: "OA1", userId: "U1", accessToken: "a" }]),
    (g) => g.outboundApplication.batchUploadUserTokens([{ appId: "OA1", userId: "U1", accessToken: "a" }])
  ],
  [
    "outboundApplication.batchUploadTenantTokens",
    { failures: [] },
    () => m.outboundApplication.batchUploadTenantTokens([{ appId: "OA1", tenantId: "T1", refreshToken: "r" }]),
    (g) => g.outboundApplication.batchUploadTenantTokens([{ appId: "OA1", tenantId: "T1", refreshToken: "r" }])
  ],
  // inboundApplication
  [
    "inboundApplication.createApplication",
    { id: "TP1", clientId: "TP1", cleartext: "s" },
    () => m.inboundApplication.createApplication({ name: "z", permissionsScopes: [SCOPE], loginPageUrl: "l" }),
    (g) => g.inboundApplication.createApplication({ name: "z", permissionsScopes: [SCOPE], loginPageUrl: "l" })
  ],
  [
    "inboundApplication.updateApplication",
    {},
    () => m.inboundApplication.updateApplication({ id: "TP1", name: "z", permissionsScopes: [] }),
    (g) => g.inboundApplication.updateApplication({ id: "TP1", name: "z", permissionsScopes: [] })
  ],
  [
    "inboundApplication.patchApplication",
    {},
    () => m.inboundApplication.patchApplication({ id: "TP1", logo: "l" }),
    (g) => g.inboundApplication.patchApplication({ id: "TP1", logo: "l" })
  ],
  [
    "inboundApplication.deleteApplication",
    {},
    () => m.inboundApplication.deleteApplication("TP1"),
    (g) => g.inboundApplication.deleteApplication("TP1")
  ],
  [
    "inboundApplication.deleteApplicationBatch",
    {},
    () => m.inboundApplication.deleteApplicationBatch(["TP1", "TP2"]),
    (g) => g.inboundApplication.deleteApplicationBatch(["TP1", "TP2"])
  ],
  [
    "inboundApplication.loadApplication",
    { id: "TP1" },
    () => m.inboundApplication.loadApplication("TP1"),
    (g) => g.inboundApplication.loadApplication("TP1")
  ],
  [
    "inboundApplication.loadAllApplications",
    { apps: [] },
    () => m.inboundApplication.loadAllApplications(),
    (g) => g.inboundApplication.loadAllApplications()
  ],
  [
    "inboundApplication.getApplicationSecret",
    { cleartext: "s" },
    () => m.inboundApplication.getApplicationSecret("TP1"),
    (g) => g.inboundApplication.getApplicationSecret("TP1")
  ],
  [
    "inboundApplication.rotateApplicationSecret",
    { cleartext: "s" },
    () => m.inboundApplication.rotateApplicationSecret("TP1"),
    (g) => g.inboundApplication.rotateApplicationSecret("TP1")
  ],
  [
    "inboundApplication.searchConsents",
    { consents: [] },
    () => m.inboundApplication.searchConsents({ appId: "TP1", userId: "U1", page: 2 }),
    (g) => g.inboundApplication.searchConsents({ appId: "TP1", userId: "U1", page: 2 })
  ],
  [
    "inboundApplication.deleteConsents",
    {},
    () => m.inboundApplication.deleteConsents({ appId: "TP1", userIds: ["U1"] }),
    (g) => g.inboundApplication.deleteConsents({ appId: "TP1", userIds: ["U1"] })
  ],
  [
    "inboundApplication.deleteTenantConsents",
    {},
    () => m.inboundApplication.deleteTenantConsents({ tenantId: "T1", appId: "TP1" }),
    (g) => g.inboundApplication.deleteTenantConsents({ tenantId: "T1", appId: "TP1" })
  ],
  // jwtTemplate
  [
    "jwtTemplate.create",
    { template: { id: "J" } },
    () => m.jwtTemplate.create({ name: "t", template: { a: "b" } }),
    (g) => g.jwtTemplate.create({ name: "t", template: { a: "b" } })
  ],
  [
    "jwtTemplate.update",
    { template: { id: "J" } },
    () => m.jwtTemplate.update({ id: "J", name: "t", addJti: true }),
    (g) => g.jwtTemplate.update({ id: "J", name: "t", addJti: true })
  ],
  ["jwtTemplate.delete", {}, () => m.jwtTemplate.delete("J"), (g) => g.jwtTemplate.delete("J")],
  ["jwtTemplate.list", { templates: [] }, () => m.jwtTemplate.list(), (g) => g.jwtTemplate.list()],
  ["jwtTemplate.load", { template: { id: "J" } }, () => m.jwtTemplate.load("J"), (g) => g.jwtTemplate.load("J")],
  [
    "jwtTemplate.validate",
    { valid: true },
    () => m.jwtTemplate.validate("J", { name: "t" }),
    (g) => g.jwtTemplate.validate("J", { name: "t" })
  ],
  ["jwtTemplate.listLibrary", { entries: [] }, () => m.jwtTemplate.listLibrary(), (g) => g.jwtTemplate.listLibrary()],
  [
    "jwtTemplate.loadLibraryEntry",
    { entry: { id: "hasura" } },
    () => m.jwtTemplate.loadLibraryEntry("hasura"),
    (g) => g.jwtTemplate.loadLibraryEntry("hasura")
  ],
  [
    "jwtTemplate.applyFromLibrary",
    { template: { id: "J" } },
    () => m.jwtTemplate.applyFromLibrary({ libraryEntryId: "hasura", nameOverride: "h", tagsOverride: ["x"] }),
    (g) => g.jwtTemplate.applyFromLibrary({ libraryEntryId: "hasura", nameOverride: "h", tagsOverride: ["x"] })
  ],
  // managementKey
  [
    "managementKey.create",
    { key: { id: "MK1" }, cleartext: "c" },
    () => m.managementKey.create("k", { companyRoles: ["admin"] }, "d", 60, ["1.2.3.4"]),
    (g) => g.managementKey.create("k", { companyRoles: ["admin"] }, "d", 60, ["1.2.3.4"])
  ],
  [
    "managementKey.update",
    { key: { id: "MK1" } },
    () => m.managementKey.update("MK1", "k", "d", "inactive"),
    (g) => g.managementKey.update("MK1", "k", "d", "inactive")
  ],
  ["managementKey.delete", {}, () => m.managementKey.delete(["MK1"]), (g) => g.managementKey.delete(["MK1"])],
  ["managementKey.load", { key: { id: "MK1" } }, () => m.managementKey.load("MK1"), (g) => g.managementKey.load("MK1")],
  ["managementKey.search", { keys: [] }, () => m.managementKey.search(), (g) => g.managementKey.search()],
  // descoper
  [
    "descoper.create",
    { descopers: [], total: 0 },
    () => m.descoper.create([{ loginId: "a@b.c", sendInvite: true, rbac: { isCompanyAdmin: true } }]),
    (g) => g.descoper.create([{ loginId: "a@b.c", sendInvite: true, rbac: { isCompanyAdmin: true } }])
  ],
  [
    "descoper.update",
    { descoper: { id: "D" } },
    () => m.descoper.update("D", { displayName: "n" }, { isCompanyAdmin: false }),
    (g) => g.descoper.update("D", { displayName: "n" }, { isCompanyAdmin: false })
  ],
  ["descoper.load", { descoper: { id: "D" } }, () => m.descoper.load("D"), (g) => g.descoper.load("D")],
  ["descoper.delete", {}, () => m.descoper.delete("D"), (g) => g.descoper.delete("D")],
  ["descoper.list", { descopers: [] }, () => m.descoper.list(), (g) => g.descoper.list()],
  // engine, scopeClaimMapping, analytics
  ["engine.create", { engine: { id: "E" } }, () => m.engine.create("e"), (g) => g.engine.create("e")],
  ["engine.update", { engine: { id: "E" } }, () => m.engine.update("E", "f"), (g) => g.engine.update("E", "f")],
  ["engine.delete", {}, () => m.engine.delete("E"), (g) => g.engine.delete("E")],
  ["engine.load", { engine: { id: "E" } }, () => m.engine.load("E"), (g) => g.engine.load("E")],
  ["engine.loadAll", { engines: [] }, () => m.engine.loadAll(), (g) => g.engine.loadAll()],
  ["engine.rotateSecret", { secret: "s" }, () => m.engine.rotateSecret("E"), (g) => g.engine.rotateSecret("E")],
  ["scopeClaimMapping.get", { mappings: [] }, () => m.scopeClaimMapping.get(), (g) => g.scopeClaimMapping.get()],
  [
    "scopeClaimMapping.set",
    {},
    () => m.scopeClaimMapping.set([{ scope: "s", claims: { a: "b" } }]),
    (g) => g.scopeClaimMapping.set([{ scope: "s", claims: { a: "b" } }])
  ],
  ["scopeClaimMapping.delete", {}, () => m.scopeClaimMapping.delete(), (g) => g.scopeClaimMapping.delete()],
  [
    "analytics.search",
    { analytics: [] },
    () => m.analytics.search({ actions: ["a"], from: 1, groupByAction: true, groupByCreated: "day" }),
    (g) => g.analytics.search({ actions: ["a"], from: 1, groupByAction: true, groupByCreated: "day" })
  ]
]

/** node-sdk posts descoper.list without a body; we send `{}` (every catalogued body request has one). */
const deviations: Readonly<Record<string, (wire: Wire) => Wire>> = {
  "descoper.list": (w) => ({ ...w, body: w.body ?? {} })
}

oracleSuite("mgmt wire = node-sdk wire (lists, applications, templates, keys, descopers, engines)", cases, deviations)
