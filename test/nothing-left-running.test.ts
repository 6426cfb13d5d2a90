// Nothing left running: shared background work (the signing-key refresh, the shared refresh of a
// refresh token, the user batch) runs in the scope of the client layer, so closing the layer interrupts it
// over a real HttpClient (FetchHttpClient against a loopback server that hangs): afterwards no fiber
// (a tracking supervisor over the whole test) and no socket, timer or other handle remains beyond those
// before (process.getActiveResourcesInfo()). A shared refresh is interrupted as soon as its last waiter
// leaves, whether the waiters are the client's callers or the server middleware's requests.
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import * as Supervisor from "effect/Supervisor"
import { type ChildProcess, spawn } from "node:child_process"
import * as NodeCrypto from "node:crypto"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as Jwks from "../src/core/Jwks.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as RequestAuth from "../src/server/RequestAuth.js"
import { jwks, makeKey, PROJECT_ID, sign } from "./support/sessions.js"

const key = makeKey("ES384", "K-LOOP")

/**
 * A loopback server in a child process (so that only the client's handles are counted here): it answers
 * the first key fetch and the license handshake, and never answers anything else. It reports each request it gets on stdout.
 */
const SERVER = `
const http = require("node:http")
const keys = process.env.KEYS
let keysAnswered = false
const server = http.createServer((req, res) => {
  process.stdout.write("REQ " + req.method + " " + req.url + "\\n")
  req.resume()
  if (req.url.startsWith("/v2/keys/") && !keysAnswered) {
    keysAnswered = true
    res.writeHead(200, { "content-type": "application/json", connection: "close" })
    res.end(keys)
  } else if (req.url.startsWith("/v1/mgmt/license")) {
    res.writeHead(200, { "content-type": "application/json", connection: "close" })
    res.end("{}")
  }
})
server.listen(0, "127.0.0.1", () => process.stdout.write("PORT " + server.address().port + "\\n"))
`

const hangingServer = Effect.acquireRelease(
  Effect.async<{ readonly child: ChildProcess; readonly baseUrl: string; readonly seen: Array<string> }>((resume) => {
    const seen: Array<string> = []
    const child = spawn(process.execPath, ["-e", SERVER], {
      env: { ...process.env, KEYS: JSON.stringify(jwks(key)) },
      stdio: ["ignore", "pipe", "inherit"]
    })
    let buffer = ""
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8")
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) {
        if (line.startsWith("PORT ")) {
          resume(Effect.succeed({ child, seen, baseUrl: `http://127.0.0.1:${line.slice(5)}` }))
        } else if (line.startsWith("REQ ")) seen.push(line.slice(4))
      }
    })
  }),
  ({ child }) =>
    Effect.async<void>((resume) => {
      child.once("exit", () => resume(Effect.void))
      child.kill()
    })
)

/** The active handles by type (sockets, timers ...): how many of each. */
const resources = (): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1
  return counts
}

/** Whether no type of handle is more numerous than in `before` (timers of the test runner may come and go). */
const noneAbove = (before: Record<string, number>) => () =>
  Object.entries(resources()).every(([type, count]) => count <= (before[type] ?? 0))

const tick = Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 10)))

const waitFor = (condition: () => boolean, label: () => string, turns = 300) =>
  Effect.gen(function*() {
    for (let i = 0; i < turns && !condition(); i++) yield* tick
    assert.isTrue(condition(), label())
  })

const claims = () => {
  const now = Math.floor(Date.now() / 1000)
  return { iss: PROJECT_ID, sub: "U-loop", drn: "DS", iat: now, exp: now + 600, n: NodeCrypto.randomUUID() }
}

/**
 * Runs `self` under a supervisor that tracks every fiber it (and the layers it builds) starts, then checks
 * that none is still running: everything forked on the way ended with the scope that owned it.
 */
const noFiberLeft = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const supervisor = yield* Supervisor.track
    const result = yield* Effect.supervised(self, supervisor)
    const live = yield* supervisor.value
    assert.strictEqual(live.length, 0, `fibers still running: ${live.map((f) => f.id().id).join(", ")}`)
    return result
  })

const refreshesSeen = (seen: ReadonlyArray<string>) => seen.filter((r) => r.startsWith("POST /v1/auth/refresh")).length

