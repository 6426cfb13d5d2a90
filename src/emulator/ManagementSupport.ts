/**
 * Helpers shared by the management route modules: resolving the target user,
 * tenant lookups, removal with session revocation.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { type ProjectState, type TenantRecord, type UserRecord } from "./EmulatorState.js"
import type { Ctx } from "./Handler.js"
import * as LoginIndex from "./LoginIndex.js"
import { findUser } from "./Queries.js"
import * as W from "./Wire.js"
import { Codes, fail, type WireError } from "./Wire.js"

/**
 * 404 `E112102` for an unknown user.
 *
 * @since 0.1.0
 * @category errors
 */
export const userNotFound = (id: string) =>
  fail(404, Codes.ManagementUserNotFound, "User not found", `Cannot find user ${id}`)

/**
 * The ways a decoded request names its user (the catalogue's fields).
 *
 * @since 0.2.0
 * @category models
 */
export interface UserNaming {
  readonly loginId?: string | undefined
  readonly userId?: string | undefined
  readonly loginIdOrUserId?: string | undefined
  readonly identifier?: string | undefined
}

const given = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

/**
 * The user a request designates: its `loginId`, `userId`, `loginIdOrUserId`
 * or `identifier`, the first one given and not empty.
 *
 * @since 0.1.0
 * @category getters
 */
export const identifier = (b: UserNaming): string | undefined =>
  given(b.loginId) ?? given(b.userId) ?? given(b.loginIdOrUserId) ?? given(b.identifier)

/**
 * The user a request designates; 404 when unknown.
 *
 * @since 0.1.0
 * @category queries
 */
export const target = (ctx: Ctx, b: UserNaming): Effect.Effect<UserRecord, WireError> => {
  const id = identifier(b)
  if (id === undefined) return W.missing("loginId")
  const u = findUser(ctx.p, id)
  return u === undefined ? userNotFound(id) : Effect.succeed(u)
}

/**
 * Marks a user as modified now.
 *
 * @since 0.1.0
 * @category actions
 */
export const touch = (ctx: Ctx, u: UserRecord): void => {
  u.modifiedTime = Math.floor(ctx.now / 1000)
}

/**
 * Revokes every session of a subject.
 *
 * @since 0.1.0
 * @category actions
 */
export const revokeSessions = (p: ProjectState, subject: string): void => {
  for (const s of p.sessions.values()) if (s.subject === subject) s.revoked = true
}

/**
 * Removes a user, revoking its sessions and group memberships.
 *
 * @since 0.1.0
 * @category actions
 */
export const removeUser = (p: ProjectState, u: UserRecord): void => {
  LoginIndex.removeUser(p, u)
  revokeSessions(p, u.userId)
  for (const t of p.tenants.values()) {
    for (const g of t.groups) g.memberUserIds = g.memberUserIds.filter((id) => id !== u.userId)
  }
}

/**
 * Whether `v` passes an optional list filter (absent or empty = any).
 *
 * @since 0.1.0
 * @category guards
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
