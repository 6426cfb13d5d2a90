/**
 * Passkeys, server side (`client.webauthn`, the endpoints of `wire/auth/WebAuthn.ts`): a start
 * call answers the `options` to hand to the browser's WebAuthn API, and the
 * matching finish call sends the browser's `response` back.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const start = Effect.flatMap(DescopeClient, (client) =>
 *   client.webauthn.signInStart({ loginId: "ada@example.com", origin: "https://app.example.com" }))
 * const finish = (transactionId: string, response: string) => Effect.flatMap(DescopeClient, (client) =>
 *   client.webauthn.signInFinish({ transactionId, response }))
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as AuthInfo from "../core/AuthenticationInfo.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import { authenticate } from "../internal/authenticate.js"
import { nonEmpty, nonEmptySecret, signInToken } from "../internal/validate.js"
import * as Wire from "../wire/auth/WebAuthn.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * The answer of a WebAuthn start: the transaction, the options for the browser
 * (a JSON text) and whether they are creation (`true`) or request options.
 *
 * @since 0.1.0
 * @category schemas
 */
export const WebAuthnStartResponse = Wire.StartResponse

/**
 * @since 0.1.0
 * @category models
 */
export type WebAuthnStartResponse = typeof WebAuthnStartResponse.Type

/**
 * Fine-grained passkey options.
 *
 * @since 0.1.0
 * @category models
 */
export interface PasskeyOptions {
  /** Attestation (sign-up) only. */
  readonly authenticatorSelection?: {
    readonly authenticatorAttachment?: "any" | "platform" | "crossplatform" | undefined
    readonly residentKey?: "discouraged" | "preferred" | "required" | undefined
    readonly userVerification?: "preferred" | "required" | "discouraged" | undefined
  } | undefined
  /** Attestation (sign-up) only. */
  readonly attestation?: "none" | "indirect" | "direct" | undefined
  /** Assertion (sign-in) only. */
  readonly userVerification?: "preferred" | "required" | "discouraged" | undefined
  readonly extensionsJSON?: string | undefined
}

/**
 * Options of {@link WebAuthnApi.signUpStart}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpStartOptions {
  readonly loginId: string
  /** The origin of the page running the ceremony, e.g. `https://app.example.com`. */
  readonly origin: string
  /** The new user's details (`name` is the passkey's display name). */
  readonly user?: LoginOptions.SignUpUser | undefined
  readonly passkeyOptions?: PasskeyOptions | undefined
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
}

/**
 * Options of {@link WebAuthnApi.signInStart}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInStartOptions {
  readonly loginId: string
  /** The origin of the page running the ceremony. */
  readonly origin: string
  readonly loginOptions?: LoginOptions.LoginOptions | undefined
  /** The current refresh token; required with `stepup` or `mfa`. */
  readonly refreshToken?: LoginOptions.Secret | undefined
  readonly passkeyOptions?: PasskeyOptions | undefined
}

/**
 * Options of {@link WebAuthnApi.signUpOrInStart}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignUpOrInStartOptions {
  readonly loginId: string
  /** The origin of the page running the ceremony. */
  readonly origin: string
  readonly loginOptions?: LoginOptions.SignUpOptions | undefined
  readonly passkeyOptions?: PasskeyOptions | undefined
}

/**
 * Options of {@link WebAuthnApi.updateStart}.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateStartOptions {
  readonly loginId: string
  /** The origin of the page running the ceremony. */
  readonly origin: string
  /** The user's refresh token. */
  readonly refreshToken: LoginOptions.Secret
  readonly passkeyOptions?: PasskeyOptions | undefined
  /** Keep the session's factors and add the passkey: `updateFinish` then answers a session. */
  readonly mfa?: boolean | undefined
}

/**
 * Options of the finish calls.
 *
 * @since 0.1.0
 * @category models
 */
export interface FinishOptions {
  readonly transactionId: string
  /** The browser's credential, as JSON text. */
  readonly response: string
}

