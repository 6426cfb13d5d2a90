/**
 * The tokens users and tenants hold for outbound applications:
 * `/v1/mgmt/outbound/app/{user,tenant}/*`, `/v1/mgmt/outbound/{token,user/tokens}`
 * and `/v1/mgmt/outbound/apps-with-user-token`. Access, refresh and ID tokens
 * and API keys are `Secret`s: `Redacted` in the program, plain text on the
 * wire only.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, Num, opt, optional, Secret, Strings } from "../Fields.js"

/**
 * A token of a user or a tenant for an application.
 *
 * @since 0.2.0
 * @category schemas
 */
export const OutboundAppToken = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    appId: Schema.String,
    userId: opt(Schema.String),
    tenantId: opt(Schema.String),
    accessToken: Secret,
    accessTokenExpiry: opt(Schema.Number),
    refreshToken: opt(Secret),
    hasRefreshToken: opt(Schema.Boolean),
    scopes: opt(Strings),
    grantedBy: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type OutboundAppToken = typeof OutboundAppToken.Type

/**
 * `{ token }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TokenResponse = lazy(() => Schema.Struct({ token: OutboundAppToken }))

/**
 * The options of a token fetch.
 *
 * @since 0.2.0
 * @category schemas
 */
export const FetchOptions = lazy(() =>
  Schema.Struct({
    withRefreshToken: optional(Bool),
    forceRefresh: optional(Bool)
  })
)

const tokenFields = {
  refreshToken: optional(Secret),
  accessToken: optional(Secret),
  accessTokenExpiry: optional(Num),
  accessTokenType: optional(Schema.String),
  scopes: optional(Strings),
  externalIdentifier: optional(Schema.String),
  idToken: optional(Secret),
  grantedBy: optional(Schema.String)
}

/**
 * A user's OAuth token to upload (at least one of `refreshToken` and `accessToken`; expiry in epoch seconds).
 *
 * @since 0.2.0
 * @category schemas
 */
export const UserTokenUpload = lazy(() =>
  Schema.Struct({
    appId: Schema.String,
    userId: Schema.String,
    tenantId: optional(Schema.String),
    ...tokenFields
  })
)

/**
 * A tenant's OAuth token to upload.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TenantTokenUpload = lazy(() =>
  Schema.Struct({ appId: Schema.String, tenantId: Schema.String, ...tokenFields })
)

/**
 * One refused item of a batch upload (a batch with failures commits nothing).
 *
 * @since 0.2.0
 * @category schemas
 */
export const UploadFailure = lazy(() =>
  Schema.Struct({
    appId: Schema.String,
    userId: opt(Schema.String),
    tenantId: opt(Schema.String),
    errorCode: Schema.String,
    reason: Schema.String
  })
)

