/**
 * Outbound OAuth (`/v1/outbound/oauth/*`): connecting the signed-in user to
 * an outbound application, which answers the provider's URL. Sent with the
 * user's refresh token.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import * as Endpoint from "../Endpoint.js"
import { UrlResponse } from "./Common.js"

/**
 * `POST /v1/outbound/oauth/connect` (the refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const connect = Endpoint.post("outbound.connect", "/v1/outbound/oauth/connect", {
  credential: "refresh",
  request: Schema.Struct({
    appId: Schema.String,
    tenantId: Schema.optional(Schema.String),
    tenantLevel: Schema.optional(Schema.Boolean),
    options: Schema.optional(Schema.Struct({
      redirectUrl: Schema.optional(Schema.String),
      scopes: Schema.optional(Schema.Array(Schema.String)),
      externalIdentifier: Schema.optional(Schema.String)
    }))
  }),
  response: UrlResponse,
  description: "Connects the user to an outbound application: the provider's URL"
})
