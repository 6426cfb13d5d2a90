import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import { InvalidSessionError } from "../src/core/DescopeError.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Authenticator from "../src/server/Authenticator.js"
import { APP, PROJECT_ID, refreshAnswer, refreshToken, session, testKeysClient } from "./support/server.js"

const waitUntil = (condition: () => boolean) =>
  Effect.gen(function*() {
    for (let i = 0; i < 10_000 && !condition(); i++) yield* Effect.yieldNow()
    assert.isTrue(condition(), "condition not reached")
  })

const suspended = (fiber: Fiber.RuntimeFiber<unknown, unknown>) =>
  Effect.gen(function*() {
    for (let i = 0; i < 10_000; i++) {
      const status = yield* Fiber.status(fiber)
      if (status._tag === "Suspended") return
      yield* Effect.yieldNow()
    }
    assert.fail("the fiber never suspended")
  })

/** A client whose session validation always says Expired; the refresh answer waits for a gate. */
const gatedClient = Effect.gen(function*() {
  const client = yield* testKeysClient
  const real = Context.get(client.context, DescopeClient)
  const gate = yield* Deferred.make<void>()
  client.answers.refreshGate = gate
  const service: DescopeClient["Type"] = {
    ...real,
    validateSession: () => Effect.fail(new InvalidSessionError({ reason: "Expired" }))
  }
  const refreshesSent = Effect.map(
    client.recorder.requests,
    (requests) => requests.filter((r) => r.path === "/v1/auth/refresh").length
  )
  const sentNow = () => Effect.runSync(refreshesSent)
  return { client, service, gate, refreshesSent, sentNow }
})

const requestWith = (cookie: string) => HttpServerRequest.fromWeb(new Request(`${APP}/me`, { headers: { cookie } }))

describe("Authenticator refresh single flight", () => {
  it.scopedLive("concurrent requests with the same DSR share one refresh call; a later one reuses it", () =>
    Effect.gen(function*() {
      const { client, gate, refreshesSent, sentNow, service } = yield* gatedClient
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client, { sub: "U-shared" })
      client.answers.refresh = refreshAnswer(newSession, yield* refreshToken(client, "U-shared"))
      const authenticate = Authenticator.make(service, { refresh: true })
      const run = authenticate.pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, requestWith(`DS=expired; DSR=${dsr}`))
      )
      const first = yield* Effect.fork(run)
      yield* waitUntil(() => sentNow() === 1)
      const second = yield* Effect.fork(run)
      yield* suspended(second)
      yield* Deferred.succeed(gate, undefined)
      const a = yield* Fiber.join(first)
      const b = yield* Fiber.join(second)
      assert.strictEqual(Redacted.value(a.jwt), newSession)
      assert.strictEqual(Redacted.value(b.jwt), newSession)
      const requests = yield* client.recorder.requests
      assert.deepStrictEqual(requests.map((r) => [r.path, r.headers["authorization"]]), [
        ["/v1/auth/refresh", `Bearer ${PROJECT_ID}:${dsr}`]
      ])
      // within the grace window a later request reuses the outcome: the token is not spent again
      const c = yield* run
      assert.strictEqual(Redacted.value(c.jwt), newSession)
      assert.strictEqual(yield* refreshesSent, 1)
    }))

  it.scopedLive("50 simultaneous requests with the same DSR: one refresh on the wire", () =>
    Effect.gen(function*() {
      const { client, gate, refreshesSent, sentNow, service } = yield* gatedClient
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client)
      client.answers.refresh = refreshAnswer(newSession, yield* refreshToken(client))
      const authenticate = Authenticator.make(service, { refresh: true })
      const run = authenticate.pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, requestWith(`DS=expired; DSR=${dsr}`))
      )
      const fibers = yield* Effect.forEach(Array.from({ length: 50 }), () => Effect.fork(run))
      yield* waitUntil(() => sentNow() === 1)
      yield* Deferred.succeed(gate, undefined)
      const sessions = yield* Fiber.joinAll(fibers)
      assert.strictEqual(sessions.length, 50)
      assert.isTrue(sessions.every((s) => Redacted.value(s.jwt) === newSession))
      assert.strictEqual(yield* refreshesSent, 1)
    }))

  it.scoped("50 requests 5 ms apart with the same DSR (TestClock): one refresh on the wire", () =>
    Effect.gen(function*() {
      const { client, gate, refreshesSent, service } = yield* gatedClient
      yield* Deferred.succeed(gate, undefined)
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client)
      client.answers.refresh = refreshAnswer(newSession, yield* refreshToken(client))
      const authenticate = Authenticator.make(service, { refresh: true })
      const run = authenticate.pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, requestWith(`DS=expired; DSR=${dsr}`))
      )
      for (let i = 0; i < 50; i++) {
        const s = yield* run
        assert.strictEqual(Redacted.value(s.jwt), newSession)
        yield* TestClock.adjust("5 millis")
      }
      assert.strictEqual(yield* refreshesSent, 1)
    }))

  it.scopedLive("interrupting the first request does not break the shared refresh", () =>
    Effect.gen(function*() {
      const { client, gate, refreshesSent, sentNow, service } = yield* gatedClient
      const dsr = yield* refreshToken(client)
      const newSession = yield* session(client)
      client.answers.refresh = refreshAnswer(newSession, yield* refreshToken(client))
      const authenticate = Authenticator.make(service, { refresh: true })
      const run = authenticate.pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, requestWith(`DSR=${dsr}`))
      )
      const first = yield* Effect.fork(run)
      yield* waitUntil(() => sentNow() === 1)
      const second = yield* Effect.fork(run)
      yield* suspended(second)
      const interrupted = yield* Fiber.interrupt(first)
      assert.isTrue(Exit.isInterrupted(interrupted))
      yield* Deferred.succeed(gate, undefined)
      const b = yield* Fiber.join(second)
      assert.strictEqual(Redacted.value(b.jwt), newSession)
      assert.strictEqual(yield* refreshesSent, 1)
    }))

  it.scopedLive("different refresh tokens are not shared", () =>
    Effect.gen(function*() {
      const { client, gate, sentNow, service } = yield* gatedClient
      const dsr1 = yield* refreshToken(client, "U-1")
      const dsr2 = yield* refreshToken(client, "U-2")
      client.answers.refresh = refreshAnswer(yield* session(client), yield* refreshToken(client))
      const authenticate = Authenticator.make(service, { refresh: true })
      const runWith = (dsr: string) =>
        authenticate.pipe(Effect.provideService(HttpServerRequest.HttpServerRequest, requestWith(`DSR=${dsr}`)))
      const first = yield* Effect.fork(runWith(dsr1))
      const second = yield* Effect.fork(runWith(dsr2))
      yield* waitUntil(() => sentNow() === 2)
      yield* Deferred.succeed(gate, undefined)
      yield* Fiber.join(first)
      yield* Fiber.join(second)
      const requests = yield* client.recorder.requests
      assert.deepStrictEqual(
        requests.map((r) => r.headers["authorization"]).sort(),
        [`Bearer ${PROJECT_ID}:${dsr1}`, `Bearer ${PROJECT_ID}:${dsr2}`].sort()
      )
    }))
})

