// Faults where sockets matter: the emulator served on 127.0.0.1 and our client over undici
// (`NodeHttpClient.layerUndici`), over `FetchHttpClient` and over our `UndiciHttpClient`. Time is still the TestClock (the
// emulator's latency and the SDK's timeouts and polling follow it); only the sockets are real, so the
// tests wait for socket events with `eventually` (bounded, short real-time polling).
//
// Checked: a dropped connection is TransportError Network (GET retried, POST not); a timeout and an
// interruption abort the request on the wire (the emulator's handler is interrupted too); after the
// client's scope closes, the server has no open connection left; no promise rejection goes unhandled.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpApp from "@effect/platform/HttpApp"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { afterEach, assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"
import * as Supervisor from "effect/Supervisor"
import * as TestClock from "effect/TestClock"
import { withRequestOptions } from "../src/core/DescopeHttp.js"
import { DescopeClient, type Service as Client } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import * as UndiciHttpClient from "../src/layers/UndiciHttpClient.js"
import { guardUnhandledRejections } from "./support/unhandledRejections.js"

const P = "P2FaultsLoopback000000000000"
const K = "loopback-management-key"
const LOGIN = "loop@example.com"

// aborted sockets must not surface as unhandled promise rejections
const unhandledRejections = guardUnhandledRejections()
afterEach(unhandledRejections.assertNone)

class Wire {
  readonly paths: Array<string> = []
  inFlight = 0
  count(path: string): number {
    return this.paths.filter((p) => p === path).length
  }
}

const counted = (wire: Wire, app: HttpApp.Default): HttpApp.Default =>
  Effect.gen(function*() {
    const req = yield* HttpServerRequest.HttpServerRequest
    wire.paths.push(new URL(req.url, "http://emulator.local").pathname)
    wire.inFlight++
    return yield* Effect.ensuring(app, Effect.sync(() => void wire.inFlight--))
  })

/** Waits (real time, at most 5 s) until `condition` holds. */
const eventually = (what: string, condition: Effect.Effect<boolean>) =>
  Effect.gen(function*() {
    for (let i = 0; i < 500; i++) {
      if (yield* condition) return
      yield* Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 10)))
    }
    return assert.fail(`timed out waiting for: ${what}`)
  })

interface Env {
  readonly emulator: Emulator.Service
  readonly server: Emulator.ServerInfo
  readonly wire: Wire
  /** A client over the given HttpClient layer, living in its own scope (closed by the caller). */
  readonly client: (
    http: Layer.Layer<HttpClient.HttpClient>
  ) => Effect.Effect<{ readonly client: Client; readonly close: Effect.Effect<void> }>
}

/**
 * `idleMs`: the server's keep-alive timeout. The global `fetch`'s pool cannot be closed by its caller, so
 * its idle sockets go when the server times them out (Node's 5 s by default); the other clients' pools
 * close with their layer, and their tests keep the default so that they show it.
 */
const withServer = <A, E>(body: (env: Env) => Effect.Effect<A, E, Scope.Scope>, idleMs?: number) =>
  Effect.scoped(Effect.gen(function*() {
    const emulator = yield* Emulator.make({ projectId: P, managementKey: K })
    const wire = new Wire()
    const server = yield* Emulator.serve(idleMs === undefined ? {} : { keepAliveTimeout: idleMs }).pipe(
      Effect.provideService(Emulator.Emulator, { ...emulator, app: counted(wire, emulator.app) }),
      Effect.orDie
    )
    const client = (http: Layer.Layer<HttpClient.HttpClient>) =>
      Effect.gen(function*() {
        const scope = yield* Scope.make()
        const context = yield* Layer.buildWithScope(
          Descope.layer({ projectId: P, managementKey: K, baseUrl: server.baseUrl }).pipe(Layer.provide(http)),
          scope
        ).pipe(Effect.orDie)
        return { client: Context.get(context, DescopeClient), close: Scope.close(scope, Exit.void) }
      })
    const result = yield* body({ emulator, server, wire, client })
    return result
  }))

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) return assert.fail("expected a failure, got a success")
  assert.strictEqual(exit.cause._tag, "Fail", `expected one typed failure, got ${Cause.pretty(exit.cause)}`)
  return Option.getOrThrow(Cause.failureOption(exit.cause))
}

