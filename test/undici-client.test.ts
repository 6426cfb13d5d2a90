import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Logger from "effect/Logger"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from "node:http"
import type { AddressInfo } from "node:net"
import * as Undici from "undici"
import { UndiciHttpClient } from "../src/node/index.js"

interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly rawHeaderNames: ReadonlyArray<string>
  readonly body: Buffer
}

type Route = (req: IncomingMessage, res: ServerResponse, state: State) => void

interface State {
  readonly seen: Array<Seen>
  /** Requests to `/hang` whose connection the server saw close. */
  hangClosed: number
  /** Writes the rest of the `/chunks` body (set once its first chunk is written). */
  finishChunks: (() => void) | undefined
}

const send = (status: number, headers: Record<string, string | Array<string>>, body: string): Route => (_req, res) => {
  res.writeHead(status, headers)
  res.end(body)
}

const routes: Record<string, Route> = {
  "/echo": send(200, { "content-type": "application/json" }, "{\"ok\":true}"),
  "/reply": send(200, {
    "content-type": "text/plain; charset=utf-8",
    "X-Request-Id": "req-42",
    "set-cookie": ["sid=abc123; Path=/; HttpOnly", "theme=dark; Max-Age=60"]
  }, "hello, wire"),
  "/json": send(200, { "content-type": "application/json" }, "{\"a\":[1,2],\"b\":\"x\"}"),
  "/empty": send(200, { "content-type": "application/json" }, ""),
  "/not-json": send(200, { "content-type": "application/json" }, "<html>nope</html>"),
  "/bytes": (_req, res) => {
    res.writeHead(200, { "content-type": "application/octet-stream" })
    res.end(Buffer.from([0, 1, 2, 253, 254, 255]))
  },
  "/params": send(200, { "content-type": "application/x-www-form-urlencoded" }, "a=1&b=2"),
  "/form": send(200, { "content-type": "application/x-www-form-urlencoded" }, "name=Ada+Lovelace&lang=en&lang=fr"),
  "/chunks": (_req, res, state) => {
    res.writeHead(200, { "content-type": "text/plain" })
    res.write("first|")
    state.finishChunks = () => {
      state.finishChunks = undefined
      res.write("second|")
      setTimeout(() => res.end("third"), 10)
    }
  },
  "/missing": send(404, { "content-type": "application/json" }, "{\"error\":\"not found\"}"),
  "/hang": (_req, res, state) => {
    res.on("close", () => {
      state.hangClosed++
    })
  }
}

/** A loopback server over `routes` (the route is the path's first segment), stopped with the scope. */
const server = Effect.gen(function*() {
  const state: State = { seen: [], hangClosed: 0, finishChunks: undefined }
  const http: Server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const url = req.url ?? ""
      state.seen.push({
        method: req.method ?? "",
        url,
        headers: req.headers,
        rawHeaderNames: req.rawHeaders.filter((_, i) => i % 2 === 0),
        body: Buffer.concat(chunks)
      })
      const route = routes["/" + (url.split(/[/?]/)[1] ?? "")]
      if (route === undefined) send(500, {}, "no route")(req, res, state)
      else route(req, res, state)
    })
  })
  // connections close only when the client closes them (not on the server's keep-alive timeout)
  http.keepAliveTimeout = 60_000
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
  const connections = Effect.async<number>((resume) => {
    http.getConnections((error, count) => resume(error ? Effect.die(error) : Effect.succeed(count)))
  })
  return { state, connections, url: (path: string) => `http://127.0.0.1:${port}${path}` }
})

/** Polls `condition` every 5 ms (real time) until it holds, failing after 5 s. */
const eventually = (label: string, condition: Effect.Effect<boolean>) =>
  Effect.gen(function*() {
    while (!(yield* condition)) yield* Effect.sleep("5 millis")
  }).pipe(Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => new Error(`never: ${label}`) }))

const lastSeen = (state: State): Seen => {
  const seen = state.seen[state.seen.length - 1]
  assert.isDefined(seen)
  return seen!
}

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  assert.isTrue(Exit.isFailure(exit), "expected a failure")
  const failure = Exit.isFailure(exit) ? exit.cause : undefined
  const error = failure?._tag === "Fail" ? failure.error : undefined
  assert.isDefined(error, `expected a typed failure, got ${String(failure)}`)
  return error!
}

