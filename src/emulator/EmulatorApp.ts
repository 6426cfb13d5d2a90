/**
 * The emulator's HTTP application: one `@effect/platform` `HttpRouter` over
 * the route table, speaking Descope's wire. Around every handler it resolves
 * the project from `Authorization`, checks management keys, applies injected
 * faults and the optional rate limiter, parses JSON bodies (`null` = absent),
 * runs the handler under the project's lock and renders Descope error bodies.
 * Unknown paths answer 404, known paths with another method 405, malformed
 * JSON 400, a body over the size limit 413: always with a JSON body.
 *
 * Browsers: CORS is off unless origins are named ({@link AppOptions}); a
 * request whose `Origin` is not named gets no CORS headers, and is refused
 * with 403 on the emulator-only routes (`/emulator/...`, the outbox among
 * them), so a web page cannot drive a developer's emulator or read its codes.
 *
 * @since 0.1.0
 */
import * as FileSystem from "@effect/platform/FileSystem"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import type * as Endpoint from "../wire/Endpoint.js"
import * as AuditTrail from "./AuditTrail.js"
import * as BodyCapture from "./BodyCapture.js"
import type { ProjectState } from "./EmulatorState.js"
import * as Faults from "./Faults.js"
import type { Ctx, Env, Route } from "./Handler.js"
import * as InboundAppToken from "./mgmt/InboundAppToken.js"
import * as RateLimits from "./RateLimits.js"
import { parseJson, readText, tooLarge } from "./RequestBody.js"
import * as RequestLog from "./RequestLog.js"
import { Codes, isObject, WireError } from "./Wire.js"

/**
 * Renders a Descope error body.
 *
 * @since 0.1.0
 * @category rendering
 */
export const errorResponse = (e: WireError): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.unsafeJson(
    {
      errorCode: e.errorCode,
      errorDescription: e.errorDescription,
      ...(e.errorMessage !== undefined ? { errorMessage: e.errorMessage } : {})
    },
    { status: e.status, ...(e.headers !== undefined ? { headers: e.headers } : {}) }
  )

/**
 * The parts of an `Authorization: Bearer <projectId>[:<token>[:<authManagementKey>]]` header.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseAuthorization = (
  header: string | undefined
): { readonly projectId: string | undefined; readonly token: string | undefined } => {
  if (header === undefined) return { projectId: undefined, token: undefined }
  const value = header.replace(/^Bearer\s+/i, "").trim()
  if (value === "") return { projectId: undefined, token: undefined }
  const [projectId, token] = value.split(":")
  return { projectId: projectId || undefined, token: token || undefined }
}

const pathRegex = (path: string): RegExp =>
  new RegExp(
    `^${
      path.split("/").map((seg) => (seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join(
        "/"
      )
    }/?$`
  )

const takeFault = (env: Env, method: string, path: string): Effect.Effect<Faults.Fault | undefined> =>
  Ref.modify(env.faults, (faults) => {
    const fault = faults.find((f) => Faults.applies(f, method, path))
    if (fault === undefined) return [undefined, faults]
    fault.hits += 1
    if (fault.remaining !== undefined) fault.remaining -= 1
    return [fault, fault.remaining !== undefined && fault.remaining <= 0 ? faults.filter((f) => f !== fault) : faults]
  })

const resolveProject = (
  env: Env,
  route: Route,
  req: HttpServerRequest.HttpServerRequest,
  params: Readonly<Record<string, string | undefined>>,
  query: Readonly<Record<string, string>>,
  authProject: string | undefined
): Effect.Effect<ProjectState, WireError> => {
  const projectId = route.access === "public"
    ? params.projectId
    : route.access === "control"
    ? query.projectId ?? env.defaultProjectId
    : authProject ?? req.headers["x-descope-project-id"]
  if (projectId === undefined || projectId === "") {
    return Effect.fail(
      new WireError({
        status: 401,
        errorCode: Codes.Unauthorized,
        errorDescription: "Unauthorized",
        errorMessage: "missing project id in Authorization"
      })
    )
  }
  const p = env.projects.get(projectId)
  return p === undefined
    ? Effect.fail(
      new WireError({
        status: route.access === "public" ? 404 : 401,
        errorCode: Codes.Unauthorized,
        errorDescription: "Unauthorized",
        errorMessage: "unknown project id"
      })
    )
    : Effect.succeed(p)
}

/** Renders an answer; logins carry their tokens in cookies too when so configured. */
const withTokenCookies = (env: Env, answer: unknown): HttpServerResponse.HttpServerResponse => {
  const delivery = env.config.refreshTokenDelivery
  if (
    delivery === "body" || !isObject(answer) || typeof answer.refreshJwt !== "string" ||
    typeof answer.sessionJwt !== "string"
  ) {
    return HttpServerResponse.unsafeJson(answer)
  }
  const { refreshJwt, ...rest } = answer
  const maxAge = typeof answer.cookieMaxAge === "number" ? answer.cookieMaxAge : undefined
  const options = {
    path: "/",
    httpOnly: true,
    sameSite: "strict" as const,
    ...(maxAge !== undefined ? { maxAge: `${maxAge} seconds` as const } : {})
  }
  return HttpServerResponse.unsafeJson(delivery === "cookie" ? rest : answer).pipe(
    HttpServerResponse.unsafeSetCookies([["DS", answer.sessionJwt, options], ["DSR", refreshJwt, options]])
  )
}

