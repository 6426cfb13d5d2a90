/**
 * OAuth: `/v1/auth/oauth/*`. The start answers the provider's URL (the login
 * options are the body, the provider and redirect URL the query); the
 * exchange turns the callback `code` into a session. Native apps start and
 * finish with the provider's own SDK (`/v1/auth/oauth/native/*`); Google One
 * Tap verifies or exchanges the provider's ID token (`/v1/auth/onetap/*`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { JsonObject, optional, Secret } from "../Fields.js"
import { CodeRequest, JWTResponse, LoginOptions, UrlResponse } from "./Common.js"

const startFields = lazy(() => ({
  ...LoginOptions.fields,
  provider: Schema.String,
  redirectURL: optional(Schema.String),
  loginHint: optional(Schema.String)
}))

const startQuery = ["provider", "redirectURL", "loginHint"]

/**
 * `POST /v1/auth/oauth/authorize?provider=&redirectURL=&loginHint=` (the refresh
 * token with `stepup` / `mfa`); the body is the login options.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const start = Endpoint.post("oauth.start", "/v1/auth/oauth/authorize", {
  credential: "optionalRefresh",
  request: lazy(() => Schema.Struct(startFields)),
  queryFields: startQuery,
  response: UrlResponse,
  description: "Starts an OAuth login: the provider's URL"
})

/**
 * `POST /v1/auth/oauth/authorize/signin?provider=&redirectURL=&loginHint=`
 * (go-sdk's `SignIn`, its wire): as `start`, for an existing user only.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signIn = Endpoint.post("oauth.signIn", "/v1/auth/oauth/authorize/signin", {
  credential: "optionalRefresh",
  request: lazy(() => Schema.Struct(startFields)),
  queryFields: startQuery,
  response: UrlResponse,
  description: "Starts an OAuth sign-in of an existing user: the provider's URL"
})

/**
 * `POST /v1/auth/oauth/authorize/signup?provider=&redirectURL=&loginHint=`
 * (go-sdk's `SignUp`, its wire): as `start`, for a new user only.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUp = Endpoint.post("oauth.signUp", "/v1/auth/oauth/authorize/signup", {
  credential: "optionalRefresh",
  request: lazy(() => Schema.Struct(startFields)),
  queryFields: startQuery,
  response: UrlResponse,
  description: "Starts an OAuth sign-up of a new user: the provider's URL"
})

/**
 * `POST /v1/auth/oauth/authorize/update?provider=&redirectURL=&loginHint=&allowAllMerge=`
 * (the user's refresh token; go-sdk's `UpdateUser`, its wire): links the
 * provider to the signed-in user.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUser = Endpoint.post("oauth.updateUser", "/v1/auth/oauth/authorize/update", {
  credential: "refresh",
  request: lazy(() =>
    Schema.Struct({
      ...startFields,
      allowAllMerge: optional(Schema.String)
    })
  ),
  queryFields: [...startQuery, "allowAllMerge"],
  response: UrlResponse,
  description: "Links an OAuth provider to the signed-in user: the provider's URL"
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

/**
 * `POST /v1/auth/oauth/native/start`: the provider-specific parameters a
 * native app hands to the provider's SDK.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const startNative = Endpoint.post("oauth.startNative", "/v1/auth/oauth/native/start", {
  credential: "project",
  request: lazy(() =>
    Schema.Struct({
      provider: Schema.String,
      loginOptions: optional(LoginOptions),
      implicit: optional(Schema.Boolean)
    })
  ),
  response: JsonObject,
  description: "Starts a native OAuth login: the provider's parameters"
})

/**
 * `POST /v1/auth/oauth/native/finish`: the provider SDK's answer for a session.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const finishNative = Endpoint.post("oauth.finishNative", "/v1/auth/oauth/native/finish", {
  credential: "project",
  request: lazy(() =>
    Schema.Struct({
      provider: Schema.String,
      stateId: Schema.String,
      user: optional(Schema.String),
      code: optional(Secret),
      idToken: optional(Secret)
    })
  ),
  response: JWTResponse,
  description: "Finishes a native OAuth login: a session"
})

/**
 * `GET /v1/auth/onetap/clientid/{provider}`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getOneTapClientId = Endpoint.get("oauth.getOneTapClientId", "/v1/auth/onetap/clientid/{provider}", {
  credential: "project",
  response: lazy(() => Schema.Struct({ clientId: Schema.String })),
  description: "The client id One Tap is configured with for a provider"
})

const OneTapRequest = lazy(() =>
  Schema.Struct({
    provider: Schema.String,
    idToken: Secret,
    nonce: optional(Schema.String),
    loginOptions: optional(LoginOptions)
  })
)

/**
 * `POST /v1/auth/onetap/idtoken/verify`: a One Tap ID token for a code to
 * exchange later.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const verifyOneTapIdToken = Endpoint.post("oauth.verifyOneTapIDToken", "/v1/auth/onetap/idtoken/verify", {
  credential: "project",
  request: OneTapRequest,
  response: lazy(() => Schema.Struct({ code: Secret })),
  description: "Verifies a One Tap ID token: a code to exchange"
})

/**
 * `POST /v1/auth/onetap/idtoken/exchange`: a One Tap ID token for a session.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exchangeOneTapIdToken = Endpoint.post(
  "oauth.exchangeOneTapIDToken",
  "/v1/auth/onetap/idtoken/exchange",
  {
    credential: "project",
    request: OneTapRequest,
    response: JWTResponse,
    description: "Exchanges a One Tap ID token for a session"
  }
)
