// The remaining user management operations of §10.1 (batch variants, custom
// attribute schema, passkeys, trusted devices, recovery contacts, user import):
// a recorded-request test for each, with the expected method, path, query, JSON
// body and headers written as literals from the wire catalogue, the decoding
// of each answer, and the client-side refusals that send nothing.
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import { InvalidArgumentError } from "../src/core/DescopeError.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { isUser, isVoid, type Row, runRow, withLicense, withMgmt } from "./management-support.js"

const USER = {
  userId: "U1",
  loginIds: ["ada@example.com"],
  email: "ada@example.com",
  name: "Ada",
  status: "enabled",
  createdTime: 1700000000,
  userTenants: [{ tenantId: "T1", roleNames: ["admin"], tenantName: "Acme" }]
}
const USER_RESPONSE = { user: USER }

const userRows: ReadonlyArray<Row> = [
  {
    name: "user.patchBatch",
    run: (m) =>
      m.user.patchBatch({
        users: [
          { loginId: "ada@example.com", displayName: "Ada L", userTenants: [{ tenantId: "T1" }] },
          { loginId: "U2", status: "disabled", ssoAppIds: ["app1"] }
        ]
      }),
    method: "PATCH",
    path: "/v1/mgmt/user/patch/batch",
    body: {
      users: [
        { loginId: "ada@example.com", displayName: "Ada L", userTenants: [{ tenantId: "T1", roleNames: [] }] },
        { loginId: "U2", status: "disabled", ssoAppIds: ["app1"] }
      ]
    },
    response: {
      patchedUsers: [USER],
      failedUsers: [{ failure: "not found", user: { loginIds: ["U2"], status: "disabled" } }],
      additionalErrors: { U2: "not found" }
    },
    check: (result) => {
      const r = result as {
        patchedUsers: ReadonlyArray<unknown>
        failedUsers: ReadonlyArray<{ failure: string; user: { userId?: string; loginIds: ReadonlyArray<string> } }>
        additionalErrors: Record<string, string>
      }
      isUser(r.patchedUsers[0])
      assert.strictEqual(r.failedUsers[0]?.failure, "not found")
      assert.deepStrictEqual(r.failedUsers[0]?.user.loginIds, ["U2"])
      assert.isUndefined(r.failedUsers[0]?.user.userId)
      assert.deepStrictEqual(r.additionalErrors, { U2: "not found" })
    }
  },
  {
    name: "user.patchBatch (test users)",
    run: (m) => m.user.patchBatch({ users: [{ loginId: "t1", givenName: "T" }], test: true }),
    method: "PATCH",
    path: "/v1/mgmt/user/patch/batch",
    body: { users: [{ loginId: "t1", givenName: "T", test: true }] },
    response: { patchedUsers: [], failedUsers: [] }
  },
  {
    name: "user.getCustomAttributes",
    run: (m) => m.user.getCustomAttributes(),
    method: "GET",
    path: "/v1/mgmt/user/customattributes",
    response: { data: [{ name: "plan", displayName: "Plan", type: 1, options: [{ label: "Pro", value: "pro" }] }] },
    check: (result) =>
      assert.deepStrictEqual(result, [
        { name: "plan", displayName: "Plan", type: 1, options: [{ label: "Pro", value: "pro" }] }
      ])
  },
  {
    name: "user.createCustomAttributes",
    run: (m) =>
      m.user.createCustomAttributes([
        { name: "plan", displayName: "Plan", type: 1, options: [{ label: "Pro", value: "pro" }] },
        { name: "age", type: 2, viewPermissions: ["users.read"] }
      ]),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/create",
    body: {
      attributes: [
        { name: "plan", displayName: "Plan", type: 1, options: [{ label: "Pro", value: "pro" }] },
        { name: "age", type: 2, viewPermissions: ["users.read"] }
      ]
    },
    response: { data: [{ name: "plan", type: "1" }, { name: "age", type: 2 }] },
    check: (result) => assert.deepStrictEqual(result, [{ name: "plan", type: "1" }, { name: "age", type: 2 }])
  },
  {
    name: "user.deleteCustomAttributes",
    run: (m) => m.user.deleteCustomAttributes(["plan", "age"]),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/delete",
    body: { names: ["plan", "age"] },
    response: { data: [] },
    check: (result) => assert.deepStrictEqual(result, [])
  },
  {
    name: "user.listPasskeys",
    run: (m) => m.user.listPasskeys("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/passkeys/list",
    body: { loginId: "ada@example.com" },
    response: {
      passkeys: [{ id: "PK1", rpId: "example.com", kind: "platform", displayName: "MacBook", createdTime: 1700000000 }]
    },
    check: (result) =>
      assert.deepStrictEqual(result, [
        { id: "PK1", rpId: "example.com", kind: "platform", displayName: "MacBook", createdTime: 1700000000 }
      ])
  },
  {
    name: "user.removePasskey",
    run: (m) => m.user.removePasskey({ loginId: "ada@example.com", credentialId: "cred-1" }),
    method: "POST",
    path: "/v1/mgmt/user/passkey/delete",
    body: { loginId: "ada@example.com", credentialId: "cred-1" },
    check: isVoid
  },
  {
    name: "user.listTrustedDevices",
    run: (m) => m.user.listTrustedDevices(["ada@example.com", "U2"]),
    method: "POST",
    path: "/v1/mgmt/user/trusteddevices/list",
    body: { identifiers: ["ada@example.com", "U2"] },
    response: {
      devices: [
        {
          id: "D1",
          name: "Chrome",
          deviceType: "desktop",
          lastLoginTime: 1700000100,
          expirationTime: 1702592100,
          lastLocation: "Paris"
        }
      ]
    },
    check: (result) =>
      assert.deepStrictEqual(result, [
        {
          id: "D1",
          name: "Chrome",
          deviceType: "desktop",
          lastLoginTime: 1700000100,
          expirationTime: 1702592100,
          lastLocation: "Paris"
        }
      ])
  },
  {
    name: "user.removeTrustedDevices",
    run: (m) => m.user.removeTrustedDevices({ loginId: "ada@example.com", deviceIds: ["D1", "D2"] }),
    method: "POST",
    path: "/v1/mgmt/user/trusteddevices/remove",
    body: { identifier: "ada@example.com", deviceIds: ["D1", "D2"] },
    check: isVoid
  },
  {
    name: "user.removeRecoveryCodes",
    run: (m) => m.user.removeRecoveryCodes("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/recovery-codes/delete",
    body: { loginId: "ada@example.com" },
    check: isVoid
  },
  {
    name: "user.updateRecoveryEmail",
    run: (m) => m.user.updateRecoveryEmail({ loginId: "ada@example.com", email: "backup@example.com", verified: true }),
    method: "POST",
    path: "/v1/mgmt/user/update/recovery/email",
    body: { loginId: "ada@example.com", recoveryEmail: "backup@example.com", verified: true },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updateRecoveryPhone",
    run: (m) => m.user.updateRecoveryPhone({ loginId: "ada@example.com", phone: "+15555550199" }),
    method: "POST",
    path: "/v1/mgmt/user/update/recovery/phone",
    body: { loginId: "ada@example.com", recoveryPhone: "+15555550199" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updateUserNames",
    run: (m) => m.user.updateUserNames({ loginId: "ada@example.com", givenName: "Ada", familyName: "Lovelace" }),
    method: "POST",
    path: "/v1/mgmt/user/update/name",
    body: { loginId: "ada@example.com", givenName: "Ada", familyName: "Lovelace" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.setPassword (deprecated)",
    run: (m) => m.user.setPassword({ loginId: "ada@example.com", password: Redacted.make("Temp-pass-1") }),
    method: "POST",
    path: "/v1/mgmt/user/password/set",
    body: { loginId: "ada@example.com", password: "Temp-pass-1" },
    check: isVoid
  },
  {
    name: "user.importUsers (text payloads)",
    run: (m) =>
      m.user.importUsers({
        source: "auth0",
        users: "[{\"email\":\"ada@example.com\"}]",
        hashes: Redacted.make("{\"hash\":\"$2a$10$abc\"}")
      }),
    method: "POST",
    path: "/v1/mgmt/user/import",
    body: {
      source: "auth0",
      users: "[{\"email\":\"ada@example.com\"}]",
      hashes: "{\"hash\":\"$2a$10$abc\"}",
      dryrun: false
    },
    response: { users: [USER], failures: [{ user: "bob@example.com", reason: "duplicate" }] },
    check: (result) => {
      const r = result as { users: ReadonlyArray<unknown>; failures: ReadonlyArray<unknown> }
      isUser(r.users[0])
      assert.deepStrictEqual(r.failures, [{ user: "bob@example.com", reason: "duplicate" }])
    }
  },
  {
    name: "user.importUsers (bytes are base64, dry run)",
    run: (m) => m.user.importUsers({ source: "cognito", users: new Uint8Array([123, 125]), dryrun: true }),
    method: "POST",
    path: "/v1/mgmt/user/import",
    body: { source: "cognito", users: "e30=", dryrun: true },
    response: {},
    check: (result) => assert.deepStrictEqual(result, {})
  }
]

for (
  const [area, rows] of [
    ["user", userRows]
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
