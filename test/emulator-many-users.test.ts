/**
 * The emulator with many users stays correct where it avoids scanning them:
 * a user found by login id once is found again from a remembered hint that is
 * checked before use (case-insensitive, never stale after a login-id change,
 * a deletion or a re-creation); a seed replaces the users holding a seeded
 * user's id or login ids, as before, without a scan per seeded user; and a
 * search without filters pages through every user exactly once.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import type * as Seed from "../src/emulator/Seed.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2ManyUsers00000000000000000"
const K = "many-users-key"

const stack = (seed?: Seed.Seed) =>
  Descope.layer({ projectId: P, baseUrl: "http://emulator.local", managementKey: K }).pipe(
    Layer.provide(Emulator.layerHttpClient),
    Layer.provide(Emulator.layer({ projectId: P, managementKey: K, ...(seed === undefined ? {} : { seed }) }))
  )

const loads = (loginId: string) => Effect.flatMap(DescopeClient, (c) => Effect.either(c.mgmt.user.load(loginId)))

describe("finding users by login id", () => {
  it.effect("a remembered user is checked: login-id change, deletion and re-creation are never answered stale", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const ada = yield* client.mgmt.user.create({ loginId: "Ada@Example.com", email: "ada@example.com" })
      // found case-insensitively, twice (the second from the hint)
      for (let i = 0; i < 2; i++) {
        const found = yield* loads("ada@example.COM")
        assert.isTrue(found._tag === "Right" && found.right.userId === ada.userId)
      }
      yield* client.mgmt.user.updateLoginId({ loginId: "ada@example.com", newLoginId: "ada2@example.com" })
      assert.strictEqual((yield* loads("ada@example.com"))._tag, "Left", "the old login id no longer finds her")
      const moved = yield* loads("ADA2@example.com")
      assert.isTrue(moved._tag === "Right" && moved.right.userId === ada.userId)

      yield* client.mgmt.user.delete("ada2@example.com")
      assert.strictEqual((yield* loads("ada2@example.com"))._tag, "Left", "a deleted user is not found")

      const again = yield* client.mgmt.user.create({ loginId: "ada2@example.com" })
      assert.notStrictEqual(again.userId, ada.userId)
      const found = yield* loads("ada2@example.com")
      assert.isTrue(found._tag === "Right" && found.right.userId === again.userId, "the new user, not the old one")
    }).pipe(Effect.provide(stack())))

  it.effect("a seeded user replaces the users holding its login ids or its user id", () =>
    Effect.gen(function*() {
      // "b" is first an additional login id of the first user, then the second user's login id: the second
      // replaces the first; "U-same" is given twice: the later user replaces the earlier
      assert.strictEqual((yield* loads("a@example.com"))._tag, "Left")
      const b = yield* loads("b@example.com")
      assert.isTrue(b._tag === "Right" && b.right.loginIds?.length === 1)
      assert.strictEqual((yield* loads("c@example.com"))._tag, "Left")
      const d = yield* loads("d@example.com")
      assert.isTrue(d._tag === "Right" && d.right.userId === "U-same")
      const e = yield* loads("e@example.com")
      assert.isTrue(e._tag === "Right")
    }).pipe(Effect.provide(stack({
      users: [
        { loginId: "a@example.com", additionalLoginIds: ["b@example.com"] },
        { loginId: "b@example.com" },
        { loginId: "c@example.com", userId: "U-same" },
        { loginId: "d@example.com", userId: "U-same" },
        { loginId: "e@example.com" }
      ]
    }))))
})

describe("a search without filters", () => {
  it.effect("pages through 1,000 users, each exactly once", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const users = yield* Stream.runCollect(client.mgmt.user.search({ pageSize: 100 }))
      const ids = new Set(Chunk.toReadonlyArray(users).map((u) => u.loginIds?.[0]))
      assert.strictEqual(users.length, 1000)
      assert.strictEqual(ids.size, 1000)
      // a filter still filters
      const some = yield* client.mgmt.user.searchAll({ loginIds: ["user-7@example.com", "USER-8@example.com"] })
      assert.deepStrictEqual(some.users.map((u) => u.loginIds?.[0]).sort(), [
        "user-7@example.com",
        "user-8@example.com"
      ])
    }).pipe(Effect.provide(stack({
      users: Array.from({ length: 1000 }, (_, n) => ({ loginId: `user-${n}@example.com` }))
    }))))
})
