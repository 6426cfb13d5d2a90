/**
 * The shapes of a tenant's SSO settings (`src/wire/mgmt/Sso.ts`): what is
 * sent to configure SAML and OIDC (role and attribute mappings included), and
 * what the loads answer, with node-sdk's renames applied when read (a group
 * mapping's `role.id` / `role.name` become `roleId` / `roleName`, OIDC
 * `userAttrMapping` becomes `attributeMapping`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import { Bool, JsonObject, opt, optional, renamed, Secret, Strings } from "../Fields.js"
import { Tenant } from "./Tenant.js"

const str = optional(Schema.String)

/**
 * Maps IdP groups to a Descope role: `{ groups, roleName }` (`role` is also read).
 *
 * @since 0.2.0
 * @category schemas
 */
export const RoleMapping = lazy(() =>
  Schema.transform(
    Schema.Struct({ groups: optional(Strings), roleName: str, role: str }),
    Schema.Struct({ groups: Strings, roleName: Schema.String }),
    {
      strict: true,
      decode: (m) => ({ groups: m.groups ?? [], roleName: m.roleName ?? m.role ?? "" }),
      encode: (m) => ({ groups: m.groups, roleName: m.roleName })
    }
  )
)

/**
 * @since 0.2.0
 * @category models
 */
export type RoleMapping = typeof RoleMapping.Type

const StringMap = lazy(() => Schema.Record({ key: Schema.String, value: Schema.String }))

/**
 * Maps Descope user attributes to IdP (SAML) attributes.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AttributeMapping = lazy(() =>
  Schema.Struct({
    name: str,
    email: str,
    username: str,
    phoneNumber: str,
    givenName: str,
    middleName: str,
    familyName: str,
    picture: str,
    verifiedEmail: str,
    verifiedPhone: str,
    group: str,
    customAttributes: optional(StringMap)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type AttributeMapping = typeof AttributeMapping.Type

/**
 * Maps Descope user attributes to OIDC claims (wire `userAttrMapping`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const OidcAttributeMapping = lazy(() => Schema.Struct({ loginId: str, ...AttributeMapping.fields }))

/**
 * @since 0.2.0
 * @category models
 */
export type OidcAttributeMapping = typeof OidcAttributeMapping.Type

/**
 * One FGA relation an IdP group grants its members (go-sdk's `FGAGroupMappingRelation`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const FgaGroupMappingRelation = lazy(() =>
  Schema.Struct({
    resource: optional(Schema.String),
    relationDefinition: optional(Schema.String),
    namespace: optional(Schema.String)
  })
)

/**
 * The FGA relations of an IdP group (`{ relations }`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const FgaGroupMapping = lazy(() => Schema.Struct({ relations: optional(Schema.Array(FgaGroupMappingRelation)) }))

/**
 * @since 0.2.0
 * @category models
 */
export type FgaGroupMapping = typeof FgaGroupMapping.Type

/**
 * IdP group name to the FGA relations its members get (wire `fgaMappings`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const FgaMappings = lazy(() => Schema.Record({ key: Schema.String, value: FgaGroupMapping }))

/**
 * @since 0.2.0
 * @category models
 */
export type FgaMappings = typeof FgaMappings.Type

/** The group priority and FGA mapping fields of SAML and OIDC settings (python-sdk, go-sdk). */
const groupFields = {
  /** IdP group names, highest priority first. */
  groupsPriority: optional(Strings),
  fgaMappings: optional(FgaMappings)
}

/**
 * The role and group mapping fields an SSO configuration's SAML, OIDC and XAA settings share (roles by name;
 * wire `defaultSSORoles`), for the schemas of a write.
 *
 * @since 0.2.0
 * @category schemas
 */
export const roleMappingFields = {
  roleMappings: optional(lazy(() => Schema.Array(RoleMapping))),
  defaultSsoRoles: renamed("defaultSSORoles", Strings),
  ...groupFields
}

