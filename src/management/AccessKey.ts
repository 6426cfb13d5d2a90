/**
 * `client.mgmt.accessKey`: access keys (§10.3, §11.4). The cleartext of a key
 * is returned once, `Redacted`, by `create` and `rotate`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { type AssociatedTenant, listToWire } from "./AssociatedTenant.js"
import {
  checked,
  type ManagementError,
  type ManagementHttp,
  nonEmpty,
  nonEmptyList,
  opt,
  Void
} from "./ManagementHttp.js"

/**
 * A tenant of an access key.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KeyTenant = Schema.Struct({
  tenantId: Schema.String,
  roleNames: opt(Schema.Array(Schema.String)),
  tenantName: opt(Schema.String)
})

/**
 * An access key (never its secret).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AccessKey = Schema.Struct({
  id: Schema.String,
  name: opt(Schema.String),
  description: opt(Schema.String),
  roleNames: opt(Schema.Array(Schema.String)),
  keyTenants: opt(Schema.Array(KeyTenant)),
  status: opt(Schema.String),
  createdTime: opt(Schema.Number),
  expireTime: opt(Schema.Number),
  createdBy: opt(Schema.String),
  clientId: opt(Schema.String),
  boundUserId: opt(Schema.String),
  customClaims: opt(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  permittedIps: opt(Schema.Array(Schema.String)),
  customAttributes: opt(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})

/**
 * @since 0.1.0
 * @category models
 */
export type AccessKey = typeof AccessKey.Type

/**
 * A created (or rotated) key with its cleartext, shown this once.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreatedAccessKey = Schema.Struct({
  key: AccessKey,
  cleartext: Schema.Redacted(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type CreatedAccessKey = typeof CreatedAccessKey.Type

/**
 * Options of `create`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateOptions {
  readonly name: string
  /** Expiry, epoch seconds; 0 (the default) means never. Descope judges past times. */
  readonly expireTime?: number | undefined
  /** Project-level roles; exclusive with `keyTenants`, which take precedence. */
  readonly roleNames?: ReadonlyArray<string> | undefined
  readonly keyTenants?: ReadonlyArray<AssociatedTenant> | undefined
  /** Bind the key to a user: it then carries that user's authorization. */
  readonly userId?: string | undefined
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  readonly description?: string | undefined
  readonly permittedIps?: ReadonlyArray<string> | undefined
  readonly customAttributes?: Readonly<Record<string, unknown>> | undefined
}

/**
 * Options of `update`. Roles and tenants may change, as node-sdk allows
 * (python-sdk's update cannot change them).
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateOptions {
  readonly id: string
  readonly name: string
  readonly description?: string | undefined
  readonly roleNames?: ReadonlyArray<string> | undefined
  readonly keyTenants?: ReadonlyArray<AssociatedTenant> | undefined
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  readonly permittedIps?: ReadonlyArray<string> | undefined
  readonly customAttributes?: Readonly<Record<string, unknown>> | undefined
}

/**
 * `client.mgmt.accessKey`.
 *
 * @since 0.1.0
 * @category models
 */
