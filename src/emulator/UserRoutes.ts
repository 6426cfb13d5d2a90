/**
 * Management endpoints for users: CRUD and batches, search with every filter of
 * §10.1, status, login ids, contact, names, custom attributes, roles, tenants,
 * SSO apps, passwords, passkeys/TOTP/trusted-device housekeeping, the test-user
 * generators (`/v1/mgmt/tests/generate/*`), embedded links, history and custom
 * attribute definitions, and user import (a JSON array of users, as text or
 * base64; `dryrun` persists nothing). Both `ssoAppIds` and `ssoAppIDs` are accepted.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as AuthRoutes from "./AuthRoutes.js"
import {
  findUser,
  newSecret,
  type ProjectState,
  type UserRecord,
  userJson
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Ctx, Route } from "./Handler.js"
import {
  identifier,
  inSet,
  removeUser,
  revokeSessions,
  target,
  touch,
  userNotFound,
  wrapped
} from "./ManagementSupport.js"
import * as Tokens from "./Tokens.js"
import * as Users from "./Users.js"
import * as W from "./Wire.js"
import {
  Codes,
  fail,
  isObject,
  type Json,
  obj,
  objs,
  optBool,
  optNonEmpty,
  optNum,
  optObj,
  optStr,
  optStrs,
  str,
  type WireError
} from "./Wire.js"

// --- users ------------------------------------------------------------------------------------------

const sendInvite = (ctx: Ctx, u: UserRecord, b: Json): void => {
  const to = u.email ?? u.phone ?? u.loginIds[0] ?? ""
  const token = newSecret()
  const loginId = u.loginIds[0] ?? u.userId
  ctx.p.links.set(token, {
    token,
    loginId,
    expiresAt: ctx.now + ctx.env.config.linkTtlMs,
    kind: "magiclink",
    method: u.email ? "email" : "sms",
    loginOptions: {}
  })
  const inviteUrl = optNonEmpty(b, "inviteUrl") ?? ctx.env.config.defaultRedirectUrl
  Tokens.send(ctx, {
    kind: "invite",
    deliveryMethod: u.email ? "email" : "sms",
    to,
    loginId,
    link: `${inviteUrl}${inviteUrl.includes("?") ? "&" : "?"}t=${token}`,
    token
  })
}

const createUser = (test: boolean): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const invite = optBool(ctx.body, "invite") === true
    if (invite) {
      const existing = findUser(ctx.p, loginId)
      if (existing !== undefined) {
        sendInvite(ctx, existing, ctx.body)
        return wrapped(ctx, existing)
      }
    }
    const u = yield* Users.create(ctx.p, loginId, ctx.body, ctx.now, {
      test: test || optBool(ctx.body, "test") === true,
      status: invite ? "invited" : "enabled"
    })
    if (invite) sendInvite(ctx, u, ctx.body)
    return wrapped(ctx, u)
  })

/**
 * A user a batch could not create or patch, shaped as a user (what the SDKs
 * decode `failedUsers[].user` as) from the request's element.
 */
const failedUser = (b: Json) => {
  const loginId = optNonEmpty(b, "loginId") ?? optNonEmpty(b, "loginIdOrUserId")
  return {
    userId: "",
    loginIds: loginId === undefined ? [] : [loginId],
    ...(optStr(b, "email") !== undefined ? { email: optStr(b, "email") } : {}),
    ...(optStr(b, "phone") !== undefined ? { phone: optStr(b, "phone") } : {}),
    ...(optStr(b, "displayName") !== undefined ? { name: optStr(b, "displayName") } : {})
  }
}

