import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import * as Jose from "jose"
import * as NodeCrypto from "node:crypto"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as Jwks from "../src/core/Jwks.js"
import * as SessionValidatorLive from "../src/core/SessionValidatorLive.js"
import * as Verifier from "../src/core/Verifier.js"
import * as SyncVerify from "../src/internal/syncVerify.js"
import { claims, makeKey, NOW, PROJECT_ID, sign, type TestKey } from "./support/sessions.js"

const node = Verifier.makeNode()
const web = Verifier.makeWebCrypto()
const implementations = [node, web]

const segments = (token: string) => {
  const last = token.lastIndexOf(".")
  return { input: token.slice(0, last), signature: token.slice(last + 1) }
}

const verifyWith = (impl: Verifier.Service, key: TestKey, token: string) =>
  Effect.gen(function*() {
    const imported = yield* impl.importKey(key.publicJwk)
    const { input, signature } = segments(token)
    return yield* impl.verify(imported, input, signature)
  })

const tamperPayload = (token: string): string => {
  const [h, p, s] = token.split(".")
  const payload = JSON.parse(Buffer.from(p ?? "", "base64url").toString()) as Record<string, unknown>
  payload.roles = ["admin"]
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`
}

const tamperSignature = (token: string): string => {
  const { input, signature } = segments(token)
  const bytes = Buffer.from(signature, "base64url")
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01
  return `${input}.${bytes.toString("base64url")}`
}

describe("Verifier corpus: node and webcrypto agree on all nine algorithms", () => {
  for (const alg of Verifier.ALGORITHMS) {
    it.effect(alg, () =>
      Effect.gen(function*() {
        const key = makeKey(alg)
        const other = makeKey(alg, "other", true)
        // one token signed by node:crypto (test support), one by jose
        const nodeToken = sign(key, claims())
        const joseKey = yield* Effect.promise(() =>
          Jose.importJWK(key.privateKey.export({ format: "jwk" }) as Jose.JWK, alg)
        )
        const joseToken = yield* Effect.promise(() =>
          new Jose.SignJWT(claims()).setProtectedHeader({ alg, kid: key.kid }).sign(joseKey)
        )
        const otherToken = sign(other, claims(), { kid: key.kid })
        const corpus: ReadonlyArray<readonly [string, boolean]> = [
          [nodeToken, true],
          [joseToken, true],
          [tamperPayload(nodeToken), false],
          [tamperSignature(nodeToken), false],
          [tamperSignature(joseToken), false],
          [otherToken, false],
          [`${segments(nodeToken).input}.`, false],
          [`${segments(nodeToken).input}.AAAA`, false]
        ]
        for (const [token, expected] of corpus) {
          for (const impl of implementations) {
            const ok = yield* verifyWith(impl, key, token)
            assert.strictEqual(ok, expected, `${impl.name} ${alg}`)
          }
        }
      }))
  }

  it.effect("a signature made for another algorithm of the same RSA key does not verify", () =>
    Effect.gen(function*() {
      const rs = makeKey("RS256", "k")
      const ps = makeKey("PS256", "k")
      const rsToken = sign(rs, claims())
      for (const impl of implementations) {
        assert.isFalse(yield* verifyWith(impl, ps, rsToken), impl.name)
        assert.isTrue(yield* verifyWith(impl, rs, rsToken), impl.name)
      }
    }))
})

describe("Verifier key import", () => {
  it.effect("refuses a key that does not fit its algorithm", () =>
    Effect.gen(function*() {
      const p256 = makeKey("ES256")
      const rsa = makeKey("RS256")
      const cases: ReadonlyArray<Verifier.SigningKey> = [
        { ...p256.publicJwk, alg: "ES384" },
        { ...p256.publicJwk, alg: "RS256" },
        { ...rsa.publicJwk, alg: "ES256" }
      ]
      for (const key of cases) {
        for (const impl of implementations) {
          const result = yield* Effect.either(impl.importKey(key))
          assert.isTrue(Either.isLeft(result), `${impl.name} ${key.alg}`)
        }
      }
    }))

  it.effect("refuses RSA keys below 2048 bits", () =>
    Effect.gen(function*() {
      const small = NodeCrypto.generateKeyPairSync("rsa", { modulusLength: 1024 })
      const jwk = { ...small.publicKey.export({ format: "jwk" }), kid: "small", alg: "RS256" } as Verifier.SigningKey
      for (const impl of implementations) {
        const result = yield* Effect.either(impl.importKey(jwk))
        assert.isTrue(Either.isLeft(result), impl.name)
        if (Either.isLeft(result)) assert.include(result.left, "2048")
      }
    }))

  it.effect("refuses a JWK that carries private members (never imported, not even as its public part)", () =>
    Effect.gen(function*() {
      const key = makeKey("ES256")
      const withPrivate = { ...key.publicJwk, d: key.privateKey.export({ format: "jwk" }).d }
      for (const impl of implementations) {
        const error = yield* Effect.flip(impl.importKey(withPrivate))
        assert.include(error, "private member", impl.name)
      }
    }))

  it("accepts only the nine algorithms", () => {
    for (const alg of ["none", "HS256", "HS384", "HS512", "EdDSA", "ES256K", "", "rs256"]) {
      assert.isFalse(Verifier.isAlgorithm(alg), alg)
    }
    for (const alg of Verifier.ALGORITHMS) assert.isTrue(Verifier.isAlgorithm(alg))
  })

  it("uses node:crypto by default on Node", () => {
    assert.isTrue(Verifier.hasNodeCrypto())
    assert.strictEqual(node.name, "node")
    assert.strictEqual(web.name, "webcrypto")
  })

  it.effect("gives a synchronous check only for a Node verifier's own verify, with its answers", () =>
    Effect.gen(function*() {
      const sync = SyncVerify.verifySyncOf(node)
      assert.isDefined(sync)
      assert.isUndefined(SyncVerify.verifySyncOf(web))
      assert.isUndefined(SyncVerify.verifySyncOf({ ...node, verify: (k, i, s) => node.verify(k, i, s) }))
      assert.isDefined(SyncVerify.verifySyncOf({ ...node }))
      const key = makeKey("RS256")
      const imported = yield* node.importKey(key.publicJwk)
      const token = sign(key, claims())
      for (const candidate of [token, tamperPayload(token), tamperSignature(token)]) {
        const { input, signature } = segments(candidate)
        assert.strictEqual(sync?.(imported, input, signature), yield* node.verify(imported, input, signature))
      }
      const { input, signature } = segments(token)
      assert.isTrue(sync?.(imported, input, signature))
    }))
})

describe("the live validator gives the same answers over both verifiers", () => {
  const keys = Verifier.ALGORITHMS.map((alg) => makeKey(alg, `k-${alg}`))
  const outcomes = (verifier: Layer.Layer<Verifier.Verifier>, tokens: ReadonlyArray<string>) =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW * 1000)
      const validator = yield* SessionValidatorLive.make({ cacheSize: 0 })
      return yield* Effect.forEach(tokens, (token) =>
        validator.validate(token).pipe(
          Effect.match({
            onFailure: (e) => (e._tag === "InvalidSessionError" ? e.reason : e._tag),
            onSuccess: (session) => `valid ${session.userId}`
          })
        ))
    }).pipe(
      Effect.provide(Layer.mergeAll(
        Jwks.layerStatic(keys.map((k) => k.publicJwk)),
        verifier,
        DescopeConfig.layer({ projectId: PROJECT_ID })
      ))
    )

  it.effect("on a corpus over all nine algorithms", () =>
    Effect.gen(function*() {
      const tokens = keys.flatMap((key) => {
        const good = sign(key, claims())
        return [
          good,
          tamperPayload(good),
          tamperSignature(good),
          sign(makeKey(key.alg, key.kid, true), claims()),
          sign(key, claims({ exp: NOW - 60 })),
          sign(key, claims({ iss: "P-other" }))
        ]
      })
      const node = yield* outcomes(Verifier.layerNode, tokens)
      const web = yield* outcomes(Verifier.layerWebCrypto, tokens)
      assert.deepStrictEqual(web, node)
      const expectedPerKey = [
        "valid U2Cu0j0WPw3YOiPISJb52L0wUVMg",
        "BadSignature",
        "BadSignature",
        "BadSignature",
        "Expired",
        "WrongIssuer"
      ]
      assert.deepStrictEqual(node, keys.flatMap(() => expectedPerKey))
    }))
})
