// Behaviour of client.mgmt beyond the wire: the missing-key error, the license
// handshake, the paginated search Stream (also across 429s, under TestClock),
// deduplication and batching of user loads, client-side argument checks and
// the Schedule-based flow poller.
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { AuthError, InvalidArgumentError, PollingTimeoutError, RateLimitError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { AUTHORIZATION, calls, PROJECT_ID, withLicense, withMgmt } from "./support/management.js"

const user = (userId: string) => ({ userId, loginIds: [`${userId.toLowerCase()}@example.com`] })

const bodyOf = (request: MockHttpClient.RecordedRequest | undefined) => request?.body as Record<string, unknown>

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure")
  const failure = exit.cause._tag === "Fail" ? exit.cause.error : undefined
  if (failure === undefined) throw new Error(`expected a typed failure, got ${exit.cause._tag}`)
  return failure
}

describe("mgmt: missing management key", () => {
  it.effect("every area fails with InvalidArgumentError naming managementKey, and nothing is sent", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const exits: ReadonlyArray<Exit.Exit<unknown, unknown>> = [
        yield* Effect.exit(client.mgmt.user.load("ada@example.com")),
        yield* Effect.exit(client.mgmt.user.loadByUserId("U1")),
        yield* Effect.exit(client.mgmt.tenant.loadAll()),
        yield* Effect.exit(client.mgmt.accessKey.create({ name: "ci" })),
        yield* Effect.exit(client.mgmt.jwt.anonymous()),
        yield* Effect.exit(client.mgmt.flow.listFlows()),
        yield* Effect.exit(Stream.runCollect(client.mgmt.user.search()))
      ]
      for (const exit of exits) {
        const error = failureOf(exit)
        assert.instanceOf(error, InvalidArgumentError)
        assert.strictEqual((error as InvalidArgumentError).field, "managementKey")
      }
      assert.strictEqual((yield* recorder.requests).length, 0)
    }).pipe(
      Effect.provide(
        Descope.layerTest({ projectId: PROJECT_ID, baseUrl: "https://api.descope.test" }, () => MockHttpClient.json({}))
      )
    ))

  it.effect("client.mgmt is wired into DescopeClient with the management key", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const tenants = yield* client.mgmt.tenant.loadAll()
      assert.deepStrictEqual(tenants, [{ id: "T1", name: "Acme" }])
      const [call] = yield* calls(recorder)
      assert.strictEqual(call?.method, "GET")
      assert.strictEqual(call?.path, "/v1/mgmt/tenant/all")
      assert.strictEqual(call?.headers["authorization"], AUTHORIZATION)
    }).pipe(
      Effect.provide(
        Descope.layerTest(
          { projectId: PROJECT_ID, managementKey: "K2mgmt-secret", baseUrl: "https://api.descope.test" },
          withLicense(() => MockHttpClient.json({ tenants: [{ id: "T1", name: "Acme" }] }))
        )
      )
    ))
})

