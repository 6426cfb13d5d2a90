// RFC 6238 (SHA-1, 6 digits, 30 s) written out for the tests, independent of the emulator's implementation.
import * as Crypto from "node:crypto"

/** The TOTP code of a base32 seed (`=` padding allowed) at `at` (epoch milliseconds; now by default). */
export const totp = (base32: string, at: number = Date.now()): string => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
  let bits = ""
  for (const c of base32.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0")
  const bytes = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const mac = Crypto.createHmac("sha1", bytes).update(counter).digest()
  return String((mac.readUInt32BE(mac[19]! & 0xf) & 0x7fffffff) % 1_000_000).padStart(6, "0")
}
