// The recorded-wire rows of SSO applications (run by test/management-wire-ssoapplication.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, type Row } from "../management.js"

const ATTR = { name: "email", type: "string", value: "attributes.email" }
const GROUPS = {
  name: "grp",
  type: "string",
  filterType: "roles",
  value: "admins",
  roles: [{ id: "R1", name: "admin" }]
}
const OIDC_APP = {
  id: "SA1",
  name: "portal",
  description: "",
  enabled: true,
  logo: "",
  appType: "oidc",
  oidcSettings: {
    loginPageUrl: "https://app.test/login",
    issuer: "https://api.descope.com/P1",
    discoveryUrl: "https://api.descope.com/P1/.well-known/openid-configuration",
    forceAuthentication: false
  }
}

const isSecret = (value: string) => (r: unknown) => {
  const secret = (r as { cleartext: Redacted.Redacted<string> }).cleartext
  assert.isTrue(Redacted.isRedacted(secret))
  assert.strictEqual(Redacted.value(secret), value)
  assert.notInclude(String(secret), value)
  assert.notInclude(JSON.stringify(r), value)
}

export const ssoApplicationRows: ReadonlyArray<Row> = [
  {
    name: "ssoApplication.createOidcApplication (enabled by default)",
    run: (m) => m.ssoApplication.createOidcApplication({ name: "portal", loginPageUrl: "https://app.test/login" }),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/oidc/create",
    body: { name: "portal", loginPageUrl: "https://app.test/login", enabled: true },
    response: { id: "SA1" },
    check: (r) => assert.deepStrictEqual(r, { id: "SA1" })
  },
  {
    name: "ssoApplication.createSamlApplication",
    run: (m) =>
      m.ssoApplication.createSamlApplication({
        name: "crm",
        loginPageUrl: "https://app.test/login",
        enabled: false,
        useMetadataInfo: false,
        entityId: "crm-sp",
        acsUrl: "https://crm.test/acs",
        certificate: "MIIC",
        attributeMapping: [ATTR],
        groupsMapping: [GROUPS],
        acsAllowedCallbacks: ["https://crm.test/cb"],
        subjectNameIdType: "email",
        defaultSignatureAlgorithm: "sha256"
      }),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/saml/create",
    body: {
      name: "crm",
      loginPageUrl: "https://app.test/login",
      enabled: false,
      useMetadataInfo: false,
      entityId: "crm-sp",
      acsUrl: "https://crm.test/acs",
      certificate: "MIIC",
      attributeMapping: [ATTR],
      groupsMapping: [GROUPS],
      acsAllowedCallbacks: ["https://crm.test/cb"],
      subjectNameIdType: "email",
      defaultSignatureAlgorithm: "sha256"
    },
    response: { id: "SA2" },
    check: (r) => assert.deepStrictEqual(r, { id: "SA2" })
  },
  {
    name: "ssoApplication.createWsFedApplication",
    run: (m) =>
      m.ssoApplication.createWsFedApplication({
        name: "sharepoint",
        loginPageUrl: "https://app.test/login",
        realm: "urn:sp",
        replyUrl: "https://sp.test/reply"
      }),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/wsfed/create",
    body: {
      name: "sharepoint",
      loginPageUrl: "https://app.test/login",
      realm: "urn:sp",
      replyUrl: "https://sp.test/reply",
      enabled: true
    },
    response: { id: "SA3" },
    check: (r) => assert.deepStrictEqual(r, { id: "SA3" })
  },
  {
    name: "ssoApplication.updateOidcApplication",
    run: (m) =>
      m.ssoApplication.updateOidcApplication({
        id: "SA1",
        name: "portal",
        loginPageUrl: "https://app.test/in",
        forceAuthentication: true
      }),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/oidc/update",
    body: { id: "SA1", name: "portal", loginPageUrl: "https://app.test/in", forceAuthentication: true },
    check: isVoid
  },
  {
    name: "ssoApplication.updateSamlApplication",
    run: (m) =>
      m.ssoApplication.updateSamlApplication({
        id: "SA2",
        name: "crm",
        loginPageUrl: "https://app.test/login",
        useMetadataInfo: true,
        metadataUrl: "https://crm.test/metadata"
      }),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/saml/update",
    body: {
      id: "SA2",
      name: "crm",
      loginPageUrl: "https://app.test/login",
      useMetadataInfo: true,
      metadataUrl: "https://crm.test/metadata"
    },
    check: isVoid
  },
  {
    name: "ssoApplication.updateWsFedApplication",
    run: (m) =>
      m.ssoApplication.updateWsFedApplication({
        id: "SA3",
        name: "sharepoint",
        loginPageUrl: "https://app.test/login",
        realm: "urn:sp2",
        replyUrl: "https://sp.test/reply",
        errorRedirectUrl: "https://sp.test/error"
      }),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/wsfed/update",
    body: {
      id: "SA3",
      name: "sharepoint",
      loginPageUrl: "https://app.test/login",
      realm: "urn:sp2",
      replyUrl: "https://sp.test/reply",
      errorRedirectUrl: "https://sp.test/error"
    },
    check: isVoid
  },
  {
    name: "ssoApplication.delete",
    run: (m) => m.ssoApplication.delete("SA1"),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/delete",
    body: { id: "SA1" },
    check: isVoid
  },
  {
    name: "ssoApplication.load",
    run: (m) => m.ssoApplication.load("SA1"),
    method: "GET",
    path: "/v1/mgmt/sso/idp/app/load",
    query: { id: "SA1" },
    response: OIDC_APP,
    check: (r) => assert.deepStrictEqual(r, OIDC_APP)
  },
  {
    name: "ssoApplication.loadAll",
    run: (m) => m.ssoApplication.loadAll(),
    method: "GET",
    path: "/v1/mgmt/sso/idp/apps/load",
    response: { apps: [OIDC_APP] },
    check: (r) => assert.deepStrictEqual(r, [OIDC_APP])
  },
  {
    name: "ssoApplication.getApplicationSecret",
    run: (m) => m.ssoApplication.getApplicationSecret("SA1"),
    method: "GET",
    path: "/v1/mgmt/sso/idp/app/secret",
    query: { id: "SA1" },
    response: { cleartext: "s3cr3t-client-secret" },
    check: isSecret("s3cr3t-client-secret")
  },
  {
    name: "ssoApplication.rotateApplicationSecret",
    run: (m) => m.ssoApplication.rotateApplicationSecret("SA1"),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/rotate",
    body: { id: "SA1" },
    response: { cleartext: "n3w-client-secret" },
    check: isSecret("n3w-client-secret")
  }
]
export const ssoApplicationGoRows: ReadonlyArray<Row> = [
  {
    name: "ssoApplication.addApplicationSecret (go-sdk; the third-party twin's wire)",
    run: (m) => m.ssoApplication.addApplicationSecret("SA1", "next", 1900000000),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/secret/add",
    body: { id: "SA1", name: "next", expireTime: 1900000000 },
    response: { meta: { id: "SC1", name: "next", createdTime: 1700000000, expireTime: 1900000000 }, cleartext: "c2" },
    check: (r) => {
      const added = r as { meta: unknown; cleartext: Redacted.Redacted<string> }
      assert.strictEqual(Redacted.value(added.cleartext), "c2")
      assert.notInclude(JSON.stringify(r), "c2\"")
      assert.deepStrictEqual(added.meta, { id: "SC1", name: "next", createdTime: 1700000000, expireTime: 1900000000 })
    }
  },
  {
    name: "ssoApplication.revokeApplicationSecret",
    run: (m) => m.ssoApplication.revokeApplicationSecret("SA1", "next"),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/secret/revoke",
    body: { id: "SA1", name: "next" },
    response: { secrets: [] },
    check: (r) => assert.deepStrictEqual(r, [])
  },
  {
    name: "ssoApplication.loadCustomAttributes (go-sdk; the user custom attributes' wire)",
    run: (m) => m.ssoApplication.loadCustomAttributes(),
    method: "GET",
    path: "/v1/mgmt/sso/idp/app/customattributes",
    response: { data: [{ name: "dept", type: 1, displayName: "Department" }] },
    check: (r) => assert.deepStrictEqual(r, [{ name: "dept", type: 1, displayName: "Department" }])
  },
  {
    name: "ssoApplication.createCustomAttributes",
    run: (m) => m.ssoApplication.createCustomAttributes([{ name: "dept", type: 1, displayName: "Department" }]),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/customattribute/create",
    body: { attributes: [{ name: "dept", type: 1, displayName: "Department" }] },
    response: { data: [{ name: "dept", type: 1 }] },
    check: (r) => assert.deepStrictEqual(r, [{ name: "dept", type: 1 }])
  },
  {
    name: "ssoApplication.deleteCustomAttributes",
    run: (m) => m.ssoApplication.deleteCustomAttributes(["dept"]),
    method: "POST",
    path: "/v1/mgmt/sso/idp/app/customattribute/delete",
    body: { names: ["dept"] },
    response: { data: [] },
    check: (r) => assert.deepStrictEqual(r, [])
  }
]
