/**
 * descope-effect/next against a real Next.js (`npm run test:next`; test/support/nextSetup.ts installs the
 * pinned version under node_modules/.cache on the first run). The shared conformance table runs with
 * `withDescope` route handlers served the way `next start` serves an app-router route handler, with Next's
 * own code (that of the pinned version): the `NextRequest` made from the incoming message by
 * `NextRequestAdapter.fromNodeNextRequest`, the handler run by the `AppRouteRouteModule` (which hands it
 * Next's request proxy and its `params` Promise, and checks the answer is a `Response`), and the
 * `Response` written back by `sendResponse`. The handlers answer with `NextResponse.json(...)`. The
 * `middleware.ts` helper is checked with real `NextRequest`s and `NextResponse.next()`.
 * test/adapters-next.test.ts is the same without Next (plain web `Request`s, no install).
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Http from "node:http"
import { createRequire } from "node:module"
import type { AddressInfo } from "node:net"
import * as Path from "node:path"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { authenticate, type RouteContext, withDescope } from "../src/adapters/next.js"
import type { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as DescopeLayers from "../src/layers/Descope.js"
import { type Descope, fromLayer } from "../src/promise/index.js"
import * as ProtectedResource from "../src/server/ProtectedResource.js"
import {
  conformance,
  matchRoute,
  METADATA,
  type Route,
  SIGN_OUT_COOKIES,
  SIGN_OUT_PATH
} from "./support/conformance.js"

// --- the parts of Next the tests use, typed here (`next` is no dependency) ---

/** A cookie as Next's cookie jars give it. */
interface JarCookie {
  readonly name: string
  readonly value: string
}

/** Next's `NextRequest` (a web `Request`). */
interface NextRequest extends Request {
  readonly nextUrl: URL
  readonly cookies: { readonly get: (name: string) => JarCookie | undefined }
}

/** Next's `ResponseCookie` (next/dist/compiled/@edge-runtime/cookies), what `NextResponse.cookies.set` takes. */
interface ResponseCookie {
  name: string
  value: string
  expires?: number | Date | undefined
  maxAge?: number | undefined
  domain?: string | undefined
  path?: string | undefined
  secure?: boolean | undefined
  httpOnly?: boolean | undefined
  sameSite?: true | false | "lax" | "strict" | "none" | undefined
  priority?: "low" | "medium" | "high" | undefined
  partitioned?: boolean | undefined
}

/** Next's `NextResponse` (a web `Response`) and its cookie jar. */
interface NextResponse extends Response {
  readonly cookies: {
    readonly get: (name: string) => JarCookie | undefined
    readonly getAll: () => ReadonlyArray<JarCookie>
    readonly set: {
      (name: string, value: string): unknown
      (cookie: ResponseCookie): unknown
    }
  }
}

interface NextServer {
  readonly NextRequest: new(input: string | URL, init?: RequestInit) => NextRequest
  readonly NextResponse: {
    readonly json: (body: unknown, init?: ResponseInit) => NextResponse
    readonly next: (init?: ResponseInit & { readonly request?: { readonly headers?: Headers } }) => NextResponse
  }
}

/** Next's wrappers of Node's request and response (opaque here). */
interface NodeNextRequest {
  readonly method: string
}
interface NodeNextResponse {
  readonly originalResponse: Http.ServerResponse
}

/** A `middleware.ts` function. */
type Middleware = (request: NextRequest) => Promise<Response>

/** What Next's middleware adapter is given by `next start` (NextNodeServer.runMiddleware) and answers. */
interface MiddlewareParams {
  readonly handler: Middleware
  readonly page: string
  readonly request: {
    readonly headers: Http.IncomingHttpHeaders
    readonly method: string
    readonly url: string
    readonly nextConfig: unknown
    readonly signal: AbortSignal
  }
}

/** What Next hands an app-route module besides the request (the fields its `handle` reads). */
interface AppRouteContext {
  readonly params: Readonly<Record<string, string>>
  readonly prerenderManifest: unknown
  readonly renderOpts: unknown
  readonly sharedContext: { readonly buildId: string }
}

interface AppRouteRouteModule {
  readonly handle: (request: NextRequest, context: AppRouteContext) => Promise<Response>
}

