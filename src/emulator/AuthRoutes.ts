/**
 * The authentication endpoints of §4: OTP, magic link, enchanted link, OAuth,
 * SAML/SSO (both `/saml/` and `/sso/` paths), TOTP, passwords, sessions
 * (refresh, try-refresh, select tenant, logout, logout-all, me, my tenants,
 * history), access-key exchange and the JWKS. WebAuthn, NOTP, one-tap, native
 * OAuth and the flow runner answer a clear "not emulated" error.
 *
 * @since 0.1.0
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Crypto from "node:crypto"
import * as QRCode from "qrcode"
import * as Otp from "./auth/Otp.js"
import * as Keys from "./EmulatorKeys.js"
import {
  authzClaims,
  findUser,
  maskEmail,
  maskPhone,
  newSecret,
  type PendingSignUp,
  type ProjectState,
  sha256,
  type TenantRecord,
  type UserRecord,
  userJson
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Ctx, Route } from "./Handler.js"
import * as Password from "./Password.js"
import * as Tokens from "./Tokens.js"
import * as Totp from "./Totp.js"
import * as Users from "./Users.js"
import * as W from "./Wire.js"
import { Codes, fail, type Json, obj, optBool, optNonEmpty, optStr, optStrs, str, type WireError } from "./Wire.js"

export {
  /**
   * Issues a one-time code and records it in the outbox.
   *
   * @since 0.1.0
   * @category constructors
   */
  issueCode
} from "./auth/Otp.js"

const PHONE_METHODS = new Set(["sms", "voice", "whatsapp", "im"])
const DELIVERY_METHODS = new Set(["email", ...PHONE_METHODS])

const deliveryMethod = (ctx: Ctx, allowed: ReadonlySet<string> = DELIVERY_METHODS): Effect.Effect<string, WireError> => {
  const dm = ctx.params.dm ?? "email"
  return allowed.has(dm) ? Effect.succeed(dm) : W.invalid(`unsupported delivery method: ${dm}`)
}

const userNotFound = (loginId: string) => fail(400, Codes.UserNotFound, "User not found", `Cannot find user ${loginId}`)

const enabledUser = (p: ProjectState, loginId: string): Effect.Effect<UserRecord, WireError> => {
  const u = findUser(p, loginId)
  if (u === undefined) return userNotFound(loginId)
  if (u.status === "disabled") return fail(401, Codes.UserDisabled, "User disabled", "user is disabled")
  return Effect.succeed(u)
}

/** Where a message for `dm` goes: the user's address, else the login id itself. */
const addressOf = (dm: string, loginId: string, user: UserRecord | undefined, signUp: Json | undefined): string =>
  dm === "email"
    ? user?.email ?? optStr(signUp ?? {}, "email") ?? loginId
    : user?.phone ?? optStr(signUp ?? {}, "phone") ?? loginId

const masked = (dm: string, to: string): Record<string, string> =>
  dm === "email" ? { maskedEmail: maskEmail(to) } : { maskedPhone: maskPhone(to) }

const signUpOf = (ctx: Ctx, dm: string): PendingSignUp => {
  const user = { ...obj(ctx.body, "user") }
  for (const k of ["email", "phone", "voice", "whatsapp"]) {
    const v = optStr(ctx.body, k)
    if (v !== undefined && user[k === "email" ? "email" : "phone"] === undefined) user[k === "email" ? "email" : "phone"] = v
  }
  return { user, deliveryMethod: dm }
}

type Mode = "signup" | "signin" | "signup-in"

