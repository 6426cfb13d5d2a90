/**
 * The signature verifier used by session validation: a swappable service with
 * a Node implementation over `node:crypto` `KeyObject`s (synchronous, the
 * default on Node) and a portable WebCrypto implementation through `jose`.
 *
 * Only the asymmetric JWS algorithms Descope uses are allowed (ES256/384/512,
 * RS256/384/512, PS256/384/512); `none` and HMAC never are. A key is imported
 * once for the algorithm named by its JWK `alg`, and only if its type and
 * curve fit that algorithm and its material is within bounds (see
 * {@link keyMaterialProblem}: RSA 2048 to 8192 bits with a small exponent, EC
 * points on their curve, no private members).
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import type * as Jose from "jose"
import * as NodeCrypto from "node:crypto"
import * as SyncVerify from "../internal/syncVerify.js"
import type { PublicJwk } from "./DescopeConfig.js"

/**
 * The JWS algorithms accepted for Descope tokens.
 *
 * @since 0.1.0
 * @category models
 */
export type Algorithm = "ES256" | "ES384" | "ES512" | "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512"

/**
 * Every accepted algorithm.
 *
 * @since 0.1.0
 * @category constants
 */
export const ALGORITHMS: ReadonlyArray<Algorithm> = [
  "ES256",
  "ES384",
  "ES512",
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512"
]

const algorithmSet: ReadonlySet<string> = new Set(ALGORITHMS)

/**
 * Whether a string is an accepted algorithm (`none` and `HS*` never are).
 *
 * @since 0.1.0
 * @category guards
 */
export const isAlgorithm = (u: unknown): u is Algorithm => typeof u === "string" && algorithmSet.has(u)

/**
 * A public signing key with the `kid` and `alg` Descope always publishes.
 *
 * @since 0.1.0
 * @category models
 */
export interface SigningKey extends PublicJwk {
  readonly kid: string
  readonly alg: Algorithm
}

/**
 * A key ready for verification; `handle` is implementation specific (a
 * `KeyObject` or a `CryptoKey`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportedKey {
  readonly kid: string
  readonly alg: Algorithm
  readonly handle: unknown
}

/**
 * The verifier service.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The implementation's name: `node` or `webcrypto`. */
  readonly name: string
  /** Imports a public key for its `alg`; fails with the reason when the key does not fit its algorithm. */
  readonly importKey: (key: SigningKey) => Effect.Effect<ImportedKey, string>
  /**
   * Checks a JWS signature: `signingInput` is `<header>.<payload>` (base64url),
   * `signature` the third segment (base64url). Never fails: a signature that is
   * not valid for the key and its algorithm gives `false`.
   */
  readonly verify: (key: ImportedKey, signingInput: string, signature: string) => Effect.Effect<boolean>
}

/**
 * The verifier service tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class Verifier extends Context.Tag("descope-effect/Verifier")<Verifier, Service>() {}

const hashOf = (alg: Algorithm): "sha256" | "sha384" | "sha512" =>
  alg.endsWith("256") ? "sha256" : alg.endsWith("384") ? "sha384" : "sha512"

const curveOf = (alg: Algorithm): string | undefined =>
  alg === "ES256" ? "P-256" : alg === "ES384" ? "P-384" : alg === "ES512" ? "P-521" : undefined

/**
 * Checks that a JWK fits its algorithm (type, curve); the reason when it does not.
 *
 * @since 0.1.0
 * @category guards
 */
export const checkKeyFitsAlgorithm = (key: SigningKey): Either.Either<void, string> => {
  const curve = curveOf(key.alg)
  if (curve !== undefined) {
    if (key.kty !== "EC") return Either.left(`key ${key.kid}: ${key.alg} needs an EC key, got ${key.kty}`)
    if (key.crv !== curve) return Either.left(`key ${key.kid}: ${key.alg} needs curve ${curve}`)
    return Either.void
  }
  if (key.kty !== "RSA") return Either.left(`key ${key.kid}: ${key.alg} needs an RSA key, got ${key.kty}`)
  return Either.void
}

