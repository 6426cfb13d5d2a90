/**
 * The import-time check of the installed `effect` (src/internal/effectVersion.ts):
 * the sentence for unsupported versions, the version read from `effect/Effect`,
 * and every entry point importing the check before anything else. (The packed
 * package, as bundled, is checked with a faked effect 3.10 by
 * `npm run check:newcomer`.)
 */
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { incompatibility, installedEffectVersion } from "../src/internal/effectVersion.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")

describe("the effect version check", () => {
  it("accepts effect 3.22 and later 3.x", () => {
    expect(incompatibility("3.22.0")).toBeUndefined()
    expect(incompatibility("3.22.4")).toBeUndefined()
    expect(incompatibility("3.30.1")).toBeUndefined()
  })

  it("refuses another major or an older 3.x with one sentence naming both versions", () => {
    expect(incompatibility("4.1.5")).toBe(
      "descope-effect needs effect ^3.22 and @effect/platform ^0.97, but effect 4.1.5 is installed: " +
        "run npm install effect@^3.22 @effect/platform@^0.97"
    )
    expect(incompatibility("3.10.0")).toContain("but effect 3.10.0 is installed")
    expect(incompatibility("2.4.19")).toContain("but effect 2.4.19 is installed")
    expect(incompatibility(undefined)).toContain("but an effect that is not effect 3 is installed")
    expect(incompatibility("garbage")).toContain("needs effect ^3.22")
    expect(incompatibility("4.1.5")?.split(". ").length).toBe(1)
  })

  it("reads the installed version from effect/Effect", () => {
    const pkg = JSON.parse(Fs.readFileSync(Path.join(ROOT, "node_modules/effect/package.json"), "utf8")) as {
      readonly version: string
    }
    expect(installedEffectVersion()).toBe(pkg.version)
  })

  it("is the first import of every entry point of the exports map", () => {
    const pkg = JSON.parse(Fs.readFileSync(Path.join(ROOT, "package.json"), "utf8")) as {
      readonly exports: Readonly<Record<string, string | { readonly import?: string }>>
    }
    const entries = Object.values(pkg.exports)
      .map((target) => (typeof target === "string" ? target : target.import ?? ""))
      .filter((target) => target.startsWith("./dist/") && target.endsWith(".js"))
    expect(entries.length).toBeGreaterThanOrEqual(4)
    for (const entry of entries) {
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
