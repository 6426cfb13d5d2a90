// The transport over real HTTP clients: the exact wire FetchHttpClient sends to a loopback server, an
// interrupted call aborting its request, a refused connection retried, live-clock timeouts over fetch and
// undici (a POST not retried, a GET retried until its bounds) and a reset connection (a GET retried, a POST
// not: it may have been processed).
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { TransportError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as Emulator from "../src/emulator/index.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** A loopback server answering `{"ok":true}`, or never for `/hang`; stopped with the scope. */
const server = Effect.gen(function*() {
  const seen: Array<Seen> = []
  const closed = yield* Deferred.make<void>()
  const http: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8")
    })
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body })
      if (req.url === "/hang") {
        res.on("close", () => Deferred.unsafeDone(closed, Exit.void))
        return
      }
      res.writeHead(200, { "content-type": "application/json" })
      res.end("{\"ok\":true,\"extra\":1}")
    })
  })
  const port = yield* Effect.acquireRelease(
    Effect.async<number>((resume) => {
      http.listen(0, "127.0.0.1", () => resume(Effect.succeed((http.address() as AddressInfo).port)))
    }),
    () =>
      Effect.async<void>((resume) => {
        http.closeAllConnections()
        http.close(() => resume(Effect.void))
      })
  )
  return { seen, closed, baseUrl: `http://127.0.0.1:${port}` }
})

const transport = (options: DescopeConfig.Options) =>
  DescopeHttp.layer.pipe(Layer.provide(DescopeConfig.layer(options)), Layer.provide(FetchHttpClient.layer))

const Ok = Schema.Struct({ ok: Schema.Boolean })

describe("DescopeHttp over FetchHttpClient (loopback)", () => {
  it.live("sends the exact wire: POST with JSON content type, GET without", () =>
    Effect.scoped(Effect.gen(function*() {
      const { seen, baseUrl } = yield* server
      const http = yield* Effect.provide(
        DescopeHttp.DescopeHttp,
        transport({ projectId: "P123", managementKey: "K-1", baseUrl })
      )
      const posted = yield* http.management({
        method: "POST",
        path: "/v1/mgmt/user/create",
        body: { loginId: "a@b.c" },
        operation: "mgmt.user.create",
        schema: Ok
      })
      assert.deepStrictEqual(posted, { ok: true })
      yield* http.request({
        method: "GET",
        path: "v1/auth/me",
        query: { a: "x y", b: true },
        operation: "session.me",
        schema: Ok,
        credential: DescopeHttp.tokenCredential("R-1")
      })
      assert.strictEqual(seen.length, 2)
      const [post, get] = seen
      assert.strictEqual(post?.method, "POST")
      assert.strictEqual(post?.url, "/v1/mgmt/user/create")
      assert.strictEqual(post?.headers["authorization"], "Bearer P123:K-1")
      assert.strictEqual(post?.headers["content-type"], "application/json")
      assert.strictEqual(post?.headers["x-descope-sdk-name"], "descope-effect")
      assert.strictEqual(post?.headers["x-descope-project-id"], "P123")
      assert.strictEqual(post?.headers["traceparent"], undefined)
      assert.strictEqual(post?.body, "{\"loginId\":\"a@b.c\"}")
      assert.strictEqual(get?.method, "GET")
      assert.strictEqual(get?.url, "/v1/auth/me?a=x%20y&b=true")
      assert.strictEqual(get?.headers["authorization"], "Bearer P123:R-1")
      assert.strictEqual(get?.headers["content-type"], undefined)
      assert.strictEqual(get?.body, "")
    })))

  it.live("interrupting the call aborts the HTTP request", () =>
    Effect.scoped(Effect.gen(function*() {
      const { seen, closed, baseUrl } = yield* server
      const http = yield* Effect.provide(DescopeHttp.DescopeHttp, transport({ projectId: "P123", baseUrl }))
      const fiber = yield* Effect.fork(http.request({
        method: "POST",
        path: "/hang",
        body: {},
        operation: "hang",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      }))
      while (seen.length === 0) yield* Effect.sleep("5 millis")
      yield* Fiber.interrupt(fiber)
      yield* Deferred.await(closed).pipe(Effect.timeoutFail({
        duration: "5 seconds",
        onTimeout: () => new Error("the server never saw the connection close")
      }))
    })))

  it.live("a refused connection on loopback is recognised (ECONNREFUSED) and retried", () =>
    Effect.gen(function*() {
      // bind then close a server to get a port nobody listens on
      const port = yield* Effect.scoped(Effect.map(server, (s) => Number(new URL(s.baseUrl).port)))
      const http = yield* Effect.provide(
        DescopeHttp.DescopeHttp,
        transport({ projectId: "P123", baseUrl: `http://127.0.0.1:${port}` })
      )
      let attempts = 0
      const error = yield* Effect.flip(
        http.request({
          method: "POST",
          path: "/v1/auth/otp/signin/email",
          body: {},
          operation: "otp.signIn",
          schema: Ok,
          credential: DescopeHttp.projectCredential
        }).pipe(DescopeHttp.withRequestOptions({
          retry: Schedule.recurs(2).pipe(Schedule.tapInput(() => Effect.sync(() => attempts++)))
        }))
      )
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "Network")
      assert.match(error.description ?? "", /^connection refused by 127\.0\.0\.1:\d+$/)
      assert.strictEqual(error.code, "ECONNREFUSED")
      assert.isTrue(error.isRetryable)
      assert.strictEqual(attempts, 3)
    }))
})

