/**
 * The pieces shared by the authentication endpoints: the `loginOptions`
 * object, the sign-up `user`, the contact-update options, the masked address
 * of a sent code or link, the redirect URL of a federated start, and the
 * authentication answer (`JWTResponse`), whose tokens are `Redacted` from the
 * wire on.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import * as AuthenticationInfo from "../../core/AuthenticationInfo.js"
import { lazy } from "../../internal/lazySchema.js"
import { Bool, JsonObject, opt, optional, renamed, Secret } from "../Fields.js"

/**
 * Messaging template variables (`templateOptions`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const TemplateOptions = lazy(() => Schema.Record({ key: Schema.String, value: Schema.String }))

/**
 * The `loginOptions` object of the sign-in and sign-up calls (and the whole
 * body of an OAuth / SAML / SSO start): one wire type for sign-in options
 * (`stepup`, `mfa` act on the session of the refresh token sent) and sign-up
 * options.
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
    templateOptions: optional(TemplateOptions),
    tenantId: optional(Schema.String),
    locale: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type LoginOptions = typeof LoginOptions.Type

/**
 * The `user` object of a sign-up.
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
    email: optional(Schema.String),
    phone: optional(Schema.String),
    /** The user's username (python-sdk and go-sdk send it in the sign-up user). */
    username: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SignUpUser = typeof SignUpUser.Type

/**
 * The fields of a contact update (`update/email`, `update/phone`), at the top
 * level of its body; `addToLoginIds` is `addToLoginIDs` on the wire.
 *
 * @since 0.2.0
 * @category schemas
 */
export const updateFields = {
  addToLoginIds: renamed("addToLoginIDs", Bool),
  onMergeUseExisting: optional(Bool),
  templateOptions: optional(TemplateOptions),
  templateId: optional(Schema.String),
  providerId: optional(Schema.String),
  mfa: optional(Bool)
}

/**
 * The fields a sign-up, sign-in or sign-up-or-in body shares: the login id,
 * the login options and the messaging provider.
 *
 * @since 0.2.0
 * @category schemas
 */
export const startFields = {
  loginId: Schema.String,
  loginOptions: optional(LoginOptions),
  providerId: optional(Schema.String)
}

/**
 * The copies of the new user's address that python-sdk adds to a sign-up
 * body, keyed by the delivery method (`email`, `phone`, `voice`, `whatsapp`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const addressFields = {
  email: optional(Schema.String),
  phone: optional(Schema.String),
  voice: optional(Schema.String),
  whatsapp: optional(Schema.String)
}

/**
 * `{ maskedEmail }`: where an e-mail was sent.
 *
 * @since 0.2.0
 * @category schemas
 */
export const MaskedEmail = lazy(() => Schema.Struct({ maskedEmail: Schema.String }))

/**
 * `{ maskedPhone }`: where a text, call or WhatsApp message was sent.
 *
 * @since 0.2.0
 * @category schemas
 */
export const MaskedPhone = lazy(() => Schema.Struct({ maskedPhone: Schema.String }))

/**
 * The answer of a call that sends a code or link to the address of a
 * delivery method: `{ maskedEmail }` for `email`, `{ maskedPhone }` otherwise
 * (the method is in the path, so the client checks the answer against it).
 *
 * @since 0.2.0
 * @category schemas
 */
export const MaskedAddress = lazy(() =>
  Schema.Struct({
    maskedEmail: optional(Schema.String),
    maskedPhone: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type MaskedAddress = typeof MaskedAddress.Type

/**
 * `{ url }`: where to redirect the browser (OAuth, SAML, SSO start).
 *
 * @since 0.2.0
 * @category schemas
 */
export const UrlResponse = lazy(() => Schema.Struct({ url: Schema.String }))

/**
 * `{ code }`: the code of an OAuth / SAML / SSO callback, exchanged for a session.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CodeRequest = lazy(() => Schema.Struct({ code: Secret }))

/**
 * `{ token }`: the `t` token of a clicked magic or enchanted link.
 *
 * @since 0.2.0
 * @category schemas
 */
export const TokenRequest = lazy(() => Schema.Struct({ token: Secret }))

/**
 * `{ pendingRef }`: the reference of a session that arrives later (enchanted link, NOTP).
 *
 * @since 0.2.0
 * @category schemas
 */
export const PendingRequest = lazy(() => Schema.Struct({ pendingRef: Secret }))

/**
 * The authentication answer (`JWTResponse`). Only `sessionJwt` is required in
 * practice, and even it may come as a `DS` cookie instead; the tokens are
 * `Redacted`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const JWTResponse = lazy(() =>
  // the public body schema of `AuthenticationInfo`, its two tokens read as `Redacted`
  Schema.Struct({ ...AuthenticationInfo.JWTResponse.fields, sessionJwt: opt(Secret), refreshJwt: opt(Secret) })
)

/**
 * @since 0.2.0
 * @category models
 */
export type JWTResponse = typeof JWTResponse.Type
