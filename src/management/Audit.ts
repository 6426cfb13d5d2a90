/**
 * `client.mgmt.audit`: search the audit trail and record custom events (§10.9).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, redacted, type Secret } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Audit.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * One audit record. As in both SDKs, the wire's `externalIds` is exposed as
 * `loginIds`, and `occurred` (a string or a number on the wire) is epoch milliseconds.
 *
 * @since 0.1.0
 * @category models
 */
export type AuditRecord = Wire.AuditRecord

/**
 * One audit record.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AuditRecord = Wire.AuditRecord

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
  /** Streams the audit trail to a URL: creates (or replaces, by name) an audit webhook connector. */
  readonly createAuditWebhook: (options: AuditWebhookOptions) => Effect.Effect<void, ManagementError>
}

/**
 * node-sdk's `AuditWebhook` (its secrets as text or `Redacted`; sent, never logged).
 *
 * @since 0.2.0
 * @category models
 */
export interface AuditWebhookOptions {
  readonly name: string
  readonly description?: string | undefined
  readonly url?: string | undefined
  readonly authentication?: {
    readonly bearerToken?: Secret | undefined
    readonly basic?: { readonly username?: string | undefined; readonly password?: Secret | undefined } | undefined
    readonly apiKey?: { readonly key?: string | undefined; readonly token?: Secret | undefined } | undefined
  } | undefined
  readonly hmacSecret?: Secret | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly insecure?: boolean | undefined
  readonly filters?: ReadonlyArray<typeof Wire.AuditFilter.Type> | undefined
}

const secretOf = (s: Secret | undefined) => (s === undefined ? undefined : redacted(s))

const webhookOf = (o: AuditWebhookOptions): Wire.AuditWebhook => {
  const a = o.authentication
  return {
    ...o,
    authentication: a === undefined ? undefined : {
      bearerToken: secretOf(a.bearerToken),
      basic: a.basic === undefined ? undefined : { username: a.basic.username, password: secretOf(a.basic.password) },
      apiKey: a.apiKey === undefined ? undefined : { key: a.apiKey.key, token: secretOf(a.apiKey.token) }
    },
    hmacSecret: secretOf(o.hmacSecret)
  }
}

/**
 * Builds `client.mgmt.audit`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): AuditApi => ({
  search: (o = {}) => Effect.map(mgmt.call(Wire.search, { request: o }), (r) => r.audits ?? []),
  createEvent: (o) =>
    checked(
      [nonEmpty("action", o.action), nonEmpty("actorId", o.actorId), nonEmpty("tenantId", o.tenantId)],
      Effect.asVoid(mgmt.call(Wire.createEvent, { request: o }))
    ),
  createAuditWebhook: (o) =>
    checked([nonEmpty("name", o.name)], Effect.asVoid(mgmt.call(Wire.createAuditWebhook, { request: webhookOf(o) })))
})
