/**
 * `fgaCacheUrl` over real sockets: "Descope" and the FGA cache sidecar are two emulators served on
 * 127.0.0.1 (the sidecar speaks Descope's FGA wire). With the cache up, `check`, `saveSchema` and the
 * relation writes go to the cache only (its answers, its state) and the other FGA calls to Descope; with
 * the cache's port closed, they fall back to Descope at once. The option is also read from
 * `DESCOPE_FGA_CACHE_URL`, and a malformed URL fails the configuration naming it.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2FgaCacheLoopback0000000000"
const K = "fga-cache-management-key"

const DSL = `model AuthZ 1.0

type user

type doc
  relation viewer: user
  permission can_view: viewer
`
const viewer = { resource: "readme", resourceType: "doc", relation: "viewer", target: "ada", targetType: "user" }
const canView = { ...viewer, relation: "can_view" }

/** An emulator served on loopback, in `scope`. */
const served = (scope: Scope.Scope) =>
  Effect.gen(function*() {
    const emulator = yield* Emulator.make({ projectId: P, managementKey: K })
    const server = yield* Emulator.serve().pipe(
      Effect.provideService(Emulator.Emulator, emulator),
      Scope.extend(scope),
      Effect.orDie
    )
    return { emulator, baseUrl: server.baseUrl }
  })

const clientOver = (scope: Scope.Scope, baseUrl: string, fgaCacheUrl: string) =>
  Effect.map(
    Layer.buildWithScope(
      Descope.layer({ projectId: P, managementKey: K, baseUrl, fgaCacheUrl }).pipe(
        Layer.provide(FetchHttpClient.layer)
      ),
      scope
    ).pipe(Effect.orDie),
    (context) => Context.get(context, DescopeClient).mgmt.fga
  )

/** The FGA paths a server was asked, in order. */
const fgaPaths = (emulator: Emulator.Service) =>
  Effect.map(emulator.requests, (rs) => rs.map((r) => r.path).filter((p) => p.includes("/fga/")))

describe("fgaCacheUrl", () => {
  it.live("check, schema save and relation writes go to the cache; the rest to Descope", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const descope = yield* served(scope)
      const cache = yield* served(scope)
      const fga = yield* clientOver(scope, descope.baseUrl, cache.baseUrl)

      yield* fga.saveSchema({ dsl: DSL })
      yield* fga.createRelations([viewer])
      const [allowed] = yield* fga.check([canView])
      assert.strictEqual(allowed?.allowed, true)
      assert.deepStrictEqual(yield* fgaPaths(cache.emulator), [
        "/v1/mgmt/fga/schema",
        "/v1/mgmt/fga/relations",
        "/v1/mgmt/fga/check"
      ])
      assert.deepStrictEqual(yield* fgaPaths(descope.emulator), [])

      // the reads the cache does not serve go to Descope, which holds no schema (it was saved to the cache)
      assert.strictEqual((yield* fga.loadSchema()).dsl, "")
      assert.deepStrictEqual(yield* fgaPaths(descope.emulator), ["/v1/mgmt/fga/schema"])

      yield* fga.deleteRelations([viewer])
      const [denied] = yield* fga.check([canView])
      assert.strictEqual(denied?.allowed, false)
      assert.deepStrictEqual((yield* fgaPaths(cache.emulator)).slice(3), [
        "/v1/mgmt/fga/relations/delete",
        "/v1/mgmt/fga/check"
      ])
      yield* Scope.close(scope, Exit.void)
    }))

  it.live("with the cache's port closed, the same calls fall back to Descope", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const descope = yield* served(scope)
      const closedScope = yield* Scope.make()
      const dead = yield* served(closedScope)
      yield* Scope.close(closedScope, Exit.void)
      const fga = yield* clientOver(scope, descope.baseUrl, dead.baseUrl)

      yield* fga.saveSchema({ dsl: DSL })
      yield* fga.createRelations([viewer])
      const [allowed] = yield* fga.check([canView])
      assert.strictEqual(allowed?.allowed, true)
      assert.strictEqual((yield* fga.loadSchema()).dsl, DSL)
      assert.deepStrictEqual(yield* fgaPaths(descope.emulator), [
        "/v1/mgmt/fga/schema",
        "/v1/mgmt/fga/relations",
        "/v1/mgmt/fga/check",
        "/v1/mgmt/fga/schema"
      ])
      assert.deepStrictEqual(yield* fgaPaths(dead.emulator), [])
      yield* Scope.close(scope, Exit.void)
    }))

  it.effect("DESCOPE_FGA_CACHE_URL is read; a malformed one fails the configuration naming it", () =>
    Effect.gen(function*() {
      const read = (env: Record<string, string>) =>
        DescopeConfig.fromConfig().pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))))
      const config = yield* read({ DESCOPE_PROJECT_ID: P, DESCOPE_FGA_CACHE_URL: "http://127.0.0.1:8189/" })
      assert.deepStrictEqual(config.fgaCacheUrl, Option.some("http://127.0.0.1:8189"))
      const none = yield* read({ DESCOPE_PROJECT_ID: P })
      assert.deepStrictEqual(none.fgaCacheUrl, Option.none())
      const error = yield* Effect.flip(read({ DESCOPE_PROJECT_ID: P, DESCOPE_FGA_CACHE_URL: "ftp://cache" }))
      assert.include(String(error), "DESCOPE_FGA_CACHE_URL")
      const explicit = yield* Effect.flip(DescopeConfig.make({ projectId: P, fgaCacheUrl: "not a url" }))
      assert.include(String(error), "DESCOPE_FGA_CACHE_URL")
      assert.include(String(explicit), "fgaCacheUrl")
    }))
})
