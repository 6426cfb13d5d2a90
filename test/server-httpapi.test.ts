import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpServer from "@effect/platform/HttpServer"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Jwks from "../src/core/Jwks.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import * as Authenticator from "../src/server/Authenticator.js"
import { CurrentSession } from "../src/server/CurrentSession.js"
import * as DescopeAuth from "../src/server/DescopeAuth.js"
import * as Guard from "../src/server/Guard.js"
import { DescopeForbidden } from "../src/server/ServerError.js"
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

// --- the app under test ---------------------------------------------------------------

const Me = Schema.Struct({ userId: Schema.String, tenant: Schema.NullOr(Schema.String) })

class Auditor extends DescopeAuth.DescopeGuard<Auditor>()("Auditor") {}
class TenantAdmin extends DescopeAuth.DescopeGuard<TenantAdmin>()("TenantAdmin") {}
class CurrentTenantEditor extends DescopeAuth.DescopeGuard<CurrentTenantEditor>()("CurrentTenantEditor") {}

class Api extends HttpApi.make("test")
  .add(
    HttpApiGroup.make("app")
      .add(HttpApiEndpoint.get("me", "/me").addSuccess(Me))
      .add(HttpApiEndpoint.get("audit", "/audit").addSuccess(Schema.String).middleware(Auditor))
      .add(
        HttpApiEndpoint.get("tenantAdmin", "/tenants/:tenantId/admin")
          .setPath(Schema.Struct({ tenantId: Schema.String }))
          .addSuccess(Schema.String)
          .middleware(TenantAdmin)
      )
      .add(HttpApiEndpoint.get("edit", "/edit").addSuccess(Schema.String).middleware(CurrentTenantEditor))
      .add(HttpApiEndpoint.get("inline", "/inline").addSuccess(Schema.String).addError(DescopeForbidden))
      .add(HttpApiEndpoint.post("logout", "/logout").addSuccess(Schema.String))
      .middleware(DescopeAuth.DescopeAuth)
  )
  .add(
    // a guard without DescopeAuth: it authenticates by itself
    HttpApiGroup.make("solo")
      .add(HttpApiEndpoint.get("solo", "/solo").addSuccess(Schema.String).middleware(Auditor))
      // public: a login that sets the session cookies
      .add(HttpApiEndpoint.post("login", "/login").addSuccess(Schema.String))
  )
{}

const AppLive = HttpApiBuilder.group(Api, "app", (handlers) =>
  handlers
    .handle("me", () => Effect.map(CurrentSession, (s) => ({ userId: s.userId, tenant: s.currentTenant ?? null })))
    .handle("audit", () => Effect.succeed("audit"))
    .handle("tenantAdmin", ({ path }) => Effect.succeed(`admin of ${path.tenantId}`))
    .handle("edit", () => Effect.succeed("edit"))
    .handle("inline", () => Effect.map(Guard.requireTenantRoles(["owner"], "T9"), (s) => `inline ${s.userId}`))
    .handle("logout", () => Effect.as(Authenticator.clearSessionCookies({ sessionCookieName: "APP_DS" }), "bye")))

const SoloLive = HttpApiBuilder.group(Api, "solo", (handlers) =>
  handlers
    .handle("solo", () => Effect.succeed("solo"))
    .handle("login", ({ request }) =>
      Effect.gen(function*() {
        const client = yield* DescopeClient
        const { refreshToken } = Authenticator.tokensFromRequest(request)
        const info = yield* Effect.orDie(client.refreshSession(refreshToken ?? ""))
        yield* Authenticator.setSessionCookies(info, { sessionCookieName: "APP_DS", setCookie: { sameSite: "Lax" } })
        return info.session.userId
      })))

