/**
 * Management endpoints that mint tokens: JWT update, impersonation (and its
 * step-up and stop), management sign-in / sign-up / sign-up-or-in, anonymous
 * sessions and client assertions.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Keys from "./EmulatorKeys.js"
import {
  findUser,
  newId,
  newSecret,
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Ctx, Route } from "./Handler.js"
import {
  target,
  userNotFound,
} from "./ManagementSupport.js"
import * as Tokens from "./Tokens.js"
import * as Users from "./Users.js"
import * as W from "./Wire.js"
import {
  Codes,
  fail,
  type Json,
  obj,
  optBool,
  optNonEmpty,
  optNum,
  optObj,
  optStr,
  optStrs,
  str,
} from "./Wire.js"

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

/**
 * The token-minting management routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.post("/v1/mgmt/jwt/update", "mgmt", updateJwt),
  H.post("/v1/mgmt/impersonate", "mgmt", impersonate),
  H.post("/v1/mgmt/impersonate/stepup", "mgmt", impersonate),
  H.post("/v1/mgmt/stop/impersonation", "mgmt", stopImpersonation),
  H.post("/v1/mgmt/auth/signin", "mgmt", mgmtSignIn("signin")),
  H.post("/v1/mgmt/auth/signup", "mgmt", mgmtSignIn("signup")),
  H.post("/v1/mgmt/auth/signup-in", "mgmt", mgmtSignIn("signup-in")),
  H.post("/v1/mgmt/auth/anonymous", "mgmt", anonymous),
  H.post("/v1/mgmt/token/clientassertion", "mgmt", clientAssertion)
]
