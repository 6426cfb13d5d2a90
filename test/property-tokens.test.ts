// Property tests (fast-check): random mutations of valid tokens are never accepted and never die,
// with both verifiers (node:crypto and WebCrypto). The clock is a TestClock fixed at NOW.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Runtime from "effect/Runtime"
import * as TestClock from "effect/TestClock"
import * as fc from "fast-check"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { InvalidSessionError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as Jwks from "../src/core/Jwks.js"
import * as SessionValidatorLive from "../src/core/SessionValidatorLive.js"
import * as Verifier from "../src/core/Verifier.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { claims, makeKey, NOW, PROJECT_ID, sign } from "./support/sessions.js"

const es = makeKey("ES384", "K-ES")
const es256 = makeKey("ES256", "K-ES256")
const rs = makeKey("RS256", "K-RS")
const ps = makeKey("PS256", "K-PS")
const KEYS = [es, es256, rs, ps]
/** An attacker's keys, one per algorithm family. */
const attackers = [makeKey("ES384", "A-ES"), makeKey("ES256", "A-ES256"), makeKey("RS256", "A-RS", true)]

const TOKENS: ReadonlyArray<string> = KEYS.flatMap((key) => [
  sign(key, claims({ roles: ["user"] })),
  sign(key, claims({ roles: ["admin"], tenants: { T1: { roles: ["owner"] } }, exp: NOW + 3600 }))
])
const VALID = new Set(TOKENS)

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

const NUM_RUNS = 300

/** The client over static keys and the given verifier; nothing may be sent. */
const client = (verifier: Layer.Layer<Verifier.Verifier>) =>
  Layer.scoped(DescopeClient, Descope.make).pipe(
    Layer.provide(
      SessionValidatorLive.layer().pipe(
        Layer.provide(Jwks.layerStatic(KEYS.map((k) => k.publicJwk))),
        Layer.provide(verifier)
      )
    ),
    Layer.provide(DescopeHttp.layer),
    Layer.provide(
      MockHttpClient.layer(() => MockHttpClient.json({ errorCode: "E-UNEXPECTED" }, { status: 500 }))
    ),
    Layer.provide(DescopeConfig.layer({ projectId: PROJECT_ID, baseUrl: "https://api.descope.test" }))
  )

const VERIFIERS = [["node", Verifier.layerNode], ["webcrypto", Verifier.layerWebCrypto]] as const

// ---------------------------------------------------------------------------
// mutations
// ---------------------------------------------------------------------------

type Mutation =
  | { readonly _tag: "Replace"; readonly at: number; readonly text: string }
  | { readonly _tag: "ReplaceNearEnd"; readonly segment: number; readonly fromEnd: number; readonly text: string }
  | { readonly _tag: "Insert"; readonly at: number; readonly text: string }
  | { readonly _tag: "Delete"; readonly at: number; readonly length: number }
  | { readonly _tag: "Reorder"; readonly order: readonly [number, number, number] }
  | { readonly _tag: "Splice"; readonly segment: number; readonly from: number }
  | { readonly _tag: "FlipBit"; readonly segment: number; readonly at: number; readonly bit: number }
  | { readonly _tag: "Duplicate"; readonly segment: number }
  | { readonly _tag: "Truncate"; readonly at: number }

const characters = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 2, arbitrary: fc.constantFrom(".", "=", "+", "/", " ", "%", "\n", "\u0000", "\"", "{", "é", "\u{1F600}") },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 3, unit: "binary" }) }
)

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ _tag: fc.constant("Replace" as const), at: position, text: characters }),
  // the last characters of a segment carry the unused bits of base64url: favour them
  {
    weight: 3,
    arbitrary: fc.record({
      _tag: fc.constant("ReplaceNearEnd" as const),
      segment: fc.integer({ min: 0, max: 2 }),
      fromEnd: fc.integer({ min: 0, max: 2 }),
      text: characters
    })
  },
  fc.record({
    _tag: fc.constant("Insert" as const),
    at: position,
    text: fc.oneof(characters, fc.string({ maxLength: 8 }))
  }),
  fc.record({ _tag: fc.constant("Delete" as const), at: position, length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    _tag: fc.constant("Reorder" as const),
    order: fc.constantFrom([0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0], [0, 0, 2], [0, 1, 1]) as fc.Arbitrary<
      readonly [number, number, number]
    >
  }),
  fc.record({
    _tag: fc.constant("Splice" as const),
    segment: fc.integer({ min: 0, max: 2 }),
    from: fc.nat({ max: TOKENS.length - 1 })
  }),
  fc.record({
    _tag: fc.constant("FlipBit" as const),
    segment: fc.integer({ min: 0, max: 2 }),
    at: position,
    bit: fc.integer({ min: 0, max: 7 })
  }),
  fc.record({ _tag: fc.constant("Duplicate" as const), segment: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ _tag: fc.constant("Truncate" as const), at: position })
)

