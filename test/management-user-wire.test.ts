// client.mgmt.user on the wire: one recorded-request row per client operation (the exact method,
// path, query, JSON body and headers, written as literals, and the decoding of the answer), run
// against the recording mock. The table is checked against the wire catalogue: every row calls a
// catalogued user endpoint, every user endpoint has a row (a new endpoint without one fails), every
// operation of client.mgmt.user has a row, and the emulator serves every user endpoint.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Routes from "../src/emulator/Routes.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import * as Endpoint from "../src/wire/Endpoint.js"
import * as Wire from "../src/wire/index.js"
import { type Row, runRow, withLicense, withMgmt } from "./support/management.js"
import { attributeRows } from "./support/wire-rows/mgmt-user-update.js"
import { lifeCycleRows } from "./support/wire-rows/mgmt-user.js"

const rows: ReadonlyArray<Row> = [...lifeCycleRows, ...attributeRows]

const userEndpoints = Wire.all.filter((e) => e.name.startsWith("mgmt.user."))

/** Older paths the emulator serves for older SDKs; the client calls their successors. */
const servedOnly = new Set(["mgmt.user.searchV1", "mgmt.user.addRolesV1"])

const endpointOf = (row: Row): Endpoint.Endpoint.Any | undefined =>
  userEndpoints.find((e) => e.method === row.method && Endpoint.pathOf(e, undefined) === row.path)

/** `user.importUsers (bytes are base64, dry run)` -> `importUsers`. */
const operationOf = (row: Row): string => row.name.split(" ")[0]!.replace(/^user\./, "")

describe("mgmt.user wire: the table covers the catalogue", () => {
  it("every row calls a catalogued user endpoint", () => {
    for (const row of rows) assert.isDefined(endpointOf(row), `${row.name}: ${row.method} ${row.path}`)
  })

  it("every user endpoint of the catalogue has a row (or is an older path only the emulator serves)", () => {
    const missing = userEndpoints
      .filter((e) => !servedOnly.has(e.name))
      .filter((e) => !rows.some((row) => endpointOf(row) === e))
      .map((e) => e.name)
    assert.deepStrictEqual(missing, [])
    for (const name of servedOnly) assert.isDefined(userEndpoints.find((e) => e.name === name), name)
  })

  it.effect("every operation of client.mgmt.user has a row, and every row an operation", () =>
    withMgmt(withLicense(() => MockHttpClient.json({})), (mgmt) =>
      Effect.sync(() => {
        const operations = Object.keys(mgmt.user).sort()
        const covered = [...new Set(rows.map(operationOf))].sort()
        assert.deepStrictEqual(covered, operations)
      })))

  it("the emulator serves every user endpoint from its catalogue entry", () => {
    const served = new Set(Routes.all.flatMap((r) => (r.endpoint !== undefined ? [r.endpoint] : [])))
    assert.deepStrictEqual(userEndpoints.filter((e) => !served.has(e)).map((e) => e.name), [])
  })
})

describe("mgmt.user wire", () => {
  for (const row of rows) {
    it.effect(row.name, () => runRow(row))
  }
})
