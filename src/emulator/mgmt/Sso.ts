/**
 * The emulator's SSO settings endpoints (`src/wire/mgmt/Sso.ts`): a tenant's
 * SSO configurations (several, by `ssoId`; the first one is the default),
 * configured as SAML (manually, from metadata, or through the v1 endpoints of
 * the original SDKs) or OIDC, their role and attribute mappings and redirect
 * URL, loaded in the v2 and the legacy shapes, added and deleted.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as SamlWire from "../../wire/auth/Saml.js"
import * as Wire from "../../wire/mgmt/Sso.js"
import type * as Settings from "../../wire/mgmt/SsoSettings.js"
import type * as Xaa from "../../wire/mgmt/SsoXaaSettings.js"
import type { SamlConfig, SsoConfig, TenantRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import { tenantOf } from "../ManagementSupport.js"
import { issuer } from "../Tokens.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { toTenant } from "./Tenant.js"

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

/** The configuration `ssoId` names (the first one when none is named), created when asked. */
const configOf = (
  t: TenantRecord,
  ssoId: string | undefined,
  create: boolean,
  displayName?: string
): SsoConfig | undefined => {
  const id = nonEmpty(ssoId) ?? [...t.sso.keys()][0] ?? "default_ssoid"
  let c = t.sso.get(id)
  if (c === undefined && create) {
    c = {
      ssoId: id,
      displayName: displayName ?? id,
      saml: {},
      oidc: undefined,
      roleMappings: [],
      attributeMapping: {},
      defaultSSORoles: []
    }
    t.sso.set(id, c)
  }
  return c
}

/** The configuration a body names, created when absent. */
const configFor = (
  ctx: Ctx,
  b: { readonly tenantId: string; readonly ssoId?: string | undefined }
): Effect.Effect<{ readonly t: TenantRecord; readonly c: SsoConfig }, WireError> =>
  Effect.map(tenantOf(ctx, b.tenantId), (t) => ({ t, c: configOf(t, b.ssoId, true)! }))

/** Applies what a configuring body may carry besides its settings. */
const applyCommon = (
  t: TenantRecord,
  c: SsoConfig,
  b: {
    readonly redirectUrl?: string | undefined
    readonly domains?: ReadonlyArray<string> | undefined
    readonly domain?: string | undefined
  }
): void => {
  if (b.redirectUrl !== undefined) c.redirectUrl = b.redirectUrl
  const domains = b.domains ?? (b.domain !== undefined ? [b.domain] : undefined)
  if (domains !== undefined) t.domains = [...domains]
}

/** Applies the mappings of a body (a mapping without a role is dropped). */
const applyMappings = (
  c: SsoConfig,
  m: {
    readonly roleMappings?: ReadonlyArray<Settings.RoleMapping> | undefined
    readonly attributeMapping?: Readonly<Record<string, unknown>> | undefined
    readonly defaultSsoRoles?: ReadonlyArray<string> | undefined
    readonly groupsPriority?: ReadonlyArray<string> | undefined
    readonly fgaMappings?: Settings.FgaMappings | undefined
    readonly configFgaTenantIdResourcePrefix?: string | undefined
    readonly configFgaTenantIdResourceSuffix?: string | undefined
  },
  replace: boolean
): void => {
  if (m.groupsPriority !== undefined) c.groupsPriority = [...m.groupsPriority]
  if (m.fgaMappings !== undefined) c.fgaMappings = structuredClone(m.fgaMappings) as Record<string, unknown>
  if (m.configFgaTenantIdResourcePrefix !== undefined) c.fgaTenantIdResourcePrefix = m.configFgaTenantIdResourcePrefix
  if (m.configFgaTenantIdResourceSuffix !== undefined) c.fgaTenantIdResourceSuffix = m.configFgaTenantIdResourceSuffix
  const mappings = (m.roleMappings ?? []).filter((r) => r.roleName !== "").map((r) => ({
    groups: [...r.groups],
    roleName: r.roleName
  }))
  if (replace || mappings.length > 0) c.roleMappings = mappings
  if (m.attributeMapping !== undefined) c.attributeMapping = { ...m.attributeMapping }
  else if (replace) c.attributeMapping = {}
  if (m.defaultSsoRoles !== undefined) c.defaultSSORoles = [...m.defaultSsoRoles]
}

