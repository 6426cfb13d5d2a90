/**
 * `client.mgmt.role` (§10.6, §11.5). A role is identified by its name and,
 * for tenant roles, its `tenantId`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  checked,
  type ManagementError,
  type ManagementHttp,
  nameOrId,
  nonEmpty,
  nonEmptyBatch,
  nonEmptyList,
  opt,
  someSelected,
  Void
} from "./ManagementHttp.js"

/**
 * A role.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = Schema.Struct({
  id: opt(Schema.String),
  name: Schema.String,
  description: opt(Schema.String),
  permissionNames: opt(Schema.Array(Schema.String)),
  createdTime: opt(Schema.Number),
  tenantId: opt(Schema.String),
  default: opt(Schema.Boolean),
  private: opt(Schema.Boolean)
})

/**
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * Options of `create`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateOptions {
  readonly name: string
  readonly description?: string | undefined
  readonly permissionNames?: ReadonlyArray<string> | undefined
  readonly tenantId?: string | undefined
  /** Given to new users by default. */
  readonly default?: boolean | undefined
  /** Hidden from tenant admins (python-sdk). */
  readonly private?: boolean | undefined
}

/**
 * Options of `update`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateOptions extends CreateOptions {
  readonly newName: string
}

/**
 * One role of `updateBatch`: identified by its current `name` or by its `id`
 * (exactly one of them); the other fields replace the role's.
 *
 * @since 0.1.0
 * @category models
 */
export interface RoleUpdate extends Omit<CreateOptions, "name"> {
  readonly name?: string | undefined
  readonly id?: string | undefined
  readonly newName: string
}

/**
 * `client.mgmt.role`.
 *
 * @since 0.1.0
 * @category models
 */
