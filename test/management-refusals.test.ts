// The client-side refusals of the management operations: an empty id, an empty batch, a malformed
// e-mail, a status or type outside Descope's names is InvalidArgumentError naming the field, and nothing
// is sent; a refused call's error never shows the password given. (Their recorded-wire rows are in the
// per-area tables of test/support/wire-rows.)
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import { InvalidArgumentError } from "../src/core/DescopeError.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { withLicense, withMgmt } from "./support/management.js"

const failureOf = (exit: Exit.Exit<unknown, unknown>): unknown =>
  Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined

describe("mgmt: client-side refusals send nothing", () => {
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
          ["status", mgmt.user.create({ loginId: "a", status: "gone" as "enabled" })],
          ["status", mgmt.user.createTestUser({ loginId: "a", status: "" as "enabled" })],
          ["type", mgmt.user.createCustomAttribute("plan", "Plan", "text" as "string")],
          ["name", mgmt.user.createCustomAttribute(" ", "Plan", "string")],
          ["tenantId", mgmt.group.loadAllGroups({ tenantId: "", ssoId: "s" })],
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
