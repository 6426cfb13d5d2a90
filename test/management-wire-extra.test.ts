// The remaining management operations of §10.1-§10.6 (batch variants, custom
// attribute schema, passkeys, trusted devices, recovery contacts, user import,
// tenant default roles and SSO admin links, multi-configuration SSO): a
// recorded-request test for each, with the expected method, path, query, JSON
// body and headers written as literals from the wire catalogue, the decoding
// of each answer, and the client-side refusals that send nothing.
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import { InvalidArgumentError } from "../src/core/DescopeError.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { isVoid, type Row, runRow, withLicense, withMgmt } from "./management-support.js"

const ROLE = { name: "editor", description: "Edits", permissionNames: ["docs.write"], createdTime: 1700000000 }
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

const tenantRows: ReadonlyArray<Row> = [
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
  }
]

const accessKeyRows: ReadonlyArray<Row> = [
  {
    name: "accessKey.activateBatch",
    run: (m) => m.accessKey.activateBatch(["K1", "K2"]),
    method: "POST",
    path: "/v1/mgmt/accesskey/activate/batch",
    body: { ids: ["K1", "K2"] },
    check: isVoid
  },
  {
    name: "accessKey.deactivateBatch",
    run: (m) => m.accessKey.deactivateBatch(["K1"]),
    method: "POST",
    path: "/v1/mgmt/accesskey/deactivate/batch",
    body: { ids: ["K1"] },
    check: isVoid
  },
  {
    name: "accessKey.deleteBatch",
    run: (m) => m.accessKey.deleteBatch(["K1", "K3"]),
    method: "POST",
    path: "/v1/mgmt/accesskey/delete/batch",
    body: { ids: ["K1", "K3"] },
    check: isVoid
  }
]

const ssoRows: ReadonlyArray<Row> = [
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
  }
]

