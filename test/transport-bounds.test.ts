// Bounds of the transport whatever the HttpClient does: a timeout ends the caller's wait even over a
// client that ignores the request's AbortSignal, and a response body is read only up to its cap.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as zlib from "node:zlib"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { TransportError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as Jwks from "../src/core/Jwks.js"
import { cappedReaderOf } from "../src/internal/transportRead.js"
import * as UndiciHttpClient from "../src/layers/UndiciHttpClient.js"

const Ok = Schema.Struct({ ok: Schema.optional(Schema.Boolean) })

/** A client that never answers and never looks at the AbortSignal. */
const deafClient = (counter: { n: number }) =>
  HttpClient.make(() =>
    Effect.async<never>(() => {
      counter.n++
    })
  )

const transport = (client: HttpClient.HttpClient, options: Partial<DescopeConfig.Options> = {}) =>
  DescopeHttp.layer.pipe(
    Layer.provide(DescopeConfig.layer({ projectId: "P123", managementKey: "K", ...options })),
    Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
  )

const get = (path = "/v1/mgmt/user") =>
  Effect.flatMap(
    DescopeHttp.DescopeHttp,
    (http) => http.management({ method: "GET", path, query: { loginId: "a" }, operation: "mgmt.user.load", schema: Ok })
  )

describe("timeouts over a client that ignores the AbortSignal", () => {
  it.live("live clock: the attempt times out with TransportError Timeout", () =>
    Effect.gen(function*() {
      const counter = { n: 0 }
      const error = yield* Effect.flip(
        get().pipe(DescopeHttp.withRequestOptions({ timeout: "50 millis", retry: false }))
      ).pipe(Effect.provide(transport(deafClient(counter))))
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "Timeout")
      assert.strictEqual(counter.n, 1)
    }))

  it.effect("TestClock: a GET is retried on the schedule and the total bound ends the call", () =>
    Effect.gen(function*() {
      const counter = { n: 0 }
      const fiber = yield* Effect.fork(
        Effect.flip(get().pipe(DescopeHttp.withRequestOptions({ timeout: "1 second", totalTimeout: "2500 millis" })))
          .pipe(Effect.provide(transport(deafClient(counter))))
      )
      yield* TestClock.adjust("10 seconds")
      const error = yield* Fiber.join(fiber)
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "Timeout")
      assert.isAtLeast(counter.n, 2)
      assert.isAtMost(counter.n, 3)
    }))
})

/** A loopback server answering every request with `answer`. */
const server = (answer: (res: http.ServerResponse) => void) =>
  Effect.acquireRelease(
    Effect.async<http.Server>((resume) => {
      const s = http.createServer((_req, res) => answer(res))
      s.listen(0, "127.0.0.1", () => resume(Effect.succeed(s)))
    }),
    (s) =>
      Effect.async<void>((resume) => {
        s.closeAllConnections()
        s.close(() => resume(Effect.void))
      })
  )

