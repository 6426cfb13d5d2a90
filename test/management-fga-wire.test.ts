// mgmt.fga and mgmt.authz: one recorded-request row per catalogued endpoint, with the method, path, query and
// JSON body written as literals the way node-sdk sends them (lib/management/fga.ts, authz.ts), the decoding
// of each answer, and a check that every catalogued fga/authz endpoint (and every row of
// /work/shared/descope-endpoints.tsv for these areas, when present) has its row.
import { assert, describe, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as Endpoint from "../src/wire/Endpoint.js"
import * as Wire from "../src/wire/index.js"
import { runRow } from "./support/management.js"
import { authzRows, fgaRows } from "./support/wire-rows/mgmt-fga.js"

for (const [area, rows] of [["fga", fgaRows], ["authz", authzRows]] as const) {
  describe(`mgmt.${area} wire`, () => {
    for (const row of rows) {
      it.effect(row.name, () => runRow(row))
    }
  })
}

describe("mgmt.fga / mgmt.authz catalogue", () => {
  const rows = [...fgaRows, ...authzRows]
  const all: ReadonlyArray<unknown> = [...Object.values(Wire.Mgmt.Fga), ...Object.values(Wire.Mgmt.Authz)]
  const endpoints = all.filter(
    (x): x is Endpoint.Endpoint.Any =>
      typeof x === "object" && x !== null && (x as { _tag?: unknown })._tag === "Endpoint"
  )
  it("every catalogued endpoint has a recorded row", () => {
    assert.strictEqual(endpoints.length, 29)
    for (const e of endpoints) {
      assert.isTrue(rows.some((r) => r.method === e.method && r.path === e.path), `${e.method} ${e.path}`)
    }
  })
  const tsv = "/work/shared/descope-endpoints.tsv"
  it.runIf(fs.existsSync(tsv))("every catalogued fga/authz row of the shared endpoint list is in the wire", () => {
    const lines = fs.readFileSync(tsv, "utf8").split("\n").map((l) => l.split("\t"))
    const ours = lines.filter((l) => l[2] === "mgmt.fga" || l[2] === "mgmt.authz")
    assert.isAbove(ours.length, 0)
    for (const l of ours) assert.isTrue(endpoints.some((e) => e.method === l[0] && e.path === l[1]), l.join(" "))
  })
})
