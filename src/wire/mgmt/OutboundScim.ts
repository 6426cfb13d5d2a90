/**
 * Outbound SCIM (python-sdk's `mgmt.outbound_scim`): the SCIM provisioning
 * configuration of a federated SSO application, `/v1/mgmt/outbound/scim/*`.
 * An update names the stored `version` (optimistic concurrency: another
 * version is a conflict).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, Num, opt, optional } from "../Fields.js"

/**
 * A SCIM configuration, as Descope answers it.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ScimConfiguration = lazy(() =>
  Schema.Struct({
    appId: Schema.String,
    configuration: opt(JsonObject),
    enabled: opt(Schema.Boolean),
    lastExportTime: opt(Schema.Number),
    lastProcessingTime: opt(Schema.Number),
    failures: opt(Schema.Number),
    version: opt(Schema.Number)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ScimConfiguration = typeof ScimConfiguration.Type

const Answer = lazy(() => Schema.Struct({ configuration: ScimConfiguration }))
const m = { credential: "management" } as const

/**
 * `POST /v1/mgmt/outbound/scim/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createConfiguration = Endpoint.post(
  "mgmt.outboundScim.createConfiguration",
  "/v1/mgmt/outbound/scim/create",
  {
    ...m,
    request: lazy(() => Schema.Struct({ appId: Schema.String, configuration: optional(JsonObject) })),
    response: Answer,
    description: "Creates the SCIM configuration of a federated application"
  }
)

/**
 * `POST /v1/mgmt/outbound/scim/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateConfiguration = Endpoint.post(
  "mgmt.outboundScim.updateConfiguration",
  "/v1/mgmt/outbound/scim/update",
  {
    ...m,
    request: lazy(() => Schema.Struct({ appId: Schema.String, version: Num, configuration: optional(JsonObject) })),
    response: Answer,
    description: "Updates a SCIM configuration (of the version named)"
  }
)

/**
 * `POST /v1/mgmt/outbound/scim/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteConfiguration = Endpoint.post(
  "mgmt.outboundScim.deleteConfiguration",
  "/v1/mgmt/outbound/scim/delete",
  {
    ...m,
    request: lazy(() => Schema.Struct({ appId: Schema.String })),
    response: Endpoint.Empty,
    description: "Deletes a SCIM configuration"
  }
)

/**
 * `GET /v1/mgmt/outbound/scim/{appId}`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadConfiguration = Endpoint.get(
  "mgmt.outboundScim.loadConfiguration",
  "/v1/mgmt/outbound/scim/{appId}",
  { ...m, response: Answer, description: "Loads a SCIM configuration" }
)

/**
 * `POST /v1/mgmt/outbound/scim/enabled/set`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const setEnabled = Endpoint.post("mgmt.outboundScim.setEnabled", "/v1/mgmt/outbound/scim/enabled/set", {
  ...m,
  request: lazy(() => Schema.Struct({ appId: Schema.String, enabled: Bool })),
  response: Answer,
  description: "Enables or disables a SCIM configuration"
})
