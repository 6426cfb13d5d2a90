/**
 * `client.mgmt.scopeClaimMapping` (node-sdk's `management.scopeClaimMapping`):
 * which claims each OAuth scope adds to a token.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../wire/mgmt/ScopeClaimMapping.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * One mapping.
 *
 * @since 0.2.0
 * @category models
 */
export type ScopeClaimMappingEntry = Wire.Mapping

/**
 * `client.mgmt.scopeClaimMapping`.
 *
 * @since 0.2.0
 * @category models
 */
export interface ScopeClaimMappingApi {
  /** The mapping. */
  readonly get: () => Effect.Effect<ReadonlyArray<ScopeClaimMappingEntry>, ManagementError>
  /** Replaces the mapping. */
  readonly set: (mappings: ReadonlyArray<ScopeClaimMappingEntry>) => Effect.Effect<void, ManagementError>
  /** Deletes the mapping. */
  readonly delete: () => Effect.Effect<void, ManagementError>
}

/**
 * Builds `client.mgmt.scopeClaimMapping`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): ScopeClaimMappingApi => ({
  get: () => Effect.map(mgmt.call(Wire.get, {}), (r) => r.mappings ?? []),
  set: (mappings) => Effect.asVoid(mgmt.call(Wire.set, { request: { mappings } })),
  delete: () => Effect.asVoid(mgmt.call(Wire.delete, {}))
})
