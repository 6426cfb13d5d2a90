/**
 * The emulator on a port, as a browser and a careless client would meet it:
 * CORS is off unless origins are named, a page from another origin cannot
 * drive the emulator-only routes (nor read the outbox's codes), request
 * bodies are capped with 413, and path parameters of any sane length route
 * (a 300-character project id serves its own JWKS).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { parse } from "../src/emulator/EmulatorCli.js"
import * as Emulator from "../src/emulator/index.js"
import { type RawAnswer, type RawRequest, rawRequest } from "./support/rawHttp.js"

const APP = "http://localhost:5173"
const EVIL = "http://evil.example"

/** Runs `f` against an emulator served on 127.0.0.1. */
const served = <A>(
  options: Emulator.Options,
  f: (send: (r: RawRequest) => Effect.Effect<RawAnswer>) => Effect.Effect<A, never, Emulator.Emulator>
) =>
  Effect.scoped(
    Effect.gen(function*() {
      const info = yield* Emulator.serve({ port: 0 })
      return yield* f((r) => Effect.promise(() => rawRequest(info.baseUrl, r)))
    })
  ).pipe(Effect.provide(Emulator.layer(options)))

const signIn = (send: (r: RawRequest) => Effect.Effect<RawAnswer>, headers: Record<string, string> = {}) =>
  send({
    method: "POST",
    path: "/v1/auth/otp/signup-in/email",
    headers: { authorization: `Bearer ${Emulator.DEFAULT_PROJECT_ID}`, "content-type": "application/json", ...headers },
    body: JSON.stringify({ loginId: "ada@example.com" })
  })

describe("CORS: off by default, named origins only", () => {
  it.live(
    "by default a page from any origin is refused on the control routes and gets no CORS headers",
    () =>
      served({}, (send) =>
        Effect.gen(function*() {
          assert.strictEqual((yield* signIn(send)).status, 200)
          // the outbox holds a code: a page must not read it
          const fromPage = yield* send({ path: "/emulator/outbox", headers: { origin: EVIL } })
          assert.strictEqual(fromPage.status, 403)
          assert.deepStrictEqual(Object.keys(fromPage.json).sort(), ["errorCode", "errorDescription", "errorMessage"])
          assert.strictEqual(fromPage.json.errorCode, "E011005")
          assert.include(String(fromPage.json.errorMessage), "--cors-origin")
          assert.notInclude(fromPage.text, "code")
          assert.isUndefined(fromPage.headers["access-control-allow-origin"])
          // even a localhost page: nothing is named
          assert.strictEqual((yield* send({ path: "/emulator/outbox", headers: { origin: APP } })).status, 403)
          // state-changing control routes too (a "simple" cross-site POST needs no preflight)
          for (
            const path of ["/emulator/reset", "/emulator/time/advance", "/emulator/faults", "/emulator/keys/rotate"]
          ) {
            const post = yield* send({
              method: "POST",
              path,
              headers: { origin: EVIL, "content-type": "text/plain" },
              body: "{\"path\":\"/**\",\"seconds\":1}"
            })
            assert.strictEqual(post.status, 403, path)
          }
          // a preflight from an unnamed origin is refused without CORS headers
          const preflight = yield* send({
            method: "OPTIONS",
            path: "/v1/auth/otp/signup-in/email",
            headers: {
              origin: EVIL,
              "access-control-request-method": "POST",
              "access-control-request-headers": "authorization"
            }
          })
          assert.strictEqual(preflight.status, 403)
          assert.isUndefined(preflight.headers["access-control-allow-origin"])
          // the Descope API answers, without CORS headers: the browser withholds the answer
          const api = yield* signIn(send, { origin: EVIL })
          assert.strictEqual(api.status, 200)
          assert.isUndefined(api.headers["access-control-allow-origin"])
          assert.isUndefined(api.headers["access-control-allow-credentials"])
          // without an Origin (SDKs, curl, tests) the control routes answer
          const outbox = yield* send({ path: "/emulator/outbox" })
          assert.strictEqual(outbox.status, 200)
          assert.lengthOf(outbox.json.messages as ReadonlyArray<unknown>, 2)
        })),
    { timeout: 20_000 }
  )

  it.live(
    "named origins get CORS with credentials; any other origin is still refused and never reflected",
    () =>
      served({ corsOrigins: [APP, "https://app.example.com/"] }, (send) =>
        Effect.gen(function*() {
          const preflight = yield* send({
            method: "OPTIONS",
            path: "/v1/auth/otp/signup-in/email",
            headers: {
              origin: APP,
              "access-control-request-method": "POST",
              "access-control-request-headers": "authorization, x-descope-sdk-name"
            }
          })
          assert.strictEqual(preflight.status, 200)
          assert.strictEqual(preflight.headers["access-control-allow-origin"], APP)
          assert.strictEqual(preflight.headers["access-control-allow-credentials"], "true")
          assert.strictEqual(preflight.headers["access-control-allow-headers"], "authorization, x-descope-sdk-name")
          const api = yield* signIn(send, { origin: APP })
          assert.strictEqual(api.status, 200)
          assert.strictEqual(api.headers["access-control-allow-origin"], APP)
          assert.strictEqual(api.headers["access-control-allow-credentials"], "true")
          const outbox = yield* send({ path: "/emulator/outbox", headers: { origin: APP } })
          assert.strictEqual(outbox.status, 200)
          assert.strictEqual(outbox.headers["access-control-allow-origin"], APP)
          // the trailing slash of the option is not part of the origin
          const other = yield* send({ path: "/emulator/outbox", headers: { origin: "https://app.example.com" } })
          assert.strictEqual(other.headers["access-control-allow-origin"], "https://app.example.com")
          // look-alikes are other origins
          for (
            const origin of [
              EVIL,
              "http://localhost:5174",
              "https://localhost:5173",
              "http://localhost:5173.evil.example",
              "null"
            ]
          ) {
            const refused = yield* send({ path: "/emulator/outbox", headers: { origin } })
            assert.strictEqual(refused.status, 403, origin)
            assert.isUndefined(refused.headers["access-control-allow-origin"], origin)
            const answered = yield* signIn(send, { origin })
            assert.isUndefined(answered.headers["access-control-allow-origin"], origin)
          }
        })),
    { timeout: 20_000 }
  )

  it("the CLI takes --cors-origin, repeatable, and refuses a wildcard or a URL that is not an origin", () => {
    const none = parse([])
    assert.strictEqual(none._tag === "Run" ? none.options.corsOrigins : "x", undefined)
    const two = parse(["--cors-origin", APP, "--cors-origin", "https://app.example.com"])
    assert.deepStrictEqual(two._tag === "Run" ? two.options.corsOrigins : [], [APP, "https://app.example.com"])
    for (const bad of ["*", "localhost:5173", "http://localhost:5173/app", "file:///x"]) {
      const parsed = parse(["--cors-origin", bad])
      assert.strictEqual(parsed._tag, "Invalid", bad)
    }
  })
})

