/**
 * Descope sessions for `HttpRouter` / `HttpMiddleware` apps that do not use
 * `HttpApi`: the same authentication, refresh and JSON answers as `DescopeAuth`.
 *
 * - {@link make}: an `HttpMiddleware` that authenticates the request and
 *   provides {@link CurrentSession} to the app, or answers 401 / 503 itself;
 *   a `DescopeUnauthorized` / `DescopeForbidden` / `DescopeUnavailable` the app
 *   fails with (e.g. from `Guard.requireRoles`) becomes its JSON answer too.
 * - {@link guard}: wraps a route handler with a role / permission requirement
 *   and answers 403 naming what is missing.
 *
 * The bodies are the `HttpApi` ones: `{ _tag, errorCode, errorDescription,
 * errorMessage, ... }`.
 *
 * @example
 * ```ts
 * import { HttpRouter, HttpServerResponse } from "@effect/platform"
 * import { Effect } from "effect"
 * import { CurrentSession, DescopeMiddleware } from "descope-effect/server"
 *
 * const app = HttpRouter.empty.pipe(
 *   HttpRouter.get("/me", Effect.flatMap(CurrentSession, (s) => HttpServerResponse.json({ userId: s.userId }))),
 *   HttpRouter.get(
 *     "/tenants/:tenantId/admin",
 *     HttpServerResponse.text("ok").pipe(
 *       DescopeMiddleware.guard({ tenantRoles: ["admin"], tenant: { path: "tenantId" } })
 *     )
 *   ),
 *   HttpRouter.use(DescopeMiddleware.make({ refresh: true }))
 * )
 * ```
 *
 * @since 0.1.0
 */
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Session } from "../core/Session.js"
import { DescopeClient } from "../DescopeClient.js"
import * as Authenticator from "./Authenticator.js"
import { CurrentSession } from "./CurrentSession.js"
import * as Guard from "./Guard.js"
import * as ServerError from "./ServerError.js"

/**
 * The JSON answer of a server error: its status, its body (`_tag` plus
 * fields) and `WWW-Authenticate` / `Retry-After` when they apply.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toResponse = (error: ServerError.GuardFailure): HttpServerResponse.HttpServerResponse => {
  // the failure itself, not the proxy by which Effect attaches a span to it
  const original = Cause.originalError(error)
  const known = responses.get(original)
  if (known !== undefined) return known
  const response = HttpServerResponse.unsafeJson(ServerError.bodyOf(original), {
    status: ServerError.statusOf(original),
    headers: Authenticator.failureHeaders(original)
  })
  responses.set(original, response)
  return response
}

/**
 * The answer of each failure already answered: a response is an immutable
 * value, and the 401 of a refused token is one shared failure per reason (see
 * `ServerError.fromInvalidSession`), so a flood of bad tokens renders its body once.
 */
const responses = new WeakMap<ServerError.GuardFailure, HttpServerResponse.HttpServerResponse>()

/**
 * An `HttpMiddleware` that authenticates the request (see `Authenticator`
 * for the options) and provides {@link CurrentSession} to the app, answering
 * 401 / 503 itself. A session provided by an outer middleware is reused.
 *
 * @example
 * ```ts
 * import { HttpRouter, HttpServerResponse } from "@effect/platform"
 * import { Effect } from "effect"
 * import { CurrentSession, DescopeMiddleware } from "descope-effect/server"
 *
 * const me = Effect.flatMap(CurrentSession, (s) => HttpServerResponse.json({ userId: s.userId }))
 * const app = HttpRouter.empty.pipe(HttpRouter.get("/me", me), HttpRouter.use(DescopeMiddleware.make()))
 * ```
 *
 * @since 0.1.0
 * @category middleware
 */
export const make = (options: Authenticator.Options = {}) => {
  // one authenticator per client, so that concurrent refreshes are shared across requests
  const authenticators = new WeakMap<
    DescopeClient["Type"],
    Effect.Effect<Session, ServerError.AuthFailure, HttpServerRequest.HttpServerRequest>
  >()
  const authenticatorOf = (client: DescopeClient["Type"]) => {
    const existing = authenticators.get(client)
    if (existing !== undefined) return existing
    const created = Authenticator.reuseOr(Authenticator.make(client, options))
    authenticators.set(client, created)
    return created
  }
  return <E, R>(
    app: HttpApp.Default<E, R>
  ): HttpApp.Default<Exclude<E, ServerError.GuardFailure>, Exclude<R, CurrentSession> | DescopeClient> =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const session = yield* Effect.either(authenticatorOf(client))
      if (session._tag === "Left") return toResponse(session.left)
      return yield* app.pipe(
        Effect.provideService(CurrentSession, session.right),
        Effect.catchAll((error) =>
          ServerError.isServerError(error)
            ? Effect.succeed(toResponse(error))
            : Effect.fail(error as Exclude<E, ServerError.GuardFailure>)
        )
      )
    })
}

/**
 * Wraps a route handler with a requirement on the {@link CurrentSession}:
 * when it is not met the answer is 403 with a `DescopeForbidden` body naming
 * the tenant and what is missing. `{ path: "tenantId" }` tenants are read
 * from the route's path parameters.
 *
 * @example
 * ```ts
 * import { HttpRouter, HttpServerResponse } from "@effect/platform"
 * import { DescopeMiddleware } from "descope-effect/server"
 *
 * const reports = HttpRouter.get(
 *   "/reports",
 *   HttpServerResponse.text("reports").pipe(DescopeMiddleware.guard({ permissions: ["reports:read"] }))
 * )
 * ```
 *
 * @since 0.1.0
 * @category middleware
 */
export const guard = (requirement: Guard.Requirement) =>
<E, R>(
  handler: HttpApp.Default<E, R>
): HttpApp.Default<E, R | CurrentSession> =>
  Effect.gen(function*() {
    const session = yield* CurrentSession
    const route = yield* Effect.serviceOption(HttpRouter.RouteContext)
    const params = Option.match(route, { onNone: () => ({}), onSome: (r) => r.params })
    const checked = yield* Effect.either(Guard.check(session, requirement, params))
    return checked._tag === "Left" ? toResponse(checked.left) : yield* handler
  })