describe("DescopeHttp timeouts under the live clock (loopback server that never answers)", () => {
  const hang = (http: DescopeHttp.Service, method: "GET" | "POST", options: DescopeHttp.RequestOptions) =>
    Effect.flip(
      http.request({
        method,
        path: "/hang",
        ...(method === "POST" ? { body: {} } : {}),
        operation: "hang",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      }).pipe(DescopeHttp.withRequestOptions(options))
    )

  for (const [name, client] of [["fetch", FetchHttpClient.layer], ["undici", NodeHttpClient.layerUndici]] as const) {
    it.live(`${name}: a POST times out once, is not retried, and its connection is closed at once`, () =>
      Effect.scoped(Effect.gen(function*() {
        const { seen, closed, baseUrl } = yield* server
        yield* Effect.gen(function*() {
          const http = yield* DescopeHttp.DescopeHttp
          const error = yield* hang(http, "POST", { timeout: "150 millis", totalTimeout: "5 seconds" })
          assert.instanceOf(error, TransportError)
          if (!(error instanceof TransportError)) return
          assert.strictEqual(error.reason, "Timeout")
          assert.strictEqual(error.description, "no answer within 150ms")
          assert.strictEqual(seen.length, 1)
          // closed by the abort, while the client (and its connection pool) is still up
          yield* Deferred.await(closed).pipe(Effect.timeoutFail({
            duration: "5 seconds",
            onTimeout: () => new Error("the timed-out request was never closed")
          }))
        }).pipe(Effect.provide(DescopeHttp.layer.pipe(
          Layer.provide(DescopeConfig.layer({ projectId: "P123", baseUrl })),
          Layer.provide(client)
        )))
      })))
  }

  it.live("a GET that times out is retried on the schedule, then fails with Timeout", () =>
    Effect.scoped(Effect.gen(function*() {
      const { seen, baseUrl } = yield* server
      const http = yield* Effect.provide(DescopeHttp.DescopeHttp, transport({ projectId: "P123", baseUrl }))
      const error = yield* hang(http, "GET", {
        timeout: "100 millis",
        totalTimeout: "10 seconds",
        retry: Schedule.recurs(2)
      })
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "Timeout")
      assert.strictEqual(seen.length, 3)
    })))

  it.live("the total bound ends a retried GET before its retries run out", () =>
    Effect.scoped(Effect.gen(function*() {
      const { seen, baseUrl } = yield* server
      const http = yield* Effect.provide(DescopeHttp.DescopeHttp, transport({ projectId: "P123", baseUrl }))
      const error = yield* hang(http, "GET", {
        timeout: "100 millis",
        totalTimeout: "250 millis",
        retry: Schedule.recurs(50)
      })
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "Timeout")
      assert.strictEqual(error.description, "no answer within 250ms")
      assert.isAtMost(seen.length, 3)
      assert.isAtLeast(seen.length, 1)
    })))

  it.live("a mock HttpClient whose handler never answers: the attempt times out and the handler is interrupted", () =>
    Effect.gen(function*() {
      let interrupted = 0
      const mock = MockHttpClient.layer(() => Effect.onInterrupt(Effect.never, () => Effect.sync(() => interrupted++)))
      const http = yield* Effect.provide(
        DescopeHttp.DescopeHttp,
        DescopeHttp.layer.pipe(Layer.provide(DescopeConfig.layer({ projectId: "P123" })), Layer.provide(mock))
      )
      const error = yield* hang(http, "POST", { timeout: "100 millis", totalTimeout: "5 seconds" })
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "Timeout")
      assert.strictEqual(interrupted, 1)
    }))

  it.live("the in-process emulator with a latency fault: the attempt times out, then the call is answered", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.Emulator
      const http = yield* DescopeHttp.DescopeHttp
      yield* emulator.addFault({ path: "/v2/keys/P123", latencyMs: 60_000, times: 1 })
      const keys = (retry: DescopeHttp.RequestOptions["retry"]) =>
        http.request({
          method: "GET",
          path: "/v2/keys/P123",
          operation: "keys",
          schema: Schema.Struct({ keys: Schema.Array(Schema.Unknown) }),
          credential: DescopeHttp.projectCredential
        }).pipe(DescopeHttp.withRequestOptions({ timeout: "100 millis", totalTimeout: "5 seconds", retry }))
      const error = yield* Effect.flip(keys(false))
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "Timeout")
      // the fault was used up by the timed-out attempt: the next one is answered
      const answer = yield* keys(false)
      assert.isAbove(answer.keys.length, 0)
    }).pipe(
      Effect.provide(
        DescopeHttp.layer.pipe(
          Layer.provide(DescopeConfig.layer({ projectId: "P123", baseUrl: "http://emulator.local" })),
          Layer.provide(Emulator.layerHttpClient),
          Layer.provideMerge(Emulator.layer({ projectId: "P123" }))
        )
      )
    ))

  it.live("a call that answers in time succeeds under the live-clock timeout", () =>
    Effect.scoped(Effect.gen(function*() {
      const { baseUrl } = yield* server
      const http = yield* Effect.provide(DescopeHttp.DescopeHttp, transport({ projectId: "P123", baseUrl }))
      const ok = yield* http.request({
        method: "GET",
        path: "/v1/auth/me",
        operation: "session.me",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      }).pipe(DescopeHttp.withRequestOptions({ timeout: "5 seconds" }))
      assert.deepStrictEqual(ok, { ok: true })
    })))
})

