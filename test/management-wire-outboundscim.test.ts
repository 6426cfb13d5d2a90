// mgmt.outboundScim: one recorded-request row per client operation, with the method, path and JSON body
// written as literals the way python-sdk sends them (descope/management/outbound_scim.py), the decoding of
// each answer, and a check against the mgmt.outboundscim rows of the shared inventory.
import { describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { wireTable } from "./support/management.js"
import { outboundScimRows } from "./support/wire-rows/mgmt-outboundscim.js"

wireTable("outboundScim", Wire.Mgmt.OutboundScim, outboundScimRows)

describe("mgmt.outboundScim arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.outboundScim.createConfiguration(""),
      m.outboundScim.updateConfiguration("SA1", -1),
      m.outboundScim.deleteConfiguration(" "),
      m.outboundScim.loadConfiguration(""),
      m.outboundScim.setEnabled("", true)
    ]))

  inventoryCatalogued(
    "every mgmt.outboundscim row of the shared endpoint inventory is catalogued",
    ["mgmt.outboundscim"],
    [Wire.Mgmt.OutboundScim],
    5
  )
})
