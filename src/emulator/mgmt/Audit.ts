/**
 * The emulator's audit endpoints (`src/wire/mgmt/Audit.ts`): the search over
 * the project's audit trail (every filter of the original SDKs, `text` over
 * the whole record), custom events, and audit webhooks (stored per project by
 * name; their deliveries: `AuditWebhooks`).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Audit.js"
import * as AuditWebhooks from "../AuditWebhooks.js"
import type { AuditEvent } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Route } from "../Handler.js"
import { inSet } from "../ManagementSupport.js"
import * as Tokens from "../Tokens.js"
import * as W from "../Wire.js"

/**
 * An audit event as the wire's record.
 *
 * @since 0.2.0
 * @category rendering
 */
export const toAuditRecord = (e: AuditEvent): Wire.AuditRecord => ({
  projectId: e.projectId,
  userId: e.userId,
  action: e.action,
  occurred: e.occurred,
  device: e.device,
  method: e.method,
  geo: e.geo,
  remoteAddress: e.remoteAddress,
  loginIds: [...e.externalIds],
  tenants: [...e.tenants],
  data: e.data
})

const millis = (t: Date | number | undefined): number | undefined => (t instanceof Date ? t.getTime() : t)

const some = (wanted: ReadonlyArray<string> | undefined, values: ReadonlyArray<string>): boolean =>
  wanted === undefined || wanted.length === 0 || values.some((v) => wanted.includes(v))

/**
 * The audit routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.search, (ctx, b) =>
    Effect.sync(() => {
      const text = b.text === undefined || b.text === "" ? undefined : b.text.toLowerCase()
      const from = millis(b.fromTs) ?? 0
      const to = millis(b.toTs) ?? Number.MAX_SAFE_INTEGER
      const audits = ctx.p.audit.filter((e) =>
        inSet(b.userIds, e.userId) && inSet(b.actions, e.action) && !(b.excludedActions ?? []).includes(e.action) &&
        inSet(b.devices, e.device) && inSet(b.methods, e.method) && inSet(b.geos, e.geo) &&
        inSet(b.remoteAddresses, e.remoteAddress) && some(b.loginIds, e.externalIds) && some(b.tenants, e.tenants) &&
        (b.noTenants !== true || e.tenants.length === 0) &&
        (text === undefined || JSON.stringify(e).toLowerCase().includes(text)) &&
        e.occurred >= from && e.occurred <= to
      ).map(toAuditRecord)
      return { audits, total: audits.length }
    })),
  H.endpoint(Wire.createEvent, (ctx, b) =>
    Effect.gen(function*() {
      if (b.action === "") return yield* W.missing("action")
      const tenants = b.tenantId === "" ? [] : [b.tenantId]
      Tokens.audit(ctx, b.action, b.userId ?? b.actorId, "", [], tenants, {
        ...b.data,
        type: b.type,
        actorId: b.actorId
      })
      return {}
    })),
  H.endpoint(Wire.createAuditWebhook, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      if (b.url !== undefined && !/^https?:\/\//i.test(b.url)) {
        return yield* W.invalid("url must start with http:// or https://")
      }
      AuditWebhooks.webhooksOf(ctx.p).set(b.name, b)
      return {}
    }))
]
