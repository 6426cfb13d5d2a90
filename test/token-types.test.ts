// Token types: a refresh token (`drn: "DSR"`) is never a session, whatever carries it (validateSession,
// the HttpApi and HttpRouter middlewares, as Bearer or as the DS cookie); the refresh leg validates its
// token locally (signature, exp, drn DSR when present) and sends nothing otherwise.
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { DescopeClient } from "../src/DescopeClient.js"
import type * as Authenticator from "../src/server/Authenticator.js"
import { CurrentSession } from "../src/server/CurrentSession.js"
import * as DescopeAuth from "../src/server/DescopeAuth.js"
import * as DescopeMiddleware from "../src/server/DescopeMiddleware.js"
import {
  type Client,
  expiredSession,
  get,
  readJson,
  refreshAnswer,
  refreshToken,
  session,
  testKeysClient
} from "./support/server.js"

const reasonOf = (error: { readonly _tag: string; readonly reason?: unknown }) =>
  error._tag === "InvalidSessionError" ? String(error.reason) : error._tag

class Api extends HttpApi.make("tokenTypes").add(
  HttpApiGroup.make("app")
    .add(HttpApiEndpoint.get("me", "/me").addSuccess(Schema.String))
    .middleware(DescopeAuth.DescopeAuth)
) {}

const AppLive = HttpApiBuilder.group(
  Api,
  "app",
  (handlers) => handlers.handle("me", () => Effect.map(CurrentSession, (s) => s.userId))
)

/** The same app behind `DescopeAuth` (HttpApi) and behind `DescopeMiddleware` (HttpRouter). */
const apps = (client: Client, options: Authenticator.Options = {}) =>
  Effect.gen(function*() {
    const ApiLive = HttpApiBuilder.api(Api).pipe(
      Layer.provide(AppLive),
      Layer.provide(DescopeAuth.layer(options)),
      Layer.provide(Layer.succeedContext(client.context))
    )
    const httpApi = HttpApiBuilder.toWebHandler(Layer.mergeAll(ApiLive, HttpServer.layerContext))
    const router = HttpApp.toWebHandlerLayer(
      HttpRouter.empty.pipe(
        HttpRouter.get("/me", Effect.flatMap(CurrentSession, (s) => HttpServerResponse.text(s.userId))),
        HttpRouter.use(DescopeMiddleware.make(options))
      ),
      Layer.succeedContext(client.context)
    )
    yield* Effect.addFinalizer(() => Effect.promise(() => Promise.all([httpApi.dispose(), router.dispose()])))
    return [
      ["HttpApi", (request: Request) => Effect.promise(() => httpApi.handler(request))],
      ["HttpRouter", (request: Request) => Effect.promise(() => router.handler(request))]
    ] as const
  })

describe("a refresh token is not a session", () => {
  it.scopedLive("validateSession refuses drn DSR with WrongTokenType naming the token type", () =>
    Effect.gen(function*() {
      const client = yield* testKeysClient
      const descope = Context.get(client.context, DescopeClient)
      const dsr = yield* refreshToken(client)
      const error = yield* Effect.flip(descope.validateSession(dsr))
      assert.strictEqual(reasonOf(error), "WrongTokenType")
      assert.include(error.message, "refresh token")
      // twice: the verified-token cache never turns it into a session
      assert.strictEqual(reasonOf(yield* Effect.flip(descope.validateSession(dsr))), "WrongTokenType")
      // a session (drn DS) and a token without drn still pass
      yield* descope.validateSession(yield* session(client))
      yield* descope.validateSession(yield* client.mint({ claims: { sub: "U-nodrn", drn: undefined } }))
    }))

  it.scopedLive("both middlewares answer 401 to a DSR as Bearer and as the DS cookie, refresh on or off", () =>
    Effect.gen(function*() {
      const client = yield* testKeysClient
      const dsr = yield* refreshToken(client)
      for (const refresh of [false, true]) {
        for (const [name, send] of yield* apps(client, { refresh })) {
          for (const headers of [{ authorization: `Bearer ${dsr}` }, { cookie: `DS=${dsr}` }]) {
            const response = yield* send(get("/me", headers))
            assert.strictEqual(response.status, 401, `${name} ${JSON.stringify(Object.keys(headers))}`)
            const body = (yield* readJson(response)) as Record<string, unknown>
            assert.strictEqual(body.reason, "WrongTokenType", name)
          }
          const ok = yield* send(get("/me", { authorization: `Bearer ${yield* session(client)}` }))
          assert.strictEqual(ok.status, 200, name)
        }
      }
      assert.strictEqual((yield* client.recorder.requests).length, 0, "nothing sent")
    }))
})

describe("the refresh leg validates its token locally first", () => {
  it.scopedLive("refreshSession with a session token, an expired or a forged refresh token: refused unsent", () =>
    Effect.gen(function*() {
      const client = yield* testKeysClient
      const descope = Context.get(client.context, DescopeClient)
      client.answers.refresh = refreshAnswer(yield* session(client), yield* refreshToken(client))
      const sessionToken = yield* session(client)
      assert.strictEqual(reasonOf(yield* Effect.flip(descope.refreshSession(sessionToken))), "WrongTokenType")
      const expired = yield* client.mint({
        claims: { sub: "U-alice", drn: "DSR" },
        issuedAt: Math.floor(Date.now() / 1000) - 7200,
        expiresIn: "1 hour"
      })
      assert.strictEqual(reasonOf(yield* Effect.flip(descope.refreshSession(expired))), "Expired")
      const [h, p] = (yield* refreshToken(client)).split(".")
      const forged = `${h}.${p}.${"A".repeat(128)}`
      assert.strictEqual(reasonOf(yield* Effect.flip(descope.refreshSession(forged))), "BadSignature")
      const both = yield* Effect.flip(descope.validateAndRefreshSession(yield* expiredSession(client), sessionToken))
      assert.strictEqual(reasonOf(both), "WrongTokenType")
      assert.strictEqual((yield* client.recorder.requests).length, 0, "nothing sent")
    }))

  it.scopedLive("the middleware refresh with a session token in the DSR cookie sends nothing", () =>
    Effect.gen(function*() {
      const client = yield* testKeysClient
      const sessionToken = yield* session(client)
      for (const [name, send] of yield* apps(client, { refresh: true })) {
        const response = yield* send(get("/me", { cookie: `DS=${yield* expiredSession(client)}; DSR=${sessionToken}` }))
        assert.strictEqual(response.status, 401, name)
      }
      assert.strictEqual((yield* client.recorder.requests).length, 0, "nothing sent")
    }))
})
