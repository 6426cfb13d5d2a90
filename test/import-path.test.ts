/**
 * What the main entry's import evaluates (issue 16, import cost), read from the bundles `npm run build`
 * makes (`buildDist`, cached per content of src): the wire catalogue modules it loads create no namespace
 * object. esbuild materializes a module's namespace (`X_exports`, one getter per export) beside the
 * module's code, in whichever chunk holds it, as soon as any bundled entry uses `import * as X` as a value;
 * the catalogue's chunk is shared with the main entry, so each such namespace cost every importer of the SDK
 * (the emulator's rate limits once read the whole catalogue through `wire/index.ts`: about 6 ms of the
 * import over Effect's own modules, in interleaved fresh processes). And `descope-effect/validation`, the
 * entry for services that only validate sessions, loads none of the management API, the sign-in flows or the
 * management catalogue, while sharing its modules (the same tag, the same layers) with the main entry.
 * And each entry is a few files: the other entry points load all of the main entry's modules
 * (scripts/bundle.ts), so esbuild does not split them into a chunk per combination of entries reaching them
 * (the main entry was 20 files, the validation entry 16).
 */
import { assert, beforeAll, describe, it } from "@effect/vitest"
import { execFileSync } from "node:child_process"
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

describe("what the main and the validation entries load", () => {
  it("loads the wire catalogue without a namespace object per catalogue module", () => {
    const modules = loaded(Path.join(dist, "index.js")).flatMap(modulesOf)
    const wire = modules.filter(([path]) => path.startsWith("src/wire/mgmt/") || path.startsWith("src/wire/auth/"))
    assert.isAbove(wire.length, 40, "the catalogue is on the import path")
    assert.deepStrictEqual(wire.filter(([, code]) => code.includes("__export(")).map(([path]) => path), [])
  })

  it("descope-effect/validation loads no management, sign-in flow or management catalogue module", () => {
    const paths = loaded(Path.join(dist, "validation", "index.js")).flatMap(modulesOf).map(([path]) => path)
    assert.include(paths, "src/layers/DescopeValidator.ts")
    assert.deepStrictEqual(
      paths.filter((path) =>
        path.startsWith("src/management/") || path.startsWith("src/wire/mgmt/") ||
        (path.startsWith("src/auth/") && !path.startsWith("src/auth/Sessions"))
      ),
      []
    )
    const main = loaded(Path.join(dist, "index.js")).reduce((n, file) => n + Fs.statSync(file).size, 0)
    const validation = loaded(Path.join(dist, "validation", "index.js")).reduce(
      (n, file) => n + Fs.statSync(file).size,
      0
    )
    assert.isBelow(validation, main / 2)
  })

  it("the main entry loads a few files: chunks of its modules are not split by what the other entries use", () => {
    const entries = Fs.readdirSync(dist, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".js") && !file.endsWith(".checked.js") && !file.startsWith("chunks/"))
      .filter((file) => !file.startsWith("internal/") && file !== "emulator/cli.js")
    assert.isAbove(entries.length, 8, entries.join(" "))
    const main = loaded(Path.join(dist, "index.js"))
    // every file of the main entry is loaded whole by each entry point that uses the main entry's modules
    // (all but the validation entry): a chunk that one of them skipped would split the main entry's code
    for (const entry of entries.filter((file) => file !== "index.js" && file !== "validation/index.js")) {
      const files = new Set(loaded(Path.join(dist, entry)))
      assert.deepStrictEqual(
        main.filter((file) => file !== Path.join(dist, "index.js") && !files.has(file)).map((f) =>
          Path.relative(dist, f)
        ),
        [],
        entry
      )
    }
    // the entry, the effect check (and the chunk it shares with the bin's), the validation entry's modules, the rest
    assert.isAtMost(main.length, 6, main.map((f) => Path.relative(dist, f)).join(" "))
    assert.isAtMost(loaded(Path.join(dist, "validation", "index.js")).length, 5)
  })

  it("descope-effect/validation shares the main entry's modules: the same tag, layers and errors", () => {
    const url = (file: string) => JSON.stringify(new URL(`file://${Path.join(dist, file)}`).href)
    const out = execFileSync(process.execPath, [
      "--input-type=module",
      "-e",
      `const main = await import(${url("index.checked.js")})
       const validation = await import(${url("validation/index.checked.js")})
       process.stdout.write(JSON.stringify([
         main.DescopeValidator === validation.DescopeValidator,
         main.ValidationOnly.layer === validation.ValidationOnly.layer,
         main.InvalidSessionError === validation.InvalidSessionError,
         main.Session.SessionValidator === validation.Session.SessionValidator,
         typeof validation.DescopeValidator === "function" && typeof validation.ValidationOnly.layer === "function"
       ]))`
    ], { encoding: "utf8" })
    assert.deepStrictEqual(JSON.parse(out), [true, true, true, true, true])
  })
})
