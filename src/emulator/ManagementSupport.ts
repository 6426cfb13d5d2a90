/**
 * Helpers shared by the management route modules: resolving the target user,
 * tenant lookups, removal with session revocation, and batch adapters.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { type ProjectState, type TenantRecord, type UserRecord } from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Ctx } from "./Handler.js"
import { findUser } from "./Queries.js"
import * as W from "./Wire.js"
import { Codes, fail, type Json, objs, optNonEmpty, type WireError } from "./Wire.js"

/**
 * 404 `E112102` for an unknown user.
 *
 * @since 0.1.0
 * @category errors
 */
export const userNotFound = (id: string) =>
  fail(404, Codes.ManagementUserNotFound, "User not found", `Cannot find user ${id}`)

/**
 * The user a body designates: `loginId`, `userId`, `loginIdOrUserId` or `identifier`.
 *
 * @since 0.1.0
 * @category readers
 */
export const identifier = (b: Json): string | undefined =>
  optNonEmpty(b, "loginId") ?? optNonEmpty(b, "userId") ?? optNonEmpty(b, "loginIdOrUserId") ??
    optNonEmpty(b, "identifier")

/**
 * The user a body designates; 404 when unknown.
 *
 * @since 0.1.0
 * @category queries
 */
export const target = (ctx: Ctx, b: Json = ctx.body): Effect.Effect<UserRecord, WireError> => {
  const id = identifier(b)
  if (id === undefined) return W.missing("loginId")
  const u = findUser(ctx.p, id)
  return u === undefined ? userNotFound(id) : Effect.succeed(u)
}

/**
 * Marks a user as modified now.
 *
 * @since 0.1.0
 * @category updates
 */
export const touch = (ctx: Ctx, u: UserRecord): void => {
  u.modifiedTime = Math.floor(ctx.now / 1000)
}

/**
 * Revokes every session of a subject.
 *
 * @since 0.1.0
 * @category updates
 */
export const revokeSessions = (p: ProjectState, subject: string): void => {
  for (const s of p.sessions.values()) if (s.subject === subject) s.revoked = true
}

/**
 * Removes a user, revoking its sessions and group memberships.
 *
 * @since 0.1.0
 * @category updates
 */
export const removeUser = (p: ProjectState, u: UserRecord): void => {
  p.users.delete(u.userId)
  revokeSessions(p, u.userId)
  for (const t of p.tenants.values()) {
    for (const g of t.groups) g.memberUserIds = g.memberUserIds.filter((id) => id !== u.userId)
  }
}

/**
 * Whether `v` passes an optional list filter (absent or empty = any).
 *
 * @since 0.1.0
 * @category filters
 */
export const inSet = (values: ReadonlyArray<string> | undefined, v: string | undefined): boolean =>
  values === undefined || values.length === 0 || (v !== undefined && values.includes(v))

/**
 * 404 for an unknown tenant.
 *
 * @since 0.1.0
 * @category errors
 */
export const tenantNotFound = (id: string) => W.notFound(`tenant ${id}`)

/**
 * The tenant with an id; 400 when the id is missing, 404 when unknown.
 *
 * @since 0.1.0
 * @category queries
 */
export const tenantOf = (ctx: Ctx, id: string | undefined): Effect.Effect<TenantRecord, WireError> => {
  if (id === undefined || id === "") return W.missing("tenantId")
  const t = ctx.p.tenants.get(id)
  return t === undefined ? tenantNotFound(id) : Effect.succeed(t)
}

/**
 * A handler running `f` on the body and answering `{}`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const one = (f: (ctx: Ctx, b: Json) => Effect.Effect<unknown, WireError>): H.Handler => (ctx) =>
  Effect.as(f(ctx, ctx.body), {})

/**
 * A batch handler running `f` on each element of `body[key]`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const many =
  (key: string, f: (ctx: Ctx, b: Json) => Effect.Effect<unknown, WireError>, answer?: string): H.Handler => (ctx) =>
    Effect.gen(function*() {
      const out: Array<unknown> = []
      for (const b of objs(ctx.body, key)) out.push(yield* f(ctx, b))
      return answer !== undefined ? { [answer]: out } : {}
    })
