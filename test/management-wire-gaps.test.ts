// The recorded wire of the fields and forms the official SDKs' own tests use and we
// lacked: user status on create, createCustomAttribute by type name, impersonation
// with stepup, groups of one SSO configuration, SSO group priority and FGA mappings,
// tenant federated apps, and mgmt.license.get (its own request, no handshake first).
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import { InvalidArgumentError } from "../src/core/DescopeError.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { AUTHORIZATION, isUser, type Row, runRow, withLicense, withMgmt } from "./support/management.js"

const USER = {
  userId: "U1",
  loginIds: ["ada@example.com"],
  email: "ada@example.com",
  status: "disabled",
  userTenants: [{ tenantId: "T1", roleNames: ["admin"], tenantName: "Acme" }]
}

const FGA_MAPPINGS = {
  engineers: { relations: [{ resource: "repo:core", relationDefinition: "writer", namespace: "repo" }] }
}

const rows: ReadonlyArray<Row> = [
  {
    name: "user.create with a status",
    run: (m) => m.user.create({ loginId: "ada@example.com", status: "disabled" }),
    method: "POST",
    path: "/v1/mgmt/user/create",
    body: { loginId: "ada@example.com", status: "disabled" },
    response: { user: USER },
    check: isUser
  },
  {
    name: "user.createTestUser with a status",
    run: (m) => m.user.createTestUser({ loginId: "ada@example.com", status: "invited" }),
    method: "POST",
    path: "/v1/mgmt/user/create/test",
    body: { loginId: "ada@example.com", status: "invited", test: true },
    response: { user: USER },
    check: isUser
  },
  {
    name: "user.createCustomAttribute with a select type",
    run: (m) =>
      m.user.createCustomAttribute("plan", "Plan", "singleselect", ["free", { label: "Pro plan", value: "pro" }]),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/create",
    body: {
      attributes: [{
        name: "plan",
        displayName: "Plan",
        type: "singleselect",
        options: [{ label: "free", value: "free" }, { label: "Pro plan", value: "pro" }]
      }]
    },
    response: { data: [{ name: "plan", displayName: "Plan", type: "singleselect" }] },
    check: (result) => assert.deepStrictEqual(result, [{ name: "plan", displayName: "Plan", type: "singleselect" }])
  },
  {
    name: "user.createCustomAttribute without options",
    run: (m) => m.user.createCustomAttribute("birthday", "Birthday", "date"),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/create",
    body: { attributes: [{ name: "birthday", displayName: "Birthday", type: "date" }] },
    response: { data: [] }
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
  },
  {
    name: "group.loadAllGroups of one SSO configuration",
    run: (m) => m.group.loadAllGroups({ tenantId: "T1", ssoId: "sso2" }),
    method: "POST",
    path: "/v1/mgmt/group/all",
    body: { tenantId: "T1", ssoId: "sso2" },
    response: [{ id: "G1", display: "Engineers", ssoId: "sso2" }],
    check: (result) => assert.deepStrictEqual(result, [{ id: "G1", display: "Engineers", ssoId: "sso2" }])
  },
  {
    name: "group.loadAllGroups by tenant object without ssoId",
    run: (m) => m.group.loadAllGroups({ tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/group/all",
    body: { tenantId: "T1" },
    response: []
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

describe("mgmt wire: the fields and forms of the official SDKs' tests", () => {
  for (const row of rows) {
    it.effect(row.name, () => runRow(row))
  }

  it.effect("license.get asks Descope now (no handshake before it) and answers the tier", () =>
    withMgmt(() => MockHttpClient.json({ rateLimitTier: "enterprise" }), (mgmt, recorder) =>
      Effect.gen(function*() {
        assert.deepStrictEqual(yield* mgmt.license.get(), { rateLimitTier: "enterprise" })
        const requests = yield* recorder.requests
        assert.strictEqual(requests.length, 1)
        assert.strictEqual(requests[0]?.method, "GET")
        assert.strictEqual(requests[0]?.path, "/v1/mgmt/license")
        assert.strictEqual(requests[0]?.headers["authorization"], AUTHORIZATION)
        assert.strictEqual(requests[0]?.bodyText, undefined)
      })))

  it.effect("license.get surfaces a refused key (the handshake would swallow it)", () =>
    withMgmt(
      () => MockHttpClient.json({ errorCode: "E011003", errorDescription: "Unauthorized" }, { status: 401 }),
      (mgmt) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(mgmt.license.get())
          assert.strictEqual(error._tag, "AuthError")
        })
    ))

  it.effect("a status or type outside Descope's names is InvalidArgumentError, unsent", () =>
    withMgmt(withLicense(() => MockHttpClient.json({})), (mgmt, recorder) =>
      Effect.gen(function*() {
        const cases: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown>]> = [
          ["status", mgmt.user.create({ loginId: "a", status: "gone" as "enabled" })],
          ["status", mgmt.user.createTestUser({ loginId: "a", status: "" as "enabled" })],
          ["type", mgmt.user.createCustomAttribute("plan", "Plan", "text" as "string")],
          ["name", mgmt.user.createCustomAttribute(" ", "Plan", "string")],
          ["tenantId", mgmt.group.loadAllGroups({ tenantId: "", ssoId: "s" })]
        ]
        for (const [field, effect] of cases) {
          const exit = yield* Effect.exit(effect)
          const error = Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined
          assert.instanceOf(error, InvalidArgumentError, field)
          assert.strictEqual((error as InvalidArgumentError).field, field)
        }
        assert.deepStrictEqual(yield* recorder.requests, [])
      })))
})
