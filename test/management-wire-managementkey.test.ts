// mgmt.managementKey: one recorded-request row per client operation, with the method, path, query and JSON
// body written as literals the way node-sdk sends them (lib/management/managementKey.ts: create PUT, update
// PATCH), the decoding of each answer (the cleartext Redacted), and a check that every catalogued endpoint
// has its row and every mgmt.mgmtkey row of the shared inventory is catalogued.
import { describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { wireTable } from "./support/management.js"
import { managementKeyRows } from "./support/wire-rows/mgmt-managementkey.js"

wireTable("managementKey", Wire.Mgmt.ManagementKey, managementKeyRows)

describe("mgmt.managementKey arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.managementKey.create("", {}),
      m.managementKey.update("", "x", "", "active"),
      m.managementKey.update("MK1", "x", "", "paused" as "active"),
      m.managementKey.delete([]),
      m.managementKey.load("")
    ]))

  inventoryCatalogued(
    "every mgmt.mgmtkey row of the shared endpoint inventory is catalogued",
    ["mgmt.mgmtkey"],
    [Wire.Mgmt.ManagementKey],
    5
  )
})