describe("mgmt: license handshake", () => {
  it.effect("nothing is sent when the API is built", () =>
    withMgmt(
      () => MockHttpClient.json({}),
      (_mgmt, recorder) => Effect.map(recorder.requests, (requests) => assert.strictEqual(requests.length, 0))
    ))

  it.effect("GET /v1/mgmt/license once, lazily; then x-descope-license on every management call", () =>
    withMgmt(
      withLicense(() => MockHttpClient.json({ tenants: [] }), "enterprise"),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          yield* Effect.all([mgmt.tenant.loadAll(), mgmt.tenant.loadAll()], { concurrency: "unbounded" })
          yield* mgmt.tenant.loadAll()
          const requests = yield* recorder.requests
          assert.strictEqual(requests.length, 4)
          const license = requests[0]
          assert.strictEqual(license?.method, "GET")
          assert.strictEqual(license?.path, "/v1/mgmt/license")
          assert.strictEqual(license?.headers["authorization"], AUTHORIZATION)
          assert.strictEqual(license?.headers["x-descope-license"], undefined)
          assert.strictEqual(requests.filter((r) => r.path === "/v1/mgmt/license").length, 1)
          for (const call of requests.slice(1)) assert.strictEqual(call.headers["x-descope-license"], "enterprise")
        })
    ))

  it.effect("a caller interrupted during the handshake does not poison it for the others", () =>
    withMgmt(
      (request) =>
        request.path === "/v1/mgmt/license"
          ? Effect.as(Effect.sleep("1 second"), MockHttpClient.json({ rateLimitTier: "pro" }))
          : MockHttpClient.json({ tenants: [] }),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          const first = yield* Effect.fork(mgmt.tenant.loadAll())
          yield* Effect.yieldNow()
          yield* Fiber.interrupt(first)
          const second = yield* Effect.fork(mgmt.tenant.loadAll())
          yield* TestClock.adjust("1 second")
          assert.deepStrictEqual(yield* Fiber.join(second), [])
          const requests = yield* recorder.requests
          assert.deepStrictEqual(requests.map((r) => r.path), ["/v1/mgmt/license", "/v1/mgmt/tenant/all"])
          assert.strictEqual(requests[1]?.headers["x-descope-license"], "pro")
        })
    ))

  it.effect("a failed handshake is tolerated: calls go on without the header and it is not retried", () =>
    withMgmt(
      (request) =>
        request.path === "/v1/mgmt/license"
          ? MockHttpClient.json({ errorCode: "E011001" }, { status: 404 })
          : MockHttpClient.json({ tenants: [] }),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          yield* mgmt.tenant.loadAll()
          yield* mgmt.tenant.loadAll()
          const requests = yield* recorder.requests
          assert.deepStrictEqual(requests.map((r) => r.path), [
            "/v1/mgmt/license",
            "/v1/mgmt/tenant/all",
            "/v1/mgmt/tenant/all"
          ])
          for (const call of requests.slice(1)) assert.strictEqual(call.headers["x-descope-license"], undefined)
        })
    ))
})

/** A search endpoint answering pages of `pageSizes` users (U1, U2, ...), with optional 429s before some pages. */
const searchHandler = (
  pageSizes: ReadonlyArray<number>,
  options: { total?: number; rateLimitsBeforePage?: Record<number, number>; retryAfter?: string } = {}
): MockHttpClient.Handler => {
  const remaining429 = { ...options.rateLimitsBeforePage }
  return withLicense((request) => {
    const page = (request.body as { page: number }).page
    const pending = remaining429[page] ?? 0
    if (pending > 0) {
      remaining429[page] = pending - 1
      return MockHttpClient.json(
        {
          errorCode: "E130429",
          errorDescription: "https://docs.descope.com/rate-limit",
          errorMessage: "API rate limit exceeded."
        },
        { status: 429, headers: { "retry-after": options.retryAfter ?? "5" } }
      )
    }
    const offset = pageSizes.slice(0, page).reduce((a, b) => a + b, 0)
    const users = Array.from({ length: pageSizes[page] ?? 0 }, (_, i) => user(`U${offset + i + 1}`))
    return MockHttpClient.json(options.total === undefined ? { users } : { users, total: options.total })
  })
}