/**
 * The WebAuthn operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface WebAuthnApi {
  /** `POST /v1/auth/webauthn/signup/start`. */
  readonly signUpStart: (
    options: SignUpStartOptions
  ) => Effect.Effect<WebAuthnStartResponse, LoginOptions.StartError>
  /** `POST /v1/auth/webauthn/signup/finish`. */
  readonly signUpFinish: (
    options: FinishOptions
  ) => Effect.Effect<AuthInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /** `POST /v1/auth/webauthn/signin/start`. */
  readonly signInStart: (
    options: SignInStartOptions
  ) => Effect.Effect<WebAuthnStartResponse, LoginOptions.StartError>
  /** `POST /v1/auth/webauthn/signin/finish`. */
  readonly signInFinish: (
    options: FinishOptions
  ) => Effect.Effect<AuthInfo.AuthenticationInfo, LoginOptions.AuthenticationError>
  /** `POST /v1/auth/webauthn/signup-in/start`; finish with `signUpFinish` or `signInFinish` per `create`. */
  readonly signUpOrInStart: (
    options: SignUpOrInStartOptions
  ) => Effect.Effect<WebAuthnStartResponse, LoginOptions.StartError>
  /** Adds a passkey to a signed-in user (`POST /v1/auth/webauthn/update/start`). */
  readonly updateStart: (
    options: UpdateStartOptions
  ) => Effect.Effect<WebAuthnStartResponse, LoginOptions.StartError>
  /**
   * `POST /v1/auth/webauthn/update/finish`: answers the new session when the
   * start call had `mfa`, else `undefined`.
   */
  readonly updateFinish: (
    options: FinishOptions
  ) => Effect.Effect<AuthInfo.AuthenticationInfo | undefined, LoginOptions.AuthenticationError>
}

/**
 * Builds the WebAuthn operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): WebAuthnApi => {
  const finishRequest = (options: FinishOptions) =>
    Effect.gen(function*() {
      const transactionId = yield* nonEmpty("transactionId", options.transactionId)
      const response = yield* nonEmpty("response", options.response)
      return { transactionId, response }
    })

  const finish = (endpoint: typeof Wire.signUpFinish | typeof Wire.signInFinish) => (options: FinishOptions) =>
    Effect.flatMap(finishRequest(options), (request) => authenticate(validator, http.callFull(endpoint, { request })))

  return {
    signUpStart: (options) =>
      Effect.gen(function*() {
        const loginId = yield* nonEmpty("loginId", options.loginId)
        const origin = yield* nonEmpty("origin", options.origin)
        return yield* http.call(Wire.signUpStart, {
          request: {
            user: { ...options.user, loginId },
            origin,
            loginOptions: options.loginOptions,
            passkeyOptions: options.passkeyOptions
          }
        })
      }),

    signUpFinish: finish(Wire.signUpFinish),

    signInStart: (options) =>
      Effect.gen(function*() {
        const loginId = yield* nonEmpty("loginId", options.loginId)
        const origin = yield* nonEmpty("origin", options.origin)
        const token = yield* signInToken(options.loginOptions, options.refreshToken)
        return yield* http.call(Wire.signInStart, {
          request: { loginId, origin, loginOptions: options.loginOptions, passkeyOptions: options.passkeyOptions },
          token
        })
      }),

    signInFinish: finish(Wire.signInFinish),

    signUpOrInStart: (options) =>
      Effect.gen(function*() {
        const loginId = yield* nonEmpty("loginId", options.loginId)
        const origin = yield* nonEmpty("origin", options.origin)
        return yield* http.call(Wire.signUpOrInStart, {
          request: { loginId, origin, loginOptions: options.loginOptions, passkeyOptions: options.passkeyOptions }
        })
      }),

    updateStart: (options) =>
      Effect.gen(function*() {
        const loginId = yield* nonEmpty("loginId", options.loginId)
        const origin = yield* nonEmpty("origin", options.origin)
        const token = yield* nonEmptySecret("refreshToken", options.refreshToken)
        return yield* http.call(Wire.updateStart, {
          request: { loginId, origin, passkeyOptions: options.passkeyOptions, mfa: options.mfa },
          token
        })
      }),

    updateFinish: (options) =>
      Effect.gen(function*() {
        const request = yield* finishRequest(options)
        const response = yield* http.callFull(Wire.updateFinish, { request })
        const jwt = response.body.jwt
        if (jwt === undefined || jwt === null) return undefined
        return yield* AuthInfo.fromResponse(validator, { body: jwt, cookies: response.cookies })
      })
  }
}