/** A route's handler, around its own: a request body it reads is left in the log's slot. */
const handle = (env: Env, route: Route, bucket: Endpoint.Bucket) => (slot: RequestLog.BodySlot | undefined) =>
  handleOne(env, route, bucket, slot)

const handleOne = (env: Env, route: Route, bucket: Endpoint.Bucket, slot: RequestLog.BodySlot | undefined) => {
  return Effect.gen(function*() {
    const req = yield* HttpServerRequest.HttpServerRequest
    const params = yield* HttpRouter.params
    const url = new URL(req.url, "http://emulator.local")
    const path = url.pathname
    const query = Object.fromEntries(url.searchParams)
    const auth = parseAuthorization(req.headers.authorization)
    const isControl = route.access === "control"
    const fault = isControl ? undefined : yield* takeFault(env, req.method, path)
    if (fault?.latencyMs !== undefined && fault.latencyMs > 0) yield* env.sleep(fault.latencyMs)
    if (fault?.drop === true) {
      return HttpServerResponse.unsafeJson({}, { status: 500, headers: { [Faults.DROP_HEADER]: "1" } })
    }
    if (fault !== undefined && (fault.status !== undefined || fault.retryAfter !== undefined)) {
      const status = fault.status ?? 429
      return yield* Effect.fail(
        status === 429
          ? RateLimits.rateLimited(fault.retryAfter ?? 1)
          : new WireError({
            status,
            errorCode: Codes.InjectedFault,
            errorDescription: "Injected fault",
            errorMessage: `fault ${fault.id} injected by the emulator`,
            ...(fault.retryAfter !== undefined ? { headers: { "retry-after": String(fault.retryAfter) } } : {})
          })
      )
    }
    const p = yield* resolveProject(env, route, req, params, query, auth.projectId)
    if (
      route.access === "mgmt" && (auth.token === undefined || !p.managementKeys.includes(auth.token)) &&
      // the outbound token fetches also take an inbound application's token
      !(auth.token !== undefined && InboundAppToken.acceptsInboundAppToken(route) &&
        (yield* InboundAppToken.isInboundAppToken(p, auth.token, yield* env.now)))
    ) {
      return yield* Effect.fail(
        new WireError({
          status: 401,
          errorCode: Codes.Unauthorized,
          errorDescription: "Unauthorized",
          errorMessage: "invalid or missing management key"
        })
      )
    }
    let raw: unknown = undefined
    if (req.method !== "GET" && req.method !== "HEAD") {
      const text = yield* readText(req)
      if (slot !== undefined) slot.requestBody = BodyCapture.capture(text)
      raw = yield* parseJson(text)
    }
    const run = Effect.gen(function*() {
      const now = yield* env.now
      if (!isControl) {
        const limited = RateLimits.take(env.config.rateLimits, p.rateWindows, bucket, now)
        if (limited !== undefined) return yield* Effect.fail(limited)
      }
      const ctx: Ctx = {
        env,
        p,
        body: isObject(raw) ? raw : {},
        raw,
        query,
        params,
        token: auth.token,
        now,
        baseUrl: /^https?:\/\//.test(req.originalUrl)
          ? new URL(req.originalUrl).origin
          : `http://${req.headers.host ?? "127.0.0.1"}`,
        method: req.method,
        path,
        remoteAddress: Option.getOrElse(req.remoteAddress, () => "127.0.0.1")
      }
      return yield* AuditTrail.recorded(route, ctx, route.handler(ctx))
    })
    const answer = yield* route.unlocked === true ? run : p.lock.withPermits(1)(run)
    const response = HttpServerResponse.isServerResponse(answer)
      ? answer
      : withTokenCookies(env, answer === undefined ? {} : answer)
    if (fault?.malformed === true) {
      return HttpServerResponse.text("<html>not json", { status: response.status, contentType: "application/json" })
    }
    return response
  }).pipe(
    Effect.catchTag("WireError", (e) => Effect.succeed(errorResponse(e)))
  )
}

