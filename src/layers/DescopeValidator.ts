/**
 * `DescopeValidator`: session validation and the role / permission checks
 * with the project's public key, and nothing else. It needs no `HttpClient`
 * and never calls Descope: for services that only validate the sessions
 * another service issued, edge functions (with the WebCrypto verifier) and
 * workers.
 *
 * Its layers live here, in the `ValidationOnly` namespace of the main entry
 * and of `descope-effect/validation` (the smallest entry point, for services
 * that only validate): {@link layer} (explicit options) and
 * {@link layerConfig} (the environment).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { DescopeValidator, ValidationOnly } from "descope-effect/validation"
 *
 * // the public key from Descope's console (a JWK or a JWKS, as JSON) or GET /v2/keys/<project id>
 * const ValidatorLive = ValidationOnly.layer({ projectId: "P2abc", publicKey: process.env.DESCOPE_PUBLIC_KEY ?? "" })
 *
 * export const isAdmin = (sessionToken: string) =>
 *   Effect.gen(function*() {
 *     const validator = yield* DescopeValidator
 *     const session = yield* validator.validateSession(sessionToken)
 *     return validator.validateRoles(session, ["admin"])
 *   }).pipe(Effect.provide(ValidatorLive))
 * ```
 *
 * @since 0.2.0
 */
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { makeValidation, type ValidationApi } from "../auth/Sessions.js"
import * as DescopeConfig from "../core/DescopeConfig.js"
import * as Jwks from "../core/Jwks.js"
import { SessionValidator } from "../core/Session.js"
import * as SessionValidatorLive from "../core/SessionValidatorLive.js"
import * as Verifier from "../core/Verifier.js"

/**
 * The validator's operations: `validateSession`, the `validate*` /
 * `getMatched*` checks and the `require*` checks that fail with `ForbiddenError`
 * (the same as `DescopeClient`'s), plus the configuration.
 *
 * @since 0.2.0
 * @category models
 */
export interface Service extends ValidationApi {
  readonly config: DescopeConfig.Service
}

/**
 * The validation-only service.
 *
 * @since 0.2.0
 * @category tags
 */
export class DescopeValidator extends Context.Tag("descope-effect/DescopeValidator")<DescopeValidator, Service>() {}

/**
 * Which signature verifier: `node:crypto` (`"node"`), WebCrypto through `jose`
 * (`"webcrypto"`, for edge runtimes without `node:crypto`), or `"auto"` (the
 * default: Node's when `node:crypto` is there).
 *
 * @since 0.2.0
 * @category models
 */
export type VerifierChoice = "auto" | "node" | "webcrypto"

/**
 * Options of {@link layer}.
 *
 * @since 0.2.0
 * @category models
 */
export interface Options extends SessionValidatorLive.Options {
  /** The Descope project id (the tokens' issuer). */
  readonly projectId: string
  /** The project's public key(s): a JWK, a JWKS, or either as JSON. */
  readonly publicKey: NonNullable<DescopeConfig.Options["publicKey"]>
  /** Clock skew tolerated on `exp` / `nbf` (default 5 seconds). */
  readonly jwtLeeway?: DescopeConfig.Options["jwtLeeway"]
  /** The signature verifier (default `"auto"`). */
  readonly verifier?: VerifierChoice | undefined
}

const verifierLayer = (choice: VerifierChoice | undefined): Layer.Layer<Verifier.Verifier> =>
  choice === "node" ? Verifier.layerNode : choice === "webcrypto" ? Verifier.layerWebCrypto : Verifier.layer

/** The configured public keys; a configuration without any fails. */
const jwksFromConfig: Layer.Layer<Jwks.Jwks, ConfigError.ConfigError, DescopeConfig.DescopeConfig> = Layer.effect(
  Jwks.Jwks,
  Effect.flatMap(DescopeConfig.DescopeConfig, (config) =>
    Option.match(config.publicKeys, {
      onNone: () =>
        Effect.fail(
          ConfigError.MissingData(
            ["DESCOPE_PUBLIC_KEY"],
            "validation without an HttpClient needs the project's public key (publicKey / DESCOPE_PUBLIC_KEY)"
          )
        ),
      onSome: (keys) => Effect.map(Jwks.staticKeys(keys), Jwks.makeStatic)
    }))
)

/**
 * Builds the service from a session validator and the configuration.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, SessionValidator | DescopeConfig.DescopeConfig> = Effect.gen(
  function*() {
    const validator = yield* SessionValidator
    const config = yield* DescopeConfig.DescopeConfig
    return DescopeValidator.of({ config, ...makeValidation(validator) })
  }
)

/** The validator over a configuration supplied separately (with a `publicKey`): under {@link layer} / {@link layerConfig}. */
const layerWithoutConfig = (
  options: SessionValidatorLive.Options & { readonly verifier?: VerifierChoice | undefined } = {}
): Layer.Layer<DescopeValidator, ConfigError.ConfigError, DescopeConfig.DescopeConfig> =>
  Layer.effect(DescopeValidator, make).pipe(
    Layer.provide(
      SessionValidatorLive.layer(options).pipe(
        Layer.provide(jwksFromConfig),
        Layer.provide(verifierLayer(options.verifier))
      )
    )
  )

/**
 * The validator from explicit options: no `HttpClient`, no call to Descope.
 * An unusable public key fails the layer with a `ConfigError`. On an edge
 * runtime without `node:crypto`, the WebCrypto verifier is chosen (or ask for
 * it with `verifier: "webcrypto"`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { DescopeValidator, ValidationOnly } from "descope-effect"
 *
 * const ValidatorLive = ValidationOnly.layer({
 *   projectId: "P2abc",
 *   publicKey: process.env.DESCOPE_PUBLIC_KEY ?? "", // a JWK or a JWKS, as JSON
 *   verifier: "webcrypto"
 * })
 *
 * export const userId = (token: string) =>
 *   Effect.flatMap(DescopeValidator, (v) => v.validateSession(token)).pipe(
 *     Effect.map((session) => session.userId),
 *     Effect.provide(ValidatorLive)
 *   )
 * ```
 *
 * @since 0.2.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<DescopeValidator, ConfigError.ConfigError> =>
  layerWithoutConfig(options).pipe(
    Layer.provide(
      DescopeConfig.layer({
        projectId: options.projectId,
        publicKey: options.publicKey,
        ...(options.jwtLeeway !== undefined ? { jwtLeeway: options.jwtLeeway } : {})
      })
    )
  )

/**
 * The validator from the environment (`DESCOPE_PROJECT_ID`, `DESCOPE_PUBLIC_KEY`,
 * `DESCOPE_JWT_LEEWAY`); a missing public key fails the layer with a `ConfigError`.
 *
 * @since 0.2.0
 * @category layers
 */
export const layerConfig = (
  configs?: DescopeConfig.ConfigOptions,
  options: SessionValidatorLive.Options & { readonly verifier?: VerifierChoice | undefined } = {}
): Layer.Layer<DescopeValidator, ConfigError.ConfigError> =>
  layerWithoutConfig(options).pipe(Layer.provide(DescopeConfig.layerConfig(configs)))
