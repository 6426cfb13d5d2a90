import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import type * as Authenticator from "../src/server/Authenticator.js"
import { CurrentSession } from "../src/server/CurrentSession.js"
import * as DescopeMiddleware from "../src/server/DescopeMiddleware.js"
import * as Guard from "../src/server/Guard.js"
import {
  type Client,
  expiredSession,
  get,
  PROJECT_ID,
  readJson,
  refreshAnswer,
  refreshToken,
  remoteKeysClient,
  session,
  testKeysClient
} from "./support/server.js"

const routes = HttpRouter.empty.pipe(
  HttpRouter.get(
    "/me",
    Effect.flatMap(
      CurrentSession,
      (s) => HttpServerResponse.json({ userId: s.userId, tenant: s.currentTenant ?? null })
    )
  ),
  HttpRouter.get(
    "/tenants/:tenantId/admin",
    Effect.flatMap(HttpRouter.params, (p) => HttpServerResponse.text(`admin of ${p.tenantId}`)).pipe(
      DescopeMiddleware.guard({ tenantRoles: ["admin"], tenant: { path: "tenantId" } })
    )
  ),
  HttpRouter.get(
    "/audit",
    HttpServerResponse.text("audit").pipe(DescopeMiddleware.guard({ roles: ["auditor"], permissions: ["audit:read"] }))
  ),
  HttpRouter.get(
    "/edit",
    HttpServerResponse.text("edit").pipe(DescopeMiddleware.guard({ tenantPermissions: ["edit"] }))
  ),
  HttpRouter.get("/inline", Effect.zipRight(Guard.requireRoles(["owner"]), HttpServerResponse.text("inline")))
)

const serve = (client: Client, options: Authenticator.Options = {}) =>
  Effect.gen(function*() {
    const app = routes.pipe(HttpRouter.use(DescopeMiddleware.make(options)))
    const web = HttpApp.toWebHandlerLayer(app, Layer.succeedContext(client.context))
    yield* Effect.addFinalizer(() => Effect.promise(() => web.dispose()))
    return (request: Request) => Effect.promise(() => web.handler(request))
  })

const setup = (options: Authenticator.Options = {}) =>
  Effect.gen(function*() {
    const client = yield* testKeysClient
    const send = yield* serve(client, options)
    return { client, send }
  })

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

