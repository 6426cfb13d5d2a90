/**
 * Tenants: `/v1/mgmt/tenant/*` (CRUD, search, default roles, session
 * settings) and the tenant-admin SSO configuration links
 * (`/v2/mgmt/tenant/adminlinks/sso/generate`, `/v1/.../revoke`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, Num, opt, optional, renamed, Secret, Strings } from "../Fields.js"

/**
 * A tenant, as Descope answers it (not wrapped by `load`; `{ tenants }` otherwise).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Tenant = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    selfProvisioningDomains: opt(Strings),
    createdTime: opt(Schema.Number),
    customAttributes: opt(JsonObject),
    domains: opt(Strings),
    authType: opt(Schema.String),
    enforceSSO: opt(Schema.Boolean),
    enforceSSOExclusions: opt(Strings),
    federatedAppIds: opt(Strings),
    disabled: opt(Schema.Boolean),
    defaultRoles: opt(Strings),
    parent: opt(Schema.String),
    roleInheritance: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Tenant = typeof Tenant.Type

/**
 * `{ tenants }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Tenants = lazy(() => Schema.Struct({ tenants: opt(Schema.Array(Tenant)) }))

/**
 * The SSO setup suite settings of a tenant.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SsoSetupSuiteSettings = lazy(() =>
  Schema.Struct({
    enabled: opt(Schema.Boolean),
    styleId: opt(Schema.String),
    disabledFeatures: opt(Schema.Record({ key: Schema.String, value: Schema.Boolean }))
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SsoSetupSuiteSettings = typeof SsoSetupSuiteSettings.Type

const tenantFields = {
  selfProvisioningDomains: optional(Strings),
  customAttributes: optional(JsonObject),
  /** Sign-in to the tenant only through its SSO. */
  enforceSso: renamed("enforceSSO", Bool),
  /** Login ids exempt from `enforceSso` (python-sdk). */
  enforceSsoExclusions: renamed("enforceSSOExclusions", Strings),
  /** Federated application ids (python-sdk). */
  federatedAppIds: optional(Strings),
  disabled: optional(Bool),
  parent: optional(Schema.String),
  roleInheritance: optional(Schema.String)
}

/**
 * A new tenant (node-sdk's `create` / `createWithId`; Descope picks the id when none is given).
 *
 * @since 0.2.0
 * @category schemas
 */
export const TenantInput = lazy(() =>
  Schema.Struct({ id: optional(Schema.String), name: Schema.String, ...tenantFields })
)

/**
 * A tenant update: the given fields replace the tenant's.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TenantUpdate = lazy(() =>
  Schema.Struct({ id: Schema.String, name: optional(Schema.String), ...tenantFields })
)

const settingsFields = {
  selfProvisioningDomains: opt(Strings),
  domains: opt(Strings),
  authType: opt(Schema.String),
  refreshTokenExpiration: opt(Num),
  refreshTokenExpirationUnit: opt(Schema.String),
  sessionTokenExpiration: opt(Num),
  sessionTokenExpirationUnit: opt(Schema.String),
  stepupTokenExpiration: opt(Num),
  stepupTokenExpirationUnit: opt(Schema.String),
  enableInactivity: opt(Bool),
  ssoSetupSuiteSettings: opt(SsoSetupSuiteSettings)
}

/**
 * The session settings on the wire: the inactivity fields in node-sdk's
 * spelling (`InactivityTime`, `InactivityTimeUnit`) and python-sdk's
 * (`inactivityTime`, `inactivityTimeUnit`).
 */
const SettingsWire = lazy(() =>
  Schema.Struct({
    ...settingsFields,
    enabled: opt(Bool),
    InactivityTime: opt(Num),
    InactivityTimeUnit: opt(Schema.String),
    inactivityTime: opt(Num),
    inactivityTimeUnit: opt(Schema.String),
    JITDisabled: opt(Bool)
  })
)

const u = <S extends Schema.Schema.Any>(s: S) => Schema.UndefinedOr(s)

type SettingsOnWire = typeof SettingsWire.Type

/** The settings' own fields, read from the wire (either inactivity spelling), shared by a read and an update. */
const settingsFromWire = (r: SettingsOnWire) => ({
  authType: r.authType ?? undefined,
  sessionSettingsEnabled: r.enabled ?? undefined,
  refreshTokenExpiration: r.refreshTokenExpiration ?? undefined,
  refreshTokenExpirationUnit: r.refreshTokenExpirationUnit ?? undefined,
  sessionTokenExpiration: r.sessionTokenExpiration ?? undefined,
  sessionTokenExpirationUnit: r.sessionTokenExpirationUnit ?? undefined,
  stepupTokenExpiration: r.stepupTokenExpiration ?? undefined,
  stepupTokenExpirationUnit: r.stepupTokenExpirationUnit ?? undefined,
  enableInactivity: r.enableInactivity ?? undefined,
  inactivityTime: r.InactivityTime ?? r.inactivityTime ?? undefined,
  inactivityTimeUnit: r.InactivityTimeUnit ?? r.inactivityTimeUnit ?? undefined,
  jitDisabled: r.JITDisabled ?? undefined,
  ssoSetupSuiteSettings: r.ssoSetupSuiteSettings ?? undefined
})

