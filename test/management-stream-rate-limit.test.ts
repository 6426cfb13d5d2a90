// The paginated streams of client.mgmt (`user.search`, `inboundApplication.streamConsents`) wait out 429s
// through one shared retry (`src/internal/pageRetry.ts`, the public `retryOnRateLimit` with the streams'
// bounds): each 429 for exactly its Retry-After however long, at most 10 in a row on one page.
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Stream from "effect/Stream"
import * as TestClock from "effect/TestClock"
import { RateLimitError } from "../src/core/DescopeError.js"
import { MAX_PAGE_RATE_LIMIT_RETRIES } from "../src/internal/pageRetry.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import type * as Management from "../src/management/Management.js"
import { calls, withLicense, withMgmt } from "./support/management.js"

/** One page of one item (`items(page)`), preceded by `rateLimited` 429s answering `Retry-After: retryAfter`. */
const handler = (
  rateLimited: number,
  retryAfter: string,
  items: (page: number) => Record<string, unknown>
): MockHttpClient.Handler => {
  let remaining = rateLimited
  return withLicense((request) => {
    if (remaining > 0) {
      remaining--
      return MockHttpClient.json(
        { errorCode: "E130429", errorDescription: "rate limit", errorMessage: "API rate limit exceeded." },
        { status: 429, headers: { "retry-after": retryAfter } }
      )
    }
    return MockHttpClient.json(items((request.body as { page: number }).page))
  })
}

const streams: ReadonlyArray<{
  readonly name: string
  readonly items: (page: number) => Record<string, unknown>
  readonly run: (mgmt: Management.ManagementApi) => Stream.Stream<unknown, unknown>
}> = [
  {
    name: "user.search",
    items: (page) => ({ users: page === 0 ? [{ userId: "U1", loginIds: ["u1@example.com"] }] : [] }),
    run: (mgmt) => mgmt.user.search({ pageSize: 2 })
  },
  {
    name: "inboundApplication.streamConsents",
    items: (page) => ({ consents: page === 0 ? [{ id: "CO1", appId: "TP1", userId: "U1", scopes: [] }] : [] }),
    run: (mgmt) => mgmt.inboundApplication.streamConsents({ pageSize: 2 })
  }
]

describe("paginated streams across 429s", () => {
  for (const stream of streams) {
    it.effect(`${stream.name}: a Retry-After beyond retryOnRateLimit's default 60 s is still waited out`, () =>
      withMgmt(handler(1, "120", stream.items), (mgmt, recorder) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(Stream.runCollect(stream.run(mgmt)))
          yield* TestClock.adjust("119 seconds")
          assert.strictEqual((yield* calls(recorder)).length, 1)
          assert.isTrue((yield* Fiber.poll(fiber))._tag === "None")
          yield* TestClock.adjust("1 second")
          assert.strictEqual(Chunk.size(yield* Fiber.join(fiber)), 1)
          assert.strictEqual((yield* calls(recorder)).length, 2)
        })))

    it.effect(`${stream.name}: ${MAX_PAGE_RATE_LIMIT_RETRIES} 429s in a row are waited out, one more fails`, () =>
      Effect.gen(function*() {
        yield* withMgmt(
          handler(MAX_PAGE_RATE_LIMIT_RETRIES, "1", stream.items),
          (mgmt, recorder) =>
            Effect.gen(function*() {
              const fiber = yield* Effect.fork(Stream.runCollect(stream.run(mgmt)))
              yield* TestClock.adjust("30 seconds")
              assert.strictEqual(Chunk.size(yield* Fiber.join(fiber)), 1)
              assert.strictEqual((yield* calls(recorder)).length, MAX_PAGE_RATE_LIMIT_RETRIES + 1)
            })
        )
        yield* withMgmt(
          handler(MAX_PAGE_RATE_LIMIT_RETRIES + 1, "1", stream.items),
          (mgmt, recorder) =>
            Effect.gen(function*() {
              const fiber = yield* Effect.fork(Effect.exit(Stream.runCollect(stream.run(mgmt))))
              yield* TestClock.adjust("30 seconds")
              const exit = yield* Fiber.join(fiber)
              assert.isTrue(Exit.isFailure(exit))
              if (Exit.isFailure(exit)) {
                assert.instanceOf(exit.cause._tag === "Fail" ? exit.cause.error : exit, RateLimitError)
              }
              assert.strictEqual((yield* calls(recorder)).length, MAX_PAGE_RATE_LIMIT_RETRIES + 1)
            })
        )
      }))
  }
})
