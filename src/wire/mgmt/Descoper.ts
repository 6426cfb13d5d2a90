/**
 * Descopers, the users of the Descope console: `/v1/mgmt/descoper`
 * (create `PUT`, update `PATCH`, load `GET`, delete `DELETE`) and
 * `/v1/mgmt/descoper/list` (`POST`; node-sdk sends it without a body, the
 * client sends `{}`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, opt, optional, Strings } from "../Fields.js"

/**
 * A descoper's display name, e-mail and phone.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Attributes = lazy(() =>
  Schema.Struct({
    displayName: optional(Schema.String),
    email: optional(Schema.String),
    phone: optional(Schema.String)
  })
)

/**
 * A descoper's roles: company admin, a role in projects of tags, a role in projects
 * (`admin`, `developer`, `support`, `auditor`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Rbac = lazy(() =>
  Schema.Struct({
    isCompanyAdmin: optional(Bool),
    tags: optional(
      Schema.Array(Schema.Struct({ tags: optional(Strings), role: optional(Schema.String) }))
    ),
    projects: optional(
      Schema.Array(Schema.Struct({ projectIds: optional(Strings), role: optional(Schema.String) }))
    )
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Rbac = typeof Rbac.Type

/**
 * A descoper, as Descope answers it.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Descoper = lazy(() =>
  Schema.Struct({
    id: opt(Schema.String),
    loginIds: opt(Strings),
    attributes: opt(Attributes),
    rbac: opt(Rbac),
    status: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Descoper = typeof Descoper.Type

/**
 * A descoper to create.
 *
 * @since 0.2.0
 * @category schemas
 */
export const DescoperCreate = lazy(() =>
  Schema.Struct({
    loginId: optional(Schema.String),
    attributes: optional(Attributes),
    sendInvite: optional(Bool),
    rbac: optional(Rbac)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type DescoperCreate = typeof DescoperCreate.Type

/**
 * `{ descopers, total }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const DescopersResponse = lazy(() =>
  Schema.Struct({ descopers: opt(Schema.Array(Descoper)), total: opt(Schema.Number) })
)

const One = lazy(() => Schema.Struct({ descoper: Descoper }))
const ById = lazy(() => Schema.Struct({ id: Schema.String }))
const m = { credential: "management" } as const

/**
 * `PUT /v1/mgmt/descoper`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.put("mgmt.descoper.create", "/v1/mgmt/descoper", {
  ...m,
  request: lazy(() => Schema.Struct({ descopers: Schema.Array(DescoperCreate) })),
  response: DescopersResponse,
  description: "Creates descopers"
})

/**
 * `PATCH /v1/mgmt/descoper`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.patch("mgmt.descoper.update", "/v1/mgmt/descoper", {
  ...m,
  request: lazy(() => Schema.Struct({ id: Schema.String, attributes: optional(Attributes), rbac: optional(Rbac) })),
  response: One,
  description: "Updates a descoper's attributes and/or roles"
})

/**
 * `GET /v1/mgmt/descoper?id=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.get("mgmt.descoper.load", "/v1/mgmt/descoper", {
  ...m,
  request: ById,
  response: One,
  description: "Loads a descoper"
})

const del = Endpoint.del("mgmt.descoper.delete", "/v1/mgmt/descoper", {
  ...m,
  request: ById,
  response: Endpoint.Empty,
  description: "Deletes a descoper"
})

/**
 * `POST /v1/mgmt/descoper/list`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const list = Endpoint.post("mgmt.descoper.list", "/v1/mgmt/descoper/list", {
  ...m,
  response: DescopersResponse,
  description: "Lists the descopers"
})

export {
  /**
   * `DELETE /v1/mgmt/descoper?id=`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