/** The settings' own fields on the wire, in node-sdk's inactivity spelling. */
const settingsToWire = (s: Partial<ReturnType<typeof settingsFromWire>>) => ({
  authType: s.authType,
  enabled: s.sessionSettingsEnabled,
  refreshTokenExpiration: s.refreshTokenExpiration,
  refreshTokenExpirationUnit: s.refreshTokenExpirationUnit,
  sessionTokenExpiration: s.sessionTokenExpiration,
  sessionTokenExpirationUnit: s.sessionTokenExpirationUnit,
  stepupTokenExpiration: s.stepupTokenExpiration,
  stepupTokenExpirationUnit: s.stepupTokenExpirationUnit,
  enableInactivity: s.enableInactivity,
  InactivityTime: s.inactivityTime,
  InactivityTimeUnit: s.inactivityTimeUnit,
  JITDisabled: s.jitDisabled,
  ssoSetupSuiteSettings: s.ssoSetupSuiteSettings
})

/**
 * A tenant's session settings, read from either inactivity spelling (answered in both).
 *
 * @since 0.2.0
 * @category schemas
 */
export const TenantSettings = lazy(() =>
  Schema.transform(
    SettingsWire,
    Schema.Struct({
      selfProvisioningDomains: Strings,
      domains: Strings,
      authType: u(Schema.String),
      sessionSettingsEnabled: u(Schema.Boolean),
      refreshTokenExpiration: u(Schema.Number),
      refreshTokenExpirationUnit: u(Schema.String),
      sessionTokenExpiration: u(Schema.Number),
      sessionTokenExpirationUnit: u(Schema.String),
      stepupTokenExpiration: u(Schema.Number),
      stepupTokenExpirationUnit: u(Schema.String),
      enableInactivity: u(Schema.Boolean),
      inactivityTime: u(Schema.Number),
      inactivityTimeUnit: u(Schema.String),
      jitDisabled: u(Schema.Boolean),
      ssoSetupSuiteSettings: u(SsoSetupSuiteSettings)
    }),
    {
      strict: true,
      decode: (r) => ({
        selfProvisioningDomains: r.selfProvisioningDomains ?? [],
        domains: r.domains ?? [],
        ...settingsFromWire(r)
      }),
      // answered in both inactivity spellings
      encode: (s) => ({
        selfProvisioningDomains: s.selfProvisioningDomains,
        domains: s.domains,
        ...settingsToWire(s),
        inactivityTime: s.inactivityTime,
        inactivityTimeUnit: s.inactivityTimeUnit
      })
    }
  )
)

/**
 * @since 0.2.0
 * @category models
 */
export type TenantSettings = typeof TenantSettings.Type

const o = <S extends Schema.Schema.Any>(s: S) => optional(s)

