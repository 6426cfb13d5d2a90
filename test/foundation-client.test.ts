import { assert, describe, it } from "@effect/vitest"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { InvalidArgumentError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

const withEnv = (env: Record<string, string>) =>
  Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

describe("DescopeClient layers", () => {
  it.effect("Descope.layer builds over an HttpClient", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      assert.strictEqual(client.config.projectId, "P123")
      assert.strictEqual(client.config.baseUrl, "https://api.descope.com")
    }).pipe(
      Effect.provide(
        Descope.layer({ projectId: "P123" }).pipe(
          Layer.provide(MockHttpClient.layer(() => MockHttpClient.json({})))
        )
      )
    ))

  it.effect("Descope.layerTest builds and records nothing until a call is made", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const recorder = yield* MockHttpClient.MockHttpRecorder
      assert.strictEqual(client.config.projectId, "P123")
      assert.strictEqual((yield* recorder.requests).length, 0)
      assert.strictEqual(yield* recorder.last, undefined)
    }).pipe(Effect.provide(Descope.layerTest({ projectId: "P123" }, () => MockHttpClient.json({})))))

  it.effect("Descope.layer and Descope.layerConfig build", () =>
    Effect.gen(function*() {
      const http = MockHttpClient.layer(() => MockHttpClient.json({}))
      const fromOptions = yield* Effect.provide(
        DescopeClient,
        Descope.layer({ projectId: "Puse12aAc4T2V93bddihGEx2Ryhc8e5Z" }).pipe(Layer.provide(http))
      )
      assert.strictEqual(fromOptions.config.baseUrl, "https://api.use1.descope.com")
      const fromEnv = yield* Effect.provide(
        DescopeClient,
        Descope.layerConfig().pipe(
          Layer.provide(http),
          Layer.provide(withEnv({ DESCOPE_PROJECT_ID: "P456", DESCOPE_MANAGEMENT_KEY: "K-env" }))
        )
      )
      assert.strictEqual(fromEnv.config.projectId, "P456")
      assert.strictEqual(Option.getOrUndefined(Option.map(fromEnv.config.managementKey, Redacted.value)), "K-env")
    }))

  it.effect("Descope.layerFetch builds without sending anything", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      assert.strictEqual(client.config.projectId, "P789")
    }).pipe(Effect.provide(Descope.layerFetch({ projectId: "P789", baseUrl: "http://127.0.0.1:9" }))))

  it.effect("a client layer with a bad config fails to build with a ConfigError", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Effect.provide(
        DescopeClient,
        Descope.layerConfig().pipe(
          Layer.provide(MockHttpClient.layer(() => MockHttpClient.json({}))),
          Layer.provide(withEnv({}))
        )
      ))
      assert.isTrue(ConfigError.isConfigError(error))
      assert.include(String(error), "DESCOPE_PROJECT_ID")
    }))
})

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

describe("MockHttpClient", () => {
  it.effect("records requests, last and clear; handlers may return a Promise", () =>
    Effect.gen(function*() {
      const http = yield* DescopeHttp.DescopeHttp
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const Ok = Schema.Struct({ n: Schema.Number })
      const first = yield* http.request({
        method: "POST",
        path: "/v1/a",
        body: { x: 1 },
        operation: "a",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      })
      assert.deepStrictEqual(first, { n: 1 })
      yield* http.request({
        method: "GET",
        path: "/v1/b",
        query: { q: "1" },
        operation: "b",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      })
      const last = yield* recorder.last
      assert.strictEqual(last?.path, "/v1/b")
      assert.deepStrictEqual(last?.query, { q: "1" })
      assert.strictEqual((yield* recorder.requests).length, 2)
      yield* recorder.clear
      assert.strictEqual((yield* recorder.requests).length, 0)
    }).pipe(Effect.provide(
      DescopeHttp.layer.pipe(
        Layer.provide(DescopeConfig.layer({ projectId: "P123" })),
        Layer.provideMerge(MockHttpClient.layer((request) =>
          Promise.resolve(MockHttpClient.json({ n: request.method === "POST" ? 1 : 2 }))
        ))
      )
    )))

  it("json() sets status, content type and extra headers", async () => {
    const response = MockHttpClient.json({ a: 1 }, { status: 201, headers: { "x-request-id": "r" } })
    assert.strictEqual(response.status, 201)
    assert.strictEqual(response.headers.get("content-type"), "application/json")
    assert.strictEqual(response.headers.get("x-request-id"), "r")
    assert.strictEqual(await response.text(), "{\"a\":1}")
  })
})
