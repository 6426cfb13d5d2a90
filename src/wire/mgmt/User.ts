/**
 * Users: the user object and its life cycle, `/v1/mgmt/user/*` and
 * `/v1/mgmt/users/load`: create (and invite), update (a full replacement),
 * patch (only the given fields), delete, load. Batches are in `UserBatch`,
 * search in `UserSearch`, single-field updates in `UserUpdate`, credentials
 * and sessions in `UserCredentials`, the test-user generators in `TestUser`
 * and the custom attribute schema in `CustomAttribute`.
 *
 * A request names its user by `loginId` (a login id, or a user id where
 * Descope accepts both) or, where the SDKs send it, by `userId`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import * as CoreUser from "../../core/User.js"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, opt, optional, renamed, Strings } from "../Fields.js"

/**
 * A user, as the management API answers it: every field of the core user
 * (`/v1/auth/me`, authentication answers) plus `modifiedTime`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const User = lazy(() =>
  Schema.Struct({
    ...CoreUser.User.fields,
    /** Epoch seconds of the last change (go-sdk). */
    modifiedTime: opt(Schema.Number)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type User = typeof User.Type

/**
 * `{ user }`: the answer of every call that changes one user.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserResponse = lazy(() => Schema.Struct({ user: User }))

/**
 * `{ users }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Users = lazy(() => Schema.Struct({ users: opt(Schema.Array(User)) }))

/**
 * A tenant association of a request (`userTenants`): `roleNames` is always
 * sent, `[]` when none is given (§11.7).
 *
 * @since 0.2.0
 * @category schemas
 */
export const AssociatedTenant = lazy(() =>
  Schema.transform(
    Schema.Struct({ tenantId: Schema.String, roleNames: optional(Strings) }),
    Schema.Struct({ tenantId: Schema.String, roleNames: optional(Strings) }),
    {
      strict: true,
      decode: (t) => t,
      encode: (t) => ({ tenantId: t.tenantId, roleNames: t.roleNames ?? [] })
    }
  )
)

/**
 * The user fields shared by create, update and the batch elements (all
 * optional). `ssoAppIDs` is python-sdk's spelling of `ssoAppIds` in create,
 * update and batch bodies; the client sends `ssoAppIds`, as node-sdk does.
 *
 * @since 0.2.0
 * @category schemas
 */
export const userFields = {
  email: optional(Schema.String),
  phone: optional(Schema.String),
  /** The display name (the user's `name`). */
  displayName: optional(Schema.String),
  givenName: optional(Schema.String),
  middleName: optional(Schema.String),
  familyName: optional(Schema.String),
  roleNames: optional(Strings),
  userTenants: optional(lazy(() => Schema.Array(AssociatedTenant))),
  customAttributes: optional(JsonObject),
  picture: optional(Schema.String),
  verifiedEmail: optional(Bool),
  verifiedPhone: optional(Bool),
  additionalLoginIds: optional(Strings),
  ssoAppIds: optional(Strings),
  ssoAppIDs: optional(Strings),
  status: optional(CoreUser.UserStatus),
  test: optional(Bool)
}

/**
 * The invitation fields of create (`invite: true`) and of the batches.
 *
 * @since 0.2.0
 * @category schemas
 */
export const inviteFields = {
  invite: optional(Bool),
  inviteUrl: optional(Schema.String),
  sendMail: optional(Bool),
  /** `sendSMS` on the wire. */
  sendSms: renamed("sendSMS", Bool),
  templateId: optional(Schema.String),
  templateOptions: optional(lazy(() => Schema.Record({ key: Schema.String, value: Schema.String }))),
  locale: optional(Schema.String)
}

/**
 * A new user (create, create test user, invite).
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserCreate = lazy(() => Schema.Struct({ loginId: Schema.String, ...userFields, ...inviteFields }))

/**
 * A full replacement of a user's fields (omitted fields are cleared).
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserReplace = lazy(() => Schema.Struct({ loginId: Schema.String, ...userFields }))

/**
 * The fields of a patch: only the given ones change. `additionalIdentifiers`
 * and `scim` are node-sdk's.
 *
 * @since 0.2.0
 * @category schemas
 */
export const patchFields = {
  ...userFields,
  additionalIdentifiers: optional(Strings),
  scim: optional(Bool)
}

/**
 * A patch of one user.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserPatch = lazy(() => Schema.Struct({ loginId: Schema.String, ...patchFields }))

/**
 * A user named by its login id or by its user id.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserRef = lazy(() =>
  Schema.Struct({
    loginId: optional(Schema.String),
    userId: optional(Schema.String)
  })
)

/**
 * A user named by its login id (or, where Descope accepts it, its user id).
 *
 * @since 0.2.0
 * @category schemas
 */
export const LoginId = lazy(() => Schema.Struct({ loginId: Schema.String }))

/**
 * `POST /v1/mgmt/user/create` (also `invite`, with `invite: true`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.post("mgmt.user.create", "/v1/mgmt/user/create", {
  credential: "management",
  request: UserCreate,
  response: UserResponse,
  bucket: "mgmt.user.create",
  description: "Creates a user (with invite: true, invites it; an existing user is re-invited)"
})

/**
 * `POST /v1/mgmt/user/create/test`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createTestUser = Endpoint.post("mgmt.user.createTestUser", "/v1/mgmt/user/create/test", {
  credential: "management",
  request: UserCreate,
  response: UserResponse,
  description: "Creates a test user"
})

/**
 * `POST /v1/mgmt/user/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("mgmt.user.update", "/v1/mgmt/user/update", {
  credential: "management",
  request: UserReplace,
  response: UserResponse,
  bucket: "mgmt.user.update",
  description: "Replaces a user's fields (omitted fields are cleared)"
})

/**
 * `PATCH /v1/mgmt/user/patch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const patch = Endpoint.patch("mgmt.user.patch", "/v1/mgmt/user/patch", {
  credential: "management",
  request: UserPatch,
  response: UserResponse,
  description: "Changes only the given fields of a user"
})

const del = Endpoint.post("mgmt.user.delete", "/v1/mgmt/user/delete", {
  credential: "management",
  request: UserRef,
  response: Endpoint.Empty,
  description: "Deletes a user by login id or user id (an unknown user is not an error)"
})

/**
 * `DELETE /v1/mgmt/user/test/delete/all`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteAllTestUsers = Endpoint.del("mgmt.user.deleteAllTestUsers", "/v1/mgmt/user/test/delete/all", {
  credential: "management",
  response: Endpoint.Empty,
  description: "Deletes every test user of the project"
})

/**
 * `GET /v1/mgmt/user?loginId=` (or `?userId=`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.get("mgmt.user.load", "/v1/mgmt/user", {
  credential: "management",
  request: UserRef,
  response: UserResponse,
  description: "Loads a user by login id or user id"
})

/**
 * `POST /v1/mgmt/users/load`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadUsers = Endpoint.post("mgmt.user.loadUsers", "/v1/mgmt/users/load", {
  credential: "management",
  request: lazy(() => Schema.Struct({ userIds: Strings, includeInvalidUsers: optional(Bool) })),
  response: Users,
  description: "Loads users by user id (disabled ones only with includeInvalidUsers)"
})

export {
  /**
   * `POST /v1/mgmt/user/delete` (`{loginId}` or `{userId}`).
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
