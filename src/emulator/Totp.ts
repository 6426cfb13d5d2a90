/**
 * RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits) with RFC 4648 base32 seeds,
 * as authenticator apps implement it.
 *
 * @since 0.1.0
 */
import * as Crypto from "node:crypto"

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

/**
 * Encodes bytes as unpadded base32.
 *
 * @since 0.1.0
 * @category rendering
 */
export const base32Encode = (bytes: Uint8Array): string => {
  let bits = 0
  let value = 0
  let out = ""
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31]
  return out
}

/**
 * Decodes base32 (case-insensitive, padding and spaces ignored).
 *
 * @since 0.1.0
 * @category parsing
 */
export const base32Decode = (s: string): Uint8Array => {
  const clean = s.toUpperCase().replace(/[=\s]/g, "")
  let bits = 0
  let value = 0
  const out: Array<number> = []
  for (const c of clean) {
    const i = B32.indexOf(c)
    if (i < 0) continue
    value = (value << 5) | i
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Uint8Array.from(out)
}

/**
 * A new random seed (20 bytes, base32).
 *
 * @since 0.1.0
 * @category constructors
 */
export const newSeed = (): string => base32Encode(Crypto.randomBytes(20))

/**
 * The code of a seed at a time (epoch ms).
 *
 * @since 0.1.0
 * @category getters
 */
export const code = (seed: string, nowMs: number, stepSeconds = 30, digits = 6): string => {
  const counter = Math.max(0, Math.floor(nowMs / 1000 / stepSeconds))
  const buf = Buffer.alloc(8)
  buf.writeBigUInt64BE(BigInt(counter))
  const mac = Crypto.createHmac("sha1", Buffer.from(base32Decode(seed))).update(buf).digest()
  const offset = mac[mac.length - 1]! & 15
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!
  return String(bin % 10 ** digits).padStart(digits, "0")
}

/**
 * Whether `candidate` is the code of `seed` at `nowMs`, one step of drift allowed.
 *
 * @since 0.1.0
 * @category guards
 */
export const check = (seed: string, candidate: string, nowMs: number): boolean =>
  [-1, 0, 1].some((d) => code(seed, nowMs + d * 30_000) === candidate)

/**
 * The `otpauth://` provisioning URL.
 *
 * @since 0.1.0
 * @category rendering
 */
export const provisioningUrl = (issuer: string, account: string, seed: string): string =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${seed}&issuer=${
    encodeURIComponent(issuer)
  }&algorithm=SHA1&digits=6&period=30`
