// MockHttpClient, the test HttpClient: it records requests (requests, last, clear), its handlers may answer
// with a Promise, and json() builds a response with status, content type and extra headers.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

describe("MockHttpClient", () => {
  it.effect("records requests, last and clear; handlers may return a Promise", () =>
    Effect.gen(function*() {
      const http = yield* DescopeHttp.DescopeHttp
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const Ok = Schema.Struct({ n: Schema.Number })
      const first = yield* http.request({
        method: "POST",
        path: "/v1/a",
        body: { x: 1 },
        operation: "a",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      })
      assert.deepStrictEqual(first, { n: 1 })
      yield* http.request({
        method: "GET",
        path: "/v1/b",
        query: { q: "1" },
        operation: "b",
        schema: Ok,
        credential: DescopeHttp.projectCredential
      })
      const last = yield* recorder.last
      assert.strictEqual(last?.path, "/v1/b")
      assert.deepStrictEqual(last?.query, { q: "1" })
      assert.strictEqual((yield* recorder.requests).length, 2)
      yield* recorder.clear
      assert.strictEqual((yield* recorder.requests).length, 0)
    }).pipe(Effect.provide(
      DescopeHttp.layer.pipe(
        Layer.provide(DescopeConfig.layer({ projectId: "P123" })),
        Layer.provideMerge(MockHttpClient.layer((request) =>
          Promise.resolve(MockHttpClient.json({ n: request.method === "POST" ? 1 : 2 }))
        ))
      )
    )))

  it("json() sets status, content type and extra headers", async () => {
    const response = MockHttpClient.json({ a: 1 }, { status: 201, headers: { "x-request-id": "r" } })
    assert.strictEqual(response.status, 201)
    assert.strictEqual(response.headers.get("content-type"), "application/json")
    assert.strictEqual(response.headers.get("x-request-id"), "r")
    assert.strictEqual(await response.text(), "{\"a\":1}")
  })
})