const createBatch: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const createdUsers: Array<unknown> = []
    const failedUsers: Array<unknown> = []
    const invite = optBool(ctx.body, "invite") === true
    for (const b of objs(ctx.body, "users")) {
      const loginId = optNonEmpty(b, "loginId") ?? optNonEmpty(b, "loginIdOrUserId")
      if (loginId === undefined) {
        failedUsers.push({ failure: "missing loginId", user: failedUser(b) })
        continue
      }
      const r = yield* Effect.either(
        Users.create(ctx.p, loginId, b, ctx.now, { test: optBool(b, "test") === true, status: invite ? "invited" : "enabled" })
      )
      if (r._tag === "Left") {
        failedUsers.push({ failure: r.left.errorMessage ?? r.left.errorDescription, user: failedUser(b) })
        continue
      }
      const u = r.right
      const password = optStr(b, "password")
      if (password !== undefined) u.passwordHash = yield* AuthRoutes.hashChecked(ctx, password).pipe(Effect.orElseSucceed(() => undefined))
      const seed = optStr(b, "seed")
      if (seed !== undefined) u.totpSeed = seed
      if (invite) sendInvite(ctx, u, ctx.body)
      createdUsers.push(userJson(ctx.p, u))
    }
    return { createdUsers, failedUsers }
  })

/**
 * The `users` payload of an import: a JSON array of user objects (or `{users: [...]}`),
 * sent as text (node-sdk) or base64 (python-sdk's bytes).
 */
const importEntries = (payload: string | undefined): ReadonlyArray<unknown> | undefined => {
  if (payload === undefined || payload.trim() === "") return []
  const parse = (text: string): ReadonlyArray<unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(text)
      if (Array.isArray(value)) return value
      if (isObject(value) && Array.isArray(value.users)) return value.users
      return undefined
    } catch {
      return undefined
    }
  }
  return parse(payload) ?? parse(Buffer.from(payload, "base64").toString("utf8"))
}

const importUsers: H.Handler = (ctx) =>
  Effect.gen(function*() {
    yield* str(ctx.body, "source")
    const entries = importEntries(optStr(ctx.body, "users"))
    if (entries === undefined) {
      return yield* fail(400, Codes.InvalidArguments, "Invalid users payload", "users must be a JSON array of users")
    }
    const dryrun = optBool(ctx.body, "dryrun") === true
    const users: Array<unknown> = []
    const failures: Array<unknown> = []
    for (const entry of entries) {
      const b: Json = isObject(entry) ? entry : {}
      const loginId = optNonEmpty(b, "loginId") ?? optNonEmpty(b, "email") ?? optNonEmpty(b, "phone")
      if (loginId === undefined) {
        failures.push({ user: JSON.stringify(entry), reason: "missing loginId, email and phone" })
        continue
      }
      const r = yield* Effect.either(Users.create(ctx.p, loginId, b, ctx.now, { test: false, status: "enabled" }))
      if (r._tag === "Left") {
        failures.push({ user: loginId, reason: r.left.errorMessage ?? r.left.errorDescription })
        continue
      }
      users.push(userJson(ctx.p, r.right))
      if (dryrun) removeUser(ctx.p, r.right)
    }
    return { users, failures }
  })

const CLEARABLE = ["email", "phone", "name", "givenName", "middleName", "familyName", "picture"] as const

const updateUser: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    for (const k of CLEARABLE) u[k] = undefined
    u.verifiedEmail = false
    u.verifiedPhone = false
    u.roleNames = []
    u.userTenants = []
    u.customAttributes = {}
    u.ssoAppIds = []
    Users.apply(ctx.p, u, ctx.body, ctx.now)
    return wrapped(ctx, u)
  })

const patchOne = (ctx: Ctx, b: Json): Effect.Effect<UserRecord, WireError> =>
  Effect.gen(function*() {
    const u = yield* target(ctx, b)
    Users.apply(ctx.p, u, b, ctx.now)
    return u
  })

const patchUser: H.Handler = (ctx) => Effect.map(patchOne(ctx, ctx.body), (u) => wrapped(ctx, u))

const patchBatch: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const patchedUsers: Array<unknown> = []
    const failedUsers: Array<unknown> = []
    for (const b of objs(ctx.body, "users")) {
      const r = yield* Effect.either(patchOne(ctx, b))
      if (r._tag === "Left") {
        failedUsers.push({ failure: r.left.errorMessage ?? r.left.errorDescription, user: failedUser(b) })
      } else patchedUsers.push(userJson(ctx.p, r.right))
    }
    return { patchedUsers, failedUsers }
  })


const deleteUser: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const id = identifier(ctx.body)
    if (id === undefined) return yield* W.missing("loginId")
    const u = findUser(ctx.p, id)
    if (u) removeUser(ctx.p, u)
    return {}
  })

