/**
 * Fine-grained authorization (FGA): `/v1/mgmt/fga/*`. A schema in Descope's
 * FGA DSL (`model AuthZ 1.0`), relations (tuples) between a resource and a
 * target, and checks evaluated against both.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { JsonObject, opt, optional } from "../Fields.js"

/**
 * A relation (tuple): `target` (of `targetType`) has `relation` on `resource` (of `resourceType`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Relation = lazy(() =>
  Schema.Struct({
    resource: Schema.String,
    resourceType: optional(Schema.String),
    relation: Schema.String,
    target: Schema.String,
    targetType: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Relation = typeof Relation.Type

/**
 * `{ dsl }`: a schema in the FGA DSL.
 *
 * @since 0.2.0
 * @category schemas
 */
export const FgaSchema = lazy(() => Schema.Struct({ dsl: Schema.String }))

/**
 * `{ tuples }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Tuples = lazy(() => Schema.Struct({ tuples: Schema.Array(Relation) }))

/**
 * `{ tuples, context? }`: the relations to check, with a context for the schema's conditions.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CheckRequest = lazy(() => Schema.Struct({ tuples: Schema.Array(Relation), context: optional(JsonObject) }))

/**
 * One answer of `check`: whether the relation holds.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CheckResult = lazy(() => Schema.Struct({ allowed: Schema.Boolean, tuple: Relation }))

/**
 * @since 0.2.0
 * @category models
 */
export type CheckResult = typeof CheckResult.Type

/**
 * `{ tuples }` of check results.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CheckResponse = lazy(() => Schema.Struct({ tuples: opt(Schema.Array(CheckResult)) }))

/**
 * What saving a schema would delete.
 *
 * @since 0.2.0
 * @category schemas
 */
export const DryRunResponse = lazy(() =>
  Schema.Struct({
    deletesPreview: opt(
      Schema.Struct({ relations: opt(Schema.Array(Schema.String)), types: opt(Schema.Array(Schema.String)) })
    )
  })
)

/**
 * A resource's identity.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ResourceIdentifier = lazy(() => Schema.Struct({ resourceId: Schema.String, resourceType: Schema.String }))

/**
 * A resource's details.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ResourceDetails = lazy(() =>
  Schema.Struct({
    resourceId: Schema.String,
    resourceType: Schema.String,
    displayName: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ResourceDetails = typeof ResourceDetails.Type

/**
 * A query of mappable resources of one type.
 *
 * @since 0.2.0
 * @category schemas
 */
export const MappableResourcesQuery = lazy(() =>
  Schema.Struct({ type: Schema.String, queries: Schema.Array(Schema.String) })
)

/**
 * Mappable resources of one type.
 *
 * @since 0.2.0
 * @category schemas
 */
export const MappableResources = lazy(() =>
  Schema.Struct({
    type: Schema.String,
    resources: opt(Schema.Array(Schema.Struct({ resource: Schema.String })))
  })
)

/**
 * `POST /v1/mgmt/fga/schema`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const saveSchema = Endpoint.post("mgmt.fga.saveSchema", "/v1/mgmt/fga/schema", {
  credential: "management",
  request: FgaSchema,
  response: Endpoint.Empty,
  description: "Saves the FGA schema (DSL)"
})

/**
 * `GET /v1/mgmt/fga/schema`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadSchema = Endpoint.get("mgmt.fga.loadSchema", "/v1/mgmt/fga/schema", {
  credential: "management",
  request: Endpoint.NoRequest,
  response: FgaSchema,
  description: "Loads the FGA schema (DSL)"
})

/**
 * `POST /v1/mgmt/fga/schema/dryrun`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const dryRunSchema = Endpoint.post("mgmt.fga.dryRunSchema", "/v1/mgmt/fga/schema/dryrun", {
  credential: "management",
  request: FgaSchema,
  response: DryRunResponse,
  description: "Validates an FGA schema without saving it"
})

/**
 * `POST /v1/mgmt/fga/relations`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createRelations = Endpoint.post("mgmt.fga.createRelations", "/v1/mgmt/fga/relations", {
  credential: "management",
  request: Tuples,
  response: Endpoint.Empty,
  description: "Creates FGA relations"
})

/**
 * `POST /v1/mgmt/fga/relations/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteRelations = Endpoint.post("mgmt.fga.deleteRelations", "/v1/mgmt/fga/relations/delete", {
  credential: "management",
  request: Tuples,
  response: Endpoint.Empty,
  description: "Deletes FGA relations"
})

/**
 * `DELETE /v1/mgmt/fga/relations`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteAllRelations = Endpoint.del("mgmt.fga.deleteAllRelations", "/v1/mgmt/fga/relations", {
  credential: "management",
  request: Endpoint.NoRequest,
  response: Endpoint.Empty,
  description: "Deletes every FGA relation"
})

/**
 * `POST /v1/mgmt/fga/check`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const check = Endpoint.post("mgmt.fga.check", "/v1/mgmt/fga/check", {
  credential: "management",
  request: CheckRequest,
  response: CheckResponse,
  description: "Checks FGA relations against the schema"
})

/**
 * `POST /v1/mgmt/fga/resources/load`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadResourcesDetails = Endpoint.post("mgmt.fga.loadResourcesDetails", "/v1/mgmt/fga/resources/load", {
  credential: "management",
  request: lazy(() => Schema.Struct({ resourceIdentifiers: Schema.Array(ResourceIdentifier) })),
  response: lazy(() => Schema.Struct({ resourcesDetails: opt(Schema.Array(ResourceDetails)) })),
  description: "Loads FGA resources' details"
})

/**
 * `POST /v1/mgmt/fga/resources/save`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const saveResourcesDetails = Endpoint.post("mgmt.fga.saveResourcesDetails", "/v1/mgmt/fga/resources/save", {
  credential: "management",
  request: lazy(() => Schema.Struct({ resourcesDetails: Schema.Array(ResourceDetails) })),
  response: Endpoint.Empty,
  description: "Saves FGA resources' details"
})

/**
 * `GET /v1/mgmt/fga/mappable/schema`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadMappableSchema = Endpoint.get("mgmt.fga.loadMappableSchema", "/v1/mgmt/fga/mappable/schema", {
  credential: "management",
  request: lazy(() => Schema.Struct({ tenantId: Schema.String, resourcesLimit: optional(Schema.NumberFromString) })),
  response: lazy(() =>
    Schema.Struct({
      schema: opt(Schema.Struct({ namespaces: opt(Schema.Array(Schema.Unknown)) })),
      mappableResources: opt(Schema.Array(MappableResources))
    })
  ),
  description: "Loads the mappable FGA schema of a tenant"
})

/**
 * `POST /v1/mgmt/fga/mappable/resources`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const searchMappableResources = Endpoint.post(
  "mgmt.fga.searchMappableResources",
  "/v1/mgmt/fga/mappable/resources",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        tenantId: Schema.String,
        resourcesQueries: Schema.Array(MappableResourcesQuery),
        resourcesLimit: optional(Schema.NumberFromString)
      })
    ),
    response: lazy(() => Schema.Struct({ mappableResources: opt(Schema.Array(MappableResources)) })),
    description: "Searches mappable FGA resources of a tenant"
  }
)
