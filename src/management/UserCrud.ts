/**
 * A user's life cycle in `client.mgmt.user`: create (and invite), create a
 * test user, replace, patch, delete, load several. Loads of one user
 * (`load`, `loadByUserId`) are in `User.ts`, over the loader that
 * deduplicates and batches them.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonEmptyList, oneOf, optionalEmail } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/User.js"
import type { AssociatedTenant } from "./AssociatedTenant.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A user, as the management API answers it.
 *
 * @since 0.2.0
 * @category models
 */
export type User = Wire.User

/**
 * The user fields of `create`, `createTestUser`, `invite` and `update`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserFields {
  /** The login id (for `update` and `invite`, a login id or a user id). */
  readonly loginId: string
  readonly email?: string | undefined
  readonly phone?: string | undefined
  /** The display name (the user's `name`). */
  readonly displayName?: string | undefined
  readonly givenName?: string | undefined
  readonly middleName?: string | undefined
  readonly familyName?: string | undefined
  /** Project-level roles; exclusive with `userTenants`, which take precedence. */
  readonly roleNames?: ReadonlyArray<string> | undefined
  readonly userTenants?: ReadonlyArray<AssociatedTenant> | undefined
  readonly picture?: string | undefined
  readonly customAttributes?: Readonly<Record<string, unknown>> | undefined
  readonly verifiedEmail?: boolean | undefined
  readonly verifiedPhone?: boolean | undefined
  readonly additionalLoginIds?: ReadonlyArray<string> | undefined
  /**
   * SSO applications. Sent as `ssoAppIds` as node-sdk does (python-sdk spells it
   * `ssoAppIDs` in create/update bodies).
   */
  readonly ssoAppIds?: ReadonlyArray<string> | undefined
}

/**
 * Options of `create` and `createTestUser`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateOptions extends UserFields {
  /** The invite URL (used only when the user is invited). */
  readonly inviteUrl?: string | undefined
  /** A messaging template id. */
  readonly templateId?: string | undefined
  /**
   * The new user's status (python-sdk's `status`; Descope's default is
   * `enabled`, or `invited` for an invitation).
   */
  readonly status?: UserStatus | undefined
}

/**
 * The statuses a user can be created or patched with (python-sdk's list).
 *
 * @since 0.2.0
 * @category models
 */
export type UserStatus = "enabled" | "disabled" | "invited" | "expired"

/**
 * The statuses a user can be created or patched with.
 *
 * @since 0.2.0
 * @category constants
 */
export const userStatuses: ReadonlyArray<UserStatus> = ["enabled", "disabled", "invited", "expired"]

/**
 * Options of `invite`.
 *
 * @since 0.1.0
 * @category models
 */
export interface InviteOptions extends CreateOptions {
  /** Send the invitation by e-mail (default: the project setting). */
  readonly sendMail?: boolean | undefined
  /** Send the invitation by text message (default: the project setting); `sendSMS` on the wire. */
  readonly sendSms?: boolean | undefined
  readonly templateOptions?: Readonly<Record<string, string>> | undefined
  readonly locale?: string | undefined
  /** Invite a test user. */
  readonly test?: boolean | undefined
}

/**
 * Options of `update` (a full replacement: omitted fields are cleared).
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateOptions extends UserFields {
  /** Update a test user. */
  readonly test?: boolean | undefined
}

/**
 * Options of `patch`: only the given fields change.
 *
 * @since 0.1.0
 * @category models
 */
export interface PatchOptions extends Omit<UserFields, "additionalLoginIds"> {
  readonly status?: UserStatus | undefined
  /** Patch a test user (sent only when `true`, as python-sdk does). */
  readonly test?: boolean | undefined
}

/**
 * A user's life cycle, part of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category models
 */
export interface UserCrudApi {
  /** Creates a user (`POST /v1/mgmt/user/create`). */
  readonly create: (options: CreateOptions) => Effect.Effect<User, ManagementError>
  /** Creates a test user (`POST /v1/mgmt/user/create/test`). */
  readonly createTestUser: (options: CreateOptions) => Effect.Effect<User, ManagementError>
  /** Creates a user (or re-invites an existing one) and sends an invitation. */
  readonly invite: (options: InviteOptions) => Effect.Effect<User, ManagementError>
  /** Replaces a user's fields (omitted fields are cleared). */
  readonly update: (options: UpdateOptions) => Effect.Effect<User, ManagementError>
  /** Changes only the given fields (`PATCH /v1/mgmt/user/patch`). */
  readonly patch: (options: PatchOptions) => Effect.Effect<User, ManagementError>
  /** Deletes a user by login id. */
  readonly delete: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Deletes a user by user id. */
  readonly deleteByUserId: (userId: string) => Effect.Effect<void, ManagementError>
  /** Deletes every test user of the project. */
  readonly deleteAllTestUsers: () => Effect.Effect<void, ManagementError>
  /** Loads users by user id (`POST /v1/mgmt/users/load`). */
  readonly loadUsers: (options: {
    readonly userIds: ReadonlyArray<string>
    readonly includeInvalidUsers?: boolean | undefined
  }) => Effect.Effect<ReadonlyArray<User>, ManagementError>
}

/**
 * The client-side checks of the user fields: a login id, and a well-formed
 * e-mail address when one is given.
 *
 * @since 0.2.0
 * @category guards
 */
export const userChecks = (
  o: { readonly loginId: string; readonly email?: string | undefined; readonly status?: string | undefined }
) => [
  nonEmpty("loginId", o.loginId),
  optionalEmail("email", o.email),
  o.status === undefined ? Effect.void : oneOf<string, string>("status", userStatuses, o.status)
]

/**
 * Builds the user life cycle of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): UserCrudApi => {
  const user = (r: { readonly user: User }) => r.user
  return {
    create: (o) => checked(userChecks(o), Effect.map(mgmt.call(Wire.create, { request: o }), user)),
    createTestUser: (o) =>
      checked(userChecks(o), Effect.map(mgmt.call(Wire.createTestUser, { request: { ...o, test: true } }), user)),
    invite: (o) =>
      checked(
        userChecks(o),
        Effect.map(mgmt.call(Wire.create, { request: { ...o, invite: true }, operation: "mgmt.user.invite" }), user)
      ),
    update: (o) => checked(userChecks(o), Effect.map(mgmt.call(Wire.update, { request: o }), user)),
    patch: (o) =>
      checked(
        userChecks(o),
        Effect.map(mgmt.call(Wire.patch, { request: { ...o, test: o.test === true ? true : undefined } }), user)
      ),
    delete: (loginId) =>
      checked([nonEmpty("loginId", loginId)], Effect.asVoid(mgmt.call(Wire.delete, { request: { loginId } }))),
    deleteByUserId: (userId) =>
      checked(
        [nonEmpty("userId", userId)],
        Effect.asVoid(mgmt.call(Wire.delete, { request: { userId }, operation: "mgmt.user.deleteByUserId" }))
      ),
    deleteAllTestUsers: () => Effect.asVoid(mgmt.call(Wire.deleteAllTestUsers, {})),
    loadUsers: (o) =>
      checked(
        [nonEmptyList("userIds", o.userIds)],
        Effect.map(
          mgmt.call(Wire.loadUsers, { request: { userIds: o.userIds, includeInvalidUsers: o.includeInvalidUsers } }),
          (r) => r.users ?? []
        )
      )
  }
}