const baseUrlOf = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`

// each client reads a body its own way: a fetch-based client's web body and our undici client's Node stream
// through their capped readers, any other client (here the platform's Node client) through its Stream
const clients: ReadonlyArray<readonly [string, Layer.Layer<HttpClient.HttpClient>, boolean]> = [
  ["FetchHttpClient", FetchHttpClient.layer, true],
  ["UndiciHttpClient", UndiciHttpClient.layer, true],
  ["NodeHttpClient", NodeHttpClient.layer, false]
]

describe.each(clients)("response bodies are capped (%s)", (_name, clientLayer, cappedReader) => {
  it.scoped(`its responses are read ${cappedReader ? "by a capped reader" : "through their Stream"}`, () =>
    Effect.gen(function*() {
      // pins how @effect/platform wraps a client's responses: a change falls back to the Stream, and shows here
      const s = yield* server((res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end("{}")
      })
      const response = yield* (yield* HttpClient.HttpClient).get(`${baseUrlOf(s)}/`)
      assert.strictEqual(cappedReaderOf(response) !== undefined, cappedReader)
      assert.strictEqual(yield* response.text, "{}")
    }).pipe(Effect.provide(clientLayer)))

  it.scoped("a declared length above the cap is refused unread: ResponseTooLarge", () =>
    Effect.gen(function*() {
      let written = 0
      const s = yield* server((res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": String(300 * 1024 * 1024) })
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        const pump = () => {
          while (written < 300 * 1024 * 1024 && res.write(chunk)) written += chunk.length
          if (written < 300 * 1024 * 1024 && !res.destroyed) res.once("drain", pump)
        }
        res.on("close", () => res.removeAllListeners("drain"))
        pump()
      })
      const error = yield* Effect.flip(get()).pipe(
        Effect.provide(
          transport(yield* HttpClient.HttpClient, { baseUrl: baseUrlOf(s), maxResponseBytes: 1024 * 1024 })
        )
      )
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "ResponseTooLarge")
      assert.isFalse(error.isRetryable)
      // the body was not read to its end
      assert.isBelow(written, 300 * 1024 * 1024)
    }).pipe(Effect.provide(clientLayer)))

  it.scoped("a chunked body is read up to the cap and no further", () =>
    Effect.gen(function*() {
      const s = yield* server((res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.write("[")
        const chunk = `${"1,".repeat(16 * 1024)}`
        let sent = 0
        const pump = () => {
          while (sent < 200 && res.write(chunk)) sent++
          if (sent < 200 && !res.destroyed) res.once("drain", pump)
          else res.end("1]")
        }
        pump()
      })
      const error = yield* Effect.flip(get()).pipe(
        Effect.provide(transport(yield* HttpClient.HttpClient, { baseUrl: baseUrlOf(s), maxResponseBytes: 100_000 }))
      )
      assert.instanceOf(error, TransportError)
      if (!(error instanceof TransportError)) return
      assert.strictEqual(error.reason, "ResponseTooLarge")
      assert.include(error.message, "100000 bytes")
    }).pipe(Effect.provide(clientLayer)))

  it.scoped("a per-call cap overrides the client's", () =>
    Effect.gen(function*() {
      const s = yield* server((res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end(JSON.stringify({ ok: true, pad: "x".repeat(10_000) }))
      })
      const layer = transport(yield* HttpClient.HttpClient, { baseUrl: baseUrlOf(s) })
      const ok = yield* get().pipe(Effect.provide(layer))
      assert.deepStrictEqual(ok, { ok: true })
      const error = yield* Effect.flip(get().pipe(DescopeHttp.withRequestOptions({ maxResponseBytes: 1000 }))).pipe(
        Effect.provide(layer)
      )
      assert.strictEqual(error._tag, "TransportError")
    }).pipe(Effect.provide(clientLayer)))

  it.scopedLive("a body whose reading is interrupted is abandoned: its connection closes", () =>
    Effect.gen(function*() {
      let closed = false
      const s = yield* server((res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.write("[1,") // and never more
        res.on("close", () => {
          closed = true
        })
      })
      const error = yield* Effect.flip(
        get().pipe(DescopeHttp.withRequestOptions({ timeout: "200 millis", retry: false }))
      )
        .pipe(Effect.provide(transport(yield* HttpClient.HttpClient, { baseUrl: baseUrlOf(s) })))
      assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
      for (let i = 0; i < 100 && !closed; i++) yield* Effect.sleep("10 millis")
      assert.isTrue(closed, "the abandoned body's connection was closed")
    }).pipe(Effect.provide(clientLayer)))
})

describe("a compressed body is capped by what it inflates to", () => {
  it.scoped("a gzip body declaring 2 KB that inflates to 2 MB is refused past the cap (FetchHttpClient inflates)", () =>
    Effect.gen(function*() {
      const gzipped = zlib.gzipSync(Buffer.from(JSON.stringify({ ok: true, pad: " ".repeat(2 * 1024 * 1024) })))
      assert.isBelow(gzipped.length, 100_000)
      const s = yield* server((res) => {
        res.writeHead(200, {
          "content-type": "application/json",
          "content-encoding": "gzip",
          "content-length": String(gzipped.length)
        })
        res.end(gzipped)
      })
      const layer = transport(yield* HttpClient.HttpClient, { baseUrl: baseUrlOf(s), maxResponseBytes: 100_000 })
      const error = yield* Effect.flip(get()).pipe(Effect.provide(layer))
      assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "ResponseTooLarge")
      // under a cap it fits, the same body is read and decoded
      const ok = yield* get().pipe(
        DescopeHttp.withRequestOptions({ maxResponseBytes: 4 * 1024 * 1024 }),
        Effect.provide(layer)
      )
      assert.deepStrictEqual(ok, { ok: true })
    }).pipe(Effect.provide(FetchHttpClient.layer)))
})

describe("the signing keys are read up to 1 MiB", () => {
  const fetchKeys = Effect.flatMap(DescopeHttp.DescopeHttp, (http) => Jwks.fetchKeys(http))

  it.scoped("a 300 MB declared keys body is refused unread: ResponseTooLarge", () =>
    Effect.gen(function*() {
      let written = 0
      const s = yield* server((res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": String(300 * 1024 * 1024) })
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        const pump = () => {
          while (written < 300 * 1024 * 1024 && res.write(chunk)) written += chunk.length
          if (written < 300 * 1024 * 1024 && !res.destroyed) res.once("drain", pump)
        }
        res.on("close", () => res.removeAllListeners("drain"))
        pump()
      })
      const error = yield* Effect.flip(fetchKeys).pipe(
        Effect.provide(transport(yield* HttpClient.HttpClient, { baseUrl: baseUrlOf(s) }))
      )
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" ? error.reason : "", "ResponseTooLarge")
      assert.isBelow(written, 300 * 1024 * 1024)
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it.scoped("a 2 MiB key set (under the client's 32 MiB cap) is refused, whatever the caller's options", () =>
    Effect.gen(function*() {
      const body = JSON.stringify({ keys: [], pad: "x".repeat(2 * 1024 * 1024) })
      const s = yield* server((res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end(body)
      })
      const error = yield* Effect.flip(
        fetchKeys.pipe(DescopeHttp.withRequestOptions({ maxResponseBytes: 100 * 1024 * 1024 }))
      ).pipe(Effect.provide(transport(yield* HttpClient.HttpClient, { baseUrl: baseUrlOf(s) })))
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" ? error.reason : "", "ResponseTooLarge")
      assert.strictEqual(Jwks.KEYS_MAX_RESPONSE_BYTES, 1024 * 1024)
    }).pipe(Effect.provide(FetchHttpClient.layer)))
})
