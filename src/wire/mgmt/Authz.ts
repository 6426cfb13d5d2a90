/**
 * ReBAC authorization (the older API beside FGA): `/v1/mgmt/authz/*`.
 * A schema of namespaces and relation definitions, relations between a
 * resource and a target, and queries over them.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, opt, optional, Strings } from "../Fields.js"

/**
 * An expression node of a relation definition.
 *
 * @since 0.2.0
 * @category schemas
 */
export const NodeExpression = lazy(() =>
  Schema.Struct({
    neType: Schema.String,
    relationDefinition: optional(Schema.String),
    relationDefinitionNamespace: optional(Schema.String),
    targetRelationDefinition: optional(Schema.String),
    targetRelationDefinitionNamespace: optional(Schema.String)
  })
)

/**
 * A node of a complex relation definition (`child`, `union`, `intersect`, `sub`).
 *
 * @since 0.2.0
 * @category models
 */
export interface Node {
  readonly nType: string
  readonly children?: ReadonlyArray<Node> | undefined
  readonly expression?: typeof NodeExpression.Type | undefined
}

/**
 * @since 0.2.0
 * @category schemas
 */
export const Node: Schema.Schema<Node> = lazy(() =>
  Schema.Struct({
    nType: Schema.String,
    children: optional(Schema.Array(Schema.suspend((): Schema.Schema<Node> => Node))),
    expression: optional(NodeExpression)
  })
)

/**
 * A relation definition of a namespace.
 *
 * @since 0.2.0
 * @category schemas
 */
export const RelationDefinition = lazy(() => Schema.Struct({ name: Schema.String, complexDefinition: optional(Node) }))

/**
 * A namespace (a type of resource) and its relation definitions.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Namespace = lazy(() =>
  Schema.Struct({
    name: Schema.String,
    relationDefinitions: Schema.Array(RelationDefinition)
  })
)

/**
 * A schema: every namespace of the project.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AuthzSchema = lazy(() =>
  Schema.Struct({ name: optional(Schema.String), namespaces: Schema.Array(Namespace) })
)

/**
 * @since 0.2.0
 * @category models
 */
export type AuthzSchema = typeof AuthzSchema.Type

/**
 * A relation: `target` (or the set `targetSetResource#targetSetRelationDefinition`) has `relationDefinition`
 * of `namespace` on `resource`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Relation = lazy(() =>
  Schema.Struct({
    resource: Schema.String,
    relationDefinition: Schema.String,
    namespace: Schema.String,
    target: optional(Schema.String),
    targetSetResource: optional(Schema.String),
    targetSetRelationDefinition: optional(Schema.String),
    targetSetRelationDefinitionNamespace: optional(Schema.String),
    query: optional(JsonObject)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Relation = typeof Relation.Type

/**
 * A relation query and, in the answer, whether it holds.
 *
 * @since 0.2.0
 * @category schemas
 */
