/**
 * `client.mgmt.sso`: per-tenant SSO settings (§10.4, §11.7, §11.8), on the
 * wire catalogue (`src/wire/mgmt/Sso.ts`).
 *
 * `configure`, `configureViaMetadata` and `mapping` call the v1 endpoints of
 * the original SDKs (note their `idpURL` / `redirectURL` capitalisation); the
 * newer `configureSamlSettings`, `configureSamlSettingsByMetadata`,
 * `configureOidcSettings`, `loadSettings` / `loadAllSettings` (v2),
 * `newSettings`, `configureSsoRedirectUrl`, `recalculateSsoMappings` and
 * `deleteSettings` use the newer endpoints; those taking an `ssoId` address one
 * of a tenant's several SSO configurations. `configureXaaSettings`,
 * `loadXaaSettings`, `loadAllXaaSettings` and `deleteXaaSettings` manage a
 * configuration's cross-app access (XAA, ID-JAG) trust settings (python-sdk's
 * and go-sdk's operations).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, redacted, type Secret } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Sso.js"
import * as Settings from "../wire/mgmt/SsoSettings.js"
import type * as Xaa from "../wire/mgmt/SsoXaaSettings.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * Maps IdP groups to a Descope role: `{groups, roleName}` on the wire.
 *
 * @since 0.1.0
 * @category models
 */
export type RoleMapping = Settings.RoleMapping

/**
 * Maps Descope user attributes to IdP (SAML) attributes.
 *
 * @since 0.1.0
 * @category models
 */
export type AttributeMapping = Settings.AttributeMapping

/**
 * Maps Descope user attributes to OIDC claims (wire `userAttrMapping`).
 *
 * @since 0.1.0
 * @category models
 */
export type OidcAttributeMapping = Settings.OidcAttributeMapping

/**
 * Manual SAML settings.
 *
 * @since 0.1.0
 * @category models
 */
export type SamlSettings = Settings.SamlSettings

/**
 * SAML settings read from the IdP's metadata URL.
 *
 * @since 0.1.0
 * @category models
 */
export type SamlSettingsByMetadata = Settings.SamlSettingsByMetadata

/**
 * OIDC settings; the client secret may be given as a plain string or `Redacted`.
 *
 * @since 0.1.0
 * @category models
 */
export type OidcSettings = Omit<Settings.OidcSettings, "clientSecret"> & {
  readonly clientSecret?: Secret | undefined
}

/**
 * The SSO settings of a tenant (v2 load), with node-sdk's renames applied:
 * OIDC `userAttrMapping` becomes `attributeMapping`, and a SAML group mapping's
 * `role.id` / `role.name` become `roleId` / `roleName`.
 *
 * @since 0.1.0
 * @category models
 */
export type SsoSettings = Settings.SsoSettings

/**
 * The SSO settings of a tenant.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SsoSettings = Settings.SsoSettings

/**
 * The legacy SSO settings of `getSettings` (`GET /v1/mgmt/sso/settings`), as Descope sends them.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LegacySsoSettings = Settings.LegacySsoSettings

/**
 * @since 0.1.0
 * @category models
 */
export type LegacySsoSettings = Settings.LegacySsoSettings

/**
 * One configuration's cross-app access (XAA, ID-JAG) settings, as written: XAA on or off, its trusted issuers
 * and jwt-bearer grant configuration (`settings`), and the configuration's shared group and role mapping
 * (roles by name; shared by SAML, OIDC, SCIM and XAA for its `ssoId`).
 *
 * @since 0.2.0
 * @category models
 */
export type XaaSettingsInput = Omit<Xaa.XaaSettingsInput, "tenantId" | "ssoId">

/**
 * One configuration's cross-app access (XAA) settings, as loaded: roles resolved in `groupsMapping`, and the
 * project's read-only `audience` for ID-JAG tokens.
 *
 * @since 0.2.0
 * @category models
 */
