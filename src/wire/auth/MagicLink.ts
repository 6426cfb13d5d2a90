/**
 * Magic links: `/v1/auth/magiclink/*`. The link goes to the address of the
 * delivery method in the path (`email`, `sms`, `whatsapp`) and leads to `URI`
 * with a `t` token; verifying the token answers a session.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { optional } from "../Fields.js"
import {
  addressFields,
  JWTResponse,
  MaskedAddress,
  MaskedEmail,
  MaskedPhone,
  SignUpUser,
  startFields,
  TokenRequest,
  updateFields
} from "./Common.js"

/**
 * The redirect URL of the link (`URI`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const uriField = { URI: optional(Schema.String) }

/**
 * The body of a link sign-up: the login id, the redirect URL, the new user,
 * the login options, the messaging provider (and python-sdk's copy of the address).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SignUpRequest = lazy(() =>
  Schema.Struct({
    ...startFields,
    ...uriField,
    user: optional(SignUpUser),
    ...addressFields
  })
)

/**
 * The body of a link sign-in or sign-up-or-in.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SignInRequest = lazy(() => Schema.Struct({ ...startFields, ...uriField }))

/**
 * `POST /v1/auth/magiclink/signup/{deliveryMethod}`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUp = Endpoint.post("magicLink.signUp", "/v1/auth/magiclink/signup/{deliveryMethod}", {
  credential: "project",
  request: SignUpRequest,
  response: MaskedAddress,
  description: "Creates a user and sends a link"
})

/**
 * `POST /v1/auth/magiclink/signin/{deliveryMethod}` (the refresh token with `stepup` / `mfa`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signIn = Endpoint.post("magicLink.signIn", "/v1/auth/magiclink/signin/{deliveryMethod}", {
  credential: "optionalRefresh",
  request: SignInRequest,
  response: MaskedAddress,
  description: "Sends a link to an existing user"
})

/**
 * `POST /v1/auth/magiclink/signup-in/{deliveryMethod}`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUpOrIn = Endpoint.post("magicLink.signUpOrIn", "/v1/auth/magiclink/signup-in/{deliveryMethod}", {
  credential: "project",
  request: SignInRequest,
  response: MaskedAddress,
  description: "Sends a link, creating the user when needed"
})

/**
 * `POST /v1/auth/magiclink/verify`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const verify = Endpoint.post("magicLink.verify", "/v1/auth/magiclink/verify", {
  credential: "project",
  request: TokenRequest,
  response: JWTResponse,
  description: "Verifies the token of a clicked link and answers a session"
})

/**
 * `POST /v1/auth/magiclink/update/email` (the user's refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUserEmail = Endpoint.post("magicLink.updateUserEmail", "/v1/auth/magiclink/update/email", {
  credential: "refresh",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, email: Schema.String, ...uriField, ...updateFields })),
  response: MaskedEmail,
  description: "Adds or changes the user's e-mail and sends a link to it"
})

/**
 * The body of a phone update.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UpdatePhoneRequest = lazy(() =>
  Schema.Struct({
    loginId: Schema.String,
    phone: Schema.String,
    ...uriField,
    ...updateFields
  })
)

/**
 * `POST /v1/auth/magiclink/update/phone/{deliveryMethod}` (the user's refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUserPhone = Endpoint.post(
  "magicLink.updateUserPhone",
  "/v1/auth/magiclink/update/phone/{deliveryMethod}",
  {
    credential: "refresh",
    request: UpdatePhoneRequest,
    response: MaskedPhone,
    description: "Adds or changes the user's phone and sends a link to it"
  }
)

/**
 * `POST /v1/auth/magiclink/update/phone` (python-sdk: the method in the body
 * is not sent; the link goes by text message).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUserPhoneSms = Endpoint.post("magicLink.updateUserPhoneSms", "/v1/auth/magiclink/update/phone", {
  credential: "refresh",
  request: UpdatePhoneRequest,
  response: MaskedPhone,
  description: "Adds or changes the user's phone and texts a link to it (python-sdk's path)"
})
