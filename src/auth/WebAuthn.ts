/**
 * Passkeys, server side (`client.webauthn`, `/v1/auth/webauthn/*`): a start
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
import * as Schema from "effect/Schema"
import * as AuthInfo from "../core/AuthenticationInfo.js"
import * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import * as LoginOptions from "./LoginOptions.js"

/**
 * The answer of a WebAuthn start: the transaction, the options for the browser
 * (a JSON text) and whether they are creation (`true`) or request options.
 *
 * @since 0.1.0
 * @category schemas
 */
export const WebAuthnStartResponse = Schema.Struct({
  transactionId: Schema.String,
  options: Schema.String,
  create: Schema.optionalWith(Schema.Boolean, { default: () => false })
})

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

const UpdateFinishResponse = Schema.Struct({ jwt: Schema.optional(Schema.NullOr(AuthInfo.JWTResponse)) })

/**
 * Builds the WebAuthn operations.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service, validator: SessionValidatorService): WebAuthnApi => {
  const start = (
    path: string,
    operation: string,
    body: Record<string, unknown>,
    credential: DescopeHttp.Credential = DescopeHttp.projectCredential
  ) => http.request({ method: "POST", path, body, operation, schema: WebAuthnStartResponse, credential })

  const finishBody = (options: FinishOptions) =>
    Effect.gen(function*() {
      const transactionId = yield* LoginOptions.nonEmpty("transactionId", options.transactionId)
      const response = yield* LoginOptions.nonEmpty("response", options.response)
      return { transactionId, response }
    })

  const finish = (path: string, operation: string) => (options: FinishOptions) =>
    Effect.flatMap(finishBody(options), (body) =>
      LoginOptions.authenticate(http, validator, {
        method: "POST",
        path,
        body,
        operation,
        credential: DescopeHttp.projectCredential
      }))

  return {
    signUpStart: (options) =>
      Effect.gen(function*() {
        const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
        const origin = yield* LoginOptions.nonEmpty("origin", options.origin)
        return yield* start(
          "/v1/auth/webauthn/signup/start",
          "webauthn.signUpStart",
          LoginOptions.compact({
            user: { loginId, ...LoginOptions.encodeUser(options.user) },
            origin,
            loginOptions: options.loginOptions === undefined
              ? undefined
              : LoginOptions.encodeSignUpOptions(options.loginOptions),
            passkeyOptions: options.passkeyOptions
          })
        )
      }),

    signUpFinish: finish("/v1/auth/webauthn/signup/finish", "webauthn.signUpFinish"),

    signInStart: (options) =>
      Effect.gen(function*() {
        const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
        const origin = yield* LoginOptions.nonEmpty("origin", options.origin)
        const credential = yield* LoginOptions.signInCredential(options.loginOptions, options.refreshToken)
        return yield* start(
          "/v1/auth/webauthn/signin/start",
          "webauthn.signInStart",
          LoginOptions.compact({
            loginId,
            origin,
            loginOptions: options.loginOptions === undefined
              ? undefined
              : LoginOptions.encodeLoginOptions(options.loginOptions),
            passkeyOptions: options.passkeyOptions
          }),
          credential
        )
      }),

    signInFinish: finish("/v1/auth/webauthn/signin/finish", "webauthn.signInFinish"),

    signUpOrInStart: (options) =>
      Effect.gen(function*() {
        const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
        const origin = yield* LoginOptions.nonEmpty("origin", options.origin)
        return yield* start(
          "/v1/auth/webauthn/signup-in/start",
          "webauthn.signUpOrInStart",
          LoginOptions.compact({
            loginId,
            origin,
            loginOptions: options.loginOptions === undefined
              ? undefined
              : LoginOptions.encodeSignUpOptions(options.loginOptions),
            passkeyOptions: options.passkeyOptions
          })
        )
      }),

    updateStart: (options) =>
      Effect.gen(function*() {
        const loginId = yield* LoginOptions.nonEmpty("loginId", options.loginId)
        const origin = yield* LoginOptions.nonEmpty("origin", options.origin)
        const credential = yield* LoginOptions.refreshCredential(options.refreshToken)
        return yield* start(
          "/v1/auth/webauthn/update/start",
          "webauthn.updateStart",
          LoginOptions.compact({ loginId, origin, passkeyOptions: options.passkeyOptions, mfa: options.mfa }),
          credential
        )
      }),

    updateFinish: (options) =>
      Effect.gen(function*() {
        const body = yield* finishBody(options)
        const response = yield* http.requestFull({
          method: "POST",
          path: "/v1/auth/webauthn/update/finish",
          body,
          operation: "webauthn.updateFinish",
          schema: UpdateFinishResponse,
          credential: DescopeHttp.projectCredential
        })
        const jwt = response.body.jwt
        if (jwt === undefined || jwt === null) return undefined
        return yield* AuthInfo.fromResponse(validator, { body: jwt, cookies: response.cookies })
      })
  }
}
