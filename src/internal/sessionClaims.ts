/**
 * How verified claims become a `Session` (`core/Session.ts`): the reading of
 * each claim, shared by the public `Session.fromClaims` and by the session
 * validator's `fromOwnedClaims`, which takes over a payload it has just parsed
 * instead of copying it.
 *
 * @internal
 */
import * as Redacted from "effect/Redacted"
import type { Session, TenantAuthorization } from "../core/Session.js"

/** The claims that are not custom claims (public as `Session.STANDARD_CLAIMS`). */
export const STANDARD_CLAIMS: ReadonlySet<string> = new Set([
  "iss",
  "sub",
  "aud",
  "exp",
  "nbf",
  "iat",
  "jti",
  "dsub",
  "drn",
  "roles",
  "permissions",
  "tenants",
  "dct",
  "amr",
  "nsec",
  "cnf"
])

/** The strings of an array claim: the claim's own array when it holds only strings (no copy), else a filtered copy. */
const stringArray = (u: unknown): ReadonlyArray<string> => {
  if (!Array.isArray(u)) return []
  for (let i = 0; i < u.length; i++) {
    if (typeof u[i] !== "string") return u.filter((x): x is string => typeof x === "string")
  }
  return u as ReadonlyArray<string>
}

const num = (u: unknown): number | undefined => (typeof u === "number" && Number.isFinite(u) ? u : undefined)

/** Sets a plain property, also for the key `__proto__` (an assignment would replace the prototype instead). */
const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    target[key] = value
  }
}

/** Reads the `tenants` claim; a malformed entry counts as empty (public as `Session.tenantsOf`). */
export const tenantsOf = (u: unknown): Readonly<Record<string, TenantAuthorization>> => {
  if (typeof u !== "object" || u === null || Array.isArray(u)) return {}
  const claim = u as Record<string, unknown>
  const out: Record<string, TenantAuthorization> = {}
  // own keys only, without building an array of entries per validation
  for (const id in claim) {
    if (!Object.hasOwn(claim, id)) continue
    const value = claim[id]
    const v = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {}
    setOwn(out, id, { roles: stringArray(v.roles), permissions: stringArray(v.permissions) })
  }
  return out
}

/**
 * A `Session` from a token and its claims; `normalised` becomes its `claims`
 * (the claims with `iss` set to the project id).
 */
export const build = <Custom>(
  jwt: string | Redacted.Redacted<string>,
  claims: Readonly<Record<string, unknown>>,
  normalised: Readonly<Record<string, unknown>>,
  projectId: string,
  customClaims: Custom | undefined
): Session<Custom> => {
  const sub = typeof claims.sub === "string" ? claims.sub : ""
  const dsub = typeof claims.dsub === "string" && claims.dsub !== "" ? claims.dsub : undefined
  let custom: Record<string, unknown> | undefined
  if (customClaims === undefined) {
    custom = {}
    // own keys only, without building an array of keys per validation; a `__proto__` claim stays a plain property
    for (const key in claims) {
      if (!Object.hasOwn(claims, key) || STANDARD_CLAIMS.has(key)) continue
      setOwn(custom, key, claims[key])
    }
  }
  return {
    jwt: Redacted.isRedacted(jwt) ? jwt : Redacted.make(jwt),
    userId: dsub ?? sub,
    subject: sub,
    projectId,
    roles: stringArray(claims.roles),
    permissions: stringArray(claims.permissions),
    tenants: tenantsOf(claims.tenants),
    currentTenant: typeof claims.dct === "string" && claims.dct !== "" ? claims.dct : undefined,
    amr: stringArray(claims.amr),
    issuedAt: num(claims.iat),
    expiresAt: num(claims.exp),
    tokenType: typeof claims.drn === "string" ? claims.drn : undefined,
    claims: normalised,
    customClaims: (customClaims ?? custom) as Custom
  }
}

/**
 * `Session.fromClaims` over a claims object the caller owns and hands over
 * (e.g. a payload just parsed): its `iss` is set to the project id in place
 * and it becomes the session's `claims`, without a copy.
 */
export const fromOwnedClaims = (
  jwt: string | Redacted.Redacted<string>,
  claims: Record<string, unknown>,
  projectId: string
): Session => {
  claims.iss = projectId
  return build<Readonly<Record<string, unknown>>>(jwt, claims, claims, projectId, undefined)
}
