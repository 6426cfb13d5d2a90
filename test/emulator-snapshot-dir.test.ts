/**
 * A project snapshot as a directory (the CLI's `--import dir` / `--export-on-exit dir` read and write a
 * project's Descope snapshot files under `<dir>/<projectId>/`), by the rules of Descope's own snapshot
 * tool (descopecli): a directory shaped like a real project's export (settings the emulator interprets,
 * a flow as its folder of metadata, contents and named screen files, files it does not interpret:
 * connectors, a text template, images) imports into a project, and exports back with every image and
 * the flow's files byte for byte and the JSON documents equal; hidden entries, `__MACOSX` and files of other
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

/**
 * The JSON documents of a real project's export, as Descope's tool writes them (Go's `json.MarshalIndent` of
 * maps: keys in order as strings, `"10"` before `"2"`; `<`, `>` and `&` escaped), typed here as text: the
 * settings the emulator models, with members it does not model (project settings, a role's and a custom
 * attribute's other fields, tenant attributes), a connector it does not interpret, and a flow as its folder
 * (metadata naming its screen files, contents, one file per screen, named after the screen, not by its id).
 */
const EXPORT: Readonly<Record<string, string>> = {
  "project.json": `{
  "name": "Imported",
  "tags": [
    "eu"
  ],
  "tokenResponseMethod": "cookie",
  "trustedDomains": [
    "app.example.com"
  ]
}
`,
  "permissions.json": `{
  "permissions": [
    {
      "description": "Read",
      "name": "docs.read"
    }
  ]
}
`,
  "roles.json": `{
  "roles": [
    {
      "description": "Reads",
      "name": "reader",
      "permissionNames": [
        "docs.read"
      ],
      "sso": {
        "groups": [
          "readers"
        ]
      }
    }
  ]
}
`,
  "attributes.json": `{
  "tenant": [
    {
      "name": "region",
      "type": 1
    }
  ],
  "user": [
    {
      "displayName": "Plan",
      "name": "plan",
      "type": 1,
      "visibility": "admins"
    }
  ]
}
`,
  "connectors/smtp.json": `{
  "host": "mail.example.com",
  "type": "smtp"
}
`,
  "flows/sign-in/metadata.json": `{
  "componentsVersion": "3.14.0",
  "description": "Signs users in \\u003cfast\\u003e \\u0026 safe",
  "disabled": false,
  "fingerprint": false,
  "name": "Sign In",
  "references": {
    "connectors": {
      "smtp": {
        "type": "smtp"
      }
    }
  },
  "screens": [
    "sign-in-screen",
    "link-sent"
  ],
  "sharedInteractions": [
    {
      "id": "2.success",
      "type": "success"
    }
  ]
}
`,
  "flows/sign-in/contents.json": `{
  "startTask": "1",
  "tasks": {
    "1": {
      "id": "1",
      "next": {
        "rules": [
          {
            "interactionId": "b1",
            "taskId": "10"
          }
        ]
      },
      "screenId": "SC2aaa",
      "type": "screen"
    },
    "10": {
      "action": "magiclink-send",
      "id": "10",
      "next": {
        "rules": [
          {
            "interactionId": "success",
            "taskId": "2"
          }
        ]
      },
      "type": "automated"
    },
    "2": {
      "id": "2",
      "next": {},
      "screenId": "SC2bbb",
      "type": "screen"
    }
  }
}
`,
  "flows/sign-in/screen-sign-in-screen.json": `{
  "contents": {
    "ROOT": {
      "displayName": "Container",
      "nodes": [],
      "props": {
        "id": "ROOT"
      }
    }
  },
  "interactions": [
    {
      "id": "b1",
      "label": "Continue"
    }
  ],
  "screenId": "SC2aaa"
}
`,
  "flows/sign-in/screen-link-sent.json": `{
  "contents": {
    "ROOT": {
      "nodes": []
    }
  },
  "screenId": "SC2bbb"
}
`
}

const doc = (path: string) => JSON.parse(EXPORT[path]!) as Record<string, unknown>

