/**
 * `npm run demo`, in-process: the story of examples/demo.ts runs against the
 * emulator and the example backend on loopback, and every step holds; a story
 * whose premise is broken fails naming its step; both servers are stopped.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { story } from "../examples/demo.js"

const STEPS = [
  "emulator started",
  "emulator listening",
  "backend listening",
  "demo data created with the management API",
  "OTP sent",
  "code read from the emulator outbox",
  "code verified, session cookies set",
  "/me answers 200",
  "admin endpoint answers 403",
  "management API grants the role",
  "admin endpoint still 403 with the old session",
  "session refreshed",
  "admin endpoint answers 200",
  "session expired (emulator time advanced)",
  "session refreshed transparently through DSR",
  "logout",
  "/me answers 401",
  "the revoked refresh token is refused",
  "management script"
]

describe("npm run demo", () => {
  it.live("every step of the story holds, one readable line each", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const results = yield* Effect.scoped(story({ log: (line) => lines.push(line) }))
      assert.deepStrictEqual(results.map((r) => r.step), STEPS)
      assert.strictEqual(lines.filter((l) => l.startsWith("✓ ")).length, STEPS.length)
      assert.include(lines.join("\n"), "rate limit caught: RateLimitError, retry after 7 s")
      // secrets stay out of the output: no token, no code
      assert.isFalse(lines.some((l) => /eyJ[\w-]+\.[\w-]+\./.test(l)), "a JWT was printed")
      assert.isFalse(lines.some((l) => /\b\d{6}\b/.test(l)), "an OTP code was printed")
    }), { timeout: 20_000 })

  it.live("a step that does not hold fails the story, naming it", () =>
    Effect.gen(function*() {
      // sessions that outlive the time advance: the expiry step cannot hold
      const error = yield* Effect.flip(Effect.scoped(story({ emulator: { sessionTokenTtl: "1 hour" } })))
      assert.strictEqual(error._tag, "DemoStepFailed")
      assert.strictEqual(error.step, "session expired (emulator time advanced)")
      assert.strictEqual(
        error.message,
        "step \"session expired (emulator time advanced)\" failed: validateSession of the DS cookie: still valid"
      )
    }), { timeout: 20_000 })

  it.live("the servers are stopped when the story ends", () =>
    Effect.gen(function*() {
      const urls: Array<string> = []
      yield* Effect.scoped(story({
        log: (line) => {
          const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]
          if (url !== undefined && line.includes("listening")) urls.push(url)
        }
      }))
      assert.strictEqual(urls.length, 2)
      for (const url of urls) {
        const refused = yield* Effect.promise(() => fetch(`${url}/me`).then(() => false, () => true))
        assert.isTrue(refused, `${url} still answers`)
      }
    }), { timeout: 20_000 })
})