/** Advances the TestClock in steps, letting real sockets progress in between, until the fiber is done. */
const runToEnd = <A, E>(fiber: Fiber.Fiber<A, E>) =>
  Effect.gen(function*() {
    for (let i = 0; i < 500; i++) {
      const done = yield* Fiber.poll(fiber)
      if (Option.isSome(done)) return done.value
      yield* TestClock.adjust("50 millis")
      yield* Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 2)))
    }
    return yield* Effect.dieMessage("the fiber did not finish")
  })

/** A short keep-alive for the global `fetch` only (see `withServer`). */
const idleOf = (name: string): number | undefined => (name === "fetch" ? 300 : undefined)

const clients = [
  ["undici", NodeHttpClient.layerUndici],
  ["fetch", FetchHttpClient.layer],
  ["UndiciHttpClient", UndiciHttpClient.layer]
] as const

describe("dropped connections over loopback", () => {
  for (const [name, http] of clients) {
    it.scoped(`${name}: a dropped GET is retried, a dropped POST is TransportError Network after one attempt`, () =>
      withServer((env) =>
        Effect.gen(function*() {
          const { client, close } = yield* env.client(http)
          yield* client.mgmt.user.createTestUser({ loginId: LOGIN, email: LOGIN })

          yield* env.emulator.addFault({ path: "/v1/mgmt/user", method: "GET", drop: true, times: 1 })
          const get = yield* Effect.fork(client.mgmt.user.load(LOGIN))
          assert.isTrue(Exit.isSuccess(yield* runToEnd(get)))
          assert.strictEqual(env.wire.count("/v1/mgmt/user"), 2)

          yield* env.emulator.addFault({ path: "/v1/mgmt/user/create", method: "POST", drop: true, times: 1 })
          const post = yield* Effect.fork(client.mgmt.user.create({ loginId: "dropped@example.com" }))
          const error = failureOf(yield* runToEnd(post))
          assert.strictEqual(error._tag, "TransportError")
          if (error._tag === "TransportError") assert.deepStrictEqual([error.reason, error.method], ["Network", "POST"])
          yield* TestClock.adjust("1 minute")
          assert.strictEqual(env.wire.count("/v1/mgmt/user/create"), 1)

          yield* close
          yield* eventually("no open connection", Effect.map(env.server.connections, (n) => n === 0))
        }), idleOf(name)))
  }
})

