/**
 * `client.mgmt.outboundApplicationByToken` (python-sdk's
 * `mgmt.outbound_application_by_token`): the outbound token fetches of
 * `client.mgmt.outboundApplication`, authorized by an inbound (third-party)
 * application's access token holding the `outbound.token.fetch` scope
 * instead of the management key: `Authorization: Bearer <projectId>:<token>`.
 * No management key is needed (none is sent), and no license handshake runs.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import { nonEmptySecret, type Secret } from "../internal/validate.js"
import type * as Endpoint from "../wire/Endpoint.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"
import * as OutboundApplication from "./OutboundApplication.js"

/**
 * `client.mgmt.outboundApplicationByToken`: each call takes the inbound application's token first.
 *
 * @since 0.2.0
 * @category models
 */
export interface OutboundApplicationByTokenApi {
  /** A user's token holding every one of `scopes`. */
  readonly fetchTokenByScopes: (
    token: Secret,
    appId: string,
    userId: string,
    scopes: ReadonlyArray<string>,
    options?: OutboundApplication.FetchOutboundAppTokenOptions | undefined,
    tenantId?: string | undefined
  ) => Effect.Effect<OutboundApplication.OutboundAppToken, ManagementError>
  /** A user's latest token. */
  readonly fetchToken: (
    token: Secret,
    appId: string,
    userId: string,
    tenantId?: string | undefined,
    options?: OutboundApplication.FetchOutboundAppTokenOptions | undefined
  ) => Effect.Effect<OutboundApplication.OutboundAppToken, ManagementError>
  /** A tenant's token holding every one of `scopes`. */
  readonly fetchTenantTokenByScopes: (
    token: Secret,
    appId: string,
    tenantId: string,
    scopes: ReadonlyArray<string>,
    options?: OutboundApplication.FetchOutboundAppTokenOptions | undefined
  ) => Effect.Effect<OutboundApplication.OutboundAppToken, ManagementError>
  /** A tenant's latest token. */
  readonly fetchTenantToken: (
    token: Secret,
    appId: string,
    tenantId: string,
    options?: OutboundApplication.FetchOutboundAppTokenOptions | undefined
  ) => Effect.Effect<OutboundApplication.OutboundAppToken, ManagementError>
}

/**
 * Builds `client.mgmt.outboundApplicationByToken`: `client.mgmt.outboundApplication`'s fetches over a
 * transport that sends the inbound application's token in place of the management key.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): OutboundApplicationByTokenApi => {
  const over = <A>(
    token: Secret,
    run: (api: OutboundApplication.OutboundApplicationApi) => Effect.Effect<A, ManagementError>
  ): Effect.Effect<A, ManagementError> =>
    Effect.flatMap(nonEmptySecret("token", token), (inboundAppToken) =>
      run(OutboundApplication.make({
        ...mgmt,
        call: <P extends string, Req, ReqI, Res, ResI>(
          endpoint: Endpoint.Endpoint<P, Req, ReqI, Res, ResI>,
          input: DescopeHttp.CallInput<P, Req>
        ) =>
          mgmt.http.call<P, Req, ReqI, Res, ResI>(
            endpoint,
            { ...input, inboundAppToken } as DescopeHttp.CallInput<P, Req>
          )
      })))
  return {
    fetchTokenByScopes: (token, appId, userId, scopes, options, tenantId) =>
      over(token, (api) => api.fetchTokenByScopes(appId, userId, scopes, options, tenantId)),
    fetchToken: (token, appId, userId, tenantId, options) =>
      over(token, (api) => api.fetchToken(appId, userId, tenantId, options)),
    fetchTenantTokenByScopes: (token, appId, tenantId, scopes, options) =>
      over(token, (api) => api.fetchTenantTokenByScopes(appId, tenantId, scopes, options)),
    fetchTenantToken: (token, appId, tenantId, options) =>
      over(token, (api) => api.fetchTenantToken(appId, tenantId, options))
  }
}
