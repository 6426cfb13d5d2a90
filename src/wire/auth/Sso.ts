/**
 * Single sign-on on the `/v1/auth/sso/*` paths (python-sdk's and go-sdk's):
 * the same flow as `/v1/auth/saml/*`, with an OIDC `prompt`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { optional } from "../Fields.js"
import { CodeRequest, JWTResponse, LoginOptions, UrlResponse } from "./Common.js"

/**
 * `POST /v1/auth/sso/authorize?tenant=&redirectURL=&prompt=&ssoId=&loginHint=&forceAuthn=`
 * (the refresh token with `stepup` / `mfa`); the body is the login options.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const start = Endpoint.post("sso.start", "/v1/auth/sso/authorize", {
  credential: "optionalRefresh",
  request: lazy(() =>
    Schema.Struct({
      ...LoginOptions.fields,
      tenant: Schema.String,
      redirectURL: optional(Schema.String),
      prompt: optional(Schema.String),
      ssoId: optional(Schema.String),
      loginHint: optional(Schema.String),
      forceAuthn: optional(Schema.String)
    })
  ),
  queryFields: ["tenant", "redirectURL", "prompt", "ssoId", "loginHint", "forceAuthn"],
  response: UrlResponse,
  description: "Starts an SSO login: the identity provider's URL"
})

/**
 * `POST /v1/auth/sso/exchange`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exchangeToken = Endpoint.post("sso.exchangeToken", "/v1/auth/sso/exchange", {
  credential: "project",
  request: CodeRequest,
  response: JWTResponse,
  description: "Exchanges an SSO callback code for a session"
})
