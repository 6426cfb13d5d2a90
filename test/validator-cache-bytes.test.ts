// The verified-token cache is bounded by bytes as well as by count (issue 13 item 12): a token above the
// cacheable size is verified on every call, and remembered tokens leave oldest first once their estimated
// bytes exceed the budget. Observed through a counting verifier (no timing, no heap sampling).
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as Jwks from "../src/core/Jwks.js"
import { SessionValidator } from "../src/core/Session.js"
import * as SessionValidatorLive from "../src/core/SessionValidatorLive.js"
import * as Verifier from "../src/core/Verifier.js"
import { claims, makeKey, NOW, PROJECT_ID, sign } from "./support/sessions.js"

const key = makeKey("ES256", "K-CACHE")

const counted = (options: SessionValidatorLive.Options) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(NOW * 1000)
    const counter = { verifications: 0 }
    const node = Verifier.makeNode()
    const counting: Verifier.Service = {
      ...node,
      verify: (k, input, signature) => Effect.tap(node.verify(k, input, signature), () => void counter.verifications++)
    }
    const validator = yield* Layer.build(
      SessionValidatorLive.layer(options).pipe(
        Layer.provide(Jwks.layerStatic([key.publicJwk])),
        Layer.provide(Layer.succeed(Verifier.Verifier, counting)),
        Layer.provide(DescopeConfig.layer({ projectId: PROJECT_ID }))
      )
    ).pipe(Effect.map(Context.get(SessionValidator)))
    return { validator, counter }
  })

/** A valid token of about `size` characters (padded with a custom claim). */
const tokenOfSize = (size: number, n: number): string => {
  const bare = sign(key, claims({ n }))
  return sign(key, claims({ n, pad: "x".repeat(Math.max(0, Math.floor((size - bare.length) * 0.75))) }))
}

describe("verified-token cache bounded by bytes", () => {
  it.scoped("a token above the cacheable size (default 8 KiB) is verified on every call", () =>
    Effect.gen(function*() {
      const { counter, validator } = yield* counted({})
      const big = tokenOfSize(12_000, 1)
      assert.isAbove(big.length, SessionValidatorLive.DEFAULT_CACHE_MAX_TOKEN_SIZE)
      assert.isBelow(big.length, SessionValidatorLive.DEFAULT_MAX_TOKEN_SIZE)
      for (let i = 0; i < 3; i++) yield* validator.validate(big)
      assert.strictEqual(counter.verifications, 3)
      const small = tokenOfSize(1_000, 2)
      for (let i = 0; i < 3; i++) yield* validator.validate(small)
      assert.strictEqual(counter.verifications, 4)
    }))

  it.scoped("remembered tokens leave oldest first once their bytes exceed cacheMaxBytes", () =>
    Effect.gen(function*() {
      const tokens = [1, 2, 3, 4].map((n) => tokenOfSize(2_000, n))
      const cost = 2 * tokens[0]!.length + 512
      // room for three tokens by bytes, while the count bound (4096) would hold them all
      const { counter, validator } = yield* counted({ cacheMaxBytes: 3 * cost + cost / 2 })
      for (const token of tokens) yield* validator.validate(token)
      assert.strictEqual(counter.verifications, 4)
      // the three newest are remembered
      for (const token of tokens.slice(1)) yield* validator.validate(token)
      assert.strictEqual(counter.verifications, 4)
      // the oldest left: verified again
      yield* validator.validate(tokens[0]!)
      assert.strictEqual(counter.verifications, 5)
    }))

  it.scoped("the count bound still holds, and a dropped entry frees its bytes", () =>
    Effect.gen(function*() {
      const { counter, validator } = yield* counted({ cacheSize: 2 })
      const [a, b, c] = [1, 2, 3].map((n) => tokenOfSize(500, n))
      yield* validator.validate(a!)
      yield* validator.validate(b!)
      yield* validator.validate(c!)
      assert.strictEqual(counter.verifications, 3)
      yield* validator.validate(c!)
      yield* validator.validate(b!)
      assert.strictEqual(counter.verifications, 3)
      yield* validator.validate(a!)
      assert.strictEqual(counter.verifications, 4)
    }))
})
