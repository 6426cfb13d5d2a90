/**
 * WebAuthn (passkeys): `/v1/auth/webauthn/*`. A start answers the options for
 * the browser and a transaction; the finish sends the browser's answer back and
 * answers a session (an update finish, a session only when Descope sends one).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, opt, optional } from "../Fields.js"
import { JWTResponse, LoginOptions, SignUpUser } from "./Common.js"

/**
 * The answer of a WebAuthn start: the transaction, the options for the browser
 * (a JSON text) and whether they are creation (`true`) or request options.
 *
 * @since 0.2.0
 * @category schemas
 */
export const StartResponse = lazy(() =>
  Schema.Struct({
    transactionId: Schema.String,
    options: Schema.String,
    create: Schema.optionalWith(Schema.Boolean, { default: () => false })
  })
)

/**
 * The body of a finish: the transaction and the browser's answer (a JSON text).
 *
 * @since 0.2.0
 * @category schemas
 */
export const FinishRequest = lazy(() => Schema.Struct({ transactionId: Schema.String, response: Schema.String }))

const startFields = {
  origin: Schema.String,
  loginOptions: optional(LoginOptions),
  passkeyOptions: optional(Schema.Unknown)
}

/**
 * `POST /v1/auth/webauthn/signup/start`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUpStart = Endpoint.post("webauthn.signUpStart", "/v1/auth/webauthn/signup/start", {
  credential: "project",
  request: lazy(() =>
    Schema.Struct({
      ...startFields,
      user: Schema.Struct({ loginId: Schema.String, ...SignUpUser.fields })
    })
  ),
  response: StartResponse,
  description: "Starts a passkey sign-up"
})

/**
 * `POST /v1/auth/webauthn/signup/finish`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUpFinish = Endpoint.post("webauthn.signUpFinish", "/v1/auth/webauthn/signup/finish", {
  credential: "project",
  request: FinishRequest,
  response: JWTResponse,
  description: "Finishes a passkey sign-up"
})

/**
 * `POST /v1/auth/webauthn/signin/start` (the refresh token with `stepup` / `mfa`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signInStart = Endpoint.post("webauthn.signInStart", "/v1/auth/webauthn/signin/start", {
  credential: "optionalRefresh",
  request: lazy(() => Schema.Struct({ ...startFields, loginId: Schema.String })),
  response: StartResponse,
  description: "Starts a passkey sign-in"
})

/**
 * `POST /v1/auth/webauthn/signin/finish`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signInFinish = Endpoint.post("webauthn.signInFinish", "/v1/auth/webauthn/signin/finish", {
  credential: "project",
  request: FinishRequest,
  response: JWTResponse,
  description: "Finishes a passkey sign-in"
})

/**
 * `POST /v1/auth/webauthn/signup-in/start`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUpOrInStart = Endpoint.post("webauthn.signUpOrInStart", "/v1/auth/webauthn/signup-in/start", {
  credential: "project",
  request: lazy(() => Schema.Struct({ ...startFields, loginId: Schema.String })),
  response: StartResponse,
  description: "Starts a passkey sign-in, or a sign-up for a new user"
})

/**
 * `POST /v1/auth/webauthn/update/start` (the user's refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateStart = Endpoint.post("webauthn.updateStart", "/v1/auth/webauthn/update/start", {
  credential: "refresh",
  request: lazy(() =>
    Schema.Struct({
      loginId: Schema.String,
      origin: Schema.String,
      passkeyOptions: optional(Schema.Unknown),
      mfa: optional(Bool)
    })
  ),
  response: StartResponse,
  description: "Starts adding a passkey to a signed-in user"
})

/**
 * `POST /v1/auth/webauthn/update/finish`: `{ jwt }` when Descope answers a session.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateFinish = Endpoint.post("webauthn.updateFinish", "/v1/auth/webauthn/update/finish", {
  credential: "project",
  request: FinishRequest,
  response: lazy(() => Schema.Struct({ jwt: opt(JWTResponse) })),
  description: "Finishes adding a passkey"
})
