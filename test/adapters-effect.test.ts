/**
 * The same conformance table on the Effect front doors, each served by
 * `NodeHttpServer` on 127.0.0.1 (port 0): the `HttpApi` middleware
 * (`DescopeAuth` + guard middlewares) and the `HttpRouter` middleware
 * (`DescopeMiddleware.make` + `DescopeMiddleware.guard`).
 */
import { NodeHttpServer } from "@effect/platform-node"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as OpenApi from "@effect/platform/OpenApi"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Scope from "effect/Scope"
import * as Http from "node:http"
import { describe, expect, it } from "vitest"
import { CurrentSession, DescopeAuth, DescopeMiddleware, DescopeSecurity } from "../src/server/index.js"
import * as ProtectedResource from "../src/server/ProtectedResource.js"
import {
  type App,
  conformance,
  METADATA,
  ROUTES,
  SIGN_OUT_COOKIES,
  SIGN_OUT_PATH,
  type Started
} from "./support/conformance.js"

/** Builds a server layer in a fresh scope; the base URL from its address. */
const startLayer = async (server: Layer.Layer<HttpServer.HttpServer, unknown>): Promise<Started> => {
  const scope = await Effect.runPromise(Scope.make())
  const context = await Effect.runPromise(Layer.buildWithScope(server, scope))
  const address = Context.get(context, HttpServer.HttpServer).address
  if (address._tag !== "TcpAddress") throw new Error("not a TCP server")
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => Effect.runPromise(Scope.close(scope, Exit.void))
  }
}

const loopback = NodeHttpServer.layer(() => Http.createServer(), { port: 0, host: "127.0.0.1" })

const requirementOf = (path: string) => ROUTES.find((r) => r.path === path)?.require ?? {}

// the HttpApi of the table's routes
class Admin extends DescopeAuth.DescopeGuard<Admin>()("Admin") {}
class Reports extends DescopeAuth.DescopeGuard<Reports>()("Reports") {}
class TenantSettings extends DescopeAuth.DescopeGuard<TenantSettings>()("TenantSettings") {}
class CurrentTenant extends DescopeAuth.DescopeGuard<CurrentTenant>()("CurrentTenant") {}
class Things extends DescopeAuth.DescopeGuard<Things>()("Things") {}

const Me = Schema.Struct({ userId: Schema.String })

const group = HttpApiGroup.make("app")
  .add(HttpApiEndpoint.get("me", "/me").addSuccess(Me))
  .add(HttpApiEndpoint.get("admin", "/admin").addSuccess(Me).middleware(Admin))
  .add(HttpApiEndpoint.get("reports", "/reports").addSuccess(Me).middleware(Reports))
  .add(
    HttpApiEndpoint.get("settings", "/tenants/:tenantId/settings")
      .setPath(Schema.Struct({ tenantId: Schema.String }))
      .addSuccess(Me)
      .middleware(TenantSettings)
  )
  .add(HttpApiEndpoint.get("currentTenant", "/current-tenant").addSuccess(Me).middleware(CurrentTenant))
  .add(HttpApiEndpoint.get("things", "/things").addSuccess(Me).middleware(Things))
  .add(HttpApiEndpoint.get("signout", "/signout").addSuccess(Me))

// the protected resource metadata: public
const wellKnown = HttpApiGroup.make("wellKnown").add(
  HttpApiEndpoint.get("metadata", ProtectedResource.WELL_KNOWN_PATH).addSuccess(Schema.Unknown)
)
class Api extends HttpApi.make("conformance").add(group.middleware(DescopeAuth.DescopeAuth)).add(wellKnown) {}
class SecuredApi extends HttpApi.make("conformance").add(group.middleware(DescopeSecurity.DescopeSecurity)).add(
  wellKnown
) {}

const me = Effect.map(CurrentSession, (session) => ({ userId: session.userId }))

/** The sign-out route's answer: `{ userId }`, the session cookies expired by the handler itself. */
const signOut = Effect.map(CurrentSession, (session) =>
  SIGN_OUT_COOKIES.reduce(
    (response, name) => HttpServerResponse.expireCookie(response, name, { path: SIGN_OUT_PATH }),
    HttpServerResponse.unsafeJson({ userId: session.userId })
  ))

const guards = <A, E, R>(self: Layer.Layer<A, E, R>) =>
  self.pipe(
    Layer.provide(DescopeAuth.guardLayer(Admin, requirementOf("/admin"))),
    Layer.provide(DescopeAuth.guardLayer(Reports, requirementOf("/reports"))),
    Layer.provide(DescopeAuth.guardLayer(TenantSettings, requirementOf("/tenants/:tenantId/settings"))),
    Layer.provide(DescopeAuth.guardLayer(CurrentTenant, requirementOf("/current-tenant"))),
    Layer.provide(DescopeAuth.guardLayer(Things, requirementOf("/things")))
  )

