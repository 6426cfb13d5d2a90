// A recorded-request test for every management operation: exact method, path,
// query, JSON body and headers, with the expected values written as literals
// from the wire catalogue (§10), and the decoding of each answer.
import { assert, describe, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, makeJwt, PROJECT_ID, type Row, runRow } from "./management-support.js"
import { USER } from "./support/mgmt-user-rows.js"

const TENANT = { id: "T1", name: "Acme", selfProvisioningDomains: ["acme.com"], createdTime: 1700000000 }
const KEY = {
  id: "K1",
  name: "ci",
  roleNames: ["admin"],
  keyTenants: [{ tenantId: "T1", roleNames: ["r1"], tenantName: "Acme" }],
  status: "active",
  createdTime: 1700000000,
  expireTime: 0,
  createdBy: "U9",
  clientId: "C1"
}
const SESSION_JWT = makeJwt({ sub: "U1", iss: PROJECT_ID, drn: "DS", exp: 4102444800 })
const REFRESH_JWT = makeJwt({ sub: "U1", iss: PROJECT_ID, drn: "DSR", exp: 4102444800 })
const JWT_RESPONSE = { sessionJwt: SESSION_JWT, refreshJwt: REFRESH_JWT, user: USER, firstSeen: false }

const tenantRows: ReadonlyArray<Row> = [
  {
    name: "tenant.create",
    run: (m) => m.tenant.create({ name: "Acme", id: "T1", selfProvisioningDomains: ["acme.com"], enforceSso: true }),
    method: "POST",
    path: "/v1/mgmt/tenant/create",
    body: { id: "T1", name: "Acme", selfProvisioningDomains: ["acme.com"], enforceSSO: true },
    response: { id: "T1" },
    check: (result) => assert.strictEqual(result, "T1")
  },
  {
    name: "tenant.create without id",
    run: (m) => m.tenant.create({ name: "Acme" }),
    method: "POST",
    path: "/v1/mgmt/tenant/create",
    body: { name: "Acme" },
    response: { id: "T2generated" },
    check: (result) => assert.strictEqual(result, "T2generated")
  },
  {
    name: "tenant.update",
    run: (m) =>
      m.tenant.update({ id: "T1", name: "Acme Inc", selfProvisioningDomains: [], customAttributes: { tier: "gold" }, disabled: false }),
    method: "POST",
    path: "/v1/mgmt/tenant/update",
    body: { id: "T1", name: "Acme Inc", selfProvisioningDomains: [], customAttributes: { tier: "gold" }, disabled: false },
    check: isVoid
  },
  {
    name: "tenant.delete",
    run: (m) => m.tenant.delete({ id: "T1", cascade: true }),
    method: "POST",
    path: "/v1/mgmt/tenant/delete",
    body: { id: "T1", cascade: true },
    check: isVoid
  },
  {
    name: "tenant.load",
    run: (m) => m.tenant.load("T1"),
    method: "GET",
    path: "/v1/mgmt/tenant",
    query: { id: "T1" },
    response: TENANT,
    check: (result) => assert.deepStrictEqual(result, TENANT)
  },
  {
    name: "tenant.loadAll",
    run: (m) => m.tenant.loadAll(),
    method: "GET",
    path: "/v1/mgmt/tenant/all",
    response: { tenants: [TENANT] },
    check: (result) => assert.deepStrictEqual(result, [TENANT])
  },
  {
    name: "tenant.searchAll",
    run: (m) => m.tenant.searchAll({ ids: ["T1"], names: ["Acme"], selfProvisioningDomains: ["acme.com"] }),
    method: "POST",
    path: "/v1/mgmt/tenant/search",
    body: { tenantIds: ["T1"], tenantNames: ["Acme"], tenantSelfProvisioningDomains: ["acme.com"] },
    response: { tenants: [TENANT] },
    check: (result) => assert.deepStrictEqual(result, [TENANT])
  },
  {
    name: "tenant.loadSettings",
    run: (m) => m.tenant.loadSettings("T1"),
    method: "GET",
    path: "/v1/mgmt/tenant/settings",
    query: { id: "T1" },
    response: {
      selfProvisioningDomains: ["acme.com"],
      domains: ["sso.acme.com"],
      authType: "saml",
      enabled: true,
      sessionTokenExpiration: 10,
      sessionTokenExpirationUnit: "minutes",
      enableInactivity: true,
      InactivityTime: 30,
      InactivityTimeUnit: "minutes",
      JITDisabled: false
    },
    check: (result) => {
      const s = result as { inactivityTime: number; inactivityTimeUnit: string; sessionSettingsEnabled: boolean; jitDisabled: boolean; domains: ReadonlyArray<string> }
      assert.strictEqual(s.inactivityTime, 30)
      assert.strictEqual(s.inactivityTimeUnit, "minutes")
      assert.strictEqual(s.sessionSettingsEnabled, true)
      assert.strictEqual(s.jitDisabled, false)
      assert.deepStrictEqual(s.domains, ["sso.acme.com"])
    }
  },
  {
    name: "tenant.loadSettings (python-sdk inactivity spelling)",
    run: (m) => m.tenant.loadSettings("T1"),
    method: "GET",
    path: "/v1/mgmt/tenant/settings",
    query: { id: "T1" },
    response: { selfProvisioningDomains: [], inactivityTime: 2, inactivityTimeUnit: "hours" },
    check: (result) => {
      const s = result as { inactivityTime: number; inactivityTimeUnit: string; domains: ReadonlyArray<string> }
      assert.strictEqual(s.inactivityTime, 2)
      assert.strictEqual(s.inactivityTimeUnit, "hours")
      assert.deepStrictEqual(s.domains, [])
    }
  },
  {
    name: "tenant.updateSettings",
    run: (m) =>
      m.tenant.updateSettings({
        id: "T1",
        selfProvisioningDomains: ["acme.com"],
        sessionSettingsEnabled: true,
        refreshTokenExpiration: 4,
        refreshTokenExpirationUnit: "weeks",
        enableInactivity: true,
        inactivityTime: 30,
        inactivityTimeUnit: "minutes",
        jitDisabled: true
      }),
    method: "POST",
    path: "/v1/mgmt/tenant/settings",
    body: {
      tenantId: "T1",
      selfProvisioningDomains: ["acme.com"],
      enabled: true,
      refreshTokenExpiration: 4,
      refreshTokenExpirationUnit: "weeks",
      enableInactivity: true,
      InactivityTime: 30,
      InactivityTimeUnit: "minutes",
      JITDisabled: true
    },
    check: isVoid
  }
]