describe("request bodies are capped", () => {
  const padded = (bytes: number): string => {
    const shell = JSON.stringify({ projectId: "P2Padded", pad: "" })
    return JSON.stringify({ projectId: "P2Padded", pad: "x".repeat(bytes - shell.length) })
  }

  it.live(
    "default 1 MiB: one byte over is 413 with a Descope body, declared or chunked; at the limit it is read",
    () =>
      served({}, (send) =>
        Effect.gen(function*() {
          const limit = 1024 * 1024
          const atLimit = yield* send({ method: "POST", path: "/emulator/projects", body: padded(limit) })
          assert.strictEqual(atLimit.status, 200)
          for (const chunked of [false, true]) {
            const over = yield* send({ method: "POST", path: "/emulator/projects", body: padded(limit + 1), chunked })
            assert.strictEqual(over.status, 413, `chunked: ${chunked}`)
            assert.strictEqual(over.json.errorCode, "E011001")
            assert.strictEqual(over.json.errorDescription, "Request body too large")
            assert.strictEqual(over.json.errorMessage, `the request body exceeds ${limit} bytes`)
          }
          // the server still answers afterwards
          assert.strictEqual((yield* send({ path: "/emulator" })).status, 200)
        })),
    { timeout: 20_000 }
  )

  it.live("maxBodyBytes sets the limit, over loopback and in-process", () =>
    Effect.gen(function*() {
      yield* served({ maxBodyBytes: 1000 }, (send) =>
        Effect.gen(function*() {
          assert.strictEqual(
            (yield* send({ method: "POST", path: "/emulator/projects", body: padded(1000) })).status,
            200
          )
          assert.strictEqual(
            (yield* send({ method: "POST", path: "/emulator/projects", body: padded(1001) })).status,
            413
          )
          assert.strictEqual(
            (yield* send({ method: "POST", path: "/emulator/projects", body: padded(1001), chunked: true })).status,
            413
          )
        }))
      // in-process: the same answer
      const inProcess = yield* Effect.gen(function*() {
        const client = yield* HttpClient.HttpClient
        const ok = yield* client.execute(
          HttpClientRequest.post("http://emulator.local/emulator/projects").pipe(
            HttpClientRequest.bodyText(padded(1000), "application/json")
          )
        )
        const over = yield* client.execute(
          HttpClientRequest.post("http://emulator.local/emulator/projects").pipe(
            HttpClientRequest.bodyText(padded(1001), "application/json")
          )
        )
        return [ok.status, over.status, (yield* over.json) as Record<string, unknown>] as const
      }).pipe(Effect.provide(Emulator.layerHttpClient.pipe(Layer.provideMerge(Emulator.layer({ maxBodyBytes: 1000 })))))
      assert.deepStrictEqual([inProcess[0], inProcess[1], inProcess[2].errorDescription], [
        200,
        413,
        "Request body too large"
      ])
    }), { timeout: 20_000 })

  it("the CLI takes --max-body-bytes", () => {
    const parsed = parse(["--max-body-bytes", "2048"])
    assert.strictEqual(parsed._tag === "Run" ? parsed.options.maxBodyBytes : 0, 2048)
    const defaults = parse([])
    assert.strictEqual(defaults._tag === "Run" ? defaults.options.maxBodyBytes : 0, 1024 * 1024)
    for (const bad of ["0", "-1", "1.5", "x"]) assert.strictEqual(parse(["--max-body-bytes", bad])._tag, "Invalid", bad)
  })
})