describe("DescopeMiddleware (HttpRouter)", () => {
  it.scopedLive("bearer -> 200, DS cookie -> 200, with CurrentSession provided", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const token = yield* session(client, { dct: "T1" })
      const viaBearer = yield* send(get("/me", bearer(token)))
      assert.strictEqual(viaBearer.status, 200)
      assert.deepStrictEqual(yield* readJson(viaBearer), { userId: "U-alice", tenant: "T1" })
      const viaCookie = yield* send(get("/me", { cookie: `DS=${token}` }))
      assert.strictEqual(viaCookie.status, 200)
    }))

  it.scopedLive("custom cookie name", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ sessionCookieName: "APP_DS" })
      const token = yield* session(client)
      assert.strictEqual((yield* send(get("/me", { cookie: `APP_DS=${token}` }))).status, 200)
      assert.strictEqual((yield* send(get("/me", { cookie: `DS=${token}` }))).status, 401)
    }))

  it.scopedLive("missing / empty token -> 401 with the HttpApi body", () =>
    Effect.gen(function*() {
      const { send } = yield* setup()
      for (const headers of [{}, { authorization: "Bearer " }, { cookie: "DS=" }]) {
        const response = yield* send(get("/me", headers))
        assert.strictEqual(response.status, 401)
        assert.strictEqual(response.headers.get("content-type"), "application/json")
        assert.strictEqual(response.headers.get("www-authenticate"), "Bearer")
        assert.deepStrictEqual(yield* readJson(response), {
          _tag: "DescopeUnauthorized",
          errorCode: "C030002",
          errorDescription: "Invalid token",
          errorMessage: "no session token: send Authorization: Bearer <token> or the DS cookie",
          reason: "Missing"
        })
      }
    }))

  it.scopedLive("expired -> 401 Expired", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const response = yield* send(get("/me", bearer(yield* expiredSession(client))))
      assert.strictEqual(response.status, 401)
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body.reason, "Expired")
      assert.strictEqual(body.errorCode, "C030002")
    }))

  it.scopedLive("keys outage -> 503", () =>
    Effect.gen(function*() {
      const client = yield* remoteKeysClient
      client.answers.keys = MockHttpClient.json({}, { status: 503 })
      const send = yield* serve(client)
      const response = yield* send(get("/me", bearer(yield* session(client))))
      assert.strictEqual(response.status, 503)
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body._tag, "DescopeUnavailable")
      assert.strictEqual(body.errorCode, "C030001")
    }))

  it.scopedLive("expired + DSR with refresh on -> 200, rotated cookies, Bearer <pid>:<refresh>", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ refresh: true })
      const expired = yield* expiredSession(client)
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client, { sub: "U-bob" })
      const newRefresh = yield* client.mint({ claims: { sub: "U-bob", drn: "DSR", jti: "n" }, expiresIn: "30 days" })
      client.answers.refresh = refreshAnswer(newSession, newRefresh)
      const response = yield* send(get("/me", { cookie: `DS=${expired}; DSR=${dsr}` }))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(yield* readJson(response), { userId: "U-bob", tenant: null })
      assert.deepStrictEqual(response.headers.getSetCookie(), [
        `DS=${newSession}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict`,
        `DSR=${newRefresh}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict`
      ])
      const requests = yield* client.recorder.requests
      assert.deepStrictEqual(requests.map((r) => [r.method, r.path, r.headers["authorization"]]), [
        ["POST", "/v1/auth/refresh", `Bearer ${PROJECT_ID}:${dsr}`]
      ])
    }))

  it.scopedLive("refresh off -> 401 and no refresh request", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const response = yield* send(
        get("/me", { cookie: `DS=${yield* expiredSession(client)}; DSR=${yield* refreshToken(client)}` })
      )
      assert.strictEqual(response.status, 401)
      assert.deepStrictEqual(yield* client.recorder.requests, [])
    }))

  it.scopedLive("guards: roles / permissions -> 403 naming what is missing, 200 when present", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const denied = yield* send(get("/audit", bearer(yield* session(client, { roles: ["auditor"] }))))
      assert.strictEqual(denied.status, 403)
      assert.deepStrictEqual(yield* readJson(denied), {
        _tag: "DescopeForbidden",
        errorCode: "Forbidden",
        errorDescription: "Insufficient roles or permissions",
        errorMessage: "Forbidden: missing permissions [audit:read]",
        missingRoles: [],
        missingPermissions: ["audit:read"]
      })
      const ok = yield* send(
        get("/audit", bearer(yield* session(client, { roles: ["auditor"], permissions: ["audit:read"] })))
      )
      assert.strictEqual(ok.status, 200)
      assert.strictEqual(yield* Effect.promise(() => ok.text()), "audit")
    }))

  it.scopedLive("guards: tenant from the path and from dct", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const token = yield* session(client, {
        tenants: { T1: { roles: ["admin"], permissions: ["edit"] }, T2: { roles: [] } },
        dct: "T2"
      })
      const ok = yield* send(get("/tenants/T1/admin", bearer(token)))
      assert.strictEqual(ok.status, 200)
      assert.strictEqual(yield* Effect.promise(() => ok.text()), "admin of T1")
      const denied = yield* send(get("/tenants/T2/admin", bearer(token)))
      assert.strictEqual(denied.status, 403)
      const body = (yield* readJson(denied)) as Record<string, unknown>
      assert.strictEqual(body.tenantId, "T2")
      assert.deepStrictEqual(body.missingRoles, ["admin"])

      const editT2 = yield* send(get("/edit", bearer(token)))
      assert.strictEqual(editT2.status, 403)
      assert.deepStrictEqual((yield* readJson(editT2)) as Record<string, unknown>, {
        _tag: "DescopeForbidden",
        errorCode: "Forbidden",
        errorDescription: "Insufficient roles or permissions",
        errorMessage: "Forbidden: missing permissions [edit] in tenant T2",
        tenantId: "T2",
        missingRoles: [],
        missingPermissions: ["edit"]
      })
      const inT1 = yield* session(client, { tenants: { T1: { permissions: ["edit"] } }, dct: "T1" })
      assert.strictEqual((yield* send(get("/edit", bearer(inT1)))).status, 200)
    }))

  it.scopedLive("Guard.requireRoles inside a route handler: the middleware answers its 403", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const denied = yield* send(get("/inline", bearer(yield* session(client))))
      assert.strictEqual(denied.status, 403)
      assert.deepStrictEqual(((yield* readJson(denied)) as Record<string, unknown>).missingRoles, ["owner"])
      const ok = yield* send(get("/inline", bearer(yield* session(client, { roles: ["owner"] }))))
      assert.strictEqual(ok.status, 200)
    }))

  it.scopedLive("unknown routes are not authenticated (404)", () =>
    Effect.gen(function*() {
      const { send } = yield* setup()
      assert.strictEqual((yield* send(get("/nope"))).status, 404)
    }))
})