describe("mgmt.user.search Stream", () => {
  it.effect("streams every page with the bounded page size and stops on the last (short) page", () =>
    withMgmt(searchHandler([2, 2, 1]), (mgmt, recorder) =>
      Effect.gen(function*() {
        const users = yield* Stream.runCollect(mgmt.user.search({ tenantIds: ["T1"], pageSize: 2 }))
        assert.deepStrictEqual(Chunk.toReadonlyArray(users).map((u) => u.userId), ["U1", "U2", "U3", "U4", "U5"])
        const pages = yield* calls(recorder)
        assert.deepStrictEqual(pages.map((r) => [r.method, r.path]), [
          ["POST", "/v2/mgmt/user/search"],
          ["POST", "/v2/mgmt/user/search"],
          ["POST", "/v2/mgmt/user/search"]
        ])
        assert.deepStrictEqual(pages.map(bodyOf), [
          { tenantIds: ["T1"], limit: 2, page: 0 },
          { tenantIds: ["T1"], limit: 2, page: 1 },
          { tenantIds: ["T1"], limit: 2, page: 2 }
        ])
      })))

  it.effect("stops when the total is reached, without asking for an empty page", () =>
    withMgmt(searchHandler([2, 2, 2], { total: 4 }), (mgmt, recorder) =>
      Effect.gen(function*() {
        const users = yield* Stream.runCollect(mgmt.user.search({ pageSize: 2 }))
        assert.strictEqual(Chunk.size(users), 4)
        assert.strictEqual((yield* calls(recorder)).length, 2)
      })))

  it.effect("the default page size is 100", () =>
    withMgmt(searchHandler([3]), (mgmt, recorder) =>
      Effect.gen(function*() {
        yield* Stream.runCollect(mgmt.user.search())
        assert.deepStrictEqual((yield* calls(recorder)).map(bodyOf), [{ limit: 100, page: 0 }])
      })))

  it.effect("a 429 is waited out for its Retry-After, then the stream goes on", () =>
    withMgmt(
      searchHandler([2, 2, 1], { rateLimitsBeforePage: { 1: 1 }, retryAfter: "5" }),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(Stream.runCollect(mgmt.user.search({ pageSize: 2 })))
          yield* TestClock.adjust("4 seconds")
          assert.strictEqual((yield* calls(recorder)).length, 2, "page 0, then page 1 answered 429")
          assert.isTrue((yield* Fiber.poll(fiber))._tag === "None")
          yield* TestClock.adjust("2 seconds")
          const users = yield* Fiber.join(fiber)
          assert.strictEqual(Chunk.size(users), 5)
          assert.deepStrictEqual((yield* calls(recorder)).map((r) => bodyOf(r)["page"]), [0, 1, 1, 2])
        })
    ))

  it.effect("ten consecutive 429s on one page are waited out, on every page", () =>
    withMgmt(
      searchHandler([2, 1], { rateLimitsBeforePage: { 0: 10, 1: 10 }, retryAfter: "1" }),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(Stream.runCollect(mgmt.user.search({ pageSize: 2 })))
          yield* TestClock.adjust("30 seconds")
          const users = yield* Fiber.join(fiber)
          assert.strictEqual(Chunk.size(users), 3)
          assert.strictEqual((yield* calls(recorder)).length, 22)
        })
    ))

  it.effect("the 11th consecutive 429 on a page fails the stream with RateLimitError", () =>
    withMgmt(
      searchHandler([2], { rateLimitsBeforePage: { 0: 11 }, retryAfter: "1" }),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(Effect.exit(Stream.runCollect(mgmt.user.search({ pageSize: 2 }))))
          yield* TestClock.adjust("30 seconds")
          const error = failureOf(yield* Fiber.join(fiber))
          assert.instanceOf(error, RateLimitError)
          assert.strictEqual((yield* calls(recorder)).length, 11)
        })
    ))

  it.effect("other errors end the stream at once", () =>
    withMgmt(
      withLicense(() => MockHttpClient.json({ errorCode: "E011003" }, { status: 400 })),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          const error = failureOf(yield* Effect.exit(Stream.runCollect(mgmt.user.search())))
          assert.instanceOf(error, AuthError)
          assert.strictEqual((yield* calls(recorder)).length, 1)
        })
    ))

  it.effect("a page size out of bounds is InvalidArgumentError, unsent", () =>
    withMgmt(searchHandler([1]), (mgmt, recorder) =>
      Effect.gen(function*() {
        for (const pageSize of [0, 501, 2.5]) {
          const error = failureOf(yield* Effect.exit(Stream.runCollect(mgmt.user.search({ pageSize }))))
          assert.instanceOf(error, InvalidArgumentError)
          assert.strictEqual((error as InvalidArgumentError).field, "pageSize")
        }
        assert.strictEqual((yield* recorder.requests).length, 0)
      })))
})

