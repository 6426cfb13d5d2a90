/**
 * The shapes of an SSO application (`src/wire/mgmt/SsoApplication.ts`,
 * Descope as an identity provider): what is sent to create or update an OIDC,
 * SAML or WS-Fed application (node-sdk's `*ApplicationOptions`, attribute and
 * groups mappings included), and what the loads answer (the application with
 * its `oidcSettings`, `samlSettings` or `wsfedSettings`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import { Bool, opt, optional, Strings } from "../Fields.js"

/**
 * A SAML / WS-Fed attribute mapping: a Descope attribute to an assertion attribute.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AttributeMapping = lazy(() =>
  Schema.Struct({ name: Schema.String, type: Schema.String, value: Schema.String })
)

/**
 * A SAML / WS-Fed groups mapping: Descope roles to an assertion group.
 *
 * @since 0.2.0
 * @category schemas
 */
export const GroupsMapping = lazy(() =>
  Schema.Struct({
    name: Schema.String,
    type: Schema.String,
    filterType: Schema.String,
    value: Schema.String,
    roles: Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String }))
  })
)

const common = {
  id: optional(Schema.String),
  name: Schema.String,
  description: optional(Schema.String),
  logo: optional(Schema.String),
  enabled: optional(Bool),
  loginPageUrl: optional(Schema.String),
  forceAuthentication: optional(Bool)
}

/**
 * node-sdk's `OidcApplicationOptions` (`id` names the application to update).
 *
 * @since 0.2.0
 * @category schemas
 */
export const OidcApplicationOptions = lazy(() => Schema.Struct(common))

/**
 * @since 0.2.0
 * @category models
 */
export type OidcApplicationOptions = typeof OidcApplicationOptions.Type

/**
 * node-sdk's `SamlApplicationOptions`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SamlApplicationOptions = lazy(() =>
  Schema.Struct({
    ...common,
    useMetadataInfo: optional(Bool),
    metadataUrl: optional(Schema.String),
    entityId: optional(Schema.String),
    acsUrl: optional(Schema.String),
    certificate: optional(Schema.String),
    attributeMapping: optional(Schema.Array(AttributeMapping)),
    groupsMapping: optional(Schema.Array(GroupsMapping)),
    acsAllowedCallbacks: optional(Strings),
    subjectNameIdType: optional(Schema.String),
    subjectNameIdFormat: optional(Schema.String),
    defaultRelayState: optional(Schema.String),
    logoutRedirectUrl: optional(Schema.String),
    defaultSignatureAlgorithm: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SamlApplicationOptions = typeof SamlApplicationOptions.Type

/**
 * node-sdk's `WsFedApplicationOptions`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const WsFedApplicationOptions = lazy(() =>
  Schema.Struct({
    ...common,
    realm: optional(Schema.String),
    replyUrl: optional(Schema.String),
    attributeMapping: optional(Schema.Array(AttributeMapping)),
    groupsMapping: optional(Schema.Array(GroupsMapping)),
    logoutRedirectUrl: optional(Schema.String),
    errorRedirectUrl: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type WsFedApplicationOptions = typeof WsFedApplicationOptions.Type

const mappings = {
  attributeMapping: opt(lazy(() => Schema.Array(AttributeMapping))),
  groupsMapping: opt(lazy(() => Schema.Array(GroupsMapping)))
}

/**
 * The OIDC settings of an application, as Descope answers them.
 *
 * @since 0.2.0
 * @category schemas
 */
export const OidcSettings = lazy(() =>
  Schema.Struct({
    loginPageUrl: opt(Schema.String),
    issuer: opt(Schema.String),
    discoveryUrl: opt(Schema.String),
    forceAuthentication: opt(Schema.Boolean)
  })
)

/**
 * The SAML settings of an application, as Descope answers them.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SamlSettings = lazy(() =>
  Schema.Struct({
    loginPageUrl: opt(Schema.String),
    idpCert: opt(Schema.String),
    useMetadataInfo: opt(Schema.Boolean),
    metadataUrl: opt(Schema.String),
    entityId: opt(Schema.String),
    acsUrl: opt(Schema.String),
    certificate: opt(Schema.String),
    ...mappings,
    idpMetadataUrl: opt(Schema.String),
    idpEntityId: opt(Schema.String),
    idpSsoUrl: opt(Schema.String),
    acsAllowedCallbacks: opt(Strings),
    subjectNameIdType: opt(Schema.String),
    subjectNameIdFormat: opt(Schema.String),
    defaultRelayState: opt(Schema.String),
    forceAuthentication: opt(Schema.Boolean),
    idpLogoutUrl: opt(Schema.String),
    logoutRedirectUrl: opt(Schema.String),
    defaultSignatureAlgorithm: opt(Schema.String)
  })
)

/**
 * The WS-Fed settings of an application, as Descope answers them.
 *
 * @since 0.2.0
 * @category schemas
 */
export const WsFedSettings = lazy(() =>
  Schema.Struct({
    loginPageUrl: opt(Schema.String),
    realm: opt(Schema.String),
    replyUrl: opt(Schema.String),
    ...mappings,
    forceAuthentication: opt(Schema.Boolean),
    logoutRedirectUrl: opt(Schema.String),
    errorRedirectUrl: opt(Schema.String),
    idpInitiatedUrl: opt(Schema.String),
    idpMetadataUrl: opt(Schema.String),
    idpEntityId: opt(Schema.String),
    idpSsoUrl: opt(Schema.String),
    idpCert: opt(Schema.String)
  })
)

/**
 * An SSO application, as Descope answers it (`appType`: `oidc`, `saml` or `wsfed`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SsoApplication = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    description: opt(Schema.String),
    enabled: opt(Schema.Boolean),
    logo: opt(Schema.String),
    appType: opt(Schema.String),
    samlSettings: opt(SamlSettings),
    oidcSettings: opt(OidcSettings),
    wsfedSettings: opt(WsFedSettings)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SsoApplication = typeof SsoApplication.Type
