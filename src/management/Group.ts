/**
 * `client.mgmt.group`: SCIM / JIT groups of a tenant (§10.7, §11.6).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { InvalidArgumentError } from "../core/DescopeError.js"
import { checked, type ManagementError, type ManagementHttp, nonEmpty, opt } from "./ManagementHttp.js"

/**
 * A member of a group.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GroupMember = Schema.Struct({
  loginId: opt(Schema.String),
  userId: opt(Schema.String),
  display: opt(Schema.String)
})

/**
 * A group.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Group = Schema.Struct({
  id: Schema.String,
  display: opt(Schema.String),
  source: opt(Schema.String),
  ssoId: opt(Schema.String),
  members: opt(Schema.Array(GroupMember))
})

/**
 * @since 0.1.0
 * @category models
 */
export type Group = typeof Group.Type

/**
 * `client.mgmt.group`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GroupApi {
  /** Every group of a tenant. */
  readonly loadAllGroups: (tenantId: string) => Effect.Effect<ReadonlyArray<Group>, ManagementError>
  /** The groups of the given members (by user ids and/or login ids). */
  readonly loadAllGroupsForMembers: (options: {
    readonly tenantId: string
    readonly userIds?: ReadonlyArray<string> | undefined
    readonly loginIds?: ReadonlyArray<string> | undefined
  }) => Effect.Effect<ReadonlyArray<Group>, ManagementError>
  /** A group with its members. */
  readonly loadAllGroupMembers: (
    options: { readonly tenantId: string; readonly groupId: string }
  ) => Effect.Effect<ReadonlyArray<Group>, ManagementError>
}

const Groups = Schema.Array(Group)

/**
 * Builds `client.mgmt.group`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): GroupApi => ({
  loadAllGroups: (tenantId) =>
    checked(
      [nonEmpty("tenantId", tenantId)],
      mgmt.callSpec({
        method: "POST",
        path: "/v1/mgmt/group/all",
        body: { tenantId },
        operation: "mgmt.group.loadAllGroups",
        schema: Groups
      })
    ),
  loadAllGroupsForMembers: (o) =>
    checked(
      [
        nonEmpty("tenantId", o.tenantId),
        (o.userIds ?? []).length + (o.loginIds ?? []).length === 0
          ? Effect.fail(new InvalidArgumentError({ field: "userIds", reason: "give at least one user id or login id" }))
          : Effect.void
      ],
      mgmt.callSpec({
        method: "POST",
        path: "/v1/mgmt/group/member/all",
        body: { tenantId: o.tenantId, loginIds: o.loginIds ?? [], userIds: o.userIds ?? [] },
        operation: "mgmt.group.loadAllGroupsForMembers",
        schema: Groups
      })
    ),
  loadAllGroupMembers: (o) =>
    checked(
      [nonEmpty("tenantId", o.tenantId), nonEmpty("groupId", o.groupId)],
      mgmt.callSpec({
        method: "POST",
        path: "/v1/mgmt/group/members",
        body: { tenantId: o.tenantId, groupId: o.groupId },
        operation: "mgmt.group.loadAllGroupMembers",
        schema: Groups
      })
    )
})
