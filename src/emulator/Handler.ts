/**
 * The pieces shared by the emulator's route handlers: the resolved
 * configuration, the environment (projects, clock, faults), the per-request
 * context and the route table entry.
 *
 * @since 0.1.0
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import type * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import { ErrorCodes } from "../core/DescopeError.js"
import { lazyParser } from "../internal/lazySchema.js"
import * as Endpoint from "../wire/Endpoint.js"
import type { Algorithm } from "./EmulatorKeys.js"
import type { ProjectState } from "./EmulatorState.js"
import type { Fault } from "./Faults.js"
import type * as Password from "./Password.js"
import type * as RateLimits from "./RateLimits.js"
import { type Json, WireError } from "./Wire.js"

/**
 * The resolved configuration (all durations in milliseconds).
 *
 * @since 0.1.0
 * @category models
 */
export interface Config {
  readonly algorithm: Algorithm
  readonly sessionTtlMs: number
  readonly refreshTtlMs: number
  readonly otpTtlMs: number
  readonly otpMaxAttempts: number
  readonly linkTtlMs: number
  readonly accessKeySessionTtlMs: number
  readonly issuerPrefix: string | undefined
  readonly defaultRedirectUrl: string
  /** Rate limits by bucket (`all`: every request), none by default. */
  readonly rateLimits: RateLimits.Limits
  readonly passwordPolicy: Password.Policy
  readonly totpIssuer: string
  readonly historyLimit: number
  readonly refreshTokenDelivery: "body" | "cookie" | "both"
  /** Whether a refresh answers a new refresh token and refuses the one it was given from then on. */
  readonly refreshTokenRotation: boolean
  /** Whether `/emulator/ui` (the inspector) is served. */
  readonly ui: boolean
  /** The `aud` claim of the session JWTs (none by default). */
  readonly sessionAudience?: string | ReadonlyArray<string> | undefined
}

/**
 * One request as the inspector lists it: never a header or a query string;
 * its bodies redacted (see `Redaction`).
 *
 * @since 0.2.0
 * @category models
 */
export interface RequestRecord {
  /** The request's number since the emulator started: 1, 2, ... */
  readonly seq: number
  readonly at: number
  readonly method: string
  readonly path: string
  readonly status: number
  readonly latencyMs: number
  readonly errorCode?: string | undefined
  readonly projectId?: string | undefined
  /** The request body as the route read it: absent when empty or not read (a GET, an injected fault ...). */
  readonly requestBody?: RedactedBody | undefined
  /** The response body: absent when empty. */
  readonly responseBody?: RedactedBody | undefined
}

/**
 * What the inspector shows of a body: its size, and the JSON it holds with
 * every string not known to be harmless redacted (see `Redaction`).
 *
 * @since 0.2.0
 * @category models
 */
export interface RedactedBody {
  /** The body's size in bytes. */
  readonly bytes: number
  /** Only the body's first 4096 bytes were kept: `json` is what they hold. */
  readonly truncated: boolean
  /** The body's JSON, redacted; absent when the body is not JSON. */
  readonly json?: unknown
}

/**
 * What the request log keeps of a body (see `BodyCapture`): all of it, or
 * its first bytes and its size.
 *
 * @since 0.2.0
 * @category models
 */
export interface CapturedBody {
  readonly kept: string | Uint8Array
  /** The whole body's size in bytes when `kept` is only its first bytes. */
  readonly bytes?: number | undefined
}

/**
 * One request as the request log keeps it: its bodies as sent, shown only
 * redacted (`RequestLog.view`).
 *
 * @since 0.2.0
 * @category models
 */
export interface LoggedRequest extends Omit<RequestRecord, "requestBody" | "responseBody"> {
  readonly requestBody?: CapturedBody | undefined
  readonly responseBody?: CapturedBody | undefined
}

/**
 * Everything a handler may use besides its request.
 *
 * @since 0.1.0
 * @category models
 */
export interface Env {
  readonly config: Config
  readonly projects: Map<string, ProjectState>
  readonly defaultProjectId: string
  /** Emulator time, epoch milliseconds (the captured `Clock` plus the advanced offset). */
  readonly now: Effect.Effect<number>
  readonly offset: Ref.Ref<number>
  readonly faults: Ref.Ref<ReadonlyArray<Fault>>
  readonly sleep: (millis: number) => Effect.Effect<void>
  readonly addProject: (projectId: string, managementKey: string | undefined) => Effect.Effect<ProjectState>
  readonly resetProject: (projectId: string) => Effect.Effect<void>
  /** The last requests to Descope's routes, oldest first (see `RequestLog`). */
  readonly requests: Array<LoggedRequest>
  /** Removes a project (never the default one); `false` when there was none. */
  readonly removeProject: (projectId: string) => Effect.Effect<boolean>
}

