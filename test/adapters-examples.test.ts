/**
 * The framework examples (examples/express.ts, hono.ts, fastify.ts,
 * next-routes.ts) run against the in-process emulator: the Express, Hono and
 * Fastify apps on 127.0.0.1 (port 0), the Next route handlers with real web
 * `Request`s. Each: no session is 401; a wrong code is 401 with Descope's
 * code; the right code sets DS / DSR; `/me` answers the user; `/admin` is 403
 * naming the role; an expired session is refreshed through DSR.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as ExpressExample from "../examples/express.js"
import * as FastifyExample from "../examples/fastify.js"
import * as HonoExample from "../examples/hono.js"
import * as NextExample from "../examples/next-routes.js"
import * as Emulator from "../src/emulator/index.js"
import * as DescopeLayers from "../src/layers/Descope.js"
import { type Descope, fromLayer } from "../src/promise/index.js"

const PROJECT_ID = "P2AdapterExamples00000000001"

let emulator: Emulator.Service
let descope: Descope

beforeAll(async () => {
  emulator = await Effect.runPromise(Emulator.make({ projectId: PROJECT_ID }))
  descope = fromLayer(
    Layer.mergeAll(
      DescopeLayers.layer({ projectId: PROJECT_ID, baseUrl: "http://emulator.local" }).pipe(
        Layer.provide(Emulator.layerHttpClient),
        Layer.orDie
      ),
      Emulator.layerClock
    ).pipe(Layer.provide(Layer.succeed(Emulator.Emulator, emulator)))
  )
})

afterAll(() => descope.dispose())

/** How a test talks to an example: method, path, headers, JSON body → status, JSON body, Set-Cookie values. */
type Send = (
  method: "GET" | "POST",
  path: string,
  init?: { readonly cookie?: string; readonly body?: unknown }
) => Promise<{ readonly status: number; readonly body: Record<string, unknown>; readonly cookies: Array<string> }>

const overHttp = (baseUrl: string): Send => async (method, path, init = {}) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(init.cookie !== undefined ? { cookie: init.cookie } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {})
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {})
  })
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    cookies: response.headers.getSetCookie()
  }
}

const cookieOf = (cookies: ReadonlyArray<string>, name: string) =>
  cookies.map((c) => c.split(";")[0] ?? "").find((c) => c.startsWith(`${name}=`))

const story = async (send: Send, email: string) => {
  expect((await send("GET", "/me")).status).toBe(401)
  expect((await send("POST", "/auth/otp/start", { body: { email } })).status).toBe(200)
  const code = Option.getOrThrow(await Effect.runPromise(emulator.lastMessage(email, "otp"))).code ?? ""
  const wrong = await send("POST", "/auth/otp/verify", {
    body: { email, code: code === "000000" ? "111111" : "000000" }
  })
  expect([wrong.status, wrong.body.errorCode]).toEqual([401, "E061102"])
  const signedIn = await send("POST", "/auth/otp/verify", { body: { email, code } })
  expect(signedIn.status).toBe(200)
  const ds = cookieOf(signedIn.cookies, "DS")
  const dsr = cookieOf(signedIn.cookies, "DSR")
  expect(ds).toBeDefined()
  expect(dsr).toBeDefined()
  const me = await send("GET", "/me", { cookie: ds ?? "" })
  expect(me).toMatchObject({ status: 200, body: { userId: signedIn.body.userId } })
  const admin = await send("GET", "/admin", { cookie: ds ?? "" })
  expect([admin.status, admin.body.missingRoles]).toEqual([403, ["admin"]])
  const settings = await send("GET", "/tenants/acme/settings", { cookie: ds ?? "" })
  expect([settings.status, settings.body.tenantId]).toEqual([403, "acme"])
  await Effect.runPromise(emulator.advanceTime("11 minutes"))
  const refreshed = await send("GET", "/me", { cookie: `${ds}; ${dsr}` })
  expect(refreshed.status).toBe(200)
  expect(cookieOf(refreshed.cookies, "DS")).not.toBe(ds)
}

describe("the framework examples", () => {
  for (
    const [name, example] of [
      ["express", ExpressExample],
      ["hono", HonoExample],
      ["fastify", FastifyExample]
    ] as const
  ) {
    it(`examples/${name}.ts`, async () => {
      const server = await example.listen(descope)
      try {
        await story(overHttp(server.baseUrl), `${name}@example.com`)
      } finally {
        await server.close()
      }
    }, 60_000)
  }

  it("examples/next-routes.ts (route handlers with web Requests)", async () => {
    const routes = NextExample.makeRoutes(descope)
    const send: Send = async (method, path, init = {}) => {
      const request = new Request(`http://app.test${path}`, {
        method,
        headers: init.cookie !== undefined ? { cookie: init.cookie } : {},
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {})
      })
      const tenant = /^\/tenants\/([^/]+)\/settings$/.exec(path)
      const response = path === "/auth/otp/start"
        ? await routes.start(request)
        : path === "/auth/otp/verify"
        ? await routes.verify(request)
        : path === "/me"
        ? await routes.me(request)
        : path === "/admin"
        ? await routes.admin(request)
        : await routes.settings(request, { params: Promise.resolve({ tenantId: tenant?.[1] ?? "" }) })
      return {
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
        cookies: response.headers.getSetCookie()
      }
    }
    await story(send, "next@example.com")
  }, 60_000)
})
