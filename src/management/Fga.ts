/**
 * `client.mgmt.fga`: fine-grained authorization. A schema in Descope's FGA
 * DSL, relations (tuples) and checks of many relations at once.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonEmptyBatch } from "../internal/validate.js"
import * as AuthzWire from "../wire/mgmt/Authz.js"
import * as Wire from "../wire/mgmt/Fga.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A relation (tuple).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Relation = Wire.Relation

/**
 * @since 0.2.0
 * @category models
 */
export type Relation = Wire.Relation

/**
 * @since 0.2.0
 * @category models
 */
export type CheckResult = Wire.CheckResult

/**
 * @since 0.2.0
 * @category models
 */
export type ResourceDetails = Wire.ResourceDetails

/**
 * `client.mgmt.fga`.
 *
 * @since 0.2.0
 * @category models
 */
export interface FgaApi {
  /** Saves the schema (`{ dsl }`, `model AuthZ 1.0 ...`). */
  readonly saveSchema: (schema: { readonly dsl: string }) => Effect.Effect<void, ManagementError>
  /** Loads the schema. */
  readonly loadSchema: () => Effect.Effect<{ readonly dsl: string }, ManagementError>
  /** Validates a schema without saving it; answers what saving it would delete. */
  readonly dryRunSchema: (
    schema: { readonly dsl: string }
  ) => Effect.Effect<typeof Wire.DryRunResponse.Type, ManagementError>
  /** Deletes the schema and every relation. */
  readonly deleteSchema: () => Effect.Effect<void, ManagementError>
  /** Creates relations. */
  readonly createRelations: (relations: ReadonlyArray<Relation>) => Effect.Effect<void, ManagementError>
  /** Deletes relations. */
  readonly deleteRelations: (relations: ReadonlyArray<Relation>) => Effect.Effect<void, ManagementError>
  /** Deletes every relation. */
  readonly deleteAllRelations: () => Effect.Effect<void, ManagementError>
  /**
   * Checks many relations at once against the schema and the relations (with a context for the schema's
   * conditions); answers one result per relation, in order.
   */
  readonly check: (
    relations: ReadonlyArray<Relation>,
    context?: Readonly<Record<string, unknown>> | undefined
  ) => Effect.Effect<ReadonlyArray<CheckResult>, ManagementError>
  /** Loads resources' details. */
  readonly loadResourcesDetails: (
    identifiers: ReadonlyArray<{ readonly resourceId: string; readonly resourceType: string }>
  ) => Effect.Effect<ReadonlyArray<ResourceDetails>, ManagementError>
  /** Saves resources' details. */
  readonly saveResourcesDetails: (details: ReadonlyArray<ResourceDetails>) => Effect.Effect<void, ManagementError>
  /** Loads the mappable schema of a tenant. */
  readonly loadMappableSchema: (
    tenantId: string,
    options?: { readonly resourcesLimit?: number | undefined }
  ) => Effect.Effect<typeof Wire.loadMappableSchema.response.Type, ManagementError>
  /** Searches mappable resources of a tenant. */
  readonly searchMappableResources: (
    tenantId: string,
    queries: ReadonlyArray<typeof Wire.MappableResourcesQuery.Type>,
    options?: { readonly resourcesLimit?: number | undefined }
  ) => Effect.Effect<ReadonlyArray<typeof Wire.MappableResources.Type>, ManagementError>
}

const limit = (o: { readonly resourcesLimit?: number | undefined } | undefined) =>
  o?.resourcesLimit !== undefined && o.resourcesLimit > 0 ? { resourcesLimit: o.resourcesLimit } : {}

/**
 * Builds `client.mgmt.fga`. `cache`, when given (a transport to Descope's authz cache sidecar), is asked
 * first for `check`, `saveSchema` and the relation writes; a `TransportError` of the cache falls back to
 * Descope. `client.mgmt` passes one when `fgaCacheUrl` (`DESCOPE_FGA_CACHE_URL`) is configured.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp, cache?: ManagementHttp | undefined): FgaApi => {
  const cached = <A>(call: (m: ManagementHttp) => Effect.Effect<A, ManagementError>) =>
    cache === undefined ? call(mgmt) : Effect.catchTag(call(cache), "TransportError", () => call(mgmt))
  return {
    saveSchema: (s) =>
      checked([nonEmpty("dsl", s.dsl)], Effect.asVoid(cached((m) => m.call(Wire.saveSchema, { request: s })))),
    loadSchema: () => mgmt.call(Wire.loadSchema, {}),
    dryRunSchema: (s) => checked([nonEmpty("dsl", s.dsl)], mgmt.call(Wire.dryRunSchema, { request: s })),
    deleteSchema: () => Effect.asVoid(mgmt.call(AuthzWire.deleteSchema, { operation: "mgmt.fga.deleteSchema" })),
    createRelations: (tuples) =>
      checked(
        [nonEmptyBatch("relations", tuples)],
        Effect.asVoid(cached((m) => m.call(Wire.createRelations, { request: { tuples } })))
      ),
    deleteRelations: (tuples) =>
      checked(
        [nonEmptyBatch("relations", tuples)],
        Effect.asVoid(cached((m) => m.call(Wire.deleteRelations, { request: { tuples } })))
      ),
    deleteAllRelations: () => Effect.asVoid(mgmt.call(Wire.deleteAllRelations, {})),
    check: (tuples, context) =>
      Effect.map(
        cached((m) =>
          m.call(Wire.check, {
            request: context !== undefined && Object.keys(context).length > 0 ? { tuples, context } : { tuples }
          })
        ),
        (r) => r.tuples ?? []
      ),
    loadResourcesDetails: (resourceIdentifiers) =>
      Effect.map(
        mgmt.call(Wire.loadResourcesDetails, { request: { resourceIdentifiers } }),
        (r) => r.resourcesDetails ?? []
      ),
    saveResourcesDetails: (resourcesDetails) =>
      Effect.asVoid(mgmt.call(Wire.saveResourcesDetails, { request: { resourcesDetails } })),
    loadMappableSchema: (tenantId, o) =>
      checked(
        [nonEmpty("tenantId", tenantId)],
        mgmt.call(Wire.loadMappableSchema, { request: { tenantId, ...limit(o) } })
      ),
    searchMappableResources: (tenantId, resourcesQueries, o) =>
      checked(
        [nonEmpty("tenantId", tenantId)],
        Effect.map(
          mgmt.call(Wire.searchMappableResources, { request: { tenantId, resourcesQueries, ...limit(o) } }),
          (r) => r.mappableResources ?? []
        )
      )
  }
}