const accessKeyRows: ReadonlyArray<Row> = [
  {
    name: "accessKey.create",
    run: (m) =>
      m.accessKey.create({
        name: "ci",
        keyTenants: [{ tenantId: "T1", roleNames: ["r1"] }],
        userId: "U1",
        customClaims: { ci: true },
        description: "CI key",
        permittedIps: ["10.0.0.0/8"]
      }),
    method: "POST",
    path: "/v1/mgmt/accesskey/create",
    body: {
      name: "ci",
      expireTime: 0,
      keyTenants: [{ tenantId: "T1", roleNames: ["r1"] }],
      userId: "U1",
      customClaims: { ci: true },
      description: "CI key",
      permittedIps: ["10.0.0.0/8"]
    },
    response: { key: KEY, cleartext: "K1:cleartext-secret" },
    check: (result) => {
      const r = result as { key: { id: string; expireTime: number }; cleartext: Redacted.Redacted<string> }
      assert.strictEqual(r.key.id, "K1")
      assert.strictEqual(r.key.expireTime, 0)
      assert.strictEqual(Redacted.value(r.cleartext), "K1:cleartext-secret")
      assert.strictEqual(String(r.cleartext), "<redacted>")
      assert.isFalse(JSON.stringify(r).includes("cleartext-secret"))
    }
  },
  {
    name: "accessKey.load",
    run: (m) => m.accessKey.load("K1"),
    method: "GET",
    path: "/v1/mgmt/accesskey",
    query: { id: "K1" },
    response: { key: KEY },
    check: (result) => assert.deepStrictEqual(result, KEY)
  },
  {
    name: "accessKey.searchAllAccessKeys",
    run: (m) => m.accessKey.searchAllAccessKeys({ tenantIds: ["T1"], boundUserId: "U1" }),
    method: "POST",
    path: "/v1/mgmt/accesskey/search",
    body: { tenantIds: ["T1"], boundUserId: "U1" },
    response: { keys: [KEY] },
    check: (result) => assert.deepStrictEqual(result, [KEY])
  },
  {
    name: "accessKey.update",
    run: (m) => m.accessKey.update({ id: "K1", name: "ci2", description: "d", roleNames: ["viewer"] }),
    method: "POST",
    path: "/v1/mgmt/accesskey/update",
    body: { id: "K1", name: "ci2", description: "d", roleNames: ["viewer"] },
    response: { key: KEY },
    check: (result) => assert.deepStrictEqual(result, KEY)
  },
  {
    name: "accessKey.activate",
    run: (m) => m.accessKey.activate("K1"),
    method: "POST",
    path: "/v1/mgmt/accesskey/activate",
    body: { id: "K1" },
    check: isVoid
  },
  {
    name: "accessKey.deactivate",
    run: (m) => m.accessKey.deactivate("K1"),
    method: "POST",
    path: "/v1/mgmt/accesskey/deactivate",
    body: { id: "K1" },
    check: isVoid
  },
  {
    name: "accessKey.delete",
    run: (m) => m.accessKey.delete("K1"),
    method: "POST",
    path: "/v1/mgmt/accesskey/delete",
    body: { id: "K1" },
    check: isVoid
  },
  {
    name: "accessKey.rotate",
    run: (m) => m.accessKey.rotate("K1"),
    method: "POST",
    path: "/v1/mgmt/accesskey/rotate",
    body: { id: "K1" },
    response: { key: KEY, cleartext: "K1:new-secret" },
    check: (result) =>
      assert.strictEqual(Redacted.value((result as { cleartext: Redacted.Redacted<string> }).cleartext), "K1:new-secret")
  }
]

