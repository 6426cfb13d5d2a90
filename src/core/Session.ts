/**
 * The validated session model and the `SessionValidator` service that turns a
 * JWT into a {@link Session}.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type * as Schema from "effect/Schema"
import * as Claims from "../internal/sessionClaims.js"
import type { InvalidSessionError, RateLimitError, TransportError } from "./DescopeError.js"

/**
 * A tenant's roles and permissions in a session (`tenants` claim).
 *
 * @since 0.1.0
 * @category models
 */
export interface TenantAuthorization {
  readonly roles: ReadonlyArray<string>
  readonly permissions: ReadonlyArray<string>
}

/**
 * A validated Descope session (or refresh) token.
 *
 * @since 0.1.0
 * @category models
 */
export interface Session<Custom = Readonly<Record<string, unknown>>> {
  /** The raw JWT. */
  readonly jwt: Redacted.Redacted<string>
  /** The user id: `dsub` when present, else `sub` (the access key id for access-key sessions). */
  readonly userId: string
  /** The `sub` claim. */
  readonly subject: string
  /** The project id, from the `iss` claim. */
  readonly projectId: string
  /** Project-level roles (`roles`); empty when absent. */
  readonly roles: ReadonlyArray<string>
  /** Project-level permissions (`permissions`); empty when absent. */
  readonly permissions: ReadonlyArray<string>
  /** Per-tenant roles and permissions (`tenants`); empty when absent. */
  readonly tenants: Readonly<Record<string, TenantAuthorization>>
  /** The currently selected tenant (`dct`). */
  readonly currentTenant: string | undefined
  /** The authentication methods (`amr`); empty when absent. */
  readonly amr: ReadonlyArray<string>
  /** Issued-at, epoch seconds (`iat`). */
  readonly issuedAt: number | undefined
  /** Expiry, epoch seconds (`exp`). */
  readonly expiresAt: number | undefined
  /** The cookie name the token belongs in (`drn`: `DS` or `DSR`). */
  readonly tokenType: string | undefined
  /** Every verified claim, with `iss` normalised to the project id. */
  readonly claims: Readonly<Record<string, unknown>>
  /** The custom claims: every claim that is not a standard Descope claim, decoded with the caller's schema when given. */
  readonly customClaims: Custom
}

/**
 * Options of a session validation.
 *
 * @since 0.1.0
 * @category models
 */
export interface ValidateOptions<Custom = Readonly<Record<string, unknown>>> {
  /** The expected audience: the token's `aud` must contain one of these. */
  readonly audience?: string | ReadonlyArray<string> | undefined
  /** The maximum age of the token, from its `iat`. */
  readonly maxTokenAge?: Duration.DurationInput | undefined
  /** A schema for the custom claims; a mismatch is `InvalidSessionError` with reason `InvalidClaims`. */
  // any encoded form: Schema's encoded side is invariant, so `unknown` would refuse every concrete schema
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly claims?: Schema.Schema<Custom, any, never> | undefined
  /**
   * The kind of token expected (since 0.2.0). `"session"` (the default) refuses
   * a refresh token (`drn: "DSR"`); `"refresh"` accepts only a token whose
   * `drn` is `DSR` or absent. Either mismatch is `InvalidSessionError` with
   * reason `WrongTokenType`.
   */
  readonly tokenType?: "session" | "refresh" | undefined
}

/**
 * What a session validation may fail with: a token problem (`InvalidSessionError`,
 * answer 401) or a signing-key fetch problem (`TransportError` / `RateLimitError`, answer 503).
 *
 * @since 0.1.0
 * @category models
 */
export type ValidationError = InvalidSessionError | TransportError | RateLimitError

/**
 * Validates tokens locally (signature, issuer, expiry ...).
 *
 * @since 0.1.0
 * @category models
 */
export interface SessionValidatorService {
  readonly validate: <Custom = Readonly<Record<string, unknown>>>(
    token: Redacted.Redacted<string> | string,
    options?: ValidateOptions<Custom>
  ) => Effect.Effect<Session<Custom>, ValidationError>
}

/**
 * The session validator service.
 *
 * @since 0.1.0
 * @category tags
 */
export class SessionValidator extends Context.Tag("descope-effect/SessionValidator")<
  SessionValidator,
  SessionValidatorService
>() {}

/**
 * The claims that are not custom claims.
 *
 * @since 0.1.0
 * @category constants
 */
export const STANDARD_CLAIMS: ReadonlySet<string> = Claims.STANDARD_CLAIMS

/**
 * The project id named by an `iss` claim: the claim itself, or the last
 * non-empty segment of a URL or slash path.
 *
 * @since 0.1.0
 * @category getters
 */
export const projectIdOfIssuer = (iss: string): string => {
  const segments = iss.split("/").filter((s) => s !== "")
  return segments[segments.length - 1] ?? iss
}

/**
 * Reads the `tenants` claim; a malformed entry counts as empty.
 *
 * @since 0.1.0
 * @category parsing
 */
export const tenantsOf: (u: unknown) => Readonly<Record<string, TenantAuthorization>> = Claims.tenantsOf

/**
 * Builds a {@link Session} from a token and its verified claims. `projectId` is
 * the configured project id (the issuer check has already accepted the token).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromClaims = <Custom = Readonly<Record<string, unknown>>>(
  jwt: string | Redacted.Redacted<string>,
  claims: Readonly<Record<string, unknown>>,
  projectId: string,
  customClaims?: Custom
): Session<Custom> => Claims.build(jwt, claims, { ...claims, iss: projectId }, projectId, customClaims)
