/**
 * `Descope.warmUpManagementKey`: the opt-in check of the management key when
 * the layer is built. Against the in-process emulator: a good key builds the
 * layer with one license request, which the first management call does not
 * repeat; a refused key fails the layer with `AuthError`, a missing one with
 * `InvalidArgumentError` naming `managementKey`; without the warm-up the same
 * bad key builds and nothing is sent.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import { AuthError, InvalidArgumentError } from "../src/core/DescopeError.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

const PROJECT_ID = "P2WarmUpManagementKey000001"
const KEY = "the-right-management-key"

/** The client over an in-process emulator that serves `KEY`, with `managementKey` as the client's key. */
const overEmulator = (managementKey: string | undefined) =>
  Descope.layer({
    projectId: PROJECT_ID,
    baseUrl: "http://emulator.local",
    ...(managementKey === undefined ? {} : { managementKey })
  }).pipe(Layer.provide(Emulator.layerHttpClient))

const emulator = Emulator.layer({ projectId: PROJECT_ID, managementKey: KEY })

describe("Descope.warmUpManagementKey", () => {
  it.effect("a good key: the layer builds and the license is asked once, not again by the first call", () =>
    Effect.gen(function*() {
      const paths = yield* Ref.make<ReadonlyArray<string>>([])
      const live = Descope.layerTest({ projectId: PROJECT_ID, managementKey: KEY }, (request) =>
        Effect.as(
          Ref.update(paths, (all) => [...all, request.path]),
          request.path === "/v1/mgmt/license"
            ? MockHttpClient.json({ rateLimitTier: "free" })
            : MockHttpClient.json({ tenants: [] })
        )).pipe(Descope.warmUpManagementKey)
      yield* Effect.gen(function*() {
        // asked when the layer was built
        assert.deepStrictEqual(yield* Ref.get(paths), ["/v1/mgmt/license"])
        const client = yield* DescopeClient
        yield* client.mgmt.tenant.loadAll()
        assert.deepStrictEqual(yield* Ref.get(paths), ["/v1/mgmt/license", "/v1/mgmt/tenant/all"])
      }).pipe(Effect.provide(live))
    }))

  it.effect("a good key against the emulator: the layer builds and management calls work", () =>
    Effect.gen(function*() {
      const id = yield* Effect.flatMap(DescopeClient, (client) => client.mgmt.tenant.create({ name: "Acme" })).pipe(
        Effect.provide(overEmulator(KEY).pipe(Descope.warmUpManagementKey, Layer.provide(emulator)))
      )
      assert.isString(id)
    }))

  it.effect("a key Descope refuses: the layer fails with AuthError", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(
        Effect.scoped(
          Layer.build(overEmulator("not-the-key").pipe(Descope.warmUpManagementKey, Layer.provide(emulator)))
        )
      )
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit)) {
        const error = exit.cause._tag === "Fail" ? exit.cause.error : undefined
        assert.instanceOf(error, AuthError)
        assert.strictEqual(error?._tag, "AuthError")
        assert.notInclude(JSON.stringify(error), "not-the-key")
      }
    }))

  it.effect("no key: the layer fails with InvalidArgumentError naming managementKey, nothing sent", () =>
    Effect.gen(function*() {
      const sent = yield* Ref.make(0)
      const live = Descope.layerTest(
        { projectId: PROJECT_ID },
        () => Effect.as(Ref.update(sent, (n) => n + 1), MockHttpClient.json({}))
      ).pipe(Descope.warmUpManagementKey)
      const error = yield* Effect.flip(Effect.scoped(Layer.build(live)))
      assert.instanceOf(error, InvalidArgumentError)
      assert.strictEqual(error instanceof InvalidArgumentError ? error.field : undefined, "managementKey")
      assert.strictEqual(yield* Ref.get(sent), 0)
    }))

  it.effect("opt-in: without it a bad key builds the layer and nothing is sent", () =>
    Effect.gen(function*() {
      const sent = yield* Ref.make(0)
      const live = Descope.layerTest({ projectId: PROJECT_ID, managementKey: "not-the-key" }, () =>
        Effect.as(Ref.update(sent, (n) => n + 1), MockHttpClient.json({}, { status: 401 })))
      yield* Effect.scoped(Layer.build(live))
      assert.strictEqual(yield* Ref.get(sent), 0)
    }))
})
