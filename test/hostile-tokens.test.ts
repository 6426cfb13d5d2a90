// Hostile tokens: a corpus of attacks on `client.validateSession`, each rejected with its exact
// `InvalidSessionError` reason as a typed failure (one `Fail` in the cause, never a defect),
// through the static key layer, the test key layer and the remote key layer over the mock HttpClient.
//
// Time semantics (those of jose, which node-sdk uses): the clock is read in whole seconds,
// `now = floor(Clock / 1000)`; a token is expired when `exp <= now - leeway` and not yet valid
// when `nbf > now + leeway`. With the default 5 s leeway a token with `exp = E` is accepted up to
// E + 4.999 s and rejected from E + 5.000 s; one with `nbf = N` is accepted from N - 5.000 s and
// rejected at N - 5.001 s.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Logger from "effect/Logger"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as NodeCrypto from "node:crypto"
import type * as DescopeConfig from "../src/core/DescopeConfig.js"
import { InvalidSessionError, type InvalidSessionReason } from "../src/core/DescopeError.js"
import * as Jwks from "../src/core/Jwks.js"
import type { ValidateOptions } from "../src/core/Session.js"
import type * as Verifier from "../src/core/Verifier.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { claims, jwks, makeKey, NOW, PROJECT_ID, sign, signHs256, type TestKey, unsecured } from "./support/sessions.js"

const KEYS_PATH = `/v2/keys/${PROJECT_ID}`
const CONFIG: DescopeConfig.Options = { projectId: PROJECT_ID, baseUrl: "https://api.descope.test" }

const es = makeKey("ES384", "K-ES")
const es256 = makeKey("ES256", "K-ES256")
const rs = makeKey("RS256", "K-RS")
/** The same RSA key pair as `rs`, published under another kid for PS256. */
const ps = makeKey("PS256", "K-PS")
/** Another project's keys, with the same kids as ours. */
const otherEs = makeKey("ES384", "K-ES")
const otherRs = makeKey("RS256", "K-RS", true)
/** An attacker's key. */
const attacker = makeKey("ES384", "K-ATTACKER")

const OUR_KEYS = [es, es256, rs, ps] as const

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

const b64 = (value: string | Uint8Array): string => Buffer.from(value).toString("base64url")
const b64json = (value: unknown): string => b64(JSON.stringify(value))

const hashOf = (alg: string) => (alg.endsWith("256") ? "sha256" : alg.endsWith("384") ? "sha384" : "sha512")

/** The base64url signature of `input` with the key's own algorithm (ES* in P1363 form unless `der`). */
const signatureOf = (key: TestKey, alg: Verifier.Algorithm, input: string, der = false): string => {
  const data = Buffer.from(input)
  const signature = alg.startsWith("ES")
    ? NodeCrypto.sign(hashOf(alg), data, { key: key.privateKey, dsaEncoding: der ? "der" : "ieee-p1363" })
    : alg.startsWith("PS")
    ? NodeCrypto.sign(hashOf(alg), data, {
      key: key.privateKey,
      padding: NodeCrypto.constants.RSA_PKCS1_PSS_PADDING,
      saltLength: NodeCrypto.constants.RSA_PSS_SALTLEN_DIGEST
    })
    : NodeCrypto.sign(hashOf(alg), data, key.privateKey)
  return signature.toString("base64url")
}

/** Signs raw header and payload JSON texts, for JSON that `JSON.stringify` cannot write (e.g. `1e400`). */
const signRaw = (key: TestKey, headerJson: string, payloadJson: string): string => {
  const input = `${b64(headerJson)}.${b64(payloadJson)}`
  return `${input}.${signatureOf(key, key.alg, input)}`
}

/** A valid payload text with `exp`, `iat`, `nbf` written as raw JSON. */
const rawClaims = (times: string): string => `{"iss":"${PROJECT_ID}","sub":"U1","drn":"DS",${times}}`

const segments = (token: string): [string, string, string] => token.split(".") as [string, string, string]

type Outcome = InvalidSessionReason | "valid"

/**
 * Validates and returns `"valid"` or the reason; asserts that a failure is typed: the cause is
 * exactly one `Fail` holding an `InvalidSessionError` (no defect, no interruption) whose message
 * does not echo the token's signature.
 */
const outcome = <C>(
  token: string | Redacted.Redacted<string>,
  options?: ValidateOptions<C>
): Effect.Effect<Outcome, never, DescopeClient> =>
  Effect.gen(function*() {
    const descope = yield* DescopeClient
    const exit = yield* Effect.exit(descope.validateSession(token, options))
    if (Exit.isSuccess(exit)) return "valid" as const
    const cause = exit.cause
    if (cause._tag !== "Fail") return assert.fail(`not a typed failure: ${cause._tag}`)
    const error = cause.error
    if (!(error instanceof InvalidSessionError)) return assert.fail(`not an InvalidSessionError: ${error._tag}`)
    const raw = typeof token === "string" ? token : Redacted.value(token)
    const signature = raw.split(".")[2] ?? ""
    if (signature.length > 8) assert.notInclude(error.message, signature)
    return error.reason
  })

const check = <C>(
  token: string | Redacted.Redacted<string>,
  expected: Outcome,
  label: string,
  options?: ValidateOptions<C>
) => Effect.map(outcome(token, options), (actual) => assert.strictEqual(actual, expected, label))

/** Runs a table of `[label, token, reason]`. */
const expectAll = (cases: ReadonlyArray<readonly [string, string, Outcome]>) =>
  Effect.forEach(cases, ([label, token, reason]) => check(token, reason, label), { discard: true })

const requests = Effect.flatMap(MockHttpClient.MockHttpRecorder, (r) => r.requests)

const keyFetchCount = Effect.map(requests, (all) => {
  for (const request of all) assert.strictEqual(request.url, `https://api.descope.test${KEYS_PATH}`)
  return all.length
})

/** A static key set (the config's public key); the handler fails the test if anything is sent. */
const staticClient = (options: Partial<DescopeConfig.Options> = {}) =>
  Descope.layerTest(
    { ...CONFIG, publicKey: jwks(...OUR_KEYS), ...options },
    () => MockHttpClient.json({ errorCode: "E-UNEXPECTED" }, { status: 500 })
  )

/** A keys endpoint whose answer can be changed during a test. */
const endpoint = (keys: ReadonlyArray<unknown>) => {
  let current = keys
  const handler: MockHttpClient.Handler = (request) =>
    request.path === KEYS_PATH
      ? MockHttpClient.json({ keys: current })
      : MockHttpClient.json({ errorCode: "E-UNEXPECTED" }, { status: 500 })
  return {
    handler,
    serve: (next: ReadonlyArray<unknown>) => {
      current = next
    }
  }
}

const remoteClient = (
  handler: MockHttpClient.Handler = endpoint(OUR_KEYS.map((k) => k.publicJwk)).handler,
  options: Partial<DescopeConfig.Options> = {}
) => Descope.layerTest({ ...CONFIG, ...options }, handler)

const atNow = TestClock.setTime(NOW * 1000)

/** Waits (real event-loop turns, the clock untouched) until `n` key fetches were made and the last one answered. */
const refreshed = (n: number) =>
  Effect.gen(function*() {
    for (let i = 0; i < 500 && (yield* keyFetchCount) < n; i++) {
      yield* Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))
    }
    assert.strictEqual(yield* keyFetchCount, n)
    for (let i = 0; i < 20; i++) yield* Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))
  })

// ---------------------------------------------------------------------------
// the corpus
// ---------------------------------------------------------------------------

