/**
 * The session operations of `DescopeClient`: local validation, refresh,
 * validate-and-refresh, logout, the current user's data, tenant selection,
 * access-key exchange, and the role / permission checks.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { DescopeClient } from "descope-effect"
 *
 * const program = (sessionToken: string, refreshToken: string) =>
 *   Effect.gen(function*() {
 *     const client = yield* DescopeClient
 *     const { session, refreshed } = yield* client.validateAndRefreshSession(sessionToken, refreshToken)
 *     // when refreshed !== undefined, send refreshed.setCookies back to the browser
 *     return { userId: session.userId, cookies: refreshed?.setCookies ?? [] }
 *   })
 * ```
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import * as NodeCrypto from "node:crypto"
import { type AuthenticationInfo, fromResponse } from "../core/AuthenticationInfo.js"
import * as Authorization from "../core/Authorization.js"
import * as DescopeConfig from "../core/DescopeConfig.js"
import type { RemoteError } from "../core/DescopeError.js"
import { InvalidArgumentError, InvalidSessionError } from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService, ValidateOptions, ValidationError } from "../core/Session.js"
import * as CallerOptions from "../internal/callerOptions.js"
import * as SingleFlight from "../internal/SingleFlight.js"
import * as Wire from "../wire/auth/Session.js"
import type {
  AccessKeySession,
  ExchangeAccessKeyOptions,
  RefreshOptions,
  SessionsApi,
  TokenInput,
  ValidateAndRefreshResult,
  ValidationApi
} from "./SessionsApi.js"

export * from "./SessionsApi.js"

const valueOf = (token: TokenInput | undefined): string =>
  typeof token === "string" ? token : Redacted.isRedacted(token) ? Redacted.value(token) : ""

const redacted = (token: TokenInput): Redacted.Redacted<string> =>
  typeof token === "string" ? Redacted.make(token) : token

const REFRESH_TOKEN: ValidateOptions = { tokenType: "refresh" }

const REFRESH_REQUEST = { method: Wire.refresh.method, path: Wire.refresh.path } as const

/** A call whose input was checked before: the transport cannot refuse it. */
const unreachableInvalid = <A, E>(
  self: Effect.Effect<A, E | InvalidArgumentError>
): Effect.Effect<A, Exclude<E, InvalidArgumentError>> =>
  Effect.catchIf(
    self,
    (e): e is InvalidArgumentError => e instanceof InvalidArgumentError,
    (e) => Effect.die(e)
  ) as Effect.Effect<A, Exclude<E, InvalidArgumentError>>

const requireToken = (field: string, token: TokenInput): Effect.Effect<void, InvalidArgumentError> =>
  valueOf(token) === ""
    ? Effect.fail(new InvalidArgumentError({ field, reason: "must not be empty" }))
    : Effect.void

/**
 * Builds the operations that need no call to Descope over the validator.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeValidation = (validator: SessionValidatorService): ValidationApi => ({
  validateSession: (sessionToken, options) =>
    valueOf(sessionToken) === ""
      ? Effect.fail(new InvalidSessionError({ reason: "Missing", description: "no session token was given" }))
      : validator.validate(sessionToken, options),
  validatePermissions: Authorization.validatePermissions,
  validateRoles: Authorization.validateRoles,
  validateTenantPermissions: Authorization.validateTenantPermissions,
  validateTenantRoles: Authorization.validateTenantRoles,
  getMatchedPermissions: Authorization.getMatchedPermissions,
  getMatchedRoles: Authorization.getMatchedRoles,
  getMatchedTenantPermissions: Authorization.getMatchedTenantPermissions,
  getMatchedTenantRoles: Authorization.getMatchedTenantRoles,
  requirePermissions: Authorization.requirePermissions,
  requireRoles: Authorization.requireRoles,
  requireTenantPermissions: Authorization.requireTenantPermissions,
  requireTenantRoles: Authorization.requireTenantRoles
})
/**
 * How long the outcome of a refresh is reused for the same refresh token
 * after it completes (never past the new session's `exp`): a burst of
 * requests carrying the token a few milliseconds apart spends it once. Set it
 * with the client option `refreshGrace` (`DESCOPE_REFRESH_GRACE`).
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_REFRESH_GRACE: Duration.Duration = DescopeConfig.DEFAULT_REFRESH_GRACE

/**
 * The most refresh outcomes kept for their grace window at once.
 *
 * @since 0.2.0
 * @category constants
 */
export const REFRESH_SHARING_CAPACITY = 1024

/**
 * Options of {@link make}.
 *
 * @since 0.2.0
 * @category models
 */
