/**
 * A project snapshot as a directory (the CLI's `--import dir` / `--export-on-exit dir` read and write a
 * project's Descope snapshot files under `<dir>/<projectId>/`): a directory shaped like a real project's
 * export (settings the emulator interprets, files it does not: connectors, a stylesheet, a binary logo)
 * imports into a project, and exports back with every asset byte for byte, the JSON documents equal;
 * export → write → read → import → export is stable; over the API the binary asset is base64.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/Emulator.js"
import * as SnapshotDir from "../src/emulator/SnapshotDir.js"
import { emulatorRun } from "./support/area.js"

const P = "P2SnapshotDir000000000000000"
const K = "snapshot-dir-key"
const run = emulatorRun(P, K)

/** PNG signature and bytes that are not UTF-8. */
const LOGO = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x80])
const CSS = "body { color: #123; }\n/* é */\n"

const writeExportLikeDir = (dir: string) => {
  const put = (path: string, content: string | Uint8Array) => {
    Fs.mkdirSync(Path.dirname(Path.join(dir, path)), { recursive: true })
    Fs.writeFileSync(Path.join(dir, path), content)
  }
  put("project.json", JSON.stringify({ name: "Imported", tags: ["eu"] }))
  put("permissions.json", JSON.stringify({ permissions: [{ name: "docs.read", description: "Read" }] }))
  put(
    "roles.json",
    JSON.stringify({ roles: [{ name: "reader", description: "Reads", permissionNames: ["docs.read"] }] })
  )
  put("flows/sign-in.json", JSON.stringify({ flow: { id: "sign-in", name: "Sign in" }, screens: [] }))
  put("connectors/smtp.json", JSON.stringify({ type: "smtp", host: "mail.example.com" }))
  put("styles/theme.css", CSS)
  put("assets/logo.png", LOGO)
}

const tempDir = () => Fs.mkdtempSync(Path.join(Os.tmpdir(), "descope-snapshot-dir-"))

describe("a project snapshot as a directory", () => {
  it.effect("a real project's export shape imports, and exports back byte for byte (assets) and equal (JSON)", () =>
    run(Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      const source = tempDir()
      writeExportLikeDir(source)
      const files = yield* SnapshotDir.read(source)
      assert.instanceOf(files["assets/logo.png"], Uint8Array)
      assert.strictEqual(files["styles/theme.css"], CSS)
      yield* emulator.importSnapshot(files)

      // the interpreted parts took effect
      const m = (yield* DescopeClient).mgmt
      const roles = yield* m.role.loadAll()
      assert.deepStrictEqual(roles.map((r) => [r.name, r.permissionNames]), [["reader", ["docs.read"]]])

      const out = tempDir()
      yield* SnapshotDir.write(out, yield* emulator.exportSnapshot())
      assert.deepStrictEqual(Fs.readFileSync(Path.join(out, "assets/logo.png")), Buffer.from(LOGO))
      assert.strictEqual(Fs.readFileSync(Path.join(out, "styles/theme.css"), "utf8"), CSS)
      for (const json of ["connectors/smtp.json", "flows/sign-in.json"]) {
        assert.deepStrictEqual(
          JSON.parse(Fs.readFileSync(Path.join(out, json), "utf8")),
          JSON.parse(Fs.readFileSync(Path.join(source, json), "utf8")),
          json
        )
      }

      // once written by the emulator, the directory round-trips unchanged
      yield* emulator.importSnapshot(yield* SnapshotDir.read(out))
      const again = tempDir()
      yield* SnapshotDir.write(again, yield* emulator.exportSnapshot())
      const list = (dir: string) => Fs.readdirSync(dir, { recursive: true }).map(String).sort()
      assert.deepStrictEqual(list(again), list(out))
      for (const path of list(out)) {
        if (Fs.statSync(Path.join(out, path)).isFile()) {
          assert.deepStrictEqual(Fs.readFileSync(Path.join(again, path)), Fs.readFileSync(Path.join(out, path)), path)
        }
      }

      // over the API (mgmt.project.exportSnapshot) the binary asset travels in base64
      const exported = yield* m.project.exportSnapshot()
      assert.strictEqual(exported["assets/logo.png"], Buffer.from(LOGO).toString("base64"))
    })))

  it.effect("a JSON document that does not parse, or files that do not import, name the file or the failure", () =>
    run(Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      const broken = tempDir()
      Fs.writeFileSync(Path.join(broken, "roles.json"), "{ not json")
      const unparsed = yield* Effect.flip(SnapshotDir.read(broken))
      assert.include(unparsed.path, "roles.json")
      const dangling = { "roles.json": { roles: [{ name: "r", permissionNames: ["missing.permission"] }] } }
      const refused = yield* Effect.flip(emulator.importSnapshot(dangling))
      assert.include(refused.reason, "missing.permission")
    })))
})
