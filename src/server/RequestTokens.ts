/**
 * The tokens of a request and the cookies of its answer: where the session
 * and refresh tokens are read (`Authorization: Bearer`, the `DS` / `DSR`
 * cookies) and the `Set-Cookie` values after a refresh or a refused one. Part
 * of `RequestAuth` (which re-exports all of it).
 *
 * @since 0.2.0
 */
import type * as PlatformCookies from "@effect/platform/Cookies"
import * as Duration from "effect/Duration"
import * as Redacted from "effect/Redacted"
import {
  type AuthenticationInfo,
  REFRESH_COOKIE_NAME,
  SESSION_COOKIE_NAME,
  type SetCookieOptions
} from "../core/AuthenticationInfo.js"
import * as Cookies from "../core/Cookies.js"
import type { ResponseCookie } from "./Answers.js"

/**
 * Where the tokens are read and how the cookies are written (part of `RequestAuth.Options`).
 *
 * @since 0.2.0
 * @category models
 */
export interface TokenOptions {
  /** Read `Authorization: Bearer <token>`; default `true`. */
  readonly bearer?: boolean | undefined
  /** Read the session cookie; default `true`. */
  readonly cookie?: boolean | undefined
  /** The session cookie name; default `DS`. */
  readonly sessionCookieName?: string | undefined
  /** The refresh cookie name; default `DSR`. */
  readonly refreshCookieName?: string | undefined
  /** Attributes of the rotated cookies (default `HttpOnly; Secure; SameSite=Strict`). */
  readonly setCookie?: SetCookieOptions | undefined
}

/**
 * The two headers the authentication reads (a web `Request` or a Node request gives them).
 *
 * @since 0.2.0
 * @category models
 */
export interface RequestHeaders {
  readonly authorization?: string | null | undefined
  readonly cookie?: string | null | undefined
}

const sameSiteOf = (value: SetCookieOptions["sameSite"]): "strict" | "lax" | "none" =>
  value === "Lax" ? "lax" : value === "None" ? "none" : "strict"

/**
 * The cookies of a refresh: the session cookie, and the refresh cookie when
 * the refresh token was rotated (differs from `previousRefreshToken`).
 *
 * @since 0.2.0
 * @category constructors
 */
export const refreshCookies = (
  info: AuthenticationInfo<unknown>,
  options: TokenOptions & { readonly previousRefreshToken?: Redacted.Redacted<string> | undefined } = {}
): ReadonlyArray<ResponseCookie> => {
  const settings = info.cookies
  const attributes: PlatformCookies.Cookie["options"] = {
    path: settings.path,
    ...(settings.domain !== undefined && settings.domain !== "" ? { domain: settings.domain } : {}),
    ...(settings.maxAge !== undefined ? { maxAge: Duration.seconds(Math.max(0, Math.floor(settings.maxAge))) } : {}),
    ...(settings.expiration !== undefined && settings.expiration > 0
      ? { expires: new Date(settings.expiration * 1000) }
      : {}),
    httpOnly: options.setCookie?.httpOnly ?? true,
    secure: options.setCookie?.secure ?? true,
    sameSite: sameSiteOf(options.setCookie?.sameSite)
  }
  const cookies: Array<ResponseCookie> = [
    { name: options.sessionCookieName ?? SESSION_COOKIE_NAME, value: info.sessionToken, options: attributes }
  ]
  const rotated = info.refreshToken !== undefined ? Redacted.value(info.refreshToken) : undefined
  const previous = options.previousRefreshToken !== undefined
    ? Redacted.value(options.previousRefreshToken)
    : undefined
  if (info.refreshToken !== undefined && rotated !== previous) {
    cookies.push({
      name: options.refreshCookieName ?? REFRESH_COOKIE_NAME,
      value: info.refreshToken,
      options: attributes
    })
  }
  return cookies
}

/**
 * The cookies that clear the session and refresh cookies (empty, `Max-Age=0`).
 *
 * @since 0.2.0
 * @category constructors
 */
export const clearingCookies = (
  options: TokenOptions & { readonly path?: string | undefined; readonly domain?: string | undefined } = {}
): ReadonlyArray<ResponseCookie> => {
  const attributes: PlatformCookies.Cookie["options"] = {
    path: options.path ?? "/",
    ...(options.domain !== undefined && options.domain !== "" ? { domain: options.domain } : {}),
    maxAge: Duration.zero,
    httpOnly: options.setCookie?.httpOnly ?? true,
    secure: options.setCookie?.secure ?? true,
    sameSite: sameSiteOf(options.setCookie?.sameSite)
  }
  const empty = Redacted.make("")
  return [options.sessionCookieName ?? SESSION_COOKIE_NAME, options.refreshCookieName ?? REFRESH_COOKIE_NAME].map(
    (name) => ({ name, value: empty, options: attributes })
  )
}

