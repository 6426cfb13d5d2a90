/**
 * The emulator's tenant endpoints (`src/wire/mgmt/Tenant.ts`): create (with a
 * given or generated id), update, delete (with `cascade`, the users that
 * belong to the tenant only go with it), load, search, default roles, session
 * settings (both inactivity spellings) and the SSO configuration links.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Wire from "../../wire/mgmt/Tenant.js"
import type { TenantRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId, newSecret } from "../Ids.js"
import { inSet, removeUser, tenantOf } from "../ManagementSupport.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"

/**
 * A tenant record as the wire's tenant.
 *
 * @since 0.2.0
 * @category rendering
 */
export const toTenant = (t: TenantRecord): Wire.Tenant => ({
  id: t.id,
  name: t.name,
  selfProvisioningDomains: [...t.selfProvisioningDomains],
  customAttributes: { ...t.customAttributes },
  domains: [...t.domains],
  authType: t.authType,
  enforceSSO: t.enforceSSO,
  enforceSSOExclusions: [...t.enforceSSOExclusions],
  federatedAppIds: [...t.federatedAppIds],
  disabled: t.disabled,
  defaultRoles: [...t.defaultRoles],
  createdTime: t.createdTime,
  ...(t.parent !== undefined ? { parent: t.parent } : {}),
  ...(t.roleInheritance !== undefined ? { roleInheritance: t.roleInheritance } : {})
})

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

/** Applies the given fields of a create or update body. */
const apply = (t: TenantRecord, b: typeof Wire.TenantUpdate.Type): void => {
  if (b.name !== undefined) t.name = b.name
  if (b.selfProvisioningDomains !== undefined) t.selfProvisioningDomains = [...b.selfProvisioningDomains]
  if (b.customAttributes !== undefined) t.customAttributes = { ...b.customAttributes }
  if (b.enforceSso !== undefined) t.enforceSSO = b.enforceSso
  if (b.disabled !== undefined) t.disabled = b.disabled
  if (b.enforceSsoExclusions !== undefined) t.enforceSSOExclusions = [...b.enforceSsoExclusions]
  if (b.federatedAppIds !== undefined) t.federatedAppIds = [...b.federatedAppIds]
  if (b.parent !== undefined) t.parent = b.parent
  if (b.roleInheritance !== undefined) t.roleInheritance = b.roleInheritance
}

const create = (ctx: Ctx, b: typeof Wire.TenantInput.Type): Effect.Effect<{ id: string }, WireError> =>
  Effect.gen(function*() {
    if (b.name === "") return yield* W.missing("name")
    const id = nonEmpty(b.id) ?? newId("T")
    if (ctx.p.tenants.has(id)) {
      return yield* fail(409, Codes.InvalidRequest, "Tenant already exists", `tenant ${id} exists`)
    }
    if ([...ctx.p.tenants.values()].some((t) => t.name === b.name)) {
      return yield* fail(409, Codes.InvalidRequest, "Tenant already exists", `a tenant named ${b.name} exists`)
    }
    const t: TenantRecord = {
      id,
      name: b.name,
      selfProvisioningDomains: [],
      customAttributes: {},
      domains: [],
      authType: "none",
      enforceSSO: false,
      enforceSSOExclusions: [],
      federatedAppIds: [],
      disabled: false,
      defaultRoles: [],
      createdTime: Math.floor(ctx.now / 1000),
      settings: {},
      sso: new Map(),
      groups: []
    }
    apply(t, { ...b, id })
    ctx.p.tenants.set(id, t)
    return { id }
  })

const remove = (ctx: Ctx, id: string, cascade: boolean): void => {
  if (cascade) {
    // users that belong to this tenant only go with it
    for (const u of [...ctx.p.users.values()]) {
      if (u.userTenants.length > 0 && u.userTenants.every((t) => t.tenantId === id)) removeUser(ctx.p, u)
    }
  }
  ctx.p.tenants.delete(id)
  ctx.p.roles = ctx.p.roles.filter((r) => r.tenantId !== id)
  for (const u of ctx.p.users.values()) u.userTenants = u.userTenants.filter((t) => t.tenantId !== id)
}

