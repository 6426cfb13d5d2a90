/**
 * mgmt.ssoApplication through our client against the emulator (in-process): OIDC, SAML and WS-Fed
 * applications created, loaded, updated and deleted; an OIDC application's secret read and rotated
 * (Redacted, a new value after rotation); Descope-shaped refusals.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2SsoAppScenario000000000000"
const K = "ssoapp-management-key"

const run = emulatorRun(P, K)

describe("mgmt.ssoApplication against the emulator", () => {
  it.effect("OIDC: create, load, secret and its rotation, update, delete", () =>
    run(Effect.gen(function*() {
      const apps = (yield* DescopeClient).mgmt.ssoApplication
      const { id } = yield* apps.createOidcApplication({ name: "portal", loginPageUrl: "https://app.test/login" })
      const loaded = yield* apps.load(id)
      assert.strictEqual(loaded.name, "portal")
      assert.strictEqual(loaded.appType, "oidc")
      assert.strictEqual(loaded.enabled, true)
      assert.strictEqual(loaded.oidcSettings?.loginPageUrl, "https://app.test/login")
      assert.strictEqual(loaded.oidcSettings?.issuer, `http://emulator.local/${P}`)

      const first = yield* apps.getApplicationSecret(id)
      assert.isTrue(Redacted.isRedacted(first.cleartext))
      assert.isAbove(Redacted.value(first.cleartext).length, 20)
      assert.strictEqual(
        Redacted.value((yield* apps.getApplicationSecret(id)).cleartext),
        Redacted.value(first.cleartext)
      )
      const rotated = yield* apps.rotateApplicationSecret(id)
      assert.notStrictEqual(Redacted.value(rotated.cleartext), Redacted.value(first.cleartext))
      assert.strictEqual(
        Redacted.value((yield* apps.getApplicationSecret(id)).cleartext),
        Redacted.value(rotated.cleartext)
      )

      yield* apps.updateOidcApplication({ id, name: "portal 2", forceAuthentication: true, enabled: false })
      const updated = yield* apps.load(id)
      assert.deepStrictEqual(
        { name: updated.name, enabled: updated.enabled, force: updated.oidcSettings?.forceAuthentication },
        { name: "portal 2", enabled: false, force: true }
      )
      assert.strictEqual(yield* failure(apps.updateSamlApplication({ id, name: "x" })), "AuthError:400")

      yield* apps.delete(id)
      assert.strictEqual(yield* failure(apps.load(id)), "AuthError:404")
      assert.strictEqual(yield* failure(apps.rotateApplicationSecret(id)), "AuthError:404")
    })))

  it.effect("SAML and WS-Fed: settings kept as sent, no secret, listed by loadAll", () =>
    run(Effect.gen(function*() {
      const apps = (yield* DescopeClient).mgmt.ssoApplication
      const saml = yield* apps.createSamlApplication({
        name: "crm",
        enabled: false,
        entityId: "crm-sp",
        acsUrl: "https://crm.test/acs",
        attributeMapping: [{ name: "email", type: "string", value: "attributes.email" }],
        acsAllowedCallbacks: ["https://crm.test/cb"]
      })
      const wsfed = yield* apps.createWsFedApplication({ name: "sp", realm: "urn:sp", replyUrl: "https://sp.test/r" })
      const loaded = yield* apps.load(saml.id)
      assert.strictEqual(loaded.appType, "saml")
      assert.strictEqual(loaded.enabled, false)
      assert.strictEqual(loaded.samlSettings?.entityId, "crm-sp")
      assert.strictEqual(loaded.samlSettings?.acsUrl, "https://crm.test/acs")
      assert.deepStrictEqual(loaded.samlSettings?.attributeMapping, [
        { name: "email", type: "string", value: "attributes.email" }
      ])
      assert.deepStrictEqual(loaded.samlSettings?.acsAllowedCallbacks, ["https://crm.test/cb"])
      assert.isString(loaded.samlSettings?.idpSsoUrl)
      assert.strictEqual(yield* failure(apps.getApplicationSecret(saml.id)), "AuthError:400")

      yield* apps.updateSamlApplication({ id: saml.id, name: "crm", useMetadataInfo: true, metadataUrl: "https://m" })
      const updated = yield* apps.load(saml.id)
      assert.strictEqual(updated.samlSettings?.useMetadataInfo, true)
      assert.strictEqual(updated.samlSettings?.entityId, "", "an update replaces every setting")
      assert.strictEqual(updated.enabled, false, "enabled is kept when absent")

      const ws = yield* apps.load(wsfed.id)
      assert.strictEqual(ws.wsfedSettings?.realm, "urn:sp")
      assert.strictEqual(ws.wsfedSettings?.replyUrl, "https://sp.test/r")
      yield* apps.updateWsFedApplication({ id: wsfed.id, name: "sp", realm: "urn:sp2" })
      assert.strictEqual((yield* apps.load(wsfed.id)).wsfedSettings?.realm, "urn:sp2")

      const all = yield* apps.loadAll()
      assert.deepStrictEqual(all.map((a) => a.appType).sort(), ["saml", "wsfed"])
      assert.strictEqual(
        yield* failure(apps.createOidcApplication({ id: saml.id, name: "clash" })),
        "AuthError:409"
      )
    })))

  it.effect("go-sdk's second client secret and the SSO applications' custom attributes", () =>
    run(Effect.gen(function*() {
      const apps = (yield* DescopeClient).mgmt.ssoApplication
      const { id } = yield* apps.createOidcApplication({ name: "portal", loginPageUrl: "https://app.test/login" })
      const first = yield* apps.getApplicationSecret(id)
      const added = yield* apps.addApplicationSecret(id, "next")
      assert.strictEqual(added.meta?.name, "next")
      assert.strictEqual(added.meta?.expireTime, 0)
      assert.notStrictEqual(Redacted.value(added.cleartext), Redacted.value(first.cleartext))
      // the first secret still holds until rotated; the added one is revoked by name
      assert.strictEqual(
        Redacted.value((yield* apps.getApplicationSecret(id)).cleartext),
        Redacted.value(first.cleartext)
      )
      assert.strictEqual(yield* failure(apps.addApplicationSecret(id, "next")), "AuthError:400")
      assert.deepStrictEqual(yield* apps.revokeApplicationSecret(id, "next"), [])
      assert.strictEqual(yield* failure(apps.revokeApplicationSecret(id, "next")), "AuthError:404")
      const saml = yield* apps.createSamlApplication({ name: "saml", loginPageUrl: "https://app.test/login" })
      assert.strictEqual(yield* failure(apps.addApplicationSecret(saml.id, "x")), "AuthError:400")

      assert.deepStrictEqual(yield* apps.loadCustomAttributes(), [])
      yield* apps.createCustomAttributes([{ name: "dept", type: 1, displayName: "Department" }, { name: "level" }])
      assert.deepStrictEqual((yield* apps.loadCustomAttributes()).map((a) => a.name), ["dept", "level"])
      assert.deepStrictEqual((yield* apps.deleteCustomAttributes(["dept"])).map((a) => a.name), ["level"])
      assert.strictEqual(yield* failure(apps.createCustomAttributes([{ name: "" }])), "InvalidArgumentError")
    })))
})
