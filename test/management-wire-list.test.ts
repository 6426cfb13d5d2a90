// mgmt.list: one recorded-request row per client operation, with the method, path and JSON body written as
// literals the way node-sdk sends them (lib/management/list.ts), the decoding of each answer, and a check
// that every catalogued list endpoint and every mgmt.list row of the shared endpoint inventory is catalogued.
import { describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { wireTable } from "./support/management.js"
import { listRows } from "./support/wire-rows/mgmt-list.js"

wireTable("list", Wire.Mgmt.List, listRows, {
  "GET /v1/mgmt/list": "python-sdk's load (id in the query): served by the emulator, tested in emulator-list",
  "GET /v1/mgmt/list/name": "python-sdk's loadByName (name in the query): tested in emulator-list"
})

describe("mgmt.list arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.list.create({ name: "", type: "ips" }),
      m.list.create({ name: "x", type: " " }),
      m.list.update("", { name: "x", type: "ips" }),
      m.list.load(""),
      m.list.loadByName(" "),
      m.list.import([]),
      m.list.addIPs("LI1", []),
      m.list.removeIPs("LI1", [""]),
      m.list.checkIP("LI1", ""),
      m.list.addTexts("", ["a"]),
      m.list.checkText("LI1", ""),
      m.list.clear("")
    ]))

  inventoryCatalogued(
    "every mgmt.list row of the shared endpoint inventory is catalogued",
    ["mgmt.list"],
    [Wire.Mgmt.List],
    16
  )
})
