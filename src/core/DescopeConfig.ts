/**
 * The configuration of descope-effect: project id, keys, base URL, timeouts.
 *
 * Build it explicitly with {@link layer} or from the environment with
 * {@link layerConfig} (`DESCOPE_PROJECT_ID`, `DESCOPE_MANAGEMENT_KEY`,
 * `DESCOPE_AUTH_MANAGEMENT_KEY`, `DESCOPE_BASE_URL` or `DESCOPE_BASE_URI`,
 * `DESCOPE_PUBLIC_KEY`). A missing or malformed value fails the layer build with
 * one `ConfigError`.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"

/**
 * A public JSON Web Key, as Descope publishes it.
 *
 * @since 0.1.0
 * @category models
 */
export interface PublicJwk {
  readonly kty: string
  readonly kid?: string | undefined
  readonly alg?: string | undefined
  readonly [key: string]: unknown
}

/**
 * The options accepted by {@link make} and {@link layer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The Descope project id (required). */
  readonly projectId: string
  /** The management key, required by every `client.mgmt` call. */
  readonly managementKey?: Redacted.Redacted<string> | string | undefined
  /** An auth management key, appended to the Authorization header of authentication calls. */
  readonly authManagementKey?: Redacted.Redacted<string> | string | undefined
  /** The API base URL; default: derived from the project id's region (see {@link baseUrlForProjectId}). */
  readonly baseUrl?: string | undefined
  /** A static public key (a JWK or a JWKS, as an object or JSON text): sessions are validated with it, no key is fetched. */
  readonly publicKey?: string | PublicJwk | { readonly keys: ReadonlyArray<PublicJwk> } | undefined
  /** The timeout of one HTTP attempt; default 60 seconds. */
  readonly requestTimeout?: Duration.DurationInput | undefined
  /** The clock leeway when checking `exp` / `nbf`; default 5 seconds. */
  readonly jwtLeeway?: Duration.DurationInput | undefined
  /**
   * How long a refresh's outcome is reused for the same refresh token after
   * it completes (never past the new session's `exp`); default 5 seconds;
   * `0` shares only refreshes in flight.
   */
  readonly refreshGrace?: Duration.DurationInput | undefined
  /** Headers added to every request. */
  readonly extraHeaders?: Readonly<Record<string, string>> | undefined
  /**
   * The largest response body read, in bytes; a larger one fails with
   * `TransportError` reason `ResponseTooLarge`, unread. Default 32 MiB (the
   * signing keys are capped at 1 MiB whatever this says).
   */
  readonly maxResponseBytes?: number | undefined
  /**
   * The URL of Descope's FGA cache sidecar (since 0.2.0): `mgmt.fga` `check`,
   * `saveSchema` and the relation writes go there first, and to Descope when
   * the cache cannot be reached (python-sdk's and node-sdk's `fgaCacheUrl`).
   */
  readonly fgaCacheUrl?: string | undefined
}

/**
 * The resolved configuration.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly projectId: string
  readonly managementKey: Option.Option<Redacted.Redacted<string>>
  readonly authManagementKey: Option.Option<Redacted.Redacted<string>>
  /** The base URL, without trailing slash. */
  readonly baseUrl: string
  /** The static public keys, when configured. */
  readonly publicKeys: Option.Option<ReadonlyArray<PublicJwk>>
  readonly requestTimeout: Duration.Duration
  readonly jwtLeeway: Duration.Duration
  /** How long a refresh's outcome is reused for the same refresh token. */
  readonly refreshGrace: Duration.Duration
  readonly extraHeaders: Readonly<Record<string, string>>
  /** The largest response body read, in bytes. */
  readonly maxResponseBytes: number
  /** The FGA cache sidecar's base URL, without trailing slash (since 0.2.0). */
  readonly fgaCacheUrl?: Option.Option<string> | undefined
}

/**
 * The configuration service.
 *
 * @since 0.1.0
 * @category tags
 */
export class DescopeConfig extends Context.Tag("descope-effect/DescopeConfig")<DescopeConfig, Service>() {}

