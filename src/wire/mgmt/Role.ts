/**
 * Roles: `/v1/mgmt/role/*`. A role is identified by its name (and, for a
 * tenant role, its `tenantId`) or by its id.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, opt, optional, Strings } from "../Fields.js"

/**
 * A role, as Descope answers it.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Role = lazy(() =>
  Schema.Struct({
    id: opt(Schema.String),
    name: Schema.String,
    description: opt(Schema.String),
    permissionNames: opt(Strings),
    createdTime: opt(Schema.Number),
    tenantId: opt(Schema.String),
    default: opt(Schema.Boolean),
    private: opt(Schema.Boolean)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * `{ roles }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Roles = lazy(() => Schema.Struct({ roles: opt(Schema.Array(Role)) }))

const fields = {
  description: optional(Schema.String),
  permissionNames: optional(Strings),
  tenantId: optional(Schema.String),
  default: optional(Bool),
  private: optional(Bool)
}

/**
 * A new role.
 *
 * @since 0.2.0
 * @category schemas
 */
export const RoleInput = lazy(() => Schema.Struct({ name: Schema.String, ...fields }))

/**
 * A role update: the role named by `name` (and `tenantId`) or by `id`; the other fields replace its own.
 *
 * @since 0.2.0
 * @category schemas
 */
export const RoleUpdate = lazy(() =>
  Schema.Struct({
    name: optional(Schema.String),
    id: optional(Schema.String),
    newName: Schema.String,
    ...fields
  })
)

/**
 * `POST /v1/mgmt/role/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.post("mgmt.role.create", "/v1/mgmt/role/create", {
  credential: "management",
  request: RoleInput,
  response: Endpoint.Empty,
  description: "Creates a role"
})

/**
 * `POST /v1/mgmt/role/update` (by name, or by id).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("mgmt.role.update", "/v1/mgmt/role/update", {
  credential: "management",
  request: RoleUpdate,
  response: Endpoint.Empty,
  description: "Updates a role (every field replaced)"
})

const del = Endpoint.post("mgmt.role.delete", "/v1/mgmt/role/delete", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      name: optional(Schema.String),
      id: optional(Schema.String),
      tenantId: optional(Schema.String)
    })
  ),
  response: Endpoint.Empty,
  description: "Deletes a role"
})

/**
 * `POST /v1/mgmt/role/create/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createBatch = Endpoint.post("mgmt.role.createBatch", "/v1/mgmt/role/create/batch", {
  credential: "management",
  request: lazy(() => Schema.Struct({ roles: Schema.Array(RoleInput) })),
  response: Roles,
  description: "Creates several roles"
})

/**
 * `POST /v1/mgmt/role/update/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateBatch = Endpoint.post("mgmt.role.updateBatch", "/v1/mgmt/role/update/batch", {
  credential: "management",
  request: lazy(() => Schema.Struct({ roles: Schema.Array(RoleUpdate) })),
  response: Roles,
  description: "Updates several roles"
})

/**
 * `POST /v1/mgmt/role/delete/batch` (node-sdk's `{ roleNames, tenantId, roleIds }`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteBatch = Endpoint.post("mgmt.role.deleteBatch", "/v1/mgmt/role/delete/batch", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      roleNames: optional(Strings),
      tenantId: optional(Schema.String),
      roleIds: optional(Strings)
    })
  ),
  response: Endpoint.Empty,
  description: "Deletes several roles by name and/or id"
})

/**
 * `GET /v1/mgmt/role/all`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAll = Endpoint.get("mgmt.role.loadAll", "/v1/mgmt/role/all", {
  credential: "management",
  response: Roles,
  description: "Loads every role"
})

/**
 * `POST /v1/mgmt/role/search`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const search = Endpoint.post("mgmt.role.search", "/v1/mgmt/role/search", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      tenantIds: optional(Strings),
      roleNames: optional(Strings),
      roleNameLike: optional(Schema.String),
      permissionNames: optional(Strings),
      includeProjectRoles: optional(Bool),
      roleIds: optional(Strings)
    })
  ),
  response: Roles,
  description: "Searches roles"
})

export {
  /**
   * `POST /v1/mgmt/role/delete` (by name, or by id).
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
