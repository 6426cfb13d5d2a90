/**
 * The emulator's token-minting management endpoints (`src/wire/mgmt/Jwt.ts`):
 * JWT update, impersonation (and its step-up and end), management sign-in /
 * sign-up / sign-up-or-in, anonymous sessions and client assertions.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { lazyParser } from "../../internal/lazySchema.js"
import type * as Endpoint from "../../wire/Endpoint.js"
import * as Wire from "../../wire/mgmt/Jwt.js"
import * as Keys from "../EmulatorKeys.js"
import { type SessionRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId, newSecret } from "../Ids.js"
import { target, userNotFound } from "../ManagementSupport.js"
import { findUser } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as Users from "../Users.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"

type Json = Readonly<Record<string, unknown>>
type Req<E> = Endpoint.Endpoint.Request<E>

const text = (secret: Redacted.Redacted<string> | undefined): string | undefined =>
  secret === undefined ? undefined : Redacted.value(secret)

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

/** A session body as the wire's typed answer (a body that does not match it is a defect of the emulator). */
const decodeSession = lazyParser(() => Schema.decodeUnknown(Wire.SessionResponse))
const typed = <E>(body: Effect.Effect<Json, E>): Effect.Effect<Wire.SessionResponse, E> =>
  Effect.flatMap(body, (b) => Effect.orDie(decodeSession(b)))

interface SessionFields {
  readonly customClaims?: Json | undefined
  readonly refreshDuration?: number | undefined
  readonly tenantId?: string | undefined
}

/** A new server-side session of `subject` with the options of a body. */
const newSession = (ctx: Ctx, subject: string, b: SessionFields, extra: Partial<SessionRecord> = {}): SessionRecord => {
  const refreshDuration = b.refreshDuration ?? 0
  const session: SessionRecord = {
    id: newId("S"),
    subject,
    anonymous: false,
    amr: ["mgmt"],
    dct: nonEmpty(b.tenantId),
    customClaims: { ...b.customClaims },
    createdAt: ctx.now,
    expiresAt: ctx.now + (refreshDuration > 0 ? refreshDuration * 1000 : ctx.env.config.refreshTtlMs),
    revoked: false,
    ...extra
  }
  ctx.p.sessions.set(session.id, session)
  return session
}

const updateJwt = (ctx: Ctx, b: Req<typeof Wire.updateJwt>) =>
  Effect.gen(function*() {
    const claims = yield* Keys.verify(ctx.p.keys, Redacted.value(b.jwt), ctx.now)
    const customClaims = b.customClaims ?? {}
    const refreshDuration = b.refreshDuration ?? 0
    const iat = Math.floor(ctx.now / 1000)
    const lifetime = refreshDuration > 0 ? refreshDuration : Math.max(1, (claims.exp ?? iat) - (claims.iat ?? iat))
    const next: Record<string, unknown> = { ...customClaims, ...claims, iat, exp: iat + lifetime }
    for (const [k, v] of Object.entries(customClaims)) {
      if (!["iss", "sub", "drn", "jti", "iat", "exp"].includes(k)) next[k] = v
    }
    return { jwt: Redacted.make(yield* Tokens.signWith(ctx.p, next)) }
  })

/**
 * Impersonation: a refresh JWT of the user acting for the impersonator
 * (`act.sub`); a step-up one (the step-up path, or `stepup: true`) carries
 * Descope's step-up claim `su: true`.
 */
const impersonate = (stepupPath: boolean) => (ctx: Ctx, b: Req<typeof Wire.impersonate>) =>
  Effect.gen(function*() {
    const impersonator = findUser(ctx.p, b.impersonatorId)
    if (impersonator === undefined) return yield* userNotFound(b.impersonatorId)
    const perms = new Set<string>()
    for (const r of impersonator.roleNames) {
      for (const x of ctx.p.roles.find((y) => y.name === r && y.tenantId === undefined)?.permissionNames ?? []) {
        perms.add(x)
      }
    }
    if (!perms.has("impersonation")) {
      return yield* fail(403, Codes.InvalidRequest, "Forbidden", "the impersonator lacks the impersonation permission")
    }
    const user = yield* target(ctx, { loginId: b.loginId })
    const stepup = stepupPath || b.stepup === true
    const session = newSession(ctx, user.userId, b, {
      loginId: user.loginIds[0],
      act: { sub: impersonator.userId },
      ...(stepup ? { customClaims: { ...b.customClaims, su: true } } : {})
    })
    return { jwt: Redacted.make(yield* Tokens.refreshJwt(ctx.env, ctx.p, session)) }
  })

