// mgmt.outboundScim: one recorded-request row per client operation, with the method, path and JSON body
// written as literals the way python-sdk sends them (descope/management/outbound_scim.py), the decoding of
// each answer, and a check against the mgmt.outboundscim rows of the shared inventory.
import { assert, describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { isVoid, type Row, wireTable } from "./support/management.js"

const C = {
  appId: "SA1",
  configuration: { url: "https://scim.test" },
  enabled: false,
  lastExportTime: 0,
  lastProcessingTime: 0,
  failures: 0,
  version: 1
}

const rows: ReadonlyArray<Row> = [
  {
    name: "outboundScim.createConfiguration",
    run: (m) => m.outboundScim.createConfiguration("SA1", { url: "https://scim.test" }),
    method: "POST",
    path: "/v1/mgmt/outbound/scim/create",
    body: { appId: "SA1", configuration: { url: "https://scim.test" } },
    response: { configuration: C },
    check: (r) => assert.deepStrictEqual(r, C)
  },
  {
    name: "outboundScim.updateConfiguration",
    run: (m) => m.outboundScim.updateConfiguration("SA1", 1, { url: "https://scim2.test" }),
    method: "POST",
    path: "/v1/mgmt/outbound/scim/update",
    body: { appId: "SA1", version: 1, configuration: { url: "https://scim2.test" } },
    response: { configuration: { ...C, version: 2 } },
    check: (r) => assert.deepStrictEqual(r, { ...C, version: 2 })
  },
  {
    name: "outboundScim.deleteConfiguration",
    run: (m) => m.outboundScim.deleteConfiguration("SA1"),
    method: "POST",
    path: "/v1/mgmt/outbound/scim/delete",
    body: { appId: "SA1" },
    check: isVoid
  },
  {
    name: "outboundScim.loadConfiguration",
    run: (m) => m.outboundScim.loadConfiguration("SA1"),
    method: "GET",
    path: "/v1/mgmt/outbound/scim/SA1",
    response: { configuration: C },
    check: (r) => assert.deepStrictEqual(r, C)
  },
  {
    name: "outboundScim.setEnabled",
    run: (m) => m.outboundScim.setEnabled("SA1", true),
    method: "POST",
    path: "/v1/mgmt/outbound/scim/enabled/set",
    body: { appId: "SA1", enabled: true },
    response: { configuration: { ...C, enabled: true } },
    check: (r) => assert.deepStrictEqual(r, { ...C, enabled: true })
  }
]

wireTable("outboundScim", Wire.Mgmt.OutboundScim, rows)

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
