// How the configuration is resolved: from the DESCOPE_* environment (`DescopeConfig.layerConfig`) or from
// options (`DescopeConfig.layer`): what is read, the defaults, the region rule for the base URL, keys as
// Redacted, and a ConfigError naming the setting for whatever is missing or malformed.
import { assert, describe, it } from "@effect/vitest"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as DescopeConfig from "../src/core/DescopeConfig.js"

const JWK = {
  kty: "RSA",
  kid: "K1",
  alg: "RS256",
  use: "sig",
  n: "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw",
  e: "AQAB"
}
const JWK2 = { ...JWK, kid: "K2" }

const fromEnv = (env: Record<string, string>, configs?: DescopeConfig.ConfigOptions) =>
  DescopeConfig.layerConfig(configs).pipe(
    Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))))
  )

const read = (layer: Layer.Layer<DescopeConfig.DescopeConfig, ConfigError.ConfigError>) =>
  Effect.provide(DescopeConfig.DescopeConfig, layer)

const buildError = (layer: Layer.Layer<DescopeConfig.DescopeConfig, ConfigError.ConfigError>) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(read(layer))
    assert.isTrue(Exit.isFailure(exit))
    const error = yield* Effect.flip(read(layer))
    assert.isTrue(ConfigError.isConfigError(error))
    return error
  })