/** The group priority and FGA mappings of a configuration, as the loads answer them (when configured). */
const groupAnswers = (c: SsoConfig | undefined) => ({
  ...(c?.groupsPriority !== undefined ? { groupsPriority: [...c.groupsPriority] } : {}),
  ...(c?.fgaMappings !== undefined
    ? { fgaMappings: structuredClone(c.fgaMappings) as Settings.FgaMappings }
    : {})
})

const configureSaml = (t: TenantRecord, c: SsoConfig, saml: SamlConfig): void => {
  c.saml = saml
  t.authType = "saml"
}

/**
 * The service-provider side of a tenant's SAML configuration, as Descope
 * answers it when none was configured: the entity id `<projectId>-<tenantId>`
 * and the ACS URL naming the project and the tenant.
 *
 * @since 0.2.0
 * @category models
 */
export interface ServiceProvider {
  readonly entityId: string
  readonly acsUrl: string
}

/**
 * The service provider of a tenant (see {@link ServiceProvider}).
 *
 * @since 0.2.0
 * @category rendering
 */
export const serviceProvider = (ctx: Pick<Ctx, "p" | "baseUrl">, t: TenantRecord): ServiceProvider => ({
  entityId: `${ctx.p.projectId}-${t.id}`,
  acsUrl: `${ctx.baseUrl}${SamlWire.acsPath}?projectId=${encodeURIComponent(ctx.p.projectId)}&tenantId=${
    encodeURIComponent(t.id)
  }`
})

/**
 * The user mapping of the legacy settings of a tenant that configured none (Descope's defaults).
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_USER_MAPPING: Readonly<Record<string, string>> = {
  name: "name",
  email: "email",
  username: "",
  phoneNumber: "phone",
  group: "groups"
}

/**
 * A configuration as the v2 loads answer it. An OIDC client secret is never
 * answered (`""`, as Descope does).
 *
 * @since 0.2.0
 * @category rendering
 */
export const toSsoSettings = (
  t: TenantRecord,
  c: SsoConfig | undefined,
  sp: ServiceProvider
): Settings.SsoSettings => {
  const o = c?.oidc
  return {
    tenant: toTenant(t),
    ssoId: c?.ssoId,
    saml: {
      idpEntityId: c?.saml.idpEntityId ?? "",
      idpSSOUrl: c?.saml.idpUrl ?? "",
      idpCertificate: c?.saml.idpCert ?? "",
      idpAdditionalCertificates: [...(c?.saml.idpAdditionalCerts ?? [])],
      idpMetadataUrl: c?.saml.idpMetadataUrl ?? "",
      spEntityId: nonEmpty(c?.saml.spEntityId) ?? sp.entityId,
      spACSUrl: nonEmpty(c?.saml.spAcsUrl) ?? sp.acsUrl,
      spCertificate: "",
      attributeMapping: { ...(c?.attributeMapping ?? {}) },
      groupsMapping: (c?.roleMappings ?? []).map((m) => ({
        roleId: m.roleName,
        roleName: m.roleName,
        groups: [...m.groups]
      })),
      defaultSSORoles: [...(c?.defaultSSORoles ?? [])],
      ...groupAnswers(c),
      ...(c?.fgaTenantIdResourcePrefix !== undefined
        ? { configFGATenantIDResourcePrefix: c.fgaTenantIdResourcePrefix }
        : {}),
      ...(c?.fgaTenantIdResourceSuffix !== undefined
        ? { configFGATenantIDResourceSuffix: c.fgaTenantIdResourceSuffix }
        : {}),
      redirectUrl: c?.redirectUrl ?? ""
    },
    oidc: {
      name: o?.name ?? "",
      clientId: o?.clientId ?? "",
      clientSecret: Redacted.make(""),
      redirectUrl: o?.redirectUrl ?? "",
      authUrl: o?.authUrl ?? "",
      tokenUrl: o?.tokenUrl ?? "",
      userDataUrl: o?.userDataUrl ?? "",
      scope: [...(o?.scope ?? [])],
      JWKsUrl: o?.jwksUrl ?? "",
      attributeMapping: { ...(o?.attributeMapping ?? {}) },
      manageProviderTokens: o?.manageProviderTokens ?? false,
      callbackDomain: o?.callbackDomain ?? "",
      prompt: [...(o?.prompt ?? [])],
      grantType: o?.grantType ?? "authorization_code",
      issuer: o?.issuer ?? "",
      ...groupAnswers(c)
    }
  }
}

