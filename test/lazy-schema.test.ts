// The catalogue's schemas are built on first use (import cost, issue 16 item 11): importing the SDK
// or the emulator builds none of them, and a lazy stand-in is indistinguishable from the schema it stands for in
// every way the SDK, the emulator and users read a schema.
import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { execFileSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { loadEsbuild } from "../scripts/bundle.js"
import { isPending, lazy } from "../src/internal/lazySchema.js"
import * as Fields from "../src/wire/Fields.js"
import * as Wire from "../src/wire/index.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")

const eagerUser = () =>
  Schema.Struct({
    name: Schema.String,
    age: Schema.optional(Schema.NumberFromString),
    tags: Fields.opt(Schema.Array(Schema.String))
  })

describe("lazy catalogue schemas", () => {
  it("importing the SDK or the emulator builds none of the catalogue's schemas", async () => {
    // a fresh process: this worker's other test files have used the catalogue already. The SDK and the
    // counters bundled as the package is (esbuild, its packages external), run by plain node
    const esbuild = await loadEsbuild()
    // under node_modules: the bundle's packages resolve from the repository's
    const cache = Path.join(ROOT, "node_modules", ".cache")
    Fs.mkdirSync(cache, { recursive: true })
    const dir = Fs.mkdtempSync(Path.join(cache, "lazy-schema-"))
    try {
      const script = Path.join(dir, "import.mjs")
      await esbuild.build({
        stdin: {
          contents: [
            // the SDK's and the emulator's exports are their entries', as in the package's bundle (an import
            // for its effects alone would be dropped: package.json's sideEffects). The emulator's route table
            // serves every catalogued endpoint: its parsers are made on a route's first request.
            `export * as sdk from "./src/index.ts"`,
            `export * as emulator from "./src/emulator/index.ts"`,
            `import { stats } from "./src/internal/lazySchema.ts"`,
            `process.stdout.write(JSON.stringify(stats()))`
          ].join("\n"),
          resolveDir: ROOT,
          loader: "ts"
        },
        bundle: true,
        format: "esm",
        platform: "node",
        target: "node20",
        packages: "external",
        outfile: script,
        logLevel: "error"
      })
      const out = execFileSync(process.execPath, [script], { encoding: "utf8" })
      const stats = JSON.parse(out) as { made: number; built: number }
      assert.isAbove(stats.made, 400)
      assert.strictEqual(stats.built, 0)
    } finally {
      Fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("builds once, on the first read, and then is its schema in every use", () => {
    let builds = 0
    const User = lazy(() => {
      builds++
      return eagerUser()
    })
    assert.strictEqual(builds, 0)
    assert.isTrue(isPending(User))
    assert.isTrue(Schema.isSchema(User))
    assert.strictEqual(builds, 1)
    assert.isFalse(isPending(User))
    const eager = eagerUser()
    for (
      const input of [{ name: "a" }, { name: "a", age: "42", tags: null }, { name: 1 }, { name: "a", age: "x" }, null]
    ) {
      const lazyResult = Schema.decodeUnknownEither(User)(input)
      const eagerResult = Schema.decodeUnknownEither(eager)(input)
      assert.strictEqual(Either.isRight(lazyResult), Either.isRight(eagerResult))
      if (Either.isRight(lazyResult) && Either.isRight(eagerResult)) {
        assert.deepStrictEqual(lazyResult.right, eagerResult.right)
        assert.deepStrictEqual(Schema.encodeSync(User)(lazyResult.right), Schema.encodeSync(eager)(eagerResult.right))
      }
    }
    assert.deepStrictEqual(Object.keys(User.fields), ["name", "age", "tags"])
    const Extended = Schema.Struct({ ...User.fields, id: Schema.String })
    assert.deepStrictEqual(Schema.decodeUnknownSync(Extended)({ name: "a", id: "1" }), { name: "a", id: "1" })
    const Annotated = User.annotations({ identifier: "User" })
    assert.strictEqual(Schema.decodeUnknownSync(Annotated)({ name: "b" }).name, "b")
    assert.strictEqual(User.pipe((s) => s), User)
    assert.deepStrictEqual(Schema.decodeUnknownSync(Schema.Array(User))([{ name: "c" }]), [{ name: "c" }])
    assert.strictEqual(builds, 1)
  })

  it("an optional field of a pending schema is pending too, and the struct holding it decodes alike", () => {
    const Tag = lazy(() => Schema.Struct({ key: Schema.String }))
    const field = Fields.optional(Tag)
    assert.isTrue(isPending(Tag))
    assert.isTrue(isPending(field))
    assert.strictEqual(Fields.optional(Tag), field, "built once per schema")
    const Holder = Schema.Struct({ tag: field, other: Fields.opt(Tag) })
    const EagerTag = Schema.Struct({ key: Schema.String })
    const EagerHolder = Schema.Struct({
      tag: Schema.optional(EagerTag),
      other: Schema.optional(Schema.NullOr(EagerTag))
    })
    for (const input of [{ tag: { key: "k" }, other: null }, {}, { tag: { key: 1 } }, { other: { key: "o" } }]) {
      assert.deepStrictEqual(Schema.decodeUnknownEither(Holder)(input), Schema.decodeUnknownEither(EagerHolder)(input))
    }
    assert.isFalse(isPending(Tag))
  })

  it("every catalogued endpoint's request and answer are usable schemas", () => {
    for (const endpoint of Wire.all) {
      assert.isTrue(Schema.isSchema(endpoint.request), endpoint.name)
      assert.isTrue(Schema.isSchema(endpoint.response), endpoint.name)
    }
  })
})