/**
 * Options of the application: who may call it from a browser, and how large
 * a request body may be.
 *
 * @since 0.2.0
 * @category models
 */
export interface AppOptions {
  /**
   * Browser origins allowed to call the emulator (`http://localhost:5173`):
   * CORS answers name them, with credentials. None by default: CORS is off,
   * and the emulator-only routes refuse any request carrying another `Origin`.
   */
  readonly corsOrigins?: ReadonlyArray<string> | undefined
  /** The largest request body, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}); larger ones get 413. */
  readonly maxBodyBytes?: number | undefined
}

/**
 * The default request body limit: 1 MiB.
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/**
 * The longest path parameter the router accepts (a project id in
 * the keys route (a project id), a fault id ...). find-my-way's default is 100
 * characters, which made longer project ids unroutable; a request line is
 * bounded by the server's header limit anyway.
 *
 * @since 0.2.0
 * @category constants
 */
export const MAX_PARAM_LENGTH = 65_536

/**
 * Normalizes an origin as browsers send it (`scheme://host[:port]`, lower
 * case, no trailing slash); `undefined` when it is not one.
 *
 * @since 0.2.0
 * @category parsing
 */
export const normalizeOrigin = (origin: string): string | undefined => {
  try {
    const url = new URL(origin)
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined
    if (url.origin === "null" || url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "") {
      return undefined
    }
    return url.origin
  } catch {
    return undefined
  }
}

/**
 * Builds the application from a route table.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (env: Env, routes: ReadonlyArray<Route>, options: AppOptions = {}): HttpApp.Default => {
  const table = routes.map((r) => ({ method: r.method, regex: pathRegex(r.path) }))
  const buckets = RateLimits.bucketsOf(routes)
  const router = HttpRouter.fromIterable(
    routes.map((r) =>
      HttpRouter.makeRoute(
        r.method,
        r.path as HttpRouter.PathInput,
        RequestLog.logged(env, r, handle(env, r, buckets.get(r)!))
      )
    )
  )
  const configured = HttpRouter.withRouterConfig(router, { maxParamLength: MAX_PARAM_LENGTH })
  const normalized = Effect.flatMap(HttpServerRequest.HttpServerRequest, (req) => {
    const q = req.url.indexOf("?")
    const path = q < 0 ? req.url : req.url.slice(0, q)
    const clean = path.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1")
    return clean === path
      ? configured
      : Effect.provideService(
        configured,
        HttpServerRequest.HttpServerRequest,
        req.modify({ url: `${clean}${q < 0 ? "" : req.url.slice(q)}` })
      )
  })
  const routed = normalized.pipe(
    Effect.catchTag("RouteNotFound", () =>
      Effect.gen(function*() {
        const req = yield* HttpServerRequest.HttpServerRequest
        const path = new URL(req.url, "http://emulator.local").pathname
        const allowed = [...new Set(table.filter((r) => r.regex.test(path)).map((r) => r.method))]
        return allowed.length > 0
          ? errorResponse(
            new WireError({
              status: 405,
              errorCode: Codes.MethodNotAllowed,
              errorDescription: "Method not allowed",
              errorMessage: `${req.method} is not allowed on ${path}; use ${allowed.join(", ")}`,
              headers: { allow: allowed.join(", ") }
            })
          )
          : errorResponse(
            new WireError({
              status: 404,
              errorCode: Codes.NotFound,
              errorDescription: "Not found",
              errorMessage: `no route for ${req.method} ${path}`
            })
          )
      })),
    Effect.catchAllCause((cause) =>
      // a handler interrupted because its client went away is not a defect
      Cause.isInterruptedOnly(cause)
        ? Effect.as(
          Effect.logDebug("descope emulator: request interrupted (the client went away)"),
          HttpServerResponse.empty({ status: 499 })
        )
        : Effect.as(
          Effect.logError("descope emulator: handler defect", cause),
          errorResponse(
            new WireError({ status: 500, errorCode: Codes.BadRequest, errorDescription: "Internal emulator error" })
          )
        )
    )
  )
  return withCors(withBodyLimit(routed, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), options.corsOrigins ?? [])
}

/**
 * Caps request bodies: a declared `Content-Length` over the limit is refused
 * with 413 before anything is read; a body without one is read up to the
 * limit (`HttpIncomingMessage.MaxBodySize`), then refused the same way.
 *
 * @since 0.2.0
 * @category middleware
 */
