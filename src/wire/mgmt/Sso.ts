/**
 * SSO settings of a tenant: `/v1/mgmt/sso/*` and `/v2/mgmt/sso/settings*`.
 * The v1 endpoints of the original SDKs (`/sso/settings`, `/sso/metadata`,
 * `/sso/mapping`) spell `idpURL` / `redirectURL` / `idpMetadataURL`; the newer
 * ones `idpUrl` / `redirectUrl` / `idpMetadataUrl`. Those taking an `ssoId`
 * address one of a tenant's several configurations. The shapes are in
 * `SsoSettings.ts`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { opt, optional, renamed, Strings } from "../Fields.js"
import {
  AttributeMapping,
  LegacySsoSettings,
  OidcSettings,
  RoleMapping,
  SamlSettings,
  SamlSettingsByMetadata,
  SsoSettings
} from "./SsoSettings.js"
import { XaaSettings, XaaSettingsInput } from "./SsoXaaSettings.js"

const Target = lazy(() => Schema.Struct({ tenantId: Schema.String, ssoId: optional(Schema.String) }))

const domains = {
  domains: optional(Strings),
  /** The single domain of older SDKs (read by the emulator; the client sends `domains`). */
  domain: optional(Schema.String)
}

/**
 * `POST /v1/mgmt/sso/settings` (deprecated): manual SAML, `idpURL` / `redirectURL` on the wire.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const configure = Endpoint.post("mgmt.sso.configure", "/v1/mgmt/sso/settings", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      tenantId: Schema.String,
      idpUrl: renamed("idpURL", Schema.String),
      entityId: optional(Schema.String),
      idpCert: optional(Schema.String),
      redirectUrl: renamed("redirectURL", Schema.String),
      ...domains
    })
  ),
  response: Endpoint.Empty,
  description: "Configures SAML manually (deprecated)"
})

/**
 * `POST /v1/mgmt/sso/metadata` (deprecated): SAML from the IdP's metadata URL.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const configureViaMetadata = Endpoint.post("mgmt.sso.configureViaMetadata", "/v1/mgmt/sso/metadata", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      tenantId: Schema.String,
      idpMetadataUrl: renamed("idpMetadataURL", Schema.String),
      redirectUrl: renamed("redirectURL", Schema.String),
      ...domains
    })
  ),
  response: Endpoint.Empty,
  description: "Configures SAML from an IdP metadata URL (deprecated)"
})

/**
 * `POST /v1/mgmt/sso/mapping` (deprecated): role and attribute mappings.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const mapping = Endpoint.post("mgmt.sso.mapping", "/v1/mgmt/sso/mapping", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      tenantId: Schema.String,
      roleMappings: optional(Schema.Array(RoleMapping)),
      attributeMapping: optional(AttributeMapping),
      defaultSsoRoles: renamed("defaultSSORoles", Strings),
      ssoId: optional(Schema.String)
    })
  ),
  response: Endpoint.Empty,
  description: "Configures the SSO role and attribute mappings (deprecated)"
})

const configureFields = {
  tenantId: Schema.String,
  redirectUrl: optional(Schema.String),
  domains: optional(Strings),
  /** node-sdk */
  ssoId: optional(Schema.String)
}

