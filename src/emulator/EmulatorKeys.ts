/**
 * Signing keys of the emulator: real key pairs (ES384 by default, RS256 as an
 * option) made with `jose`, JWT signing (`node:crypto`, synchronous) and
 * verification against the project's key ring, and the JWKS view that keeps a
 * rotated-out key published until the last token it signed has expired.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Jose from "jose"
import * as NodeCrypto from "node:crypto"
import { newId } from "./Ids.js"
import { Codes, WireError } from "./Wire.js"

/**
 * The signing algorithms the emulator offers.
 *
 * @since 0.1.0
 * @category models
 */
export type Algorithm = "ES384" | "RS256"

/**
 * One signing key of a project.
 *
 * @since 0.1.0
 * @category models
 */
export interface SigningKey {
  readonly kid: string
  readonly alg: Algorithm
  readonly privateKey: CryptoKey
  readonly publicKey: CryptoKey
  readonly publicJwk: Jose.JWK
  readonly createdAt: number
  /** When the key stopped signing (epoch ms); it stays published for the longest token lifetime after. */
  retiredAt?: number | undefined
}

/**
 * Generates a key pair.
 *
 * @since 0.1.0
 * @category constructors
 */
export const generate = (alg: Algorithm, now: number): Effect.Effect<SigningKey> =>
  Effect.promise(async () => {
    const { privateKey, publicKey } = await Jose.generateKeyPair(alg, { extractable: true })
    const kid = newId("K")
    const jwk = await Jose.exportJWK(publicKey)
    return {
      kid,
      alg,
      privateKey,
      publicKey,
      publicJwk: { ...jwk, kid, alg, use: "sig" },
      createdAt: now
    }
  })

/**
 * The active (signing) key: the newest one not retired.
 *
 * @since 0.1.0
 * @category queries
 */
export const active = (keys: ReadonlyArray<SigningKey>): SigningKey | undefined => {
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!
    if (k.retiredAt === undefined) return k
  }
  return undefined
}

/**
 * The keys still published at `now`: the active key and every retired key
 * whose tokens may still be valid (retired less than `maxTokenLifetimeMs` ago).
 *
 * @since 0.1.0
 * @category queries
 */
export const published = (
  keys: ReadonlyArray<SigningKey>,
  now: number,
  maxTokenLifetimeMs: number
): ReadonlyArray<SigningKey> => keys.filter((k) => k.retiredAt === undefined || now < k.retiredAt + maxTokenLifetimeMs)

/**
 * The JWKS body (`{ keys: [...] }`).
 *
 * @since 0.1.0
 * @category rendering
 */
export const jwks = (keys: ReadonlyArray<SigningKey>): { readonly keys: ReadonlyArray<Jose.JWK> } => ({
  keys: keys.map((k) => k.publicJwk)
})

/**
 * Signs a claim set with a key (`typ: JWT`, `kid`, `alg`).
 *
 * @since 0.1.0
 * @category actions
 */
export const sign = (key: SigningKey, claims: Readonly<Record<string, unknown>>): Effect.Effect<string> =>
  Effect.sync(() => {
    // synchronously with `node:crypto`, as jose's `SignJWT` would (the same header, claims and signature
    // encoding): WebCrypto signs on the thread pool, and a sign-in waited for that hop twice (session and
    // refresh token), about a third of an in-process OTP flow's time
    const input = `${segment({ alg: key.alg, kid: key.kid, typ: "JWT" })}.${segment(claims)}`
    const data = Buffer.from(input, "utf8")
    const signature = key.alg === "RS256"
      ? NodeCrypto.sign("sha256", data, keyObjectOf(key.privateKey))
      : NodeCrypto.sign("sha384", data, { key: keyObjectOf(key.privateKey), dsaEncoding: "ieee-p1363" })
    return `${input}.${signature.toString("base64url")}`
  })

const segment = (value: Readonly<Record<string, unknown>>): string =>
  Buffer.from(JSON.stringify(value), "utf8").toString("base64url")

/** The `node:crypto` form of each private key, made once. */
const keyObjects = new WeakMap<CryptoKey, NodeCrypto.KeyObject>()
const keyObjectOf = (key: CryptoKey): NodeCrypto.KeyObject => {
  let known = keyObjects.get(key)
  if (known === undefined) {
    known = NodeCrypto.KeyObject.from(key)
    keyObjects.set(key, known)
  }
  return known
}

/**
 * Verifies a JWT signed by one of `keys` at time `now` (epoch ms): 401
 * `E064002` when it is malformed, signed by an unknown key or expired.
 *
 * @since 0.1.0
 * @category guards
 */
export const verify = (
  keys: ReadonlyArray<SigningKey>,
  token: string,
  now: number
): Effect.Effect<Jose.JWTPayload, WireError> =>
  Effect.suspend(() => {
    let kid: string | undefined
    try {
      kid = Jose.decodeProtectedHeader(token).kid
    } catch {
      return invalidToken("malformed token")
    }
    const key = keys.find((k) => k.kid === kid)
    if (key === undefined) return invalidToken("unknown signing key")
    return Effect.tryPromise({
      try: () => Jose.jwtVerify(token, key.publicKey, { algorithms: [key.alg], currentDate: new Date(now) }),
      catch: (e) => e
    }).pipe(
      Effect.map((r) => r.payload),
      Effect.catchAll((e) => invalidToken(e instanceof Jose.errors.JWTExpired ? "token expired" : "invalid token"))
    )
  })

const invalidToken = (message: string): Effect.Effect<never, WireError> =>
  Effect.fail(
    new WireError({
      status: 401,
      errorCode: Codes.InvalidToken,
      errorDescription: "Invalid token",
      errorMessage: message
    })
  )
