// The recorded-wire rows of SSO cross-app access (XAA, ID-JAG) settings (run by test/management-wire-sso.test.ts
// with the other SSO rows): the exact method, path, query and JSON body written as literals, and the decoding of
// each answer. The wire is python-sdk's (`_compose_configure_xaa_settings_body`: flat, only the issuers and grant
// configuration under `settings`, role mappings as `{ groups, roleName }`) and go-sdk's types (`SSOXAASettings`,
// `SSOXAASettingsResponse`, `SSOXAAAllSettingsResponse` with `XAASettings`).
import { assert } from "@effect/vitest"
import { isVoid, type Row } from "../management.js"

/** Trusted issuers and the jwt-bearer grant configuration, with every field go-sdk's types name. */
const SETTINGS = {
  issuers: {
    "https://idp.example.com": {
      jwksUri: "https://idp.example.com/jwks",
      signAlgorithm: "RS256",
      userInfoUri: "https://idp.example.com/userinfo",
      externalIdFieldName: "sub",
      jitDisabled: true,
      attributeMapping: { email: "mail", name: "displayName" }
    }
  },
  jwtBearerGrantTypeAudienceToUse: "resource",
  jwtBearerGrantTypeScopeToUse: "requested",
  jwtBearerGrantTypeCustomClaimsToUse: "none"
}

const FGA_MAPPINGS = {
  engineers: { relations: [{ resource: "repo:core", relationDefinition: "writer", namespace: "repo" }] }
}

/** A loaded configuration as Descope answers it (go-sdk `SSOXAASettingsResponse`). */
const LOADED = {
  ssoId: "sso2",
  enabled: true,
  settings: SETTINGS,
  groupsMapping: [{ role: { id: "R1", name: "admin" }, groups: ["admins"] }],
  defaultSSORoles: ["member"],
  fgaMappings: FGA_MAPPINGS,
  groupsPriority: ["admins", "engineers"],
  groupPriorityEnabled: true,
  allowOverrideRoles: false,
  providerID: "okta",
  audience: "https://api.descope.com/P2abc"
}

const isLoaded = (result: unknown) =>
  assert.deepStrictEqual({ ...(result as object) }, {
    ...LOADED,
    groupsMapping: [{ roleId: "R1", roleName: "admin", groups: ["admins"] }]
  })

export const xaaRows: ReadonlyArray<Row> = [
  {
    name: "sso.configureXaaSettings (every field)",
    run: (m) =>
      m.sso.configureXaaSettings({
        tenantId: "T1",
        ssoId: "sso2",
        settings: {
          enabled: true,
          settings: SETTINGS,
          roleMappings: [{ groups: ["admins"], roleName: "admin" }],
          defaultSsoRoles: ["member"],
          fgaMappings: FGA_MAPPINGS,
          groupsPriority: ["admins", "engineers"],
          groupPriorityEnabled: true,
          allowOverrideRoles: false,
          providerId: "okta"
        }
      }),
    method: "POST",
    path: "/v1/mgmt/sso/xaa/settings",
    body: {
      tenantId: "T1",
      ssoId: "sso2",
      enabled: true,
      settings: SETTINGS,
      roleMappings: [{ groups: ["admins"], roleName: "admin" }],
      defaultSSORoles: ["member"],
      fgaMappings: FGA_MAPPINGS,
      groupsPriority: ["admins", "engineers"],
      groupPriorityEnabled: true,
      allowOverrideRoles: false,
      providerID: "okta"
    },
    check: isVoid
  },
  {
    name: "sso.configureXaaSettings (no ssoId: the tenant's first configuration; an empty one is not sent)",
    run: (m) => m.sso.configureXaaSettings({ tenantId: "T1", ssoId: "", settings: { enabled: false } }),
    method: "POST",
    path: "/v1/mgmt/sso/xaa/settings",
    body: { tenantId: "T1", enabled: false },
    check: isVoid
  },
  {
    name: "sso.loadXaaSettings",
    run: (m) => m.sso.loadXaaSettings("T1"),
    method: "GET",
    path: "/v1/mgmt/sso/xaa/settings",
    query: { tenantId: "T1" },
    response: LOADED,
    check: isLoaded
  },
  {
    name: "sso.loadXaaSettings (with ssoId)",
    run: (m) => m.sso.loadXaaSettings({ tenantId: "T1", ssoId: "sso2" }),
    method: "GET",
    path: "/v1/mgmt/sso/xaa/settings",
    query: { tenantId: "T1", ssoId: "sso2" },
    response: { ssoId: "sso2", enabled: false },
    check: (result) =>
      assert.deepStrictEqual({ ...(result as object) }, { ssoId: "sso2", enabled: false, groupsMapping: [] })
  },
  {
    name: "sso.loadAllXaaSettings",
    run: (m) => m.sso.loadAllXaaSettings("T1"),
    method: "GET",
    path: "/v1/mgmt/sso/xaa/settings/all",
    query: { tenantId: "T1" },
    response: { XAASettings: [LOADED, { ssoId: "sso3", enabled: false, groupsMapping: null }] },
    check: (result) => {
      const all = result as ReadonlyArray<{ ssoId: string; groupsMapping: ReadonlyArray<unknown> }>
      assert.strictEqual(all.length, 2)
      isLoaded(all[0])
      assert.deepStrictEqual([all[1]?.ssoId, all[1]?.groupsMapping], ["sso3", []])
    }
  },
  {
    name: "sso.loadAllXaaSettings (none configured: XAASettings absent)",
    run: (m) => m.sso.loadAllXaaSettings("T1"),
    method: "GET",
    path: "/v1/mgmt/sso/xaa/settings/all",
    query: { tenantId: "T1" },
    response: {},
    check: (result) => assert.deepStrictEqual(result, [])
  },
  {
    name: "sso.deleteXaaSettings (with ssoId)",
    run: (m) => m.sso.deleteXaaSettings({ tenantId: "T1", ssoId: "sso2" }),
    method: "DELETE",
    path: "/v1/mgmt/sso/xaa/settings",
    query: { tenantId: "T1", ssoId: "sso2" },
    check: isVoid
  },
  {
    name: "sso.deleteXaaSettings",
    run: (m) => m.sso.deleteXaaSettings("T1"),
    method: "DELETE",
    path: "/v1/mgmt/sso/xaa/settings",
    query: { tenantId: "T1" },
    check: isVoid
  }
]
