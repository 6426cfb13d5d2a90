/**
 * The transport's implementation: one plain Effect pipeline per call —
 * attempt (with its timeout) → retry while `isRetryable` → total timeout →
 * span — plus the reading of answers into the SDK's typed errors.
 *
 * @internal
 */
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FiberRef from "effect/FiberRef"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { DescopeConfig } from "../core/DescopeConfig.js"
import {
  AuthError,
  InvalidArgumentError,
  parseRetryAfter,
  RateLimitError,
  type RemoteError,
  TransportError
} from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import { DescopeRateLimits } from "../core/DescopeRateLimits.js"
import { SDK_NAME, SDK_VERSION } from "../core/version.js"
import * as Endpoint from "../wire/Endpoint.js"
import * as Timeout from "./timeout.js"
import {
  errorCodeOf,
  fieldOf,
  formatParseError,
  parseErrorBody,
  readBody,
  responseOf,
  safeCause
} from "./transportRead.js"
import { buildUrl, credentialOf, queryOf, splitQuery } from "./transportRequest.js"

/**
 * The headers that carry secrets (the management key, refresh tokens): they stay
 * redacted in the `HttpClient`'s span attributes even when an application
 * replaces `Headers.currentRedactedNames`.
 */
const SECRET_HEADER_NAMES: ReadonlyArray<string> = ["authorization", "cookie", "set-cookie"]

const withSecretHeaderNames = (names: ReadonlyArray<string | RegExp>): ReadonlyArray<string | RegExp> => [
  ...names,
  ...SECRET_HEADER_NAMES
]

/** Whether the redacted names already name every secret header (as plain, case-insensitive names). */
const coversSecretHeaderNames = (names: ReadonlyArray<string | RegExp>): boolean =>
  SECRET_HEADER_NAMES.every((secret) => names.some((n) => typeof n === "string" && n.toLowerCase() === secret))

/** Decoders and encoders built once per schema (a schema is usually a module constant). */
const decoders = new WeakMap<object, (u: unknown) => Either.Either<unknown, ParseResult.ParseError>>()
const encoders = new WeakMap<object, (u: unknown) => Either.Either<unknown, ParseResult.ParseError>>()

const decoderOf = <A, I>(
  schema: Schema.Schema<A, I, never>
): (u: unknown) => Either.Either<A, ParseResult.ParseError> => {
  let decode = decoders.get(schema)
  if (decode === undefined) {
    decode = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })
    decoders.set(schema, decode)
  }
  return decode as (u: unknown) => Either.Either<A, ParseResult.ParseError>
}

const encoderOf = <A, I>(
  schema: Schema.Schema<A, I, never>
): (u: unknown) => Either.Either<I, ParseResult.ParseError> => {
  let encode = encoders.get(schema)
  if (encode === undefined) {
    encode = Schema.encodeUnknownEither(schema, { onExcessProperty: "ignore" })
    encoders.set(schema, encode)
  }
  return encode as (u: unknown) => Either.Either<I, ParseResult.ParseError>
}

/** Whether a Debug line would be logged at all (the fiber's minimum log level; the runtime checks the same). */
const debugLogged = (level: LogLevel.LogLevel): boolean => !LogLevel.greaterThan(level, LogLevel.Debug)

const pathOf = (path: string): string => `/${path.replace(/^\/+/, "")}`

const requestIdOf = (headers: Headers.Headers): string | undefined =>
  Option.getOrUndefined(Headers.get(headers, "x-request-id")) ??
    Option.getOrUndefined(Headers.get(headers, "x-descope-request-id"))

/** What a call needs from its fiber, read once up front. */
interface FiberInputs {
  readonly options: DescopeHttp.RequestOptions
  readonly debug: boolean
  readonly redact: boolean
}

/**
 * The credential a request is sent with: the endpoint's, or an inbound
 * application's token in place of it (`Bearer <projectId>:<token>`, nothing appended).
 */
type Sent = DescopeHttp.Credential | "management" | {
  readonly _tag: "InboundAppToken"
  readonly token: Redacted.Redacted<string>
}

/** What one request to Descope is made of, after the caller's input was checked. */
export interface Prepared {
  readonly method: Endpoint.Method
  readonly path: string
  readonly query?: Readonly<Record<string, DescopeHttp.QueryValue>> | undefined
  readonly body?: unknown
  readonly operation: string
  readonly schema: Schema.Schema<unknown, unknown, never>
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly maxResponseBytes?: number | undefined
  /** The rate-limit bucket (default: `mgmt` for management calls, else `auth`). */
  readonly bucket?: Endpoint.Bucket | undefined
  /** Another base URL than the configured one (the FGA cache). */
  readonly baseUrl?: string | undefined
}

