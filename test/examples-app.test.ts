/**
 * Example 3: how to test YOUR application against the Descope emulator.
 *
 * The application here is example 1 (examples/backend): an `HttpApi` whose
 * layers need a `DescopeClient`. In production it gets
 * `Descope.layerConfigFetch()`; in tests it gets the very same client built
 * over the emulator's in-process `HttpClient` — no socket, no Descope
 * account, no mock to write. Requests go to the app through a web handler run
 * in the test's own runtime, so `TestClock` drives the app, the client and
 * the emulator together: `TestClock.adjust("11 minutes")` expires sessions
 * everywhere at once.
 *
 * The recipe:
 * 1. `Emulator.layer(...)` — Descope in memory (users, tenants, roles, keys, outbox ...);
 * 2. `Descope.layer({ projectId, managementKey, baseUrl }).pipe(Layer.provide(Emulator.layerHttpClient))`
 *    — your client, routed into it;
 * 3. your app's layers over that client; read OTP codes and links from
 *    `emulator.lastMessage(loginId, kind)`, set up data with `client.mgmt`,
 *    inject failures with `emulator.addFault(...)`.
 */
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApp from "@effect/platform/HttpApp"
import type * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import * as Backend from "../examples/backend/Backend.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const PROJECT_ID = "P2MyAppTests0000000000000000"
const MANAGEMENT_KEY = "my-app-test-key"
const APP = "http://my-app.test"

// 1 + 2: Descope, in memory, and the client over it
const DescopeTest = Descope.layer({
  projectId: PROJECT_ID,
  managementKey: MANAGEMENT_KEY,
  baseUrl: "http://emulator.local"
})
  .pipe(Layer.provide(Emulator.layerHttpClient))

// 3: the application's layers over that client (plus what an HttpApi app needs to run)
const TestLive = Layer.mergeAll(
  Backend.layerApi(),
  HttpApiBuilder.Router.Live,
  HttpApiBuilder.Middleware.layer,
  HttpServer.layerContext
).pipe(
  Layer.provideMerge(DescopeTest),
  Layer.provideMerge(Emulator.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY }))
)

/** Sends web requests to the app, in the test's runtime (its TestClock), keeping cookies. */
const makeBrowser = Effect.gen(function*() {
  const app = yield* HttpApiBuilder.httpApp
  const runtime = yield* Effect.runtime<HttpRouter.HttpRouter.DefaultServices>()
  const handler = HttpApp.toWebHandlerRuntime(runtime)(app)
  const jar = new Map<string, string>()
  const send = (method: string, path: string, body?: unknown) =>
    Effect.promise(async () => {
      const headers: Record<string, string> = { "content-type": "application/json" }
      if (jar.size > 0) headers["cookie"] = [...jar].map(([k, v]) => `${k}=${v}`).join("; ")
      const response = await handler(
        new Request(`${APP}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
      )
      for (const line of response.headers.getSetCookie()) {
        const [name = "", value = ""] = (line.split(";")[0] ?? "").split("=")
        if (value === "" || /max-age=0(;|$)/i.test(line)) jar.delete(name)
        else jar.set(name, value)
      }
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    })
  return {
    get: (path: string) => send("GET", path),
    post: (path: string, body?: unknown) => send("POST", path, body),
    jar
  }
})

/** Signs in with a one-time code read from the emulator's outbox. */
const signIn = (browser: Effect.Effect.Success<typeof makeBrowser>, email: string) =>
  Effect.gen(function*() {
    const emulator = yield* Emulator.Emulator
    const started = yield* browser.post("/auth/otp/sign-up-or-in", { email })
    assert.strictEqual(started.status, 200)
    const message = yield* emulator.lastMessage(email, "otp")
    const code = Option.getOrThrow(message).code ?? ""
    const verified = yield* browser.post("/auth/otp/verify", { email, code })
    assert.strictEqual(verified.status, 200)
    return String(verified.body.userId)
  })

describe("testing your app with the emulator layer", () => {
  it.scoped("sign in with an OTP from the outbox, then /me", () =>
    Effect.gen(function*() {
      const browser = yield* makeBrowser
      const userId = yield* signIn(browser, "ada@example.com")
      assert.isTrue(browser.jar.has("DS") && browser.jar.has("DSR"))
      const me = yield* browser.get("/me")
      assert.strictEqual(me.status, 200)
      assert.strictEqual(me.body.userId, userId)
    }).pipe(Effect.provide(TestLive)))

  it.scoped("a wrong code is a 401 carrying Descope's error code", () =>
    Effect.gen(function*() {
      const browser = yield* makeBrowser
      yield* browser.post("/auth/otp/sign-up-or-in", { email: "bob@example.com" })
      const emulator = yield* Emulator.Emulator
      const code = Option.getOrThrow(yield* emulator.lastMessage("bob@example.com", "otp")).code
      const wrong = yield* browser.post("/auth/otp/verify", {
        email: "bob@example.com",
        code: code === "000000" ? "111111" : "000000"
      })
      assert.strictEqual(wrong.status, 401)
      assert.strictEqual(wrong.body.errorCode, "E061102")
    }).pipe(Effect.provide(TestLive)))

  it.scoped("set up data with client.mgmt: the tenant admin endpoint after a grant and a refresh", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      yield* client.mgmt.tenant.create({ id: "acme", name: "Acme" })
      yield* client.mgmt.role.create({ name: "admin" })
      const browser = yield* makeBrowser
      yield* signIn(browser, "cy@example.com")
      assert.strictEqual((yield* browser.get("/tenants/acme/admin")).status, 403)

      yield* client.mgmt.user.addTenant({ loginId: "cy@example.com", tenantId: "acme" })
      yield* client.mgmt.user.addTenantRoles({ loginId: "cy@example.com", tenantId: "acme", roleNames: ["admin"] })
      assert.strictEqual((yield* browser.post("/auth/refresh")).status, 200)
      const admin = yield* browser.get("/tenants/acme/admin")
      assert.strictEqual(admin.status, 200)
      assert.strictEqual(admin.body.tenantId, "acme")
    }).pipe(Effect.provide(TestLive)))

  it.scoped("TestClock expires the session; the app refreshes it through DSR", () =>
    Effect.gen(function*() {
      const browser = yield* makeBrowser
      yield* signIn(browser, "dee@example.com")
      const before = browser.jar.get("DS")
      yield* TestClock.adjust("11 minutes")
      const me = yield* browser.get("/me")
      assert.strictEqual(me.status, 200)
      assert.notStrictEqual(browser.jar.get("DS"), before, "a rotated DS cookie was set")

      yield* browser.post("/auth/logout")
      assert.strictEqual(browser.jar.size, 0)
      assert.strictEqual((yield* browser.get("/me")).status, 401)
    }).pipe(Effect.provide(TestLive)))

  it.scoped("inject a Descope rate limit: the app answers 429 with the wait", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      yield* emulator.addFault({ path: "/v1/auth/otp/signup-in/*", status: 429, retryAfter: 30, times: 1 })
      const browser = yield* makeBrowser
      const limited = yield* browser.post("/auth/otp/sign-up-or-in", { email: "eve@example.com" })
      assert.strictEqual(limited.status, 429)
      assert.deepStrictEqual(limited.body, { _tag: "TooManyRequests", retryAfterSeconds: 30 })
      assert.strictEqual((yield* browser.post("/auth/otp/sign-up-or-in", { email: "eve@example.com" })).status, 200)
    }).pipe(Effect.provide(TestLive)))
})
