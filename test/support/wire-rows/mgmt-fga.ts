// The recorded-wire rows of FGA and authz (ReBAC) (run by test/management-fga-wire.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import { isVoid, type Row } from "../management.js"

const T1 = { resource: "doc1", resourceType: "doc", relation: "viewer", target: "u1", targetType: "user" }
const DSL = "model AuthZ 1.0\n\ntype user\n\ntype doc\n  relation viewer: user\n"
const R1 = { resource: "doc1", relationDefinition: "owner", namespace: "doc", target: "u1" }
const NS = { name: "doc", relationDefinitions: [{ name: "owner" }] }

export const fgaRows: ReadonlyArray<Row> = [
  {
    name: "fga.saveSchema",
    run: (m) => m.fga.saveSchema({ dsl: DSL }),
    method: "POST",
    path: "/v1/mgmt/fga/schema",
    body: { dsl: DSL },
    check: isVoid
  },
  {
    name: "fga.loadSchema",
    run: (m) => m.fga.loadSchema(),
    method: "GET",
    path: "/v1/mgmt/fga/schema",
    response: { dsl: DSL },
    check: (r) => assert.deepStrictEqual(r, { dsl: DSL })
  },
  {
    name: "fga.dryRunSchema",
    run: (m) => m.fga.dryRunSchema({ dsl: DSL }),
    method: "POST",
    path: "/v1/mgmt/fga/schema/dryrun",
    body: { dsl: DSL },
    response: { deletesPreview: { relations: ["r"], types: ["folder"] } },
    check: (r) => assert.deepStrictEqual(r, { deletesPreview: { relations: ["r"], types: ["folder"] } })
  },
  {
    name: "fga.deleteSchema",
    run: (m) => m.fga.deleteSchema(),
    method: "POST",
    path: "/v1/mgmt/authz/schema/delete",
    body: {},
    check: isVoid
  },
  {
    name: "fga.createRelations",
    run: (m) => m.fga.createRelations([T1]),
    method: "POST",
    path: "/v1/mgmt/fga/relations",
    body: { tuples: [T1] },
    check: isVoid
  },
  {
    name: "fga.deleteRelations",
    run: (m) => m.fga.deleteRelations([T1]),
    method: "POST",
    path: "/v1/mgmt/fga/relations/delete",
    body: { tuples: [T1] },
    check: isVoid
  },
  {
    name: "fga.deleteAllRelations",
    run: (m) => m.fga.deleteAllRelations(),
    method: "DELETE",
    path: "/v1/mgmt/fga/relations",
    check: isVoid
  },
  {
    name: "fga.check",
    run: (m) => m.fga.check([T1, { ...T1, relation: "owner" }]),
    method: "POST",
    path: "/v1/mgmt/fga/check",
    body: { tuples: [T1, { ...T1, relation: "owner" }] },
    response: { tuples: [{ allowed: true, tuple: T1 }, { allowed: false, tuple: { ...T1, relation: "owner" } }] },
    check: (r) =>
      assert.deepStrictEqual(r, [{ allowed: true, tuple: T1 }, { allowed: false, tuple: { ...T1, relation: "owner" } }])
  },
  {
    name: "fga.check (with context)",
    run: (m) => m.fga.check([T1], { ip: "10.0.0.1" }),
    method: "POST",
    path: "/v1/mgmt/fga/check",
    body: { tuples: [T1], context: { ip: "10.0.0.1" } },
    response: { tuples: [{ allowed: true, tuple: T1 }] },
    check: (r) => assert.deepStrictEqual(r, [{ allowed: true, tuple: T1 }])
  },
  {
    name: "fga.loadResourcesDetails",
    run: (m) => m.fga.loadResourcesDetails([{ resourceId: "doc1", resourceType: "doc" }]),
    method: "POST",
    path: "/v1/mgmt/fga/resources/load",
    body: { resourceIdentifiers: [{ resourceId: "doc1", resourceType: "doc" }] },
    response: { resourcesDetails: [{ resourceId: "doc1", resourceType: "doc", displayName: "Doc" }] },
    check: (r) => assert.deepStrictEqual(r, [{ resourceId: "doc1", resourceType: "doc", displayName: "Doc" }])
  },
  {
    name: "fga.saveResourcesDetails",
    run: (m) => m.fga.saveResourcesDetails([{ resourceId: "doc1", resourceType: "doc", displayName: "Doc" }]),
    method: "POST",
    path: "/v1/mgmt/fga/resources/save",
    body: { resourcesDetails: [{ resourceId: "doc1", resourceType: "doc", displayName: "Doc" }] },
    check: isVoid
  },
  {
    name: "fga.loadMappableSchema",
    run: (m) => m.fga.loadMappableSchema("T1", { resourcesLimit: 5 }),
    method: "GET",
    path: "/v1/mgmt/fga/mappable/schema",
    query: { tenantId: "T1", resourcesLimit: "5" },
    response: { mappableResources: [{ type: "doc", resources: [{ resource: "doc1" }] }] },
    check: (r) => assert.deepStrictEqual(r, { mappableResources: [{ type: "doc", resources: [{ resource: "doc1" }] }] })
  },
  {
    name: "fga.searchMappableResources",
    run: (m) => m.fga.searchMappableResources("T1", [{ type: "doc", queries: ["do"] }], { resourcesLimit: 5 }),
    method: "POST",
    path: "/v1/mgmt/fga/mappable/resources",
    body: { tenantId: "T1", resourcesQueries: [{ type: "doc", queries: ["do"] }], resourcesLimit: "5" },
    response: { mappableResources: [{ type: "doc", resources: [{ resource: "doc1" }] }] },
    check: (r) => assert.deepStrictEqual(r, [{ type: "doc", resources: [{ resource: "doc1" }] }])
  }
]

