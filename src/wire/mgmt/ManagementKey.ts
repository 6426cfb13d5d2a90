/**
 * Management keys: `/v1/mgmt/managementkey` (create `PUT`, update `PATCH`,
 * load `GET`), `/delete` and `/search`. The cleartext of a key is answered
 * once, by `create`, as a `Secret`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Num, opt, optional, Secret, Strings } from "../Fields.js"

/**
 * What a key may do: company roles, roles in projects, roles in projects of tags.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ReBac = lazy(() =>
  Schema.Struct({
    companyRoles: optional(Strings),
    projectRoles: optional(Schema.Array(Schema.Struct({ projectIds: Strings, roles: Strings }))),
    tagRoles: optional(Schema.Array(Schema.Struct({ tags: Strings, roles: Strings })))
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ReBac = typeof ReBac.Type

/**
 * A management key, as Descope answers it (never with its cleartext).
 *
 * @since 0.2.0
 * @category schemas
 */
export const ManagementKey = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    description: opt(Schema.String),
    status: opt(Schema.String),
    createdTime: opt(Schema.Number),
    expireTime: opt(Schema.Number),
    permittedIps: opt(Strings),
    reBac: opt(ReBac),
    version: opt(Schema.Number),
    authzVersion: opt(Schema.Number)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ManagementKey = typeof ManagementKey.Type

const KeyResponse = lazy(() => Schema.Struct({ key: ManagementKey }))
const m = { credential: "management" } as const

/**
 * `PUT /v1/mgmt/managementkey`: answers the key and its cleartext (once).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.put("mgmt.managementKey.create", "/v1/mgmt/managementkey", {
  ...m,
  request: lazy(() =>
    Schema.Struct({
      name: Schema.String,
      description: optional(Schema.String),
      expiresIn: optional(Num),
      permittedIps: optional(Strings),
      reBac: optional(ReBac)
    })
  ),
  response: lazy(() => Schema.Struct({ key: ManagementKey, cleartext: Secret })),
  description: "Creates a management key"
})

/**
 * `PATCH /v1/mgmt/managementkey`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.patch("mgmt.managementKey.update", "/v1/mgmt/managementkey", {
  ...m,
  request: lazy(() =>
    Schema.Struct({
      id: Schema.String,
      name: Schema.String,
      description: optional(Schema.String),
      permittedIps: optional(Strings),
      status: optional(Schema.String)
    })
  ),
  response: KeyResponse,
  description: "Updates a management key (name, description, permitted addresses, status)"
})

const del = Endpoint.post("mgmt.managementKey.delete", "/v1/mgmt/managementkey/delete", {
  ...m,
  request: lazy(() => Schema.Struct({ ids: Strings })),
  response: Endpoint.Empty,
  description: "Deletes management keys"
})

/**
 * `GET /v1/mgmt/managementkey?id=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.get("mgmt.managementKey.load", "/v1/mgmt/managementkey", {
  ...m,
  request: lazy(() => Schema.Struct({ id: Schema.String })),
  response: KeyResponse,
  description: "Loads a management key"
})

/**
 * `GET /v1/mgmt/managementkey/search`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const search = Endpoint.get("mgmt.managementKey.search", "/v1/mgmt/managementkey/search", {
  ...m,
  response: lazy(() => Schema.Struct({ keys: opt(Schema.Array(ManagementKey)) })),
  description: "Lists the management keys"
})

export {
  /**
   * `POST /v1/mgmt/managementkey/delete`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