describe("Authenticator.tokensFromRequest", () => {
  const tokens = (headers: Record<string, string>, options: Authenticator.Options = {}) => {
    const t = Authenticator.tokensFromRequest(HttpServerRequest.fromWeb(new Request(APP, { headers })), options)
    return {
      session: t.sessionToken === undefined ? undefined : Redacted.value(t.sessionToken),
      source: t.source,
      refresh: t.refreshToken === undefined ? undefined : Redacted.value(t.refreshToken)
    }
  }

  it("bearer wins over the cookie; lower-case scheme accepted", () => {
    assert.deepStrictEqual(tokens({ authorization: "bearer AAA", cookie: "DS=BBB; DSR=RRR" }), {
      session: "AAA",
      source: "bearer",
      refresh: "RRR"
    })
  })

  it("bearer: false reads only the cookie; cookie: false only the header", () => {
    assert.deepStrictEqual(tokens({ authorization: "Bearer AAA", cookie: "DS=BBB" }, { bearer: false }), {
      session: "BBB",
      source: "cookie",
      refresh: undefined
    })
    assert.deepStrictEqual(tokens({ cookie: "DS=BBB" }, { cookie: false }), {
      session: undefined,
      source: undefined,
      refresh: undefined
    })
  })

  it("custom names; empty values are absent", () => {
    assert.deepStrictEqual(
      tokens({ cookie: "S=1; R=2; DS=x; DSR=y" }, { sessionCookieName: "S", refreshCookieName: "R" }),
      { session: "1", source: "cookie", refresh: "2" }
    )
    assert.deepStrictEqual(tokens({ authorization: "Bearer ", cookie: "DS=; DSR=" }), {
      session: undefined,
      source: undefined,
      refresh: undefined
    })
  })

  it("the tokens are redacted", () => {
    const t = Authenticator.tokensFromRequest(
      HttpServerRequest.fromWeb(new Request(APP, { headers: { authorization: "Bearer SECRET" } }))
    )
    assert.strictEqual(String(t.sessionToken), "<redacted>")
  })
})

describe("Authenticator: the 401 path is no dearer than success", () => {
  it.scopedLive("an invalid bearer captures and formats no stack trace into the authenticate span", () =>
    Effect.gen(function*() {
      const client = yield* testKeysClient
      const service = Context.get(client.context, DescopeClient)
      const attributes: Array<string> = []
      const tracer = Tracer.make({
        span: (name, parent, context, links, startTime, kind) => ({
          _tag: "Span",
          name,
          spanId: `s${attributes.length}`,
          traceId: "t",
          parent,
          context,
          status: { _tag: "Started", startTime },
          attributes: new Map(),
          links,
          sampled: true,
          kind,
          end: () => undefined,
          attribute: (key) => {
            attributes.push(key)
          },
          event: () => undefined,
          addLinks: () => undefined
        }),
        context: (f) => f()
      })
      const authenticate = Authenticator.make(service)
      const request = HttpServerRequest.fromWeb(
        new Request(`${APP}/me`, { headers: { authorization: "Bearer not-a-jwt" } })
      )
      const error = yield* Effect.flip(authenticate).pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, request),
        Effect.withTracer(tracer)
      )
      assert.strictEqual(error._tag, "DescopeUnauthorized")
      assert.notInclude(attributes, "code.stacktrace")
    }))
})
