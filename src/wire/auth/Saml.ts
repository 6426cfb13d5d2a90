/**
 * SAML / OIDC single sign-on on the `/v1/auth/saml/*` paths (node-sdk's `saml`
 * and `sso`). The start answers the identity provider's URL (the login options
 * are the body, the tenant and redirect URL the query); the exchange turns the
 * callback `code` into a session.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { optional } from "../Fields.js"
import { CodeRequest, JWTResponse, LoginOptions, UrlResponse } from "./Common.js"

/**
 * `POST /v1/auth/saml/authorize?tenant=&redirectURL=&ssoId=&forceAuthn=&loginHint=&initiatedEmail=`
 * (the refresh token with `stepup` / `mfa`); the body is the login options.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const start = Endpoint.post("saml.start", "/v1/auth/saml/authorize", {
  credential: "optionalRefresh",
  request: lazy(() =>
    Schema.Struct({
      ...LoginOptions.fields,
      tenant: Schema.String,
      redirectURL: optional(Schema.String),
      ssoId: optional(Schema.String),
      forceAuthn: optional(Schema.String),
      loginHint: optional(Schema.String),
      initiatedEmail: optional(Schema.String)
    })
  ),
  queryFields: ["tenant", "redirectURL", "ssoId", "forceAuthn", "loginHint", "initiatedEmail"],
  response: UrlResponse,
  description: "Starts an SSO login: the identity provider's URL"
})

/**
 * `POST /v1/auth/saml/exchange`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exchangeToken = Endpoint.post("saml.exchangeToken", "/v1/auth/saml/exchange", {
  credential: "project",
  request: CodeRequest,
  response: JWTResponse,
  description: "Exchanges an SSO callback code for a session"
})

/**
 * The path of Descope's SAML assertion consumer service (ACS), where an
 * identity provider posts its SAML response for a tenant
 * (`?projectId=&tenantId=`). Not an SDK operation: the URL a tenant's SSO
 * settings show the identity provider (`ssoSettings.load`'s service provider).
 *
 * @since 0.2.0
 * @category constants
 */
export const acsPath = "/v1/auth/saml/acs"
