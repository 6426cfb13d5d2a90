/**
 * `client.mgmt.role` (§10.6, §11.5). A role is identified by its name and,
 * for tenant roles, its `tenantId`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { checked, nameOrId, nonEmpty, nonEmptyBatch, nonEmptyList, someSelected } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Role.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A role.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = Wire.Role

/**
 * @since 0.1.0
 * @category models
 */
export type Role = Wire.Role

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

/**
 * Builds `client.mgmt.role`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): RoleApi => {
  const roles = (r: { readonly roles?: ReadonlyArray<Role> | null | undefined }) => r.roles ?? []
  return {
    create: (o) => checked([nonEmpty("name", o.name)], Effect.asVoid(mgmt.call(Wire.create, { request: o }))),
    update: (o) =>
      checked(
        [nonEmpty("name", o.name), nonEmpty("newName", o.newName)],
        Effect.asVoid(mgmt.call(Wire.update, { request: o }))
      ),
    delete: (o) =>
      checked(
        [nonEmpty("name", o.name)],
        Effect.asVoid(mgmt.call(Wire.delete, { request: { name: o.name, tenantId: o.tenantId } }))
      ),
    createBatch: (batch) =>
      checked(
        [nonEmptyBatch("roles", batch), ...batch.map((r) => nonEmpty("name", r.name))],
        Effect.map(mgmt.call(Wire.createBatch, { request: { roles: batch } }), roles)
      ),
    updateBatch: (batch) =>
      checked(
        [nonEmptyBatch("roles", batch), ...batch.flatMap((r) => [nameOrId(r), nonEmpty("newName", r.newName)])],
        Effect.map(mgmt.call(Wire.updateBatch, { request: { roles: batch } }), roles)
      ),
    deleteBatch: (o) =>
      checked(
        [
          someSelected([["roleNames", o.roleNames], ["roleIds", o.roleIds]]),
          ...(o.tenantId !== undefined ? [nonEmpty("tenantId", o.tenantId)] : [])
        ],
        Effect.asVoid(mgmt.call(Wire.deleteBatch, { request: o }))
      ),
    updateById: (o) =>
      checked(
        [nonEmpty("id", o.id), nonEmpty("newName", o.newName)],
        Effect.asVoid(mgmt.call(Wire.update, { request: o, operation: "mgmt.role.updateById" }))
      ),
    deleteById: (o) =>
      checked(
        [nonEmpty("id", o.id)],
        Effect.asVoid(
          mgmt.call(Wire.delete, { request: { id: o.id, tenantId: o.tenantId }, operation: "mgmt.role.deleteById" })
        )
      ),
    deleteBatchByIds: (o) =>
      checked(
        [nonEmptyList("roleIds", o.roleIds), ...(o.tenantId !== undefined ? [nonEmpty("tenantId", o.tenantId)] : [])],
        Effect.asVoid(
          mgmt.call(Wire.deleteBatch, {
            request: { roleIds: o.roleIds, tenantId: o.tenantId },
            operation: "mgmt.role.deleteBatchByIds"
          })
        )
      ),
    loadAll: () => Effect.map(mgmt.call(Wire.loadAll, {}), roles),
    search: (o = {}) => Effect.map(mgmt.call(Wire.search, { request: o }), roles)
  }
}
