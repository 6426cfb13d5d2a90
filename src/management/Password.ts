/**
 * `client.mgmt.password`: password policy of the project or a tenant (§10.11).
 * Names follow the Python SDK (`get_settings`, `configure_settings`).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../wire/mgmt/Password.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * Password settings. The non-alphanumeric rule is `nonAlphaNumeric` here
 * (node-sdk's name) and `nonAlphanumeric` on the wire (Descope's); both are read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PasswordSettings = Wire.PasswordSettings

/**
 * @since 0.1.0
 * @category models
 */
export type PasswordSettings = Wire.PasswordSettings

/**
 * The settings sent by `configureSettings`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PasswordSettingsInput {
  readonly enabled?: boolean | undefined
  readonly minLength?: number | undefined
  readonly lowercase?: boolean | undefined
  readonly uppercase?: boolean | undefined
  readonly number?: boolean | undefined
  readonly nonAlphaNumeric?: boolean | undefined
  readonly expiration?: boolean | undefined
  readonly expirationWeeks?: number | undefined
  readonly reuse?: boolean | undefined
  readonly reuseAmount?: number | undefined
  readonly lock?: boolean | undefined
  readonly lockAttempts?: number | undefined
}

/**
 * `client.mgmt.password`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PasswordApi {
  /** The settings of a tenant, or of the project for `""`. */
  readonly getSettings: (tenantId: string) => Effect.Effect<PasswordSettings, ManagementError>
  /** Configures the settings of a tenant, or of the project for `tenantId: ""`. */
  readonly configureSettings: (
    options: { readonly tenantId: string; readonly settings: PasswordSettingsInput }
  ) => Effect.Effect<void, ManagementError>
}

/**
 * Builds `client.mgmt.password`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): PasswordApi => ({
  getSettings: (tenantId) => mgmt.call(Wire.getSettings, { request: { tenantId } }),
  configureSettings: (o) =>
    Effect.asVoid(mgmt.call(Wire.configureSettings, { request: { ...o.settings, tenantId: o.tenantId } }))
})