const search = (ctx: Ctx, b: typeof Wire.searchAll.request.Type): ReadonlyArray<TenantRecord> => {
  const domains = b.selfProvisioningDomains
  const attrs = b.customAttributes
  const parent = nonEmpty(b.parentTenantId)
  return [...ctx.p.tenants.values()].filter((t) =>
    inSet(b.ids, t.id) && inSet(b.names, t.name) &&
    (domains === undefined || domains.length === 0 || domains.some((d) => t.selfProvisioningDomains.includes(d))) &&
    (attrs === undefined ||
      Object.entries(attrs).every(([k, v]) => JSON.stringify(t.customAttributes[k]) === JSON.stringify(v))) &&
    (parent === undefined || t.parent === parent)
  )
}

/** The session settings of a tenant: Descope's defaults, overridden by what was configured. */
const settingsOf = (t: TenantRecord): Wire.TenantSettings => {
  const s = t.settings as Partial<Omit<Wire.TenantSettings, "selfProvisioningDomains" | "domains" | "authType">>
  return {
    selfProvisioningDomains: [...t.selfProvisioningDomains],
    domains: [...t.domains],
    authType: t.authType,
    sessionSettingsEnabled: s.sessionSettingsEnabled ?? false,
    sessionTokenExpiration: s.sessionTokenExpiration ?? 10,
    sessionTokenExpirationUnit: s.sessionTokenExpirationUnit ?? "minutes",
    refreshTokenExpiration: s.refreshTokenExpiration ?? 4,
    refreshTokenExpirationUnit: s.refreshTokenExpirationUnit ?? "weeks",
    stepupTokenExpiration: s.stepupTokenExpiration ?? 10,
    stepupTokenExpirationUnit: s.stepupTokenExpirationUnit ?? "minutes",
    enableInactivity: s.enableInactivity ?? false,
    inactivityTime: s.inactivityTime ?? 12,
    inactivityTimeUnit: s.inactivityTimeUnit ?? "hours",
    jitDisabled: s.jitDisabled ?? false,
    ssoSetupSuiteSettings: s.ssoSetupSuiteSettings
  }
}

const updateSettings = (ctx: Ctx, b: typeof Wire.TenantSettingsUpdate.Type): Effect.Effect<{}, WireError> =>
  Effect.map(tenantOf(ctx, b.id), (t) => {
    const { id: _id, selfProvisioningDomains, domains, authType, ...rest } = b
    if (domains !== undefined) t.domains = [...domains]
    if (selfProvisioningDomains !== undefined) t.selfProvisioningDomains = [...selfProvisioningDomains]
    if (authType === "none" || authType === "saml" || authType === "oidc") t.authType = authType
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) t.settings[k] = v
    return {}
  })

/**
 * The tenant routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, create),
  H.endpoint(Wire.update, (ctx, b) =>
    Effect.map(tenantOf(ctx, b.id), (t) => {
      apply(t, b)
      return {}
    })),
  H.endpoint(Wire.delete, (ctx, b) =>
    b.id === "" ? W.missing("id") : Effect.sync(() => {
      remove(ctx, b.id, b.cascade === true)
      return {}
    })),
  H.endpoint(Wire.load, (ctx, q) => Effect.map(tenantOf(ctx, q.id), toTenant)),
  H.endpoint(Wire.loadAll, (ctx) => Effect.succeed({ tenants: [...ctx.p.tenants.values()].map(toTenant) })),
  H.endpoint(Wire.searchAll, (ctx, b) => Effect.succeed({ tenants: search(ctx, b).map(toTenant) })),
  H.endpoint(Wire.updateDefaultRoles, (ctx, b) =>
    Effect.map(tenantOf(ctx, b.tenantId), (t) => {
      t.defaultRoles = [...(b.roleNames ?? [])]
      return {}
    })),
  H.endpoint(Wire.loadSettings, (ctx, q) => Effect.map(tenantOf(ctx, q.id), settingsOf)),
  H.endpoint(Wire.updateSettings, updateSettings),
  H.endpoint(Wire.generateSsoConfigurationLink, (ctx, b) =>
    Effect.map(tenantOf(ctx, b.tenantId), (t) => ({
      adminSSOConfigurationLink: Redacted.make(`${ctx.baseUrl}/emulator/sso-setup?tenant=${t.id}&t=${newSecret(16)}`)
    }))),
  H.endpoint(Wire.revokeSsoConfigurationLink, (ctx, b) => Effect.as(tenantOf(ctx, b.tenantId), {}))
]
