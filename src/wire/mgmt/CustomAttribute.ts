/**
 * The custom attributes of the project's user schema: list, create, delete
 * (`/v1/mgmt/user/customattribute*`). Each call answers the whole schema.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, opt, optional, Strings } from "../Fields.js"

/**
 * One choice of a select-type custom attribute.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CustomAttributeOption = lazy(() =>
  Schema.Struct({
    label: opt(Schema.String),
    value: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type CustomAttributeOption = typeof CustomAttributeOption.Type

/**
 * A custom attribute of the user schema. `type` is a number on node-sdk's
 * wire (python-sdk sends a string): both are read and kept as sent.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CustomAttribute = lazy(() =>
  Schema.Struct({
    name: opt(Schema.String),
    type: opt(Schema.Union(Schema.Number, Schema.String)),
    options: opt(Schema.Array(CustomAttributeOption)),
    displayName: opt(Schema.String),
    defaultValue: opt(Schema.Unknown),
    viewPermissions: opt(Strings),
    editPermissions: opt(Strings),
    /** python-sdk. */
    required: opt(Bool)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type CustomAttribute = typeof CustomAttribute.Type

/**
 * `{ data }`: the whole user schema.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CustomAttributes = lazy(() => Schema.Struct({ data: opt(Schema.Array(CustomAttribute)) }))

/**
 * `GET /v1/mgmt/user/customattributes`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getCustomAttributes = Endpoint.get("mgmt.user.getCustomAttributes", "/v1/mgmt/user/customattributes", {
  credential: "management",
  response: CustomAttributes,
  description: "Lists the custom attributes of the user schema"
})

/**
 * `POST /v1/mgmt/user/customattribute/create` (an attribute of an existing name is replaced).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createCustomAttributes = Endpoint.post(
  "mgmt.user.createCustomAttributes",
  "/v1/mgmt/user/customattribute/create",
  {
    credential: "management",
    request: lazy(() => Schema.Struct({ attributes: Schema.Array(CustomAttribute) })),
    response: CustomAttributes,
    description: "Adds custom attributes to the user schema"
  }
)

/**
 * `POST /v1/mgmt/user/customattribute/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteCustomAttributes = Endpoint.post(
  "mgmt.user.deleteCustomAttributes",
  "/v1/mgmt/user/customattribute/delete",
  {
    credential: "management",
    request: lazy(() => Schema.Struct({ names: optional(Strings) })),
    response: CustomAttributes,
    description: "Removes custom attributes from the user schema by name"
  }
)
