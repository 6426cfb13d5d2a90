// The recorded-wire rows cover the wire catalogue (issue 14, "Tests iterate the catalogue"): every endpoint of
// src/wire is exercised by at least one recorded-wire row (a client operation run against the recording mock
// HttpClient, its exact method, path, query and JSON body asserted), or is listed below with the reason it has
// none. A new endpoint without a row fails here, naming it.
//
// A row exercises the endpoint whose method and path template its literal method and path are an instance of
// (`/v1/mgmt/user/{id}` matches `/v1/mgmt/user/U1`; a template with fewer parameters wins). Rows are matched
// by method + path, not by name: the method and path are what the row asserts the client sent, while the row
// names are free text about the client operation (`user.create with a status`), and the catalogue checks the
// (method, path) pairs unique (test/wire-catalogue.test.ts).
import { assert, describe, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { NOT_CALLED_BY_THE_CLIENT } from "../scripts/coverage.js"
import type * as Endpoint from "../src/wire/Endpoint.js"
import * as Wire from "../src/wire/index.js"
import { pathMatches } from "./support/management.js"
import { authTables, mgmtTables } from "./support/wire-rows/index.js"

/** What the check reads of a row of any table. */
interface WireRow {
  readonly name: string
  readonly method: string
  readonly path: string
}

const tables: Readonly<Record<string, ReadonlyArray<WireRow>>> = { ...mgmtTables, ...authTables }

/** Catalogued endpoints that no client operation calls, with the reason (the list docs/COVERAGE.md is made with). */
const notCalledByTheClient: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(NOT_CALLED_BY_THE_CLIENT).map(([name, { reason }]) => [name, reason])
)

/** Catalogued endpoints the client calls, tested by hand rather than by a row (the row runner cannot express it). */
const testedElsewhere: Readonly<Record<string, string>> = {
  "mgmt.license.get":
    "the handshake before every management call: runRow checks it in every management row, and test/management-license.test.ts checks mgmt.license.get sending it alone"
}

/**
 * Endpoints of the official SDKs' union (docs/inventory/descope-endpoints.tsv, from which docs/COVERAGE.md is
 * generated) that the catalogue does not describe, so neither the client nor the emulator has them.
 */
const notCatalogued: Readonly<Record<string, string>> = {}

const paramCount = (e: Endpoint.Endpoint.Any): number => e.params.length

/** The catalogued endpoint a row exercises: an exact path first, else the template with the fewest parameters. */
const endpointOf = (row: WireRow): Endpoint.Endpoint.Any | undefined =>
  Wire.all
    .filter((e) => e.method === row.method && pathMatches(e.path, row.path))
    .sort((a, b) => paramCount(a) - paramCount(b))[0]

const rows: ReadonlyArray<readonly [table: string, row: WireRow]> = Object.entries(tables).flatMap(([table, rs]) =>
  rs.map((r) => [table, r] as const)
)

const exercised = new Set(rows.flatMap(([, r]) => {
  const e = endpointOf(r)
  return e === undefined ? [] : [e.name]
}))

describe("the recorded-wire rows cover the wire catalogue", () => {
  it("every catalogued endpoint has a row, or a reason it has none", () => {
    const missing = Wire.all
      .filter((e) => !exercised.has(e.name))
      .filter((e) => notCalledByTheClient[e.name] === undefined && testedElsewhere[e.name] === undefined)
      .map((e) => `${e.name} (${e.method} ${e.path})`)
    assert.deepStrictEqual(missing, [], `${missing.length} catalogued endpoints have no recorded-wire row`)
  })

  it("every row calls a catalogued endpoint", () => {
    const outside = rows.filter(([, r]) => endpointOf(r) === undefined).map(([t, r]) =>
      `${t}: ${r.name} (${r.method} ${r.path})`
    )
    assert.deepStrictEqual(outside, [])
  })

  it("every listed exception names a catalogued endpoint that indeed has no row", () => {
    for (const name of [...Object.keys(notCalledByTheClient), ...Object.keys(testedElsewhere)]) {
      assert.isDefined(Wire.all.find((e) => e.name === name), `${name} is not catalogued`)
      assert.isFalse(exercised.has(name), `${name} has a row now: drop it from the exceptions`)
    }
  })

  it("every table is run by its test file", () => {
    for (const file of Object.keys(tables)) {
      assert.isTrue(fs.existsSync(path.join("test", file)), file)
    }
  })
})

describe("the catalogue covers the official SDKs' endpoints", () => {
  const inventory = fs.readFileSync("docs/inventory/descope-endpoints.tsv", "utf8").split("\n").slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split("\t"))
    .map(([method, p]) => `${method} ${p}`)

  it("every endpoint of the inventory is catalogued, or listed with the reason it is not", () => {
    const catalogued = new Set(Wire.all.map((e) => `${e.method} ${e.path}`))
    const missing = inventory.filter((key) => !catalogued.has(key) && notCatalogued[key] === undefined)
    assert.deepStrictEqual(missing, [])
    for (const key of Object.keys(notCatalogued)) {
      assert.include(inventory, key)
      assert.isFalse(catalogued.has(key), `${key} is catalogued now: drop it from notCatalogued`)
    }
  })
})