/** Resolves the user of a start call; a sign-up keeps the user pending until verification. */
const startUser = (
  ctx: Ctx,
  mode: Mode,
  loginId: string,
  dm: string
): Effect.Effect<{ readonly user: UserRecord | undefined; readonly signUp: PendingSignUp | undefined }, WireError> => {
  const existing = findUser(ctx.p, loginId)
  if (mode === "signup") {
    if (existing !== undefined) return fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${loginId} is taken`)
    return Effect.succeed({ user: undefined, signUp: signUpOf(ctx, dm) })
  }
  if (existing === undefined) {
    return mode === "signin" ? userNotFound(loginId) : Effect.succeed({ user: undefined, signUp: signUpOf(ctx, dm) })
  }
  if (existing.status === "disabled") return fail(401, Codes.UserDisabled, "User disabled", "user is disabled")
  return Effect.succeed({ user: existing, signUp: undefined })
}

/** The user a verified code/link logs in: the existing one, or the pending sign-up, created now. */
const resolveVerified = (
  ctx: Ctx,
  loginId: string,
  signUp: PendingSignUp | undefined,
  method: string
): Effect.Effect<{ readonly user: UserRecord; readonly firstSeen: boolean }, WireError> =>
  Effect.gen(function*() {
    const existing = findUser(ctx.p, loginId)
    if (existing !== undefined) {
      if (existing.status === "disabled") return yield* fail(401, Codes.UserDisabled, "User disabled", "user is disabled")
      verifyContact(existing, method)
      return { user: existing, firstSeen: false }
    }
    if (signUp === undefined) return yield* userNotFound(loginId)
    const fields: Record<string, unknown> = { ...signUp.user }
    if (method === "email" && fields.email === undefined && Users.isEmail(loginId)) fields.email = loginId
    if (PHONE_METHODS.has(method) && fields.phone === undefined) fields.phone = loginId
    const user = yield* Users.create(ctx.p, loginId, fields, ctx.now)
    verifyContact(user, method)
    return { user, firstSeen: true }
  })

const verifyContact = (u: UserRecord, method: string): void => {
  if (method === "email" && u.email !== undefined) u.verifiedEmail = true
  if (PHONE_METHODS.has(method) && u.phone !== undefined) u.verifiedPhone = true
}

const amrOf = (method: string): string => (method === "email" ? "email" : method === "voice" ? "sms" : method)

const withToken = (link: string, token: string): string => `${link}${link.includes("?") ? "&" : "?"}t=${token}`

const redirectOf = (ctx: Ctx, uri: string | undefined): string =>
  uri !== undefined && uri !== "" ? uri : ctx.env.config.defaultRedirectUrl

const sessionUser = (ctx: Ctx, loginId: string): Effect.Effect<UserRecord, WireError> =>
  Effect.gen(function*() {
    const { user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined) return yield* fail(401, Codes.InvalidToken, "Invalid token", "anonymous session")
    const target = findUser(ctx.p, loginId)
    if (target === undefined || target.userId !== user.userId) {
      return yield* fail(401, Codes.InvalidToken, "Invalid token", "the refresh token belongs to another user")
    }
    return user
  })

const contactUpdate = (ctx: Ctx, kind: "email" | "phone") =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const value = yield* str(ctx.body, kind)
    const user = yield* sessionUser(ctx, loginId)
    const addToLoginIds = optBool(ctx.body, "addToLoginIDs") === true
    if (addToLoginIds && Users.loginIdTaken(ctx.p, value, user.userId) && optBool(ctx.body, "onMergeUseExisting") !== true) {
      return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `${kind} is another user's login id`)
    }
    return { user, loginId, value, update: kind === "email" ? { email: value, addToLoginIds } : { phone: value, addToLoginIds } }
  })

// --- magic link -------------------------------------------------------------------------------------

const issueLink = (
  ctx: Ctx,
  loginId: string,
  dm: string,
  kind: "magiclink" | "reset",
  uri: string | undefined,
  user: UserRecord | undefined,
  signUp: PendingSignUp | undefined,
  loginOptions: Json,
  update?: { readonly email?: string; readonly phone?: string; readonly addToLoginIds: boolean },
  previousSessionId?: string
): { readonly link: string; readonly token: string; readonly to: string } => {
  const token = newSecret()
  const to = update?.email ?? update?.phone ?? addressOf(dm, loginId, user, signUp?.user)
  ctx.p.links.set(token, {
    token,
    loginId,
    expiresAt: ctx.now + ctx.env.config.linkTtlMs,
    kind,
    method: dm,
    signUp,
    loginOptions: { ...loginOptions },
    update,
    previousSessionId
  })
  const link = withToken(redirectOf(ctx, uri), token)
  Tokens.send(ctx, {
    kind: kind === "reset" ? "password-reset" : update ? "update" : "magiclink",
    deliveryMethod: dm,
    to,
    loginId,
    link,
    token
  })
  return { link, token, to }
}

/**
 * Issues a magic link (exported for the test-user generators).
 *
 * @since 0.1.0
 * @category magic link
 */
export const magicLinkFor = issueLink

const magicStart = (mode: Mode): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const dm = yield* deliveryMethod(ctx, new Set(["email", "sms", "voice", "whatsapp"]))
    const loginId = yield* str(ctx.body, "loginId")
    const { signUp, user } = yield* startUser(ctx, mode, loginId, dm)
    const lo = obj(ctx.body, "loginOptions")
    const previous = yield* Tokens.stepUp(ctx, lo)
    const { to } = issueLink(ctx, loginId, dm, "magiclink", optStr(ctx.body, "URI"), user, signUp, lo, undefined, previous?.id)
    return masked(dm, to)
  })

