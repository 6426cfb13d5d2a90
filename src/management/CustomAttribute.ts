/**
 * The custom attributes of the project's user schema, in `client.mgmt.user`:
 * list, create, delete. Each call answers the whole schema.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonEmptyBatch, nonEmptyList, oneOf } from "../internal/validate.js"
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
 * Descope's names of the custom attribute types, as `createCustomAttribute`
 * sends them (the console's and the Terraform provider's spelling).
 *
 * @since 0.2.0
 * @category models
 */
export type CustomAttributeTypeName = "string" | "number" | "boolean" | "date" | "singleselect" | "multiselect"

/**
 * The custom attribute type names.
 *
 * @since 0.2.0
 * @category constants
 */
export const customAttributeTypeNames: ReadonlyArray<CustomAttributeTypeName> = [
  "string",
  "number",
  "boolean",
  "date",
  "singleselect",
  "multiselect"
]

/**
 * A choice of a select-type attribute: a string is both its label and its value.
 *
 * @since 0.2.0
 * @category models
 */
export type CustomAttributeChoice = string | { readonly label: string; readonly value: string }

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
  /**
   * Adds one custom attribute, its type named as Descope names it (python-sdk's
   * `create_custom_attribute`; the batch endpoint with one attribute, the type
   * sent as its name); answers the whole schema.
   */
  readonly createCustomAttribute: (
    name: string,
    displayName: string,
    type: CustomAttributeTypeName,
    options?: ReadonlyArray<CustomAttributeChoice>
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
  createCustomAttribute: (name, displayName, type, options) =>
    checked(
      [nonEmpty("name", name), oneOf<string, string>("type", customAttributeTypeNames, type)],
      Effect.map(
        mgmt.call(Wire.createCustomAttributes, {
          request: {
            attributes: [{
              name,
              displayName,
              type,
              ...(options === undefined ? {} : {
                options: options.map((o) => typeof o === "string" ? { label: o, value: o } : o)
              })
            }]
          },
          operation: "mgmt.user.createCustomAttribute"
        }),
        data
      )
    ),
  deleteCustomAttributes: (names) =>
    checked(
      [nonEmptyList("names", names)],
      Effect.map(mgmt.call(Wire.deleteCustomAttributes, { request: { names } }), data)
    )
})