const good = sign(rs, claims())
const [goodH, goodP, goodS] = segments(good)
const goodEs = sign(es, claims())
const publicPem = NodeCrypto.createPublicKey({ key: rs.publicJwk, format: "jwk" }).export({
  format: "pem",
  type: "spki"
})
const publicDer = NodeCrypto.createPublicKey({ key: rs.publicJwk, format: "jwk" }).export({
  format: "der",
  type: "spki"
})

/** Header attacks: refused from the header alone, before any key lookup (so no key fetch either). */
const headerAttacks: ReadonlyArray<readonly [string, string, Outcome]> = [
  ["alg none", unsecured(claims(), rs.kid), "AlgorithmNotAllowed"],
  ["alg none with a signature", `${unsecured(claims(), rs.kid)}${goodS}`, "AlgorithmNotAllowed"],
  ...["None", "NONE", "nOnE", ""].map((alg) =>
    [`alg ${JSON.stringify(alg)}`, `${b64json({ alg, kid: rs.kid })}.${goodP}.`, "AlgorithmNotAllowed"] as const
  ),
  ["HS256 signed with the public key PEM", signHs256(publicPem, claims(), rs.kid), "AlgorithmNotAllowed"],
  ["HS256 signed with the public key DER", signHs256(publicDer, claims(), rs.kid), "AlgorithmNotAllowed"],
  [
    "HS256 signed with the public JWK",
    signHs256(JSON.stringify(rs.publicJwk), claims(), rs.kid),
    "AlgorithmNotAllowed"
  ],
  ["HS256 signed with the modulus", signHs256(String(rs.publicJwk.n), claims(), rs.kid), "AlgorithmNotAllowed"],
  [
    "HS256 signed with the EC public key",
    signHs256(JSON.stringify(es.publicJwk), claims(), es.kid),
    "AlgorithmNotAllowed"
  ],
  ...["HS384", "HS512", "EdDSA", "ES256K", "RSA-OAEP", "dir", "rs256", "RS256 ", "PS256\u0000"].map((alg) =>
    [`alg ${JSON.stringify(alg)}`, `${b64json({ alg, kid: rs.kid })}.${goodP}.${goodS}`, "AlgorithmNotAllowed"] as const
  ),
  ...[null, 256, ["RS256"], { alg: "RS256" }, true].map((alg) =>
    [`alg ${JSON.stringify(alg)}`, `${b64json({ alg, kid: rs.kid })}.${goodP}.${goodS}`, "AlgorithmNotAllowed"] as const
  ),
  ["alg missing", `${b64json({ kid: rs.kid, typ: "JWT" })}.${goodP}.${goodS}`, "AlgorithmNotAllowed"],
  [
    "duplicate alg: refused (I-JSON), never \"the last one wins\"",
    `${b64(`{"alg":"RS256","kid":"${rs.kid}","alg":"none"}`)}.${goodP}.${goodS}`,
    "Malformed"
  ],
  ["kid missing", sign(es, claims(), { kid: undefined }), "Malformed"],
  ["kid empty", sign(es, claims(), { kid: "" }), "Malformed"],
  ...[null, 42, ["K-ES"], { kid: "K-ES" }, true].map((kid) =>
    [`kid ${JSON.stringify(kid)}`, sign(es, claims(), { kid }), "Malformed"] as const
  ),
  ["crit b64 (RFC 7797 unencoded payload)", sign(es, claims(), { crit: ["b64"], b64: false }), "Malformed"],
  ["crit unknown", sign(es, claims(), { crit: ["urn:example:unknown"], "urn:example:unknown": 1 }), "Malformed"],
  ["crit exp", sign(es, claims(), { crit: ["exp"] }), "Malformed"],
  ["crit empty list", sign(es, claims(), { crit: [] }), "Malformed"],
  ["crit not a list", sign(es, claims(), { crit: "b64" }), "Malformed"],
  ["crit null", sign(es, claims(), { crit: null }), "Malformed"],
  [
    "a JWE (5 parts)",
    [b64json({ alg: "RSA-OAEP", enc: "A256GCM", kid: rs.kid }), b64("key"), b64("iv"), b64("ct"), b64("tag")].join("."),
    "Malformed"
  ],
  [
    "a JWE header in a 3-part token",
    `${b64json({ alg: "RSA-OAEP", enc: "A256GCM", kid: rs.kid })}.${goodP}.${goodS}`,
    "AlgorithmNotAllowed"
  ],
  ["1 segment", goodH, "Malformed"],
  ["2 segments", `${goodH}.${goodP}`, "Malformed"],
  ["4 segments", `${good}.${goodS}`, "Malformed"],
  ["6 segments", `${good}.${good}`, "Malformed"],
  ["trailing dot", `${good}.`, "Malformed"],
  ["leading dot", `.${good}`, "Malformed"],
  ["empty header", `.${goodP}.${goodS}`, "Malformed"],
  ["empty payload", `${goodH}..${goodS}`, "Malformed"],
  ["empty signature", `${goodH}.${goodP}.`, "Malformed"],
  ["only dots", "..", "Malformed"],
  ["many dots", ".".repeat(100), "Malformed"],
  ["Bearer prefix", `Bearer ${good}`, "Malformed"],
  ["surrounding whitespace", ` ${good}`, "Malformed"],
  ["trailing newline", `${good}\n`, "Malformed"],
  ["standard base64 (+ /) in the header", `${goodH.slice(0, -2)}+/.${goodP}.${goodS}`, "Malformed"],
  ["base64 padding in the header", `${goodH}==.${goodP}.${goodS}`, "Malformed"],
  ["base64 padding in the signature", `${goodH}.${goodP}.${goodS}==`, "Malformed"],
  ["standard base64 signature", `${goodH}.${goodP}.${Buffer.from(goodS, "base64url").toString("base64")}`, "Malformed"],
  ["percent-encoded header", `${goodH}%3D.${goodP}.${goodS}`, "Malformed"],
  ["non-ASCII in the header", `${goodH}é.${goodP}.${goodS}`, "Malformed"],
  ["header not JSON", `${b64("not json")}.${goodP}.${goodS}`, "Malformed"],
  ["header truncated JSON", `${b64(`{"alg":"RS256","kid":"${rs.kid}"`)}.${goodP}.${goodS}`, "Malformed"],
  ["header not UTF-8", `${b64(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]))}.${goodP}.${goodS}`, "Malformed"],
  ["header a JSON array", `${b64json([{ alg: "RS256", kid: rs.kid }])}.${goodP}.${goodS}`, "Malformed"],
  ["header a JSON number", `${b64("123")}.${goodP}.${goodS}`, "Malformed"],
  ["header a JSON string", `${b64json("RS256")}.${goodP}.${goodS}`, "Malformed"],
  ["header JSON null", `${b64("null")}.${goodP}.${goodS}`, "Malformed"],
  [
    "header as __proto__",
    `${b64(`{"__proto__":{"alg":"RS256","kid":"${rs.kid}"}}`)}.${goodP}.${goodS}`,
    "AlgorithmNotAllowed"
  ]
]

/** Payload attacks: the header is fine, the payload is not a JSON object or has bad time claims. */
const payloadAttacks: ReadonlyArray<readonly [string, string, Outcome]> = [
  ["payload not JSON", signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), "not json"), "Malformed"],
  [
    "payload a JSON array",
    signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), JSON.stringify([claims()])),
    "Malformed"
  ],
  ["payload a JSON number", signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), "1800000600"), "Malformed"],
  ["payload a JSON string", signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), "\"claims\""), "Malformed"],
  ["payload JSON null", signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), "null"), "Malformed"],
  ["payload JSON true", signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), "true"), "Malformed"],
  ["payload bad base64url", `${goodH}.${goodP}*.${goodS}`, "Malformed"],
  ...([
    ["exp", "\"1800000600\""],
    ["exp", "{}"],
    ["exp", "[1800000600]"],
    ["exp", "null"],
    ["exp", "true"],
    ["exp", "\"NaN\""],
    ["exp", "1e400"],
    ["exp", "-1e400"],
    ["nbf", "\"0\""],
    ["nbf", "{\"$date\":0}"],
    ["nbf", "[]"],
    ["nbf", "1e999"],
    ["iat", "\"now\""],
    ["iat", "{}"],
    ["iat", "[1800000000]"],
    ["iat", "null"],
    ["iat", "-1e400"]
  ] as const).map(([claim, value]) => {
    const times: Record<string, string> = { exp: String(NOW + 600), iat: String(NOW), [claim]: value }
    const text = Object.entries(times).map(([k, v]) => `"${k}":${v}`).join(",")
    const token = signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), rawClaims(text))
    return [`${claim} = ${value}`, token, "Malformed"] as const
  }),
  ["NaN is not JSON", signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), rawClaims(`"exp":NaN`)), "Malformed"],
  [
    "Infinity is not JSON",
    signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), rawClaims(`"exp":Infinity`)),
    "Malformed"
  ],
  [
    "duplicate exp: refused (I-JSON), never \"the last one wins\"",
    signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), rawClaims(`"exp":${NOW + 600},"exp":${NOW - 600}`)),
    "Malformed"
  ]
]

