/**
 * Access keys: `/v1/mgmt/accesskey/*`. The cleartext of a key is answered
 * once, by `create` and `rotate`, as a `Secret`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { JsonObject, Num, opt, optional, Secret, Strings } from "../Fields.js"
import { AssociatedTenant } from "./AssociatedTenant.js"

/**
 * A tenant of an access key, with its name.
 *
 * @since 0.2.0
 * @category schemas
 */
export const KeyTenant = lazy(() =>
  Schema.Struct({
    tenantId: Schema.String,
    roleNames: opt(Strings),
    tenantName: opt(Schema.String)
  })
)

/**
 * An access key (never its secret).
 *
 * @since 0.2.0
 * @category schemas
 */
export const AccessKey = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    description: opt(Schema.String),
    roleNames: opt(Strings),
    keyTenants: opt(Schema.Array(KeyTenant)),
    status: opt(Schema.String),
    createdTime: opt(Schema.Number),
    expireTime: opt(Schema.Number),
    createdBy: opt(Schema.String),
    clientId: opt(Schema.String),
    boundUserId: opt(Schema.String),
    customClaims: opt(JsonObject),
    permittedIps: opt(Strings),
    customAttributes: opt(JsonObject)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type AccessKey = typeof AccessKey.Type

/**
 * A created (or rotated) key with its cleartext, shown this once.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CreatedAccessKey = lazy(() => Schema.Struct({ key: AccessKey, cleartext: Secret }))

/**
 * @since 0.2.0
 * @category models
 */
export type CreatedAccessKey = typeof CreatedAccessKey.Type

/**
 * `{ key }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const KeyResponse = lazy(() => Schema.Struct({ key: AccessKey }))

/**
 * `{ keys }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Keys = lazy(() => Schema.Struct({ keys: opt(Schema.Array(AccessKey)) }))

const ById = lazy(() => Schema.Struct({ id: Schema.String }))
const ByIds = lazy(() => Schema.Struct({ ids: Strings }))

/**
 * A new key. `expireTime` is epoch seconds, `0` for never.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AccessKeyInput = lazy(() =>
  Schema.Struct({
    name: Schema.String,
    expireTime: optional(Num),
    roleNames: optional(Strings),
    keyTenants: optional(Schema.Array(AssociatedTenant)),
    userId: optional(Schema.String),
    customClaims: optional(JsonObject),
    description: optional(Schema.String),
    permittedIps: optional(Strings),
    customAttributes: optional(JsonObject)
  })
)

/**
 * A key update (node-sdk's: roles and tenants may change; python-sdk's cannot).
 *
 * @since 0.2.0
 * @category schemas
 */
export const AccessKeyUpdate = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: optional(Schema.String),
    description: optional(Schema.String),
    roleNames: optional(Strings),
    keyTenants: optional(Schema.Array(AssociatedTenant)),
    customClaims: optional(JsonObject),
    permittedIps: optional(Strings),
    customAttributes: optional(JsonObject)
  })
)

/**
 * `POST /v1/mgmt/accesskey/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.post("mgmt.accessKey.create", "/v1/mgmt/accesskey/create", {
  credential: "management",
  request: AccessKeyInput,
  response: CreatedAccessKey,
  description: "Creates an access key; answers its cleartext once"
})

/**
 * `GET /v1/mgmt/accesskey?id=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.get("mgmt.accessKey.load", "/v1/mgmt/accesskey", {
  credential: "management",
  request: ById,
  response: KeyResponse,
  description: "Loads an access key"
})

/**
 * `POST /v1/mgmt/accesskey/search`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const searchAllAccessKeys = Endpoint.post("mgmt.accessKey.searchAllAccessKeys", "/v1/mgmt/accesskey/search", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      tenantIds: optional(Strings),
      boundUserId: optional(Schema.String),
      creatingUser: optional(Schema.String),
      customAttributes: optional(JsonObject)
    })
  ),
  response: Keys,
  description: "Searches access keys"
})

/**
 * `POST /v1/mgmt/accesskey/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("mgmt.accessKey.update", "/v1/mgmt/accesskey/update", {
  credential: "management",
  request: AccessKeyUpdate,
  response: KeyResponse,
  description: "Updates an access key"
})

/**
 * `POST /v1/mgmt/accesskey/activate`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const activate = Endpoint.post("mgmt.accessKey.activate", "/v1/mgmt/accesskey/activate", {
  credential: "management",
  request: ById,
  response: Endpoint.Empty,
  description: "Activates an access key"
})

/**
 * `POST /v1/mgmt/accesskey/deactivate`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deactivate = Endpoint.post("mgmt.accessKey.deactivate", "/v1/mgmt/accesskey/deactivate", {
  credential: "management",
  request: ById,
  response: Endpoint.Empty,
  description: "Deactivates an access key"
})

const del = Endpoint.post("mgmt.accessKey.delete", "/v1/mgmt/accesskey/delete", {
  credential: "management",
  request: ById,
  response: Endpoint.Empty,
  description: "Deletes an access key"
})

/**
 * `POST /v1/mgmt/accesskey/activate/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const activateBatch = Endpoint.post("mgmt.accessKey.activateBatch", "/v1/mgmt/accesskey/activate/batch", {
  credential: "management",
  request: ByIds,
  response: Endpoint.Empty,
  description: "Activates several access keys"
})

/**
 * `POST /v1/mgmt/accesskey/deactivate/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deactivateBatch = Endpoint.post(
  "mgmt.accessKey.deactivateBatch",
  "/v1/mgmt/accesskey/deactivate/batch",
  {
    credential: "management",
    request: ByIds,
    response: Endpoint.Empty,
    description: "Deactivates several access keys"
  }
)

/**
 * `POST /v1/mgmt/accesskey/delete/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteBatch = Endpoint.post("mgmt.accessKey.deleteBatch", "/v1/mgmt/accesskey/delete/batch", {
  credential: "management",
  request: ByIds,
  response: Endpoint.Empty,
  description: "Deletes several access keys"
})

/**
 * `POST /v1/mgmt/accesskey/rotate`: same id, a new secret; the old one stops working at once.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const rotate = Endpoint.post("mgmt.accessKey.rotate", "/v1/mgmt/accesskey/rotate", {
  credential: "management",
  request: ById,
  response: CreatedAccessKey,
  description: "Replaces an access key's secret; answers the new cleartext once"
})

export {
  /**
   * `POST /v1/mgmt/accesskey/delete`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
