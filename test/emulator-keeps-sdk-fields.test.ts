/**
 * The emulator keeps and honours the fields the official SDKs' tests send and
 * we lacked: the sign-up username, a user's status at creation (a disabled
 * user cannot sign in), a custom attribute created by type name, step-up
 * impersonation (`su`), the license, SSO group priority / FGA mappings /
 * tenant-id resource affixes, tenant federated apps.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2GapsScenario00000000000000"
const K = "gaps-management-key"

const run = <A, E>(effect: Effect.Effect<A, E, DescopeClient | Emulator.Emulator | HttpClient.HttpClient>) =>
  effect.pipe(
    Effect.provide(
      Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
        Layer.provideMerge(Emulator.layerHttpClient)
      )
    ),
    Effect.provide(Emulator.layer({ projectId: P, managementKey: K }))
  )

const claimsOf = (jwt: Redacted.Redacted<string>) =>
  JSON.parse(Buffer.from(Redacted.value(jwt).split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>

/** A user of the emulator's project as its export (seed document) holds it. */
const exported = (loginId: string) =>
  Effect.flatMap(Emulator.Emulator, (emulator) =>
    Effect.map(
      emulator.exportProject(),
      (seed) => (seed.users ?? []).find((u) => u.loginId === loginId) as Record<string, unknown> | undefined
    ))

const FGA_MAPPINGS = {
  engineers: { relations: [{ resource: "repo:core", relationDefinition: "writer", namespace: "repo" }] }
}

