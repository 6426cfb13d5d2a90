/**
 * `client.mgmt.outboundScim` (python-sdk's `mgmt.outbound_scim`, camelCased):
 * the SCIM provisioning configuration of a federated SSO application.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonNegativeInt } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/OutboundScim.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A SCIM configuration.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ScimConfiguration = Wire.ScimConfiguration

/**
 * @since 0.2.0
 * @category models
 */
export type ScimConfiguration = Wire.ScimConfiguration

type Configuration = Readonly<Record<string, unknown>>

/**
 * `client.mgmt.outboundScim`.
 *
 * @since 0.2.0
 * @category models
 */
export interface OutboundScimApi {
  /** Creates the SCIM configuration of a federated application; answers it. */
  readonly createConfiguration: (
    appId: string,
    configuration?: Configuration | undefined
  ) => Effect.Effect<ScimConfiguration, ManagementError>
  /** Updates it, naming the stored `version` (another is a conflict); answers it. */
  readonly updateConfiguration: (
    appId: string,
    version: number,
    configuration?: Configuration | undefined
  ) => Effect.Effect<ScimConfiguration, ManagementError>
  /** Deletes it. */
  readonly deleteConfiguration: (appId: string) => Effect.Effect<void, ManagementError>
  /** Loads it. */
  readonly loadConfiguration: (appId: string) => Effect.Effect<ScimConfiguration, ManagementError>
  /** Enables or disables it; answers it. */
  readonly setEnabled: (appId: string, enabled: boolean) => Effect.Effect<ScimConfiguration, ManagementError>
}

/**
 * Builds `client.mgmt.outboundScim`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): OutboundScimApi => {
  const configuration = (r: { readonly configuration: ScimConfiguration }) => r.configuration
  const app = (appId: string) => [nonEmpty("appId", appId)]
  return {
    createConfiguration: (appId, c) =>
      checked(
        app(appId),
        Effect.map(mgmt.call(Wire.createConfiguration, { request: { appId, configuration: c } }), configuration)
      ),
    updateConfiguration: (appId, version, c) =>
      checked(
        [...app(appId), nonNegativeInt("version", version)],
        Effect.map(
          mgmt.call(Wire.updateConfiguration, { request: { appId, version, configuration: c } }),
          configuration
        )
      ),
    deleteConfiguration: (appId) =>
      checked(app(appId), Effect.asVoid(mgmt.call(Wire.deleteConfiguration, { request: { appId } }))),
    loadConfiguration: (appId) =>
      checked(app(appId), Effect.map(mgmt.call(Wire.loadConfiguration, { path: { appId } }), configuration)),
    setEnabled: (appId, enabled) =>
      checked(app(appId), Effect.map(mgmt.call(Wire.setEnabled, { request: { appId, enabled } }), configuration))
  }
}
