/**
 * The custom attributes of the project's user schema, in `client.mgmt.user`:
 * list, create, delete. Each call answers the whole schema.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonEmptyBatch, nonEmptyList } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/CustomAttribute.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A custom attribute to create (node-sdk's wire: `type` is a number).
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomAttributeInput {
  readonly name: string
  readonly displayName?: string | undefined
  readonly type?: number | undefined
  readonly options?: ReadonlyArray<{ readonly label: string; readonly value: string }> | undefined
  readonly defaultValue?: unknown
  readonly viewPermissions?: ReadonlyArray<string> | undefined
  readonly editPermissions?: ReadonlyArray<string> | undefined
}

/**
 * The custom attribute schema, part of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category models
 */
export interface CustomAttributeApi {
  /** The custom attributes of the project's user schema (`GET /v1/mgmt/user/customattributes`). */
  readonly getCustomAttributes: () => Effect.Effect<ReadonlyArray<Wire.CustomAttribute>, ManagementError>
  /** Adds custom attributes to the user schema; answers the whole schema. */
  readonly createCustomAttributes: (
    attributes: ReadonlyArray<CustomAttributeInput>
  ) => Effect.Effect<ReadonlyArray<Wire.CustomAttribute>, ManagementError>
  /** Removes custom attributes from the user schema by name; answers the whole schema. */
  readonly deleteCustomAttributes: (
    names: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyArray<Wire.CustomAttribute>, ManagementError>
}

const data = (r: typeof Wire.CustomAttributes.Type) => r.data ?? []

/**
 * Builds the custom attribute schema calls of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): CustomAttributeApi => ({
  getCustomAttributes: () => Effect.map(mgmt.call(Wire.getCustomAttributes, {}), data),
  createCustomAttributes: (attributes) =>
    checked(
      [nonEmptyBatch("attributes", attributes), ...attributes.map((a) => nonEmpty("name", a.name))],
      Effect.map(mgmt.call(Wire.createCustomAttributes, { request: { attributes } }), data)
    ),
  deleteCustomAttributes: (names) =>
    checked(
      [nonEmptyList("names", names)],
      Effect.map(mgmt.call(Wire.deleteCustomAttributes, { request: { names } }), data)
    )
})
