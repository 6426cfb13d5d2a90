/**
 * One-time codes: `/v1/auth/otp/*`. The code goes to the address of the
 * delivery method in the path (`email`, `sms`, `voice`, `whatsapp`); verifying
 * it answers a session.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { optional, Secret } from "../Fields.js"
import {
  addressFields,
  JWTResponse,
  MaskedAddress,
  MaskedEmail,
  MaskedPhone,
  SignUpUser,
  startFields,
  updateFields
} from "./Common.js"

/**
 * The body of an OTP or magic-link sign-up: the login id, the new user, the
 * login options, the messaging provider (and python-sdk's copy of the address).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SignUpRequest = lazy(() => Schema.Struct({ ...startFields, user: optional(SignUpUser), ...addressFields }))

/**
 * The body of an OTP sign-in or sign-up-or-in.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SignInRequest = lazy(() => Schema.Struct(startFields))

/**
 * `POST /v1/auth/otp/signup/{deliveryMethod}`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUp = Endpoint.post("otp.signUp", "/v1/auth/otp/signup/{deliveryMethod}", {
  credential: "project",
  request: SignUpRequest,
  response: MaskedAddress,
  description: "Creates a user and sends a code"
})

/**
 * `POST /v1/auth/otp/signin/{deliveryMethod}` (the refresh token with `stepup` / `mfa`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signIn = Endpoint.post("otp.signIn", "/v1/auth/otp/signin/{deliveryMethod}", {
  credential: "optionalRefresh",
  request: SignInRequest,
  response: MaskedAddress,
  description: "Sends a code to an existing user"
})

/**
 * `POST /v1/auth/otp/signup-in/{deliveryMethod}`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUpOrIn = Endpoint.post("otp.signUpOrIn", "/v1/auth/otp/signup-in/{deliveryMethod}", {
  credential: "project",
  request: SignInRequest,
  response: MaskedAddress,
  description: "Sends a code, creating the user when needed"
})

/**
 * `POST /v1/auth/otp/verify/{deliveryMethod}`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const verifyCode = Endpoint.post("otp.verifyCode", "/v1/auth/otp/verify/{deliveryMethod}", {
  credential: "project",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, code: Secret })),
  response: JWTResponse,
  description: "Verifies a code and answers a session"
})

/**
 * `POST /v1/auth/otp/update/email` (the user's refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUserEmail = Endpoint.post("otp.updateUserEmail", "/v1/auth/otp/update/email", {
  credential: "refresh",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, email: Schema.String, ...updateFields })),
  response: MaskedEmail,
  description: "Adds or changes the user's e-mail and sends a code to it"
})

/**
 * `POST /v1/auth/otp/update/phone/{deliveryMethod}` (the user's refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUserPhone = Endpoint.post("otp.updateUserPhone", "/v1/auth/otp/update/phone/{deliveryMethod}", {
  credential: "refresh",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, phone: Schema.String, ...updateFields })),
  response: MaskedPhone,
  description: "Adds or changes the user's phone and sends a code to it"
})
