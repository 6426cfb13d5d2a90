/**
 * The IP list check (`src/internal/cidr.ts`, which the emulator's `checkIP` evaluates) against an
 * independent oracle: Node's `net.BlockList` (its own address parser and subnet matcher), over random
 * IPv4 and IPv6 ranges and addresses written in several forms (compressed and full IPv6, IPv4-mapped).
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import * as net from "node:net"
import * as Cidr from "../src/internal/cidr.js"

const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."))

const groups = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 })
const fullV6 = (g: ReadonlyArray<number>) => g.map((x) => x.toString(16)).join(":")
/** The same address in compressed form: the longest run of zero groups as `::` (as `net` prints it). */
const compressed = (g: ReadonlyArray<number>) => {
  let best = [-1, 0]
  for (let i = 0; i < 8; i++) {
    let j = i
    while (j < 8 && g[j] === 0) j++
    if (j - i > best[1]! && j - i > 1) best = [i, j - i]
  }
  if (best[0]! < 0) return fullV6(g)
  const head = g.slice(0, best[0]).map((x) => x.toString(16)).join(":")
  const tail = g.slice(best[0]! + best[1]!).map((x) => x.toString(16)).join(":")
  return `${head}::${tail}`
}
// zero-heavy groups so that `::` forms and shared prefixes occur often
const sparse = fc.array(fc.oneof(fc.constant(0), fc.constant(0xdb8), fc.nat(0xffff)), { minLength: 8, maxLength: 8 })
const v6 = fc.oneof(groups, sparse).chain((g) => fc.constantFrom(fullV6(g), compressed(g)))

/** An address near a range's network: same leading bits more often than chance. */
const nearV4 = (network: string) =>
  fc.tuple(fc.nat(3), fc.nat(255), fc.nat(255)).map(([keep, a, b]) => {
    const parts = network.split(".")
    return [...parts.slice(0, keep + 1), a, b, 7].slice(0, 4).join(".")
  })

describe("IP list ranges against net.BlockList", () => {
  it("IPv4: an address is in a range exactly when BlockList says so", () => {
    fc.assert(
      fc.property(
        v4,
        fc.nat(32),
        v4,
        fc.boolean(),
        (network, prefix, other, near) => {
          const address = near ? [...network.split(".").slice(0, 3), other.split(".")[3]].join(".") : other
          const oracle = new net.BlockList()
          oracle.addSubnet(network, prefix, "ipv4")
          const range = Cidr.parseRange(`${network}/${prefix}`)
          const parsed = Cidr.parseAddress(address)
          assert.isDefined(range)
          assert.isDefined(parsed)
          assert.strictEqual(
            Cidr.contains(range!, parsed!),
            oracle.check(address, "ipv4"),
            `${network}/${prefix} ${address}`
          )
        }
      ),
      { numRuns: 2000 }
    )
  })

  it("IPv6 (full and compressed forms): an address is in a range exactly when BlockList says so", () => {
    fc.assert(
      fc.property(v6, fc.nat(128), v6, (network, prefix, address) => {
        const oracle = new net.BlockList()
        oracle.addSubnet(network, prefix, "ipv6")
        const range = Cidr.parseRange(`${network}/${prefix}`)
        const parsed = Cidr.parseAddress(address)
        assert.isDefined(range)
        assert.isDefined(parsed)
        if (range!.family === 6 && parsed!.family === 6) {
          assert.strictEqual(
            Cidr.contains(range!, parsed!),
            oracle.check(address, "ipv6"),
            `${network}/${prefix} ${address}`
          )
        }
      }),
      { numRuns: 2000 }
    )
  })

  it("a list of entries: inList is some entry's BlockList check (IPv4 addresses and ranges)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(v4, fc.option(fc.nat(32), { nil: undefined })), { minLength: 1, maxLength: 5 }),
        fc.nat(4),
        fc.boolean(),
        v4,
        (entries, pick, near, random) => {
          const texts = entries.map(([a, p]) => (p === undefined ? a : `${a}/${p}`))
          const oracle = new net.BlockList()
          for (const [a, p] of entries) {
            if (p === undefined) oracle.addAddress(a, "ipv4")
            else oracle.addSubnet(a, p, "ipv4")
          }
          return fc.assert(
            fc.property(near ? nearV4(entries[pick % entries.length]![0]) : fc.constant(random), (address) => {
              assert.strictEqual(Cidr.inList(texts, address), oracle.check(address, "ipv4"))
            }),
            { numRuns: 5 }
          )
        }
      ),
      { numRuns: 500 }
    )
  })

  it("addresses: what net.isIP reads as an IP parses, and nothing else does (dotted quads, IPv6 forms)", () => {
    const candidates = fc.oneof(
      v4,
      v6,
      fc.stringMatching(/^[0-9a-f:.]{1,20}$/),
      fc.tuple(v4, fc.constantFrom("::ffff:", "::", "64:ff9b::")).map(([a, p]) => `${p}${a}`)
    )
    fc.assert(
      fc.property(candidates, (text) => {
        // net.isIP accepts leading zeros in IPv4 on some Node versions; Go and the emulator do not
        const leadingZero = /(^|[.:])0[0-9]/.test(text) && text.includes(".")
        if (!leadingZero) assert.strictEqual(Cidr.parseAddress(text) !== undefined, net.isIP(text) !== 0, text)
      }),
      { numRuns: 3000 }
    )
  })

  it("IPv4-mapped IPv6 addresses are read as their IPv4 address", () => {
    assert.isTrue(Cidr.inList(["10.0.0.0/8"], "::ffff:10.1.2.3"))
    assert.isTrue(Cidr.inList(["::ffff:10.0.0.0/104"], "10.200.0.1"))
    assert.isFalse(Cidr.inList(["10.0.0.0/8"], "::10.1.2.3"))
    assert.isFalse(Cidr.inList(["2001:db8::/32"], "10.1.2.3"))
  })

  it("malformed entries and addresses never match nor throw", () => {
    for (const bad of ["10.0.0.0/33", "10.0.0/8", "1.2.3.256", "::1/129", "1:2:3:4:5:6:7:8:9", "01.2.3.4", "", "x"]) {
      assert.isUndefined(Cidr.parseRange(bad), bad)
      assert.isFalse(Cidr.inList([bad], "10.0.0.1"))
    }
    assert.isFalse(Cidr.inList(["0.0.0.0/0"], "not-an-ip"))
  })
})