const flipFirstByte = (segment: string): string => {
  const bytes = Buffer.from(segment, "base64url")
  bytes[0] = (bytes[0] ?? 0) ^ 0x01
  return bytes.toString("base64url")
}

/** Sets the unused low bits of the last base64url character (a different string, the same bytes). */
const nonCanonical = (segment: string): string => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
  const last = alphabet.indexOf(segment[segment.length - 1] ?? "A")
  const spare = segment.length % 4 === 2 ? 0x0f : 0x03
  return segment.slice(0, -1) + alphabet[last | spare]
}

/** Signature and key attacks: they need the key (static, or fetched once). */
const signatureAttacks = (): ReadonlyArray<readonly [string, string, Outcome]> => {
  const [h, p, s] = segments(good)
  const [esH, esP, esS] = segments(goodEs)
  const es256Token = sign(es256, claims())
  const [e2H, e2P, e2S] = segments(es256Token)
  const otherToken = sign(rs, claims({ sub: "U-other" }))
  assert.notStrictEqual(nonCanonical(s), s)
  assert.notStrictEqual(nonCanonical(e2S), e2S)
  return [
    ["tampered signature", `${h}.${p}.${flipFirstByte(s)}`, "BadSignature"],
    [
      "tampered last signature byte",
      `${esH}.${esP}.${esS.slice(0, -1)}${esS.endsWith("A") ? "B" : "A"}`,
      "BadSignature"
    ],
    ["tampered payload (roles added)", `${h}.${b64json(claims({ roles: ["admin"] }))}.${s}`, "BadSignature"],
    ["tampered payload (sub changed)", `${h}.${b64json(claims({ sub: "U-admin" }))}.${s}`, "BadSignature"],
    ["tampered payload (exp extended)", `${esH}.${b64json(claims({ exp: NOW + 86_400 }))}.${esS}`, "BadSignature"],
    [
      "tampered header (typ added)",
      `${b64json({ alg: "RS256", kid: rs.kid, typ: "JWT", x: 1 })}.${p}.${s}`,
      "BadSignature"
    ],
    ["signature of another token", `${h}.${p}.${segments(otherToken)[2]}`, "BadSignature"],
    ["signature truncated", `${h}.${p}.${s.slice(0, 100)}`, "BadSignature"],
    ["signature doubled", `${h}.${p}.${s}${s}`, "BadSignature"],
    ["signature all zeros", `${h}.${p}.${"A".repeat(s.length)}`, "BadSignature"],
    ["signature one character", `${h}.${p}.A`, "BadSignature"],
    ["RS256 signature: unused trailing bits set", `${h}.${p}.${nonCanonical(s)}`, "BadSignature"],
    ["ES256 signature: unused trailing bits set", `${e2H}.${e2P}.${nonCanonical(e2S)}`, "BadSignature"],
    ["signature with a length of 1 mod 4", `${h}.${p}.${s}AAA`, "BadSignature"],
    ["ES384 signature in DER form", `${esH}.${esP}.${signatureOf(es, "ES384", `${esH}.${esP}`, true)}`, "BadSignature"],
    ["RS256 header with the ES384 key's kid", sign({ ...rs, kid: es.kid }, claims()), "AlgorithmNotAllowed"],
    ["ES256 header with the ES384 key's kid", sign({ ...es256, kid: es.kid }, claims()), "AlgorithmNotAllowed"],
    [
      "ES512 header with the ES256 key's kid",
      sign({ ...makeKey("ES512"), kid: es256.kid }, claims()),
      "AlgorithmNotAllowed"
    ],
    [
      "PS256 header with the RS256 key's kid (same RSA key)",
      sign({ ...ps, kid: rs.kid }, claims()),
      "AlgorithmNotAllowed"
    ],
    [
      "RS256 header with the PS256 key's kid (same RSA key)",
      sign({ ...rs, kid: ps.kid }, claims()),
      "AlgorithmNotAllowed"
    ],
    ["RS384 header with the RS256 key's kid", sign({ ...rs, alg: "RS384" }, claims()), "AlgorithmNotAllowed"],
    ["another project's ES384 key, same kid", sign(otherEs, claims()), "BadSignature"],
    ["another project's RS256 key, same kid", sign(otherRs, claims()), "BadSignature"],
    ["another project's key and issuer, same kid", sign(otherEs, claims({ iss: "P-other-project" })), "BadSignature"],
    [
      "an attacker's key embedded as jwk, our kid",
      sign({ ...attacker, kid: es.kid }, claims(), { jwk: attacker.publicJwk }),
      "BadSignature"
    ],
    [
      "an attacker's key URL (jku / x5u), our kid",
      sign({ ...attacker, kid: es.kid }, claims(), {
        jku: "https://evil.example/jwks.json",
        x5u: "https://evil.example/cert"
      }),
      "BadSignature"
    ],
    [
      "splice: header and signature of one token, payload of another",
      `${e2H}.${segments(sign(es256, claims({ sub: "U-other" })))[1]}.${e2S}`,
      "BadSignature"
    ],
    [
      "a HMAC signature under RS256",
      `${h}.${p}.${NodeCrypto.createHmac("sha256", publicPem).update(`${h}.${p}`).digest("base64url")}`,
      "BadSignature"
    ]
  ]
}

/** kid values that name no key: refused as UnknownKey, the kid never reaches a URL. */
const unknownKids = [
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "/v2/keys/other-project",
  "https://evil.example/jwks.json",
  "K-ES ",
  " K-ES",
  "k-es",
  "K-ES\u0000",
  " ",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "0",
  "K-ES'; DROP TABLE keys; --",
  "x".repeat(4000)
]

const unknownKidAttacks = (): ReadonlyArray<readonly [string, string, Outcome]> =>
  unknownKids.map((kid) =>
    [`kid ${JSON.stringify(kid.slice(0, 40))}`, sign({ ...es, kid }, claims()), "UnknownKey"] as const
  )

// ---------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------

describe("hostile tokens: header", () => {
  it.effect("static keys: every header attack is refused with its reason, nothing is sent", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* check(good, "valid", "the untouched token")
      yield* expectAll(headerAttacks)
      assert.strictEqual(yield* keyFetchCount, 0)
    }).pipe(Effect.provide(staticClient())))

  it.effect("remote keys: header attacks are refused before any key fetch", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectAll(headerAttacks)
      assert.strictEqual(yield* keyFetchCount, 0)
      yield* check(good, "valid", "the untouched token")
      assert.strictEqual(yield* keyFetchCount, 1)
    }).pipe(Effect.provide(remoteClient())))

  it.effect("a Redacted hostile token is refused the same way", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* check(Redacted.make(unsecured(claims(), rs.kid)), "AlgorithmNotAllowed", "alg none, redacted")
      yield* check(Redacted.make(""), "Missing", "empty, redacted")
      yield* check("", "Missing", "empty")
    }).pipe(Effect.provide(staticClient())))
})

