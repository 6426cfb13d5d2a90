/**
 * The transport between descope-effect and `@effect/platform`'s `HttpClient`.
 *
 * It is the single place where HTTP becomes the SDK's typed errors: it builds
 * the `Authorization` header of every form Descope uses, adds the SDK headers,
 * joins the URL, applies the per-attempt and total timeouts, retries transient
 * failures with a bounded jittered exponential `Schedule`, decodes bodies with
 * `effect/Schema`, and runs every call in a `descope.<area>.<operation>` span.
 *
 * @since 0.1.0
 */
import * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import { DescopeConfig, type Service as ConfigService } from "./DescopeConfig.js"
import {
  AuthError,
  InvalidArgumentError,
  parseRetryAfter,
  RateLimitError,
  type RemoteError,
  TransportError
} from "./DescopeError.js"
import { SDK_NAME, SDK_VERSION } from "./version.js"

/**
 * The HTTP methods Descope uses.
 *
 * @since 0.1.0
 * @category models
 */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/**
 * What follows the project id in `Authorization: Bearer <projectId>[:...]`.
 *
 * - `Project`: nothing (`Bearer <projectId>`), plus the auth management key when configured.
 * - `Token`: a refresh JWT or an access key (`Bearer <projectId>:<token>`), plus the auth
 *   management key when configured (`Bearer <projectId>:<token>:<authManagementKey>`).
 * - `OptionalToken`: `Token` when a token is given, else `Project`.
 *
 * Management calls use {@link Service.management}, which sends the management key.
 *
 * @since 0.1.0
 * @category models
 */
export type Credential =
  | { readonly _tag: "Project" }
  | { readonly _tag: "Token"; readonly token: Redacted.Redacted<string> }

/**
 * The credential `Bearer <projectId>` (plus the auth management key when configured).
 *
 * @since 0.1.0
 * @category constructors
 */
export const projectCredential: Credential = { _tag: "Project" }

/**
 * The credential `Bearer <projectId>:<token>` (plus the auth management key when configured).
 *
 * @since 0.1.0
 * @category constructors
 */
export const tokenCredential = (token: Redacted.Redacted<string> | string): Credential => ({
  _tag: "Token",
  token: Redacted.isRedacted(token) ? token : Redacted.make(token)
})

/**
 * A query parameter value; `undefined` values are left out.
 *
 * @since 0.1.0
 * @category models
 */
export type QueryValue = string | number | boolean | undefined

/**
 * One request to Descope.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestSpec<A, I> {
  readonly method: Method
  /** The path, with or without its leading slash, e.g. `/v1/auth/otp/verify/email`. */
  readonly path: string
  /** Query parameters, sent in insertion order, values URI-encoded. */
  readonly query?: Readonly<Record<string, QueryValue>> | undefined
  /** The JSON body; GET and DELETE never carry one. */
  readonly body?: unknown
  /** The operation name; the span is `descope.<operation>`, e.g. `otp.signUp`. */
  readonly operation: string
  /** The schema of the 2xx body. */
  readonly schema: Schema.Schema<A, I, never>
  /** Extra headers for this request. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/**
 * A decoded response, with the headers and cookies an operation may need.
 *
 * @since 0.1.0
 * @category models
 */
export interface Response<A> {
  readonly body: A
  readonly status: number
  readonly headers: Headers.Headers
  readonly cookies: Cookies.Cookies
}

/**
 * The transport service.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The resolved configuration. */
  readonly config: ConfigService
  /** An authentication call (`/v1/auth/...`, `/v2/keys/...`). */
  readonly request: <A, I>(
    spec: RequestSpec<A, I> & { readonly credential: Credential }
  ) => Effect.Effect<A, RemoteError>
  /** An authentication call that also returns the response's headers and cookies. */
  readonly requestFull: <A, I>(
    spec: RequestSpec<A, I> & { readonly credential: Credential }
  ) => Effect.Effect<Response<A>, RemoteError>
  /**
   * A management call (`Bearer <projectId>:<managementKey>`). Without a
   * management key it fails with `InvalidArgumentError` and sends nothing.
   */
  readonly management: <A, I>(spec: RequestSpec<A, I>) => Effect.Effect<A, RemoteError | InvalidArgumentError>
}

