/**
 * The redaction of the request and response bodies the inspector shows, by
 * allowlist, so that it is safe by construction: numbers, booleans and
 * `null` are kept; a string is shown only when its member's name is one of
 * {@link SHOWN} (identifiers, names, statuses, error texts, never a secret),
 * or, without its query string and fragment, one of {@link SHOWN_URLS}; every
 * other string is {@link REDACTED}. So a code, a password, a JWT, a key, a
 * secret, an access key's cleartext, a token, a pending reference or a link
 * is never shown, whatever route it goes through, also a route added later.
 * Arrays and objects are walked down to {@link MAX_DEPTH} levels (the
 * members' names are shown); the elements of an array are judged by the
 * array's own name (`loginIds: [...]`).
 *
 * @since 0.2.0
 */

/**
 * The members whose string values are shown: the one list, in one place.
 * Matched exactly (case matters). `verifiedEmail`, `firstSeen` and the
 * other flags need no entry: booleans are always kept.
 *
 * @since 0.2.0
 * @category constants
 */
export const SHOWN: ReadonlySet<string> = new Set([
  // who
  "loginId",
  "loginIds",
  "userId",
  "userIds",
  "email",
  "phone",
  "maskedEmail",
  "maskedPhone",
  "name",
  "givenName",
  "middleName",
  "familyName",
  "displayName",
  // where and with what rights
  "projectId",
  "tenantId",
  "tenantIds",
  "tenantName",
  "tenants",
  "roleNames",
  "roles",
  "permissionNames",
  "ssoId",
  "appId",
  // what
  "id",
  "ids",
  "description",
  "status",
  "method",
  "deliveryMethod",
  "provider",
  // the error of an answer
  "errorCode",
  "errorDescription",
  "errorMessage"
])

/**
 * The members whose string values are URLs, shown as `scheme://host/path`
 * only (`?[redacted]` in place of a query string or fragment, which may hold
 * a token); anything but an `http(s)` URL is {@link REDACTED}.
 *
 * @since 0.2.0
 * @category constants
 */
export const SHOWN_URLS: ReadonlySet<string> = new Set(["uri", "URI", "redirectUrl", "redirectURL"])

/**
 * What a string not shown becomes.
 *
 * @since 0.2.0
 * @category constants
 */
export const REDACTED = "[redacted]"

/**
 * What an array or an object below {@link MAX_DEPTH} levels becomes.
 *
 * @since 0.2.0
 * @category constants
 */
export const TOO_DEEP = "[too deep]"

/**
 * How many levels of arrays and objects are walked (the body itself is level 0).
 *
 * @since 0.2.0
 * @category constants
 */
export const MAX_DEPTH = 8

/** An `http(s)` URL without its user info, query string and fragment. */
const urlShown = (value: string): string => {
  try {
    const url = new URL(value)
    if (url.protocol !== "http:" && url.protocol !== "https:") return REDACTED
    return `${url.origin}${url.pathname}${url.search !== "" || url.hash !== "" ? `?${REDACTED}` : ""}`
  } catch {
    return REDACTED
  }
}

const walk = (value: unknown, name: string | undefined, depth: number): unknown => {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value
  if (typeof value === "string") {
    if (name === undefined) return REDACTED
    return SHOWN.has(name) ? value : SHOWN_URLS.has(name) ? urlShown(value) : REDACTED
  }
  if (typeof value !== "object") return REDACTED
  if (depth >= MAX_DEPTH) return TOO_DEEP
  if (Array.isArray(value)) return value.map((v) => walk(v, name, depth + 1))
  // `fromEntries` defines the members, so a member named `__proto__` stays a member
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, depth + 1)]))
}

/**
 * A JSON value (as `JSON.parse` answers it) redacted: see the module.
 *
 * @since 0.2.0
 * @category rendering
 */
export const redact = (value: unknown): unknown => walk(value, undefined, 0)
