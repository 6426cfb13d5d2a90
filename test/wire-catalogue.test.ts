// The wire catalogue (src/wire): each endpoint described once and well formed; no Descope path
// spelled outside it; the emulator serves each catalogued endpoint from the same schemas (a body it
// refuses is a Descope-shaped 400 naming the field, never a 500); docs/COVERAGE.md is up to date.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { coverageFile, render } from "../scripts/coverage.js"
import * as Emulator from "../src/emulator/index.js"
import * as Routes from "../src/emulator/Routes.js"
import * as Endpoint from "../src/wire/Endpoint.js"
import * as Wire from "../src/wire/index.js"
import { neverAnswers5xx } from "./support/catalogueFuzz.js"
import { request } from "./support/emulator.js"

const P = "P2WireCatalogue0000000000000"
const K = "wire-management-key"

describe("the catalogue", () => {
  it("names every endpoint once and spells every (method, path) once", () => {
    const names = Wire.all.map((e) => e.name)
    assert.deepStrictEqual(names.filter((n, i) => names.indexOf(n) !== i), [])
    const keys = Wire.all.map((e) => `${e.method} ${e.path}`)
    assert.deepStrictEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [])
  })

  it("describes well-formed endpoints", () => {
    for (const e of Wire.all) {
      assert.match(e.path, /^\/v[12]\/[a-z0-9/{}_-]+$/i, e.name)
      assert.deepStrictEqual([...e.params], [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]), e.name)
      assert.strictEqual(e.location, e.method === "GET" || e.method === "DELETE" ? "query" : "body", e.name)
      assert.strictEqual(
        e.credential === "management",
        e.path.startsWith("/v1/mgmt/") || e.path.startsWith("/v2/mgmt/"),
        e.name
      )
      assert.match(e.name, /^(mgmt\.)?[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*$/, e.name)
    }
  })

  it("builds request paths with each parameter URI-encoded", () => {
    const e = Endpoint.post("test.echo", "/v1/test/{a}/x/{b}", { credential: "project", response: Endpoint.Empty })
    assert.strictEqual(Endpoint.pathOf(e, { a: "x y", b: "a/b" }), "/v1/test/x%20y/x/a%2Fb")
    assert.strictEqual(Endpoint.routePath(e), "/v1/test/:a/x/:b")
  })
})

/** Source lines that spell a Descope path (comments aside): in a string, or after an interpolation (`${base}/v1/`). */
const pathLiterals = (file: string): Array<string> =>
  fs.readFileSync(file, "utf8").split("\n").filter((line) =>
    /["'`}]\/v[12]\//.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line)
  )

const sourceFiles = (dir: string): Array<string> =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(path.join(dir, d.name)) : d.name.endsWith(".ts") ? [path.join(dir, d.name)] : []
  )

describe("Descope paths are spelled in the catalogue only", () => {
  it("no `/v1/...` or `/v2/...` literal outside src/wire", () => {
    const offenders = sourceFiles("src")
      .filter((f) => !f.startsWith(path.join("src", "wire")))
      .filter((f) => pathLiterals(f).length > 0)
    assert.deepStrictEqual(offenders, [])
  })
})

describe("the emulator serves the catalogue", () => {
  const catalogued = Routes.all.filter((r) => r.endpoint !== undefined && r.stub !== true)

  it("serves every catalogued endpoint from its catalogue entry", () => {
    for (const r of catalogued) {
      assert.strictEqual(r.method, r.endpoint!.method)
      assert.strictEqual(r.path, Endpoint.routePath(r.endpoint!))
    }
  })

  it.scoped("answers a Descope-shaped 400 naming the field for a body its schema refuses", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make({ projectId: P, managementKey: K })
      const missing = yield* request(emulator, "POST", "/v1/mgmt/role/create", { body: {}, managementKey: K })
      assert.strictEqual(missing.status, 400)
      assert.deepInclude(missing.body as object, { errorCode: "E011002", errorMessage: "Missing argument: name" })
      const wrong = yield* request(emulator, "POST", "/v1/mgmt/role/create", { body: { name: 5 }, managementKey: K })
      assert.strictEqual(wrong.status, 400)
      assert.include((wrong.body as { errorMessage: string }).errorMessage, "name")
      // null is absent, as Descope reads it
      const ok = yield* request(emulator, "POST", "/v1/mgmt/role/create", {
        body: { name: "r", description: null, permissionNames: null },
        managementKey: K
      })
      assert.strictEqual(ok.status, 200)
    }))

  // the soak form (25 bodies an endpoint, ~8,700 requests) runs in `npm run test:load`
  // (test/wire-catalogue-fuzz.test.ts): here 3 bodies an endpoint, other bodies than its
  it.scoped(
    "never answers 5xx to arbitrary JSON bodies on a catalogued endpoint (property, 3 bodies an endpoint)",
    () => neverAnswers5xx({ projectId: P, managementKey: K, bodiesPerEndpoint: 3, seed: 7 }),
    { timeout: 60_000 }
  )
})

describe("docs/COVERAGE.md", () => {
  it("is up to date (npm run coverage regenerates it)", () => {
    assert.strictEqual(
      fs.readFileSync(coverageFile, "utf8"),
      render(),
      "docs/COVERAGE.md is stale: run npm run coverage"
    )
  })
})
