/**
 * The emulator's sessions (`src/wire/auth/Session.ts`): refresh (and
 * try-refresh), tenant selection, logout of one or every session, the current
 * user, its tenants and login history (from the audit trail), and the
 * access-key exchange.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { User } from "../../core/User.js"
import * as Wire from "../../wire/auth/Session.js"
import { type ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { sha256 } from "../Ids.js"
import { authzClaims, userJson } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as W from "../Wire.js"
import { Codes, fail } from "../Wire.js"
import { jwt, typed } from "./Support.js"

const refresh = (ctx: Ctx) =>
  Effect.gen(function*() {
    const { session, user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    Tokens.rotateRefresh(ctx, session)
    return yield* jwt(Tokens.jwtResponse(ctx, session, user, false))
  })

const selectTenant = (ctx: Ctx, body: typeof Wire.selectTenant.request.Type) =>
  Effect.gen(function*() {
    const tenant = body.tenant
    if (tenant === "") return yield* W.missing("tenant")
    const { session, user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined || !user.userTenants.some((t) => t.tenantId === tenant)) {
      return yield* W.invalid(`the user is not a member of tenant ${tenant}`)
    }
    session.dct = tenant
    Tokens.rotateRefresh(ctx, session)
    return yield* jwt(Tokens.jwtResponse(ctx, session, user, false))
  })

const logout = (ctx: Ctx) =>
  Effect.gen(function*() {
    const { session } = yield* Tokens.fromRefresh(ctx, ctx.token)
    session.revoked = true
    Tokens.audit(ctx, "Logout", session.subject, "", session.loginId ? [session.loginId] : [])
    return {}
  })

const logoutAll = (ctx: Ctx) =>
  Effect.gen(function*() {
    const { session } = yield* Tokens.fromRefresh(ctx, ctx.token)
    for (const s of ctx.p.sessions.values()) if (s.subject === session.subject) s.revoked = true
    Tokens.audit(ctx, "LogoutAll", session.subject, "", session.loginId ? [session.loginId] : [])
    return {}
  })

const me = (ctx: Ctx) =>
  typed(User)(Effect.gen(function*() {
    const { user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined) return yield* fail(401, Codes.InvalidToken, "Invalid token", "anonymous session")
    return userJson(ctx.p, user)
  }))

const myTenants = (ctx: Ctx, body: typeof Wire.myTenants.request.Type) =>
  Effect.gen(function*() {
    const { session, user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined) return { tenants: [] }
    const wanted = body.dct === true
      ? session.dct !== undefined ? [session.dct] : []
      : body.ids ?? user.userTenants.map((t) => t.tenantId)
    const tenants = wanted.flatMap((id) => {
      const t = ctx.p.tenants.get(id)
      return t && user.userTenants.some((ut) => ut.tenantId === id)
        ? [{ id: t.id, name: t.name, customAttributes: { ...t.customAttributes } }]
        : []
    })
    return { tenants }
  })

/**
 * Login history of users, from the audit trail.
 *
 * @since 0.1.0
 * @category queries
 */
export const historyOf = (p: ProjectState, userIds: ReadonlyArray<string>) =>
  p.audit
    .filter((e) => e.action === "LoginSucceed" && userIds.includes(e.userId))
    .map((e) => ({
      userId: e.userId,
      loginTime: Math.floor(e.occurred / 1000),
      city: "",
      country: "",
      ip: e.remoteAddress
    }))

const history = (ctx: Ctx) =>
  Effect.gen(function*() {
    const { session } = yield* Tokens.fromRefresh(ctx, ctx.token)
    return historyOf(ctx.p, [session.subject])
  })

const exchangeAccessKey = (ctx: Ctx, body: typeof Wire.exchangeAccessKey.request.Type) =>
  Effect.gen(function*() {
    const secret = ctx.token
    if (secret === undefined || secret === "") {
      return yield* fail(401, Codes.Unauthorized, "Unauthorized", "access key missing")
    }
    const hash = sha256(secret)
    const key = [...ctx.p.accessKeys.values()].find((k) => k.secretHash === hash)
    if (key === undefined) {
      return yield* fail(401, Codes.Unauthorized, "Unauthorized", "invalid access key")
    }
    if (key.status !== "active") {
      return yield* fail(
        401,
        Codes.Unauthorized,
        "Unauthorized",
        "access key is deactivated"
      )
    }
    if (key.expireTime > 0 && key.expireTime * 1000 <= ctx.now) {
      return yield* fail(401, Codes.Unauthorized, "Unauthorized", "access key expired")
    }
    const lo = body.loginOptions ?? {}
    const bound = key.boundUserId !== undefined ? ctx.p.users.get(key.boundUserId) : undefined
    const tenants = key.keyTenants.length > 0 ? key.keyTenants : bound?.userTenants ?? []
    const roles = key.keyTenants.length > 0 ? [] : key.roleNames.length > 0 ? key.roleNames : bound?.roleNames ?? []
    const selected = lo.selectedTenant !== undefined && lo.selectedTenant !== "" ? lo.selectedTenant : undefined
    if (selected !== undefined && !tenants.some((t) => t.tenantId === selected)) {
      return yield* W.invalid(`the access key is not associated with tenant ${selected}`)
    }
    const iat = Math.floor(ctx.now / 1000)
    const exp = iat + Math.floor(ctx.env.config.accessKeySessionTtlMs / 1000)
    const nsec = lo.customClaims
    const claims: Record<string, unknown> = {
      ...(key.customClaims ?? {}),
      ...authzClaims(ctx.p, roles, tenants),
      iss: Tokens.issuer(ctx.env, ctx.p.projectId),
      sub: key.id,
      iat,
      exp,
      drn: "DS",
      amr: ["accesskey"],
      ...(selected !== undefined ? { dct: selected } : {}),
      ...(nsec !== undefined ? { nsec } : {})
    }
    const sessionJwt = yield* Tokens.signWith(ctx.p, claims)
    Tokens.audit(ctx, "LoginSucceed", key.id, "accesskey", [key.id])
    return { keyId: key.id, sessionJwt: Redacted.make(sessionJwt), expiration: exp }
  })

/**
 * The session routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.refresh, refresh),
  H.endpoint(Wire.tryRefresh, (ctx) => refresh(ctx).pipe(Effect.orElseSucceed(() => ({})))),
  H.endpoint(Wire.selectTenant, selectTenant),
  H.endpoint(Wire.logout, logout),
  H.endpoint(Wire.logoutAll, logoutAll),
  H.endpoint(Wire.me, me),
  H.endpoint(Wire.myTenants, myTenants),
  H.endpoint(Wire.history, history),
  H.endpoint(Wire.exchangeAccessKey, exchangeAccessKey)
]
