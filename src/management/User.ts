/**
 * `client.mgmt.user`: create, update, load, search and administer users
 * (§10.1). Names follow the Python SDK (`search_all_test_users` ->
 * `searchAllTestUsers`); the wire follows node-sdk where the two differ.
 *
 * The operations live by concept: the life cycle (`UserCrud`), single-field
 * updates (`UserUpdate`), search (`UserSearch`), batches and import
 * (`UserBatch`), credentials and sessions (`UserCredentials`), test users
 * (`TestUser`) and the custom attribute schema (`CustomAttribute`); this
 * module puts them together, with the loads of one user (`load`,
 * `loadByUserId`) that concurrent callers share (`UserLoader`).
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import { UserStatus } from "../core/User.js"
import { checked, nonEmpty } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/User.js"
import * as CustomAttribute from "./CustomAttribute.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"
import * as TestUser from "./TestUser.js"
import * as UserBatch from "./UserBatch.js"
import * as UserCredentials from "./UserCredentials.js"
import * as UserCrud from "./UserCrud.js"
import * as UserLoader from "./UserLoader.js"
import * as UserSearch from "./UserSearch.js"
import * as UserUpdate from "./UserUpdate.js"

/**
 * A user, as the management API answers it (the core user plus `modifiedTime`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const User = Wire.User

/**
 * @since 0.1.0
 * @category models
 */
export type User = Wire.User

export {
  /**
   * A user's status: `enabled`, `disabled`, `invited`, `expired`.
   *
   * @since 0.1.0
   * @category schemas
   */
  UserStatus
}

export type {
  /**
   * Options of `create` and `createTestUser`.
   *
   * @since 0.1.0
   * @category models
   */
  CreateOptions,
  /**
   * Options of `invite`: the user fields and how the invitation is sent.
   *
   * @since 0.1.0
   * @category models
   */
  InviteOptions,
  /**
   * Options of `patch`: only the given fields change.
   *
   * @since 0.1.0
   * @category models
   */
  PatchOptions,
  /**
   * Options of `update`: a full replacement of the user.
   *
   * @since 0.1.0
   * @category models
   */
  UpdateOptions,
  /**
   * The user fields of `create`, `createTestUser`, `invite` and `update`.
   *
   * @since 0.1.0
   * @category models
   */
  UserFields
} from "./UserCrud.js"

export type {
  /**
   * One user of `createBatch` / `inviteBatch`.
   *
   * @since 0.1.0
   * @category models
   */
  BatchUser,
  /**
   * A password hash to import with a user (bcrypt, pbkdf2, firebase, django, phpass, md5).
   *
   * @since 0.1.0
   * @category models
   */
  HashedPassword,
  /**
   * The input of `importUsers`: the source, the users and the hashes (text or bytes), dry run.
   *
   * @since 0.1.0
   * @category models
   */
  ImportUsersOptions,
  /**
   * The input of `inviteBatch`: the users and how the invitations are sent.
   *
   * @since 0.1.0
   * @category models
   */
  InviteBatchOptions
} from "./UserBatch.js"

export type {
  /**
   * Options of `searchAll` and `searchAllTestUsers`: the filters and one page.
   *
   * @since 0.1.0
   * @category models
   */
  SearchAllOptions,
  /**
   * The filters of a user search (tenants, roles, statuses, text, times, sort).
   *
   * @since 0.1.0
   * @category models
   */
  SearchFilters,
  /**
   * The input of `search`: the filters and the page size of the stream.
   *
   * @since 0.1.0
   * @category models
   */
  SearchOptions,
  /**
   * One page of `searchAll`: the users and the total.
   *
   * @since 0.1.0
   * @category models
   */
  SearchResult,
  /**
   * One sort key of a user search.
   *
   * @since 0.1.0
   * @category models
   */
  Sort,
  /**
   * Role names to match within one tenant (`and`: every one of them).
   *
   * @since 0.1.0
   * @category models
   */
  TenantRoleFilter
} from "./UserSearch.js"

export {
  /**
   * The default page size of `search`.
   *
   * @since 0.1.0
   * @category constants
   */
  DEFAULT_PAGE_SIZE,
  /**
   * The largest page size of `search`.
   *
   * @since 0.1.0
   * @category constants
   */
  MAX_PAGE_SIZE
} from "./UserSearch.js"

export type {
  /**
   * The login options of the test-user generators.
   *
   * @since 0.1.0
   * @category models
   */
  LoginOptions,
  /**
   * A delivery method of the test-user generators; `embedded` is sent as `Embedded`.
   *
   * @since 0.1.0
   * @category models
   */
  TestDeliveryMethod
} from "./TestUser.js"

export type {
  /**
   * A choice of a select-type attribute of `createCustomAttribute`.
   *
   * @since 0.2.0
   * @category models
   */
  CustomAttributeChoice,
  /**
   * A custom attribute to create.
   *
   * @since 0.1.0
   * @category models
   */
  CustomAttributeInput,
  /**
   * Descope's custom attribute type names (`createCustomAttribute`).
   *
   * @since 0.2.0
   * @category models
   */
  CustomAttributeTypeName
} from "./CustomAttribute.js"