/**
 * The context of one request.
 *
 * @since 0.1.0
 * @category models
 */
export interface Ctx {
  readonly env: Env
  readonly p: ProjectState
  /** The JSON body when it is an object (`{}` otherwise); `null` members removed. */
  readonly body: Json
  /** The JSON body as sent (after `null` removal), e.g. a top-level array. */
  readonly raw: unknown
  readonly query: Readonly<Record<string, string>>
  readonly params: Readonly<Record<string, string | undefined>>
  /** The `Authorization` segment after the project id (a JWT, an access key or a management key). */
  readonly token: string | undefined
  /** Emulator time of the request, epoch milliseconds. */
  readonly now: number
  /** `http://<host>` of the request: the emulator's own base URL. */
  readonly baseUrl: string
  readonly method: string
  readonly path: string
  readonly remoteAddress: string
}

/**
 * What a handler answers: a JSON-able value (rendered with 200) or a ready response.
 *
 * @since 0.1.0
 * @category models
 */
export type Answer = unknown | HttpServerResponse.HttpServerResponse

/**
 * A handler.
 *
 * @since 0.1.0
 * @category models
 */
export type Handler = (ctx: Ctx) => Effect.Effect<Answer, WireError>

/**
 * How a route authenticates:
 * - `auth`: project from `Authorization` part 0 (or `x-descope-project-id`);
 * - `mgmt`: as `auth`, and part 1 must be a management key of the project;
 * - `public`: project from the `projectId` path parameter;
 * - `control`: emulator-only; project from `?projectId=` or the default.
 *
 * @since 0.1.0
 * @category models
 */
export type Access = "auth" | "mgmt" | "public" | "control"

/**
 * One route of the table.
 *
 * @since 0.1.0
 * @category models
 */
export interface Route {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"
  readonly path: string
  readonly access: Access
  readonly handler: Handler
  /** Run without the project lock (e.g. handlers that only sleep or read). */
  readonly unlocked?: boolean | undefined
  /** A route that only answers 501 "not emulated". */
  readonly stub?: boolean | undefined
  /** The catalogued endpoint the route serves, when it serves one. */
  readonly endpoint?: Endpoint.Endpoint.Any | undefined
  /**
   * The route's request decoded from a context exactly as its handler decodes
   * it (a route of {@link endpoint}): what the audit trail reads the request's
   * user and tenant from. A request it refuses is the handler's 400.
   */
  readonly decode?: ((ctx: Ctx) => Either.Either<unknown, WireError>) | undefined
}

/**
 * Route constructors.
 *
 * @since 0.1.0
 * @category constructors
 */
export const post = (path: string, access: Access, handler: Handler): Route => ({
  method: "POST",
  path,
  access,
  handler
})

/**
 * @since 0.1.0
 * @category constructors
 */
export const get = (path: string, access: Access, handler: Handler): Route => ({ method: "GET", path, access, handler })

/**
 * @since 0.1.0
 * @category constructors
 */
export const del = (path: string, access: Access, handler: Handler): Route => ({
  method: "DELETE",
  path,
  access,
  handler
})

/**
 * @since 0.1.0
 * @category constructors
 */
export const patch = (path: string, access: Access, handler: Handler): Route => ({
  method: "PATCH",
  path,
  access,
  handler
})

/**
 * The reply of a catalogued handler: the endpoint's answer (encoded with its
 * response `Schema`), or a ready response (e.g. with cookies).
 *
 * @since 0.2.0
 * @category models
 */
export type Reply<Res> = Res | HttpServerResponse.HttpServerResponse