describe("nothing left running after the client layer closes (FetchHttpClient, loopback)", () => {
  it.live("a hanging background key refresh: closing the layer interrupts it, no socket or timer remains", () =>
    Effect.gen(function*() {
      const server = yield* hangingServer
      const before = resources()
      const scope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(
        Descope.layerWithJwks(Jwks.layerRemote({ ttl: "30 millis", cooldown: "30 millis" })).pipe(
          Layer.provide(DescopeConfig.layer({ projectId: PROJECT_ID, baseUrl: server.baseUrl })),
          Layer.provide(FetchHttpClient.layer)
        ),
        scope
      )
      const client = Context.get(context, DescopeClient)
      yield* client.validateSession(sign(key, claims()))
      yield* Effect.sleep("60 millis")
      // past the TTL: answered at once from the held keys, while a background refresh starts and hangs
      const fiber = yield* Effect.fork(client.validateSession(sign(key, claims())))
      yield* waitFor(() => server.seen.length === 2, () => "the background refresh reached the server")
      assert.isFalse(noneAbove(before)(), "the hanging refresh holds a socket")
      yield* Scope.close(scope, Exit.void)
      yield* waitFor(
        noneAbove(before),
        () => `handles before ${JSON.stringify(before)}, after closing ${JSON.stringify(resources())}`,
        100
      )
      // the validation did not wait for the refresh, which died with the layer
      const validated = yield* Fiber.poll(fiber)
      assert.isTrue(validated._tag === "Some" && Exit.isSuccess(validated.value), "validated from the held keys")
    }).pipe(Effect.scoped, noFiberLeft))

  it.live("a hanging shared refresh and a hanging user batch: closing the layer interrupts both, no handle remains", () =>
    Effect.gen(function*() {
      const server = yield* hangingServer
      const before = resources()
      const scope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(
        Descope.layerFetch({ projectId: PROJECT_ID, managementKey: "K-LOOP", baseUrl: server.baseUrl }),
        scope
      )
      const client = Context.get(context, DescopeClient)
      const refresh = sign(key, { ...claims(), drn: "DSR" })
      const refreshes = yield* Effect.forEach([1, 2, 3], () => Effect.fork(client.refreshSession(refresh)))
      const loads = yield* Effect.forEach(["U1", "U2", "U3"], (id) => Effect.fork(client.mgmt.user.loadByUserId(id)))
      yield* waitFor(
        () =>
          server.seen.some((r) => r.startsWith("POST /v1/auth/refresh")) &&
          server.seen.some((r) => r.startsWith("POST /v1/mgmt/users/load")),
        () => `the refresh and the batch reached the server: ${JSON.stringify(server.seen)}`
      )
      assert.strictEqual(server.seen.filter((r) => r.startsWith("POST /v1/auth/refresh")).length, 1)
      assert.strictEqual(server.seen.filter((r) => r.startsWith("POST /v1/mgmt/users/load")).length, 1)
      assert.isFalse(noneAbove(before)(), "the hanging requests hold sockets")
      yield* Scope.close(scope, Exit.void)
      yield* waitFor(
        noneAbove(before),
        () => `handles before ${JSON.stringify(before)}, after closing ${JSON.stringify(resources())}`,
        100
      )
      // every caller is answered (interrupted with the layer), none is left waiting
      for (const fiber of refreshes) assert.isTrue(Exit.isFailure(yield* Fiber.await(fiber)))
      for (const fiber of loads) assert.isTrue(Exit.isFailure(yield* Fiber.await(fiber)))
    }).pipe(Effect.scoped, noFiberLeft))

  it.live("a shared refresh whose last waiter leaves is interrupted: middleware requests and client callers alike", () =>
    Effect.gen(function*() {
      const server = yield* hangingServer
      const before = resources()
      const scope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(
        Descope.layerFetch({ projectId: PROJECT_ID, managementKey: "K-LOOP", baseUrl: server.baseUrl }),
        scope
      )
      const client = Context.get(context, DescopeClient)
      const refresh = sign(key, { ...claims(), drn: "DSR" })
      // two requests to the middleware carrying the refresh cookie (no session) and one direct caller
      const request = () =>
        RequestAuth.authenticateRequest(new Request("http://app.test/", { headers: { cookie: `DSR=${refresh}` } }), {
          refresh: true
        }).pipe(Effect.provideService(DescopeClient, client))
      const waiters = [
        yield* Effect.fork(request()),
        yield* Effect.fork(request()),
        yield* Effect.fork(client.refreshSession(Redacted.make(refresh)))
      ]
      yield* waitFor(() => refreshesSeen(server.seen) === 1, () => `one shared refresh: ${JSON.stringify(server.seen)}`)
      assert.isFalse(noneAbove(before)(), "the hanging refresh holds a socket")
      // every waiter leaves while the layer stays open: the shared refresh is interrupted with the last one
      yield* Fiber.interruptAll(waiters)
      yield* waitFor(
        noneAbove(before),
        () => `handles before ${JSON.stringify(before)}, after the waiters left ${JSON.stringify(resources())}`,
        100
      )
      assert.strictEqual(refreshesSeen(server.seen), 1)
      // nothing was kept for nobody: the next request starts a new refresh
      const next = yield* Effect.fork(request())
      yield* waitFor(() => refreshesSeen(server.seen) === 2, () => `a new refresh: ${JSON.stringify(server.seen)}`)
      yield* Scope.close(scope, Exit.void)
      yield* waitFor(
        noneAbove(before),
        () => `handles before ${JSON.stringify(before)}, after closing ${JSON.stringify(resources())}`,
        100
      )
      assert.isTrue(Exit.isFailure(yield* Fiber.await(next)))
    }).pipe(Effect.scoped, noFiberLeft))
})
