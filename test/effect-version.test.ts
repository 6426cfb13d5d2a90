/**
 * The import-time checks of the installed `effect`: the sentence for
 * unsupported versions (src/internal/effectRequirement.ts), the version read
 * from `effect/Effect` by every bundle (effectVersion.ts), and the Node entry
 * points (`*.checked.js`, scripts/bundle.ts) that read effect's package.json
 * (effectPeer.ts) before linking anything of `effect`: run here, as built,
 * against a consumer whose `effect` is 4.1.5 (which our modules cannot be
 * linked against) or missing. (`npm run check:newcomer` installs the real
 * effect 4 from the registry and an effect whose version says 3.10.)
 */
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { assertSupportedEffect, installedEffectPackage } from "../src/internal/effectPeer.js"
import { incompatibility } from "../src/internal/effectRequirement.js"
import { installedEffectVersion } from "../src/internal/effectVersion.js"
import { buildDist, removeDirs, tempDir } from "./support/cliProcess.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")

type Conditions = { readonly types: string; readonly module: string; readonly import: string; readonly default: string }
const pkg = JSON.parse(Fs.readFileSync(Path.join(ROOT, "package.json"), "utf8")) as {
  readonly exports: Readonly<Record<string, string | Conditions>>
  readonly bin: Readonly<Record<string, string>>
}
const entries = Object.entries(pkg.exports).flatMap(([subpath, target]) =>
  typeof target === "string" ? [] : [{ subpath, conditions: target }]
)

/** What a consumer's bundler leaves to the consumer's node_modules. */
const PEERS = ["effect", "@effect/*", "jose", "undici", "ioredis", "hono", "hono/*", "express", "fastify", "qrcode"]

const sentence = (installed: string) =>
  `descope-effect needs effect ^3.22 and @effect/platform ^0.97, but ${installed} is installed: ` +
  "run npm install effect@^3.22 @effect/platform@^0.97"

describe("the effect version check", () => {
  it("accepts effect 3.22 and later 3.x", () => {
    expect(incompatibility("3.22.0")).toBeUndefined()
    expect(incompatibility("3.22.4")).toBeUndefined()
    expect(incompatibility("3.30.1")).toBeUndefined()
  })

  it("refuses another major or an older 3.x with one sentence naming both versions", () => {
    expect(incompatibility("4.1.5")).toBe(sentence("effect 4.1.5"))
    expect(incompatibility("3.10.0")).toContain("but effect 3.10.0 is installed")
    expect(incompatibility("2.4.19")).toContain("but effect 2.4.19 is installed")
    expect(incompatibility(undefined)).toContain("but an effect that is not effect 3 is installed")
    expect(incompatibility("garbage")).toContain("needs effect ^3.22")
    expect(incompatibility("4.1.5")?.split(". ").length).toBe(1)
  })

  it("reads the installed version from effect/Effect, and the same from effect's package.json", () => {
    const installed = JSON.parse(Fs.readFileSync(Path.join(ROOT, "node_modules/effect/package.json"), "utf8")) as {
      readonly version: string
    }
    expect(installedEffectVersion()).toBe(installed.version)
    expect(installedEffectPackage(import.meta.url)).toEqual({ _tag: "Found", version: installed.version })
    expect(() => assertSupportedEffect(import.meta.url)).not.toThrow()
  })

  it("is the first import of every bundle of the exports map", () => {
    expect(entries.length).toBeGreaterThanOrEqual(4)
    for (const { conditions } of entries) {
      const entry = conditions.default
      const source = Path.join(ROOT, entry.replace("./dist/", "src/").replace(/\.js$/, ".ts"))
      const firstImport = /^import\s[^\n]*$/m.exec(Fs.readFileSync(source, "utf8"))?.[0]
      expect({ entry, firstImport }).toEqual({
        entry,
        firstImport: `import "${
          Path.relative(Path.dirname(source), Path.join(ROOT, "src/internal/effectVersion.js")).replace(/^(?!\.)/, "./")
        }"`
      })
    }
  })
})

