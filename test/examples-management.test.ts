/**
 * Example 2 (examples/management.ts) against the in-process emulator: every
 * step of the script succeeds, a 429 injected on the tenant listing is caught
 * with its Retry-After, and the script leaves the project as it found it.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { ids, program, report } from "../examples/management.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const PROJECT_ID = "P2ManagementExample000000000"
const MANAGEMENT_KEY = "management-example-key"

const ClientLive = Descope.layer({
  projectId: PROJECT_ID,
  managementKey: MANAGEMENT_KEY,
  baseUrl: "http://emulator.local"
})
  .pipe(Layer.provide(Emulator.layerHttpClient))
const EmulatorLive = Emulator.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY })

describe("examples/management.ts", () => {
  it.effect("runs against the emulator and catches the rate limit with its retryAfter", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      yield* emulator.addFault({ path: "/v1/mgmt/tenant/all", status: 429, retryAfter: 7, times: 1 })
      const summary = yield* program
      assert.deepStrictEqual(summary.tenant, { id: "globex", name: "Globex Corporation" })
      assert.deepStrictEqual([...summary.permissions].sort(), ["reports.read", "reports.write"])
      assert.deepStrictEqual(
        summary.roles.map((r) => [r.name, [...r.permissions].sort()]).sort(),
        [["analyst", ["reports.read"]], ["editor", ["reports.read", "reports.write"]]]
      )
      assert.strictEqual(summary.user.loginId, ids.loginId)
      assert.deepStrictEqual([...summary.user.tenantRoles].sort(), ["analyst", "editor"])
      assert.strictEqual(summary.usersInTenant, 1)
      assert.deepStrictEqual(summary.accessKey.exchangedRoles, ["analyst"])
      assert.strictEqual(summary.customClaim, "enterprise")
      assert.strictEqual(summary.rateLimitedRetryAfterSeconds, 7)
      assert.strictEqual(report(summary).length, 10)

      // cleaned up: the tenant, the user, the roles and the permissions are gone
      const client = yield* DescopeClient
      assert.deepStrictEqual((yield* client.mgmt.tenant.loadAll()).map((t) => t.id), [])
      const user = yield* Effect.flip(client.mgmt.user.load(ids.loginId))
      assert.strictEqual(user._tag === "AuthError" ? user.status : 0, 404)
      const roles = (yield* client.mgmt.role.loadAll()).map((r) => r.name)
      assert.isFalse(roles.includes("analyst") || roles.includes("editor"))
    }).pipe(Effect.provide(ClientLive), Effect.provide(EmulatorLive)))

  it.effect("without a fault the call goes through (no rate limit)", () =>
    Effect.gen(function*() {
      const summary = yield* program
      assert.strictEqual(summary.rateLimitedRetryAfterSeconds, undefined)
      assert.include(report(summary), "no rate limit hit")
    }).pipe(Effect.provide(ClientLive), Effect.provide(EmulatorLive)))
})