describe("path parameters of any sane length", () => {
  const LONG = `P2${"x".repeat(298)}`

  it.live(
    "a 300-character project id serves its own JWKS, over loopback and in-process",
    () =>
      served({ projectId: LONG }, (send) =>
        Effect.gen(function*() {
          assert.strictEqual(LONG.length, 300)
          const jwks = yield* send({ path: `/v2/keys/${LONG}` })
          assert.strictEqual(jwks.status, 200, jwks.text)
          assert.lengthOf(jwks.json.keys as ReadonlyArray<unknown>, 1)
          const v1 = yield* send({ path: `/v1/keys/${LONG}` })
          assert.strictEqual(v1.status, 200, v1.text)
          // a fault id is a path parameter too
          const long = `F${"y".repeat(299)}`
          assert.strictEqual((yield* send({ method: "DELETE", path: `/emulator/faults/${long}` })).status, 200)
          const emulator = yield* Emulator.Emulator
          assert.deepStrictEqual(jwks.json, yield* emulator.jwks())
        })).pipe(
          Effect.zipRight(
            Effect.gen(function*() {
              const client = yield* HttpClient.HttpClient
              const res = yield* client.get(`http://emulator.local/v2/keys/${LONG}`)
              assert.strictEqual(res.status, 200)
            }).pipe(
              Effect.provide(Emulator.layerHttpClient.pipe(Layer.provideMerge(Emulator.layer({ projectId: LONG }))))
            )
          )
        ),
    { timeout: 20_000 }
  )
})

describe("idle keep-alive connections", () => {
  /** Sends one keep-alive request and leaves its socket idle; resolves with the socket. */
  const idleSocket = (baseUrl: string) =>
    Effect.promise(() =>
      new Promise<import("node:net").Socket>((resolve, reject) => {
        import("node:net").then((Net) => {
          const url = new URL(baseUrl)
          const socket = Net.connect({ host: url.hostname, port: Number(url.port) }, () => {
            socket.write(`GET /emulator HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`)
          })
          socket.once("data", () => resolve(socket))
          socket.once("error", reject)
        }, reject)
      })
    )
  const closedWithin = (socket: import("node:net").Socket, ms: number) =>
    Effect.promise(() =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ms)
        socket.once("close", () => {
          clearTimeout(timer)
          resolve(true)
        })
      })
    )

  it.live("keepAliveTimeout closes an idle connection after it; Node's 5 s default keeps it open meanwhile", () =>
    Effect.scoped(Effect.gen(function*() {
      const short = yield* Emulator.serve({ port: 0, keepAliveTimeout: "200 millis" })
      const usual = yield* Emulator.serve({ port: 0 })
      const a = yield* idleSocket(short.baseUrl)
      const b = yield* idleSocket(usual.baseUrl)
      assert.isTrue(yield* closedWithin(a, 2_000), "the idle connection was closed by the short keep-alive")
      assert.isFalse(yield* closedWithin(b, 0), "the default keeps an idle connection for longer")
      assert.strictEqual(yield* usual.connections, 1)
      b.destroy()
    })).pipe(Effect.provide(Emulator.layer({}))))
})