/**
 * The tokens a request carries (redacted; absent or empty values are `undefined`).
 *
 * @since 0.2.0
 * @category models
 */
export interface RequestTokens {
  /** The session token, from the bearer header or else the session cookie. */
  readonly sessionToken: Redacted.Redacted<string> | undefined
  /** Where the session token came from. */
  readonly source: "bearer" | "cookie" | undefined
  /** The refresh token of the refresh cookie. */
  readonly refreshToken: Redacted.Redacted<string> | undefined
}

/**
 * Reads the session and refresh tokens of a request's headers according to the options.
 *
 * @since 0.2.0
 * @category parsing
 */
export const tokensFromHeaders = (headers: RequestHeaders, options: TokenOptions = {}): RequestTokens => {
  const fromCookies = Cookies.tokensFromCookieHeader(headers.cookie, {
    sessionCookieName: options.sessionCookieName,
    refreshCookieName: options.refreshCookieName
  })
  const bearer = options.bearer === false ? undefined : Cookies.bearerTokenFromHeader(headers.authorization)
  const cookie = options.cookie === false ? undefined : fromCookies.sessionToken
  return {
    sessionToken: bearer ?? cookie,
    source: bearer !== undefined ? "bearer" : cookie !== undefined ? "cookie" : undefined,
    refreshToken: fromCookies.refreshToken
  }
}

/**
 * The two headers of a web `Request`.
 *
 * @since 0.2.0
 * @category parsing
 */
export const headersOf = (request: Request): RequestHeaders => ({
  authorization: request.headers.get("authorization"),
  cookie: request.headers.get("cookie")
})

/**
 * A `Cookie` request header carrying the values of `cookies` (the rotated
 * cookies of a refresh): a cookie of the same name takes the new value in
 * place (a later one of that name is dropped: the first one is read), one not
 * there is added at the end, a cleared one (empty value) is removed; the
 * other cookies are kept as sent. `""` when no cookie is left.
 *
 * @since 0.2.0
 * @category combinators
 */
export const cookieHeaderWith = (
  header: string | null | undefined,
  cookies: ReadonlyArray<ResponseCookie>
): string => {
  const values = new Map(cookies.map((cookie) => [cookie.name, encodeURIComponent(Redacted.value(cookie.value))]))
  const written = new Set<string>()
  const parts: Array<string> = []
  for (const part of (header ?? "").split(";")) {
    const pair = part.trim()
    if (pair === "") continue
    const eq = pair.indexOf("=")
    const name = eq < 0 ? undefined : pair.slice(0, eq).trim()
    const value = name !== undefined ? values.get(name) : undefined
    if (name === undefined || value === undefined) parts.push(pair)
    else if (!written.has(name)) {
      written.add(name)
      if (value !== "") parts.push(`${name}=${value}`)
    }
  }
  for (const [name, value] of values) {
    if (!written.has(name) && value !== "") parts.push(`${name}=${value}`)
  }
  return parts.join("; ")
}

/**
 * A copy of a request's headers whose `Cookie` header carries the values of
 * `cookies` (see {@link cookieHeaderWith}; no `Cookie` header when no cookie
 * is left): the headers to hand on to the rest of the request after a
 * refresh, e.g. Next's `NextResponse.next({ request: { headers } })`, so that
 * what runs next reads the rotated session instead of refreshing again. An
 * unchanged copy when `cookies` is empty.
 *
 * @since 0.2.0
 * @category combinators
 */
export const headersWithCookies = (headers: Headers, cookies: ReadonlyArray<ResponseCookie>): Headers => {
  const copy = new Headers(headers)
  if (cookies.length === 0) return copy
  const cookie = cookieHeaderWith(headers.get("cookie"), cookies)
  if (cookie === "") copy.delete("cookie")
  else copy.set("cookie", cookie)
  return copy
}

/**
 * What a request lacking a token should have sent, for the 401's message.
 *
 * @since 0.2.0
 * @category rendering
 */
export const expectedCredential = (options: TokenOptions): string => {
  const parts: Array<string> = []
  if (options.bearer !== false) parts.push("Authorization: Bearer <token>")
  if (options.cookie !== false) parts.push(`the ${options.sessionCookieName ?? SESSION_COOKIE_NAME} cookie`)
  return parts.length === 0 ? "a session token" : parts.join(" or ")
}
