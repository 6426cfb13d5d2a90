/**
 * A user's credentials and sessions: passwords, passkeys, the TOTP seed,
 * recovery codes, trusted devices, logout from every device, the
 * authentication history and the social provider token.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, opt, optional, renamed, Secret, Strings } from "../Fields.js"
import { LoginId, UserRef } from "./User.js"

/**
 * A passkey (WebAuthn credential) of a user.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserPasskey = lazy(() =>
  Schema.Struct({
    id: opt(Schema.String),
    rpId: opt(Schema.String),
    kind: opt(Schema.String),
    displayName: opt(Schema.String),
    createdTime: opt(Schema.Number)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type UserPasskey = typeof UserPasskey.Type

/**
 * A trusted device of a user (a device remembered for MFA). Its times are
 * epoch numbers on node-sdk's wire; go-sdk reads them as RFC 3339 text: both are read.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserTrustedDevice = lazy(() =>
  Schema.Struct({
    id: opt(Schema.String),
    name: opt(Schema.String),
    deviceType: opt(Schema.String),
    lastLoginTime: opt(Schema.Union(Schema.Number, Schema.String)),
    expirationTime: opt(Schema.Union(Schema.Number, Schema.String)),
    lastLocation: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type UserTrustedDevice = typeof UserTrustedDevice.Type

/**
 * One login of a user's authentication history (`loginTime` in epoch seconds).
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserHistory = lazy(() =>
  Schema.Struct({
    userId: Schema.String,
    loginTime: opt(Schema.Number),
    city: opt(Schema.String),
    country: opt(Schema.String),
    ip: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type UserHistory = typeof UserHistory.Type

/**
 * A social provider token of a user; the tokens are secrets.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ProviderToken = lazy(() =>
  Schema.Struct({
    provider: opt(Schema.String),
    providerUserId: opt(Schema.String),
    accessToken: opt(Secret),
    expiration: opt(Schema.Number),
    scopes: opt(Strings),
    refreshToken: opt(Secret)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ProviderToken = typeof ProviderToken.Type

/**
 * `{loginId, password}`: the password is a secret.
 *
 * @since 0.2.0
 * @category schemas
 */
export const PasswordSet = lazy(() => Schema.Struct({ loginId: Schema.String, password: Secret }))

const housekeeping = <const Path extends string>(name: string, path: Path, description: string) =>
  Endpoint.post(name, path, { credential: "management", request: LoginId, response: Endpoint.Empty, description })

/**
 * `POST /v1/mgmt/user/password/set/temporary`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const setTemporaryPassword = Endpoint.post(
  "mgmt.user.setTemporaryPassword",
  "/v1/mgmt/user/password/set/temporary",
  {
    credential: "management",
    request: PasswordSet,
    response: Endpoint.Empty,
    description: "Sets a temporary (already expired) password"
  }
)

/**
 * `POST /v1/mgmt/user/password/set/active`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const setActivePassword = Endpoint.post("mgmt.user.setActivePassword", "/v1/mgmt/user/password/set/active", {
  credential: "management",
  request: PasswordSet,
  response: Endpoint.Empty,
  description: "Sets an active password"
})

/**
 * `POST /v1/mgmt/user/password/set` (deprecated: temporary, unless python-sdk's `setActive`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const setPassword = Endpoint.post("mgmt.user.setPassword", "/v1/mgmt/user/password/set", {
  credential: "management",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, password: Secret, setActive: optional(Bool) })),
  response: Endpoint.Empty,
  description: "Sets a password (temporary unless setActive; deprecated)"
})

/**
 * `POST /v1/mgmt/user/password/expire`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const expirePassword = housekeeping(
  "mgmt.user.expirePassword",
  "/v1/mgmt/user/password/expire",
  "Expires a user's password"
)

/**
 * `POST /v1/mgmt/user/passkeys/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeAllPasskeys = housekeeping(
  "mgmt.user.removeAllPasskeys",
  "/v1/mgmt/user/passkeys/delete",
  "Removes every passkey of a user"
)

/**
 * `POST /v1/mgmt/user/passkey/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removePasskey = Endpoint.post("mgmt.user.removePasskey", "/v1/mgmt/user/passkey/delete", {
  credential: "management",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, credentialId: Schema.String })),
  response: Endpoint.Empty,
  description: "Removes one passkey of a user by its credential id"
})

/**
 * `POST /v1/mgmt/user/passkeys/list`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const listPasskeys = Endpoint.post("mgmt.user.listPasskeys", "/v1/mgmt/user/passkeys/list", {
  credential: "management",
  request: LoginId,
  response: lazy(() => Schema.Struct({ passkeys: opt(Schema.Array(UserPasskey)) })),
  description: "Lists the passkeys of a user"
})

/**
 * `POST /v1/mgmt/user/totp/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeTotpSeed = housekeeping(
  "mgmt.user.removeTotpSeed",
  "/v1/mgmt/user/totp/delete",
  "Removes a user's TOTP seed"
)

/**
 * `POST /v1/mgmt/user/recovery-codes/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeRecoveryCodes = housekeeping(
  "mgmt.user.removeRecoveryCodes",
  "/v1/mgmt/user/recovery-codes/delete",
  "Removes a user's recovery codes"
)

/**
 * `POST /v1/mgmt/user/trusteddevices/list` (`{identifiers}`: login ids or user ids).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const listTrustedDevices = Endpoint.post("mgmt.user.listTrustedDevices", "/v1/mgmt/user/trusteddevices/list", {
  credential: "management",
  request: lazy(() => Schema.Struct({ identifiers: optional(Strings) })),
  response: lazy(() => Schema.Struct({ devices: opt(Schema.Array(UserTrustedDevice)) })),
  description: "Lists the trusted devices of users"
})

/**
 * `POST /v1/mgmt/user/trusteddevices/remove` (`{identifier, deviceIds}`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeTrustedDevices = Endpoint.post(
  "mgmt.user.removeTrustedDevices",
  "/v1/mgmt/user/trusteddevices/remove",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        loginId: renamed("identifier", Schema.String),
        deviceIds: optional(Strings)
      })
    ),
    response: Endpoint.Empty,
    description: "Removes trusted devices of a user"
  }
)

/**
 * `POST /v1/mgmt/user/logout` (`{loginId}` or `{userId}`; also `logoutUserByUserId`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const logoutUser = Endpoint.post("mgmt.user.logoutUser", "/v1/mgmt/user/logout", {
  credential: "management",
  request: UserRef,
  response: Endpoint.Empty,
  description: "Logs a user out of every device"
})

/**
 * `POST /v1/mgmt/user/history`: the request is a top-level JSON array of user
 * ids (`{userIds}` is read too); the answer a top-level array.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const history = Endpoint.post("mgmt.user.history", "/v1/mgmt/user/history", {
  credential: "management",
  request: lazy(() => Schema.Union(Strings, Schema.Struct({ userIds: optional(Strings) }))),
  response: lazy(() => Schema.Array(UserHistory)),
  description: "The authentication history of users"
})

/**
 * `GET /v1/mgmt/user/provider/token?loginId=&provider=&withRefreshToken=&forceRefresh=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getProviderToken = Endpoint.get("mgmt.user.getProviderToken", "/v1/mgmt/user/provider/token", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      loginId: Schema.String,
      provider: Schema.String,
      withRefreshToken: optional(Bool),
      forceRefresh: optional(Bool)
    })
  ),
  response: ProviderToken,
  description: "The social provider token of a user"
})