describe("DescopeConfig.layerConfig", () => {
  it.effect("reads every DESCOPE_* variable", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({
        DESCOPE_PROJECT_ID: "P2CtzUhdqpIF2ys9gg7ms06UvtC4",
        DESCOPE_MANAGEMENT_KEY: "K-mgmt-env",
        DESCOPE_AUTH_MANAGEMENT_KEY: "AMK-env",
        DESCOPE_BASE_URL: "http://127.0.0.1:4510/",
        DESCOPE_PUBLIC_KEY: JSON.stringify(JWK)
      }))
      assert.strictEqual(config.projectId, "P2CtzUhdqpIF2ys9gg7ms06UvtC4")
      assert.isTrue(Option.isSome(config.managementKey))
      if (Option.isNone(config.managementKey)) return
      assert.isTrue(Redacted.isRedacted(config.managementKey.value))
      assert.strictEqual(String(config.managementKey.value), "<redacted>")
      assert.strictEqual(Redacted.value(config.managementKey.value), "K-mgmt-env")
      assert.isTrue(Option.isSome(config.authManagementKey))
      if (Option.isNone(config.authManagementKey)) return
      assert.strictEqual(String(config.authManagementKey.value), "<redacted>")
      assert.strictEqual(Redacted.value(config.authManagementKey.value), "AMK-env")
      assert.strictEqual(config.baseUrl, "http://127.0.0.1:4510")
      assert.deepStrictEqual(Option.getOrUndefined(config.publicKeys), [JWK])
    }))

  it.effect("defaults: no keys, region base URL, timeout 60 s, leeway 5 s, no extra headers", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({ DESCOPE_PROJECT_ID: "P2CtzUhdqpIF2ys9gg7ms06UvtC4" }))
      assert.isTrue(Option.isNone(config.managementKey))
      assert.isTrue(Option.isNone(config.authManagementKey))
      assert.isTrue(Option.isNone(config.publicKeys))
      assert.strictEqual(config.baseUrl, "https://api.descope.com")
      assert.strictEqual(Duration.toMillis(config.requestTimeout), 60000)
      assert.strictEqual(Duration.toMillis(config.jwtLeeway), 5000)
      assert.deepStrictEqual(config.extraHeaders, {})
    }))

  it.effect("DESCOPE_BASE_URI is accepted", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({ DESCOPE_PROJECT_ID: "P1", DESCOPE_BASE_URI: "https://uri.example.test" }))
      assert.strictEqual(config.baseUrl, "https://uri.example.test")
    }))

  it.effect("DESCOPE_BASE_URL wins over DESCOPE_BASE_URI", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({
        DESCOPE_PROJECT_ID: "P1",
        DESCOPE_BASE_URL: "https://url.example.test",
        DESCOPE_BASE_URI: "https://uri.example.test"
      }))
      assert.strictEqual(config.baseUrl, "https://url.example.test")
    }))

  it.effect("DESCOPE_PUBLIC_KEY as a JWKS", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({
        DESCOPE_PROJECT_ID: "P1",
        DESCOPE_PUBLIC_KEY: JSON.stringify({ keys: [JWK, JWK2] })
      }))
      assert.deepStrictEqual(Option.getOrUndefined(config.publicKeys), [JWK, JWK2])
    }))

  it.effect("a malformed DESCOPE_PUBLIC_KEY is a ConfigError at layer build", () =>
    Effect.gen(function*() {
      for (const value of ["{not json", "{\"alg\":\"RS256\"}", "{\"keys\":[]}", "[1,2]", "\"text\""]) {
        const error = yield* buildError(fromEnv({ DESCOPE_PROJECT_ID: "P1", DESCOPE_PUBLIC_KEY: value }))
        assert.include(String(error), "DESCOPE_PUBLIC_KEY", value)
      }
    }))

  it.effect("a missing DESCOPE_PROJECT_ID is a ConfigError at layer build", () =>
    Effect.gen(function*() {
      const error = yield* buildError(fromEnv({ DESCOPE_MANAGEMENT_KEY: "K" }))
      assert.include(String(error), "DESCOPE_PROJECT_ID")
    }))

  it.effect("an empty DESCOPE_PROJECT_ID is a ConfigError", () =>
    Effect.gen(function*() {
      const error = yield* buildError(fromEnv({ DESCOPE_PROJECT_ID: "" }))
      assert.include(String(error), "DESCOPE_PROJECT_ID")
    }))

  it.effect("a malformed DESCOPE_BASE_URL is a ConfigError naming it", () =>
    Effect.gen(function*() {
      const error = yield* buildError(fromEnv({ DESCOPE_PROJECT_ID: "P1", DESCOPE_BASE_URL: "not a url" }))
      assert.include(String(error), "DESCOPE_BASE_URL")
    }))

  it.effect("the region rule applies to the environment too", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({ DESCOPE_PROJECT_ID: "Puse12aAc4T2V93bddihGEx2Ryhc8e5Z" }))
      assert.strictEqual(config.baseUrl, "https://api.use1.descope.com")
    }))

  it.effect("an empty DESCOPE_MANAGEMENT_KEY counts as absent", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({ DESCOPE_PROJECT_ID: "P1", DESCOPE_MANAGEMENT_KEY: "" }))
      assert.isTrue(Option.isNone(config.managementKey))
    }))

  it.effect("empty DESCOPE_BASE_URL and DESCOPE_PUBLIC_KEY count as absent", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({
        DESCOPE_PROJECT_ID: "Puse12aAc4T2V93bddihGEx2Ryhc8e5Z",
        DESCOPE_BASE_URL: "",
        DESCOPE_PUBLIC_KEY: ""
      }))
      assert.strictEqual(config.baseUrl, "https://api.use1.descope.com")
      assert.isTrue(Option.isNone(config.publicKeys))
    }))

  it.effect("a replaced Config is named by its own key in errors", () =>
    Effect.gen(function*() {
      const error = yield* buildError(fromEnv(
        { DESCOPE_PROJECT_ID: "P1", MY_KEY: "{" },
        { publicKey: Config.option(Config.string("MY_KEY")) }
      ))
      assert.include(String(error), "publicKey")
      assert.notInclude(String(error), "DESCOPE_PUBLIC_KEY")
    }))

  it.effect("extraHeaders can be given to layerConfig", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({ DESCOPE_PROJECT_ID: "P1" }, { extraHeaders: { "x-app": "demo" } }))
      assert.deepStrictEqual(config.extraHeaders, { "x-app": "demo" })
    }))
})