const index = (p: number, length: number): number => Math.min(length, Math.floor(p * (length + 1)))

const apply = (token: string, m: Mutation): string => {
  const parts = token.split(".")
  switch (m._tag) {
    case "Replace": {
      const i = Math.floor(m.at * token.length)
      return token.slice(0, i) + m.text + token.slice(i + 1)
    }
    case "ReplaceNearEnd": {
      const part = parts[m.segment]
      if (part === undefined || part.length <= m.fromEnd) return token
      const i = part.length - 1 - m.fromEnd
      return parts.map((p, j) => (j === m.segment ? p.slice(0, i) + m.text + p.slice(i + 1) : p)).join(".")
    }
    case "Insert": {
      const i = index(m.at, token.length)
      return token.slice(0, i) + m.text + token.slice(i)
    }
    case "Delete": {
      const i = Math.floor(m.at * token.length)
      return token.slice(0, i) + token.slice(i + m.length)
    }
    case "Reorder":
      return m.order.map((i) => parts[i] ?? "").join(".")
    case "Splice": {
      const donor = (TOKENS[m.from] ?? "").split(".")
      return parts.map((part, i) => (i === m.segment ? donor[i] ?? "" : part)).join(".")
    }
    case "FlipBit": {
      const part = parts[m.segment]
      if (part === undefined) return token
      const bytes = Buffer.from(part, "base64url")
      if (bytes.length === 0) return token
      const i = Math.floor(m.at * bytes.length)
      bytes[i] = (bytes[i] ?? 0) ^ (1 << m.bit)
      return parts.map((p, j) => (j === m.segment ? bytes.toString("base64url") : p)).join(".")
    }
    case "Duplicate":
      return parts.flatMap((p, j) => (j === m.segment ? [p, p] : [p])).join(".")
    case "Truncate":
      return token.slice(0, Math.floor(m.at * token.length))
  }
}

const mutated = fc
  .record({ original: fc.constantFrom(...TOKENS), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
  .map(({ original, mutations }) => ({ original, mutations, token: mutations.reduce(apply, original) }))

// ---------------------------------------------------------------------------
// checks
// ---------------------------------------------------------------------------

/**
 * Validates `token`: it must be accepted exactly when it is one of the valid tokens, and a
 * refusal must be one typed `InvalidSessionError` (never a defect, never an interruption).
 */
const checkToken = (runtime: Runtime.Runtime<DescopeClient>, token: string, label: unknown) =>
  Runtime.runPromiseExit(runtime)(Effect.flatMap(DescopeClient, (descope) => descope.validateSession(token))).then(
    (exit) => {
      if (Exit.isSuccess(exit)) {
        assert.isTrue(VALID.has(token), `accepted a token that was never issued: ${JSON.stringify(label)}`)
        return
      }
      assert.isFalse(VALID.has(token), `refused a valid token: ${JSON.stringify(label)}`)
      assert.strictEqual(exit.cause._tag, "Fail", `not a typed failure: ${JSON.stringify(label)}`)
      if (exit.cause._tag === "Fail") assert.instanceOf(exit.cause.error, InvalidSessionError)
    }
  )

/** Runs `property` with a runtime whose clock is the test's TestClock at NOW, after priming the cache. */
const withRuntime = (property: (runtime: Runtime.Runtime<DescopeClient>) => Promise<void>) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(NOW * 1000)
    const runtime = yield* Effect.runtime<DescopeClient>()
    // every original is valid, and now cached: mutations must not be served from the cache
    for (const token of TOKENS) yield* Effect.promise(() => checkToken(runtime, token, "original"))
    yield* Effect.promise(() => property(runtime))
  })

