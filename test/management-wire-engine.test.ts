// mgmt.engine and mgmt.scopeClaimMapping: one recorded-request row per client operation, with the method,
// path, query and JSON body written as literals the way node-sdk sends them (lib/management/engine.ts,
// scopeclaimmapping.ts), the decoding of each answer (engine secrets Redacted), and a check against the
// mgmt.engine and mgmt.scopeclaimmapping rows of the shared inventory.
import { assert, describe, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { isVoid, type Row, wireTable } from "./support/management.js"

const E = { id: "EN1", name: "risk", createdTime: 1700000000 }
const MAP = { scope: "profile", claims: { name: "{{user.name}}" }, description: "Profile" }

const engineRows: ReadonlyArray<Row> = [
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

const mappingRows: ReadonlyArray<Row> = [
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

wireTable("engine", Wire.Mgmt.Engine, engineRows)
wireTable("scopeClaimMapping", Wire.Mgmt.ScopeClaimMapping, mappingRows)

describe("mgmt.engine arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.engine.create(""),
      m.engine.update("EN1", " "),
      m.engine.load(""),
      m.engine.rotateSecret("")
    ]))

  inventoryCatalogued(
    "every mgmt.engine / mgmt.scopeclaimmapping inventory row is catalogued",
    ["mgmt.engine", "mgmt.scopeclaimmapping"],
    [Wire.Mgmt.Engine, Wire.Mgmt.ScopeClaimMapping],
    9
  )
})
