// How the transport decodes a 2xx answer: malformed JSON or the wrong shape is TransportError Decode naming
// the field (never printing the value), unknown fields are ignored, an empty body or a 204 is {}.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { TransportError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { Ok, withTransport } from "./support/transport.js"

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
