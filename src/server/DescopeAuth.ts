/**
 * Descope sessions for `@effect/platform` `HttpApi` servers.
 *
 * - {@link DescopeAuth}: an `HttpApiMiddleware` that authenticates the request
 *   (`Authorization: Bearer` or the `DS` cookie; see `Authenticator`) and
 *   provides {@link CurrentSession}; it fails with `DescopeUnauthorized` (401)
 *   or `DescopeUnavailable` (503). Build it with {@link layer}
 *   (cookie names, opt-in refresh through the `DSR` cookie, audience ...).
 * - {@link DescopeGuard} + {@link guardLayer}: middlewares that also require
 *   roles / permissions (project level or in a tenant: the current tenant `dct`,
 *   a path parameter, or a fixed id) and fail with `DescopeForbidden` (403).
 *
 * The entry point exports this module as the `DescopeAuth` namespace, the one
 * home of its layers: `DescopeAuth.DescopeAuth` (the middleware tag),
 * `DescopeAuth.layer`, `DescopeAuth.DescopeGuard`, `DescopeAuth.guardLayer`.
 *
 * The middleware reads the request itself rather than through `HttpApiSecurity`
 * schemes: a missing header is never decoded to an empty token, and the
 * failure of an invalid bearer token is not masked by a cookie scheme tried
 * after it. (As a consequence the generated OpenAPI document lists no security
 * scheme for it.)
 *
 * A guard reuses the session an outer `DescopeAuth` provided, and otherwise
 * authenticates with the `DescopeAuth` service it is built from, so the order
 * in which the middlewares are applied does not matter.
 *
 * @example
 * ```ts
 * import { HttpApi, HttpApiBuilder, HttpApiEndpoint, HttpApiGroup } from "@effect/platform"
 * import { Effect, Layer, Schema } from "effect"
 * import { CurrentSession, DescopeAuth } from "descope-effect/server"
 *
 * class TenantAdmin extends DescopeAuth.DescopeGuard<TenantAdmin>()("TenantAdmin") {}
 *
 * class Api extends HttpApi.make("app").add(
 *   HttpApiGroup.make("app")
 *     .add(HttpApiEndpoint.get("me", "/me").addSuccess(Schema.Struct({ userId: Schema.String })))
 *     .add(
 *       HttpApiEndpoint.get("settings", "/tenants/:tenantId/settings")
 *         .setPath(Schema.Struct({ tenantId: Schema.String }))
 *         .addSuccess(Schema.String)
 *         .middleware(TenantAdmin)
 *     )
 *     .middleware(DescopeAuth.DescopeAuth)
 * ) {}
 *
 * const AppLive = HttpApiBuilder.group(Api, "app", (handlers) =>
 *   handlers
 *     .handle("me", () => Effect.map(CurrentSession, (session) => ({ userId: session.userId })))
 *     .handle("settings", ({ path }) => Effect.succeed(`settings of ${path.tenantId}`))
 * ).pipe(
 *   Layer.provide(DescopeAuth.guardLayer(TenantAdmin, { tenantRoles: ["admin"], tenant: { path: "tenantId" } })),
 *   Layer.provide(DescopeAuth.layer({ refresh: true }))
 * )
 * // HttpApiBuilder.api(Api).pipe(Layer.provide(AppLive), Layer.provide(<a DescopeClient layer>))
 * ```
 *
 * @since 0.1.0
 */
import type * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiMiddlewareTag from "@effect/platform/HttpApiMiddleware"
import * as HttpRouter from "@effect/platform/HttpRouter"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Session } from "../core/Session.js"
import { DescopeClient } from "../DescopeClient.js"
import * as Authenticator from "./Authenticator.js"
import { CurrentSession } from "./CurrentSession.js"
import * as Guard from "./Guard.js"
import * as ServerError from "./ServerError.js"

/**
 * The authentication middleware of an `HttpApi`: apply it with
 * `.middleware(DescopeAuth)` on an endpoint, a group or the whole API; handlers
 * read `yield* CurrentSession`. Implement it with {@link layer}.
 *
 * @since 0.1.0
 * @category tags
 */
export class DescopeAuth extends HttpApiMiddlewareTag.Tag<DescopeAuth>()("descope-effect/DescopeAuth", {
  failure: ServerError.AuthFailure,
  provides: CurrentSession
}) {}

/**
 * The `DescopeAuth` implementation: authenticates with the `DescopeClient`
 * and the options (cookie names, opt-in refresh, audience, max token age,
 * attributes of the rotated cookies). Provide it once, next to the handlers.
 *
 * @example
 * ```ts
 * import { DescopeAuth } from "descope-effect/server"
 *
 * const AuthLive = DescopeAuth.layer({ refresh: true, sessionCookieName: "APP_DS", refreshCookieName: "APP_DSR" })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Authenticator.Options = {}): Layer.Layer<DescopeAuth, never, DescopeClient> =>
  Layer.effect(
    DescopeAuth,
    Effect.map(DescopeClient, (client) => Authenticator.reuseOr(Authenticator.make(client, options)))
  )

/**
 * Declares a guard middleware tag: it provides {@link CurrentSession} and
 * fails with `DescopeUnauthorized`, `DescopeForbidden` or `DescopeUnavailable`.
 * Implement it with {@link guardLayer}.
 *
 * @example
 * ```ts
 * import { DescopeAuth } from "descope-effect/server"
 *
 * class Admin extends DescopeAuth.DescopeGuard<Admin>()("Admin") {}
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const DescopeGuard = <Self>() => <const Name extends string>(id: Name) =>
  HttpApiMiddlewareTag.Tag<Self>()(id, { failure: ServerError.GuardFailure, provides: CurrentSession })

/**
 * Implements a guard tag: the session (from an outer `DescopeAuth`, or
 * authenticated with the `DescopeAuth` service) must meet the requirement;
 * `{ path: "tenantId" }` tenants are read from the route's path parameters.
 *
 * @example
 * ```ts
 * import { DescopeAuth } from "descope-effect/server"
 *
 * class Billing extends DescopeAuth.DescopeGuard<Billing>()("Billing") {}
 *
 * const BillingLive = DescopeAuth.guardLayer(Billing, { permissions: ["billing:read"] })
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const guardLayer = <I>(
  tag: Context.Tag<I, HttpApiMiddleware.HttpApiMiddleware<Session, ServerError.GuardFailure>>,
  requirement: Guard.Requirement
): Layer.Layer<I, never, DescopeAuth> =>
  Layer.effect(
    tag,
    Effect.map(DescopeAuth, (authenticate) =>
      Effect.gen(function*() {
        const session = yield* Authenticator.reuseOr(authenticate)
        const route = yield* HttpRouter.RouteContext
        // a 403 of missing scopes carries `WWW-Authenticate: Bearer error="insufficient_scope"`
        yield* Guard.check(session, requirement, route.params).pipe(Effect.tapError(Authenticator.annotateFailure))
        return session
      }))
  )
