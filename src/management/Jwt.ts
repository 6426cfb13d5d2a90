/**
 * `client.mgmt.jwt`: custom claims, impersonation, and management-driven
 * sign-in / sign-up sessions (§10.8). The sessions come back as
 * `AuthenticationInfo`, with both tokens validated locally.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import { InvalidArgumentError } from "../core/DescopeError.js"
import type { SessionValidatorService, ValidationError } from "../core/Session.js"
import { checked, nonEmpty, nonEmptySecret, optionalEmail, redacted, type Secret } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Jwt.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * Options of the management sign-in (sent flat in the body).
 *
 * @since 0.1.0
 * @category models
 */
export interface MgmtLoginOptions {
  readonly stepup?: boolean | undefined
  readonly mfa?: boolean | undefined
  readonly revokeOtherSessions?: boolean | undefined
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  /** The user's current refresh JWT; required with `stepup` or `mfa`. */
  readonly jwt?: Secret | undefined
  /** Seconds the new refresh JWT is valid. */
  readonly refreshDuration?: number | undefined
  /** The tenant to select (node-sdk). */
  readonly tenantId?: string | undefined
}

/**
 * The user of a management sign-up (node-sdk's field names: `verifiedEmail`,
 * `verifiedPhone`, `ssoAppIds`, sent inside `user`; python-sdk sends
 * `emailVerified` / `phoneVerified` / `ssoAppId` inside and at the top level).
 *
 * @since 0.1.0
 * @category models
 */
export interface MgmtUserRequest {
  readonly email?: string | undefined
  readonly phone?: string | undefined
  readonly name?: string | undefined
  readonly givenName?: string | undefined
  readonly middleName?: string | undefined
  readonly familyName?: string | undefined
  readonly verifiedEmail?: boolean | undefined
  readonly verifiedPhone?: boolean | undefined
  readonly ssoAppIds?: ReadonlyArray<string> | undefined
}

/**
 * Options of the management sign-up.
 *
 * @since 0.1.0
 * @category models
 */
export interface MgmtSignUpOptions {
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  readonly refreshDuration?: number | undefined
}

/**
 * The errors of the management sessions: the call's, or a token that failed validation.
 *
 * @since 0.1.0
 * @category models
 */
export type MgmtSessionError = ManagementError | ValidationError

/**
 * `client.mgmt.jwt`.
 *
 * @since 0.1.0
 * @category models
 */
export interface JwtApi {
  /** Adds custom claims to a JWT and refreshes its authorization claims. */
  readonly updateJwt: (options: {
    readonly jwt: Secret
    readonly customClaims?: Readonly<Record<string, unknown>> | undefined
    readonly refreshDuration?: number | undefined
  }) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
  /**
   * A refresh JWT of `loginId` for `impersonatorId`, who must hold the
   * `impersonation` permission; `tenantId` becomes the `dct` claim.
   */
  readonly impersonate: (options: ImpersonateOptions) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
  /** {@link JwtApi.impersonate} with a stepped-up session (node-sdk `impersonateStepup`). */
  readonly impersonateStepup: (options: ImpersonateOptions) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
  /** Ends an impersonation: a refresh JWT of the impersonator. */
  readonly stopImpersonation: (options: {
    readonly jwt: Secret
    readonly customClaims?: Readonly<Record<string, unknown>> | undefined
    readonly tenantId?: string | undefined
    readonly refreshDuration?: number | undefined
  }) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
  /** A session for an existing user, as if they signed in. */
  readonly signIn: (options: {
    readonly loginId: string
    readonly loginOptions?: MgmtLoginOptions | undefined
  }) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, MgmtSessionError>
  /** A session for a new user, as if they signed up. */
  readonly signUp: (options: {
    readonly loginId: string
    readonly user?: MgmtUserRequest | undefined
    readonly signupOptions?: MgmtSignUpOptions | undefined
  }) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, MgmtSessionError>
  /** A session for a user, created when unknown. */
  readonly signUpOrIn: (options: {
    readonly loginId: string
    readonly user?: MgmtUserRequest | undefined
    readonly signupOptions?: MgmtSignUpOptions | undefined
  }) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, MgmtSessionError>
  /** An anonymous session (no user). */
  readonly anonymous: (options?: {
    readonly customClaims?: Readonly<Record<string, unknown>> | undefined
    readonly tenantId?: string | undefined
    readonly refreshDuration?: number | undefined
  }) => Effect.Effect<AuthenticationInfo.AuthenticationInfo, MgmtSessionError>
  /**
   * A client assertion JWT signed by the project, for OAuth client
   * authentication (node-sdk `generateClientAssertionJwt`); `expiresIn` in seconds.
   */
  readonly generateClientAssertionJwt: (options: {
    readonly issuer: string
    readonly subject: string
    readonly audience: ReadonlyArray<string>
    readonly expiresIn: number
    readonly flattenAudience?: boolean | undefined
    readonly algorithm?: string | undefined
  }) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
}

