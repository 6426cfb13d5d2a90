/**
 * mgmt.managementKey through our client against the emulator (in-process): a key created (its cleartext
 * Redacted, answered once) authenticates management calls of the project while active, no longer once made
 * inactive or deleted; load, search and update answer what was stored.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2MgmtKeyScenario00000000000"
const K = "mgmtkey-management-key"

const clientLayer = (managementKey: string) =>
  Descope.layer({ projectId: P, managementKey, baseUrl: "http://emulator.local" }).pipe(
    Layer.provide(Emulator.layerHttpClient)
  )

const run = <A, E>(effect: Effect.Effect<A, E, DescopeClient | Emulator.Emulator>) =>
  effect.pipe(Effect.provide(clientLayer(K)), Effect.provide(Emulator.layer({ projectId: P, managementKey: K })))

/** Lists the roles with another client, authenticated by `key`: the status of the answer, or "ok". */
const withKey = (key: Redacted.Redacted<string>) =>
  Effect.flatMap(DescopeClient, (c) => c.mgmt.role.loadAll()).pipe(
    Effect.as("ok"),
    Effect.catchAll((e) => Effect.succeed(`${e._tag}:${(e as unknown as { status?: number }).status}`)),
    Effect.provide(clientLayer(Redacted.value(key)))
  )

describe("mgmt.managementKey against the emulator", () => {
  it.effect("a created key authenticates while active; update, load, search, delete", () =>
    run(Effect.gen(function*() {
      const keys = (yield* DescopeClient).mgmt.managementKey
      const created = yield* keys.create("ci", { companyRoles: ["admin"] }, "for CI", 3600, ["10.0.0.0/8"])
      assert.isTrue(Redacted.isRedacted(created.cleartext))
      assert.strictEqual(created.key.status, "active")
      assert.strictEqual(created.key.expireTime! - created.key.createdTime!, 3600)
      assert.notInclude(JSON.stringify(yield* keys.load(created.key.id)), Redacted.value(created.cleartext))
      assert.strictEqual(yield* withKey(created.cleartext), "ok")
      assert.notStrictEqual(yield* withKey(Redacted.make("not-a-key")), "ok")

      const inactive = yield* keys.update(created.key.id, "ci 2", "paused", "inactive")
      assert.deepStrictEqual({ name: inactive.name, status: inactive.status, ips: inactive.permittedIps }, {
        name: "ci 2",
        status: "inactive",
        ips: []
      })
      assert.notStrictEqual(yield* withKey(created.cleartext), "ok")
      yield* keys.update(created.key.id, "ci 2", "paused", "active")
      assert.strictEqual(yield* withKey(created.cleartext), "ok")

      const other = yield* keys.create("other", {})
      assert.deepStrictEqual((yield* keys.search()).map((k) => k.name).sort(), ["ci 2", "other"])
      yield* keys.delete([created.key.id])
      assert.notStrictEqual(yield* withKey(created.cleartext), "ok")
      assert.strictEqual(yield* withKey(other.cleartext), "ok")
      assert.deepStrictEqual((yield* keys.search()).map((k) => k.id), [other.key.id])
    })))
})
