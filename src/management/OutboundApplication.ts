/**
 * `client.mgmt.outboundApplication` (node-sdk's `management.outboundApplication`):
 * outbound applications and the tokens users and tenants hold for them. Secrets
 * go in as `Redacted` or plain text and tokens come back `Redacted`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { InvalidArgumentError } from "../core/DescopeError.js"
import type { Secret } from "../internal/validate.js"
import { checked, nonEmpty, nonEmptyBatch, redacted } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/OutboundApplication.js"
import * as TokenWire from "../wire/mgmt/OutboundAppToken.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * An outbound application.
 *
 * @since 0.2.0
 * @category schemas
 */
export const OutboundApplication = Wire.OutboundApplication

/**
 * @since 0.2.0
 * @category models
 */
export type OutboundApplication = Wire.OutboundApplication

/**
 * A token (its `accessToken` / `refreshToken` `Redacted`).
 *
 * @since 0.2.0
 * @category models
 */
export type OutboundAppToken = TokenWire.OutboundAppToken

/**
 * One refused item of a batch upload.
 *
 * @since 0.2.0
 * @category models
 */
export type OutboundAppTokenUploadFailure = typeof TokenWire.UploadFailure.Type

/**
 * The options of a token fetch.
 *
 * @since 0.2.0
 * @category models
 */
export type FetchOutboundAppTokenOptions = typeof TokenWire.FetchOptions.Type

type WithSecrets<T, K extends keyof T> = Omit<T, K> & { readonly [k in K]?: Secret | undefined }

/**
 * An application to create (or, with its `id`, to replace), with its OAuth client secret when it has one.
 *
 * @since 0.2.0
 * @category models
 */
export type OutboundApplicationInput = WithSecrets<typeof Wire.ApplicationInput.Type, "clientSecret">

/**
 * The options of `createApplicationByTemplate`.
 *
 * @since 0.2.0
 * @category models
 */
export type CreateOutboundAppByTemplateOptions = WithSecrets<
  typeof Wire.createApplicationByTemplate.request.Type,
  "clientSecret"
>

/**
 * A user's OAuth token to upload (at least one of `refreshToken` and `accessToken`).
 *
 * @since 0.2.0
 * @category models
 */
export type OutboundAppUserTokenToUpload = WithSecrets<
  typeof TokenWire.UserTokenUpload.Type,
  "accessToken" | "refreshToken" | "idToken"
>

/**
 * A tenant's OAuth token to upload (at least one of `refreshToken` and `accessToken`).
 *
 * @since 0.2.0
 * @category models
 */
export type OutboundAppTenantTokenToUpload = WithSecrets<
  typeof TokenWire.TenantTokenUpload.Type,
  "accessToken" | "refreshToken" | "idToken"
>

/**
 * `client.mgmt.outboundApplication`.
 *
 * @since 0.2.0
 * @category models
 */
