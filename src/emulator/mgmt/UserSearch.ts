/**
 * The emulator's user search (`src/wire/mgmt/UserSearch.ts`): every filter
 * of §10.1, sort orders, pages (`limit` 0 = 100 users) and the number of
 * matching users. The test-user search forces `withTestUser` and
 * `testUsersOnly`; the older `/v1` path answers as the `/v2` one.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as WireUser from "../../wire/mgmt/User.js"
import * as Wire from "../../wire/mgmt/UserSearch.js"
import type { ProjectState, UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { inSet } from "../ManagementSupport.js"
import { toUser } from "./User.js"

type Request = typeof Wire.SearchRequest.Type
type RoleFilters = Request["tenantRoleIds"]

const tenantRoles = (p: ProjectState, u: UserRecord, filters: RoleFilters, byId: boolean): boolean => {
  if (filters === undefined) return true
  for (const [tenantId, spec] of Object.entries(filters)) {
    const values = spec.values ?? []
    const assoc = u.userTenants.find((t) => t.tenantId === tenantId)
    if (assoc === undefined) return false
    const have = byId
      ? assoc.roleNames.map((n) =>
        p.roles.find((r) => r.name === n && (r.tenantId === tenantId || r.tenantId === undefined))?.id ?? n
      )
      : assoc.roleNames
    const ok = spec.and === true
      ? values.every((v) => have.includes(v))
      : values.length === 0 || values.some((v) => have.includes(v))
    if (!ok) return false
  }
  return true
}

const anyOf = (values: ReadonlyArray<string> | undefined, have: ReadonlyArray<string>): boolean =>
  values === undefined || values.length === 0 || values.some((v) => have.includes(v))

const isEmpty = (values: ReadonlyArray<string> | undefined): boolean => values === undefined || values.length === 0

const fieldOf = (user: WireUser.User, field: string): unknown =>
  field in user ? user[field as keyof WireUser.User] : undefined

/**
 * One page of the users a search request matches, and their number.
 *
 * @since 0.2.0
 * @category queries
 */
export const searchUsers = (ctx: Ctx, b: Request, forceTest: boolean): typeof Wire.SearchResponse.Type => {
  const testOnly = forceTest || b.testUsersOnly === true
  // `testUsersOnly` answers the test users even without `withTestUser`, as Descope does
  const withTest = testOnly || b.withTestUser === true
  const text = b.text === undefined || b.text === "" ? undefined : b.text.toLowerCase()
  const emails = b.emails?.map((e) => e.toLowerCase())
  const loginIds = b.loginIds?.map((l) => l.toLowerCase())
  const attrs = b.customAttributes
  // the arrays a filter compares against are built only when that filter is given: a search without filters
  // is one cheap pass over the users per page (the stream of 100,000 users reads 1,000 pages)
  const matching = [...ctx.p.users.values()].filter((u) =>
    (withTest || !u.test) &&
    (!testOnly || u.test) &&
    (text === undefined ||
      [u.name, u.email, u.phone, u.givenName, u.familyName, ...u.loginIds].some((v) =>
        v?.toLowerCase().includes(text)
      )) &&
    anyOf(b.roleNames, u.roleNames) &&
    (isEmpty(b.tenantIds) || anyOf(b.tenantIds, u.userTenants.map((t) => t.tenantId))) &&
    inSet(emails, u.email?.toLowerCase()) &&
    inSet(b.phones, u.phone) &&
    inSet(b.statuses, u.status) &&
    (isEmpty(loginIds) || anyOf(loginIds, u.loginIds.map((l) => l.toLowerCase()))) &&
    inSet(b.userIds, u.userId) &&
    anyOf(b.ssoAppIds, u.ssoAppIds) &&
    (attrs === undefined ||
      Object.entries(attrs).every(([k, v]) => JSON.stringify(u.customAttributes[k]) === JSON.stringify(v))) &&
    (b.fromCreatedTime === undefined || u.createdTime * 1000 >= b.fromCreatedTime) &&
    (b.toCreatedTime === undefined || u.createdTime * 1000 <= b.toCreatedTime) &&
    (b.fromModifiedTime === undefined || u.modifiedTime * 1000 >= b.fromModifiedTime) &&
    (b.toModifiedTime === undefined || u.modifiedTime * 1000 <= b.toModifiedTime) &&
    (b.verifiedEmail === undefined || u.verifiedEmail === b.verifiedEmail) &&
    (b.verifiedPhone === undefined || u.verifiedPhone === b.verifiedPhone) &&
    tenantRoles(ctx.p, u, b.tenantRoleIds, true) &&
    tenantRoles(ctx.p, u, b.tenantRoleNames, false)
  )
  const limit = b.limit ?? 0
  const page = b.page ?? 0
  const size = limit > 0 ? limit : 100
  const sort = b.sort ?? []
  const pageOf = <A>(all: ReadonlyArray<A>) => all.slice(page * size, page * size + size)
  if (sort.length === 0) return { users: pageOf(matching).map((u) => toUser(ctx.p, u)), total: matching.length }
  const users = matching.map((u) => toUser(ctx.p, u)).sort((x, y) => {
    for (const s of sort) {
      const field = s.field ?? "createdTime"
      const cmp = String(fieldOf(x, field) ?? "").localeCompare(String(fieldOf(y, field) ?? ""), undefined, {
        numeric: true
      })
      if (cmp !== 0) return s.desc === true ? -cmp : cmp
    }
    return 0
  })
  return { users: pageOf(users), total: users.length }
}

/**
 * The user search routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.searchAll, (ctx, b) => Effect.succeed(searchUsers(ctx, b, false))),
  H.endpoint(Wire.searchAllTestUsers, (ctx, b) => Effect.succeed(searchUsers(ctx, b, true))),
  H.endpoint(Wire.searchV1, (ctx, b) => Effect.succeed(searchUsers(ctx, b, false)))
]
