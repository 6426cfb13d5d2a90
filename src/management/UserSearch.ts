/**
 * User search in `client.mgmt.user`: one page (`searchAll`,
 * `searchAllTestUsers`), or every matching user as a `Stream` over the pages
 * (`search`), which waits out 429 answers for their `retryAfter`.
 *
 * @since 0.2.0
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { InvalidArgumentError } from "../core/DescopeError.js"
import type { UserStatus } from "../core/User.js"
import { pageRetry } from "../internal/pageRetry.js"
import { checked, nonNegativeInt } from "../internal/validate.js"
import type { User } from "../wire/mgmt/User.js"
import * as Wire from "../wire/mgmt/UserSearch.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

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
 * User search, part of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category models
 */
export interface UserSearchApi {
  /** One page of a user search (`POST /v2/mgmt/user/search`), with the total. */
  readonly searchAll: (options?: SearchAllOptions) => Effect.Effect<SearchResult, ManagementError>
  /** One page of a test-user search (`POST /v2/mgmt/user/search/test`). */
  readonly searchAllTestUsers: (options?: SearchAllOptions) => Effect.Effect<SearchResult, ManagementError>
  /**
   * Every matching user, page after page (bounded page size). A 429 is waited
   * out for its `retryAfter` (at most 10 in a row per page); the stream ends
   * after the last page.
   */
  readonly search: (options?: SearchOptions) => Stream.Stream<User, ManagementError>
}

const page = (r: typeof Wire.SearchResponse.Type): SearchResult => ({
  users: r.users ?? [],
  total: r.total ?? undefined
})

const pageChecks = (o: SearchAllOptions) => [nonNegativeInt("limit", o.limit), nonNegativeInt("page", o.page)]

/**
 * Builds the user search of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): UserSearchApi => ({
  searchAll: (o = {}) => checked(pageChecks(o), Effect.map(mgmt.call(Wire.searchAll, { request: o }), page)),
  searchAllTestUsers: (o = {}) =>
    checked(
      pageChecks(o),
      Effect.map(
        mgmt.call(Wire.searchAllTestUsers, { request: { ...o, withTestUser: true, testUsersOnly: true } }),
        page
      )
    ),
  search: (o = {}) => {
    const pageSize = o.pageSize ?? DEFAULT_PAGE_SIZE
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return Stream.fail(
        new InvalidArgumentError({ field: "pageSize", reason: `must be an integer from 1 to ${MAX_PAGE_SIZE}` })
      )
    }
    const fetchPage = (n: number) =>
      Effect.map(
        mgmt.call(Wire.searchAll, { request: { ...o, limit: pageSize, page: n }, operation: "mgmt.user.search" }),
        page
      ).pipe(Effect.retry(pageRetry))
    return Stream.paginateChunkEffect(0, (n) =>
      Effect.map(fetchPage(n), (result) => {
        const seen = n * pageSize + result.users.length
        const last = result.users.length < pageSize || (result.total !== undefined && seen >= result.total)
        return [Chunk.fromIterable(result.users), last ? Option.none() : Option.some(n + 1)] as const
      }))
  }
})
