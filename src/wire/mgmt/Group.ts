/**
 * SCIM / JIT groups of a tenant: `/v1/mgmt/group/*`. Each answer is a
 * top-level JSON array of groups; `ssoId` picks one of the tenant's SSO
 * configurations (`default_ssoid` for its default one).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { opt, optional, Strings } from "../Fields.js"

/**
 * A member of a group.
 *
 * @since 0.2.0
 * @category schemas
 */
export const GroupMember = lazy(() =>
  Schema.Struct({
    loginId: opt(Schema.String),
    userId: opt(Schema.String),
    display: opt(Schema.String)
  })
)

/**
 * A group (`members` only in the answers that list them).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Group = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    display: opt(Schema.String),
    source: opt(Schema.String),
    ssoId: opt(Schema.String),
    members: opt(Schema.Array(GroupMember))
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Group = typeof Group.Type

/**
 * A top-level array of groups.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Groups = lazy(() => Schema.Array(Group))

/**
 * `POST /v1/mgmt/group/all`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAllGroups = Endpoint.post("mgmt.group.loadAllGroups", "/v1/mgmt/group/all", {
  credential: "management",
  request: lazy(() => Schema.Struct({ tenantId: Schema.String, ssoId: optional(Schema.String) })),
  response: Groups,
  description: "Loads every group of a tenant"
})

/**
 * `POST /v1/mgmt/group/member/all`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAllGroupsForMembers = Endpoint.post(
  "mgmt.group.loadAllGroupsForMembers",
  "/v1/mgmt/group/member/all",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        tenantId: Schema.String,
        loginIds: optional(Strings),
        userIds: optional(Strings),
        ssoId: optional(Schema.String)
      })
    ),
    response: Groups,
    description: "Loads the groups of the given members (user ids and/or login ids)"
  }
)

/**
 * `POST /v1/mgmt/group/members`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAllGroupMembers = Endpoint.post("mgmt.group.loadAllGroupMembers", "/v1/mgmt/group/members", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({ tenantId: Schema.String, groupId: Schema.String, ssoId: optional(Schema.String) })
  ),
  response: Groups,
  description: "Loads a group with its members"
})
