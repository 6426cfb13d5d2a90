// mgmt.jwtTemplate: one recorded-request row per client operation, with the method, path and JSON body
// written as literals the way node-sdk sends them (lib/management/jwttemplate.ts: every call a POST,
// `{ template }` wrapped), the decoding of each answer, and a check that every catalogued endpoint has its
// row and every mgmt.jwttemplate row of the shared inventory is catalogued.
import { describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { wireTable } from "./support/management.js"
import { jwtTemplateRows } from "./support/wire-rows/mgmt-jwttemplate.js"

wireTable("jwtTemplate", Wire.Mgmt.JwtTemplate, jwtTemplateRows)

describe("mgmt.jwtTemplate arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.jwtTemplate.update({ id: "" }),
      m.jwtTemplate.delete(""),
      m.jwtTemplate.load(" "),
      m.jwtTemplate.validate(""),
      m.jwtTemplate.loadLibraryEntry(""),
      m.jwtTemplate.applyFromLibrary({ libraryEntryId: "" })
    ]))

  inventoryCatalogued(
    "every mgmt.jwttemplate row of the shared endpoint inventory is catalogued",
    ["mgmt.jwttemplate"],
    [Wire.Mgmt.JwtTemplate],
    9
  )
})
