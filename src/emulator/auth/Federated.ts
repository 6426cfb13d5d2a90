/**
 * The emulator's federated logins (`src/wire/auth/{OAuth,Saml,Sso}.ts`): a
 * start records an authorization state and answers the URL of the emulated
 * identity provider (`/emulator/idp/authorize`), which redirects back with a
 * `code`; the exchange turns the code into a session (SSO: the tenant's roles
 * mapped from the identity's groups).
 *
 * @since 0.2.0
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as OAuthWire from "../../wire/auth/OAuth.js"
import * as SamlWire from "../../wire/auth/Saml.js"
import * as SsoWire from "../../wire/auth/Sso.js"
import { type FederatedRecord, type ProjectState, type TenantRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newSecret } from "../Ids.js"
import { findUser } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as Users from "../Users.js"
import * as W from "../Wire.js"
import { Codes, fail } from "../Wire.js"
import { jwt, redirectOf, required, userNotFound } from "./Support.js"

const federatedUrl = (ctx: Ctx, state: string): string =>
  `${ctx.baseUrl}/emulator/idp/authorize?projectId=${encodeURIComponent(ctx.p.projectId)}&state=${state}`

/** The login options of a start: its body, without the query fields. */
const loginOptionsOf = (body: Readonly<Record<string, unknown>>, queryFields: ReadonlyArray<string>) =>
  Object.fromEntries(Object.entries(body).filter(([k, v]) => !queryFields.includes(k) && v !== undefined))

const oauthStart = (mode?: "signin" | "signup" | "update") => (ctx: Ctx, body: typeof OAuthWire.start.request.Type) =>
  Effect.gen(function*() {
    const provider = yield* required("provider", body.provider)
    const loginOptions = loginOptionsOf(body, OAuthWire.updateUser.queryFields)
    const previous = mode === "update"
      ? (yield* Tokens.fromRefresh(ctx, ctx.token)).session
      : yield* Tokens.stepUp(ctx, loginOptions)
    if (mode === "update" && previous?.anonymous === true) {
      return yield* fail(401, Codes.InvalidToken, "Invalid token", "anonymous session")
    }
    const state = newSecret(16)
    ctx.p.federated.set(state, {
      previousSessionId: previous?.id,
      state,
      kind: "oauth",
      provider,
      redirectUrl: redirectOf(ctx, body.redirectURL),
      loginOptions,
      expiresAt: ctx.now + ctx.env.config.linkTtlMs,
      mode,
      userId: mode === "update" ? previous?.subject : undefined
    })
    return { url: federatedUrl(ctx, state) }
  })

/**
 * The session of an OAuth login the provider vouched for: the identity of
 * the record (a verified ID token) or the one configured for the provider;
 * the user found by its e-mail, or created (`authorize/signin` refuses a new
 * user, `signup` an existing one; `update` links the provider to the
 * signed-in user instead).
 *
 * @since 0.2.0
 * @category actions
 */
export const oauthLogin = (ctx: Ctx, rec: FederatedRecord) =>
  Effect.gen(function*() {
    const identity = rec.identity ?? ctx.p.oauthIdentities.get(rec.provider) ?? ctx.p.oauthIdentities.get("*") ?? {
      email: `${rec.provider}.user@example.com`,
      name: `${rec.provider} user`
    }
    let user = rec.mode === "update" ? ctx.p.users.get(rec.userId ?? "") : findUser(ctx.p, identity.email)
    if (rec.mode === "update" && user === undefined) return yield* userNotFound(rec.userId ?? "")
    if (rec.mode === "signin" && user === undefined) return yield* userNotFound(identity.email)
    if (rec.mode === "signup" && user !== undefined) {
      return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `${identity.email} is a user already`)
    }
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

const ssoStart = (queryFields: ReadonlyArray<string>) =>
(
  ctx: Ctx,
  body: { readonly tenant: string; readonly redirectURL?: string | undefined; readonly ssoId?: string | undefined }
) =>
  Effect.gen(function*() {
    const tenantArg = yield* required("tenant", body.tenant)
    const tenant = tenantFor(ctx.p, tenantArg)
    if (tenant === undefined) return yield* W.invalid(`no tenant with SSO for ${tenantArg}`)
    const ssoId = body.ssoId
    const config = ssoId !== undefined ? tenant.sso.get(ssoId) : [...tenant.sso.values()][0]
    const loginOptions = loginOptionsOf(body, queryFields)
    const previous = yield* Tokens.stepUp(ctx, loginOptions)
    const state = newSecret(16)
    ctx.p.federated.set(state, {
      previousSessionId: previous?.id,
      state,
      kind: "sso",
      provider: ssoId ?? config?.ssoId ?? "default",
      tenantId: tenant.id,
      redirectUrl: redirectOf(ctx, body.redirectURL ?? config?.redirectUrl),
      loginOptions,
      expiresAt: ctx.now + ctx.env.config.linkTtlMs
    })
    return { url: federatedUrl(ctx, state) }
  })

/**
 * `GET /emulator/idp/authorize?state=`: the emulated provider "signs the user
 * in" and redirects to the application's redirect URL with a `code`.
 *
 * @since 0.1.0
 * @category routes
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

const exchange = (kind: "oauth" | "sso") => (ctx: Ctx, body: typeof OAuthWire.exchangeToken.request.Type) =>
  jwt(Effect.gen(function*() {
    const code = yield* required("code", body.code)
    const rec = ctx.p.federated.get(`code:${code}`)
    if (rec === undefined || rec.kind !== kind || rec.expiresAt <= ctx.now) {
      return yield* fail(401, Codes.InvalidToken, "Invalid code", "unknown or expired code")
    }
    ctx.p.federated.delete(`code:${code}`)
    if (rec.kind === "oauth") return yield* oauthLogin(ctx, rec)
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
    const answer = yield* Tokens.login(ctx, user, {
      amr: ["fed"],
      method: "saml",
      loginOptions: rec.loginOptions,
      firstSeen,
      previous: Tokens.previousSession(ctx, rec.previousSessionId)
    })
    return { ...answer, idpResponse: { idpGroups: [...groups] } }
  }))

/**
 * The OAuth, SAML and SSO routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(OAuthWire.start, oauthStart()),
  H.endpoint(OAuthWire.signIn, oauthStart("signin")),
  H.endpoint(OAuthWire.signUp, oauthStart("signup")),
  H.endpoint(OAuthWire.updateUser, oauthStart("update")),
  H.endpoint(OAuthWire.exchangeToken, exchange("oauth")),
  H.endpoint(SamlWire.start, ssoStart(SamlWire.start.queryFields)),
  H.endpoint(SamlWire.exchangeToken, exchange("sso")),
  H.endpoint(SsoWire.start, ssoStart(SsoWire.start.queryFields)),
  H.endpoint(SsoWire.exchangeToken, exchange("sso"))
]