describe("mgmt.user load deduplication and batching", () => {
  const usersLoad = (missing: ReadonlyArray<string> = []): MockHttpClient.Handler =>
    withLicense((request) => {
      if (request.path === "/v1/mgmt/users/load") {
        const ids = (request.body as { userIds: ReadonlyArray<string> }).userIds
        return MockHttpClient.json({
          users: ids.filter((id) => !missing.includes(id)).map((id) => ({ ...user(id), modifiedTime: 1700000500 }))
        })
      }
      const id = request.query["userId"] ?? request.query["loginId"] ?? ""
      return missing.includes(id)
        ? MockHttpClient.json({ errorCode: "E112102", errorDescription: "User not found" }, { status: 400 })
        : MockHttpClient.json({ user: { ...user(id.startsWith("U") ? id : "U1"), email: id } })
    })

  it.effect("concurrent loadByUserId calls are deduplicated and batched into POST /v1/mgmt/users/load", () =>
    withMgmt(usersLoad(), (mgmt, recorder) =>
      Effect.gen(function*() {
        const users = yield* Effect.all(
          [mgmt.user.loadByUserId("U1"), mgmt.user.loadByUserId("U2"), mgmt.user.loadByUserId("U1")],
          { concurrency: "unbounded" }
        )
        assert.deepStrictEqual(users.map((u) => u.userId), ["U1", "U2", "U1"])
        // the batch answer is decoded whole, as every management user answer is
        assert.deepStrictEqual(users.map((u) => u.modifiedTime), [1700000500, 1700000500, 1700000500])
        const sent = yield* calls(recorder)
        assert.strictEqual(sent.length, 1)
        assert.strictEqual(sent[0]?.method, "POST")
        assert.strictEqual(sent[0]?.path, "/v1/mgmt/users/load")
        assert.deepStrictEqual(sent[0]?.body, { userIds: ["U1", "U2"] })
        assert.strictEqual(sent[0]?.headers["authorization"], AUTHORIZATION)
      })))

  it.effect("Effect's request batching: a sequential forEach with batching: true sends one POST", () =>
    withMgmt(usersLoad(), (mgmt, recorder) =>
      Effect.gen(function*() {
        const users = yield* Effect.forEach(["U1", "U2", "U3", "U2"], (id) => mgmt.user.loadByUserId(id), {
          batching: true
        })
        assert.deepStrictEqual(users.map((u) => u.userId), ["U1", "U2", "U3", "U2"])
        const sent = yield* calls(recorder)
        assert.deepStrictEqual(sent.map((r) => [r.method, r.path, r.body]), [
          ["POST", "/v1/mgmt/users/load", { userIds: ["U1", "U2", "U3"] }]
        ])
        // without batching, the same loop sends one request per call (the sequential rule below)
        yield* Effect.forEach(["U1", "U2"], (id) => mgmt.user.loadByUserId(id))
        assert.strictEqual((yield* calls(recorder)).length, 3)
      })))

  it.effect("Effect's request batching keeps per-caller options: loads under other options are sent apart", () =>
    withMgmt(usersLoad(), (mgmt, recorder) =>
      Effect.gen(function*() {
        const users = yield* Effect.forEach(
          ["U1", "U2", "U3"],
          (id) =>
            id === "U3"
              ? mgmt.user.loadByUserId(id).pipe(DescopeHttp.withRequestOptions({ timeout: "7 seconds" }))
              : mgmt.user.loadByUserId(id),
          { batching: true }
        )
        assert.deepStrictEqual(users.map((u) => u.userId), ["U1", "U2", "U3"])
        const sent = (yield* calls(recorder)).map((r) => [r.method, r.path, r.body ?? r.query])
        assert.strictEqual(sent.length, 2)
        assert.deepStrictEqual(
          sent.find((r) => r[0] === "POST"),
          ["POST", "/v1/mgmt/users/load", { userIds: ["U1", "U2"] }]
        )
        assert.deepStrictEqual(sent.find((r) => r[0] === "GET"), ["GET", "/v1/mgmt/user", { userId: "U3" }])
      })))

  it.effect("concurrent loads of one login id share one GET; results are not cached", () =>
    withMgmt(usersLoad(), (mgmt, recorder) =>
      Effect.gen(function*() {
        const users = yield* Effect.all(
          [mgmt.user.load("ada@example.com"), mgmt.user.load("ada@example.com"), mgmt.user.load("ada@example.com")],
          { concurrency: "unbounded" }
        )
        assert.deepStrictEqual(users.map((u) => u.email), ["ada@example.com", "ada@example.com", "ada@example.com"])
        assert.strictEqual((yield* calls(recorder)).length, 1)
        yield* mgmt.user.load("ada@example.com")
        const sent = yield* calls(recorder)
        assert.strictEqual(sent.length, 2)
        for (const request of sent) {
          assert.strictEqual(request.method, "GET")
          assert.strictEqual(request.path, "/v1/mgmt/user")
          assert.deepStrictEqual(request.query, { loginId: "ada@example.com" })
        }
      })))

  it.effect("sequential loadByUserId calls each use GET ?userId= (nothing cached)", () =>
    withMgmt(usersLoad(), (mgmt, recorder) =>
      Effect.gen(function*() {
        yield* mgmt.user.loadByUserId("U1")
        yield* mgmt.user.loadByUserId("U1")
        assert.deepStrictEqual((yield* calls(recorder)).map((r) => [r.method, r.path, r.query]), [
          ["GET", "/v1/mgmt/user", { userId: "U1" }],
          ["GET", "/v1/mgmt/user", { userId: "U1" }]
        ])
      })))

  it.effect("a user missing from the batch answer is loaded alone, and only its caller gets the error", () =>
    withMgmt(usersLoad(["U3"]), (mgmt, recorder) =>
      Effect.gen(function*() {
        const [u1, u3] = yield* Effect.all(
          [Effect.exit(mgmt.user.loadByUserId("U1")), Effect.exit(mgmt.user.loadByUserId("U3"))],
          { concurrency: "unbounded" }
        )
        assert.isTrue(Exit.isSuccess(u1))
        const error = failureOf(u3)
        assert.instanceOf(error, AuthError)
        assert.strictEqual((error as AuthError).errorCode, "E112102")
        assert.deepStrictEqual((yield* calls(recorder)).map((r) => [r.method, r.path]), [
          ["POST", "/v1/mgmt/users/load"],
          ["GET", "/v1/mgmt/user"]
        ])
      })))

  it.effect("a failed batch fails every waiting caller", () =>
    withMgmt(
      withLicense(() =>
        MockHttpClient.json({ errorCode: "E130429" }, { status: 429, headers: { "retry-after": "3" } })
      ),
      (mgmt) =>
        Effect.gen(function*() {
          const exits = yield* Effect.all(
            [Effect.exit(mgmt.user.loadByUserId("U1")), Effect.exit(mgmt.user.loadByUserId("U2"))],
            { concurrency: "unbounded" }
          )
          for (const exit of exits) assert.instanceOf(failureOf(exit), RateLimitError)
        })
    ))
})

