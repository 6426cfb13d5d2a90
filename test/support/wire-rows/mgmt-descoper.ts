// The recorded-wire rows of descopers (run by test/management-wire-descoper.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import { isVoid, type Row } from "../management.js"

const RBAC = { projects: [{ projectIds: ["P1"], role: "developer" }] }
const D = {
  id: "DS1",
  loginIds: ["ada@example.com"],
  attributes: { displayName: "Ada" },
  rbac: RBAC,
  status: "invited"
}

export const descoperRows: ReadonlyArray<Row> = [
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
