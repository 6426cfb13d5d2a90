/**
 * The signatures of the session operations of `DescopeClient` (see
 * `Sessions.make` for their implementation): local validation, refresh,
 * validate-and-refresh, logout, the current user's data, tenant selection,
 * access-key exchange and the role / permission checks, with their options
 * and results. Re-exported by `Sessions`.
 *
 * @since 0.2.0
 */
import type * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import type { AuthenticationInfo, SetCookieOptions } from "../core/AuthenticationInfo.js"
import type * as Authorization from "../core/Authorization.js"
import type { ForbiddenError, InvalidArgumentError, InvalidSessionError, RemoteError } from "../core/DescopeError.js"
import type { Session, ValidateOptions, ValidationError } from "../core/Session.js"
import type { User } from "../core/User.js"
import * as Wire from "../wire/auth/Session.js"
/**
 * A token argument: redacted (preferred) or plain.
 *
 * @since 0.1.0
 * @category models
 */
export type TokenInput = Redacted.Redacted<string> | string

/**
 * Options of {@link SessionsApi.refreshSession} and {@link SessionsApi.validateAndRefreshSession}:
 * the validation options of the (new) session token, plus the attributes of
 * the built `Set-Cookie` values.
 *
 * @since 0.1.0
 * @category models
 */
export interface RefreshOptions<Custom = Readonly<Record<string, unknown>>> extends ValidateOptions<Custom> {
  readonly setCookie?: SetCookieOptions | undefined
}

/**
 * The result of {@link SessionsApi.validateAndRefreshSession}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ValidateAndRefreshResult<Custom = Readonly<Record<string, unknown>>> {
  /** The valid session: the given one, or the refreshed one. */
  readonly session: Session<Custom>
  /** When a refresh happened: the new tokens and the `Set-Cookie` values to send back. */
  readonly refreshed: AuthenticationInfo<Custom> | undefined
}

/**
 * Login options of an access-key exchange.
 *
 * @since 0.1.0
 * @category models
 */
export interface AccessKeyLoginOptions {
  /** Extra claims for the issued session token. */
  readonly customClaims?: Readonly<Record<string, unknown>> | undefined
  /** The tenant to select in the issued session token. */
  readonly selectedTenant?: string | undefined
}

/**
 * Options of {@link SessionsApi.exchangeAccessKey}.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExchangeAccessKeyOptions<Custom = Readonly<Record<string, unknown>>> extends ValidateOptions<Custom> {
  readonly loginOptions?: AccessKeyLoginOptions | undefined
}

/**
 * The result of an access-key exchange.
 *
 * @since 0.1.0
 * @category models
 */
export interface AccessKeySession<Custom = Readonly<Record<string, unknown>>> {
  /** The access key id. */
  readonly keyId: string
  /** The validated session token issued for the key. */
  readonly session: Session<Custom>
  /** The session expiration, epoch seconds, when Descope sent it. */
  readonly expiration: number | undefined
}

/**
 * A tenant of the current user (`Wire.myTenants`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const MyTenant = Wire.MyTenant

/**
 * @since 0.1.0
 * @category models
 */
export type MyTenant = typeof MyTenant.Type

/**
 * One login of the current user (`Wire.history`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const LoginHistoryEntry = Wire.LoginHistoryEntry

/**
 * @since 0.1.0
 * @category models
 */
export type LoginHistoryEntry = typeof LoginHistoryEntry.Type

/**
 * The session operations.
 *
 * @since 0.1.0
 * @category models
 */
