/**
 * `client.mgmt.jwt`: custom claims, impersonation, and management-driven
 * sign-in / sign-up sessions (§10.8). The sessions come back as
 * `AuthenticationInfo`, with both tokens validated locally.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import { InvalidArgumentError } from "../core/DescopeError.js"
import type { SessionValidatorService, ValidationError } from "../core/Session.js"
import {
  checked,
  type ManagementError,
  type ManagementHttp,
  nonEmpty,
  optionalEmail,
  reveal,
  revealOptional,
  type Secret
} from "./ManagementHttp.js"

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
  readonly impersonate: (options: {
    readonly impersonatorId: string
    readonly loginId: string
    readonly validateConsent: boolean
    readonly customClaims?: Readonly<Record<string, unknown>> | undefined
    readonly tenantId?: string | undefined
    readonly refreshDuration?: number | undefined
  }) => Effect.Effect<Redacted.Redacted<string>, ManagementError>
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
}

const JwtResponse = Schema.Struct({ jwt: Schema.Redacted(Schema.String) })

/**
 * Builds `client.mgmt.jwt`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp, validator: SessionValidatorService): JwtApi => {
  const jwtCall = (operation: string, path: string, body: unknown) =>
    Effect.map(
      mgmt.callSpec({ method: "POST", path, body, operation: `mgmt.jwt.${operation}`, schema: JwtResponse }),
      (r) => r.jwt
    )

  const session = (operation: string, path: string, body: unknown) =>
    Effect.flatMap(
      mgmt.callSpec({
        method: "POST",
        path,
        body,
        operation: `mgmt.jwt.${operation}`,
        schema: AuthenticationInfo.JWTResponse
      }),
      (response) => AuthenticationInfo.fromResponse(validator, { body: response })
    )

  const signUpLike = (operation: string, path: string) =>
  (o: {
    readonly loginId: string
    readonly user?: MgmtUserRequest | undefined
    readonly signupOptions?: MgmtSignUpOptions | undefined
  }) =>
    checked(
      [nonEmpty("loginId", o.loginId), optionalEmail("user.email", o.user?.email)],
      session(operation, path, {
        loginId: o.loginId,
        user: o.user,
        customClaims: o.signupOptions?.customClaims,
        refreshDuration: o.signupOptions?.refreshDuration
      })
    )

  return {
    updateJwt: (o) =>
      checked(
        [nonEmpty("jwt", reveal(o.jwt))],
        jwtCall("updateJwt", "/v1/mgmt/jwt/update", {
          jwt: reveal(o.jwt),
          customClaims: o.customClaims,
          refreshDuration: o.refreshDuration
        })
      ),
    impersonate: (o) =>
      checked(
        [nonEmpty("impersonatorId", o.impersonatorId), nonEmpty("loginId", o.loginId)],
        jwtCall("impersonate", "/v1/mgmt/impersonate", {
          impersonatorId: o.impersonatorId,
          loginId: o.loginId,
          validateConsent: o.validateConsent,
          customClaims: o.customClaims,
          selectedTenant: o.tenantId,
          refreshDuration: o.refreshDuration
        })
      ),
    stopImpersonation: (o) =>
      checked(
        [nonEmpty("jwt", reveal(o.jwt))],
        jwtCall("stopImpersonation", "/v1/mgmt/stop/impersonation", {
          jwt: reveal(o.jwt),
          customClaims: o.customClaims,
          selectedTenant: o.tenantId,
          refreshDuration: o.refreshDuration
        })
      ),
    signIn: (o) => {
      const lo = o.loginOptions ?? {}
      const jwt = revealOptional(lo.jwt)
      return checked(
        [
          nonEmpty("loginId", o.loginId),
          (lo.stepup === true || lo.mfa === true) && (jwt === undefined || jwt === "")
            ? Effect.fail(new InvalidArgumentError({ field: "loginOptions.jwt", reason: "is required for stepup or mfa" }))
            : Effect.void
        ],
        session("signIn", "/v1/mgmt/auth/signin", {
          loginId: o.loginId,
          stepup: lo.stepup,
          mfa: lo.mfa,
          revokeOtherSessions: lo.revokeOtherSessions,
          customClaims: lo.customClaims,
          jwt,
          refreshDuration: lo.refreshDuration,
          tenantId: lo.tenantId
        })
      )
    },
    signUp: signUpLike("signUp", "/v1/mgmt/auth/signup"),
    signUpOrIn: signUpLike("signUpOrIn", "/v1/mgmt/auth/signup-in"),
    anonymous: (o = {}) =>
      session("anonymous", "/v1/mgmt/auth/anonymous", {
        customClaims: o.customClaims,
        selectedTenant: o.tenantId,
        refreshDuration: o.refreshDuration
      })
  }
}
