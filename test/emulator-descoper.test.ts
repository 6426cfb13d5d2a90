/**
 * mgmt.descoper through our client against the emulator (in-process): console users created (unique login
 * ids, Descope's roles), updated, loaded, listed and deleted.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2DescoperScenario0000000000"
const K = "descoper-management-key"

const run = emulatorRun(P, K)

describe("mgmt.descoper against the emulator", () => {
  it.effect("create, update, load, list, delete", () =>
    run(Effect.gen(function*() {
      const d = (yield* DescopeClient).mgmt.descoper
      const created = yield* d.create([
        { loginId: "ada@example.com", sendInvite: true, rbac: { projects: [{ projectIds: [P], role: "developer" }] } },
        { attributes: { email: "bob@example.com", displayName: "Bob" }, rbac: { isCompanyAdmin: true } }
      ])
      assert.strictEqual(created.total, 2)
      const [ada, bob] = created.descopers
      assert.strictEqual(ada?.status, "invited")
      assert.deepStrictEqual(bob?.loginIds, ["bob@example.com"])
      assert.strictEqual(yield* failure(d.create([{ loginId: "ada@example.com" }])), "AuthError:409")
      assert.strictEqual(
        yield* failure(d.create([{ loginId: "eve@example.com", rbac: { tags: [{ tags: ["x"], role: "owner" }] } }])),
        "AuthError:400"
      )
      assert.strictEqual(yield* failure(d.create([{ attributes: { displayName: "No login" } }])), "AuthError:400")

      const updated = yield* d.update(ada!.id!, { displayName: "Ada L." })
      assert.deepStrictEqual(updated.attributes, { displayName: "Ada L." })
      assert.deepStrictEqual(updated.rbac, { projects: [{ projectIds: [P], role: "developer" }] }, "roles kept")
      assert.deepStrictEqual(yield* d.load(ada!.id!), updated)
      assert.deepStrictEqual((yield* d.list()).total, 2)
      yield* d.delete(ada!.id!)
      assert.strictEqual(yield* failure(d.load(ada!.id!)), "AuthError:404")
      assert.deepStrictEqual((yield* d.list()).descopers.map((x) => x.id), [bob!.id])
    })))
})
