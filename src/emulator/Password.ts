/**
 * Password hashing with scrypt (`node:crypto`), stored as
 * `scrypt$N$r$p$salt$hash` (base64url), and the password policy check.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Crypto from "node:crypto"

const N = 4096
const R = 8
const P = 1
const KEYLEN = 32

/**
 * Hashes a password with a fresh salt.
 *
 * @since 0.1.0
 * @category rendering
 */
export const hash = (password: string): Effect.Effect<string> =>
  Effect.async<string>((resume) => {
    const salt = Crypto.randomBytes(16)
    Crypto.scrypt(password, salt, KEYLEN, { N, r: R, p: P }, (err, key) => {
      if (err) resume(Effect.die(err))
      else resume(Effect.succeed(`scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`))
    })
  })

/**
 * Checks a password against a stored hash (constant-time comparison).
 *
 * @since 0.1.0
 * @category guards
 */
export const verify = (password: string, stored: string): Effect.Effect<boolean> => {
  const [scheme, n, r, p, salt, expected] = stored.split("$")
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !expected) return Effect.succeed(false)
  const want = Buffer.from(expected, "base64url")
  return Effect.async<boolean>((resume) => {
    Crypto.scrypt(
      password,
      Buffer.from(salt, "base64url"),
      want.length,
      { N: Number(n), r: Number(r), p: Number(p) },
      (err, key) => {
        if (err) resume(Effect.succeed(false))
        else resume(Effect.succeed(key.length === want.length && Crypto.timingSafeEqual(key, want)))
      }
    )
  })
}

/**
 * A password policy (the shape of `GET /v1/auth/password/policy`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Policy {
  readonly minLength: number
  readonly lowercase: boolean
  readonly uppercase: boolean
  readonly number: boolean
  readonly nonAlphanumeric: boolean
}

/**
 * The default policy: at least 8 characters.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultPolicy: Policy = {
  minLength: 8,
  lowercase: false,
  uppercase: false,
  number: false,
  nonAlphanumeric: false
}

/**
 * The policy violations of a password (empty when it complies).
 *
 * @since 0.1.0
 * @category guards
 */
export const violations = (policy: Policy, password: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  if (password.length < policy.minLength) out.push(`at least ${policy.minLength} characters`)
  if (policy.lowercase && !/[a-z]/.test(password)) out.push("a lowercase letter")
  if (policy.uppercase && !/[A-Z]/.test(password)) out.push("an uppercase letter")
  if (policy.number && !/[0-9]/.test(password)) out.push("a number")
  if (policy.nonAlphanumeric && !/[^a-zA-Z0-9]/.test(password)) out.push("a non-alphanumeric character")
  return out
}
