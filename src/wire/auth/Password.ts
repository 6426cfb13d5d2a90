/**
 * Passwords: `/v1/auth/password/*`. Sign-up, sign-in and replace answer a
 * session; reset sends a link (or an enchanted link) to the user's address;
 * update needs the user's refresh token.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { optional, Secret } from "../Fields.js"
import { JWTResponse, LoginOptions, SignUpUser, TemplateOptions } from "./Common.js"

/**
 * The answer of a password reset: how it was sent, where, and (enchanted
 * reset) the pending reference and link id; the pending reference is `Redacted`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ResetResponse = lazy(() =>
  Schema.Struct({
    resetMethod: Schema.String,
    pendingRef: optional(Secret),
    linkId: optional(Schema.String),
    maskedEmail: Schema.String
  })
)

/**
 * The project's password policy.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Policy = lazy(() =>
  Schema.Struct({
    minLength: Schema.Number,
    lowercase: Schema.Boolean,
    uppercase: Schema.Boolean,
    number: Schema.Boolean,
    nonAlphanumeric: Schema.Boolean
  })
)

/**
 * `POST /v1/auth/password/signup`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUp = Endpoint.post("password.signUp", "/v1/auth/password/signup", {
  credential: "project",
  request: lazy(() =>
    Schema.Struct({
      loginId: Schema.String,
      password: Secret,
      user: optional(SignUpUser),
      loginOptions: optional(LoginOptions),
      providerId: optional(Schema.String)
    })
  ),
  response: JWTResponse,
  description: "Creates a user with a password and answers a session"
})

/**
 * `POST /v1/auth/password/signin`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signIn = Endpoint.post("password.signIn", "/v1/auth/password/signin", {
  credential: "project",
  request: lazy(() =>
    Schema.Struct({
      loginId: Schema.String,
      password: Secret,
      loginOptions: optional(LoginOptions),
      providerId: optional(Schema.String)
    })
  ),
  response: JWTResponse,
  description: "Signs in with a password"
})

/**
 * `POST /v1/auth/password/reset`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const sendReset = Endpoint.post("password.sendReset", "/v1/auth/password/reset", {
  credential: "project",
  request: lazy(() =>
    Schema.Struct({
      loginId: Schema.String,
      redirectUrl: optional(Schema.String),
      templateOptions: optional(TemplateOptions)
    })
  ),
  response: ResetResponse,
  description: "Sends a password reset link"
})

/**
 * `POST /v1/auth/password/update` (the user's refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("password.update", "/v1/auth/password/update", {
  credential: "refresh",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, newPassword: Secret })),
  response: Endpoint.Empty,
  description: "Sets a new password for a signed-in user"
})

/**
 * `POST /v1/auth/password/replace`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const replace = Endpoint.post("password.replace", "/v1/auth/password/replace", {
  credential: "project",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, oldPassword: Secret, newPassword: Secret })),
  response: JWTResponse,
  description: "Replaces a password given the old one, and signs in"
})

/**
 * `GET /v1/auth/password/policy`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getPolicy = Endpoint.get("password.getPolicy", "/v1/auth/password/policy", {
  credential: "project",
  response: Policy,
  description: "The project's password policy"
})
