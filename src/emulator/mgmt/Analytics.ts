/**
 * The emulator's analytics (`src/wire/mgmt/Analytics.ts`): counts of the
 * project's audit trail (the events `mgmt.audit.search` answers),
 * filtered like an audit search and grouped by the keys asked. An event of
 * several tenants counts in each of their groups, one of none in the tenant
 * `""`; the audit trail keeps no referrer (its group is `""`). `groupByCreated`
 * buckets by `hour`, `day` or `month` (UTC; `created` is the bucket's start,
 * ISO 8601).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Analytics.js"
import type { AuditEvent } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Route } from "../Handler.js"
import { inSet } from "../ManagementSupport.js"
import * as W from "../Wire.js"

const BUCKETS: Readonly<Record<string, (d: Date) => Date>> = {
  hour: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours())),
  day: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())),
  month: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
}

const some = (wanted: ReadonlyArray<string> | undefined, values: ReadonlyArray<string>): boolean =>
  wanted === undefined || wanted.length === 0 || values.some((v) => wanted.includes(v))

/**
 * Counts `events` as `search` asks.
 *
 * @since 0.2.0
 * @category queries
 */
export const count = (
  projectId: string,
  events: ReadonlyArray<AuditEvent>,
  o: Wire.SearchOptions,
  bucket: ((d: Date) => Date) | undefined
): Array<Wire.AnalyticRecord> => {
  const from = o.from ?? 0
  const to = o.to ?? Number.MAX_SAFE_INTEGER
  const groups = new Map<string, { record: Wire.AnalyticRecord; cnt: number }>()
  for (const e of events) {
    const matches = inSet(o.actions, e.action) && !(o.excludedActions ?? []).includes(e.action) &&
      inSet(o.devices, e.device) && inSet(o.methods, e.method) && inSet(o.geos, e.geo) && some(o.tenants, e.tenants) &&
      e.occurred >= from && e.occurred <= to
    if (!matches) continue
    const tenants = o.groupByTenant === true ? (e.tenants.length === 0 ? [""] : e.tenants) : [undefined]
    for (const tenant of tenants) {
      const record: Wire.AnalyticRecord = {
        projectId,
        ...(o.groupByAction === true ? { action: e.action } : {}),
        ...(o.groupByDevice === true ? { device: e.device } : {}),
        ...(o.groupByMethod === true ? { method: e.method } : {}),
        ...(o.groupByGeo === true ? { geo: e.geo } : {}),
        ...(tenant !== undefined ? { tenant } : {}),
        ...(o.groupByReferrer === true ? { referrer: "" } : {}),
        ...(bucket !== undefined ? { created: bucket(new Date(e.occurred)).toISOString() } : {})
      }
      const key = JSON.stringify(record)
      const group = groups.get(key)
      if (group === undefined) groups.set(key, { record, cnt: 1 })
      else group.cnt++
    }
  }
  return [...groups.values()].map(({ cnt, record }) => ({ ...record, cnt: String(cnt) }))
}

/**
 * The analytics route.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.search, (ctx, b) => {
    const by = b.groupByCreated === undefined || b.groupByCreated === "" ? undefined : BUCKETS[b.groupByCreated]
    if (b.groupByCreated !== undefined && b.groupByCreated !== "" && by === undefined) {
      return W.invalid(`groupByCreated must be "hour", "day" or "month"`)
    }
    return Effect.succeed({ analytics: count(ctx.p.projectId, ctx.p.audit, b, by) })
  })
]
