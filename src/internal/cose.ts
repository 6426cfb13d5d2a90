/**
 * COSE keys (RFC 9052 / 9053) of WebAuthn credentials, ES256 (EC2 P-256,
 * `alg` -7) and RS256 (RSA, `alg` -257): a decoded COSE map to a Node
 * `KeyObject`, and back, and the signature check of each algorithm (ES256
 * signatures are DER-encoded in WebAuthn).
 *
 * @internal
 */
import * as Crypto from "node:crypto"
import type { CborValue } from "./cbor.js"

/** The COSE algorithm of ES256. */
export const ES256 = -7

/** The COSE algorithm of RS256. */
export const RS256 = -257

/** A public key read from a COSE map, with its algorithm. */
export interface CoseKey {
  readonly alg: typeof ES256 | typeof RS256
  readonly key: Crypto.KeyObject
}

const bytes = (m: ReadonlyMap<CborValue, CborValue>, label: number): Uint8Array | undefined => {
  const v = m.get(label)
  return v instanceof Uint8Array ? v : undefined
}

const b64url = (b: Uint8Array): string => Buffer.from(b).toString("base64url")

/** Reads a COSE public key: ES256 on P-256 or RS256; anything else is a refusal (a text). */
export const toKey = (value: CborValue): CoseKey | string => {
  if (!(value instanceof Map)) return "the credential public key is not a COSE map"
  const m = value as ReadonlyMap<CborValue, CborValue>
  const kty = m.get(1)
  const alg = m.get(3)
  try {
    if (kty === 2 && alg === ES256) {
      const x = bytes(m, -2)
      const y = bytes(m, -3)
      if (m.get(-1) !== 1 || x?.length !== 32 || y?.length !== 32) return "the EC2 key is not on P-256"
      const key = Crypto.createPublicKey({
        key: { kty: "EC", crv: "P-256", x: b64url(x), y: b64url(y) },
        format: "jwk"
      })
      return { alg: ES256, key }
    }
    if (kty === 3 && alg === RS256) {
      const n = bytes(m, -1)
      const e = bytes(m, -2)
      if (n === undefined || e === undefined || n.length < 256) {
        return "the RSA key is missing or shorter than 2048 bits"
      }
      const key = Crypto.createPublicKey({ key: { kty: "RSA", n: b64url(n), e: b64url(e) }, format: "jwk" })
      return { alg: RS256, key }
    }
  } catch {
    return "the credential public key is not a valid key"
  }
  return `unsupported COSE key (kty ${String(kty)}, alg ${String(alg)}): ES256 and RS256 are supported`
}

/** The COSE map of a public key (ES256 on P-256, or RS256). */
export const fromKey = (alg: typeof ES256 | typeof RS256, key: Crypto.KeyObject): Map<number, number | Uint8Array> => {
  const jwk = key.export({ format: "jwk" })
  const raw = (s: string | undefined) => Uint8Array.from(Buffer.from(s ?? "", "base64url"))
  return alg === ES256
    ? new Map<number, number | Uint8Array>([[1, 2], [3, ES256], [-1, 1], [-2, raw(jwk.x)], [-3, raw(jwk.y)]])
    : new Map<number, number | Uint8Array>([[1, 3], [3, RS256], [-1, raw(jwk.n)], [-2, raw(jwk.e)]])
}

/** Whether `signature` is the key's signature of `data` (SHA-256; ES256 DER-encoded). */
export const verify = (key: CoseKey, data: Uint8Array, signature: Uint8Array): boolean => {
  try {
    return Crypto.verify("sha256", data, key.key, signature)
  } catch {
    return false
  }
}

/** Signs `data` as an authenticator does (SHA-256; ES256 DER-encoded). */
export const sign = (privateKey: Crypto.KeyObject, data: Uint8Array): Uint8Array =>
  Uint8Array.from(Crypto.sign("sha256", data, privateKey))
