/**
 * The emulator's group endpoints (`src/wire/mgmt/Group.ts`): the SCIM / JIT
 * groups of a tenant (created through the emulator's control API), of some
 * members, or one group with its members.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Group.js"
import type { GroupRecord, ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { tenantOf } from "../ManagementSupport.js"
import { findUser } from "../Queries.js"
import type { WireError } from "../Wire.js"

/**
 * A group record as the wire's group, with its members when asked.
 *
 * @since 0.2.0
 * @category rendering
 */
export const toGroup = (p: ProjectState, g: GroupRecord, withMembers: boolean): Wire.Group => ({
  id: g.id,
  display: g.display,
  source: g.source,
  ...(g.ssoId !== undefined ? { ssoId: g.ssoId } : {}),
  ...(withMembers
    ? {
      members: g.memberUserIds.flatMap((id) => {
        const u = p.users.get(id)
        return u ? [{ loginId: u.loginIds[0] ?? "", userId: u.userId, display: u.name ?? "" }] : []
      })
    }
    : {})
})

/** The groups of a tenant, of one SSO configuration when `ssoId` is given. */
const groupsOf = (
  ctx: Ctx,
  b: { readonly tenantId: string; readonly ssoId?: string | undefined }
): Effect.Effect<ReadonlyArray<GroupRecord>, WireError> =>
  Effect.map(tenantOf(ctx, b.tenantId), (t) => {
    const ssoId = b.ssoId === "" ? undefined : b.ssoId
    return t.groups.filter((g) =>
      ssoId === undefined || g.ssoId === ssoId || (g.ssoId === undefined && ssoId === "default_ssoid")
    )
  })

/**
 * The group routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(
    Wire.loadAllGroups,
    (ctx, b) => Effect.map(groupsOf(ctx, b), (gs) => gs.map((g) => toGroup(ctx.p, g, false)))
  ),
  H.endpoint(Wire.loadAllGroupsForMembers, (ctx, b) =>
    Effect.map(groupsOf(ctx, b), (gs) => {
      const ids = new Set(b.userIds ?? [])
      for (const l of b.loginIds ?? []) {
        const u = findUser(ctx.p, l)
        if (u) ids.add(u.userId)
      }
      return gs.filter((g) => g.memberUserIds.some((id) => ids.has(id))).map((g) => toGroup(ctx.p, g, true))
    })),
  H.endpoint(
    Wire.loadAllGroupMembers,
    (ctx, b) =>
      Effect.map(groupsOf(ctx, b), (gs) => gs.filter((g) => g.id === b.groupId).map((g) => toGroup(ctx.p, g, true)))
  )
]