export interface AccessKeyApi {
  /** Creates a key; the cleartext comes back `Redacted`, once. */
  readonly create: (options: CreateOptions) => Effect.Effect<CreatedAccessKey, ManagementError>
  /** Loads a key. */
  readonly load: (id: string) => Effect.Effect<AccessKey, ManagementError>
  /** Searches keys. */
  readonly searchAllAccessKeys: (options?: {
    readonly tenantIds?: ReadonlyArray<string> | undefined
    readonly boundUserId?: string | undefined
    readonly creatingUser?: string | undefined
    readonly customAttributes?: Readonly<Record<string, unknown>> | undefined
  }) => Effect.Effect<ReadonlyArray<AccessKey>, ManagementError>
  /** Updates a key. */
  readonly update: (options: UpdateOptions) => Effect.Effect<AccessKey, ManagementError>
  /** Re-enables a key. */
  readonly activate: (id: string) => Effect.Effect<void, ManagementError>
  /** Disables a key (it can be activated again). */
  readonly deactivate: (id: string) => Effect.Effect<void, ManagementError>
  /** Deletes a key. */
  readonly delete: (id: string) => Effect.Effect<void, ManagementError>
  /** Replaces the key's secret (same id); the old secret stops working at once. */
  readonly rotate: (id: string) => Effect.Effect<CreatedAccessKey, ManagementError>
  /** Activates several access keys in one request (`POST /v1/mgmt/accesskey/activate/batch`). */
  readonly activateBatch: (ids: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Deactivates several access keys in one request (`POST /v1/mgmt/accesskey/deactivate/batch`). */
  readonly deactivateBatch: (ids: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Deletes several access keys in one request (`POST /v1/mgmt/accesskey/delete/batch`); cannot be undone. */
  readonly deleteBatch: (ids: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
}

/**
 * Builds `client.mgmt.accessKey`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): AccessKeyApi => {
  const byId = (operation: string, path: string) => (id: string) =>
    checked(
      [nonEmpty("id", id)],
      Effect.asVoid(mgmt.callSpec({ method: "POST", path, body: { id }, operation: `mgmt.accessKey.${operation}`, schema: Void }))
    )
  const byIds = (operation: string, path: string) => (ids: ReadonlyArray<string>) =>
    checked(
      [nonEmptyList("ids", ids)],
      Effect.asVoid(
        mgmt.callSpec({ method: "POST", path, body: { ids }, operation: `mgmt.accessKey.${operation}`, schema: Void })
      )
    )
  return {
    create: (o) =>
      checked(
        [nonEmpty("name", o.name)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/accesskey/create",
          body: {
            name: o.name,
            expireTime: o.expireTime ?? 0,
            roleNames: o.roleNames,
            keyTenants: listToWire(o.keyTenants),
            userId: o.userId,
            customClaims: o.customClaims,
            description: o.description,
            permittedIps: o.permittedIps,
            customAttributes: o.customAttributes
          },
          operation: "mgmt.accessKey.create",
          schema: CreatedAccessKey
        })
      ),
    load: (id) =>
      checked(
        [nonEmpty("id", id)],
        Effect.map(
          mgmt.callSpec({
            method: "GET",
            path: "/v1/mgmt/accesskey",
            query: { id },
            operation: "mgmt.accessKey.load",
            schema: Schema.Struct({ key: AccessKey })
          }),
          (r) => r.key
        )
      ),
    searchAllAccessKeys: (o = {}) =>
      Effect.map(
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/accesskey/search",
          body: {
            tenantIds: o.tenantIds,
            boundUserId: o.boundUserId,
            creatingUser: o.creatingUser,
            customAttributes: o.customAttributes
          },
          operation: "mgmt.accessKey.searchAllAccessKeys",
          schema: Schema.Struct({ keys: opt(Schema.Array(AccessKey)) })
        }),
        (r) => r.keys ?? []
      ),
    update: (o) =>
      checked(
        [nonEmpty("id", o.id), nonEmpty("name", o.name)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/accesskey/update",
            body: {
              id: o.id,
              name: o.name,
              description: o.description,
              roleNames: o.roleNames,
              keyTenants: listToWire(o.keyTenants),
              customClaims: o.customClaims,
              permittedIps: o.permittedIps,
              customAttributes: o.customAttributes
            },
            operation: "mgmt.accessKey.update",
            schema: Schema.Struct({ key: AccessKey })
          }),
          (r) => r.key
        )
      ),
    activate: byId("activate", "/v1/mgmt/accesskey/activate"),
    deactivate: byId("deactivate", "/v1/mgmt/accesskey/deactivate"),
    delete: byId("delete", "/v1/mgmt/accesskey/delete"),
    activateBatch: byIds("activateBatch", "/v1/mgmt/accesskey/activate/batch"),
    deactivateBatch: byIds("deactivateBatch", "/v1/mgmt/accesskey/deactivate/batch"),
    deleteBatch: byIds("deleteBatch", "/v1/mgmt/accesskey/delete/batch"),
    rotate: (id) =>
      checked(
        [nonEmpty("id", id)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/accesskey/rotate",
          body: { id },
          operation: "mgmt.accessKey.rotate",
          schema: CreatedAccessKey
        })
      )
  }
}
