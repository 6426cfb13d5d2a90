/**
 * `client.mgmt.group`: SCIM / JIT groups of a tenant (§10.7, §11.6).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { InvalidArgumentError } from "../core/DescopeError.js"
import { checked, nonEmpty } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Group.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A member of a group.
 *
 * @since 0.1.0
 * @category schemas
 */
export const GroupMember = Wire.GroupMember

/**
 * A group.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Group = Wire.Group

/**
 * @since 0.1.0
 * @category models
 */
export type Group = Wire.Group

/**
 * `client.mgmt.group`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GroupApi {
  /**
   * Every group of a tenant (node-sdk passes the tenant id); with `ssoId`, of one
   * of its SSO configurations (python-sdk's `sso_id`).
   */
  readonly loadAllGroups: (
    tenant: string | { readonly tenantId: string; readonly ssoId?: string | undefined }
  ) => Effect.Effect<ReadonlyArray<Group>, ManagementError>
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

/**
 * Builds `client.mgmt.group`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): GroupApi => ({
  loadAllGroups: (tenant) => {
    const { ssoId, tenantId } = typeof tenant === "string" ? { tenantId: tenant, ssoId: undefined } : tenant
    return checked(
      [nonEmpty("tenantId", tenantId)],
      mgmt.call(Wire.loadAllGroups, { request: { tenantId, ...(ssoId === undefined ? {} : { ssoId }) } })
    )
  },
  loadAllGroupsForMembers: (o) =>
    checked(
      [
        nonEmpty("tenantId", o.tenantId),
        (o.userIds ?? []).length + (o.loginIds ?? []).length === 0
          ? Effect.fail(new InvalidArgumentError({ field: "userIds", reason: "give at least one user id or login id" }))
          : Effect.void
      ],
      // both lists are always sent, as node-sdk does
      mgmt.call(Wire.loadAllGroupsForMembers, {
        request: { tenantId: o.tenantId, loginIds: o.loginIds ?? [], userIds: o.userIds ?? [] }
      })
    ),
  loadAllGroupMembers: (o) =>
    checked(
      [nonEmpty("tenantId", o.tenantId), nonEmpty("groupId", o.groupId)],
      mgmt.call(Wire.loadAllGroupMembers, { request: o })
    )
})
