/**
 * `client.mgmt.user`: create, update, load, search and administer users
 * (§10.1). Names follow the Python SDK (`search_all_test_users` ->
 * `searchAllTestUsers`); the wire follows node-sdk where the two differ.
 *
 * @since 0.1.0
 */
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { InvalidArgumentError, RateLimitError } from "../core/DescopeError.js"
import { User, UserStatus } from "../core/User.js"
import { type AssociatedTenant, listToWire } from "./AssociatedTenant.js"
import {
  checked,
  type ManagementError,
  type ManagementHttp,
  nonEmpty,
  nonEmptyBatch,
  nonEmptyList,
  nonNegativeInt,
  opt,
  optionalEmail,
  reveal,
  revealOptional,
  type Secret,
  Void
} from "./ManagementHttp.js"
import * as UserLoader from "./UserLoader.js"

export {
  /**
   * The Descope user (re-exported from the core `User` module).
   *
   * @since 0.1.0
   * @category schemas
   */
  User,
  /**
   * A user's status: `enabled`, `disabled`, `invited`, `expired`.
   *
   * @since 0.1.0
   * @category schemas
   */
  UserStatus
}

// ---------------------------------------------------------------------------
// inputs
// ---------------------------------------------------------------------------

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
}

/**
 * Options of `invite`.
 *
 * @since 0.1.0
 * @category models
 */
export interface InviteOptions extends CreateOptions {
  /** Send the invitation by e-mail (default: the project setting). */
  readonly sendMail?: boolean | undefined
  /** Send the invitation by text message (default: the project setting). */
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
  readonly status?: "enabled" | "disabled" | "invited" | undefined
  /** Patch a test user. */
  readonly test?: boolean | undefined
}

/**
 * A pre-hashed password (§11.10): exactly one algorithm member.
 *
 * @since 0.1.0
 * @category models
 */
export type HashedPassword =
  | { readonly bcrypt: { readonly hash: string } }
  | {
    readonly pbkdf2: {
      readonly hash: string
      readonly salt: string
      readonly iterations: number
      readonly type: "sha1" | "sha256" | "sha512"
    }
  }
  | {
    readonly firebase: {
      readonly hash: string
      readonly salt: string
      readonly saltSeparator: string
      readonly signerKey: string
      readonly memory: number
      readonly rounds: number
    }
  }
  | { readonly django: { readonly hash: string } }
  | {
    readonly phpass: { readonly hash: string; readonly salt: string; readonly iterations: number; readonly type: "md5" | "sha512" }
  }
  | { readonly md5: { readonly hash: string } }

/**
 * One user of `createBatch` / `inviteBatch`.
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchUser extends UserFields {
  /** A cleartext password. */
  readonly password?: Secret | undefined
  /** A pre-hashed password. */
  readonly hashedPassword?: HashedPassword | undefined
  /** A TOTP seed. */
  readonly seed?: Secret | undefined
  readonly status?: UserStatus | undefined
  readonly test?: boolean | undefined
}

/**
 * Options of `inviteBatch`.
 *
 * @since 0.1.0
 * @category models
 */
export interface InviteBatchOptions {
  readonly users: ReadonlyArray<BatchUser>
  readonly inviteUrl?: string | undefined
  readonly sendMail?: boolean | undefined
  readonly sendSms?: boolean | undefined
  readonly templateOptions?: Readonly<Record<string, string>> | undefined
  readonly templateId?: string | undefined
  readonly locale?: string | undefined
}

/**
 * A sort order of a user search.
 *
 * @since 0.1.0
 * @category models
 */
export interface Sort {
  readonly field: string
  readonly desc?: boolean | undefined
}

/**
 * A role filter per tenant: `{ values, and }`.
 *
 * @since 0.1.0
 * @category models
 */
export interface TenantRoleFilter {
  readonly values: ReadonlyArray<string>
  readonly and?: boolean | undefined
}

/**
 * The filters of a user search (all optional; times in epoch milliseconds).
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchFilters {
  readonly tenantIds?: ReadonlyArray<string> | undefined
  readonly roleNames?: ReadonlyArray<string> | undefined
  readonly testUsersOnly?: boolean | undefined
  readonly withTestUser?: boolean | undefined
  readonly customAttributes?: Readonly<Record<string, unknown>> | undefined
  readonly statuses?: ReadonlyArray<UserStatus> | undefined
  readonly emails?: ReadonlyArray<string> | undefined
  readonly phones?: ReadonlyArray<string> | undefined
  readonly ssoAppIds?: ReadonlyArray<string> | undefined
  readonly sort?: ReadonlyArray<Sort> | undefined
  readonly text?: string | undefined
  readonly loginIds?: ReadonlyArray<string> | undefined
  readonly userIds?: ReadonlyArray<string> | undefined
  readonly fromCreatedTime?: number | undefined
  readonly toCreatedTime?: number | undefined
  readonly fromModifiedTime?: number | undefined
  readonly toModifiedTime?: number | undefined
  readonly tenantRoleIds?: Readonly<Record<string, TenantRoleFilter>> | undefined
  readonly tenantRoleNames?: Readonly<Record<string, TenantRoleFilter>> | undefined
  readonly verifiedEmail?: boolean | undefined
  readonly verifiedPhone?: boolean | undefined
}

/**
 * Options of `searchAll` / `searchAllTestUsers`: filters plus one page.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchAllOptions extends SearchFilters {
  /** Page size (0 = the server default). */
  readonly limit?: number | undefined
  /** The 0-based page. */
  readonly page?: number | undefined
}

/**
 * Options of `search`, the `Stream` over all pages.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchOptions extends SearchFilters {
  /** Users per page, 1 to {@link MAX_PAGE_SIZE}; default {@link DEFAULT_PAGE_SIZE}. */
  readonly pageSize?: number | undefined
}

/**
 * The default page size of `search`.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_PAGE_SIZE = 100

/**
 * The largest page size of `search`.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_PAGE_SIZE = 500

/**
 * How many consecutive 429 answers `search` waits out on one page before failing.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_RATE_LIMIT_RETRIES = 10

/**
 * The login options of the test-user generators (§3.2).
 *
 * @since 0.1.0
 * @category models
 */