describe("DescopeHttp with other network failures", () => {
  /** An HttpClient whose every request fails like a reset connection. */
  const reset = (counter: { n: number }) =>
    Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) =>
        Effect.suspend(() => {
          counter.n++
          return Effect.fail(
            new HttpClientError.RequestError({
              request,
              reason: "Transport",
              cause: Object.assign(new TypeError("fetch failed"), {
                cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })
              })
            })
          )
        })
      )
    )

  const call = (method: "GET" | "POST", counter: { n: number }) =>
    Effect.gen(function*() {
      const http = yield* DescopeHttp.DescopeHttp
      const fiber = yield* Effect.fork(Effect.flip(http.management({
        method,
        path: "/v1/mgmt/accesskey/create",
        ...(method === "POST" ? { body: { name: "k" } } : {}),
        operation: "mgmt.accessKey.create",
        schema: Ok
      })))
      yield* TestClock.adjust("1 minute")
      return yield* Fiber.join(fiber)
    }).pipe(Effect.provide(DescopeHttp.layer.pipe(
      Layer.provide(DescopeConfig.layer({ projectId: "P123", managementKey: "MGMT-SECRET-KEY-123" })),
      Layer.provide(reset(counter))
    )))

  it.effect("a reset POST is not retried (it may have been processed)", () =>
    Effect.gen(function*() {
      const counter = { n: 0 }
      const error = yield* call("POST", counter)
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "Network")
      // the message names the host a user needs to check
      assert.strictEqual(error.description, "network error ECONNRESET api.descope.com")
      assert.strictEqual(error.code, "ECONNRESET")
      assert.strictEqual(error.host, "api.descope.com")
      assert.isFalse(error.isRetryable)
      assert.strictEqual(counter.n, 1)
      // the cause is the innermost error only, never the request and its headers
      assert.instanceOf(error.cause, Error)
      assert.strictEqual((error.cause as Error).message, "socket hang up")
      assert.notInclude(JSON.stringify(error), "MGMT-SECRET-KEY-123")
      assert.notInclude(String(error), "MGMT-SECRET-KEY-123")
    }))

  it.effect("a reset GET is retried", () =>
    Effect.gen(function*() {
      const counter = { n: 0 }
      const error = yield* call("GET", counter)
      assert.instanceOf(error, TransportError)
      assert.strictEqual(counter.n, 4)
    }))
})