/**
 * The transport service tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class DescopeHttp extends Context.Tag("descope-effect/DescopeHttp")<DescopeHttp, Service>() {}

/**
 * The statuses retried as transient, as the official SDKs do.
 *
 * @since 0.1.0
 * @category constants
 */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([503, 520, 521, 522, 524, 530])

/**
 * The default transient-retry schedule: exponential from 100 ms (factor 2),
 * jittered, at most 3 retries.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultRetrySchedule: Schedule.Schedule<unknown, unknown> = Schedule.exponential("100 millis", 2).pipe(
  Schedule.jittered,
  Schedule.intersect(Schedule.recurs(3))
)

/**
 * Per-call transport options; see {@link withRequestOptions}.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestOptions {
  /**
   * The timeout of one attempt; default: the config's `requestTimeout` (60 s).
   * Under the live clock a timed-out attempt is ended by aborting its request
   * through the `AbortSignal` that `HttpClient.make` hands to the client (every
   * `@effect/platform` client passes it on; a hand-written one uses
   * {@link interruptOnAbort}); under any other clock (e.g. `TestClock`) the
   * attempt is interrupted as by `Effect.timeoutFail`.
   */
  readonly timeout?: Duration.DurationInput | undefined
  /** The bound on the whole call, retries included; default: twice the attempt timeout. */
  readonly totalTimeout?: Duration.DurationInput | undefined
  /**
   * The schedule of transient retries (503, 520, 521, 522, 524, 530, a refused
   * connection, and a timed-out or failed GET); `false` switches retries off.
   * Default: {@link defaultRetrySchedule}.
   */
  readonly retry?: Schedule.Schedule<unknown, RemoteError> | false | undefined
}

/**
 * The ambient per-call options read by the transport (empty by default).
 *
 * @since 0.1.0
 * @category tags
 */
export class CurrentRequestOptions extends Context.Reference<CurrentRequestOptions>()(
  "descope-effect/CurrentRequestOptions",
  { defaultValue: (): RequestOptions => ({}) }
) {}

/**
 * Overrides the timeout and retry policy of every Descope call inside `self`.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { DescopeClient, withRequestOptions } from "descope-effect"
 *
 * const program = Effect.flatMap(DescopeClient, (client) => client.mgmt.user.load("a@b.c")).pipe(
 *   withRequestOptions({ timeout: "5 seconds", retry: false })
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const withRequestOptions: {
  (options: RequestOptions): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, options: RequestOptions): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, options: RequestOptions): Effect.Effect<A, E, R> =>
    Effect.flatMap(CurrentRequestOptions, (current) =>
      Effect.provideService(self, CurrentRequestOptions, { ...current, ...options }))
)

/**
 * A bounded schedule that retries `RateLimitError`s after exactly their
 * `retryAfter` (opt-in: rate limits are not retried by default). It gives up
 * after `times` retries (default 3), or at once when Descope asks to wait longer
 * than `maxRetryAfter` (default 60 s). Other errors are not retried.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { DescopeClient, retryOnRateLimit } from "descope-effect"
 *
 * const program = Effect.flatMap(DescopeClient, (client) => client.mgmt.tenant.loadAll()).pipe(
 *   Effect.retry(retryOnRateLimit())
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const retryOnRateLimit = (
  options: { readonly times?: number; readonly maxRetryAfter?: Duration.DurationInput } = {}
): Schedule.Schedule<unknown, unknown> => {
  const maxWait = Duration.decode(options.maxRetryAfter ?? "60 seconds")
  return Schedule.recurs(Math.max(0, options.times ?? 3)).pipe(
    Schedule.zipRight(Schedule.identity<unknown>()),
    Schedule.whileInput((e: unknown) =>
      e instanceof RateLimitError && Duration.lessThanOrEqualTo(e.retryAfter, maxWait)
    ),
    Schedule.addDelay((e) => (e instanceof RateLimitError ? e.retryAfter : Duration.zero))
  )
}

// ---------------------------------------------------------------------------
// internals
// ---------------------------------------------------------------------------

/**
 * Marks the errors that the transient-retry schedule may retry. A hidden
 * property, not a `WeakSet`: `Effect.fail` inside a span wraps the error in a
 * `Proxy`, so the retry predicate never sees the very object that was marked.
 */
