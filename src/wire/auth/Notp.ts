/**
 * NOTP (WhatsApp without a code): `/v1/auth/notp/*`. A start answers the
 * WhatsApp link, its QR code and a `pendingRef` (`Redacted`); the application
 * polls the pending session until the user sends the message.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, optional, renamed, Secret } from "../Fields.js"
import { JWTResponse, LoginOptions, PendingRequest, SignUpUser, TemplateOptions } from "./Common.js"

/**
 * The answer of a NOTP start: the reference to poll (`Redacted`), the
 * WhatsApp URL and its QR code image (base64).
 *
 * @since 0.2.0
 * @category schemas
 */
export const NotpResponse = lazy(() =>
  Schema.Struct({
    pendingRef: Secret,
    redirectUrl: Schema.String,
    image: Schema.String
  })
)

const startFields = {
  loginId: optional(Schema.String),
  loginOptions: optional(LoginOptions),
  providerId: optional(Schema.String)
}

/**
 * `POST /v1/auth/notp/whatsapp/signup`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUp = Endpoint.post("notp.signUp", "/v1/auth/notp/whatsapp/signup", {
  credential: "project",
  request: lazy(() => Schema.Struct({ ...startFields, user: optional(SignUpUser) })),
  response: NotpResponse,
  description: "Creates a user signing in by WhatsApp message"
})

/**
 * `POST /v1/auth/notp/whatsapp/signin` (the refresh token with `stepup` / `mfa`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signIn = Endpoint.post("notp.signIn", "/v1/auth/notp/whatsapp/signin", {
  credential: "optionalRefresh",
  request: lazy(() => Schema.Struct(startFields)),
  response: NotpResponse,
  description: "Signs in an existing user by WhatsApp message"
})

/**
 * `POST /v1/auth/notp/whatsapp/signup-in`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUpOrIn = Endpoint.post("notp.signUpOrIn", "/v1/auth/notp/whatsapp/signup-in", {
  credential: "project",
  request: lazy(() => Schema.Struct(startFields)),
  response: NotpResponse,
  description: "Signs in by WhatsApp message, creating the user when needed"
})

/**
 * `POST /v1/auth/notp/pending-session`: 401 while the message was not sent.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getSession = Endpoint.post("notp.getSession", "/v1/auth/notp/pending-session", {
  credential: "project",
  request: PendingRequest,
  response: JWTResponse,
  description: "Polls the session of a NOTP login"
})

/**
 * The messaging templates of a NOTP update (go-sdk's `NOTPTemplates`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const NotpTemplates = lazy(() =>
  Schema.Struct({
    verifyTemplateId: optional(Schema.String),
    successTemplateId: optional(Schema.String),
    errorTemplateId: optional(Schema.String)
  })
)

/**
 * `POST /v1/auth/notp/whatsapp/update` (the user's refresh token; go-sdk's
 * `UpdateUser`, its wire): a new WhatsApp number for a signed-in user, set once
 * the user sends the message from it.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateUser = Endpoint.post("notp.updateUser", "/v1/auth/notp/whatsapp/update", {
  credential: "refresh",
  request: lazy(() =>
    Schema.Struct({
      loginId: Schema.String,
      phone: Schema.String,
      addToLoginIds: renamed("addToLoginIDs", Bool),
      onMergeUseExisting: optional(Bool),
      templateOptions: optional(TemplateOptions),
      providerId: optional(Schema.String),
      templates: optional(NotpTemplates),
      locale: optional(Schema.String)
    })
  ),
  response: NotpResponse,
  description: "Changes a signed-in user's WhatsApp number by WhatsApp message"
})