export interface OutboundApplicationApi {
  /** Creates an application; answers it. */
  readonly createApplication: (app: OutboundApplicationInput) => Effect.Effect<OutboundApplication, ManagementError>
  /** Creates an application from a template; answers it. */
  readonly createApplicationByTemplate: (
    options: CreateOutboundAppByTemplateOptions
  ) => Effect.Effect<OutboundApplication, ManagementError>
  /** Replaces every field of the application of `app.id`; answers it. */
  readonly updateApplication: (
    app: OutboundApplicationInput & { readonly id: string }
  ) => Effect.Effect<OutboundApplication, ManagementError>
  /** Deletes an application. */
  readonly deleteApplication: (id: string) => Effect.Effect<void, ManagementError>
  /** Loads an application. */
  readonly loadApplication: (id: string) => Effect.Effect<OutboundApplication, ManagementError>
  /** Loads every application. */
  readonly loadAllApplications: () => Effect.Effect<ReadonlyArray<OutboundApplication>, ManagementError>
  /** A user's token holding every one of `scopes`. */
  readonly fetchTokenByScopes: (
    appId: string,
    userId: string,
    scopes: ReadonlyArray<string>,
    options?: FetchOutboundAppTokenOptions | undefined,
    tenantId?: string | undefined
  ) => Effect.Effect<OutboundAppToken, ManagementError>
  /** A user's latest token. */
  readonly fetchToken: (
    appId: string,
    userId: string,
    tenantId?: string | undefined,
    options?: FetchOutboundAppTokenOptions | undefined
  ) => Effect.Effect<OutboundAppToken, ManagementError>
  /** A tenant's token holding every one of `scopes`. */
  readonly fetchTenantTokenByScopes: (
    appId: string,
    tenantId: string,
    scopes: ReadonlyArray<string>,
    options?: FetchOutboundAppTokenOptions | undefined
  ) => Effect.Effect<OutboundAppToken, ManagementError>
  /** A tenant's latest token. */
  readonly fetchTenantToken: (
    appId: string,
    tenantId: string,
    options?: FetchOutboundAppTokenOptions | undefined
  ) => Effect.Effect<OutboundAppToken, ManagementError>
  /**
   * Deletes the tokens of a user, of an application, or of a user for an application. One of the two is
   * required: a request with neither is refused unsent.
   */
  readonly deleteUserTokens: (
    appId?: string | undefined,
    userId?: string | undefined
  ) => Effect.Effect<void, ManagementError>
  /** Deletes a token by its id. */
  readonly deleteTokenById: (id: string) => Effect.Effect<void, ManagementError>
  /** The ids of the applications a user holds a token for. */
  readonly listAppsWithUserToken: (
    userId: string,
    tenantId?: string | undefined
  ) => Effect.Effect<ReadonlyArray<string>, ManagementError>
  /** Sets a user's API key for an API key application. */
  readonly uploadUserApiKey: (
    appId: string,
    userId: string,
    apiKey: Secret,
    tenantId?: string | undefined
  ) => Effect.Effect<void, ManagementError>
  /** Sets a tenant's API key for an API key application. */
  readonly uploadTenantApiKey: (appId: string, tenantId: string, apiKey: Secret) => Effect.Effect<void, ManagementError>
  /** Uploads (migrates) a user's OAuth token (`verifyRefresh`: check the refresh token with the provider first). */
  readonly uploadUserToken: (
    token: OutboundAppUserTokenToUpload & { readonly verifyRefresh?: boolean | undefined }
  ) => Effect.Effect<void, ManagementError>
  /** Uploads (migrates) a tenant's OAuth token. */
  readonly uploadTenantToken: (
    token: OutboundAppTenantTokenToUpload & { readonly verifyRefresh?: boolean | undefined }
  ) => Effect.Effect<void, ManagementError>
  /** Uploads users' OAuth tokens, all or nothing; answers the refused items (none committed when any). */
  readonly batchUploadUserTokens: (
    tokens: ReadonlyArray<OutboundAppUserTokenToUpload>
  ) => Effect.Effect<ReadonlyArray<OutboundAppTokenUploadFailure>, ManagementError>
  /** Uploads tenants' OAuth tokens, all or nothing; answers the refused items. */
  readonly batchUploadTenantTokens: (
    tokens: ReadonlyArray<OutboundAppTenantTokenToUpload>
  ) => Effect.Effect<ReadonlyArray<OutboundAppTokenUploadFailure>, ManagementError>
}

const secret = (s: Secret | undefined): Redacted.Redacted<string> | undefined =>
  s === undefined ? undefined : redacted(s)

const invalid = (field: string, reason: string) => Effect.fail(new InvalidArgumentError({ field, reason }))

const userToken = (t: OutboundAppUserTokenToUpload): typeof TokenWire.UserTokenUpload.Type => ({
  ...t,
  accessToken: secret(t.accessToken),
  refreshToken: secret(t.refreshToken),
  idToken: secret(t.idToken)
})

const tenantToken = (t: OutboundAppTenantTokenToUpload): typeof TokenWire.TenantTokenUpload.Type => ({
  ...t,
  accessToken: secret(t.accessToken),
  refreshToken: secret(t.refreshToken),
  idToken: secret(t.idToken)
})

const someToken = (t: { readonly accessToken?: Secret | undefined; readonly refreshToken?: Secret | undefined }) =>
  t.accessToken === undefined && t.refreshToken === undefined
    ? invalid("accessToken / refreshToken", "one of them is required")
    : Effect.void

const appInput = (a: OutboundApplicationInput): typeof Wire.ApplicationInput.Type => ({
  ...a,
  clientSecret: secret(a.clientSecret)
})