/**
 * A configuration's cross-app access (XAA) settings as loaded: its shared mapping with each role resolved to
 * the project's or the tenant's role of that name (the name itself when there is none), and the project's
 * issuer as the `audience` of ID-JAG tokens. A configuration without XAA settings answers `enabled: false`.
 *
 * @since 0.2.0
 * @category rendering
 */
export const toXaaSettings = (
  ctx: Pick<Ctx, "env" | "p">,
  t: TenantRecord,
  c: SsoConfig | undefined,
  ssoId: string | undefined
): Xaa.XaaSettings => {
  const roleId = (name: string) =>
    ctx.p.roles.find((r) => r.name === name && (r.tenantId === undefined || r.tenantId === t.id))?.id ?? name
  const x = c?.xaa
  return {
    ssoId: c?.ssoId ?? nonEmpty(ssoId),
    enabled: x?.enabled ?? false,
    ...(x?.settings !== undefined ? { settings: structuredClone(x.settings) } : {}),
    groupsMapping: (c?.roleMappings ?? []).map((m) => ({
      roleId: roleId(m.roleName),
      roleName: m.roleName,
      groups: [...m.groups]
    })),
    defaultSSORoles: [...(c?.defaultSSORoles ?? [])],
    ...groupAnswers(c),
    groupPriorityEnabled: x?.groupPriorityEnabled ?? false,
    allowOverrideRoles: x?.allowOverrideRoles ?? false,
    ...(x?.providerId !== undefined ? { providerID: x.providerId } : {}),
    audience: issuer(ctx.env, ctx.p.projectId)
  }
}

/**
 * A configuration in the legacy shape (`GET /v1/mgmt/sso/settings`).
 *
 * @since 0.2.0
 * @category rendering
 */
export const toLegacySsoSettings = (
  t: TenantRecord,
  c: SsoConfig | undefined,
  sp: ServiceProvider
): Settings.LegacySsoSettings => ({
  tenantId: t.id,
  idpEntityId: c?.saml.idpEntityId ?? "",
  idpSSOUrl: c?.saml.idpUrl ?? "",
  idpCertificate: c?.saml.idpCert ?? "",
  idpMetadataUrl: c?.saml.idpMetadataUrl ?? "",
  spEntityId: nonEmpty(c?.saml.spEntityId) ?? sp.entityId,
  spACSUrl: nonEmpty(c?.saml.spAcsUrl) ?? sp.acsUrl,
  spCertificate: "",
  userMapping: {
    ...DEFAULT_USER_MAPPING,
    ...Object.fromEntries(
      Object.entries(c?.attributeMapping ?? {}).filter((e): e is [string, string] => typeof e[1] === "string")
    )
  },
  groupsMapping: (c?.roleMappings ?? []).map((m) => ({
    role: { id: m.roleName, name: m.roleName },
    groups: [...m.groups]
  })),
  redirectUrl: c?.redirectUrl ?? "",
  domains: [...t.domains],
  domain: t.domains[0] ?? ""
})

