import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import { readFileSync } from "node:fs"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { AuthError, RateLimitError, TransportError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import { buildUrl } from "../src/internal/transportRequest.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

const packageVersion: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version

const REFRESH_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJVMTIzIn0.c2lnbmF0dXJl"

const transport = (options: DescopeConfig.Options, handler: MockHttpClient.Handler) =>
  DescopeHttp.layer.pipe(
    Layer.provide(DescopeConfig.layer(options)),
    Layer.provideMerge(MockHttpClient.layer(handler))
  )

const Ok = Schema.Struct({ ok: Schema.Boolean })

const ok = () => MockHttpClient.json({ ok: true })

/** Runs `f` with the transport and the recorder over a mock answering with `handler`. */
const withTransport = <A, E>(
  options: DescopeConfig.Options,
  handler: MockHttpClient.Handler,
  f: (http: DescopeHttp.Service, recorder: MockHttpClient.Recorder) => Effect.Effect<A, E>
) =>
  Effect.gen(function*() {
    const http = yield* DescopeHttp.DescopeHttp
    const recorder = yield* MockHttpClient.MockHttpRecorder
    return yield* f(http, recorder)
  }).pipe(Effect.provide(transport(options, handler)))

const onlyRequest = (recorder: MockHttpClient.Recorder) =>
  Effect.map(recorder.requests, (requests) => {
    assert.strictEqual(requests.length, 1)
    const request = requests[0]
    if (request === undefined) throw new Error("no request")
    return request
  })

describe("DescopeHttp wire", () => {
  it.effect("project credential: POST with exact URL, headers and JSON body", () =>
    withTransport({ projectId: "P123" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        const body = yield* http.request({
          method: "POST",
          path: "/v1/auth/otp/signup/email",
          body: { loginId: "a@b.c", user: { name: "Ann" } },
          operation: "otp.signUp",
          schema: Ok,
          credential: DescopeHttp.projectCredential
        })
        assert.deepStrictEqual(body, { ok: true })
        const request = yield* onlyRequest(recorder)
        assert.strictEqual(request.method, "POST")
        assert.strictEqual(request.url, "https://api.descope.com/v1/auth/otp/signup/email")
        assert.strictEqual(request.path, "/v1/auth/otp/signup/email")
        assert.strictEqual(request.headers["authorization"], "Bearer P123")
        assert.strictEqual(request.headers["x-descope-project-id"], "P123")
        assert.strictEqual(request.headers["x-descope-sdk-name"], "descope-effect")
        assert.strictEqual(request.headers["x-descope-sdk-version"], packageVersion)
        assert.strictEqual(request.headers["x-descope-sdk-node-version"], process.versions.node)
        assert.strictEqual(request.headers["content-type"], "application/json")
        assert.strictEqual(request.headers["traceparent"], undefined)
        assert.strictEqual(request.headers["b3"], undefined)
        assert.strictEqual(request.bodyText, "{\"loginId\":\"a@b.c\",\"user\":{\"name\":\"Ann\"}}")
        assert.deepStrictEqual(request.body, { loginId: "a@b.c", user: { name: "Ann" } })
      })))

  it.effect("package.json and the sent version agree on 0.1.0 (sanity)", () =>
    Effect.sync(() => assert.match(packageVersion, /^\d+\.\d+\.\d+/)))

  it.effect("token credential: Bearer <projectId>:<refresh JWT>", () =>
    withTransport({ projectId: "P123" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.request({
          method: "POST",
          path: "/v1/auth/refresh",
          body: {},
          operation: "session.refresh",
          schema: Ok,
          credential: DescopeHttp.tokenCredential(Redacted.make(REFRESH_JWT))
        })
        const request = yield* onlyRequest(recorder)
        assert.strictEqual(
          request.headers["authorization"],
          "Bearer P123:eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJVMTIzIn0.c2lnbmF0dXJl"
        )
        assert.strictEqual(request.url, "https://api.descope.com/v1/auth/refresh")
        assert.strictEqual(request.bodyText, "{}")
      })))

  it.effect("tokenCredential accepts a plain string too", () =>
    withTransport({ projectId: "P123" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.request({
          method: "POST",
          path: "/v1/auth/accesskey/exchange",
          body: {},
          operation: "accessKey.exchange",
          schema: Ok,
          credential: DescopeHttp.tokenCredential("AK-cleartext-1")
        })
        const request = yield* onlyRequest(recorder)
        assert.strictEqual(request.headers["authorization"], "Bearer P123:AK-cleartext-1")
      })))

  it.effect("management: Bearer <projectId>:<managementKey>, never the auth management key", () =>
    withTransport(
      { projectId: "P123", managementKey: "K-mgmt-1", authManagementKey: "AMK-1" },
      ok,
      (http, recorder) =>
        Effect.gen(function*() {
          yield* http.management({
            method: "POST",
            path: "/v1/mgmt/user/create",
            body: { loginId: "a@b.c" },
            operation: "mgmt.user.create",
            schema: Ok
          })
          const request = yield* onlyRequest(recorder)
          assert.strictEqual(request.headers["authorization"], "Bearer P123:K-mgmt-1")
          assert.strictEqual(request.url, "https://api.descope.com/v1/mgmt/user/create")
          assert.deepStrictEqual(request.body, { loginId: "a@b.c" })
        })
    ))

  it.effect("management key given as Redacted", () =>
    withTransport(
      { projectId: "P123", managementKey: Redacted.make("K-mgmt-2") },
      ok,
      (http, recorder) =>
        Effect.gen(function*() {
          yield* http.management({
            method: "GET",
            path: "/v1/mgmt/tenant/all",
            operation: "mgmt.tenant.loadAll",
            schema: Ok
          })
          const request = yield* onlyRequest(recorder)
          assert.strictEqual(request.headers["authorization"], "Bearer P123:K-mgmt-2")
        })
    ))

  it.effect("auth management key without user token: Bearer <projectId>:<authManagementKey>", () =>
    withTransport({ projectId: "P123", authManagementKey: "AMK-1" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.request({
          method: "POST",
          path: "/v1/auth/otp/signin/email",
          body: { loginId: "a@b.c" },
          operation: "otp.signIn",
          schema: Ok,
          credential: DescopeHttp.projectCredential
        })
        const request = yield* onlyRequest(recorder)
        assert.strictEqual(request.headers["authorization"], "Bearer P123:AMK-1")
      })))

  it.effect("auth management key with a user token: Bearer <projectId>:<token>:<authManagementKey>", () =>
    withTransport(
      { projectId: "P123", authManagementKey: Redacted.make("AMK-1") },
      ok,
      (http, recorder) =>
        Effect.gen(function*() {
          yield* http.request({
            method: "POST",
            path: "/v1/auth/logout",
            body: {},
            operation: "session.logout",
            schema: Ok,
            credential: DescopeHttp.tokenCredential(REFRESH_JWT)
          })
          const request = yield* onlyRequest(recorder)
          assert.strictEqual(
            request.headers["authorization"],
            "Bearer P123:eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJVMTIzIn0.c2lnbmF0dXJl:AMK-1"
          )
        })
    ))

  it.effect("GET and DELETE carry no body and no Content-Type, even when a body is given", () =>
    withTransport({ projectId: "P123", managementKey: "K" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.request({
          method: "GET",
          path: "/v1/auth/me",
          body: { ignored: true },
          operation: "session.me",
          schema: Ok,
          credential: DescopeHttp.tokenCredential(REFRESH_JWT)
        })
        yield* http.management({
          method: "DELETE",
          path: "/v1/mgmt/user/delete",
          query: { loginId: "a@b.c" },
          body: { ignored: true },
          operation: "mgmt.user.delete",
          schema: Ok
        })
        const requests = yield* recorder.requests
        assert.strictEqual(requests.length, 2)
        const [get, del] = requests
        assert.strictEqual(get?.method, "GET")
        assert.strictEqual(get?.headers["content-type"], undefined)
        assert.strictEqual(get?.bodyText, undefined)
        assert.strictEqual(del?.method, "DELETE")
        assert.strictEqual(del?.url, "https://api.descope.com/v1/mgmt/user/delete?loginId=a%40b.c")
        assert.strictEqual(del?.headers["content-type"], undefined)
        assert.strictEqual(del?.bodyText, undefined)
      })))

  it.effect("POST without a body sends no Content-Type", () =>
    withTransport({ projectId: "P123" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.request({
          method: "POST",
          path: "/v1/auth/logoutall",
          operation: "session.logoutAll",
          schema: Ok,
          credential: DescopeHttp.tokenCredential(REFRESH_JWT)
        })
        const request = yield* onlyRequest(recorder)
        assert.strictEqual(request.headers["content-type"], undefined)
        assert.strictEqual(request.bodyText, undefined)
      })))

  it.effect("PUT and PATCH carry the JSON body", () =>
    withTransport({ projectId: "P123", managementKey: "K" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.management({
          method: "PUT",
          path: "/v1/mgmt/x",
          body: { a: [1, 2], b: null },
          operation: "mgmt.x",
          schema: Ok
        })
        yield* http.management({
          method: "PATCH",
          path: "/v1/mgmt/y",
          body: { c: "d" },
          operation: "mgmt.y",
          schema: Ok
        })
        const [put, patch] = yield* recorder.requests
        assert.strictEqual(put?.method, "PUT")
        assert.strictEqual(put?.bodyText, "{\"a\":[1,2],\"b\":null}")
        assert.strictEqual(put?.headers["content-type"], "application/json")
        assert.strictEqual(patch?.method, "PATCH")
        assert.strictEqual(patch?.bodyText, "{\"c\":\"d\"}")
      })))

  it.effect("URL join: path with or without leading slash, base with or without trailing slash", () =>
    Effect.gen(function*() {
      const urls: Array<string> = []
      for (const baseUrl of ["https://descope.example.test", "https://descope.example.test/"]) {
        for (const path of ["/v2/keys/P123", "v2/keys/P123"]) {
          const url = yield* withTransport(
            { projectId: "P123", baseUrl },
            ok,
            (http, recorder) =>
              Effect.gen(function*() {
                yield* http.request({
                  method: "GET",
                  path,
                  operation: "keys.get",
                  schema: Ok,
                  credential: DescopeHttp.projectCredential
                })
                return (yield* onlyRequest(recorder)).url
              })
          )
          urls.push(url)
        }
      }
      assert.deepStrictEqual(urls, [
        "https://descope.example.test/v2/keys/P123",
        "https://descope.example.test/v2/keys/P123",
        "https://descope.example.test/v2/keys/P123",
        "https://descope.example.test/v2/keys/P123"
      ])
    }))

  it.effect("URL join keeps a base path prefix", () =>
    withTransport(
      { projectId: "P123", baseUrl: "http://127.0.0.1:4510/descope/" },
      ok,
      (http, recorder) =>
        Effect.gen(function*() {
          yield* http.request({
            method: "POST",
            path: "v1/auth/oauth/native/start",
            body: {},
            operation: "oauth.nativeStart",
            schema: Ok,
            credential: DescopeHttp.projectCredential
          })
          const request = yield* onlyRequest(recorder)
          assert.strictEqual(request.url, "http://127.0.0.1:4510/descope/v1/auth/oauth/native/start")
        })
    ))

  it.effect("query: insertion order, raw keys, encodeURIComponent values, booleans, undefined skipped", () =>
    withTransport({ projectId: "P123", managementKey: "K" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.management({
          method: "GET",
          path: "/v1/mgmt/user",
          query: {
            zeta: "x y&z=1",
            alpha: true,
            skipped: undefined,
            beta: false,
            count: 5,
            "ids[]": "é/?#+"
          },
          operation: "mgmt.user.load",
          schema: Ok
        })
        const request = yield* onlyRequest(recorder)
        assert.strictEqual(
          request.url,
          "https://api.descope.com/v1/mgmt/user?zeta=x%20y%26z%3D1&alpha=true&beta=false&count=5&ids[]=%C3%A9%2F%3F%23%2B"
        )
        assert.deepStrictEqual(request.query, {
          zeta: "x y&z=1",
          alpha: "true",
          beta: "false",
          count: "5",
          "ids[]": "é/?#+"
        })
      })))

  it.effect("a query of only undefined values adds no '?'", () =>
    withTransport({ projectId: "P123" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.request({
          method: "GET",
          path: "/v1/auth/me/history",
          query: { a: undefined },
          operation: "session.history",
          schema: Ok,
          credential: DescopeHttp.projectCredential
        })
        assert.strictEqual((yield* onlyRequest(recorder)).url, "https://api.descope.com/v1/auth/me/history")
      })))

  it.effect("buildUrl is exact", () =>
    Effect.sync(() => {
      assert.strictEqual(
        buildUrl("https://api.descope.com/", "/v1/a", { k: "v w", b: true }),
        "https://api.descope.com/v1/a?k=v%20w&b=true"
      )
      assert.strictEqual(buildUrl("https://api.descope.com", "v1/a"), "https://api.descope.com/v1/a")
    }))

  it.effect("extra headers from config are sent; the SDK headers cannot be overridden by them", () =>
    withTransport(
      {
        projectId: "P123",
        extraHeaders: { "x-custom-header": "yes", "x-descope-sdk-name": "spoof", authorization: "Bearer spoof" }
      },
      ok,
      (http, recorder) =>
        Effect.gen(function*() {
          yield* http.request({
            method: "POST",
            path: "/v1/auth/otp/signin/email",
            body: {},
            operation: "otp.signIn",
            schema: Ok,
            credential: DescopeHttp.projectCredential
          })
          const request = yield* onlyRequest(recorder)
          assert.strictEqual(request.headers["x-custom-header"], "yes")
          assert.strictEqual(request.headers["x-descope-sdk-name"], "descope-effect")
          assert.strictEqual(request.headers["authorization"], "Bearer P123")
        })
    ))

  it.effect("extra header names are sent lower-cased", () =>
    withTransport(
      { projectId: "P123", extraHeaders: { "X-App-Name": "Demo" } },
      ok,
      (http, recorder) =>
        Effect.gen(function*() {
          yield* http.request({
            method: "GET",
            path: "/v1/auth/me",
            operation: "session.me",
            schema: Ok,
            credential: DescopeHttp.projectCredential
          })
          const request = yield* onlyRequest(recorder)
          assert.strictEqual(request.headers["x-app-name"], "Demo")
        })
    ))

  it.effect("a handler may answer every request with the same Response", () => {
    const shared = MockHttpClient.json({ ok: true })
    return withTransport({ projectId: "P123" }, () => shared, (http, recorder) =>
      Effect.gen(function*() {
        for (let i = 0; i < 3; i++) {
          const body = yield* http.request({
            method: "GET",
            path: "/v1/a",
            operation: "a",
            schema: Ok,
            credential: DescopeHttp.projectCredential
          })
          assert.deepStrictEqual(body, { ok: true })
        }
        assert.strictEqual((yield* recorder.requests).length, 3)
      }))
  })

  it.effect("per-request headers are sent", () =>
    withTransport({ projectId: "P123" }, ok, (http, recorder) =>
      Effect.gen(function*() {
        yield* http.request({
          method: "POST",
          path: "/v1/auth/refresh",
          body: {},
          headers: { "x-descope-refresh-cookie-name": "DSR" },
          operation: "session.refresh",
          schema: Ok,
          credential: DescopeHttp.tokenCredential(REFRESH_JWT)
        })
        const request = yield* onlyRequest(recorder)
        assert.strictEqual(request.headers["x-descope-refresh-cookie-name"], "DSR")
      })))

  it.effect("requestFull returns status, headers and cookies", () =>
    withTransport(
      { projectId: "P123" },
      () =>
        new Response("{\"ok\":true}", {
          status: 200,
          headers: {
            "content-type": "application/json",
            "set-cookie": "DSR=refresh-1; Path=/; HttpOnly",
            "x-extra": "1"
          }
        }),
      (http) =>
        Effect.gen(function*() {
          const response = yield* http.requestFull({
            method: "POST",
            path: "/v1/auth/refresh",
            body: {},
            operation: "session.refresh",
            schema: Ok,
            credential: DescopeHttp.tokenCredential(REFRESH_JWT)
          })
          assert.deepStrictEqual(response.body, { ok: true })
          assert.strictEqual(response.status, 200)
          assert.strictEqual(response.headers["x-extra"], "1")
          const cookie = response.cookies.cookies["DSR"]
          assert.strictEqual(cookie?.value, "refresh-1")
        })
    ))
})

