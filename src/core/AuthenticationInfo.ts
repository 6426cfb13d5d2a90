/**
 * The result of every successful authentication (OTP verify, magic link verify,
 * enchanted link session, OAuth / SAML / SSO exchange, TOTP and password sign-in,
 * WebAuthn finish, refresh, select tenant): both tokens validated locally, the
 * user, and the cookies to send back to the browser.
 *
 * @since 0.1.0
 */
import type * as Cookies from "@effect/platform/Cookies"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { lazy } from "../internal/lazySchema.js"
import { opt } from "../wire/Fields.js"
import { InvalidSessionError } from "./DescopeError.js"
import type { Response } from "./DescopeHttp.js"
import type { Session, SessionValidatorService, ValidateOptions, ValidationError } from "./Session.js"
import { User } from "./User.js"

/**
 * The session cookie name.
 *
 * @since 0.1.0
 * @category constants
 */
export const SESSION_COOKIE_NAME = "DS"

/**
 * The refresh cookie name.
 *
 * @since 0.1.0
 * @category constants
 */
export const REFRESH_COOKIE_NAME = "DSR"

const REFRESH_TOKEN: ValidateOptions = { tokenType: "refresh" }

/**
 * The authentication success body (`JWTResponse`). Only `sessionJwt` is
 * required, and even it may come as a `DS` cookie instead.
 *
 * @since 0.1.0
 * @category schemas
 */
export const JWTResponse = lazy(() =>
  Schema.Struct({
    sessionJwt: opt(Schema.String),
    refreshJwt: opt(Schema.String),
    cookieDomain: opt(Schema.String),
    cookiePath: opt(Schema.String),
    cookieMaxAge: opt(Schema.Number),
    cookieExpiration: opt(Schema.Number),
    cookieName: opt(Schema.String),
    user: opt(User),
    firstSeen: opt(Schema.Boolean),
    sessionExpiration: opt(Schema.Number),
    nextRefreshSeconds: opt(Schema.Number),
    idpResponse: opt(Schema.Unknown)
  })
)

/**
 * @since 0.1.0
 * @category models
 */
export type JWTResponse = typeof JWTResponse.Type

/**
 * The cookie settings of an authentication response.
 *
 * @since 0.1.0
 * @category models
 */
export interface CookieSettings {
  /** The cookie domain (`cookieDomain`); `undefined` means host-only. */
  readonly domain: string | undefined
  /** The cookie path (`cookiePath`), default `/`. */
  readonly path: string
  /** Max-Age in seconds (`cookieMaxAge`). */
  readonly maxAge: number | undefined
  /** Expiration, epoch seconds (`cookieExpiration`). */
  readonly expiration: number | undefined
}

/**
 * Attributes of the `Set-Cookie` values built by {@link setCookie}.
 *
 * @since 0.1.0
 * @category models
 */
export interface SetCookieOptions {
  /** Default `true`. */
  readonly httpOnly?: boolean | undefined
  /** Default `true`. */
  readonly secure?: boolean | undefined
  /** Default `Strict`. */
  readonly sameSite?: "Strict" | "Lax" | "None" | undefined
}

/**
 * The largest `Max-Age` written (400 days, the cap browsers apply).
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_COOKIE_AGE_SECONDS = 400 * 24 * 60 * 60

/**
 * Builds one `Set-Cookie` value.
 *
 * @since 0.1.0
 * @category rendering
 */
export const setCookie = (
  name: string,
  value: string,
  settings: CookieSettings,
  options: SetCookieOptions = {}
): string => {
  const parts = [`${name}=${value}`, `Path=${settings.path}`]
  if (settings.domain !== undefined && settings.domain !== "") parts.push(`Domain=${settings.domain}`)
  if (settings.maxAge !== undefined && Number.isFinite(settings.maxAge)) {
    // clamped to what browsers honour (400 days), so a hostile value never makes a malformed attribute
    parts.push(`Max-Age=${Math.min(MAX_COOKIE_AGE_SECONDS, Math.max(0, Math.floor(settings.maxAge)))}`)
  }
  if (settings.expiration !== undefined && settings.expiration > 0) {
    const expires = new Date(settings.expiration * 1000)
    if (!Number.isNaN(expires.getTime())) parts.push(`Expires=${expires.toUTCString()}`)
  }
  if (options.httpOnly ?? true) parts.push("HttpOnly")
  if (options.secure ?? true) parts.push("Secure")
  parts.push(`SameSite=${options.sameSite ?? "Strict"}`)
  return parts.join("; ")
}

