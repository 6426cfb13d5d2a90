/**
 * The audit trail: `/v1/mgmt/audit/*`. A record's `externalIds` is read as
 * `loginIds` and its `occurred` (a string or a number on the wire) as epoch
 * milliseconds, as both original SDKs do.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, Num, opt, optional, renamed, Secret, Strings } from "../Fields.js"

const WireAuditRecord = lazy(() =>
  Schema.Struct({
    projectId: opt(Schema.String),
    userId: opt(Schema.String),
    action: opt(Schema.String),
    occurred: opt(Schema.Union(Schema.Number, Schema.String)),
    device: opt(Schema.String),
    method: opt(Schema.String),
    geo: opt(Schema.String),
    remoteAddress: opt(Schema.String),
    externalIds: opt(Strings),
    tenants: opt(Strings),
    data: opt(JsonObject)
  })
)

const u = <S extends Schema.Schema.Any>(s: S) => Schema.UndefinedOr(s)

/**
 * One audit record (`externalIds` as `loginIds`, `occurred` in epoch milliseconds, sent as a string).
 *
 * @since 0.2.0
 * @category schemas
 */
export const AuditRecord = lazy(() =>
  Schema.transform(
    WireAuditRecord,
    Schema.Struct({
      projectId: u(Schema.String),
      userId: u(Schema.String),
      action: u(Schema.String),
      occurred: u(Schema.Number),
      device: u(Schema.String),
      method: u(Schema.String),
      geo: u(Schema.String),
      remoteAddress: u(Schema.String),
      loginIds: Strings,
      tenants: Strings,
      data: u(JsonObject)
    }),
    {
      strict: true,
      decode: (r) => {
        const occurred = r.occurred === undefined || r.occurred === null
          ? undefined
          : typeof r.occurred === "number"
          ? r.occurred
          : Number.parseFloat(r.occurred)
        return {
          projectId: r.projectId ?? undefined,
          userId: r.userId ?? undefined,
          action: r.action ?? undefined,
          occurred: occurred !== undefined && Number.isFinite(occurred) ? occurred : undefined,
          device: r.device ?? undefined,
          method: r.method ?? undefined,
          geo: r.geo ?? undefined,
          remoteAddress: r.remoteAddress ?? undefined,
          loginIds: r.externalIds ?? [],
          tenants: r.tenants ?? [],
          data: r.data ?? undefined
        }
      },
      encode: ({ loginIds, occurred, ...r }) => ({
        ...r,
        externalIds: loginIds,
        occurred: occurred === undefined ? undefined : String(occurred)
      })
    }
  )
)

/**
 * @since 0.2.0
 * @category models
 */
export type AuditRecord = typeof AuditRecord.Type

/** A time: a `Date` or epoch milliseconds, sent as epoch milliseconds. */
const Millis = lazy(() => Schema.Union(Num, Schema.DateFromNumber))

/**
 * The filters of a search (`loginIds` sent as `externalIds`, `fromTs` / `toTs` as `from` / `to`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SearchRequest = lazy(() =>
  Schema.Struct({
    userIds: optional(Strings),
    actions: optional(Strings),
    excludedActions: optional(Strings),
    devices: optional(Strings),
    methods: optional(Strings),
    geos: optional(Strings),
    remoteAddresses: optional(Strings),
    loginIds: renamed("externalIds", Strings),
    tenants: optional(Strings),
    noTenants: optional(Bool),
    text: optional(Schema.String),
    fromTs: renamed("from", Millis),
    toTs: renamed("to", Millis)
  })
)

/**
 * `POST /v1/mgmt/audit/search`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const search = Endpoint.post("mgmt.audit.search", "/v1/mgmt/audit/search", {
  credential: "management",
  request: SearchRequest,
  response: lazy(() => Schema.Struct({ audits: opt(Schema.Array(AuditRecord)), total: optional(Num) })),
  description: "Searches the audit trail (at most 30 days back)"
})

/**
 * `POST /v1/mgmt/audit/event`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createEvent = Endpoint.post("mgmt.audit.createEvent", "/v1/mgmt/audit/event", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      action: Schema.String,
      /** `info`, `warn` or `error`. */
      type: Schema.String,
      actorId: Schema.String,
      tenantId: Schema.String,
      userId: optional(Schema.String),
      data: optional(JsonObject)
    })
  ),
  response: Endpoint.Empty,
  description: "Records a custom audit event"
})

/**
 * How an audit webhook authenticates to its URL (one of them; the secrets `Redacted`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const WebhookAuthentication = lazy(() =>
  Schema.Struct({
    bearerToken: optional(Secret),
    basic: optional(
      Schema.Struct({ username: optional(Schema.String), password: optional(Secret) })
    ),
    apiKey: optional(Schema.Struct({ key: optional(Schema.String), token: optional(Secret) }))
  })
)

/**
 * Which audit records a webhook streams (`key`: `actions` or `tenants`; `operator`: `includes` or `excludes`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const AuditFilter = lazy(() =>
  Schema.Struct({
    key: optional(Schema.String),
    operator: optional(Schema.String),
    values: optional(Strings)
  })
)

/**
 * node-sdk's `AuditWebhook`: an audit webhook connector.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AuditWebhook = lazy(() =>
  Schema.Struct({
    name: Schema.String,
    description: optional(Schema.String),
    url: optional(Schema.String),
    authentication: optional(WebhookAuthentication),
    hmacSecret: optional(Secret),
    headers: optional(Schema.Record({ key: Schema.String, value: Schema.String })),
    insecure: optional(Schema.Boolean),
    filters: optional(Schema.Array(AuditFilter))
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type AuditWebhook = typeof AuditWebhook.Type

/**
 * `POST /v2/mgmt/connector/audit/web/set`: creates (or replaces, by name) an audit webhook.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createAuditWebhook = Endpoint.post(
  "mgmt.audit.createAuditWebhook",
  "/v2/mgmt/connector/audit/web/set",
  {
    credential: "management",
    request: AuditWebhook,
    response: Endpoint.Empty,
    description: "Streams the audit trail to a URL (an audit webhook connector)"
  }
)
