// The recorded-wire rows of SSO settings (run by test/management-wire-sso.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, type Row } from "../management.js"

const SSO_SETTINGS = {
  tenant: { id: "T1", name: "Acme" },
  ssoId: "sso2",
  saml: { idpEntityId: "idp", groupsMapping: [{ role: { id: "R1", name: "editor" }, groups: ["g1"] }] },
  oidc: { name: "okta", clientId: "c1", userAttrMapping: { loginId: "sub" } }
}

const isSsoSettings = (result: unknown) =>
  assert.deepStrictEqual(
    {
      ...(result as object),
      saml: { ...(result as { saml: object }).saml },
      oidc: { ...(result as { oidc: object }).oidc }
    },
    {
      tenant: { id: "T1", name: "Acme" },
      ssoId: "sso2",
      saml: { idpEntityId: "idp", groupsMapping: [{ roleId: "R1", roleName: "editor", groups: ["g1"] }] },
      oidc: { name: "okta", clientId: "c1", attributeMapping: { loginId: "sub" } }
    }
  )

/** The FGA mappings of an SSO configuration (group -> relations), as the official SDKs' tests send them. */
const FGA_MAPPINGS = {
  engineers: { relations: [{ resource: "repo:core", relationDefinition: "writer", namespace: "repo" }] }
}