export interface LoginOptions {
  readonly stepup?: boolean | undefined
  readonly mfa?: boolean | undefined
  readonly revokeOtherSessions?: boolean | undefined
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  readonly templateId?: string | undefined
  readonly templateOptions?: Readonly<Record<string, string>> | undefined
  readonly tenantId?: string | undefined
}

/**
 * A delivery method of the test-user generators; `embedded` is sent as `Embedded`.
 *
 * @since 0.1.0
 * @category models
 */
export type TestDeliveryMethod = "email" | "sms" | "voice" | "whatsapp" | "embedded"

// ---------------------------------------------------------------------------
// responses
// ---------------------------------------------------------------------------

const UserResponse = Schema.Struct({ user: User })

/**
 * The user of a batch failure: what was sent, echoed back as a user that was
 * never created, so its `userId` may be empty or absent.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FailedBatchUser = Schema.Struct({ ...User.fields, userId: opt(Schema.String) })

/**
 * @since 0.1.0
 * @category models
 */
export type FailedBatchUser = typeof FailedBatchUser.Type

/**
 * A user that a batch could not create or patch. Its `user` is decoded
 * leniently, so one odd failure entry does not hide the users that succeeded.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BatchFailure = Schema.Struct({
  failure: opt(Schema.String),
  user: opt(FailedBatchUser)
})

/**
 * @since 0.1.0
 * @category models
 */
export type BatchFailure = typeof BatchFailure.Type

/**
 * The answer of `createBatch` / `inviteBatch`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const BatchResponse = Schema.Struct({
  createdUsers: opt(Schema.Array(User)),
  failedUsers: opt(Schema.Array(BatchFailure)),
  additionalErrors: opt(Schema.Record({ key: Schema.String, value: Schema.String }))
})

/**
 * @since 0.1.0
 * @category models
 */
export type BatchResponse = typeof BatchResponse.Type

const SearchResponse = Schema.Struct({
  users: opt(Schema.Array(User)),
  total: opt(Schema.Number)
})

/**
 * One page of a user search.
 *
 * @since 0.1.0
 * @category models
 */
export interface SearchResult {
  readonly users: ReadonlyArray<User>
  /** The number of matching users, when Descope says. */
  readonly total: number | undefined
}

/**
 * One login of a user's authentication history.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserHistory = Schema.Struct({
  userId: Schema.String,
  loginTime: opt(Schema.Number),
  city: opt(Schema.String),
  country: opt(Schema.String),
  ip: opt(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type UserHistory = typeof UserHistory.Type

/**
 * A social provider token of a user; the tokens are `Redacted`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProviderToken = Schema.Struct({
  provider: opt(Schema.String),
  providerUserId: opt(Schema.String),
  accessToken: opt(Schema.Redacted(Schema.String)),
  expiration: opt(Schema.Number),
  scopes: opt(Schema.Array(Schema.String)),
  refreshToken: opt(Schema.Redacted(Schema.String))
})

/**
 * @since 0.1.0
 * @category models
 */
export type ProviderToken = typeof ProviderToken.Type

/**
 * A generated OTP code for a test user (the code is `Redacted`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TestUserOtp = Schema.Struct({
  loginId: Schema.String,
  code: Schema.Redacted(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type TestUserOtp = typeof TestUserOtp.Type

/**
 * A generated magic link for a test user (the link is `Redacted`: it holds the token).
 *
 * @since 0.1.0
 * @category schemas
 */