const TransientId: unique symbol = Symbol.for("descope-effect/DescopeHttp/transient")

const markTransient = (e: TransportError): TransportError => {
  Object.defineProperty(e, TransientId, { value: true, enumerable: false })
  return e
}

const isTransient = (e: RemoteError): boolean =>
  e._tag === "TransportError" && (e as unknown as { readonly [TransientId]?: unknown })[TransientId] === true

/**
 * Builds a request URL as the official SDKs do (§1.1): the base without its
 * trailing `/`, the path without its leading `/`, joined by one `/`; query keys
 * raw, values URI-encoded, `undefined` values left out, in insertion order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const buildUrl = (baseUrl: string, path: string, query?: Readonly<Record<string, QueryValue>>): string => {
  const base = baseUrl.replace(/\/+$/, "")
  const cleanPath = path.replace(/^\/+/, "")
  let url = `${base}/${cleanPath}`
  if (query !== undefined) {
    const parts: Array<string> = []
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue
      parts.push(`${key}=${encodeURIComponent(String(value))}`)
    }
    if (parts.length > 0) url += `?${parts.join("&")}`
  }
  return url
}

/**
 * The headers that carry secrets (the management key, refresh tokens): they stay
 * redacted in the `HttpClient`'s span attributes even when an application
 * replaces `Headers.currentRedactedNames`.
 */
const withSecretHeaderNames = (names: ReadonlyArray<string | RegExp>): ReadonlyArray<string | RegExp> => [
  ...names,
  "authorization",
  "cookie",
  "set-cookie"
]

const SECRET_HEADER_NAMES: ReadonlyArray<string> = ["authorization", "cookie", "set-cookie"]

/** Whether the redacted names already name every secret header (as plain, case-insensitive names). */
const coversSecretHeaderNames = (names: ReadonlyArray<string | RegExp>): boolean =>
  SECRET_HEADER_NAMES.every((secret) => names.some((n) => typeof n === "string" && n.toLowerCase() === secret))

/** Decoders built once per response schema (a schema is usually a module constant). */
const decoders = new WeakMap<object, (u: unknown) => Either.Either<unknown, ParseResult.ParseError>>()

const decoderOf = <A, I>(schema: Schema.Schema<A, I, never>): (u: unknown) => Either.Either<A, ParseResult.ParseError> => {
  let decode = decoders.get(schema)
  if (decode === undefined) {
    decode = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })
    decoders.set(schema, decode)
  }
  return decode as (u: unknown) => Either.Either<A, ParseResult.ParseError>
}

/** The constructor of Effect's live clock: timeouts under it need no sleeping fiber (see `timeoutFail`). */
const LiveClock: unknown = Clock.make().constructor

/** The longest delay of a JS timer; the live clock's `sleep` never ends for a longer one. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * `Effect.timeoutFail` with one forked fiber instead of two under the live
 * clock: `self` runs in a child fiber (as in `timeoutFail`), and the wait for
 * it is raced with a timer instead of a second, sleeping fiber. The outcomes
 * are those of `Effect.timeoutFail`: `self`'s exit (its fiber refs inherited
 * on success), or, when the time is up, the child interrupted (and awaited)
 * and then the `onTimeout` error. Any other clock (e.g. `TestClock`) gets
 * `Effect.timeoutFail` itself.
 */