describe("the package's entry points, as built", () => {
  let dist: string
  beforeAll(async () => {
    dist = await buildDist()
  }, 120_000)
  afterAll(removeDirs)

  it("bundlers and require take the plain bundle (listed first), Node's import its checked entry point", () => {
    for (const { conditions, subpath } of entries) {
      expect(Object.keys(conditions), subpath).toEqual(["types", "module", "import", "default"])
      expect(conditions.module, subpath).toBe(conditions.default)
      expect(conditions.import, subpath).toBe(conditions.default.replace(/\.js$/, ".checked.js"))
    }
  })

  it("every checked entry point exports exactly its bundle's names and values", async () => {
    for (const { conditions, subpath } of entries) {
      const file = (target: string) => pathToFileURL(Path.join(dist, target.replace("./dist/", ""))).href
      const checked = (await import(file(conditions.import))) as Record<string, unknown>
      const plain = (await import(file(conditions.default))) as Record<string, unknown>
      expect(Object.keys(checked).sort(), subpath).toEqual(Object.keys(plain).sort())
      expect(Object.keys(plain).length, subpath).toBeGreaterThan(0)
      for (const name of Object.keys(plain)) expect(checked[name] === plain[name], `${subpath} ${name}`).toBe(true)
    }
  }, 60_000)

  it(
    "a bundler takes the plain bundles: esbuild bundles each entry point to CommonJS (no top-level await)",
    async () => {
      const app = consumer(undefined)
      const { loadEsbuild } = await import("../scripts/bundle.js")
      const esbuild = await loadEsbuild()
      for (const { subpath } of entries) {
        const spec = Path.posix.join("descope-effect", subpath)
        const result = await esbuild.build({
          stdin: { contents: `export * from ${JSON.stringify(spec)}`, resolveDir: app, loader: "js" },
          bundle: true,
          write: false,
          format: "cjs",
          platform: "node",
          external: PEERS,
          metafile: true,
          logLevel: "silent"
        })
        const inputs = Object.keys(result.metafile.inputs)
        expect({ spec, checked: inputs.filter((input) => input.includes(".checked.")) }).toEqual({ spec, checked: [] })
      }
    },
    60_000
  )

  /** A consumer with the built package and an `effect` that is `version` (files of no module), or none. */
  const consumer = (version: string | undefined) => {
    const app = tempDir("descope-effect-peer-")
    const ours = Path.join(app, "node_modules", "descope-effect")
    // copied, not linked: Node resolves `effect` from the real path of our files
    Fs.cpSync(dist, Path.join(ours, "dist"), { recursive: true })
    Fs.copyFileSync(Path.join(ROOT, "package.json"), Path.join(ours, "package.json"))
    if (version !== undefined) {
      const effect = Path.join(app, "node_modules", "effect")
      Fs.mkdirSync(effect)
      Fs.writeFileSync(
        Path.join(effect, "package.json"),
        JSON.stringify({ name: "effect", version, type: "module", exports: { "./*": "./dist/*.js" } })
      )
    }
    return app
  }
  const node = (cwd: string, args: ReadonlyArray<string>) =>
    ChildProcess.spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 30_000 })

  /** Each entry point imported by a consumer's program, one after the other in one process: its outcome. */
  const importAll = (app: string): ReadonlyArray<{ readonly spec: string; readonly out: string }> => {
    const specs = entries.map(({ subpath }) => Path.posix.join("descope-effect", subpath))
    const loaded = node(app, [
      "--input-type=module",
      "-e",
      `const out = []
      for (const spec of ${JSON.stringify(specs)}) {
        out.push(await import(spec).then(() => "loaded", (e) => e.message))
      }
      console.log(JSON.stringify(out))`
    ])
    const outs = JSON.parse(loaded.stdout) as ReadonlyArray<string>
    return specs.map((spec, i) => ({ spec, out: outs[i]! }))
  }
  const bin = (app: string) =>
    node(app, [Path.join(app, "node_modules", "descope-effect", pkg.bin["descope-emulator"]!)])

  it("with effect 4.1.5, every entry point and the bin fail with the one sentence, not a linker error", () => {
    const app = consumer("4.1.5")
    for (const { out, spec } of importAll(app)) expect({ spec, out }).toEqual({ spec, out: sentence("effect 4.1.5") })
    const started = bin(app)
    expect({ status: started.status, stderr: started.stderr }).toEqual({
      status: 1,
      stderr: `descope-emulator: ${sentence("effect 4.1.5")}\n`
    })
  }, 60_000)

  it("with no effect to be found, the import goes on and Node names the missing package (as with Yarn PnP's)", () => {
    const app = consumer(undefined)
    for (const { out, spec } of importAll(app)) {
      // the first of effect and its companions that the entry imports
      expect({ spec, missing: /^Cannot find package '(effect|@effect\/[a-z-]+)' imported from /.test(out) }).toEqual({
        spec,
        missing: true
      })
    }
    const started = bin(app)
    expect({ status: started.status, stderr: started.stderr }).toEqual({
      status: 1,
      stderr: expect.stringMatching(
        /^descope-emulator: the package (effect|@effect\/[a-z-]+) is not installed; add it: npm install --save-dev \S+\n$/
      )
    })
  }, 60_000)
})
