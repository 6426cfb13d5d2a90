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
   * The inputs of the user life cycle.
   *
   * @since 0.1.0
   * @category models
   */
  CreateOptions,
  InviteOptions,
  PatchOptions,
  UpdateOptions,
  UserFields
} from "./UserCrud.js"

export type {
  /**
   * The inputs of the batches and of the import.
   *
   * @since 0.1.0
   * @category models
   */
  BatchUser,
  HashedPassword,
  ImportUsersOptions,
  InviteBatchOptions
} from "./UserBatch.js"

export type {
  /**
   * The inputs and the page of a user search.
   *
   * @since 0.1.0
   * @category models
   */
  SearchAllOptions,
  SearchFilters,
  SearchOptions,
  SearchResult,
  Sort,
  TenantRoleFilter
} from "./UserSearch.js"

export {
  /**
   * The page sizes and the 429 budget of `search`, and its retry schedule.
   *
   * @since 0.1.0
   * @category constants
   */
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_RATE_LIMIT_RETRIES,
  rateLimitSchedule
} from "./UserSearch.js"

export type {
  /**
   * The inputs of the test-user generators.
   *
   * @since 0.1.0
   * @category models
   */
  LoginOptions,
  TestDeliveryMethod
} from "./TestUser.js"

export type {
  /**
   * A custom attribute to create.
   *
   * @since 0.1.0
   * @category models
   */
  CustomAttributeInput
} from "./CustomAttribute.js"

export {
  /**
   * The answers of the batches and of the import (schemas of the wire catalogue).
   *
   * @since 0.1.0
   * @category schemas
   */
  BatchFailure,
  BatchResponse,
  FailedBatchUser,
  ImportFailure,
  ImportResponse,
  PatchBatchResponse
} from "../wire/mgmt/UserBatch.js"

export {
  /**
   * A user's passkeys, trusted devices, history and provider token (schemas of the wire catalogue).
   *
   * @since 0.1.0
   * @category schemas
   */
  ProviderToken,
  UserHistory,
  UserPasskey,
  UserTrustedDevice
} from "../wire/mgmt/UserCredentials.js"

export {
  /**
   * The generated codes and links of the test users (schemas of the wire catalogue).
   *
   * @since 0.1.0
   * @category schemas
   */
  TestUserEnchantedLink,
  TestUserMagicLink,
  TestUserOtp
} from "../wire/mgmt/TestUser.js"

export {
  /**
   * The custom attributes of the user schema (schemas of the wire catalogue).
   *
   * @since 0.1.0
   * @category schemas
   */
  CustomAttribute,
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
   * `POST /v1/mgmt/users/load`. Results are not cached.
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
