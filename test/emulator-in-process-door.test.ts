/**
 * The in-process door reads JSON answers in memory instead of through a web
 * `Response`: what a client sees (status, headers, cookies, text, JSON, URL
 * params, bytes, stream) is the same as `HttpClientResponse.fromWeb` over
 * `HttpServerResponse.toWeb` of the same answer, the platform's own
 * conversion, used here as the oracle. And interruption (a timeout) still
 * stops a slow handler at once.
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import * as Emulator from "../src/emulator/index.js"
import { fromServerResponse } from "../src/internal/inMemoryResponse.js"
import { managementKeyOf } from "./support/emulator.js"

const request = HttpClientRequest.get("http://emulator.local/v1/anything")

/** What a client can read of a response. */
const view = (response: HttpClientResponse.HttpClientResponse) =>
  Effect.gen(function*() {
    const text = yield* response.text
    const json = yield* Effect.either(response.json)
    const params = yield* Effect.either(response.urlParamsBody)
    return {
      status: response.status,
      headers: { ...response.headers },
      cookies: response.cookies.cookies,
      text,
      json: json._tag === "Right" ? json.right : "not json",
      params: params._tag === "Right" ? params.right : "no params"
    }
  })

const bytesOf = (response: HttpClientResponse.HttpClientResponse) =>
  Effect.map(Stream.runCollect(response.stream), (chunks) => Chunk.toReadonlyArray(chunks).flatMap((c) => [...c]))

const answers: ReadonlyArray<readonly [string, HttpServerResponse.HttpServerResponse]> = [
  ["a JSON object", HttpServerResponse.unsafeJson({ user: { loginIds: ["ä@example.com"], name: "Ünïcode ✓" } })],
  [
    "a JSON error with headers",
    HttpServerResponse.unsafeJson({ errorCode: "E130429" }, { status: 429, headers: { "retry-after": "7" } })
  ],
  [
    "JSON with cookies",
    HttpServerResponse.unsafeJson({ sessionJwt: "a.b.c" }).pipe(
      HttpServerResponse.unsafeSetCookies([["DS", "a.b.c", { path: "/", httpOnly: true }], ["DSR", "d.e.f", {
        path: "/"
      }]])
    )
  ],
  ["an empty JSON body", HttpServerResponse.uint8Array(new Uint8Array(0), { contentType: "application/json" })],
  [
    "text that is not JSON",
    HttpServerResponse.text("<html>not json", { status: 502, contentType: "application/json" })
  ],
  ["form-like text", HttpServerResponse.text("a=1&b=two")],
  ["no body", HttpServerResponse.empty({ status: 204 })]
]

describe("the in-process door's responses", () => {
  for (const [name, answer] of answers) {
    it.effect(`${name}: read as fromWeb reads it`, () =>
      Effect.gen(function*() {
        const oracle = () => HttpClientResponse.fromWeb(request, HttpServerResponse.toWeb(answer))
        assert.deepStrictEqual(yield* view(fromServerResponse(request, answer)), yield* view(oracle()))
        assert.deepStrictEqual(
          yield* Effect.either(bytesOf(fromServerResponse(request, answer))),
          yield* Effect.either(bytesOf(oracle()))
        )
        const buffer = yield* Effect.either(fromServerResponse(request, answer).arrayBuffer)
        const expected = yield* Effect.either(oracle().arrayBuffer)
        assert.deepStrictEqual(
          buffer._tag === "Right" ? [...new Uint8Array(buffer.right)] : buffer._tag,
          expected._tag === "Right" ? [...new Uint8Array(expected.right)] : expected._tag
        )
      }))
  }

  it.effect("JSON that does not parse is a ResponseError Decode, as with fromWeb", () =>
    Effect.gen(function*() {
      const answer = HttpServerResponse.text("{not json", { contentType: "application/json" })
      const error = yield* Effect.flip(fromServerResponse(request, answer).json)
      assert.strictEqual(error._tag, "ResponseError")
      assert.strictEqual(error.reason, "Decode")
    }))

  it.effect("an emulator answer through the door: the same status, headers and body as over the web path", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make({ projectId: "P2door", managementKey: "K-door" })
      const client = Emulator.makeHttpClient(emulator)
      const auth = `Bearer P2door:${managementKeyOf(emulator)}`
      const created = yield* client.execute(
        HttpClientRequest.post("http://emulator.local/v1/mgmt/user/create").pipe(
          HttpClientRequest.setHeader("authorization", auth),
          HttpClientRequest.bodyUnsafeJson({ loginId: "door@example.com", email: "door@example.com" })
        )
      )
      assert.strictEqual(created.status, 200)
      const loaded = yield* client.execute(
        HttpClientRequest.get("http://emulator.local/v1/mgmt/user?loginId=door%40example.com").pipe(
          HttpClientRequest.setHeader("authorization", auth)
        )
      )
      const body = (yield* loaded.json) as { user: { loginIds: Array<string> } }
      assert.deepStrictEqual(body.user.loginIds, ["door@example.com"])
      const missing = yield* client.execute(
        HttpClientRequest.get("http://emulator.local/v1/mgmt/user?loginId=nobody").pipe(
          HttpClientRequest.setHeader("authorization", auth)
        )
      )
      assert.strictEqual(missing.status, 404)
      assert.strictEqual(((yield* missing.json) as { errorCode: string }).errorCode, "E112102")
    }).pipe(Effect.scoped))

  it.scoped("a timeout interrupts a slow handler at once (no request left in the emulator)", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make({ projectId: "P2door", managementKey: "K-door" })
      yield* emulator.addFault({ path: "/v1/mgmt/tenant/all", latencyMs: 60_000 })
      const client = Emulator.makeHttpClient(emulator)
      const slow = client.execute(
        HttpClientRequest.get("http://emulator.local/v1/mgmt/tenant/all").pipe(
          HttpClientRequest.setHeader("authorization", `Bearer P2door:${managementKeyOf(emulator)}`)
        )
      ).pipe(Effect.timeout(Duration.millis(100)))
      const fiber = yield* Effect.fork(slow)
      yield* TestClock.adjust("100 millis")
      const exit = yield* Fiber.await(fiber)
      assert.isTrue(Exit.isFailure(exit))
      // the handler is gone: the emulator's clock can run on without the request finishing later
      yield* TestClock.adjust("2 minutes")
      assert.strictEqual(
        (yield* emulator.requests).filter((r) => r.path === "/v1/mgmt/tenant/all" && r.status === 200).length,
        0
      )
    }))
})