const base64urlDecode = (input: string): Uint8Array => {
  if (!/^[A-Za-z0-9_-]*$/.test(input)) throw new Error("not base64url")
  const b64 = input.replace(/-/g, "+").replace(/_/g, "/")
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * `jose` is loaded on first use only (the WebCrypto verifier), so importing the
 * SDK and validating with the default Node verifier never loads it.
 */
let joseModule: Promise<typeof Jose> | undefined
const loadJose = (): Promise<typeof Jose> => (joseModule ??= import("jose"))

const rsaBitsOf = (modulus: unknown): number => {
  if (typeof modulus !== "string") return 0
  let bytes: Uint8Array
  try {
    bytes = base64urlDecode(modulus)
  } catch {
    return 0
  }
  let start = 0
  while (start < bytes.length && bytes[start] === 0) start++
  const first = bytes[start]
  if (first === undefined) return 0
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(first))
}

/**
 * The bounds of RSA moduli accepted for signing keys, in bits.
 *
 * @since 0.2.0
 * @category constants
 */
export const RSA_MODULUS_BITS = { min: 2048, max: 8192 } as const

/** The private members of a JWK (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const

const bytesOfBase64url = (value: unknown): Uint8Array | undefined => {
  if (typeof value !== "string" || value === "") return undefined
  try {
    return base64urlDecode(value)
  } catch {
    return undefined
  }
}

const bigIntOf = (bytes: Uint8Array): bigint => {
  let n = 0n
  for (const b of bytes) n = (n << 8n) | BigInt(b)
  return n
}

/** The NIST prime curves (a = -3): the field prime, `b`, and the coordinate size in bytes. */
const CURVES: Readonly<Record<string, { readonly p: bigint; readonly b: bigint; readonly size: number }>> = {
  "P-256": {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    size: 32
  },
  "P-384": {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    size: 48
  },
  "P-521": {
    p: (1n << 521n) - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    size: 66
  }
}

/** Whether (x, y) lies on the curve: y² = x³ - 3x + b (mod p), both coordinates below p. */
const onCurve = (crv: string, xValue: unknown, yValue: unknown): boolean => {
  const curve = CURVES[crv]
  const xBytes = bytesOfBase64url(xValue)
  const yBytes = bytesOfBase64url(yValue)
  if (curve === undefined || xBytes === undefined || yBytes === undefined) return false
  if (xBytes.length !== curve.size || yBytes.length !== curve.size) return false
  const { b, p } = curve
  const x = bigIntOf(xBytes)
  const y = bigIntOf(yBytes)
  if (x >= p || y >= p) return false
  return (y * y) % p === (((x * x % p) * x - 3n * x + b) % p + p) % p
}

/**
 * Why a key's material is outside the bounds accepted for signing keys, or
 * `undefined` when it is within them: no private members; RSA with a modulus
 * of 2048 to 8192 bits and a small public exponent (odd, from 3 to 2^32 - 1:
 * a huge exponent makes each check of a forged token many times dearer); EC
 * with a point on its named curve (P-256, P-384, P-521) and coordinates of the
 * curve's size.
 *
 * @since 0.2.0
 * @category guards
 */
export const keyMaterialProblem = (key: PublicJwk): string | undefined => {
  for (const member of PRIVATE_MEMBERS) {
    if (key[member] !== undefined) return `it carries a private member (${member})`
  }
  if (key.kty === "RSA") {
    const bits = rsaBitsOf(key.n)
    if (bits < RSA_MODULUS_BITS.min || bits > RSA_MODULUS_BITS.max) {
      return `its RSA modulus has ${bits} bits (${RSA_MODULUS_BITS.min} to ${RSA_MODULUS_BITS.max} accepted)`
    }
    const e = bytesOfBase64url(key.e)
    if (e === undefined) return "its RSA exponent is missing or not base64url"
    let start = 0
    while (start < e.length && e[start] === 0) start++
    const significant = e.length - start
    const last = e[e.length - 1] ?? 0
    if (significant === 0 || significant > 4 || (last & 1) === 0 || (significant === 1 && last < 3)) {
      return "its RSA public exponent is not small (odd, 3 to 2^32 - 1)"
    }
    return undefined
  }
  if (key.kty === "EC") {
    if (typeof key.crv !== "string" || CURVES[key.crv] === undefined) return "its EC curve is not P-256, P-384 or P-521"
    if (!onCurve(key.crv, key.x, key.y)) return `its EC point is not on ${key.crv}`
    return undefined
  }
  return undefined
}

