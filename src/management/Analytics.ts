/**
 * `client.mgmt.analytics` (node-sdk's `management.analytics`): counts of the
 * audit trail's events, filtered and grouped.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonNegativeInt } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Analytics.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * @since 0.2.0
 * @category models
 */
export type AnalyticsSearchOptions = Wire.SearchOptions

/**
 * @since 0.2.0
 * @category models
 */
export type AnalyticRecord = Wire.AnalyticRecord

/**
 * `client.mgmt.analytics`.
 *
 * @since 0.2.0
 * @category models
 */
export interface AnalyticsApi {
  /** Counts the events matching the filters, one record per group (one record when nothing is grouped). */
  readonly search: (options?: AnalyticsSearchOptions) => Effect.Effect<ReadonlyArray<AnalyticRecord>, ManagementError>
}

/**
 * Builds `client.mgmt.analytics`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): AnalyticsApi => ({
  search: (o = {}) =>
    checked(
      [nonNegativeInt("from", o.from), nonNegativeInt("to", o.to)],
      Effect.map(mgmt.call(Wire.search, { request: o }), (r) => r.analytics ?? [])
    )
})
