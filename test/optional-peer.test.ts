/**
 * Optional peers loaded on first use (src/internal/optionalPeer.ts): a missing
 * package is one line naming it; anything else stays a defect. The emulator's
 * TOTP sign-up without `qrcode` (501 naming the package) is run from the
 * packed package by `npm run check:newcomer`, where `qrcode` is not installed.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import * as OptionalPeer from "../src/internal/optionalPeer.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")
const options = { packageName: "descope-effect-no-such-package", range: "^1.0", feature: "the test feature" }

describe("optional peers", () => {
  it.effect("a package that is not installed fails with one line naming it and its range", () =>
    Effect.gen(function*() {
      const specifier: string = options.packageName
      const error = yield* Effect.flip(OptionalPeer.load(options, () => import(specifier) as Promise<unknown>))
      assert.strictEqual(error._tag, "MissingPeerError")
      assert.strictEqual(
        error.message,
        "the test feature needs the optional package descope-effect-no-such-package: npm install --save-dev descope-effect-no-such-package@^1.0"
      )
    }))

  it.effect("an installed package loads", () =>
    Effect.gen(function*() {
      const specifier: string = "qrcode"
      const module = yield* OptionalPeer.load({ ...options, packageName: "qrcode" }, () =>
        import(specifier) as Promise<{ readonly toDataURL?: unknown }>)
      assert.strictEqual(typeof module.toDataURL, "function")
    }))

  it.effect("a module missing inside an installed package is a defect, not a missing peer", () =>
    Effect.gen(function*() {
      const broken = Object.assign(
        new Error("Cannot find module '/x/node_modules/qrcode/lib/gone.js' imported from /x/a.js"),
        {
          code: "ERR_MODULE_NOT_FOUND"
        }
      )
      const exit = yield* Effect.exit(
        OptionalPeer.load({ ...options, packageName: "qrcode" }, () => Promise.reject(broken))
      )
      assert.isTrue(Exit.isFailure(exit) && Cause.isDie(exit.cause))
    }))

  it("qrcode is an optional peer, not a dependency, of the package", () => {
    const pkg = JSON.parse(Fs.readFileSync(Path.join(ROOT, "package.json"), "utf8")) as {
      readonly dependencies?: Readonly<Record<string, string>>
      readonly peerDependencies?: Readonly<Record<string, string>>
      readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>
    }
    assert.deepStrictEqual(Object.keys(pkg.dependencies ?? {}), ["jose"])
    assert.isDefined(pkg.peerDependencies?.["qrcode"])
    assert.isTrue(pkg.peerDependenciesMeta?.["qrcode"]?.optional)
  })
})
