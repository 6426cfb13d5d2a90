/**
 * The transport between descope-effect and `@effect/platform`'s `HttpClient`.
 *
 * It is the single place where HTTP becomes the SDK's typed errors. Every call
 * runs one plain Effect pipeline: the attempt (the `Authorization` header of
 * the endpoint's credential, the SDK headers, the JSON body or query, the
 * answer read up to a byte cap and decoded with its `Schema`) bounded by the
 * attempt timeout → retried while the failure `isRetryable` (a bounded,
 * jittered exponential `Schedule`) → bounded by the total timeout → in a
 * `descope.<operation>` span. Timeouts interrupt the attempt, which aborts its
 * request, whatever the `HttpClient`.
 *
 * @since 0.1.0
 */
import type * as Cookies from "@effect/platform/Cookies"
import type * as Headers from "@effect/platform/Headers"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as internal from "../internal/transport.js"
import type * as Endpoint from "../wire/Endpoint.js"
import type { DescopeConfig, Service as ConfigService } from "./DescopeConfig.js"
import { type InvalidArgumentError, RateLimitError, type RemoteError, TRANSIENT_STATUSES } from "./DescopeError.js"

export {
  /**
   * The statuses retried as transient, as the official SDKs do.
   *
   * @since 0.1.0
   * @category constants
   */
  TRANSIENT_STATUSES
}

/**
 * The HTTP methods Descope uses.
 *
 * @since 0.1.0
 * @category models
 */
export type Method = Endpoint.Method

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
  /** The path, with or without its leading slash (a catalogue entry's `path`, see `src/wire`). */
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
  /** An authentication call (the auth API and the signing keys). */
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
  /**
   * A call of a catalogued endpoint (`src/wire`): the request is encoded with
   * the endpoint's request `Schema` (a value it refuses is an
   * `InvalidArgumentError`, unsent), sent with the endpoint's credential, and
   * the answer decoded with its response `Schema`.
   */
  readonly call: <P extends string, Req, ReqI, Res, ResI>(
    endpoint: Endpoint.Endpoint<P, Req, ReqI, Res, ResI>,
    input: CallInput<P, Req>
  ) => Effect.Effect<Res, RemoteError | InvalidArgumentError>
  /** {@link Service.call}, also answering the response's status, headers and cookies. */
  readonly callFull: <P extends string, Req, ReqI, Res, ResI>(
    endpoint: Endpoint.Endpoint<P, Req, ReqI, Res, ResI>,
    input: CallInput<P, Req>
  ) => Effect.Effect<Response<Res>, RemoteError | InvalidArgumentError>
}

/**
 * The input of a catalogued call: the path parameters (when the path has
 * any), the request (optional when every field is), the token of a `refresh`
 * / `optionalRefresh` / `accessKey` credential, extra headers, and an
 * operation name for the span when it differs from the endpoint's.
 *
 * @since 0.2.0
 * @category models
 */
export type CallInput<P extends string, Req> =
  & ([P] extends [never] ? { readonly path?: undefined } : { readonly path: Readonly<Record<P, string>> })
  & ({} extends Req ? { readonly request?: Req | undefined } : { readonly request: Req })
  & {
    readonly token?: Redacted.Redacted<string> | string | undefined
    readonly headers?: Readonly<Record<string, string>> | undefined
    readonly operation?: string | undefined
    /**
     * Another base URL for this call (since 0.2.0): the FGA cache sidecar
     * (`fgaCacheUrl`); default the configured `baseUrl`.
     */
    readonly baseUrl?: string | undefined
    /**
     * An inbound application's token, sent as `Bearer <projectId>:<token>` in
     * place of the endpoint's credential (since 0.2.0; python-sdk's
     * `OutboundApplicationByToken`: no management key needed).
     */
    readonly inboundAppToken?: Redacted.Redacted<string> | string | undefined
  }

/**
 * The transport service tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class DescopeHttp extends Context.Tag("descope-effect/DescopeHttp")<DescopeHttp, Service>() {}

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
   * A timed-out attempt is interrupted, which aborts its request.
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
  /**
   * The largest response body read, in bytes; a larger one fails with
   * `TransportError` reason `ResponseTooLarge`, unread. Default: the
   * endpoint's own cap (the signing keys: 1 MiB), else the config's
   * `maxResponseBytes` (32 MiB).
   */
  readonly maxResponseBytes?: number | undefined
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
    Effect.flatMap(
      CurrentRequestOptions,
      (current) => Effect.provideService(self, CurrentRequestOptions, { ...current, ...options })
    )
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
 * @category constructors
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

/**
 * Builds the transport service from the configuration and an `HttpClient`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, HttpClient.HttpClient | DescopeConfig> = internal.make(
  CurrentRequestOptions,
  defaultRetrySchedule
)

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
export const interruptOnAbort =
  (request: HttpClientRequest.HttpClientRequest, signal: AbortSignal) =>
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