describe("DescopeHttp decoding", () => {
  const User = Schema.Struct({ user: Schema.Struct({ loginIds: Schema.Array(Schema.String), email: Schema.String }) })

  it.effect("malformed JSON on 2xx -> TransportError Decode", () =>
    withTransport(
      { projectId: "P123" },
      () => new Response("{not json", { status: 200 }),
      (http) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(
            http.request({
              method: "GET",
              path: "/v1/auth/me",
              operation: "session.me",
              schema: Ok,
              credential: DescopeHttp.projectCredential
            })
          )
          assert.instanceOf(error, TransportError)
          assert.strictEqual(error._tag, "TransportError")
          if (error._tag !== "TransportError") return
          assert.strictEqual(error.reason, "Decode")
          assert.strictEqual(error.status, 200)
          assert.strictEqual(error.method, "GET")
          assert.strictEqual(error.path, "/v1/auth/me")
          assert.strictEqual(error.description, "the response body is not JSON")
        })
    ))

  it.effect("2xx of the wrong shape -> TransportError Decode naming the field", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({ user: { loginIds: ["a@b.c"], email: 5 } }),
      (http) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(
            http.request({
              method: "GET",
              path: "/v1/auth/me",
              operation: "session.me",
              schema: User,
              credential: DescopeHttp.projectCredential
            })
          )
          assert.strictEqual(error._tag, "TransportError")
          if (error._tag !== "TransportError") return
          assert.strictEqual(error.reason, "Decode")
          assert.strictEqual(error.description, "field \"user.email\": Expected string, actual a number")
          assert.include(error.message, "user.email")
          assert.include(error.message, "Decode")
        })
    ))

  it.effect("the offending value is not printed (it may be a token), only its kind", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({ sessionJwt: { jwt: "SECRET-TOKEN-XYZ" }, refreshJwt: ["SECRET-TOKEN-ABC"] }),
      (http) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(http.request({
            method: "POST",
            path: "/v1/auth/refresh",
            body: {},
            operation: "session.refresh",
            schema: Schema.Struct({ sessionJwt: Schema.String, refreshJwt: Schema.String }),
            credential: DescopeHttp.projectCredential
          }))
          assert.strictEqual(error._tag, "TransportError")
          if (error._tag !== "TransportError") return
          assert.strictEqual(error.description, "field \"sessionJwt\": Expected string, actual an object")
          for (const text of [error.message, String(error), JSON.stringify(error)]) {
            assert.notInclude(text, "SECRET-TOKEN")
          }
          const root = yield* Effect.flip(http.request({
            method: "POST",
            path: "/v1/auth/refresh",
            body: {},
            operation: "session.refresh",
            schema: Schema.Array(Schema.String),
            credential: DescopeHttp.projectCredential
          }))
          assert.include(root.message, "field \"(body)\"")
          assert.include(root.message, "actual an object")
          assert.notInclude(root.message, "SECRET-TOKEN")
        })
    ))

  it.effect("a missing required field is named too", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({ user: { email: "a@b.c" } }),
      (http) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(
            http.request({
              method: "GET",
              path: "/v1/auth/me",
              operation: "session.me",
              schema: User,
              credential: DescopeHttp.projectCredential
            })
          )
          assert.strictEqual(error._tag, "TransportError")
          assert.include(error.message, "user.loginIds")
        })
    ))

  it.effect("unknown extra fields are ignored", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({ user: { loginIds: ["a@b.c"], email: "a@b.c", brandNew: { x: 1 } }, other: 2 }),
      (http) =>
        Effect.gen(function*() {
          const body = yield* http.request({
            method: "GET",
            path: "/v1/auth/me",
            operation: "session.me",
            schema: User,
            credential: DescopeHttp.projectCredential
          })
          assert.deepStrictEqual(body, { user: { loginIds: ["a@b.c"], email: "a@b.c" } })
        })
    ))

  it.effect("an empty 2xx body is treated as {}", () =>
    withTransport({ projectId: "P123" }, () => new Response("", { status: 200 }), (http) =>
      Effect.gen(function*() {
        const body = yield* http.request({
          method: "POST",
          path: "/v1/auth/logout",
          body: {},
          operation: "session.logout",
          schema: Schema.Struct({ ok: Schema.optional(Schema.Boolean) }),
          credential: DescopeHttp.projectCredential
        })
        assert.deepStrictEqual(body, {})
        const empty = yield* http.request({
          method: "POST",
          path: "/v1/auth/logout",
          body: {},
          operation: "session.logout",
          schema: DescopeHttp.EmptyResponse,
          credential: DescopeHttp.projectCredential
        })
        assert.deepStrictEqual(empty, {})
      })))

  it.effect("a 204 with no body is treated as {}", () =>
    withTransport(
      { projectId: "P123", managementKey: "K" },
      () => new Response(null, { status: 204 }),
      (http) =>
        Effect.gen(function*() {
          const body = yield* http.management({
            method: "DELETE",
            path: "/v1/mgmt/tenant/delete",
            operation: "mgmt.tenant.delete",
            schema: DescopeHttp.EmptyResponse
          })
          assert.deepStrictEqual(body, {})
        })
    ))
})

