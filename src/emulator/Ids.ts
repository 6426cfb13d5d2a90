/**
 * The emulator's random identifiers, secrets and one-time codes, the hash it
 * keeps of secrets, and the masks it shows of contact addresses.
 *
 * @since 0.2.0
 */
import * as Crypto from "node:crypto"

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/**
 * A random identifier: `prefix` followed by base62 characters (28 in total by default).
 *
 * @since 0.2.0
 * @category constructors
 */
export const newId = (prefix: string, length = 28): string => {
  const bytes = Crypto.randomBytes(length)
  let out = prefix
  for (let i = 0; out.length < length; i++) out += ALPHABET[bytes[i % bytes.length]! % ALPHABET.length]
  return out
}

/**
 * A random URL-safe secret.
 *
 * @since 0.2.0
 * @category constructors
 */
export const newSecret = (bytes = 24): string => Crypto.randomBytes(bytes).toString("base64url")

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
