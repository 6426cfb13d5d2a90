/**
 * `client.mgmt.audit`: search the audit trail and record custom events (§10.9).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { checked, type ManagementError, type ManagementHttp, nonEmpty, opt, Void } from "./ManagementHttp.js"

const RawAuditRecord = Schema.Struct({
  projectId: opt(Schema.String),
  userId: opt(Schema.String),
  action: opt(Schema.String),
  occurred: opt(Schema.Union(Schema.Number, Schema.String)),
  device: opt(Schema.String),
  method: opt(Schema.String),
  geo: opt(Schema.String),
  remoteAddress: opt(Schema.String),
  externalIds: opt(Schema.Array(Schema.String)),
  tenants: opt(Schema.Array(Schema.String)),
  data: opt(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})

/**
 * One audit record. As in both SDKs, the wire's `externalIds` is exposed as
 * `loginIds`, and `occurred` (a string or a number on the wire) is epoch milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuditRecord {
  readonly projectId: string | undefined
  readonly userId: string | undefined
  readonly action: string | undefined
  /** Epoch milliseconds. */
  readonly occurred: number | undefined
  readonly device: string | undefined
  readonly method: string | undefined
  readonly geo: string | undefined
  readonly remoteAddress: string | undefined
  readonly loginIds: ReadonlyArray<string>
  readonly tenants: ReadonlyArray<string>
  readonly data: Readonly<Record<string, unknown>> | undefined
}

const toRecord = (r: typeof RawAuditRecord.Type): AuditRecord => {
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
}

/**
 * Filters of an audit search. `fromTs` / `toTs` are sent as epoch milliseconds
 * (`from` / `to`); Descope allows at most 30 days back.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchOptions {
  readonly userIds?: ReadonlyArray<string> | undefined
  readonly actions?: ReadonlyArray<string> | undefined
  readonly excludedActions?: ReadonlyArray<string> | undefined
  readonly devices?: ReadonlyArray<"Bot" | "Mobile" | "Desktop" | "Tablet" | "Unknown"> | undefined
  readonly methods?: ReadonlyArray<string> | undefined
  readonly geos?: ReadonlyArray<string> | undefined
  readonly remoteAddresses?: ReadonlyArray<string> | undefined
  /** Login ids (wire `externalIds`). */
  readonly loginIds?: ReadonlyArray<string> | undefined
  readonly tenants?: ReadonlyArray<string> | undefined
  readonly noTenants?: boolean | undefined
  readonly text?: string | undefined
  readonly fromTs?: Date | number | undefined
  readonly toTs?: Date | number | undefined
}

/**
 * Options of `createEvent`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateEventOptions {
  readonly action: string
  readonly type: "info" | "warn" | "error"
  readonly actorId: string
  readonly tenantId: string
  readonly userId?: string | undefined
  readonly data?: Readonly<Record<string, unknown>> | undefined
}

/**
 * `client.mgmt.audit`.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuditApi {
  /** Searches the audit trail. */
  readonly search: (options?: SearchOptions) => Effect.Effect<ReadonlyArray<AuditRecord>, ManagementError>
  /** Records a custom audit event. */
  readonly createEvent: (options: CreateEventOptions) => Effect.Effect<void, ManagementError>
}

const millis = (t: Date | number | undefined): number | undefined => (t instanceof Date ? t.getTime() : t)

/**
 * Builds `client.mgmt.audit`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): AuditApi => ({
  search: (o = {}) =>
    Effect.map(
      mgmt.callSpec({
        method: "POST",
        path: "/v1/mgmt/audit/search",
        body: {
          userIds: o.userIds,
          actions: o.actions,
          excludedActions: o.excludedActions,
          devices: o.devices,
          methods: o.methods,
          geos: o.geos,
          remoteAddresses: o.remoteAddresses,
          externalIds: o.loginIds,
          tenants: o.tenants,
          noTenants: o.noTenants,
          text: o.text,
          from: millis(o.fromTs),
          to: millis(o.toTs)
        },
        operation: "mgmt.audit.search",
        schema: Schema.Struct({ audits: opt(Schema.Array(RawAuditRecord)) })
      }),
      (r) => (r.audits ?? []).map(toRecord)
    ),
  createEvent: (o) =>
    checked(
      [nonEmpty("action", o.action), nonEmpty("actorId", o.actorId), nonEmpty("tenantId", o.tenantId)],
      Effect.asVoid(mgmt.callSpec({
        method: "POST",
        path: "/v1/mgmt/audit/event",
        body: { action: o.action, type: o.type, actorId: o.actorId, tenantId: o.tenantId, userId: o.userId, data: o.data },
        operation: "mgmt.audit.createEvent",
        schema: Void
      }))
    )
})
