/**
 * Ready layers for `DescopeClient`.
 *
 * - {@link layer} / {@link layerConfig}: the client over an `HttpClient` you provide
 *   (`FetchHttpClient.layer`, `NodeHttpClient.layerUndici`, a mock ...).
 * - {@link layerFetch} / {@link layerConfigFetch}: the same with `FetchHttpClient`
 *   included, for scripts run with `Effect.runPromise`.
 * - {@link layerTest}: the client over the recording mock `HttpClient`.
 *
 * Provide the layer once, at the edge of your program: it holds caches (signing
 * keys, verified tokens) that a per-request provide would rebuild.
 *
 * @since 0.1.0
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import type * as DescopeConfig from "../core/DescopeConfig.js"
import { DescopeClient } from "../DescopeClient.js"
import * as MockHttpClient from "./MockHttpClient.js"

/**
 * The client from explicit options; requires an `HttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: DescopeConfig.Options
): Layer.Layer<DescopeClient, ConfigError.ConfigError, HttpClient.HttpClient> => DescopeClient.layer(options)

/**
 * The client from the environment; requires an `HttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  configs?: DescopeConfig.ConfigOptions
): Layer.Layer<DescopeClient, ConfigError.ConfigError, HttpClient.HttpClient> => DescopeClient.layerConfig(configs)

/**
 * The client from explicit options, over `FetchHttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFetch = (options: DescopeConfig.Options): Layer.Layer<DescopeClient, ConfigError.ConfigError> =>
  DescopeClient.layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * The client from the environment, over `FetchHttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfigFetch = (
  configs?: DescopeConfig.ConfigOptions
): Layer.Layer<DescopeClient, ConfigError.ConfigError> =>
  DescopeClient.layerConfig(configs).pipe(Layer.provide(FetchHttpClient.layer))

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
  DescopeClient.layer(options).pipe(Layer.provideMerge(MockHttpClient.layer(handler)))
