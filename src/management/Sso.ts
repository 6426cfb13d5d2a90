/**
 * `client.mgmt.sso`: per-tenant SSO settings (§10.4, §11.7, §11.8).
 *
 * `configure`, `configureViaMetadata` and `mapping` call the v1 endpoints of
 * the original SDKs (note their `idpURL` / `redirectURL` capitalisation); the
 * newer `configureSamlSettings`, `configureSamlSettingsByMetadata`,
 * `configureOidcSettings`, `loadSettings` / `loadAllSettings` (v2),
 * `newSettings`, `configureSsoRedirectUrl`, `recalculateSsoMappings` and
 * `deleteSettings` use the newer endpoints; those taking an `ssoId` address one
 * of a tenant's several SSO configurations.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { checked, type ManagementError, type ManagementHttp, nonEmpty, opt, revealOptional, type Secret, Void } from "./ManagementHttp.js"
import { Tenant } from "./Tenant.js"

/**
 * Maps IdP groups to a Descope role: `{groups, roleName}` on the wire.
 *
 * @since 0.1.0
 * @category models
 */
export interface RoleMapping {
  readonly groups: ReadonlyArray<string>
  readonly roleName: string
}

/**
 * Maps Descope user attributes to IdP (SAML) attributes.
 *
 * @since 0.1.0
 * @category models
 */
export interface AttributeMapping {
  readonly name?: string | undefined
  readonly email?: string | undefined
  readonly username?: string | undefined
  readonly phoneNumber?: string | undefined
  readonly givenName?: string | undefined
  readonly middleName?: string | undefined
  readonly familyName?: string | undefined
  readonly picture?: string | undefined
  readonly verifiedEmail?: string | undefined
  readonly verifiedPhone?: string | undefined
  readonly group?: string | undefined
  readonly customAttributes?: Readonly<Record<string, string>> | undefined
}

/**
 * Maps Descope user attributes to OIDC claims (wire `userAttrMapping`).
 *
 * @since 0.1.0
 * @category models
 */
export interface OidcAttributeMapping {
  readonly loginId?: string | undefined
  readonly name?: string | undefined
  readonly givenName?: string | undefined
  readonly middleName?: string | undefined
  readonly familyName?: string | undefined
  readonly email?: string | undefined
  readonly verifiedEmail?: string | undefined
  readonly username?: string | undefined
  readonly phoneNumber?: string | undefined
  readonly verifiedPhone?: string | undefined
  readonly picture?: string | undefined
  readonly group?: string | undefined
  readonly customAttributes?: Readonly<Record<string, string>> | undefined
}

/**
 * Manual SAML settings.
 *
 * @since 0.1.0
 * @category models
 */
export interface SamlSettings {
  readonly idpUrl: string
  /** The IdP entity id (wire `entityId`). */
  readonly idpEntityId: string
  readonly idpCert: string
  readonly attributeMapping?: AttributeMapping | undefined
  readonly roleMappings?: ReadonlyArray<RoleMapping> | undefined
  readonly defaultSsoRoles?: ReadonlyArray<string> | undefined
  readonly idpAdditionalCerts?: ReadonlyArray<string> | undefined
  /** Only for SSO migrations. */
  readonly spAcsUrl?: string | undefined
  /** Only for SSO migrations. */
  readonly spEntityId?: string | undefined
}

/**
 * SAML settings read from the IdP's metadata URL.
 *
 * @since 0.1.0
 * @category models
 */
export interface SamlSettingsByMetadata {
  readonly idpMetadataUrl: string
  /** The IdP entity id (wire `entityId`), for IdP-initiated logins. */
  readonly idpEntityId?: string | undefined
  readonly attributeMapping?: AttributeMapping | undefined
  readonly roleMappings?: ReadonlyArray<RoleMapping> | undefined
  readonly defaultSsoRoles?: ReadonlyArray<string> | undefined
  readonly spAcsUrl?: string | undefined
  readonly spEntityId?: string | undefined
}

/**
 * OIDC settings.
 *
 * @since 0.1.0
 * @category models
 */