const ssoRows: ReadonlyArray<Row> = [
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
        saml: { idpSSOUrl: string; groupsMapping: ReadonlyArray<{ roleId: string; roleName: string; groups: ReadonlyArray<string> }> }
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
  }
]

const authzRows: ReadonlyArray<Row> = [
  {
    name: "permission.create",
    run: (m) => m.permission.create({ name: "read", description: "Read things" }),
    method: "POST",
    path: "/v1/mgmt/permission/create",
    body: { name: "read", description: "Read things" },
    check: isVoid
  },
  {
    name: "permission.update",
    run: (m) => m.permission.update({ name: "read", newName: "view" }),
    method: "POST",
    path: "/v1/mgmt/permission/update",
    body: { name: "read", newName: "view" },
    check: isVoid
  },
  {
    name: "permission.delete",
    run: (m) => m.permission.delete("read"),
    method: "POST",
    path: "/v1/mgmt/permission/delete",
    body: { name: "read" },
    check: isVoid
  },
  {
    name: "permission.loadAll",
    run: (m) => m.permission.loadAll(),
    method: "GET",
    path: "/v1/mgmt/permission/all",
    response: { permissions: [{ name: "read", description: "Read things", systemDefault: false }] },
    check: (result) => assert.deepStrictEqual(result, [{ name: "read", description: "Read things", systemDefault: false }])
  },
  {
    name: "role.create",
    run: (m) =>
      m.role.create({ name: "admin", description: "Admins", permissionNames: ["read"], tenantId: "T1", default: true }),
    method: "POST",
    path: "/v1/mgmt/role/create",
    body: { name: "admin", description: "Admins", permissionNames: ["read"], tenantId: "T1", default: true },
    check: isVoid
  },
  {
    name: "role.update",
    run: (m) => m.role.update({ name: "admin", newName: "owner", permissionNames: ["read", "write"] }),
    method: "POST",
    path: "/v1/mgmt/role/update",
    body: { name: "admin", newName: "owner", permissionNames: ["read", "write"] },
    check: isVoid
  },
  {
    name: "role.delete",
    run: (m) => m.role.delete({ name: "admin", tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/role/delete",
    body: { name: "admin", tenantId: "T1" },
    check: isVoid
  },
  {
    name: "role.loadAll",
    run: (m) => m.role.loadAll(),
    method: "GET",
    path: "/v1/mgmt/role/all",
    response: { roles: [{ name: "admin", permissionNames: ["read"], createdTime: 1700000000, tenantId: "T1" }] },
    check: (result) =>
      assert.deepStrictEqual(result, [{ name: "admin", permissionNames: ["read"], createdTime: 1700000000, tenantId: "T1" }])
  },
  {
    name: "role.search",
    run: (m) => m.role.search({ tenantIds: ["T1"], roleNameLike: "adm", includeProjectRoles: true }),
    method: "POST",
    path: "/v1/mgmt/role/search",
    body: { tenantIds: ["T1"], roleNameLike: "adm", includeProjectRoles: true },
    response: { roles: [{ name: "admin" }] },
    check: (result) => assert.deepStrictEqual(result, [{ name: "admin" }])
  },
  {
    name: "group.loadAllGroups",
    run: (m) => m.group.loadAllGroups("T1"),
    method: "POST",
    path: "/v1/mgmt/group/all",
    body: { tenantId: "T1" },
    response: [{ id: "G1", display: "Engineers", source: "scim", ssoId: "default_ssoid" }],
    check: (result) =>
      assert.deepStrictEqual(result, [{ id: "G1", display: "Engineers", source: "scim", ssoId: "default_ssoid" }])
  },
  {
    name: "group.loadAllGroupsForMembers",
    run: (m) => m.group.loadAllGroupsForMembers({ tenantId: "T1", userIds: ["U1"] }),
    method: "POST",
    path: "/v1/mgmt/group/member/all",
    body: { tenantId: "T1", loginIds: [], userIds: ["U1"] },
    response: [{ id: "G1", display: "Engineers" }],
    check: (result) => assert.deepStrictEqual(result, [{ id: "G1", display: "Engineers" }])
  },
  {
    name: "group.loadAllGroupMembers",
    run: (m) => m.group.loadAllGroupMembers({ tenantId: "T1", groupId: "G1" }),
    method: "POST",
    path: "/v1/mgmt/group/members",
    body: { tenantId: "T1", groupId: "G1" },
    response: [{ id: "G1", display: "Engineers", members: [{ loginId: "ada@example.com", userId: "U1", display: "Ada" }] }],
    check: (result) =>
      assert.deepStrictEqual(result, [
        { id: "G1", display: "Engineers", members: [{ loginId: "ada@example.com", userId: "U1", display: "Ada" }] }
      ])
  }
]

const isSession = (result: unknown) => {
  const info = result as { session: { subject: string }; refreshToken: Redacted.Redacted<string> | undefined }
  assert.strictEqual(Redacted.value(info.refreshToken!), REFRESH_JWT)
}

const jwtRows: ReadonlyArray<Row> = [
  {
    name: "jwt.updateJwt",
    run: (m) => m.jwt.updateJwt({ jwt: Redacted.make("old.jwt.x"), customClaims: { plan: "pro" }, refreshDuration: 3600 }),
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
        loginOptions: { stepup: true, jwt: Redacted.make("cur.refresh.jwt"), customClaims: { k: "v" }, refreshDuration: 600 }
      }),
    method: "POST",
    path: "/v1/mgmt/auth/signin",
    body: { loginId: "ada@example.com", stepup: true, customClaims: { k: "v" }, jwt: "cur.refresh.jwt", refreshDuration: 600 },
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
  }
]