/**
 * `{ failures }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const BatchUploadResponse = lazy(() => Schema.Struct({ failures: opt(Schema.Array(UploadFailure)) }))

const m = { credential: "management" } as const

/**
 * `POST /v1/mgmt/outbound/app/user/token`: a user's token holding every scope asked.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const fetchTokenByScopes = Endpoint.post(
  "mgmt.outboundApplication.fetchTokenByScopes",
  "/v1/mgmt/outbound/app/user/token",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        appId: Schema.String,
        userId: Schema.String,
        scopes: Strings,
        options: optional(FetchOptions),
        tenantId: optional(Schema.String)
      })
    ),
    response: TokenResponse,
    description: "Fetches a user's token with the given scopes"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/user/token/latest`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const fetchToken = Endpoint.post(
  "mgmt.outboundApplication.fetchToken",
  "/v1/mgmt/outbound/app/user/token/latest",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        appId: Schema.String,
        userId: Schema.String,
        tenantId: optional(Schema.String),
        options: optional(FetchOptions)
      })
    ),
    response: TokenResponse,
    description: "Fetches a user's latest token"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/tenant/token`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const fetchTenantTokenByScopes = Endpoint.post(
  "mgmt.outboundApplication.fetchTenantTokenByScopes",
  "/v1/mgmt/outbound/app/tenant/token",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        appId: Schema.String,
        tenantId: Schema.String,
        scopes: Strings,
        options: optional(FetchOptions)
      })
    ),
    response: TokenResponse,
    description: "Fetches a tenant's token with the given scopes"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/tenant/token/latest`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const fetchTenantToken = Endpoint.post(
  "mgmt.outboundApplication.fetchTenantToken",
  "/v1/mgmt/outbound/app/tenant/token/latest",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        appId: Schema.String,
        tenantId: Schema.String,
        options: optional(FetchOptions)
      })
    ),
    response: TokenResponse,
    description: "Fetches a tenant's latest token"
  }
)

/**
 * `DELETE /v1/mgmt/outbound/user/tokens?appId=&userId=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteUserTokens = Endpoint.del(
  "mgmt.outboundApplication.deleteUserTokens",
  "/v1/mgmt/outbound/user/tokens",
  {
    ...m,
    request: lazy(() => Schema.Struct({ appId: optional(Schema.String), userId: optional(Schema.String) })),
    response: Endpoint.Empty,
    description: "Deletes the tokens of a user and/or an application"
  }
)

/**
 * `DELETE /v1/mgmt/outbound/token?id=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteTokenById = Endpoint.del(
  "mgmt.outboundApplication.deleteTokenById",
  "/v1/mgmt/outbound/token",
  {
    ...m,
    request: lazy(() => Schema.Struct({ id: Schema.String })),
    response: Endpoint.Empty,
    description: "Deletes a token"
  }
)

/**
 * `GET /v1/mgmt/outbound/apps-with-user-token?userId=&tenantId=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const listAppsWithUserToken = Endpoint.get(
  "mgmt.outboundApplication.listAppsWithUserToken",
  "/v1/mgmt/outbound/apps-with-user-token",
  {
    ...m,
    request: lazy(() => Schema.Struct({ userId: Schema.String, tenantId: optional(Schema.String) })),
    response: lazy(() => Schema.Struct({ appIds: opt(Strings) })),
    description: "Lists the applications a user holds a token for"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/user/apikey/upload`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const uploadUserApiKey = Endpoint.post(
  "mgmt.outboundApplication.uploadUserApiKey",
  "/v1/mgmt/outbound/app/user/apikey/upload",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        appId: Schema.String,
        userId: Schema.String,
        apiKey: Secret,
        tenantId: optional(Schema.String)
      })
    ),
    response: Endpoint.Empty,
    description: "Sets a user's API key for an application"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/tenant/apikey/upload`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const uploadTenantApiKey = Endpoint.post(
  "mgmt.outboundApplication.uploadTenantApiKey",
  "/v1/mgmt/outbound/app/tenant/apikey/upload",
  {
    ...m,
    request: lazy(() => Schema.Struct({ appId: Schema.String, tenantId: Schema.String, apiKey: Secret })),
    response: Endpoint.Empty,
    description: "Sets a tenant's API key for an application"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/user/oauthtoken/upload`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const uploadUserToken = Endpoint.post(
  "mgmt.outboundApplication.uploadUserToken",
  "/v1/mgmt/outbound/app/user/oauthtoken/upload",
  {
    ...m,
    request: lazy(() => Schema.Struct({ ...UserTokenUpload.fields, verifyRefresh: optional(Bool) })),
    response: Endpoint.Empty,
    description: "Uploads (migrates) a user's OAuth token"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/tenant/oauthtoken/upload`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const uploadTenantToken = Endpoint.post(
  "mgmt.outboundApplication.uploadTenantToken",
  "/v1/mgmt/outbound/app/tenant/oauthtoken/upload",
  {
    ...m,
    request: lazy(() => Schema.Struct({ ...TenantTokenUpload.fields, verifyRefresh: optional(Bool) })),
    response: Endpoint.Empty,
    description: "Uploads (migrates) a tenant's OAuth token"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/user/oauthtoken/batch/upload` (all or nothing).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const batchUploadUserTokens = Endpoint.post(
  "mgmt.outboundApplication.batchUploadUserTokens",
  "/v1/mgmt/outbound/app/user/oauthtoken/batch/upload",
  {
    ...m,
    request: lazy(() => Schema.Struct({ tokens: Schema.Array(UserTokenUpload) })),
    response: BatchUploadResponse,
    description: "Uploads users' OAuth tokens (none when one fails)"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/tenant/oauthtoken/batch/upload` (all or nothing).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const batchUploadTenantTokens = Endpoint.post(
  "mgmt.outboundApplication.batchUploadTenantTokens",
  "/v1/mgmt/outbound/app/tenant/oauthtoken/batch/upload",
  {
    ...m,
    request: lazy(() => Schema.Struct({ tokens: Schema.Array(TenantTokenUpload) })),
    response: BatchUploadResponse,
    description: "Uploads tenants' OAuth tokens (none when one fails)"
  }
)