describe("mgmt: client-side argument checks", () => {
  it.effect("bad input is InvalidArgumentError naming the field, and nothing is sent", () =>
    withMgmt(withLicense(() => MockHttpClient.json({})), (mgmt, recorder) =>
      Effect.gen(function*() {
        const cases: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown>]> = [
          ["email", mgmt.user.create({ loginId: "ada", email: "not-an-email" })],
          ["loginId", mgmt.user.create({ loginId: "" })],
          ["loginId", mgmt.user.load("")],
          ["userId", mgmt.user.loadByUserId(" ")],
          ["userIds", mgmt.user.deleteBatch([])],
          ["userIds", mgmt.user.loadUsers({ userIds: [] })],
          ["email", mgmt.user.updateEmail({ loginId: "ada", email: "ada@" })],
          ["limit", mgmt.user.searchAll({ limit: -1 })],
          ["page", mgmt.user.searchAll({ page: -2 })],
          ["id", mgmt.tenant.load("")],
          ["name", mgmt.accessKey.create({ name: "" })],
          ["tenantId", mgmt.sso.loadSettings("")],
          ["userIds", mgmt.group.loadAllGroupsForMembers({ tenantId: "T1" })],
          ["loginOptions.jwt", mgmt.jwt.signIn({ loginId: "ada", loginOptions: { mfa: true } })],
          ["jwt", mgmt.jwt.updateJwt({ jwt: "" })],
          ["flowIds", mgmt.flow.deleteFlows([])],
          ["executionId", mgmt.flow.getFlowAsyncResult("")]
        ]
        for (const [field, effect] of cases) {
          const error = failureOf(yield* Effect.exit(effect))
          assert.instanceOf(error, InvalidArgumentError)
          assert.strictEqual((error as InvalidArgumentError).field, field)
        }
        assert.strictEqual((yield* recorder.requests).length, 0)
      })))

  it.effect("values the server judges are sent as given (an expire time in the past)", () =>
    withMgmt(
      withLicense(() =>
        MockHttpClient.json({ errorCode: "E011003", errorDescription: "Expire time is in the past" }, { status: 400 })
      ),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          const error = failureOf(yield* Effect.exit(mgmt.accessKey.create({ name: "ci", expireTime: 1 })))
          assert.instanceOf(error, AuthError)
          assert.strictEqual((error as AuthError).status, 400)
          assert.deepStrictEqual((yield* calls(recorder)).map(bodyOf), [{ name: "ci", expireTime: 1 }])
        })
    ))
})