export const RelationQuery = lazy(() =>
  Schema.Struct({
    resource: Schema.String,
    relationDefinition: Schema.String,
    namespace: Schema.String,
    target: Schema.String,
    hasRelation: optional(Schema.Boolean)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type RelationQuery = typeof RelationQuery.Type

/**
 * What changed since a time: resources, targets, and whether the schema changed.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Modified = lazy(() =>
  Schema.Struct({
    resources: opt(Strings),
    targets: opt(Strings),
    schemaChanged: opt(Schema.Boolean)
  })
)

const Relations = lazy(() => Schema.Struct({ relations: Schema.Array(Relation) }))
const RelationsAnswer = lazy(() => Schema.Struct({ relations: opt(Schema.Array(Relation)) }))
const Resources = lazy(() => Schema.Struct({ resources: Strings }))

const mgmt = <const Path extends string, Req, ReqI, Res, ResI>(
  name: string,
  path: Path,
  request: Schema.Schema<Req, ReqI>,
  response: Schema.Schema<Res, ResI>,
  description: string
) => Endpoint.post(name, path, { credential: "management", request, response, description })

/**
 * `POST /v1/mgmt/authz/schema/save`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const saveSchema = mgmt(
  "mgmt.authz.saveSchema",
  "/v1/mgmt/authz/schema/save",
  lazy(() => Schema.Struct({ schema: AuthzSchema, upgrade: optional(Bool) })),
  Endpoint.Empty,
  "Saves the ReBAC schema"
)

/**
 * `POST /v1/mgmt/authz/schema/delete` (also FGA's `deleteSchema`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteSchema = mgmt(
  "mgmt.authz.deleteSchema",
  "/v1/mgmt/authz/schema/delete",
  Endpoint.NoRequest,
  Endpoint.Empty,
  "Deletes the schema and every relation"
)

/**
 * `POST /v1/mgmt/authz/schema/load`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadSchema = mgmt(
  "mgmt.authz.loadSchema",
  "/v1/mgmt/authz/schema/load",
  Endpoint.NoRequest,
  lazy(() => Schema.Struct({ schema: opt(AuthzSchema) })),
  "Loads the ReBAC schema"
)

/**
 * `POST /v1/mgmt/authz/ns/save`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const saveNamespace = mgmt(
  "mgmt.authz.saveNamespace",
  "/v1/mgmt/authz/ns/save",
  lazy(() =>
    Schema.Struct({
      namespace: Namespace,
      oldName: optional(Schema.String),
      schemaName: optional(Schema.String)
    })
  ),
  Endpoint.Empty,
  "Saves a namespace"
)

/**
 * `POST /v1/mgmt/authz/ns/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteNamespace = mgmt(
  "mgmt.authz.deleteNamespace",
  "/v1/mgmt/authz/ns/delete",
  lazy(() => Schema.Struct({ name: Schema.String, schemaName: optional(Schema.String) })),
  Endpoint.Empty,
  "Deletes a namespace and its relations"
)

/**
 * `POST /v1/mgmt/authz/rd/save`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const saveRelationDefinition = mgmt(
  "mgmt.authz.saveRelationDefinition",
  "/v1/mgmt/authz/rd/save",
  lazy(() =>
    Schema.Struct({
      relationDefinition: RelationDefinition,
      namespace: Schema.String,
      oldName: optional(Schema.String),
      schemaName: optional(Schema.String)
    })
  ),
  Endpoint.Empty,
  "Saves a relation definition"
)

/**
 * `POST /v1/mgmt/authz/rd/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteRelationDefinition = mgmt(
  "mgmt.authz.deleteRelationDefinition",
  "/v1/mgmt/authz/rd/delete",
  lazy(() => Schema.Struct({ name: Schema.String, namespace: Schema.String, schemaName: optional(Schema.String) })),
  Endpoint.Empty,
  "Deletes a relation definition and its relations"
)

/**
 * `POST /v1/mgmt/authz/re/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createRelations = mgmt(
  "mgmt.authz.createRelations",
  "/v1/mgmt/authz/re/create",
  Relations,
  Endpoint.Empty,
  "Creates ReBAC relations"
)

/**
 * `POST /v1/mgmt/authz/re/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteRelations = mgmt(
  "mgmt.authz.deleteRelations",
  "/v1/mgmt/authz/re/delete",
  Relations,
  Endpoint.Empty,
  "Deletes ReBAC relations"
)

/**
 * `POST /v1/mgmt/authz/re/deleteresources`: relations whose resource or target is one of the ids.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteRelationsForResources = mgmt(
  "mgmt.authz.deleteRelationsForResources",
  "/v1/mgmt/authz/re/deleteresources",
  Resources,
  Endpoint.Empty,
  "Deletes the relations of resources or targets"
)

/**
 * `POST /v1/mgmt/authz/re/deleteresourcesrelations`: relations whose resource is one of the ids.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteResourceRelationsForResources = mgmt(
  "mgmt.authz.deleteResourceRelationsForResources",
  "/v1/mgmt/authz/re/deleteresourcesrelations",
  Resources,
  Endpoint.Empty,
  "Deletes the relations of resources"
)

/**
 * `POST /v1/mgmt/authz/re/has`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const hasRelations = mgmt(
  "mgmt.authz.hasRelations",
  "/v1/mgmt/authz/re/has",
  lazy(() => Schema.Struct({ relationQueries: Schema.Array(RelationQuery) })),
  lazy(() => Schema.Struct({ relationQueries: opt(Schema.Array(RelationQuery)) })),
  "Checks ReBAC relations (with the schema)"
)

/**
 * `POST /v1/mgmt/authz/re/who`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const whoCanAccess = mgmt(
  "mgmt.authz.whoCanAccess",
  "/v1/mgmt/authz/re/who",
  lazy(() => Schema.Struct({ resource: Schema.String, relationDefinition: Schema.String, namespace: Schema.String })),
  lazy(() => Schema.Struct({ targets: opt(Strings) })),
  "Lists the targets with a relation on a resource"
)

/**
 * `POST /v1/mgmt/authz/re/resource`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const resourceRelations = mgmt(
  "mgmt.authz.resourceRelations",
  "/v1/mgmt/authz/re/resource",
  lazy(() => Schema.Struct({ resource: Schema.String, ignoreTargetSetRelations: optional(Bool) })),
  RelationsAnswer,
  "Lists the relations defined on a resource"
)

/**
 * `POST /v1/mgmt/authz/re/targets`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const targetsRelations = mgmt(
  "mgmt.authz.targetsRelations",
  "/v1/mgmt/authz/re/targets",
  lazy(() => Schema.Struct({ targets: Strings, includeTargetSetRelations: optional(Bool) })),
  RelationsAnswer,
  "Lists the relations defined for targets"
)

/**
 * `POST /v1/mgmt/authz/re/targetall`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const whatCanTargetAccess = mgmt(
  "mgmt.authz.whatCanTargetAccess",
  "/v1/mgmt/authz/re/targetall",
  lazy(() => Schema.Struct({ target: Schema.String })),
  RelationsAnswer,
  "Lists every relation of a target, derived ones included"
)

/**
 * `POST /v1/mgmt/authz/re/targetwithrelation`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const whatCanTargetAccessWithRelation = mgmt(
  "mgmt.authz.whatCanTargetAccessWithRelation",
  "/v1/mgmt/authz/re/targetwithrelation",
  lazy(() => Schema.Struct({ target: Schema.String, relationDefinition: Schema.String, namespace: Schema.String })),
  lazy(() => Schema.Struct({ resources: opt(Strings) })),
  "Lists the resources a target has a relation on"
)

/**
 * `POST /v1/mgmt/authz/getmodified`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getModified = mgmt(
  "mgmt.authz.getModified",
  "/v1/mgmt/authz/getmodified",
  lazy(() => Schema.Struct({ since: Schema.Number })),
  Modified,
  "Lists what changed since a time"
)