const nextDir = inject("nextDir")
const requireNext = createRequire(Path.join(nextDir, "node_modules", ".next-tests.cjs"))
const load = <A>(specifier: string): A => requireNext(specifier) as A

// what `next start` loads first (AsyncLocalStorage on globalThis, which the route module's stores need)
load<unknown>("next/dist/server/node-environment.js")
const { NextRequest, NextResponse } = load<NextServer>("next/server.js")
const internals = {
  ...load<{ readonly AppRouteRouteModule: new(options: unknown) => AppRouteRouteModule }>(
    "next/dist/server/route-modules/app-route/module.compiled.js"
  ),
  ...load<{ readonly RouteKind: { readonly APP_ROUTE: string } }>("next/dist/server/route-kind.js"),
  ...load<{
    readonly NodeNextRequest: new(request: Http.IncomingMessage) => NodeNextRequest
    readonly NodeNextResponse: new(response: Http.ServerResponse) => NodeNextResponse
  }>("next/dist/server/base-http/node.js"),
  ...load<{
    readonly NextRequestAdapter: {
      readonly fromNodeNextRequest: (request: NodeNextRequest, signal: AbortSignal) => NextRequest
    }
    readonly signalFromNodeResponse: (response: Http.ServerResponse) => AbortSignal
  }>("next/dist/server/web/spec-extension/adapters/next-request.js"),
  ...load<{
    readonly sendResponse: (request: NodeNextRequest, response: NodeNextResponse, answer: Response) => Promise<void>
  }>("next/dist/server/send-response.js"),
  ...load<{
    readonly adapter: (params: MiddlewareParams) => Promise<{ readonly response: Response }>
  }>("next/dist/server/web/adapter.js"),
  ...load<{
    readonly toNodeOutgoingHttpHeaders: (headers: Headers) => Record<string, string | Array<string> | undefined>
  }>("next/dist/server/web/utils.js")
}

/**
 * Runs `middleware` on a request the way `next start` does (NextNodeServer.runMiddleware: Next's `adapter`,
 * which makes the NextRequest and the request store of `cookies()`), and applies its answer to the request as
 * Next's router does before the route (lib/router-utils/resolve-routes.js): the request headers of
 * `NextResponse.next({ request: { headers } })` replace the incoming ones (`x-middleware-override-headers`,
 * `x-middleware-request-*`), `x-middleware-set-cookie` goes to the request, and the other headers of the answer
 * (its `Set-Cookie`) to the response. The answer when the middleware answers itself (not `NextResponse.next()`).
 */
const runMiddleware = async (
  middleware: Middleware,
  req: Http.IncomingMessage,
  res: Http.ServerResponse,
  url: URL
): Promise<Response | undefined> => {
  const { response } = await internals.adapter({
    handler: middleware,
    page: "/middleware",
    request: {
      headers: req.headers,
      method: req.method ?? "GET",
      url: url.toString(),
      nextConfig: { basePath: "", trailingSlash: false, experimental: {} },
      signal: internals.signalFromNodeResponse(res)
    }
  })
  const headers = internals.toNodeOutgoingHttpHeaders(response.headers)
  if (headers["x-middleware-next"] === undefined) return response
  const override = headers["x-middleware-override-headers"]
  if (override !== undefined) {
    const keys = new Set((typeof override === "string" ? override.split(",") : override).map((key) => key.trim()))
    delete headers["x-middleware-override-headers"]
    for (const key of Object.keys(req.headers)) if (!keys.has(key)) delete req.headers[key]
    for (const key of keys) {
      const value = headers[`x-middleware-request-${key}`]
      if (req.headers[key] !== value) req.headers[key] = value ?? undefined
      delete headers[`x-middleware-request-${key}`]
    }
  }
  delete headers["x-middleware-next"]
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || key === "content-length") continue
    if (key === "x-middleware-set-cookie") req.headers[key] = value
    else res.setHeader(key, value)
  }
  return undefined
}

/** `/tenants/:tenantId/settings` -> the app directory's `/tenants/[tenantId]/settings`. */
const appPath = (route: Route): string => route.path.replace(/:(\w+)/g, "[$1]")

