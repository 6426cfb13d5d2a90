// The doc categories of src (issue 14): every `@category` is one of the fixed set of
// test/support/docCategories.ts, and every category of the set is used at least once.
import { assert, describe, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { docCategories } from "./support/docCategories.js"

const root = path.resolve(import.meta.dirname, "..")
const src = path.join(root, "src")

const sources = (dir: string): Array<string> =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(path.join(dir, d.name))
      : d.name.endsWith(".ts")
      ? [path.join(dir, d.name)]
      : []
  ).sort()

/** Every `@category` of src: where (`src/...ts:line`) and its value (`""` when it has none). */
const uses = sources(src).flatMap((file) =>
  fs.readFileSync(file, "utf8").split("\n").flatMap((line, i) => {
    const m = /@category\b\s*(.*)$/.exec(line)
    return m === null ? [] : [{
      where: `${path.relative(root, file).split(path.sep).join("/")}:${i + 1}`,
      value: m[1]!.replace(/\*\/.*$/, "").trim()
    }]
  })
)

describe("doc categories", () => {
  it("finds the categories of src", () => {
    assert.isAbove(uses.length, 100)
  })

  it("uses only categories of the fixed set", () => {
    const set = new Set<string>(docCategories)
    const outside = uses.filter((u) => !set.has(u.value)).map((u) => `${u.where}: ${u.value || "(none)"}`)
    assert.deepStrictEqual(
      outside,
      [],
      `categories outside the set (test/support/docCategories.ts):\n${outside.join("\n")}`
    )
  })

  it("uses every category of the set", () => {
    const used = new Set(uses.map((u) => u.value))
    assert.deepStrictEqual(docCategories.filter((c) => !used.has(c)), [])
  })
})