const magicVerify: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const token = yield* str(ctx.body, "token")
    const rec = ctx.p.links.get(token)
    if (rec === undefined || rec.expiresAt <= ctx.now || !(rec.kind === "magiclink" || rec.kind === "embedded" || rec.kind === "reset")) {
      return yield* fail(401, Codes.InvalidLink, "Invalid or expired link", "the link is invalid, expired or already used")
    }
    ctx.p.links.delete(token)
    const { firstSeen, user } = yield* resolveVerified(ctx, rec.loginId, rec.signUp, rec.method)
    if (rec.update) Users.applyContact(ctx.p, user, rec.update)
    return yield* Tokens.login(ctx, user, {
      amr: [amrOf(rec.method)],
      method: rec.kind === "embedded" ? "embeddedlink" : "magiclink",
      loginOptions: rec.loginOptions,
      loginId: rec.loginId,
      firstSeen,
      customClaims: rec.customClaims,
      previous: Tokens.previousSession(ctx, rec.previousSessionId)
    })
  })

const magicUpdate = (kind: "email" | "phone"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const dm = kind === "email" ? "email" : ctx.params.dm === undefined ? "sms" : yield* deliveryMethod(ctx, PHONE_METHODS)
    const { loginId, update, user, value } = yield* contactUpdate(ctx, kind)
    issueLink(ctx, loginId, dm, "magiclink", optStr(ctx.body, "URI"), user, undefined, {}, update)
    return masked(dm, value)
  })

// --- enchanted link ---------------------------------------------------------------------------------

/**
 * Issues an enchanted link: three links in the e-mail, only `linkId`'s works.
 *
 * @since 0.1.0
 * @category enchanted link
 */
export const issueEnchanted = (
  ctx: Ctx,
  loginId: string,
  uri: string | undefined,
  user: UserRecord | undefined,
  signUp: PendingSignUp | undefined,
  loginOptions: Json,
  update?: { readonly email?: string; readonly addToLoginIds: boolean },
  previousSessionId?: string
): { readonly pendingRef: string; readonly linkId: string; readonly link: string; readonly to: string } => {
  const pendingRef = newSecret(16)
  const base = redirectOf(ctx, uri)
  const ids = new Set<string>()
  while (ids.size < 3) ids.add(String(Crypto.randomInt(10, 100)))
  const [linkId, ...decoys] = [...ids] as [string, string, string]
  const expiresAt = ctx.now + ctx.env.config.linkTtlMs
  const links: Record<string, string> = {}
  const token = newSecret()
  ctx.p.links.set(token, {
    token,
    loginId,
    expiresAt,
    kind: "enchantedlink",
    method: "email",
    pendingRef,
    signUp,
    loginOptions: { ...loginOptions },
    update
  })
  links[linkId] = withToken(base, token)
  for (const d of decoys) {
    const t = newSecret()
    ctx.p.links.set(t, { token: t, loginId, expiresAt, kind: "decoy", method: "email", pendingRef, loginOptions: {} })
    links[d] = withToken(base, t)
  }
  ctx.p.pending.set(pendingRef, {
    pendingRef,
    loginId,
    expiresAt,
    method: "email",
    loginOptions: { ...loginOptions },
    consumed: false,
    previousSessionId
  })
  const to = update?.email ?? addressOf("email", loginId, user, signUp?.user)
  const link = links[linkId]!
  Tokens.send(ctx, { kind: update ? "update" : "enchantedlink", deliveryMethod: "email", to, loginId, link, token, links, linkId, pendingRef })
  return { pendingRef, linkId, link, to }
}

const enchantedStart = (mode: Mode): H.Handler => (ctx) =>
  Effect.gen(function*() {
    yield* deliveryMethod(ctx, new Set(["email"]))
    const loginId = yield* str(ctx.body, "loginId")
    const { signUp, user } = yield* startUser(ctx, mode, loginId, "email")
    const lo = obj(ctx.body, "loginOptions")
    const previous = yield* Tokens.stepUp(ctx, lo)
    const r = issueEnchanted(ctx, loginId, optStr(ctx.body, "URI"), user, signUp, lo, undefined, previous?.id)
    return { pendingRef: r.pendingRef, linkId: r.linkId, maskedEmail: maskEmail(r.to) }
  })