const authzRows: ReadonlyArray<Row> = [
  {
    name: "permission.createBatch",
    run: (m) => m.permission.createBatch([{ name: "docs.read", description: "Read" }, { name: "docs.write" }]),
    method: "POST",
    path: "/v1/mgmt/permission/create/batch",
    body: { permissions: [{ name: "docs.read", description: "Read" }, { name: "docs.write" }] },
    check: isVoid
  },
  {
    name: "permission.updateBatch",
    run: (m) =>
      m.permission.updateBatch([
        { name: "docs.read", newName: "documents.read", description: "Read docs" },
        { id: "PRM1", newName: "documents.write" }
      ]),
    method: "POST",
    path: "/v1/mgmt/permission/update/batch",
    body: {
      permissions: [
        { name: "docs.read", newName: "documents.read", description: "Read docs" },
        { id: "PRM1", newName: "documents.write" }
      ]
    },
    check: isVoid
  },
  {
    name: "permission.deleteBatch",
    run: (m) => m.permission.deleteBatch({ names: ["docs.read"], ids: ["PRM1"] }),
    method: "POST",
    path: "/v1/mgmt/permission/delete/batch",
    body: { names: ["docs.read"], ids: ["PRM1"] },
    check: isVoid
  },
  {
    name: "permission.updateById",
    run: (m) => m.permission.updateById({ id: "PRM1", newName: "docs.edit", description: "Edit" }),
    method: "POST",
    path: "/v1/mgmt/permission/update",
    body: { id: "PRM1", newName: "docs.edit", description: "Edit" },
    check: isVoid
  },
  {
    name: "permission.deleteById",
    run: (m) => m.permission.deleteById("PRM1"),
    method: "POST",
    path: "/v1/mgmt/permission/delete",
    body: { id: "PRM1" },
    check: isVoid
  },
  {
    name: "permission.deleteBatchByIds",
    run: (m) => m.permission.deleteBatchByIds(["PRM1", "PRM2"]),
    method: "POST",
    path: "/v1/mgmt/permission/delete/batch",
    body: { ids: ["PRM1", "PRM2"] },
    check: isVoid
  },
  {
    name: "role.updateById",
    run: (m) => m.role.updateById({ id: "ROL1", newName: "writer", permissionNames: ["docs.write"], tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/role/update",
    body: { id: "ROL1", newName: "writer", permissionNames: ["docs.write"], tenantId: "T1" },
    check: isVoid
  },
  {
    name: "role.deleteById",
    run: (m) => m.role.deleteById({ id: "ROL1", tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/role/delete",
    body: { id: "ROL1", tenantId: "T1" },
    check: isVoid
  },
  {
    name: "role.deleteBatchByIds",
    run: (m) => m.role.deleteBatchByIds({ roleIds: ["ROL1", "ROL2"] }),
    method: "POST",
    path: "/v1/mgmt/role/delete/batch",
    body: { roleIds: ["ROL1", "ROL2"] },
    check: isVoid
  },
  {
    name: "role.search (roleIds)",
    run: (m) => m.role.search({ roleIds: ["ROL1"], includeProjectRoles: true }),
    method: "POST",
    path: "/v1/mgmt/role/search",
    body: { roleIds: ["ROL1"], includeProjectRoles: true },
    response: { roles: [ROLE] },
    check: (result) => assert.deepStrictEqual(result, [ROLE])
  },
  {
    name: "role.createBatch",
    run: (m) =>
      m.role.createBatch([
        { name: "editor", description: "Edits", permissionNames: ["docs.write"] },
        { name: "t-admin", tenantId: "T1", default: true, private: false }
      ]),
    method: "POST",
    path: "/v1/mgmt/role/create/batch",
    body: {
      roles: [
        { name: "editor", description: "Edits", permissionNames: ["docs.write"] },
        { name: "t-admin", tenantId: "T1", default: true, private: false }
      ]
    },
    response: { roles: [ROLE] },
    check: (result) => assert.deepStrictEqual(result, [ROLE])
  },
  {
    name: "role.updateBatch",
    run: (m) =>
      m.role.updateBatch([
        { name: "editor", newName: "writer", permissionNames: ["docs.write", "docs.read"] },
        { id: "ROL1", newName: "owner", tenantId: "T1" }
      ]),
    method: "POST",
    path: "/v1/mgmt/role/update/batch",
    body: {
      roles: [
        { name: "editor", newName: "writer", permissionNames: ["docs.write", "docs.read"] },
        { id: "ROL1", newName: "owner", tenantId: "T1" }
      ]
    },
    response: { roles: [{ ...ROLE, name: "writer" }] },
    check: (result) => assert.deepStrictEqual(result, [{ ...ROLE, name: "writer" }])
  },
  {
    name: "role.deleteBatch",
    run: (m) => m.role.deleteBatch({ roleNames: ["editor", "writer"], tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/role/delete/batch",
    body: { roleNames: ["editor", "writer"], tenantId: "T1" },
    check: isVoid
  },
  {
    name: "role.deleteBatch (by ids)",
    run: (m) => m.role.deleteBatch({ roleIds: ["ROL1"] }),
    method: "POST",
    path: "/v1/mgmt/role/delete/batch",
    body: { roleIds: ["ROL1"] },
    check: isVoid
  }
]

for (
  const [area, rows] of [
    ["tenant", tenantRows],
    ["accessKey", accessKeyRows],
    ["sso", ssoRows],
    ["permission / role", authzRows]
  ] as const
) {
  describe(`mgmt.${area} wire (remaining operations)`, () => {
    for (const row of rows) {
      it.effect(row.name, () => runRow(row))
    }
  })
}

const failureOf = (exit: Exit.Exit<unknown, unknown>): unknown =>
  Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined

describe("mgmt: client-side checks of the remaining operations", () => {
  it.effect("empty ids and empty batches are InvalidArgumentError naming the field, and nothing is sent", () =>
    withMgmt(withLicense(() => MockHttpClient.json({})), (mgmt, recorder) =>
      Effect.gen(function*() {
        const cases: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown>]> = [
          ["users", mgmt.user.patchBatch({ users: [] })],
          ["loginId", mgmt.user.patchBatch({ users: [{ loginId: "" }] })],
          ["email", mgmt.user.patchBatch({ users: [{ loginId: "a", email: "nope" }] })],
          ["attributes", mgmt.user.createCustomAttributes([])],
          ["name", mgmt.user.createCustomAttributes([{ name: " " }])],
          ["names", mgmt.user.deleteCustomAttributes([])],
          ["loginId", mgmt.user.listPasskeys("")],
          ["credentialId", mgmt.user.removePasskey({ loginId: "ada", credentialId: "" })],
          ["loginIds", mgmt.user.listTrustedDevices([])],
          ["deviceIds", mgmt.user.removeTrustedDevices({ loginId: "ada", deviceIds: [] })],
          ["loginId", mgmt.user.removeTrustedDevices({ loginId: "", deviceIds: ["D1"] })],
          ["loginId", mgmt.user.removeRecoveryCodes("")],
          ["email", mgmt.user.updateRecoveryEmail({ loginId: "ada", email: "" })],
          ["email", mgmt.user.updateRecoveryEmail({ loginId: "ada", email: "ada@" })],
          ["phone", mgmt.user.updateRecoveryPhone({ loginId: "ada", phone: "" })],
          ["loginId", mgmt.user.updateUserNames({ loginId: "" })],
          ["password", mgmt.user.setPassword({ loginId: "ada", password: Redacted.make("") })],
          ["source", mgmt.user.importUsers({ source: "" })],
          ["tenantId", mgmt.tenant.updateDefaultRoles({ tenantId: "", roleNames: ["r"] })],
          ["tenantId", mgmt.tenant.generateSsoConfigurationLink({ tenantId: "" })],
          ["expireTime", mgmt.tenant.generateSsoConfigurationLink({ tenantId: "T1", expireTime: -1 })],
          ["email", mgmt.tenant.generateSsoConfigurationLink({ tenantId: "T1", email: "admin" })],
          ["tenantId", mgmt.tenant.revokeSsoConfigurationLink({ tenantId: " " })],
          ["ids", mgmt.accessKey.activateBatch([])],
          ["ids", mgmt.accessKey.deactivateBatch([""])],
          ["ids", mgmt.accessKey.deleteBatch([])],
          ["tenantId", mgmt.sso.loadSettings({ tenantId: "" })],
          ["tenantId", mgmt.sso.deleteSettings({ tenantId: "", ssoId: "s" })],
          ["tenantId", mgmt.sso.loadAllSettings("")],
          ["displayName", mgmt.sso.newSettings({ tenantId: "T1", displayName: "" })],
          ["tenantId", mgmt.sso.configureSsoRedirectUrl({ tenantId: "" })],
          ["tenantId", mgmt.sso.recalculateSsoMappings({ tenantId: "" })],
          ["permissions", mgmt.permission.createBatch([])],
          ["name", mgmt.permission.createBatch([{ name: "" }])],
          ["name", mgmt.permission.updateBatch([{ newName: "x" }])],
          ["name", mgmt.permission.updateBatch([{ name: "a", id: "PRM1", newName: "x" }])],
          ["newName", mgmt.permission.updateBatch([{ name: "a", newName: "" }])],
          ["names / ids", mgmt.permission.deleteBatch({})],
          ["names / ids", mgmt.permission.deleteBatch({ names: [], ids: [] })],
          ["names", mgmt.permission.deleteBatch({ names: [""] })],
          ["roles", mgmt.role.createBatch([])],
          ["name", mgmt.role.createBatch([{ name: "" }])],
          ["roles", mgmt.role.updateBatch([])],
          ["name", mgmt.role.updateBatch([{ newName: "x" }])],
          ["newName", mgmt.role.updateBatch([{ id: "ROL1", newName: " " }])],
          ["roleNames / roleIds", mgmt.role.deleteBatch({})],
          ["roleNames / roleIds", mgmt.role.deleteBatch({ roleNames: [], tenantId: "T1" })],
          ["roleIds", mgmt.role.deleteBatch({ roleIds: [" "] })],
          ["tenantId", mgmt.role.deleteBatch({ roleNames: ["r"], tenantId: "" })],
          ["tenantId", mgmt.sso.getSettings("")],
          ["id", mgmt.permission.updateById({ id: "", newName: "x" })],
          ["newName", mgmt.permission.updateById({ id: "PRM1", newName: "" })],
          ["id", mgmt.permission.deleteById(" ")],
          ["ids", mgmt.permission.deleteBatchByIds([])],
          ["id", mgmt.role.updateById({ id: "", newName: "x" })],
          ["id", mgmt.role.deleteById({ id: "" })],
          ["roleIds", mgmt.role.deleteBatchByIds({ roleIds: [] })]
        ]
        for (const [field, effect] of cases) {
          const error = failureOf(yield* Effect.exit(effect))
          assert.instanceOf(error, InvalidArgumentError, field)
          assert.strictEqual((error as InvalidArgumentError).field, field)
        }
        assert.strictEqual((yield* recorder.requests).length, 0)
      })))

  it.effect("a password given to setPassword never shows in the error of a refused call", () =>
    withMgmt(
      withLicense(() => MockHttpClient.json({ errorCode: "E011003", errorDescription: "bad" }, { status: 400 })),
      (mgmt) =>
        Effect.gen(function*() {
          const error = failureOf(
            yield* Effect.exit(mgmt.user.setPassword({ loginId: "ada", password: Redacted.make("Hunter-2-secret") }))
          )
          assert.isDefined(error)
          assert.notInclude(JSON.stringify(error), "Hunter-2-secret")
          assert.notInclude(String(error), "Hunter-2-secret")
        })
    ))
})