const loadUser: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const id = optNonEmpty(ctx.query, "loginId") ?? optNonEmpty(ctx.query, "userId")
    if (id === undefined) return yield* W.missing("loginId")
    const u = findUser(ctx.p, id)
    return u === undefined ? yield* userNotFound(id) : wrapped(ctx, u)
  })


const tenantRoleFilter = (u: UserRecord, f: Json | undefined, byId: boolean, p: ProjectState): boolean => {
  if (f === undefined) return true
  for (const [tenantId, spec] of Object.entries(f)) {
    if (!isObject(spec)) continue
    const values = optStrs(spec, "values") ?? []
    const assoc = u.userTenants.find((t) => t.tenantId === tenantId)
    if (assoc === undefined) return false
    const have = byId
      ? assoc.roleNames.map((n) => p.roles.find((r) => r.name === n && (r.tenantId === tenantId || r.tenantId === undefined))?.id ?? n)
      : assoc.roleNames
    const ok = optBool(spec, "and") === true ? values.every((v) => have.includes(v)) : values.length === 0 || values.some((v) => have.includes(v))
    if (!ok) return false
  }
  return true
}

/**
 * User search with every filter of §10.1.
 *
 * @since 0.1.0
 * @category users
 */
export const searchUsers = (ctx: Ctx, b: Json, forceTest: boolean) => {
  const withTest = forceTest || optBool(b, "withTestUser") === true
  const testOnly = forceTest || optBool(b, "testUsersOnly") === true
  const text = optNonEmpty(b, "text")?.toLowerCase()
  const roleNames = optStrs(b, "roleNames") ?? optStrs(b, "roles")
  const tenantIds = optStrs(b, "tenantIds")
  const emails = optStrs(b, "emails")?.map((e) => e.toLowerCase())
  const phones = optStrs(b, "phones")
  const statuses = optStrs(b, "statuses")
  const loginIds = optStrs(b, "loginIds")?.map((l) => l.toLowerCase())
  const userIds = optStrs(b, "userIds")
  const apps = optStrs(b, "ssoAppIds") ?? optStrs(b, "ssoAppIDs")
  const attrs = optObj(b, "customAttributes")
  const range = (k: string) => optNum(b, k)
  const [fromC, toC, fromM, toM] = [range("fromCreatedTime"), range("toCreatedTime"), range("fromModifiedTime"), range("toModifiedTime")]
  const ve = optBool(b, "verifiedEmail")
  const vp = optBool(b, "verifiedPhone")
  let users = [...ctx.p.users.values()].filter((u) =>
    (withTest || !u.test) &&
    (!testOnly || u.test) &&
    (text === undefined ||
      [u.name, u.email, u.phone, u.givenName, u.familyName, ...u.loginIds].some((v) => v?.toLowerCase().includes(text))) &&
    (roleNames === undefined || roleNames.length === 0 || roleNames.some((r) => u.roleNames.includes(r))) &&
    (tenantIds === undefined || tenantIds.length === 0 || u.userTenants.some((t) => tenantIds.includes(t.tenantId))) &&
    inSet(emails, u.email?.toLowerCase()) &&
    inSet(phones, u.phone) &&
    inSet(statuses, u.status) &&
    (loginIds === undefined || loginIds.length === 0 || u.loginIds.some((l) => loginIds.includes(l.toLowerCase()))) &&
    inSet(userIds, u.userId) &&
    (apps === undefined || apps.length === 0 || apps.some((a) => u.ssoAppIds.includes(a))) &&
    (attrs === undefined || Object.entries(attrs).every(([k, v]) => JSON.stringify(u.customAttributes[k]) === JSON.stringify(v))) &&
    (fromC === undefined || u.createdTime * 1000 >= fromC) &&
    (toC === undefined || u.createdTime * 1000 <= toC) &&
    (fromM === undefined || u.modifiedTime * 1000 >= fromM) &&
    (toM === undefined || u.modifiedTime * 1000 <= toM) &&
    (ve === undefined || u.verifiedEmail === ve) &&
    (vp === undefined || u.verifiedPhone === vp) &&
    tenantRoleFilter(u, optObj(b, "tenantRoleIds"), true, ctx.p) &&
    tenantRoleFilter(u, optObj(b, "tenantRoleNames"), false, ctx.p)
  )
  const sort = objs(b, "sort")
  if (sort.length > 0) {
    users = users.sort((x, y) => {
      for (const s of sort) {
        const field = optStr(s, "field") ?? "createdTime"
        const a = userJson(ctx.p, x)[field]
        const c = userJson(ctx.p, y)[field]
        const cmp = String(a ?? "").localeCompare(String(c ?? ""), undefined, { numeric: true })
        if (cmp !== 0) return optBool(s, "desc") === true ? -cmp : cmp
      }
      return 0
    })
  }
  const total = users.length
  const limit = optNum(b, "limit") ?? 0
  const page = optNum(b, "page") ?? 0
  const size = limit > 0 ? limit : 100
  return { users: users.slice(page * size, page * size + size).map((u) => userJson(ctx.p, u)), total }
}