const stopImpersonation = (ctx: Ctx, b: Req<typeof Wire.stopImpersonation>) =>
  Effect.gen(function*() {
    const { session } = yield* Tokens.fromRefresh(ctx, Redacted.value(b.jwt))
    const actor = session.act !== undefined && typeof session.act.sub === "string" ? session.act.sub : undefined
    if (actor === undefined) return yield* W.invalid("the token is not an impersonation token")
    session.revoked = true
    const next = newSession(ctx, actor, b)
    return { jwt: Redacted.make(yield* Tokens.refreshJwt(ctx.env, ctx.p, next)) }
  })

type SignInRequest = Req<typeof Wire.signIn>
type SignUpRequest = Req<typeof Wire.signUp>

const mgmtSignIn = (mode: "signin" | "signup" | "signup-in") =>
(
  ctx: Ctx,
  b: SignInRequest | SignUpRequest
): Effect.Effect<Wire.SessionResponse, WireError> =>
  typed(Effect.gen(function*() {
    if (b.loginId === "") return yield* W.missing("loginId")
    let user = findUser(ctx.p, b.loginId)
    let firstSeen = false
    if (mode === "signup" && user !== undefined) {
      return yield* fail(409, Codes.UserAlreadyExists, "User already exists", b.loginId)
    }
    if (user === undefined) {
      if (mode === "signin") {
        return yield* userNotFound(b.loginId)
      }
      const s = b as SignUpRequest
      const single = nonEmpty(s.ssoAppId)
      user = yield* Users.create(ctx.p, b.loginId, {
        ...s.user,
        // python-sdk's top-level flags win over the user's; its single ssoAppId stands for absent ssoAppIds
        verifiedEmail: s.emailVerified ?? s.user?.verifiedEmail,
        verifiedPhone: s.phoneVerified ?? s.user?.verifiedPhone,
        ssoAppIds: s.user?.ssoAppIds ?? (single === undefined ? undefined : [single])
      }, ctx.now)
      firstSeen = true
    }
    if (user.status === "disabled") {
      return yield* fail(401, Codes.UserDisabled, "User disabled", "user is disabled")
    }
    const si: Partial<SignInRequest> = mode === "signin" ? b as SignInRequest : {}
    const loginOptions = {
      ...(si.stepup === true ? { stepup: true } : {}),
      ...(si.mfa === true ? { mfa: true } : {}),
      ...(si.revokeOtherSessions === true ? { revokeOtherSessions: true } : {}),
      ...(nonEmpty(si.tenantId) !== undefined ? { tenantId: si.tenantId } : {})
    }
    const withToken = { ...ctx, token: nonEmpty(text(si.jwt)) ?? ctx.token }
    const previous = yield* Tokens.stepUp(withToken, loginOptions)
    const refreshDuration = b.refreshDuration ?? 0
    return yield* Tokens.login(withToken, user, {
      previous,
      amr: ["mgmt"],
      method: "management",
      loginOptions,
      loginId: b.loginId,
      firstSeen,
      ...(b.customClaims !== undefined ? { customClaims: b.customClaims } : {}),
      ...(refreshDuration > 0 ? { refreshTtlMs: refreshDuration * 1000 } : {})
    })
  }))

/**
 * The token-minting management routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.updateJwt, updateJwt),
  H.endpoint(Wire.impersonate, impersonate(false)),
  H.endpoint(Wire.impersonateStepup, impersonate(true)),
  H.endpoint(Wire.stopImpersonation, stopImpersonation),
  H.endpoint(Wire.signIn, mgmtSignIn("signin")),
  H.endpoint(Wire.signUp, mgmtSignIn("signup")),
  H.endpoint(Wire.signUpOrIn, mgmtSignIn("signup-in")),
  H.endpoint(
    Wire.anonymous,
    (ctx, b) =>
      typed(Tokens.jwtResponse(ctx, newSession(ctx, newId("A"), b, { anonymous: true, amr: [] }), undefined, false))
  ),
  H.endpoint(Wire.generateClientAssertionJwt, (ctx, b) =>
    Effect.gen(function*() {
      const iat = Math.floor(ctx.now / 1000)
      const aud = b.flattenAudience === true && b.audience.length === 1 ? b.audience[0] : b.audience
      const jwt = yield* Tokens.signWith(ctx.p, {
        iss: b.issuer,
        sub: b.subject,
        aud,
        iat,
        exp: iat + b.expiresIn,
        jti: newSecret(12)
      })
      return { jwt: Redacted.make(jwt) }
    }))
]