describe("DescopeHttp error mapping", () => {
  const call = (http: DescopeHttp.Service, method: DescopeHttp.Method = "POST") =>
    Effect.flip(
      http.request({
        method,
        path: "/v1/auth/otp/verify/email",
        ...(method === "POST" ? { body: { loginId: "a@b.c", code: "123456" } } : {}),
        operation: "otp.verify",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      })
    )

  it.effect("401 body -> AuthError with status, code, description, message and request id", () =>
    withTransport(
      { projectId: "P123" },
      () =>
        MockHttpClient.json(
          { errorCode: "E061102", errorDescription: "Wrong code", errorMessage: "The code is not valid" },
          { status: 401, headers: { "x-request-id": "req-42" } }
        ),
      (http, recorder) =>
        Effect.gen(function*() {
          const error = yield* call(http)
          assert.instanceOf(error, AuthError)
          if (!(error instanceof AuthError)) return
          assert.strictEqual(error._tag, "AuthError")
          assert.strictEqual(error.status, 401)
          assert.strictEqual(error.errorCode, "E061102")
          assert.strictEqual(error.errorDescription, "Wrong code")
          assert.strictEqual(error.errorMessage, "The code is not valid")
          assert.strictEqual(error.requestId, "req-42")
          assert.isTrue(error.isWrongOtpCode)
          assert.isFalse(error.isUserNotFound)
          assert.strictEqual(error.message, "Descope answered 401 E061102: Wrong code: The code is not valid")
          assert.strictEqual((yield* recorder.requests).length, 1)
        })
    ))

  it.effect("400 with a non-JSON body -> AuthError with status only", () =>
    withTransport(
      { projectId: "P123" },
      () => new Response("Bad Request", { status: 400 }),
      (http) =>
        Effect.gen(function*() {
          const error = yield* call(http)
          assert.instanceOf(error, AuthError)
          if (!(error instanceof AuthError)) return
          assert.strictEqual(error.status, 400)
          assert.strictEqual(error.errorCode, undefined)
          assert.strictEqual(error.requestId, undefined)
          assert.strictEqual(error.message, "Descope answered 400")
        })
    ))

  it.effect("403 and 404 are AuthErrors, not retried", () =>
    Effect.gen(function*() {
      for (const status of [403, 404]) {
        yield* withTransport(
          { projectId: "P123" },
          () => MockHttpClient.json({ errorCode: "E062108", errorDescription: "User not found" }, { status }),
          (http, recorder) =>
            Effect.gen(function*() {
              const error = yield* call(http, "GET")
              assert.instanceOf(error, AuthError)
              if (!(error instanceof AuthError)) return
              assert.strictEqual(error.status, status)
              assert.isTrue(error.isUserNotFound)
              assert.strictEqual((yield* recorder.requests).length, 1)
            })
        )
      }
    }))

  it.effect("429 with Retry-After: 7 -> RateLimitError of exactly 7 seconds, not retried", () =>
    withTransport(
      { projectId: "P123" },
      () =>
        MockHttpClient.json(
          {
            errorCode: "E130429",
            errorDescription: "https://docs.descope.com/rate-limit",
            errorMessage: "API rate limit exceeded."
          },
          { status: 429, headers: { "retry-after": "7", "x-request-id": "req-429" } }
        ),
      (http, recorder) =>
        Effect.gen(function*() {
          const error = yield* call(http, "GET")
          assert.instanceOf(error, RateLimitError)
          if (!(error instanceof RateLimitError)) return
          assert.strictEqual(error._tag, "RateLimitError")
          assert.strictEqual(Duration.toMillis(error.retryAfter), 7000)
          assert.isTrue(Duration.equals(error.retryAfter, Duration.seconds(7)))
          assert.strictEqual(error.status, 429)
          assert.strictEqual(error.errorCode, "E130429")
          assert.strictEqual(error.errorDescription, "https://docs.descope.com/rate-limit")
          assert.strictEqual(error.errorMessage, "API rate limit exceeded.")
          assert.strictEqual(error.requestId, "req-429")
          assert.strictEqual(error.message, "Descope rate limit exceeded: retry after 7s")
          assert.strictEqual((yield* recorder.requests).length, 1)
        })
    ))

  it.effect("429 with an HTTP-date Retry-After is relative to the Clock", () =>
    withTransport(
      { projectId: "P123" },
      () =>
        MockHttpClient.json({ errorCode: "E130429" }, {
          status: 429,
          headers: { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }
        }),
      (http) =>
        Effect.gen(function*() {
          // 2015-10-21T07:27:30Z, 30 s before the date of the header
          yield* TestClock.setTime(1445412450000)
          const error = yield* call(http)
          assert.instanceOf(error, RateLimitError)
          if (!(error instanceof RateLimitError)) return
          assert.strictEqual(Duration.toMillis(error.retryAfter), 30000)
        })
    ))

  it.effect("429 with absent or garbled Retry-After -> the documented default of 1 second", () =>
    Effect.gen(function*() {
      for (const headers of [{}, { "retry-after": "soon" }, { "retry-after": "-5" }] as Array<Record<string, string>>) {
        const error = yield* withTransport(
          { projectId: "P123" },
          () => MockHttpClient.json({}, { status: 429, headers }),
          (http) => call(http)
        )
        assert.instanceOf(error, RateLimitError)
        if (!(error instanceof RateLimitError)) return
        assert.strictEqual(Duration.toMillis(error.retryAfter), 1000)
      }
    }))

  it.effect("503 is retried (3 retries), then TransportError ServerError", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({ errorCode: "E999999" }, { status: 503 }),
      (http, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(call(http))
          yield* TestClock.adjust("10 seconds")
          const error = yield* Fiber.join(fiber)
          assert.instanceOf(error, TransportError)
          if (!(error instanceof TransportError)) return
          assert.strictEqual(error.reason, "ServerError")
          assert.strictEqual(error.status, 503)
          assert.strictEqual(error.errorCode, "E999999")
          assert.strictEqual(error.method, "POST")
          assert.strictEqual(error.path, "/v1/auth/otp/verify/email")
          assert.strictEqual((yield* recorder.requests).length, 4)
        })
    ))

  it.effect("503 then 200 succeeds on the retry", () =>
    Effect.gen(function*() {
      let n = 0
      yield* withTransport(
        { projectId: "P123" },
        () => (++n === 1 ? MockHttpClient.json({}, { status: 503 }) : MockHttpClient.json({ ok: true })),
        (http, recorder) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(
              http.request({
                method: "POST",
                path: "/v1/x",
                body: {},
                operation: "x",
                schema: Ok,
                credential: DescopeHttp.projectCredential
              })
            )
            yield* TestClock.adjust("1 second")
            assert.deepStrictEqual(yield* Fiber.join(fiber), { ok: true })
            assert.strictEqual((yield* recorder.requests).length, 2)
          })
      )
    }))

  it.effect("the first retry waits about 100 ms (jittered), not longer", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({}, { status: 503 }),
      (http, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(call(http))
          yield* TestClock.adjust("79 millis")
          assert.strictEqual((yield* recorder.requests).length, 1)
          yield* TestClock.adjust("42 millis")
          assert.strictEqual((yield* recorder.requests).length, 2)
          yield* TestClock.adjust("10 seconds")
          yield* Fiber.join(fiber)
        })
    ))

  it.effect("500, 502 and 504 are not retried", () =>
    Effect.gen(function*() {
      for (const status of [500, 502, 504]) {
        yield* withTransport({ projectId: "P123" }, () =>
          MockHttpClient.json({}, { status }), (http, recorder) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(call(http, "GET"))
            yield* TestClock.adjust("10 seconds")
            const error = yield* Fiber.join(fiber)
            assert.instanceOf(error, TransportError)
            if (!(error instanceof TransportError)) {
              return
            }
            assert.strictEqual(error.reason, "ServerError")
            assert.strictEqual(error.status, status)
            assert.strictEqual((yield* recorder.requests).length, 1)
          }))
      }
    }))

  it.effect("520, 521, 522, 524 and 530 are retried", () =>
    Effect.gen(function*() {
      for (const status of [520, 521, 522, 524, 530]) {
        yield* withTransport({ projectId: "P123" }, () =>
          new Response("", { status }), (http, recorder) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(call(http))
            yield* TestClock.adjust("10 seconds")
            const error = yield* Fiber.join(fiber)
            assert.instanceOf(error, TransportError)
            if (!(error instanceof TransportError)) {
              return
            }
            assert.strictEqual(error.reason, "ServerError")
            assert.strictEqual(error.status, status)
            assert.strictEqual((yield* recorder.requests).length, 4, `status ${status}`)
          }))
      }
    }))

  it.effect("a refused connection is retried, even for a POST, then TransportError Network", () =>
    withTransport({ projectId: "P123" }, () => "network-error", (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(call(http, "POST"))
        yield* TestClock.adjust("10 seconds")
        const error = yield* Fiber.join(fiber)
        assert.instanceOf(error, TransportError)
        if (!(error instanceof TransportError)) return
        assert.strictEqual(error.reason, "Network")
        assert.strictEqual(error.description, "connection refused by api.descope.com")
        assert.include(error.message, "api.descope.com")
        assert.isTrue(error.isRetryable)
        assert.strictEqual(error.status, undefined)
        assert.strictEqual((yield* recorder.requests).length, 4)
      })))

  it.effect("a POST that times out is NOT retried", () =>
    withTransport({ projectId: "P123" }, () => Effect.never, (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(call(http, "POST"))
        yield* TestClock.adjust("59 seconds")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 second")
        const error = yield* Fiber.join(fiber)
        assert.instanceOf(error, TransportError)
        if (!(error instanceof TransportError)) return
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.description, "no answer within 1m")
        yield* TestClock.adjust("5 minutes")
        assert.strictEqual((yield* recorder.requests).length, 1)
      })))

  it.effect("a GET that times out is retried, and the total timeout (2x the attempt) bounds it", () =>
    withTransport({ projectId: "P123" }, () => Effect.never, (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(call(http, "GET"))
        yield* TestClock.adjust("60 seconds")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 second")
        assert.strictEqual((yield* recorder.requests).length, 2)
        yield* TestClock.adjust("58 seconds")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 second")
        const error = yield* Fiber.join(fiber)
        assert.instanceOf(error, TransportError)
        if (!(error instanceof TransportError)) return
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.description, "no answer within 2m")
        assert.strictEqual((yield* recorder.requests).length, 2)
      })))

  it.effect("the per-attempt timeout comes from the config", () =>
    withTransport(
      { projectId: "P123", requestTimeout: "5 seconds" },
      () => Effect.never,
      (http) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(call(http, "POST"))
          yield* TestClock.adjust("4999 millis")
          assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
          yield* TestClock.adjust("1 millis")
          const error = yield* Fiber.join(fiber)
          assert.strictEqual(error._tag, "TransportError")
          if (error._tag !== "TransportError") return
          assert.strictEqual(error.reason, "Timeout")
        })
    ))

  it.effect("withRequestOptions({ timeout, retry: false }) overrides one call", () =>
    withTransport({ projectId: "P123" }, () => Effect.never, (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(
          call(http, "GET").pipe(
            DescopeHttp.withRequestOptions({ timeout: "2 seconds", retry: false })
          )
        )
        yield* TestClock.adjust("1999 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const error = yield* Fiber.join(fiber)
        assert.strictEqual(error._tag, "TransportError")
        if (error._tag !== "TransportError") return
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.description, "no answer within 2s")
        yield* TestClock.adjust("1 minute")
        assert.strictEqual((yield* recorder.requests).length, 1)
      })))

  it.effect("withRequestOptions({ retry: false }) (data-first) stops the 503 retries", () =>
    withTransport(
      { projectId: "P123" },
      () => MockHttpClient.json({}, { status: 503 }),
      (http, recorder) =>
        Effect.gen(function*() {
          const error = yield* DescopeHttp.withRequestOptions(call(http), { retry: false })
          assert.strictEqual(error._tag, "TransportError")
          assert.strictEqual((yield* recorder.requests).length, 1)
        })
    ))

  it.effect("withRequestOptions({ totalTimeout }) bounds the retries of timed-out GETs", () =>
    withTransport({ projectId: "P123" }, () => Effect.never, (http, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(
          call(http, "GET").pipe(
            DescopeHttp.withRequestOptions({ timeout: "1 second", totalTimeout: "3 seconds" })
          )
        )
        yield* TestClock.adjust("2999 millis")
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        yield* TestClock.adjust("1 millis")
        const error = yield* Fiber.join(fiber)
        assert.strictEqual(error._tag, "TransportError")
        if (error._tag !== "TransportError") return
        assert.strictEqual(error.reason, "Timeout")
        assert.strictEqual(error.description, "no answer within 3s")
        assert.strictEqual((yield* recorder.requests).length, 3)
      })))

  it.effect("a timed-out attempt interrupts its HTTP request", () =>
    Effect.gen(function*() {
      const interrupted = yield* Deferred.make<void>()
      yield* withTransport(
        { projectId: "P123", requestTimeout: "1 second" },
        () => Effect.never.pipe(Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined))),
        (http) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(call(http, "POST"))
            yield* TestClock.adjust("1 second")
            const error = yield* Fiber.join(fiber)
            assert.strictEqual(error._tag, "TransportError")
            assert.isTrue(yield* Deferred.isDone(interrupted))
          })
      )
    }))

  it.effect("interrupting the fiber interrupts the HTTP request", () =>
    Effect.gen(function*() {
      const started = yield* Deferred.make<void>()
      const interrupted = yield* Deferred.make<void>()
      yield* withTransport(
        { projectId: "P123" },
        () =>
          Deferred.succeed(started, undefined).pipe(
            Effect.zipRight(Effect.never),
            Effect.onInterrupt(() => Deferred.succeed(interrupted, undefined))
          ),
        (http) =>
          Effect.gen(function*() {
            const fiber = yield* Effect.fork(call(http, "POST"))
            yield* Deferred.await(started)
            assert.isFalse(yield* Deferred.isDone(interrupted))
            const exit = yield* Fiber.interrupt(fiber)
            assert.isTrue(Exit.isInterrupted(exit))
            assert.isTrue(yield* Deferred.isDone(interrupted))
          })
      )
    }))
})
