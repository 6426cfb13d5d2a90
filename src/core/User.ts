/**
 * The Descope user object (`UserResponse`), as returned by `me`, by
 * authentication responses and by the management API.
 *
 * Only `userId` is required; every other field is optional and unknown keys are
 * ignored, so a new field from Descope never breaks a user.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../internal/lazySchema.js"
import { opt } from "../wire/Fields.js"

/**
 * A user's status.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserStatus = lazy(() => Schema.Literal("enabled", "disabled", "invited", "expired"))

/**
 * @since 0.1.0
 * @category models
 */
export type UserStatus = typeof UserStatus.Type

/**
 * A tenant a user belongs to, with the user's roles in it.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserTenant = lazy(() =>
  Schema.Struct({
    tenantId: Schema.String,
    roleNames: opt(Schema.Array(Schema.String)),
    tenantName: opt(Schema.String),
    permissions: opt(Schema.Array(Schema.String))
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type UserTenant = typeof UserTenant.Type

/**
 * A Descope user.
 *
 * @since 0.1.0
 * @category schemas
 */
export const User = lazy(() =>
  Schema.Struct({
    userId: Schema.String,
    loginIds: opt(Schema.Array(Schema.String)),
    name: opt(Schema.String),
    givenName: opt(Schema.String),
    middleName: opt(Schema.String),
    familyName: opt(Schema.String),
    email: opt(Schema.String),
    phone: opt(Schema.String),
    verifiedEmail: opt(Schema.Boolean),
    verifiedPhone: opt(Schema.Boolean),
    picture: opt(Schema.String),
    roleNames: opt(Schema.Array(Schema.String)),
    userTenants: opt(Schema.Array(UserTenant)),
    status: opt(Schema.String),
    customAttributes: opt(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
    createdTime: opt(Schema.Number),
    test: opt(Schema.Boolean),
    TOTP: opt(Schema.Boolean),
    SAML: opt(Schema.Boolean),
    SCIM: opt(Schema.Boolean),
    password: opt(Schema.Boolean),
    webauthn: opt(Schema.Boolean),
    OAuth: opt(Schema.Record({ key: Schema.String, value: Schema.Boolean })),
    ssoAppIds: opt(Schema.Array(Schema.String)),
    externalIds: opt(Schema.Array(Schema.String))
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type User = typeof User.Type
