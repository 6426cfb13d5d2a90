/**
 * Enchanted links (`client.enchantedLink`, the endpoints of `wire/auth/EnchantedLink.ts`, e-mail
 * only): the e-mail holds several links and the user clicks the one whose id
 * is `linkId`; meanwhile the application waits for the session with
 * {@link EnchantedLinkApi.waitForSession}.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const program = Effect.gen(function*() {
 *   const client = yield* DescopeClient
 *   const { linkId, pendingRef } = yield* client.enchantedLink.signUpOrIn({
 *     loginId: "ada@example.com",
 *     uri: "https://app.example.com/verify"
 *   })
 *   // show linkId to the user, then:
 *   return yield* client.enchantedLink.waitForSession(pendingRef, { timeout: "5 minutes" })
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as AuthInfo from "../core/AuthenticationInfo.js"
import { type AuthError, ErrorCodes } from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import * as Delivery from "../internal/delivery.js"
import * as Polling from "../internal/polling.js"
import { nonEmptySecret } from "../internal/validate.js"
import * as Wire from "../wire/auth/EnchantedLink.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * The answer of an enchanted-link start: the id of the link to click, the
 * reference to poll, and the masked address.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EnchantedLinkResponse = Wire.LinkResponse

/**
 * @since 0.1.0
 * @category models
 */
export type EnchantedLinkResponse = typeof EnchantedLinkResponse.Type

/**
 * Options of {@link EnchantedLinkApi.signUp}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOptions {
  readonly loginId: string
  /** The redirect URL of the links (`URI`); may be left out when the project has one. */
  readonly uri?: string | undefined
  readonly user?: LoginOptions.SignUpUser | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link EnchantedLinkApi.signIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInOptions {
  readonly loginId: string
  /** The redirect URL of the links (`URI`); may be left out when the project has one. */
  readonly uri?: string | undefined
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link EnchantedLinkApi.signUpOrIn}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOrInOptions {
  readonly loginId: string
  /** The redirect URL of the links (`URI`); may be left out when the project has one. */
  readonly uri?: string | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  /** A messaging provider override. */
  readonly providerId?: string | undefined
}

/**
 * Options of {@link EnchantedLinkApi.updateUserEmail}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateUserEmailOptions extends LoginOptions.UpdateOptions {
  readonly loginId: string
  /** The new address; must pass the SDK's e-mail rule (one `@`, no white space). */
  readonly email: string
  /** The redirect URL of the links (`URI`). */
  readonly uri?: string | undefined
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
}

/**
 * The enchanted-link operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface EnchantedLinkApi {
  /** Creates a user and sends the links (`POST /v1/auth/enchantedlink/signup/email`). */
  readonly signUp: (options: SignUpOptions) => Effect.Effect<EnchantedLinkResponse, LoginOptions.StartError>
  /** Sends the links to an existing user (`POST /v1/auth/enchantedlink/signin/email`). */
  readonly signIn: (options: SignInOptions) => Effect.Effect<EnchantedLinkResponse, LoginOptions.StartError>
  /** Sends the links, creating the user when needed (`POST /v1/auth/enchantedlink/signup-in/email`). */
  readonly signUpOrIn: (options: SignUpOrInOptions) => Effect.Effect<EnchantedLinkResponse, LoginOptions.StartError>
  /** Verifies the `t` token of the clicked link (`POST /v1/auth/enchantedlink/verify`); the session goes to the poller. */
  readonly verify: (token: LoginOptions.Secret) => Effect.Effect<void, LoginOptions.StartError>
  /**
   * Polls once for the session (`POST /v1/auth/enchantedlink/pending-session`).
   * While the link is not clicked it fails with `AuthError` 401 / `E062503`.
   */
  readonly getSession: (
    pendingRef: LoginOptions.Secret
  ) => Effect.Effect<AuthInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /**
   * Polls until the link is clicked: every `interval` (default and minimum 1 s)
   * while pending, at least `retryAfter` after a rate limit, stopping at once on
   * any other error; `PollingTimeoutError` after `timeout` (default 10 min).
   * Interrupting it stops the polling.
   */
  readonly waitForSession: (
    pendingRef: LoginOptions.Secret,
    options?: LoginOptions.WaitForSessionOptions
  ) => Effect.Effect<AuthInfo.AuthenticationInfo, LoginOptions.WaitForSessionError>
  /** Adds or changes the user's e-mail and sends the links to it (`POST /v1/auth/enchantedlink/update/email`). */
  readonly updateUserEmail: (
    options: UpdateUserEmailOptions
  ) => Effect.Effect<EnchantedLinkResponse, LoginOptions.StartError>
}

/**
 * Whether a `pending-session` error means "not clicked yet": HTTP 401 or `E062503`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isPending = (error: AuthError): boolean =>
  error.status === 401 || error.errorCode === ErrorCodes.EnchantedLinkPending

/**
 * Builds the enchanted-link operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): EnchantedLinkApi => {
  const flow = Delivery.starts({
    methods: ["email"],
    links: true,
    signUp: Delivery.fixed(http, Wire.signUp),
    signIn: Delivery.fixed(http, Wire.signIn),
    signUpOrIn: Delivery.fixed(http, Wire.signUpOrIn),
    answer: (_method, answer: EnchantedLinkResponse) => Effect.succeed(answer)
  })
  const pending = Polling.pendingSession(http, validator, {
    endpoint: Wire.getSession,
    waitOperation: "enchantedLink.waitForSession",
    isPending
  })
  return {
    signUp: flow.signUp,
    signIn: flow.signIn,
    signUpOrIn: flow.signUpOrIn,
    verify: (token) =>
      Effect.gen(function*() {
        const value = yield* nonEmptySecret("token", token)
        yield* http.call(Wire.verify, { request: { token: value } })
      }),
    getSession: pending.getSession,
    waitForSession: pending.waitForSession,
    updateUserEmail: Delivery.updateEmail({ links: true, send: Delivery.fixed(http, Wire.updateUserEmail) })
  }
}
