/**
 * The layers of `DescopeClient`: its one home (there are no class statics or
 * aliases elsewhere).
 *
 * - {@link layer} / {@link layerConfig}: the client over an `HttpClient` you provide
 *   (`FetchHttpClient.layer`, `NodeHttpClient.layerUndici`, a mock ...).
 * - {@link layerFetch} / {@link layerConfigFetch}: the same with `FetchHttpClient`
 *   included, for scripts run with `Effect.runPromise`.
 * - {@link layerTest}: the client over the recording mock `HttpClient`.
 * - {@link layerTestKeys}: the same, with generated signing keys and a token
 *   minter (`Jwks.JwksTest`) instead of the keys endpoint.
 * - {@link layerWithJwks}: the client with the signing-key layer of your choice
 *   (`Jwks.layerRemote({ ttl, cooldown, warmUp })`, `Jwks.layerStatic(keys)` ...).
 * - {@link warmUpManagementKey}: any of them, failing to build when Descope
 *   refuses the management key.
 *
 * Not the client: `DescopeValidator` (session validation and the role / permission
 * checks with the project's public key, no `HttpClient`) has its layers in its own
 * module, `ValidationOnly.layer` / `ValidationOnly.layerConfig`.
 *
 * Provide the layer once, at the edge of your program: it holds caches (signing
 * keys, verified tokens) that a per-request provide would rebuild.
 *
 * @since 0.1.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Layer from "effect/Layer"
import * as DescopeConfig from "../core/DescopeConfig.js"
import type { DescopeHttp } from "../core/DescopeHttp.js"
import * as Jwks from "../core/Jwks.js"
import * as SessionValidatorLive from "../core/SessionValidatorLive.js"
import * as Verifier from "../core/Verifier.js"
import { DescopeClient } from "../DescopeClient.js"
import { layerWithoutConfig, layerWithValidator } from "../internal/clientLayers.js"
import type { ManagementError } from "../management/ManagementHttp.js"
import * as MockHttpClient from "./MockHttpClient.js"

/**
 * The client from explicit options; requires an `HttpClient`. Sessions are
 * validated with the project's signing keys (fetched, cached), or with the
 * configured `publicKey` (never fetched) when it is set; an unusable
 * `publicKey` fails the layer with a `ConfigError`.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 * import { Descope } from "descope-effect"
 *
 * export const DescopeLive = Descope.layer({ projectId: "P2abc" }).pipe(Layer.provide(FetchHttpClient.layer))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: DescopeConfig.Options
): Layer.Layer<DescopeClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  layerWithoutConfig.pipe(Layer.provide(DescopeConfig.layer(options)))

/**
 * The client from the environment; requires an `HttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  configs?: DescopeConfig.ConfigOptions
): Layer.Layer<DescopeClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  layerWithoutConfig.pipe(Layer.provide(DescopeConfig.layerConfig(configs)))

/**
 * The client from explicit options, over `FetchHttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFetch = (options: DescopeConfig.Options): Layer.Layer<DescopeClient, ConfigError.ConfigError> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * The client from the environment, over `FetchHttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfigFetch = (
  configs?: DescopeConfig.ConfigOptions
): Layer.Layer<DescopeClient, ConfigError.ConfigError> =>
  layerConfig(configs).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * The client over the recording mock `HttpClient`: every request is answered by
 * `handler` and can be read back through `MockHttpRecorder`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTest = (
  options: DescopeConfig.Options,
  handler: MockHttpClient.Handler
): Layer.Layer<DescopeClient | MockHttpClient.MockHttpRecorder, ConfigError.ConfigError> =>
  layer(options).pipe(Layer.provideMerge(MockHttpClient.layer(handler)))

/**
 * The client with the signing-key layer of your choice and the default
 * verifier; requires what the key layer requires (besides the transport),
 * `DescopeConfig` and an `HttpClient`.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 * import { Descope, DescopeConfig, Jwks } from "descope-effect"
 *
 * const DescopeLive = Descope.layerWithJwks(Jwks.layerRemote({ ttl: "5 minutes", warmUp: true })).pipe(
 *   Layer.provide(DescopeConfig.layerConfig()),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithJwks = <E, R>(
  jwks: Layer.Layer<Jwks.Jwks, E, R>,
  options: SessionValidatorLive.Options = {}
): Layer.Layer<
  DescopeClient,
  E,
  Exclude<R, DescopeHttp> | DescopeConfig.DescopeConfig | HttpClient.HttpClient
> =>
  layerWithValidator(
    SessionValidatorLive.layer(options).pipe(Layer.provide(jwks), Layer.provide(Verifier.layer))
  )

/**
 * The client over the recording mock `HttpClient`, validating sessions with a
 * generated key pair (never fetched); mint tokens with `Jwks.JwksTest`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTestKeys = (
  options: DescopeConfig.Options,
  handler: MockHttpClient.Handler,
  keys: { readonly alg?: Verifier.Algorithm | undefined; readonly kid?: string | undefined } = {}
): Layer.Layer<DescopeClient | MockHttpClient.MockHttpRecorder | Jwks.JwksTest, ConfigError.ConfigError> => {
  const testKeys = Jwks.layerTest(keys)
  return Layer.merge(layerWithJwks(testKeys), testKeys).pipe(
    Layer.provideMerge(MockHttpClient.layer(handler)),
    Layer.provide(DescopeConfig.layer(options))
  )
}

/**
 * Opt-in check of the management key when the layer is built, like the
 * signing-key warm-up (`Jwks.layerRemote({ warmUp: true })`): one request
 * (the license handshake every client makes before its first management call,
 * so nothing is spent) and the layer fails with a typed error instead of the
 * first management call: `AuthError` for a key Descope refuses,
 * `InvalidArgumentError` naming `managementKey` when there is none,
 * `TransportError` / `RateLimitError` when Descope cannot answer. Use it where
 * a bad key should stop the program at start (a server, a script).
 *
 * @example
 * ```ts
 * import { Descope } from "descope-effect"
 *
 * const DescopeLive = Descope.layerConfigFetch().pipe(Descope.warmUpManagementKey)
 * ```
 *
 * @since 0.2.0
 * @category layers
 */
export const warmUpManagementKey = <E, R>(
  self: Layer.Layer<DescopeClient, E, R>
): Layer.Layer<DescopeClient, E | ManagementError, R> =>
  Layer.tap(self, (context) => Context.get(context, DescopeClient).mgmt.warmUp)
