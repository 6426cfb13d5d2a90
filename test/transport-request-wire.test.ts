// What the transport sends: the exact URL (base and path joined, query encoded in order), method, body and
// headers of each credential (project, refresh token, management key, auth management key), no body or
// Content-Type where none belongs, config and per-request headers; requestFull's status, headers, cookies.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { readFileSync } from "node:fs"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import { buildUrl } from "../src/internal/transportRequest.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { Ok, ok, onlyRequest, withTransport } from "./support/transport.js"

const packageVersion: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version

const REFRESH_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJVMTIzIn0.c2lnbmF0dXJl"

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
