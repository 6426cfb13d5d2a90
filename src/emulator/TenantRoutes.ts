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
  newSecret,
  type SsoConfig,
  type TenantRecord,
  tenantJson,
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Route } from "./Handler.js"
import {
  inSet,
  removeUser,
  tenantOf,
} from "./ManagementSupport.js"
import {
  Codes,
  fail,
  isObject,
  type Json,
  obj,
  objs,
  optBool,
  optNonEmpty,
  optObj,
  optStr,
  optStrs,
  str
} from "./Wire.js"

// --- tenants ----------------------------------------------------------------------------------------


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
