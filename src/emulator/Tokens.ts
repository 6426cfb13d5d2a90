/**
 * Token issuance of the emulator: server-side sessions, session and refresh
 * JWTs with the claims of §8, the JWTResponse body, refresh-token checks, and
 * the audit and outbox records that go with authentication events.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as AuditWebhooks from "./AuditWebhooks.js"
import * as Keys from "./EmulatorKeys.js"
import { type AuditEvent, type ProjectState, type SessionRecord, type UserRecord } from "./EmulatorState.js"
import type { Ctx, Env } from "./Handler.js"
import { newId } from "./Ids.js"
import type { OutboxMessage } from "./Outbox.js"
import { authzClaims, userJson } from "./Queries.js"
import { Codes, fail, isObject, type Json, type WireError } from "./Wire.js"

const RESERVED = new Set(["iss", "sub", "iat", "exp", "nbf", "drn", "jti", "amr", "roles", "permissions", "tenants"])

const custom = (claims: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(claims ?? {})) if (!RESERVED.has(k)) out[k] = v
  return out
}

/**
 * The issuer claim of a project.
 *
 * @since 0.1.0
 * @category queries
 */
export const issuer = (env: Env, projectId: string): string =>
  env.config.issuerPrefix === undefined ? projectId : `${env.config.issuerPrefix.replace(/\/$/, "")}/${projectId}`

/**
 * Signs claims with the project's active key.
 *
 * @since 0.1.0
 * @category actions
 */
export const signWith = (p: ProjectState, claims: Readonly<Record<string, unknown>>): Effect.Effect<string> => {
  const key = Keys.active(p.keys)
  return key === undefined ? Effect.dieMessage("no active signing key") : Keys.sign(key, claims)
}

/**
 * The session JWT of a session.
 *
 * @since 0.1.0
 * @category actions
 */
export const sessionJwt = (
  env: Env,
  p: ProjectState,
  s: SessionRecord,
  user: UserRecord | undefined,
  now: number
): Effect.Effect<{ readonly jwt: string; readonly exp: number }> => {
  const iat = Math.floor(now / 1000)
  const exp = iat + Math.floor(env.config.sessionTtlMs / 1000)
  const claims: Record<string, unknown> = {
    ...custom(s.customClaims),
    ...(user ? authzClaims(p, user.roleNames, user.userTenants) : { roles: [], permissions: [] }),
    iss: issuer(env, p.projectId),
    sub: s.subject,
    ...(env.config.sessionAudience !== undefined ? { aud: env.config.sessionAudience } : {}),
    iat,
    exp,
    drn: "DS",
    amr: [...s.amr],
    ...(s.dct !== undefined ? { dct: s.dct } : {}),
    ...(s.act !== undefined ? { act: s.act } : {})
  }
  return Effect.map(signWith(p, claims), (jwt) => ({ jwt, exp }))
}

/** The `jti` of a session's newest refresh JWT: the session id, then `<id>.<n>` once rotated n times. */
const refreshJti = (s: SessionRecord): string => s.rotations === undefined ? s.id : `${s.id}.${s.rotations}`

/**
 * With `refreshTokenRotation` on, makes the refresh JWT that {@link jwtResponse} answers next a new one: the
 * session's earlier refresh tokens are refused from then on.
 *
 * @since 0.2.0
 * @category actions
 */
export const rotateRefresh = (ctx: Ctx, session: SessionRecord): void => {
  if (ctx.env.config.refreshTokenRotation) session.rotations = (session.rotations ?? 0) + 1
}

/**
 * The refresh JWT of a session (its `jti` is the session id, followed by `.<n>` once rotated).
 *
 * @since 0.1.0
 * @category actions
 */
export const refreshJwt = (env: Env, p: ProjectState, s: SessionRecord): Effect.Effect<string> =>
  signWith(p, {
    iss: issuer(env, p.projectId),
    sub: s.subject,
    iat: Math.floor(s.createdAt / 1000),
    exp: Math.floor(s.expiresAt / 1000),
    drn: "DSR",
    jti: refreshJti(s),
    amr: [...s.amr],
    ...(s.dct !== undefined ? { dct: s.dct } : {}),
    ...(s.act !== undefined ? { act: s.act } : {}),
    // a stepped-up session's refresh token says so too (Descope's `su` claim)
    ...(s.customClaims.su === true ? { su: true } : {})
  })

