/**
 * What the main entry's import evaluates (issue 16, import cost), read from the bundles `npm run build`
 * makes (`buildDist`, cached per content of src): the wire catalogue modules it loads create no namespace
 * object. esbuild materializes a module's namespace (`X_exports`, one getter per export) beside the
 * module's code, in whichever chunk holds it, as soon as any bundled entry uses `import * as X` as a value;
 * the catalogue's chunk is shared with the main entry, so each such namespace cost every importer of the SDK
 * (the emulator's rate limits once read the whole catalogue through `wire/index.ts`: about 6 ms of the
 * import over Effect's own modules, in interleaved fresh processes).
 */
import { assert, beforeAll, describe, it } from "@effect/vitest"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { buildDist } from "./support/cliProcess.js"

let dist = ""
beforeAll(async () => {
  dist = await buildDist()
}, 60_000)

/** The bundle files an entry loads: the entry and the chunks it imports, transitively. */
const loaded = (entry: string): ReadonlyArray<string> => {
  const seen = new Set<string>()
  const walk = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const m of Fs.readFileSync(file, "utf8").matchAll(/(?:from|import)\s*"(\.[^"]+)"/g)) {
      walk(Path.resolve(Path.dirname(file), m[1]!))
    }
  }
  walk(entry)
  return [...seen]
}

/** The code of each src module in a bundle file, by its path (esbuild opens each with `// src/...`). */
const modulesOf = (file: string): ReadonlyArray<readonly [string, string]> =>
  Fs.readFileSync(file, "utf8").split(/^(?=\/\/ src\/)/m).flatMap((part) => {
    const path = /^\/\/ (src\/\S+)/.exec(part)?.[1]
    return path === undefined ? [] : [[path, part] as const]
  })

describe("the main entry's import path", () => {
  it("loads the wire catalogue without a namespace object per catalogue module", () => {
    const modules = loaded(Path.join(dist, "index.js")).flatMap(modulesOf)
    const wire = modules.filter(([path]) => path.startsWith("src/wire/mgmt/") || path.startsWith("src/wire/auth/"))
    assert.isAbove(wire.length, 40, "the catalogue is on the import path")
    assert.deepStrictEqual(wire.filter(([, code]) => code.includes("__export(")).map(([path]) => path), [])
  })
})