describe("DescopeConfig.layer", () => {
  it.effect("the region rule: 28-char id -> https://api.descope.com", () =>
    Effect.gen(function*() {
      const config = yield* read(DescopeConfig.layer({ projectId: "P2CtzUhdqpIF2ys9gg7ms06UvtC4" }))
      assert.strictEqual(config.baseUrl, "https://api.descope.com")
    }))

  it.effect("the region rule: 32-char id -> https://api.use1.descope.com", () =>
    Effect.gen(function*() {
      const config = yield* read(DescopeConfig.layer({ projectId: "Puse12aAc4T2V93bddihGEx2Ryhc8e5Z" }))
      assert.strictEqual(config.baseUrl, "https://api.use1.descope.com")
    }))

  it("baseUrlForProjectId", () => {
    assert.strictEqual(DescopeConfig.baseUrlForProjectId("P2CtzUhdqpIF2ys9gg7ms06UvtC4"), "https://api.descope.com")
    assert.strictEqual(
      DescopeConfig.baseUrlForProjectId("Puse12aAc4T2V93bddihGEx2Ryhc8e5Z"),
      "https://api.use1.descope.com"
    )
    assert.strictEqual(DescopeConfig.baseUrlForProjectId("P123"), "https://api.descope.com")
  })

  it.effect("an explicit base URL wins over the region", () =>
    Effect.gen(function*() {
      const config = yield* read(DescopeConfig.layer({
        projectId: "Puse12aAc4T2V93bddihGEx2Ryhc8e5Z",
        baseUrl: "https://descope.example.test/"
      }))
      assert.strictEqual(config.baseUrl, "https://descope.example.test")
    }))

  it.effect("keys given as strings become Redacted; explicit durations are kept", () =>
    Effect.gen(function*() {
      const config = yield* read(DescopeConfig.layer({
        projectId: "P1",
        managementKey: "K-plain",
        authManagementKey: Redacted.make("AMK"),
        requestTimeout: "5 seconds",
        jwtLeeway: Duration.seconds(30),
        publicKey: JWK
      }))
      assert.isTrue(Option.isSome(config.managementKey))
      if (Option.isNone(config.managementKey)) return
      assert.strictEqual(String(config.managementKey.value), "<redacted>")
      assert.strictEqual(Redacted.value(config.managementKey.value), "K-plain")
      assert.strictEqual(Duration.toMillis(config.requestTimeout), 5000)
      assert.strictEqual(Duration.toMillis(config.jwtLeeway), 30000)
      assert.deepStrictEqual(Option.getOrUndefined(config.publicKeys), [JWK])
    }))

  it.effect("a missing project id, a bad base URL or key is a ConfigError at build", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [DescopeConfig.Options, string]> = [
        [{ projectId: "" }, "projectId"],
        [{ projectId: "P 1" }, "projectId"],
        [{ projectId: "P1", baseUrl: "ftp://x.test" }, "baseUrl"],
        [{ projectId: "P1", publicKey: "{" }, "publicKey"],
        [{ projectId: "P1", requestTimeout: -5 }, "requestTimeout"],
        [{ projectId: "P1", requestTimeout: "-5 seconds" }, "requestTimeout"],
        [{ projectId: "P1", requestTimeout: 0 }, "requestTimeout"],
        [{ projectId: "P1", requestTimeout: Number.NaN }, "requestTimeout"],
        [{ projectId: "P1", jwtLeeway: -1 }, "jwtLeeway"]
      ]
      for (const [options, key] of cases) {
        const error = yield* buildError(DescopeConfig.layer(options))
        assert.include(String(error), key)
      }
    }))

  it.effect("a zero JWT leeway is allowed", () =>
    Effect.gen(function*() {
      const config = yield* read(DescopeConfig.layer({ projectId: "P1", jwtLeeway: 0 }))
      assert.strictEqual(Duration.toMillis(config.jwtLeeway), 0)
    }))

  it.effect("DESCOPE_REQUEST_TIMEOUT and DESCOPE_JWT_LEEWAY are read and checked", () =>
    Effect.gen(function*() {
      const config = yield* read(fromEnv({
        DESCOPE_PROJECT_ID: "P1",
        DESCOPE_REQUEST_TIMEOUT: "10 seconds",
        DESCOPE_JWT_LEEWAY: "2 seconds"
      }))
      assert.strictEqual(Duration.toMillis(config.requestTimeout), 10000)
      assert.strictEqual(Duration.toMillis(config.jwtLeeway), 2000)
      const error = yield* buildError(fromEnv({ DESCOPE_PROJECT_ID: "P1", DESCOPE_REQUEST_TIMEOUT: "-5 seconds" }))
      assert.include(String(error), "DESCOPE_REQUEST_TIMEOUT")
      const leeway = yield* buildError(fromEnv({ DESCOPE_PROJECT_ID: "P1", DESCOPE_JWT_LEEWAY: "-5 seconds" }))
      assert.include(String(leeway), "DESCOPE_JWT_LEEWAY")
      const garbled = yield* buildError(fromEnv({ DESCOPE_PROJECT_ID: "P1", DESCOPE_JWT_LEEWAY: "soon" }))
      assert.include(String(garbled), "DESCOPE_JWT_LEEWAY")
    }))
})
