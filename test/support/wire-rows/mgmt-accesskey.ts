// The recorded-wire rows of access keys (run by test/management-wire-accesskey.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, type Row } from "../management.js"

const KEY = {
  id: "K1",
  name: "ci",
  roleNames: ["admin"],
  keyTenants: [{ tenantId: "T1", roleNames: ["r1"], tenantName: "Acme" }],
  status: "active",
  createdTime: 1700000000,
  expireTime: 0,
  createdBy: "U9",
  clientId: "C1"
}

export const accessKeyRows: ReadonlyArray<Row> = [
  {
    name: "accessKey.create",
    run: (m) =>
      m.accessKey.create({
        name: "ci",
        keyTenants: [{ tenantId: "T1", roleNames: ["r1"] }],
        userId: "U1",
        customClaims: { ci: true },
        description: "CI key",
        permittedIps: ["10.0.0.0/8"]
      }),
    method: "POST",
    path: "/v1/mgmt/accesskey/create",
    body: {
      name: "ci",
      expireTime: 0,
      keyTenants: [{ tenantId: "T1", roleNames: ["r1"] }],
      userId: "U1",
      customClaims: { ci: true },
      description: "CI key",
      permittedIps: ["10.0.0.0/8"]
    },
    response: { key: KEY, cleartext: "K1:cleartext-secret" },
    check: (result) => {
      const r = result as { key: { id: string; expireTime: number }; cleartext: Redacted.Redacted<string> }
      assert.strictEqual(r.key.id, "K1")
      assert.strictEqual(r.key.expireTime, 0)
      assert.strictEqual(Redacted.value(r.cleartext), "K1:cleartext-secret")
      assert.strictEqual(String(r.cleartext), "<redacted>")
      assert.isFalse(JSON.stringify(r).includes("cleartext-secret"))
    }
  },
  {
    name: "accessKey.load",
    run: (m) => m.accessKey.load("K1"),
    method: "GET",
    path: "/v1/mgmt/accesskey",
    query: { id: "K1" },
    response: { key: KEY },
    check: (result) => assert.deepStrictEqual(result, KEY)
  },
  {
    name: "accessKey.searchAllAccessKeys",
    run: (m) => m.accessKey.searchAllAccessKeys({ tenantIds: ["T1"], boundUserId: "U1" }),
    method: "POST",
    path: "/v1/mgmt/accesskey/search",
    body: { tenantIds: ["T1"], boundUserId: "U1" },
    response: { keys: [KEY] },
    check: (result) => assert.deepStrictEqual(result, [KEY])
  },
  {
    name: "accessKey.update",
    run: (m) => m.accessKey.update({ id: "K1", name: "ci2", description: "d", roleNames: ["viewer"] }),
    method: "POST",
    path: "/v1/mgmt/accesskey/update",
    body: { id: "K1", name: "ci2", description: "d", roleNames: ["viewer"] },
    response: { key: KEY },
    check: (result) => assert.deepStrictEqual(result, KEY)
  },
  {
    name: "accessKey.activate",
    run: (m) => m.accessKey.activate("K1"),
    method: "POST",
    path: "/v1/mgmt/accesskey/activate",
    body: { id: "K1" },
    check: isVoid
  },
  {
    name: "accessKey.deactivate",
    run: (m) => m.accessKey.deactivate("K1"),
    method: "POST",
    path: "/v1/mgmt/accesskey/deactivate",
    body: { id: "K1" },
    check: isVoid
  },
  {
    name: "accessKey.delete",
    run: (m) => m.accessKey.delete("K1"),
    method: "POST",
    path: "/v1/mgmt/accesskey/delete",
    body: { id: "K1" },
    check: isVoid
  },
  {
    name: "accessKey.rotate",
    run: (m) => m.accessKey.rotate("K1"),
    method: "POST",
    path: "/v1/mgmt/accesskey/rotate",
    body: { id: "K1" },
    response: { key: KEY, cleartext: "K1:new-secret" },
    check: (result) =>
      assert.strictEqual(
        Redacted.value((result as { cleartext: Redacted.Redacted<string> }).cleartext),
        "K1:new-secret"
      )
  },
  {
    name: "accessKey.activateBatch",
    run: (m) => m.accessKey.activateBatch(["K1", "K2"]),
    method: "POST",
    path: "/v1/mgmt/accesskey/activate/batch",
    body: { ids: ["K1", "K2"] },
    check: isVoid
  },
  {
    name: "accessKey.deactivateBatch",
    run: (m) => m.accessKey.deactivateBatch(["K1"]),
    method: "POST",
    path: "/v1/mgmt/accesskey/deactivate/batch",
    body: { ids: ["K1"] },
    check: isVoid
  },
  {
    name: "accessKey.deleteBatch",
    run: (m) => m.accessKey.deleteBatch(["K1", "K3"]),
    method: "POST",
    path: "/v1/mgmt/accesskey/delete/batch",
    body: { ids: ["K1", "K3"] },
    check: isVoid
  }
]
