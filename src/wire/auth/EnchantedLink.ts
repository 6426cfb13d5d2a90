/**
 * Enchanted links: `/v1/auth/enchantedlink/*`. An e-mail with three links,
 * one of which (`linkId`, shown to the user) works; the application polls the
 * pending session with the `pendingRef` (a `Redacted` secret) until the link is
 * followed.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Secret } from "../Fields.js"
import { JWTResponse, PendingRequest, TokenRequest, updateFields } from "./Common.js"
import { SignInRequest, SignUpRequest, uriField } from "./MagicLink.js"

/**
 * The answer of a start call: the number of the link to follow, the
 * reference to poll (`Redacted`), and where the e-mail went.
 *
 * @since 0.2.0
 * @category schemas
 */
export const LinkResponse = lazy(() =>
  Schema.Struct({
    linkId: Schema.String,
    pendingRef: Secret,
    maskedEmail: Schema.String
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type LinkResponse = typeof LinkResponse.Type

/**
 * `POST /v1/auth/enchantedlink/signup/email`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUp = Endpoint.post("enchantedLink.signUp", "/v1/auth/enchantedlink/signup/email", {
  credential: "project",
  request: SignUpRequest,
  response: LinkResponse,
  description: "Creates a user and sends an enchanted link"
})

/**
 * `POST /v1/auth/enchantedlink/signin/email` (the refresh token with `stepup` / `mfa`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signIn = Endpoint.post("enchantedLink.signIn", "/v1/auth/enchantedlink/signin/email", {
  credential: "optionalRefresh",
  request: SignInRequest,
  response: LinkResponse,
  description: "Sends an enchanted link to an existing user"
})

/**
 * `POST /v1/auth/enchantedlink/signup-in/email`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUpOrIn = Endpoint.post("enchantedLink.signUpOrIn", "/v1/auth/enchantedlink/signup-in/email", {
  credential: "project",
  request: SignInRequest,
  response: LinkResponse,
  description: "Sends an enchanted link, creating the user when needed"
})

/**
 * `POST /v1/auth/enchantedlink/verify`: the clicked link (the session goes to the poller).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const verify = Endpoint.post("enchantedLink.verify", "/v1/auth/enchantedlink/verify", {
  credential: "project",
  request: TokenRequest,
  response: Endpoint.Empty,
  description: "Verifies the token of a clicked enchanted link"
})

/**
 * `POST /v1/auth/enchantedlink/pending-session`: 401 `E062503` while the link is not followed.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getSession = Endpoint.post("enchantedLink.getSession", "/v1/auth/enchantedlink/pending-session", {
  credential: "project",
  request: PendingRequest,
  response: JWTResponse,
  description: "Polls the session of a followed enchanted link"
})

/**
 * `POST /v1/auth/enchantedlink/update/email` (the user's refresh token).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUserEmail = Endpoint.post("enchantedLink.updateUserEmail", "/v1/auth/enchantedlink/update/email", {
  credential: "refresh",
  request: lazy(() => Schema.Struct({ loginId: Schema.String, email: Schema.String, ...uriField, ...updateFields })),
  response: LinkResponse,
  description: "Adds or changes the user's e-mail and sends an enchanted link to it"
})
