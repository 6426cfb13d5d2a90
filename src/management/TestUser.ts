/**
 * Sign-in material for users without a mailbox, in `client.mgmt.user`: an
 * OTP code, a magic link or an enchanted link for a test user, and embedded
 * sign-in / sign-up tokens (verified with the magic-link verify endpoint).
 * Codes, links and tokens are `Redacted`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { checked, nonEmpty, nonNegativeInt, optionalEmail } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/TestUser.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * The login options of the test-user generators (§3.2).
 *
 * @since 0.1.0
 * @category models
 */
export interface LoginOptions {
  readonly stepup?: boolean | undefined
  readonly mfa?: boolean | undefined
  readonly revokeOtherSessions?: boolean | undefined
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  readonly templateId?: string | undefined
  readonly templateOptions?: Readonly<Record<string, string>> | undefined
  readonly tenantId?: string | undefined
}

/**
 * A delivery method of the test-user generators; `embedded` is sent as `Embedded`.
 *
 * @since 0.1.0
 * @category models
 */
export type TestDeliveryMethod = "email" | "sms" | "voice" | "whatsapp" | "embedded"

/**
 * The test-user generators and embedded links, part of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category models
 */
export interface TestUserApi {
  /** An OTP code for a test user. */
  readonly generateOtpForTestUser: (options: {
    readonly method: TestDeliveryMethod
    readonly loginId: string
    readonly loginOptions?: LoginOptions | undefined
  }) => Effect.Effect<Wire.TestUserOtp, ManagementError>
  /** A magic link for a test user. */
  readonly generateMagicLinkForTestUser: (options: {
    readonly method: TestDeliveryMethod
    readonly loginId: string
    readonly uri: string
    readonly loginOptions?: LoginOptions | undefined
  }) => Effect.Effect<Wire.TestUserMagicLink, ManagementError>
  /** An enchanted link for a test user. */
  readonly generateEnchantedLinkForTestUser: (options: {
    readonly loginId: string
    readonly uri: string
    readonly loginOptions?: LoginOptions | undefined
  }) => Effect.Effect<Wire.TestUserEnchantedLink, ManagementError>
  /** An embedded sign-in token, to verify with the magic-link verify endpoint. */
  readonly generateEmbeddedLink: (options: {
    readonly loginId: string
    readonly customClaims?: Readonly<Record<string, unknown>> | undefined
    readonly timeout?: number | undefined
  }) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
  /** An embedded sign-up token. */
  readonly generateSignUpEmbeddedLink: (options: {
    readonly loginId: string
    readonly user?: {
      readonly name?: string | undefined
      readonly givenName?: string | undefined
      readonly middleName?: string | undefined
      readonly familyName?: string | undefined
      readonly phone?: string | undefined
      readonly email?: string | undefined
    } | undefined
    readonly emailVerified?: boolean | undefined
    readonly phoneVerified?: boolean | undefined
    readonly loginOptions?: LoginOptions | undefined
    readonly timeout?: number | undefined
  }) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
}

/** The wire's delivery method: `embedded` is `Embedded`. */
const deliveryMethod = (method: TestDeliveryMethod): string => (method === "embedded" ? "Embedded" : method)

/**
 * Builds the test-user generators and embedded links of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): TestUserApi => {
  const token = (r: { readonly token: Redacted.Redacted<string> }) => r.token
  return {
    generateOtpForTestUser: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        mgmt.call(Wire.generateOtpForTestUser, {
          request: { deliveryMethod: deliveryMethod(o.method), loginId: o.loginId, loginOptions: o.loginOptions }
        })
      ),
    generateMagicLinkForTestUser: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId)],
        mgmt.call(Wire.generateMagicLinkForTestUser, {
          request: {
            deliveryMethod: deliveryMethod(o.method),
            loginId: o.loginId,
            uri: o.uri,
            loginOptions: o.loginOptions
          }
        })
      ),
    generateEnchantedLinkForTestUser: (o) =>
      checked([nonEmpty("loginId", o.loginId)], mgmt.call(Wire.generateEnchantedLinkForTestUser, { request: o })),
    generateEmbeddedLink: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonNegativeInt("timeout", o.timeout)],
        Effect.map(mgmt.call(Wire.generateEmbeddedLink, { request: o }), token)
      ),
    generateSignUpEmbeddedLink: (o) =>
      checked(
        [
          nonEmpty("loginId", o.loginId),
          optionalEmail("user.email", o.user?.email),
          nonNegativeInt("timeout", o.timeout)
        ],
        Effect.map(mgmt.call(Wire.generateSignUpEmbeddedLink, { request: o }), token)
      )
  }
}
