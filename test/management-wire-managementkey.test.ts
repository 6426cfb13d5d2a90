// mgmt.managementKey: one recorded-request row per client operation, with the method, path, query and JSON
// body written as literals the way node-sdk sends them (lib/management/managementKey.ts: create PUT, update
// PATCH), the decoding of each answer (the cleartext Redacted), and a check that every catalogued endpoint
// has its row and every mgmt.mgmtkey row of the shared inventory is catalogued.
import { assert, describe, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { isVoid, type Row, wireTable } from "./support/management.js"

const REBAC = { companyRoles: ["admin"], projectRoles: [{ projectIds: ["P1"], roles: ["developer"] }] }
const KEY = { id: "MK1", name: "ci", description: "", status: "active", createdTime: 1700000000, expireTime: 0 }

const rows: ReadonlyArray<Row> = [
  {
    name: "managementKey.create",
    run: (m) => m.managementKey.create("ci", REBAC, "for CI", 3600, ["10.0.0.0/8"]),
    method: "PUT",
    path: "/v1/mgmt/managementkey",
    body: { name: "ci", description: "for CI", expiresIn: 3600, permittedIps: ["10.0.0.0/8"], reBac: REBAC },
    response: { key: KEY, cleartext: "Kcl3artext-value" },
    check: (r) => {
      const created = r as { key: unknown; cleartext: Redacted.Redacted<string> }
      assert.deepStrictEqual(created.key, KEY)
      assert.strictEqual(Redacted.value(created.cleartext), "Kcl3artext-value")
      assert.notInclude(JSON.stringify(r), "Kcl3artext")
    }
  },
  {
    name: "managementKey.update",
    run: (m) => m.managementKey.update("MK1", "ci", "", "inactive"),
    method: "PATCH",
    path: "/v1/mgmt/managementkey",
    body: { id: "MK1", name: "ci", description: "", status: "inactive" },
    response: { key: { ...KEY, status: "inactive" } },
    check: (r) => assert.deepStrictEqual(r, { ...KEY, status: "inactive" })
  },
  {
    name: "managementKey.delete",
    run: (m) => m.managementKey.delete(["MK1", "MK2"]),
    method: "POST",
    path: "/v1/mgmt/managementkey/delete",
    body: { ids: ["MK1", "MK2"] },
    check: isVoid
  },
  {
    name: "managementKey.load",
    run: (m) => m.managementKey.load("MK1"),
    method: "GET",
    path: "/v1/mgmt/managementkey",
    query: { id: "MK1" },
    response: { key: KEY },
    check: (r) => assert.deepStrictEqual(r, KEY)
  },
  {
    name: "managementKey.search",
    run: (m) => m.managementKey.search(),
    method: "GET",
    path: "/v1/mgmt/managementkey/search",
    response: { keys: [KEY] },
    check: (r) => assert.deepStrictEqual(r, [KEY])
  }
]

wireTable("managementKey", Wire.Mgmt.ManagementKey, rows)

describe("mgmt.managementKey arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.managementKey.create("", {}),
      m.managementKey.update("", "x", "", "active"),
      m.managementKey.update("MK1", "x", "", "paused" as "active"),
      m.managementKey.delete([]),
      m.managementKey.load("")
    ]))

  inventoryCatalogued(
    "every mgmt.mgmtkey row of the shared endpoint inventory is catalogued",
    ["mgmt.mgmtkey"],
    [Wire.Mgmt.ManagementKey],
    5
  )
})
