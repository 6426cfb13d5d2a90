// Test support for the session, signing-key and verifier tests: key pairs and a
// synchronous JWT signer over node:crypto (independent of the code under test).
import * as NodeCrypto from "node:crypto"
import type * as Verifier from "../../src/core/Verifier.js"

export const PROJECT_ID = "P2CtzUhdqpIF2ys9gg7ms06UvtC4"
/** A fixed "now" for TestClock, epoch seconds. */
export const NOW = 1_800_000_000

export interface TestKey {
  readonly kid: string
  readonly alg: Verifier.Algorithm
  readonly privateKey: NodeCrypto.KeyObject
  readonly publicJwk: Verifier.SigningKey
}

const rsaPair = (() => {
  let pair: NodeCrypto.KeyPairKeyObjectResult | undefined
  return () => (pair ??= NodeCrypto.generateKeyPairSync("rsa", { modulusLength: 2048 }))
})()

const rsaPair2 = (() => {
  let pair: NodeCrypto.KeyPairKeyObjectResult | undefined
  return () => (pair ??= NodeCrypto.generateKeyPairSync("rsa", { modulusLength: 2048 }))
})()

const curves: Record<string, string> = { ES256: "P-256", ES384: "P-384", ES512: "P-521" }

/** A key pair for `alg`; RSA algorithms share one RSA key (or a second one with `second`). */
export const makeKey = (alg: Verifier.Algorithm, kid: string = `kid-${alg}`, second = false): TestKey => {
  const pair = alg.startsWith("ES")
    ? NodeCrypto.generateKeyPairSync("ec", { namedCurve: curves[alg] ?? "P-256" })
    : second
    ? rsaPair2()
    : rsaPair()
  const jwk = pair.publicKey.export({ format: "jwk" })
  return {
    kid,
    alg,
    privateKey: pair.privateKey,
    publicJwk: { ...jwk, kty: jwk.kty ?? "", kid, alg, use: "sig" } as Verifier.SigningKey
  }
}

const b64 = (s: string | Buffer): string => Buffer.from(s).toString("base64url")

const hashOf = (alg: string) => (alg.endsWith("256") ? "sha256" : alg.endsWith("384") ? "sha384" : "sha512")

/** Signs a JWT with node:crypto; `header` overrides the default `{ alg, kid, typ }`. */
export const sign = (
  key: TestKey,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {}
): string => {
  const input = `${b64(JSON.stringify({ alg: key.alg, kid: key.kid, typ: "JWT", ...header }))}.${
    b64(JSON.stringify(payload))
  }`
  const alg = key.alg
  const data = Buffer.from(input)
  const signature = alg.startsWith("ES")
    ? NodeCrypto.sign(hashOf(alg), data, { key: key.privateKey, dsaEncoding: "ieee-p1363" })
    : alg.startsWith("PS")
    ? NodeCrypto.sign(hashOf(alg), data, {
      key: key.privateKey,
      padding: NodeCrypto.constants.RSA_PKCS1_PSS_PADDING,
      saltLength: NodeCrypto.constants.RSA_PSS_SALTLEN_DIGEST
    })
    : NodeCrypto.sign(hashOf(alg), data, key.privateKey)
  return `${input}.${signature.toString("base64url")}`
}

/** Standard session claims at NOW, valid for 10 minutes. */
export const claims = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  iss: PROJECT_ID,
  sub: "U2Cu0j0WPw3YOiPISJb52L0wUVMg",
  drn: "DS",
  iat: NOW,
  exp: NOW + 600,
  ...extra
})

/** An HS256 token signed with `secret` (e.g. a public key's text, the classic confusion attack). */
export const signHs256 = (secret: string | Buffer, payload: Record<string, unknown>, kid: string): string => {
  const input = `${b64(JSON.stringify({ alg: "HS256", kid, typ: "JWT" }))}.${b64(JSON.stringify(payload))}`
  return `${input}.${NodeCrypto.createHmac("sha256", secret).update(input).digest("base64url")}`
}

/** An unsecured (`alg: none`) token. */
export const unsecured = (payload: Record<string, unknown>, kid: string): string =>
  `${b64(JSON.stringify({ alg: "none", kid, typ: "JWT" }))}.${b64(JSON.stringify(payload))}.`

export const jwks = (...keys: ReadonlyArray<TestKey>) => ({ keys: keys.map((k) => k.publicJwk) })
