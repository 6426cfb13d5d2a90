/**
 * `client.mgmt.authz`: ReBAC authorization, the older API beside
 * `client.mgmt.fga`: namespaces, relation definitions, relations and queries.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Authz.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * @since 0.2.0
 * @category models
 */
export type AuthzSchema = Wire.AuthzSchema

/**
 * @since 0.2.0
 * @category models
 */
export type Relation = Wire.Relation

/**
 * @since 0.2.0
 * @category models
 */
export type RelationQuery = Wire.RelationQuery

/**
 * @since 0.2.0
 * @category models
 */
export type Namespace = typeof Wire.Namespace.Type

/**
 * @since 0.2.0
 * @category models
 */
export type RelationDefinition = typeof Wire.RelationDefinition.Type

/**
 * What changed since a time.
 *
 * @since 0.2.0
 * @category models
 */
export interface Modified {
  readonly resources: ReadonlyArray<string>
  readonly targets: ReadonlyArray<string>
  readonly schemaChanged: boolean
}

/**
 * `client.mgmt.authz`.
 *
 * @since 0.2.0
 * @category models
 */
export interface AuthzApi {
  /** Saves the schema; `upgrade` also deletes the namespaces it does not name. */
  readonly saveSchema: (schema: AuthzSchema, upgrade?: boolean | undefined) => Effect.Effect<void, ManagementError>
  /** Deletes the schema and every relation. */
  readonly deleteSchema: () => Effect.Effect<void, ManagementError>
  /** Loads the schema. */
  readonly loadSchema: () => Effect.Effect<AuthzSchema, ManagementError>
  /** Saves a namespace (renaming `oldName` when given). */
  readonly saveNamespace: (
    namespace: Namespace,
    oldName?: string | undefined,
    schemaName?: string | undefined
  ) => Effect.Effect<void, ManagementError>
  /** Deletes a namespace and its relations. */
  readonly deleteNamespace: (name: string, schemaName?: string | undefined) => Effect.Effect<void, ManagementError>
  /** Saves a relation definition of a namespace. */
  readonly saveRelationDefinition: (
    relationDefinition: RelationDefinition,
    namespace: string,
    oldName?: string | undefined,
    schemaName?: string | undefined
  ) => Effect.Effect<void, ManagementError>
  /** Deletes a relation definition and its relations. */
  readonly deleteRelationDefinition: (
    name: string,
    namespace: string,
    schemaName?: string | undefined
  ) => Effect.Effect<void, ManagementError>
  /** Creates relations. */
  readonly createRelations: (relations: ReadonlyArray<Relation>) => Effect.Effect<void, ManagementError>
  /** Deletes relations. */
  readonly deleteRelations: (relations: ReadonlyArray<Relation>) => Effect.Effect<void, ManagementError>
  /** Deletes the relations whose resource or target is one of `ids` (node-sdk `deleteRelationsForResources`). */
  readonly deleteRelationsForIds: (ids: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Deletes the relations whose resource is one of `resources`. */
  readonly deleteResourceRelationsForResources: (
    resources: ReadonlyArray<string>
  ) => Effect.Effect<void, ManagementError>
  /** Answers each query with `hasRelation` (derived relations included). */
  readonly hasRelations: (
    queries: ReadonlyArray<RelationQuery>
  ) => Effect.Effect<ReadonlyArray<RelationQuery>, ManagementError>
  /** The targets with `relationDefinition` (of `namespace`) on `resource`. */
  readonly whoCanAccess: (
    resource: string,
    relationDefinition: string,
    namespace: string
  ) => Effect.Effect<ReadonlyArray<string>, ManagementError>
  /** The relations defined on a resource (not derived). */
  readonly resourceRelations: (
    resource: string,
    ignoreTargetSetRelations?: boolean | undefined
  ) => Effect.Effect<ReadonlyArray<Relation>, ManagementError>
  /** The relations defined for targets (not derived). */
  readonly targetsRelations: (
    targets: ReadonlyArray<string>,
    includeTargetSetRelations?: boolean | undefined
  ) => Effect.Effect<ReadonlyArray<Relation>, ManagementError>
  /** Every relation of a target, derived ones included. */
  readonly whatCanTargetAccess: (target: string) => Effect.Effect<ReadonlyArray<Relation>, ManagementError>
  /** The resources on which the target has `relationDefinition` of `namespace`. */
  readonly whatCanTargetAccessWithRelation: (
    target: string,
    relationDefinition: string,
    namespace: string
  ) => Effect.Effect<ReadonlyArray<{ readonly resource: string }>, ManagementError>
  /** What changed since a time. */
  readonly getModified: (since: Date) => Effect.Effect<Modified, ManagementError>
}

/**
 * Builds `client.mgmt.authz`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): AuthzApi => {
  const relations = (r: { readonly relations?: ReadonlyArray<Relation> | null | undefined }) => r.relations ?? []
  return {
    saveSchema: (schema, upgrade = false) =>
      Effect.asVoid(mgmt.call(Wire.saveSchema, { request: { schema, upgrade } })),
    deleteSchema: () => Effect.asVoid(mgmt.call(Wire.deleteSchema, {})),
    loadSchema: () => Effect.map(mgmt.call(Wire.loadSchema, {}), (r) => r.schema ?? { namespaces: [] }),
    saveNamespace: (namespace, oldName, schemaName) =>
      checked(
        [nonEmpty("namespace.name", namespace.name)],
        Effect.asVoid(mgmt.call(Wire.saveNamespace, { request: { namespace, oldName, schemaName } }))
      ),
    deleteNamespace: (name, schemaName) =>
      checked(
        [nonEmpty("name", name)],
        Effect.asVoid(mgmt.call(Wire.deleteNamespace, { request: { name, schemaName } }))
      ),
    saveRelationDefinition: (relationDefinition, namespace, oldName, schemaName) =>
      checked(
        [nonEmpty("relationDefinition.name", relationDefinition.name), nonEmpty("namespace", namespace)],
        Effect.asVoid(
          mgmt.call(Wire.saveRelationDefinition, { request: { relationDefinition, namespace, oldName, schemaName } })
        )
      ),
    deleteRelationDefinition: (name, namespace, schemaName) =>
      checked(
        [nonEmpty("name", name), nonEmpty("namespace", namespace)],
        Effect.asVoid(mgmt.call(Wire.deleteRelationDefinition, { request: { name, namespace, schemaName } }))
      ),
    createRelations: (rs) => Effect.asVoid(mgmt.call(Wire.createRelations, { request: { relations: rs } })),
    deleteRelations: (rs) => Effect.asVoid(mgmt.call(Wire.deleteRelations, { request: { relations: rs } })),
    deleteRelationsForIds: (ids) =>
      Effect.asVoid(
        mgmt.call(Wire.deleteRelationsForResources, {
          request: { resources: ids },
          operation: "mgmt.authz.deleteRelationsForIds"
        })
      ),
    deleteResourceRelationsForResources: (resources) =>
      Effect.asVoid(mgmt.call(Wire.deleteResourceRelationsForResources, { request: { resources } })),
    hasRelations: (relationQueries) =>
      Effect.map(mgmt.call(Wire.hasRelations, { request: { relationQueries } }), (r) => r.relationQueries ?? []),
    whoCanAccess: (resource, relationDefinition, namespace) =>
      Effect.map(
        mgmt.call(Wire.whoCanAccess, { request: { resource, relationDefinition, namespace } }),
        (r) => r.targets ?? []
      ),
    resourceRelations: (resource, ignoreTargetSetRelations = false) =>
      Effect.map(mgmt.call(Wire.resourceRelations, { request: { resource, ignoreTargetSetRelations } }), relations),
    targetsRelations: (targets, includeTargetSetRelations = false) =>
      Effect.map(mgmt.call(Wire.targetsRelations, { request: { targets, includeTargetSetRelations } }), relations),
    whatCanTargetAccess: (target) =>
      Effect.map(mgmt.call(Wire.whatCanTargetAccess, { request: { target } }), relations),
    whatCanTargetAccessWithRelation: (target, relationDefinition, namespace) =>
      Effect.map(
        mgmt.call(Wire.whatCanTargetAccessWithRelation, { request: { target, relationDefinition, namespace } }),
        (r) => (r.resources ?? []).map((resource) => ({ resource }))
      ),
    getModified: (since) =>
      Effect.map(mgmt.call(Wire.getModified, { request: { since: since.getTime() } }), (r) => ({
        resources: r.resources ?? [],
        targets: r.targets ?? [],
        schemaChanged: r.schemaChanged ?? false
      }))
  }
}

export type {
  /**
   * A relation definition's tree (union, intersect, sub, and their children).
   *
   * @since 0.2.0
   * @category models
   */
  Node
} from "../wire/mgmt/Authz.js"
