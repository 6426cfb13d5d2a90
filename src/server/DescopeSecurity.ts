/**
 * `DescopeSecurity`: the `DescopeAuth` authentication declared with
 * `HttpApiSecurity`, so that `HttpApiBuilder`'s OpenAPI document carries the
 * two security schemes (`descopeBearer`: HTTP bearer, a JWT; `descopeCookie`:
 * the `DS` cookie) on the endpoints it guards, next to the 401 / 503 answers
 * (and the 403 of the guards).
 *
 * The behaviour is exactly `DescopeAuth`'s (`RequestAuth`): the request is
 * authenticated once, whichever scheme the builder tries first (the bearer
 * header wins over the cookie, a bad bearer token is not retried with the
 * cookie, refresh through `DSR` when enabled). Its layer also provides
 * `DescopeAuth.DescopeAuth`, so `DescopeAuth.guardLayer` guards work with it.
 *
 * @example
 * ```ts
 * import { HttpApi, HttpApiEndpoint, HttpApiGroup, OpenApi } from "@effect/platform"
 * import { Schema } from "effect"
 * import { DescopeSecurity } from "descope-effect/server"
 *
 * class Api extends HttpApi.make("app").add(
 *   HttpApiGroup.make("app")
 *     .add(HttpApiEndpoint.get("me", "/me").addSuccess(Schema.Struct({ userId: Schema.String })))
 *     .middleware(DescopeSecurity.DescopeSecurity)
 * ) {}
 *
 * const spec = OpenApi.fromApi(Api) // components.securitySchemes: descopeBearer, descopeCookie
 * // serve with Layer.provide(DescopeSecurity.layer({ refresh: true }))
 * ```
 *
 * @since 0.2.0
 */
import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiSecurity from "@effect/platform/HttpApiSecurity"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as OpenApi from "@effect/platform/OpenApi"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { SESSION_COOKIE_NAME } from "../core/AuthenticationInfo.js"
import type { Session } from "../core/Session.js"
import { DescopeClient } from "../DescopeClient.js"
import * as Authenticator from "./Authenticator.js"
import { CurrentSession } from "./CurrentSession.js"
import { DescopeAuth } from "./DescopeAuth.js"
import * as ServerError from "./ServerError.js"

/**
 * The bearer scheme: `Authorization: Bearer <Descope session JWT>`.
 *
 * @since 0.2.0
 * @category middleware
 */
export const bearer = HttpApiSecurity.bearer.pipe(
  HttpApiSecurity.annotate(
    OpenApi.Description,
    "A Descope session JWT (or, when enabled, an access key or an inbound app's OAuth access token)"
  ),
  HttpApiSecurity.annotate(OpenApi.Format, "JWT")
)

/**
 * The cookie scheme: the Descope session cookie (`DS`). A custom cookie
 * name is a different scheme: see {@link cookieScheme}.
 *
 * @since 0.2.0
 * @category middleware
 */
export const cookie = HttpApiSecurity.apiKey({ in: "cookie", key: SESSION_COOKIE_NAME }).pipe(
  HttpApiSecurity.annotate(OpenApi.Description, "The Descope session cookie (refreshed through DSR when enabled)")
)

/**
 * The cookie scheme of a custom session cookie name.
 *
 * @since 0.2.0
 * @category middleware
 */
export const cookieScheme = (name: string) =>
  HttpApiSecurity.apiKey({ in: "cookie", key: name }).pipe(
    HttpApiSecurity.annotate(OpenApi.Description, `The Descope session cookie (${name})`)
  )

/**
 * The middleware tag: apply it with `.middleware(DescopeSecurity)`;
 * handlers read `yield* CurrentSession`.
 *
 * @since 0.2.0
 * @category tags
 */
export class DescopeSecurity extends HttpApiMiddleware.Tag<DescopeSecurity>()("descope-effect/DescopeSecurity", {
  failure: ServerError.AuthFailure,
  provides: CurrentSession,
  security: { descopeBearer: bearer, descopeCookie: cookie }
}) {}

/**
 * The implementation of {@link DescopeSecurity} (and of `DescopeAuth`, for
 * the guards): one authentication per request, whichever scheme the builder
 * tries (its credential is not used: the request is read as `DescopeAuth` reads it).
 *
 * @since 0.2.0
 * @category layers
 */
export const layer = (
  options: Authenticator.Options = {}
): Layer.Layer<DescopeSecurity | DescopeAuth, never, DescopeClient> =>
  Layer.effectContext(
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const authenticate = Authenticator.reuseOr(Authenticator.make(client, options))
      // the builder tries the schemes in turn, each after the previous failed: the outcome of the first try
      // is the outcome of the request (no second validation, no second refresh)
      const outcomes = new WeakMap<object, Exit.Exit<Session, ServerError.AuthFailure>>()
      const once = Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) => {
        const known = outcomes.get(request)
        return known !== undefined
          ? known
          : Effect.exit(authenticate).pipe(
            Effect.tap((exit) => Effect.sync(() => outcomes.set(request, exit))),
            Effect.flatten
          )
      })
      const security = DescopeSecurity.of({ descopeBearer: () => once, descopeCookie: () => once })
      return Context.make(DescopeSecurity, security).pipe(Context.add(DescopeAuth, authenticate))
    })
  )
