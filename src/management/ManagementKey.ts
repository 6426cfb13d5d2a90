/**
 * `client.mgmt.managementKey` (node-sdk's `management.managementKey`):
 * management keys; `create` answers the key's cleartext once, `Redacted`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { checked, nonEmpty, nonEmptyList, oneOf } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/ManagementKey.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A management key.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ManagementKey = Wire.ManagementKey

/**
 * @since 0.2.0
 * @category models
 */
export type ManagementKey = Wire.ManagementKey

/**
 * @since 0.2.0
 * @category models
 */
export type ManagementKeyReBac = Wire.ReBac

/**
 * A key's status.
 *
 * @since 0.2.0
 * @category models
 */
export type ManagementKeyStatus = "active" | "inactive"

/**
 * What `create` answers: the key and its cleartext (answered only here).
 *
 * @since 0.2.0
 * @category models
 */
export interface CreatedManagementKey {
  readonly key: ManagementKey
  readonly cleartext: Redacted.Redacted<string>
}

/**
 * `client.mgmt.managementKey`.
 *
 * @since 0.2.0
 * @category models
 */
export interface ManagementKeyApi {
  /** Creates a key (`expiresIn` seconds, 0 or absent: never); answers it and its cleartext. */
  readonly create: (
    name: string,
    reBac: ManagementKeyReBac,
    description?: string | undefined,
    expiresIn?: number | undefined,
    permittedIps?: ReadonlyArray<string> | undefined
  ) => Effect.Effect<CreatedManagementKey, ManagementError>
  /** Updates a key's name, description, status and permitted addresses; answers it. */
  readonly update: (
    id: string,
    name: string,
    description: string,
    status: ManagementKeyStatus,
    permittedIps?: ReadonlyArray<string> | undefined
  ) => Effect.Effect<ManagementKey, ManagementError>
  /** Deletes keys. */
  readonly delete: (ids: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Loads a key. */
  readonly load: (id: string) => Effect.Effect<ManagementKey, ManagementError>
  /** Every key. */
  readonly search: () => Effect.Effect<ReadonlyArray<ManagementKey>, ManagementError>
}

/**
 * Builds `client.mgmt.managementKey`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): ManagementKeyApi => ({
  create: (name, reBac, description, expiresIn, permittedIps) =>
    checked(
      [nonEmpty("name", name)],
      mgmt.call(Wire.create, { request: { name, description, expiresIn, permittedIps, reBac } })
    ),
  update: (id, name, description, status, permittedIps) =>
    checked(
      [nonEmpty("id", id), nonEmpty("name", name), oneOf("status", ["active", "inactive"], status)],
      Effect.map(
        mgmt.call(Wire.update, { request: { id, name, description, permittedIps, status } }),
        (r) => r.key
      )
    ),
  delete: (ids) => checked([nonEmptyList("ids", ids)], Effect.asVoid(mgmt.call(Wire.delete, { request: { ids } }))),
  load: (id) => checked([nonEmpty("id", id)], Effect.map(mgmt.call(Wire.load, { request: { id } }), (r) => r.key)),
  search: () => Effect.map(mgmt.call(Wire.search, {}), (r) => r.keys ?? [])
})