/**
 * Options of `impersonate` and `impersonateStepup`: `tenantId` becomes the `dct` claim.
 *
 * @since 0.2.0
 * @category models
 */
export interface ImpersonateOptions {
  readonly impersonatorId: string
  readonly loginId: string
  readonly validateConsent: boolean
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  readonly tenantId?: string | undefined
  readonly refreshDuration?: number | undefined
  /**
   * A stepped-up session for the impersonated user (python-sdk's `stepup`;
   * `impersonateStepup` is node-sdk's way to the same).
   */
  readonly stepup?: boolean | undefined
}

const optionalSecret = (secret: Secret | undefined): Redacted.Redacted<string> | undefined =>
  secret === undefined ? undefined : redacted(secret)

const isBlank = (secret: Secret | undefined): boolean =>
  secret === undefined || (Redacted.isRedacted(secret) ? Redacted.value(secret) : secret) === ""

/**
 * Builds `client.mgmt.jwt`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp, validator: SessionValidatorService): JwtApi => {
  const session = (response: Effect.Effect<Wire.SessionResponse, ManagementError>) =>
    Effect.flatMap(response, (r) => AuthenticationInfo.fromResponse(validator, { body: r }))
  const impersonation =
    (endpoint: typeof Wire.impersonate | typeof Wire.impersonateStepup) => (o: ImpersonateOptions) =>
      checked(
        [nonEmpty("impersonatorId", o.impersonatorId), nonEmpty("loginId", o.loginId)],
        Effect.map(mgmt.call(endpoint, { request: o }), (r) => r.jwt)
      )
  const signUpLike = (endpoint: typeof Wire.signUp | typeof Wire.signUpOrIn) =>
  (o: {
    readonly loginId: string
    readonly user?: MgmtUserRequest | undefined
    readonly signupOptions?: MgmtSignUpOptions | undefined
  }) =>
    checked(
      [nonEmpty("loginId", o.loginId), optionalEmail("user.email", o.user?.email)],
      session(mgmt.call(endpoint, { request: { loginId: o.loginId, user: o.user, ...o.signupOptions } }))
    )

  return {
    updateJwt: (o) =>
      checked(
        [nonEmptySecret("jwt", o.jwt)],
        Effect.map(mgmt.call(Wire.updateJwt, { request: { ...o, jwt: redacted(o.jwt) } }), (r) => r.jwt)
      ),
    impersonate: impersonation(Wire.impersonate),
    impersonateStepup: impersonation(Wire.impersonateStepup),
    stopImpersonation: (o) =>
      checked(
        [nonEmptySecret("jwt", o.jwt)],
        Effect.map(mgmt.call(Wire.stopImpersonation, { request: { ...o, jwt: redacted(o.jwt) } }), (r) => r.jwt)
      ),
    signIn: (o) => {
      const lo = o.loginOptions ?? {}
      return checked(
        [
          nonEmpty("loginId", o.loginId),
          (lo.stepup === true || lo.mfa === true) && isBlank(lo.jwt)
            ? Effect.fail(
              new InvalidArgumentError({ field: "loginOptions.jwt", reason: "is required for stepup or mfa" })
            )
            : Effect.void
        ],
        session(mgmt.call(Wire.signIn, { request: { ...lo, loginId: o.loginId, jwt: optionalSecret(lo.jwt) } }))
      )
    },
    signUp: signUpLike(Wire.signUp),
    signUpOrIn: signUpLike(Wire.signUpOrIn),
    anonymous: (o = {}) => session(mgmt.call(Wire.anonymous, { request: o })),
    generateClientAssertionJwt: (o) =>
      checked(
        [nonEmpty("issuer", o.issuer), nonEmpty("subject", o.subject)],
        Effect.map(mgmt.call(Wire.generateClientAssertionJwt, { request: o }), (r) => r.jwt)
      )
  }
}
