/**
 * `client.mgmt.descoper` (node-sdk's `management.descoper`): the users of the
 * Descope console and their roles.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonEmptyBatch } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Descoper.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A descoper.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Descoper = Wire.Descoper

/**
 * @since 0.2.0
 * @category models
 */
export type Descoper = Wire.Descoper

/**
 * @since 0.2.0
 * @category models
 */
export type DescoperCreate = Wire.DescoperCreate

/**
 * @since 0.2.0
 * @category models
 */
export type DescoperRbac = Wire.Rbac

/**
 * @since 0.2.0
 * @category models
 */
export type DescoperAttributes = typeof Wire.Attributes.Type

/**
 * Descopers and their count.
 *
 * @since 0.2.0
 * @category models
 */
export interface Descopers {
  readonly descopers: ReadonlyArray<Descoper>
  readonly total: number
}

/**
 * `client.mgmt.descoper`.
 *
 * @since 0.2.0
 * @category models
 */
export interface DescoperApi {
  /** Creates descopers; answers them. */
  readonly create: (descopers: ReadonlyArray<DescoperCreate>) => Effect.Effect<Descopers, ManagementError>
  /** Updates a descoper's attributes and/or roles; answers it. */
  readonly update: (
    id: string,
    attributes?: DescoperAttributes | undefined,
    rbac?: DescoperRbac | undefined
  ) => Effect.Effect<Descoper, ManagementError>
  /** Loads a descoper. */
  readonly load: (id: string) => Effect.Effect<Descoper, ManagementError>
  /** Deletes a descoper. */
  readonly delete: (id: string) => Effect.Effect<void, ManagementError>
  /** Every descoper. */
  readonly list: () => Effect.Effect<Descopers, ManagementError>
}

const descopers = (r: typeof Wire.DescopersResponse.Type): Descopers => {
  const all = r.descopers ?? []
  return { descopers: all, total: r.total ?? all.length }
}

/**
 * Builds `client.mgmt.descoper`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): DescoperApi => ({
  create: (ds) =>
    checked(
      [nonEmptyBatch("descopers", ds)],
      Effect.map(mgmt.call(Wire.create, { request: { descopers: ds } }), descopers)
    ),
  update: (id, attributes, rbac) =>
    checked(
      [nonEmpty("id", id)],
      Effect.map(mgmt.call(Wire.update, { request: { id, attributes, rbac } }), (r) => r.descoper)
    ),
  load: (id) => checked([nonEmpty("id", id)], Effect.map(mgmt.call(Wire.load, { request: { id } }), (r) => r.descoper)),
  delete: (id) => checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(Wire.delete, { request: { id } }))),
  list: () => Effect.map(mgmt.call(Wire.list, {}), descopers)
})
