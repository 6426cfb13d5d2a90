/**
 * Management endpoints for tenants (CRUD, search, default roles, settings in
 * both inactivity spellings, SSO admin links), SSO settings (v2, legacy, OIDC,
 * SAML, metadata, redirect, mappings) and SCIM/JIT groups.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import {
  newId,
  type SsoConfig,
  type TenantRecord,
  tenantJson,
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Route } from "./Handler.js"
import {
  tenantOf,
} from "./ManagementSupport.js"
import {
  Codes,
  fail,
  isObject,
  type Json,
  obj,
  objs,
  optNonEmpty,
  optStr,
  optStrs,
} from "./Wire.js"

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

/**
 * The tenant, SSO and group management routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
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
  H.post("/v1/mgmt/sso/mapping", "mgmt", ssoMapping)
]
