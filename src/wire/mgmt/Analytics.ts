/**
 * Analytics: `POST /v1/mgmt/analytics/search`, counts of the audit trail's
 * events by action, device, method, geo, tenant, referrer and / or time
 * bucket. Times are epoch milliseconds; each record's count `cnt` is a string
 * (a 64-bit integer in JSON).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import * as Endpoint from "../Endpoint.js"
import { Bool, Num, opt, Strings } from "../Fields.js"

/**
 * node-sdk's `AnalyticsSearchOptions`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SearchOptions = Schema.Struct({
  actions: Schema.optional(Strings),
  excludedActions: Schema.optional(Strings),
  from: Schema.optional(Num),
  to: Schema.optional(Num),
  devices: Schema.optional(Strings),
  methods: Schema.optional(Strings),
  geos: Schema.optional(Strings),
  tenants: Schema.optional(Strings),
  groupByAction: Schema.optional(Bool),
  groupByDevice: Schema.optional(Bool),
  groupByMethod: Schema.optional(Bool),
  groupByGeo: Schema.optional(Bool),
  groupByTenant: Schema.optional(Bool),
  groupByReferrer: Schema.optional(Bool),
  groupByCreated: Schema.optional(Schema.String)
})

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
export const AnalyticRecord = Schema.Struct({
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
  response: Schema.Struct({ analytics: opt(Schema.Array(AnalyticRecord)) }),
  description: "Counts audit events, grouped"
})