const mappings = {
  attributeMapping: optional(AttributeMapping),
  ...roleMappingFields,
  /** A prefix of the tenant id in the FGA resources of `fgaMappings` (wire `configFGATenantIDResourcePrefix`). */
  configFgaTenantIdResourcePrefix: renamed("configFGATenantIDResourcePrefix", Schema.String),
  /** A suffix of the tenant id in the FGA resources of `fgaMappings` (wire `configFGATenantIDResourceSuffix`). */
  configFgaTenantIdResourceSuffix: renamed("configFGATenantIDResourceSuffix", Schema.String),
  /** Only for SSO migrations. */
  spAcsUrl: renamed("spACSUrl", Schema.String),
  /** Only for SSO migrations. */
  spEntityId: str
}

/**
 * Manual SAML settings (`settings` of `POST /v1/mgmt/sso/saml`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SamlSettings = lazy(() =>
  Schema.Struct({
    idpUrl: Schema.String,
    /** The IdP entity id (wire `entityId`). */
    idpEntityId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("entityId")),
    idpCert: Schema.String,
    idpAdditionalCerts: optional(Strings),
    ...mappings
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SamlSettings = typeof SamlSettings.Type

/**
 * SAML settings read from the IdP's metadata URL (`settings` of `POST /v1/mgmt/sso/saml/metadata`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SamlSettingsByMetadata = lazy(() =>
  Schema.Struct({
    idpMetadataUrl: Schema.String,
    /** The IdP entity id (wire `entityId`), for IdP-initiated logins. */
    idpEntityId: renamed("entityId", Schema.String),
    ...mappings
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SamlSettingsByMetadata = typeof SamlSettingsByMetadata.Type

/**
 * OIDC settings (`settings` of `POST /v1/mgmt/sso/oidc`); the client secret is a `Secret`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const OidcSettings = lazy(() =>
  Schema.Struct({
    name: Schema.String,
    clientId: str,
    clientSecret: optional(Secret),
    redirectUrl: str,
    authUrl: str,
    tokenUrl: str,
    userDataUrl: str,
    scope: optional(Strings),
    /** Wire `JWKsUrl`. */
    jwksUrl: renamed("JWKsUrl", Schema.String),
    /** Wire `userAttrMapping`. */
    attributeMapping: renamed("userAttrMapping", OidcAttributeMapping),
    /** node-sdk */
    roleMappings: optional(Schema.Array(RoleMapping)),
    manageProviderTokens: optional(Bool),
    callbackDomain: str,
    prompt: optional(Strings),
    grantType: str,
    issuer: str,
    ...groupFields
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type OidcSettings = typeof OidcSettings.Type

/**
 * A group mapping as answered: `{ role: { id, name }, groups }` on the wire,
 * `{ roleId, roleName, groups }` in the program.
 *
 * @since 0.2.0
 * @category schemas
 */
export const GroupsMapping = lazy(() =>
  Schema.Struct({
    role: opt(Schema.Struct({ id: opt(Schema.String), name: opt(Schema.String) })),
    groups: opt(Strings)
  })
)

