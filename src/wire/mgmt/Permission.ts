/**
 * Permissions: `/v1/mgmt/permission/*`. A permission is identified by its
 * name or by its id.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { opt, optional, Strings } from "../Fields.js"

/**
 * A permission, as Descope answers it.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Permission = lazy(() =>
  Schema.Struct({
    id: opt(Schema.String),
    name: Schema.String,
    description: opt(Schema.String),
    systemDefault: opt(Schema.Boolean)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Permission = typeof Permission.Type

/**
 * `{ permissions }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Permissions = lazy(() => Schema.Struct({ permissions: opt(Schema.Array(Permission)) }))

/**
 * A new permission.
 *
 * @since 0.2.0
 * @category schemas
 */
export const PermissionInput = lazy(() => Schema.Struct({ name: Schema.String, description: optional(Schema.String) }))

/**
 * A permission update: the permission named by `name` or by `id`, renamed to `newName`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const PermissionUpdate = lazy(() =>
  Schema.Struct({
    name: optional(Schema.String),
    id: optional(Schema.String),
    newName: Schema.String,
    description: optional(Schema.String)
  })
)

/**
 * `POST /v1/mgmt/permission/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.post("mgmt.permission.create", "/v1/mgmt/permission/create", {
  credential: "management",
  request: PermissionInput,
  response: Endpoint.Empty,
  description: "Creates a permission"
})

/**
 * `POST /v1/mgmt/permission/create/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createBatch = Endpoint.post("mgmt.permission.createBatch", "/v1/mgmt/permission/create/batch", {
  credential: "management",
  request: lazy(() => Schema.Struct({ permissions: Schema.Array(PermissionInput) })),
  response: Endpoint.Empty,
  description: "Creates several permissions"
})

/**
 * `POST /v1/mgmt/permission/update` (by name, or by id: `updateById`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("mgmt.permission.update", "/v1/mgmt/permission/update", {
  credential: "management",
  request: PermissionUpdate,
  response: Endpoint.Empty,
  description: "Renames a permission (by name or id) and sets its description"
})

/**
 * `POST /v1/mgmt/permission/update/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateBatch = Endpoint.post("mgmt.permission.updateBatch", "/v1/mgmt/permission/update/batch", {
  credential: "management",
  request: lazy(() => Schema.Struct({ permissions: Schema.Array(PermissionUpdate) })),
  response: Endpoint.Empty,
  description: "Renames several permissions"
})

const del = Endpoint.post("mgmt.permission.delete", "/v1/mgmt/permission/delete", {
  credential: "management",
  request: lazy(() => Schema.Struct({ name: optional(Schema.String), id: optional(Schema.String) })),
  response: Endpoint.Empty,
  description: "Deletes a permission (by name or id)"
})

/**
 * `POST /v1/mgmt/permission/delete/batch` (`{ names, ids }`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteBatch = Endpoint.post("mgmt.permission.deleteBatch", "/v1/mgmt/permission/delete/batch", {
  credential: "management",
  request: lazy(() => Schema.Struct({ names: optional(Strings), ids: optional(Strings) })),
  response: Endpoint.Empty,
  description: "Deletes several permissions by name and/or id"
})

/**
 * `GET /v1/mgmt/permission/all`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAll = Endpoint.get("mgmt.permission.loadAll", "/v1/mgmt/permission/all", {
  credential: "management",
  response: Permissions,
  description: "Loads every permission"
})

export {
  /**
   * `POST /v1/mgmt/permission/delete` (by name, or by id: `deleteById`).
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
