/**
 * Authenticator apps (TOTP): `/v1/auth/totp/*`. Sign-up and update answer the
 * provisioning data (the shared secret `Redacted`); verify answers a session.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { optional, Secret } from "../Fields.js"
import { JWTResponse, LoginOptions, SignUpUser } from "./Common.js"

/**
 * The provisioning data of a TOTP registration: the `otpauth://` URL, the QR
 * code image (base64) and the key. The URL and the key hold the shared secret
 * and are `Redacted`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TotpResponse = lazy(() =>
  Schema.Struct({
    provisioningURL: Secret,
    image: Schema.String,
    key: Secret
  })
)

/**
 * `POST /v1/auth/totp/signup`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUp = Endpoint.post("totp.signUp", "/v1/auth/totp/signup", {
  credential: "project",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, user: optional(SignUpUser) })),
  response: TotpResponse,
  description: "Creates a user with an authenticator app"
})

/**
 * `POST /v1/auth/totp/verify` (the refresh token with `stepup` / `mfa`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signInCode = Endpoint.post("totp.signInCode", "/v1/auth/totp/verify", {
  credential: "optionalRefresh",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, code: Secret, loginOptions: optional(LoginOptions) })),
  response: JWTResponse,
  description: "Verifies an authenticator code and answers a session"
})

/**
 * `POST /v1/auth/totp/update` (the user's refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUser = Endpoint.post("totp.updateUser", "/v1/auth/totp/update", {
  credential: "refresh",
  request: lazy(() => Schema.Struct({ loginId: Schema.String })),
  response: TotpResponse,
  description: "Adds or replaces the user's authenticator app"
})
