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
import * as QRCode from "qrcode"
import * as EnchantedLink from "./auth/EnchantedLink.js"
import * as MagicLink from "./auth/MagicLink.js"
import * as Otp from "./auth/Otp.js"
import * as PasswordRoutes from "./auth/Password.js"
import * as Session from "./auth/Session.js"
import * as Keys from "./EmulatorKeys.js"
import {
  findUser,
  newSecret,
  type ProjectState,
  type TenantRecord,
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Ctx, Route } from "./Handler.js"
import * as Tokens from "./Tokens.js"
import * as Totp from "./Totp.js"
import * as Users from "./Users.js"
import * as W from "./Wire.js"
import { Codes, fail, obj, str } from "./Wire.js"
import { enabledUser, redirectOf, sessionUser } from "./auth/Support.js"

export {
  /**
   * Issues a one-time code and records it in the outbox.
   *
   * @since 0.1.0
   * @category constructors
   */
  issueCode
} from "./auth/Otp.js"

export {
  /**
   * Issues a magic link (exported for the test-user generators).
   *
   * @since 0.1.0
   * @category constructors
   */
  magicLinkFor
} from "./auth/MagicLink.js"

export {
  /**
   * Issues an enchanted link: three links in the e-mail, only `linkId`'s works.
   *
   * @since 0.1.0
   * @category constructors
   */
  issueEnchanted
} from "./auth/EnchantedLink.js"

export {
  /**
   * Checks the policy and hashes a password.
   *
   * @since 0.1.0
   * @category validation
   */
  hashChecked,
  /**
   * The password policy in force.
   *
   * @since 0.1.0
   * @category queries
   */
  policyOf
} from "./auth/Password.js"

export {
  /**
   * Login history of users, from the audit trail.
   *
   * @since 0.1.0
   * @category queries
   */
  historyOf
} from "./auth/Session.js"

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
  ...MagicLink.routes,
  ...EnchantedLink.routes,
  ...PasswordRoutes.routes,
  ...Session.routes,
  H.post("/v1/auth/oauth/authorize", "auth", oauthStart),
  H.post("/v1/auth/oauth/exchange", "auth", federatedExchange("oauth")),
  H.post("/v1/auth/saml/authorize", "auth", ssoStart),
  H.post("/v1/auth/saml/exchange", "auth", federatedExchange("sso")),
  H.post("/v1/auth/sso/authorize", "auth", ssoStart),
  H.post("/v1/auth/sso/exchange", "auth", federatedExchange("sso")),
  H.post("/v1/auth/totp/signup", "auth", totpSignUp),
  H.post("/v1/auth/totp/verify", "auth", totpVerify),
  H.post("/v1/auth/totp/update", "auth", totpUpdate),
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
