/**
 * mgmt.list through our client against the emulator (in-process): lists created, loaded by id and by name
 * (also in python-sdk's query form), updated, imported, cleared and deleted; IP lists checked with CIDR
 * ranges evaluated (IPv4, IPv6, IPv4-mapped), text lists checked, and Descope-shaped refusals.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2ListScenario00000000000000"
const K = "list-management-key"

const run = emulatorRun(P, K)

describe("mgmt.list against the emulator", () => {
  it.effect("IP lists: addresses and CIDR ranges are evaluated, entries added and removed", () =>
    run(Effect.gen(function*() {
      const list = (yield* DescopeClient).mgmt.list
      const office = yield* list.create({ name: "office", type: "ips", data: ["10.0.0.0/8", "192.0.2.7"] })
      const id = office.id!
      assert.strictEqual(office.name, "office")
      assert.deepStrictEqual(office.data, ["10.0.0.0/8", "192.0.2.7"])
      const check = (ip: string) => list.checkIP(id, ip)
      assert.isTrue(yield* check("10.255.3.4"))
      assert.isTrue(yield* check("192.0.2.7"))
      assert.isFalse(yield* check("192.0.2.8"))
      assert.isFalse(yield* check("11.0.0.1"))
      assert.isTrue(yield* check("::ffff:10.9.9.9"))

      yield* list.addIPs(id, ["2001:db8::/32", "192.0.2.7", "172.16.0.0/12"])
      assert.deepStrictEqual((yield* list.load(id)).data, ["10.0.0.0/8", "192.0.2.7", "2001:db8::/32", "172.16.0.0/12"])
      assert.isTrue(yield* check("2001:db8:ffff::1"))
      assert.isFalse(yield* check("2001:db9::1"))
      assert.isTrue(yield* check("172.31.255.255"))
      assert.isFalse(yield* check("172.32.0.0"))

      yield* list.removeIPs(id, ["10.0.0.0/8", "203.0.113.1"])
      assert.isFalse(yield* check("10.255.3.4"))
      assert.strictEqual(yield* failure(list.addIPs(id, ["10.0.0.0/33"])), "AuthError:400")
      assert.strictEqual(yield* failure(list.checkIP(id, "not-an-ip")), "AuthError:400")
      assert.strictEqual(yield* failure(list.checkText(id, "x")), "AuthError:400")

      yield* list.clear(id)
      const cleared = yield* list.loadByName("office")
      assert.deepStrictEqual(cleared.data, [])
      assert.strictEqual(cleared.type, "ips")
      assert.isFalse(yield* check("192.0.2.7"))
    })))

  it.effect("text lists, update, import, load all, delete; names are unique", () =>
    run(Effect.gen(function*() {
      const list = (yield* DescopeClient).mgmt.list
      const words = yield* list.create({ name: "words", description: "bad words", type: "texts", data: ["spam"] })
      const id = words.id!
      yield* list.addTexts(id, ["eggs", "spam", "ham"])
      assert.deepStrictEqual((yield* list.load(id)).data, ["spam", "eggs", "ham"])
      assert.isTrue(yield* list.checkText(id, "eggs"))
      yield* list.removeTexts(id, ["eggs"])
      assert.isFalse(yield* list.checkText(id, "eggs"))
      assert.strictEqual(yield* failure(list.checkIP(id, "10.0.0.1")), "AuthError:400")
      assert.strictEqual(yield* failure(list.create({ name: "words", type: "texts" })), "AuthError:409")
      assert.strictEqual(yield* failure(list.create({ name: "odd", type: "colours" })), "AuthError:400")
      assert.strictEqual(yield* failure(list.create({ name: "bad", type: "ips", data: ["nope"] })), "AuthError:400")

      const updated = yield* list.update(id, { name: "words2", type: "texts", data: ["a"] })
      assert.deepStrictEqual({ name: updated.name, data: updated.data, description: updated.description }, {
        name: "words2",
        data: ["a"],
        description: ""
      })
      assert.strictEqual(yield* failure(list.loadByName("words")), "AuthError:404")

      yield* list.import([
        { id, name: "words3", type: "texts", data: ["b"] },
        { name: "config", type: "json", data: { limit: 3 } }
      ])
      const all = yield* list.loadAll()
      assert.deepStrictEqual(all.map((l) => l.name).sort(), ["config", "words3"])
      const config = yield* list.loadByName("config")
      assert.deepStrictEqual(config.data, { limit: 3 })
      yield* list.clear(config.id!)
      assert.deepStrictEqual((yield* list.load(config.id!)).data, {})

      yield* list.delete(id)
      assert.strictEqual(yield* failure(list.load(id)), "AuthError:404")
      assert.strictEqual(yield* failure(list.update(id, { name: "x", type: "texts" })), "AuthError:404")
      assert.deepStrictEqual((yield* list.loadAll()).map((l) => l.name), ["config"])
    })))

  it.effect("python-sdk's query forms load the same list", () =>
    run(Effect.gen(function*() {
      const list = (yield* DescopeClient).mgmt.list
      const created = yield* list.create({ name: "py list", type: "texts", data: ["x"] })
      const http = yield* HttpClient.HttpClient
      const get = (path: string) =>
        Effect.flatMap(
          http.execute(
            HttpClientRequest.get(`http://emulator.local${path}`).pipe(
              HttpClientRequest.setHeader("authorization", `Bearer ${P}:${K}`)
            )
          ),
          (r) => Effect.map(r.json, (body) => ({ status: r.status, body }))
        )
      const byId = yield* get(`/v1/mgmt/list?id=${created.id}`)
      assert.strictEqual(byId.status, 200)
      assert.deepStrictEqual((byId.body as { list: unknown }).list, created)
      const byName = yield* get(`/v1/mgmt/list/name?name=py%20list`)
      assert.deepStrictEqual((byName.body as { list: unknown }).list, created)
      assert.strictEqual((yield* get(`/v1/mgmt/list/name?name=nope`)).status, 404)
    })))

  it.effect("a reset of the project forgets its lists", () =>
    run(Effect.gen(function*() {
      const list = (yield* DescopeClient).mgmt.list
      yield* list.create({ name: "before reset", type: "texts" })
      assert.strictEqual((yield* list.loadAll()).length, 1)
      const http = yield* HttpClient.HttpClient
      const reset = yield* http.execute(HttpClientRequest.post(`http://emulator.local/emulator/reset?projectId=${P}`))
      assert.strictEqual(reset.status, 200)
      assert.deepStrictEqual(yield* list.loadAll(), [])
    })))
})