const serve = (client: Client, options: Authenticator.Options = {}) =>
  Effect.gen(function*() {
    const ApiLive = HttpApiBuilder.api(Api).pipe(
      Layer.provide([AppLive, SoloLive]),
      Layer.provide([
        DescopeAuth.guardLayer(Auditor, { roles: ["auditor"], permissions: ["audit:read"] }),
        DescopeAuth.guardLayer(TenantAdmin, { tenantRoles: ["admin"], tenant: { path: "tenantId" } }),
        DescopeAuth.guardLayer(CurrentTenantEditor, { tenantPermissions: ["edit"] })
      ]),
      Layer.provide(DescopeAuth.layer(options)),
      Layer.provide(Layer.succeedContext(client.context))
    )
    const web = HttpApiBuilder.toWebHandler(Layer.mergeAll(ApiLive, HttpServer.layerContext))
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

// --- tests -----------------------------------------------------------------------------

describe("DescopeAuth (HttpApi)", () => {
  it.scopedLive("Authorization: Bearer -> 200 with the session provided to the handler", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const token = yield* session(client, { dct: "T1" })
      const response = yield* send(get("/me", bearer(token)))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(yield* readJson(response), { userId: "U-alice", tenant: "T1" })
      assert.deepStrictEqual(yield* client.recorder.requests, [], "validation is local")
    }))

  it.scopedLive("the DS cookie -> 200", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const token = yield* session(client)
      const response = yield* send(get("/me", { cookie: `other=1; DS=${token}` }))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(yield* readJson(response), { userId: "U-alice", tenant: null })
    }))

  it.scopedLive("a custom session cookie name is read, and DS is then ignored", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ sessionCookieName: "APP_DS" })
      const token = yield* session(client)
      const ok = yield* send(get("/me", { cookie: `APP_DS=${token}` }))
      assert.strictEqual(ok.status, 200)
      const ignored = yield* send(get("/me", { cookie: `DS=${token}` }))
      assert.strictEqual(ignored.status, 401)
      assert.deepStrictEqual(yield* readJson(ignored), {
        _tag: "DescopeUnauthorized",
        errorCode: "C030002",
        errorDescription: "Invalid token",
        errorMessage: "no session token: send Authorization: Bearer <token> or the APP_DS cookie",
        reason: "Missing"
      })
    }))

  it.scopedLive("no token -> 401 with a Descope-style body and WWW-Authenticate", () =>
    Effect.gen(function*() {
      const { send } = yield* setup()
      const response = yield* send(get("/me"))
      assert.strictEqual(response.status, 401)
      assert.strictEqual(response.headers.get("www-authenticate"), "Bearer")
      assert.deepStrictEqual(yield* readJson(response), {
        _tag: "DescopeUnauthorized",
        errorCode: "C030002",
        errorDescription: "Invalid token",
        errorMessage: "no session token: send Authorization: Bearer <token> or the DS cookie",
        reason: "Missing"
      })
    }))

  it.scopedLive("an empty bearer token or an empty DS cookie -> 401 Missing", () =>
    Effect.gen(function*() {
      const { send } = yield* setup()
      for (const headers of [{ authorization: "Bearer " }, { authorization: "Bearer" }, { cookie: "DS=" }]) {
        const response = yield* send(get("/me", headers))
        assert.strictEqual(response.status, 401, JSON.stringify(headers))
        const body = (yield* readJson(response)) as Record<string, unknown>
        assert.strictEqual(body.reason, "Missing")
        assert.strictEqual(body._tag, "DescopeUnauthorized")
      }
    }))

  it.scopedLive("an expired token -> 401 Expired, never a defect", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const token = yield* expiredSession(client)
      const response = yield* send(get("/me", bearer(token)))
      assert.strictEqual(response.status, 401)
      assert.strictEqual(response.headers.get("www-authenticate"), "Bearer error=\"invalid_token\"")
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body._tag, "DescopeUnauthorized")
      assert.strictEqual(body.errorCode, "C030002")
      assert.strictEqual(body.reason, "Expired")
      assert.isFalse(String(body.errorMessage).includes(token), "the token is not echoed")
    }))

  it.scopedLive("a garbage token -> 401 Malformed", () =>
    Effect.gen(function*() {
      const { send } = yield* setup()
      const response = yield* send(get("/me", bearer("not-a-jwt")))
      assert.strictEqual(response.status, 401)
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body.reason, "Malformed")
    }))

  it.scopedLive("an invalid bearer token is not retried with a valid DS cookie", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const valid = yield* session(client)
      const expired = yield* expiredSession(client)
      const response = yield* send(get("/me", { ...bearer(expired), cookie: `DS=${valid}` }))
      assert.strictEqual(response.status, 401)
      const ok = yield* send(get("/me", { authorization: "Basic dTpw", cookie: `DS=${valid}` }))
      assert.strictEqual(ok.status, 200, "a non-bearer Authorization header falls back to the cookie")
    }))

  it.scopedLive("keys outage (keys endpoint 503) -> 503, not 401", () =>
    Effect.gen(function*() {
      const client = yield* remoteKeysClient
      client.answers.keys = MockHttpClient.json({ errorCode: "E000000" }, { status: 503 })
      const send = yield* serve(client)
      const token = yield* session(client)
      const response = yield* send(get("/me", bearer(token)))
      assert.strictEqual(response.status, 503)
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body._tag, "DescopeUnavailable")
      assert.strictEqual(body.errorCode, "E000000")
      assert.strictEqual(body.errorDescription, "Missing or invalid public key")
      const requests = yield* client.recorder.requests
      assert.deepStrictEqual(requests.map((r) => `${r.method} ${r.path}`), [`GET /v2/keys/${PROJECT_ID}`])
    }))

  it.scopedLive("keys endpoint unreachable -> 503 C030001", () =>
    Effect.gen(function*() {
      const client = yield* remoteKeysClient
      client.answers.keys = new Response("<html>bad gateway</html>", { status: 502 })
      const send = yield* serve(client)
      const token = yield* session(client)
      const response = yield* send(get("/me", { cookie: `DS=${token}` }))
      assert.strictEqual(response.status, 503)
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body._tag, "DescopeUnavailable")
      assert.strictEqual(body.errorCode, "C030001")
    }))

  it.scopedLive("keys endpoint rate-limited -> 503 with retryAfter and Retry-After", () =>
    Effect.gen(function*() {
      const client = yield* remoteKeysClient
      client.answers.keys = MockHttpClient.json(
        { errorCode: "E130429", errorDescription: "https://docs.descope.com/rate-limit" },
        { status: 429, headers: { "retry-after": "7" } }
      )
      const send = yield* serve(client)
      const token = yield* session(client)
      const response = yield* send(get("/me", bearer(token)))
      assert.strictEqual(response.status, 503)
      assert.strictEqual(response.headers.get("retry-after"), "7")
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body.errorCode, "E130429")
      assert.strictEqual(body.retryAfter, 7)
    }))

  it.scopedLive("remote keys served -> 200", () =>
    Effect.gen(function*() {
      const client = yield* remoteKeysClient
      const test = yield* Jwks.makeTest(PROJECT_ID, { kid: "k2" })
      client.answers.keys = MockHttpClient.json({ keys: [test.publicJwk] })
      const send = yield* serve(client)
      const token = yield* test.mint({ claims: { sub: "U-remote" } })
      const response = yield* send(get("/me", bearer(token)))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(yield* readJson(response), { userId: "U-remote", tenant: null })
    }))
})

