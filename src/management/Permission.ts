/**
 * `client.mgmt.permission` (§10.5, §11.5).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { checked, nameOrId, nonEmpty, nonEmptyBatch, nonEmptyList, someSelected } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Permission.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A permission.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Permission = Wire.Permission

/**
 * @since 0.1.0
 * @category models
 */
export type Permission = Wire.Permission

/**
 * One permission of `updateBatch`: identified by its current `name` or by its
 * `id` (exactly one of them).
 *
 * @since 0.1.0
 * @category models
 */
export interface PermissionUpdate {
  readonly name?: string | undefined
  readonly id?: string | undefined
  readonly newName: string
  readonly description?: string | undefined
}

/**
 * `client.mgmt.permission`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PermissionApi {
  /** Creates a permission. */
  readonly create: (
    options: { readonly name: string; readonly description?: string | undefined }
  ) => Effect.Effect<void, ManagementError>
  /** Renames a permission and sets its description. */
  readonly update: (options: {
    readonly name: string
    readonly newName: string
    readonly description?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Deletes a permission. */
  readonly delete: (name: string) => Effect.Effect<void, ManagementError>
  /** Renames a permission identified by its id (`{id, newName, description}`; node-sdk `updateWithId`). */
  readonly updateById: (options: {
    readonly id: string
    readonly newName: string
    readonly description?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Deletes a permission by its id (`{id}`; node-sdk `deleteWithId`). */
  readonly deleteById: (id: string) => Effect.Effect<void, ManagementError>
  /** Deletes several permissions by id (`POST /v1/mgmt/permission/delete/batch`, `{ids}`). */
  readonly deleteBatchByIds: (ids: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Creates several permissions in one request (`POST /v1/mgmt/permission/create/batch`). */
  readonly createBatch: (
    permissions: ReadonlyArray<{ readonly name: string; readonly description?: string | undefined }>
  ) => Effect.Effect<void, ManagementError>
  /** Renames several permissions (by name or by id) in one request (`POST /v1/mgmt/permission/update/batch`). */
  readonly updateBatch: (permissions: ReadonlyArray<PermissionUpdate>) => Effect.Effect<void, ManagementError>
  /**
   * Deletes several permissions by name and/or id (`POST /v1/mgmt/permission/delete/batch`).
   * At least one name or id is required: an empty request is refused unsent.
   */
  readonly deleteBatch: (options: {
    readonly names?: ReadonlyArray<string> | undefined
    readonly ids?: ReadonlyArray<string> | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Loads every permission. */
  readonly loadAll: () => Effect.Effect<ReadonlyArray<Permission>, ManagementError>
}

/**
 * Builds `client.mgmt.permission`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): PermissionApi => {
  const permissions = (r: typeof Wire.Permissions.Type) => r.permissions ?? []
  return {
    create: (o) => checked([nonEmpty("name", o.name)], Effect.asVoid(mgmt.call(Wire.create, { request: o }))),
    update: (o) =>
      checked(
        [nonEmpty("name", o.name), nonEmpty("newName", o.newName)],
        Effect.asVoid(mgmt.call(Wire.update, { request: o }))
      ),
    delete: (name) => checked([nonEmpty("name", name)], Effect.asVoid(mgmt.call(Wire.delete, { request: { name } }))),
    updateById: (o) =>
      checked(
        [nonEmpty("id", o.id), nonEmpty("newName", o.newName)],
        Effect.asVoid(mgmt.call(Wire.update, { request: o, operation: "mgmt.permission.updateById" }))
      ),
    deleteById: (id) =>
      checked(
        [nonEmpty("id", id)],
        Effect.asVoid(mgmt.call(Wire.delete, { request: { id }, operation: "mgmt.permission.deleteById" }))
      ),
    deleteBatchByIds: (ids) =>
      checked(
        [nonEmptyList("ids", ids)],
        Effect.asVoid(mgmt.call(Wire.deleteBatch, { request: { ids }, operation: "mgmt.permission.deleteBatchByIds" }))
      ),
    createBatch: (batch) =>
      checked(
        [nonEmptyBatch("permissions", batch), ...batch.map((p) => nonEmpty("name", p.name))],
        Effect.asVoid(mgmt.call(Wire.createBatch, { request: { permissions: batch } }))
      ),
    updateBatch: (batch) =>
      checked(
        [nonEmptyBatch("permissions", batch), ...batch.flatMap((p) => [nameOrId(p), nonEmpty("newName", p.newName)])],
        Effect.asVoid(mgmt.call(Wire.updateBatch, { request: { permissions: batch } }))
      ),
    deleteBatch: (o) =>
      checked(
        [someSelected([["names", o.names], ["ids", o.ids]])],
        Effect.asVoid(mgmt.call(Wire.deleteBatch, { request: o }))
      ),
    loadAll: () => Effect.map(mgmt.call(Wire.loadAll, {}), permissions)
  }
}
