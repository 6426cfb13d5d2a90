/**
 * The web-standard request authentication every front door shares: the
 * `HttpApi` middleware (`DescopeAuth`), the `HttpRouter` middleware
 * (`DescopeMiddleware`), the Promise client (`descope-effect/promise`) and the
 * Express / Fastify / Hono / Next adapters are thin layers over
 * {@link authenticateRequest}.
 *
 * It reads the session token from `Authorization: Bearer` or the session
 * cookie (`DS`), validates it, and, when refresh is on, refreshes an expired,
 * invalid or absent session with the refresh cookie (`DSR`; concurrent
 * requests carrying one refresh token share one refresh call: the client's
 * refresh sharing). Access keys are opt in (`accessKeys: true`): a bearer
 * token that is not JWT-shaped is exchanged once and its session cached until
 * its `exp`. A {@link Guard.Requirement} (roles, permissions, tenant roles /
 * permissions, scopes) is checked as data.
 *
 * The answer is a {@link Result}: `Authenticated` (the session, where it was
 * found, the cookies to set after a refresh), `Unauthenticated` (a 401 naming
 * the reason, the cookies to clear after a refused refresh) or `Forbidden`
 * (a 403 naming what is missing). Infrastructure failures (the signing keys
 * cannot be fetched, Descope cannot be reached) stay in the error channel as
 * `DescopeUnavailable` (503): never "signed out".
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { RequestAuth } from "descope-effect/server"
 *
 * const handle = (request: Request) =>
 *   RequestAuth.authenticateRequest(request, { refresh: true, require: { roles: ["admin"] } }).pipe(
 *     Effect.map((result) =>
 *       result._tag === "Authenticated"
 *         ? new Response(`hello ${result.session.userId}`, {
 *           headers: RequestAuth.setCookieHeaders(result.cookies).map((c) => ["set-cookie", c] as [string, string])
 *         })
 *         : RequestAuth.toWebResponse(RequestAuth.answerOf(result))
 *     ),
 *     Effect.catchAll((unavailable) => Effect.succeed(RequestAuth.toWebResponse(RequestAuth.answerOf(unavailable))))
 *   )
 * ```
 *
 * @since 0.2.0
 */
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { InvalidSessionReason } from "../core/DescopeError.js"
import type { Session } from "../core/Session.js"
import { DescopeClient } from "../DescopeClient.js"
import {
  accessKeySessions,
  inboundRefused,
  isInboundAppToken,
  isJwtShaped,
  isKeysFailure
} from "../internal/requestAuth.js"
import { type ResponseCookie } from "./Answers.js"
import * as Guard from "./Guard.js"
import {
  clearingCookies,
  expectedCredential,
  headersOf,
  refreshCookies,
  type RequestHeaders,
  type TokenOptions,
  tokensFromHeaders
} from "./RequestTokens.js"
import * as ServerError from "./ServerError.js"

/**
 * Options of the request authentication (with those of `RequestTokens`: where
 * the tokens are read, the cookie names and attributes).
 *
 * @since 0.2.0
 * @category models
 */
export interface Options extends TokenOptions {
  /**
   * Refresh an expired, invalid or absent session with the refresh cookie,
   * continue the request with the new session and set the rotated cookies on
   * the response; default `false`.
   */
  readonly refresh?: boolean | undefined
  /** The expected audience of session tokens. */
  readonly audience?: string | ReadonlyArray<string> | undefined
  /** The maximum age of session tokens, from their `iat`. */
  readonly maxTokenAge?: Duration.DurationInput | undefined
  /**
   * Accept access keys as bearer tokens: a bearer token that is not
   * JWT-shaped is exchanged (once; the session is cached until its `exp`);
   * default `false`.
   */
  readonly accessKeys?: boolean | undefined
  /**
   * The URL of the OAuth protected resource metadata (RFC 9728, see
   * `ProtectedResource`): named by the `WWW-Authenticate` challenge of a 401 /
   * 403 as `resource_metadata`, the way MCP clients discover the authorization server.
   */
  readonly resourceMetadata?: string | undefined
  /**
   * Accept OAuth access tokens Descope issued to inbound (third-party)
   * applications, as bearer tokens: a validly signed token of the project
   * carrying a `client_id` or `azp` claim. `{ audience }` names what its `aud`
   * must contain (the application's client id, or your resource); its scopes
   * (`scope`) are checked by the `scopes` requirement. Default `false`: such a
   * token is refused (401 `WrongTokenType`), so a third-party application's
   * token never passes for the user's own session.
   */
  readonly inboundApps?: boolean | InboundAppOptions | undefined
}

/**
 * Options of inbound applications' access tokens (see `Options.inboundApps`).
 *
 * @since 0.2.0
 * @category models
 */
export interface InboundAppOptions {
  /** The audience the token's `aud` must contain (one of these): the application's client id, or your resource. */
  readonly audience?: string | ReadonlyArray<string> | undefined
}

/**
 * Options of {@link authenticateRequest}: the authentication options, and a
 * requirement the session must meet (its `{ path }` tenants are read from `params`).
 *
 * @since 0.2.0
 * @category models
 */