const setStatus: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    const status = yield* str(ctx.body, "status")
    if (status !== "enabled" && status !== "disabled" && status !== "invited" && status !== "expired") {
      return yield* W.invalid(`unknown status ${status}`)
    }
    u.status = status
    if (status === "disabled") revokeSessions(ctx.p, u.userId)
    touch(ctx, u)
    return wrapped(ctx, u)
  })

const updateLoginId: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const u = yield* target(ctx)
    const next = optNonEmpty(ctx.body, "newLoginId")
    const idx = u.loginIds.findIndex((l) => l.toLowerCase() === loginId.toLowerCase())
    if (next === undefined) {
      if (u.loginIds.length <= 1) return yield* W.invalid("cannot remove the last login id")
      u.loginIds = u.loginIds.filter((_, i) => i !== idx)
    } else {
      if (Users.loginIdTaken(ctx.p, next, u.userId)) return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${next} is taken`)
      if (idx >= 0) u.loginIds[idx] = next
      else u.loginIds[0] = next
    }
    touch(ctx, u)
    return wrapped(ctx, u)
  })

const updateContact = (kind: "email" | "phone"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    const value = optStr(ctx.body, kind)
    if (optBool(ctx.body, "failOnConflict") === true && value && Users.loginIdTaken(ctx.p, value, u.userId)) {
      return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `${kind} belongs to another user`)
    }
    if (kind === "email") {
      u.email = value || undefined
      u.verifiedEmail = optBool(ctx.body, "verified") ?? false
    } else {
      u.phone = value || undefined
      u.verifiedPhone = optBool(ctx.body, "verified") ?? false
    }
    touch(ctx, u)
    return wrapped(ctx, u)
  })

const updateFields = (keys: ReadonlyArray<string>): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    const b: Record<string, unknown> = {}
    for (const k of keys) if (ctx.body[k] !== undefined) b[k] = ctx.body[k]
    Users.apply(ctx.p, u, b, ctx.now)
    return wrapped(ctx, u)
  })

const updateCustomAttribute: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    const key = yield* str(ctx.body, "attributeKey")
    u.customAttributes[key] = ctx.body.attributeValue ?? null
    touch(ctx, u)
    return wrapped(ctx, u)
  })

const roles = (op: "set" | "add" | "remove"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    const names = optStrs(ctx.body, "roleNames") ?? []
    const tenantId = optNonEmpty(ctx.body, "tenantId")
    const change = (current: ReadonlyArray<string>): Array<string> =>
      op === "set" ? [...names] : op === "add" ? [...new Set([...current, ...names])] : current.filter((r) => !names.includes(r))
    if (tenantId === undefined) {
      u.roleNames = change(u.roleNames)
    } else {
      const assoc = u.userTenants.find((t) => t.tenantId === tenantId)
      if (assoc) assoc.roleNames = change(assoc.roleNames)
      else if (op !== "remove") {
        if (!ctx.p.tenants.has(tenantId)) return yield* W.notFound(`tenant ${tenantId}`)
        u.userTenants.push({ tenantId, roleNames: change([]) })
      }
    }
    touch(ctx, u)
    return wrapped(ctx, u)
  })

const tenantMembership = (op: "add" | "remove"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    const tenantId = yield* str(ctx.body, "tenantId")
    if (op === "add") {
      if (!ctx.p.tenants.has(tenantId)) return yield* W.notFound(`tenant ${tenantId}`)
      if (!u.userTenants.some((t) => t.tenantId === tenantId)) u.userTenants.push({ tenantId, roleNames: [] })
    } else {
      u.userTenants = u.userTenants.filter((t) => t.tenantId !== tenantId)
    }
    touch(ctx, u)
    return wrapped(ctx, u)
  })

const ssoApps = (op: "set" | "add" | "remove"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    const ids = optStrs(ctx.body, "ssoAppIds") ?? optStrs(ctx.body, "ssoAppIDs") ?? []
    u.ssoAppIds = op === "set" ? [...ids] : op === "add" ? [...new Set([...u.ssoAppIds, ...ids])] : u.ssoAppIds.filter((a) => !ids.includes(a))
    touch(ctx, u)
    return wrapped(ctx, u)
  })

const setPassword = (active: boolean | "body"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    const password = yield* str(ctx.body, "password")
    u.passwordHash = yield* AuthRoutes.hashChecked(ctx, password)
    const isActive = active === "body" ? optBool(ctx.body, "setActive") === true : active
    u.passwordExpired = !isActive
    touch(ctx, u)
    return {}
  })

const generateFor = (ctx: Ctx): Effect.Effect<UserRecord, WireError> =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    if (!u.test) return yield* fail(400, Codes.InvalidRequest, "Not a test user", "the generators only serve test users")
    return u
  })

const testMethod = (ctx: Ctx): string => {
  const dm = optStr(ctx.body, "deliveryMethod") ?? "email"
  return dm === "Embedded" || dm === "embedded" ? "email" : dm.toLowerCase()
}

const generateOtp: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const u = yield* generateFor(ctx)
    const loginId = yield* str(ctx.body, "loginId")
    const { code } = AuthRoutes.issueCode(ctx, loginId, testMethod(ctx), u, undefined, obj(ctx.body, "loginOptions"))
    return { loginId, code }
  })

const generateMagicLink: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const u = yield* generateFor(ctx)
    const loginId = yield* str(ctx.body, "loginId")
    const { link } = AuthRoutes.magicLinkFor(ctx, loginId, testMethod(ctx), "magiclink", optStr(ctx.body, "URI"), u, undefined, obj(ctx.body, "loginOptions"))
    return { loginId, link }
  })

const generateEnchantedLink: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const u = yield* generateFor(ctx)
    const loginId = yield* str(ctx.body, "loginId")
    const r = AuthRoutes.issueEnchanted(ctx, loginId, optStr(ctx.body, "URI"), u, undefined, obj(ctx.body, "loginOptions"))
    return { loginId, link: r.link, pendingRef: r.pendingRef }
  })

const embeddedLink = (signUp: boolean): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    let u = findUser(ctx.p, loginId)
    if (u === undefined) {
      if (!signUp) return yield* userNotFound(loginId)
      u = yield* Users.create(ctx.p, loginId, {
        ...obj(ctx.body, "user"),
        ...(optBool(ctx.body, "emailVerified") !== undefined ? { verifiedEmail: optBool(ctx.body, "emailVerified") } : {}),
        ...(optBool(ctx.body, "phoneVerified") !== undefined ? { verifiedPhone: optBool(ctx.body, "phoneVerified") } : {})
      }, ctx.now)
    }
    const token = newSecret()
    const timeout = optNum(ctx.body, "timeout") ?? 0
    const lo = obj(ctx.body, "loginOptions")
    ctx.p.links.set(token, {
      token,
      loginId,
      expiresAt: ctx.now + (timeout > 0 ? timeout * 1000 : ctx.env.config.linkTtlMs),
      kind: "embedded",
      method: "embedded",
      loginOptions: { ...lo },
      customClaims: optObj(ctx.body, "customClaims") ?? optObj(lo, "customClaims")
    })
    return { token }
  })

const userHistory: H.Handler = (ctx) => {
  const ids = Array.isArray(ctx.raw) ? ctx.raw.filter((x): x is string => typeof x === "string") : optStrs(ctx.body, "userIds") ?? []
  return Effect.succeed(AuthRoutes.historyOf(ctx.p, ids))
}

const recovery = (kind: "email" | "phone"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx)
    if (kind === "email") u.recoveryEmail = optStr(ctx.body, "recoveryEmail")
    else u.recoveryPhone = optStr(ctx.body, "recoveryPhone")
    touch(ctx, u)
    return wrapped(ctx, u)
  })

const providerToken: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const u = yield* target(ctx, ctx.query)
    const provider = ctx.query.provider ?? ""
    if (u.oauth[provider] !== true) return yield* W.notFound(`provider token of ${provider}`)
    return {
      provider,
      providerUserId: u.userId,
      accessToken: `emulated-${provider}-access-token`,
      expiration: Math.floor(ctx.now / 1000) + 3600,
      scopes: [],
      ...(ctx.query.withRefreshToken === "true" ? { refreshToken: `emulated-${provider}-refresh-token` } : {})
    }
  })

/**
 * The user management routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.post("/v1/mgmt/user/create", "mgmt", createUser(false)),
  H.post("/v1/mgmt/user/create/test", "mgmt", createUser(true)),
  H.post("/v1/mgmt/user/create/batch", "mgmt", createBatch),
  H.post("/v1/mgmt/user/update", "mgmt", updateUser),
  H.patch("/v1/mgmt/user/patch", "mgmt", patchUser),
  H.patch("/v1/mgmt/user/patch/batch", "mgmt", patchBatch),
  H.post("/v1/mgmt/user/import", "mgmt", importUsers),
  H.post("/v1/mgmt/user/delete", "mgmt", deleteUser),
  H.post("/v1/mgmt/user/delete/batch", "mgmt", (ctx) =>
    Effect.sync(() => {
      for (const id of optStrs(ctx.body, "userIds") ?? []) {
        const u = findUser(ctx.p, id)
        if (u) removeUser(ctx.p, u)
      }
      return {}
    })),
  H.del("/v1/mgmt/user/test/delete/all", "mgmt", (ctx) =>
    Effect.sync(() => {
      for (const u of [...ctx.p.users.values()]) if (u.test) removeUser(ctx.p, u)
      return {}
    })),
  H.get("/v1/mgmt/user", "mgmt", loadUser),
  H.post("/v1/mgmt/users/load", "mgmt", (ctx) =>
    Effect.sync(() => {
      const ids = optStrs(ctx.body, "userIds") ?? []
      const includeInvalid = optBool(ctx.body, "includeInvalidUsers") === true
      const users = ids.flatMap((id) => {
        const u = findUser(ctx.p, id)
        return u && (includeInvalid || u.status !== "disabled") ? [userJson(ctx.p, u)] : []
      })
      return { users }
    })),
  H.post("/v2/mgmt/user/search", "mgmt", (ctx) => Effect.succeed(searchUsers(ctx, ctx.body, false))),
  H.post("/v2/mgmt/user/search/test", "mgmt", (ctx) => Effect.succeed(searchUsers(ctx, ctx.body, true))),
  H.post("/v1/mgmt/user/search", "mgmt", (ctx) => Effect.succeed(searchUsers(ctx, ctx.body, false))),
  H.post("/v1/mgmt/user/logout", "mgmt", (ctx) =>
    Effect.map(target(ctx), (u) => {
      revokeSessions(ctx.p, u.userId)
      return {}
    })),
  H.post("/v1/mgmt/user/update/status", "mgmt", setStatus),
  H.post("/v1/mgmt/user/update/loginid", "mgmt", updateLoginId),
  H.post("/v1/mgmt/user/update/email", "mgmt", updateContact("email")),
  H.post("/v1/mgmt/user/update/phone", "mgmt", updateContact("phone")),
  H.post("/v1/mgmt/user/update/name", "mgmt", updateFields(["displayName", "givenName", "middleName", "familyName"])),
  H.post("/v1/mgmt/user/update/picture", "mgmt", updateFields(["picture"])),
  H.post("/v1/mgmt/user/update/customAttribute", "mgmt", updateCustomAttribute),
  H.post("/v1/mgmt/user/update/role/set", "mgmt", roles("set")),
  H.post("/v2/mgmt/user/update/role/add", "mgmt", roles("add")),
  H.post("/v1/mgmt/user/update/role/add", "mgmt", roles("add")),
  H.post("/v1/mgmt/user/update/role/remove", "mgmt", roles("remove")),
  H.post("/v1/mgmt/user/update/tenant/add", "mgmt", tenantMembership("add")),
  H.post("/v1/mgmt/user/update/tenant/remove", "mgmt", tenantMembership("remove")),
  H.post("/v1/mgmt/user/update/ssoapp/add", "mgmt", ssoApps("add")),
  H.post("/v1/mgmt/user/update/ssoapp/set", "mgmt", ssoApps("set")),
  H.post("/v1/mgmt/user/update/ssoapp/remove", "mgmt", ssoApps("remove")),
  H.post("/v1/mgmt/user/update/recovery/email", "mgmt", recovery("email")),
  H.post("/v1/mgmt/user/update/recovery/phone", "mgmt", recovery("phone")),
  H.post("/v1/mgmt/user/password/set/temporary", "mgmt", setPassword(false)),
  H.post("/v1/mgmt/user/password/set/active", "mgmt", setPassword(true)),
  H.post("/v1/mgmt/user/password/set", "mgmt", setPassword("body")),
  H.post("/v1/mgmt/user/password/expire", "mgmt", (ctx) =>
    Effect.map(target(ctx), (u) => {
      u.passwordExpired = true
      return {}
    })),
  H.post("/v1/mgmt/user/passkeys/delete", "mgmt", (ctx) => Effect.as(target(ctx), {})),
  H.post("/v1/mgmt/user/passkey/delete", "mgmt", (ctx) => Effect.as(target(ctx), {})),
  H.post("/v1/mgmt/user/passkeys/list", "mgmt", (ctx) => Effect.as(target(ctx), { passkeys: [] })),
  H.post("/v1/mgmt/user/totp/delete", "mgmt", (ctx) =>
    Effect.map(target(ctx), (u) => {
      u.totpSeed = undefined
      return {}
    })),
  H.post("/v1/mgmt/user/recovery-codes/delete", "mgmt", (ctx) => Effect.as(target(ctx), {})),
  H.post("/v1/mgmt/user/trusteddevices/list", "mgmt", () => Effect.succeed({ devices: [] })),
  H.post("/v1/mgmt/user/trusteddevices/remove", "mgmt", () => Effect.succeed({})),
  H.get("/v1/mgmt/user/provider/token", "mgmt", providerToken),
  H.post("/v1/mgmt/tests/generate/otp", "mgmt", generateOtp),
  H.post("/v1/mgmt/tests/generate/magiclink", "mgmt", generateMagicLink),
  H.post("/v1/mgmt/tests/generate/enchantedlink", "mgmt", generateEnchantedLink),
  H.post("/v1/mgmt/user/signin/embeddedlink", "mgmt", embeddedLink(false)),
  H.post("/v1/mgmt/user/signup/embeddedlink", "mgmt", embeddedLink(true)),
  H.post("/v1/mgmt/user/history", "mgmt", userHistory),
  H.get("/v1/mgmt/user/customattributes", "mgmt", (ctx) => Effect.succeed({ data: ctx.p.customAttributeDefs })),
  H.post("/v1/mgmt/user/customattribute/create", "mgmt", (ctx) =>
    Effect.sync(() => {
      for (const a of objs(ctx.body, "attributes")) {
        const name = optStr(a, "name")
        if (name === undefined) continue
        ctx.p.customAttributeDefs = [...ctx.p.customAttributeDefs.filter((d) => d.name !== name), { ...a }]
      }
      return { data: ctx.p.customAttributeDefs }
    })),
  H.post("/v1/mgmt/user/customattribute/delete", "mgmt", (ctx) =>
    Effect.sync(() => {
      const names = optStrs(ctx.body, "names") ?? []
      ctx.p.customAttributeDefs = ctx.p.customAttributeDefs.filter((d) => !names.includes(String(d.name)))
      return { data: ctx.p.customAttributeDefs }
    }))
]