export const withBodyLimit = (app: HttpApp.Default, maxBytes: number): HttpApp.Default => {
  const max = Math.max(0, Math.floor(maxBytes))
  const limited = Effect.provideService(app, HttpIncomingMessage.MaxBodySize, Option.some(FileSystem.Size(max)))
  return Effect.flatMap(HttpServerRequest.HttpServerRequest, (req) => {
    const declared = req.headers["content-length"]
    return declared !== undefined && Number(declared) > max ? Effect.succeed(errorResponse(tooLarge(max))) : limited
  })
}

/**
 * A request of a page the emulator served itself (its inspector): the
 * `Origin` is the emulator's own, reached by an IP address or `localhost`
 * (not a DNS name, which a rebinding page could point at the emulator).
 */
const sameLocalOrigin = (origin: string, host: string | undefined): boolean => {
  if (host === undefined) return false
  try {
    const url = new URL(origin)
    const hostname = url.hostname.replace(/^\[|\]$/g, "")
    return url.protocol === "http:" && url.host === host &&
      (hostname === "localhost" || /^[0-9.]+$/.test(hostname) || hostname.includes(":"))
  } catch {
    return false
  }
}

const isControlPath = (url: string): boolean => {
  const path = url.replace(/\/{2,}/g, "/")
  return path === "/emulator" || path.startsWith("/emulator/") || path.startsWith("/emulator?")
}

/**
 * CORS for the named origins only. A request from a named origin gets
 * `Access-Control-Allow-Origin: <origin>` with credentials, and its preflight
 * is answered directly; a request whose `Origin` is not named gets no CORS
 * headers (the browser withholds the answer), and is refused with 403 on the
 * emulator-only routes (`/emulator/...`) and on preflights. Requests without
 * `Origin` (SDKs, curl, tests) are not affected.
 *
 * @since 0.1.0
 * @category middleware
 */
export const withCors = (app: HttpApp.Default, origins: ReadonlyArray<string>): HttpApp.Default => {
  const allowed = new Set(origins.flatMap((o) => {
    const n = normalizeOrigin(o)
    return n === undefined ? [] : [n]
  }))
  return Effect.flatMap(HttpServerRequest.HttpServerRequest, (req) => {
    const origin = req.headers.origin
    if (origin === undefined || sameLocalOrigin(origin, req.headers.host)) return app
    const normalized = normalizeOrigin(origin)
    if (normalized === undefined || !allowed.has(normalized)) {
      return req.method === "OPTIONS" || isControlPath(req.url)
        ? Effect.succeed(errorResponse(
          new WireError({
            status: 403,
            errorCode: Codes.Unauthorized,
            errorDescription: "Forbidden",
            errorMessage:
              `origin ${origin} is not allowed; start the emulator with --cors-origin <origin> (option corsOrigins) to let a browser page call it`,
            headers: { vary: "Origin" }
          })
        ))
        : Effect.map(app, HttpServerResponse.setHeader("vary", "Origin"))
    }
    const headers: Record<string, string> = {
      "access-control-allow-origin": origin,
      "access-control-allow-credentials": "true",
      "access-control-expose-headers": "retry-after, set-cookie",
      vary: "Origin"
    }
    if (req.method === "OPTIONS") {
      return Effect.succeed(
        HttpServerResponse.unsafeJson({}, {
          status: 200,
          headers: {
            ...headers,
            "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
            "access-control-allow-headers": req.headers["access-control-request-headers"] ??
              "authorization, content-type",
            "access-control-max-age": "600"
          }
        })
      )
    }
    return Effect.map(app, HttpServerResponse.setHeaders(headers))
  })
}
