/**
 * Turns the answer of an authentication call (a `JWTResponse`, tokens
 * `Redacted`, plus its cookies) into an `AuthenticationInfo`: both tokens
 * validated locally, a refresh token delivered only as `Set-Cookie: DSR=...`
 * picked up.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import type { InvalidArgumentError, InvalidSessionError, RemoteError } from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import type * as Common from "../wire/auth/Common.js"
import type * as Endpoint from "../wire/Endpoint.js"
import { nonEmptySecret, type Secret } from "./validate.js"

/**
 * The expected audience of a login's session token: when given, the token's
 * `aud` must name one of these, else `InvalidSessionError` `WrongAudience`
 * (python-sdk's `audience` argument). Absent: `aud` is not checked.
 */
export interface AudienceOption {
  readonly audience?: string | ReadonlyArray<string> | undefined
}

/** Runs an authentication call and builds its `AuthenticationInfo`. */
export const authenticate = (
  validator: SessionValidatorService,
  call: Effect.Effect<DescopeHttp.Response<Common.JWTResponse>, RemoteError | InvalidArgumentError>,
  options?: AudienceOption
): Effect.Effect<AuthenticationInfo.AuthenticationInfo, RemoteError | InvalidArgumentError | InvalidSessionError> =>
  Effect.flatMap(
    call,
    (response) =>
      AuthenticationInfo.fromResponse(
        validator,
        response,
        options?.audience === undefined ? {} : { audience: options.audience }
      )
  )

/** A `{ code }` endpoint answering a session: the OAuth / SAML / SSO exchange. */
export type CodeEndpoint = Endpoint.Endpoint<
  never,
  typeof Common.CodeRequest.Type,
  typeof Common.CodeRequest.Encoded,
  Common.JWTResponse,
  typeof Common.JWTResponse.Encoded
>

/** Exchanges the `code` of a federated callback for a session (the code not empty). */
export const exchangeCode = (
  http: DescopeHttp.Service,
  validator: SessionValidatorService,
  endpoint: CodeEndpoint,
  code: Secret,
  options?: AudienceOption
): Effect.Effect<AuthenticationInfo.AuthenticationInfo, RemoteError | InvalidArgumentError | InvalidSessionError> =>
  Effect.flatMap(
    nonEmptySecret("code", code),
    (value) => authenticate(validator, http.callFull(endpoint, { request: { code: value } }), options)
  )