const enchantedVerify: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const token = yield* str(ctx.body, "token")
    const rec = ctx.p.links.get(token)
    if (rec === undefined || rec.expiresAt <= ctx.now || rec.kind !== "enchantedlink" || rec.pendingRef === undefined) {
      return yield* fail(401, Codes.InvalidLink, "Invalid or expired link", "this is not the link to follow")
    }
    const pending = ctx.p.pending.get(rec.pendingRef)
    if (pending === undefined) return yield* fail(401, Codes.InvalidLink, "Invalid or expired link", "no pending session")
    for (const [t, l] of ctx.p.links) if (l.pendingRef === rec.pendingRef) ctx.p.links.delete(t)
    const { user } = yield* resolveVerified(ctx, rec.loginId, rec.signUp, "email")
    if (rec.update) Users.applyContact(ctx.p, user, rec.update)
    pending.verifiedUserId = user.userId
    pending.loginOptions = rec.loginOptions
    return {}
  })

const enchantedPending: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const pendingRef = yield* str(ctx.body, "pendingRef")
    const pending = ctx.p.pending.get(pendingRef)
    if (pending === undefined || pending.consumed || pending.expiresAt <= ctx.now) {
      return yield* fail(400, Codes.InvalidLink, "Invalid or expired pending reference", "unknown pendingRef")
    }
    if (pending.verifiedUserId === undefined) {
      return yield* fail(401, Codes.EnchantedLinkPending, "Enchanted link pending", "the link was not followed yet")
    }
    const user = ctx.p.users.get(pending.verifiedUserId)
    if (user === undefined) return yield* userNotFound(pending.loginId)
    pending.consumed = true
    return yield* Tokens.login(ctx, user, {
      amr: ["email"],
      method: "enchantedlink",
      loginOptions: pending.loginOptions,
      loginId: pending.loginId,
      previous: Tokens.previousSession(ctx, pending.previousSessionId)
    })
  })

const enchantedUpdate: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const { loginId, update, user, value } = yield* contactUpdate(ctx, "email")
    const r = issueEnchanted(ctx, loginId, optStr(ctx.body, "URI"), user, undefined, {}, update)
    return { pendingRef: r.pendingRef, linkId: r.linkId, maskedEmail: maskEmail(value) }
  })

// --- OAuth and SSO ----------------------------------------------------------------------------------

const federatedUrl = (ctx: Ctx, state: string): string =>
  `${ctx.baseUrl}/emulator/idp/authorize?projectId=${encodeURIComponent(ctx.p.projectId)}&state=${state}`

const oauthStart: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const provider = ctx.query.provider
    if (provider === undefined || provider === "") return yield* W.missing("provider")
    const previous = yield* Tokens.stepUp(ctx, ctx.body)
    const state = newSecret(16)
    ctx.p.federated.set(state, {
      previousSessionId: previous?.id,
      state,
      kind: "oauth",
      provider,
      redirectUrl: redirectOf(ctx, ctx.query.redirectURL),
      loginOptions: { ...ctx.body },
      expiresAt: ctx.now + ctx.env.config.linkTtlMs
    })
    return { url: federatedUrl(ctx, state) }
  })

const tenantFor = (p: ProjectState, tenant: string): TenantRecord | undefined => {
  const byId = p.tenants.get(tenant)
  if (byId) return byId
  const domain = tenant.includes("@") ? tenant.slice(tenant.indexOf("@") + 1).toLowerCase() : tenant.toLowerCase()
  for (const t of p.tenants.values()) {
    if ([...t.domains, ...t.selfProvisioningDomains].some((d) => d.toLowerCase() === domain)) return t
  }
  return undefined
}

const ssoStart: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const tenantArg = ctx.query.tenant
    if (tenantArg === undefined || tenantArg === "") return yield* W.missing("tenant")
    const tenant = tenantFor(ctx.p, tenantArg)
    if (tenant === undefined) return yield* W.invalid(`no tenant with SSO for ${tenantArg}`)
    const ssoId = ctx.query.ssoId
    const config = ssoId !== undefined ? tenant.sso.get(ssoId) : [...tenant.sso.values()][0]
    const previous = yield* Tokens.stepUp(ctx, ctx.body)
    const state = newSecret(16)
    ctx.p.federated.set(state, {
      previousSessionId: previous?.id,
      state,
      kind: "sso",
      provider: ssoId ?? config?.ssoId ?? "default",
      tenantId: tenant.id,
      redirectUrl: redirectOf(ctx, ctx.query.redirectURL ?? config?.redirectUrl),
      loginOptions: { ...ctx.body },
      expiresAt: ctx.now + ctx.env.config.linkTtlMs
    })
    return { url: federatedUrl(ctx, state) }
  })

/**
 * `GET /emulator/idp/authorize?state=`: the emulated provider "signs the user
 * in" and redirects to the application's redirect URL with a `code`.
 *
 * @since 0.1.0
 * @category federation
 */
