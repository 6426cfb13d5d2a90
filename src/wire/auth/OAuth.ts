/**
 * OAuth: `/v1/auth/oauth/*`. The start answers the provider's URL (the login
 * options are the body, the provider and redirect URL the query); the
 * exchange turns the callback `code` into a session.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import * as Endpoint from "../Endpoint.js"
import { CodeRequest, JWTResponse, LoginOptions, UrlResponse } from "./Common.js"

/**
 * `POST /v1/auth/oauth/authorize?provider=&redirectURL=&loginHint=` (the refresh
 * token with `stepup` / `mfa`); the body is the login options.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const start = Endpoint.post("oauth.start", "/v1/auth/oauth/authorize", {
  credential: "optionalRefresh",
  request: Schema.Struct({
    ...LoginOptions.fields,
    provider: Schema.String,
    redirectURL: Schema.optional(Schema.String),
    loginHint: Schema.optional(Schema.String)
  }),
  queryFields: ["provider", "redirectURL", "loginHint"],
  response: UrlResponse,
  description: "Starts an OAuth login: the provider's URL"
})

/**
 * `POST /v1/auth/oauth/exchange`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exchangeToken = Endpoint.post("oauth.exchangeToken", "/v1/auth/oauth/exchange", {
  credential: "project",
  request: CodeRequest,
  response: JWTResponse,
  description: "Exchanges an OAuth callback code for a session"
})
