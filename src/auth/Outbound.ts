/**
 * Outbound OAuth for the signed-in user (`client.outbound`): `connect`
 * answers the provider's URL that links the user to an outbound application
 * (its tokens are then managed with `client.mgmt.outboundApplication`).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import { nonEmpty, nonEmptySecret } from "../internal/validate.js"
import * as Wire from "../wire/auth/Outbound.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * Options of {@link OutboundApi.connect}.
 *
 * @since 0.2.0
 * @category models
 */
export interface ConnectOptions {
  /** The outbound application. */
  readonly appId: string
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
  /** Where the provider redirects back to. */
  readonly redirectUrl?: string | undefined
  readonly scopes?: ReadonlyArray<string> | undefined
  /** An identifier of the connection in the provider. */
  readonly externalIdentifier?: string | undefined
  /** Connect for a tenant rather than the user. */
  readonly tenantId?: string | undefined
  readonly tenantLevel?: boolean | undefined
}

/**
 * The outbound OAuth operations.
 *
 * @since 0.2.0
 * @category models
 */
export interface OutboundApi {
  /** Connects the user to an outbound application (`POST /v1/outbound/oauth/connect`): the URL to redirect to. */
  readonly connect: (options: ConnectOptions) => Effect.Effect<LoginOptions.UrlResponse, LoginOptions.StartError>
}

/**
 * Builds the outbound OAuth operations.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service): OutboundApi => ({
  connect: (options) =>
    Effect.gen(function*() {
      const appId = yield* nonEmpty("appId", options.appId)
      const token = yield* nonEmptySecret("refreshToken", options.refreshToken)
      const wantsOptions = options.redirectUrl !== undefined || options.scopes !== undefined ||
        options.externalIdentifier !== undefined
      return yield* http.call(Wire.connect, {
        request: {
          appId,
          tenantId: options.tenantId || undefined,
          tenantLevel: options.tenantLevel,
          options: wantsOptions
            ? {
              redirectUrl: options.redirectUrl,
              scopes: options.scopes,
              externalIdentifier: options.externalIdentifier
            }
            : undefined
        },
        token
      })
    })
})
