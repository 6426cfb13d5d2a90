// The recorded-wire rows of outbound SCIM (run by test/management-wire-outboundscim.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import { isVoid, type Row } from "../management.js"

const C = {
  appId: "SA1",
  configuration: { url: "https://scim.test" },
  enabled: false,
  lastExportTime: 0,
  lastProcessingTime: 0,
  failures: 0,
  version: 1
}

export const outboundScimRows: ReadonlyArray<Row> = [
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
