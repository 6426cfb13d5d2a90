/**
 * Outbound OAuth (`/v1/outbound/oauth/*`): connecting the signed-in user to
 * an outbound application, which answers the provider's URL. Sent with the
 * user's refresh token.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { optional } from "../Fields.js"
import { UrlResponse } from "./Common.js"

/**
 * `POST /v1/outbound/oauth/connect` (the refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const connect = Endpoint.post("outbound.connect", "/v1/outbound/oauth/connect", {
  credential: "refresh",
  request: lazy(() =>
    Schema.Struct({
      appId: Schema.String,
      tenantId: optional(Schema.String),
      tenantLevel: optional(Schema.Boolean),
      options: optional(Schema.Struct({
        redirectUrl: optional(Schema.String),
        scopes: optional(Schema.Array(Schema.String)),
        externalIdentifier: optional(Schema.String)
      }))
    })
  ),
  response: UrlResponse,
  description: "Connects the user to an outbound application: the provider's URL"
})
