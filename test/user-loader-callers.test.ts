// Per-caller semantics of deduplicated and batched user loads (issue 13 items 9 and 10): one caller's
// withRequestOptions never applies to another (loads join only under equal options), and a load that starts
// after a write through the same client never joins a load that was in flight before it. TestClock, counts.
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as TestClock from "effect/TestClock"
import { withRequestOptions } from "../src/core/DescopeHttp.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import type * as Management from "../src/management/Management.js"
import { calls, withLicense, withMgmt } from "./support/management.js"

interface World {
  status: string
  gate: Deferred.Deferred<void>
}

const userOf = (world: { readonly status: string }, userId = "U1") => ({
  userId,
  loginIds: ["ada@example.com"],
  email: "ada@example.com",
  status: world.status
})

/** A mock Descope: loads read the state when they arrive and answer when the gate opens; writes answer at once. */
const handler = (world: World): MockHttpClient.Handler =>
  withLicense((request) => {
    if (request.path === "/v1/mgmt/user" && request.method === "GET") {
      const snapshot = { status: world.status }
      return Effect.as(
        Deferred.await(world.gate),
        MockHttpClient.json({ user: userOf(snapshot, request.query["userId"] ?? "U1") })
      )
    }
    if (request.path === "/v1/mgmt/users/load") {
      const snapshot = { status: world.status }
      const ids = (request.body as { userIds: ReadonlyArray<string> }).userIds
      return Effect.as(
        Deferred.await(world.gate),
        MockHttpClient.json({ users: ids.map((id) => userOf(snapshot, id)) })
      )
    }
    if (request.path === "/v1/mgmt/user/update/status") {
      world.status = (request.body as { status: string }).status
      return MockHttpClient.json({ user: userOf(world) })
    }
    if (request.path !== "/v1/mgmt/license") {
      // any other write changes the user: the state a load that follows it must see
      world.status = `after ${request.method} ${request.path}`
      return MockHttpClient.json({ user: userOf(world) })
    }
    return MockHttpClient.json({ errorCode: "E011003" }, { status: 400 })
  })

const makeWorld = (): World => ({ status: "enabled", gate: Deferred.unsafeMake<void>(FiberId.none) })

/** Lets forked fibers run until they wait (no time passes under TestClock). */
const settle = Effect.forEach(Array.from({ length: 50 }), () => Effect.yieldNow(), { discard: true })

const loads = (recorder: MockHttpClient.Recorder) =>
  Effect.map(
    calls(recorder),
    (sent) => sent.filter((r) => r.path === "/v1/mgmt/user" || r.path.endsWith("/load")).length
  )

type Load = (mgmt: Management.ManagementApi) => Effect.Effect<{ readonly status?: string | null | undefined }, unknown>
const byLoginId: Load = (mgmt) => mgmt.user.load("ada@example.com")
const byUserId: Load = (mgmt) => mgmt.user.loadByUserId("U1")

const timeoutOf = (exit: Exit.Exit<unknown, unknown>): string => {
  if (Exit.isSuccess(exit)) return "success"
  const failure = exit.cause._tag === "Fail" ? exit.cause.error : undefined
  return typeof failure === "object" && failure !== null && "reason" in failure ? String(failure.reason) : "other"
}

