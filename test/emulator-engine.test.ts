/**
 * mgmt.engine and mgmt.scopeClaimMapping through our client against the emulator (in-process): engines
 * created (the secret answered once, Redacted), renamed, rotated, loaded and deleted; the scope to claims
 * mapping set, read and deleted.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2EngineScenario000000000000"
const K = "engine-management-key"

const run = emulatorRun(P, K)

describe("mgmt.engine and mgmt.scopeClaimMapping against the emulator", () => {
  it.effect("engines: create, rotate, update, load, delete", () =>
    run(Effect.gen(function*() {
      const engines = (yield* DescopeClient).mgmt.engine
      const created = yield* engines.create("risk")
      const secret = Redacted.value(created.secret!)
      assert.isAbove(secret.length, 20)
      assert.strictEqual((yield* engines.load(created.id)).secret, undefined, "the secret on create only")
      const rotated = yield* engines.rotateSecret(created.id)
      assert.notStrictEqual(Redacted.value(rotated.secret), secret)
      assert.strictEqual(yield* failure(engines.create("risk")), "AuthError:409")
      assert.strictEqual((yield* engines.update(created.id, "risk 2")).name, "risk 2")
      assert.deepStrictEqual((yield* engines.loadAll()).map((e) => e.name), ["risk 2"])
      yield* engines.delete(created.id)
      assert.strictEqual(yield* failure(engines.load(created.id)), "AuthError:404")
    })))

  it.effect("scope to claims mapping: set, get, delete", () =>
    run(Effect.gen(function*() {
      const mapping = (yield* DescopeClient).mgmt.scopeClaimMapping
      assert.deepStrictEqual(yield* mapping.get(), [])
      const entries = [
        { scope: "profile", claims: { name: "{{user.name}}" } },
        { scope: "email", claims: { email: "{{user.email}}" }, description: "E-mail" }
      ]
      yield* mapping.set(entries)
      assert.deepStrictEqual(yield* mapping.get(), entries)
      assert.strictEqual(yield* failure(mapping.set([{ scope: "a" }, { scope: "a" }])), "AuthError:400")
      yield* mapping.delete()
      assert.deepStrictEqual(yield* mapping.get(), [])
    })))
})
