/**
 * Signing keys and tokens for the benchmark, with `node:crypto` only, plus a
 * loopback keys endpoint (`GET /v2/keys/<projectId>`) that counts its fetches.
 */
import * as NodeCrypto from "node:crypto"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"

export type BenchAlg = "RS256" | "ES256" | "ES384"

export interface BenchKey {
  readonly alg: BenchAlg
  readonly kid: string
  readonly privateKey: NodeCrypto.KeyObject
  readonly publicKey: NodeCrypto.KeyObject
  /** The public JWK as Descope publishes it (with `kid`, `alg`, `use`). */
  readonly jwk: Record<string, unknown>
}

export const generateKey = (alg: BenchAlg, kid: string): BenchKey => {
  const pair = alg === "RS256"
    ? NodeCrypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
    : NodeCrypto.generateKeyPairSync("ec", { namedCurve: alg === "ES256" ? "P-256" : "P-384" })
  const jwk = { ...pair.publicKey.export({ format: "jwk" }), kid, alg, use: "sig" }
  return { alg, kid, privateKey: pair.privateKey, publicKey: pair.publicKey, jwk }
}

/** The hash of an algorithm, as `node:crypto` names it. */
export const hashOf = (alg: BenchAlg): "sha256" | "sha384" => (alg === "ES384" ? "sha384" : "sha256")

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url")

/** Signs a compact JWS with `node:crypto` (ES* in IEEE P1363 form, as JWS wants). */
export const signJwt = (
  key: BenchKey,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {}
): string => {
  const input = `${b64({ alg: key.alg, kid: key.kid, typ: "JWT", ...header })}.${b64(payload)}`
  const signature = key.alg === "RS256"
    ? NodeCrypto.sign("sha256", Buffer.from(input), key.privateKey)
    : NodeCrypto.sign(hashOf(key.alg), Buffer.from(input), { key: key.privateKey, dsaEncoding: "ieee-p1363" })
  // a flat string, as a token read from an HTTP header is (a concatenation is a rope V8 flattens on first hash)
  return Buffer.from(`${input}.${signature.toString("base64url")}`, "latin1").toString("latin1")
}

/** `count` distinct session tokens (distinct `jti`), valid for an hour, in Descope's claim shape. */
export const mintSessions = (key: BenchKey, projectId: string, count: number, prefix = "t"): Array<string> => {
  const iat = Math.floor(Date.now() / 1000)
  const out: Array<string> = []
  for (let i = 0; i < count; i++) {
    out.push(signJwt(key, {
      iss: `https://api.descope.com/${projectId}`,
      sub: `U${i.toString(36).padStart(8, "0")}`,
      drn: "DS",
      amr: ["otp"],
      roles: ["user"],
      permissions: ["read"],
      tenants: { T1: { roles: ["admin"], permissions: ["write"] } },
      jti: `${prefix}-${i}`,
      iat,
      exp: iat + 3600
    }))
  }
  return out
}

export interface KeysServer {
  readonly baseUrl: string
  /** Number of `GET /v2/keys/<projectId>` requests answered. */
  readonly fetches: () => number
  readonly close: () => Promise<void>
}

/** Serves `{ keys }` at `GET /v2/keys/<projectId>` on 127.0.0.1 (port 0). */
export const startKeysServer = async (
  projectId: string,
  keys: ReadonlyArray<BenchKey>
): Promise<KeysServer> => {
  let count = 0
  const body = JSON.stringify({ keys: keys.map((k) => k.jwk) })
  const server = Http.createServer((req, res) => {
    if (req.method === "GET" && req.url?.split("?")[0] === `/v2/keys/${projectId}`) {
      count++
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
      res.end(body)
      return
    }
    res.writeHead(404, { "content-type": "application/json" })
    res.end(JSON.stringify({ errorCode: "E011003", errorDescription: "not found in the bench keys server" }))
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    fetches: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