describe.each([["load (login id)", byLoginId], ["loadByUserId (batched)", byUserId]] as const)("%s", (_name, load) => {
  it.effect("a hurried caller's timeout never fails a patient caller of the same user", () => {
    const world = makeWorld()
    return withMgmt(handler(world), (mgmt, recorder) =>
      Effect.gen(function*() {
        const hurried = yield* Effect.fork(load(mgmt).pipe(withRequestOptions({ timeout: "20 millis", retry: false })))
        yield* settle
        const patient = yield* Effect.fork(load(mgmt))
        yield* settle
        yield* TestClock.adjust("100 millis")
        assert.strictEqual(timeoutOf(yield* Fiber.await(hurried)), "Timeout")
        assert.isTrue((yield* Fiber.poll(patient))._tag === "None", "the patient caller still waits")
        yield* Deferred.succeed(world.gate, undefined)
        const user = yield* Fiber.join(patient)
        assert.strictEqual(user.status, "enabled")
        assert.strictEqual(yield* loads(recorder), 2)
      }))
  })

  it.effect("a hurried caller that comes second is bounded by its own timeout", () => {
    const world = makeWorld()
    return withMgmt(handler(world), (mgmt) =>
      Effect.gen(function*() {
        const patient = yield* Effect.fork(load(mgmt))
        yield* settle
        const hurried = yield* Effect.fork(load(mgmt).pipe(withRequestOptions({ timeout: "20 millis", retry: false })))
        yield* settle
        yield* TestClock.adjust("100 millis")
        assert.strictEqual(timeoutOf(yield* Fiber.await(hurried)), "Timeout")
        yield* Deferred.succeed(world.gate, undefined)
        yield* Fiber.join(patient)
      }))
  })

  it.effect("callers with equal options still share one request", () => {
    const world = makeWorld()
    return withMgmt(handler(world), (mgmt, recorder) =>
      Effect.gen(function*() {
        const options = { timeout: "5 seconds", retry: false } as const
        const fibers = yield* Effect.forEach([1, 2, 3], () => Effect.fork(load(mgmt).pipe(withRequestOptions(options))))
        yield* settle
        yield* Deferred.succeed(world.gate, undefined)
        yield* Fiber.joinAll(fibers)
        assert.strictEqual(yield* loads(recorder), 1)
      }))
  })

  // every kind of write through the same client, not only a status change
  const writes: ReadonlyArray<readonly [string, (mgmt: Management.ManagementApi) => Effect.Effect<unknown, unknown>]> =
    [
      ["update", (mgmt) => mgmt.user.update({ loginId: "ada@example.com", displayName: "Ada" })],
      ["patch", (mgmt) => mgmt.user.patch({ loginId: "ada@example.com", displayName: "Ada L." })],
      ["addRoles", (mgmt) => mgmt.user.addRoles({ loginId: "ada@example.com", roleNames: ["admin"] })],
      ["addTenant", (mgmt) => mgmt.user.addTenant({ loginId: "ada@example.com", tenantId: "T1" })],
      ["setPassword", (mgmt) => mgmt.user.expirePassword("ada@example.com")],
      ["delete", (mgmt) => mgmt.user.delete("ada@example.com")]
    ]
  it.effect.each(writes)("read your writes after %s: a later load never joins the load in flight before it", ([
    _name,
    write
  ]) => {
    const world = makeWorld()
    return withMgmt(handler(world), (mgmt, recorder) =>
      Effect.gen(function*() {
        const before = yield* Effect.fork(load(mgmt))
        yield* settle
        yield* write(mgmt)
        const after = yield* Effect.fork(load(mgmt))
        yield* settle
        yield* Deferred.succeed(world.gate, undefined)
        assert.strictEqual((yield* Fiber.join(before)).status, "enabled")
        assert.strictEqual((yield* Fiber.join(after)).status, world.status)
        assert.notStrictEqual(world.status, "enabled")
        assert.strictEqual(yield* loads(recorder), 2)
      }))
  })

  it.effect("read your writes: a load started after a write never joins a load in flight before it", () => {
    const world = makeWorld()
    return withMgmt(handler(world), (mgmt, recorder) =>
      Effect.gen(function*() {
        const before = yield* Effect.fork(load(mgmt))
        yield* settle
        yield* mgmt.user.deactivate("ada@example.com")
        const after = yield* Effect.fork(load(mgmt))
        yield* settle
        yield* Deferred.succeed(world.gate, undefined)
        assert.strictEqual((yield* Fiber.join(before)).status, "enabled")
        assert.strictEqual((yield* Fiber.join(after)).status, "disabled")
        assert.strictEqual(yield* loads(recorder), 2)
      }))
  })
})