const timeoutFail = <A, E, E2>(
  self: Effect.Effect<A, E>,
  duration: Duration.Duration,
  onTimeout: () => E2
): Effect.Effect<A, E | E2> =>
  Effect.clockWith((clock) => {
    if (clock.constructor !== LiveClock) return Effect.timeoutFail(self, { duration, onTimeout })
    const millis = Duration.toMillis(duration)
    return Effect.uninterruptibleMask((restore) =>
      Effect.flatMap(Effect.fork(restore(self)), (fiber) => {
        // true: the fiber is done; false: the time is up
        const done = Effect.async<boolean>((resume) => {
          let settled = false
          const timer = millis > MAX_TIMER_MILLIS ? undefined : setTimeout(() => {
            if (settled) return
            settled = true
            fiber.removeObserver(observer)
            resume(Effect.succeed(false))
          }, millis)
          const observer = () => {
            if (settled) return
            settled = true
            if (timer !== undefined) clearTimeout(timer)
            resume(Effect.succeed(true))
          }
          fiber.addObserver(observer)
          return Effect.sync(() => {
            settled = true
            if (timer !== undefined) clearTimeout(timer)
            fiber.removeObserver(observer)
          })
        })
        return Effect.flatMap(
          Effect.onInterrupt(restore(done), () => Fiber.interrupt(fiber)),
          (isDone): Effect.Effect<A, E | E2> =>
            isDone ? Fiber.join(fiber) : Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(onTimeout()))
        )
      })
    )
  })

/** Whether a Debug line would be logged at all (the fiber's minimum log level; the runtime checks the same). */
const debugLogged = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  !LogLevel.greaterThan(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Debug)

const pathOf = (path: string): string => `/${path.replace(/^\/+/, "")}`

const requestIdOf = (headers: Headers.Headers): string | undefined =>
  Option.getOrUndefined(Headers.get(headers, "x-request-id")) ??
    Option.getOrUndefined(Headers.get(headers, "x-descope-request-id"))

interface ErrorBody {
  readonly errorCode?: string
  readonly errorDescription?: string
  readonly errorMessage?: string
}

const str = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined)

const parseErrorBody = (text: string): ErrorBody => {
  try {
    const json: unknown = JSON.parse(text)
    if (typeof json !== "object" || json === null) return {}
    const o = json as Record<string, unknown>
    const body: { -readonly [K in keyof ErrorBody]: ErrorBody[K] } = {}
    const code = str(o.errorCode)
    const description = str(o.errorDescription)
    const message = str(o.errorMessage)
    if (code !== undefined) body.errorCode = code
    if (description !== undefined) body.errorDescription = description
    if (message !== undefined) body.errorMessage = message
    return body
  } catch {
    return {}
  }
}

const causeChain = (u: unknown): Array<unknown> => {
  const chain: Array<unknown> = []
  let current = u
  for (let i = 0; i < 6 && current !== undefined && current !== null; i++) {
    chain.push(current)
    current = typeof current === "object" && "cause" in current ? (current as { cause: unknown }).cause : undefined
  }
  return chain
}

const errorCodeOf = (u: unknown): string | undefined => {
  for (const c of causeChain(u)) {
    if (typeof c === "object" && c !== null && typeof (c as { code?: unknown }).code === "string") {
      return (c as { code: string }).code
    }
  }
  return undefined
}

/** The innermost cause of a request error, never the request itself (its headers hold secrets). */
const safeCause = (e: HttpClientError.RequestError): unknown => {
  const chain = causeChain(e.cause)
  const last = chain[chain.length - 1]
  if (last instanceof Error) {
    const copy = new Error(last.message)
    copy.name = last.name
    const code = errorCodeOf(e.cause)
    if (code !== undefined) (copy as Error & { code?: string }).code = code
    return copy
  }
  return undefined
}

/** The kind of a JSON value, never the value itself (a response may hold tokens). */
const kindOf = (u: unknown): string =>
  u === null ? "null" : Array.isArray(u) ? "an array" : typeof u === "object" ? "an object" : `a ${typeof u}`

const valueAt = (json: unknown, path: ReadonlyArray<PropertyKey>): unknown => {
  let current = json
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/**
 * Names each failing field; the offending value is described by its kind only,
 * since Schema's messages print it (`actual "eyJ..."`) and it may be a token.
 */
const formatParseError = (error: ParseResult.ParseError, json: unknown): string => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  return issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length === 0 ? "(body)" : issue.path.map(String).join(".")
      const message = issue.message.replace(/, actual [\s\S]*$/, `, actual ${kindOf(valueAt(json, issue.path))}`)
      return `field "${field}": ${message}`
    })
    .join("; ")
}

/**
 * A decoded response whose headers and cookies are read from the client's
 * response only when asked for (most calls need the body alone), once.
 */