describe("hostile tokens: payload", () => {
  it.effect("payloads that are not JSON objects and time claims of the wrong type are Malformed", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* check(
        signRaw(es, JSON.stringify({ alg: es.alg, kid: es.kid }), rawClaims(`"exp":${NOW + 600},"iat":${NOW}`)),
        "valid",
        "the raw signer makes valid tokens"
      )
      yield* expectAll(payloadAttacks)
    }).pipe(Effect.provide(staticClient())))
})

/** Validly signed tokens lacking a claim Descope always signs: `exp`, or a non-empty string `sub`. */
const requiredClaimAttacks = (): ReadonlyArray<readonly [string, string, Outcome]> => {
  const without = (name: string) => {
    const c = claims()
    delete c[name]
    return c
  }
  return [
    ["no exp", sign(es, without("exp")), "MissingClaim"],
    ["no exp (RSA)", sign(rs, without("exp")), "MissingClaim"],
    ["no sub", sign(es, without("sub")), "MissingClaim"],
    ["sub empty", sign(es, claims({ sub: "" })), "MissingClaim"],
    ["sub null", sign(es, claims({ sub: null })), "MissingClaim"],
    ["sub a number", sign(es, claims({ sub: 42 })), "MissingClaim"],
    ["sub an array", sign(es, claims({ sub: ["U1"] })), "MissingClaim"],
    ["sub an object", sign(es, claims({ sub: { id: "U1" } })), "MissingClaim"],
    ["no sub but a dsub", sign(es, { ...without("sub"), dsub: "U-dsub" }), "MissingClaim"],
    ["no exp and no sub", sign(es, { iss: PROJECT_ID, drn: "DS", iat: NOW }), "MissingClaim"],
    ["sub a one-character string", sign(es, claims({ sub: "U" })), "valid"]
  ]
}

/** Signs raw header and payload bytes (for texts that are not valid UTF-8). */
const signBytes = (key: TestKey, header: Uint8Array, payload: Uint8Array): string => {
  const input = `${b64(header)}.${b64(payload)}`
  return `${input}.${signatureOf(key, key.alg, input)}`
}

const utf8 = (text: string): Buffer => Buffer.from(text, "utf8")
/** `text` with `bytes` put where `@` stands. */
const withBytes = (text: string, bytes: ReadonlyArray<number>): Buffer => {
  const [before, after] = text.split("@") as [string, string]
  return Buffer.concat([utf8(before), Buffer.from(bytes), utf8(after)])
}

const ES_HEADER = `{"alg":"${es.alg}","kid":"${es.kid}"}`
const PAYLOAD = rawClaims(`"iat":${NOW},"exp":${NOW + 600}`)
/** A payload text with `members` added before the standard claims. */
const payloadWith = (members: string): string => `{${members},${PAYLOAD.slice(1)}`

/** Invalid UTF-8 byte sequences, each put inside a JSON string. */
const BAD_UTF8: ReadonlyArray<readonly [string, ReadonlyArray<number>]> = [
  ["byte 0xFF", [0xff]],
  ["a lone continuation byte", [0x80]],
  ["a truncated 2-byte sequence", [0xc3]],
  ["an overlong '/' (C0 AF)", [0xc0, 0xaf]],
  ["an overlong NUL (E0 80 80)", [0xe0, 0x80, 0x80]],
  ["a UTF-16 surrogate (ED A0 80)", [0xed, 0xa0, 0x80]],
  ["a code point above U+10FFFF (F4 90 80 80)", [0xf4, 0x90, 0x80, 0x80]],
  ["a truncated 4-byte sequence", [0xf0, 0x9f, 0x98]]
]