export const idpAuthorize: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const state = ctx.query.state ?? ""
    const rec = ctx.p.federated.get(state)
    if (rec === undefined || rec.expiresAt <= ctx.now) return yield* W.invalid("unknown or expired authorization state")
    const code = newSecret(16)
    rec.code = code
    ctx.p.federated.delete(state)
    ctx.p.federated.set(`code:${code}`, { ...rec, expiresAt: ctx.now + ctx.env.config.linkTtlMs })
    const target = `${rec.redirectUrl}${rec.redirectUrl.includes("?") ? "&" : "?"}code=${code}`
    return HttpServerResponse.redirect(target, { status: 302 })
  })

const federatedExchange = (kind: "oauth" | "sso"): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const code = yield* str(ctx.body, "code")
    const rec = ctx.p.federated.get(`code:${code}`)
    if (rec === undefined || rec.kind !== kind || rec.expiresAt <= ctx.now) {
      return yield* fail(401, Codes.InvalidToken, "Invalid code", "unknown or expired code")
    }
    ctx.p.federated.delete(`code:${code}`)
    if (rec.kind === "oauth") {
      const identity = ctx.p.oauthIdentities.get(rec.provider) ?? ctx.p.oauthIdentities.get("*") ?? {
        email: `${rec.provider}.user@example.com`,
        name: `${rec.provider} user`
      }
      let user = findUser(ctx.p, identity.email)
      const firstSeen = user === undefined
      if (user === undefined) {
        user = yield* Users.create(ctx.p, identity.email, { ...identity, verifiedEmail: true }, ctx.now)
      }
      user.oauth[rec.provider] = true
      return yield* Tokens.login(ctx, user, {
        amr: ["oauth"],
        method: "oauth",
        loginOptions: rec.loginOptions,
        firstSeen,
        previous: Tokens.previousSession(ctx, rec.previousSessionId)
      })
    }
    const tenant = ctx.p.tenants.get(rec.tenantId ?? "")
    if (tenant === undefined) return yield* W.invalid("the tenant no longer exists")
    const domain = tenant.domains[0] ?? tenant.selfProvisioningDomains[0] ?? "example.com"
    const identity = ctx.p.ssoIdentities.get(tenant.id) ?? { email: `sso.user@${domain}`, name: "SSO User" }
    let user = findUser(ctx.p, identity.email)
    const firstSeen = user === undefined
    if (user === undefined) {
      user = yield* Users.create(ctx.p, identity.email, { ...identity, verifiedEmail: true }, ctx.now)
    }
    const config = tenant.sso.get(rec.provider) ?? [...tenant.sso.values()][0]
    const groups = identity.groups ?? []
    const roles = new Set<string>([...tenant.defaultRoles, ...(config?.defaultSSORoles ?? [])])
    for (const m of config?.roleMappings ?? []) if (m.groups.some((g) => groups.includes(g))) roles.add(m.roleName)
    const assoc = user.userTenants.find((t) => t.tenantId === tenant.id)
    if (assoc) assoc.roleNames = [...new Set([...assoc.roleNames, ...roles])]
    else user.userTenants.push({ tenantId: tenant.id, roleNames: [...roles] })
    user.saml = true
    const body = yield* Tokens.login(ctx, user, {
      amr: ["fed"],
      method: "saml",
      loginOptions: rec.loginOptions,
      firstSeen,
      previous: Tokens.previousSession(ctx, rec.previousSessionId)
    })
    return { ...body, idpResponse: { idpGroups: [...groups] } }
  })

// --- TOTP -------------------------------------------------------------------------------------------

const totpAnswer = (ctx: Ctx, loginId: string, seed: string) =>
  Effect.gen(function*() {
    const provisioningURL = Totp.provisioningUrl(ctx.env.config.totpIssuer, loginId, seed)
    const dataUrl = yield* Effect.promise(() => QRCode.toDataURL(provisioningURL))
    return { provisioningURL, image: dataUrl.replace(/^data:image\/png;base64,/, ""), key: seed }
  })

