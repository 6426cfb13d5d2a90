// mgmt.descoper: one recorded-request row per client operation, with the method, path, query and JSON body
// written as literals the way node-sdk sends them (lib/management/descoper.ts: create PUT, update PATCH,
// load GET, delete DELETE on one path; list a POST, sent with `{}` where node-sdk sends no body), the
// decoding of each answer, and a check against the mgmt.descoper rows of the shared inventory.
import { assert, describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { isVoid, type Row, wireTable } from "./support/management.js"

const RBAC = { projects: [{ projectIds: ["P1"], role: "developer" }] }
const D = {
  id: "DS1",
  loginIds: ["ada@example.com"],
  attributes: { displayName: "Ada" },
  rbac: RBAC,
  status: "invited"
}

const rows: ReadonlyArray<Row> = [
  {
    name: "descoper.create",
    run: (m) =>
      m.descoper.create([{
        loginId: "ada@example.com",
        attributes: { displayName: "Ada" },
        sendInvite: true,
        rbac: RBAC
      }]),
    method: "PUT",
    path: "/v1/mgmt/descoper",
    body: {
      descopers: [{ loginId: "ada@example.com", attributes: { displayName: "Ada" }, sendInvite: true, rbac: RBAC }]
    },
    response: { descopers: [D], total: 1 },
    check: (r) => assert.deepStrictEqual(r, { descopers: [D], total: 1 })
  },
  {
    name: "descoper.update",
    run: (m) => m.descoper.update("DS1", { phone: "+15555550100" }),
    method: "PATCH",
    path: "/v1/mgmt/descoper",
    body: { id: "DS1", attributes: { phone: "+15555550100" } },
    response: { descoper: D },
    check: (r) => assert.deepStrictEqual(r, D)
  },
  {
    name: "descoper.load",
    run: (m) => m.descoper.load("DS1"),
    method: "GET",
    path: "/v1/mgmt/descoper",
    query: { id: "DS1" },
    response: { descoper: D },
    check: (r) => assert.deepStrictEqual(r, D)
  },
  {
    name: "descoper.delete",
    run: (m) => m.descoper.delete("DS1"),
    method: "DELETE",
    path: "/v1/mgmt/descoper",
    query: { id: "DS1" },
    check: isVoid
  },
  {
    name: "descoper.list",
    run: (m) => m.descoper.list(),
    method: "POST",
    path: "/v1/mgmt/descoper/list",
    body: {},
    response: { descopers: [D] },
    check: (r) => assert.deepStrictEqual(r, { descopers: [D], total: 1 })
  }
]

wireTable("descoper", Wire.Mgmt.Descoper, rows)

describe("mgmt.descoper arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.descoper.create([]),
      m.descoper.update(""),
      m.descoper.load(""),
      m.descoper.delete(" ")
    ]))

  inventoryCatalogued(
    "every mgmt.descoper row of the shared endpoint inventory is catalogued",
    ["mgmt.descoper"],
    [Wire.Mgmt.Descoper],
    5
  )
})