/**
 * The default base URL.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_BASE_URL = "https://api.descope.com"

/**
 * The default timeout of one HTTP attempt.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_REQUEST_TIMEOUT: Duration.Duration = Duration.seconds(60)

/**
 * The default clock leeway for `exp` / `nbf`.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_JWT_LEEWAY: Duration.Duration = Duration.seconds(5)

/**
 * The default time a refresh's outcome is reused for the same refresh token.
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_REFRESH_GRACE: Duration.Duration = Duration.seconds(5)

/**
 * The default cap on a response body: 32 MiB (a project snapshot can be large).
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024

/**
 * The region rule: a project id of 32 or more characters selects the region
 * from its characters 1-4 (`https://api.<region>.descope.com`); any other gives
 * {@link DEFAULT_BASE_URL}.
 *
 * @since 0.1.0
 * @category getters
 */
export const baseUrlForProjectId = (projectId: string): string =>
  projectId.length >= 32 ? `https://api.${projectId.slice(1, 5)}.descope.com` : DEFAULT_BASE_URL

/**
 * Why a configuration value was refused.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidConfig extends Error {
  /** @since 0.1.0 */
  readonly _tag = "InvalidConfig"
  constructor(readonly key: string, readonly reason: string) {
    super(`${key}: ${reason}`)
  }
}

const redact = (value: Redacted.Redacted<string> | string | undefined): Option.Option<Redacted.Redacted<string>> => {
  if (value === undefined) return Option.none()
  const r = Redacted.isRedacted(value) ? value : Redacted.make(value)
  return Redacted.value(r) === "" ? Option.none() : Option.some(r)
}

const isJwk = (u: unknown): u is PublicJwk =>
  typeof u === "object" && u !== null && !Array.isArray(u) && typeof (u as { kty?: unknown }).kty === "string"

/**
 * Parses a static public key: a JWK or a JWKS, as an object or JSON text.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parsePublicKey = (input: Options["publicKey"]): Either.Either<ReadonlyArray<PublicJwk>, string> => {
  let value: unknown = input
  if (typeof input === "string") {
    try {
      value = JSON.parse(input)
    } catch {
      return Either.left("is not valid JSON (expected a JWK or a JWKS)")
    }
  }
  if (isJwk(value)) return Either.right([value])
  if (typeof value === "object" && value !== null && Array.isArray((value as { keys?: unknown }).keys)) {
    const keys = (value as { keys: Array<unknown> }).keys
    if (keys.length === 0) return Either.left("the JWKS holds no key")
    if (!keys.every(isJwk)) return Either.left("every key of the JWKS must be a JWK with a kty")
    return Either.right(keys as ReadonlyArray<PublicJwk>)
  }
  return Either.left("must be a JWK (with kty) or a JWKS ({ keys: [...] })")
}

const validateBaseUrl = (url: string): Either.Either<string, string> => {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return Either.left("must be an http(s) URL")
    return Either.right(url.replace(/\/+$/, ""))
  } catch {
    return Either.left("is not a valid URL")
  }
}

/** `Duration.decode` turns negative and NaN inputs into zero: catch them on the raw input. */
const isNegativeInput = (input: Duration.DurationInput | string): boolean => {
  if (typeof input === "number") return Number.isNaN(input) || input < 0
  if (typeof input === "bigint") return input < BigInt(0)
  if (typeof input === "string") return input.trim().startsWith("-")
  if (Array.isArray(input)) return input.some((n) => Number.isNaN(n) || n < 0)
  return false
}

const validateDuration = (
  key: string,
  input: Duration.DurationInput | undefined,
  fallback: Duration.Duration,
  options: { readonly positive: boolean }
) => {
  if (input === undefined) return Either.right(fallback)
  if (isNegativeInput(input)) return Either.left(new InvalidConfig(key, "must not be negative"))
  const decoded = Duration.decodeUnknown(input)
  if (Option.isNone(decoded)) return Either.left(new InvalidConfig(key, "is not a duration"))
  if (options.positive && Duration.isZero(decoded.value)) return Either.left(new InvalidConfig(key, "must be positive"))
  return Either.right(decoded.value)
}

/**
 * Validates options into a configuration.
 *
 * @since 0.1.0
 * @category constructors
 */
