/**
 * The emulator's random identifiers and secrets (`Ids`), drawn from a pool of
 * random bytes: the shape of each, no byte given out twice (across refills of
 * the pool, and for a request larger than the pool), and characters spread as
 * `byte % 62` spreads uniform bytes (the oracle: 5/256 for the first 8
 * characters of the alphabet, 4/256 for the others).
 */
import { assert, describe, it } from "@effect/vitest"
import { newId, newSecret } from "../src/emulator/Ids.js"

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

describe("emulator ids", () => {
  it("a prefix and base62 characters, 28 in all unless told; a prefix at least as long as the length is the whole id", () => {
    for (const prefix of ["U", "K", "AK", "F"]) {
      const id = newId(prefix)
      assert.strictEqual(id.length, 28)
      assert.match(id, new RegExp(`^${prefix}[A-Za-z0-9]{${28 - prefix.length}}$`))
    }
    assert.match(newId("F", 12), /^F[A-Za-z0-9]{11}$/)
    assert.strictEqual(newId("LONGER-THAN-LENGTH", 4), "LONGER-THAN-LENGTH")
    assert.strictEqual(newId("", 0), "")
  })

  it("no two ids or secrets alike: 50,000 ids and 5,000 secrets, across many refills of the pool", () => {
    const ids = new Set<string>()
    for (let i = 0; i < 50_000; i++) ids.add(newId("U"))
    assert.strictEqual(ids.size, 50_000)
    const secrets = new Set<string>()
    for (let i = 0; i < 5_000; i++) {
      const secret = newSecret()
      assert.match(secret, /^[A-Za-z0-9_-]{32}$/)
      secrets.add(secret)
    }
    assert.strictEqual(secrets.size, 5_000)
  })

  it("an id longer than the pool, and ids that straddle a refill, are whole and distinct", () => {
    const long = newId("", 10_000)
    assert.match(long, /^[A-Za-z0-9]{10000}$/)
    // 4,096 is the pool: 41 ids of 100 characters cross a refill
    const parts = Array.from({ length: 41 }, () => newId("", 100))
    for (const part of parts) assert.match(part, /^[A-Za-z0-9]{100}$/)
    assert.strictEqual(new Set(parts).size, parts.length)
    // a refill gives new bytes: no 100-character run of the long id comes back
    for (const part of parts) assert.isFalse(long.includes(part))
  })

  it("characters are spread as byte % 62 spreads uniform bytes", () => {
    const n = 256_000
    const counts = new Map<string, number>()
    let left = n
    while (left > 0) {
      const take = Math.min(left, 1_000)
      for (const c of newId("", take)) counts.set(c, (counts.get(c) ?? 0) + 1)
      left -= take
    }
    assert.strictEqual(counts.size, 62)
    ALPHABET.split("").forEach((c, i) => {
      // bytes 0..255 onto 62 characters: the first 256 - 4 * 62 = 8 get five bytes each, the rest four
      const expected = (n * (i < 8 ? 5 : 4)) / 256
      const got = counts.get(c) ?? 0
      // about 65 is one standard deviation here: 15% is over nine
      assert.isTrue(Math.abs(got - expected) < expected * 0.15, `${c}: ${got}, expected about ${expected}`)
    })
  })
})
