// The 401 path costs no more than success (trust boundaries, item 13): a refused token's failure is
// one shared, immutable value per reason, rendered once, and answering it never formats a stack
// trace, even when Effect has wrapped the failure in a proxy to attach its span. Costs are measured
// in `npm run bench` (middleware line); these tests pin the behaviours that keep them low.
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { InvalidSessionError } from "../src/core/DescopeError.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as DescopeMiddleware from "../src/server/DescopeMiddleware.js"
import * as ServerError from "../src/server/ServerError.js"
import { get, readJson, testKeysClient } from "./support/server.js"

/** Runs `f` counting the stack traces V8 formats meanwhile. */
const countingStackTraces = <A>(f: () => A): { readonly result: A; readonly formatted: number } => {
  const previous = Error.prepareStackTrace
  let formatted = 0
  Error.prepareStackTrace = (error, frames) => {
    formatted++
    return previous === undefined ? `${error}` : previous(error, frames)
  }
  try {
    return { result: f(), formatted }
  } finally {
    Error.prepareStackTrace = previous
  }
}

/** The failure as the middleware receives it: failed inside a span, so Effect wraps it in a proxy. */
const failedInSpan = <E>(error: E): E => Effect.runSync(Effect.flip(Effect.withSpan(Effect.fail(error), "request")))

describe("refused sessions: shared failures, rendered once", () => {
  it("bodyOf reads a proxied failure's fields without formatting its stack trace", () => {
    const error = new ServerError.DescopeForbidden({
      errorCode: "Forbidden",
      errorDescription: "Insufficient roles or permissions",
      missingRoles: ["admin"],
      missingPermissions: []
    })
    const proxied = failedInSpan(error)
    assert.notStrictEqual(proxied, error, "Effect attached the span through a proxy")
    assert.strictEqual(Cause.originalError(proxied), error)
    const { formatted, result } = countingStackTraces(() => ServerError.bodyOf(proxied))
    assert.strictEqual(formatted, 0)
    assert.deepStrictEqual(result, Schema.encodeSync(ServerError.ServerFailure)(error))
    assert.strictEqual(JSON.stringify(result), JSON.stringify(Schema.encodeSync(ServerError.ServerFailure)(error)))
  })

  it("one 401 per reason and message: the same refusal gives the same failure and the same response", () => {
    const refusal = () =>
      ServerError.fromInvalidSession(
        new InvalidSessionError({ reason: "Expired", description: "the token has expired" })
      )
    const first = refusal()
    assert.strictEqual(refusal(), first)
    const other = ServerError.fromInvalidSession(new InvalidSessionError({ reason: "Malformed", description: "x" }))
    assert.notStrictEqual(other, first)
    assert.strictEqual(other.reason, "Malformed")
    const response = DescopeMiddleware.toResponse(failedInSpan(first))
    assert.strictEqual(DescopeMiddleware.toResponse(failedInSpan(first)), response)
    assert.strictEqual(DescopeMiddleware.toResponse(first), response)
    assert.strictEqual(response.status, 401)
  })

  it.scopedLive("a flood of the same hostile token: identical 401s, the same failure each time", () =>
    Effect.gen(function*() {
      const client = yield* testKeysClient
      const seen = new Set<unknown>()
      const app = DescopeMiddleware.make()(Effect.succeed(HttpServerResponse.text("ok")))
      const web = HttpApp.toWebHandlerLayer(app, Layer.succeedContext(client.context))
      yield* Effect.addFinalizer(() => Effect.promise(() => web.dispose()))
      const descope = yield* Effect.provide(DescopeClient, Layer.succeedContext(client.context))
      const bodies: Array<unknown> = []
      for (let i = 0; i < 20; i++) {
        const response = yield* Effect.promise(() => web.handler(get("/me", { authorization: "Bearer a.b" })))
        assert.strictEqual(response.status, 401)
        assert.strictEqual(response.headers.get("www-authenticate"), "Bearer error=\"invalid_token\"")
        bodies.push(yield* readJson(response))
        const refused = yield* Effect.flip(descope.validateSession("a.b"))
        seen.add(Cause.originalError(refused))
      }
      assert.strictEqual(seen.size, 1)
      for (const body of bodies) assert.deepStrictEqual(body, bodies[0])
      assert.deepStrictEqual(bodies[0], {
        _tag: "DescopeUnauthorized",
        errorCode: "C030002",
        errorDescription: "Invalid token",
        errorMessage: "Invalid session: Malformed: a JWT has three dot-separated segments",
        reason: "Malformed"
      })
    }))
})