/**
 * Builds `client.mgmt.outboundApplication`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): OutboundApplicationApi => {
  const app = (r: { readonly app: OutboundApplication }) => r.app
  const token = (r: { readonly token: OutboundAppToken }) => r.token
  const failures = (r: { readonly failures?: ReadonlyArray<OutboundAppTokenUploadFailure> | null | undefined }) =>
    r.failures ?? []
  const ids = (appId: string, other: readonly [string, string]) => [nonEmpty("appId", appId), nonEmpty(...other)]
  return {
    createApplication: (a) =>
      checked(
        [nonEmpty("name", a.name)],
        Effect.map(mgmt.call(Wire.createApplication, { request: appInput(a) }), app)
      ),
    createApplicationByTemplate: (o) =>
      checked(
        [nonEmpty("templateId", o.templateId)],
        Effect.map(
          mgmt.call(Wire.createApplicationByTemplate, { request: { ...o, clientSecret: secret(o.clientSecret) } }),
          app
        )
      ),
    updateApplication: (a) =>
      checked(
        [nonEmpty("id", a.id), nonEmpty("name", a.name)],
        Effect.map(
          mgmt.call(Wire.updateApplication, { request: { app: appInput(a) } }),
          app
        )
      ),
    deleteApplication: (id) =>
      checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(Wire.deleteApplication, { request: { id } }))),
    loadApplication: (id) =>
      checked([nonEmpty("id", id)], Effect.map(mgmt.call(Wire.loadApplication, { path: { id } }), app)),
    loadAllApplications: () => Effect.map(mgmt.call(Wire.loadAllApplications, {}), (r) => r.apps ?? []),
    fetchTokenByScopes: (appId, userId, scopes, options, tenantId) =>
      checked(
        ids(appId, ["userId", userId]),
        Effect.map(
          mgmt.call(TokenWire.fetchTokenByScopes, { request: { appId, userId, scopes, options, tenantId } }),
          token
        )
      ),
    fetchToken: (appId, userId, tenantId, options) =>
      checked(
        ids(appId, ["userId", userId]),
        Effect.map(mgmt.call(TokenWire.fetchToken, { request: { appId, userId, tenantId, options } }), token)
      ),
    fetchTenantTokenByScopes: (appId, tenantId, scopes, options) =>
      checked(
        ids(appId, ["tenantId", tenantId]),
        Effect.map(
          mgmt.call(TokenWire.fetchTenantTokenByScopes, { request: { appId, tenantId, scopes, options } }),
          token
        )
      ),
    fetchTenantToken: (appId, tenantId, options) =>
      checked(
        ids(appId, ["tenantId", tenantId]),
        Effect.map(mgmt.call(TokenWire.fetchTenantToken, { request: { appId, tenantId, options } }), token)
      ),
    deleteUserTokens: (appId, userId) =>
      checked(
        [
          (appId ?? "").trim() === "" && (userId ?? "").trim() === ""
            ? invalid("appId / userId", "one of them is required (none would delete every token)")
            : Effect.void
        ],
        Effect.asVoid(
          mgmt.call(TokenWire.deleteUserTokens, {
            request: {
              ...(appId !== undefined && appId !== "" ? { appId } : {}),
              ...(userId !== undefined && userId !== "" ? { userId } : {})
            }
          })
        )
      ),
    deleteTokenById: (id) =>
      checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(TokenWire.deleteTokenById, { request: { id } }))),
    listAppsWithUserToken: (userId, tenantId) =>
      checked(
        [nonEmpty("userId", userId)],
        Effect.map(
          mgmt.call(TokenWire.listAppsWithUserToken, {
            request: tenantId !== undefined && tenantId !== "" ? { userId, tenantId } : { userId }
          }),
          (r) => r.appIds ?? []
        )
      ),
    uploadUserApiKey: (appId, userId, apiKey, tenantId) =>
      checked(
        ids(appId, ["userId", userId]),
        Effect.asVoid(
          mgmt.call(TokenWire.uploadUserApiKey, { request: { appId, userId, apiKey: redacted(apiKey), tenantId } })
        )
      ),
    uploadTenantApiKey: (appId, tenantId, apiKey) =>
      checked(
        ids(appId, ["tenantId", tenantId]),
        Effect.asVoid(
          mgmt.call(TokenWire.uploadTenantApiKey, { request: { appId, tenantId, apiKey: redacted(apiKey) } })
        )
      ),
    uploadUserToken: (t) =>
      checked(
        [...ids(t.appId, ["userId", t.userId]), someToken(t)],
        Effect.asVoid(
          mgmt.call(TokenWire.uploadUserToken, { request: { ...userToken(t), verifyRefresh: t.verifyRefresh } })
        )
      ),
    uploadTenantToken: (t) =>
      checked(
        [...ids(t.appId, ["tenantId", t.tenantId]), someToken(t)],
        Effect.asVoid(
          mgmt.call(TokenWire.uploadTenantToken, { request: { ...tenantToken(t), verifyRefresh: t.verifyRefresh } })
        )
      ),
    batchUploadUserTokens: (tokens) =>
      checked(
        [nonEmptyBatch("tokens", tokens)],
        Effect.map(mgmt.call(TokenWire.batchUploadUserTokens, { request: { tokens: tokens.map(userToken) } }), failures)
      ),
    batchUploadTenantTokens: (tokens) =>
      checked(
        [nonEmptyBatch("tokens", tokens)],
        Effect.map(
          mgmt.call(TokenWire.batchUploadTenantTokens, { request: { tokens: tokens.map(tenantToken) } }),
          failures
        )
      )
  }
}
