/**
 * Rate limits, opt in: the emulator counts requests per project in Descope's
 * rate-limit buckets (the wire catalogue names each endpoint's bucket: `auth`,
 * `mgmt`, `mgmt.user.create`, `mgmt.user.update`, `mgmt.user.search`) and,
 * over a bucket's limit, answers Descope's 429 (`E130429`) with `Retry-After`
 * in whole seconds until its window ends. Windows are fixed and start with the
 * first request counted in them; they run on the emulator's clock, so
 * `advanceTime` and `TestClock` move them.
 *
 * `all` counts every request of a project (the `rateLimit` option).
 *
 * @since 0.2.0
 */
import * as Duration from "effect/Duration"
import type * as Endpoint from "../wire/Endpoint.js"
import type { Route } from "./Handler.js"
import { Codes, WireError } from "./Wire.js"

/**
 * What a limit counts in: one catalogue bucket, or `all` requests.
 *
 * @since 0.2.0
 * @category models
 */
export type Scope = Endpoint.Bucket | "all"

/**
 * At most `requests` in each window of `windowMs` milliseconds.
 *
 * @since 0.2.0
 * @category models
 */
export interface Limit {
  readonly requests: number
  readonly windowMs: number
}

/**
 * The limits an emulator enforces, by scope (none by default).
 *
 * @since 0.2.0
 * @category models
 */
export type Limits = Readonly<Partial<Record<Scope, Limit>>>

/**
 * A project's open windows, by scope.
 *
 * @since 0.2.0
 * @category models
 */
export type Windows = Map<Scope, { start: number; count: number }>

/**
 * Every scope a limit may name.
 *
 * @since 0.2.0
 * @category constants
 */
export const scopes: ReadonlyArray<Scope> = [
  "all",
  "auth",
  "mgmt",
  "mgmt.user.create",
  "mgmt.user.update",
  "mgmt.user.search"
]

const isScope = (s: string): s is Scope => (scopes as ReadonlyArray<string>).includes(s)

/**
 * The bucket each route's requests count in: its catalogued endpoint's, else
 * that of a route of the same method and path served from the catalogue, else
 * `mgmt` for management routes and `auth` for the others. (Taken from the
 * routes served rather than from the whole catalogue: the bundles that serve
 * the emulator, and those that share their chunks, then carry no namespace
 * object per catalogue module.)
 *
 * @since 0.2.0
 * @category getters
 */
export const bucketsOf = (routes: ReadonlyArray<Route>): ReadonlyMap<Route, Endpoint.Bucket> => {
  const served = new Map<string, Endpoint.Bucket>()
  for (const r of routes) if (r.endpoint !== undefined) served.set(`${r.method} ${r.path}`, r.endpoint.bucket)
  return new Map(
    routes.map((r) => [
      r,
      r.endpoint?.bucket ?? served.get(`${r.method} ${r.path}`) ?? (r.access === "mgmt" ? "mgmt" : "auth")
    ])
  )
}

/**
 * Descope's 429: `E130429` with `Retry-After` in seconds.
 *
 * @since 0.2.0
 * @category errors
 */
export const rateLimited = (retryAfterSeconds: number): WireError =>
  new WireError({
    status: 429,
    errorCode: Codes.RateLimitExceeded,
    errorDescription: "https://docs.descope.com/rate-limit",
    errorMessage: "API rate limit exceeded.",
    headers: { "retry-after": String(retryAfterSeconds) }
  })

const count = (windows: Windows, scope: Scope, limit: Limit, now: number): WireError | undefined => {
  let w = windows.get(scope)
  if (w === undefined || now - w.start >= limit.windowMs) {
    w = { start: now, count: 0 }
    windows.set(scope, w)
  }
  if (w.count >= limit.requests) return rateLimited(Math.max(1, Math.ceil((w.start + limit.windowMs - now) / 1000)))
  w.count += 1
  return undefined
}

/**
 * Counts one request of `bucket` against the `all` limit and the bucket's;
 * the 429 when either is spent (a refused request is not counted).
 *
 * @since 0.2.0
 * @category actions
 */
export const take = (limits: Limits, windows: Windows, bucket: Endpoint.Bucket, now: number): WireError | undefined => {
  const all = limits.all
  const own = limits[bucket]
  if (all !== undefined) {
    const refused = count(windows, "all", all, now)
    if (refused !== undefined) return refused
  }
  return own === undefined ? undefined : count(windows, bucket, own, now)
}

/**
 * Reads a CLI limit: `<bucket>=<requests>/<window>` (e.g.
 * `mgmt.user.create=100/2s`; the window in `ms`, `s` or `m`, default `s`), or a
 * bare number of requests per second for every request (`all`).
 *
 * @since 0.2.0
 * @category parsing
 */
export const parse = (text: string): readonly [Scope, Limit] | string => {
  const bare = /^\d+$/.test(text) ? `all=${text}/1s` : text
  const m = /^([a-z.]+)=(\d+)\/(\d+)?(ms|s|m)?$/.exec(bare)
  if (m === null) {
    return `--rate-limit must be <requests> or <bucket>=<requests>/<window> (e.g. mgmt.user.create=100/2s), not ${text}`
  }
  const [, scope = "", requests = "", amount = "1", unit = "s"] = m
  if (!isScope(scope)) return `--rate-limit: unknown bucket ${scope} (one of ${scopes.join(", ")})`
  const windowMs = Duration.toMillis(
    Duration.decode(`${Number(amount)} ${unit === "ms" ? "millis" : unit === "m" ? "minutes" : "seconds"}`)
  )
  if (Number(requests) <= 0 || windowMs <= 0) return `--rate-limit: requests and window must be positive in ${text}`
  return [scope, { requests: Number(requests), windowMs }]
}
