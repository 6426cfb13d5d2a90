/**
 * `client.mgmt.permission` (§10.5, §11.5).
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
 * A permission.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Permission = Schema.Struct({
  id: opt(Schema.String),
  name: Schema.String,
  description: opt(Schema.String),
  systemDefault: opt(Schema.Boolean)
})

/**
 * @since 0.1.0
 * @category models
 */
export type Permission = typeof Permission.Type

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
  const post = (operation: string, path: string, body: unknown) =>
    Effect.asVoid(mgmt.callSpec({ method: "POST", path, body, operation: `mgmt.permission.${operation}`, schema: Void }))
  return {
    create: (o) =>
      checked(
        [nonEmpty("name", o.name)],
        post("create", "/v1/mgmt/permission/create", { name: o.name, description: o.description })
      ),
    update: (o) =>
      checked(
        [nonEmpty("name", o.name), nonEmpty("newName", o.newName)],
        post("update", "/v1/mgmt/permission/update", { name: o.name, newName: o.newName, description: o.description })
      ),
    delete: (name) => checked([nonEmpty("name", name)], post("delete", "/v1/mgmt/permission/delete", { name })),
    updateById: (o) =>
      checked(
        [nonEmpty("id", o.id), nonEmpty("newName", o.newName)],
        post("updateById", "/v1/mgmt/permission/update", { id: o.id, newName: o.newName, description: o.description })
      ),
    deleteById: (id) => checked([nonEmpty("id", id)], post("deleteById", "/v1/mgmt/permission/delete", { id })),
    deleteBatchByIds: (ids) =>
      checked([nonEmptyList("ids", ids)], post("deleteBatchByIds", "/v1/mgmt/permission/delete/batch", { ids })),
    createBatch: (permissions) =>
      checked(
        [nonEmptyBatch("permissions", permissions), ...permissions.map((p) => nonEmpty("name", p.name))],
        post("createBatch", "/v1/mgmt/permission/create/batch", {
          permissions: permissions.map((p) => ({ name: p.name, description: p.description }))
        })
      ),
    updateBatch: (permissions) =>
      checked(
        [
          nonEmptyBatch("permissions", permissions),
          ...permissions.flatMap((p) => [nameOrId(p), nonEmpty("newName", p.newName)])
        ],
        post("updateBatch", "/v1/mgmt/permission/update/batch", {
          permissions: permissions.map((p) => ({
            id: p.id,
            name: p.name,
            newName: p.newName,
            description: p.description
          }))
        })
      ),
    deleteBatch: (o) =>
      checked(
        [someSelected([["names", o.names], ["ids", o.ids]])],
        post("deleteBatch", "/v1/mgmt/permission/delete/batch", { names: o.names, ids: o.ids })
      ),
    loadAll: () =>
      Effect.map(
        mgmt.callSpec({
          method: "GET",
          path: "/v1/mgmt/permission/all",
          operation: "mgmt.permission.loadAll",
          schema: Schema.Struct({ permissions: opt(Schema.Array(Permission)) })
        }),
        (r) => r.permissions ?? []
      )
  }
}
