/**
 * Our client's management operations beyond the basics (§10.1-§10.6) work end
 * to end against the emulator, in-process under TestClock: batch variants
 * (an empty batch delete refused), by-id variants, default roles, SSO admin
 * links, several SSO configurations per tenant, impersonation with step-up,
 * client assertions, custom attribute schema, passkeys, trusted devices,
 * recovery contacts, names, the deprecated setPassword and user import.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2MgmtExtraScenario000000000"
const K = "extra-management-key"

const statusOf = (error: { readonly _tag: string }) =>
  error._tag === "AuthError" ? (error as unknown as { readonly status: number }).status : error._tag

const run = <A, E>(effect: Effect.Effect<A, E, DescopeClient | Emulator.Emulator>) =>
  effect.pipe(
    Effect.provide(
      Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
        Layer.provide(Emulator.layerHttpClient)
      )
    ),
    Effect.provide(Emulator.layer({ projectId: P, managementKey: K }))
  )

describe("management operations end to end against the emulator", () => {
  it.effect("permission and role batches; an empty batch delete is refused before it can delete everything", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.permission.createBatch([{ name: "docs.read", description: "Read" }, { name: "docs.write" }])
      yield* mgmt.permission.updateBatch([{ name: "docs.write", newName: "docs.edit", description: "Edit" }])
      const permissions = (yield* mgmt.permission.loadAll()).map((p) => p.name).sort()
      assert.deepStrictEqual(permissions, ["docs.edit", "docs.read"])

      const created = yield* mgmt.role.createBatch([
        { name: "reader", permissionNames: ["docs.read"] },
        { name: "editor", permissionNames: ["docs.read", "docs.edit"] }
      ])
      assert.deepStrictEqual(created.map((r) => r.name).sort(), ["editor", "reader"])
      const updated = yield* mgmt.role.updateBatch([
        { name: "editor", newName: "writer", permissionNames: ["docs.edit"] }
      ])
      assert.deepStrictEqual(updated.map((r) => r.name), ["writer"])

      // The server would read "no filter" as "delete every role": refused unsent.
      const refused = yield* Effect.flip(mgmt.role.deleteBatch({ tenantId: undefined }))
      assert.strictEqual(refused._tag, "InvalidArgumentError")
      assert.deepStrictEqual((yield* mgmt.role.loadAll()).map((r) => r.name).sort(), ["reader", "writer"])
      assert.strictEqual((yield* Effect.flip(mgmt.permission.deleteBatch({ names: [] })))._tag, "InvalidArgumentError")

      yield* mgmt.role.deleteBatch({ roleNames: ["writer"] })
      assert.deepStrictEqual((yield* mgmt.role.loadAll()).map((r) => r.name), ["reader"])
      yield* mgmt.permission.deleteBatch({ names: ["docs.edit"] })
      assert.deepStrictEqual((yield* mgmt.permission.loadAll()).map((p) => p.name), ["docs.read"])
    })))

  it.effect("roles and permissions by id; role search by id; the legacy SSO settings", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.permission.createBatch([{ name: "a.read" }, { name: "a.write" }, { name: "a.admin" }])
      const byName = new Map((yield* mgmt.permission.loadAll()).map((p) => [p.name, p.id ?? ""]))
      yield* mgmt.permission.updateById({ id: byName.get("a.read") ?? "", newName: "a.view" })
      yield* mgmt.permission.deleteById(byName.get("a.write") ?? "")
      assert.deepStrictEqual((yield* mgmt.permission.loadAll()).map((p) => p.name).sort(), ["a.admin", "a.view"])
      yield* mgmt.permission.deleteBatchByIds([byName.get("a.admin") ?? ""])
      assert.deepStrictEqual((yield* mgmt.permission.loadAll()).map((p) => p.name), ["a.view"])

      const roles = yield* mgmt.role.createBatch([{ name: "r1" }, { name: "r2" }, { name: "r3" }])
      const id = (name: string) => roles.find((r) => r.name === name)?.id ?? ""
      yield* mgmt.role.updateById({ id: id("r1"), newName: "first", permissionNames: ["a.view"] })
      assert.deepStrictEqual(
        (yield* mgmt.role.search({ roleIds: [id("r1")] })).map((r) => [r.name, r.permissionNames]),
        [["first", ["a.view"]]]
      )
      yield* mgmt.role.deleteById({ id: id("r2") })
      yield* mgmt.role.deleteBatchByIds({ roleIds: [id("r3")] })
      assert.deepStrictEqual((yield* mgmt.role.loadAll()).map((r) => r.name), ["first"])

      yield* mgmt.tenant.create({ id: "legacy", name: "Legacy" })
      yield* mgmt.sso.configure({
        tenantId: "legacy",
        idpUrl: "https://idp.example.com/sso",
        entityId: "idp-entity",
        idpCert: "cert",
        redirectUrl: "https://app.example.com",
        domains: ["legacy.example"]
      })
      const legacy = yield* mgmt.sso.getSettings("legacy")
      assert.strictEqual(legacy.idpSSOUrl, "https://idp.example.com/sso")
      assert.strictEqual(legacy.idpEntityId, "idp-entity")
    })))

  it.effect("tenant default roles and SSO admin links; access key batches", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.role.create({ name: "viewer" })
      yield* mgmt.tenant.create({ id: "acme", name: "Acme" })
      yield* mgmt.tenant.updateDefaultRoles({ tenantId: "acme", roleNames: ["viewer"] })
      assert.deepStrictEqual((yield* mgmt.tenant.load("acme")).defaultRoles, ["viewer"])

      const link = yield* mgmt.tenant.generateSsoConfigurationLink({ tenantId: "acme", expireTime: 21600 })
      assert.isTrue(Redacted.isRedacted(link))
      assert.include(Redacted.value(link), "tenant=acme")
      yield* mgmt.tenant.revokeSsoConfigurationLink({ tenantId: "acme" })
      const unknown = yield* Effect.flip(mgmt.tenant.generateSsoConfigurationLink({ tenantId: "nope" }))
      assert.strictEqual(statusOf(unknown), 404)

      const a = yield* mgmt.accessKey.create({ name: "a" })
      const b = yield* mgmt.accessKey.create({ name: "b" })
      const ids = [a.key.id, b.key.id]
      yield* mgmt.accessKey.deactivateBatch(ids)
      for (const id of ids) assert.strictEqual((yield* mgmt.accessKey.load(id)).status, "inactive")
      yield* mgmt.accessKey.activateBatch(ids)
      for (const id of ids) assert.strictEqual((yield* mgmt.accessKey.load(id)).status, "active")
      yield* mgmt.accessKey.deleteBatch(ids)
      for (const id of ids) assert.strictEqual(statusOf(yield* Effect.flip(mgmt.accessKey.load(id))), 404)
    })))

  it.effect("several SSO configurations per tenant: new, load all, redirect, recalculate, load and delete one", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.tenant.create({ id: "multi", name: "Multi" })
      const second = yield* mgmt.sso.newSettings({ tenantId: "multi", ssoId: "second", displayName: "Okta" })
      assert.strictEqual(second.ssoId, "second")
      assert.strictEqual(second.tenant?.id, "multi")
      const picked = yield* mgmt.sso.newSettings({ tenantId: "multi", displayName: "Entra" })
      assert.isString(picked.ssoId)
      assert.notStrictEqual(picked.ssoId, "second")
      assert.deepStrictEqual(
        (yield* mgmt.sso.loadAllSettings("multi")).map((s) => s.ssoId).sort(),
        ["second", picked.ssoId].sort()
      )

      yield* mgmt.sso.configureSsoRedirectUrl({
        tenantId: "multi",
        samlRedirectUrl: "https://app.example.com/saml",
        ssoId: "second"
      })
      const loaded = yield* mgmt.sso.loadSettings({ tenantId: "multi", ssoId: "second" })
      assert.strictEqual(loaded.ssoId, "second")
      assert.strictEqual(loaded.saml?.redirectUrl, "https://app.example.com/saml")
      yield* mgmt.sso.recalculateSsoMappings({ tenantId: "multi", ssoId: "second" })

      yield* mgmt.sso.deleteSettings({ tenantId: "multi", ssoId: "second" })
      assert.deepStrictEqual((yield* mgmt.sso.loadAllSettings("multi")).map((s) => s.ssoId), [picked.ssoId])
      yield* mgmt.sso.deleteSettings("multi")
      assert.deepStrictEqual(yield* mgmt.sso.loadAllSettings("multi"), [])
    })))

  it.effect("impersonation with step-up, and client assertions signed by the project", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.permission.create({ name: "impersonation" })
      yield* mgmt.role.create({ name: "support", permissionNames: ["impersonation"] })
      yield* mgmt.user.create({ loginId: "help@example.com", roleNames: ["support"] })
      yield* mgmt.user.create({ loginId: "boss@example.com" })
      const jwt = yield* mgmt.jwt.impersonateStepup({
        impersonatorId: "help@example.com",
        loginId: "boss@example.com",
        validateConsent: false,
        tenantId: "T9"
      })
      const claims = JSON.parse(Buffer.from(Redacted.value(jwt).split(".")[1]!, "base64url").toString("utf8"))
      assert.strictEqual(claims.drn, "DSR")
      assert.strictEqual(claims.dct, "T9")
      assert.isString(claims.act?.sub)

      const assertion = yield* mgmt.jwt.generateClientAssertionJwt({
        issuer: "client-1",
        subject: "client-1",
        audience: ["https://idp.example.com/token"],
        expiresIn: 120,
        flattenAudience: true
      })
      const a = JSON.parse(Buffer.from(Redacted.value(assertion).split(".")[1]!, "base64url").toString("utf8"))
      assert.deepInclude(a, { iss: "client-1", sub: "client-1", aud: "https://idp.example.com/token" })
      assert.strictEqual(a.exp - a.iat, 120)
    })))

  it.effect("users: patch batch, attribute schema, passkeys, trusted devices, recovery, names, setPassword", () =>
    run(Effect.gen(function*() {
      const client = yield* DescopeClient
      const mgmt = client.mgmt
      const ada = yield* mgmt.user.create({ loginId: "ada@example.com", email: "ada@example.com" })
      yield* mgmt.user.create({ loginId: "bob@example.com", email: "bob@example.com" })

      const patched = yield* mgmt.user.patchBatch({
        users: [
          { loginId: "ada@example.com", givenName: "Ada" },
          { loginId: ada.userId, familyName: "Lovelace" },
          { loginId: "nobody@example.com", givenName: "X" }
        ]
      })
      assert.strictEqual(patched.patchedUsers?.length, 2)
      assert.strictEqual(patched.failedUsers?.length, 1)
      const afterPatch = yield* mgmt.user.load("ada@example.com")
      assert.strictEqual(afterPatch.givenName, "Ada")
      assert.strictEqual(afterPatch.familyName, "Lovelace")

      const schema = yield* mgmt.user.createCustomAttributes([
        { name: "plan", displayName: "Plan", type: 1 },
        { name: "seats", displayName: "Seats", type: 2 }
      ])
      assert.deepStrictEqual(schema.map((a) => a.name), ["plan", "seats"])
      assert.deepStrictEqual((yield* mgmt.user.getCustomAttributes()).map((a) => a.name), ["plan", "seats"])
      assert.deepStrictEqual((yield* mgmt.user.deleteCustomAttributes(["plan"])).map((a) => a.name), ["seats"])

      assert.deepStrictEqual(yield* mgmt.user.listPasskeys("ada@example.com"), [])
      yield* mgmt.user.removePasskey({ loginId: "ada@example.com", credentialId: "cred-1" })
      assert.strictEqual(statusOf(yield* Effect.flip(mgmt.user.listPasskeys("nobody@example.com"))), 404)
      assert.deepStrictEqual(yield* mgmt.user.listTrustedDevices(["ada@example.com", "bob@example.com"]), [])
      yield* mgmt.user.removeTrustedDevices({ loginId: "ada@example.com", deviceIds: ["D1"] })
      yield* mgmt.user.removeRecoveryCodes("ada@example.com")

      const recovery = yield* mgmt.user.updateRecoveryEmail({
        loginId: "ada@example.com",
        email: "backup@example.com",
        verified: true
      })
      assert.strictEqual(recovery.userId, ada.userId)
      assert.strictEqual(
        (yield* mgmt.user.updateRecoveryPhone({ loginId: ada.userId, phone: "+15555550199" })).userId,
        ada.userId
      )
      const renamed = yield* mgmt.user.updateUserNames({
        loginId: "ada@example.com",
        givenName: "Augusta",
        middleName: "Ada"
      })
      assert.strictEqual(renamed.givenName, "Augusta")
      assert.strictEqual(renamed.middleName, "Ada")

      // the deprecated setPassword sets a temporary (expired) password
      yield* mgmt.user.setPassword({ loginId: "ada@example.com", password: Redacted.make("Temporary-pass-1") })
      const expired = yield* Effect.flip(
        client.password.signIn({ loginId: "ada@example.com", password: "Temporary-pass-1" })
      )
      assert.strictEqual(expired._tag === "AuthError" ? expired.errorCode : expired._tag, "E062909")
    })))

  it.effect("user import: a dry run persists nothing; a real run creates the users and reports the failures", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.user.create({ loginId: "taken@example.com", email: "taken@example.com" })
      const payload = JSON.stringify([
        { email: "new1@example.com", name: "New One" },
        { loginId: "new2", phone: "+15555550123" },
        { email: "taken@example.com" },
        { name: "no login id" }
      ])

      const dry = yield* mgmt.user.importUsers({ source: "custom", users: payload, dryrun: true })
      assert.deepStrictEqual(dry.users?.map((u) => u.loginIds?.[0]), ["new1@example.com", "new2"])
      assert.strictEqual(dry.failures?.length, 2)
      assert.strictEqual(statusOf(yield* Effect.flip(mgmt.user.load("new1@example.com"))), 404)

      const real = yield* mgmt.user.importUsers({ source: "custom", users: new TextEncoder().encode(payload) })
      assert.strictEqual(real.users?.length, 2)
      assert.deepStrictEqual(real.failures?.map((f) => f.user), ["taken@example.com", "{\"name\":\"no login id\"}"])
      assert.strictEqual((yield* mgmt.user.load("new1@example.com")).name, "New One")
      assert.strictEqual((yield* mgmt.user.load("new2")).phone, "+15555550123")
    })))
})
