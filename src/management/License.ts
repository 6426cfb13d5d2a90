/**
 * `client.mgmt.license` (python-sdk's `mgmt.license`): the project's license,
 * whose tier the management calls carry as `x-descope-license`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../wire/mgmt/License.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * The project's license (node-sdk's `License`).
 *
 * @since 0.2.0
 * @category models
 */
export interface License {
  /** The management rate-limit tier (empty when Descope names none). */
  readonly rateLimitTier: string
}

/**
 * `client.mgmt.license`.
 *
 * @since 0.2.0
 * @category models
 */
export interface LicenseApi {
  /**
   * Fetches the license now (`GET /v1/mgmt/license`), its failure surfaced; the
   * handshake that the other management calls wait for is not touched.
   */
  readonly get: () => Effect.Effect<License, ManagementError>
}

/**
 * Builds `client.mgmt.license`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): LicenseApi => ({
  get: () => Effect.map(mgmt.http.call(Wire.get, {}), (r) => ({ rateLimitTier: r.rateLimitTier ?? "" }))
})
