/**
 * The emulator's random identifiers, secrets and one-time codes, the hash it
 * keeps of secrets, and the masks it shows of contact addresses.
 *
 * @since 0.2.0
 */
import * as Crypto from "node:crypto"

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/**
 * Random bytes from a pool that `Crypto.randomBytes` refills 4 KiB at a time, each byte given out once: one call
 * into the system's random source per ~150 identifiers instead of one per identifier (a seed of 20,000 users
 * spent half its time in those calls). Node's `randomUUID` pools its entropy the same way.
 */
const POOL_BYTES = 4096
let pool = Buffer.alloc(0)
let taken = 0

const randomBytes = (count: number): Buffer => {
  if (taken + count > pool.length) {
    pool = Crypto.randomBytes(Math.max(POOL_BYTES, count))
    taken = 0
  }
  const bytes = pool.subarray(taken, taken + count)
  taken += count
  return bytes
}

/**
 * A random identifier: `prefix` followed by base62 characters (28 in total by default).
 *
 * @since 0.2.0
 * @category constructors
 */
export const newId = (prefix: string, length = 28): string => {
  const count = Math.max(0, length - prefix.length)
  const bytes = randomBytes(count)
  let out = prefix
  for (let i = 0; i < count; i++) out += ALPHABET[bytes[i]! % ALPHABET.length]
  return out
}

/**
 * A random URL-safe secret.
 *
 * @since 0.2.0
 * @category constructors
 */
export const newSecret = (bytes = 24): string => randomBytes(bytes).toString("base64url")

/**
 * SHA-256 of a secret (hex).
 *
 * @since 0.2.0
 * @category rendering
 */
export const sha256 = (s: string): string => Crypto.createHash("sha256").update(s).digest("hex")

/**
 * A random 6-digit code.
 *
 * @since 0.2.0
 * @category constructors
 */
export const newCode = (): string => String(Crypto.randomInt(0, 1_000_000)).padStart(6, "0")

/**
 * Masks an e-mail address (`j***@example.com`).
 *
 * @since 0.2.0
 * @category rendering
 */
export const maskEmail = (email: string): string => {
  const at = email.indexOf("@")
  if (at <= 0) return "***"
  return `${email.slice(0, 1)}***${email.slice(at)}`
}

/**
 * Masks a phone number (`+*******4567`).
 *
 * @since 0.2.0
 * @category rendering
 */
export const maskPhone = (phone: string): string =>
  phone.length <= 4
    ? "****"
    : `${phone.startsWith("+") ? "+" : ""}${"*".repeat(Math.max(0, phone.length - 5))}${phone.slice(-4)}`
