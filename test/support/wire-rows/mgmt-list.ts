// The recorded-wire rows of lists (IP / text allow and deny lists) (run by test/management-wire-list.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import { isVoid, type Row } from "../management.js"

const IPS = { id: "LI1", name: "office", description: "the office", type: "ips", data: ["10.0.0.0/8", "192.0.2.1"] }
const TEXTS = { id: "LI2", name: "words", type: "texts", data: ["spam"] }

export const listRows: ReadonlyArray<Row> = [
  {
    name: "list.create",
    run: (m) => m.list.create({ name: "office", description: "the office", type: "ips", data: ["10.0.0.0/8"] }),
    method: "POST",
    path: "/v1/mgmt/list",
    body: { name: "office", description: "the office", type: "ips", data: ["10.0.0.0/8"] },
    response: { list: IPS },
    check: (r) => assert.deepStrictEqual(r, IPS)
  },
  {
    name: "list.update",
    run: (m) => m.list.update("LI2", { name: "words", type: "texts", data: ["spam"] }),
    method: "POST",
    path: "/v1/mgmt/list/update",
    body: { id: "LI2", name: "words", type: "texts", data: ["spam"] },
    response: { list: TEXTS },
    check: (r) => assert.deepStrictEqual(r, TEXTS)
  },
  {
    name: "list.delete",
    run: (m) => m.list.delete("LI1"),
    method: "POST",
    path: "/v1/mgmt/list/delete",
    body: { id: "LI1" },
    check: isVoid
  },
  {
    name: "list.load",
    run: (m) => m.list.load("LI/1"),
    method: "GET",
    path: "/v1/mgmt/list/LI%2F1",
    response: { list: IPS },
    check: (r) => assert.deepStrictEqual(r, IPS)
  },
  {
    name: "list.loadByName",
    run: (m) => m.list.loadByName("my office"),
    method: "GET",
    path: "/v1/mgmt/list/name/my%20office",
    response: { list: IPS },
    check: (r) => assert.deepStrictEqual(r, IPS)
  },
  {
    name: "list.loadAll",
    run: (m) => m.list.loadAll(),
    method: "GET",
    path: "/v1/mgmt/list/all",
    response: { lists: [IPS, TEXTS] },
    check: (r) => assert.deepStrictEqual(r, [IPS, TEXTS])
  },
  {
    name: "list.import",
    run: (m) => m.list.import([IPS, TEXTS]),
    method: "POST",
    path: "/v1/mgmt/list/import",
    body: { lists: [IPS, TEXTS] },
    check: isVoid
  },
  {
    name: "list.addIPs",
    run: (m) => m.list.addIPs("LI1", ["10.0.0.0/8", "2001:db8::/32"]),
    method: "POST",
    path: "/v1/mgmt/list/ip/add",
    body: { id: "LI1", ips: ["10.0.0.0/8", "2001:db8::/32"] },
    check: isVoid
  },
  {
    name: "list.removeIPs",
    run: (m) => m.list.removeIPs("LI1", ["192.0.2.1"]),
    method: "POST",
    path: "/v1/mgmt/list/ip/remove",
    body: { id: "LI1", ips: ["192.0.2.1"] },
    check: isVoid
  },
  {
    name: "list.checkIP",
    run: (m) => m.list.checkIP("LI1", "10.1.2.3"),
    method: "POST",
    path: "/v1/mgmt/list/ip/check",
    body: { id: "LI1", ip: "10.1.2.3" },
    response: { exists: true },
    check: (r) => assert.strictEqual(r, true)
  },
  {
    name: "list.checkIP (absent answer is false)",
    run: (m) => m.list.checkIP("LI1", "8.8.8.8"),
    method: "POST",
    path: "/v1/mgmt/list/ip/check",
    body: { id: "LI1", ip: "8.8.8.8" },
    response: {},
    check: (r) => assert.strictEqual(r, false)
  },
  {
    name: "list.addTexts",
    run: (m) => m.list.addTexts("LI2", ["spam", "eggs"]),
    method: "POST",
    path: "/v1/mgmt/list/text/add",
    body: { id: "LI2", texts: ["spam", "eggs"] },
    check: isVoid
  },
  {
    name: "list.removeTexts",
    run: (m) => m.list.removeTexts("LI2", ["eggs"]),
    method: "POST",
    path: "/v1/mgmt/list/text/remove",
    body: { id: "LI2", texts: ["eggs"] },
    check: isVoid
  },
  {
    name: "list.checkText",
    run: (m) => m.list.checkText("LI2", "spam"),
    method: "POST",
    path: "/v1/mgmt/list/text/check",
    body: { id: "LI2", text: "spam" },
    response: { exists: false },
    check: (r) => assert.strictEqual(r, false)
  },
  {
    name: "list.clear",
    run: (m) => m.list.clear("LI2"),
    method: "POST",
    path: "/v1/mgmt/list/clear",
    body: { id: "LI2" },
    check: isVoid
  }
]