export interface RequestOptions extends Options {
  /** What the session must have; a failure is `Forbidden` (403) naming what is missing. */
  readonly require?: Guard.Requirement | undefined
  /** The route's path parameters, for `{ path: "tenantId" }` tenants. */
  readonly params?: Readonly<Record<string, string | undefined>> | undefined
}

/**
 * The request is authenticated. `source` is where the credential was found;
 * `kind` what it was (a session token, a refresh made here, an access key, an
 * inbound application's access token);
 * `cookies` are the rotated cookies to set (after a refresh).
 *
 * @since 0.2.0
 * @category models
 */
export interface Authenticated {
  readonly _tag: "Authenticated"
  readonly session: Session
  readonly source: "bearer" | "cookie"
  readonly kind: "session" | "refresh" | "accessKey" | "inboundApp"
  readonly cookies: ReadonlyArray<ResponseCookie>
}

/**
 * The request is not authenticated (401): `reason` says why (`Missing`,
 * `Expired`, `WrongTokenType` ..., `RefreshRefused` for a refresh Descope
 * refused); `cookies` clear the session cookies after a refused refresh.
 *
 * @since 0.2.0
 * @category models
 */
export interface Unauthenticated {
  readonly _tag: "Unauthenticated"
  readonly reason: InvalidSessionReason | "RefreshRefused" | "AccessKeyRefused"
  readonly error: ServerError.DescopeUnauthorized
  readonly cookies: ReadonlyArray<ResponseCookie>
}

/**
 * The session does not meet the requirement (403): `error` names the tenant
 * and the missing roles, permissions and scopes; `cookies` as in `Authenticated`.
 *
 * @since 0.2.0
 * @category models
 */
export interface Forbidden {
  readonly _tag: "Forbidden"
  readonly session: Session
  readonly error: ServerError.DescopeForbidden
  readonly cookies: ReadonlyArray<ResponseCookie>
}

/**
 * The outcome of {@link authenticateRequest}.
 *
 * @since 0.2.0
 * @category models
 */
export type Result = Authenticated | Unauthenticated | Forbidden

/**
 * The answers of an authentication as plain data (see `Answers`).
 *
 * @since 0.2.0
 */
export {
  type Answer,
  answerOf,
  type ChallengeOptions,
  failureHeaders,
  type ResponseCookie,
  setCookieHeaders,
  toWebResponse
} from "./Answers.js"

/**
 * The tokens of a request and the cookies of its answer (see `RequestTokens`).
 *
 * @since 0.2.0
 */
export {
  clearingCookies,
  headersOf,
  refreshCookies,
  type RequestHeaders,
  type RequestTokens,
  type TokenOptions,
  tokensFromHeaders
} from "./RequestTokens.js"

type ValidateError = Effect.Effect.Error<ReturnType<DescopeClient["Type"]["validateSession"]>>

const unauthenticated = (
  error: ServerError.DescopeUnauthorized,
  reason: Unauthenticated["reason"],
  cookies: ReadonlyArray<ResponseCookie> = []
): Unauthenticated => ({ _tag: "Unauthenticated", reason, error, cookies })

