/**
 * mgmt.project through our client against the emulator (in-process): name and tags, the snapshot in
 * Descope's files shape (export → import → export the same, `format: "plain"`, `excludes`, unknown files
 * kept), validation failures, python-sdk's legacy export / import, and clone / listProjects / delete on
 * the emulator's projects (the clone answering to the same management key, with the source's settings).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2ProjectScenario00000000000"
const K = "project-management-key"

const run = emulatorRun(P, K)

/** A management call to another project of the emulator (its status and JSON body). */
const callAs = (projectId: string, path: string, body: unknown = {}) =>
  Effect.flatMap(HttpClient.HttpClient, (http) =>
    Effect.flatMap(
      http.execute(
        HttpClientRequest.post(`http://emulator.local${path}`).pipe(
          HttpClientRequest.setHeader("authorization", `Bearer ${projectId}:${K}`),
          HttpClientRequest.bodyUnsafeJson(body)
        )
      ),
      (r) => Effect.map(r.json, (json) => ({ status: r.status, json: json as Record<string, unknown> }))
    ))

const sortedKeys = (files: Readonly<Record<string, unknown>>) => Object.keys(files).sort()

describe("mgmt.project against the emulator", () => {
  it.effect("snapshot: export → import → export the same; plain format, excludes, files kept as given", () =>
    run(Effect.gen(function*() {
      const m = (yield* DescopeClient).mgmt
      yield* m.project.updateName("Main")
      yield* m.project.updateTags(["eu", "dev"])
      yield* m.permission.create({ name: "docs.read", description: "Read docs" })
      yield* m.permission.create({ name: "docs.write" })
      yield* m.role.create({ name: "editor", description: "Edits", permissionNames: ["docs.read", "docs.write"] })
      yield* m.flow.importFlow({ flowId: "sign-in", flow: { id: "sign-in", name: "Sign in", dsl: { steps: 1 } } })
      yield* m.flow.importTheme({ id: "th", cssTemplate: { dark: { color: "#000" } } })
      const exported = yield* m.project.exportSnapshot()
      assert.deepStrictEqual(exported["project.json"], { name: "Main", tags: ["eu", "dev"] })
      assert.deepStrictEqual(exported["roles.json"], {
        roles: [{ name: "editor", description: "Edits", permissionNames: ["docs.read", "docs.write"] }]
      })
      // a flow is a folder, as in a real project's export (whichever shape it was imported in)
      assert.deepStrictEqual(exported["flows/sign-in/metadata.json"], { name: "Sign in", screens: [] })
      assert.deepStrictEqual(exported["flows/sign-in/contents.json"], { steps: 1 })
      assert.isUndefined(exported["flows/sign-in.json"])
      assert.deepStrictEqual(exported["themes/theme.json"], {
        theme: { id: "th", cssTemplate: { dark: { color: "#000" } } }
      })

      // a real project's files the emulator does not interpret are kept, assets left out by "plain"
      const withOthers = {
        ...exported,
        "connectors/smtp.json": { id: "smtp", type: "smtp" },
        "assets/logo.png": "iVBORw0KGgo="
      }
      assert.deepStrictEqual(yield* m.project.validateSnapshot({ files: withOthers }), { ok: true })
      yield* m.project.importSnapshot({ files: withOthers })
      const again = yield* m.project.exportSnapshot()
      assert.deepStrictEqual(again, withOthers)
      // the flow read back from its folder answers as it was imported, in either shape
      assert.deepStrictEqual(yield* m.flow.exportFlow("sign-in"), {
        flow: { id: "sign-in", name: "Sign in", dsl: { steps: 1 } },
        screens: []
      })
      assert.deepStrictEqual(yield* m.flow.exportFlowV2("sign-in"), {
        flowId: "sign-in",
        metadata: { name: "Sign in" },
        contents: { steps: 1 },
        screens: []
      })
      assert.deepStrictEqual(
        sortedKeys(yield* m.project.exportSnapshot({ format: "plain" })),
        sortedKeys(exported).concat("connectors/smtp.json").sort()
      )

      // an import replaces what the files describe; excludes keep what they name
      yield* m.project.importSnapshot({
        files: {
          "project.json": { name: "Other" },
          "permissions.json": { permissions: [] },
          "roles.json": { roles: [] }
        },
        excludes: ["flows", "themes/theme.json", "project"]
      })
      const after = yield* m.project.exportSnapshot()
      assert.deepStrictEqual(after["roles.json"], { roles: [] })
      assert.deepStrictEqual(after["project.json"], { name: "Main", tags: ["eu", "dev"] })
      // a project.json without a name keeps the project's name
      yield* m.project.importSnapshot({ files: { ...after, "project.json": { tags: ["x"] } } })
      assert.deepStrictEqual((yield* m.project.exportSnapshot())["project.json"], { name: "Main", tags: ["x"] })
      assert.isDefined(after["flows/sign-in/metadata.json"])
      assert.isDefined(after["themes/theme.json"])
      assert.isUndefined(after["connectors/smtp.json"])
      assert.deepStrictEqual(yield* m.role.loadAll(), [])

      // the legacy export / import carry the same files
      yield* m.project.importProject(exported)
      assert.deepStrictEqual(yield* m.project.exportProject(), exported)
    })))

  it.effect("validateSnapshot reports what would not import; importSnapshot refuses it and changes nothing", () =>
    run(Effect.gen(function*() {
      const m = (yield* DescopeClient).mgmt
      yield* m.project.updateName("Kept")
      const bad = {
        "project.json": { name: "Renamed" },
        "roles.json": { roles: [{ name: "admin", permissionNames: ["nope"] }] },
        "flows/a.json": { flow: { id: "b" } },
        "permissions.json": ["not", "an", "object"]
      }
      const answer = yield* m.project.validateSnapshot({ files: bad })
      assert.isFalse(answer.ok)
      assert.strictEqual(answer.failures?.length, 3)
      assert.isTrue(answer.failures?.some((f) => f.includes("unknown permission nope")))
      assert.strictEqual(yield* failure(m.project.importSnapshot({ files: bad })), "AuthError:400")
      assert.deepStrictEqual((yield* m.project.exportSnapshot())["project.json"], { name: "Kept", tags: [] })
    })))

  it.effect("clone, listProjects and delete act on the emulator's projects", () =>
    run(Effect.gen(function*() {
      const m = (yield* DescopeClient).mgmt
      yield* m.project.updateName("Source")
      yield* m.permission.create({ name: "p1" })
      yield* m.role.create({ name: "r1", permissionNames: ["p1"] })
      yield* m.user.create({ loginId: "ada@example.com", email: "ada@example.com" })
      const cloned = yield* m.project.clone("Copy", "production", ["qa"])
      assert.deepStrictEqual(
        { name: cloned.projectName, environment: cloned.environment, tags: cloned.tags },
        { name: "Copy", environment: "production", tags: ["qa"] }
      )
      assert.notStrictEqual(cloned.projectId, P)
      const projects = yield* m.project.listProjects()
      assert.deepStrictEqual(
        projects.map((p) => [p.id, p.name]).sort(),
        [[P, "Source"], [cloned.projectId, "Copy"]].sort()
      )
      // the clone has the settings, not the users
      const exported = yield* callAs(cloned.projectId, "/v1/mgmt/project/snapshot/export")
      const files = exported.json.files as Record<string, unknown>
      assert.deepStrictEqual(files["roles.json"], { roles: [{ name: "r1", description: "", permissionNames: ["p1"] }] })
      assert.deepStrictEqual(files["project.json"], { name: "Copy", environment: "production", tags: ["qa"] })
      const users = yield* callAs(cloned.projectId, "/v2/mgmt/user/search", {})
      assert.deepStrictEqual(users.json.users, [])

      assert.strictEqual((yield* callAs(cloned.projectId, "/v1/mgmt/project/delete")).status, 200)
      assert.deepStrictEqual((yield* m.project.listProjects()).map((p) => p.id), [P])
      assert.strictEqual((yield* callAs(cloned.projectId, "/v1/mgmt/projects/list")).status, 401)
      // the emulator's default project is never deleted
      assert.strictEqual(yield* failure(m.project.delete()), "AuthError:400")
    })))

  it.effect("bad input is refused by the emulator", () =>
    run(Effect.gen(function*() {
      const m = (yield* DescopeClient).mgmt
      assert.strictEqual(yield* failure(m.project.clone("x", "staging" as "production")), "AuthError:400")
      assert.strictEqual(yield* failure(m.project.clone(" ")), "InvalidArgumentError")
      assert.strictEqual(yield* failure(m.project.updateName("")), "InvalidArgumentError")
    })))

  it.effect("flows and the theme, in the v1 and v2 shapes, are stored per project", () =>
    run(Effect.gen(function*() {
      const f = (yield* DescopeClient).mgmt.flow
      yield* f.importFlow({ flowId: "a", flow: { id: "a", name: "A", dsl: {} }, screens: [{ id: "s1" }] })
      const v2 = { flowId: "b", metadata: { name: "B" }, screens: [{ screenId: "x" }], references: { roles: {} } }
      yield* f.importFlowV2(v2)
      assert.deepStrictEqual(yield* f.exportFlowV2("b"), v2)
      assert.deepStrictEqual((yield* f.exportFlow("a")).screens, [{ id: "s1" }])
      assert.deepStrictEqual((yield* f.listFlows()).flows?.map((x) => [x.id, x.name]), [["a", "A"], ["b", "B"]])
      // one flow, answered in either shape (descopecli's conversions)
      assert.deepStrictEqual(yield* f.exportFlowV2("a"), {
        flowId: "a",
        metadata: { name: "A" },
        screens: [{ screenId: "s1" }]
      })
      assert.deepStrictEqual(yield* f.exportFlow("b"), { flow: { id: "b", name: "B" }, screens: [{ id: "x" }] })
      // an import in either shape replaces the flow of that id
      yield* f.importFlow({ flowId: "b", flow: { id: "b", name: "B1" } })
      assert.deepStrictEqual((yield* f.listFlows()).flows?.map((x) => [x.id, x.name]), [["a", "A"], ["b", "B1"]])
      assert.deepStrictEqual((yield* f.exportFlowV2("b")).metadata, { name: "B1" })
      yield* f.deleteFlows(["a", "b"])
      assert.deepStrictEqual((yield* f.listFlows()).total, 0)
      assert.strictEqual(yield* failure(f.exportFlow("a")), "AuthError:404")
      assert.strictEqual(yield* failure(f.exportFlowV2("b")), "AuthError:404")

      yield* f.importThemeV2({ styles: { dark: { c: 1 } }, componentsVersion: "2" })
      assert.deepStrictEqual(yield* f.exportThemeV2(), { styles: { dark: { c: 1 } }, componentsVersion: "2" })
      assert.deepStrictEqual(yield* f.importTheme({ id: "t", cssTemplate: { x: 1 } }), {
        id: "t",
        cssTemplate: { x: 1 }
      })
      assert.deepStrictEqual(yield* f.exportTheme(), { id: "t", cssTemplate: { x: 1 } })
    })))
})