const writeExportLikeDir = (dir: string) => {
  const put = (path: string, content: string | Uint8Array) => {
    Fs.mkdirSync(Path.dirname(Path.join(dir, path)), { recursive: true })
    Fs.writeFileSync(Path.join(dir, path), content)
  }
  for (const [path, text] of Object.entries(EXPORT)) put(path, text)
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
        "attributes.json",
        "connectors/smtp.json",
        "flows/sign-in/contents.json",
        "flows/sign-in/metadata.json",
        "flows/sign-in/screen-link-sent.json",
        "flows/sign-in/screen-sign-in-screen.json",
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
      // the flow is one flow (listed, exported in either shape), its screens in its metadata's order
      assert.deepStrictEqual((yield* m.flow.listFlows()).flows, [{
        id: "sign-in",
        name: "Sign In",
        description: "Signs users in <fast> & safe",
        disabled: false
      }])
      const { references, screens: _, ...metadata } = doc("flows/sign-in/metadata.json")
      const signInScreen = doc("flows/sign-in/screen-sign-in-screen.json")
      const linkSent = doc("flows/sign-in/screen-link-sent.json")
      assert.deepStrictEqual(yield* m.flow.exportFlowV2("sign-in"), {
        flowId: "sign-in",
        metadata,
        contents: doc("flows/sign-in/contents.json"),
        screens: [signInScreen, linkSent],
        references
      })
      const v1 = yield* m.flow.exportFlow("sign-in")
      assert.deepStrictEqual(v1.flow.dsl, doc("flows/sign-in/contents.json"))
      assert.deepStrictEqual((v1.screens ?? []).map((x) => [x.id, x.htmlTemplate]), [
        ["SC2aaa", signInScreen.contents],
        ["SC2bbb", linkSent.contents]
      ])
      // the custom attributes the emulator models are the user's
      assert.deepStrictEqual((yield* m.user.getCustomAttributes()).map((a) => a.name), ["plan"])

      const out = tempDir()
      yield* SnapshotDir.write(out, yield* emulator.exportSnapshot())
      assert.deepStrictEqual(Fs.readFileSync(Path.join(out, "assets/logo.png")), Buffer.from(LOGO))
      assert.strictEqual(Fs.readFileSync(Path.join(out, "assets/icon.svg"), "utf8"), ICON)
      assert.strictEqual(Fs.readFileSync(Path.join(out, "templates/welcome.html"), "utf8"), TEMPLATE)
      // every document comes back byte for byte: the members the emulator does not model kept, the flow's
      // files under the names they had
      for (const [path, text] of Object.entries(EXPORT)) {
        assert.strictEqual(Fs.readFileSync(Path.join(out, path), "utf8"), text, path)
      }
      assert.deepStrictEqual(Fs.readdirSync(Path.join(out, "flows")), ["sign-in"])

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

  it.effect("writes as Descope's tool does: JSON as Go writes it, text with a final newline, an image from its base64", () =>
    Effect.gen(function*() {
      const out = tempDir()
      yield* SnapshotDir.write(out, {
        "a.json": { b: 1 },
        "go.json": { z: [{ y: 1, x: {} }], "10": "<a & b>", "2": [], a: "\u2028" },
        "t/hello.txt": "hello",
        "t/empty.txt": "",
        "i/logo.png": Buffer.from(LOGO).toString("base64"),
        // not base64: kept as it is rather than lost
        "i/raw.svg": "<svg/>"
      })
      assert.strictEqual(Fs.readFileSync(Path.join(out, "a.json"), "utf8"), "{\n  \"b\": 1\n}\n")
      assert.strictEqual(
        Fs.readFileSync(Path.join(out, "go.json"), "utf8"),
        [
          "{",
          "  \"10\": \"\\u003ca \\u0026 b\\u003e\",",
          "  \"2\": [],",
          "  \"a\": \"\\u2028\",",
          "  \"z\": [",
          "    {",
          "      \"x\": {},",
          "      \"y\": 1",
          "    }",
          "  ]",
          "}",
          ""
        ].join("\n")
      )
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
      // a flow folder whose metadata names a screen file it lacks, a folder without metadata
      const screenless = yield* Effect.flip(emulator.importSnapshot({
        "flows/a/metadata.json": { name: "A", screens: ["welcome"] },
        "flows/b/contents.json": {}
      }))
      assert.include(screenless.reason, "flows/a/screen-welcome.json: missing")
      assert.include(screenless.reason, "flows/b/metadata.json: missing")
      // a file of a flow's folder that its metadata does not name is kept as given, and goes with the flow
      yield* emulator.importSnapshot({
        "flows/a/metadata.json": { name: "A", screens: [] },
        "flows/a/screen-draft.json": { screenId: "SC9" }
      })
      assert.deepStrictEqual((yield* emulator.exportSnapshot())["flows/a/screen-draft.json"], { screenId: "SC9" })
      yield* (yield* DescopeClient).mgmt.flow.deleteFlows(["a"])
      const left = Object.keys(yield* emulator.exportSnapshot()).filter((path) => path.startsWith("flows/"))
      assert.deepStrictEqual(left, [])
    })))

  it.effect("a flow file of the console shape (the emulator's earlier exports) still imports, and exports as a folder", () =>
    run(Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      yield* emulator.importSnapshot({
        "flows/legacy.json": {
          flow: { id: "legacy", name: "Legacy", dsl: { startTask: "1" }, disabled: true },
          screens: [{ id: "SC1", htmlTemplate: { ROOT: {} }, interactions: [{ id: "go" }], componentsVersion: "2.0.1" }]
        }
      })
      const files = yield* emulator.exportSnapshot()
      assert.isUndefined(files["flows/legacy.json"])
      assert.deepStrictEqual(files["flows/legacy/metadata.json"], {
        componentsVersion: "2.0.1",
        disabled: true,
        name: "Legacy",
        screens: ["SC1"]
      })
      assert.deepStrictEqual(files["flows/legacy/contents.json"], { startTask: "1" })
      assert.deepStrictEqual(files["flows/legacy/screen-SC1.json"], {
        screenId: "SC1",
        interactions: [{ id: "go" }],
        contents: { ROOT: {} }
      })
    })))
})
