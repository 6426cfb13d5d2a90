// mgmt.engine and mgmt.scopeClaimMapping: one recorded-request row per client operation, with the method,
// path, query and JSON body written as literals the way node-sdk sends them (lib/management/engine.ts,
// scopeclaimmapping.ts), the decoding of each answer (engine secrets Redacted), and a check against the
// mgmt.engine and mgmt.scopeclaimmapping rows of the shared inventory.
import { describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { wireTable } from "./support/management.js"
import { engineRows, scopeClaimMappingRows } from "./support/wire-rows/mgmt-engine.js"

wireTable("engine", Wire.Mgmt.Engine, engineRows)
wireTable("scopeClaimMapping", Wire.Mgmt.ScopeClaimMapping, scopeClaimMappingRows)

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