/** Strict JOSE: header and claims are I-JSON. Every token is validly signed by our key. */
const strictJoseAttacks = (): ReadonlyArray<readonly [string, string, Outcome]> => [
  // duplicate members in the header
  [
    "header: alg twice, same value",
    signRaw(es, `{"alg":"ES384","kid":"${es.kid}","alg":"ES384"}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: alg twice, none then ES384",
    signRaw(es, `{"alg":"none","kid":"${es.kid}","alg":"ES384"}`, PAYLOAD),
    "Malformed"
  ],
  ["header: kid twice", signRaw(es, `{"alg":"ES384","kid":"K-OTHER","kid":"${es.kid}"}`, PAYLOAD), "Malformed"],
  [
    "header: crit twice",
    signRaw(es, `{"alg":"ES384","kid":"${es.kid}","crit":["exp"],"crit":[]}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: typ twice",
    signRaw(es, `{"typ":"JWT","alg":"ES384","kid":"${es.kid}","typ":"at+jwt"}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: \\u0061lg and alg",
    signRaw(es, `{"\\u0061lg":"none","alg":"ES384","kid":"${es.kid}"}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: alg and \\u0061lg",
    signRaw(es, `{"alg":"ES384","kid":"${es.kid}","\\u0061lg":"ES384"}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: fully escaped \\u0061\\u006c\\u0067",
    signRaw(es, `{"alg":"ES384","\\u0061\\u006c\\u0067":"ES384","kid":"${es.kid}"}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: k\\u0069d and kid",
    signRaw(es, `{"alg":"ES384","k\\u0069d":"K-OTHER","kid":"${es.kid}"}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: \\u006B\\u0069d (upper-case hex)",
    signRaw(es, `{"alg":"ES384","\\u006B\\u0069d":"x","kid":"${es.kid}"}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: cr\\u0069t and crit",
    signRaw(es, `{"alg":"ES384","kid":"${es.kid}","cr\\u0069t":[],"crit":[]}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: alg twice, with whitespace",
    signRaw(es, `{ "alg" : "ES384" , "kid" : "${es.kid}" , "alg" : "ES384" }`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: nested jwk with kty twice",
    signRaw(es, `{"alg":"ES384","kid":"${es.kid}","jwk":{"kty":"EC","kty":"RSA"}}`, PAYLOAD),
    "Malformed"
  ],
  [
    "header: __proto__ twice",
    signRaw(es, `{"alg":"ES384","kid":"${es.kid}","__proto__":{},"__proto__":{}}`, PAYLOAD),
    "Malformed"
  ],
  // duplicate members in the claims
  ["claims: sub twice", signRaw(es, ES_HEADER, payloadWith(`"sub":"U-admin"`)), "Malformed"],
  ["claims: drn DSR then DS", signRaw(es, ES_HEADER, `{"drn":"DSR",${PAYLOAD.slice(1)}`), "Malformed"],
  ["claims: iss twice", signRaw(es, ES_HEADER, payloadWith(`"iss":"P-OTHER"`)), "Malformed"],
  ["claims: \\u0073ub and sub", signRaw(es, ES_HEADER, payloadWith(`"\\u0073ub":"U-admin"`)), "Malformed"],
  ["claims: \\u0065xp and exp", signRaw(es, ES_HEADER, payloadWith(`"\\u0065xp":${NOW + 86400}`)), "Malformed"],
  ["claims: a custom claim twice", signRaw(es, ES_HEADER, payloadWith(`"role":"user","role":"admin"`)), "Malformed"],
  [
    "claims: roles twice in a nested tenant",
    signRaw(es, ES_HEADER, payloadWith(`"tenants":{"T1":{"roles":["viewer"],"roles":["admin"]}}`)),
    "Malformed"
  ],
  [
    "claims: an escaped duplicate in a nested tenant",
    signRaw(es, ES_HEADER, payloadWith(`"tenants":{"T1":{"roles":["viewer"],"r\\u006fles":["admin"]}}`)),
    "Malformed"
  ],
  [
    "claims: a tenant id twice",
    signRaw(es, ES_HEADER, payloadWith(`"tenants":{"T1":{},"T1":{"roles":["admin"]}}`)),
    "Malformed"
  ],
  [
    "claims: a duplicate three objects deep",
    signRaw(es, ES_HEADER, payloadWith(`"a":{"b":{"c":1,"c":2}}`)),
    "Malformed"
  ],
  [
    "claims: a duplicate in an object in an array",
    signRaw(es, ES_HEADER, payloadWith(`"x":[1,{"k":1,"k":2}]`)),
    "Malformed"
  ],
  [
    "claims: a duplicate whose dropped value holds colons",
    signRaw(es, ES_HEADER, payloadWith(`"note":"a:b:c","note":"d"`)),
    "Malformed"
  ],
  [
    "claims: a duplicate hidden behind an escaped colon",
    signRaw(es, ES_HEADER, payloadWith(`"v":"\\u003a","v":"w"`)),
    "Malformed"
  ],
  [
    "claims: a duplicate after an escaped backslash",
    signRaw(es, ES_HEADER, payloadWith(`"p":"C:\\\\","p":"D"`)),
    "Malformed"
  ],
  [
    "claims: __proto__ twice",
    signRaw(es, ES_HEADER, payloadWith(`"__proto__":{"admin":true},"__proto__":{}`)),
    "Malformed"
  ],
  // invalid UTF-8 (a lenient decoder would read U+FFFD and accept)
  ...BAD_UTF8.flatMap(([label, bytes]) =>
    [
      [
        `header: ${label} in a string`,
        signBytes(es, withBytes(`{"alg":"ES384","kid":"${es.kid}","x":"@"}`, bytes), utf8(PAYLOAD)),
        "Malformed"
      ],
      [
        `claims: ${label} in a custom claim`,
        signBytes(es, utf8(ES_HEADER), withBytes(payloadWith(`"name":"@"`), bytes)),
        "Malformed"
      ]
    ] as const
  ),
  [
    "header: an invalid byte in the kid",
    signBytes(es, withBytes(`{"alg":"ES384","kid":"${es.kid}@"}`, [0xff]), utf8(PAYLOAD)),
    "Malformed"
  ],
  [
    "claims: an invalid byte in sub",
    signBytes(es, utf8(ES_HEADER), withBytes(payloadWith(`"dsub":"U1@"`), [0xc3])),
    "Malformed"
  ],
  [
    "header: a UTF-8 byte order mark",
    signBytes(es, withBytes(`@${ES_HEADER}`, [0xef, 0xbb, 0xbf]), utf8(PAYLOAD)),
    "Malformed"
  ],
  [
    "claims: a UTF-8 byte order mark",
    signBytes(es, utf8(ES_HEADER), withBytes(`@${PAYLOAD}`, [0xef, 0xbb, 0xbf])),
    "Malformed"
  ],
  ["signature segment: non-ASCII", `${signRaw(es, ES_HEADER, PAYLOAD)}é`, "Malformed"],
  [
    "payload segment: non-ASCII",
    (() => {
      const [h, p, sig] = segments(signRaw(es, ES_HEADER, PAYLOAD))
      return `${h}.${p}ü.${sig}`
    })(),
    "Malformed"
  ],
  // controls: strict, not suspicious
  [
    "control: an escaped name without a duplicate",
    signRaw(es, `{"\\u0061lg":"ES384","kid":"${es.kid}"}`, PAYLOAD),
    "valid"
  ],
  [
    "control: one name in two objects",
    signRaw(es, ES_HEADER, payloadWith(`"tenants":{"T1":{"roles":["a"]},"T2":{"roles":["b"]}}`)),
    "valid"
  ],
  [
    "control: colons in strings, a URL issuer",
    signRaw(
      es,
      ES_HEADER,
      `{"note":"a:b:c","${"u:rl"}":"x",${rawClaims(`"iat":${NOW},"exp":${NOW + 600}`).slice(1)}`.replace(
        `"iss":"${PROJECT_ID}"`,
        `"iss":"https://api.descope.com/${PROJECT_ID}"`
      )
    ),
    "valid"
  ],
  ["control: a member name as a value", signRaw(es, ES_HEADER, payloadWith(`"x":"sub","y":"exp"`)), "valid"],
  [
    "control: escaped quotes and colons in values",
    signRaw(es, ES_HEADER, payloadWith(`"q":"he said \\":\\" twice\\\\","r":"\\u003a"`)),
    "valid"
  ],
  [
    "control: whitespace everywhere",
    signRaw(
      es,
      ` { "alg" : "ES384" ,\n "kid" : "${es.kid}" } `,
      ` { "iss" : "${PROJECT_ID}" , "sub" : "U1" ,\t"exp" : ${NOW + 600} } `
    ),
    "valid"
  ],
  ["control: multi-byte UTF-8", signRaw(es, ES_HEADER, payloadWith(`"name":"Zoë 日本 😀 \\ud83d\\ude00"`)), "valid"]
]

describe("hostile tokens: strict JOSE (I-JSON)", () => {
  it.effect("duplicate members (escaped, nested, in header or claims) and invalid UTF-8 are Malformed", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectAll(strictJoseAttacks())
    }).pipe(Effect.provide(staticClient())))

  it.effect("remote keys: refused before any key fetch when the header is at fault", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectAll(strictJoseAttacks().filter(([label]) => label.startsWith("header")))
      assert.strictEqual(yield* keyFetchCount, 0)
    }).pipe(Effect.provide(remoteClient())))

  it.effect("the refusal says why: a repeated member or bytes that are not UTF-8", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const dup = yield* Effect.flip(descope.validateSession(signRaw(es, ES_HEADER, payloadWith(`"sub":"U-admin"`))))
      assert.include(dup.message, "twice")
      const bad = yield* Effect.flip(
        descope.validateSession(signBytes(es, utf8(ES_HEADER), withBytes(payloadWith(`"n":"@"`), [0xff])))
      )
      assert.include(bad.message, "UTF-8")
    }).pipe(Effect.provide(staticClient())))
})

describe("hostile tokens: required claims", () => {
  it.effect("a validly signed token without exp, or with a missing, empty or non-string sub, is MissingClaim", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectAll(requiredClaimAttacks())
      // twice: the answer does not change once the valid ones are cached
      yield* expectAll(requiredClaimAttacks())
    }).pipe(Effect.provide(staticClient())))

  it.effect("the refusal names the missing claim and never yields a session with an empty userId", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const noExp = yield* Effect.flip(descope.validateSession(sign(es, { iss: PROJECT_ID, sub: "U1", drn: "DS" })))
      assert.include(noExp.message, "exp")
      const noSub = yield* Effect.flip(descope.validateSession(sign(es, claims({ sub: "" }))))
      assert.include(noSub.message, "sub")
    }).pipe(Effect.provide(staticClient())))
})

describe("hostile tokens: signatures and keys", () => {
  it.effect("static keys: tampering, algorithm confusion and foreign keys are refused", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectAll(signatureAttacks())
      assert.strictEqual(yield* keyFetchCount, 0)
    }).pipe(Effect.provide(staticClient())))

  it.effect("remote keys: the same corpus, with one key fetch to the keys path only", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectAll(signatureAttacks())
      assert.strictEqual(yield* keyFetchCount, 1)
    }).pipe(Effect.provide(remoteClient())))

  it.effect("test keys: an alg that does not match the minted key's", () =>
    Effect.gen(function*() {
      yield* atNow
      const test = yield* Jwks.JwksTest
      const minted = yield* test.mint({ claims: { sub: "U-minted" } })
      yield* check(minted, "valid", "a minted token")
      const [, p] = segments(minted)
      const kid = test.publicJwk.kid
      // RS256 / PS256 / ES256 headers on the ES384 test key, signed with keys of those algorithms
      yield* check(sign({ ...rs, kid }, claims()), "AlgorithmNotAllowed", "RS256 on an ES384 key")
      yield* check(sign({ ...ps, kid }, claims()), "AlgorithmNotAllowed", "PS256 on an ES384 key")
      yield* check(sign({ ...es256, kid }, claims()), "AlgorithmNotAllowed", "ES256 on an ES384 key")
      const hs256 = signHs256(JSON.stringify(test.publicJwk), claims(), kid)
      yield* check(hs256, "AlgorithmNotAllowed", "HS256 on an ES384 key")
      // the right alg and kid, another key
      yield* check(sign({ ...otherEs, kid }, claims()), "BadSignature", "another ES384 key, same kid")
      yield* check(`${b64json({ alg: "ES384", kid })}.${p}.${"A".repeat(128)}`, "BadSignature", "zero signature")
      assert.strictEqual(yield* keyFetchCount, 0)
    }).pipe(Effect.provide(Descope.layerTestKeys(CONFIG, () => MockHttpClient.json({}, { status: 500 })))))

  it.effect("static keys: kids that name no key are UnknownKey", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectAll(unknownKidAttacks())
      assert.strictEqual(yield* keyFetchCount, 0)
    }).pipe(Effect.provide(staticClient())))

  it.effect("remote keys: unknown and path-like kids cause one fetch of the keys path, never a kid in a URL", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectAll(unknownKidAttacks())
      // the first unknown kid fetched the keys (cold start); the others fall within the cooldown
      assert.strictEqual(yield* keyFetchCount, 1)
      yield* check(
        sign({ ...attacker, kid: "K-ATTACKER" }, claims(), { jku: "https://evil.example/jwks.json" }),
        "UnknownKey",
        "an unknown kid with a jku"
      )
      assert.strictEqual(yield* keyFetchCount, 1)
      yield* TestClock.adjust("31 seconds")
      const pathLike = sign({ ...es, kid: "../../etc/passwd" }, claims({ exp: NOW + 3600 }))
      yield* check(pathLike, "UnknownKey", "after the cooldown")
      assert.strictEqual(yield* keyFetchCount, 2)
    }).pipe(Effect.provide(remoteClient())))

  it.effect("remote keys: keys that are skipped or do not fit their alg are never used", () => {
    const weak = NodeCrypto.generateKeyPairSync("rsa", { modulusLength: 1024 })
    const weakJwk = weak.publicKey.export({ format: "jwk" })
    const weakKey: TestKey = {
      kid: "K-RSA1024",
      alg: "RS256",
      privateKey: weak.privateKey,
      publicJwk: { ...weakJwk, kty: "RSA", kid: "K-RSA1024", alg: "RS256" }
    }
    const secret = Buffer.from("shared-secret").toString("base64url")
    const { alg: _alg, ...noAlg } = es.publicJwk
    const octInput = `${b64json({ alg: "RS256", kid: "K-OCT-RS" })}.${goodP}`
    const octAsRs = `${octInput}.${
      NodeCrypto.createHmac("sha256", "shared-secret").update(octInput).digest("base64url")
    }`
    const served: ReadonlyArray<unknown> = [
      { ...noAlg, kid: "K-NOALG" },
      { kty: "oct", k: secret, kid: "K-OCT", alg: "HS256" },
      { kty: "oct", k: secret, kid: "K-OCT-RS", alg: "RS256" },
      { ...es.publicJwk, kid: "K-EC-AS-RS", alg: "RS256" },
      { ...rs.publicJwk, kid: "K-RSA-AS-ES", alg: "ES384" },
      { ...es.publicJwk, kid: "K-EC-WRONG-CURVE", alg: "ES256" },
      weakKey.publicJwk,
      "not a key",
      null,
      es.publicJwk
    ]
    return Effect.gen(function*() {
      yield* atNow
      yield* expectAll([
        ["a key without alg is skipped", sign({ ...es, kid: "K-NOALG" }, claims()), "UnknownKey"],
        [
          "an HMAC key is skipped (and HS256 is refused first)",
          signHs256("shared-secret", claims(), "K-OCT"),
          "AlgorithmNotAllowed"
        ],
        [
          "an oct key labelled RS256",
          octAsRs,
          "UnknownKey"
        ],
        ["an EC key labelled RS256", sign({ ...rs, kid: "K-EC-AS-RS" }, claims()), "UnknownKey"],
        ["an RSA key labelled ES384", sign({ ...es, kid: "K-RSA-AS-ES" }, claims()), "UnknownKey"],
        ["a P-384 key labelled ES256", sign({ ...es256, kid: "K-EC-WRONG-CURVE" }, claims()), "UnknownKey"],
        ["a 1024-bit RSA key", sign(weakKey, claims()), "UnknownKey"],
        ["the good key still works", goodEs, "valid"]
      ])
      assert.strictEqual(yield* keyFetchCount, 1)
    }).pipe(Effect.provide(remoteClient(endpoint(served).handler)))
  })
})

/** An odd number of exactly `bits` bits, base64url (not a real modulus: only its size matters here). */
const oddOfBits = (bits: number): string => {
  const bytes = NodeCrypto.randomBytes(Math.ceil(bits / 8))
  const spare = bytes.length * 8 - bits
  bytes[0] = ((bytes[0] ?? 0) | 0x80) >> spare
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) | 1
  return bytes.toString("base64url")
}

/** Collects the WARN messages logged while `self` runs (the client layer included). */
const withWarnings = <A, E, R>(self: (warnings: ReadonlyArray<string>) => Effect.Effect<A, E, R>) => {
  const warnings: Array<string> = []
  const logger = Logger.make(({ logLevel, message }) => {
    if (logLevel._tag === "Warning") warnings.push(Array.isArray(message) ? message.join(" ") : String(message))
  })
  return Effect.provide(self(warnings), Logger.add(logger))
}

describe("hostile tokens: key material limits", () => {
  const weak = NodeCrypto.generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "jwk" })
  const offCurveY = Buffer.from(String(es.publicJwk.y), "base64url")
  offCurveY[offCurveY.length - 1] = (offCurveY[offCurveY.length - 1] ?? 0) ^ 1
  const privateJwk = es.privateKey.export({ format: "jwk" })
  const ignored: ReadonlyArray<readonly [string, Record<string, unknown>, TestKey]> = [
    ["K-RSA-1024", { ...weak, kty: "RSA", alg: "RS256" }, rs],
    ["K-RSA-8200", { ...rs.publicJwk, n: oddOfBits(8200) }, rs],
    ["K-RSA-E-2047-BITS", { ...rs.publicJwk, e: oddOfBits(2047) }, rs],
    ["K-RSA-E-EVEN", { ...rs.publicJwk, e: Buffer.from([0x01, 0x00, 0x00]).toString("base64url") }, rs],
    ["K-RSA-E-2^32+1", { ...rs.publicJwk, e: Buffer.from([1, 0, 0, 0, 1]).toString("base64url") }, rs],
    ["K-RSA-E-1", { ...rs.publicJwk, e: "AQ" }, rs],
    ["K-EC-OFF-CURVE", { ...es.publicJwk, y: offCurveY.toString("base64url") }, es],
    ["K-EC-PRIVATE", { ...privateJwk, kty: "EC", alg: es.alg, use: "sig" }, es]
  ]
  const served = [...ignored.map(([kid, jwk]) => ({ ...jwk, kid })), rs.publicJwk, es.publicJwk]

  it.effect("remote keys: keys outside sane bounds are ignored with one WARN each at import, never used", () =>
    withWarnings((warnings) =>
      Effect.gen(function*() {
        yield* atNow
        const cases = ignored.map(([kid, , key]) =>
          [`a token under ${kid}`, sign({ ...key, kid }, claims()), "UnknownKey"] as const
        )
        yield* expectAll([...cases, ["the good RSA key", good, "valid"], ["the good EC key", goodEs, "valid"]])
        yield* expectAll(cases)
        assert.strictEqual(yield* keyFetchCount, 1)
        const keyWarnings = warnings.filter((w) => w.includes("signing key"))
        assert.strictEqual(keyWarnings.length, ignored.length, keyWarnings.join("\n"))
        for (const [kid] of ignored) {
          assert.isTrue(keyWarnings.some((w) => w.includes(JSON.stringify(kid))), `a WARN names ${kid}`)
        }
      }).pipe(Effect.provide(remoteClient(endpoint(served).handler)))
    ))

  it.effect("static keys: a configured key outside sane bounds fails the layer with a ConfigError", () =>
    Effect.gen(function*() {
      for (const [kid, jwk] of ignored) {
        const exit = yield* Effect.exit(
          Effect.provide(DescopeClient, staticClient({ publicKey: { keys: [{ ...jwk, kid, kty: String(jwk.kty) }] } }))
        )
        assert.isTrue(Exit.isFailure(exit), kid)
      }
    }))
})

describe("hostile tokens: size limit", () => {
  const hugeKid = sign({ ...es, kid: "k".repeat(100 * 1024) }, claims())
  const oversizedValid = sign(es, claims({ padding: "x".repeat(17_000) }))

  /** A token of exactly `length` characters (ES384 signature: 128 characters). */
  const tokenOfLength = (length: number): string => {
    for (let extra = 0; extra < 4; extra++) {
      const header = b64json({ alg: es.alg, kid: es.kid, ...(extra > 0 ? { x: "y".repeat(extra) } : {}) })
      const base = b64json(claims({ padding: "" })).length
      for (let pad = Math.floor(((length - header.length - 130 - base) * 3) / 4) - 3; pad < length; pad++) {
        const payload = b64json(claims({ padding: "p".repeat(pad) }))
        const total = header.length + payload.length + 130
        if (total === length) {
          return signRaw(es, Buffer.from(header, "base64url").toString(), Buffer.from(payload, "base64url").toString())
        }
        if (total > length) break
      }
    }
    return assert.fail(`no token of length ${length}`)
  }

  const sizeReason = <C>(token: string, options?: ValidateOptions<C>) =>
    Effect.gen(function*() {
      const descope = yield* DescopeClient
      const error = yield* Effect.flip(descope.validateSession(token, options))
      assert.instanceOf(error, InvalidSessionError)
      if (error instanceof InvalidSessionError) {
        assert.strictEqual(error.reason, "Malformed")
        assert.strictEqual(error.description, "the token is larger than 16384 bytes")
      }
    })

  it.effect("oversized tokens are refused for their size before any decoding or key fetch", () =>
    Effect.gen(function*() {
      yield* atNow
      assert.isAbove(hugeKid.length, 100 * 1024)
      yield* sizeReason(hugeKid)
      yield* sizeReason(oversizedValid)
      yield* sizeReason(sign({ ...es, kid: "K-UNKNOWN" }, claims({ padding: "x".repeat(17_000) })))
      // not even base64url, not even a JWT: the size reason comes first
      yield* sizeReason("!".repeat(20_000))
      yield* sizeReason("{".repeat(1_000_000))
      yield* sizeReason(".".repeat(20_000))
      yield* sizeReason(unsecured(claims({ padding: "x".repeat(17_000) }), "K-ES"))
      yield* sizeReason("a".repeat(10 * 1024 * 1024))
      assert.strictEqual(yield* keyFetchCount, 0)
    }).pipe(Effect.provide(remoteClient())))

  it.effect("the limit is exactly 16 KiB: 16384 characters pass, 16385 do not", () =>
    Effect.gen(function*() {
      yield* atNow
      const atLimit = tokenOfLength(16_384)
      const overLimit = tokenOfLength(16_385)
      assert.strictEqual(atLimit.length, 16_384)
      assert.strictEqual(overLimit.length, 16_385)
      yield* check(atLimit, "valid", "16384 characters")
      yield* sizeReason(overLimit)
    }).pipe(Effect.provide(staticClient())))
})

describe("hostile tokens: time claims at the leeway edges (TestClock, 5 s leeway, whole seconds)", () => {
  it.effect("exp: accepted up to exp + 4.999 s, Expired from exp + 5 s (fresh and cached tokens)", () =>
    Effect.gen(function*() {
      yield* atNow
      const exp = NOW + 600
      const cached = sign(es, claims({ exp }))
      yield* check(cached, "valid", "at NOW")
      yield* TestClock.setTime((exp + 4) * 1000 + 999)
      yield* check(cached, "valid", "cached at exp + 4.999 s")
      yield* check(sign(es, claims({ exp, n: 1 })), "valid", "fresh at exp + 4.999 s")
      yield* TestClock.setTime((exp + 5) * 1000)
      yield* check(cached, "Expired", "cached at exp + 5 s")
      yield* check(sign(es, claims({ exp, n: 2 })), "Expired", "fresh at exp + 5 s")
      yield* TestClock.setTime((exp + 5) * 1000 + 1)
      yield* check(sign(es, claims({ exp, n: 3 })), "Expired", "fresh at exp + 5.001 s")
      yield* TestClock.setTime(NOW * 1000)
      yield* check(sign(es, claims({ exp: 0 })), "Expired", "exp 0")
      yield* check(sign(es, claims({ exp: -1 })), "Expired", "exp negative")
      yield* check(sign(es, claims({ exp: NOW - 6 })), "Expired", "exp 6 s ago")
      yield* check(sign(es, claims({ exp: NOW - 5 })), "Expired", "exp 5 s ago")
      yield* check(sign(es, claims({ exp: NOW - 4 })), "valid", "exp 4 s ago")
    }).pipe(Effect.provide(staticClient())))

  it.effect("nbf: NotYetValid until nbf - 5 s, accepted from nbf - 5 s", () =>
    Effect.gen(function*() {
      const nbf = NOW + 30
      const cached = sign(rs, claims({ nbf }))
      yield* TestClock.setTime((nbf - 5) * 1000 - 1)
      yield* check(cached, "NotYetValid", "at nbf - 5.001 s")
      yield* check(sign(rs, claims({ nbf, n: 1 })), "NotYetValid", "fresh at nbf - 5.001 s")
      yield* TestClock.setTime((nbf - 5) * 1000)
      yield* check(cached, "valid", "at nbf - 5 s")
      yield* check(sign(rs, claims({ nbf, n: 2 })), "valid", "fresh at nbf - 5 s")
      yield* TestClock.setTime(NOW * 1000)
      yield* check(sign(rs, claims({ nbf: NOW + 86_400 * 365 })), "NotYetValid", "nbf a year ahead")
      yield* check(sign(rs, claims({ nbf: 0 })), "valid", "nbf 0")
    }).pipe(Effect.provide(staticClient())))

  it.effect("maxTokenAge: TooOld past the age plus the leeway; a future iat is NotYetValid", () =>
    Effect.gen(function*() {
      yield* atNow
      const hour = { maxTokenAge: "1 hour" } as const
      yield* check(sign(es, claims({ iat: NOW - 3605 })), "valid", "age 1 h + 5 s", hour)
      yield* check(sign(es, claims({ iat: NOW - 3606 })), "TooOld", "age 1 h + 6 s", hour)
      yield* check(sign(es, claims({ iat: NOW - 3606 })), "valid", "no maxTokenAge")
      yield* check(sign(es, claims({ iat: undefined })), "TooOld", "no iat", hour)
      yield* check(sign(es, claims({ iat: NOW + 5 })), "valid", "iat within the leeway", hour)
      yield* check(sign(es, claims({ iat: NOW + 6, n: 1 })), "NotYetValid", "iat 6 s ahead", hour)
      const decade = sign(es, claims({ iat: NOW + 86_400 * 3650, exp: NOW + 86_400 * 3651 }))
      yield* check(decade, "NotYetValid", "iat 10 years ahead", hour)
      // a token first seen without maxTokenAge is checked again with it (cache hit)
      const cached = sign(es, claims({ iat: NOW - 7200 }))
      yield* check(cached, "valid", "cached, no maxTokenAge")
      yield* check(cached, "TooOld", "cached, maxTokenAge 1 h", hour)
    }).pipe(Effect.provide(staticClient())))
})

describe("hostile tokens: issuer and audience", () => {
  it.effect("issuer (§6.3): the project id, or a URL / slash path with it as last or second-to-last segment", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const accepted = [
        PROJECT_ID,
        `https://api.descope.com/${PROJECT_ID}`,
        `https://api.descope.com/${PROJECT_ID}/`,
        `https://api.descope.com/${PROJECT_ID}?x=1`,
        `https://auth.example.com/v1/apps/agentic/${PROJECT_ID}/server-1`,
        `https://auth.example.com//${PROJECT_ID}//server-1//`,
        `${PROJECT_ID}/server-1`,
        `/v1/${PROJECT_ID}`,
        `descope/${PROJECT_ID}`
      ]
      for (const iss of accepted) {
        yield* check(sign(es, claims({ iss })), "valid", `iss ${iss}`)
        const session = yield* descope.validateSession(sign(es, claims({ iss, n: "projectId" })))
        assert.strictEqual(session.projectId, PROJECT_ID)
        assert.strictEqual(session.claims.iss, PROJECT_ID)
      }
      const rejected: ReadonlyArray<unknown> = [
        "P-other",
        `${PROJECT_ID}x`,
        `x${PROJECT_ID}`,
        PROJECT_ID.toLowerCase(),
        ` ${PROJECT_ID}`,
        `https://api.descope.com/${PROJECT_ID}/a/b`,
        `https://api.descope.com/${PROJECT_ID}x`,
        `https://${PROJECT_ID}.descope.com/`,
        `https://${PROJECT_ID}/`,
        `https://api.descope.com/?project=${PROJECT_ID}`,
        `https://api.descope.com/#/${PROJECT_ID}`,
        `https://api.descope.com/${encodeURIComponent(`${PROJECT_ID}/`)}a/b`,
        `https://api.descope.com/P-other`,
        "",
        "/",
        42,
        null,
        [PROJECT_ID],
        { iss: PROJECT_ID },
        undefined
      ]
      for (const iss of rejected) {
        yield* check(sign(es, claims({ iss })), "WrongIssuer", `iss ${JSON.stringify(iss)}`)
      }
    }).pipe(Effect.provide(staticClient())))

  it.effect("audience: string or list on both sides, refused when absent or of another type", () =>
    Effect.gen(function*() {
      yield* atNow
      const cases: ReadonlyArray<readonly [unknown, string | ReadonlyArray<string>, Outcome]> = [
        ["app", "app", "valid"],
        ["app", ["other", "app"], "valid"],
        [["x", "app"], "app", "valid"],
        [["x", "app"], ["y", "app"], "valid"],
        ["app", "other", "WrongAudience"],
        ["app", [], "WrongAudience"],
        [["x", "y"], ["app"], "WrongAudience"],
        [[], "app", "WrongAudience"],
        [undefined, "app", "WrongAudience"],
        [null, "app", "WrongAudience"],
        [42, "42", "WrongAudience"],
        [{ app: true }, "app", "WrongAudience"],
        [[["app"]], "app", "WrongAudience"],
        ["APP", "app", "WrongAudience"],
        ["app ", "app", "WrongAudience"]
      ]
      for (const [aud, audience, reason] of cases) {
        yield* check(sign(es, claims({ aud })), reason, `aud ${JSON.stringify(aud)} vs ${JSON.stringify(audience)}`, {
          audience
        })
      }
      // without an expected audience, aud is not checked (as node-sdk)
      yield* check(sign(es, claims({ aud: "someone-else" })), "valid", "aud without an expected audience")
    }).pipe(Effect.provide(staticClient())))
})

describe("hostile tokens: the verified-token cache", () => {
  it.effect("a token validated while fresh is refused once it expires (TestClock.adjust)", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const token = sign(es, claims({ exp: NOW + 60 }))
      const first = yield* descope.validateSession(token)
      yield* TestClock.adjust("64 seconds")
      const hit = yield* descope.validateSession(token)
      assert.strictEqual(hit, first, "a cache hit returns the same Session")
      yield* TestClock.adjust("1 second")
      yield* check(token, "Expired", "65 s later")
      yield* check(token, "Expired", "65 s later, again")
      yield* TestClock.adjust("1 hour")
      yield* check(token, "Expired", "an hour later")
    }).pipe(Effect.provide(staticClient())))

  it.effect("a cached token whose kid left the key set is refused (UnknownKey)", () => {
    const keys = endpoint([es.publicJwk, rs.publicJwk])
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const token = sign(es, claims({ exp: NOW + 7200 }))
      const other = sign(rs, claims({ exp: NOW + 7200 }))
      yield* descope.validateSession(token)
      yield* descope.validateSession(other)
      yield* check(token, "valid", "cached")
      keys.serve([rs.publicJwk])
      yield* TestClock.adjust("10 minutes")
      // past the TTL the held keys answer at once (stale-while-revalidate) and one refresh starts
      yield* check(token, "valid", "served by the held keys while the refresh runs")
      yield* refreshed(2)
      yield* check(token, "UnknownKey", "its kid left the key set")
      yield* check(token, "UnknownKey", "again")
      yield* check(other, "valid", "a token of a key still served")
      assert.strictEqual(yield* keyFetchCount, 2)
    }).pipe(Effect.provide(remoteClient(keys.handler)))
  })

  it.effect("a cached token whose kid now names another key is refused (BadSignature)", () => {
    const keys = endpoint([es.publicJwk])
    return Effect.gen(function*() {
      yield* atNow
      const token = sign(es, claims({ exp: NOW + 7200 }))
      yield* check(token, "valid", "cached")
      keys.serve([otherEs.publicJwk])
      yield* TestClock.adjust("10 minutes")
      yield* check(token, "valid", "served by the held keys while the refresh runs")
      yield* refreshed(2)
      yield* check(token, "BadSignature", "the kid was reused for another key")
      yield* check(sign(otherEs, claims({ exp: NOW + 7200 })), "valid", "a token of the new key")
      assert.strictEqual(yield* keyFetchCount, 2)
    }).pipe(Effect.provide(remoteClient(keys.handler)))
  })

  it.effect("a failed validation is never cached as a success, a success never hides a later failure", () =>
    Effect.gen(function*() {
      yield* atNow
      const [h, p, s] = segments(goodEs)
      const tampered = `${h}.${p}.${flipFirstByte(s)}`
      yield* check(tampered, "BadSignature", "tampered")
      yield* check(goodEs, "valid", "the original")
      yield* check(tampered, "BadSignature", "tampered, after the original was cached")
      yield* check(goodEs, "WrongAudience", "the original, with an audience", { audience: "app" })
    }).pipe(Effect.provide(staticClient())))
})