/** The route module `next build` makes of app/<path>/route.ts exporting `GET`. */
const routeModule = (
  route: Route,
  GET: (request: NextRequest, context: RouteContext) => Promise<Response>
): AppRouteRouteModule =>
  new internals.AppRouteRouteModule({
    definition: {
      kind: internals.RouteKind.APP_ROUTE,
      page: `${appPath(route)}/route`,
      pathname: appPath(route),
      filename: "route",
      bundlePath: `app${appPath(route)}/route`
    },
    distDir: ".next",
    relativeProjectDir: "",
    resolvedPagePath: `/app/app${appPath(route)}/route.ts`,
    nextConfigOutput: undefined,
    userland: { GET }
  })

/**
 * Serves `modules` on loopback the way `next start` serves app-router route handlers, behind `middleware`
 * (`middleware.ts`) when given.
 */
const serve = (
  modules: ReadonlyArray<{ readonly route: Route; readonly module: AppRouteRouteModule }>,
  middleware?: Middleware
): Promise<{ readonly baseUrl: string; readonly close: () => Promise<void> }> =>
  new Promise((resolve) => {
    const server = Http.createServer(async (req, res) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1")
      if (url.pathname === ProtectedResource.WELL_KNOWN_PATH) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(METADATA))
        return
      }
      const found = modules.map((m) => ({ m, params: matchRoute(m.route, url.pathname) })).find((x) => x.params)
      if (found === undefined || found.params === undefined) {
        res.writeHead(404).end()
        return
      }
      if (middleware !== undefined) {
        try {
          const answered = await runMiddleware(middleware, req, res, url)
          if (answered !== undefined) {
            await internals.sendResponse(
              new internals.NodeNextRequest(req),
              new internals.NodeNextResponse(res),
              answered
            )
            return
          }
        } catch {
          res.writeHead(500).end()
          return
        }
      }
      // (after the middleware: the request as it left the request headers)
      const nodeRequest = new internals.NodeNextRequest(req)
      const nodeResponse = new internals.NodeNextResponse(res)
      const request = internals.NextRequestAdapter.fromNodeNextRequest(
        nodeRequest,
        internals.signalFromNodeResponse(res)
      )
      found.m.module.handle(request, {
        params: found.params,
        prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: {} },
        renderOpts: {
          experimental: { cacheComponents: false, authInterrupts: false },
          supportsDynamicResponse: true,
          waitUntil: undefined,
          onClose: (callback: () => void) => res.on("close", callback),
          onAfterTaskError: undefined,
          onInstrumentationRequestError: () => undefined
        },
        sharedContext: { buildId: "conformance" }
      }).then(
        (response) => internals.sendResponse(nodeRequest, nodeResponse, response),
        () => res.writeHead(500).end()
      ).catch(() => res.destroy())
    })
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })

// the route module patches the global fetch (Next's caching fetch) for good: put the original back
const originalFetch = globalThis.fetch
afterAll(() => {
  globalThis.fetch = originalFetch
})

conformance({
  name: "next (route handlers, real Next)",
  start: (app) =>
    serve(app.routes.map((route) => ({
      route,
      module: routeModule(
        route,
        withDescope(
          app.descope,
          (_request, { session }) => {
            const response = NextResponse.json({ userId: session.userId })
            if (route.signOut) {
              for (const name of SIGN_OUT_COOKIES) {
                response.cookies.set({ name, value: "", maxAge: 0, path: SIGN_OUT_PATH })
              }
            }
            return response
          },
          { ...app.options, require: route.require }
        )
      )
    })))
})

// --- the middleware helper and typed route handlers, over an emulator (its clock expires sessions) ---

const PROJECT_ID = "P2NextAdapter000000000000001"
const MANAGEMENT_KEY = "next-adapter-management-key"
const ADA = "ada@example.com"