export {
  /**
   * A user that a batch could not create or patch, and why.
   *
   * @since 0.1.0
   * @category schemas
   */
  BatchFailure,
  /**
   * The answer of `createBatch` and `inviteBatch`: created and failed users.
   *
   * @since 0.1.0
   * @category schemas
   */
  BatchResponse,
  /**
   * The user of a batch failure, echoed back as sent (its `userId` may be absent).
   *
   * @since 0.1.0
   * @category schemas
   */
  FailedBatchUser,
  /**
   * A user an import could not import, with the reason.
   *
   * @since 0.1.0
   * @category schemas
   */
  ImportFailure,
  /**
   * The answer of `importUsers`: imported users and failures.
   *
   * @since 0.1.0
   * @category schemas
   */
  ImportResponse,
  /**
   * The answer of `patchBatch`: patched and failed users, additional errors.
   *
   * @since 0.1.0
   * @category schemas
   */
  PatchBatchResponse
} from "../wire/mgmt/UserBatch.js"

export {
  /**
   * A social provider token of a user (`getProviderToken`); the tokens are secrets.
   *
   * @since 0.1.0
   * @category schemas
   */
  ProviderToken,
  /**
   * One login of a user's authentication history (`history`).
   *
   * @since 0.1.0
   * @category schemas
   */
  UserHistory,
  /**
   * A passkey of a user (`listPasskeys`).
   *
   * @since 0.1.0
   * @category schemas
   */
  UserPasskey,
  /**
   * A trusted device of a user (`listTrustedDevices`).
   *
   * @since 0.1.0
   * @category schemas
   */
  UserTrustedDevice
} from "../wire/mgmt/UserCredentials.js"

export {
  /**
   * A generated enchanted link for a test user, with the reference to poll.
   *
   * @since 0.1.0
   * @category schemas
   */
  TestUserEnchantedLink,
  /**
   * The magic link generated for a test user.
   *
   * @since 0.1.0
   * @category schemas
   */
  TestUserMagicLink,
  /**
   * A generated OTP code for a test user.
   *
   * @since 0.1.0
   * @category schemas
   */
  TestUserOtp
} from "../wire/mgmt/TestUser.js"

export {
  /**
   * A custom attribute of the user schema (`getCustomAttributes`).
   *
   * @since 0.1.0
   * @category schemas
   */
  CustomAttribute,
  /**
   * One choice of a select-type custom attribute.
   *
   * @since 0.1.0
   * @category schemas
   */
  CustomAttributeOption
} from "../wire/mgmt/CustomAttribute.js"

/**
 * `client.mgmt.user`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserApi
  extends
    UserCrud.UserCrudApi,
    UserUpdate.UserUpdateApi,
    UserSearch.UserSearchApi,
    UserBatch.UserBatchApi,
    UserCredentials.UserCredentialsApi,
    TestUser.TestUserApi,
    CustomAttribute.CustomAttributeApi
{
  /** Loads a user by login id; concurrent loads of the same id share one request. */
  readonly load: (loginId: string) => Effect.Effect<User, ManagementError>
  /**
   * Loads a user by user id; concurrent loads are deduplicated and batched into
   * `POST /v1/mgmt/users/load`, and so are the loads of a loop run with Effect's
   * request batching (`Effect.forEach(ids, loadByUserId, { batching: true })`).
   * Results are not cached.
   */
  readonly loadByUserId: (userId: string) => Effect.Effect<User, ManagementError>
}

/**
 * Builds `client.mgmt.user`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): UserApi => {
  const loader = UserLoader.make(mgmt)

  return {
    ...UserCrud.make(mgmt),
    ...UserUpdate.make(mgmt),
    ...UserSearch.make(mgmt),
    ...UserBatch.make(mgmt),
    ...UserCredentials.make(mgmt),
    ...TestUser.make(mgmt),
    ...CustomAttribute.make(mgmt),
    load: (loginId) => checked([nonEmpty("loginId", loginId)], loader.byLoginId(loginId)),
    loadByUserId: (userId) => checked([nonEmpty("userId", userId)], loader.byUserId(userId))
  }
}

export type {
  /**
   * The input of the role setters.
   *
   * @since 0.2.0
   * @category models
   */
  Roles,
  /**
   * The input of the SSO application setters.
   *
   * @since 0.2.0
   * @category models
   */
  SsoApps,
  /**
   * The input of `addTenant` / `removeTenant`.
   *
   * @since 0.2.0
   * @category models
   */
  Tenant,
  /**
   * The input of the tenant role setters.
   *
   * @since 0.2.0
   * @category models
   */
  TenantRoles
} from "./UserUpdate.js"

export type {
  /**
   * The input of the password setters.
   *
   * @since 0.2.0
   * @category models
   */
  PasswordOptions
} from "./UserCredentials.js"

export type {
  /**
   * A secret input: text, or `Redacted` text (kept redacted up to the wire).
   *
   * @since 0.2.0
   * @category models
   */
  Secret
} from "../internal/validate.js"
