// Load and leaks, with bounded loops: 10,000 validations of emulator-issued tokens; the verified-token
// cache never holds more than its size (20,000 unique tokens through a cache of 100, observed through
// a counting Verifier) and the heap stays flat (an unbounded cache grows it by about 10 MB here).
// Every test checks that no promise rejection went unhandled.
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as NodeCrypto from "node:crypto"
import * as V8 from "node:v8"
import * as Vm from "node:vm"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as Jwks from "../src/core/Jwks.js"
import { SessionValidator } from "../src/core/Session.js"
import * as SessionValidatorLive from "../src/core/SessionValidatorLive.js"
import * as Verifier from "../src/core/Verifier.js"
import { DescopeClient, type Service as Client } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import { guardUnhandledRejections } from "./support/unhandledRejections.js"

const P = "P2LoadProject000000000000000"
const K = "load-management-key"

const { noUnhandledRejection } = guardUnhandledRejections()

/** An in-process client over an emulator (TestClock time). */
const inProcess = (options: Emulator.Options = {}) =>
  Effect.gen(function*() {
    const emulator = yield* Emulator.make({ projectId: P, managementKey: K, ...options })
    const client = yield* Layer.build(
      Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, Emulator.makeHttpClient(emulator)))
      )
    ).pipe(Effect.map(Context.get(DescopeClient)), Effect.orDie)
    return { emulator, client }
  })

/** OTP sign-up-or-in, the code from the outbox, verify. */
const otpAuth = (client: Client, emulator: Emulator.Service, loginId: string) =>
  Effect.gen(function*() {
    yield* client.otp.signUpOrIn({ method: "email", loginId })
    const message = yield* emulator.lastMessage(loginId, "otp")
    return yield* client.otp.verifyCode({ method: "email", loginId, code: Option.getOrThrow(message).code ?? "" })
  })

describe("validations", () => {
  it.scoped("10,000 validations of emulator-issued tokens (2,000 unique, the rest repeated): no error", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* inProcess()
      const auth = yield* otpAuth(client, emulator, "load@example.com")
      // unique tokens: the emulator re-issues the session with a distinct custom claim
      const unique = yield* Effect.forEach(
        Array.from({ length: 2_000 }, (_, i) => i),
        (n) => Effect.map(client.mgmt.jwt.updateJwt({ jwt: auth.sessionToken, customClaims: { n } }), Redacted.value)
      )
      assert.strictEqual(new Set(unique).size, 2_000)
      let seed = 7
      const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648)
      const order = Array.from({ length: 10_000 }, (_, i) => (i < 2_000 ? i : next() % 2_000))
      let ok = 0
      yield* Effect.forEach(order, (i) =>
        Effect.map(client.validateSession(unique[i]!), (session) => {
          if (session.claims.n === i && session.userId === auth.session.userId) ok++
        }), { concurrency: 16, discard: true })
      assert.strictEqual(ok, 10_000)
      yield* noUnhandledRejection
    }))
})

// ---------------------------------------------------------------------------
// the verified-token cache is bounded
// ---------------------------------------------------------------------------

const gc: () => void = (() => {
  V8.setFlagsFromString("--expose-gc")
  return Vm.runInNewContext("gc") as () => void
})()

const heapMb = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 1_048_576
}

describe("the verified-token cache", () => {
  it.effect("20,000 unique tokens through a cache of 100: at most 100 are ever remembered, the heap stays flat", () =>
    Effect.gen(function*() {
      const { privateKey, publicKey } = NodeCrypto.generateKeyPairSync("ec", { namedCurve: "P-256" })
      const jwk = { ...publicKey.export({ format: "jwk" }), kid: "K-LOAD", alg: "ES256", use: "sig" }
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
      const header = b64({ alg: "ES256", kid: "K-LOAD", typ: "JWT" })
      const tokens = Array.from({ length: 20_000 }, (_, n) => {
        const input = `${header}.${b64({ iss: P, sub: `U${n}`, drn: "DS", iat: 0, exp: 3_600, n })}`
        const signature = NodeCrypto.sign("sha256", Buffer.from(input), { key: privateKey, dsaEncoding: "ieee-p1363" })
        return `${input}.${signature.toString("base64url")}`
      })

      let verifications = 0
      const node = Verifier.makeNode()
      const counting: Verifier.Service = {
        ...node,
        verify: (key, input, signature) => Effect.tap(node.verify(key, input, signature), () => void verifications++)
      }
      const validator = yield* Layer.build(
        SessionValidatorLive.layer({ cacheSize: 100 }).pipe(
          Layer.provide(Jwks.layerStatic([jwk as DescopeConfig.PublicJwk])),
          Layer.provide(Layer.succeed(Verifier.Verifier, counting)),
          Layer.provide(DescopeConfig.layer({ projectId: P }))
        )
      ).pipe(Effect.map(Context.get(SessionValidator)), Effect.scoped)
      const validateAll = (list: ReadonlyArray<string>) =>
        Effect.forEach(list, (token) => validator.validate(token), { discard: true })

      // warm up, then measure the heap over the remaining 18,000 unique tokens
      yield* validateAll(tokens.slice(0, 2_000))
      const before = heapMb()
      yield* validateAll(tokens.slice(2_000))
      const after = heapMb()
      assert.strictEqual(verifications, 20_000)
      assert.isBelow(after - before, 3, `heap grew by ${(after - before).toFixed(1)} MB`)

      // the last 100 are remembered: validating them again verifies nothing
      yield* validateAll(tokens.slice(-100))
      assert.strictEqual(verifications, 20_000)
      // none of the 19,900 before them is: each is verified again
      yield* validateAll(tokens.slice(0, 19_900))
      assert.strictEqual(verifications, 39_900)
      yield* noUnhandledRejection
    }))
})