describe("DescopeAuth refresh", () => {
  it.scopedLive("expired session + DSR with refresh on -> 200 with the new session and rotated cookies", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ refresh: true })
      const expired = yield* expiredSession(client)
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client, { sub: "U-alice", dct: "T-new" })
      const newRefresh = yield* client.mint({
        claims: { sub: "U-alice", drn: "DSR", jti: "rotated" },
        expiresIn: "30 days"
      })
      client.answers.refresh = refreshAnswer(newSession, newRefresh)

      const response = yield* send(get("/me", { cookie: `DS=${expired}; DSR=${dsr}` }))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(yield* readJson(response), { userId: "U-alice", tenant: "T-new" })
      assert.deepStrictEqual(response.headers.getSetCookie(), [
        `DS=${newSession}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict`,
        `DSR=${newRefresh}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict`
      ])
      const requests = yield* client.recorder.requests
      assert.strictEqual(requests.length, 1)
      const refresh = requests[0]!
      assert.strictEqual(refresh.method, "POST")
      assert.strictEqual(refresh.url, "https://api.descope.test/v1/auth/refresh")
      assert.strictEqual(refresh.headers["authorization"], `Bearer ${PROJECT_ID}:${dsr}`)
      assert.deepStrictEqual(refresh.body, {})
    }))

  it.scopedLive("no DS at all (the browser dropped it) + DSR -> refreshed", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ refresh: true })
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client)
      client.answers.refresh = MockHttpClient.json({ sessionJwt: newSession })
      const response = yield* send(get("/me", { cookie: `DSR=${dsr}` }))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(
        response.headers.getSetCookie(),
        [`DS=${newSession}; Path=/; HttpOnly; Secure; SameSite=Strict`],
        "the refresh token was not rotated: DSR is not set again"
      )
    }))

  it.scopedLive("custom cookie names and cookie attributes apply to the refresh", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({
        refresh: true,
        sessionCookieName: "APP_DS",
        refreshCookieName: "APP_DSR",
        setCookie: { sameSite: "Lax", secure: false }
      })
      const expired = yield* expiredSession(client)
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client)
      const newRefresh = yield* client.mint({ claims: { sub: "U-alice", drn: "DSR", jti: "r2" }, expiresIn: "30 days" })
      client.answers.refresh = refreshAnswer(newSession, newRefresh)
      const response = yield* send(get("/me", { cookie: `APP_DS=${expired}; APP_DSR=${dsr}; DSR=ignored` }))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(response.headers.getSetCookie(), [
        `APP_DS=${newSession}; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax`,
        `APP_DSR=${newRefresh}; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax`
      ])
      const last = yield* client.recorder.last
      assert.strictEqual(last?.headers["authorization"], `Bearer ${PROJECT_ID}:${dsr}`)
    }))

  it.scopedLive("refresh off (the default) -> 401 even with a DSR cookie, and no refresh request", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const expired = yield* expiredSession(client)
      const dsr = yield* refreshToken(client)
      const response = yield* send(get("/me", { cookie: `DS=${expired}; DSR=${dsr}` }))
      assert.strictEqual(response.status, 401)
      assert.strictEqual(((yield* readJson(response)) as Record<string, unknown>).reason, "Expired")
      assert.deepStrictEqual(response.headers.getSetCookie(), [])
      assert.deepStrictEqual(yield* client.recorder.requests, [])
    }))

  it.scopedLive("a valid session is not refreshed", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ refresh: true })
      const token = yield* session(client)
      const dsr = yield* refreshToken(client)
      const response = yield* send(get("/me", { cookie: `DS=${token}; DSR=${dsr}` }))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(response.headers.getSetCookie(), [])
      assert.deepStrictEqual(yield* client.recorder.requests, [])
    }))

  it.scopedLive("Descope refuses the refresh (401) -> 401 keeping Descope's code, the session cookies cleared", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ refresh: true })
      const expired = yield* expiredSession(client)
      const dsr = yield* refreshToken(client)
      client.answers.refresh = MockHttpClient.json(
        { errorCode: "E064001", errorDescription: "Token expired", errorMessage: "logged out" },
        { status: 401 }
      )
      const response = yield* send(get("/me", { cookie: `DS=${expired}; DSR=${dsr}` }))
      assert.strictEqual(response.status, 401)
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body._tag, "DescopeUnauthorized")
      assert.strictEqual(body.errorCode, "E064001")
      assert.strictEqual(body.errorDescription, "Missing or invalid refresh token")
      // a refused refresh token is dead: the browser should stop sending it
      assert.deepStrictEqual(response.headers.getSetCookie(), [
        "DS=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict",
        "DSR=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict"
      ])
    }))

  it.scopedLive("an expired refresh token -> 401 C030003 without calling Descope", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ refresh: true })
      const expired = yield* expiredSession(client)
      const expiredRefresh = yield* expiredSession(client, { drn: "DSR" })
      const response = yield* send(get("/me", { cookie: `DS=${expired}; DSR=${expiredRefresh}` }))
      assert.strictEqual(response.status, 401)
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body.errorCode, "C030003")
      assert.strictEqual(body.reason, "Expired")
      assert.deepStrictEqual(yield* client.recorder.requests, [])
    }))

  it.scopedLive("Descope answers the refresh unusably -> 503 C020002", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ refresh: true })
      const expired = yield* expiredSession(client)
      const dsr = yield* refreshToken(client)
      client.answers.refresh = new Response("<html>maintenance</html>", { status: 200 })
      const response = yield* send(get("/me", { cookie: `DS=${expired}; DSR=${dsr}` }))
      assert.strictEqual(response.status, 503)
      const body = (yield* readJson(response)) as Record<string, unknown>
      assert.strictEqual(body._tag, "DescopeUnavailable")
      assert.strictEqual(body.errorCode, "C020002")
      assert.strictEqual(body.errorDescription, "Unexpected response")
    }))
})

