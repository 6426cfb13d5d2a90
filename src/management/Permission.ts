/**
 * `client.mgmt.permission` (§10.5, §11.5).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { checked, type ManagementError, type ManagementHttp, nonEmpty, opt, Void } from "./ManagementHttp.js"

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
    Effect.asVoid(mgmt.call({ method: "POST", path, body, operation: `mgmt.permission.${operation}`, schema: Void }))
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
    loadAll: () =>
      Effect.map(
        mgmt.call({
          method: "GET",
          path: "/v1/mgmt/permission/all",
          operation: "mgmt.permission.loadAll",
          schema: Schema.Struct({ permissions: opt(Schema.Array(Permission)) })
        }),
        (r) => r.permissions ?? []
      )
  }
}