// one implementation of the groups serves both apis: a group's handlers are found by the api's and the group's
// names (both "conformance"), the middleware by the api's definition
const HandlersLive = Layer.mergeAll(
  HttpApiBuilder.group(Api, "app", (handlers) =>
    handlers
      .handle("me", () => me)
      .handle("admin", () => me)
      .handle("reports", () => me)
      .handle("settings", () => me)
      .handle("currentTenant", () => me)
      .handle("things", () => me)
      .handleRaw("signout", () => signOut)),
  HttpApiBuilder.group(Api, "wellKnown", (h) => h.handle("metadata", () => Effect.succeed(METADATA)))
).pipe(guards)

const serverOf = <E, R>(api: Layer.Layer<HttpApi.Api, E, R>, app: App) =>
  HttpApiBuilder.serve().pipe(Layer.provide(api), Layer.provideMerge(loopback), Layer.provide(app.layer))

const httpApiServer = (app: App) =>
  serverOf(
    HttpApiBuilder.api(Api).pipe(Layer.provide(HandlersLive), Layer.provide(DescopeAuth.layer(app.options))),
    app
  )

const securedApiServer = (app: App) =>
  serverOf(
    HttpApiBuilder.api(SecuredApi).pipe(
      Layer.provide(HandlersLive),
      Layer.provide(DescopeSecurity.layer(app.options))
    ),
    app
  )

/**
 * The sign-out of the HttpRouter door: `DS` expired on the response's cookies, `DSR` cleared by a raw
 * `Set-Cookie` header (the other way an Effect handler sets a cookie).
 */
const signOutRaw = Effect.map(
  CurrentSession,
  (session) =>
    HttpServerResponse.unsafeJson({ userId: session.userId }).pipe(
      HttpServerResponse.expireCookie("DS", { path: SIGN_OUT_PATH }),
      HttpServerResponse.setHeader("set-cookie", `DSR=; Max-Age=0; Path=${SIGN_OUT_PATH}`)
    )
)

const httpRouterServer = (app: App) => {
  const meResponse = Effect.flatMap(CurrentSession, (session) => HttpServerResponse.json({ userId: session.userId }))
  const router = app.routes.reduce(
    (router, route) => {
      const handler = route.signOut ? signOutRaw : meResponse
      return HttpRouter.get(
        router,
        route.path as HttpRouter.PathInput,
        route.require === undefined ? handler : handler.pipe(DescopeMiddleware.guard(route.require))
      )
    },
    HttpRouter.empty as HttpRouter.HttpRouter<unknown, CurrentSession>
  )
  const app_ = HttpRouter.empty.pipe(
    HttpRouter.get(ProtectedResource.WELL_KNOWN_PATH, HttpServerResponse.json(METADATA)),
    HttpRouter.concat(router.pipe(HttpRouter.use(DescopeMiddleware.make(app.options))))
  )
  return HttpServer.serve(app_).pipe(
    Layer.provideMerge(loopback),
    Layer.provide(app.layer)
  )
}

conformance({ name: "HttpApi (DescopeAuth)", start: (app) => startLayer(httpApiServer(app)) })
conformance({ name: "HttpRouter (DescopeMiddleware)", start: (app) => startLayer(httpRouterServer(app)) })
conformance({ name: "HttpApi (DescopeSecurity)", start: (app) => startLayer(securedApiServer(app)) })

describe("the HttpApi of the table", () => {
  it("serves exactly the table's routes", () => {
    const paths = Object.values(Api.groups).filter((g) => g.identifier === "app").flatMap((g) =>
      Object.values(g.endpoints).map((e) => e.path)
    )
    expect([...paths].sort()).toEqual(ROUTES.map((r) => r.path).sort())
  })
})

describe("OpenAPI of the DescopeSecurity api", () => {
  const spec = OpenApi.fromApi(SecuredApi)
  it("declares the bearer and cookie security schemes, required on every operation", () => {
    expect(spec.components.securitySchemes).toEqual({
      descopeBearer: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "JWT",
        description: "A Descope session JWT (or, when enabled, an access key or an inbound app's OAuth access token)"
      },
      descopeCookie: {
        type: "apiKey",
        name: "DS",
        in: "cookie",
        description: "The Descope session cookie (refreshed through DSR when enabled)"
      }
    })
    for (const [path, item] of Object.entries(spec.paths)) {
      expect(item.get?.security).toEqual(
        path === ProtectedResource.WELL_KNOWN_PATH ? [] : [{ descopeBearer: [] }, { descopeCookie: [] }]
      )
    }
  })
  it("lists 401 and 503 on every operation, 403 on the guarded ones", () => {
    for (const [path, item] of Object.entries(spec.paths)) {
      if (path === ProtectedResource.WELL_KNOWN_PATH) continue
      const statuses = Object.keys(item.get?.responses ?? {})
      expect(statuses, path).toEqual(expect.arrayContaining(["200", "401", "503"]))
      expect(statuses.includes("403"), path).toBe(path !== "/me" && path !== "/signout")
    }
  })
  it("the plain DescopeAuth api declares no scheme (its reading is its own)", () => {
    expect(OpenApi.fromApi(Api).components.securitySchemes).toEqual({})
  })
})