const otherRows: ReadonlyArray<Row> = [
  {
    name: "audit.search",
    run: (m) =>
      m.audit.search({
        userIds: ["U1"],
        actions: ["LoginSucceed"],
        devices: ["Desktop"],
        loginIds: ["ada@example.com"],
        noTenants: false,
        fromTs: new Date(1700000000000),
        toTs: 1700086400000
      }),
    method: "POST",
    path: "/v1/mgmt/audit/search",
    body: {
      userIds: ["U1"],
      actions: ["LoginSucceed"],
      devices: ["Desktop"],
      externalIds: ["ada@example.com"],
      noTenants: false,
      from: 1700000000000,
      to: 1700086400000
    },
    response: {
      audits: [{
        projectId: PROJECT_ID,
        userId: "U1",
        action: "LoginSucceed",
        occurred: "1700000000123",
        device: "Desktop",
        method: "otp",
        geo: "FR",
        remoteAddress: "192.0.2.1",
        externalIds: ["ada@example.com"],
        tenants: ["T1"],
        data: { x: 1 }
      }]
    },
    check: (result) =>
      assert.deepStrictEqual(result, [{
        projectId: PROJECT_ID,
        userId: "U1",
        action: "LoginSucceed",
        occurred: 1700000000123,
        device: "Desktop",
        method: "otp",
        geo: "FR",
        remoteAddress: "192.0.2.1",
        loginIds: ["ada@example.com"],
        tenants: ["T1"],
        data: { x: 1 }
      }])
  },
  {
    name: "audit.createEvent",
    run: (m) =>
      m.audit.createEvent({ action: "Exported", type: "info", actorId: "U9", tenantId: "T1", userId: "U1", data: { n: 2 } }),
    method: "POST",
    path: "/v1/mgmt/audit/event",
    body: { action: "Exported", type: "info", actorId: "U9", tenantId: "T1", userId: "U1", data: { n: 2 } },
    check: isVoid
  },
  {
    name: "flow.listFlows",
    run: (m) => m.flow.listFlows(),
    method: "POST",
    path: "/v1/mgmt/flow/list",
    body: {},
    response: { flows: [{ id: "sign-up-or-in", name: "Sign up or in", disabled: false }], total: 1 },
    check: (result) =>
      assert.deepStrictEqual(result, { flows: [{ id: "sign-up-or-in", name: "Sign up or in", disabled: false }], total: 1 })
  },
  {
    name: "flow.deleteFlows",
    run: (m) => m.flow.deleteFlows(["f1", "f2"]),
    method: "POST",
    path: "/v1/mgmt/flow/delete",
    body: { ids: ["f1", "f2"] },
    check: isVoid
  },
  {
    name: "flow.exportFlow",
    run: (m) => m.flow.exportFlow("f1"),
    method: "POST",
    path: "/v1/mgmt/flow/export",
    body: { flowId: "f1" },
    response: { flow: { id: "f1", name: "F", dsl: { steps: [] }, disabled: false }, screens: [{ id: "s1", flowId: "f1" }] },
    check: (result) =>
      assert.deepStrictEqual(result, {
        flow: { id: "f1", name: "F", dsl: { steps: [] }, disabled: false },
        screens: [{ id: "s1", flowId: "f1" }]
      })
  },
  {
    name: "flow.importFlow",
    run: (m) => m.flow.importFlow({ flowId: "f1", flow: { id: "f1", dsl: {} }, screens: [{ id: "s1" }] }),
    method: "POST",
    path: "/v1/mgmt/flow/import",
    body: { flowId: "f1", flow: { id: "f1", dsl: {} }, screens: [{ id: "s1" }] },
    response: { flow: { id: "f1" }, screens: [] },
    check: (result) => assert.deepStrictEqual(result, { flow: { id: "f1" }, screens: [] })
  },
  {
    name: "flow.runFlow (node wire: nested options)",
    run: (m) => m.flow.runFlow({ flowId: "f1", options: { input: { a: 1 }, preview: true, tenant: "T1" } }),
    method: "POST",
    path: "/v1/mgmt/flow/run",
    body: { flowId: "f1", options: { input: { a: 1 }, preview: true, tenant: "T1" } },
    response: { output: { greeting: "hi" } },
    check: (result) => assert.deepStrictEqual(result, { greeting: "hi" })
  },
  {
    name: "flow.runFlowAsync (python wire: flattened options)",
    run: (m) => m.flow.runFlowAsync({ flowId: "f1", options: { input: { a: 1 }, tenant: "T1" } }),
    method: "POST",
    path: "/v1/mgmt/flow/async/run",
    body: { flowId: "f1", input: { a: 1 }, tenant: "T1" },
    response: { executionId: "E1" },
    check: (result) => assert.deepStrictEqual(result, { executionId: "E1" })
  },
  {
    name: "flow.getFlowAsyncResult",
    run: (m) => m.flow.getFlowAsyncResult("E1"),
    method: "POST",
    path: "/v1/mgmt/flow/async/result",
    body: { executionId: "E1" },
    response: { status: "completed", output: { x: 1 } },
    check: (result) => assert.deepStrictEqual(result, { status: "completed", output: { x: 1 } })
  },
  {
    name: "flow.exportTheme",
    run: (m) => m.flow.exportTheme(),
    method: "POST",
    path: "/v1/mgmt/theme/export",
    body: {},
    response: { theme: { id: "th1", cssTemplate: { dark: {} } } },
    check: (result) => assert.deepStrictEqual(result, { id: "th1", cssTemplate: { dark: {} } })
  },
  {
    name: "flow.importTheme",
    run: (m) => m.flow.importTheme({ id: "th1", cssTemplate: {} }),
    method: "POST",
    path: "/v1/mgmt/theme/import",
    body: { theme: { id: "th1", cssTemplate: {} } },
    response: { theme: { id: "th1", cssTemplate: {} } },
    check: (result) => assert.deepStrictEqual(result, { id: "th1", cssTemplate: {} })
  },
  {
    name: "project.updateName",
    run: (m) => m.project.updateName("New name"),
    method: "POST",
    path: "/v1/mgmt/project/update/name",
    body: { name: "New name" },
    check: isVoid
  },
  {
    name: "project.exportSnapshot",
    run: (m) => m.project.exportSnapshot(),
    method: "POST",
    path: "/v1/mgmt/project/snapshot/export",
    body: {},
    response: { files: { "project.json": { name: "P" } } },
    check: (result) => assert.deepStrictEqual(result, { "project.json": { name: "P" } })
  },
  {
    name: "project.importSnapshot",
    run: (m) => m.project.importSnapshot({ files: { "project.json": { name: "P" } }, inputSecrets: { s: 1 } }),
    method: "POST",
    path: "/v1/mgmt/project/snapshot/import",
    body: { files: { "project.json": { name: "P" } }, inputSecrets: { s: 1 } },
    check: isVoid
  },
  {
    name: "password.getSettings",
    run: (m) => m.password.getSettings("T1"),
    method: "GET",
    path: "/v1/mgmt/password/settings",
    query: { tenantId: "T1" },
    response: { enabled: true, minLength: 8, nonAlphaNumeric: true, lock: true, lockAttempts: 5 },
    check: (result) =>
      assert.deepStrictEqual(result, { enabled: true, minLength: 8, nonAlphaNumeric: true, lock: true, lockAttempts: 5 })
  },
  {
    name: "password.configureSettings",
    run: (m) => m.password.configureSettings({ tenantId: "T1", settings: { enabled: true, minLength: 10, uppercase: true } }),
    method: "POST",
    path: "/v1/mgmt/password/settings",
    body: { enabled: true, minLength: 10, uppercase: true, tenantId: "T1" },
    check: isVoid
  }
]

for (
  const [area, rows] of [
    ["tenant", tenantRows],
    ["accessKey", accessKeyRows],
    ["sso", ssoRows],
    ["permission / role / group", authzRows],
    ["jwt", jwtRows],
    ["audit / flow / project / password", otherRows]
  ] as const
) {
  describe(`mgmt.${area} wire`, () => {
    for (const row of rows) {
      it.effect(row.name, () => runRow(row))
    }
  })
}