/**
 * `POST /v1/mgmt/sso/saml`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const configureSamlSettings = Endpoint.post("mgmt.sso.configureSamlSettings", "/v1/mgmt/sso/saml", {
  credential: "management",
  request: lazy(() => Schema.Struct({ ...configureFields, settings: SamlSettings })),
  response: Endpoint.Empty,
  description: "Configures SAML"
})

/**
 * `POST /v1/mgmt/sso/saml/metadata`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const configureSamlSettingsByMetadata = Endpoint.post(
  "mgmt.sso.configureSamlSettingsByMetadata",
  "/v1/mgmt/sso/saml/metadata",
  {
    credential: "management",
    request: lazy(() => Schema.Struct({ ...configureFields, settings: SamlSettingsByMetadata })),
    response: Endpoint.Empty,
    description: "Configures SAML from the IdP's metadata"
  }
)

/**
 * `POST /v1/mgmt/sso/oidc`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const configureOidcSettings = Endpoint.post("mgmt.sso.configureOidcSettings", "/v1/mgmt/sso/oidc", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      tenantId: Schema.String,
      settings: OidcSettings,
      domains: optional(Strings),
      ssoId: optional(Schema.String)
    })
  ),
  response: Endpoint.Empty,
  description: "Configures OIDC"
})

/**
 * `GET /v2/mgmt/sso/settings?tenantId=[&ssoId=]`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadSettings = Endpoint.get("mgmt.sso.loadSettings", "/v2/mgmt/sso/settings", {
  credential: "management",
  request: Target,
  response: SsoSettings,
  description: "Loads a tenant's SSO settings (one configuration with ssoId)"
})

/**
 * `GET /v2/mgmt/sso/settings/all?tenantId=` (`{ SSOSettings }`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAllSettings = Endpoint.get("mgmt.sso.loadAllSettings", "/v2/mgmt/sso/settings/all", {
  credential: "management",
  request: lazy(() => Schema.Struct({ tenantId: Schema.String })),
  response: lazy(() => Schema.Struct({ SSOSettings: opt(Schema.Array(SsoSettings)) })),
  description: "Loads every SSO configuration of a tenant"
})

/**
 * `DELETE /v1/mgmt/sso/settings?tenantId=[&ssoId=]`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteSettings = Endpoint.del("mgmt.sso.deleteSettings", "/v1/mgmt/sso/settings", {
  credential: "management",
  request: Target,
  response: Endpoint.Empty,
  description: "Deletes a tenant's SSO settings (one configuration with ssoId)"
})

/**
 * `GET /v1/mgmt/sso/settings?tenantId=` (deprecated, the legacy shape).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getSettings = Endpoint.get("mgmt.sso.getSettings", "/v1/mgmt/sso/settings", {
  credential: "management",
  request: lazy(() => Schema.Struct({ tenantId: Schema.String })),
  response: LegacySsoSettings,
  description: "Loads a tenant's SSO settings in the legacy shape (deprecated)"
})

/**
 * `POST /v1/mgmt/sso/settings/new`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const newSettings = Endpoint.post("mgmt.sso.newSettings", "/v1/mgmt/sso/settings/new", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      tenantId: Schema.String,
      ssoId: optional(Schema.String),
      displayName: Schema.String
    })
  ),
  response: SsoSettings,
  description: "Adds an empty SSO configuration to a tenant"
})

/**
 * `POST /v1/mgmt/sso/redirect`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const configureSsoRedirectUrl = Endpoint.post("mgmt.sso.configureSsoRedirectUrl", "/v1/mgmt/sso/redirect", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      tenantId: Schema.String,
      samlRedirectUrl: optional(Schema.String),
      oauthRedirectUrl: optional(Schema.String),
      ssoId: optional(Schema.String)
    })
  ),
  response: Endpoint.Empty,
  description: "Sets the redirect URLs after SAML and OAuth/OIDC authentication"
})

/**
 * `POST /v1/mgmt/sso/recalculate-mappings`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const recalculateSsoMappings = Endpoint.post(
  "mgmt.sso.recalculateSsoMappings",
  "/v1/mgmt/sso/recalculate-mappings",
  {
    credential: "management",
    request: Target,
    response: Endpoint.Empty,
    description: "Recalculates the roles of the tenant's SSO users from the group mappings"
  }
)

/**
 * `POST /v1/mgmt/sso/xaa/settings`: one configuration's cross-app access (XAA, ID-JAG) settings (python-sdk
 * `configure_xaa_settings`, go-sdk `ConfigureXAASettings`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const configureXaaSettings = Endpoint.post("mgmt.sso.configureXaaSettings", "/v1/mgmt/sso/xaa/settings", {
  credential: "management",
  request: XaaSettingsInput,
  response: Endpoint.Empty,
  description: "Configures the cross-app access (XAA) settings of a tenant's SSO configuration"
})

/**
 * `GET /v1/mgmt/sso/xaa/settings?tenantId=[&ssoId=]`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadXaaSettings = Endpoint.get("mgmt.sso.loadXaaSettings", "/v1/mgmt/sso/xaa/settings", {
  credential: "management",
  request: Target,
  response: XaaSettings,
  description: "Loads the cross-app access (XAA) settings of a tenant's SSO configuration"
})

/**
 * `GET /v1/mgmt/sso/xaa/settings/all?tenantId=` (`{ XAASettings }`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAllXaaSettings = Endpoint.get("mgmt.sso.loadAllXaaSettings", "/v1/mgmt/sso/xaa/settings/all", {
  credential: "management",
  request: lazy(() => Schema.Struct({ tenantId: Schema.String })),
  response: lazy(() => Schema.Struct({ XAASettings: opt(Schema.Array(XaaSettings)) })),
  description: "Loads the cross-app access (XAA) settings of every SSO configuration of a tenant"
})

/**
 * `DELETE /v1/mgmt/sso/xaa/settings?tenantId=[&ssoId=]`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteXaaSettings = Endpoint.del("mgmt.sso.deleteXaaSettings", "/v1/mgmt/sso/xaa/settings", {
  credential: "management",
  request: Target,
  response: Endpoint.Empty,
  description: "Deletes the cross-app access (XAA) settings of a tenant's SSO configuration"
})