/**
 * Records an audit event.
 *
 * @since 0.1.0
 * @category actions
 */
export const audit = (
  ctx: Pick<Ctx, "env" | "p" | "now" | "remoteAddress">,
  action: string,
  userId: string,
  method: string,
  loginIds: ReadonlyArray<string>,
  tenants: ReadonlyArray<string> = [],
  data: Readonly<Record<string, unknown>> = {}
): void => {
  const limit = ctx.env.config.historyLimit
  if (ctx.p.audit.length >= limit) ctx.p.audit.splice(0, ctx.p.audit.length - limit + 1)
  const event: AuditEvent = {
    projectId: ctx.p.projectId,
    userId,
    action,
    occurred: ctx.now,
    device: "Unknown",
    method,
    geo: "",
    remoteAddress: ctx.remoteAddress,
    externalIds: [...loginIds],
    tenants: [...tenants],
    data
  }
  ctx.p.audit.push(event)
  AuditWebhooks.notify(ctx.env, ctx.p, event)
}

/**
 * Records a message in the outbox.
 *
 * @since 0.1.0
 * @category actions
 */
export const send = (
  ctx: Pick<Ctx, "env" | "p" | "now">,
  message: Omit<OutboxMessage, "id" | "projectId" | "sentAt">
): OutboxMessage => {
  const m: OutboxMessage = { ...message, id: newId("M"), projectId: ctx.p.projectId, sentAt: ctx.now }
  const limit = ctx.env.config.historyLimit
  if (ctx.p.outbox.length >= limit) ctx.p.outbox.splice(0, ctx.p.outbox.length - limit + 1)
  ctx.p.outbox.push(m)
  return m
}

/**
 * Options of a login.
 *
 * @since 0.1.0
 * @category models
 */
export interface LoginOptions {
  readonly amr: ReadonlyArray<string>
  readonly method: string
  readonly loginOptions?: Json | undefined
  readonly loginId?: string | undefined
  readonly firstSeen?: boolean | undefined
  readonly refreshTtlMs?: number | undefined
  readonly dct?: string | undefined
  readonly act?: Record<string, unknown> | undefined
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  /** The session a `stepup` / `mfa` login extends (its factors are kept). */
  readonly previous?: SessionRecord | undefined
}

/**
 * The session a `stepup` / `mfa` start call extends: its refresh token is
 * required then (400 otherwise, as the SDKs check client-side).
 *
 * @since 0.1.0
 * @category queries
 */
export const stepUp = (ctx: Ctx, loginOptions: Json): Effect.Effect<SessionRecord | undefined, WireError> => {
  if (loginOptions.stepup !== true && loginOptions.mfa !== true) return Effect.succeed(undefined)
  if (ctx.token === undefined) {
    return fail(400, Codes.MissingArguments, "Missing arguments", "Missing refresh token for stepup/mfa")
  }
  return Effect.map(fromRefresh(ctx, ctx.token), (r) => r.session)
}

/**
 * Looks up a stored step-up session.
 *
 * @since 0.1.0
 * @category queries
 */
export const previousSession = (ctx: Ctx, id: string | undefined): SessionRecord | undefined =>
  id === undefined ? undefined : ctx.p.sessions.get(id)

/**
 * Creates a server-side session for a user and answers the JWTResponse of §5.1.
 * Honors `loginOptions` `customClaims`, `tenantId` (→ `dct`), `stepup`/`mfa`
 * (factors added to the session of the refresh token sent) and
 * `revokeOtherSessions`.
 *
 * @since 0.1.0
 * @category actions
 */
