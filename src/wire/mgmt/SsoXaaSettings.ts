/**
 * The shapes of a tenant's cross-app access (XAA, ID-JAG) settings (`src/wire/mgmt/Sso.ts`): the trusted
 * issuers and jwt-bearer grant configuration of one SSO configuration, with the configuration's shared group
 * and role mapping (shared by SAML, OIDC, SCIM and XAA for its `ssoId`). Written as python-sdk and go-sdk
 * send it: flat, `tenantId`, `ssoId` and the mapping at the top level, only the issuers and grant
 * configuration under `settings`; loaded with the role references resolved (`groupsMapping`) and the
 * project's read-only `audience`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import { Bool, opt, optional, renamed, Strings } from "../Fields.js"
import { AttributeMapping, FgaMappings, GroupMapping, roleMappingFields } from "./SsoSettings.js"

const str = optional(Schema.String)

/**
 * A trusted issuer of ID-JAG tokens, with its just-in-time provisioning (`jitDisabled`: sign in only, never
 * create users; `attributeMapping`: assertion claims to user fields).
 *
 * @since 0.2.0
 * @category schemas
 */
export const XaaIssuerSettings = lazy(() =>
  Schema.Struct({
    jwksUri: str,
    signAlgorithm: str,
    userInfoUri: str,
    externalIdFieldName: str,
    jitDisabled: optional(Bool),
    attributeMapping: optional(AttributeMapping)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type XaaIssuerSettings = typeof XaaIssuerSettings.Type

/**
 * The trusted issuers (by issuer URL) and the jwt-bearer grant configuration: which audience, scope and custom
 * claims a minted grant uses (empty: Descope's default).
 *
 * @since 0.2.0
 * @category schemas
 */
export const XaaJwtBearerSettings = lazy(() =>
  Schema.Struct({
    issuers: optional(Schema.Record({ key: Schema.String, value: XaaIssuerSettings })),
    jwtBearerGrantTypeAudienceToUse: str,
    jwtBearerGrantTypeScopeToUse: str,
    jwtBearerGrantTypeCustomClaimsToUse: str
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type XaaJwtBearerSettings = typeof XaaJwtBearerSettings.Type

/**
 * The body of `POST /v1/mgmt/sso/xaa/settings`: XAA on or off for the configuration, its issuers and grant
 * configuration, and the configuration's shared mapping (roles by name; `defaultSSORoles` and `providerID` on
 * the wire).
 *
 * @since 0.2.0
 * @category schemas
 */
export const XaaSettingsInput = lazy(() =>
  Schema.Struct({
    tenantId: Schema.String,
    ssoId: str,
    enabled: optional(Bool),
    settings: optional(XaaJwtBearerSettings),
    ...roleMappingFields,
    groupPriorityEnabled: optional(Bool),
    allowOverrideRoles: optional(Bool),
    /** The IdP provider template chosen (display metadata; wire `providerID`). */
    providerId: renamed("providerID", Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type XaaSettingsInput = typeof XaaSettingsInput.Type

/**
 * One configuration's XAA settings as loaded: group mappings with their roles resolved
 * (`{ roleId, roleName, groups }`), and `audience`, read-only: the project-level audience an application
 * presents in its ID-JAG token (the identity provider sends the tenant in the token's `aud_tenant` claim).
 *
 * @since 0.2.0
 * @category schemas
 */
export const XaaSettings = lazy(() =>
  Schema.Struct({
    ssoId: opt(Schema.String),
    enabled: opt(Schema.Boolean),
    settings: opt(XaaJwtBearerSettings),
    groupsMapping: Schema.optionalWith(Schema.Array(GroupMapping), { nullable: true, default: () => [] }),
    defaultSSORoles: opt(Strings),
    fgaMappings: opt(FgaMappings),
    groupsPriority: opt(Strings),
    groupPriorityEnabled: opt(Schema.Boolean),
    allowOverrideRoles: opt(Schema.Boolean),
    providerID: opt(Schema.String),
    audience: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type XaaSettings = typeof XaaSettings.Type
