/**
 * The emulator's audit webhooks (`mgmt.audit.createAuditWebhook`): every
 * audit record the project keeps from then on is POSTed to each webhook whose
 * filters it passes, as one JSON record in the wire shape of the audit search
 * (`projectId`, `userId`, `action`, `occurred` as a string of epoch
 * milliseconds, `device`, `method`, `geo`, `remoteAddress`, `externalIds`,
 * `tenants`, `data`), with the webhook's headers, its authentication
 * (`Authorization: Bearer` / `Basic`, or the API key's header) and, with an
 * HMAC secret, the base64 HMAC-SHA256 of the body in `x-descope-webhook-s256`.
 *
 * Filters: `key` `actions` or `tenants`, `operator` `includes` (the default)
 * or `excludes`, over `values`; a filter on another key does not filter.
 *
 * A delivery that fails (a status other than 2xx, a transport error, no
 * answer within 30 s) is retried, 5 attempts at most, waiting 100 ms, then
 * twice as long each time. The emulator only ever calls loopback URLs
 * (`127.0.0.1`, `::1`, `localhost`): a webhook to another host is kept but not
 * called. Deliveries run in the background, on the real clock; the emulator's
 * layer interrupts those still running when its scope closes (`close`).
 *
 * @since 0.2.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as NodeCrypto from "node:crypto"
import type { AuditWebhook } from "../wire/mgmt/Audit.js"
import type { AuditEvent, ProjectState } from "./EmulatorState.js"
import type { Env } from "./Handler.js"
import { perProject } from "./mgmt/AreaState.js"

/**
 * The webhooks of a project, by name.
 *
 * @since 0.2.0
 * @category queries
 */
export const webhooksOf: (p: ProjectState) => Map<string, AuditWebhook> = perProject(() =>
  new Map<string, AuditWebhook>()
)

/** The deliveries in flight, per emulator. */
const running = new WeakMap<Env, { closed: boolean; readonly fibers: Set<Fiber.RuntimeFiber<void>> }>()

const inFlight = (env: Env) => {
  const current = running.get(env)
  if (current !== undefined) return current
  const created = { closed: false, fibers: new Set<Fiber.RuntimeFiber<void>>() }
  running.set(env, created)
  return created
}

/**
 * Whether an audit record passes a webhook's filters.
 *
 * @since 0.2.0
 * @category guards
 */
export const passes = (hook: AuditWebhook, event: AuditEvent): boolean =>
  (hook.filters ?? []).every((f) => {
    const values = f.values ?? []
    const subject = f.key === "actions" ? [event.action] : f.key === "tenants" ? event.tenants : undefined
    if (subject === undefined || values.length === 0) return true
    const hit = subject.some((s) => values.includes(s))
    return f.operator === "excludes" ? !hit : hit
  })

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"])

/**
 * Whether the emulator calls a URL (http or https, on loopback).
 *
 * @since 0.2.0
 * @category guards
 */
export const deliverable = (url: string | undefined): url is string => {
  if (url === undefined) return false
  try {
    const u = new URL(url)
    return (u.protocol === "http:" || u.protocol === "https:") && LOOPBACK.has(u.hostname)
  } catch {
    return false
  }
}

/**
 * The body a webhook receives for an audit record.
 *
 * @since 0.2.0
 * @category rendering
 */
export const bodyOf = (e: AuditEvent): string =>
  JSON.stringify({
    projectId: e.projectId,
    userId: e.userId,
    action: e.action,
    occurred: String(e.occurred),
    device: e.device,
    method: e.method,
    geo: e.geo,
    remoteAddress: e.remoteAddress,
    externalIds: e.externalIds,
    tenants: e.tenants,
    data: e.data
  })

const headersOf = (hook: AuditWebhook, body: string): Record<string, string> => {
  const headers: Record<string, string> = { ...hook.headers, "content-type": "application/json" }
  const a = hook.authentication
  if (a?.bearerToken !== undefined) headers.authorization = `Bearer ${Redacted.value(a.bearerToken)}`
  else if (a?.basic !== undefined) {
    const password = a.basic.password === undefined ? "" : Redacted.value(a.basic.password)
    headers.authorization = `Basic ${Buffer.from(`${a.basic.username ?? ""}:${password}`).toString("base64")}`
  } else if (a?.apiKey?.key !== undefined && a.apiKey.key !== "") {
    headers[a.apiKey.key.toLowerCase()] = a.apiKey.token === undefined ? "" : Redacted.value(a.apiKey.token)
  }
  if (hook.hmacSecret !== undefined) {
    headers["x-descope-webhook-s256"] = NodeCrypto.createHmac("sha256", Redacted.value(hook.hmacSecret))
      .update(body)
      .digest("base64")
  }
  return headers
}

class DeliveryFailed {
  readonly _tag = "DeliveryFailed"
}

const attempt = (url: string, headers: Record<string, string>, body: string): Effect.Effect<void, DeliveryFailed> =>
  Effect.tryPromise({
    try: async (signal) => {
      const response = await fetch(url, { method: "POST", headers, body, signal, redirect: "manual" })
      await response.arrayBuffer()
      return response.ok
    },
    catch: () => new DeliveryFailed()
  }).pipe(
    Effect.timeoutFail({ duration: Duration.seconds(30), onTimeout: () => new DeliveryFailed() }),
    Effect.filterOrFail((ok) => ok, () => new DeliveryFailed()),
    Effect.asVoid
  )

const retried = Schedule.exponential(Duration.millis(100), 2).pipe(Schedule.intersect(Schedule.recurs(4)))

/**
 * Delivers an audit record to a project's webhooks (see the module), in the background.
 *
 * @since 0.2.0
 * @category actions
 */
export const notify = (env: Env, p: ProjectState, event: AuditEvent): void => {
  const hooks = webhooksOf(p)
  if (hooks.size === 0) return
  const state = inFlight(env)
  if (state.closed) return
  for (const hook of hooks.values()) {
    if (!deliverable(hook.url) || !passes(hook, event)) continue
    const body = bodyOf(event)
    const delivery = attempt(hook.url, headersOf(hook, body), body).pipe(Effect.retry(retried), Effect.ignore)
    const fiber = Effect.runFork(delivery)
    state.fibers.add(fiber)
    fiber.addObserver(() => state.fibers.delete(fiber))
  }
}

/**
 * Stops the deliveries in flight (and any later one) of an emulator.
 *
 * @since 0.2.0
 * @category actions
 */
export const close = (env: Env): Effect.Effect<void> =>
  Effect.suspend(() => {
    const state = inFlight(env)
    state.closed = true
    return Fiber.interruptAll([...state.fibers])
  })
