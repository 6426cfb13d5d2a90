// The recorded-wire rows of tenants (run by test/management-wire-tenant.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, type Row } from "../management.js"

const TENANT = { id: "T1", name: "Acme", selfProvisioningDomains: ["acme.com"], createdTime: 1700000000 }

export const tenantRows: ReadonlyArray<Row> = [
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
      m.tenant.update({
        id: "T1",
        name: "Acme Inc",
        selfProvisioningDomains: [],
        customAttributes: { tier: "gold" },
        disabled: false
      }),
    method: "POST",
    path: "/v1/mgmt/tenant/update",
    body: {
      id: "T1",
      name: "Acme Inc",
      selfProvisioningDomains: [],
      customAttributes: { tier: "gold" },
      disabled: false
    },
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
      const s = result as {
        inactivityTime: number
        inactivityTimeUnit: string
        sessionSettingsEnabled: boolean
        jitDisabled: boolean
        domains: ReadonlyArray<string>
      }
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
  },
  {
    name: "tenant.updateDefaultRoles",
    run: (m) => m.tenant.updateDefaultRoles({ tenantId: "T1", roleNames: ["viewer", "member"] }),
    method: "POST",
    path: "/v1/mgmt/tenant/updateDefaultRoles",
    body: { id: "T1", defaultRoles: ["viewer", "member"] },
    check: isVoid
  },
  {
    name: "tenant.generateSsoConfigurationLink",
    run: (m) =>
      m.tenant.generateSsoConfigurationLink({
        tenantId: "T1",
        expireTime: 21600,
        ssoId: "sso2",
        email: "admin@acme.com",
        templateId: "tpl1",
        actorId: "U9"
      }),
    method: "POST",
    path: "/v2/mgmt/tenant/adminlinks/sso/generate",
    body: {
      tenantId: "T1",
      expireTime: 21600,
      ssoId: "sso2",
      email: "admin@acme.com",
      templateId: "tpl1",
      actorId: "U9"
    },
    response: { adminSSOConfigurationLink: "https://app.descope.com/sso-setup?t=secret-token" },
    check: (result) => {
      assert.isTrue(Redacted.isRedacted(result))
      assert.strictEqual(
        Redacted.value(result as Redacted.Redacted<string>),
        "https://app.descope.com/sso-setup?t=secret-token"
      )
      assert.notInclude(String(result), "secret-token")
    }
  },
  {
    name: "tenant.revokeSsoConfigurationLink",
    run: (m) => m.tenant.revokeSsoConfigurationLink({ tenantId: "T1", ssoId: "sso2" }),
    method: "POST",
    path: "/v1/mgmt/tenant/adminlinks/sso/revoke",
    body: { tenantId: "T1", ssoId: "sso2" },
    check: isVoid
  },
  {
    name: "tenant.revokeSsoConfigurationLink (no ssoId)",
    run: (m) => m.tenant.revokeSsoConfigurationLink({ tenantId: "T1", ssoId: "" }),
    method: "POST",
    path: "/v1/mgmt/tenant/adminlinks/sso/revoke",
    body: { tenantId: "T1" },
    check: isVoid
  },
  {
    name: "tenant.create with SSO exclusions and federated apps",
    run: (m) =>
      m.tenant.create({ name: "Acme", enforceSsoExclusions: ["boss@acme.com"], federatedAppIds: ["fa1", "fa2"] }),
    method: "POST",
    path: "/v1/mgmt/tenant/create",
    body: { name: "Acme", enforceSSOExclusions: ["boss@acme.com"], federatedAppIds: ["fa1", "fa2"] },
    response: { id: "T1" },
    check: (result) => assert.strictEqual(result, "T1")
  },
  {
    name: "tenant.update with SSO exclusions and federated apps",
    run: (m) => m.tenant.update({ id: "T1", name: "Acme", enforceSsoExclusions: [], federatedAppIds: ["fa3"] }),
    method: "POST",
    path: "/v1/mgmt/tenant/update",
    body: { id: "T1", name: "Acme", enforceSSOExclusions: [], federatedAppIds: ["fa3"] }
  }
]
