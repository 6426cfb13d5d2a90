// mgmt.descoper: one recorded-request row per client operation, with the method, path, query and JSON body
// written as literals the way node-sdk sends them (lib/management/descoper.ts: create PUT, update PATCH,
// load GET, delete DELETE on one path; list a POST, sent with `{}` where node-sdk sends no body), the
// decoding of each answer, and a check against the mgmt.descoper rows of the shared inventory.
import { describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { wireTable } from "./support/management.js"
import { descoperRows } from "./support/wire-rows/mgmt-descoper.js"

wireTable("descoper", Wire.Mgmt.Descoper, descoperRows)

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