const responseOf = <A>(body: A, response: HttpClientResponse.HttpClientResponse): Response<A> => {
  let headers: Headers.Headers | undefined
  return {
    body,
    status: response.status,
    get headers() {
      return headers ??= response.headers
    },
    get cookies() {
      return response.cookies
    }
  }
}

/**
 * Builds the transport service from the configuration and an `HttpClient`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, HttpClient.HttpClient | DescopeConfig> = Effect.gen(function*() {
  const config = yield* DescopeConfig
  // No trace headers to Descope, and no per-attempt `http.client` span: on a failure that span would end
  // with the platform's RequestError, which holds the request and its Authorization header (a secret).
  // The `descope.<operation>` span carries the method, path, status and error code instead.
  const client = (yield* HttpClient.HttpClient).pipe(
    HttpClient.withTracerPropagation(false),
    HttpClient.withTracerDisabledWhen(() => true)
  )

  const nodeVersion = typeof process !== "undefined" && process.versions?.node !== undefined
    ? process.versions.node
    : undefined
  const baseHeaders: Record<string, string> = {
    ...config.extraHeaders,
    "x-descope-project-id": config.projectId,
    "x-descope-sdk-name": SDK_NAME,
    "x-descope-sdk-version": SDK_VERSION
  }
  if (nodeVersion !== undefined) baseHeaders["x-descope-sdk-node-version"] = nodeVersion

  const authorization = (segments: ReadonlyArray<string>): string => `Bearer ${segments.join(":")}`

  // the management header is the same for every call: built once
  const managementAuthorization = Option.isSome(config.managementKey)
    ? authorization([config.projectId, Redacted.value(config.managementKey.value)])
    : undefined

  const authHeader = (credential: Credential | "management"): string => {
    if (credential === "management") {
      return managementAuthorization ?? authorization([config.projectId, Redacted.value(Option.getOrThrow(config.managementKey))])
    }
    const segments = [config.projectId]
    if (credential._tag === "Token") segments.push(Redacted.value(credential.token))
    if (Option.isSome(config.authManagementKey)) segments.push(Redacted.value(config.authManagementKey.value))
    return authorization(segments)
  }

  // The request is sent with the secret header names redacted. They are in the platform's default
  // `Headers.currentRedactedNames`, so the fiber-local override is only needed when an application
  // replaced them (the check is remembered per names array: it is usually the very same array).
  let coveringNames: ReadonlyArray<string | RegExp> | undefined
  /** Whether the fiber's redacted header names miss a secret header (then `send` adds them). */
  const needsRedaction = (names: ReadonlyArray<string | RegExp>): boolean => {
    if (names === coveringNames) return false
    if (coversSecretHeaderNames(names)) {
      coveringNames = names
      return false
    }
    return true
  }
  const send = (request: HttpClientRequest.HttpClientRequest, redact: boolean) =>
    redact
      ? Effect.locallyWith(client.execute(request), Headers.currentRedactedNames, withSecretHeaderNames)
      : client.execute(request)
  // The same client with each request tied to a `Scope`: closing the scope aborts the request
  // through the `AbortSignal` that `HttpClient.make` hands to the implementation (see `attempt`).
  const scopedClient = HttpClient.withScope(client)
  const sendScoped = (request: HttpClientRequest.HttpClientRequest, redact: boolean) =>
    redact
      ? Effect.locallyWith(scopedClient.execute(request), Headers.currentRedactedNames, withSecretHeaderNames)
      : scopedClient.execute(request)

  // the defaults of the per-call options, resolved once
  const defaultTimeout = config.requestTimeout
  const defaultTotal = Duration.times(defaultTimeout, 2)

  const execute = <A, I>(
    spec: RequestSpec<A, I>,
    credential: Credential | "management"
  ): Effect.Effect<Response<A>, RemoteError> => {
    const method = spec.method
    const path = pathOf(spec.path)
    const url = buildUrl(config.baseUrl, spec.path, spec.query)
    const hasBody = spec.body !== undefined && method !== "GET" && method !== "DELETE"
    const headers: Record<string, string> = spec.headers === undefined
      ? { ...baseHeaders, authorization: authHeader(credential) }
      : { ...baseHeaders, ...spec.headers, authorization: authHeader(credential) }
    let request = HttpClientRequest.make(method)(url).pipe(HttpClientRequest.setHeaders(headers))
    if (hasBody) {
      request = HttpClientRequest.bodyText(request, JSON.stringify(spec.body), "application/json")
    }
    const idempotent = method === "GET"
    const decode = decoderOf(spec.schema)

    const transportError = (
      reason: TransportError["reason"],
      extra: Partial<ConstructorParameters<typeof TransportError>[0]> = {}
    ) => new TransportError({ reason, method, path, ...extra })

    const handle = (
      response: HttpClientResponse.HttpClientResponse,
      text: string
    ): Effect.Effect<Response<A>, RemoteError> => {
      const status = response.status
      if (status >= 200 && status < 300) {
        // an empty (or blank) body is `{}`
        let json: unknown = {}
        let parsed = true
        if (text.length > 0) {
          try {
            json = JSON.parse(text)
          } catch {
            parsed = text.trim() === ""
          }
        }
        if (!parsed) {
          const requestId = requestIdOf(response.headers)
          return Effect.fail(
            transportError("Decode", {
              status,
              description: "the response body is not JSON",
              ...(requestId !== undefined ? { requestId } : {})
            })
          )
        }
        const decoded = decode(json)
        if (Either.isRight(decoded)) return Effect.succeed(responseOf(decoded.right, response))
        const requestId = requestIdOf(response.headers)
        return Effect.fail(
          transportError("Decode", {
            status,
            description: formatParseError(decoded.left, json),
            ...(requestId !== undefined ? { requestId } : {})
          })
        )
      }
      const requestId = requestIdOf(response.headers)
      const withRequestId = requestId !== undefined ? { requestId } : {}
      const errorBody = parseErrorBody(text)
      return Effect.annotateCurrentSpan({
        "http.response.status_code": status,
        ...(errorBody.errorCode !== undefined ? { "descope.error_code": errorBody.errorCode } : {})
      }).pipe(Effect.zipRight(
        Effect.flatMap(Clock.currentTimeMillis, (now): Effect.Effect<never, RemoteError> => {
          if (status === 429) {
            return Effect.fail(
              new RateLimitError({
                retryAfter: parseRetryAfter(Option.getOrUndefined(Headers.get(response.headers, "retry-after")), now),
                ...errorBody,
                ...withRequestId
              })
            )
          }
          if (status >= 400 && status < 500) {
            return Effect.fail(new AuthError({ status, ...errorBody, ...withRequestId }))
          }
          const error = transportError("ServerError", {
            status,
            ...errorBody,
            description: `Descope answered ${status}`,
            ...withRequestId
          })
          return Effect.fail(TRANSIENT_STATUSES.has(status) ? markTransient(error) : error)
        })
      ))
    }

    /** A failure of the client itself: no answer, or an answer that could not be read. */
    const clientFailed = (e: HttpClientError.HttpClientError): Effect.Effect<never, TransportError> => {
      if (e._tag === "ResponseError") {
        return Effect.fail(markIf(idempotent, transportError("Network", { description: "the response could not be read" })))
      }
      const code = errorCodeOf(e.cause)
      const refused = code === "ECONNREFUSED"
      const error = transportError("Network", {
        description: refused ? "connection refused" : code !== undefined ? `network error ${code}` : e.reason,
        cause: safeCause(e)
      })
      return Effect.fail(markIf(refused || idempotent, error))
    }

    /** One exchange: the request sent, the answer read and handled (decoded, or Descope's error). */
    const exchange = <R>(sent: Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError, R>) =>
      Effect.flatMap(Effect.catchAll(sent, clientFailed), (response) =>
        Effect.matchEffect(response.text, {
          onFailure: () =>
            Effect.fail(
              markIf(
                idempotent,
                transportError("Network", {
                  status: response.status,
                  description: "the connection failed while reading the response"
                })
              )
            ),
          onSuccess: (text) => handle(response, text)
        }))

    const timeoutError = (timeout: Duration.Duration) =>
      markIf(idempotent, transportError("Timeout", { description: `no answer within ${Duration.format(timeout)}` }))

    // Under the live clock the attempt runs in the caller's fiber, with no fiber to race it: a
    // timer closes the request's scope, which aborts the request (and the reading of its body)
    // through its `AbortSignal`; the abort error that follows is reported as the timeout.
    // Under any other clock (e.g. `TestClock`), `Effect.timeoutFail`.
    const attempt = (timeout: Duration.Duration, live: boolean, redact: boolean): Effect.Effect<Response<A>, RemoteError> => {
      if (!live) {
        return Effect.timeoutFail(exchange(send(request, redact)), {
          duration: timeout,
          onTimeout: () => timeoutError(timeout)
        })
      }
      const millis = Duration.toMillis(timeout)
      return Effect.flatMap(Scope.make(), (scope) => {
        let timedOut = false
        const timer = millis > MAX_TIMER_MILLIS ? undefined : setTimeout(() => {
          timedOut = true
          Effect.runFork(Scope.close(scope, Exit.void))
        }, millis)
        return exchange(Effect.provideService(sendScoped(request, redact), Scope.Scope, scope)).pipe(
          Effect.catchAllCause((cause) => (timedOut ? Effect.fail(timeoutError(timeout)) : Effect.failCause(cause))),
          // A failed or interrupted attempt aborts its request (its connection is not reused
          // half-read); a complete one has nothing left to abort, and its scope is dropped
          // unclosed (aborting would only cost the making of an `AbortError`).
          Effect.onExit((exit) => {
            if (timer !== undefined) clearTimeout(timer)
            return Exit.isSuccess(exit) ? Effect.void : Scope.close(scope, Exit.void)
          })
        )
      })
    }

    const call = (
      options: RequestOptions,
      clock: Clock.Clock,
      redact: boolean
    ): Effect.Effect<Response<A>, RemoteError> => {
      const live = clock.constructor === LiveClock
      const timeout = options.timeout !== undefined ? Duration.decode(options.timeout) : defaultTimeout
      const total = options.totalTimeout !== undefined
        ? Duration.decode(options.totalTimeout)
        : options.timeout !== undefined
        ? Duration.times(timeout, 2)
        : defaultTotal
      const schedule = options.retry === undefined ? defaultRetrySchedule : options.retry
      const totalTimeout = (duration: Duration.Duration) => <X>(self: Effect.Effect<X, RemoteError>) =>
        timeoutFail(
          self,
          duration,
          () => transportError("Timeout", { description: `no answer within ${Duration.format(total)}` })
        )
      if (Duration.lessThanOrEqualTo(total, timeout)) {
        // the total bound ends the first attempt before its own timeout: both bounds as they are
        const once = attempt(timeout, live, redact)
        return totalTimeout(total)(schedule === false ? once : Effect.retry(once, { schedule, while: isTransient }))
      }
      // one attempt, which its own (shorter) timeout ends before the total bound could
      if (schedule === false) return attempt(timeout, live, redact)
      // The first attempt ends (by its own timeout at the latest) before the total bound could, so the
      // total bound only starts racing once a retry is due, for the time that is left. The retries are
      // those of `Effect.retry(attempt, { schedule, while })` from the start: the schedule is fed the
      // first failure, then runs the next attempts.
      const start = clock.unsafeCurrentTimeMillis()
      return Effect.catchIf(attempt(timeout, live, redact), isTransient, (first) => {
        const left = Duration.subtract(total, Duration.millis(clock.unsafeCurrentTimeMillis() - start))
        let replay = true
        const again = Effect.suspend(() => {
          if (!replay) return attempt(timeout, live, redact)
          replay = false
          return Effect.fail(first)
        })
        return totalTimeout(left)(Effect.retry(again, { schedule, while: isTransient }))
      })
    }

    // `Effect.withSpan` spelled out (`useSpan` + `withParentSpan`), so that the outcome is
    // handled in one step with the span at hand: the status attribute on success, and the
    // debug line (success, or a failure `tapError` would see) only when Debug is logged at all.
    // What the call needs from its fiber (options, clock, log level, redacted header names) is
    // read once, up front. No call-site capture: it would point at this function, the same for
    // every call.
    return Effect.useSpan(`descope.${spec.operation}`, {
      kind: "client",
      captureStackTrace: false,
      attributes: {
        "descope.project_id": config.projectId,
        "http.request.method": method,
        "url.path": path
      }
    }, (span) =>
      Effect.withParentSpan(
        Effect.withFiberRuntime<Response<A>, RemoteError>((fiber) => {
          const options = Context.get(fiber.currentContext, CurrentRequestOptions)
          const clock = Context.get(fiber.currentDefaultServices, Clock.Clock)
          const debug = debugLogged(fiber)
          const redact = needsRedaction(fiber.getFiberRef(Headers.currentRedactedNames))
          return Effect.matchCauseEffect(call(options, clock, redact), {
            onSuccess: (response) => {
              span.attribute("http.response.status_code", response.status)
              return debug
                ? Effect.as(Effect.logDebug(`descope ${method} ${path} -> ${response.status}`), response)
                : Effect.succeed(response)
            },
            onFailure: (cause) => {
              if (!debug) return Effect.failCause(cause)
              const failure = Cause.failureOption(cause)
              return Option.isSome(failure)
                ? Effect.zipRight(
                  Effect.logDebug(`descope ${method} ${path} failed: ${failure.value._tag}`),
                  Effect.failCause(cause)
                )
                : Effect.failCause(cause)
            }
          })
        }),
        span
      ))
  }

  const markIf = (condition: boolean, e: TransportError): TransportError => (condition ? markTransient(e) : e)

  const requestFull = <A, I>(spec: RequestSpec<A, I> & { readonly credential: Credential }) =>
    execute(spec, spec.credential)

  return DescopeHttp.of({
    config,
    requestFull,
    request: (spec) => Effect.map(requestFull(spec), (r) => r.body),
    management: (spec) =>
      Option.isNone(config.managementKey)
        ? Effect.fail(
          new InvalidArgumentError({
            field: "managementKey",
            reason: "a management key is required for management calls (DESCOPE_MANAGEMENT_KEY)"
          })
        )
        : Effect.map(execute(spec, "management"), (r) => r.body)
  })
})