export interface OidcSettings {
  readonly name: string
  readonly clientId: string
  readonly clientSecret?: Secret | undefined
  readonly redirectUrl?: string | undefined
  readonly authUrl?: string | undefined
  readonly tokenUrl?: string | undefined
  readonly userDataUrl?: string | undefined
  readonly scope?: ReadonlyArray<string> | undefined
  /** Wire `JWKsUrl`. */
  readonly jwksUrl?: string | undefined
  readonly attributeMapping?: OidcAttributeMapping | undefined
  readonly manageProviderTokens?: boolean | undefined
  readonly callbackDomain?: string | undefined
  readonly prompt?: ReadonlyArray<string> | undefined
  readonly grantType?: "authorization_code" | "implicit" | undefined
  readonly issuer?: string | undefined
}

const GroupsMapping = Schema.Struct({
  role: opt(Schema.Struct({ id: opt(Schema.String), name: opt(Schema.String) })),
  groups: opt(Schema.Array(Schema.String))
})

const StringMap = Schema.Record({ key: Schema.String, value: Schema.Unknown })

const SamlResponse = Schema.Struct({
  idpEntityId: opt(Schema.String),
  idpSSOUrl: opt(Schema.String),
  idpCertificate: opt(Schema.String),
  idpAdditionalCertificates: opt(Schema.Array(Schema.String)),
  idpMetadataUrl: opt(Schema.String),
  spEntityId: opt(Schema.String),
  spACSUrl: opt(Schema.String),
  spCertificate: opt(Schema.String),
  attributeMapping: opt(StringMap),
  groupsMapping: opt(Schema.Array(GroupsMapping)),
  defaultSSORoles: opt(Schema.Array(Schema.String)),
  redirectUrl: opt(Schema.String)
})

const OidcResponse = Schema.Struct({
  name: opt(Schema.String),
  clientId: opt(Schema.String),
  clientSecret: opt(Schema.Redacted(Schema.String)),
  redirectUrl: opt(Schema.String),
  authUrl: opt(Schema.String),
  tokenUrl: opt(Schema.String),
  userDataUrl: opt(Schema.String),
  scope: opt(Schema.Array(Schema.String)),
  JWKsUrl: opt(Schema.String),
  userAttrMapping: opt(StringMap),
  manageProviderTokens: opt(Schema.Boolean),
  callbackDomain: opt(Schema.String),
  prompt: opt(Schema.Array(Schema.String)),
  grantType: opt(Schema.String),
  issuer: opt(Schema.String)
})

const SsoSettingsResponse = Schema.Struct({
  tenant: opt(Tenant),
  saml: opt(SamlResponse),
  oidc: opt(OidcResponse),
  ssoId: opt(Schema.String)
})

/**
 * The SSO settings of a tenant (v2 load), with node-sdk's renames applied:
 * OIDC `userAttrMapping` becomes `attributeMapping`, and a SAML group mapping's
 * `role.name` becomes `roleName`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SsoSettings {
  readonly tenant: Tenant | undefined
  readonly ssoId: string | undefined
  readonly saml:
    | (Omit<typeof SamlResponse.Type, "groupsMapping"> & {
      readonly groupsMapping: ReadonlyArray<
        { readonly roleId: string | undefined; readonly roleName: string | undefined; readonly groups: ReadonlyArray<string> }
      >
    })
    | undefined
  readonly oidc:
    | (Omit<typeof OidcResponse.Type, "userAttrMapping"> & {
      readonly attributeMapping: Readonly<Record<string, unknown>> | undefined
    })
    | undefined
}

const toSsoSettings = (r: typeof SsoSettingsResponse.Type): SsoSettings => {
  let saml: SsoSettings["saml"] = undefined
  if (r.saml !== undefined && r.saml !== null) {
    const { groupsMapping, ...rest } = r.saml
    saml = {
      ...rest,
      groupsMapping: (groupsMapping ?? []).map((g) => ({
        roleId: g.role?.id ?? undefined,
        roleName: g.role?.name ?? undefined,
        groups: g.groups ?? []
      }))
    }
  }
  let oidc: SsoSettings["oidc"] = undefined
  if (r.oidc !== undefined && r.oidc !== null) {
    const { userAttrMapping, ...rest } = r.oidc
    oidc = { ...rest, attributeMapping: userAttrMapping ?? undefined }
  }
  return { tenant: r.tenant ?? undefined, ssoId: r.ssoId ?? undefined, saml, oidc }
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
}

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

const targetOf = (tenant: string | SsoTarget): SsoTarget => (typeof tenant === "string" ? { tenantId: tenant } : tenant)

/** The query of a configuration: `ssoId` only when given and not empty (as node-sdk). */
const targetQuery = (t: SsoTarget): Record<string, string> =>
  t.ssoId !== undefined && t.ssoId !== "" ? { tenantId: t.tenantId, ssoId: t.ssoId } : { tenantId: t.tenantId }