const totpSignUp: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    if (findUser(ctx.p, loginId)) return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${loginId} is taken`)
    const fields: Record<string, unknown> = { ...obj(ctx.body, "user") }
    if (fields.email === undefined && Users.isEmail(loginId)) fields.email = loginId
    const user = yield* Users.create(ctx.p, loginId, fields, ctx.now)
    user.totpSeed = Totp.newSeed()
    return yield* totpAnswer(ctx, loginId, user.totpSeed)
  })

const totpVerify: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const code = yield* str(ctx.body, "code")
    const user = yield* enabledUser(ctx.p, loginId)
    if (user.totpSeed === undefined || !Totp.check(user.totpSeed, code, ctx.now)) {
      Tokens.audit(ctx, "LoginFailed", user.userId, "totp", user.loginIds)
      return yield* fail(401, Codes.WrongOtpCode, "Wrong code", "the TOTP code does not match")
    }
    const lo = obj(ctx.body, "loginOptions")
    const previous = yield* Tokens.stepUp(ctx, lo)
    return yield* Tokens.login(ctx, user, { amr: ["totp"], method: "totp", loginOptions: lo, loginId, previous })
  })

const totpUpdate: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const user = yield* sessionUser(ctx, loginId)
    user.totpSeed = Totp.newSeed()
    return yield* totpAnswer(ctx, loginId, user.totpSeed)
  })

// --- passwords --------------------------------------------------------------------------------------

/**
 * The password policy in force (management password settings override the configured default).
 *
 * @since 0.1.0
 * @category passwords
 */
export const policyOf = (ctx: Ctx): Password.Policy => {
  const s = ctx.p.passwordSettings.get("")
  const d = ctx.env.config.passwordPolicy
  if (s === undefined) return d
  return {
    minLength: typeof s.minLength === "number" ? s.minLength : d.minLength,
    lowercase: typeof s.lowercase === "boolean" ? s.lowercase : d.lowercase,
    uppercase: typeof s.uppercase === "boolean" ? s.uppercase : d.uppercase,
    number: typeof s.number === "boolean" ? s.number : d.number,
    nonAlphanumeric: typeof s.nonAlphaNumeric === "boolean" ? s.nonAlphaNumeric : d.nonAlphanumeric
  }
}

/**
 * Checks the policy and hashes a password.
 *
 * @since 0.1.0
 * @category passwords
 */
export const hashChecked = (ctx: Ctx, password: string): Effect.Effect<string, WireError> => {
  const v = Password.violations(policyOf(ctx), password)
  return v.length > 0
    ? fail(400, Codes.PasswordPolicy, "Password does not meet the policy", `the password needs ${v.join(", ")}`)
    : Password.hash(password)
}

const passwordSignUp: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const password = yield* str(ctx.body, "password")
    if (findUser(ctx.p, loginId)) return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${loginId} is taken`)
    const hash = yield* hashChecked(ctx, password)
    const fields: Record<string, unknown> = { ...obj(ctx.body, "user") }
    if (fields.email === undefined && Users.isEmail(loginId)) fields.email = loginId
    const user = yield* Users.create(ctx.p, loginId, fields, ctx.now)
    user.passwordHash = hash
    return yield* Tokens.login(ctx, user, { amr: ["pwd"], method: "password", loginOptions: obj(ctx.body, "loginOptions"), loginId, firstSeen: true })
  })

const badCredentials = fail(401, Codes.InvalidCredentials, "Invalid login credentials", "wrong login id or password")

const checkPassword = (ctx: Ctx, loginId: string, password: string): Effect.Effect<UserRecord, WireError> =>
  Effect.gen(function*() {
    const user = findUser(ctx.p, loginId)
    if (user === undefined || user.passwordHash === undefined) return yield* badCredentials
    if (!(yield* Password.verify(password, user.passwordHash))) {
      Tokens.audit(ctx, "LoginFailed", user.userId, "password", user.loginIds)
      return yield* badCredentials
    }
    if (user.status === "disabled") return yield* fail(401, Codes.UserDisabled, "User disabled", "user is disabled")
    return user
  })

const passwordSignIn: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const user = yield* checkPassword(ctx, loginId, yield* str(ctx.body, "password"))
    if (user.passwordExpired) return yield* fail(401, Codes.PasswordExpired, "Password expired", "replace the password")
    return yield* Tokens.login(ctx, user, { amr: ["pwd"], method: "password", loginOptions: obj(ctx.body, "loginOptions"), loginId })
  })

const passwordReset: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const user = yield* enabledUser(ctx.p, loginId)
    const { to } = issueLink(ctx, loginId, "email", "reset", optStr(ctx.body, "redirectUrl"), user, undefined, {})
    return { resetMethod: "magiclink", maskedEmail: maskEmail(to) }
  })

const passwordUpdate: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const newPassword = yield* str(ctx.body, "newPassword")
    const user = yield* sessionUser(ctx, loginId)
    user.passwordHash = yield* hashChecked(ctx, newPassword)
    user.passwordExpired = false
    return {}
  })

