// Property tests (fast-check): any Retry-After value gives a bounded duration (0 <= d <= 24 h),
// through parseRetryAfter and through a 429 answer (RateLimitError.retryAfter). Delta-seconds and
// HTTP-dates are checked against an independent oracle; anything else falls back to 1 s or stays
// in bounds.
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Runtime from "effect/Runtime"
import * as TestClock from "effect/TestClock"
import * as fc from "fast-check"
import { parseRetryAfter, RateLimitError } from "../src/core/DescopeError.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { PROJECT_ID } from "./support/sessions.js"

const NUM_RUNS = 200
const DAY_MS = 86_400_000
const FALLBACK_MS = 1_000
/** The TestClock's now for the 429 property. */
const NOW_MS = Date.UTC(2027, 0, 15, 12, 0, 0, 250)

/** The Retry-After header the mock sends (set by the running property). */
let current: string | undefined

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const pad = (n: number, width = 2) => String(n).padStart(width, "0")
const clock = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`

/** A header value and, when the value is well-formed, the duration it must give at `now`. */
interface Case {
  readonly header: string
  readonly expected: ((now: number) => number) | undefined
}

const clamp = (ms: number) => Math.min(DAY_MS, Math.max(0, ms))
/** Dates with a four-digit year, whole seconds. */
const dates = fc
  .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000))

/** Header-safe noise (printable ASCII and tab, what a `Response` header accepts). */
const headerNoise = fc.string({
  unit: fc.constantFrom(..."\t 0123456789.,:-+eE GMTMonJanSunday abcxyz/;=\"()"),
  maxLength: 40
})

const cases: fc.Arbitrary<Case> = fc.oneof(
  // delta-seconds
  fc.nat({ max: 1_000_000 }).map((n): Case => ({ header: String(n), expected: () => clamp(n * 1000) })),
  fc.bigInt({ min: 0n, max: 10n ** 400n }).map((n): Case => ({
    header: n.toString(),
    expected: () => clamp(Number(n) * 1000)
  })),
  fc.tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 999 })).map(([s, ms]): Case => ({
    header: ` ${s}.${pad(ms, 3)} `,
    expected: () => clamp(Math.round((s + ms / 1000) * 1000))
  })),
  // IMF-fixdate, RFC 850 and asctime HTTP-dates
  dates.map((d): Case => ({ header: d.toUTCString(), expected: (now) => clamp(d.getTime() - now) })),
  dates.map((d): Case => ({
    header: `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${
      clock(d)
    } ${d.getUTCFullYear()}`,
    expected: (now) => clamp(d.getTime() - now)
  })),
  dates.map((d): Case => ({
    header: `${LONG_DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${
      pad(d.getUTCFullYear() % 100)
    } ${clock(d)} GMT`,
    expected: undefined
  })),
  // garbled: negative numbers, exponents, NaN, ISO dates, noise
  fc.integer({ min: -1_000_000_000, max: -1 }).map((n): Case => ({ header: String(n), expected: () => FALLBACK_MS })),
  fc.double().map((x): Case => ({ header: String(x), expected: undefined })),
  fc.constantFrom("NaN", "Infinity", "-0", "1e3", "0x10", "5s", "soon", "-5", "soon 12", "1,5").map((header): Case => ({
    header,
    expected: () => FALLBACK_MS
  })),
  dates.map((d): Case => ({ header: d.toISOString(), expected: () => FALLBACK_MS })),
  headerNoise.map((header): Case => ({ header, expected: undefined }))
)

const isBounded = (d: Duration.Duration): boolean => {
  if (!Duration.isFinite(d)) return false
  const ms = Duration.toMillis(d)
  return ms >= 0 && ms <= DAY_MS
}

describe("property: Retry-After gives a bounded duration", () => {
  it("parseRetryAfter: any string at any time gives 0 <= d <= 24 h", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), cases.map((c) => c.header)),
        fc.integer({ min: 0, max: 8_640_000_000_000 }),
        (header, now) => {
          const d = parseRetryAfter(header, now)
          assert.isTrue(isBounded(d), `${JSON.stringify(header)} -> ${Duration.format(d)}`)
        }
      ),
      { numRuns: NUM_RUNS * 2 }
    )
    assert.strictEqual(Duration.toMillis(parseRetryAfter(undefined, 0)), FALLBACK_MS)
    assert.strictEqual(Duration.toMillis(parseRetryAfter("   ", 0)), FALLBACK_MS)
  })

  it("parseRetryAfter: delta-seconds and HTTP-dates give the announced delay, garbled values the fallback", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 253_402_300_799_000 }), ({ expected, header }, now) => {
        const d = parseRetryAfter(header, now)
        assert.isTrue(isBounded(d), `${JSON.stringify(header)} -> ${Duration.format(d)}`)
        if (expected !== undefined) assert.strictEqual(Duration.toMillis(d), expected(now), JSON.stringify(header))
      }),
      { numRuns: NUM_RUNS * 2 }
    )
  })

  it.effect("a 429 answer: RateLimitError.retryAfter is bounded and follows the header (TestClock)", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW_MS)
      const runtime = yield* Effect.runtime<DescopeClient>()
      const descope = yield* DescopeClient
      const load = descope.mgmt.user.load("ada@example.com")
      const headers = fc.oneof(cases, headerNoise.map((header): Case => ({ header, expected: undefined })))
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(fc.option(headers, { nil: undefined }), async (c) => {
            current = c?.header
            const exit = await Runtime.runPromiseExit(runtime)(load)
            const label = JSON.stringify(c?.header)
            if (Exit.isSuccess(exit) || exit.cause._tag !== "Fail") return assert.fail(`not a typed failure: ${label}`)
            const error = exit.cause.error
            if (!(error instanceof RateLimitError)) return assert.fail(`not a RateLimitError: ${error._tag} ${label}`)
            assert.isTrue(isBounded(error.retryAfter), `${label} -> ${Duration.format(error.retryAfter)}`)
            const expected = c === undefined ? FALLBACK_MS : c.expected?.(NOW_MS)
            if (expected !== undefined) assert.strictEqual(Duration.toMillis(error.retryAfter), expected, label)
          }),
          { numRuns: NUM_RUNS }
        )
      )
    }).pipe(
      Effect.provide(
        Descope.layerTest(
          { projectId: PROJECT_ID, baseUrl: "https://api.descope.test", managementKey: "K-management" },
          () =>
            MockHttpClient.json(
              { errorCode: "E130429", errorDescription: "Rate limit exceeded" },
              { status: 429, headers: current === undefined ? {} : { "retry-after": current } }
            )
        )
      )
    ))
})