export const ssoRows: ReadonlyArray<Row> = [
  {
    name: "sso.configure",
    run: (m) =>
      m.sso.configure({
        tenantId: "T1",
        idpUrl: "https://idp.example.com/sso",
        entityId: "urn:idp",
        idpCert: "MIIC...",
        redirectUrl: "https://app.example.com/cb",
        domain: "acme.com"
      }),
    method: "POST",
    path: "/v1/mgmt/sso/settings",
    body: {
      tenantId: "T1",
      idpURL: "https://idp.example.com/sso",
      entityId: "urn:idp",
      idpCert: "MIIC...",
      redirectURL: "https://app.example.com/cb",
      domains: ["acme.com"]
    },
    check: isVoid
  },
  {
    name: "sso.configureViaMetadata",
    run: (m) =>
      m.sso.configureViaMetadata({
        tenantId: "T1",
        idpMetadataUrl: "https://idp.example.com/metadata",
        redirectUrl: "https://app.example.com/cb",
        domains: ["acme.com", "acme.org"]
      }),
    method: "POST",
    path: "/v1/mgmt/sso/metadata",
    body: {
      tenantId: "T1",
      idpMetadataURL: "https://idp.example.com/metadata",
      redirectURL: "https://app.example.com/cb",
      domains: ["acme.com", "acme.org"]
    },
    check: isVoid
  },
  {
    name: "sso.mapping",
    run: (m) =>
      m.sso.mapping({
        tenantId: "T1",
        roleMappings: [{ groups: ["g1", "g2"], roleName: "admin" }],
        attributeMapping: { name: "displayName", email: "mail", customAttributes: { dept: "department" } }
      }),
    method: "POST",
    path: "/v1/mgmt/sso/mapping",
    body: {
      tenantId: "T1",
      roleMappings: [{ groups: ["g1", "g2"], roleName: "admin" }],
      attributeMapping: { name: "displayName", email: "mail", customAttributes: { dept: "department" } }
    },
    check: isVoid
  },
  {
    name: "sso.configureSamlSettings",
    run: (m) =>
      m.sso.configureSamlSettings({
        tenantId: "T1",
        settings: {
          idpUrl: "https://idp.example.com/sso",
          idpEntityId: "urn:idp",
          idpCert: "MIIC...",
          roleMappings: [{ groups: ["g1"], roleName: "admin" }],
          defaultSsoRoles: ["member"]
        },
        redirectUrl: "https://app.example.com/cb",
        domains: ["acme.com"],
        ssoId: "sso2"
      }),
    method: "POST",
    path: "/v1/mgmt/sso/saml",
    body: {
      tenantId: "T1",
      settings: {
        idpUrl: "https://idp.example.com/sso",
        entityId: "urn:idp",
        idpCert: "MIIC...",
        roleMappings: [{ groups: ["g1"], roleName: "admin" }],
        defaultSSORoles: ["member"]
      },
      redirectUrl: "https://app.example.com/cb",
      domains: ["acme.com"],
      ssoId: "sso2"
    },
    check: isVoid
  },
  {
    name: "sso.configureSamlSettingsByMetadata",
    run: (m) =>
      m.sso.configureSamlSettingsByMetadata({
        tenantId: "T1",
        settings: { idpMetadataUrl: "https://idp.example.com/metadata", attributeMapping: { email: "mail" } }
      }),
    method: "POST",
    path: "/v1/mgmt/sso/saml/metadata",
    body: {
      tenantId: "T1",
      settings: { idpMetadataUrl: "https://idp.example.com/metadata", attributeMapping: { email: "mail" } }
    },
    check: isVoid
  },
  {
    name: "sso.configureOidcSettings",
    run: (m) =>
      m.sso.configureOidcSettings({
        tenantId: "T1",
        settings: {
          name: "Okta",
          clientId: "cid",
          clientSecret: Redacted.make("csecret"),
          authUrl: "https://idp.example.com/auth",
          scope: ["openid", "email"],
          jwksUrl: "https://idp.example.com/jwks",
          attributeMapping: { loginId: "sub", email: "email" },
          grantType: "authorization_code"
        },
        domains: ["acme.com"]
      }),
    method: "POST",
    path: "/v1/mgmt/sso/oidc",
    body: {
      tenantId: "T1",
      settings: {
        name: "Okta",
        clientId: "cid",
        clientSecret: "csecret",
        authUrl: "https://idp.example.com/auth",
        scope: ["openid", "email"],
        JWKsUrl: "https://idp.example.com/jwks",
        userAttrMapping: { loginId: "sub", email: "email" },
        grantType: "authorization_code"
      },
      domains: ["acme.com"]
    },
    check: isVoid
  },
  {
    name: "sso.loadSettings",
    run: (m) => m.sso.loadSettings("T1"),
    method: "GET",
    path: "/v2/mgmt/sso/settings",
    query: { tenantId: "T1" },
    response: {
      tenant: { id: "T1", name: "Acme", authType: "saml", domains: ["acme.com"] },
      saml: {
        idpEntityId: "urn:idp",
        idpSSOUrl: "https://idp.example.com/sso",
        idpCertificate: "MIIC...",
        spACSUrl: "https://api.descope.com/acs",
        attributeMapping: { email: "mail" },
        groupsMapping: [{ role: { id: "R1", name: "admin" }, groups: ["g1"] }],
        redirectUrl: ""
      },
      oidc: { name: "", clientId: "", clientSecret: "oidc-secret", userAttrMapping: { loginId: "sub" }, scope: [] },
      ssoId: "sso1"
    },
    check: (result) => {
      const s = result as {
        tenant: { id: string }
        ssoId: string
        saml: {
          idpSSOUrl: string
          groupsMapping: ReadonlyArray<{ roleId: string; roleName: string; groups: ReadonlyArray<string> }>
        }
        oidc: { attributeMapping: unknown; clientSecret: Redacted.Redacted<string> }
      }
      assert.strictEqual(s.tenant.id, "T1")
      assert.strictEqual(s.ssoId, "sso1")
      assert.strictEqual(s.saml.idpSSOUrl, "https://idp.example.com/sso")
      assert.deepStrictEqual(s.saml.groupsMapping, [{ roleId: "R1", roleName: "admin", groups: ["g1"] }])
      assert.deepStrictEqual(s.oidc.attributeMapping, { loginId: "sub" })
      assert.strictEqual(Redacted.value(s.oidc.clientSecret), "oidc-secret")
    }
  },
  {
    name: "sso.deleteSettings",
    run: (m) => m.sso.deleteSettings("T1"),
    method: "DELETE",
    path: "/v1/mgmt/sso/settings",
    query: { tenantId: "T1" },
    check: isVoid
  },
  {
    name: "sso.loadSettings (with ssoId)",
    run: (m) => m.sso.loadSettings({ tenantId: "T1", ssoId: "sso2" }),
    method: "GET",
    path: "/v2/mgmt/sso/settings",
    query: { tenantId: "T1", ssoId: "sso2" },
    response: SSO_SETTINGS,
    check: isSsoSettings
  },
  {
    name: "sso.deleteSettings (with ssoId)",
    run: (m) => m.sso.deleteSettings({ tenantId: "T1", ssoId: "sso2" }),
    method: "DELETE",
    path: "/v1/mgmt/sso/settings",
    query: { tenantId: "T1", ssoId: "sso2" },
    check: isVoid
  },
  {
    name: "sso.deleteSettings (empty ssoId is not sent)",
    run: (m) => m.sso.deleteSettings({ tenantId: "T1", ssoId: "" }),
    method: "DELETE",
    path: "/v1/mgmt/sso/settings",
    query: { tenantId: "T1" },
    check: isVoid
  },
  {
    name: "sso.getSettings (deprecated, legacy shape)",
    run: (m) => m.sso.getSettings("T1"),
    method: "GET",
    path: "/v1/mgmt/sso/settings",
    query: { tenantId: "T1" },
    response: {
      tenantId: "T1",
      idpEntityId: "idp",
      idpSSOUrl: "https://idp.example.com/sso",
      userMapping: { name: "displayName", email: "mail" },
      groupsMapping: [{ role: { id: "R1", name: "editor" }, groups: ["g1"] }],
      redirectUrl: "https://app.example.com",
      domains: ["acme.com"],
      domain: "acme.com"
    },
    check: (result) =>
      assert.deepStrictEqual(result, {
        tenantId: "T1",
        idpEntityId: "idp",
        idpSSOUrl: "https://idp.example.com/sso",
        userMapping: { name: "displayName", email: "mail" },
        groupsMapping: [{ role: { id: "R1", name: "editor" }, groups: ["g1"] }],
        redirectUrl: "https://app.example.com",
        domains: ["acme.com"],
        domain: "acme.com"
      })
  },
  {
    name: "sso.loadAllSettings",
    run: (m) => m.sso.loadAllSettings("T1"),
    method: "GET",
    path: "/v2/mgmt/sso/settings/all",
    query: { tenantId: "T1" },
    response: { SSOSettings: [SSO_SETTINGS, { tenant: { id: "T1" }, ssoId: "sso3" }] },
    check: (result) => {
      const all = result as ReadonlyArray<{ ssoId: string }>
      assert.strictEqual(all.length, 2)
      isSsoSettings(all[0])
      assert.strictEqual(all[1]?.ssoId, "sso3")
    }
  },
  {
    name: "sso.newSettings",
    run: (m) => m.sso.newSettings({ tenantId: "T1", ssoId: "sso2", displayName: "Okta" }),
    method: "POST",
    path: "/v1/mgmt/sso/settings/new",
    body: { tenantId: "T1", ssoId: "sso2", displayName: "Okta" },
    response: SSO_SETTINGS,
    check: isSsoSettings
  },
  {
    name: "sso.newSettings (server-chosen ssoId)",
    run: (m) => m.sso.newSettings({ tenantId: "T1", displayName: "Okta" }),
    method: "POST",
    path: "/v1/mgmt/sso/settings/new",
    body: { tenantId: "T1", displayName: "Okta" },
    response: SSO_SETTINGS,
    check: isSsoSettings
  },
  {
    name: "sso.configureSsoRedirectUrl",
    run: (m) =>
      m.sso.configureSsoRedirectUrl({
        tenantId: "T1",
        samlRedirectUrl: "https://app.example.com/saml",
        oauthRedirectUrl: "",
        ssoId: "sso2"
      }),
    method: "POST",
    path: "/v1/mgmt/sso/redirect",
    body: { tenantId: "T1", samlRedirectUrl: "https://app.example.com/saml", oauthRedirectUrl: "", ssoId: "sso2" },
    check: isVoid
  },
  {
    name: "sso.recalculateSsoMappings",
    run: (m) => m.sso.recalculateSsoMappings({ tenantId: "T1", ssoId: "sso2" }),
    method: "POST",
    path: "/v1/mgmt/sso/recalculate-mappings",
    body: { tenantId: "T1", ssoId: "sso2" },
    check: isVoid
  },
  {
    name: "sso.recalculateSsoMappings (no ssoId)",
    run: (m) => m.sso.recalculateSsoMappings({ tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/sso/recalculate-mappings",
    body: { tenantId: "T1" },
    check: isVoid
  },
  {
    name: "sso.configureSamlSettings with group priority, FGA mappings and the tenant-id resource affixes",
    run: (m) =>
      m.sso.configureSamlSettings({
        tenantId: "T1",
        settings: {
          idpUrl: "https://idp.example.com/sso",
          idpEntityId: "urn:idp",
          idpCert: "MIIC...",
          groupsPriority: ["admins", "engineers"],
          fgaMappings: FGA_MAPPINGS,
          configFgaTenantIdResourcePrefix: "tenant_",
          configFgaTenantIdResourceSuffix: "_t"
        }
      }),
    method: "POST",
    path: "/v1/mgmt/sso/saml",
    body: {
      tenantId: "T1",
      settings: {
        idpUrl: "https://idp.example.com/sso",
        entityId: "urn:idp",
        idpCert: "MIIC...",
        groupsPriority: ["admins", "engineers"],
        fgaMappings: FGA_MAPPINGS,
        configFGATenantIDResourcePrefix: "tenant_",
        configFGATenantIDResourceSuffix: "_t"
      }
    }
  },
  {
    name: "sso.configureOidcSettings with group priority and FGA mappings",
    run: (m) =>
      m.sso.configureOidcSettings({
        tenantId: "T1",
        settings: { name: "Okta", groupsPriority: ["admins"], fgaMappings: FGA_MAPPINGS }
      }),
    method: "POST",
    path: "/v1/mgmt/sso/oidc",
    body: { tenantId: "T1", settings: { name: "Okta", groupsPriority: ["admins"], fgaMappings: FGA_MAPPINGS } }
  },
  {
    name: "sso.loadSettings reads group priority, FGA mappings and affixes",
    run: (m) => m.sso.loadSettings({ tenantId: "T1" }),
    method: "GET",
    path: "/v2/mgmt/sso/settings",
    query: { tenantId: "T1" },
    response: {
      tenant: { id: "T1", name: "Acme" },
      saml: {
        groupsPriority: ["admins"],
        fgaMappings: FGA_MAPPINGS,
        configFGATenantIDResourcePrefix: "tenant_",
        configFGATenantIDResourceSuffix: "_t"
      },
      oidc: { name: "Okta", groupsPriority: ["ops"], fgaMappings: {} }
    },
    check: (result) => {
      const s = result as {
        saml: { groupsPriority: unknown; fgaMappings: unknown; configFGATenantIDResourcePrefix: unknown }
        oidc: { groupsPriority: unknown }
      }
      assert.deepStrictEqual(s.saml.groupsPriority, ["admins"])
      assert.deepStrictEqual(s.saml.fgaMappings, FGA_MAPPINGS)
      assert.strictEqual(s.saml.configFGATenantIDResourcePrefix, "tenant_")
      assert.deepStrictEqual(s.oidc.groupsPriority, ["ops"])
    }
  }
]