/**
 * The transport layer; requires the configuration and an `HttpClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<DescopeHttp, never, HttpClient.HttpClient | DescopeConfig> = Layer.effect(
  DescopeHttp,
  make
)

/**
 * Makes the effect of a hand-written `HttpClient` honor the request's
 * `AbortSignal`: when the signal aborts first, the effect is interrupted and
 * the call fails with a `RequestError` (reason `Transport`, the abort reason as
 * its cause). Under the live clock the transport ends a timed-out attempt by
 * aborting its request (see {@link RequestOptions}); a client built with
 * `HttpClient.make` over `fetch`, undici or `node:http` passes the signal on
 * already, while one that answers with an effect of its own (a mock, an
 * in-process server) wraps that effect with this.
 *
 * @example
 * ```ts
 * import * as HttpClient from "@effect/platform/HttpClient"
 * import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
 * import * as Effect from "effect/Effect"
 * import { interruptOnAbort } from "descope-effect"
 *
 * const slow = HttpClient.make((request, _url, signal) =>
 *   Effect.as(Effect.sleep("10 seconds"), HttpClientResponse.fromWeb(request, new Response("{}"))).pipe(
 *     interruptOnAbort(request, signal)
 *   )
 * )
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const interruptOnAbort = (request: HttpClientRequest.HttpClientRequest, signal: AbortSignal) =>
<A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E | HttpClientError.RequestError, R> => {
  const aborted = (): HttpClientError.RequestError =>
    new HttpClientError.RequestError({
      request,
      reason: "Transport",
      description: "the request was aborted",
      cause: signal.reason
    })
  if (signal.aborted) return Effect.fail(aborted())
  return Effect.raceFirst(
    self,
    Effect.async<never, HttpClientError.RequestError>((resume) => {
      const onAbort = () => resume(Effect.fail(aborted()))
      signal.addEventListener("abort", onAbort, { once: true })
      return Effect.sync(() => signal.removeEventListener("abort", onAbort))
    })
  )
}

/**
 * A schema for operations whose answer Descope leaves empty (`{}`): any JSON is accepted.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EmptyResponse: Schema.Schema<unknown> = Schema.Unknown
