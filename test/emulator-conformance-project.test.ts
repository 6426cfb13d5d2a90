/**
 * Conformance of the project operations added for issue 15: the official `@descope/node-sdk` runs them over
 * loopback against the emulator's real server: a snapshot round trip, a project cloned (the clone answering
 * to the same management key with the source's settings), listed, and deleted; a flow of a real export (a
 * folder of metadata, contents and screens) imported, listed and exported.
 */
import DescopeClient from "@descope/node-sdk"
import { assert, describe, it } from "@effect/vitest"
import { nodeSdkOnEmulator } from "./support/nodeSdkOnEmulator.js"

const PROJECT_ID = "P2ConformanceProject00000000"
const MANAGEMENT_KEY = "conformance-project-management-key"

let baseUrl = ""
let sdk: ReturnType<typeof DescopeClient>
nodeSdkOnEmulator(PROJECT_ID, MANAGEMENT_KEY, (loopback) => {
  baseUrl = loopback.baseUrl
  sdk = loopback.sdk
})

describe("node-sdk conformance of the project operations (loopback)", () => {
  it("project: snapshot round trip, clone, list, delete", async () => {
    const m = sdk.management
    assert.isTrue((await m.project.updateName("Main")).ok)
    assert.isTrue((await m.permission.create("docs.read")).ok)
    assert.isTrue((await m.role.create("reader", "", ["docs.read"])).ok)
    const exported = await m.project.exportSnapshot()
    assert.isTrue(exported.ok)
    const files = exported.data!.files
    assert.deepStrictEqual((await m.project.validateSnapshot({ files })).data, { ok: true })
    assert.isTrue((await m.project.importSnapshot({ files })).ok)
    assert.deepStrictEqual((await m.project.exportSnapshot()).data!.files, files)

    const cloned = await m.project.clone("Copy", "production", ["qa"])
    assert.isTrue(cloned.ok)
    const copyId = cloned.data!.projectId
    assert.deepStrictEqual(
      (await m.project.listProjects()).data!.map((p) => p.name).sort(),
      ["Copy", "Main"]
    )
    const copy = DescopeClient({ projectId: copyId, baseUrl, managementKey: MANAGEMENT_KEY })
    assert.deepStrictEqual((await copy.management.role.loadAll()).data!.map((r) => r.name), ["reader"])
    assert.isTrue((await copy.management.project.delete()).ok)
    assert.deepStrictEqual((await m.project.listProjects()).data!.map((p) => p.id), [PROJECT_ID])
  })

  it("a flow of a real export (its folder) imports, and node-sdk lists and exports it", async () => {
    const m = sdk.management
    const flow = {
      "flows/welcome/metadata.json": { name: "Welcome", screens: ["hello"] },
      "flows/welcome/contents.json": { startTask: "1", tasks: { "1": { id: "1", screenId: "SC1", type: "screen" } } },
      "flows/welcome/screen-hello.json": { screenId: "SC1", contents: { ROOT: {} }, interactions: [] }
    }
    const files = { ...(await m.project.exportSnapshot()).data!.files, ...flow }
    assert.isTrue((await m.project.importSnapshot({ files })).ok)
    assert.deepStrictEqual((await m.flow.list()).data!.flows.map((f) => [f.id, f.name]), [["welcome", "Welcome"]])
    const exported = (await m.flow.export("welcome")).data!
    assert.deepStrictEqual(exported.flow.dsl, flow["flows/welcome/contents.json"])
    assert.deepStrictEqual(exported.screens.map((s) => s.id), ["SC1"])
    const again = (await m.project.exportSnapshot()).data!.files
    for (const [path, content] of Object.entries(flow)) assert.deepStrictEqual(again[path], content, path)
  })
})
