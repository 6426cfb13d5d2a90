/**
 * Sessions: refresh, tenant selection, logout, the current user, its tenants
 * and login history (`/v1/auth/refresh`, `/v1/auth/me`, ...), with the user's
 * refresh token; and the access-key exchange, with the access key. Every
 * token answered is `Redacted`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { User } from "../../core/User.js"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, opt, optional, Secret, Strings } from "../Fields.js"
import { JWTResponse } from "./Common.js"

/**
 * A tenant of the current user (`/v1/auth/me/tenants`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const MyTenant = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    customAttributes: opt(JsonObject)
  })
)

/**
 * One login of the current user (`/v1/auth/me/history`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const LoginHistoryEntry = lazy(() =>
  Schema.Struct({
    userId: opt(Schema.String),
    loginTime: opt(Schema.Number),
    city: opt(Schema.String),
    country: opt(Schema.String),
    ip: opt(Schema.String),
    selectedTenant: opt(Schema.String)
  })
)

/**
 * The answer of an access-key exchange; the session JWT is `Redacted`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ExchangeResponse = lazy(() =>
  Schema.Struct({
    keyId: opt(Schema.String),
    sessionJwt: Secret,
    expiration: opt(Schema.Number)
  })
)

/**
 * `POST /v1/auth/refresh` (the refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const refresh = Endpoint.post("session.refresh", "/v1/auth/refresh", {
  credential: "refresh",
  response: JWTResponse,
  description: "Refreshes the session"
})

/**
 * `POST /v1/auth/try-refresh` (the refresh token): `{}` instead of an error
 * when the session cannot be refreshed.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const tryRefresh = Endpoint.post("session.tryRefresh", "/v1/auth/try-refresh", {
  credential: "refresh",
  response: JWTResponse,
  description: "Refreshes the session, answering {} when it cannot"
})

/**
 * `POST /v1/auth/tenant/select` (the refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const selectTenant = Endpoint.post("session.selectTenant", "/v1/auth/tenant/select", {
  credential: "refresh",
  request: lazy(() => Schema.Struct({ tenant: Schema.String })),
  response: JWTResponse,
  description: "Selects a tenant for the session (the dct claim)"
})

/**
 * `POST /v1/auth/logout` (the refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const logout = Endpoint.post("session.logout", "/v1/auth/logout", {
  credential: "refresh",
  response: Endpoint.Empty,
  description: "Logs out the session"
})

/**
 * `POST /v1/auth/logoutall` (the refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const logoutAll = Endpoint.post("session.logoutAll", "/v1/auth/logoutall", {
  credential: "refresh",
  response: Endpoint.Empty,
  description: "Logs out every session of the user"
})

/**
 * `GET /v1/auth/me` (the refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const me = Endpoint.get("session.me", "/v1/auth/me", {
  credential: "refresh",
  response: User,
  description: "The current user"
})

/**
 * `POST /v1/auth/me/tenants` (the refresh token): the selected tenant
 * (`dct: true`) or those of `ids`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const myTenants = Endpoint.post("session.myTenants", "/v1/auth/me/tenants", {
  credential: "refresh",
  request: lazy(() => Schema.Struct({ dct: optional(Bool), ids: optional(Strings) })),
  response: lazy(() => Schema.Struct({ tenants: Schema.Array(MyTenant) })),
  description: "The current user's tenants"
})

/**
 * `GET /v1/auth/me/history` (the refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const history = Endpoint.get("session.history", "/v1/auth/me/history", {
  credential: "refresh",
  response: lazy(() => Schema.Array(LoginHistoryEntry)),
  description: "The current user's login history"
})

/**
 * `POST /v1/auth/accesskey/exchange` (the access key).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exchangeAccessKey = Endpoint.post("accessKey.exchange", "/v1/auth/accesskey/exchange", {
  credential: "accessKey",
  request: lazy(() =>
    Schema.Struct({
      loginOptions: optional(Schema.Struct({
        customClaims: optional(JsonObject),
        selectedTenant: optional(Schema.String)
      }))
    })
  ),
  response: ExchangeResponse,
  description: "Exchanges an access key for a session JWT"
})
