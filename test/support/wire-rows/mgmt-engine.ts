// The recorded-wire rows of engines and scope claim mappings (run by test/management-wire-engine.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isVoid, type Row } from "../management.js"

const E = { id: "EN1", name: "risk", createdTime: 1700000000 }
const MAP = { scope: "profile", claims: { name: "{{user.name}}" }, description: "Profile" }

export const engineRows: ReadonlyArray<Row> = [
  {
    name: "engine.create (the secret Redacted)",
    run: (m) => m.engine.create("risk"),
    method: "POST",
    path: "/v1/mgmt/engine/create",
    body: { name: "risk" },
    response: { engine: { ...E, secret: "eng1ne-secret" } },
    check: (r) => {
      const e = r as { id: string; secret: Redacted.Redacted<string> }
      assert.strictEqual(e.id, "EN1")
      assert.strictEqual(Redacted.value(e.secret), "eng1ne-secret")
      assert.notInclude(JSON.stringify(r), "eng1ne")
    }
  },
  {
    name: "engine.update",
    run: (m) => m.engine.update("EN1", "risk 2"),
    method: "POST",
    path: "/v1/mgmt/engine/update",
    body: { id: "EN1", name: "risk 2" },
    response: { engine: E },
    check: (r) => assert.deepStrictEqual(r, E)
  },
  {
    name: "engine.delete",
    run: (m) => m.engine.delete("EN1"),
    method: "POST",
    path: "/v1/mgmt/engine/delete",
    body: { id: "EN1" },
    check: isVoid
  },
  {
    name: "engine.load",
    run: (m) => m.engine.load("EN1"),
    method: "GET",
    path: "/v1/mgmt/engine/load",
    query: { id: "EN1" },
    response: { engine: E },
    check: (r) => assert.deepStrictEqual(r, E)
  },
  {
    name: "engine.loadAll",
    run: (m) => m.engine.loadAll(),
    method: "GET",
    path: "/v1/mgmt/engines/load",
    response: { engines: [E] },
    check: (r) => assert.deepStrictEqual(r, [E])
  },
  {
    name: "engine.rotateSecret",
    run: (m) => m.engine.rotateSecret("EN1"),
    method: "POST",
    path: "/v1/mgmt/engine/rotate",
    body: { id: "EN1" },
    response: { secret: "n3w-secret" },
    check: (r) => assert.strictEqual(Redacted.value((r as { secret: Redacted.Redacted<string> }).secret), "n3w-secret")
  }
]

export const scopeClaimMappingRows: ReadonlyArray<Row> = [
  {
    name: "scopeClaimMapping.get",
    run: (m) => m.scopeClaimMapping.get(),
    method: "POST",
    path: "/v1/mgmt/scopeClaimMapping/get",
    body: {},
    response: { mappings: [MAP] },
    check: (r) => assert.deepStrictEqual(r, [MAP])
  },
  {
    name: "scopeClaimMapping.set",
    run: (m) => m.scopeClaimMapping.set([MAP]),
    method: "POST",
    path: "/v1/mgmt/scopeClaimMapping/set",
    body: { mappings: [MAP] },
    check: isVoid
  },
  {
    name: "scopeClaimMapping.delete",
    run: (m) => m.scopeClaimMapping.delete(),
    method: "POST",
    path: "/v1/mgmt/scopeClaimMapping/delete",
    body: {},
    check: isVoid
  }
]