describe("the emulator keeps and honours the fields the SDKs send", () => {
  it.effect("the sign-up username is kept on the user (its export shows it)", () =>
    run(Effect.gen(function*() {
      const client = yield* DescopeClient
      const emulator = yield* Emulator.Emulator
      yield* client.password.signUp({
        loginId: "ada@example.com",
        password: "correct horse battery",
        user: {
          username: "ada"
        }
      })
      assert.strictEqual((yield* exported("ada@example.com"))?.username, "ada")
      yield* client.otp.signUp({ method: "email", loginId: "bo@example.com", user: { username: "bo", name: "Bo" } })
      const otp = yield* emulator.lastMessage("bo@example.com")
      const code = otp._tag === "Some" ? otp.value.code ?? "" : ""
      yield* client.otp.verifyCode({ method: "email", loginId: "bo@example.com", code })
      const bo = yield* exported("bo@example.com")
      assert.strictEqual(bo?.username, "bo")
      assert.strictEqual(bo?.name, "Bo")
      yield* client.mgmt.user.create({ loginId: "cy@example.com" })
      assert.notProperty((yield* exported("cy@example.com")) ?? {}, "username")
    })))

  it.effect("a user created disabled cannot sign in; a test user created invited is invited", () =>
    run(Effect.gen(function*() {
      const client = yield* DescopeClient
      const mgmt = client.mgmt
      const created = yield* mgmt.user.create({ loginId: "off@example.com", status: "disabled" })
      assert.strictEqual(created.status, "disabled")
      yield* mgmt.user.setActivePassword({ loginId: "off@example.com", password: "correct horse battery" })
      const refused = yield* Effect.flip(
        client.password.signIn({ loginId: "off@example.com", password: "correct horse battery" })
      )
      assert.strictEqual(refused._tag, "AuthError")
      yield* mgmt.user.activate("off@example.com")
      yield* client.password.signIn({ loginId: "off@example.com", password: "correct horse battery" })
      const invited = yield* mgmt.user.createTestUser({ loginId: "inv@example.com", status: "invited" })
      assert.strictEqual(invited.status, "invited")
      assert.strictEqual((yield* mgmt.user.load("inv@example.com")).status, "invited")
    })))

  it.effect("createCustomAttribute adds one attribute by type name to the schema", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.user.createCustomAttribute("plan", "Plan", "singleselect", ["free", "pro"])
      const schema = yield* mgmt.user.createCustomAttribute("age", "Age", "number")
      assert.deepStrictEqual(schema.map((a) => [a.name, a.type]), [["plan", "singleselect"], ["age", "number"]])
      const plan = (yield* mgmt.user.getCustomAttributes()).find((a) => a.name === "plan")
      assert.deepStrictEqual(plan?.options, [{ label: "free", value: "free" }, { label: "pro", value: "pro" }])
      assert.strictEqual(plan?.displayName, "Plan")
    })))

  it.effect("impersonation with stepup carries su, without it does not; the license answers its tier", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.permission.create({ name: "impersonation" })
      yield* mgmt.role.create({ name: "support", permissionNames: ["impersonation"] })
      yield* mgmt.user.create({ loginId: "help@example.com", roleNames: ["support"] })
      yield* mgmt.user.create({ loginId: "boss@example.com" })
      const base = { impersonatorId: "help@example.com", loginId: "boss@example.com", validateConsent: false }
      assert.strictEqual(claimsOf(yield* mgmt.jwt.impersonate({ ...base, stepup: true })).su, true)
      assert.notProperty(claimsOf(yield* mgmt.jwt.impersonate(base)), "su")
      assert.strictEqual(claimsOf(yield* mgmt.jwt.impersonateStepup(base)).su, true)
      const license = yield* mgmt.license.get()
      assert.isString(license.rateLimitTier)
      assert.isAbove(license.rateLimitTier.length, 0)
    })))

  it.effect("SSO group priority, FGA mappings and the FGA tenant-id affixes are kept and answered", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.tenant.create({ id: "T1", name: "Acme" })
      yield* mgmt.sso.configureSamlSettings({
        tenantId: "T1",
        settings: {
          idpUrl: "https://idp.example.com/sso",
          idpEntityId: "urn:idp",
          idpCert: "MIIC",
          groupsPriority: ["admins", "engineers"],
          fgaMappings: FGA_MAPPINGS,
          configFgaTenantIdResourcePrefix: "tenant_",
          configFgaTenantIdResourceSuffix: "_x"
        }
      })
      const saml = (yield* mgmt.sso.loadSettings("T1")).saml
      assert.deepStrictEqual(saml?.groupsPriority, ["admins", "engineers"])
      assert.deepStrictEqual(saml?.fgaMappings, FGA_MAPPINGS)
      assert.strictEqual(saml?.configFGATenantIDResourcePrefix, "tenant_")
      assert.strictEqual(saml?.configFGATenantIDResourceSuffix, "_x")

      yield* mgmt.tenant.create({ id: "T2", name: "Beta" })
      const before = (yield* mgmt.sso.loadSettings("T2")).oidc
      assert.isUndefined(before?.groupsPriority)
      yield* mgmt.sso.configureOidcSettings({
        tenantId: "T2",
        settings: { name: "Okta", clientId: "c", groupsPriority: ["ops"], fgaMappings: {} }
      })
      const oidc = (yield* mgmt.sso.loadSettings("T2")).oidc
      assert.deepStrictEqual(oidc?.groupsPriority, ["ops"])
      assert.deepStrictEqual(oidc?.fgaMappings, {})
    })))

  it.effect("tenant federated apps and SSO exclusions are kept through create and update", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.tenant.create({
        id: "T1",
        name: "Acme",
        enforceSsoExclusions: ["boss@acme.com"],
        federatedAppIds: ["fa1"]
      })
      const created = yield* mgmt.tenant.load("T1")
      assert.deepStrictEqual(created.federatedAppIds, ["fa1"])
      assert.deepStrictEqual(created.enforceSSOExclusions, ["boss@acme.com"])
      yield* mgmt.tenant.update({ id: "T1", name: "Acme", federatedAppIds: ["fa2", "fa3"] })
      const updated = yield* mgmt.tenant.load("T1")
      assert.deepStrictEqual(updated.federatedAppIds, ["fa2", "fa3"])
      assert.deepStrictEqual(updated.enforceSSOExclusions, ["boss@acme.com"])
    })))
})
