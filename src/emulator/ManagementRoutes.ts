/**
 * The management endpoints of §10 used by seeds and test-user utilities:
 * users (CRUD, batch, search with every filter, roles, tenants, status,
 * passwords, test users and the `/v1/mgmt/tests/generate/*` generators,
 * embedded links, history, custom attributes), tenants (with settings and
 * SSO admin links), access keys, roles, permissions, SSO settings (v2 and
 * legacy), groups, JWT update / impersonation / management sign-in, audit,
 * password settings, the license handshake, and flow runs (not executed: the
 * output echoes the input, for both the nested and the flattened body). Both spellings of §12 and
 * §13.9 are accepted (`ssoAppIds`/`ssoAppIDs`, `InactivityTime`/`inactivityTime`, ...).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as AuthRoutes from "./AuthRoutes.js"
import * as Keys from "./EmulatorKeys.js"
import {
  type AccessKeyRecord,
  accessKeyJson,
  findUser,
  newId,
  newSecret,
  type ProjectState,
  roleJson,
  sha256,
  type SsoConfig,
  type TenantRecord,
  tenantJson,
  type UserRecord,
  userJson
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Ctx, Route } from "./Handler.js"
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

const userNotFound = (id: string) => fail(404, Codes.ManagementUserNotFound, "User not found", `Cannot find user ${id}`)

const identifier = (b: Json): string | undefined =>
  optNonEmpty(b, "loginId") ?? optNonEmpty(b, "userId") ?? optNonEmpty(b, "loginIdOrUserId") ?? optNonEmpty(b, "identifier")

const target = (ctx: Ctx, b: Json = ctx.body): Effect.Effect<UserRecord, WireError> => {
  const id = identifier(b)
  if (id === undefined) return W.missing("loginId")
  const u = findUser(ctx.p, id)
  return u === undefined ? userNotFound(id) : Effect.succeed(u)
}

const wrapped = (ctx: Ctx, u: UserRecord) => ({ user: userJson(ctx.p, u) })

const touch = (ctx: Ctx, u: UserRecord): void => {
  u.modifiedTime = Math.floor(ctx.now / 1000)
}

const revokeSessions = (p: ProjectState, subject: string): void => {
  for (const s of p.sessions.values()) if (s.subject === subject) s.revoked = true
}

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

const createBatch: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const createdUsers: Array<unknown> = []
    const failedUsers: Array<unknown> = []
    const invite = optBool(ctx.body, "invite") === true
    for (const b of objs(ctx.body, "users")) {
      const loginId = optNonEmpty(b, "loginId") ?? optNonEmpty(b, "loginIdOrUserId")
      if (loginId === undefined) {
        failedUsers.push({ failure: "missing loginId", user: b })
        continue
      }
      const r = yield* Effect.either(
        Users.create(ctx.p, loginId, b, ctx.now, { test: optBool(b, "test") === true, status: invite ? "invited" : "enabled" })
      )
      if (r._tag === "Left") {
        failedUsers.push({ failure: r.left.errorMessage ?? r.left.errorDescription, user: b })
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
      if (r._tag === "Left") failedUsers.push({ failure: r.left.errorMessage ?? r.left.errorDescription, user: b })
      else patchedUsers.push(userJson(ctx.p, r.right))
    }
    return { patchedUsers, failedUsers }
  })

const removeUser = (p: ProjectState, u: UserRecord): void => {
  p.users.delete(u.userId)
  revokeSessions(p, u.userId)
  for (const t of p.tenants.values()) for (const g of t.groups) g.memberUserIds = g.memberUserIds.filter((id) => id !== u.userId)
}

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

const inSet = (values: ReadonlyArray<string> | undefined, v: string | undefined): boolean =>
  values === undefined || values.length === 0 || (v !== undefined && values.includes(v))

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

// --- tenants ----------------------------------------------------------------------------------------

const tenantNotFound = (id: string) => W.notFound(`tenant ${id}`)

const applyTenant = (t: TenantRecord, b: Json): void => {
  if (optStr(b, "name") !== undefined) t.name = optStr(b, "name") ?? t.name
  const spd = optStrs(b, "selfProvisioningDomains")
  if (spd !== undefined) t.selfProvisioningDomains = [...spd]
  if (isObject(b.customAttributes)) t.customAttributes = { ...b.customAttributes }
  if (optBool(b, "enforceSSO") !== undefined) t.enforceSSO = optBool(b, "enforceSSO") === true
  if (optBool(b, "disabled") !== undefined) t.disabled = optBool(b, "disabled") === true
  const ex = optStrs(b, "enforceSSOExclusions")
  if (ex !== undefined) t.enforceSSOExclusions = [...ex]
  if (optStr(b, "parent") !== undefined) t.parent = optStr(b, "parent")
  if (optStr(b, "roleInheritance") !== undefined) t.roleInheritance = optStr(b, "roleInheritance")
}

const createTenant: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const name = yield* str(ctx.body, "name")
    const id = optNonEmpty(ctx.body, "id") ?? newId("T")
    if (ctx.p.tenants.has(id)) return yield* fail(409, Codes.InvalidRequest, "Tenant already exists", `tenant ${id} exists`)
    if ([...ctx.p.tenants.values()].some((t) => t.name === name)) {
      return yield* fail(409, Codes.InvalidRequest, "Tenant already exists", `a tenant named ${name} exists`)
    }
    const t: TenantRecord = {
      id,
      name,
      selfProvisioningDomains: [],
      customAttributes: {},
      domains: [],
      authType: "none",
      enforceSSO: false,
      enforceSSOExclusions: [],
      disabled: false,
      defaultRoles: [],
      createdTime: Math.floor(ctx.now / 1000),
      settings: {},
      sso: new Map(),
      groups: []
    }
    applyTenant(t, ctx.body)
    ctx.p.tenants.set(id, t)
    return { id }
  })

const tenantOf = (ctx: Ctx, id: string | undefined): Effect.Effect<TenantRecord, WireError> => {
  if (id === undefined || id === "") return W.missing("tenantId")
  const t = ctx.p.tenants.get(id)
  return t === undefined ? tenantNotFound(id) : Effect.succeed(t)
}

const updateTenant: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const t = yield* tenantOf(ctx, optStr(ctx.body, "id"))
    applyTenant(t, ctx.body)
    return {}
  })

const deleteTenant: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const id = yield* str(ctx.body, "id")
    if (optBool(ctx.body, "cascade") === true) {
      // users that belong to this tenant only go with it
      for (const u of [...ctx.p.users.values()]) {
        if (u.userTenants.length > 0 && u.userTenants.every((t) => t.tenantId === id)) removeUser(ctx.p, u)
      }
    }
    ctx.p.tenants.delete(id)
    ctx.p.roles = ctx.p.roles.filter((r) => r.tenantId !== id)
    for (const u of ctx.p.users.values()) u.userTenants = u.userTenants.filter((t) => t.tenantId !== id)
    return {}
  })

const searchTenants: H.Handler = (ctx) => {
  const ids = optStrs(ctx.body, "tenantIds")
  const names = optStrs(ctx.body, "tenantNames")
  const domains = optStrs(ctx.body, "tenantSelfProvisioningDomains")
  const attrs = optObj(ctx.body, "customAttributes")
  const parent = optNonEmpty(ctx.body, "parentTenantId")
  const tenants = [...ctx.p.tenants.values()].filter((t) =>
    inSet(ids, t.id) && inSet(names, t.name) &&
    (domains === undefined || domains.length === 0 || domains.some((d) => t.selfProvisioningDomains.includes(d))) &&
    (attrs === undefined || Object.entries(attrs).every(([k, v]) => JSON.stringify(t.customAttributes[k]) === JSON.stringify(v))) &&
    (parent === undefined || t.parent === parent)
  )
  return Effect.succeed({ tenants: tenants.map(tenantJson) })
}

const SETTINGS_ALIASES: Readonly<Record<string, string>> = { inactivityTime: "InactivityTime", inactivityTimeUnit: "InactivityTimeUnit" }

const tenantSettings = (t: TenantRecord) => ({
  domains: [...t.domains],
  selfProvisioningDomains: [...t.selfProvisioningDomains],
  authType: t.authType,
  enabled: false,
  sessionTokenExpiration: 10,
  sessionTokenExpirationUnit: "minutes",
  refreshTokenExpiration: 4,
  refreshTokenExpirationUnit: "weeks",
  stepupTokenExpiration: 10,
  stepupTokenExpirationUnit: "minutes",
  enableInactivity: false,
  InactivityTime: 12,
  InactivityTimeUnit: "hours",
  JITDisabled: false,
  ...t.settings,
  inactivityTime: t.settings.InactivityTime ?? 12,
  inactivityTimeUnit: t.settings.InactivityTimeUnit ?? "hours"
})

const configureTenantSettings: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const t = yield* tenantOf(ctx, optStr(ctx.body, "tenantId") ?? optStr(ctx.body, "id"))
    for (const [k, v] of Object.entries(ctx.body)) {
      if (k === "tenantId" || k === "id") continue
      if (k === "domains") t.domains = [...(optStrs(ctx.body, k) ?? t.domains)]
      else if (k === "selfProvisioningDomains") t.selfProvisioningDomains = [...(optStrs(ctx.body, k) ?? t.selfProvisioningDomains)]
      else if (k === "authType" && (v === "none" || v === "saml" || v === "oidc")) t.authType = v
      else t.settings[SETTINGS_ALIASES[k] ?? k] = v
    }
    return {}
  })

// --- access keys ------------------------------------------------------------------------------------

const keyOf = (ctx: Ctx, id: string | undefined): Effect.Effect<AccessKeyRecord, WireError> => {
  if (id === undefined || id === "") return W.missing("id")
  const k = ctx.p.accessKeys.get(id)
  return k === undefined ? W.notFound(`access key ${id}`) : Effect.succeed(k)
}

const newCleartext = (id: string): string => `${id}${newSecret(32)}`

const createAccessKey: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const name = yield* str(ctx.body, "name")
    const id = newId("K")
    const cleartext = newCleartext(id)
    const boundUserId = optNonEmpty(ctx.body, "userId")
    if (boundUserId !== undefined && findUser(ctx.p, boundUserId) === undefined) return yield* userNotFound(boundUserId)
    const key: AccessKeyRecord = {
      id,
      name,
      description: optStr(ctx.body, "description") ?? "",
      roleNames: [...(optStrs(ctx.body, "roleNames") ?? [])],
      keyTenants: Users.readTenants(ctx.body, "keyTenants") ?? [],
      status: "active",
      createdTime: Math.floor(ctx.now / 1000),
      expireTime: optNum(ctx.body, "expireTime") ?? 0,
      createdBy: "management-key",
      clientId: newId("C"),
      boundUserId: boundUserId !== undefined ? findUser(ctx.p, boundUserId)?.userId : undefined,
      customClaims: optObj(ctx.body, "customClaims"),
      permittedIps: [...(optStrs(ctx.body, "permittedIps") ?? [])],
      customAttributes: { ...(optObj(ctx.body, "customAttributes") ?? {}) },
      secretHash: sha256(cleartext)
    }
    ctx.p.accessKeys.set(id, key)
    return { key: accessKeyJson(ctx.p, key), cleartext }
  })

const updateAccessKey: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const k = yield* keyOf(ctx, optStr(ctx.body, "id"))
    const name = optNonEmpty(ctx.body, "name")
    if (name !== undefined) k.name = name
    if (optStr(ctx.body, "description") !== undefined) k.description = optStr(ctx.body, "description") ?? ""
    const roles = optStrs(ctx.body, "roleNames")
    if (roles !== undefined) k.roleNames = [...roles]
    const tenants = Users.readTenants(ctx.body, "keyTenants")
    if (tenants !== undefined) k.keyTenants = tenants
    if (optObj(ctx.body, "customClaims") !== undefined) k.customClaims = optObj(ctx.body, "customClaims")
    if (optStrs(ctx.body, "permittedIps") !== undefined) k.permittedIps = [...(optStrs(ctx.body, "permittedIps") ?? [])]
    if (optObj(ctx.body, "customAttributes") !== undefined) k.customAttributes = { ...optObj(ctx.body, "customAttributes") }
    return { key: accessKeyJson(ctx.p, k) }
  })

const keyStatus = (op: "activate" | "deactivate" | "delete", batch: boolean): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const ids = batch ? optStrs(ctx.body, "ids") ?? [] : [yield* str(ctx.body, "id")]
    for (const id of ids) {
      const k = ctx.p.accessKeys.get(id)
      if (k === undefined) {
        if (!batch) return yield* W.notFound(`access key ${id}`)
        continue
      }
      if (op === "delete") ctx.p.accessKeys.delete(id)
      else k.status = op === "activate" ? "active" : "inactive"
    }
    return {}
  })

const rotateAccessKey: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const k = yield* keyOf(ctx, optStr(ctx.body, "id"))
    const cleartext = newCleartext(k.id)
    k.secretHash = sha256(cleartext)
    return { key: accessKeyJson(ctx.p, k), cleartext }
  })

const searchAccessKeys: H.Handler = (ctx) => {
  const tenantIds = optStrs(ctx.body, "tenantIds")
  const bound = optNonEmpty(ctx.body, "boundUserId")
  const creating = optNonEmpty(ctx.body, "creatingUser")
  const attrs = optObj(ctx.body, "customAttributes")
  const keys = [...ctx.p.accessKeys.values()].filter((k) =>
    (tenantIds === undefined || tenantIds.length === 0 || k.keyTenants.some((t) => tenantIds.includes(t.tenantId))) &&
    (bound === undefined || k.boundUserId === bound || findUser(ctx.p, bound)?.userId === k.boundUserId) &&
    (creating === undefined || k.createdBy === creating) &&
    (attrs === undefined || Object.entries(attrs).every(([a, v]) => JSON.stringify(k.customAttributes[a]) === JSON.stringify(v)))
  )
  return Effect.succeed({ keys: keys.map((k) => accessKeyJson(ctx.p, k)) })
}

// --- permissions and roles --------------------------------------------------------------------------

const createPermission = (ctx: Ctx, b: Json): Effect.Effect<void, WireError> =>
  Effect.gen(function*() {
    const name = yield* str(b, "name")
    if (ctx.p.permissions.some((x) => x.name === name)) return yield* fail(409, Codes.InvalidRequest, "Permission already exists", name)
    ctx.p.permissions.push({ id: newId("PE"), name, description: optStr(b, "description") ?? "", systemDefault: false })
  })

const updatePermission = (ctx: Ctx, b: Json): Effect.Effect<void, WireError> =>
  Effect.gen(function*() {
    const id = optNonEmpty(b, "id")
    const name = optNonEmpty(b, "name")
    const perm = ctx.p.permissions.find((x) => (id !== undefined && x.id === id) || (name !== undefined && x.name === name))
    if (perm === undefined) return yield* W.notFound(`permission ${name ?? id ?? ""}`)
    const newName = optNonEmpty(b, "newName")
    if (newName !== undefined && newName !== perm.name) {
      for (const r of ctx.p.roles) r.permissionNames = r.permissionNames.map((n) => (n === perm.name ? newName : n))
      perm.name = newName
    }
    if (optStr(b, "description") !== undefined) perm.description = optStr(b, "description") ?? ""
  })

const deletePermissions = (ctx: Ctx, names: ReadonlyArray<string>, ids: ReadonlyArray<string>): void => {
  const gone = ctx.p.permissions.filter((x) => names.includes(x.name) || ids.includes(x.id)).map((x) => x.name)
  ctx.p.permissions = ctx.p.permissions.filter((x) => !gone.includes(x.name))
  for (const r of ctx.p.roles) r.permissionNames = r.permissionNames.filter((n) => !gone.includes(n))
}

const createRole = (ctx: Ctx, b: Json): Effect.Effect<ReturnType<typeof roleJson>, WireError> =>
  Effect.gen(function*() {
    const name = yield* str(b, "name")
    const tenantId = optNonEmpty(b, "tenantId")
    if (tenantId !== undefined && !ctx.p.tenants.has(tenantId)) return yield* tenantNotFound(tenantId)
    if (ctx.p.roles.some((r) => r.name === name && r.tenantId === tenantId)) {
      return yield* fail(409, Codes.InvalidRequest, "Role already exists", name)
    }
    const permissionNames = [...(optStrs(b, "permissionNames") ?? [])]
    const unknown = permissionNames.filter((n) => !ctx.p.permissions.some((x) => x.name === n))
    if (unknown.length > 0) return yield* W.invalid(`unknown permissions: ${unknown.join(", ")}`)
    const role = {
      id: newId("RO"),
      name,
      description: optStr(b, "description") ?? "",
      permissionNames,
      tenantId,
      default: optBool(b, "default") === true,
      private: optBool(b, "private") === true,
      createdTime: Math.floor(ctx.now / 1000)
    }
    ctx.p.roles.push(role)
    return roleJson(role)
  })

const updateRole = (ctx: Ctx, b: Json): Effect.Effect<ReturnType<typeof roleJson>, WireError> =>
  Effect.gen(function*() {
    const id = optNonEmpty(b, "id")
    const name = optNonEmpty(b, "name")
    const tenantId = optNonEmpty(b, "tenantId")
    const role = ctx.p.roles.find((r) => (id !== undefined ? r.id === id : r.name === name && r.tenantId === tenantId))
    if (role === undefined) return yield* W.notFound(`role ${name ?? id ?? ""}`)
    const newName = optNonEmpty(b, "newName")
    if (newName !== undefined && newName !== role.name) {
      for (const u of ctx.p.users.values()) {
        if (role.tenantId === undefined) u.roleNames = u.roleNames.map((r) => (r === role.name ? newName : r))
        for (const t of u.userTenants) {
          if (role.tenantId === undefined || role.tenantId === t.tenantId) t.roleNames = t.roleNames.map((r) => (r === role.name ? newName : r))
        }
      }
      role.name = newName
    }
    if (optStr(b, "description") !== undefined) role.description = optStr(b, "description") ?? ""
    const perms = optStrs(b, "permissionNames")
    if (perms !== undefined) role.permissionNames = [...perms]
    if (optBool(b, "default") !== undefined) role.default = optBool(b, "default") === true
    if (optBool(b, "private") !== undefined) role.private = optBool(b, "private") === true
    return roleJson(role)
  })

const deleteRoles = (ctx: Ctx, names: ReadonlyArray<string>, ids: ReadonlyArray<string>, tenantId: string | undefined): void => {
  ctx.p.roles = ctx.p.roles.filter((r) => !((names.includes(r.name) && r.tenantId === tenantId) || ids.includes(r.id)))
}

const searchRoles: H.Handler = (ctx) => {
  const b = ctx.body
  const tenantIds = optStrs(b, "tenantIds")
  const names = optStrs(b, "roleNames")
  const like = optNonEmpty(b, "roleNameLike")?.toLowerCase()
  const perms = optStrs(b, "permissionNames")
  const ids = optStrs(b, "roleIds")
  const includeProject = optBool(b, "includeProjectRoles") === true
  const found = ctx.p.roles.filter((r) =>
    (tenantIds === undefined || tenantIds.length === 0 || (r.tenantId !== undefined ? tenantIds.includes(r.tenantId) : includeProject)) &&
    inSet(names, r.name) &&
    (like === undefined || r.name.toLowerCase().includes(like)) &&
    (perms === undefined || perms.length === 0 || perms.some((x) => r.permissionNames.includes(x))) &&
    inSet(ids, r.id)
  )
  return Effect.succeed({ roles: found.map(roleJson) })
}

// --- SSO settings -----------------------------------------------------------------------------------

const ssoConfig = (t: TenantRecord, ssoId: string | undefined, create: boolean, displayName?: string): SsoConfig | undefined => {
  const id = ssoId ?? [...t.sso.keys()][0] ?? "default_ssoid"
  let c = t.sso.get(id)
  if (c === undefined && create) {
    c = { ssoId: id, displayName: displayName ?? id, saml: {}, oidc: {}, roleMappings: [], attributeMapping: {}, defaultSSORoles: [] }
    t.sso.set(id, c)
  }
  return c
}

const ssoSettingsJson = (t: TenantRecord, c: SsoConfig | undefined) => {
  const groupsMapping = (c?.roleMappings ?? []).map((m) => ({ role: { id: m.roleName, name: m.roleName }, groups: [...m.groups] }))
  return {
    tenant: tenantJson(t),
    saml: {
      idpEntityId: c?.saml.entityId ?? c?.saml.idpEntityId ?? "",
      idpSSOUrl: c?.saml.idpUrl ?? c?.saml.idpURL ?? "",
      idpCertificate: c?.saml.idpCert ?? "",
      idpMetadataUrl: c?.saml.idpMetadataUrl ?? c?.saml.idpMetadataURL ?? "",
      spEntityId: c?.saml.spEntityId ?? "",
      spACSUrl: c?.saml.spACSUrl ?? "",
      spCertificate: "",
      attributeMapping: { ...(c?.attributeMapping ?? {}) },
      groupsMapping,
      defaultSSORoles: [...(c?.defaultSSORoles ?? [])],
      redirectUrl: c?.redirectUrl ?? ""
    },
    oidc: {
      name: "",
      clientId: "",
      clientSecret: "",
      redirectUrl: "",
      authUrl: "",
      tokenUrl: "",
      userDataUrl: "",
      scope: [],
      JWKsUrl: "",
      userAttrMapping: {},
      manageProviderTokens: false,
      callbackDomain: "",
      prompt: [],
      grantType: "authorization_code",
      issuer: "",
      ...(c?.oidc ?? {})
    },
    ...(c !== undefined ? { ssoId: c.ssoId } : {})
  }
}

const readRoleMappings = (b: Json): Array<{ groups: Array<string>; roleName: string }> =>
  objs(b, "roleMappings").flatMap((m) => {
    const roleName = optStr(m, "roleName") ?? optStr(m, "role")
    return roleName ? [{ groups: [...(optStrs(m, "groups") ?? [])], roleName }] : []
  })

const configureSso = (kind: "saml" | "oidc" | "metadata" | "legacy" | "legacy-metadata"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const t = yield* tenantOf(ctx, optStr(ctx.body, "tenantId"))
    const c = ssoConfig(t, optNonEmpty(ctx.body, "ssoId"), true)!
    const settings = kind === "legacy" || kind === "legacy-metadata" ? ctx.body : obj(ctx.body, "settings")
    if (kind === "oidc") {
      c.oidc = { ...settings }
      t.authType = "oidc"
    } else {
      c.saml = { ...settings }
      t.authType = "saml"
    }
    const mappings = readRoleMappings(settings)
    if (mappings.length > 0) c.roleMappings = mappings
    if (isObject(settings.attributeMapping)) c.attributeMapping = { ...settings.attributeMapping }
    const defaults = optStrs(settings, "defaultSSORoles")
    if (defaults !== undefined) c.defaultSSORoles = [...defaults]
    const redirect = optStr(ctx.body, "redirectUrl") ?? optStr(ctx.body, "redirectURL") ?? optStr(settings, "redirectUrl")
    if (redirect !== undefined) c.redirectUrl = redirect
    const domains = optStrs(ctx.body, "domains") ?? (optStr(ctx.body, "domain") !== undefined ? [optStr(ctx.body, "domain")!] : undefined)
    if (domains !== undefined) t.domains = [...domains]
    return {}
  })

const ssoMapping: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const t = yield* tenantOf(ctx, optStr(ctx.body, "tenantId"))
    const c = ssoConfig(t, optNonEmpty(ctx.body, "ssoId"), true)!
    c.roleMappings = readRoleMappings(ctx.body)
    c.attributeMapping = { ...obj(ctx.body, "attributeMapping") }
    const defaults = optStrs(ctx.body, "defaultSSORoles")
    if (defaults !== undefined) c.defaultSSORoles = [...defaults]
    return {}
  })

const ssoRedirect: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const t = yield* tenantOf(ctx, optStr(ctx.body, "tenantId"))
    const c = ssoConfig(t, optNonEmpty(ctx.body, "ssoId"), true)!
    const url = optStr(ctx.body, "samlRedirectUrl") ?? optStr(ctx.body, "oauthRedirectUrl")
    if (url !== undefined) c.redirectUrl = url
    return {}
  })

const loadSso = (legacy: boolean): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const t = yield* tenantOf(ctx, ctx.query.tenantId)
    const c = ssoConfig(t, ctx.query.ssoId, false)
    if (!legacy) return ssoSettingsJson(t, c)
    const s = ssoSettingsJson(t, c)
    return {
      tenantId: t.id,
      idpEntityId: s.saml.idpEntityId,
      idpSSOUrl: s.saml.idpSSOUrl,
      idpCertificate: s.saml.idpCertificate,
      idpMetadataUrl: s.saml.idpMetadataUrl,
      spEntityId: s.saml.spEntityId,
      spACSUrl: s.saml.spACSUrl,
      spCertificate: "",
      userMapping: { name: "", email: "", username: "", phoneNumber: "", ...(c?.attributeMapping ?? {}) },
      groupsMapping: s.saml.groupsMapping,
      redirectUrl: s.saml.redirectUrl,
      domains: [...t.domains],
      domain: t.domains[0] ?? ""
    }
  })

// --- groups -----------------------------------------------------------------------------------------

const groupJson = (p: ProjectState, g: TenantRecord["groups"][number], withMembers: boolean) => ({
  id: g.id,
  display: g.display,
  source: g.source,
  ...(g.ssoId !== undefined ? { ssoId: g.ssoId } : {}),
  ...(withMembers
    ? {
      members: g.memberUserIds.flatMap((id) => {
        const u = p.users.get(id)
        return u ? [{ loginId: u.loginIds[0] ?? "", userId: u.userId, display: u.name ?? "" }] : []
      })
    }
    : {})
})

const groupsOf = (ctx: Ctx): Effect.Effect<ReadonlyArray<TenantRecord["groups"][number]>, WireError> =>
  Effect.map(tenantOf(ctx, optStr(ctx.body, "tenantId")), (t) => {
    const ssoId = optNonEmpty(ctx.body, "ssoId")
    return t.groups.filter((g) => ssoId === undefined || g.ssoId === ssoId || (g.ssoId === undefined && ssoId === "default_ssoid"))
  })

// --- JWT and management sign-in ---------------------------------------------------------------------

const updateJwt: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const jwt = yield* str(ctx.body, "jwt")
    const claims = yield* Keys.verify(ctx.p.keys, jwt, ctx.now)
    const customClaims = obj(ctx.body, "customClaims")
    const refreshDuration = optNum(ctx.body, "refreshDuration") ?? 0
    const iat = Math.floor(ctx.now / 1000)
    const lifetime = refreshDuration > 0 ? refreshDuration : Math.max(1, (claims.exp ?? iat) - (claims.iat ?? iat))
    const next: Record<string, unknown> = { ...customClaims, ...claims, iat, exp: iat + lifetime }
    for (const [k, v] of Object.entries(customClaims)) {
      if (!["iss", "sub", "drn", "jti", "iat", "exp"].includes(k)) next[k] = v
    }
    return { jwt: yield* Tokens.signWith(ctx.p, next) }
  })

const mgmtSessionOptions = (ctx: Ctx, b: Json) => {
  const refreshDuration = optNum(b, "refreshDuration") ?? 0
  return {
    customClaims: optObj(b, "customClaims"),
    ...(refreshDuration > 0 ? { refreshTtlMs: refreshDuration * 1000 } : {}),
    ...(optNonEmpty(b, "selectedTenant") !== undefined ? { dct: optNonEmpty(b, "selectedTenant") } : {}),
    loginOptions: {
      ...(optBool(b, "stepup") === true ? { stepup: true } : {}),
      ...(optBool(b, "mfa") === true ? { mfa: true } : {}),
      ...(optBool(b, "revokeOtherSessions") === true ? { revokeOtherSessions: true } : {}),
      ...(optNonEmpty(b, "tenantId") !== undefined ? { tenantId: optNonEmpty(b, "tenantId") } : {})
    },
    ctxWithToken: { ...ctx, token: optNonEmpty(b, "jwt") ?? ctx.token }
  }
}

const mgmtSignIn = (mode: "signin" | "signup" | "signup-in"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    let user = findUser(ctx.p, loginId)
    let firstSeen = false
    if (mode === "signup" && user !== undefined) return yield* fail(409, Codes.UserAlreadyExists, "User already exists", loginId)
    if (user === undefined) {
      if (mode === "signin") return yield* userNotFound(loginId)
      const u = obj(ctx.body, "user")
      user = yield* Users.create(ctx.p, loginId, {
        ...(optStr(ctx.body, "ssoAppId") !== undefined ? { ssoAppId: optStr(ctx.body, "ssoAppId") } : {}),
        ...u,
        ...(optBool(ctx.body, "emailVerified") !== undefined ? { verifiedEmail: optBool(ctx.body, "emailVerified") } : {}),
        ...(optBool(ctx.body, "phoneVerified") !== undefined ? { verifiedPhone: optBool(ctx.body, "phoneVerified") } : {})
      }, ctx.now)
      firstSeen = true
    }
    if (user.status === "disabled") return yield* fail(401, Codes.UserDisabled, "User disabled", "user is disabled")
    const o = mgmtSessionOptions(ctx, ctx.body)
    const previous = yield* Tokens.stepUp(o.ctxWithToken, o.loginOptions)
    return yield* Tokens.login(o.ctxWithToken, user, {
      previous,
      amr: ["mgmt"],
      method: "management",
      loginOptions: o.loginOptions,
      loginId,
      firstSeen,
      ...(o.customClaims !== undefined ? { customClaims: o.customClaims } : {}),
      ...(o.refreshTtlMs !== undefined ? { refreshTtlMs: o.refreshTtlMs } : {})
    })
  })

const anonymous: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const o = mgmtSessionOptions(ctx, ctx.body)
    const session = {
      id: newId("S"),
      subject: newId("A"),
      anonymous: true,
      amr: [] as Array<string>,
      dct: o.dct,
      customClaims: { ...(o.customClaims ?? {}) },
      createdAt: ctx.now,
      expiresAt: ctx.now + (o.refreshTtlMs ?? ctx.env.config.refreshTtlMs),
      revoked: false
    }
    ctx.p.sessions.set(session.id, session)
    return yield* Tokens.jwtResponse(ctx, session, undefined, false)
  })

const impersonate: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const impersonatorId = yield* str(ctx.body, "impersonatorId")
    const impersonator = findUser(ctx.p, impersonatorId)
    if (impersonator === undefined) return yield* userNotFound(impersonatorId)
    const perms = new Set<string>()
    for (const r of impersonator.roleNames) for (const x of ctx.p.roles.find((y) => y.name === r && y.tenantId === undefined)?.permissionNames ?? []) perms.add(x)
    if (!perms.has("impersonation")) return yield* fail(403, Codes.InvalidRequest, "Forbidden", "the impersonator lacks the impersonation permission")
    const user = yield* target(ctx)
    const o = mgmtSessionOptions(ctx, ctx.body)
    const session = {
      id: newId("S"),
      subject: user.userId,
      anonymous: false,
      amr: ["mgmt"],
      dct: o.dct,
      customClaims: { ...(o.customClaims ?? {}) },
      createdAt: ctx.now,
      expiresAt: ctx.now + (o.refreshTtlMs ?? ctx.env.config.refreshTtlMs),
      revoked: false,
      loginId: user.loginIds[0],
      act: { sub: impersonator.userId }
    }
    ctx.p.sessions.set(session.id, session)
    return { jwt: yield* Tokens.refreshJwt(ctx.env, ctx.p, session) }
  })

const stopImpersonation: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const { session } = yield* Tokens.fromRefresh(ctx, yield* str(ctx.body, "jwt"))
    const actor = session.act !== undefined && typeof session.act.sub === "string" ? session.act.sub : undefined
    if (actor === undefined) return yield* W.invalid("the token is not an impersonation token")
    session.revoked = true
    const o = mgmtSessionOptions(ctx, ctx.body)
    const next = {
      id: newId("S"),
      subject: actor,
      anonymous: false,
      amr: ["mgmt"],
      dct: o.dct,
      customClaims: { ...(o.customClaims ?? {}) },
      createdAt: ctx.now,
      expiresAt: ctx.now + (o.refreshTtlMs ?? ctx.env.config.refreshTtlMs),
      revoked: false
    }
    ctx.p.sessions.set(next.id, next)
    return { jwt: yield* Tokens.refreshJwt(ctx.env, ctx.p, next) }
  })

const clientAssertion: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const issuer = yield* str(ctx.body, "issuer")
    const subject = yield* str(ctx.body, "subject")
    const audience = optStrs(ctx.body, "audience") ?? []
    const expiresIn = optNum(ctx.body, "expiresIn") ?? 300
    const iat = Math.floor(ctx.now / 1000)
    const aud = optBool(ctx.body, "flattenAudience") === true && audience.length === 1 ? audience[0] : audience
    return { jwt: yield* Tokens.signWith(ctx.p, { iss: issuer, sub: subject, aud, iat, exp: iat + expiresIn, jti: newSecret(12) }) }
  })

// --- audit ------------------------------------------------------------------------------------------

const auditSearch: H.Handler = (ctx) => {
  const b = ctx.body
  const list = (k: string) => optStrs(b, k)
  const [userIds, actions, excluded, devices, methods, geos, addresses, externalIds, tenants] = [
    list("userIds"),
    list("actions"),
    list("excludedActions"),
    list("devices"),
    list("methods"),
    list("geos"),
    list("remoteAddresses"),
    list("externalIds") ?? list("loginIds"),
    list("tenants")
  ]
  const noTenants = optBool(b, "noTenants") === true
  const text = optNonEmpty(b, "text")?.toLowerCase()
  const from = optNum(b, "from") ?? 0
  const to = optNum(b, "to") ?? Number.MAX_SAFE_INTEGER
  const audits = ctx.p.audit.filter((e) =>
    inSet(userIds, e.userId) && inSet(actions, e.action) && !(excluded ?? []).includes(e.action) &&
    inSet(devices, e.device) && inSet(methods, e.method) && inSet(geos, e.geo) && inSet(addresses, e.remoteAddress) &&
    (externalIds === undefined || externalIds.length === 0 || e.externalIds.some((x) => externalIds.includes(x))) &&
    (tenants === undefined || tenants.length === 0 || e.tenants.some((x) => tenants.includes(x))) &&
    (!noTenants || e.tenants.length === 0) &&
    (text === undefined || JSON.stringify(e).toLowerCase().includes(text)) &&
    e.occurred >= from && e.occurred <= to
  ).map((e) => ({ ...e, occurred: String(e.occurred) }))
  return Effect.succeed({ audits, total: audits.length })
}

const auditEvent: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const action = yield* str(ctx.body, "action")
    const tenantId = optNonEmpty(ctx.body, "tenantId")
    Tokens.audit(ctx, action, optStr(ctx.body, "userId") ?? optStr(ctx.body, "actorId") ?? "", "", [], tenantId ? [tenantId] : [], {
      ...obj(ctx.body, "data"),
      type: optStr(ctx.body, "type") ?? "info",
      actorId: optStr(ctx.body, "actorId") ?? ""
    })
    return {}
  })

// --- password settings ------------------------------------------------------------------------------

const passwordSettingsOf = (ctx: Ctx, tenantId: string) => {
  const d = ctx.env.config.passwordPolicy
  return {
    enabled: true,
    minLength: d.minLength,
    lowercase: d.lowercase,
    uppercase: d.uppercase,
    number: d.number,
    nonAlphaNumeric: d.nonAlphanumeric,
    expiration: false,
    expirationWeeks: 0,
    reuse: false,
    reuseAmount: 0,
    lock: false,
    lockAttempts: 0,
    ...(ctx.p.passwordSettings.get("") ?? {}),
    ...(tenantId !== "" ? ctx.p.passwordSettings.get(tenantId) ?? {} : {})
  }
}

// --- flows (not executed: the output echoes the input) -----------------------------------------------

const flowInput = (b: Json): Effect.Effect<{ readonly flowId: string; readonly input: Json }, WireError> =>
  Effect.map(str(b, "flowId"), (flowId) => {
    const options = obj(b, "options")
    return { flowId, input: optObj(options, "input") ?? optObj(b, "input") ?? {} }
  })

const flowResults = new WeakMap<ProjectState, Map<string, Json>>()

const runFlowAsync: H.Handler = (ctx) =>
  Effect.map(flowInput(ctx.body), ({ flowId, input }) => {
    const executionId = newId("X", 20)
    const results = flowResults.get(ctx.p) ?? new Map<string, Json>()
    flowResults.set(ctx.p, results)
    results.set(executionId, { flowId, ...input })
    return { executionId, status: "running" }
  })

const asyncFlowResult: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const executionId = yield* str(ctx.body, "executionId")
    const output = flowResults.get(ctx.p)?.get(executionId)
    if (output === undefined) return yield* W.notFound(`execution ${executionId}`)
    return { executionId, status: "completed", output }
  })

const one = (f: (ctx: Ctx, b: Json) => Effect.Effect<unknown, WireError>): H.Handler => (ctx) => Effect.as(f(ctx, ctx.body), {})

const many = (key: string, f: (ctx: Ctx, b: Json) => Effect.Effect<unknown, WireError>, answer?: string): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const out: Array<unknown> = []
    for (const b of objs(ctx.body, key)) out.push(yield* f(ctx, b))
    return answer !== undefined ? { [answer]: out } : {}
  })

/**
 * The management routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  // users
  H.post("/v1/mgmt/user/create", "mgmt", createUser(false)),
  H.post("/v1/mgmt/user/create/test", "mgmt", createUser(true)),
  H.post("/v1/mgmt/user/create/batch", "mgmt", createBatch),
  H.post("/v1/mgmt/user/update", "mgmt", updateUser),
  H.patch("/v1/mgmt/user/patch", "mgmt", patchUser),
  H.patch("/v1/mgmt/user/patch/batch", "mgmt", patchBatch),
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
    })),
  // tenants
  H.post("/v1/mgmt/tenant/create", "mgmt", createTenant),
  H.post("/v1/mgmt/tenant/update", "mgmt", updateTenant),
  H.post("/v1/mgmt/tenant/delete", "mgmt", deleteTenant),
  H.get("/v1/mgmt/tenant", "mgmt", (ctx) => Effect.map(tenantOf(ctx, ctx.query.id), tenantJson)),
  H.get("/v1/mgmt/tenant/all", "mgmt", (ctx) => Effect.succeed({ tenants: [...ctx.p.tenants.values()].map(tenantJson) })),
  H.post("/v1/mgmt/tenant/search", "mgmt", searchTenants),
  H.post("/v1/mgmt/tenant/updateDefaultRoles", "mgmt", (ctx) =>
    Effect.map(tenantOf(ctx, optStr(ctx.body, "id") ?? optStr(ctx.body, "tenantId")), (t) => {
      t.defaultRoles = [...(optStrs(ctx.body, "defaultRoles") ?? [])]
      return {}
    })),
  H.get("/v1/mgmt/tenant/settings", "mgmt", (ctx) => Effect.map(tenantOf(ctx, ctx.query.id ?? ctx.query.tenantId), tenantSettings)),
  H.post("/v1/mgmt/tenant/settings", "mgmt", configureTenantSettings),
  H.post("/v2/mgmt/tenant/adminlinks/sso/generate", "mgmt", (ctx) =>
    Effect.map(tenantOf(ctx, optStr(ctx.body, "tenantId")), (t) => ({
      adminSSOConfigurationLink: `${ctx.baseUrl}/emulator/sso-setup?tenant=${t.id}&t=${newSecret(16)}`
    }))),
  H.post("/v1/mgmt/tenant/adminlinks/sso/revoke", "mgmt", (ctx) => Effect.as(tenantOf(ctx, optStr(ctx.body, "tenantId")), {})),
  // access keys
  H.post("/v1/mgmt/accesskey/create", "mgmt", createAccessKey),
  H.get("/v1/mgmt/accesskey", "mgmt", (ctx) => Effect.map(keyOf(ctx, ctx.query.id), (k) => ({ key: accessKeyJson(ctx.p, k) }))),
  H.post("/v1/mgmt/accesskey/search", "mgmt", searchAccessKeys),
  H.post("/v1/mgmt/accesskey/update", "mgmt", updateAccessKey),
  H.post("/v1/mgmt/accesskey/deactivate", "mgmt", keyStatus("deactivate", false)),
  H.post("/v1/mgmt/accesskey/activate", "mgmt", keyStatus("activate", false)),
  H.post("/v1/mgmt/accesskey/delete", "mgmt", keyStatus("delete", false)),
  H.post("/v1/mgmt/accesskey/deactivate/batch", "mgmt", keyStatus("deactivate", true)),
  H.post("/v1/mgmt/accesskey/activate/batch", "mgmt", keyStatus("activate", true)),
  H.post("/v1/mgmt/accesskey/delete/batch", "mgmt", keyStatus("delete", true)),
  H.post("/v1/mgmt/accesskey/rotate", "mgmt", rotateAccessKey),
  // permissions
  H.post("/v1/mgmt/permission/create", "mgmt", one(createPermission)),
  H.post("/v1/mgmt/permission/create/batch", "mgmt", many("permissions", createPermission)),
  H.post("/v1/mgmt/permission/update", "mgmt", one(updatePermission)),
  H.post("/v1/mgmt/permission/update/batch", "mgmt", many("permissions", updatePermission)),
  H.post("/v1/mgmt/permission/delete", "mgmt", (ctx) =>
    Effect.sync(() => {
      deletePermissions(ctx, [optStr(ctx.body, "name") ?? ""], [optStr(ctx.body, "id") ?? ""])
      return {}
    })),
  H.post("/v1/mgmt/permission/delete/batch", "mgmt", (ctx) =>
    Effect.sync(() => {
      deletePermissions(ctx, optStrs(ctx.body, "names") ?? [], optStrs(ctx.body, "ids") ?? [])
      return {}
    })),
  H.get("/v1/mgmt/permission/all", "mgmt", (ctx) => Effect.succeed({ permissions: ctx.p.permissions.map((x) => ({ ...x })) })),
  // roles
  H.post("/v1/mgmt/role/create", "mgmt", one(createRole)),
  H.post("/v1/mgmt/role/create/batch", "mgmt", many("roles", createRole, "roles")),
  H.post("/v1/mgmt/role/update", "mgmt", one(updateRole)),
  H.post("/v1/mgmt/role/update/batch", "mgmt", many("roles", updateRole, "roles")),
  H.post("/v1/mgmt/role/delete", "mgmt", (ctx) =>
    Effect.sync(() => {
      deleteRoles(ctx, [optStr(ctx.body, "name") ?? ""], [optStr(ctx.body, "id") ?? ""], optNonEmpty(ctx.body, "tenantId"))
      return {}
    })),
  H.post("/v1/mgmt/role/delete/batch", "mgmt", (ctx) =>
    Effect.sync(() => {
      const names = optStrs(ctx.body, "roleNames")
      const ids = optStrs(ctx.body, "roleIds")
      const tenantId = optNonEmpty(ctx.body, "tenantId")
      if ((names ?? []).length === 0 && (ids ?? []).length === 0) ctx.p.roles = ctx.p.roles.filter((r) => r.tenantId !== tenantId)
      else deleteRoles(ctx, names ?? [], ids ?? [], tenantId)
      return {}
    })),
  H.get("/v1/mgmt/role/all", "mgmt", (ctx) => Effect.succeed({ roles: ctx.p.roles.map(roleJson) })),
  H.post("/v1/mgmt/role/search", "mgmt", searchRoles),
  // SSO settings
  H.get("/v2/mgmt/sso/settings", "mgmt", loadSso(false)),
  H.get("/v2/mgmt/sso/settings/all", "mgmt", (ctx) =>
    Effect.map(tenantOf(ctx, ctx.query.tenantId), (t) => ({ SSOSettings: [...t.sso.values()].map((c) => ssoSettingsJson(t, c)) }))),
  H.post("/v1/mgmt/sso/settings/new", "mgmt", (ctx) =>
    Effect.gen(function*() {
      const t = yield* tenantOf(ctx, optStr(ctx.body, "tenantId"))
      const ssoId = optNonEmpty(ctx.body, "ssoId") ?? newId("SSO", 16)
      if (t.sso.has(ssoId)) return yield* fail(409, Codes.InvalidRequest, "SSO configuration exists", ssoId)
      const c = ssoConfig(t, ssoId, true, optStr(ctx.body, "displayName"))
      return ssoSettingsJson(t, c)
    })),
  H.del("/v1/mgmt/sso/settings", "mgmt", (ctx) =>
    Effect.map(tenantOf(ctx, ctx.query.tenantId), (t) => {
      if (ctx.query.ssoId !== undefined) t.sso.delete(ctx.query.ssoId)
      else t.sso.clear()
      if (t.sso.size === 0) t.authType = "none"
      return {}
    })),
  H.post("/v1/mgmt/sso/oidc", "mgmt", configureSso("oidc")),
  H.post("/v1/mgmt/sso/saml", "mgmt", configureSso("saml")),
  H.post("/v1/mgmt/sso/saml/metadata", "mgmt", configureSso("metadata")),
  H.post("/v1/mgmt/sso/redirect", "mgmt", ssoRedirect),
  H.post("/v1/mgmt/sso/recalculate-mappings", "mgmt", (ctx) => Effect.as(tenantOf(ctx, optStr(ctx.body, "tenantId")), {})),
  H.get("/v1/mgmt/sso/settings", "mgmt", loadSso(true)),
  H.post("/v1/mgmt/sso/settings", "mgmt", configureSso("legacy")),
  H.post("/v1/mgmt/sso/metadata", "mgmt", configureSso("legacy-metadata")),
  H.post("/v1/mgmt/sso/mapping", "mgmt", ssoMapping),
  // groups
  H.post("/v1/mgmt/group/all", "mgmt", (ctx) => Effect.map(groupsOf(ctx), (gs) => gs.map((g) => groupJson(ctx.p, g, false)))),
  H.post("/v1/mgmt/group/member/all", "mgmt", (ctx) =>
    Effect.map(groupsOf(ctx), (gs) => {
      const ids = new Set(optStrs(ctx.body, "userIds") ?? [])
      for (const l of optStrs(ctx.body, "loginIds") ?? []) {
        const u = findUser(ctx.p, l)
        if (u) ids.add(u.userId)
      }
      return gs.filter((g) => g.memberUserIds.some((id) => ids.has(id))).map((g) => groupJson(ctx.p, g, true))
    })),
  H.post("/v1/mgmt/group/members", "mgmt", (ctx) =>
    Effect.map(groupsOf(ctx), (gs) => {
      const groupId = optStr(ctx.body, "groupId")
      return gs.filter((g) => g.id === groupId).map((g) => groupJson(ctx.p, g, true))
    })),
  // JWT, impersonation, management sign-in
  H.post("/v1/mgmt/jwt/update", "mgmt", updateJwt),
  H.post("/v1/mgmt/impersonate", "mgmt", impersonate),
  H.post("/v1/mgmt/impersonate/stepup", "mgmt", impersonate),
  H.post("/v1/mgmt/stop/impersonation", "mgmt", stopImpersonation),
  H.post("/v1/mgmt/auth/signin", "mgmt", mgmtSignIn("signin")),
  H.post("/v1/mgmt/auth/signup", "mgmt", mgmtSignIn("signup")),
  H.post("/v1/mgmt/auth/signup-in", "mgmt", mgmtSignIn("signup-in")),
  H.post("/v1/mgmt/auth/anonymous", "mgmt", anonymous),
  H.post("/v1/mgmt/token/clientassertion", "mgmt", clientAssertion),
  // audit, password settings, license
  H.post("/v1/mgmt/audit/search", "mgmt", auditSearch),
  H.post("/v1/mgmt/audit/event", "mgmt", auditEvent),
  H.get("/v1/mgmt/password/settings", "mgmt", (ctx) => Effect.succeed(passwordSettingsOf(ctx, ctx.query.tenantId ?? ""))),
  H.post("/v1/mgmt/password/settings", "mgmt", (ctx) =>
    Effect.sync(() => {
      const tenantId = optStr(ctx.body, "tenantId") ?? ""
      const { tenantId: _ignored, ...rest } = ctx.body
      ctx.p.passwordSettings.set(tenantId, { ...(ctx.p.passwordSettings.get(tenantId) ?? {}), ...rest })
      return {}
    })),
  H.get("/v1/mgmt/license", "mgmt", () => Effect.succeed({ rateLimitTier: "free" })),
  // flows: both the nested (node) and the flattened (python) run bodies
  H.post("/v1/mgmt/flow/list", "mgmt", () => Effect.succeed({ flows: [], total: 0 })),
  H.post("/v1/mgmt/flow/run", "mgmt", (ctx) => Effect.map(flowInput(ctx.body), ({ flowId, input }) => ({ output: { flowId, ...input } }))),
  H.post("/v1/mgmt/flow/async/run", "mgmt", runFlowAsync),
  H.post("/v1/mgmt/flow/async/result", "mgmt", asyncFlowResult)
]
