/**
 * mgmt.outboundScim through our client against the emulator (in-process): the SCIM configuration of a
 * federated SSO application created, loaded, updated with optimistic concurrency, enabled and deleted.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const run = emulatorRun("P2OutboundScimScenario000000", "scim-management-key")

describe("mgmt.outboundScim against the emulator", () => {
  it.effect("create, load, update (versions), enable, delete", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      const scim = mgmt.outboundScim
      assert.strictEqual(yield* failure(scim.createConfiguration("SAnope")), "AuthError:404")
      const { id } = yield* mgmt.ssoApplication.createSamlApplication({ name: "crm" })
      const created = yield* scim.createConfiguration(id, { url: "https://scim.test" })
      assert.deepStrictEqual({ enabled: created.enabled, version: created.version }, { enabled: false, version: 1 })
      assert.strictEqual(yield* failure(scim.createConfiguration(id)), "AuthError:409")
      assert.deepStrictEqual((yield* scim.loadConfiguration(id)).configuration, { url: "https://scim.test" })

      const updated = yield* scim.updateConfiguration(id, 1, { url: "https://scim2.test" })
      assert.strictEqual(updated.version, 2)
      assert.strictEqual(yield* failure(scim.updateConfiguration(id, 1, { url: "stale" })), "AuthError:409")
      assert.strictEqual((yield* scim.setEnabled(id, true)).enabled, true)
      assert.deepStrictEqual((yield* scim.loadConfiguration(id)).configuration, { url: "https://scim2.test" })

      yield* scim.deleteConfiguration(id)
      assert.strictEqual(yield* failure(scim.loadConfiguration(id)), "AuthError:404")
    })))
})