export const validate = (options: Options): Either.Either<Service, InvalidConfig> =>
  Either.gen(function*() {
    const projectId = options.projectId?.trim() ?? ""
    if (projectId === "") return yield* Either.left(new InvalidConfig("projectId", "is required"))
    if (!/^[A-Za-z0-9_-]+$/.test(projectId)) {
      return yield* Either.left(new InvalidConfig("projectId", "must hold only letters, digits, '-' and '_'"))
    }
    const baseUrl = options.baseUrl !== undefined && options.baseUrl.trim() !== ""
      ? yield* Either.mapLeft(validateBaseUrl(options.baseUrl.trim()), (r) => new InvalidConfig("baseUrl", r))
      : baseUrlForProjectId(projectId)
    const publicKeys = options.publicKey === undefined || options.publicKey === ""
      ? Option.none()
      : Option.some(yield* Either.mapLeft(parsePublicKey(options.publicKey), (r) => new InvalidConfig("publicKey", r)))
    const requestTimeout = yield* validateDuration("requestTimeout", options.requestTimeout, DEFAULT_REQUEST_TIMEOUT, {
      positive: true
    })
    const jwtLeeway = yield* validateDuration("jwtLeeway", options.jwtLeeway, DEFAULT_JWT_LEEWAY, { positive: false })
    const refreshGrace = yield* validateDuration("refreshGrace", options.refreshGrace, DEFAULT_REFRESH_GRACE, {
      positive: false
    })
    const fgaCacheUrl = options.fgaCacheUrl !== undefined && options.fgaCacheUrl.trim() !== ""
      ? Option.some(
        yield* Either.mapLeft(validateBaseUrl(options.fgaCacheUrl.trim()), (r) => new InvalidConfig("fgaCacheUrl", r))
      )
      : Option.none()
    const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes <= 0) {
      return yield* Either.left(new InvalidConfig("maxResponseBytes", "must be a positive whole number of bytes"))
    }
    return {
      projectId,
      managementKey: redact(options.managementKey),
      authManagementKey: redact(options.authManagementKey),
      baseUrl,
      publicKeys,
      requestTimeout,
      jwtLeeway,
      refreshGrace,
      extraHeaders: { ...options.extraHeaders },
      maxResponseBytes,
      fgaCacheUrl
    } satisfies Service
  })

/**
 * Builds the configuration, failing with a `ConfigError` on a missing or malformed value.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Effect.Effect<Service, ConfigError.ConfigError> =>
  Either.match(validate(options), {
    onLeft: (e) => Effect.fail(ConfigError.InvalidData([e.key], e.reason)),
    onRight: Effect.succeed
  })

/**
 * A layer from explicit options.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<DescopeConfig, ConfigError.ConfigError> =>
  Layer.effect(DescopeConfig, make(options))

/**
 * The `Config`s read by {@link layerConfig}; each may be replaced.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConfigOptions {
  readonly projectId?: Config.Config<string>
  readonly managementKey?: Config.Config<Option.Option<Redacted.Redacted<string>>>
  readonly authManagementKey?: Config.Config<Option.Option<Redacted.Redacted<string>>>
  readonly baseUrl?: Config.Config<Option.Option<string>>
  readonly publicKey?: Config.Config<Option.Option<string>>
  readonly requestTimeout?: Config.Config<Option.Option<Duration.Duration>>
  readonly jwtLeeway?: Config.Config<Option.Option<Duration.Duration>>
  readonly refreshGrace?: Config.Config<Option.Option<Duration.Duration>>
  /** The FGA cache sidecar's URL (since 0.2.0; default `DESCOPE_FGA_CACHE_URL`). */
  readonly fgaCacheUrl?: Config.Config<Option.Option<string>>
  /** Options that do not come from the environment (e.g. extra headers). */
  readonly extraHeaders?: Readonly<Record<string, string>>
}

/** `Config.duration`, refusing negative values (which `Duration.decode` turns into zero). */
const durationConfig = (name: string): Config.Config<Duration.Duration> =>
  Config.string(name).pipe(
    Config.mapOrFail((value) => {
      if (isNegativeInput(value)) return Either.left(ConfigError.InvalidData([], "must not be negative"))
      return Either.fromOption(
        Duration.decodeUnknown(value),
        () => ConfigError.InvalidData([], `expected a duration such as "30 seconds"`)
      )
    })
  )

