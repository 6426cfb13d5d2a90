/**
 * Single-field user updates, `/v1/mgmt/user/update/*` and
 * `/v2/mgmt/user/update/role/add`: status, login id, e-mail and phone, names,
 * picture, one custom attribute, roles (project-level, or in a tenant when
 * `tenantId` is given), tenant membership, SSO applications and the recovery
 * contacts. Each answers the updated user (`{ user }`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import * as CoreUser from "../../core/User.js"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, optional, renamed, Strings } from "../Fields.js"
import { UserResponse } from "./User.js"

const loginId = { loginId: Schema.String }

const update = <const Path extends string, Req, ReqI>(
  name: string,
  path: Path,
  request: Schema.Schema<Req, ReqI>,
  description: string
) => Endpoint.post(name, path, { credential: "management", request, response: UserResponse, description })

/**
 * `{loginId, tenantId?, roleNames}`: project-level roles, or a tenant's when `tenantId` is given.
 *
 * @since 0.2.0
 * @category schemas
 */
export const RolesChange = lazy(() =>
  Schema.Struct({
    ...loginId,
    tenantId: optional(Schema.String),
    roleNames: optional(Strings)
  })
)

/**
 * `{loginId, ssoAppIds}` (python-sdk spells it `ssoAppIDs` in some bodies; both are read).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SsoAppsChange = lazy(() =>
  Schema.Struct({
    ...loginId,
    ssoAppIds: optional(Strings),
    ssoAppIDs: optional(Strings)
  })
)

/**
 * `POST /v1/mgmt/user/update/status` (`activate`: `enabled`, `deactivate`: `disabled`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const activate = update(
  "mgmt.user.activate",
  "/v1/mgmt/user/update/status",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      status: CoreUser.UserStatus
    })
  ),
  "Sets a user's status (enabled, disabled ...); disabling revokes its sessions"
)

/**
 * `POST /v1/mgmt/user/update/loginid`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateLoginId = update(
  "mgmt.user.updateLoginId",
  "/v1/mgmt/user/update/loginid",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      newLoginId: optional(Schema.String)
    })
  ),
  "Changes a login id (without newLoginId, removes it; never the last one)"
)

/**
 * `POST /v1/mgmt/user/update/email`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateEmail = update(
  "mgmt.user.updateEmail",
  "/v1/mgmt/user/update/email",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      email: optional(Schema.String),
      verified: optional(Bool),
      failOnConflict: optional(Bool)
    })
  ),
  "Sets (or, when empty, removes) a user's e-mail address"
)

/**
 * `POST /v1/mgmt/user/update/phone`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updatePhone = update(
  "mgmt.user.updatePhone",
  "/v1/mgmt/user/update/phone",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      phone: optional(Schema.String),
      verified: optional(Bool),
      failOnConflict: optional(Bool)
    })
  ),
  "Sets (or, when empty, removes) a user's phone number"
)

/**
 * `POST /v1/mgmt/user/update/name` (also `updateUserNames`, without `displayName`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateDisplayName = update(
  "mgmt.user.updateDisplayName",
  "/v1/mgmt/user/update/name",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      displayName: optional(Schema.String),
      givenName: optional(Schema.String),
      middleName: optional(Schema.String),
      familyName: optional(Schema.String)
    })
  ),
  "Sets the given names of a user (display, given, middle, family)"
)

/**
 * `POST /v1/mgmt/user/update/picture`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updatePicture = update(
  "mgmt.user.updatePicture",
  "/v1/mgmt/user/update/picture",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      picture: optional(Schema.String)
    })
  ),
  "Sets (or, when empty, removes) a user's picture URL"
)

/**
 * `POST /v1/mgmt/user/update/customAttribute` (`attributeValue` on the wire).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateCustomAttribute = update(
  "mgmt.user.updateCustomAttribute",
  "/v1/mgmt/user/update/customAttribute",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      attributeKey: Schema.String,
      attributeVal: renamed("attributeValue", Schema.Unknown)
    })
  ),
  "Sets one custom attribute of a user (null clears it)"
)

/**
 * `POST /v1/mgmt/user/update/role/set` (also `setTenantRoles`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const setRoles = Endpoint.post("mgmt.user.setRoles", "/v1/mgmt/user/update/role/set", {
  credential: "management",
  request: RolesChange,
  response: UserResponse,
  description: "Replaces a user's roles (in a tenant when tenantId is given)"
})

/**
 * `POST /v2/mgmt/user/update/role/add` (also `addTenantRoles`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const addRoles = Endpoint.post("mgmt.user.addRoles", "/v2/mgmt/user/update/role/add", {
  credential: "management",
  request: RolesChange,
  response: UserResponse,
  description: "Adds roles to a user (in a tenant when tenantId is given, joining it)"
})

/**
 * `POST /v1/mgmt/user/update/role/add`: the older path of `addRoles`, which
 * older SDKs call. The emulator serves it; the client calls the v2 path.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const addRolesV1 = Endpoint.post("mgmt.user.addRolesV1", "/v1/mgmt/user/update/role/add", {
  credential: "management",
  request: RolesChange,
  response: UserResponse,
  description: "Adds roles to a user (older path of addRoles; the client calls /v2)"
})

/**
 * `POST /v1/mgmt/user/update/role/remove` (also `removeTenantRoles`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeRoles = Endpoint.post("mgmt.user.removeRoles", "/v1/mgmt/user/update/role/remove", {
  credential: "management",
  request: RolesChange,
  response: UserResponse,
  description: "Removes roles from a user (in a tenant when tenantId is given)"
})

/**
 * `POST /v1/mgmt/user/update/tenant/add`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const addTenant = update(
  "mgmt.user.addTenant",
  "/v1/mgmt/user/update/tenant/add",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      tenantId: Schema.String
    })
  ),
  "Adds a user to a tenant"
)

/**
 * `POST /v1/mgmt/user/update/tenant/remove`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeTenant = update(
  "mgmt.user.removeTenant",
  "/v1/mgmt/user/update/tenant/remove",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      tenantId: Schema.String
    })
  ),
  "Removes a user from a tenant"
)

/**
 * `POST /v1/mgmt/user/update/ssoapp/set`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const setSsoApps = Endpoint.post("mgmt.user.setSsoApps", "/v1/mgmt/user/update/ssoapp/set", {
  credential: "management",
  request: SsoAppsChange,
  response: UserResponse,
  description: "Replaces a user's SSO applications"
})

/**
 * `POST /v1/mgmt/user/update/ssoapp/add`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const addSsoApps = Endpoint.post("mgmt.user.addSsoApps", "/v1/mgmt/user/update/ssoapp/add", {
  credential: "management",
  request: SsoAppsChange,
  response: UserResponse,
  description: "Adds SSO applications to a user"
})

/**
 * `POST /v1/mgmt/user/update/ssoapp/remove`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeSsoApps = Endpoint.post("mgmt.user.removeSsoApps", "/v1/mgmt/user/update/ssoapp/remove", {
  credential: "management",
  request: SsoAppsChange,
  response: UserResponse,
  description: "Removes SSO applications from a user"
})

/**
 * `POST /v1/mgmt/user/update/recovery/email` (`recoveryEmail` on the wire).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateRecoveryEmail = update(
  "mgmt.user.updateRecoveryEmail",
  "/v1/mgmt/user/update/recovery/email",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      email: renamed("recoveryEmail", Schema.String),
      verified: optional(Bool)
    })
  ),
  "Sets a user's recovery e-mail address"
)

/**
 * `POST /v1/mgmt/user/update/recovery/phone` (`recoveryPhone` on the wire).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateRecoveryPhone = update(
  "mgmt.user.updateRecoveryPhone",
  "/v1/mgmt/user/update/recovery/phone",
  lazy(() =>
    Schema.Struct({
      ...loginId,
      phone: renamed("recoveryPhone", Schema.String),
      verified: optional(Bool)
    })
  ),
  "Sets a user's recovery phone number"
)
