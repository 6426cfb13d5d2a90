/**
 * Management tokens: custom claims (`/v1/mgmt/jwt/update`), impersonation
 * (`/v1/mgmt/impersonate`, its step-up, and its end), management-driven
 * sessions (`/v1/mgmt/auth/*`) and client assertions. Every token, sent or
 * answered, is a `Secret`. The selected tenant is `tenantId` in the program
 * and `selectedTenant` on the wire, except in a sign-in's options.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import { JWTResponse } from "../auth/Common.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, Num, optional, renamed, Secret, Strings } from "../Fields.js"

/**
 * A single token answer (`{ jwt }`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const JwtResponse = lazy(() => Schema.Struct({ jwt: Secret }))

/**
 * A session answer: the auth API's `JWTResponse` (one schema), its tokens
 * `Redacted`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SessionResponse = JWTResponse

/**
 * @since 0.2.0
 * @category models
 */
export type SessionResponse = JWTResponse

const session = {
  customClaims: optional(JsonObject),
  /** Seconds the new refresh JWT is valid. */
  refreshDuration: optional(Num)
}

/**
 * `POST /v1/mgmt/jwt/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateJwt = Endpoint.post("mgmt.jwt.updateJwt", "/v1/mgmt/jwt/update", {
  credential: "management",
  request: lazy(() => Schema.Struct({ jwt: Secret, ...session })),
  response: JwtResponse,
  description: "Adds custom claims to a JWT and refreshes its authorization claims"
})

const Impersonation = lazy(() =>
  Schema.Struct({
    impersonatorId: Schema.String,
    loginId: Schema.String,
    validateConsent: Bool,
    tenantId: renamed("selectedTenant", Schema.String),
    /** A stepped-up session (python-sdk's `stepup` on `impersonate`). */
    stepup: optional(Bool),
    ...session
  })
)

/**
 * `POST /v1/mgmt/impersonate`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const impersonate = Endpoint.post("mgmt.jwt.impersonate", "/v1/mgmt/impersonate", {
  credential: "management",
  request: Impersonation,
  response: JwtResponse,
  description: "A refresh JWT of a user for an impersonator holding the impersonation permission"
})

/**
 * `POST /v1/mgmt/impersonate/stepup`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const impersonateStepup = Endpoint.post("mgmt.jwt.impersonateStepup", "/v1/mgmt/impersonate/stepup", {
  credential: "management",
  request: Impersonation,
  response: JwtResponse,
  description: "Impersonation with a stepped-up session"
})

/**
 * `POST /v1/mgmt/stop/impersonation`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const stopImpersonation = Endpoint.post("mgmt.jwt.stopImpersonation", "/v1/mgmt/stop/impersonation", {
  credential: "management",
  request: lazy(() => Schema.Struct({ jwt: Secret, tenantId: renamed("selectedTenant", Schema.String), ...session })),
  response: JwtResponse,
  description: "Ends an impersonation: a refresh JWT of the impersonator"
})

/**
 * `POST /v1/mgmt/auth/signin`: the login options flat in the body.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signIn = Endpoint.post("mgmt.jwt.signIn", "/v1/mgmt/auth/signin", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      loginId: Schema.String,
      stepup: optional(Bool),
      mfa: optional(Bool),
      revokeOtherSessions: optional(Bool),
      /** The user's current refresh JWT; required with `stepup` or `mfa`. */
      jwt: optional(Secret),
      tenantId: optional(Schema.String),
      ...session
    })
  ),
  response: SessionResponse,
  description: "A session for an existing user, as if they signed in"
})

/**
 * The user of a management sign-up (node-sdk's fields).
 *
 * @since 0.2.0
 * @category schemas
 */
export const MgmtUserRequest = lazy(() =>
  Schema.Struct({
    email: optional(Schema.String),
    phone: optional(Schema.String),
    name: optional(Schema.String),
    givenName: optional(Schema.String),
    middleName: optional(Schema.String),
    familyName: optional(Schema.String),
    verifiedEmail: optional(Bool),
    verifiedPhone: optional(Bool),
    ssoAppIds: optional(Strings)
  })
)

const SignUpRequest = lazy(() =>
  Schema.Struct({
    loginId: Schema.String,
    user: optional(MgmtUserRequest),
    ...session,
    /** python-sdk, read by the emulator. */
    emailVerified: optional(Bool),
    /** python-sdk, read by the emulator. */
    phoneVerified: optional(Bool),
    /** python-sdk, read by the emulator. */
    ssoAppId: optional(Schema.String)
  })
)

/**
 * `POST /v1/mgmt/auth/signup`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUp = Endpoint.post("mgmt.jwt.signUp", "/v1/mgmt/auth/signup", {
  credential: "management",
  request: SignUpRequest,
  response: SessionResponse,
  description: "A session for a new user, as if they signed up"
})

/**
 * `POST /v1/mgmt/auth/signup-in`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const signUpOrIn = Endpoint.post("mgmt.jwt.signUpOrIn", "/v1/mgmt/auth/signup-in", {
  credential: "management",
  request: SignUpRequest,
  response: SessionResponse,
  description: "A session for a user, created when unknown"
})

/**
 * `POST /v1/mgmt/auth/anonymous`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const anonymous = Endpoint.post("mgmt.jwt.anonymous", "/v1/mgmt/auth/anonymous", {
  credential: "management",
  request: lazy(() => Schema.Struct({ tenantId: renamed("selectedTenant", Schema.String), ...session })),
  response: SessionResponse,
  description: "An anonymous session (no user)"
})

/**
 * `POST /v1/mgmt/token/clientassertion`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const generateClientAssertionJwt = Endpoint.post(
  "mgmt.jwt.generateClientAssertionJwt",
  "/v1/mgmt/token/clientassertion",
  {
    credential: "management",
    request: lazy(() =>
      Schema.Struct({
        issuer: Schema.String,
        subject: Schema.String,
        audience: Strings,
        /** Seconds. */
        expiresIn: Num,
        flattenAudience: optional(Bool),
        algorithm: optional(Schema.String)
      })
    ),
    response: JwtResponse,
    description: "A client assertion JWT signed by the project (OAuth client authentication)"
  }
)