export const TestUserMagicLink = Schema.Struct({
  loginId: Schema.String,
  link: Schema.Redacted(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type TestUserMagicLink = typeof TestUserMagicLink.Type

/**
 * A generated enchanted link for a test user.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TestUserEnchantedLink = Schema.Struct({
  loginId: Schema.String,
  link: Schema.Redacted(Schema.String),
  pendingRef: Schema.String
})

/**
 * @since 0.1.0
 * @category models
 */
export type TestUserEnchantedLink = typeof TestUserEnchantedLink.Type

const TokenResponse = Schema.Struct({ token: Schema.Redacted(Schema.String) })

/**
 * The answer of `patchBatch`: the patched users and those that failed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PatchBatchResponse = Schema.Struct({
  patchedUsers: opt(Schema.Array(User)),
  failedUsers: opt(Schema.Array(BatchFailure)),
  additionalErrors: opt(Schema.Record({ key: Schema.String, value: Schema.String }))
})

/**
 * @since 0.1.0
 * @category models
 */
export type PatchBatchResponse = typeof PatchBatchResponse.Type

/**
 * A passkey (WebAuthn credential) of a user.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserPasskey = Schema.Struct({
  id: opt(Schema.String),
  rpId: opt(Schema.String),
  kind: opt(Schema.String),
  displayName: opt(Schema.String),
  createdTime: opt(Schema.Number)
})

/**
 * @since 0.1.0
 * @category models
 */
export type UserPasskey = typeof UserPasskey.Type

/**
 * A trusted device of a user.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserTrustedDevice = Schema.Struct({
  id: opt(Schema.String),
  name: opt(Schema.String),
  deviceType: opt(Schema.String),
  lastLoginTime: opt(Schema.Number),
  expirationTime: opt(Schema.Number),
  lastLocation: opt(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type UserTrustedDevice = typeof UserTrustedDevice.Type

/**
 * One choice of a select-type custom attribute.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CustomAttributeOption = Schema.Struct({
  label: opt(Schema.String),
  value: opt(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type CustomAttributeOption = typeof CustomAttributeOption.Type

/**
 * A custom attribute of the project's user schema. `type` is a number on
 * node-sdk's wire (python-sdk sends a string); both are read.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CustomAttribute = Schema.Struct({
  name: opt(Schema.String),
  type: opt(Schema.Union(Schema.Number, Schema.String)),
  options: opt(Schema.Array(CustomAttributeOption)),
  displayName: opt(Schema.String),
  defaultValue: opt(Schema.Unknown),
  viewPermissions: opt(Schema.Array(Schema.String)),
  editPermissions: opt(Schema.Array(Schema.String))
})

/**
 * @since 0.1.0
 * @category models
 */
export type CustomAttribute = typeof CustomAttribute.Type

/**
 * A custom attribute to create (node-sdk's wire: `type` is a number).
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomAttributeInput {
  readonly name: string
  readonly displayName?: string | undefined
  readonly type?: number | undefined
  readonly options?: ReadonlyArray<{ readonly label: string; readonly value: string }> | undefined
  readonly defaultValue?: unknown
  readonly viewPermissions?: ReadonlyArray<string> | undefined
  readonly editPermissions?: ReadonlyArray<string> | undefined
}

const CustomAttributesResponse = Schema.Struct({ data: opt(Schema.Array(CustomAttribute)) })

/**
 * A user a `importUsers` run could not import, with the reason.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ImportFailure = Schema.Struct({
  user: opt(Schema.String),
  reason: opt(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type ImportFailure = typeof ImportFailure.Type

/**
 * The answer of `importUsers`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ImportResponse = Schema.Struct({
  users: opt(Schema.Array(User)),
  failures: opt(Schema.Array(ImportFailure))
})

/**
 * @since 0.1.0
 * @category models
 */
export type ImportResponse = typeof ImportResponse.Type

/**
 * Options of `importUsers`. A text payload is sent as it is (node-sdk); bytes
 * are sent base64-encoded (python-sdk), which is how Descope reads them.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportUsersOptions {
  /** The source system, e.g. `"auth0"`. */
  readonly source: string
  /** The exported users. */
  readonly users?: string | Uint8Array | undefined
  /** The exported password hashes (secret). */
  readonly hashes?: Redacted.Redacted<string> | string | Uint8Array | undefined
  /** Validate only; persist nothing (default false). */
  readonly dryrun?: boolean | undefined
}

// ---------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------

/**
 * `client.mgmt.user`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserApi {
  /** Creates a user (`POST /v1/mgmt/user/create`). */
  readonly create: (options: CreateOptions) => Effect.Effect<User, ManagementError>
  /** Creates a test user (`POST /v1/mgmt/user/create/test`). */
  readonly createTestUser: (options: CreateOptions) => Effect.Effect<User, ManagementError>
  /** Creates a user (or re-invites an existing one) and sends an invitation. */
  readonly invite: (options: InviteOptions) => Effect.Effect<User, ManagementError>
  /** Creates users in a batch and invites them. */
  readonly inviteBatch: (options: InviteBatchOptions) => Effect.Effect<BatchResponse, ManagementError>
  /** Creates users in a batch (node-sdk `createBatch`; no invitation). */
  readonly createBatch: (users: ReadonlyArray<BatchUser>) => Effect.Effect<BatchResponse, ManagementError>
  /** Replaces a user's fields (omitted fields are cleared). */
  readonly update: (options: UpdateOptions) => Effect.Effect<User, ManagementError>
  /** Changes only the given fields (`PATCH /v1/mgmt/user/patch`). */
  readonly patch: (options: PatchOptions) => Effect.Effect<User, ManagementError>
  /** Deletes a user by login id. */
  readonly delete: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Deletes a user by user id. */
  readonly deleteByUserId: (userId: string) => Effect.Effect<void, ManagementError>
  /** Deletes users by user id (node-sdk `deleteBatch`). */
  readonly deleteBatch: (userIds: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Deletes every test user of the project. */
  readonly deleteAllTestUsers: () => Effect.Effect<void, ManagementError>
  /** Loads a user by login id; concurrent loads of the same id share one request. */
  readonly load: (loginId: string) => Effect.Effect<User, ManagementError>
  /**
   * Loads a user by user id; concurrent loads are deduplicated and batched into
   * `POST /v1/mgmt/users/load`. Results are not cached.
   */
  readonly loadByUserId: (userId: string) => Effect.Effect<User, ManagementError>
  /** Loads users by user id (`POST /v1/mgmt/users/load`). */
  readonly loadUsers: (options: {
    readonly userIds: ReadonlyArray<string>
    readonly includeInvalidUsers?: boolean | undefined
  }) => Effect.Effect<ReadonlyArray<User>, ManagementError>
  /** One page of a user search (`POST /v2/mgmt/user/search`), with the total. */
  readonly searchAll: (options?: SearchAllOptions) => Effect.Effect<SearchResult, ManagementError>
  /** One page of a test-user search (`POST /v2/mgmt/user/search/test`). */
  readonly searchAllTestUsers: (options?: SearchAllOptions) => Effect.Effect<SearchResult, ManagementError>
  /**
   * Every matching user, page after page (bounded page size). A 429 is waited
   * out for its `retryAfter` (at most {@link MAX_RATE_LIMIT_RETRIES} in a row
   * per page); the stream ends after the last page.
   */
  readonly search: (options?: SearchOptions) => Stream.Stream<User, ManagementError>
  /** The social provider token of a user. */
  readonly getProviderToken: (options: {
    readonly loginId: string
    readonly provider: string
    readonly withRefreshToken?: boolean | undefined
    readonly forceRefresh?: boolean | undefined
  }) => Effect.Effect<ProviderToken, ManagementError>
  /** Enables a user. */
  readonly activate: (loginId: string) => Effect.Effect<User, ManagementError>
  /** Disables a user. */
  readonly deactivate: (loginId: string) => Effect.Effect<User, ManagementError>
  /** Changes (or, without `newLoginId`, removes) a login id. */
  readonly updateLoginId: (
    options: { readonly loginId: string; readonly newLoginId?: string | undefined }
  ) => Effect.Effect<User, ManagementError>
  /** Sets (or, when empty, removes) the e-mail address. */
  readonly updateEmail: (options: {
    readonly loginId: string
    readonly email?: string | undefined
    readonly verified?: boolean | undefined
    readonly failOnConflict?: boolean | undefined
  }) => Effect.Effect<User, ManagementError>
  /** Sets (or, when empty, removes) the phone number. */
  readonly updatePhone: (options: {
    readonly loginId: string
    readonly phone?: string | undefined
    readonly verified?: boolean | undefined
    readonly failOnConflict?: boolean | undefined
  }) => Effect.Effect<User, ManagementError>
  /** Sets the display name and name parts. */
  readonly updateDisplayName: (options: {
    readonly loginId: string
    readonly displayName?: string | undefined
    readonly givenName?: string | undefined
    readonly middleName?: string | undefined
    readonly familyName?: string | undefined
  }) => Effect.Effect<User, ManagementError>
  /** Sets (or, when empty, removes) the picture URL. */
  readonly updatePicture: (
    options: { readonly loginId: string; readonly picture?: string | undefined }
  ) => Effect.Effect<User, ManagementError>
  /** Sets one custom attribute. */
  readonly updateCustomAttribute: (options: {
    readonly loginId: string
    readonly attributeKey: string
    readonly attributeVal: string | number | boolean | ReadonlyArray<string> | null
  }) => Effect.Effect<User, ManagementError>
  /** Replaces the project-level roles. */
  readonly setRoles: (
    options: { readonly loginId: string; readonly roleNames: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Adds project-level roles. */
  readonly addRoles: (
    options: { readonly loginId: string; readonly roleNames: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Removes project-level roles. */
  readonly removeRoles: (
    options: { readonly loginId: string; readonly roleNames: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Replaces the SSO applications. */
  readonly setSsoApps: (
    options: { readonly loginId: string; readonly ssoAppIds: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Adds SSO applications. */
  readonly addSsoApps: (
    options: { readonly loginId: string; readonly ssoAppIds: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Removes SSO applications. */
  readonly removeSsoApps: (
    options: { readonly loginId: string; readonly ssoAppIds: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Adds the user to a tenant. */
  readonly addTenant: (
    options: { readonly loginId: string; readonly tenantId: string }
  ) => Effect.Effect<User, ManagementError>
  /** Removes the user from a tenant. */
  readonly removeTenant: (
    options: { readonly loginId: string; readonly tenantId: string }
  ) => Effect.Effect<User, ManagementError>
  /** Replaces the user's roles in a tenant. */
  readonly setTenantRoles: (
    options: { readonly loginId: string; readonly tenantId: string; readonly roleNames: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Adds roles in a tenant. */
  readonly addTenantRoles: (
    options: { readonly loginId: string; readonly tenantId: string; readonly roleNames: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Removes roles in a tenant. */
  readonly removeTenantRoles: (
    options: { readonly loginId: string; readonly tenantId: string; readonly roleNames: ReadonlyArray<string> }
  ) => Effect.Effect<User, ManagementError>
  /** Sets a temporary (already expired) password. */
  readonly setTemporaryPassword: (
    options: { readonly loginId: string; readonly password: Secret }
  ) => Effect.Effect<void, ManagementError>
  /** Sets an active password. */
  readonly setActivePassword: (
    options: { readonly loginId: string; readonly password: Secret }
  ) => Effect.Effect<void, ManagementError>
  /** Expires the user's password. */
  readonly expirePassword: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Removes every passkey of the user. */
  readonly removeAllPasskeys: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Removes the user's TOTP seed. */
  readonly removeTotpSeed: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Logs the user out of every device (by login id). */
  readonly logoutUser: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Logs the user out of every device (by user id). */
  readonly logoutUserByUserId: (userId: string) => Effect.Effect<void, ManagementError>
  /** The authentication history of users. */
  readonly history: (userIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<UserHistory>, ManagementError>
  /** An OTP code for a test user. */
  readonly generateOtpForTestUser: (options: {
    readonly method: TestDeliveryMethod
    readonly loginId: string
    readonly loginOptions?: LoginOptions | undefined
  }) => Effect.Effect<TestUserOtp, ManagementError>
  /** A magic link for a test user. */
  readonly generateMagicLinkForTestUser: (options: {
    readonly method: TestDeliveryMethod
    readonly loginId: string
    readonly uri: string
    readonly loginOptions?: LoginOptions | undefined
  }) => Effect.Effect<TestUserMagicLink, ManagementError>
  /** An enchanted link for a test user. */
  readonly generateEnchantedLinkForTestUser: (options: {
    readonly loginId: string
    readonly uri: string
    readonly loginOptions?: LoginOptions | undefined
  }) => Effect.Effect<TestUserEnchantedLink, ManagementError>
  /** An embedded sign-in token, to verify with the magic-link verify endpoint. */
  readonly generateEmbeddedLink: (options: {
    readonly loginId: string
    readonly customClaims?: Readonly<Record<string, unknown>> | undefined
    readonly timeout?: number | undefined
  }) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
  /** An embedded sign-up token. */
  readonly generateSignUpEmbeddedLink: (options: {
    readonly loginId: string
    readonly user?: {
      readonly name?: string | undefined
      readonly givenName?: string | undefined
      readonly middleName?: string | undefined
      readonly familyName?: string | undefined
      readonly phone?: string | undefined
      readonly email?: string | undefined
    } | undefined
    readonly emailVerified?: boolean | undefined
    readonly phoneVerified?: boolean | undefined
    readonly loginOptions?: LoginOptions | undefined
    readonly timeout?: number | undefined
  }) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
  /**
   * Patches several users in one request (`PATCH /v1/mgmt/user/patch/batch`):
   * each element is a `patch` body (only its given fields change); `test`
   * marks them all as test users (python-sdk).
   */
  readonly patchBatch: (options: {
    readonly users: ReadonlyArray<PatchOptions>
    readonly test?: boolean | undefined
  }) => Effect.Effect<PatchBatchResponse, ManagementError>
  /** The custom attributes of the project's user schema (`GET /v1/mgmt/user/customattributes`). */
  readonly getCustomAttributes: () => Effect.Effect<ReadonlyArray<CustomAttribute>, ManagementError>
  /** Adds custom attributes to the user schema; answers the whole schema. */
  readonly createCustomAttributes: (
    attributes: ReadonlyArray<CustomAttributeInput>
  ) => Effect.Effect<ReadonlyArray<CustomAttribute>, ManagementError>
  /** Removes custom attributes from the user schema by name; answers the whole schema. */
  readonly deleteCustomAttributes: (
    names: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyArray<CustomAttribute>, ManagementError>
  /** The passkeys of a user (`POST /v1/mgmt/user/passkeys/list`). */
  readonly listPasskeys: (loginId: string) => Effect.Effect<ReadonlyArray<UserPasskey>, ManagementError>
  /** Removes one passkey of a user by its credential id (`POST /v1/mgmt/user/passkey/delete`). */
  readonly removePasskey: (
    options: { readonly loginId: string; readonly credentialId: string }
  ) => Effect.Effect<void, ManagementError>
  /** The trusted devices of users, by login ids or user ids (`POST /v1/mgmt/user/trusteddevices/list`). */
  readonly listTrustedDevices: (
    loginIds: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyArray<UserTrustedDevice>, ManagementError>
  /**
   * Removes trusted devices of a user (`POST /v1/mgmt/user/trusteddevices/remove`,
   * wire `{identifier, deviceIds}`).
   */
  readonly removeTrustedDevices: (
    options: { readonly loginId: string; readonly deviceIds: ReadonlyArray<string> }
  ) => Effect.Effect<void, ManagementError>
  /** Removes the user's recovery codes (`POST /v1/mgmt/user/recovery-codes/delete`). */
  readonly removeRecoveryCodes: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Sets the recovery e-mail address (wire `recoveryEmail`). */
  readonly updateRecoveryEmail: (options: {
    readonly loginId: string
    readonly email: string
    readonly verified?: boolean | undefined
  }) => Effect.Effect<User, ManagementError>
  /** Sets the recovery phone number (wire `recoveryPhone`). */
  readonly updateRecoveryPhone: (options: {
    readonly loginId: string
    readonly phone: string
    readonly verified?: boolean | undefined
  }) => Effect.Effect<User, ManagementError>
  /**
   * Sets the given, middle and family names, leaving the display name alone
   * (node-sdk `updateUserNames`, `POST /v1/mgmt/user/update/name`).
   */
  readonly updateUserNames: (options: {
    readonly loginId: string
    readonly givenName?: string | undefined
    readonly middleName?: string | undefined
    readonly familyName?: string | undefined
  }) => Effect.Effect<User, ManagementError>
  /**
   * Sets a temporary password (`POST /v1/mgmt/user/password/set`).
   *
   * @deprecated Use `setTemporaryPassword`.
   */
  readonly setPassword: (
    options: { readonly loginId: string; readonly password: Secret }
  ) => Effect.Effect<void, ManagementError>
  /** Imports users (and password hashes) exported from another system (`POST /v1/mgmt/user/import`). */
  readonly importUsers: (options: ImportUsersOptions) => Effect.Effect<ImportResponse, ManagementError>
}

// ---------------------------------------------------------------------------
// implementation
// ---------------------------------------------------------------------------

const userFieldsBody = (o: UserFields) => ({
  loginId: o.loginId,
  email: o.email,
  phone: o.phone,
  displayName: o.displayName,
  givenName: o.givenName,
  middleName: o.middleName,
  familyName: o.familyName,
  roleNames: o.roleNames,
  userTenants: listToWire(o.userTenants),
  customAttributes: o.customAttributes,
  picture: o.picture,
  verifiedEmail: o.verifiedEmail,
  verifiedPhone: o.verifiedPhone,
  additionalLoginIds: o.additionalLoginIds,
  ssoAppIds: o.ssoAppIds
})

const batchUserBody = (u: BatchUser) => ({
  ...userFieldsBody(u),
  password: revealOptional(u.password),
  hashedPassword: u.hashedPassword,
  seed: revealOptional(u.seed),
  status: u.status,
  test: u.test
})

const patchBody = (o: PatchOptions, test: boolean) => ({
  loginId: o.loginId,
  email: o.email,
  phone: o.phone,
  displayName: o.displayName,
  givenName: o.givenName,
  middleName: o.middleName,
  familyName: o.familyName,
  roleNames: o.roleNames,
  userTenants: listToWire(o.userTenants),
  customAttributes: o.customAttributes,
  picture: o.picture,
  verifiedEmail: o.verifiedEmail,
  verifiedPhone: o.verifiedPhone,
  ssoAppIds: o.ssoAppIds,
  status: o.status,
  test: test || o.test === true ? true : undefined
})

const payload = (value: string | Uint8Array | undefined): string | undefined =>
  value === undefined ? undefined : typeof value === "string" ? value : Buffer.from(value).toString("base64")

const userChecks = (o: UserFields) => [nonEmpty("loginId", o.loginId), optionalEmail("email", o.email)]

const searchBody = (o: SearchFilters) => ({
  tenantIds: o.tenantIds,
  roleNames: o.roleNames,
  testUsersOnly: o.testUsersOnly,
  withTestUser: o.withTestUser,
  customAttributes: o.customAttributes,
  statuses: o.statuses,
  emails: o.emails,
  phones: o.phones,
  ssoAppIds: o.ssoAppIds,
  sort: o.sort,
  text: o.text,
  loginIds: o.loginIds,
  userIds: o.userIds,
  fromCreatedTime: o.fromCreatedTime,
  toCreatedTime: o.toCreatedTime,
  fromModifiedTime: o.fromModifiedTime,
  toModifiedTime: o.toModifiedTime,
  tenantRoleIds: o.tenantRoleIds,
  tenantRoleNames: o.tenantRoleNames,
  verifiedEmail: o.verifiedEmail,
  verifiedPhone: o.verifiedPhone
})

const deliveryMethodWire = (method: TestDeliveryMethod): string => (method === "embedded" ? "Embedded" : method)

/**
 * The schedule `search` uses on one page: retries only `RateLimitError`s, after
 * exactly their `retryAfter`, at most {@link MAX_RATE_LIMIT_RETRIES} times in a row.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rateLimitSchedule: Schedule.Schedule<unknown, ManagementError> = Schedule.recurs(MAX_RATE_LIMIT_RETRIES)
  .pipe(
    Schedule.zipRight(Schedule.identity<ManagementError>()),
    Schedule.whileInput((e: ManagementError) => e instanceof RateLimitError),
    Schedule.addDelay((e) => (e instanceof RateLimitError ? e.retryAfter : Duration.zero))
  )

/**
 * Builds `client.mgmt.user`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): UserApi => {
  const loader = UserLoader.make(mgmt)

  const userCall = (operation: string, path: string, body: unknown): Effect.Effect<User, ManagementError> =>
    Effect.map(
      mgmt.callSpec({ method: "POST", path, body, operation: `mgmt.user.${operation}`, schema: UserResponse }),
      (r) => r.user
    )

  const voidCall = (
    operation: string,
    path: string,
    body: unknown,
    method: "POST" | "DELETE" = "POST"
  ): Effect.Effect<void, ManagementError> =>
    Effect.asVoid(mgmt.callSpec({ method, path, body, operation: `mgmt.user.${operation}`, schema: Void }))

  const searchPage = (path: string, operation: string, body: unknown): Effect.Effect<SearchResult, ManagementError> =>
    Effect.map(
      mgmt.callSpec({ method: "POST", path, body, operation: `mgmt.user.${operation}`, schema: SearchResponse }),
      (r) => ({ users: r.users ?? [], total: r.total ?? undefined })
    )

  const pageChecks = (o: SearchAllOptions) => [nonNegativeInt("limit", o.limit), nonNegativeInt("page", o.page)]

  const roles = (operation: string, path: string) =>
  (o: { readonly loginId: string; readonly roleNames: ReadonlyArray<string> }) =>
    checked([nonEmpty("loginId", o.loginId)], userCall(operation, path, { loginId: o.loginId, roleNames: o.roleNames }))

  const tenantRoles = (operation: string, path: string) =>
  (o: { readonly loginId: string; readonly tenantId: string; readonly roleNames: ReadonlyArray<string> }) =>
    checked(
      [nonEmpty("loginId", o.loginId), nonEmpty("tenantId", o.tenantId)],
      userCall(operation, path, { loginId: o.loginId, tenantId: o.tenantId, roleNames: o.roleNames })
    )

  const ssoApps = (operation: string, path: string) =>
  (o: { readonly loginId: string; readonly ssoAppIds: ReadonlyArray<string> }) =>
    checked([nonEmpty("loginId", o.loginId)], userCall(operation, path, { loginId: o.loginId, ssoAppIds: o.ssoAppIds }))

  const byLoginId = (operation: string, path: string) => (loginId: string) =>
    checked([nonEmpty("loginId", loginId)], voidCall(operation, path, { loginId }))

  const password = (operation: string, path: string) => (o: { readonly loginId: string; readonly password: Secret }) =>
    checked(
      [nonEmpty("loginId", o.loginId), nonEmpty("password", reveal(o.password))],
      voidCall(operation, path, { loginId: o.loginId, password: reveal(o.password) })
    )

  return {
    create: (o) =>
      checked(
        userChecks(o),
        userCall("create", "/v1/mgmt/user/create", {
          ...userFieldsBody(o),
          inviteUrl: o.inviteUrl,
          templateId: o.templateId
        })
      ),
    createTestUser: (o) =>
      checked(
        userChecks(o),
        userCall("createTestUser", "/v1/mgmt/user/create/test", {
          ...userFieldsBody(o),
          inviteUrl: o.inviteUrl,
          templateId: o.templateId,
          test: true
        })
      ),
    invite: (o) =>
      checked(
        userChecks(o),
        userCall("invite", "/v1/mgmt/user/create", {
          ...userFieldsBody(o),
          invite: true,
          inviteUrl: o.inviteUrl,
          sendMail: o.sendMail,
          sendSMS: o.sendSms,
          templateId: o.templateId,
          templateOptions: o.templateOptions,
          locale: o.locale,
          test: o.test
        })
      ),
    inviteBatch: (o) =>
      checked(
        [
          nonEmptyList("users", o.users.map((u) => u.loginId)),
          ...o.users.map((u) => optionalEmail("email", u.email))
        ],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/user/create/batch",
          body: {
            users: o.users.map(batchUserBody),
            invite: true,
            inviteUrl: o.inviteUrl,
            sendMail: o.sendMail,
            sendSMS: o.sendSms,
            templateOptions: o.templateOptions,
            templateId: o.templateId,
            locale: o.locale
          },
          operation: "mgmt.user.inviteBatch",
          schema: BatchResponse
        })
      ),
    createBatch: (users) =>
      checked(
        [nonEmptyList("users", users.map((u) => u.loginId)), ...users.map((u) => optionalEmail("email", u.email))],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/user/create/batch",
          body: { users: users.map(batchUserBody) },
          operation: "mgmt.user.createBatch",
          schema: BatchResponse
        })
      ),
    update: (o) =>
      checked(userChecks(o), userCall("update", "/v1/mgmt/user/update", { ...userFieldsBody(o), test: o.test })),
    patch: (o) =>
      checked(
        userChecks(o),
        Effect.map(
          mgmt.callSpec({
            method: "PATCH",
            path: "/v1/mgmt/user/patch",
            body: patchBody(o, false),
            operation: "mgmt.user.patch",
            schema: UserResponse
          }),
          (r) => r.user
        )
      ),
    delete: byLoginId("delete", "/v1/mgmt/user/delete"),
    deleteByUserId: (userId) =>
      checked([nonEmpty("userId", userId)], voidCall("deleteByUserId", "/v1/mgmt/user/delete", { userId })),
    deleteBatch: (userIds) =>
      checked([nonEmptyList("userIds", userIds)], voidCall("deleteBatch", "/v1/mgmt/user/delete/batch", { userIds })),
    deleteAllTestUsers: () => voidCall("deleteAllTestUsers", "/v1/mgmt/user/test/delete/all", undefined, "DELETE"),
    load: (loginId) => checked([nonEmpty("loginId", loginId)], loader.byLoginId(loginId)),
    loadByUserId: (userId) => checked([nonEmpty("userId", userId)], loader.byUserId(userId)),
    loadUsers: (o) =>
      checked(
        [nonEmptyList("userIds", o.userIds)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/users/load",
            body: { userIds: o.userIds, includeInvalidUsers: o.includeInvalidUsers },
            operation: "mgmt.user.loadUsers",
            schema: Schema.Struct({ users: opt(Schema.Array(User)) })
          }),
          (r) => r.users ?? []
        )
      ),
    searchAll: (o = {}) =>
      checked(
        pageChecks(o),
        searchPage("/v2/mgmt/user/search", "searchAll", { ...searchBody(o), limit: o.limit, page: o.page })
      ),
    searchAllTestUsers: (o = {}) =>
      checked(
        pageChecks(o),
        searchPage("/v2/mgmt/user/search/test", "searchAllTestUsers", {
          ...searchBody(o),
          limit: o.limit,
          page: o.page,
          withTestUser: true,
          testUsersOnly: true
        })
      ),
    search: (o = {}) => {
      const pageSize = o.pageSize ?? DEFAULT_PAGE_SIZE
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        return Stream.fail(
          new InvalidArgumentError({ field: "pageSize", reason: `must be an integer from 1 to ${MAX_PAGE_SIZE}` })
        )
      }
      const { pageSize: _ignored, ...filters } = o
      const fetchPage = (page: number) =>
        searchPage("/v2/mgmt/user/search", "search", { ...searchBody(filters), limit: pageSize, page }).pipe(
          Effect.retry(rateLimitSchedule)
        )
      return Stream.paginateChunkEffect(0, (page) =>
        Effect.map(fetchPage(page), (result) => {
          const seen = page * pageSize + result.users.length
          const last = result.users.length < pageSize || (result.total !== undefined && seen >= result.total)
          return [Chunk.fromIterable(result.users), last ? Option.none() : Option.some(page + 1)] as const
        }))
    },
    getProviderToken: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("provider", o.provider)],
        mgmt.callSpec({
          method: "GET",
          path: "/v1/mgmt/user/provider/token",
          query: {
            loginId: o.loginId,
            provider: o.provider,
            withRefreshToken: o.withRefreshToken === true ? "true" : "false",
            forceRefresh: o.forceRefresh === true ? "true" : "false"
          },
          operation: "mgmt.user.getProviderToken",
          schema: ProviderToken
        })
      ),
    activate: (loginId) =>
      checked(
        [nonEmpty("loginId", loginId)],
        userCall("activate", "/v1/mgmt/user/update/status", { loginId, status: "enabled" })
      ),
    deactivate: (loginId) =>
      checked(
        [nonEmpty("loginId", loginId)],
        userCall("deactivate", "/v1/mgmt/user/update/status", { loginId, status: "disabled" })
      ),
    updateLoginId: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        userCall("updateLoginId", "/v1/mgmt/user/update/loginid", { loginId: o.loginId, newLoginId: o.newLoginId })
      ),
    updateEmail: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), optionalEmail("email", o.email)],
        userCall("updateEmail", "/v1/mgmt/user/update/email", {
          loginId: o.loginId,
          email: o.email,
          verified: o.verified,
          failOnConflict: o.failOnConflict
        })
      ),
    updatePhone: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        userCall("updatePhone", "/v1/mgmt/user/update/phone", {
          loginId: o.loginId,
          phone: o.phone,
          verified: o.verified,
          failOnConflict: o.failOnConflict
        })
      ),
    updateDisplayName: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        userCall("updateDisplayName", "/v1/mgmt/user/update/name", {
          loginId: o.loginId,
          displayName: o.displayName,
          givenName: o.givenName,
          middleName: o.middleName,
          familyName: o.familyName
        })
      ),
    updatePicture: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        userCall("updatePicture", "/v1/mgmt/user/update/picture", { loginId: o.loginId, picture: o.picture })
      ),
    updateCustomAttribute: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("attributeKey", o.attributeKey)],
        userCall("updateCustomAttribute", "/v1/mgmt/user/update/customAttribute", {
          loginId: o.loginId,
          attributeKey: o.attributeKey,
          attributeValue: o.attributeVal
        })
      ),
    setRoles: roles("setRoles", "/v1/mgmt/user/update/role/set"),
    addRoles: roles("addRoles", "/v2/mgmt/user/update/role/add"),
    removeRoles: roles("removeRoles", "/v1/mgmt/user/update/role/remove"),
    setSsoApps: ssoApps("setSsoApps", "/v1/mgmt/user/update/ssoapp/set"),
    addSsoApps: ssoApps("addSsoApps", "/v1/mgmt/user/update/ssoapp/add"),
    removeSsoApps: ssoApps("removeSsoApps", "/v1/mgmt/user/update/ssoapp/remove"),
    addTenant: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("tenantId", o.tenantId)],
        userCall("addTenant", "/v1/mgmt/user/update/tenant/add", { loginId: o.loginId, tenantId: o.tenantId })
      ),
    removeTenant: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("tenantId", o.tenantId)],
        userCall("removeTenant", "/v1/mgmt/user/update/tenant/remove", { loginId: o.loginId, tenantId: o.tenantId })
      ),
    setTenantRoles: tenantRoles("setTenantRoles", "/v1/mgmt/user/update/role/set"),
    addTenantRoles: tenantRoles("addTenantRoles", "/v2/mgmt/user/update/role/add"),
    removeTenantRoles: tenantRoles("removeTenantRoles", "/v1/mgmt/user/update/role/remove"),
    setTemporaryPassword: password("setTemporaryPassword", "/v1/mgmt/user/password/set/temporary"),
    setActivePassword: password("setActivePassword", "/v1/mgmt/user/password/set/active"),
    expirePassword: byLoginId("expirePassword", "/v1/mgmt/user/password/expire"),
    removeAllPasskeys: byLoginId("removeAllPasskeys", "/v1/mgmt/user/passkeys/delete"),
    removeTotpSeed: byLoginId("removeTotpSeed", "/v1/mgmt/user/totp/delete"),
    logoutUser: byLoginId("logoutUser", "/v1/mgmt/user/logout"),
    logoutUserByUserId: (userId) =>
      checked([nonEmpty("userId", userId)], voidCall("logoutUserByUserId", "/v1/mgmt/user/logout", { userId })),
    history: (userIds) =>
      checked(
        [nonEmptyList("userIds", userIds)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/user/history",
          body: userIds,
          operation: "mgmt.user.history",
          schema: Schema.Array(UserHistory)
        })
      ),
    generateOtpForTestUser: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/tests/generate/otp",
          body: { deliveryMethod: deliveryMethodWire(o.method), loginId: o.loginId, loginOptions: o.loginOptions },
          operation: "mgmt.user.generateOtpForTestUser",
          schema: TestUserOtp
        })
      ),
    generateMagicLinkForTestUser: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/tests/generate/magiclink",
          body: {
            deliveryMethod: deliveryMethodWire(o.method),
            loginId: o.loginId,
            URI: o.uri,
            loginOptions: o.loginOptions
          },
          operation: "mgmt.user.generateMagicLinkForTestUser",
          schema: TestUserMagicLink
        })
      ),
    generateEnchantedLinkForTestUser: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/tests/generate/enchantedlink",
          body: { loginId: o.loginId, URI: o.uri, loginOptions: o.loginOptions },
          operation: "mgmt.user.generateEnchantedLinkForTestUser",
          schema: TestUserEnchantedLink
        })
      ),
    generateEmbeddedLink: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonNegativeInt("timeout", o.timeout)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/user/signin/embeddedlink",
            body: { loginId: o.loginId, customClaims: o.customClaims, timeout: o.timeout },
            operation: "mgmt.user.generateEmbeddedLink",
            schema: TokenResponse
          }),
          (r) => r.token
        )
      ),
    generateSignUpEmbeddedLink: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), optionalEmail("user.email", o.user?.email), nonNegativeInt("timeout", o.timeout)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/user/signup/embeddedlink",
            body: {
              loginId: o.loginId,
              user: o.user,
              emailVerified: o.emailVerified,
              phoneVerified: o.phoneVerified,
              loginOptions: o.loginOptions,
              timeout: o.timeout
            },
            operation: "mgmt.user.generateSignUpEmbeddedLink",
            schema: TokenResponse
          }),
          (r) => r.token
        )
      ),
    patchBatch: (o) =>
      checked(
        [nonEmptyBatch("users", o.users), ...o.users.flatMap(userChecks)],
        mgmt.callSpec({
          method: "PATCH",
          path: "/v1/mgmt/user/patch/batch",
          body: { users: o.users.map((u) => patchBody(u, o.test === true)) },
          operation: "mgmt.user.patchBatch",
          schema: PatchBatchResponse
        })
      ),
    getCustomAttributes: () =>
      Effect.map(
        mgmt.callSpec({
          method: "GET",
          path: "/v1/mgmt/user/customattributes",
          operation: "mgmt.user.getCustomAttributes",
          schema: CustomAttributesResponse
        }),
        (r) => r.data ?? []
      ),
    createCustomAttributes: (attributes) =>
      checked(
        [nonEmptyBatch("attributes", attributes), ...attributes.map((a) => nonEmpty("name", a.name))],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/user/customattribute/create",
            body: {
              attributes: attributes.map((a) => ({
                name: a.name,
                displayName: a.displayName,
                type: a.type,
                options: a.options,
                defaultValue: a.defaultValue,
                viewPermissions: a.viewPermissions,
                editPermissions: a.editPermissions
              }))
            },
            operation: "mgmt.user.createCustomAttributes",
            schema: CustomAttributesResponse
          }),
          (r) => r.data ?? []
        )
      ),
    deleteCustomAttributes: (names) =>
      checked(
        [nonEmptyList("names", names)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/user/customattribute/delete",
            body: { names },
            operation: "mgmt.user.deleteCustomAttributes",
            schema: CustomAttributesResponse
          }),
          (r) => r.data ?? []
        )
      ),
    listPasskeys: (loginId) =>
      checked(
        [nonEmpty("loginId", loginId)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/user/passkeys/list",
            body: { loginId },
            operation: "mgmt.user.listPasskeys",
            schema: Schema.Struct({ passkeys: opt(Schema.Array(UserPasskey)) })
          }),
          (r) => r.passkeys ?? []
        )
      ),
    removePasskey: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("credentialId", o.credentialId)],
        voidCall("removePasskey", "/v1/mgmt/user/passkey/delete", { loginId: o.loginId, credentialId: o.credentialId })
      ),
    listTrustedDevices: (loginIds) =>
      checked(
        [nonEmptyList("loginIds", loginIds)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/user/trusteddevices/list",
            body: { identifiers: loginIds },
            operation: "mgmt.user.listTrustedDevices",
            schema: Schema.Struct({ devices: opt(Schema.Array(UserTrustedDevice)) })
          }),
          (r) => r.devices ?? []
        )
      ),
    removeTrustedDevices: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmptyList("deviceIds", o.deviceIds)],
        voidCall("removeTrustedDevices", "/v1/mgmt/user/trusteddevices/remove", {
          identifier: o.loginId,
          deviceIds: o.deviceIds
        })
      ),
    removeRecoveryCodes: byLoginId("removeRecoveryCodes", "/v1/mgmt/user/recovery-codes/delete"),
    updateRecoveryEmail: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("email", o.email), optionalEmail("email", o.email)],
        userCall("updateRecoveryEmail", "/v1/mgmt/user/update/recovery/email", {
          loginId: o.loginId,
          recoveryEmail: o.email,
          verified: o.verified
        })
      ),
    updateRecoveryPhone: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("phone", o.phone)],
        userCall("updateRecoveryPhone", "/v1/mgmt/user/update/recovery/phone", {
          loginId: o.loginId,
          recoveryPhone: o.phone,
          verified: o.verified
        })
      ),
    updateUserNames: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        userCall("updateUserNames", "/v1/mgmt/user/update/name", {
          loginId: o.loginId,
          givenName: o.givenName,
          middleName: o.middleName,
          familyName: o.familyName
        })
      ),
    setPassword: password("setPassword", "/v1/mgmt/user/password/set"),
    importUsers: (o) =>
      checked(
        [nonEmpty("source", o.source)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/user/import",
          body: {
            source: o.source,
            users: payload(o.users),
            hashes: payload(Redacted.isRedacted(o.hashes) ? Redacted.value(o.hashes) : o.hashes),
            dryrun: o.dryrun ?? false
          },
          operation: "mgmt.user.importUsers",
          schema: ImportResponse
        })
      )
  }
}
