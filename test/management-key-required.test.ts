// Management calls need a management key: without one (or with an empty one) a call fails with
// InvalidArgumentError naming managementKey, through the transport or the client, and nothing is sent.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { InvalidArgumentError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

describe("management without a management key", () => {
  it.effect("fails with InvalidArgumentError naming managementKey, and sends nothing", () =>
    Effect.gen(function*() {
      const http = yield* DescopeHttp.DescopeHttp
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const error = yield* Effect.flip(http.management({
        method: "POST",
        path: "/v1/mgmt/user/create",
        body: { loginId: "a@b.c" },
        operation: "mgmt.user.create",
        schema: Schema.Struct({})
      }))
      assert.instanceOf(error, InvalidArgumentError)
      assert.strictEqual(error._tag, "InvalidArgumentError")
      if (error._tag !== "InvalidArgumentError") return
      assert.strictEqual(error.field, "managementKey")
      assert.include(error.message, "managementKey")
      assert.strictEqual((yield* recorder.requests).length, 0)
    }).pipe(Effect.provide(
      DescopeHttp.layer.pipe(
        Layer.provide(DescopeConfig.layer({ projectId: "P123", authManagementKey: "AMK-1" })),
        Layer.provideMerge(MockHttpClient.layer(() => MockHttpClient.json({})))
      )
    )))

  it.effect("through the client: client.mgmt.user.load fails unsent", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const fiber = yield* Effect.fork(Effect.flip(client.mgmt.user.load("a@b.c")))
      yield* TestClock.adjust("1 second")
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "InvalidArgumentError")
      if (error._tag !== "InvalidArgumentError") return
      assert.strictEqual(error.field, "managementKey")
      assert.strictEqual((yield* recorder.requests).length, 0)
    }).pipe(Effect.provide(Descope.layerTest({ projectId: "P123" }, () => MockHttpClient.json({})))))

  it.effect("an empty management key counts as none", () =>
    Effect.gen(function*() {
      const http = yield* DescopeHttp.DescopeHttp
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const error = yield* Effect.flip(http.management({
        method: "GET",
        path: "/v1/mgmt/tenant/all",
        operation: "mgmt.tenant.loadAll",
        schema: Schema.Struct({})
      }))
      assert.strictEqual(error._tag, "InvalidArgumentError")
      assert.strictEqual((yield* recorder.requests).length, 0)
    }).pipe(Effect.provide(
      DescopeHttp.layer.pipe(
        Layer.provide(DescopeConfig.layer({ projectId: "P123", managementKey: "" })),
        Layer.provideMerge(MockHttpClient.layer(() => MockHttpClient.json({})))
      )
    )))
})
