/**
 * The constructor and the layers of `DescopeClient`: their one home (there are
 * no class statics or aliases elsewhere).
 *
 * - {@link make}: the service from the transport (`DescopeHttp`) and a
 *   `SessionValidator` you provide, in a scope; what every layer below is built on.
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
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as EnchantedLink from "../auth/EnchantedLink.js"
import * as Flow from "../auth/Flow.js"
import * as MagicLink from "../auth/MagicLink.js"
import * as Notp from "../auth/Notp.js"
import * as OAuth from "../auth/OAuth.js"
import * as Otp from "../auth/Otp.js"
import * as Outbound from "../auth/Outbound.js"
import * as Password from "../auth/Password.js"
import * as Saml from "../auth/Saml.js"
import * as Sessions from "../auth/Sessions.js"
import * as Sso from "../auth/Sso.js"
import * as Totp from "../auth/Totp.js"
import * as WebAuthn from "../auth/WebAuthn.js"
import * as DescopeConfig from "../core/DescopeConfig.js"
import * as DescopeHttp from "../core/DescopeHttp.js"
import * as Jwks from "../core/Jwks.js"
import { SessionValidator } from "../core/Session.js"
import * as SessionValidatorLive from "../core/SessionValidatorLive.js"
import * as Verifier from "../core/Verifier.js"
import { DescopeClient, type Service } from "../DescopeClient.js"
import * as Management from "../management/Management.js"
import type { ManagementError } from "../management/ManagementHttp.js"

/**
 * Builds the client from the transport and a session validator, owned by the
 * current scope: shared work (a shared refresh, the license handshake, user
 * loads) runs in it, so closing it interrupts that work. The layers below are
 * `Layer.scoped(DescopeClient, make)` over the transport and a validator; use
 * it for a validator none of them builds (say, a fixed verifier).
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { Layer } from "effect"
 * import { Descope, DescopeClient, DescopeConfig, DescopeHttp, Jwks, SessionValidatorLive, Verifier } from "descope-effect"
 *
 * // sessions checked with WebCrypto even where node:crypto is there
 * export const DescopeLive = Layer.scoped(DescopeClient, Descope.make).pipe(
 *   Layer.provide(SessionValidatorLive.layer().pipe(
 *     Layer.provide(Jwks.layerRemote()),
 *     Layer.provide(Verifier.layerWebCrypto)
 *   )),
 *   Layer.provide(DescopeHttp.layer),
 *   Layer.provide(DescopeConfig.layerConfig()),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<
  Service,
  never,
  DescopeHttp.DescopeHttp | SessionValidator | Scope.Scope
> = Effect.gen(function*() {
  const http = yield* DescopeHttp.DescopeHttp
  const validator = yield* SessionValidator
  // --- sessions ---
  const sessions = yield* Sessions.make(http, validator, { refreshGrace: http.config.refreshGrace })
  // --- management ---
  const mgmt = yield* Management.make(http, validator)
  return DescopeClient.of({
    config: http.config,
    // --- sessions ---
    ...sessions,
    // --- authentication flows ---
    otp: Otp.make(http, validator),
    magicLink: MagicLink.make(http, validator),
    enchantedLink: EnchantedLink.make(http, validator),
    oauth: OAuth.make(http, validator),
    saml: Saml.make(http, validator),
    sso: Sso.make(http, validator),
    totp: Totp.make(http, validator),
    password: Password.make(http, validator),
    webauthn: WebAuthn.make(http, validator),
    notp: Notp.make(http, validator),
    outbound: Outbound.make(http),
    flow: Flow.make(http),
    // --- management ---
    mgmt
  })
})

/** The client over the session validator of your choice; requires `DescopeConfig` and an `HttpClient` besides. */
const layerWithValidator = <E, R>(
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
 * The client over a configuration supplied separately: under {@link layer} /
 * {@link layerConfig}. Sessions are validated with the signing keys of the
 * keys endpoint, or with the configured `publicKey` (never fetched) when it is
 * set; an unusable `publicKey` fails the layer with a `ConfigError`.
 */
const layerWithoutConfig: Layer.Layer<
  DescopeClient,
  ConfigError.ConfigError,
  DescopeConfig.DescopeConfig | HttpClient.HttpClient
> = layerWithValidator(SessionValidatorLive.layerDefault())
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
  Exclude<R, DescopeHttp.DescopeHttp> | DescopeConfig.DescopeConfig | HttpClient.HttpClient
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