/**
 * A group mapping as the program reads it: {@link GroupsMapping} with node-sdk's renames (`roleId`, `roleName`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const GroupMapping = lazy(() =>
  Schema.transform(
    GroupsMapping,
    Schema.Struct({
      roleId: Schema.UndefinedOr(Schema.String),
      roleName: Schema.UndefinedOr(Schema.String),
      groups: Strings
    }),
    {
      strict: true,
      decode: (g) => ({ roleId: g.role?.id ?? undefined, roleName: g.role?.name ?? undefined, groups: g.groups ?? [] }),
      encode: (g) => ({ role: { id: g.roleId, name: g.roleName }, groups: g.groups })
    }
  )
)

/**
 * The SAML part of a loaded configuration.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SamlResponse = lazy(() =>
  Schema.Struct({
    idpEntityId: opt(Schema.String),
    idpSSOUrl: opt(Schema.String),
    idpCertificate: opt(Schema.String),
    idpAdditionalCertificates: opt(Strings),
    idpMetadataUrl: opt(Schema.String),
    spEntityId: opt(Schema.String),
    spACSUrl: opt(Schema.String),
    spCertificate: opt(Schema.String),
    attributeMapping: opt(JsonObject),
    groupsMapping: Schema.optionalWith(Schema.Array(GroupMapping), { nullable: true, default: () => [] }),
    defaultSSORoles: opt(Strings),
    groupsPriority: opt(Strings),
    fgaMappings: opt(FgaMappings),
    configFGATenantIDResourcePrefix: opt(Schema.String),
    configFGATenantIDResourceSuffix: opt(Schema.String),
    redirectUrl: opt(Schema.String),
    providerID: opt(Schema.String),
    scimProviderID: opt(Schema.String),
    lastSuccessTestTime: opt(Schema.Unknown)
  })
)

/**
 * The OIDC part of a loaded configuration (`userAttrMapping` read as `attributeMapping`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const OidcResponse = lazy(() =>
  Schema.Struct({
    name: opt(Schema.String),
    clientId: opt(Schema.String),
    clientSecret: opt(Secret),
    redirectUrl: opt(Schema.String),
    authUrl: opt(Schema.String),
    tokenUrl: opt(Schema.String),
    userDataUrl: opt(Schema.String),
    scope: opt(Strings),
    JWKsUrl: opt(Schema.String),
    attributeMapping: opt(JsonObject).pipe(Schema.fromKey("userAttrMapping")),
    roleMappings: opt(Schema.Unknown),
    manageProviderTokens: opt(Schema.Boolean),
    callbackDomain: opt(Schema.String),
    prompt: opt(Strings),
    grantType: opt(Schema.String),
    issuer: opt(Schema.String),
    groupsPriority: opt(Strings),
    fgaMappings: opt(FgaMappings),
    providerID: opt(Schema.String),
    scimProviderID: opt(Schema.String),
    lastSuccessTestTime: opt(Schema.Unknown)
  })
)

const u = <S extends Schema.Schema.Any>(s: S) => Schema.UndefinedOr(s)

/**
 * One SSO configuration of a tenant, as the loads answer it (`{ tenant, saml, oidc, ssoId }`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SsoSettings = lazy(() =>
  Schema.transform(
    Schema.Struct({ tenant: opt(Tenant), saml: opt(SamlResponse), oidc: opt(OidcResponse), ssoId: opt(Schema.String) }),
    Schema.Struct({
      tenant: u(Schema.typeSchema(Tenant)),
      ssoId: u(Schema.String),
      saml: u(Schema.typeSchema(SamlResponse)),
      oidc: u(Schema.typeSchema(OidcResponse))
    }),
    {
      strict: true,
      decode: (r) => ({
        tenant: r.tenant ?? undefined,
        ssoId: r.ssoId ?? undefined,
        saml: r.saml ?? undefined,
        oidc: r.oidc ?? undefined
      }),
      encode: (s) => s
    }
  )
)

/**
 * @since 0.2.0
 * @category models
 */
export type SsoSettings = typeof SsoSettings.Type

/**
 * The legacy SSO settings (`GET /v1/mgmt/sso/settings`), as Descope sends them.
 *
 * @since 0.2.0
 * @category schemas
 */
export const LegacySsoSettings = lazy(() =>
  Schema.Struct({
    tenantId: opt(Schema.String),
    idpEntityId: opt(Schema.String),
    idpSSOUrl: opt(Schema.String),
    idpCertificate: opt(Schema.String),
    idpMetadataUrl: opt(Schema.String),
    spEntityId: opt(Schema.String),
    spACSUrl: opt(Schema.String),
    spCertificate: opt(Schema.String),
    userMapping: opt(StringMap),
    groupsMapping: opt(Schema.Array(GroupsMapping)),
    redirectUrl: opt(Schema.String),
    domains: opt(Strings),
    domain: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type LegacySsoSettings = typeof LegacySsoSettings.Type
