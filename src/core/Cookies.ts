/**
 * Reading Descope's session and refresh tokens from a request's `Cookie`
 * header (`DS` / `DSR` by default, or custom names). The `Set-Cookie` values
 * to send back are built by `AuthenticationInfo` (`setCookies`, `setCookie`).
 *
 * @example
 * ```ts
 * import { Cookies } from "descope-effect"
 *
 * const { sessionToken, refreshToken } = Cookies.tokensFromCookieHeader("DS=eyJ...; DSR=eyJ...")
 * ```
 *
 * @since 0.1.0
 */
import * as Redacted from "effect/Redacted"
import { REFRESH_COOKIE_NAME, SESSION_COOKIE_NAME } from "./AuthenticationInfo.js"

/**
 * Parses a `Cookie` request header into name/value pairs; the first
 * occurrence of a name wins, values are percent-decoded when they are valid
 * percent-encoding and unquoted.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseCookieHeader = (header: string | null | undefined): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {}
  if (header === undefined || header === null || header === "") return out
  for (const part of header.split(";")) {
    const eq = part.indexOf("=")
    if (eq < 0) continue
    const name = part.slice(0, eq).trim()
    if (name === "" || Object.prototype.hasOwnProperty.call(out, name)) continue
    let value = part.slice(eq + 1).trim()
    if (value.length >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.slice(1, -1)
    if (value.includes("%")) {
      try {
        value = decodeURIComponent(value)
      } catch {
        // keep the raw value
      }
    }
    out[name] = value
  }
  return out
}

/**
 * The cookie names to read.
 *
 * @since 0.1.0
 * @category models
 */
export interface CookieNames {
  /** The session cookie name; default `DS`. */
  readonly sessionCookieName?: string | undefined
  /** The refresh cookie name; default `DSR`. */
  readonly refreshCookieName?: string | undefined
}

/**
 * The tokens found in a `Cookie` header (redacted); an empty cookie counts as absent.
 *
 * @since 0.1.0
 * @category models
 */
export interface CookieTokens {
  readonly sessionToken: Redacted.Redacted<string> | undefined
  readonly refreshToken: Redacted.Redacted<string> | undefined
}

const nonEmpty = (value: string | undefined): Redacted.Redacted<string> | undefined =>
  value === undefined || value === "" ? undefined : Redacted.make(value)

/**
 * Reads the session and refresh tokens from a `Cookie` header.
 *
 * @since 0.1.0
 * @category parsing
 */
export const tokensFromCookieHeader = (
  header: string | null | undefined,
  names: CookieNames = {}
): CookieTokens => {
  const cookies = parseCookieHeader(header)
  return {
    sessionToken: nonEmpty(cookies[names.sessionCookieName ?? SESSION_COOKIE_NAME]),
    refreshToken: nonEmpty(cookies[names.refreshCookieName ?? REFRESH_COOKIE_NAME])
  }
}

/**
 * Reads the session token (`DS` or `name`) from a `Cookie` header.
 *
 * @since 0.1.0
 * @category parsing
 */
export const sessionTokenFromCookieHeader = (
  header: string | null | undefined,
  name: string = SESSION_COOKIE_NAME
): Redacted.Redacted<string> | undefined => nonEmpty(parseCookieHeader(header)[name])

/**
 * Reads the refresh token (`DSR` or `name`) from a `Cookie` header.
 *
 * @since 0.1.0
 * @category parsing
 */
export const refreshTokenFromCookieHeader = (
  header: string | null | undefined,
  name: string = REFRESH_COOKIE_NAME
): Redacted.Redacted<string> | undefined => nonEmpty(parseCookieHeader(header)[name])

/**
 * Reads a bearer token from an `Authorization` header (`Bearer <token>`, case-insensitive scheme).
 *
 * @since 0.1.0
 * @category parsing
 */
export const bearerTokenFromHeader = (header: string | null | undefined): Redacted.Redacted<string> | undefined => {
  if (header === undefined || header === null) return undefined
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header)
  return match === null ? undefined : nonEmpty(match[1])
}