const nonEmptySsoId = (ssoId: string | undefined): string | undefined => (ssoId === "" ? undefined : ssoId)

/**
 * The legacy SSO settings of `getSettings` (`GET /v1/mgmt/sso/settings`), as Descope sends them.
 *
 * @since 0.1.0
 * @category schemas
 */
export const LegacySsoSettings = Schema.Struct({
  tenantId: opt(Schema.String),
  idpEntityId: opt(Schema.String),
  idpSSOUrl: opt(Schema.String),
  idpCertificate: opt(Schema.String),
  idpMetadataUrl: opt(Schema.String),
  spEntityId: opt(Schema.String),
  spACSUrl: opt(Schema.String),
  spCertificate: opt(Schema.String),
  userMapping: opt(Schema.Record({ key: Schema.String, value: Schema.String })),
  groupsMapping: opt(Schema.Array(GroupsMapping)),
  redirectUrl: opt(Schema.String),
  domains: opt(Schema.Array(Schema.String)),
  domain: opt(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type LegacySsoSettings = typeof LegacySsoSettings.Type

const AllSettingsResponse = Schema.Struct({ SSOSettings: opt(Schema.Array(SsoSettingsResponse)) })

const roleMappingsToWire = (mappings: ReadonlyArray<RoleMapping> | undefined) =>
  mappings?.map((m) => ({ groups: m.groups, roleName: m.roleName }))

const domainsOf = (o: { readonly domain?: string | undefined; readonly domains?: ReadonlyArray<string> | undefined }) =>
  o.domains ?? (o.domain !== undefined && o.domain !== "" ? [o.domain] : undefined)

/**
 * Builds `client.mgmt.sso`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): SsoApi => {
  const post = (operation: string, path: string, body: unknown, tenantId: string) =>
    checked(
      [nonEmpty("tenantId", tenantId)],
      Effect.asVoid(mgmt.callSpec({ method: "POST", path, body, operation: `mgmt.sso.${operation}`, schema: Void }))
    )
  return {
    configure: (o) =>
      post("configure", "/v1/mgmt/sso/settings", {
        tenantId: o.tenantId,
        idpURL: o.idpUrl,
        entityId: o.entityId,
        idpCert: o.idpCert,
        redirectURL: o.redirectUrl,
        domains: domainsOf(o)
      }, o.tenantId),
    configureViaMetadata: (o) =>
      post("configureViaMetadata", "/v1/mgmt/sso/metadata", {
        tenantId: o.tenantId,
        idpMetadataURL: o.idpMetadataUrl,
        redirectURL: o.redirectUrl,
        domains: domainsOf(o)
      }, o.tenantId),
    mapping: (o) =>
      post("mapping", "/v1/mgmt/sso/mapping", {
        tenantId: o.tenantId,
        roleMappings: roleMappingsToWire(o.roleMappings),
        attributeMapping: o.attributeMapping,
        defaultSSORoles: o.defaultSsoRoles
      }, o.tenantId),
    configureSamlSettings: (o) =>
      post("configureSamlSettings", "/v1/mgmt/sso/saml", {
        tenantId: o.tenantId,
        settings: {
          idpUrl: o.settings.idpUrl,
          entityId: o.settings.idpEntityId,
          idpCert: o.settings.idpCert,
          idpAdditionalCerts: o.settings.idpAdditionalCerts,
          roleMappings: roleMappingsToWire(o.settings.roleMappings),
          attributeMapping: o.settings.attributeMapping,
          defaultSSORoles: o.settings.defaultSsoRoles,
          spACSUrl: o.settings.spAcsUrl,
          spEntityId: o.settings.spEntityId
        },
        redirectUrl: o.redirectUrl,
        domains: o.domains,
        ssoId: o.ssoId
      }, o.tenantId),
    configureSamlSettingsByMetadata: (o) =>
      post("configureSamlSettingsByMetadata", "/v1/mgmt/sso/saml/metadata", {
        tenantId: o.tenantId,
        settings: {
          idpMetadataUrl: o.settings.idpMetadataUrl,
          entityId: o.settings.idpEntityId,
          roleMappings: roleMappingsToWire(o.settings.roleMappings),
          attributeMapping: o.settings.attributeMapping,
          defaultSSORoles: o.settings.defaultSsoRoles,
          spACSUrl: o.settings.spAcsUrl,
          spEntityId: o.settings.spEntityId
        },
        redirectUrl: o.redirectUrl,
        domains: o.domains,
        ssoId: o.ssoId
      }, o.tenantId),
    configureOidcSettings: (o) =>
      post("configureOidcSettings", "/v1/mgmt/sso/oidc", {
        tenantId: o.tenantId,
        settings: {
          name: o.settings.name,
          clientId: o.settings.clientId,
          clientSecret: revealOptional(o.settings.clientSecret),
          redirectUrl: o.settings.redirectUrl,
          authUrl: o.settings.authUrl,
          tokenUrl: o.settings.tokenUrl,
          userDataUrl: o.settings.userDataUrl,
          scope: o.settings.scope,
          JWKsUrl: o.settings.jwksUrl,
          userAttrMapping: o.settings.attributeMapping,
          manageProviderTokens: o.settings.manageProviderTokens,
          callbackDomain: o.settings.callbackDomain,
          prompt: o.settings.prompt,
          grantType: o.settings.grantType,
          issuer: o.settings.issuer
        },
        domains: o.domains,
        ssoId: o.ssoId
      }, o.tenantId),
    loadSettings: (tenant) => {
      const t = targetOf(tenant)
      return checked(
        [nonEmpty("tenantId", t.tenantId)],
        Effect.map(
          mgmt.callSpec({
            method: "GET",
            path: "/v2/mgmt/sso/settings",
            query: targetQuery(t),
            operation: "mgmt.sso.loadSettings",
            schema: SsoSettingsResponse
          }),
          toSsoSettings
        )
      )
    },
    deleteSettings: (tenant) => {
      const t = targetOf(tenant)
      return checked(
        [nonEmpty("tenantId", t.tenantId)],
        Effect.asVoid(mgmt.callSpec({
          method: "DELETE",
          path: "/v1/mgmt/sso/settings",
          query: targetQuery(t),
          operation: "mgmt.sso.deleteSettings",
          schema: Void
        }))
      )
    },
    getSettings: (tenantId) =>
      checked(
        [nonEmpty("tenantId", tenantId)],
        mgmt.callSpec({
          method: "GET",
          path: "/v1/mgmt/sso/settings",
          query: { tenantId },
          operation: "mgmt.sso.getSettings",
          schema: LegacySsoSettings
        })
      ),
    loadAllSettings: (tenantId) =>
      checked(
        [nonEmpty("tenantId", tenantId)],
        Effect.map(
          mgmt.callSpec({
            method: "GET",
            path: "/v2/mgmt/sso/settings/all",
            query: { tenantId },
            operation: "mgmt.sso.loadAllSettings",
            schema: AllSettingsResponse
          }),
          (r) => (r.SSOSettings ?? []).map(toSsoSettings)
        )
      ),
    newSettings: (o) =>
      checked(
        [nonEmpty("tenantId", o.tenantId), nonEmpty("displayName", o.displayName)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/sso/settings/new",
            body: { tenantId: o.tenantId, ssoId: nonEmptySsoId(o.ssoId), displayName: o.displayName },
            operation: "mgmt.sso.newSettings",
            schema: SsoSettingsResponse
          }),
          toSsoSettings
        )
      ),
    configureSsoRedirectUrl: (o) =>
      post("configureSsoRedirectUrl", "/v1/mgmt/sso/redirect", {
        tenantId: o.tenantId,
        samlRedirectUrl: o.samlRedirectUrl,
        oauthRedirectUrl: o.oauthRedirectUrl,
        ssoId: nonEmptySsoId(o.ssoId)
      }, o.tenantId),
    recalculateSsoMappings: (o) =>
      post("recalculateSsoMappings", "/v1/mgmt/sso/recalculate-mappings", {
        tenantId: o.tenantId,
        ssoId: nonEmptySsoId(o.ssoId)
      }, o.tenantId)
  }
}
