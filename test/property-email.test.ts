/**
 * The SDK's one e-mail rule (`src/internal/validate.ts` `EMAIL_PATTERN`): one `@` with something on each
 * side and no white space or control character anywhere. Checked against an independent, character by
 * character oracle over arbitrary strings, and shown never to refuse an address Descope accepts: every
 * address fast-check's RFC 5322 generator makes, and the addresses the official SDKs' own tests send
 * (node-sdk's `updateEmail("valid-id", "a@b.c")` among them), go out unchanged.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import * as Validate from "../src/internal/validate.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { calls, withLicense, withMgmt } from "./support/management.js"

/** The rule, written out: exactly one `@`, a non-empty part on each side, no white space, no control. */
const oracle = (s: string): boolean => {
  let ats = 0
  let at = -1
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false
    if (/^\s$/u.test(ch)) return false
    if (ch === "@") {
      ats++
      at = s.indexOf("@")
    }
  }
  return ats === 1 && at > 0 && at < s.length - 1
}

// strings biased towards the characters the rule is about
const tricky = fc.array(
  fc.oneof(
    fc.constantFrom("@", " ", "\t", "\n", "\u00a0", "\u2028", "\u0000", "\u007f", "\u0085", ".", "a", "é", "+"),
    fc.string({ minLength: 1, maxLength: 1, unit: "grapheme" })
  ),
  { maxLength: 12 }
).map((cs) => cs.join(""))

// what the official SDKs' own unit tests send
const sdkTestAddresses = ["a@b.c", "a@b.co", "x@y.co", "dummy@dummy.com", "valid@email.com", "test@test.com"]

describe("the e-mail rule", () => {
  it("agrees with the character by character oracle", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), tricky), (s) => {
        assert.strictEqual(Validate.isEmail(s), oracle(s), JSON.stringify(s))
      }),
      { numRuns: 2000 }
    )
  })

  it("accepts every RFC 5322 address of fast-check's generator and the SDKs' test addresses", () => {
    for (const address of sdkTestAddresses) assert.isTrue(Validate.isEmail(address), address)
    fc.assert(fc.property(fc.emailAddress(), (address) => Validate.isEmail(address)), { numRuns: 1000 })
  })

  it("refuses what Descope refuses: no `@`, two `@`, an empty side, white space", () => {
    for (const bad of ["", "ada", "ada@", "@example.com", "a@b@c", "a b@c.d", "a@b.c\n", "ada@\texample.com"]) {
      assert.isFalse(Validate.isEmail(bad), JSON.stringify(bad))
    }
  })

  it.effect("mgmt.user.updateEmail sends any accepted address unchanged (node-sdk's a@b.c first)", () =>
    withMgmt(
      withLicense(() => MockHttpClient.json({ user: { userId: "U1" } })),
      (mgmt, recorder) =>
        Effect.gen(function*() {
          const addresses = ["a@b.c", ...fc.sample(fc.emailAddress(), { numRuns: 25, seed: 15 })]
          for (const email of addresses) {
            yield* mgmt.user.updateEmail({ loginId: "valid-id", email })
          }
          const sent = yield* calls(recorder)
          assert.deepStrictEqual(
            sent.map((r) => r.body),
            addresses.map((email) => ({ loginId: "valid-id", email }))
          )
        })
    ))
})
