/**
 * `client.mgmt.password`: password policy of the project or a tenant (§10.11).
 * Names follow the Python SDK (`get_settings`, `configure_settings`).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { type ManagementError, type ManagementHttp, opt, Void } from "./ManagementHttp.js"

/**
 * Password settings (note `nonAlphaNumeric` with a capital N on this endpoint).
 *
 * @since 0.1.0
 * @category schemas
 */
export const PasswordSettings = Schema.Struct({
  enabled: opt(Schema.Boolean),
  minLength: opt(Schema.Number),
  lowercase: opt(Schema.Boolean),
  uppercase: opt(Schema.Boolean),
  number: opt(Schema.Boolean),
  nonAlphaNumeric: opt(Schema.Boolean),
  expiration: opt(Schema.Boolean),
  expirationWeeks: opt(Schema.Number),
  reuse: opt(Schema.Boolean),
  reuseAmount: opt(Schema.Number),
  lock: opt(Schema.Boolean),
  lockAttempts: opt(Schema.Number)
})

/**
 * @since 0.1.0
 * @category models
 */
export type PasswordSettings = typeof PasswordSettings.Type

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
  getSettings: (tenantId) =>
    mgmt.callSpec({
      method: "GET",
      path: "/v1/mgmt/password/settings",
      query: { tenantId },
      operation: "mgmt.password.getSettings",
      schema: PasswordSettings
    }),
  configureSettings: (o) =>
    Effect.asVoid(mgmt.callSpec({
      method: "POST",
      path: "/v1/mgmt/password/settings",
      body: { ...o.settings, tenantId: o.tenantId },
      operation: "mgmt.password.configureSettings",
      schema: Void
    }))
})