export interface SessionsApi {
  /**
   * Validates a session token locally (signature, issuer, expiry, and the
   * options). Fails with `InvalidSessionError` for a bad token, and with
   * `TransportError` / `RateLimitError` only when the signing keys cannot be fetched.
   */
  readonly validateSession: <Custom = Readonly<Record<string, unknown>>>(
    sessionToken: TokenInput,
    options?: ValidateOptions<Custom>
  ) => Effect.Effect<Session<Custom>, ValidationError>
  /**
   * Validates the refresh token locally, `POST /v1/auth/refresh`, and validates
   * the new session token (from the body or a `DS` cookie). A rotated refresh
   * token is taken from the body or a `DSR` `Set-Cookie`; else the given one is kept.
   */
  readonly refreshSession: <Custom = Readonly<Record<string, unknown>>>(
    refreshToken: TokenInput,
    options?: RefreshOptions<Custom>
  ) => Effect.Effect<AuthenticationInfo<Custom>, InvalidSessionError | RemoteError>
  /**
   * Validates the session token; only when it is invalid (`InvalidSessionError`,
   * e.g. expired) refreshes it with the refresh token. A keys outage or a rate
   * limit never triggers a refresh. Either token may be missing, not both.
   */
  readonly validateAndRefreshSession: <Custom = Readonly<Record<string, unknown>>>(
    sessionToken: TokenInput | undefined,
    refreshToken: TokenInput | undefined,
    options?: RefreshOptions<Custom>
  ) => Effect.Effect<ValidateAndRefreshResult<Custom>, InvalidSessionError | RemoteError>
  /** Logs out the session of this refresh token (`POST /v1/auth/logout`). */
  readonly logout: (refreshToken: TokenInput) => Effect.Effect<void, RemoteError | InvalidArgumentError>
  /** Logs out every session of the user (`POST /v1/auth/logoutall`). */
  readonly logoutAll: (refreshToken: TokenInput) => Effect.Effect<void, RemoteError | InvalidArgumentError>
  /** The current user (`GET /v1/auth/me`). */
  readonly me: (refreshToken: TokenInput) => Effect.Effect<User, RemoteError | InvalidArgumentError>
  /**
   * The current user's tenants (`POST /v1/auth/me/tenants`): the selected one
   * (`dct: true`) or those with the given ids; exactly one of the two.
   */
  readonly myTenants: (options: {
    readonly refreshToken: TokenInput
    readonly dct?: boolean | undefined
    readonly ids?: ReadonlyArray<string> | undefined
  }) => Effect.Effect<ReadonlyArray<MyTenant>, RemoteError | InvalidArgumentError>
  /** The current user's login history (`GET /v1/auth/me/history`). */
  readonly history: (
    refreshToken: TokenInput
  ) => Effect.Effect<ReadonlyArray<LoginHistoryEntry>, RemoteError | InvalidArgumentError>
  /** Selects a tenant for the session (`POST /v1/auth/tenant/select`); the new session carries `dct`. */
  readonly selectTenant: (options: {
    readonly tenantId: string
    readonly refreshToken: TokenInput
    readonly setCookie?: SetCookieOptions | undefined
  }) => Effect.Effect<AuthenticationInfo, RemoteError | InvalidSessionError | InvalidArgumentError>
  /** Exchanges an access key for a session token (`POST /v1/auth/accesskey/exchange`) and validates it. */
  readonly exchangeAccessKey: <Custom = Readonly<Record<string, unknown>>>(
    accessKey: TokenInput,
    options?: ExchangeAccessKeyOptions<Custom>
  ) => Effect.Effect<AccessKeySession<Custom>, RemoteError | InvalidSessionError | InvalidArgumentError>
  /** Whether the session has every one of these project-level permissions. */
  readonly validatePermissions: typeof Authorization.validatePermissions
  /** Whether the session has every one of these project-level roles. */
  readonly validateRoles: typeof Authorization.validateRoles
  /** Whether the session has every one of these permissions in the tenant. */
  readonly validateTenantPermissions: typeof Authorization.validateTenantPermissions
  /** Whether the session has every one of these roles in the tenant. */
  readonly validateTenantRoles: typeof Authorization.validateTenantRoles
  /** The requested project-level permissions the session has. */
  readonly getMatchedPermissions: typeof Authorization.getMatchedPermissions
  /** The requested project-level roles the session has. */
  readonly getMatchedRoles: typeof Authorization.getMatchedRoles
  /** The requested permissions the session has in the tenant. */
  readonly getMatchedTenantPermissions: typeof Authorization.getMatchedTenantPermissions
  /** The requested roles the session has in the tenant. */
  readonly getMatchedTenantRoles: typeof Authorization.getMatchedTenantRoles
  /** Fails with `ForbiddenError` unless the session has every project-level permission. */
  readonly requirePermissions: (
    session: Session<unknown>,
    permissions: ReadonlyArray<string>
  ) => Effect.Effect<void, ForbiddenError>
  /** Fails with `ForbiddenError` unless the session has every project-level role. */
  readonly requireRoles: (
    session: Session<unknown>,
    roles: ReadonlyArray<string>
  ) => Effect.Effect<void, ForbiddenError>
  /** Fails with `ForbiddenError` unless the session has every permission in the tenant. */
  readonly requireTenantPermissions: (
    session: Session<unknown>,
    tenantId: string,
    permissions: ReadonlyArray<string>
  ) => Effect.Effect<void, ForbiddenError>
  /** Fails with `ForbiddenError` unless the session has every role in the tenant. */
  readonly requireTenantRoles: (
    session: Session<unknown>,
    tenantId: string,
    roles: ReadonlyArray<string>
  ) => Effect.Effect<void, ForbiddenError>
}

/**
 * The operations that need no call to Descope: local session validation and
 * the role / permission checks (what `ValidationOnly.layer` provides).
 *
 * @since 0.2.0
 * @category models
 */
export type ValidationApi = Pick<
  SessionsApi,
  | "validateSession"
  | "validatePermissions"
  | "validateRoles"
  | "validateTenantPermissions"
  | "validateTenantRoles"
  | "getMatchedPermissions"
  | "getMatchedRoles"
  | "getMatchedTenantPermissions"
  | "getMatchedTenantRoles"
  | "requirePermissions"
  | "requireRoles"
  | "requireTenantPermissions"
  | "requireTenantRoles"
>