describe("DescopeAuth guards", () => {
  it.scopedLive("project roles and permissions: 403 naming what is missing, 200 when present", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const none = yield* session(client, { roles: ["viewer"], permissions: ["audit:read"] })
      const denied = yield* send(get("/audit", bearer(none)))
      assert.strictEqual(denied.status, 403)
      assert.deepStrictEqual(yield* readJson(denied), {
        _tag: "DescopeForbidden",
        errorCode: "Forbidden",
        errorDescription: "Insufficient roles or permissions",
        errorMessage: "Forbidden: missing roles [auditor]",
        missingRoles: ["auditor"],
        missingPermissions: []
      })
      const neither = yield* session(client)
      const both = (yield* readJson(yield* send(get("/audit", bearer(neither))))) as Record<string, unknown>
      assert.deepStrictEqual(both.missingRoles, ["auditor"])
      assert.deepStrictEqual(both.missingPermissions, ["audit:read"])

      const ok = yield* session(client, { roles: ["auditor"], permissions: ["audit:read", "x"] })
      const allowed = yield* send(get("/audit", bearer(ok)))
      assert.strictEqual(allowed.status, 200)
      assert.strictEqual(yield* readJson(allowed), "audit")
    }))

  it.scopedLive("a tenant role from the path: 403 names the tenant, 200 when present", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const token = yield* session(client, {
        tenants: { T1: { roles: ["admin"] }, T2: { roles: ["member"] } },
        dct: "T2"
      })
      const ok = yield* send(get("/tenants/T1/admin", bearer(token)))
      assert.strictEqual(ok.status, 200)
      assert.strictEqual(yield* readJson(ok), "admin of T1")

      const member = yield* send(get("/tenants/T2/admin", bearer(token)))
      assert.strictEqual(member.status, 403)
      assert.deepStrictEqual(yield* readJson(member), {
        _tag: "DescopeForbidden",
        errorCode: "Forbidden",
        errorDescription: "Insufficient roles or permissions",
        errorMessage: "Forbidden: missing roles [admin] in tenant T2",
        tenantId: "T2",
        missingRoles: ["admin"],
        missingPermissions: []
      })

      const stranger = yield* send(get("/tenants/T3/admin", bearer(token)))
      assert.strictEqual(stranger.status, 403)
      const body = (yield* readJson(stranger)) as Record<string, unknown>
      assert.strictEqual(body.tenantId, "T3")
      assert.strictEqual(body.errorMessage, "Forbidden: the session is not associated with tenant T3")
    }))

  it.scopedLive("a tenant permission of the current tenant (dct)", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const tenants = { T1: { permissions: ["edit"] }, T2: { permissions: ["view"] } }
      const inT1 = yield* session(client, { tenants, dct: "T1" })
      assert.strictEqual((yield* send(get("/edit", bearer(inT1)))).status, 200)

      const inT2 = yield* session(client, { tenants, dct: "T2" })
      const denied = yield* send(get("/edit", bearer(inT2)))
      assert.strictEqual(denied.status, 403)
      const body = (yield* readJson(denied)) as Record<string, unknown>
      assert.strictEqual(body.tenantId, "T2")
      assert.deepStrictEqual(body.missingPermissions, ["edit"])

      const noDct = yield* session(client, { tenants })
      const none = (yield* readJson(yield* send(get("/edit", bearer(noDct))))) as Record<string, unknown>
      assert.strictEqual(none.errorMessage, "Forbidden: no tenant to check: the session has no current tenant (dct)")
      assert.deepStrictEqual(none.missingPermissions, ["edit"])
    }))

  it.scopedLive("a guard still answers 401 before 403 when there is no session", () =>
    Effect.gen(function*() {
      const { send } = yield* setup()
      const response = yield* send(get("/tenants/T1/admin"))
      assert.strictEqual(response.status, 401)
      assert.strictEqual(((yield* readJson(response)) as Record<string, unknown>)._tag, "DescopeUnauthorized")
    }))

  it.scopedLive("a guard without DescopeAuth authenticates by itself (with the DescopeAuth options)", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ sessionCookieName: "APP_DS" })
      assert.strictEqual((yield* send(get("/solo"))).status, 401)
      const token = yield* session(client, { roles: ["auditor"], permissions: ["audit:read"] })
      assert.strictEqual((yield* send(get("/solo", { cookie: `APP_DS=${token}` }))).status, 200)
      const plain = yield* session(client)
      assert.strictEqual((yield* send(get("/solo", { cookie: `APP_DS=${plain}` }))).status, 403)
    }))

  it.scopedLive("a guard reuses the refreshed session: one refresh, cookies set once", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup({ refresh: true })
      const claims = { tenants: { T1: { roles: ["admin"] } } }
      const expired = yield* expiredSession(client, claims)
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client, claims)
      client.answers.refresh = MockHttpClient.json({ sessionJwt: newSession })
      const response = yield* send(get("/tenants/T1/admin", { cookie: `DS=${expired}; DSR=${dsr}` }))
      assert.strictEqual(response.status, 200)
      assert.strictEqual((yield* client.recorder.requests).length, 1)
      assert.deepStrictEqual(response.headers.getSetCookie(), [
        `DS=${newSession}; Path=/; HttpOnly; Secure; SameSite=Strict`
      ])
    }))

  it.scopedLive("Guard.requireTenantRoles inside a handler -> 403 / 200", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const without = yield* session(client, { tenants: { T9: { roles: ["member"] } } })
      const denied = yield* send(get("/inline", bearer(without)))
      assert.strictEqual(denied.status, 403)
      const body = (yield* readJson(denied)) as Record<string, unknown>
      assert.strictEqual(body.tenantId, "T9")
      assert.deepStrictEqual(body.missingRoles, ["owner"])
      const owner = yield* session(client, { tenants: { T9: { roles: ["owner"] } } })
      const ok = yield* send(get("/inline", bearer(owner)))
      assert.strictEqual(ok.status, 200)
      assert.strictEqual(yield* readJson(ok), "inline U-alice")
    }))
})

describe("session cookie helpers", () => {
  it.scopedLive("setSessionCookies sets the session and refresh cookies of an authentication", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const dsr = yield* refreshToken(client, "U-login")
      const newSession = yield* session(client, { sub: "U-login" })
      const newRefresh = yield* client.mint({ claims: { sub: "U-login", drn: "DSR", jti: "l" }, expiresIn: "30 days" })
      client.answers.refresh = refreshAnswer(newSession, newRefresh)
      const response = yield* send(
        new Request("http://app.test/login", { method: "POST", headers: { cookie: `DSR=${dsr}` } })
      )
      assert.strictEqual(response.status, 200)
      assert.strictEqual(yield* readJson(response), "U-login")
      assert.deepStrictEqual(response.headers.getSetCookie(), [
        `APP_DS=${newSession}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Lax`,
        `DSR=${newRefresh}; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Lax`
      ])
    }))

  it.scopedLive("clearSessionCookies expires both cookies", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup()
      const token = yield* session(client)
      const response = yield* send(new Request("http://app.test/logout", { method: "POST", headers: bearer(token) }))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(response.headers.getSetCookie(), [
        "APP_DS=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict",
        "DSR=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict"
      ])
    }))
})