describe("mgmt.flow.pollFlowAsyncResult", () => {
  const scripted = (...bodies: ReadonlyArray<unknown>): MockHttpClient.Handler => {
    let i = 0
    return withLicense(() => MockHttpClient.json(bodies[Math.min(i++, bodies.length - 1)]))
  }

  it.effect("polls on the schedule until the execution is done", () =>
    withMgmt(
      scripted({ status: "running" }, { status: "running" }, { status: "completed", output: { ok: true } }),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(
            mgmt.flow.pollFlowAsyncResult({ executionId: "E1", schedule: Schedule.spaced("2 seconds") })
          )
          yield* TestClock.adjust("2 seconds")
          assert.strictEqual((yield* calls(recorder)).length, 2)
          yield* TestClock.adjust("2 seconds")
          const result = yield* Fiber.join(fiber)
          assert.deepStrictEqual(result, { status: "completed", output: { ok: true } })
          const sent = yield* calls(recorder)
          assert.strictEqual(sent.length, 3)
          for (const request of sent) {
            assert.strictEqual(request.path, "/v1/mgmt/flow/async/result")
            assert.deepStrictEqual(request.body, { executionId: "E1" })
          }
        })
    ))

  it.effect("fails with PollingTimeoutError (not a transport error) when the schedule ends first", () =>
    withMgmt(scripted({ status: "pending" }), (mgmt, recorder) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(
          Effect.exit(
            mgmt.flow.pollFlowAsyncResult({
              executionId: "E1",
              schedule: Schedule.spaced("1 second").pipe(Schedule.intersect(Schedule.recurs(2)))
            })
          )
        )
        yield* TestClock.adjust("10 seconds")
        const error = failureOf(yield* Fiber.join(fiber))
        assert.instanceOf(error, PollingTimeoutError)
        assert.strictEqual((error as PollingTimeoutError).operation, "mgmt.flow.pollFlowAsyncResult")
        assert.strictEqual(Duration.toMillis((error as PollingTimeoutError).timeout), 2000)
        assert.strictEqual((yield* calls(recorder)).length, 3)
      })))

  it.effect("a custom isDone predicate decides", () =>
    withMgmt(scripted({ state: "a" }, { state: "b" }), (mgmt) =>
      Effect.gen(function*() {
        const fiber = yield* Effect.fork(
          mgmt.flow.pollFlowAsyncResult({ executionId: "E1", isDone: (r) => r["state"] === "b" })
        )
        yield* TestClock.adjust("1 second")
        assert.deepStrictEqual(yield* Fiber.join(fiber), { state: "b" })
      })))
})
