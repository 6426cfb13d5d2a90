/**
 * mgmt.fga and mgmt.authz through our client against the emulator (in-process): a schema in the FGA DSL,
 * relations, checks evaluated from the schema (sets, traversal, exclusion), a schema that does not parse
 * (a 400 naming line and column), and the ReBAC API answered from the same relations.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2FgaScenario000000000000000"
const K = "fga-management-key"

const run = <A, E>(effect: Effect.Effect<A, E, DescopeClient | Emulator.Emulator>) =>
  effect.pipe(
    Effect.provide(
      Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
        Layer.provide(Emulator.layerHttpClient)
      )
    ),
    Effect.provide(Emulator.layer({ projectId: P, managementKey: K }))
  )

const DSL = `model AuthZ 1.0

type user

type group
  relation member: user | group#member

type folder
  relation parent: folder
  relation owner: user | group#member
  relation viewer: user
  relation blocked: user
  permission can_edit: owner | parent.can_edit
  permission can_view: (viewer | can_edit | parent.can_view) - blocked
`

const rel = (resourceType: string, resource: string, relation: string, targetType: string, target: string) => ({
  resource,
  resourceType,
  relation,
  target,
  targetType
})

describe("mgmt.fga against the emulator", () => {
  it.effect("checks are evaluated from the saved schema: sets, traversal, exclusion", () =>
    run(Effect.gen(function*() {
      const fga = (yield* DescopeClient).mgmt.fga
      yield* fga.saveSchema({ dsl: DSL })
      assert.strictEqual((yield* fga.loadSchema()).dsl, DSL)
      yield* fga.createRelations([
        rel("group", "eng", "member", "user", "ada"),
        rel("group", "all", "member", "group", "eng#member"),
        rel("folder", "root", "owner", "group", "all#member"),
        rel("folder", "docs", "parent", "folder", "root"),
        rel("folder", "docs", "viewer", "user", "bob"),
        rel("folder", "docs", "blocked", "user", "eve"),
        rel("folder", "root", "viewer", "user", "eve")
      ])
      const asks = [
        rel("folder", "docs", "can_edit", "user", "ada"), // owner of root through two groups, docs' parent
        rel("folder", "docs", "can_view", "user", "ada"),
        rel("folder", "docs", "can_edit", "user", "bob"),
        rel("folder", "docs", "can_view", "user", "bob"),
        rel("folder", "root", "can_view", "user", "eve"),
        rel("folder", "docs", "can_view", "user", "eve") // viewer through the parent, but blocked
      ]
      const results = yield* fga.check(asks, { now: 1 })
      assert.deepStrictEqual(results.map((r) => r.allowed), [true, true, false, true, true, false])
      assert.deepStrictEqual(results.map((r) => r.tuple), asks)

      yield* fga.deleteRelations([rel("group", "eng", "member", "user", "ada")])
      assert.deepStrictEqual((yield* fga.check([asks[0]!])).map((r) => r.allowed), [false])
      yield* fga.deleteAllRelations()
      assert.deepStrictEqual((yield* fga.check([asks[3]!])).map((r) => r.allowed), [false])
    })))

  it.effect("a schema that does not parse is a 400 naming its line and column; a tuple the schema refuses is a 400", () =>
    run(Effect.gen(function*() {
      const fga = (yield* DescopeClient).mgmt.fga
      const bad = yield* Effect.flip(fga.saveSchema({ dsl: "model AuthZ 1.0\ntype doc\n  relation owner: usr\n" }))
      assert.strictEqual(bad._tag, "AuthError")
      assert.strictEqual((bad as unknown as { readonly status: number }).status, 400)
      assert.include(JSON.stringify(bad), "line 3, column 19")
      assert.include(JSON.stringify(bad), "unknown type")
      const syntax = yield* Effect.flip(fga.dryRunSchema({ dsl: "model AuthZ 1.0\ntype doc\n  permission p: (a | \n" }))
      assert.include(JSON.stringify(syntax), "line 3")
      yield* fga.saveSchema({ dsl: DSL })
      const refused = yield* Effect.flip(fga.createRelations([rel("folder", "f", "viewer", "group", "eng")]))
      assert.include(JSON.stringify(refused), "does not allow target type")
      const preview = yield* fga.dryRunSchema({
        dsl: "model AuthZ 1.0\ntype user\ntype folder\n  relation viewer: user\n"
      })
      assert.deepStrictEqual(preview.deletesPreview?.types, ["group"])
      assert.includeMembers([...(preview.deletesPreview?.relations ?? [])], ["folder#owner", "folder#can_view"])
    })))

  it.effect("resource details round trip", () =>
    run(Effect.gen(function*() {
      const fga = (yield* DescopeClient).mgmt.fga
      yield* fga.saveResourcesDetails([{ resourceId: "docs", resourceType: "folder", displayName: "Docs" }])
      const loaded = yield* fga.loadResourcesDetails([
        { resourceId: "docs", resourceType: "folder" },
        { resourceId: "none", resourceType: "folder" }
      ])
      assert.deepStrictEqual(loaded, [{ resourceId: "docs", resourceType: "folder", displayName: "Docs" }])
    })))
})

describe("mgmt.authz against the emulator (the same relation store)", () => {
  it.effect("namespaces, relation definitions, relations and queries", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      const authz = mgmt.authz
      yield* authz.saveSchema({
        name: "v1",
        namespaces: [
          { name: "org", relationDefinitions: [{ name: "member" }] },
          {
            name: "doc",
            relationDefinitions: [
              { name: "owner" },
              { name: "parent" },
              {
                name: "viewer",
                complexDefinition: {
                  nType: "union",
                  children: [
                    { nType: "child", expression: { neType: "self" } },
                    { nType: "child", expression: { neType: "targetSet", relationDefinition: "owner" } }
                  ]
                }
              }
            ]
          }
        ]
      }, true)
      assert.deepStrictEqual((yield* authz.loadSchema()).namespaces.map((n) => n.name), ["org", "doc"])
      yield* authz.createRelations([
        { resource: "acme", relationDefinition: "member", namespace: "org", target: "ada" },
        {
          resource: "d1",
          relationDefinition: "owner",
          namespace: "doc",
          targetSetResource: "acme",
          targetSetRelationDefinition: "member",
          targetSetRelationDefinitionNamespace: "org"
        },
        { resource: "d2", relationDefinition: "viewer", namespace: "doc", target: "bob" }
      ])
      const has = yield* authz.hasRelations([
        { resource: "d1", relationDefinition: "viewer", namespace: "doc", target: "ada" },
        { resource: "d1", relationDefinition: "viewer", namespace: "doc", target: "bob" }
      ])
      assert.deepStrictEqual(has.map((q) => q.hasRelation), [true, false])
      assert.deepStrictEqual(yield* authz.whoCanAccess("d1", "viewer", "doc"), ["ada"])
      assert.deepStrictEqual(yield* authz.whatCanTargetAccessWithRelation("ada", "viewer", "doc"), [{ resource: "d1" }])
      const all = yield* authz.whatCanTargetAccess("ada")
      assert.includeDeepMembers([...all], [
        { resource: "acme", relationDefinition: "member", namespace: "org", target: "ada" },
        { resource: "d1", relationDefinition: "owner", namespace: "doc", target: "ada" },
        { resource: "d1", relationDefinition: "viewer", namespace: "doc", target: "ada" }
      ])
      assert.strictEqual((yield* authz.resourceRelations("d1")).length, 1)
      assert.strictEqual((yield* authz.resourceRelations("d1", true)).length, 0)
      assert.strictEqual((yield* authz.targetsRelations(["ada"])).length, 1)
      assert.strictEqual((yield* authz.targetsRelations(["ada"], true)).length, 2)
      const modified = yield* authz.getModified(new Date(0))
      assert.isTrue(modified.schemaChanged)
      assert.includeMembers([...modified.resources], ["acme", "d1", "d2"])

      yield* authz.deleteRelationsForIds(["acme"])
      assert.deepStrictEqual(yield* authz.whoCanAccess("d1", "viewer", "doc"), [])
      yield* authz.deleteResourceRelationsForResources(["d2"])
      assert.deepStrictEqual(yield* authz.whoCanAccess("d2", "viewer", "doc"), [])

      yield* authz.saveRelationDefinition({ name: "editor" }, "doc")
      yield* authz.saveNamespace({ name: "team", relationDefinitions: [{ name: "lead" }] })
      yield* authz.deleteRelationDefinition("parent", "doc")
      yield* authz.deleteNamespace("org")
      const schema = yield* authz.loadSchema()
      assert.deepStrictEqual(schema.namespaces.map((n) => n.name).sort(), ["doc", "team"])
      assert.deepStrictEqual(
        schema.namespaces.find((n) => n.name === "doc")?.relationDefinitions.map((r) => r.name).sort(),
        ["editor", "owner", "viewer"]
      )
      yield* mgmt.fga.deleteSchema()
      assert.deepStrictEqual((yield* authz.loadSchema()).namespaces, [])
    })))
})
