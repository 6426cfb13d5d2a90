/**
 * A project snapshot as a directory (the CLI's `--import dir` / `--export-on-exit dir` read and write a
 * project's Descope snapshot files under `<dir>/<projectId>/`), by the rules of Descope's own snapshot
 * tool (descopecli): a directory shaped like a real project's export (settings the emulator interprets,
 * files it does not: connectors, a text template, images) imports into a project, and exports back with
 * every image byte for byte and the JSON documents equal; hidden entries, `__MACOSX` and files of other
 * kinds are not part of it; export → write → read → import → export is stable; over the API an image is
 * base64 and a text file is its text.
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
/** An SVG is text, but an image: base64 in the snapshot's files, as Descope's tool reads it. */
const ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>é</title></svg>"
const TEMPLATE = "<p>Hello {{user.name}} é</p>\n"

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
  put("templates/welcome.html", TEMPLATE)
  put("assets/logo.png", LOGO)
  put("assets/icon.svg", ICON)
  // not part of a snapshot, for Descope's tool: hidden entries, macOS archive leftovers, other kinds of file
  put(".DS_Store", LOGO)
  put("assets/.hidden.png", LOGO)
  put(".git/config.json", "{}")
  put("__MACOSX/roles.json", "{}")
  put("notes.md", "# notes\n")
}

const tempDir = () => Fs.mkdtempSync(Path.join(Os.tmpdir(), "descope-snapshot-dir-"))

describe("a project snapshot as a directory", () => {
  it.effect("a real project's export shape imports, and exports back byte for byte (assets) and equal (JSON)", () =>
    run(Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      const source = tempDir()
      writeExportLikeDir(source)
      const files = yield* SnapshotDir.read(source)
      assert.deepStrictEqual(Object.keys(files), [
        "assets/icon.svg",
        "assets/logo.png",
        "connectors/smtp.json",
        "flows/sign-in.json",
        "permissions.json",
        "project.json",
        "roles.json",
        "templates/welcome.html"
      ])
      assert.strictEqual(files["assets/logo.png"], Buffer.from(LOGO).toString("base64"))
      assert.strictEqual(files["assets/icon.svg"], Buffer.from(ICON).toString("base64"))
      assert.strictEqual(files["templates/welcome.html"], TEMPLATE)
      yield* emulator.importSnapshot(files)

      // the interpreted parts took effect
      const m = (yield* DescopeClient).mgmt
      const roles = yield* m.role.loadAll()
      assert.deepStrictEqual(roles.map((r) => [r.name, r.permissionNames]), [["reader", ["docs.read"]]])

      const out = tempDir()
      yield* SnapshotDir.write(out, yield* emulator.exportSnapshot())
      assert.deepStrictEqual(Fs.readFileSync(Path.join(out, "assets/logo.png")), Buffer.from(LOGO))
      assert.strictEqual(Fs.readFileSync(Path.join(out, "assets/icon.svg"), "utf8"), ICON)
      assert.strictEqual(Fs.readFileSync(Path.join(out, "templates/welcome.html"), "utf8"), TEMPLATE)
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

      // over the API (mgmt.project.exportSnapshot) an image travels in base64, a text file as its text
      const exported = yield* m.project.exportSnapshot()
      assert.strictEqual(exported["assets/logo.png"], Buffer.from(LOGO).toString("base64"))
      assert.strictEqual(exported["assets/icon.svg"], Buffer.from(ICON).toString("base64"))
      assert.strictEqual(exported["templates/welcome.html"], TEMPLATE)
    })))

  it.effect("writes as Descope's tool does: text with a final newline, an image from its base64", () =>
    Effect.gen(function*() {
      const out = tempDir()
      yield* SnapshotDir.write(out, {
        "a.json": { b: 1 },
        "t/hello.txt": "hello",
        "t/empty.txt": "",
        "i/logo.png": Buffer.from(LOGO).toString("base64"),
        // not base64: kept as it is rather than lost
        "i/raw.svg": "<svg/>"
      })
      assert.strictEqual(Fs.readFileSync(Path.join(out, "a.json"), "utf8"), "{\n  \"b\": 1\n}\n")
      assert.strictEqual(Fs.readFileSync(Path.join(out, "t/hello.txt"), "utf8"), "hello\n")
      assert.strictEqual(Fs.readFileSync(Path.join(out, "t/empty.txt"), "utf8"), "")
      assert.deepStrictEqual(Fs.readFileSync(Path.join(out, "i/logo.png")), Buffer.from(LOGO))
      assert.strictEqual(Fs.readFileSync(Path.join(out, "i/raw.svg"), "utf8"), "<svg/>")
    }))

  it.effect("a JSON document that does not parse, or files that do not import, name the file or the failure", () =>
    run(Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      const broken = tempDir()
      Fs.writeFileSync(Path.join(broken, "roles.json"), "{ not json")
      const unparsed = yield* Effect.flip(SnapshotDir.read(broken))
      assert.include(unparsed.path, "roles.json")
      const listDoc = tempDir()
      Fs.writeFileSync(Path.join(listDoc, "roles.json"), "[]")
      const notAnObject = yield* Effect.flip(SnapshotDir.read(listDoc))
      assert.include(notAnObject.path, "roles.json")
      assert.include(notAnObject.reason, "object")
      const dangling = { "roles.json": { roles: [{ name: "r", permissionNames: ["missing.permission"] }] } }
      const refused = yield* Effect.flip(emulator.importSnapshot(dangling))
      assert.include(refused.reason, "missing.permission")
    })))
})