describe("UndiciHttpClient (loopback)", () => {
  describe("request wire", () => {
    it.live("a GET with a custom header, path and query string preserved", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        const response = yield* client.execute(
          HttpClientRequest.get(url("/echo/a%20b/c?x=1&y=two%20words&x=2")).pipe(
            HttpClientRequest.setHeader("X-Custom-Header", "custom-value")
          )
        )
        assert.strictEqual(response.status, 200)
        assert.strictEqual(state.seen.length, 1)
        const seen = lastSeen(state)
        assert.strictEqual(seen.method, "GET")
        assert.strictEqual(seen.url, "/echo/a%20b/c?x=1&y=two%20words&x=2")
        assert.strictEqual(seen.headers["x-custom-header"], "custom-value")
        assert.include(seen.rawHeaderNames, "x-custom-header")
        assert.notInclude(seen.rawHeaderNames, "X-Custom-Header")
        assert.strictEqual(seen.body.length, 0)
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("urlParams are appended to the query string", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        yield* client.execute(
          HttpClientRequest.get(url("/echo/p")).pipe(HttpClientRequest.setUrlParams({ q: "a b", n: "1" }))
        )
        assert.strictEqual(lastSeen(state).url, "/echo/p?q=a+b&n=1")
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("a POST of JSON text: exact body, content type and length", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        const body = "{\"loginId\":\"ä@b.c\",\"n\":1}" // 25 characters, 26 bytes
        const response = yield* client.execute(
          HttpClientRequest.post(url("/echo")).pipe(HttpClientRequest.bodyText(body, "application/json"))
        )
        assert.strictEqual(response.status, 200)
        const seen = lastSeen(state)
        assert.strictEqual(seen.method, "POST")
        assert.strictEqual(seen.body.toString("utf8"), body)
        assert.strictEqual(seen.headers["content-type"], "application/json")
        assert.strictEqual(body.length, 25)
        assert.strictEqual(seen.headers["content-length"], "26")
        assert.strictEqual(seen.headers["transfer-encoding"], undefined)
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("a POST of bytes", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        const bytes = new Uint8Array([0, 1, 2, 127, 128, 255])
        yield* client.execute(
          HttpClientRequest.put(url("/echo")).pipe(HttpClientRequest.bodyUint8Array(bytes, "application/octet-stream"))
        )
        const seen = lastSeen(state)
        assert.strictEqual(seen.method, "PUT")
        assert.deepStrictEqual([...seen.body], [0, 1, 2, 127, 128, 255])
        assert.strictEqual(seen.headers["content-type"], "application/octet-stream")
        assert.strictEqual(seen.headers["content-length"], "6")
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("a POST of a stream of three chunks arrives whole", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        const encoder = new TextEncoder()
        const stream = Stream.make("alpha-", "beta-", "gamma").pipe(Stream.map((s) => encoder.encode(s)))
        const response = yield* client.execute(
          HttpClientRequest.post(url("/echo")).pipe(HttpClientRequest.bodyStream(stream, { contentType: "text/plain" }))
        )
        assert.strictEqual(response.status, 200)
        const seen = lastSeen(state)
        assert.strictEqual(seen.body.toString("utf8"), "alpha-beta-gamma")
        assert.strictEqual(seen.headers["content-type"], "text/plain")
        assert.strictEqual(seen.headers["transfer-encoding"], "chunked")
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    // undici's `request` sends only its own `FormData` class; the global one (Node's bundled undici, a
    // different class) is copied into one by the client
    it.live("a POST of (global) form data arrives as multipart with the field", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        const form = new FormData()
        form.append("field", "value-1")
        const body = HttpClientRequest.bodyFormData(form)
        yield* client.execute(HttpClientRequest.post(url("/echo")).pipe(body))
        const seen = lastSeen(state)
        const contentType = seen.headers["content-type"] ?? ""
        const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)?.[1]
        assert.isDefined(boundary, contentType)
        assert.strictEqual(
          seen.body.toString("utf8"),
          `--${boundary}\r\nContent-Disposition: form-data; name="field"\r\n\r\nvalue-1\r\n--${boundary}--\r\n`
        )
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("a file field of (global) form data keeps its name, type and bytes", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        const form = new FormData()
        form.append("file", new Blob(["file-bytes"], { type: "text/plain" }), "a.txt")
        yield* client.execute(HttpClientRequest.post(url("/echo")).pipe(HttpClientRequest.bodyFormData(form)))
        const text = lastSeen(state).body.toString("utf8")
        assert.include(
          text,
          `Content-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nfile-bytes\r\n`
        )
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))
  })

  describe("response readers", () => {
    it.live("status, lower-cased headers and cookies", () =>
      Effect.gen(function*() {
        const { url } = yield* server
        const client = yield* HttpClient.HttpClient
        const response = yield* client.get(url("/reply"))
        assert.strictEqual(response.status, 200)
        assert.strictEqual(response.headers["x-request-id"], "req-42")
        assert.strictEqual(response.headers["content-type"], "text/plain; charset=utf-8")
        assert.isUndefined((response.headers as Record<string, string | undefined>)["X-Request-Id"])
        const cookies = response.cookies.cookies
        assert.deepStrictEqual(Object.keys(cookies).sort(), ["sid", "theme"])
        assert.strictEqual(cookies["sid"]?.value, "abc123")
        assert.strictEqual(cookies["sid"]?.options?.httpOnly, true)
        assert.strictEqual(cookies["theme"]?.value, "dark")
        assert.strictEqual(response.cookies, response.cookies)
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("a response without Set-Cookie has no cookies", () =>
      Effect.gen(function*() {
        const { url } = yield* server
        const client = yield* HttpClient.HttpClient
        const response = yield* client.get(url("/json"))
        assert.deepStrictEqual(Object.keys(response.cookies.cookies), [])
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("text read twice gives the same string (memoized: no \"body used\" failure)", () =>
      Effect.gen(function*() {
        const { url } = yield* server
        const client = yield* HttpClient.HttpClient
        const response = yield* client.get(url("/reply"))
        assert.strictEqual(yield* response.text, "hello, wire")
        assert.strictEqual(yield* response.text, "hello, wire")
        // json goes through the same memoized text: a parse failure, not a consumed body
        const error = failureOf(yield* Effect.exit(response.json))
        assert.strictEqual(error.reason, "Decode")
        assert.instanceOf(error.cause, SyntaxError)
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("json of a JSON body, of an empty body (null), and of a non-JSON body (Decode)", () =>
      Effect.gen(function*() {
        const { url } = yield* server
        const client = yield* HttpClient.HttpClient
        const json = yield* Effect.flatMap(client.get(url("/json")), (r) => r.json)
        assert.deepStrictEqual(json, { a: [1, 2], b: "x" })
        const empty = yield* Effect.flatMap(client.get(url("/empty")), (r) => r.json)
        assert.isNull(empty)
        const notJson = yield* client.get(url("/not-json"))
        const error = failureOf(yield* Effect.exit(notJson.json))
        assert.instanceOf(error, HttpClientError.ResponseError)
        assert.strictEqual(error._tag, "ResponseError")
        assert.strictEqual(error.reason, "Decode")
        assert.strictEqual(error.response.status, 200)
        assert.instanceOf(error.cause, SyntaxError)
        // the body is still readable as text after the failed decode
        assert.strictEqual(yield* notJson.text, "<html>nope</html>")
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("arrayBuffer gives the bytes", () =>
      Effect.gen(function*() {
        const { url } = yield* server
        const client = yield* HttpClient.HttpClient
        const response = yield* client.get(url("/bytes"))
        const bytes = yield* response.arrayBuffer
        assert.deepStrictEqual([...new Uint8Array(bytes)], [0, 1, 2, 253, 254, 255])
        const again = yield* response.arrayBuffer
        assert.strictEqual(again, bytes)
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("urlParamsBody and formData of a urlencoded body", () =>
      Effect.gen(function*() {
        const { url } = yield* server
        const client = yield* HttpClient.HttpClient
        const params = yield* Effect.flatMap(client.get(url("/params")), (r) => r.urlParamsBody)
        assert.deepStrictEqual(params, [["a", "1"], ["b", "2"]])
        const form = yield* Effect.flatMap(client.get(url("/form")), (r) => r.formData)
        assert.instanceOf(form, FormData)
        assert.strictEqual(form.get("name"), "Ada Lovelace")
        assert.deepStrictEqual(form.getAll("lang"), ["en", "fr"])
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("stream of a body written in several chunks: each chunk as it comes, whole body collected", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        const response = yield* client.get(url("/chunks"))
        // the server writes the rest only once the client has streamed the first chunk
        const chunks = yield* response.stream.pipe(
          Stream.tap(() => Effect.sync(() => state.finishChunks?.())),
          Stream.runCollect,
          Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => new Error("the first chunk never streamed") })
        )
        const decoder = new TextDecoder()
        const text = Chunk.toReadonlyArray(chunks).map((c) => decoder.decode(c, { stream: true })).join("") +
          decoder.decode()
        assert.strictEqual(text, "first|second|third")
        assert.isAbove(Chunk.size(chunks), 1)
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("a 404 with a JSON body is a response, not an error", () =>
      Effect.gen(function*() {
        const { url } = yield* server
        const client = yield* HttpClient.HttpClient
        const response = yield* client.get(url("/missing"))
        assert.strictEqual(response.status, 404)
        assert.deepStrictEqual(yield* response.json, { error: "not found" })
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))
  })

  describe("errors and lifetime", () => {
    it.live("a refused connection is a Transport RequestError; its message and logged form hide the authorization", () =>
      Effect.gen(function*() {
        const closedPort = yield* Effect.scoped(Effect.map(server, ({ url }) => url("/echo")))
        const client = yield* HttpClient.HttpClient
        const secret = "SECRET-5f2c9a71"
        const exit = yield* Effect.exit(client.execute(
          HttpClientRequest.get(closedPort).pipe(HttpClientRequest.setHeader("Authorization", `Bearer ${secret}`))
        ))
        const error = failureOf(exit)
        assert.instanceOf(error, HttpClientError.RequestError)
        assert.strictEqual(error._tag, "RequestError")
        assert.strictEqual(error.reason, "Transport")
        assert.strictEqual((error.cause as { code?: unknown } | undefined)?.code, "ECONNREFUSED")
        // the secret went with the request ...
        assert.strictEqual(error.request.headers["authorization"], `Bearer ${secret}`)
        // ... and the error's message and string form name only the method and URL
        assert.strictEqual(error.message, `Transport error (GET ${closedPort})`)
        assert.strictEqual(String(error), `RequestError: Transport error (GET ${closedPort})`)
        assert.notInclude(Cause.pretty(Cause.fail(error)), secret)
        // the platform redacts headers when serialising inside a fiber's log (its redactable context);
        // a plain JSON.stringify outside one shows the request headers as they are
        const logged: Array<string> = []
        const capture = Logger.make(({ message }) => {
          logged.push(JSON.stringify(message))
        })
        yield* Effect.logError(error).pipe(Effect.provide(Logger.replace(Logger.defaultLogger, capture)))
        assert.strictEqual(logged.length, 1)
        assert.include(logged[0], "\"authorization\":\"<redacted>\"")
        assert.include(logged[0], "ECONNREFUSED")
        assert.notInclude(logged[0], secret)
      }).pipe(Effect.provide(UndiciHttpClient.layer)))

    it.live("interrupting a hanging request closes its connection", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = yield* HttpClient.HttpClient
        const fiber = yield* Effect.fork(client.get(url("/hang")))
        yield* eventually("the server saw the request", Effect.sync(() => state.seen.length === 1))
        assert.strictEqual(state.hangClosed, 0)
        yield* Fiber.interrupt(fiber)
        yield* eventually("the server saw the connection close", Effect.sync(() => state.hangClosed === 1))
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("closing the request's scope (withScope) aborts it: RequestError, and the connection closes", () =>
      Effect.gen(function*() {
        const { state, url } = yield* server
        const client = HttpClient.withScope(yield* HttpClient.HttpClient)
        const requestScope = yield* Scope.make()
        const fiber = yield* Effect.fork(Scope.extend(client.get(url("/hang")), requestScope))
        yield* eventually("the server saw the request", Effect.sync(() => state.seen.length === 1))
        assert.strictEqual(state.hangClosed, 0)
        yield* Scope.close(requestScope, Exit.void)
        const exit = yield* Fiber.await(fiber).pipe(
          Effect.timeoutFail({ duration: "5 seconds", onTimeout: () => new Error("the request did not end") })
        )
        const error = failureOf(exit)
        assert.instanceOf(error, HttpClientError.RequestError)
        assert.strictEqual(error.reason, "Transport")
        yield* eventually("the server saw the connection close", Effect.sync(() => state.hangClosed === 1))
      }).pipe(Effect.scoped, Effect.provide(UndiciHttpClient.layer)))

    it.live("layer destroys its Agent with the layer: no connection stays open", () =>
      Effect.gen(function*() {
        const { connections, url } = yield* server
        yield* Effect.gen(function*() {
          const client = yield* HttpClient.HttpClient
          const response = yield* client.get(url("/echo"))
          assert.strictEqual(yield* response.text, "{\"ok\":true}")
          // a keep-alive connection is open while the layer lives
          assert.strictEqual(yield* connections, 1)
        }).pipe(Effect.provide(UndiciHttpClient.layer))
        yield* Effect.gen(function*() {
          while ((yield* connections) !== 0) yield* Effect.sleep("5 millis")
        }).pipe(Effect.timeoutFail({
          duration: "1 second",
          onTimeout: () => new Error("a connection stayed open after the layer closed")
        }))
      }).pipe(Effect.scoped))

    it.live("layerDispatcher leaves the dispatcher's lifetime to its owner", () =>
      Effect.gen(function*() {
        const { connections, url } = yield* server
        const agent = yield* Effect.acquireRelease(
          Effect.sync(() => new Undici.Agent()),
          (agent) => Effect.promise(() => agent.destroy())
        )
        const text = yield* Effect.flatMap(HttpClient.get(url("/echo")), (r) => r.text).pipe(
          Effect.provide(UndiciHttpClient.layerDispatcher(agent))
        )
        assert.strictEqual(text, "{\"ok\":true}")
        assert.isFalse(agent.destroyed)
        assert.strictEqual(yield* connections, 1)
      }).pipe(Effect.scoped))
  })
})
