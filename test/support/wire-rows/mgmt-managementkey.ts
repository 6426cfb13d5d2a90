// The recorded-wire rows of management keys (run by test/management-wire-managementkey.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, type Row } from "../management.js"

const REBAC = { companyRoles: ["admin"], projectRoles: [{ projectIds: ["P1"], roles: ["developer"] }] }
const KEY = { id: "MK1", name: "ci", description: "", status: "active", createdTime: 1700000000, expireTime: 0 }

export const managementKeyRows: ReadonlyArray<Row> = [
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
