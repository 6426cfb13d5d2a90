/**
 * The emulator's permission endpoints (`src/wire/mgmt/Permission.ts`): create,
 * rename (by name or id, also in the roles that hold the permission), delete
 * (also from the roles), batches and load all.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Permission.js"
import type { PermissionRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"

/**
 * A permission record as the wire's permission.
 *
 * @since 0.2.0
 * @category rendering
 */
export const toPermission = (x: PermissionRecord): Wire.Permission => ({
  id: x.id,
  name: x.name,
  description: x.description,
  systemDefault: x.systemDefault
})

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

const create = (ctx: Ctx, b: typeof Wire.PermissionInput.Type): Effect.Effect<void, WireError> =>
  Effect.gen(function*() {
    if (b.name === "") return yield* W.missing("name")
    if (ctx.p.permissions.some((x) => x.name === b.name)) {
      return yield* fail(409, Codes.InvalidRequest, "Permission already exists", b.name)
    }
    ctx.p.permissions.push({ id: newId("PE"), name: b.name, description: b.description ?? "", systemDefault: false })
  })

const update = (ctx: Ctx, b: typeof Wire.PermissionUpdate.Type): Effect.Effect<void, WireError> =>
  Effect.gen(function*() {
    const id = nonEmpty(b.id)
    const name = nonEmpty(b.name)
    const perm = ctx.p.permissions.find((x) =>
      (id !== undefined && x.id === id) || (name !== undefined && x.name === name)
    )
    if (perm === undefined) return yield* W.notFound(`permission ${name ?? id ?? ""}`)
    const newName = nonEmpty(b.newName)
    if (newName !== undefined && newName !== perm.name) {
      for (const r of ctx.p.roles) r.permissionNames = r.permissionNames.map((n) => (n === perm.name ? newName : n))
      perm.name = newName
    }
    if (b.description !== undefined) perm.description = b.description
  })

/** Deletes the permissions of these names or ids, and removes them from every role. */
const remove = (ctx: Ctx, names: ReadonlyArray<string>, ids: ReadonlyArray<string>): void => {
  const gone = ctx.p.permissions.filter((x) => names.includes(x.name) || ids.includes(x.id)).map((x) => x.name)
  ctx.p.permissions = ctx.p.permissions.filter((x) => !gone.includes(x.name))
  for (const r of ctx.p.roles) r.permissionNames = r.permissionNames.filter((n) => !gone.includes(n))
}

/**
 * The permission routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, (ctx, b) => Effect.as(create(ctx, b), {})),
  H.endpoint(Wire.createBatch, (ctx, b) => Effect.as(Effect.forEach(b.permissions, (x) => create(ctx, x)), {})),
  H.endpoint(Wire.update, (ctx, b) => Effect.as(update(ctx, b), {})),
  H.endpoint(Wire.updateBatch, (ctx, b) => Effect.as(Effect.forEach(b.permissions, (x) => update(ctx, x)), {})),
  H.endpoint(Wire.delete, (ctx, b) =>
    Effect.sync(() => {
      remove(ctx, [b.name ?? ""], [b.id ?? ""])
      return {}
    })),
  H.endpoint(Wire.deleteBatch, (ctx, b) =>
    Effect.sync(() => {
      remove(ctx, b.names ?? [], b.ids ?? [])
      return {}
    })),
  H.endpoint(Wire.loadAll, (ctx) => Effect.succeed({ permissions: ctx.p.permissions.map(toPermission) }))
]
