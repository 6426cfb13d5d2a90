/**
 * The minimal CBOR codec of the WebAuthn checks: RFC 8949's Appendix A vectors
 * (an independent oracle), round trips of what it encodes, and hostile input
 * refused with a reason, never thrown.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Cbor from "../src/internal/cbor.js"

const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, "hex"))

describe("cbor", () => {
  it("decodes RFC 8949 Appendix A vectors", () => {
    const vectors: ReadonlyArray<readonly [string, unknown]> = [
      ["00", 0],
      ["17", 23],
      ["1818", 24],
      ["1903e8", 1000],
      ["1a000f4240", 1000000],
      ["1b000000e8d4a51000", 1000000000000],
      ["20", -1],
      ["3863", -100],
      ["3903e7", -1000],
      ["f4", false],
      ["f5", true],
      ["f6", null],
      ["f7", undefined],
      ["f93c00", 1],
      ["f97bff", 65504],
      ["fa47c35000", 100000],
      ["fb3ff199999999999a", 1.1],
      ["6161", "a"],
      ["6449455446", "IETF"],
      ["62c3bc", "\u00fc"],
      ["83010203", [1, 2, 3]],
      ["8301820203820405", [1, [2, 3], [4, 5]]],
      ["c074323031332d30332d32315432303a30343a30305a", "2013-03-21T20:04:00Z"]
    ]
    for (const [h, expected] of vectors) assert.deepStrictEqual(Cbor.decode(hex(h)), expected, h)
    assert.deepStrictEqual(Cbor.decode(hex("4401020304")), Uint8Array.from([1, 2, 3, 4]))
    assert.deepStrictEqual(Cbor.decode(hex("a201020304")), new Map([[1, 2], [3, 4]]))
    assert.deepStrictEqual(
      Cbor.decode(hex("a26161016162820203")),
      new Map<Cbor.CborValue, Cbor.CborValue>([["a", 1], ["b", [2, 3]]])
    )
  })

  it("round-trips what it encodes, with the canonical heads", () => {
    const value = new Map<number | string, Cbor.Encodable>([
      [1, 2],
      [-1, 1],
      ["fmt", "none"],
      ["big", 4294967296],
      ["bytes", Uint8Array.from([0, 255])],
      ["list", [true, false, null, -257, 65535]]
    ])
    assert.deepStrictEqual(Cbor.decode(Cbor.encode(value)), value)
    assert.deepStrictEqual(Buffer.from(Cbor.encode(1000)).toString("hex"), "1903e8")
    assert.deepStrictEqual(Buffer.from(Cbor.encode(-257)).toString("hex"), "390100")
  })

  it("refuses hostile input with a reason", () => {
    const reason = (h: string) => {
      const r = Cbor.decode(hex(h))
      return Cbor.isRefusal(r) ? r.reason : "accepted"
    }
    assert.strictEqual(reason(""), "truncated input")
    assert.strictEqual(reason("1a0000"), "truncated input")
    assert.strictEqual(reason("5f42010243030405ff"), "indefinite lengths are not supported")
    assert.strictEqual(reason("1bffffffffffffffff"), "integer beyond 2^53")
    assert.strictEqual(reason("9b7fffffffffffffff"), "integer beyond 2^53")
    assert.strictEqual(reason("9a7fffffff"), "truncated input")
    assert.strictEqual(reason("ba7fffffff"), "truncated input")
    assert.strictEqual(reason("8".repeat(1) + "1".repeat(1) + "81".repeat(40) + "00"), "nesting deeper than 16")
    assert.strictEqual(reason("62c328"), "a text string is not UTF-8")
    assert.strictEqual(reason("a201020103"), "a map names a key twice")
    assert.strictEqual(reason("a1800102"), "a map key that is not an integer or a text")
    assert.strictEqual(reason("0000"), "trailing bytes after the item")
    assert.strictEqual(reason("1c"), "reserved additional information 28")
  })
})
