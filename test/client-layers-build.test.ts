// Every client layer builds (Descope.layer over an HttpClient, layerTest, layerConfig from the environment,
// layerFetch) without sending anything, and a bad configuration fails the build with a ConfigError.
import { assert, describe, it } from "@effect/vitest"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
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
