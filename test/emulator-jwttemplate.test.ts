/**
 * mgmt.jwtTemplate through our client against the emulator (in-process): templates created, listed, loaded,
 * updated, validated (registered claims, open expressions) and deleted; the library listed, loaded and
 * applied with overrides.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2JwtTemplateScenario0000000"
const K = "jwttemplate-management-key"

const run = emulatorRun(P, K)

describe("mgmt.jwtTemplate against the emulator", () => {
  it.effect("templates: create, load, update, validate, delete", () =>
    run(Effect.gen(function*() {
      const jt = (yield* DescopeClient).mgmt.jwtTemplate
      const created = yield* jt.create({ name: "app", template: { org: "{{user.customAttributes.org}}" } })
      assert.isString(created.id)
      assert.deepStrictEqual((yield* jt.load(created.id!)).template, { org: "{{user.customAttributes.org}}" })
      assert.strictEqual(yield* failure(jt.create({ name: "app" })), "AuthError:409")
      assert.strictEqual(yield* failure(jt.create({ name: "bad", template: { exp: 1 } })), "AuthError:400")

      const updated = yield* jt.update({ id: created.id!, name: "app", template: { sub: "x" }, overrideSubject: true })
      assert.deepStrictEqual(updated.template, { sub: "x" })
      assert.deepStrictEqual(yield* jt.validate(created.id!), { valid: true, issues: [] })
      const invalid = yield* jt.validate(created.id!, {
        name: "x",
        template: { sub: "{{user.userId}}", iss: "me", nested: { a: ["{{user.email"] } }
      })
      assert.isFalse(invalid.valid)
      assert.deepStrictEqual(invalid.issues?.map((i) => i.path), [
        "template.sub",
        "template.iss",
        "template.nested.a[0]"
      ])
      assert.strictEqual((yield* jt.list()).length, 1)
      yield* jt.delete(created.id!)
      assert.strictEqual(yield* failure(jt.load(created.id!)), "AuthError:404")
      assert.strictEqual(yield* failure(jt.validate(created.id!)), "AuthError:404")
    })))

  it.effect("library: list, load, apply with overrides", () =>
    run(Effect.gen(function*() {
      const jt = (yield* DescopeClient).mgmt.jwtTemplate
      const entries = yield* jt.listLibrary()
      assert.deepStrictEqual(entries.map((e) => e.id), ["hasura", "supabase"])
      const hasura = yield* jt.loadLibraryEntry("hasura")
      assert.property(hasura.template, "https://hasura.io/jwt/claims")
      const applied = yield* jt.applyFromLibrary({ libraryEntryId: "hasura", nameOverride: "my hasura" })
      assert.strictEqual(applied.name, "my hasura")
      assert.deepStrictEqual(applied.template, hasura.template)
      const supa = yield* jt.applyFromLibrary({ libraryEntryId: "supabase", templateOverride: { role: "anon" } })
      assert.deepStrictEqual(supa.template, { role: "anon" })
      assert.deepStrictEqual((yield* jt.list()).map((t) => t.name).sort(), ["Supabase", "my hasura"])
      assert.strictEqual(yield* failure(jt.loadLibraryEntry("nope")), "AuthError:404")
    })))
})
