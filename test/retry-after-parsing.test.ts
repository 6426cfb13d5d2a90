// Reading Retry-After (parseRetryAfter): delta seconds, decimal seconds and the three HTTP-date forms, relative
// to now; a past date is zero; absent, garbage or negative values give the default (1 s, or the one chosen);
// a huge value is clamped to 24 hours.
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import { DEFAULT_RETRY_AFTER, MAX_RETRY_AFTER, parseRetryAfter } from "../src/core/DescopeError.js"

const NOW = 1_700_000_000_000 // 2023-11-14T22:13:20Z

const millis = (d: Duration.Duration) => Duration.toMillis(d)

describe("parseRetryAfter", () => {
  it("delta seconds", () => {
    assert.strictEqual(millis(parseRetryAfter("7", NOW)), 7000)
    assert.strictEqual(millis(parseRetryAfter("0", NOW)), 0)
    assert.strictEqual(millis(parseRetryAfter(" 12 ", NOW)), 12000)
  })

  it("decimal seconds", () => {
    assert.strictEqual(millis(parseRetryAfter("1.5", NOW)), 1500)
    assert.strictEqual(millis(parseRetryAfter("0.25", NOW)), 250)
  })

  it("an HTTP-date in the future is the time until it", () => {
    // 2023-11-14T22:14:00Z is 40 s after NOW
    assert.strictEqual(millis(parseRetryAfter("Tue, 14 Nov 2023 22:14:00 GMT", NOW)), 40000)
  })

  it("the obsolete RFC 850 and asctime forms are GMT too", () => {
    assert.strictEqual(millis(parseRetryAfter("Tuesday, 14-Nov-23 22:14:00 GMT", NOW)), 40000)
    assert.strictEqual(millis(parseRetryAfter("Tue Nov 14 22:14:00 2023", NOW)), 40000)
  })

  it("an HTTP-date in the past is zero", () => {
    assert.strictEqual(millis(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", NOW)), 0)
  })

  it("absent, empty or garbage gives the default of 1 second", () => {
    assert.strictEqual(millis(DEFAULT_RETRY_AFTER), 1000)
    for (const header of [undefined, "", "   ", "soon", "7 seconds", "5s", "1e3", "foo 7", "soon 12", "0x10", "NaN"]) {
      assert.strictEqual(millis(parseRetryAfter(header, NOW)), 1000, `header ${String(header)}`)
    }
  })

  it("a negative value gives the default", () => {
    assert.strictEqual(millis(parseRetryAfter("-5", NOW)), 1000)
    assert.strictEqual(millis(parseRetryAfter("-1", NOW)), 1000)
    assert.strictEqual(millis(parseRetryAfter("+5", NOW)), 1000)
  })

  it("the fallback can be chosen", () => {
    assert.strictEqual(millis(parseRetryAfter("garbage", NOW, Duration.seconds(3))), 3000)
    assert.strictEqual(millis(parseRetryAfter(undefined, NOW, Duration.seconds(3))), 3000)
  })

  it("a huge value is clamped to 24 hours", () => {
    assert.strictEqual(millis(MAX_RETRY_AFTER), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("86401", NOW)), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("99999999999999", NOW)), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("9".repeat(400), NOW)), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("Fri, 01 Jan 2100 00:00:00 GMT", NOW)), 86_400_000)
    assert.strictEqual(millis(parseRetryAfter("86400", NOW)), 86_400_000)
  })
})