/**
 * The SSO settings routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(
    Wire.loadSettings,
    (ctx, q) =>
      Effect.map(
        tenantOf(ctx, q.tenantId),
        (t) => toSsoSettings(t, configOf(t, q.ssoId, false), serviceProvider(ctx, t))
      )
  ),
  H.endpoint(
    Wire.loadAllSettings,
    (ctx, q) =>
      Effect.map(tenantOf(ctx, q.tenantId), (t) => ({
        SSOSettings: [...t.sso.values()].map((c) => toSsoSettings(t, c, serviceProvider(ctx, t)))
      }))
  ),
  H.endpoint(
    Wire.getSettings,
    (ctx, q) =>
      Effect.map(
        tenantOf(ctx, q.tenantId),
        (t) => toLegacySsoSettings(t, configOf(t, undefined, false), serviceProvider(ctx, t))
      )
  ),
  H.endpoint(Wire.newSettings, (ctx, b) =>
    Effect.gen(function*() {
      const t = yield* tenantOf(ctx, b.tenantId)
      const ssoId = nonEmpty(b.ssoId) ?? newId("SSO", 16)
      if (t.sso.has(ssoId)) return yield* fail(409, Codes.InvalidRequest, "SSO configuration exists", ssoId)
      return toSsoSettings(t, configOf(t, ssoId, true, b.displayName), serviceProvider(ctx, t))
    })),
  H.endpoint(Wire.deleteSettings, (ctx, q) =>
    Effect.map(tenantOf(ctx, q.tenantId), (t) => {
      if (q.ssoId !== undefined) t.sso.delete(q.ssoId)
      else t.sso.clear()
      if (t.sso.size === 0) t.authType = "none"
      return {}
    })),
  H.endpoint(Wire.configureOidcSettings, (ctx, b) =>
    Effect.map(configFor(ctx, b), ({ c, t }) => {
      c.oidc = b.settings
      t.authType = "oidc"
      applyMappings(c, b.settings, false)
      applyCommon(t, c, { ...b, redirectUrl: b.settings.redirectUrl })
      return {}
    })),
  H.endpoint(Wire.configureSamlSettings, (ctx, b) =>
    Effect.map(configFor(ctx, b), ({ c, t }) => {
      const s = b.settings
      configureSaml(t, c, {
        idpUrl: s.idpUrl,
        idpEntityId: s.idpEntityId,
        idpCert: s.idpCert,
        idpAdditionalCerts: s.idpAdditionalCerts,
        spEntityId: s.spEntityId,
        spAcsUrl: s.spAcsUrl
      })
      applyMappings(c, s, false)
      applyCommon(t, c, b)
      return {}
    })),
  H.endpoint(Wire.configureSamlSettingsByMetadata, (ctx, b) =>
    Effect.map(configFor(ctx, b), ({ c, t }) => {
      const s = b.settings
      configureSaml(t, c, {
        idpMetadataUrl: s.idpMetadataUrl,
        idpEntityId: s.idpEntityId,
        spEntityId: s.spEntityId,
        spAcsUrl: s.spAcsUrl
      })
      applyMappings(c, s, false)
      applyCommon(t, c, b)
      return {}
    })),
  H.endpoint(Wire.configure, (ctx, b) =>
    Effect.map(configFor(ctx, b), ({ c, t }) => {
      configureSaml(t, c, { idpUrl: b.idpUrl, idpEntityId: b.entityId, idpCert: b.idpCert })
      applyCommon(t, c, b)
      return {}
    })),
  H.endpoint(Wire.configureViaMetadata, (ctx, b) =>
    Effect.map(configFor(ctx, b), ({ c, t }) => {
      configureSaml(t, c, { idpMetadataUrl: b.idpMetadataUrl })
      applyCommon(t, c, b)
      return {}
    })),
  H.endpoint(Wire.mapping, (ctx, b) =>
    Effect.map(configFor(ctx, b), ({ c }) => {
      applyMappings(c, b, true)
      return {}
    })),
  H.endpoint(Wire.configureSsoRedirectUrl, (ctx, b) =>
    Effect.map(configFor(ctx, b), ({ c }) => {
      const url = b.samlRedirectUrl ?? b.oauthRedirectUrl
      if (url !== undefined) c.redirectUrl = url
      return {}
    })),
  H.endpoint(Wire.recalculateSsoMappings, (ctx, b) => Effect.as(tenantOf(ctx, b.tenantId), {})),
  H.endpoint(Wire.configureXaaSettings, (ctx, b) =>
    Effect.map(configFor(ctx, b), ({ c }) => {
      c.xaa = {
        enabled: b.enabled ?? false,
        settings: b.settings !== undefined ? structuredClone(b.settings) : undefined,
        groupPriorityEnabled: b.groupPriorityEnabled ?? false,
        allowOverrideRoles: b.allowOverrideRoles ?? false,
        providerId: nonEmpty(b.providerId)
      }
      applyMappings(c, b, false)
      return {}
    })),
  H.endpoint(
    Wire.loadXaaSettings,
    (ctx, q) =>
      Effect.map(tenantOf(ctx, q.tenantId), (t) => toXaaSettings(ctx, t, configOf(t, q.ssoId, false), q.ssoId))
  ),
  H.endpoint(
    Wire.loadAllXaaSettings,
    (ctx, q) =>
      Effect.map(tenantOf(ctx, q.tenantId), (t) => ({
        XAASettings: [...t.sso.values()].filter((c) => c.xaa !== undefined).map((c) =>
          toXaaSettings(ctx, t, c, c.ssoId)
        )
      }))
  ),
  H.endpoint(Wire.deleteXaaSettings, (ctx, q) =>
    Effect.map(tenantOf(ctx, q.tenantId), (t) => {
      const c = configOf(t, q.ssoId, false)
      if (c !== undefined) c.xaa = undefined
      return {}
    }))
]