/**
 * The default `Config`s: `DESCOPE_PROJECT_ID` (required), `DESCOPE_MANAGEMENT_KEY`,
 * `DESCOPE_AUTH_MANAGEMENT_KEY`, `DESCOPE_BASE_URL` (or `DESCOPE_BASE_URI`),
 * `DESCOPE_PUBLIC_KEY`, `DESCOPE_REQUEST_TIMEOUT`, `DESCOPE_JWT_LEEWAY`,
 * `DESCOPE_REFRESH_GRACE`, `DESCOPE_FGA_CACHE_URL`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultConfigs = {
  projectId: Config.nonEmptyString("DESCOPE_PROJECT_ID"),
  managementKey: Config.option(Config.redacted("DESCOPE_MANAGEMENT_KEY")),
  authManagementKey: Config.option(Config.redacted("DESCOPE_AUTH_MANAGEMENT_KEY")),
  baseUrl: Config.option(
    Config.string("DESCOPE_BASE_URL").pipe(Config.orElse(() => Config.string("DESCOPE_BASE_URI")))
  ),
  publicKey: Config.option(Config.string("DESCOPE_PUBLIC_KEY")),
  requestTimeout: Config.option(durationConfig("DESCOPE_REQUEST_TIMEOUT")),
  jwtLeeway: Config.option(durationConfig("DESCOPE_JWT_LEEWAY")),
  refreshGrace: Config.option(durationConfig("DESCOPE_REFRESH_GRACE")),
  fgaCacheUrl: Config.option(Config.string("DESCOPE_FGA_CACHE_URL"))
} as const

/**
 * Reads the configuration through Effect `Config`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromConfig = (configs: ConfigOptions = {}): Effect.Effect<Service, ConfigError.ConfigError> =>
  Effect.gen(function*() {
    const values = yield* Config.all({
      projectId: configs.projectId ?? defaultConfigs.projectId,
      managementKey: configs.managementKey ?? defaultConfigs.managementKey,
      authManagementKey: configs.authManagementKey ?? defaultConfigs.authManagementKey,
      baseUrl: configs.baseUrl ?? defaultConfigs.baseUrl,
      publicKey: configs.publicKey ?? defaultConfigs.publicKey,
      requestTimeout: configs.requestTimeout ?? defaultConfigs.requestTimeout,
      jwtLeeway: configs.jwtLeeway ?? defaultConfigs.jwtLeeway,
      refreshGrace: configs.refreshGrace ?? defaultConfigs.refreshGrace,
      fgaCacheUrl: configs.fgaCacheUrl ?? defaultConfigs.fgaCacheUrl
    })
    const validated = validate({
      projectId: values.projectId,
      managementKey: Option.getOrUndefined(values.managementKey),
      authManagementKey: Option.getOrUndefined(values.authManagementKey),
      baseUrl: Option.getOrUndefined(values.baseUrl),
      publicKey: Option.getOrUndefined(values.publicKey),
      requestTimeout: Option.getOrUndefined(values.requestTimeout),
      jwtLeeway: Option.getOrUndefined(values.jwtLeeway),
      refreshGrace: Option.getOrUndefined(values.refreshGrace),
      fgaCacheUrl: Option.getOrUndefined(values.fgaCacheUrl),
      extraHeaders: configs.extraHeaders
    })
    // name the environment variable, not the option, when the default Config was used
    return yield* Either.match(validated, {
      onLeft: (e) => {
        const key = e.key as keyof typeof defaultEnvNames
        const name = configs[key] === undefined ? defaultEnvNames[key] ?? e.key : e.key
        return Effect.fail(ConfigError.InvalidData([name], e.reason))
      },
      onRight: Effect.succeed
    })
  })

const defaultEnvNames = {
  projectId: "DESCOPE_PROJECT_ID",
  baseUrl: "DESCOPE_BASE_URL",
  publicKey: "DESCOPE_PUBLIC_KEY",
  requestTimeout: "DESCOPE_REQUEST_TIMEOUT",
  jwtLeeway: "DESCOPE_JWT_LEEWAY",
  refreshGrace: "DESCOPE_REFRESH_GRACE",
  fgaCacheUrl: "DESCOPE_FGA_CACHE_URL"
} as const

/**
 * A layer reading the environment (or the current `ConfigProvider`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (configs?: ConfigOptions): Layer.Layer<DescopeConfig, ConfigError.ConfigError> =>
  Layer.effect(DescopeConfig, fromConfig(configs))