const passwordReplace: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const loginId = yield* str(ctx.body, "loginId")
    const user = yield* checkPassword(ctx, loginId, yield* str(ctx.body, "oldPassword"))
    user.passwordHash = yield* hashChecked(ctx, yield* str(ctx.body, "newPassword"))
    user.passwordExpired = false
    return yield* Tokens.login(ctx, user, { amr: ["pwd"], method: "password", loginId })
  })

// --- sessions ---------------------------------------------------------------------------------------

const refresh: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const { session, user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    return yield* Tokens.jwtResponse(ctx, session, user, false)
  })

const tryRefresh: H.Handler = (ctx) => refresh(ctx).pipe(Effect.orElseSucceed(() => ({})))

const selectTenant: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const tenant = yield* str(ctx.body, "tenant")
    const { session, user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined || !user.userTenants.some((t) => t.tenantId === tenant)) {
      return yield* W.invalid(`the user is not a member of tenant ${tenant}`)
    }
    session.dct = tenant
    return yield* Tokens.jwtResponse(ctx, session, user, false)
  })

const logout: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const { session } = yield* Tokens.fromRefresh(ctx, ctx.token)
    session.revoked = true
    Tokens.audit(ctx, "Logout", session.subject, "", session.loginId ? [session.loginId] : [])
    return {}
  })

const logoutAll: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const { session } = yield* Tokens.fromRefresh(ctx, ctx.token)
    for (const s of ctx.p.sessions.values()) if (s.subject === session.subject) s.revoked = true
    Tokens.audit(ctx, "LogoutAll", session.subject, "", session.loginId ? [session.loginId] : [])
    return {}
  })

const me: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const { user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined) return yield* fail(401, Codes.InvalidToken, "Invalid token", "anonymous session")
    return userJson(ctx.p, user)
  })

const myTenants: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const { session, user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined) return { tenants: [] }
    const ids = optStrs(ctx.body, "ids")
    const wanted = optBool(ctx.body, "dct") === true
      ? session.dct !== undefined ? [session.dct] : []
      : ids ?? user.userTenants.map((t) => t.tenantId)
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
 * @category sessions
 */
export const historyOf = (p: ProjectState, userIds: ReadonlyArray<string>) =>
  p.audit
    .filter((e) => e.action === "LoginSucceed" && userIds.includes(e.userId))
    .map((e) => ({ userId: e.userId, loginTime: Math.floor(e.occurred / 1000), city: "", country: "", ip: e.remoteAddress }))

const history: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const { session } = yield* Tokens.fromRefresh(ctx, ctx.token)
    return historyOf(ctx.p, [session.subject])
  })

// --- access keys ------------------------------------------------------------------------------------

const accessKeyExchange: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const secret = ctx.token
    if (secret === undefined || secret === "") return yield* fail(401, Codes.Unauthorized, "Unauthorized", "access key missing")
    const hash = sha256(secret)
    const key = [...ctx.p.accessKeys.values()].find((k) => k.secretHash === hash)
    if (key === undefined) return yield* fail(401, Codes.Unauthorized, "Unauthorized", "invalid access key")
    if (key.status !== "active") return yield* fail(401, Codes.Unauthorized, "Unauthorized", "access key is deactivated")
    if (key.expireTime > 0 && key.expireTime * 1000 <= ctx.now) {
      return yield* fail(401, Codes.Unauthorized, "Unauthorized", "access key expired")
    }
    const lo = obj(ctx.body, "loginOptions")
    const bound = key.boundUserId !== undefined ? ctx.p.users.get(key.boundUserId) : undefined
    const tenants = key.keyTenants.length > 0 ? key.keyTenants : bound?.userTenants ?? []
    const roles = key.keyTenants.length > 0 ? [] : key.roleNames.length > 0 ? key.roleNames : bound?.roleNames ?? []
    const selected = optNonEmpty(lo, "selectedTenant")
    if (selected !== undefined && !tenants.some((t) => t.tenantId === selected)) {
      return yield* W.invalid(`the access key is not associated with tenant ${selected}`)
    }
    const iat = Math.floor(ctx.now / 1000)
    const exp = iat + Math.floor(ctx.env.config.accessKeySessionTtlMs / 1000)
    const nsec = W.optObj(lo, "customClaims")
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
    return { keyId: key.id, sessionJwt, expiration: exp }
  })

const jwks: H.Handler = (ctx) => {
  const maxLifetime = Math.max(ctx.env.config.refreshTtlMs, ctx.env.config.sessionTtlMs, ctx.env.config.accessKeySessionTtlMs)
  return Effect.succeed(Keys.jwks(Keys.published(ctx.p.keys, ctx.now, maxLifetime)))
}

