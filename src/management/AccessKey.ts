/**
 * `client.mgmt.accessKey`: access keys (§10.3, §11.4). The cleartext of a key
 * is returned once, `Redacted`, by `create` and `rotate`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonEmptyList } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/AccessKey.js"
import type { AssociatedTenant } from "./AssociatedTenant.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A tenant of an access key.
 *
 * @since 0.1.0
 * @category schemas
 */
export const KeyTenant = Wire.KeyTenant

/**
 * An access key (never its secret).
 *
 * @since 0.1.0
 * @category schemas
 */
export const AccessKey = Wire.AccessKey

/**
 * @since 0.1.0
 * @category models
 */
export type AccessKey = Wire.AccessKey

/**
 * A created (or rotated) key with its cleartext, shown this once.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreatedAccessKey = Wire.CreatedAccessKey

/**
 * @since 0.1.0
 * @category models
 */
export type CreatedAccessKey = Wire.CreatedAccessKey

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
  type ById = typeof Wire.activate | typeof Wire.deactivate | typeof Wire.delete
  type ByIds = typeof Wire.activateBatch | typeof Wire.deactivateBatch | typeof Wire.deleteBatch
  const byId = (endpoint: ById) => (id: string) =>
    checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(endpoint, { request: { id } })))
  const byIds = (endpoint: ByIds) => (ids: ReadonlyArray<string>) =>
    checked([nonEmptyList("ids", ids)], Effect.asVoid(mgmt.call(endpoint, { request: { ids } })))
  return {
    create: (o) =>
      checked([nonEmpty("name", o.name)], mgmt.call(Wire.create, { request: { ...o, expireTime: o.expireTime ?? 0 } })),
    load: (id) => checked([nonEmpty("id", id)], Effect.map(mgmt.call(Wire.load, { request: { id } }), (r) => r.key)),
    searchAllAccessKeys: (o = {}) =>
      Effect.map(mgmt.call(Wire.searchAllAccessKeys, { request: o }), (r) => r.keys ?? []),
    update: (o) =>
      checked(
        [nonEmpty("id", o.id), nonEmpty("name", o.name)],
        Effect.map(mgmt.call(Wire.update, { request: o }), (r) => r.key)
      ),
    activate: byId(Wire.activate),
    deactivate: byId(Wire.deactivate),
    delete: byId(Wire.delete),
    activateBatch: byIds(Wire.activateBatch),
    deactivateBatch: byIds(Wire.deactivateBatch),
    deleteBatch: byIds(Wire.deleteBatch),
    rotate: (id) => checked([nonEmpty("id", id)], mgmt.call(Wire.rotate, { request: { id } }))
  }
}
