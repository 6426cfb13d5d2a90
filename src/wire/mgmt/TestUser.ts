/**
 * Sign-in material generated for users without a mailbox:
 * `/v1/mgmt/tests/generate/*` (an OTP code, a magic link, an enchanted link
 * for a test user) and the embedded links (`/v1/mgmt/user/signin/embeddedlink`,
 * `/v1/mgmt/user/signup/embeddedlink`), whose token is verified with the
 * magic-link verify endpoint. Codes, links and tokens are secrets.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, Num, optional, renamed, Secret } from "../Fields.js"

/**
 * The login options of the generators (§3.2).
 *
 * @since 0.2.0
 * @category schemas
 */
export const LoginOptions = lazy(() =>
  Schema.Struct({
    stepup: optional(Bool),
    mfa: optional(Bool),
    revokeOtherSessions: optional(Bool),
    customClaims: optional(JsonObject),
    templateId: optional(Schema.String),
    templateOptions: optional(Schema.Record({ key: Schema.String, value: Schema.String })),
    tenantId: optional(Schema.String),
    locale: optional(Schema.String)
  })
)

/**
 * A generated OTP code for a test user.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TestUserOtp = lazy(() => Schema.Struct({ loginId: Schema.String, code: Secret }))

/**
 * @since 0.2.0
 * @category models
 */
export type TestUserOtp = typeof TestUserOtp.Type

/**
 * A generated magic link for a test user (the link holds the token).
 *
 * @since 0.2.0
 * @category schemas
 */
export const TestUserMagicLink = lazy(() => Schema.Struct({ loginId: Schema.String, link: Secret }))

/**
 * @since 0.2.0
 * @category models
 */
export type TestUserMagicLink = typeof TestUserMagicLink.Type

/**
 * A generated enchanted link for a test user, with the reference to poll.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TestUserEnchantedLink = lazy(() =>
  Schema.Struct({ loginId: Schema.String, link: Secret, pendingRef: Secret })
)

/**
 * @since 0.2.0
 * @category models
 */
export type TestUserEnchantedLink = typeof TestUserEnchantedLink.Type

/**
 * `{ token }`: an embedded link's token.
 *
 * @since 0.2.0
 * @category schemas
 */
export const EmbeddedToken = lazy(() => Schema.Struct({ token: Secret }))

/**
 * The user of a sign-up embedded link.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SignUpUser = lazy(() =>
  Schema.Struct({
    name: optional(Schema.String),
    givenName: optional(Schema.String),
    middleName: optional(Schema.String),
    familyName: optional(Schema.String),
    phone: optional(Schema.String),
    email: optional(Schema.String)
  })
)

const generator = {
  /** `email`, `sms`, `voice`, `whatsapp`, or `Embedded`. */
  deliveryMethod: optional(Schema.String),
  loginId: Schema.String,
  loginOptions: optional(LoginOptions)
}

/**
 * `POST /v1/mgmt/tests/generate/otp`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const generateOtpForTestUser = Endpoint.post("mgmt.user.generateOtpForTestUser", "/v1/mgmt/tests/generate/otp", {
  credential: "management",
  request: lazy(() => Schema.Struct(generator)),
  response: TestUserOtp,
  description: "Generates an OTP code for a test user"
})

/**
 * `POST /v1/mgmt/tests/generate/magiclink` (`URI` on the wire).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const generateMagicLinkForTestUser = Endpoint.post(
  "mgmt.user.generateMagicLinkForTestUser",
  "/v1/mgmt/tests/generate/magiclink",
  {
    credential: "management",
    request: lazy(() => Schema.Struct({ ...generator, uri: renamed("URI", Schema.String) })),
    response: TestUserMagicLink,
    description: "Generates a magic link for a test user"
  }
)

/**
 * `POST /v1/mgmt/tests/generate/enchantedlink` (`URI` on the wire).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const generateEnchantedLinkForTestUser = Endpoint.post(
  "mgmt.user.generateEnchantedLinkForTestUser",
  "/v1/mgmt/tests/generate/enchantedlink",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        loginId: Schema.String,
        uri: renamed("URI", Schema.String),
        loginOptions: optional(LoginOptions)
      })
    ),
    response: TestUserEnchantedLink,
    description: "Generates an enchanted link for a test user"
  }
)

/**
 * `POST /v1/mgmt/user/signin/embeddedlink` (`timeout` in seconds, 0 = the default).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const generateEmbeddedLink = Endpoint.post(
  "mgmt.user.generateEmbeddedLink",
  "/v1/mgmt/user/signin/embeddedlink",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        loginId: Schema.String,
        customClaims: optional(JsonObject),
        timeout: optional(Num)
      })
    ),
    response: EmbeddedToken,
    description: "Generates an embedded sign-in token for an existing user"
  }
)

/**
 * `POST /v1/mgmt/user/signup/embeddedlink`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const generateSignUpEmbeddedLink = Endpoint.post(
  "mgmt.user.generateSignUpEmbeddedLink",
  "/v1/mgmt/user/signup/embeddedlink",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        loginId: Schema.String,
        user: optional(SignUpUser),
        emailVerified: optional(Bool),
        phoneVerified: optional(Bool),
        loginOptions: optional(LoginOptions),
        timeout: optional(Num)
      })
    ),
    response: EmbeddedToken,
    description: "Generates an embedded sign-up token (the user is created when unknown)"
  }
)