/**
 * A successful authentication.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuthenticationInfo<Custom = Readonly<Record<string, unknown>>> {
  /** The validated session token. */
  readonly session: Session<Custom>
  /** The validated refresh token, when Descope returned one (in the body or as a `DSR` cookie). */
  readonly refresh: Session | undefined
  /** The session JWT. */
  readonly sessionToken: Redacted.Redacted<string>
  /** The refresh JWT, when Descope returned one. */
  readonly refreshToken: Redacted.Redacted<string> | undefined
  /** The user, when Descope returned it. */
  readonly user: User | undefined
  /** Whether the user was just created (default `false` when Descope does not say). */
  readonly firstSeen: boolean
  /** The cookie settings of the response. */
  readonly cookies: CookieSettings
  /** Ready `Set-Cookie` values for `DS` and (when present) `DSR`; redacted because they hold the tokens. */
  readonly setCookies: ReadonlyArray<Redacted.Redacted<string>>
}

/**
 * Reads the cookie settings of a JWT response.
 *
 * @since 0.1.0
 * @category getters
 */
export const cookieSettingsOf = (
  body: Pick<JWTResponse, "cookieDomain" | "cookiePath" | "cookieMaxAge" | "cookieExpiration">
): CookieSettings => ({
  domain: body.cookieDomain ?? undefined,
  path: body.cookiePath !== undefined && body.cookiePath !== null && body.cookiePath !== "" ? body.cookiePath : "/",
  maxAge: body.cookieMaxAge ?? undefined,
  expiration: body.cookieExpiration ?? undefined
})

const cookieValue = (cookies: Cookies.Cookies | undefined, name: string): string | undefined => {
  if (cookies === undefined) return undefined
  const cookie = cookies.cookies[name]
  return cookie !== undefined && cookie.value !== "" ? cookie.value : undefined
}

/**
 * Options of {@link fromResponse}.
 *
 * @since 0.1.0
 * @category models
 */
export interface FromResponseOptions<Custom> extends ValidateOptions<Custom> {
  /** Attributes of the built `Set-Cookie` values. */
  readonly setCookie?: SetCookieOptions | undefined
  /** The refresh token that was sent, used when the response carries no new one. */
  readonly fallbackRefreshToken?: Redacted.Redacted<string> | undefined
}

/**
 * A JWT response whose tokens were decoded as `Redacted` (the wire catalogue's `JWTResponse`).
 *
 * @since 0.2.0
 * @category models
 */
export type RedactedJWTResponse = Omit<JWTResponse, "sessionJwt" | "refreshJwt"> & {
  readonly sessionJwt?: Redacted.Redacted<string> | null | undefined
  readonly refreshJwt?: Redacted.Redacted<string> | null | undefined
}

const textOf = (token: string | Redacted.Redacted<string> | null | undefined): string | undefined =>
  token === null || token === undefined ? undefined : Redacted.isRedacted(token) ? Redacted.value(token) : token

/**
 * Builds an {@link AuthenticationInfo} from an authentication response: the
 * session JWT from the body (or a `DS` cookie), the refresh JWT from the body or
 * a `DSR` `Set-Cookie` (§5.3), both validated locally.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromResponse = <Custom = Readonly<Record<string, unknown>>>(
  validator: SessionValidatorService,
  response: Pick<Response<JWTResponse | RedactedJWTResponse>, "body"> & {
    readonly cookies?: Cookies.Cookies | undefined
  },
  options: FromResponseOptions<Custom> = {}
): Effect.Effect<AuthenticationInfo<Custom>, ValidationError> =>
  Effect.gen(function*() {
    const body = response.body
    const sessionJwt = cookieValue(response.cookies, SESSION_COOKIE_NAME) ?? (textOf(body.sessionJwt) || undefined)
    if (sessionJwt === undefined) {
      return yield* Effect.fail(
        new InvalidSessionError({ reason: "Missing", description: "the response carries no session token" })
      )
    }
    const refreshJwt = textOf(body.refreshJwt) || cookieValue(response.cookies, REFRESH_COOKIE_NAME) ||
      (options.fallbackRefreshToken !== undefined ? Redacted.value(options.fallbackRefreshToken) : undefined)
    const validateOptions: ValidateOptions<Custom> = {
      audience: options.audience,
      maxTokenAge: options.maxTokenAge,
      claims: options.claims
    }
    const session = yield* validator.validate<Custom>(sessionJwt, validateOptions)
    const refresh = refreshJwt === undefined ? undefined : yield* validator.validate(refreshJwt, REFRESH_TOKEN)
    const cookies = cookieSettingsOf(body)
    const setCookies = [Redacted.make(setCookie(SESSION_COOKIE_NAME, sessionJwt, cookies, options.setCookie))]
    if (refreshJwt !== undefined) {
      setCookies.push(Redacted.make(setCookie(REFRESH_COOKIE_NAME, refreshJwt, cookies, options.setCookie)))
    }
    return {
      session,
      refresh,
      sessionToken: session.jwt,
      refreshToken: refresh?.jwt,
      user: body.user ?? undefined,
      firstSeen: body.firstSeen ?? false,
      cookies,
      setCookies
    } satisfies AuthenticationInfo<Custom>
  })

/**
 * The user of an authentication, if any.
 *
 * @since 0.1.0
 * @category getters
 */
export const userOf = (info: AuthenticationInfo<unknown>): Option.Option<User> => Option.fromNullable(info.user)