describe("timeouts and interruption over loopback", () => {
  it.scoped("a timeout aborts the request on the wire; the connection is gone once the client closes", () =>
    withServer((env) =>
      Effect.gen(function*() {
        const { client, close } = yield* env.client(NodeHttpClient.layerUndici)
        yield* client.mgmt.user.createTestUser({ loginId: LOGIN, email: LOGIN })
        yield* env.emulator.addFault({ path: "/v1/mgmt/tenant/all", latencyMs: 30_000 })
        const fiber = yield* Effect.fork(
          client.mgmt.tenant.loadAll().pipe(withRequestOptions({ timeout: "2 seconds", retry: false }))
        )
        yield* eventually("the request reached the emulator", Effect.sync(() => env.wire.inFlight === 1))
        yield* TestClock.adjust("2 seconds")
        const error = failureOf(yield* Fiber.await(fiber))
        assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
        // the socket was aborted, so the emulator's handler was interrupted (not left sleeping)
        yield* eventually("the emulator's handler ended", Effect.sync(() => env.wire.inFlight === 0))
        yield* close
        yield* eventually("no open connection", Effect.map(env.server.connections, (n) => n === 0))
      })
    ))

  for (const [name, http] of clients) {
    it.live(`${name}, live clock: a timed-out attempt is aborted on the wire at once`, () =>
      withServer((env) =>
        Effect.gen(function*() {
          const { client, close } = yield* env.client(http)
          yield* client.mgmt.user.createTestUser({ loginId: LOGIN, email: LOGIN })
          yield* env.emulator.addFault({ path: "/v1/mgmt/tenant/all", latencyMs: 30_000 })
          const error = failureOf(
            yield* Effect.exit(
              client.mgmt.tenant.loadAll().pipe(withRequestOptions({ timeout: "200 millis", retry: false }))
            )
          )
          assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
          // aborted on the wire: the emulator's handler is interrupted, not left sleeping for 30 s
          yield* eventually("the emulator's handler ended", Effect.sync(() => env.wire.inFlight === 0))
          // the client still works
          assert.deepStrictEqual(yield* client.mgmt.user.load(LOGIN).pipe(Effect.map((u) => u.loginIds)), [LOGIN])
          yield* close
          yield* eventually("no open connection", Effect.map(env.server.connections, (n) => n === 0))
        }), idleOf(name)))
  }

  for (const [name, http] of clients) {
    it.scoped(`${name}: an interrupted in-flight call leaves no request, fiber or socket`, () =>
      withServer((env) =>
        Effect.gen(function*() {
          const { client, close } = yield* env.client(http)
          yield* client.mgmt.user.createTestUser({ loginId: LOGIN, email: LOGIN })
          yield* env.emulator.addFault({ path: "/v1/mgmt/user", method: "GET", latencyMs: 60_000 })
          const supervisor = yield* Supervisor.track
          const fiber = yield* Effect.fork(Effect.supervised(client.mgmt.user.load(LOGIN), supervisor))
          yield* eventually("the request reached the emulator", Effect.sync(() => env.wire.inFlight === 1))
          assert.isAtLeast(yield* env.server.connections, 1)
          yield* Fiber.interrupt(fiber)
          // the loader's fiber lets its request go once its caller is gone (asynchronously, over a socket)
          yield* eventually("no fiber left", Effect.map(supervisor.value, (fibers) => fibers.length === 0))
          yield* eventually("the emulator's handler ended", Effect.sync(() => env.wire.inFlight === 0))
          yield* TestClock.adjust("10 minutes")
          assert.strictEqual(env.wire.count("/v1/mgmt/user"), 1)
          yield* close
          yield* eventually("no open connection", Effect.map(env.server.connections, (n) => n === 0))
        }), idleOf(name)))
  }

  it.scoped("enchantedLink.waitForSession over loopback: interrupted, it polls no more", () =>
    withServer((env) =>
      Effect.gen(function*() {
        const { client, close } = yield* env.client(NodeHttpClient.layerUndici)
        const started = yield* client.enchantedLink.signUpOrIn({
          loginId: "poll@example.com",
          uri: "http://app/verify"
        })
        const supervisor = yield* Supervisor.track
        const fiber = yield* Effect.fork(
          Effect.supervised(client.enchantedLink.waitForSession(started.pendingRef), supervisor)
        )
        const pending = "/v1/auth/enchantedlink/pending-session"
        for (let polls = 1; polls <= 3; polls++) {
          yield* eventually(
            `poll ${polls}`,
            Effect.sync(() => env.wire.count(pending) === polls && env.wire.inFlight === 0)
          )
          yield* TestClock.adjust("1 second")
        }
        yield* eventually("poll 4 in flight or answered", Effect.sync(() => env.wire.count(pending) === 4))
        yield* Fiber.interrupt(fiber)
        assert.strictEqual((yield* supervisor.value).length, 0)
        yield* TestClock.adjust("10 minutes")
        yield* Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 50)))
        assert.strictEqual(env.wire.count(pending), 4)
        yield* eventually("the emulator is idle", Effect.sync(() => env.wire.inFlight === 0))
        yield* close
        yield* eventually("no open connection", Effect.map(env.server.connections, (n) => n === 0))
      })
    ))
})
