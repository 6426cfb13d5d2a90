// Load and leaks, with bounded loops: 1,000 concurrent complete OTP sign-in flows in-process and 200
// over loopback through a bounded undici pool (validations and the token cache: load-validation.test.ts).
// Every test checks that no promise rejection went unhandled, and the loopback test that no socket or
// server is left open.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import Undici from "@effect/platform-node/Undici"
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"
import { DescopeClient, type Service as Client } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import { guardUnhandledRejections } from "./support/unhandledRejections.js"

const P = "P2LoadProject000000000000000"
const K = "load-management-key"

const { noUnhandledRejection } = guardUnhandledRejections()

/** An in-process client over an emulator (TestClock time). */
const inProcess = (options: Emulator.Options = {}) =>
  Effect.gen(function*() {
    const emulator = yield* Emulator.make({ projectId: P, managementKey: K, ...options })
    const client = yield* Layer.build(
      Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, Emulator.makeHttpClient(emulator)))
      )
    ).pipe(Effect.map(Context.get(DescopeClient)), Effect.orDie)
    return { emulator, client }
  })

/** OTP sign-up-or-in, the code from the outbox, verify. */
const otpAuth = (client: Client, emulator: Emulator.Service, loginId: string) =>
  Effect.gen(function*() {
    yield* client.otp.signUpOrIn({ method: "email", loginId })
    const message = yield* emulator.lastMessage(loginId, "otp")
    return yield* client.otp.verifyCode({ method: "email", loginId, code: Option.getOrThrow(message).code ?? "" })
  })

/** One complete flow: OTP sign-up-or-in, the code from the outbox, verify, validate. */
const signInFlow = (client: Client, emulator: Emulator.Service, loginId: string) =>
  Effect.gen(function*() {
    const auth = yield* otpAuth(client, emulator, loginId)
    const session = yield* client.validateSession(auth.sessionToken)
    assert.strictEqual(session.userId, auth.session.userId)
    assert.include(auth.user?.loginIds ?? [], loginId)
    return session.userId
  })

describe("load", () => {
  it.scoped("1,000 concurrent complete OTP sign-in flows in-process: no error", () =>
    Effect.gen(function*() {
      const { client, emulator } = yield* inProcess()
      const ids = Array.from({ length: 1_000 }, (_, i) => `user${i}@load.test`)
      const userIds = yield* Effect.forEach(ids, (id) => signInFlow(client, emulator, id), { concurrency: "unbounded" })
      assert.strictEqual(new Set(userIds).size, 1_000)
      assert.strictEqual((yield* emulator.outbox()).filter((m) => m.kind === "otp").length, 1_000)
      yield* noUnhandledRejection
    }))

  it.live("200 concurrent flows over loopback through a pool of 8 sockets: no error, no socket or server left", () =>
    Effect.gen(function*() {
      const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith("TCP")).length
      const handlesBefore = tcpHandles()
      const POOL = 8
      let maxConnections = 0
      const outer = yield* Scope.make()
      const emulator = yield* Emulator.make({ projectId: P, managementKey: K })
      const server = yield* Emulator.serve().pipe(
        Effect.provideService(Emulator.Emulator, emulator),
        Scope.extend(outer),
        Effect.orDie
      )
      const clientScope = yield* Scope.make()
      const dispatcher = Layer.scoped(
        NodeHttpClient.Dispatcher,
        Effect.acquireRelease(
          Effect.sync(() => new Undici.Agent({ connections: POOL })),
          (agent) => Effect.promise(() => agent.destroy())
        )
      )
      const client = yield* Layer.buildWithScope(
        Descope.layer({ projectId: P, managementKey: K, baseUrl: server.baseUrl }).pipe(
          Layer.provide(NodeHttpClient.layerUndiciWithoutDispatcher),
          Layer.provide(dispatcher)
        ),
        clientScope
      ).pipe(Effect.map(Context.get(DescopeClient)), Effect.orDie)

      const sampler = yield* Effect.fork(Effect.forever(
        Effect.zipRight(
          Effect.map(server.connections, (n) => void (maxConnections = Math.max(maxConnections, n))),
          Effect.sleep("2 millis")
        )
      ))
      const ids = Array.from({ length: 200 }, (_, i) => `wire${i}@load.test`)
      const userIds = yield* Effect.forEach(ids, (id) => signInFlow(client, emulator, id), { concurrency: "unbounded" })
      yield* Fiber.interrupt(sampler)
      assert.strictEqual(new Set(userIds).size, 200)
      assert.isAtLeast(maxConnections, 1)
      assert.isAtMost(maxConnections, POOL)

      yield* Scope.close(clientScope, Exit.void)
      for (let i = 0; i < 300 && (yield* server.connections) > 0; i++) yield* Effect.sleep("10 millis")
      assert.strictEqual(yield* server.connections, 0)
      yield* Scope.close(outer, Exit.void)
      for (let i = 0; i < 300 && tcpHandles() > handlesBefore; i++) yield* Effect.sleep("10 millis")
      assert.isAtMost(tcpHandles(), handlesBefore, "TCP handles left open")
      yield* noUnhandledRejection
    }))
})
