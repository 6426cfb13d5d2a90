// Property: the strict JOSE reader refuses a JSON object exactly when some object in it names a member
// twice. The oracle is the generator itself: it builds a JSON text from logical member names (drawn from
// a small alphabet, so repeats are common), spells each name plainly or with JSON escapes, puts colons,
// quotes and backslashes in strings and whitespace between tokens, and knows whether it repeated a name.
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { parseObjectSegment } from "../src/internal/StrictJson.js"

type Json = { readonly kind: "object"; readonly members: ReadonlyArray<readonly [string, Json]> } | {
  readonly kind: "array"
  readonly items: ReadonlyArray<Json>
} | { readonly kind: "leaf"; readonly text: string }

const NAMES = ["a", "alg", "kid", "sub", "x:y", "q\"", "b\\", "é", "__proto__"]

const escapeAll = (name: string): string =>
  [...name].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")

/** A name spelled plainly (JSON.stringify) or with every character escaped. */
const spelled = (name: string, escaped: boolean): string => escaped ? `"${escapeAll(name)}"` : JSON.stringify(name)

const stringLeaf = fc.constantFrom("\"a:b\"", "\"\\\":\\\"\"", "\"C:\\\\\"", "\"\\u003a\"", "\"x\"", "\"日本\"", "\"\"")
const leaf: fc.Arbitrary<Json> = fc.oneof(
  stringLeaf,
  fc.integer().map(String),
  fc.constantFrom("true", "false", "null", "1.5e3")
).map((text) => ({ kind: "leaf", text }))

const { json } = fc.letrec<{ json: Json; object: Json; array: Json }>((tie) => ({
  json: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("object"), tie("array")),
  object: fc.array(fc.tuple(fc.constantFrom(...NAMES), tie("json")), { maxLength: 5 }).map((members) => ({
    kind: "object" as const,
    members
  })),
  array: fc.array(tie("json"), { maxLength: 4 }).map((items) => ({ kind: "array" as const, items }))
}))

const hasDuplicate = (value: Json): boolean => {
  if (value.kind === "leaf") return false
  if (value.kind === "array") return value.items.some(hasDuplicate)
  const names = value.members.map(([name]) => name)
  return new Set(names).size !== names.length || value.members.some(([, v]) => hasDuplicate(v))
}

/** Writes the text; `choices` decides escapes and whitespace (cycled). */
const write = (value: Json, choices: ReadonlyArray<number>): string => {
  let i = 0
  const next = () => choices.length === 0 ? 0 : choices[i++ % choices.length]!
  const ws = () => [" ", "", "\n", "\t", ""][next() % 5]!
  const go = (v: Json): string => {
    if (v.kind === "leaf") return v.text
    if (v.kind === "array") return `[${ws()}${v.items.map(go).join(`${ws()},${ws()}`)}${ws()}]`
    return `{${ws()}${
      v.members.map(([name, item]) => `${spelled(name, next() % 3 === 0)}${ws()}:${ws()}${go(item)}`).join(`${ws()},`)
    }${ws()}}`
  }
  return go(value)
}

const segment = (text: string) => Buffer.from(text, "utf8").toString("base64url")

describe("property: strict JOSE JSON", () => {
  it("refuses exactly the objects that repeat a member name (escaped spellings, any depth)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), json), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 16 }),
        (members, choices) => {
          const root: Json = { kind: "object", members }
          const text = write(root, choices)
          const result = parseObjectSegment(segment(text))
          if (hasDuplicate(root)) {
            assert.strictEqual(result, "duplicate", text)
          } else {
            assert.deepStrictEqual(result, JSON.parse(text), text)
          }
        }
      ),
      { numRuns: 3000 }
    )
  })

  it("refuses bytes that are not UTF-8, and a byte order mark", () => {
    const bad = [[0xff], [0x80], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]
    for (const bytes of bad) {
      const raw = Buffer.concat([Buffer.from("{\"a\":\""), Buffer.from(bytes), Buffer.from("\"}")])
      assert.strictEqual(parseObjectSegment(raw.toString("base64url")), "encoding")
    }
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("{\"a\":1}")])
    assert.strictEqual(parseObjectSegment(bom.toString("base64url")), "json")
    assert.deepStrictEqual(parseObjectSegment(segment("{\"a\":\"Zoë 😀\"}")), { a: "Zoë 😀" })
  })
})
