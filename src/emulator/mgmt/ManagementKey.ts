/**
 * The emulator's management keys (`src/wire/mgmt/ManagementKey.ts`), kept per
 * project. A key created here authenticates management calls of the project
 * while it is `active` (its cleartext joins the project's management keys);
 * made `inactive` or deleted, it no longer does. Its expiry and permitted
 * addresses are kept and answered, not enforced.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Wire from "../../wire/mgmt/ManagementKey.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId, newSecret } from "../Ids.js"
import * as W from "../Wire.js"
import type { WireError } from "../Wire.js"
import { perProject } from "./AreaState.js"

/**
 * A stored key and its cleartext.
 *
 * @since 0.2.0
 * @category models
 */
export interface KeyRecord {
  key: Wire.ManagementKey
  readonly cleartext: string
}

/**
 * The management keys created through the API, by id.
 *
 * @since 0.2.0
 * @category queries
 */
export const keysOf: (p: ProjectState) => Map<string, KeyRecord> = perProject((): Map<string, KeyRecord> => new Map())

const authenticates = (p: ProjectState, cleartext: string, active: boolean) => {
  p.managementKeys = p.managementKeys.filter((k) => k !== cleartext)
  if (active) p.managementKeys.push(cleartext)
}

const find = (ctx: Ctx, id: string): Effect.Effect<KeyRecord, WireError> => {
  const k = keysOf(ctx.p).get(id)
  return k === undefined ? W.notFound(`management key ${id}`) : Effect.succeed(k)
}

/**
 * The management key routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      if (b.expiresIn !== undefined && b.expiresIn < 0) return yield* W.invalid("expiresIn must not be negative")
      const now = Math.floor(ctx.now / 1000)
      const key: Wire.ManagementKey = {
        id: newId("MK"),
        name: b.name,
        description: b.description ?? "",
        status: "active",
        createdTime: now,
        expireTime: b.expiresIn !== undefined && b.expiresIn > 0 ? now + Math.floor(b.expiresIn) : 0,
        permittedIps: [...(b.permittedIps ?? [])],
        reBac: b.reBac ?? {}
      }
      const cleartext = `K${newSecret(32)}`
      keysOf(ctx.p).set(key.id, { key, cleartext })
      authenticates(ctx.p, cleartext, true)
      return { key, cleartext: Redacted.make(cleartext) }
    })),
  H.endpoint(Wire.update, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      const status = b.status ?? "active"
      if (status !== "active" && status !== "inactive") return yield* W.invalid(`status "${status}"`)
      const k = yield* find(ctx, b.id)
      k.key = {
        ...k.key,
        name: b.name,
        description: b.description ?? "",
        status,
        permittedIps: [...(b.permittedIps ?? [])]
      }
      authenticates(ctx.p, k.cleartext, status === "active")
      return { key: k.key }
    })),
  H.endpoint(Wire.delete, (ctx, b) =>
    Effect.sync(() => {
      for (const id of b.ids) {
        const k = keysOf(ctx.p).get(id)
        if (k !== undefined) authenticates(ctx.p, k.cleartext, false)
        keysOf(ctx.p).delete(id)
      }
      return {}
    })),
  H.endpoint(Wire.load, (ctx, q) => Effect.map(find(ctx, q.id), (k) => ({ key: k.key }))),
  H.endpoint(Wire.search, (ctx) => Effect.succeed({ keys: [...keysOf(ctx.p).values()].map((k) => k.key) }))
]