/**
 * Builds the transport service from the configuration and an `HttpClient`.
 */
export const make = (
  currentRequestOptions: Context.Reference<DescopeHttp.CurrentRequestOptions, DescopeHttp.RequestOptions>,
  defaultRetrySchedule: DescopeHttp.RequestOptions["retry"]
): Effect.Effect<DescopeHttp.Service, never, HttpClient.HttpClient | DescopeConfig> =>
  Effect.gen(function*() {
    const config = yield* DescopeConfig
    // No trace headers to Descope, and no per-attempt `http.client` span: on a failure that span would end
    // with the platform's RequestError, which holds the request and its Authorization header (a secret).
    // The `descope.<operation>` span carries the method, path, status and error code instead.
    const client = (yield* HttpClient.HttpClient).pipe(
      HttpClient.withTracerPropagation(false),
      HttpClient.withTracerDisabledWhen(() => true)
    )
    const configHost = hostOf(config.baseUrl)

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
    const authHeader = (credential: Sent): string => {
      if (credential === "management") return managementAuthorization ?? ""
      if (credential._tag === "InboundAppToken") {
        return authorization([config.projectId, Redacted.value(credential.token)])
      }
      const segments = [config.projectId]
      if (credential._tag === "Token") {
        segments.push(Redacted.value(credential.token))
      }
      if (Option.isSome(config.authManagementKey)) segments.push(Redacted.value(config.authManagementKey.value))
      return authorization(segments)
    }

    // The platform's default `Headers.currentRedactedNames` already names the secret headers; the
    // fiber-local override is only needed when an application replaced them (remembered per array).
    let coveringNames: ReadonlyArray<string | RegExp> | undefined
    const needsRedaction = (names: ReadonlyArray<string | RegExp>): boolean => {
      if (names === coveringNames) return false
      if (coversSecretHeaderNames(names)) {
        coveringNames = names
        return false
      }
      return true
    }

    const defaultTimeout = config.requestTimeout
    const gate = Option.getOrUndefined(yield* Effect.serviceOption(DescopeRateLimits))

    const execute = (
      spec: Prepared,
      credential: Sent
    ): Effect.Effect<DescopeHttp.Response<unknown>, RemoteError> => {
      const method = spec.method
      const path = pathOf(spec.path)
      const url = buildUrl(spec.baseUrl ?? config.baseUrl, spec.path, spec.query)
      const host = spec.baseUrl === undefined ? configHost : hostOf(spec.baseUrl)
      const hasBody = spec.body !== undefined && method !== "GET" && method !== "DELETE"
      const headers: Record<string, string> = spec.headers === undefined
        ? { ...baseHeaders, authorization: authHeader(credential) }
        : { ...baseHeaders, ...spec.headers, authorization: authHeader(credential) }
      let request = HttpClientRequest.make(method)(url).pipe(HttpClientRequest.setHeaders(headers))
      if (hasBody) request = HttpClientRequest.bodyText(request, JSON.stringify(spec.body), "application/json")
      const decode = decoderOf(spec.schema)
      const transportError = (
        reason: TransportError["reason"],
        extra: Partial<ConstructorParameters<typeof TransportError>[0]> = {}
      ) => new TransportError({ reason, method, path, host, ...extra })

      const handle = (
        response: HttpClientResponse.HttpClientResponse,
        text: string
      ): Effect.Effect<DescopeHttp.Response<unknown>, RemoteError> => {
        const status = response.status
        if (status >= 200 && status < 300) {
          // an empty (or blank) body is `{}`
          let json: unknown = {}
          if (text.length > 0 && text.trim() !== "") {
            try {
              json = JSON.parse(text)
            } catch {
              return Effect.fail(
                transportError(
                  "Decode",
                  withRequestId(response, { status, description: "the response body is not JSON" })
                )
              )
            }
          }
          const decoded = decode(json)
          if (Either.isRight(decoded)) return Effect.succeed(responseOf(decoded.right, response))
          return Effect.fail(
            transportError(
              "Decode",
              withRequestId(response, { status, description: formatParseError(decoded.left, json) })
            )
          )
        }
        const errorBody = parseErrorBody(text)
        const requestId = requestIdOf(response.headers)
        const withId = requestId !== undefined ? { requestId } : {}
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
                  ...withId
                })
              )
            }
            if (status >= 400 && status < 500) return Effect.fail(new AuthError({ status, ...errorBody, ...withId }))
            return Effect.fail(
              transportError("ServerError", {
                status,
                ...errorBody,
                description: `Descope answered ${status}`,
                ...withId
              })
            )
          })
        ))
      }

      /** A failure of the client itself: no answer, or an answer that could not be read. */
      const clientFailed = (e: HttpClientError.HttpClientError): Effect.Effect<never, TransportError> => {
        if (e._tag === "ResponseError") {
          return Effect.fail(transportError("Network", { description: "the response could not be read" }))
        }
        const code = errorCodeOf(e.cause)
        const description = code === "ECONNREFUSED"
          ? `connection refused by ${host}`
          : code !== undefined
          ? `network error ${code} ${host}`
          : `${e.reason} error reaching ${host}`
        return Effect.fail(
          transportError("Network", { description, cause: safeCause(e), ...(code !== undefined ? { code } : {}) })
        )
      }

      /** The body as text, read only up to the cap (`ResponseTooLarge` beyond it). */
      const readText = (
        response: HttpClientResponse.HttpClientResponse,
        cap: number
      ): Effect.Effect<string, TransportError> =>
        readBody(response, cap, {
          tooLarge: () =>
            transportError("ResponseTooLarge", {
              status: response.status,
              description: `the response body is larger than ${cap} bytes`
            }),
          readFailed: () =>
            transportError("Network", {
              status: response.status,
              description: "the connection failed while reading the response"
            })
        })

      /** One attempt: the request sent, the answer read and handled (decoded, or Descope's error). */
      const attempt = (redact: boolean, cap: number): Effect.Effect<DescopeHttp.Response<unknown>, RemoteError> => {
        const sent = redact
          ? Effect.locallyWith(client.execute(request), Headers.currentRedactedNames, withSecretHeaderNames)
          : client.execute(request)
        return Effect.flatMap(
          Effect.catchAll(sent, clientFailed),
          (response) => Effect.flatMap(readText(response, cap), (text) => handle(response, text))
        )
      }

      const timeoutError = (timeout: Duration.Duration) =>
        transportError("Timeout", { description: `no answer within ${Duration.format(timeout)}` })

      const pipeline = (inputs: FiberInputs): Effect.Effect<DescopeHttp.Response<unknown>, RemoteError> => {
        const options = inputs.options
        const timeout = options.timeout !== undefined ? Duration.decode(options.timeout) : defaultTimeout
        const total = options.totalTimeout !== undefined
          ? Duration.decode(options.totalTimeout)
          : Duration.times(timeout, 2)
        const schedule = options.retry === undefined ? defaultRetrySchedule : options.retry
        const cap = options.maxResponseBytes ?? spec.maxResponseBytes ?? config.maxResponseBytes
        // attempt timeout → retry while retryable → total timeout
        const once = Timeout.timeoutFail(attempt(inputs.redact, cap), {
          duration: timeout,
          onTimeout: () => timeoutError(timeout)
        })
        const bounded = <X>(self: Effect.Effect<X, RemoteError>, duration: Duration.Duration) =>
          Timeout.timeoutFail(self, { duration, onTimeout: () => timeoutError(total) })
        if (schedule === false || schedule === undefined) {
          return Duration.lessThan(total, timeout)
            ? bounded(once, total)
            : once
        }
        if (Duration.lessThanOrEqualTo(total, timeout)) {
          return bounded(Effect.retry(once, { schedule, while: isRetryable }), total)
        }
        // The first attempt ends (by its own timeout at the latest) before the total bound could, so
        // the total bound is only raced once a retry is due, for the time left: the same outcome as
        // `timeoutFail(retry(once), total)` with one timer per call instead of two.
        return Effect.flatMap(Clock.currentTimeMillis, (start) =>
          Effect.catchIf(once, isRetryable, (first) =>
            Effect.flatMap(Clock.currentTimeMillis, (now) => {
              let replay = true
              const again = Effect.suspend(() => {
                if (!replay) {
                  return once
                }
                replay = false
                return Effect.fail(first)
              })
              return bounded(
                Effect.retry(again, { schedule, while: isRetryable }),
                Duration.subtract(total, Duration.millis(now - start))
              )
            })))
      }

      // → span: `descope.<operation>`, with the method, path and status; the debug line of the outcome
      // only when Debug is logged at all. No call-site capture: it would point here, the same for every call.
      const call = Effect.withFiberRuntime<DescopeHttp.Response<unknown>, RemoteError>((fiber) => {
        const inputs: FiberInputs = {
          options: Context.get(fiber.currentContext, currentRequestOptions),
          debug: debugLogged(fiber.getFiberRef(FiberRef.currentMinimumLogLevel)),
          redact: needsRedaction(fiber.getFiberRef(Headers.currentRedactedNames))
        }
        return pipeline(inputs).pipe(
          Effect.tap((response) =>
            Effect.annotateCurrentSpan("http.response.status_code", response.status)
          ),
          inputs.debug ? logOutcome(method, path) : (self) => self,
          Effect.withSpan(`descope.${spec.operation}`, {
            kind: "client",
            captureStackTrace: false,
            attributes: { "descope.project_id": config.projectId, "http.request.method": method, "url.path": path }
          })
        )
      })
      return gate === undefined
        ? call
        : gate.limit(config.projectId, spec.bucket ?? (credential === "management" ? "mgmt" : "auth"), call)
    }

    const missingManagementKey = Effect.fail(
      new InvalidArgumentError({
        field: "managementKey",
        reason: "a management key is required for management calls (DESCOPE_MANAGEMENT_KEY)"
      })
    )

    const requestFull = <A, I>(spec: DescopeHttp.RequestSpec<A, I> & { readonly credential: DescopeHttp.Credential }) =>
      execute(spec as Prepared, spec.credential) as Effect.Effect<DescopeHttp.Response<A>, RemoteError>

    const callFull = <P extends string, Req, ReqI, Res, ResI>(
      endpoint: Endpoint.Endpoint<P, Req, ReqI, Res, ResI>,
      input: DescopeHttp.CallInput<P, Req>
    ): Effect.Effect<DescopeHttp.Response<Res>, RemoteError | InvalidArgumentError> => {
      const inbound = input.inboundAppToken
      const credential: Sent | undefined = inbound !== undefined
        ? { _tag: "InboundAppToken", token: Redacted.isRedacted(inbound) ? inbound : Redacted.make(inbound) }
        : credentialOf(endpoint, input.token)
      if (credential === undefined) {
        return Effect.fail(
          new InvalidArgumentError({
            field: endpoint.credential === "accessKey" ? "accessKey" : "refreshToken",
            reason: endpoint.credential === "accessKey" ? "an access key is required" : "a refresh token is required"
          })
        )
      }
      if (credential === "management" && managementAuthorization === undefined) return missingManagementKey
      const encoded = encoderOf(endpoint.request)((input as { readonly request?: unknown }).request ?? {})
      if (Either.isLeft(encoded)) {
        return Effect.fail(
          new InvalidArgumentError({ field: fieldOf(encoded.left), reason: formatParseError(encoded.left, undefined) })
        )
      }
      const spec: Prepared = {
        method: endpoint.method,
        path: Endpoint.pathOf(endpoint as Endpoint.Endpoint.Any, input.path),
        operation: input.operation ?? endpoint.name,
        schema: endpoint.response as Schema.Schema<unknown, unknown, never>,
        headers: input.headers,
        maxResponseBytes: endpoint.maxResponseBytes,
        bucket: endpoint.bucket,
        ...(input.baseUrl !== undefined ? { baseUrl: input.baseUrl } : {}),
        ...(endpoint.location === "query"
          ? { query: queryOf(encoded.right) }
          : endpoint.queryFields.length === 0
          ? { body: encoded.right }
          : splitQuery(encoded.right, endpoint.queryFields))
      }
      return execute(spec, credential) as Effect.Effect<DescopeHttp.Response<Res>, RemoteError>
    }

    return {
      config,
      requestFull,
      request: (spec) => Effect.map(requestFull(spec), (r) => r.body),
      management: (spec) =>
        managementAuthorization === undefined
          ? missingManagementKey
          : Effect.map(execute(spec as Prepared, "management"), (r) => r.body as never),
      callFull,
      call: (endpoint, input) => Effect.map(callFull(endpoint, input), (r) => r.body)
    }
  })

const isRetryable = (e: RemoteError): boolean => e._tag === "TransportError" && e.isRetryable

const withRequestId = (
  response: HttpClientResponse.HttpClientResponse,
  fields: Partial<ConstructorParameters<typeof TransportError>[0]>
): Partial<ConstructorParameters<typeof TransportError>[0]> => {
  const requestId = requestIdOf(response.headers)
  return requestId !== undefined ? { ...fields, requestId } : fields
}

const logOutcome =
  (method: string, path: string) => <A>(self: Effect.Effect<A, RemoteError>): Effect.Effect<A, RemoteError> =>
    Effect.onExit(self, (exit) => {
      if (exit._tag === "Success") {
        return Effect.logDebug(`descope ${method} ${path} -> ${(exit.value as { status?: number }).status ?? ""}`)
      }
      const failure = Cause.failureOption(exit.cause)
      return Option.isSome(failure)
        ? Effect.logDebug(`descope ${method} ${path} failed: ${failure.value._tag}`)
        : Effect.void
    })

const hostOf = (baseUrl: string): string => {
  try {
    return new URL(baseUrl).host
  } catch {
    return baseUrl
  }
}
