/**
 * The emulator's role endpoints (`src/wire/mgmt/Role.ts`): create, update and
 * delete by name (per tenant) or id, batches, load all and search.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Role.js"
import type { ProjectState, RoleRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import { inSet, tenantNotFound } from "../ManagementSupport.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"

/**
 * A role record as the wire's role.
 *
 * @since 0.2.0
 * @category rendering
 */
export const toRole = (r: RoleRecord): Wire.Role => ({
  id: r.id,
  name: r.name,
  description: r.description,
  permissionNames: [...r.permissionNames],
  createdTime: r.createdTime,
  ...(r.tenantId !== undefined ? { tenantId: r.tenantId } : {}),
  default: r.default,
  private: r.private
})

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

const create = (ctx: Ctx, b: typeof Wire.RoleInput.Type): Effect.Effect<Wire.Role, WireError> =>
  Effect.gen(function*() {
    if (b.name === "") return yield* W.missing("name")
    const tenantId = nonEmpty(b.tenantId)
    if (tenantId !== undefined && !ctx.p.tenants.has(tenantId)) return yield* tenantNotFound(tenantId)
    if (ctx.p.roles.some((r) => r.name === b.name && r.tenantId === tenantId)) {
      return yield* fail(409, Codes.InvalidRequest, "Role already exists", b.name)
    }
    const permissionNames = [...(b.permissionNames ?? [])]
    const unknown = permissionNames.filter((n) => !ctx.p.permissions.some((x) => x.name === n))
    if (unknown.length > 0) return yield* W.invalid(`unknown permissions: ${unknown.join(", ")}`)
    const role: RoleRecord = {
      id: newId("RO"),
      name: b.name,
      description: b.description ?? "",
      permissionNames,
      tenantId,
      default: b.default === true,
      private: b.private === true,
      createdTime: Math.floor(ctx.now / 1000)
    }
    ctx.p.roles.push(role)
    return toRole(role)
  })

/** Renames a role in every user's and tenant membership's role names. */
const rename = (p: ProjectState, role: RoleRecord, newName: string): void => {
  for (const u of p.users.values()) {
    if (role.tenantId === undefined) u.roleNames = u.roleNames.map((r) => (r === role.name ? newName : r))
    for (const t of u.userTenants) {
      if (role.tenantId === undefined || role.tenantId === t.tenantId) {
        t.roleNames = t.roleNames.map((r) => (r === role.name ? newName : r))
      }
    }
  }
  role.name = newName
}

const update = (ctx: Ctx, b: typeof Wire.RoleUpdate.Type): Effect.Effect<Wire.Role, WireError> =>
  Effect.gen(function*() {
    const id = nonEmpty(b.id)
    const name = nonEmpty(b.name)
    const tenantId = nonEmpty(b.tenantId)
    const role = ctx.p.roles.find((r) => (id !== undefined ? r.id === id : r.name === name && r.tenantId === tenantId))
    if (role === undefined) return yield* W.notFound(`role ${name ?? id ?? ""}`)
    const newName = nonEmpty(b.newName)
    if (newName !== undefined && newName !== role.name) rename(ctx.p, role, newName)
    if (b.description !== undefined) role.description = b.description
    if (b.permissionNames !== undefined) role.permissionNames = [...b.permissionNames]
    if (b.default !== undefined) role.default = b.default
    if (b.private !== undefined) role.private = b.private
    return toRole(role)
  })

const remove = (
  ctx: Ctx,
  names: ReadonlyArray<string>,
  ids: ReadonlyArray<string>,
  tenantId: string | undefined
): void => {
  ctx.p.roles = ctx.p.roles.filter((r) => !((names.includes(r.name) && r.tenantId === tenantId) || ids.includes(r.id)))
}

const each = <A, B>(ctx: Ctx, items: ReadonlyArray<A>, f: (ctx: Ctx, a: A) => Effect.Effect<B, WireError>) =>
  Effect.forEach(items, (a) => f(ctx, a))

/**
 * The role routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, (ctx, b) => Effect.as(create(ctx, b), {})),
  H.endpoint(Wire.createBatch, (ctx, b) => Effect.map(each(ctx, b.roles, create), (roles) => ({ roles }))),
  H.endpoint(Wire.update, (ctx, b) => Effect.as(update(ctx, b), {})),
  H.endpoint(Wire.updateBatch, (ctx, b) => Effect.map(each(ctx, b.roles, update), (roles) => ({ roles }))),
  H.endpoint(Wire.delete, (ctx, b) =>
    Effect.sync(() => {
      remove(ctx, [b.name ?? ""], [b.id ?? ""], nonEmpty(b.tenantId))
      return {}
    })),
  H.endpoint(Wire.deleteBatch, (ctx, b) =>
    Effect.sync(() => {
      const tenantId = nonEmpty(b.tenantId)
      if ((b.roleNames ?? []).length === 0 && (b.roleIds ?? []).length === 0) {
        ctx.p.roles = ctx.p.roles.filter((r) => r.tenantId !== tenantId)
      } else {
        remove(ctx, b.roleNames ?? [], b.roleIds ?? [], tenantId)
      }
      return {}
    })),
  H.endpoint(Wire.loadAll, (ctx) => Effect.succeed({ roles: ctx.p.roles.map(toRole) })),
  H.endpoint(Wire.search, (ctx, b) => {
    const like = nonEmpty(b.roleNameLike)?.toLowerCase()
    const tenantIds = b.tenantIds
    const perms = b.permissionNames
    const found = ctx.p.roles.filter((r) =>
      (tenantIds === undefined || tenantIds.length === 0 ||
        (r.tenantId !== undefined ? tenantIds.includes(r.tenantId) : b.includeProjectRoles === true)) &&
      inSet(b.roleNames, r.name) &&
      (like === undefined || r.name.toLowerCase().includes(like)) &&
      (perms === undefined || perms.length === 0 || perms.some((x) => r.permissionNames.includes(x))) &&
      inSet(b.roleIds, r.id)
    )
    return Effect.succeed({ roles: found.map(toRole) })
  })
]
