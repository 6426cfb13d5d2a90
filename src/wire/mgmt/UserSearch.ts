/**
 * User search, `/v2/mgmt/user/search` (and its test-user twin and the older
 * `/v1` path): every filter of §10.1, one page per request, the page's users
 * and the number of matching users.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, Num, opt, optional, Strings } from "../Fields.js"
import { User } from "./User.js"

/**
 * A role filter of one tenant: `{ values, and }` (`and`: every value, else any).
 *
 * @since 0.2.0
 * @category schemas
 */
export const TenantRoleFilter = lazy(() =>
  Schema.Struct({
    values: optional(Strings),
    and: optional(Bool)
  })
)

/**
 * A sort order: a user field, descending when `desc`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Sort = lazy(() =>
  Schema.Struct({
    field: optional(Schema.String),
    desc: optional(Bool)
  })
)

/**
 * The filters of a user search (all optional; times in epoch milliseconds).
 *
 * @since 0.2.0
 * @category schemas
 */
export const searchFilters = {
  tenantIds: optional(Strings),
  roleNames: optional(Strings),
  testUsersOnly: optional(Bool),
  withTestUser: optional(Bool),
  customAttributes: optional(JsonObject),
  statuses: optional(Strings),
  emails: optional(Strings),
  phones: optional(Strings),
  ssoAppIds: optional(Strings),
  sort: optional(lazy(() => Schema.Array(Sort))),
  text: optional(Schema.String),
  loginIds: optional(Strings),
  userIds: optional(Strings),
  fromCreatedTime: optional(Num),
  toCreatedTime: optional(Num),
  fromModifiedTime: optional(Num),
  toModifiedTime: optional(Num),
  tenantRoleIds: optional(lazy(() => Schema.Record({ key: Schema.String, value: TenantRoleFilter }))),
  tenantRoleNames: optional(lazy(() => Schema.Record({ key: Schema.String, value: TenantRoleFilter }))),
  verifiedEmail: optional(Bool),
  verifiedPhone: optional(Bool)
}

/**
 * A search request: the filters and one page (`limit` 0 = the server's default page size).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SearchRequest = lazy(() =>
  Schema.Struct({
    ...searchFilters,
    limit: optional(Num),
    page: optional(Num)
  })
)

/**
 * One page of users and the number of matching users.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SearchResponse = lazy(() =>
  Schema.Struct({
    users: opt(Schema.Array(User)),
    total: opt(Schema.Number)
  })
)

/**
 * `POST /v2/mgmt/user/search` (also the `search` stream, one request per page).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const searchAll = Endpoint.post("mgmt.user.searchAll", "/v2/mgmt/user/search", {
  credential: "management",
  request: SearchRequest,
  response: SearchResponse,
  bucket: "mgmt.user.search",
  description: "Searches users: one page, with the number of matching users"
})

/**
 * `POST /v2/mgmt/user/search/test` (`withTestUser` and `testUsersOnly` forced).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const searchAllTestUsers = Endpoint.post("mgmt.user.searchAllTestUsers", "/v2/mgmt/user/search/test", {
  credential: "management",
  request: SearchRequest,
  response: SearchResponse,
  description: "Searches test users: one page, with the number of matching users"
})

/**
 * `POST /v1/mgmt/user/search`: the older path of the search, which older SDKs
 * call. The emulator serves it; the client calls the v2 path.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const searchV1 = Endpoint.post("mgmt.user.searchV1", "/v1/mgmt/user/search", {
  credential: "management",
  request: SearchRequest,
  response: SearchResponse,
  bucket: "mgmt.user.search",
  description: "Searches users (older path of searchAll; the client calls /v2)"
})
