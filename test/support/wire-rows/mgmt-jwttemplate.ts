// The recorded-wire rows of JWT templates (run by test/management-wire-jwttemplate.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import { isVoid, type Row } from "../management.js"

const T = { id: "JT1", name: "hasura", template: { role: "user" }, tags: ["x"], addJti: true }
const ENTRY = { id: "hasura", name: "Hasura", template: { role: "user" }, experimental: false }

export const jwtTemplateRows: ReadonlyArray<Row> = [
  {
    name: "jwtTemplate.create",
    run: (m) => m.jwtTemplate.create({ name: "hasura", template: { role: "user" } }),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/create",
    body: { template: { name: "hasura", template: { role: "user" } } },
    response: { template: T },
    check: (r) => assert.deepStrictEqual(r, T)
  },
  {
    name: "jwtTemplate.update",
    run: (m) => m.jwtTemplate.update(T),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/update",
    body: { template: T },
    response: { template: T },
    check: (r) => assert.deepStrictEqual(r, T)
  },
  {
    name: "jwtTemplate.delete",
    run: (m) => m.jwtTemplate.delete("JT1"),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/delete",
    body: { id: "JT1" },
    check: isVoid
  },
  {
    name: "jwtTemplate.list",
    run: (m) => m.jwtTemplate.list(),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/list",
    body: {},
    response: { templates: [T] },
    check: (r) => assert.deepStrictEqual(r, [T])
  },
  {
    name: "jwtTemplate.load",
    run: (m) => m.jwtTemplate.load("JT1"),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/load",
    body: { id: "JT1" },
    response: { template: T },
    check: (r) => assert.deepStrictEqual(r, T)
  },
  {
    name: "jwtTemplate.validate",
    run: (m) => m.jwtTemplate.validate("JT1", { name: "x", template: { exp: 1 } }),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/validate",
    body: { id: "JT1", template: { name: "x", template: { exp: 1 } } },
    response: { valid: false, issues: [{ message: "reserved", severity: "error", path: "template.exp" }] },
    check: (r) =>
      assert.deepStrictEqual(r, {
        valid: false,
        issues: [{ message: "reserved", severity: "error", path: "template.exp" }]
      })
  },
  {
    name: "jwtTemplate.listLibrary",
    run: (m) => m.jwtTemplate.listLibrary(),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/library/list",
    body: {},
    response: { entries: [ENTRY] },
    check: (r) => assert.deepStrictEqual(r, [ENTRY])
  },
  {
    name: "jwtTemplate.loadLibraryEntry",
    run: (m) => m.jwtTemplate.loadLibraryEntry("hasura"),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/library/load",
    body: { id: "hasura" },
    response: { entry: ENTRY },
    check: (r) => assert.deepStrictEqual(r, ENTRY)
  },
  {
    name: "jwtTemplate.applyFromLibrary",
    run: (m) => m.jwtTemplate.applyFromLibrary({ libraryEntryId: "hasura", nameOverride: "mine" }),
    method: "POST",
    path: "/v1/mgmt/jwt/templates/library/apply",
    body: { libraryEntryId: "hasura", nameOverride: "mine" },
    response: { template: T },
    check: (r) => assert.deepStrictEqual(r, T)
  }
]