/**
 * A settings update: sent with node-sdk's inactivity spelling (`InactivityTime`,
 * `InactivityTimeUnit`); python-sdk's (`inactivityTime`, `inactivityTimeUnit`) is
 * also read.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TenantSettingsUpdate = lazy(() =>
  Schema.transform(
    Schema.Struct({ tenantId: Schema.String, ...SettingsWire.fields }),
    Schema.Struct({
      id: Schema.String,
      selfProvisioningDomains: o(Strings),
      domains: o(Strings),
      authType: o(Schema.String),
      sessionSettingsEnabled: o(Schema.Boolean),
      refreshTokenExpiration: o(Schema.Number),
      refreshTokenExpirationUnit: o(Schema.String),
      sessionTokenExpiration: o(Schema.Number),
      sessionTokenExpirationUnit: o(Schema.String),
      stepupTokenExpiration: o(Schema.Number),
      stepupTokenExpirationUnit: o(Schema.String),
      enableInactivity: o(Schema.Boolean),
      inactivityTime: o(Schema.Number),
      inactivityTimeUnit: o(Schema.String),
      jitDisabled: o(Schema.Boolean),
      ssoSetupSuiteSettings: o(SsoSetupSuiteSettings)
    }),
    {
      strict: true,
      decode: (r) => ({
        id: r.tenantId,
        selfProvisioningDomains: r.selfProvisioningDomains ?? undefined,
        domains: r.domains ?? undefined,
        ...settingsFromWire(r)
      }),
      encode: (s) => ({
        tenantId: s.id,
        selfProvisioningDomains: s.selfProvisioningDomains,
        domains: s.domains,
        ...settingsToWire(s)
      })
    }
  )
)

/**
 * `POST /v1/mgmt/tenant/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.post("mgmt.tenant.create", "/v1/mgmt/tenant/create", {
  credential: "management",
  request: TenantInput,
  response: lazy(() => Schema.Struct({ id: Schema.String })),
  description: "Creates a tenant; answers its id"
})

/**
 * `POST /v1/mgmt/tenant/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("mgmt.tenant.update", "/v1/mgmt/tenant/update", {
  credential: "management",
  request: TenantUpdate,
  response: Endpoint.Empty,
  description: "Updates a tenant"
})

const del = Endpoint.post("mgmt.tenant.delete", "/v1/mgmt/tenant/delete", {
  credential: "management",
  request: lazy(() => Schema.Struct({ id: Schema.String, cascade: optional(Bool) })),
  response: Endpoint.Empty,
  description: "Deletes a tenant (with `cascade`, also the users that belong to it only)"
})

/**
 * `GET /v1/mgmt/tenant?id=` (the tenant, not wrapped).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.get("mgmt.tenant.load", "/v1/mgmt/tenant", {
  credential: "management",
  request: lazy(() => Schema.Struct({ id: Schema.String })),
  response: Tenant,
  description: "Loads a tenant"
})

/**
 * `GET /v1/mgmt/tenant/all`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAll = Endpoint.get("mgmt.tenant.loadAll", "/v1/mgmt/tenant/all", {
  credential: "management",
  response: Tenants,
  description: "Loads every tenant"
})

/**
 * `POST /v1/mgmt/tenant/search`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const searchAll = Endpoint.post("mgmt.tenant.searchAll", "/v1/mgmt/tenant/search", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      ids: renamed("tenantIds", Strings),
      names: renamed("tenantNames", Strings),
      selfProvisioningDomains: renamed("tenantSelfProvisioningDomains", Strings),
      customAttributes: optional(JsonObject),
      /** node-sdk */
      parentTenantId: optional(Schema.String)
    })
  ),
  response: Tenants,
  description: "Searches tenants"
})

/**
 * `GET /v1/mgmt/tenant/settings?id=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadSettings = Endpoint.get("mgmt.tenant.loadSettings", "/v1/mgmt/tenant/settings", {
  credential: "management",
  request: lazy(() => Schema.Struct({ id: Schema.String })),
  response: TenantSettings,
  description: "Loads a tenant's session settings"
})

/**
 * `POST /v1/mgmt/tenant/settings`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateSettings = Endpoint.post("mgmt.tenant.updateSettings", "/v1/mgmt/tenant/settings", {
  credential: "management",
  request: TenantSettingsUpdate,
  response: Endpoint.Empty,
  description: "Updates a tenant's session settings"
})

/**
 * `POST /v1/mgmt/tenant/updateDefaultRoles` (`{ id, defaultRoles }`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateDefaultRoles = Endpoint.post(
  "mgmt.tenant.updateDefaultRoles",
  "/v1/mgmt/tenant/updateDefaultRoles",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        tenantId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("id")),
        roleNames: renamed("defaultRoles", Strings)
      })
    ),
    response: Endpoint.Empty,
    description: "Sets the project roles new users of the tenant get"
  }
)

/**
 * `POST /v2/mgmt/tenant/adminlinks/sso/generate`: the link grants access on its own (a `Secret`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const generateSsoConfigurationLink = Endpoint.post(
  "mgmt.tenant.generateSsoConfigurationLink",
  "/v2/mgmt/tenant/adminlinks/sso/generate",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        tenantId: Schema.String,
        expireTime: optional(Num),
        ssoId: optional(Schema.String),
        email: optional(Schema.String),
        templateId: optional(Schema.String),
        actorId: optional(Schema.String)
      })
    ),
    response: lazy(() => Schema.Struct({ adminSSOConfigurationLink: Secret })),
    description: "A tenant-admin self-service link to configure the tenant's SSO"
  }
)

/**
 * `POST /v1/mgmt/tenant/adminlinks/sso/revoke`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const revokeSsoConfigurationLink = Endpoint.post(
  "mgmt.tenant.revokeSsoConfigurationLink",
  "/v1/mgmt/tenant/adminlinks/sso/revoke",
  {
    credential: "management",
    request: lazy(() => Schema.Struct({ tenantId: Schema.String, ssoId: optional(Schema.String) })),
    response: Endpoint.Empty,
    description: "Revokes the tenant's SSO configuration links"
  }
)

export {
  /**
   * `POST /v1/mgmt/tenant/delete`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