export const authzRows: ReadonlyArray<Row> = [
  {
    name: "authz.saveSchema",
    run: (m) => m.authz.saveSchema({ name: "v1", namespaces: [NS] }, true),
    method: "POST",
    path: "/v1/mgmt/authz/schema/save",
    body: { schema: { name: "v1", namespaces: [NS] }, upgrade: true },
    check: isVoid
  },
  {
    name: "authz.deleteSchema",
    run: (m) => m.authz.deleteSchema(),
    method: "POST",
    path: "/v1/mgmt/authz/schema/delete",
    body: {},
    check: isVoid
  },
  {
    name: "authz.loadSchema",
    run: (m) => m.authz.loadSchema(),
    method: "POST",
    path: "/v1/mgmt/authz/schema/load",
    body: {},
    response: { schema: { name: "v1", namespaces: [NS] } },
    check: (r) => assert.deepStrictEqual(r, { name: "v1", namespaces: [NS] })
  },
  {
    name: "authz.saveNamespace",
    run: (m) => m.authz.saveNamespace(NS, "document", "v2"),
    method: "POST",
    path: "/v1/mgmt/authz/ns/save",
    body: { namespace: NS, oldName: "document", schemaName: "v2" },
    check: isVoid
  },
  {
    name: "authz.deleteNamespace",
    run: (m) => m.authz.deleteNamespace("doc", "v2"),
    method: "POST",
    path: "/v1/mgmt/authz/ns/delete",
    body: { name: "doc", schemaName: "v2" },
    check: isVoid
  },
  {
    name: "authz.saveRelationDefinition",
    run: (m) => m.authz.saveRelationDefinition({ name: "owner" }, "doc", "admin", "v2"),
    method: "POST",
    path: "/v1/mgmt/authz/rd/save",
    body: { relationDefinition: { name: "owner" }, namespace: "doc", oldName: "admin", schemaName: "v2" },
    check: isVoid
  },
  {
    name: "authz.deleteRelationDefinition",
    run: (m) => m.authz.deleteRelationDefinition("owner", "doc", "v2"),
    method: "POST",
    path: "/v1/mgmt/authz/rd/delete",
    body: { name: "owner", namespace: "doc", schemaName: "v2" },
    check: isVoid
  },
  {
    name: "authz.createRelations",
    run: (m) => m.authz.createRelations([R1]),
    method: "POST",
    path: "/v1/mgmt/authz/re/create",
    body: { relations: [R1] },
    check: isVoid
  },
  {
    name: "authz.deleteRelations",
    run: (m) => m.authz.deleteRelations([R1]),
    method: "POST",
    path: "/v1/mgmt/authz/re/delete",
    body: { relations: [R1] },
    check: isVoid
  },
  {
    name: "authz.deleteRelationsForIds",
    run: (m) => m.authz.deleteRelationsForIds(["doc1", "u1"]),
    method: "POST",
    path: "/v1/mgmt/authz/re/deleteresources",
    body: { resources: ["doc1", "u1"] },
    check: isVoid
  },
  {
    name: "authz.deleteResourceRelationsForResources",
    run: (m) => m.authz.deleteResourceRelationsForResources(["doc1"]),
    method: "POST",
    path: "/v1/mgmt/authz/re/deleteresourcesrelations",
    body: { resources: ["doc1"] },
    check: isVoid
  },
  {
    name: "authz.hasRelations",
    run: (m) => m.authz.hasRelations([R1]),
    method: "POST",
    path: "/v1/mgmt/authz/re/has",
    body: { relationQueries: [R1] },
    response: { relationQueries: [{ ...R1, hasRelation: true }] },
    check: (r) => assert.deepStrictEqual(r, [{ ...R1, hasRelation: true }])
  },
  {
    name: "authz.whoCanAccess",
    run: (m) => m.authz.whoCanAccess("doc1", "owner", "doc"),
    method: "POST",
    path: "/v1/mgmt/authz/re/who",
    body: { resource: "doc1", relationDefinition: "owner", namespace: "doc" },
    response: { targets: ["u1"] },
    check: (r) => assert.deepStrictEqual(r, ["u1"])
  },
  {
    name: "authz.resourceRelations",
    run: (m) => m.authz.resourceRelations("doc1"),
    method: "POST",
    path: "/v1/mgmt/authz/re/resource",
    body: { resource: "doc1", ignoreTargetSetRelations: false },
    response: { relations: [R1] },
    check: (r) => assert.deepStrictEqual(r, [R1])
  },
  {
    name: "authz.targetsRelations",
    run: (m) => m.authz.targetsRelations(["u1"], true),
    method: "POST",
    path: "/v1/mgmt/authz/re/targets",
    body: { targets: ["u1"], includeTargetSetRelations: true },
    response: { relations: [R1] },
    check: (r) => assert.deepStrictEqual(r, [R1])
  },
  {
    name: "authz.whatCanTargetAccess",
    run: (m) => m.authz.whatCanTargetAccess("u1"),
    method: "POST",
    path: "/v1/mgmt/authz/re/targetall",
    body: { target: "u1" },
    response: { relations: [R1] },
    check: (r) => assert.deepStrictEqual(r, [R1])
  },
  {
    name: "authz.whatCanTargetAccessWithRelation",
    run: (m) => m.authz.whatCanTargetAccessWithRelation("u1", "owner", "doc"),
    method: "POST",
    path: "/v1/mgmt/authz/re/targetwithrelation",
    body: { target: "u1", relationDefinition: "owner", namespace: "doc" },
    response: { resources: ["doc1"] },
    check: (r) => assert.deepStrictEqual(r, [{ resource: "doc1" }])
  },
  {
    name: "authz.getModified",
    run: (m) => m.authz.getModified(new Date(1700000000000)),
    method: "POST",
    path: "/v1/mgmt/authz/getmodified",
    body: { since: 1700000000000 },
    response: { resources: ["doc1"], targets: ["u1"], schemaChanged: true },
    check: (r) => assert.deepStrictEqual(r, { resources: ["doc1"], targets: ["u1"], schemaChanged: true })
  }
]