/**
 * A route that serves a catalogued endpoint: the request (the JSON body, or the
 * query of a `GET` / `DELETE`) is decoded with the endpoint's request `Schema`,
 * leniently as Descope reads it (`null` members are absent, unknown members
 * ignored, numbers and booleans also as strings where the schema says so); a
 * request it refuses is a 400 naming the field, never a 500. The answer is
 * encoded with the endpoint's response `Schema`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const endpoint = <P extends string, Req, ReqI, Res, ResI>(
  e: Endpoint.Endpoint<P, Req, ReqI, Res, ResI>,
  handler: (ctx: Ctx, request: Req) => Effect.Effect<Reply<Res>, WireError>,
  options: { readonly unlocked?: boolean | undefined } = {}
): Route => {
  // the parsers are made on the route's first request, not when the route table is built (at import)
  const lenientRequest = lenient(e.request)
  const decode = (ctx: Ctx): Either.Either<Req, WireError> =>
    Either.mapLeft(lenientRequest(requestOf(e, ctx)), badRequest)
  const encode = lazyParser(() => Schema.encodeEither(e.response, { onExcessProperty: "ignore" }))
  return {
    method: e.method,
    path: Endpoint.routePath(e),
    access: accessOf(e),
    unlocked: options.unlocked,
    endpoint: e,
    decode,
    handler: (ctx) => {
      const decoded = decode(ctx)
      if (Either.isLeft(decoded)) return Effect.fail(decoded.left)
      return Effect.flatMap(handler(ctx, decoded.right), (reply): Effect.Effect<Answer> => {
        if (HttpServerResponse.isServerResponse(reply)) return Effect.succeed(reply)
        const encoded = encode(reply as Res)
        return Either.isRight(encoded)
          ? Effect.succeed(encoded.right)
          : Effect.die(new Error(`emulator answer of ${e.name} does not match its schema: ${encoded.left.message}`))
      })
    }
  }
}

/**
 * The decoder of a request `Schema`, as Descope reads a request: unknown
 * members ignored, the first refusal reported (`null` members were removed
 * with the body, see `RequestBody`). Made on its first call.
 */
const lenient = <A, I>(schema: Schema.Schema<A, I>) =>
  lazyParser(() => Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore", errors: "first" }))

/**
 * The handler of an emulator-only route (`/emulator/...`, access `control`)
 * whose request (the JSON body, or the query of a `GET` / `DELETE`) is decoded
 * with `request` as {@link endpoint} decodes a catalogued one: the same
 * lenience, and a request it refuses is the same 400 naming the field. The
 * control routes are not Descope's, so their schemas live beside them in the
 * emulator, not in the catalogue.
 *
 * @since 0.2.0
 * @category constructors
 */
export const decoding = <Req, ReqI>(
  request: Schema.Schema<Req, ReqI>,
  handler: (ctx: Ctx, request: Req) => Effect.Effect<Answer, WireError>
): Handler => {
  const decode = lenient(request)
  return (ctx) => {
    const decoded = decode(ctx.method === "GET" || ctx.method === "DELETE" ? ctx.query : ctx.raw ?? {})
    return Either.isLeft(decoded) ? Effect.fail(badRequest(decoded.left)) : handler(ctx, decoded.right)
  }
}

/** How a catalogued endpoint's route authenticates. */
const accessOf = (e: Endpoint.Endpoint.Any): Access =>
  e.credential === "management" ? "mgmt" : e.params.includes("projectId") ? "public" : "auth"

/** The request of a catalogued endpoint: the query, the body, or the body with its query fields. */
const requestOf = (e: Endpoint.Endpoint.Any, ctx: Ctx): unknown => {
  if (e.location === "query") return ctx.query
  if (e.queryFields.length === 0) return ctx.raw ?? {}
  const body = ctx.raw ?? {}
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body
  const request: Record<string, unknown> = { ...body }
  for (const field of e.queryFields) {
    const value = ctx.query[field]
    if (value !== undefined) request[field] = value
  }
  return request
}

/**
 * A catalogued endpoint the emulator does not emulate yet: it answers 501
 * "not emulated" (Descope-shaped), whatever the request, and the coverage
 * table does not count it.
 *
 * @since 0.2.0
 * @category constructors
 */
export const stub = (e: Endpoint.Endpoint.Any): Route => ({
  method: e.method,
  path: Endpoint.routePath(e),
  access: accessOf(e),
  unlocked: true,
  stub: true,
  endpoint: e,
  handler: notEmulated
})

/**
 * The answer of a route the emulator does not emulate: 501 "not emulated" (`E011008`).
 *
 * @since 0.2.0
 * @category routes
 */
export const notEmulated: Handler = (ctx) =>
  Effect.fail(
    new WireError({
      status: 501,
      errorCode: ErrorCodes.NotEmulated,
      errorDescription: "Not emulated",
      errorMessage: `${ctx.method} ${ctx.path} is not emulated by the Descope emulator`
    })
  )

/** A 400 naming the first refused field: "missing" for an absent one, else "invalid". */
const badRequest = (error: ParseResult.ParseError): WireError => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const field = issue === undefined || issue.path.length === 0 ? "body" : issue.path.map(String).join(".")
  return issue?._tag === "Missing"
    ? new WireError({
      status: 400,
      errorCode: ErrorCodes.MissingArguments,
      errorDescription: "Missing arguments",
      errorMessage: `Missing argument: ${field}`
    })
    : new WireError({
      status: 400,
      errorCode: ErrorCodes.InvalidArguments,
      errorDescription: "Invalid argument",
      errorMessage: `Invalid argument: ${field}${
        issue !== undefined ? ` (${issue.message.replace(/, actual [\s\S]*$/, "")})` : ""
      }`
    })
}