export const login = (
  ctx: Ctx,
  user: UserRecord,
  options: LoginOptions
): Effect.Effect<Record<string, unknown>, WireError> =>
  Effect.gen(function*() {
    const lo = options.loginOptions ?? {}
    let amr = [...options.amr]
    let dct = options.dct
    const previous = options.previous
    if (previous !== undefined) {
      if (previous.subject !== user.userId || previous.revoked) {
        return yield* fail(401, Codes.InvalidToken, "Invalid token", "the stepped-up session is not this user's")
      }
      amr = [...new Set([...previous.amr, ...amr])]
      dct = dct ?? previous.dct
    }
    if (typeof lo.tenantId === "string" && user.userTenants.some((t) => t.tenantId === lo.tenantId)) dct = lo.tenantId
    if (lo.revokeOtherSessions === true) {
      for (const s of ctx.p.sessions.values()) if (s.subject === user.userId) s.revoked = true
    }
    const customClaims = { ...(options.customClaims ?? {}), ...(isObject(lo.customClaims) ? lo.customClaims : {}) }
    const session: SessionRecord = {
      id: newId("S"),
      subject: user.userId,
      anonymous: false,
      amr,
      dct,
      customClaims,
      createdAt: ctx.now,
      expiresAt: ctx.now + (options.refreshTtlMs ?? ctx.env.config.refreshTtlMs),
      revoked: false,
      loginId: options.loginId ?? user.loginIds[0],
      act: options.act
    }
    ctx.p.sessions.set(session.id, session)
    if (user.status === "invited") user.status = "enabled"
    // the first login of a user (signed up now, or created by management and never signed in) is `firstSeen`
    const firstSeen = options.firstSeen === true || user.lastLogin === undefined
    user.lastLogin = ctx.now
    audit(ctx, "LoginSucceed", user.userId, options.method, user.loginIds, user.userTenants.map((t) => t.tenantId))
    return yield* jwtResponse(ctx, session, user, firstSeen)
  })

/**
 * The JWTResponse body of a session.
 *
 * @since 0.1.0
 * @category actions
 */
export const jwtResponse = (
  ctx: Ctx,
  session: SessionRecord,
  user: UserRecord | undefined,
  firstSeen: boolean
): Effect.Effect<Record<string, unknown>> =>
  Effect.gen(function*() {
    const s = yield* sessionJwt(ctx.env, ctx.p, session, user, ctx.now)
    const r = yield* refreshJwt(ctx.env, ctx.p, session)
    const maxAge = Math.max(0, Math.floor((session.expiresAt - ctx.now) / 1000))
    return {
      sessionJwt: s.jwt,
      refreshJwt: r,
      cookieDomain: "",
      cookiePath: "/",
      cookieMaxAge: maxAge,
      cookieExpiration: Math.floor(session.expiresAt / 1000),
      cookieName: "DSR",
      sessionExpiration: s.exp,
      nextRefreshSeconds: Math.floor(ctx.env.config.sessionTtlMs / 1000),
      ...(user ? { user: userJson(ctx.p, user), firstSeen } : {})
    }
  })

/**
 * Checks a refresh JWT: valid signature (any published key), not expired,
 * `drn` = `DSR`, the newest of its session (see `rotateRefresh`), its
 * server-side session neither revoked nor expired, and its user still
 * present and enabled.
 *
 * @since 0.1.0
 * @category guards
 */
export const fromRefresh = (
  ctx: Ctx,
  token: string | undefined
): Effect.Effect<{ readonly session: SessionRecord; readonly user: UserRecord | undefined }, WireError> =>
  Effect.gen(function*() {
    if (token === undefined || token === "") {
      return yield* fail(401, Codes.InvalidToken, "Invalid token", "refresh token is missing")
    }
    const claims = yield* Keys.verify(ctx.p.keys, token, ctx.now)
    const jti = typeof claims.jti === "string" ? claims.jti : ""
    const session = ctx.p.sessions.get(jti.split(".")[0]!)
    if (claims.drn !== "DSR" || session === undefined) {
      return yield* fail(401, Codes.InvalidToken, "Invalid token", "not a refresh token of this project")
    }
    if (jti !== refreshJti(session)) {
      return yield* fail(
        401,
        Codes.InvalidToken,
        "Invalid token",
        "refresh token was rotated: only the newest is valid"
      )
    }
    if (session.revoked) {
      return yield* fail(
        401,
        Codes.TokenExpiredByLoggedOut,
        "Token expired because the user logged out",
        "session revoked"
      )
    }
    if (session.expiresAt <= ctx.now) return yield* fail(401, Codes.InvalidToken, "Invalid token", "session expired")
    if (session.anonymous) return { session, user: undefined }
    const user = ctx.p.users.get(session.subject)
    if (user === undefined) return yield* fail(401, Codes.InvalidToken, "Invalid token", "user no longer exists")
    if (user.status === "disabled") return yield* fail(401, Codes.UserDisabled, "User disabled", "user is disabled")
    return { session, user }
  })