/**
 * An authenticator over a client: authenticates the headers of a request
 * (see the module doc). Authenticators over one client share its refresh
 * sharing and its access-key cache.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (
  client: DescopeClient["Type"],
  options: Options = {}
): (headers: RequestHeaders) => Effect.Effect<Authenticated | Unauthenticated, ServerError.DescopeUnavailable> => {
  const validateOptions = { audience: options.audience, maxTokenAge: options.maxTokenAge }
  const refreshOptions = { ...validateOptions, setCookie: options.setCookie }
  const where = expectedCredential(options)
  const accessKeySession = accessKeySessions(client, validateOptions)

  // concurrent requests carrying the same refresh token share the client's refresh of it (one request,
  // reused for a short grace window), so a rotating refresh token is spent once
  const refresh = (
    refreshToken: Redacted.Redacted<string>,
    source: "bearer" | "cookie"
  ): Effect.Effect<Authenticated | Unauthenticated, ServerError.DescopeUnavailable> =>
    client.refreshSession(refreshToken, refreshOptions).pipe(
      Effect.map((info): Authenticated | Unauthenticated => ({
        _tag: "Authenticated",
        session: info.session,
        source,
        kind: "refresh",
        cookies: refreshCookies(info, { ...options, previousRefreshToken: refreshToken })
      })),
      Effect.catchAll((e) =>
        e._tag === "InvalidSessionError" || e._tag === "AuthError"
          ? Effect.succeed(
            unauthenticated(ServerError.fromRefreshRefused(e), "RefreshRefused", clearingCookies(options))
          )
          : Effect.fail(ServerError.fromOutage(e, isKeysFailure(e)))
      )
    )

  const accessKey = (
    key: Redacted.Redacted<string>
  ): Effect.Effect<Authenticated | Unauthenticated, ServerError.DescopeUnavailable> =>
    accessKeySession(key).pipe(
      Effect.map((session): Authenticated | Unauthenticated => ({
        _tag: "Authenticated",
        session,
        source: "bearer",
        kind: "accessKey",
        cookies: []
      })),
      Effect.catchIf(
        (e): e is ServerError.DescopeUnauthorized => e._tag === "DescopeUnauthorized",
        (e) => Effect.succeed(unauthenticated(e, "AccessKeyRefused"))
      )
    )

  // a validated token is the user's session, or an inbound application's access token when those are accepted
  const inbound = options.inboundApps === true ? {} : options.inboundApps === false ? undefined : options.inboundApps
  const inboundValidate = { maxTokenAge: options.maxTokenAge, audience: inbound?.audience }
  const classify = (
    token: Redacted.Redacted<string>,
    source: "bearer" | "cookie",
    session: Session
  ): Effect.Effect<Authenticated, ValidateError> => {
    if (!isInboundAppToken(session)) {
      return Effect.succeed({ _tag: "Authenticated", session, source, kind: "session", cookies: [] })
    }
    if (inbound === undefined || source !== "bearer") return Effect.fail(inboundRefused(source))
    const accepted = inbound.audience === undefined
      ? Effect.succeed(session)
      : client.validateSession(token, inboundValidate)
    return Effect.map(accepted, (s): Authenticated => ({
      _tag: "Authenticated",
      session: s,
      source,
      kind: "inboundApp",
      cookies: []
    }))
  }
  const validateToken = (
    token: Redacted.Redacted<string>,
    source: "bearer" | "cookie"
  ): Effect.Effect<Authenticated, ValidateError> => {
    const validated = client.validateSession(token, validateOptions)
    // the session audience refused it: it may be an inbound application's token, checked against its own audience
    const session = inbound === undefined || options.audience === undefined
      ? validated
      : Effect.catchIf(
        validated,
        (e) => e._tag === "InvalidSessionError" && e.reason === "WrongAudience",
        (refused) =>
          client.validateSession(token, { maxTokenAge: options.maxTokenAge }).pipe(
            Effect.filterOrFail(isInboundAppToken, () => refused)
          )
      )
    return Effect.flatMap(session, (s) => classify(token, source, s))
  }

  return (headers) => {
    const tokens = tokensFromHeaders(headers, options)
    const canRefresh = options.refresh === true && tokens.refreshToken !== undefined
    const onInvalid = (
      invalid: ServerError.DescopeUnauthorized,
      reason: Unauthenticated["reason"]
    ): Effect.Effect<Authenticated | Unauthenticated, ServerError.DescopeUnavailable> =>
      canRefresh && tokens.refreshToken !== undefined
        ? refresh(tokens.refreshToken, "cookie")
        : Effect.succeed(unauthenticated(invalid, reason))
    const token = tokens.sessionToken
    const source = tokens.source ?? "cookie"
    const authenticated = token === undefined
      ? onInvalid(ServerError.missingToken(where), "Missing")
      : options.accessKeys === true && source === "bearer" && !isJwtShaped(Redacted.value(token))
      ? accessKey(token)
      : validateToken(token, source).pipe(
        Effect.catchAll((e) =>
          e._tag === "InvalidSessionError"
            ? onInvalid(ServerError.fromInvalidSession(e), e.reason)
            : Effect.fail(ServerError.fromOutage(e, true))
        )
      )
    // no stack trace: capturing one costs every request, and a failed exit formats it into an attribute
    return Effect.withSpan(authenticated, "descope.server.authenticate", {
      attributes: { "descope.token_source": tokens.source ?? "none", "descope.refresh_enabled": canRefresh },
      captureStackTrace: false
    })
  }
}

/**
 * Checks an authentication against a requirement: an `Authenticated` result
 * that does not meet it becomes `Forbidden` (403, naming what is missing).
 *
 * @since 0.2.0
 * @category guards
 */
export const authorize = (
  result: Authenticated | Unauthenticated,
  requirement: Guard.Requirement | undefined,
  params: Readonly<Record<string, string | undefined>> = {}
): Effect.Effect<Result> =>
  result._tag !== "Authenticated" || requirement === undefined
    ? Effect.succeed(result)
    : Guard.check(result.session, requirement, params).pipe(
      Effect.as<Result>(result),
      Effect.catchAll((error) =>
        Effect.succeed<Result>({ _tag: "Forbidden", session: result.session, error, cookies: result.cookies })
      )
    )

/**
 * Authenticates a web `Request` (or its two headers) with the
 * `DescopeClient` of the context, then checks `options.require`. Fails only
 * with `DescopeUnavailable` (503).
 *
 * @since 0.2.0
 * @category middleware
 */
export const authenticateRequest = (
  request: Request | RequestHeaders,
  options: RequestOptions = {}
): Effect.Effect<Result, ServerError.DescopeUnavailable, DescopeClient> =>
  Effect.flatMap(DescopeClient, (client) =>
    Effect.flatMap(
      make(client, options)(request instanceof Request ? headersOf(request) : request),
      (result) => authorize(result, options.require, options.params)
    ))
