/**
 * The builders under the client layers of `layers/Descope.ts` (the one public
 * home of the client's layers): the client over a session validator, and
 * over a `DescopeConfig` supplied separately.
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import type * as DescopeConfig from "../core/DescopeConfig.js"
import * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidator } from "../core/Session.js"
import * as SessionValidatorLive from "../core/SessionValidatorLive.js"
import { DescopeClient, make } from "../DescopeClient.js"

/**
 * The client with the session validator of your choice (e.g. the live
 * validator over `Jwks.layerTest`); requires what the validator requires
 * (besides the transport), `DescopeConfig` and an `HttpClient`.
 */
export const layerWithValidator = <E, R>(
  validator: Layer.Layer<SessionValidator, E, R>
): Layer.Layer<
  DescopeClient,
  E,
  Exclude<R, DescopeHttp.DescopeHttp> | DescopeConfig.DescopeConfig | HttpClient.HttpClient
> =>
  Layer.scoped(DescopeClient, make).pipe(
    Layer.provide(validator),
    Layer.provide(DescopeHttp.layer)
  )

/**
 * The client over a configuration supplied separately; requires `DescopeConfig` and an `HttpClient`.
 * Sessions are validated with the signing keys of the keys endpoint, or with
 * the configured `publicKey` (never fetched) when it is set; an unusable
 * `publicKey` fails the layer with a `ConfigError`.
 */
export const layerWithoutConfig: Layer.Layer<
  DescopeClient,
  ConfigError.ConfigError,
  DescopeConfig.DescopeConfig | HttpClient.HttpClient
> = layerWithValidator(SessionValidatorLive.layerDefault())