export interface RoleApi {
  /** Creates a role. */
  readonly create: (options: CreateOptions) => Effect.Effect<void, ManagementError>
  /** Updates a role (all fields replaced). */
  readonly update: (options: UpdateOptions) => Effect.Effect<void, ManagementError>
  /** Deletes a role. */
  readonly delete: (
    options: { readonly name: string; readonly tenantId?: string | undefined }
  ) => Effect.Effect<void, ManagementError>
  /** Creates several roles in one request (`POST /v1/mgmt/role/create/batch`); answers the created roles. */
  readonly createBatch: (roles: ReadonlyArray<CreateOptions>) => Effect.Effect<ReadonlyArray<Role>, ManagementError>
  /** Updates several roles (by name or id) in one request (`POST /v1/mgmt/role/update/batch`). */
  readonly updateBatch: (roles: ReadonlyArray<RoleUpdate>) => Effect.Effect<ReadonlyArray<Role>, ManagementError>
  /**
   * Deletes several roles by name and/or id, optionally of one tenant
   * (`POST /v1/mgmt/role/delete/batch`, node-sdk's `{roleNames, tenantId, roleIds}` body).
   * As in python-sdk, a request without any role name or id is refused unsent:
   * the server would read it as "delete every role".
   */
  readonly deleteBatch: (options: {
    readonly roleNames?: ReadonlyArray<string> | undefined
    readonly roleIds?: ReadonlyArray<string> | undefined
    readonly tenantId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Updates a role identified by its id (`{id, newName, ...}`; node-sdk `updateWithId`). */
  readonly updateById: (
    options: Omit<RoleUpdate, "name"> & { readonly id: string }
  ) => Effect.Effect<void, ManagementError>
  /** Deletes a role by its id, optionally of one tenant (`{id, tenantId}`; node-sdk `deleteWithId`). */
  readonly deleteById: (
    options: { readonly id: string; readonly tenantId?: string | undefined }
  ) => Effect.Effect<void, ManagementError>
  /** Deletes several roles by id (`POST /v1/mgmt/role/delete/batch`, `{roleIds, tenantId}`). */
  readonly deleteBatchByIds: (
    options: { readonly roleIds: ReadonlyArray<string>; readonly tenantId?: string | undefined }
  ) => Effect.Effect<void, ManagementError>
  /** Loads every role. */
  readonly loadAll: () => Effect.Effect<ReadonlyArray<Role>, ManagementError>
  /** Searches roles. */
  readonly search: (options?: {
    readonly tenantIds?: ReadonlyArray<string> | undefined
    readonly roleNames?: ReadonlyArray<string> | undefined
    readonly roleNameLike?: string | undefined
    readonly permissionNames?: ReadonlyArray<string> | undefined
    readonly includeProjectRoles?: boolean | undefined
    /** Only the roles of these ids (python-sdk). */
    readonly roleIds?: ReadonlyArray<string> | undefined
  }) => Effect.Effect<ReadonlyArray<Role>, ManagementError>
}

const RolesResponse = Schema.Struct({ roles: opt(Schema.Array(Role)) })

const roleBody = (r: CreateOptions) => ({
  name: r.name,
  description: r.description,
  permissionNames: r.permissionNames,
  tenantId: r.tenantId,
  default: r.default,
  private: r.private
})

/**
 * Builds `client.mgmt.role`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): RoleApi => {
  const post = (operation: string, path: string, body: unknown) =>
    Effect.asVoid(mgmt.call({ method: "POST", path, body, operation: `mgmt.role.${operation}`, schema: Void }))
  const rolesCall = (operation: string, path: string, body: unknown) =>
    Effect.map(
      mgmt.call({ method: "POST", path, body, operation: `mgmt.role.${operation}`, schema: RolesResponse }),
      (r) => r.roles ?? []
    )
  return {
    create: (o) =>
      checked(
        [nonEmpty("name", o.name)],
        post("create", "/v1/mgmt/role/create", {
          name: o.name,
          description: o.description,
          permissionNames: o.permissionNames,
          tenantId: o.tenantId,
          default: o.default,
          private: o.private
        })
      ),
    update: (o) =>
      checked(
        [nonEmpty("name", o.name), nonEmpty("newName", o.newName)],
        post("update", "/v1/mgmt/role/update", {
          name: o.name,
          newName: o.newName,
          description: o.description,
          permissionNames: o.permissionNames,
          tenantId: o.tenantId,
          default: o.default,
          private: o.private
        })
      ),
    delete: (o) =>
      checked([nonEmpty("name", o.name)], post("delete", "/v1/mgmt/role/delete", { name: o.name, tenantId: o.tenantId })),
    createBatch: (roles) =>
      checked(
        [nonEmptyBatch("roles", roles), ...roles.map((r) => nonEmpty("name", r.name))],
        rolesCall("createBatch", "/v1/mgmt/role/create/batch", { roles: roles.map(roleBody) })
      ),
    updateBatch: (roles) =>
      checked(
        [nonEmptyBatch("roles", roles), ...roles.flatMap((r) => [nameOrId(r), nonEmpty("newName", r.newName)])],
        rolesCall("updateBatch", "/v1/mgmt/role/update/batch", {
          roles: roles.map((r) => ({
            id: r.id,
            name: r.name,
            newName: r.newName,
            description: r.description,
            permissionNames: r.permissionNames,
            tenantId: r.tenantId,
            default: r.default,
            private: r.private
          }))
        })
      ),
    deleteBatch: (o) =>
      checked(
        [
          someSelected([["roleNames", o.roleNames], ["roleIds", o.roleIds]]),
          ...(o.tenantId !== undefined ? [nonEmpty("tenantId", o.tenantId)] : [])
        ],
        post("deleteBatch", "/v1/mgmt/role/delete/batch", {
          roleNames: o.roleNames,
          tenantId: o.tenantId,
          roleIds: o.roleIds
        })
      ),
    updateById: (o) =>
      checked(
        [nonEmpty("id", o.id), nonEmpty("newName", o.newName)],
        post("updateById", "/v1/mgmt/role/update", {
          id: o.id,
          newName: o.newName,
          description: o.description,
          permissionNames: o.permissionNames,
          tenantId: o.tenantId,
          default: o.default,
          private: o.private
        })
      ),
    deleteById: (o) =>
      checked([nonEmpty("id", o.id)], post("deleteById", "/v1/mgmt/role/delete", { id: o.id, tenantId: o.tenantId })),
    deleteBatchByIds: (o) =>
      checked(
        [nonEmptyList("roleIds", o.roleIds), ...(o.tenantId !== undefined ? [nonEmpty("tenantId", o.tenantId)] : [])],
        post("deleteBatchByIds", "/v1/mgmt/role/delete/batch", { roleIds: o.roleIds, tenantId: o.tenantId })
      ),
    loadAll: () =>
      Effect.map(
        mgmt.call({ method: "GET", path: "/v1/mgmt/role/all", operation: "mgmt.role.loadAll", schema: RolesResponse }),
        (r) => r.roles ?? []
      ),
    search: (o = {}) =>
      Effect.map(
        mgmt.call({
          method: "POST",
          path: "/v1/mgmt/role/search",
          body: {
            tenantIds: o.tenantIds,
            roleNames: o.roleNames,
            roleNameLike: o.roleNameLike,
            permissionNames: o.permissionNames,
            includeProjectRoles: o.includeProjectRoles,
            roleIds: o.roleIds
          },
          operation: "mgmt.role.search",
          schema: RolesResponse
        }),
        (r) => r.roles ?? []
      )
  }
}
