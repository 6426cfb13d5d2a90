/**
 * Analytics: `POST /v1/mgmt/analytics/search`, counts of the audit trail's
 * events by action, device, method, geo, tenant, referrer and / or time
 * bucket. Times are epoch milliseconds; each record's count `cnt` is a string
 * (a 64-bit integer in JSON).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, Num, opt, optional, Strings } from "../Fields.js"

/**
 * node-sdk's `AnalyticsSearchOptions`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SearchOptions = lazy(() =>
  Schema.Struct({
    actions: optional(Strings),
    excludedActions: optional(Strings),
    from: optional(Num),
    to: optional(Num),
    devices: optional(Strings),
    methods: optional(Strings),
    geos: optional(Strings),
    tenants: optional(Strings),
    groupByAction: optional(Bool),
    groupByDevice: optional(Bool),
    groupByMethod: optional(Bool),
    groupByGeo: optional(Bool),
    groupByTenant: optional(Bool),
    groupByReferrer: optional(Bool),
    groupByCreated: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SearchOptions = typeof SearchOptions.Type

/**
 * One count: the group's keys and `cnt`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AnalyticRecord = lazy(() =>
  Schema.Struct({
    projectId: opt(Schema.String),
    action: opt(Schema.String),
    created: opt(Schema.String),
    device: opt(Schema.String),
    method: opt(Schema.String),
    geo: opt(Schema.String),
    tenant: opt(Schema.String),
    referrer: opt(Schema.String),
    cnt: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type AnalyticRecord = typeof AnalyticRecord.Type

/**
 * `POST /v1/mgmt/analytics/search`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const search = Endpoint.post("mgmt.analytics.search", "/v1/mgmt/analytics/search", {
  credential: "management",
  request: SearchOptions,
  response: lazy(() => Schema.Struct({ analytics: opt(Schema.Array(AnalyticRecord)) })),
  description: "Counts audit events, grouped"
})