// ---------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------

for (const [name, verifier] of VERIFIERS) {
  describe(`property: mutated tokens (${name} verifier)`, () => {
    it.effect("flips, inserts, deletes, reorders, splices and bit flips are never accepted and never die", () =>
      withRuntime((runtime) =>
        fc.assert(
          fc.asyncProperty(mutated, ({ token, original, mutations }) =>
            checkToken(runtime, token, { original: original.slice(0, 24), mutations })),
          { numRuns: NUM_RUNS }
        )
      ).pipe(Effect.provide(client(verifier))))

    it.effect("a random payload under a valid header and signature is never accepted", () =>
      withRuntime((runtime) =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...TOKENS),
            fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
            (original, payload) => {
              const [h, , s] = original.split(".")
              const token = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`
              return checkToken(runtime, token, { payload })
            }
          ),
          { numRuns: NUM_RUNS }
        )
      ).pipe(Effect.provide(client(verifier))))

    it.effect("a random header over a valid payload and signature is never accepted unless it is the original", () =>
      withRuntime((runtime) =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...TOKENS),
            fc.record(
              {
                alg: fc.oneof(fc.constantFrom(...Verifier.ALGORITHMS, "none", "HS256", "HS512"), fc.jsonValue()),
                kid: fc.oneof(fc.constantFrom(...KEYS.map((k) => k.kid)), fc.jsonValue()),
                typ: fc.constantFrom("JWT", "JWS", "at+jwt"),
                crit: fc.array(fc.string(), { maxLength: 2 }),
                jwk: fc.constantFrom(...attackers.map((a) => a.publicJwk))
              },
              { requiredKeys: [] }
            ),
            (original, header) => {
              const [, p, s] = original.split(".")
              const token = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${p}.${s}`
              return checkToken(runtime, token, { header })
            }
          ),
          { numRuns: NUM_RUNS }
        )
      ).pipe(Effect.provide(client(verifier))))

    it.effect("tokens signed by an attacker's key under our kids and algorithms are never accepted", () =>
      withRuntime((runtime) =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...attackers),
            fc.constantFrom(...KEYS),
            fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
            (attacker, victim, extra) => {
              const token = sign({ ...attacker, kid: victim.kid }, claims(extra))
              return checkToken(runtime, token, { attacker: attacker.kid, victim: victim.kid, extra })
            }
          ),
          { numRuns: NUM_RUNS }
        )
      ).pipe(Effect.provide(client(verifier))))
  })
}

describe("property: arbitrary strings", () => {
  it.effect("random strings and base64url-looking triples are never accepted and never die", () =>
    withRuntime((runtime) =>
      fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.string({ maxLength: 300, unit: "binary" }),
            fc.tuple(fc.base64String(), fc.base64String(), fc.base64String()).map((parts) =>
              parts.map((p) => p.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")).join(".")
            ),
            fc
              .array(fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 60 }), { minLength: 1, maxLength: 6 })
              .map((parts) => parts.join("."))
          ),
          (token) => checkToken(runtime, token, { token })
        ),
        { numRuns: NUM_RUNS }
      )
    ).pipe(Effect.provide(client(Verifier.layerNode))))
})
