/**
 * mgmt.analytics through our client against the emulator (in-process): audit events created, then counted
 * with filters (actions, tenants, time) and groups (action, tenant, hour / day buckets).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import { emulatorRun } from "./support/area.js"

const P = "P2AnalyticsScenario000000000"
const K = "analytics-management-key"

const run = emulatorRun(P, K)

const counts = (records: ReadonlyArray<{ readonly cnt?: string | null | undefined }>, key: (r: never) => string) =>
  Object.fromEntries(records.map((r) => [key(r as never), r.cnt]))

describe("mgmt.analytics against the emulator", () => {
  it.effect("counts the audit trail: filters and groups", () =>
    run(Effect.gen(function*() {
      const client = yield* DescopeClient
      const emulator = yield* Emulator.Emulator
      const t1 = yield* client.mgmt.tenant.create({ name: "Acme" })
      const t2 = yield* client.mgmt.tenant.create({ name: "Globex" })
      const event = (action: string, tenantId: string) =>
        client.mgmt.audit.createEvent({ action, type: "info", actorId: "robot", tenantId })
      const start = yield* emulator.now
      yield* event("Export", t1)
      yield* event("Export", t2)
      yield* event("Import", t1)
      yield* emulator.advanceTime("2 hours")
      yield* event("Export", t1)
      const afterFirst = start + 60 * 60 * 1000

      const all = yield* client.mgmt.analytics.search({ actions: ["Export", "Import"] })
      assert.deepStrictEqual(all.map((r) => r.cnt), ["4"])
      assert.strictEqual(all[0]?.projectId, P)
      const byAction = yield* client.mgmt.analytics.search({ actions: ["Export", "Import"], groupByAction: true })
      assert.deepStrictEqual(counts(byAction, (r: { action: string }) => r.action), { Export: "3", Import: "1" })
      const byTenant = yield* client.mgmt.analytics.search({ actions: ["Export"], groupByTenant: true })
      assert.deepStrictEqual(counts(byTenant, (r: { tenant: string }) => r.tenant), { [t1]: "2", [t2]: "1" })
      const later = yield* client.mgmt.analytics.search({ actions: ["Export"], from: afterFirst })
      assert.deepStrictEqual(later.map((r) => r.cnt), ["1"])
      const onlyT2 = yield* client.mgmt.analytics.search({ tenants: [t2], excludedActions: ["Import"] })
      assert.deepStrictEqual(onlyT2.map((r) => r.cnt), ["1"])
      const hourly = yield* client.mgmt.analytics.search({ actions: ["Export", "Import"], groupByCreated: "hour" })
      assert.deepStrictEqual(hourly.map((r) => r.cnt).sort(), ["1", "3"])
      assert.isTrue(hourly.every((r) => (r.created ?? "").endsWith(":00:00.000Z")))
      const bad = yield* Effect.flip(client.mgmt.analytics.search({ groupByCreated: "fortnight" }))
      assert.strictEqual((bad as unknown as { status: number }).status, 400)
    })))
})