export type XaaSettings = Xaa.XaaSettings

/**
 * The trusted issuers and jwt-bearer grant configuration of {@link XaaSettingsInput}.
 *
 * @since 0.2.0
 * @category models
 */
export type XaaJwtBearerSettings = Xaa.XaaJwtBearerSettings

/**
 * One trusted issuer of {@link XaaJwtBearerSettings}.
 *
 * @since 0.2.0
 * @category models
 */
export type XaaIssuerSettings = Xaa.XaaIssuerSettings

/**
 * One SSO configuration of a tenant: the tenant id and, when the tenant has
 * several configurations, the `ssoId`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SsoTarget {
  readonly tenantId: string
  readonly ssoId?: string | undefined
}

/**
 * `client.mgmt.sso`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SsoApi {
  /**
   * Configures SAML manually (v1 `POST /v1/mgmt/sso/settings`). `domain` (of the
   * original SDK) and `domains` both feed the wire's `domains` list.
   */
  readonly configure: (options: {
    readonly tenantId: string
    readonly idpUrl: string
    readonly entityId: string
    readonly idpCert: string
    readonly redirectUrl?: string | undefined
    readonly domain?: string | undefined
    readonly domains?: ReadonlyArray<string> | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Configures SAML from an IdP metadata URL (v1 `POST /v1/mgmt/sso/metadata`). */
  readonly configureViaMetadata: (options: {
    readonly tenantId: string
    readonly idpMetadataUrl: string
    readonly redirectUrl?: string | undefined
    readonly domain?: string | undefined
    readonly domains?: ReadonlyArray<string> | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Configures role and attribute mapping (v1 `POST /v1/mgmt/sso/mapping`). */
  readonly mapping: (options: {
    readonly tenantId: string
    readonly roleMappings?: ReadonlyArray<RoleMapping> | undefined
    readonly attributeMapping?: AttributeMapping | undefined
    readonly defaultSsoRoles?: ReadonlyArray<string> | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Configures SAML (`POST /v1/mgmt/sso/saml`). */
  readonly configureSamlSettings: (options: {
    readonly tenantId: string
    readonly settings: SamlSettings
    readonly redirectUrl?: string | undefined
    readonly domains?: ReadonlyArray<string> | undefined
    readonly ssoId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Configures SAML from metadata (`POST /v1/mgmt/sso/saml/metadata`). */
  readonly configureSamlSettingsByMetadata: (options: {
    readonly tenantId: string
    readonly settings: SamlSettingsByMetadata
    readonly redirectUrl?: string | undefined
    readonly domains?: ReadonlyArray<string> | undefined
    readonly ssoId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Configures OIDC (`POST /v1/mgmt/sso/oidc`). */
  readonly configureOidcSettings: (options: {
    readonly tenantId: string
    readonly settings: OidcSettings
    readonly domains?: ReadonlyArray<string> | undefined
    readonly ssoId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /**
   * Loads a tenant's SSO settings (`GET /v2/mgmt/sso/settings`): the tenant id
   * alone, or `{ tenantId, ssoId }` for one of several configurations (node-sdk).
   */
  readonly loadSettings: (tenant: string | SsoTarget) => Effect.Effect<SsoSettings, ManagementError>
  /**
   * Deletes a tenant's SSO settings (`DELETE /v1/mgmt/sso/settings`): all of
   * them for a tenant id alone, or one configuration with `{ tenantId, ssoId }`
   * (node-sdk; python-sdk never sends `ssoId`).
   */
  readonly deleteSettings: (tenant: string | SsoTarget) => Effect.Effect<void, ManagementError>
  /**
   * The legacy SSO settings of a tenant (`GET /v1/mgmt/sso/settings`).
   *
   * @deprecated Use `loadSettings`.
   */
  readonly getSettings: (tenantId: string) => Effect.Effect<LegacySsoSettings, ManagementError>
  /**
   * Every SSO configuration of a tenant (`GET /v2/mgmt/sso/settings/all`, answer
   * `{SSOSettings: [...]}`), each with node-sdk's renames applied.
   */
  readonly loadAllSettings: (tenantId: string) => Effect.Effect<ReadonlyArray<SsoSettings>, ManagementError>
  /**
   * Adds a new, empty SSO configuration to a tenant (`POST /v1/mgmt/sso/settings/new`);
   * Descope picks the `ssoId` when it is omitted.
   */
  readonly newSettings: (options: {
    readonly tenantId: string
    readonly ssoId?: string | undefined
    readonly displayName: string
  }) => Effect.Effect<SsoSettings, ManagementError>
  /**
   * Sets the redirect URLs used after SAML and OAuth/OIDC authentication
   * (`POST /v1/mgmt/sso/redirect`); an omitted URL is not sent (node-sdk
   * `configureSSORedirectURL`).
   */
  readonly configureSsoRedirectUrl: (options: {
    readonly tenantId: string
    readonly samlRedirectUrl?: string | undefined
    readonly oauthRedirectUrl?: string | undefined
    readonly ssoId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /**
   * Recalculates the roles of the tenant's SSO users from the current group
   * mappings (`POST /v1/mgmt/sso/recalculate-mappings`).
   */
  readonly recalculateSsoMappings: (options: {
    readonly tenantId: string
    readonly ssoId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /**
   * Configures the cross-app access (XAA, ID-JAG) settings of one of a tenant's SSO configurations
   * (`POST /v1/mgmt/sso/xaa/settings`; the first configuration without `ssoId`). The mapping fields are the
   * configuration's, shared with its SAML, OIDC and SCIM settings (python-sdk `configure_xaa_settings`,
   * go-sdk `ConfigureXAASettings`).
   */
  readonly configureXaaSettings: (options: {
    readonly tenantId: string
    readonly settings: XaaSettingsInput
    readonly ssoId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /** The XAA settings of one of a tenant's SSO configurations (`GET /v1/mgmt/sso/xaa/settings`). */
  readonly loadXaaSettings: (tenant: string | SsoTarget) => Effect.Effect<XaaSettings, ManagementError>
  /**
   * The XAA settings of every SSO configuration of a tenant (`GET /v1/mgmt/sso/xaa/settings/all`, answer
   * `{ XAASettings: [...] }`).
   */
  readonly loadAllXaaSettings: (tenantId: string) => Effect.Effect<ReadonlyArray<XaaSettings>, ManagementError>
  /**
   * Deletes the XAA settings of one of a tenant's SSO configurations (`DELETE /v1/mgmt/sso/xaa/settings`);
   * its SAML / OIDC settings and shared mapping stay.
   */
  readonly deleteXaaSettings: (tenant: string | SsoTarget) => Effect.Effect<void, ManagementError>
}

/** A configuration: `ssoId` only when given and not empty (as node-sdk). */
const targetOf = (tenant: string | SsoTarget): { readonly tenantId: string; readonly ssoId?: string } => {
  const t = typeof tenant === "string" ? { tenantId: tenant } : tenant
  return t.ssoId !== undefined && t.ssoId !== "" ? { tenantId: t.tenantId, ssoId: t.ssoId } : { tenantId: t.tenantId }
}

const nonEmptySsoId = (ssoId: string | undefined): string | undefined => (ssoId === "" ? undefined : ssoId)

const domainsOf = (o: { readonly domain?: string | undefined; readonly domains?: ReadonlyArray<string> | undefined }) =>
  o.domains ?? (o.domain !== undefined && o.domain !== "" ? [o.domain] : undefined)

/**
 * Builds `client.mgmt.sso`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): SsoApi => {
  const forTenant = <A>(tenantId: string, call: Effect.Effect<A, ManagementError>) =>
    checked([nonEmpty("tenantId", tenantId)], call)
  return {
    configure: ({ domain, ...o }) =>
      forTenant(
        o.tenantId,
        Effect.asVoid(mgmt.call(Wire.configure, { request: { ...o, domains: domainsOf({ ...o, domain }) } }))
      ),
    configureViaMetadata: ({ domain, ...o }) =>
      forTenant(
        o.tenantId,
        Effect.asVoid(mgmt.call(Wire.configureViaMetadata, { request: { ...o, domains: domainsOf({ ...o, domain }) } }))
      ),
    mapping: (o) => forTenant(o.tenantId, Effect.asVoid(mgmt.call(Wire.mapping, { request: o }))),
    configureSamlSettings: (o) =>
      forTenant(o.tenantId, Effect.asVoid(mgmt.call(Wire.configureSamlSettings, { request: o }))),
    configureSamlSettingsByMetadata: (o) =>
      forTenant(o.tenantId, Effect.asVoid(mgmt.call(Wire.configureSamlSettingsByMetadata, { request: o }))),
    configureOidcSettings: (o) => {
      const { clientSecret, ...settings } = o.settings
      return forTenant(
        o.tenantId,
        Effect.asVoid(mgmt.call(Wire.configureOidcSettings, {
          request: {
            ...o,
            settings: { ...settings, clientSecret: clientSecret === undefined ? undefined : redacted(clientSecret) }
          }
        }))
      )
    },
    loadSettings: (tenant) => {
      const t = targetOf(tenant)
      return forTenant(t.tenantId, mgmt.call(Wire.loadSettings, { request: t }))
    },
    deleteSettings: (tenant) => {
      const t = targetOf(tenant)
      return forTenant(t.tenantId, Effect.asVoid(mgmt.call(Wire.deleteSettings, { request: t })))
    },
    getSettings: (tenantId) => forTenant(tenantId, mgmt.call(Wire.getSettings, { request: { tenantId } })),
    loadAllSettings: (tenantId) =>
      forTenant(
        tenantId,
        Effect.map(mgmt.call(Wire.loadAllSettings, { request: { tenantId } }), (r) => r.SSOSettings ?? [])
      ),
    newSettings: (o) =>
      checked(
        [nonEmpty("tenantId", o.tenantId), nonEmpty("displayName", o.displayName)],
        mgmt.call(Wire.newSettings, { request: { ...o, ssoId: nonEmptySsoId(o.ssoId) } })
      ),
    configureSsoRedirectUrl: (o) =>
      forTenant(
        o.tenantId,
        Effect.asVoid(mgmt.call(Wire.configureSsoRedirectUrl, { request: { ...o, ssoId: nonEmptySsoId(o.ssoId) } }))
      ),
    recalculateSsoMappings: (o) =>
      forTenant(
        o.tenantId,
        Effect.asVoid(mgmt.call(Wire.recalculateSsoMappings, { request: { ...o, ssoId: nonEmptySsoId(o.ssoId) } }))
      ),
    configureXaaSettings: (o) =>
      forTenant(
        o.tenantId,
        Effect.asVoid(mgmt.call(Wire.configureXaaSettings, {
          request: { ...o.settings, tenantId: o.tenantId, ssoId: nonEmptySsoId(o.ssoId) }
        }))
      ),
    loadXaaSettings: (tenant) => {
      const t = targetOf(tenant)
      return forTenant(t.tenantId, mgmt.call(Wire.loadXaaSettings, { request: t }))
    },
    loadAllXaaSettings: (tenantId) =>
      forTenant(
        tenantId,
        Effect.map(mgmt.call(Wire.loadAllXaaSettings, { request: { tenantId } }), (r) => r.XAASettings ?? [])
      ),
    deleteXaaSettings: (tenant) => {
      const t = targetOf(tenant)
      return forTenant(t.tenantId, Effect.asVoid(mgmt.call(Wire.deleteXaaSettings, { request: t })))
    }
  }
}