describe("next: middleware.ts and typed route handlers, with real NextRequests and NextResponses", () => {
  let emulator: Emulator.Service
  let descope: Descope
  let layer: Layer.Layer<DescopeClient>
  beforeAll(async () => {
    emulator = await Effect.runPromise(
      // with Descope's refresh-token rotation, as a project that has it on: a second refresh with one token fails
      Emulator.make({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, refreshTokenRotation: true })
    )
    layer = Layer.mergeAll(
      DescopeLayers.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, baseUrl: "http://emulator.local" })
        .pipe(Layer.provide(Emulator.layerHttpClient), Layer.orDie),
      Emulator.layerClock
    ).pipe(Layer.provide(Layer.succeed(Emulator.Emulator, emulator)))
    descope = fromLayer(layer)
    await descope.mgmt.user.create({ loginId: ADA, email: ADA })
  }, 60_000)
  afterAll(async () => {
    await descope.dispose()
  })

  /** A fresh session of ada: her session and refresh tokens. */
  const signIn = async (): Promise<{ readonly session: string; readonly refresh: string; readonly userId: string }> => {
    await descope.otp.signUpOrIn({ method: "email", loginId: ADA })
    const code = Option.getOrThrow(await Effect.runPromise(emulator.lastMessage(ADA, "otp"))).code ?? ""
    const info = await descope.otp.verifyCode({ method: "email", loginId: ADA, code })
    if (info.refreshToken === undefined) throw new Error("the emulator answered no refresh token")
    return {
      session: Redacted.value(info.sessionToken),
      refresh: Redacted.value(info.refreshToken),
      userId: info.session.userId
    }
  }
  /** The tokens of ada, her session expired (11 minutes on the emulator's clock). */
  const expired = async () => {
    const tokens = await signIn()
    await Effect.runPromise(emulator.advanceTime("11 minutes"))
    return tokens
  }
  const request = (cookie: string): NextRequest =>
    new NextRequest("http://app.test/dashboard?tab=1", { headers: { cookie } })
  const valueOf = (setCookies: ReadonlyArray<string>, name: string): string | undefined =>
    setCookies.map((c) => c.split(";")[0] ?? "").find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1)

  it("a valid DS cookie: the session and no cookies to set; none: the 401 Response to return", async () => {
    const tokens = await signIn()
    const passed = await authenticate(descope, request(`theme=dark; DS=${tokens.session}`))
    if (!("session" in passed)) throw new Error(`refused: ${passed.response.status}`)
    expect(passed.session.userId).toBe(tokens.userId)
    expect(passed.cookies).toEqual([])
    expect(passed.setCookies).toEqual([])
    expect(passed.requestHeaders.get("cookie")).toBe(`theme=dark; DS=${tokens.session}`)

    const refused = await authenticate(descope, request("theme=dark"))
    if (!("response" in refused)) throw new Error("authenticated without a token")
    expect(refused.response.status).toBe(401)
    expect(refused.response.headers.get("www-authenticate")).toMatch(/^Bearer/)
  })

  it("an expired session + DSR: the rotated cookies set on NextResponse.next() are separate Set-Cookie headers in its cookie jar", async () => {
    const tokens = await expired()
    const auth = await authenticate(
      descope,
      request(`theme=dark; DS=${tokens.session}; DSR=${tokens.refresh}`),
      { refresh: true }
    )
    if (!("session" in auth)) throw new Error(`refused: ${auth.response.status}`)
    expect(auth.session.userId).toBe(tokens.userId)
    const rotated = valueOf(auth.setCookies, "DS")
    expect(rotated).toBeDefined()
    expect(rotated).not.toBe(tokens.session)
    expect(auth.cookies.map((c) => c.name)).toEqual(["DS", "DSR"])
    expect(auth.cookies.map((c) => c.value)).toEqual([rotated, valueOf(auth.setCookies, "DSR")])
    // the request headers to hand on: the rotated values in the Cookie header, the other cookie kept
    expect(auth.requestHeaders.get("cookie")).toBe(`theme=dark; DS=${rotated}; DSR=${valueOf(auth.setCookies, "DSR")}`)

    const response = NextResponse.next()
    for (const cookie of auth.cookies) response.cookies.set(cookie)
    // the app's own cookie, set after ours, keeps them
    response.cookies.set("theme", "dark")
    const setCookie = response.headers.getSetCookie()
    expect(setCookie.map((c) => c.split("=")[0])).toEqual(["DS", "DSR", "theme"])
    expect(valueOf(setCookie, "DS")).toBe(rotated)
    const ds = setCookie[0] ?? ""
    expect(ds).toMatch(/; HttpOnly/i)
    expect(ds).toMatch(/; Secure/i)
    expect(ds).toMatch(/; SameSite=strict/i)
    expect(ds).toMatch(/; Path=\//i)
    expect(response.cookies.get("DS")?.value).toBe(rotated)
    // Next hands them on to `cookies()` of the request the middleware lets through
    expect(response.headers.get("x-middleware-set-cookie")).toContain(`DS=${rotated}`)

    // the rotated session is good on its own
    const again = await authenticate(descope, request(`DS=${rotated}`))
    expect("session" in again && again.session.userId).toBe(tokens.userId)
  })

  it("the Set-Cookie values appended to NextResponse.next() are separate headers, but outside its cookie jar", async () => {
    // why `cookies` is there: what the helper's documentation said to do before, on a real NextResponse
    const tokens = await expired()
    const auth = await authenticate(descope, request(`DS=${tokens.session}; DSR=${tokens.refresh}`), { refresh: true })
    if (!("session" in auth)) throw new Error(`refused: ${auth.response.status}`)
    const response = NextResponse.next()
    for (const cookie of auth.setCookies) response.headers.append("set-cookie", cookie)
    expect(response.headers.getSetCookie()).toEqual(auth.setCookies)
    expect(response.cookies.get("DS")).toBeUndefined()
    response.cookies.set("theme", "dark")
    expect(response.headers.getSetCookie().map((c) => c.split("=")[0])).toEqual(["theme"])
  })

  /** GET `path` with `headers` as name, value, name, value...: repeated names go as separate header lines. */
  const getWithLines = (
    baseUrl: string,
    path: string,
    headers: ReadonlyArray<string>
  ): Promise<{ readonly status: number; readonly body: unknown }> =>
    new Promise((resolve, reject) => {
      const url = new URL(path, baseUrl)
      // (with headers as an array, node:http adds no Host header)
      const lines = ["host", url.host, ...headers]
      Http.get({ hostname: url.hostname, port: url.port, path, headers: lines, agent: false }, (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (chunk: Buffer) => chunks.push(chunk))
        res.on("error", reject)
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown })
          } catch {
            resolve({ status: res.statusCode ?? 0, body: text })
          }
        })
      }).on("error", reject)
    })

  /**
   * An app with `middleware.ts` authenticating with refresh and a `withDescope(..., { refresh: true })` route
   * handler behind it, each with its own client (as in an app: the middleware on the Edge runtime, the route on
   * Node), `/dashboard` answering the session and the cookies it read. `handOn`: whether the middleware hands
   * the rotated cookies on with `NextResponse.next({ request: { headers: auth.requestHeaders } })`.
   */
  const withMiddleware = async (handOn: boolean) => {
    const edge = fromLayer(layer)
    const middleware = async (request: NextRequest): Promise<Response> => {
      const auth = await authenticate(edge, request, { refresh: true })
      if ("response" in auth) return auth.response
      const response = handOn ? NextResponse.next({ request: { headers: auth.requestHeaders } }) : NextResponse.next()
      for (const cookie of auth.cookies) response.cookies.set(cookie)
      return response
    }
    const route: Route = { path: "/dashboard" }
    const GET = withDescope(descope, (request: NextRequest, { session }) =>
      NextResponse.json({
        userId: session.userId,
        ds: request.cookies.get("DS")?.value,
        dsr: request.cookies.get("DSR")?.value,
        theme: request.cookies.get("theme")?.value
      }), { refresh: true })
    const server = await serve([{ route, module: routeModule(route, GET) }], middleware)
    return {
      baseUrl: server.baseUrl,
      close: async () => {
        await server.close()
        await edge.dispose()
      }
    }
  }

  /** GETs /dashboard with ada's expired session and her refresh token; the refresh calls on the wire. */
  const dashboard = async (handOn: boolean) => {
    const tokens = await expired()
    const counter = await Effect.runPromise(emulator.addFault({ path: "/v1/auth/refresh", latencyMs: 1 }))
    const app = await withMiddleware(handOn)
    try {
      const answer = await fetch(`${app.baseUrl}/dashboard`, {
        headers: { cookie: `theme=dark; DS=${tokens.session}; DSR=${tokens.refresh}` }
      })
      const refreshes = (await Effect.runPromise(emulator.faults)).find((f) => f.id === counter)?.hits
      return { tokens, answer, body: await answer.json() as unknown, refreshes }
    } finally {
      await app.close()
      await Effect.runPromise(emulator.removeFault(counter))
    }
  }

  it("middleware.ts refreshes and hands the rotated session on (requestHeaders): the withDescope handler behind it reads it, one refresh on the wire", async () => {
    const { answer, body, refreshes, tokens } = await dashboard(true)
    expect(answer.status, JSON.stringify(body)).toBe(200)
    expect(refreshes).toBe(1)
    const setCookie = answer.headers.getSetCookie()
    // the middleware's rotated cookies, once (the handler did not refresh)
    expect(setCookie.map((c) => c.split("=")[0])).toEqual(["DS", "DSR"])
    const rotated = valueOf(setCookie, "DS")
    expect(rotated).not.toBe(tokens.session)
    expect(valueOf(setCookie, "DSR")).not.toBe(tokens.refresh)
    // the handler saw the rotated session, and the app's other cookie
    expect(body).toEqual({ userId: tokens.userId, ds: rotated, dsr: valueOf(setCookie, "DSR"), theme: "dark" })
  })

  it("middleware.ts that does not hand the rotated session on (NextResponse.next()): the handler behind it refreshes again with the old refresh token, which rotation refuses", async () => {
    // the defect requestHeaders is there for: a second refresh, with the refresh token the first one rotated;
    // with refresh-token rotation on, Descope refuses it and the signed-in user gets a 401
    const { answer, body, refreshes } = await dashboard(false)
    expect(refreshes).toBe(2)
    expect(answer.status, JSON.stringify(body)).toBe(401)
  })

  it("repeated request header lines reach the handler joined the way Next joins them", async () => {
    const tokens = await signIn()
    const route: Route = { path: "/echo" }
    const GET = withDescope(descope, (request: NextRequest, { session }) =>
      NextResponse.json({
        userId: session.userId,
        cookie: request.headers.get("cookie"),
        theme: request.cookies.get("theme")?.value,
        tag: request.headers.get("x-tag")
      }))
    const server = await serve([{ route, module: routeModule(route, GET) }])
    try {
      // two Cookie lines: one header, joined with "; " (the DS of the second line is read)
      const answer = await getWithLines(server.baseUrl, "/echo", [
        "cookie",
        "theme=dark",
        "cookie",
        `DS=${tokens.session}`,
        "x-tag",
        "a",
        "x-tag",
        "b"
      ])
      expect(answer).toEqual({
        status: 200,
        body: { userId: tokens.userId, cookie: `theme=dark; DS=${tokens.session}`, theme: "dark", tag: "a, b" }
      })
      // two Authorization lines: Node keeps the first one only
      const good = `Bearer ${tokens.session}`
      expect(
        (await getWithLines(server.baseUrl, "/echo", ["authorization", good, "authorization", "Bearer x.y.z"])).status
      )
        .toBe(200)
      expect(
        (await getWithLines(server.baseUrl, "/echo", ["authorization", "Bearer x.y.z", "authorization", good])).status
      )
        .toBe(401)
    } finally {
      await server.close()
    }
  })

  it("a route handler typed for NextRequest: nextUrl and cookies; its NextResponse's cookie kept beside the rotated ones", async () => {
    const route: Route = { path: "/dashboard" }
    const GET = withDescope(
      descope,
      (request: NextRequest, { session }) => {
        const response = NextResponse.json({
          userId: session.userId,
          pathname: request.nextUrl.pathname,
          tab: request.nextUrl.searchParams.get("tab"),
          theme: request.cookies.get("theme")?.value
        })
        response.cookies.set("seen", "1")
        return response
      },
      { refresh: true }
    )
    const server = await serve([{ route, module: routeModule(route, GET) }])
    try {
      const tokens = await expired()
      const answer = await fetch(`${server.baseUrl}/dashboard?tab=2`, {
        headers: { cookie: `theme=dark; DS=${tokens.session}; DSR=${tokens.refresh}` }
      })
      expect(answer.status).toBe(200)
      expect(await answer.json()).toEqual({ userId: tokens.userId, pathname: "/dashboard", tab: "2", theme: "dark" })
      const setCookie = answer.headers.getSetCookie()
      expect(setCookie.map((c) => c.split("=")[0])).toEqual(["seen", "DS", "DSR"])
      expect(valueOf(setCookie, "DS")).not.toBe(tokens.session)
      expect(answer.headers.get("x-middleware-set-cookie")).toBeNull()
    } finally {
      await server.close()
    }
  })
})
