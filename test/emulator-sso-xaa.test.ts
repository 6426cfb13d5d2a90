/**
 * Cross-app access (XAA, ID-JAG) settings end to end: our client against the emulator, in-process. Per SSO
 * configuration (the tenant's first without `ssoId`), with the configuration's group and role mapping shared by
 * its SAML settings, roles resolved when loaded, the project's issuer as the ID-JAG audience, and a delete that
 * leaves the configuration and its mapping.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Jose from "jose"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Raw from "./support/emulator.js"
import { inProcess } from "./support/emulatorClient.js"

const P = "P2XaaScenario000000000000000"
const K = "xaa-management-key"

const run = inProcess(P, K)

const ISSUERS = {
  issuers: {
    "https://idp.example.com": {
      jwksUri: "https://idp.example.com/jwks",
      signAlgorithm: "RS256",
      externalIdFieldName: "sub",
      jitDisabled: true,
      attributeMapping: { email: "mail" }
    }
  },
  jwtBearerGrantTypeScopeToUse: "requested"
}

describe("emulator: cross-app access (XAA) settings", () => {
  it.effect("configure, load, load all, delete; the mapping is the configuration's, shared with SAML", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      const emulator = yield* Emulator.Emulator
      yield* mgmt.tenant.create({ id: "acme", name: "Acme" })
      yield* mgmt.role.create({ name: "admin" })
      const adminId = (yield* mgmt.role.loadAll()).find((r) => r.name === "admin")?.id
      assert.isString(adminId)

      // nothing configured: the first configuration answers XAA off, with the project's audience
      const before = yield* mgmt.sso.loadXaaSettings("acme")
      assert.deepStrictEqual([before.enabled, before.groupsMapping, yield* mgmt.sso.loadAllXaaSettings("acme")], [
        false,
        [],
        []
      ])

      yield* mgmt.sso.configureXaaSettings({
        tenantId: "acme",
        settings: {
          enabled: true,
          settings: ISSUERS,
          roleMappings: [{ groups: ["admins"], roleName: "admin" }, { groups: ["ops"], roleName: "operator" }],
          defaultSsoRoles: ["admin"],
          groupsPriority: ["admins", "ops"],
          groupPriorityEnabled: true,
          providerId: "okta"
        }
      })
      const loaded = yield* mgmt.sso.loadXaaSettings("acme")
      // the audience of ID-JAG tokens is the issuer of the project's session tokens
      const signedIn = yield* Raw.request(emulator, "POST", "/v1/mgmt/auth/anonymous", { managementKey: K, body: {} })
      const iss = Jose.decodeJwt((signedIn.body as { readonly sessionJwt: string }).sessionJwt).iss
      assert.deepStrictEqual({ ...loaded, settings: { ...loaded.settings } }, {
        ssoId: loaded.ssoId,
        enabled: true,
        settings: ISSUERS,
        // a role of the project is resolved to its id; a name with no role stays as given
        groupsMapping: [
          { roleId: adminId, roleName: "admin", groups: ["admins"] },
          { roleId: "operator", roleName: "operator", groups: ["ops"] }
        ],
        defaultSSORoles: ["admin"],
        groupsPriority: ["admins", "ops"],
        groupPriorityEnabled: true,
        allowOverrideRoles: false,
        providerID: "okta",
        audience: iss
      })
      assert.isString(loaded.ssoId)

      // the mapping is the configuration's: the SAML settings of the same configuration show it
      const sso = yield* mgmt.sso.loadSettings("acme")
      assert.deepStrictEqual(sso.saml?.groupsMapping.map((g) => g.roleName), ["admin", "operator"])

      // a second configuration, by ssoId
      yield* mgmt.sso.newSettings({ tenantId: "acme", ssoId: "partner", displayName: "Partner" })
      yield* mgmt.sso.configureXaaSettings({ tenantId: "acme", ssoId: "partner", settings: { enabled: false } })
      const all = yield* mgmt.sso.loadAllXaaSettings("acme")
      assert.deepStrictEqual(all.map((x) => [x.ssoId, x.enabled]), [[loaded.ssoId, true], ["partner", false]])

      // deleting the first configuration's XAA settings leaves the configuration and its mapping
      yield* mgmt.sso.deleteXaaSettings("acme")
      const deleted = yield* mgmt.sso.loadXaaSettings({ tenantId: "acme", ssoId: loaded.ssoId! })
      assert.deepStrictEqual([deleted.enabled, deleted.settings, deleted.groupsMapping.length], [false, undefined, 2])
      assert.deepStrictEqual((yield* mgmt.sso.loadAllXaaSettings("acme")).map((x) => x.ssoId), ["partner"])
      assert.strictEqual((yield* mgmt.sso.loadAllSettings("acme")).length, 2)
      yield* mgmt.sso.deleteXaaSettings({ tenantId: "acme", ssoId: "partner" })
      assert.deepStrictEqual(yield* mgmt.sso.loadAllXaaSettings("acme"), [])
    })))

  it.effect("an unknown tenant is refused as Descope refuses it; a missing tenant id is refused unsent", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      const unknown = yield* Effect.flip(mgmt.sso.configureXaaSettings({ tenantId: "nope", settings: {} }))
      const known = yield* Effect.flip(mgmt.tenant.load("nope"))
      assert.deepStrictEqual([unknown._tag, "errorCode" in unknown ? unknown.errorCode : ""], [
        known._tag,
        "errorCode" in known ? known.errorCode : ""
      ])
      assert.strictEqual((yield* Effect.flip(mgmt.sso.loadXaaSettings("")))._tag, "InvalidArgumentError")
      assert.strictEqual(
        (yield* Effect.flip(mgmt.sso.deleteXaaSettings({ tenantId: "" })))._tag,
        "InvalidArgumentError"
      )
    })))
})