const notEmulated: H.Handler = (ctx) =>
  fail(501, Codes.NotEmulated, "Not emulated", `${ctx.method} ${ctx.path} is not emulated by the Descope emulator`)

/**
 * The authentication routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  ...Otp.routes,
  H.post("/v1/auth/magiclink/signup/:dm", "auth", magicStart("signup")),
  H.post("/v1/auth/magiclink/signin/:dm", "auth", magicStart("signin")),
  H.post("/v1/auth/magiclink/signup-in/:dm", "auth", magicStart("signup-in")),
  H.post("/v1/auth/magiclink/verify", "auth", magicVerify),
  H.post("/v1/auth/magiclink/update/email", "auth", magicUpdate("email")),
  H.post("/v1/auth/magiclink/update/phone", "auth", magicUpdate("phone")),
  H.post("/v1/auth/magiclink/update/phone/:dm", "auth", magicUpdate("phone")),
  H.post("/v1/auth/enchantedlink/signup/:dm", "auth", enchantedStart("signup")),
  H.post("/v1/auth/enchantedlink/signin/:dm", "auth", enchantedStart("signin")),
  H.post("/v1/auth/enchantedlink/signup-in/:dm", "auth", enchantedStart("signup-in")),
  H.post("/v1/auth/enchantedlink/verify", "auth", enchantedVerify),
  H.post("/v1/auth/enchantedlink/pending-session", "auth", enchantedPending),
  H.post("/v1/auth/enchantedlink/update/email", "auth", enchantedUpdate),
  H.post("/v1/auth/oauth/authorize", "auth", oauthStart),
  H.post("/v1/auth/oauth/exchange", "auth", federatedExchange("oauth")),
  H.post("/v1/auth/saml/authorize", "auth", ssoStart),
  H.post("/v1/auth/saml/exchange", "auth", federatedExchange("sso")),
  H.post("/v1/auth/sso/authorize", "auth", ssoStart),
  H.post("/v1/auth/sso/exchange", "auth", federatedExchange("sso")),
  H.post("/v1/auth/totp/signup", "auth", totpSignUp),
  H.post("/v1/auth/totp/verify", "auth", totpVerify),
  H.post("/v1/auth/totp/update", "auth", totpUpdate),
  H.post("/v1/auth/password/signup", "auth", passwordSignUp),
  H.post("/v1/auth/password/signin", "auth", passwordSignIn),
  H.post("/v1/auth/password/reset", "auth", passwordReset),
  H.post("/v1/auth/password/update", "auth", passwordUpdate),
  H.post("/v1/auth/password/replace", "auth", passwordReplace),
  H.get("/v1/auth/password/policy", "auth", (ctx) => Effect.succeed(policyOf(ctx))),
  H.post("/v1/auth/refresh", "auth", refresh),
  H.post("/v1/auth/try-refresh", "auth", tryRefresh),
  H.post("/v1/auth/tenant/select", "auth", selectTenant),
  H.post("/v1/auth/logout", "auth", logout),
  H.post("/v1/auth/logoutall", "auth", logoutAll),
  H.get("/v1/auth/me", "auth", me),
  H.post("/v1/auth/me/tenants", "auth", myTenants),
  H.get("/v1/auth/me/history", "auth", history),
  H.post("/v1/auth/accesskey/exchange", "auth", accessKeyExchange),
  H.get("/v2/keys/:projectId", "public", jwks),
  H.get("/v1/keys/:projectId", "public", jwks),
  ...[
    "/v1/auth/webauthn/signup/start",
    "/v1/auth/webauthn/signup/finish",
    "/v1/auth/webauthn/signin/start",
    "/v1/auth/webauthn/signin/finish",
    "/v1/auth/webauthn/signup-in/start",
    "/v1/auth/webauthn/update/start",
    "/v1/auth/webauthn/update/finish",
    "/v1/auth/notp/whatsapp/signin",
    "/v1/auth/notp/whatsapp/signup",
    "/v1/auth/notp/whatsapp/signup-in",
    "/v1/auth/notp/pending-session",
    "/v1/auth/oauth/native/start",
    "/v1/auth/oauth/native/finish",
    "/v1/auth/onetap/idtoken/verify",
    "/v1/auth/onetap/idtoken/exchange",
    "/v1/outbound/oauth/connect",
    "/v1/flow/start",
    "/v1/flow/next"
  ].map((path) => ({ ...H.post(path, "auth", notEmulated), stub: true })),
  { ...H.get("/v1/auth/onetap/clientid/:provider", "auth", notEmulated), stub: true }
]