export interface MakeOptions {
  /** How long a refresh outcome is reused after it completes; default {@link DEFAULT_REFRESH_GRACE}; `0` keeps none. */
  readonly refreshGrace?: Duration.DurationInput | undefined
}

/** A refresh shared by the callers of one refresh token: Descope's answer, validated with no per-call options. */
interface SharedRefresh {
  readonly response: Pick<DescopeHttp.Response<typeof Wire.refresh.response.Type>, "body" | "cookies">
  readonly info: AuthenticationInfo
}

/** The key of a refresh token in the shared-refresh map: a SHA-256 digest, never the token. */
const digestOf = (token: Redacted.Redacted<string>): string =>
  NodeCrypto.createHash("sha256").update(Redacted.value(token)).digest("base64url")

const hasValidateOptions = <C>(options: RefreshOptions<C>): boolean =>
  options.audience !== undefined || options.maxTokenAge !== undefined || options.claims !== undefined ||
  options.setCookie !== undefined

/**
 * Builds the session operations over the transport and the validator, owned
 * by the current scope: concurrent refreshes of one refresh token share one
 * request (run in that scope, interrupted when its last caller leaves or the
 * scope closes), and its success is reused for a short grace window
 * ({@link DEFAULT_REFRESH_GRACE}, never past the new session's `exp`), keyed
 * by a digest of the token; `logout` / `logoutAll` of the token drop it.
 * The shared request runs under the client's default transport options; a
 * caller's `withRequestOptions` timeout bounds its own wait only.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  http: DescopeHttp.Service,
  validator: SessionValidatorService,
  makeOptions: MakeOptions = {}
): Effect.Effect<SessionsApi, never, Scope.Scope> =>
  Effect.map(
    SingleFlight.make<string, SharedRefresh, InvalidSessionError | RemoteError>({
      capacity: REFRESH_SHARING_CAPACITY,
      keepFor: (shared, now) => {
        const grace = Duration.toMillis(Duration.decode(makeOptions.refreshGrace ?? DEFAULT_REFRESH_GRACE))
        const exp = shared.info.session.expiresAt
        return exp === undefined ? 0 : Math.min(grace, exp * 1000 - now)
      }
    }),
    (flights) => build(http, validator, flights)
  )

const build = (
  http: DescopeHttp.Service,
  validator: SessionValidatorService,
  flights: SingleFlight.SingleFlight<string, SharedRefresh, InvalidSessionError | RemoteError>
): SessionsApi => {
  /** The refresh request and the validation of its answer, shared by every caller of the token. */
  const sharedRefresh = (
    token: Redacted.Redacted<string>
  ): Effect.Effect<SharedRefresh, InvalidSessionError | RemoteError> =>
    Effect.flatMap(
      unreachableInvalid(http.callFull(Wire.refresh, { token })),
      (response) => Effect.map(fromResponse(validator, response), (info) => ({ response, info }))
    )

  const refreshSession = <Custom = Readonly<Record<string, unknown>>>(
    refreshToken: TokenInput,
    options: RefreshOptions<Custom> = {}
  ): Effect.Effect<AuthenticationInfo<Custom>, InvalidSessionError | RemoteError> =>
    Effect.gen(function*() {
      if (valueOf(refreshToken) === "") {
        return yield* Effect.fail(
          new InvalidSessionError({ reason: "Missing", description: "no refresh token was given" })
        )
      }
      const token = redacted(refreshToken)
      // checked locally first (signature, exp, and a drn of DSR when present): anything else is never sent
      const refresh = yield* validator.validate(token, REFRESH_TOKEN)
      // one request per token whatever the callers' options: it runs under the client's defaults, and each
      // caller's own timeout bounds only its own wait
      const shared = yield* CallerOptions.ownBound(
        flights.run(digestOf(token), CallerOptions.shared(sharedRefresh(token))),
        REFRESH_REQUEST
      )
      const info = hasValidateOptions(options)
        ? yield* fromResponse<Custom>(validator, shared.response, options)
        : (shared.info as AuthenticationInfo<unknown> as AuthenticationInfo<Custom>)
      return info.refresh !== undefined ? info : { ...info, refresh, refreshToken: token }
    })

  /** Drops the shared refresh of a token that is being logged out. */
  const forget = (refreshToken: TokenInput): Effect.Effect<void> =>
    Effect.sync(() => {
      if (valueOf(refreshToken) !== "") flights.invalidate(digestOf(redacted(refreshToken)))
    })

  const validateAndRefreshSession = <Custom = Readonly<Record<string, unknown>>>(
    sessionToken: TokenInput | undefined,
    refreshToken: TokenInput | undefined,
    options?: RefreshOptions<Custom>
  ): Effect.Effect<ValidateAndRefreshResult<Custom>, InvalidSessionError | RemoteError> => {
    const hasSession = valueOf(sessionToken) !== ""
    const hasRefresh = valueOf(refreshToken) !== ""
    if (!hasSession && !hasRefresh) {
      return Effect.fail(new InvalidSessionError({ reason: "Missing", description: "no session or refresh token" }))
    }
    const validated: Effect.Effect<ValidateAndRefreshResult<Custom>, ValidationError> =
      hasSession && sessionToken !== undefined
        ? Effect.map(validator.validate(sessionToken, options), (session) => ({ session, refreshed: undefined }))
        : Effect.fail(new InvalidSessionError({ reason: "Missing", description: "no session token" }))
    return Effect.catchTag(validated, "InvalidSessionError", (invalid) =>
      hasRefresh && refreshToken !== undefined
        ? Effect.map(refreshSession(refreshToken, options), (info) => ({ session: info.session, refreshed: info }))
        : Effect.fail(invalid))
  }

  const withRefresh = <A>(
    refreshToken: TokenInput,
    call: (token: Redacted.Redacted<string>) => Effect.Effect<A, RemoteError | InvalidArgumentError>
  ): Effect.Effect<A, RemoteError | InvalidArgumentError> =>
    Effect.zipRight(requireToken("refreshToken", refreshToken), Effect.suspend(() => call(redacted(refreshToken))))

  const validation = makeValidation(validator)
  return {
    ...validation,
    refreshSession,
    validateAndRefreshSession,
    logout: (refreshToken) =>
      Effect.zipRight(
        forget(refreshToken),
        Effect.asVoid(withRefresh(refreshToken, (token) => http.call(Wire.logout, { token })))
      ).pipe(Effect.ensuring(forget(refreshToken))),
    logoutAll: (refreshToken) =>
      Effect.zipRight(
        forget(refreshToken),
        Effect.asVoid(withRefresh(refreshToken, (token) => http.call(Wire.logoutAll, { token })))
      ).pipe(Effect.ensuring(forget(refreshToken))),
    me: (refreshToken) => withRefresh(refreshToken, (token) => http.call(Wire.me, { token })),
    myTenants: ({ dct, ids, refreshToken }) => {
      const wantsDct = dct === true
      const wantsIds = ids !== undefined && ids.length > 0
      if (wantsDct === wantsIds) {
        return Effect.fail(
          new InvalidArgumentError({ field: "dct", reason: "give exactly one of dct: true or a non-empty ids" })
        )
      }
      return Effect.map(
        withRefresh(
          refreshToken,
          (token) => http.call(Wire.myTenants, { request: wantsDct ? { dct: true } : { ids: ids ?? [] }, token })
        ),
        (body) => body.tenants
      )
    },
    history: (refreshToken) => withRefresh(refreshToken, (token) => http.call(Wire.history, { token })),
    selectTenant: ({ refreshToken, setCookie, tenantId }) =>
      Effect.gen(function*() {
        yield* requireToken("refreshToken", refreshToken)
        if (tenantId === "") {
          return yield* Effect.fail(new InvalidArgumentError({ field: "tenantId", reason: "must not be empty" }))
        }
        const token = redacted(refreshToken)
        const response = yield* http.callFull(Wire.selectTenant, { request: { tenant: tenantId }, token })
        const info = yield* fromResponse(validator, response, { setCookie })
        if (info.refresh !== undefined) return info
        const refresh = yield* validator.validate(token, REFRESH_TOKEN)
        return { ...info, refresh, refreshToken: token }
      }),
    exchangeAccessKey: <Custom = Readonly<Record<string, unknown>>>(
      accessKey: TokenInput,
      options: ExchangeAccessKeyOptions<Custom> = {}
    ) =>
      Effect.gen(function*() {
        yield* requireToken("accessKey", accessKey)
        const body = yield* http.call(Wire.exchangeAccessKey, {
          request: options.loginOptions !== undefined
            ? {
              loginOptions: {
                customClaims: options.loginOptions.customClaims,
                selectedTenant: options.loginOptions.selectedTenant
              }
            }
            : {},
          token: redacted(accessKey)
        })
        const session = yield* validator.validate<Custom>(body.sessionJwt, {
          audience: options.audience,
          maxTokenAge: options.maxTokenAge,
          claims: options.claims
        })
        return {
          keyId: body.keyId ?? session.subject,
          session,
          expiration: body.expiration ?? session.expiresAt
        } satisfies AccessKeySession<Custom>
      })
  }
}