const publicPart = (key: SigningKey): Record<string, unknown> => {
  // only the public members: a JWK that (wrongly) carries private members must not import as a private key
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, k: _k, ...rest } = key
  return rest
}

const precheck = (key: SigningKey): Either.Either<void, string> =>
  Either.flatMap(checkKeyFitsAlgorithm(key), () => {
    const problem = keyMaterialProblem(key)
    return problem === undefined ? Either.void : Either.left(`key ${key.kid}: ${problem}`)
  })

/**
 * The Node verifier: `node:crypto` `KeyObject`s, verification is synchronous.
 * ES* signatures are read as IEEE P1363 (`r || s`), PS* use a salt as long as
 * the hash.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeNode = (): Service => {
  const importSync = (key: SigningKey): Either.Either<ImportedKey, string> =>
    Either.flatMap(precheck(key), () => {
      try {
        const handle = NodeCrypto.createPublicKey({ key: publicPart(key) as NodeCrypto.JsonWebKey, format: "jwk" })
        return Either.right({ kid: key.kid, alg: key.alg, handle })
      } catch (e) {
        return Either.left(`key ${key.kid}: ${e instanceof Error ? e.message : "cannot be imported"}`)
      }
    })
  const verifySync = (key: ImportedKey, signingInput: string, signature: string): boolean => {
    const keyObject = key.handle as NodeCrypto.KeyObject
    const alg = key.alg
    const data = Buffer.from(signingInput, "latin1")
    const sig = Buffer.from(signature, "base64url")
    try {
      switch (alg[0]) {
        case "E":
          return NodeCrypto.verify(hashOf(alg), data, { key: keyObject, dsaEncoding: "ieee-p1363" }, sig)
        case "P":
          return NodeCrypto.verify(hashOf(alg), data, {
            key: keyObject,
            padding: NodeCrypto.constants.RSA_PKCS1_PSS_PADDING,
            saltLength: alg === "PS256" ? 32 : alg === "PS384" ? 48 : 64
          }, sig)
        default:
          return NodeCrypto.verify(hashOf(alg), data, keyObject, sig)
      }
    } catch {
      return false
    }
  }
  const verify: Service["verify"] = (key, signingInput, signature) =>
    Effect.sync(() => verifySync(key, signingInput, signature))
  SyncVerify.register(verify, verifySync)
  return {
    name: "node",
    importKey: (key) => Effect.suspend(() => importSync(key)),
    verify
  }
}

/**
 * The portable verifier: WebCrypto through `jose` (`importJWK`, `flattenedVerify`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeWebCrypto = (): Service => ({
  name: "webcrypto",
  importKey: (key) =>
    Effect.flatMap(precheck(key), () =>
      Effect.tryPromise({
        try: () => loadJose().then((jose) => jose.importJWK(publicPart(key) as Jose.JWK, key.alg)),
        catch: (e) => `key ${key.kid}: ${e instanceof Error ? e.message : "cannot be imported"}`
      }).pipe(Effect.map((handle): ImportedKey => ({ kid: key.kid, alg: key.alg, handle })))),
  verify: (key, signingInput, signature) => {
    const dot = signingInput.indexOf(".")
    const jws: Jose.FlattenedJWSInput = {
      protected: signingInput.slice(0, dot),
      payload: signingInput.slice(dot + 1),
      signature
    }
    return Effect.promise(() =>
      loadJose().then((jose) =>
        jose.flattenedVerify(jws, key.handle as Jose.CryptoKey, { algorithms: [key.alg] }).then(
          () => true,
          () => false
        )
      )
    )
  }
})

/**
 * Whether `node:crypto` is usable (Node, Bun, Deno with Node compatibility).
 *
 * @since 0.1.0
 * @category guards
 */
export const hasNodeCrypto = (): boolean =>
  typeof NodeCrypto.createPublicKey === "function" && typeof NodeCrypto.verify === "function"

/**
 * The Node verifier layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerNode: Layer.Layer<Verifier> = Layer.sync(Verifier, makeNode)

/**
 * The WebCrypto (`jose`) verifier layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWebCrypto: Layer.Layer<Verifier> = Layer.sync(Verifier, makeWebCrypto)

/**
 * The default verifier: Node's when `node:crypto` is available, else WebCrypto.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Verifier> = Layer.sync(Verifier, () => (hasNodeCrypto() ? makeNode() : makeWebCrypto()))
