/**
 * IP addresses and CIDR ranges, as Descope's IP lists hold them: an entry is
 * an address (`10.0.0.1`, `2001:db8::1`) or a range (`10.0.0.0/8`,
 * `2001:db8::/32`); an address is in a list when one entry contains it. An
 * IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is read as its IPv4 address,
 * as Go's `net.IPNet.Contains` reads it.
 *
 * @since 0.2.0
 */

/**
 * A parsed address: its family and its value as a 32-bit (IPv4) or 128-bit (IPv6) integer.
 *
 * @since 0.2.0
 * @category models
 */
export interface Address {
  readonly family: 4 | 6
  readonly value: bigint
}

/**
 * A parsed range: the network's first address and the prefix length.
 *
 * @since 0.2.0
 * @category models
 */
export interface Range {
  readonly family: 4 | 6
  readonly network: bigint
  readonly prefix: number
}

const V4_PART = /^(0|[1-9][0-9]{0,2})$/

const parseV4 = (s: string): bigint | undefined => {
  const parts = s.split(".")
  if (parts.length !== 4) return undefined
  let out = 0n
  for (const part of parts) {
    if (!V4_PART.test(part)) return undefined
    const n = Number(part)
    if (n > 255) return undefined
    out = (out << 8n) | BigInt(n)
  }
  return out
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/

const groupsOf = (s: string): Array<bigint> | undefined => {
  if (s === "") return []
  const out: Array<bigint> = []
  const parts = s.split(":")
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (i === parts.length - 1 && part.includes(".")) {
      const v4 = parseV4(part)
      if (v4 === undefined) return undefined
      out.push(v4 >> 16n, v4 & 0xffffn)
    } else if (HEX_GROUP.test(part)) {
      out.push(BigInt(parseInt(part, 16)))
    } else {
      return undefined
    }
  }
  return out
}

const parseV6 = (s: string): bigint | undefined => {
  const halves = s.split("::")
  if (halves.length > 2) return undefined
  const head = groupsOf(halves[0]!)
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : []
  if (head === undefined || tail === undefined) return undefined
  const groups = halves.length === 2
    ? head.length + tail.length > 7 ? undefined : [...head, ...Array(8 - head.length - tail.length).fill(0n), ...tail]
    : head.length === 8
    ? head
    : undefined
  if (groups === undefined) return undefined
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n)
}

/**
 * Parses an address (IPv4 dotted quad or IPv6, with `::` and an embedded IPv4
 * tail); an IPv4-mapped IPv6 address is answered as IPv4. `undefined` when it
 * is not an address.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parseAddress = (s: string): Address | undefined => {
  const text = s.trim()
  if (text.includes(":")) {
    const v6 = parseV6(text)
    if (v6 === undefined) return undefined
    return v6 >> 32n === 0xffffn ? { family: 4, value: v6 & 0xffffffffn } : { family: 6, value: v6 }
  }
  const v4 = parseV4(text)
  return v4 === undefined ? undefined : { family: 4, value: v4 }
}

const bitsOf = (family: 4 | 6): number => (family === 4 ? 32 : 128)

const maskOf = (family: 4 | 6, prefix: number): bigint => {
  const bits = BigInt(bitsOf(family))
  const all = (1n << bits) - 1n
  return all ^ ((1n << (bits - BigInt(prefix))) - 1n)
}

/**
 * Parses an IP list entry: an address (a range of one) or `address/prefix`.
 * The address of a range is masked to its network (`10.1.2.3/8` is
 * `10.0.0.0/8`), as Go's `net.ParseCIDR` does. `undefined` when it is neither.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parseRange = (s: string): Range | undefined => {
  const text = s.trim()
  const slash = text.indexOf("/")
  if (slash < 0) {
    const a = parseAddress(text)
    return a === undefined ? undefined : { family: a.family, network: a.value, prefix: bitsOf(a.family) }
  }
  const addressText = text.slice(0, slash)
  const prefixText = text.slice(slash + 1)
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return undefined
  const prefix = Number(prefixText)
  if (addressText.includes(":")) {
    const v6 = parseV6(addressText)
    if (v6 === undefined || prefix > 128) return undefined
    // an IPv4-mapped range of at least /96 is the IPv4 range it maps
    if (v6 >> 32n === 0xffffn && prefix >= 96) {
      const p4 = prefix - 96
      return { family: 4, network: (v6 & 0xffffffffn) & maskOf(4, p4), prefix: p4 }
    }
    return { family: 6, network: v6 & maskOf(6, prefix), prefix }
  }
  const v4 = parseV4(addressText)
  if (v4 === undefined || prefix > 32) return undefined
  return { family: 4, network: v4 & maskOf(4, prefix), prefix }
}

/**
 * Whether `range` contains `address` (same family, same network bits).
 *
 * @since 0.2.0
 * @category guards
 */
export const contains = (range: Range, address: Address): boolean =>
  range.family === address.family && (address.value & maskOf(range.family, range.prefix)) === range.network

/**
 * Whether an address is in a list of entries (addresses and ranges); entries
 * that do not parse never match.
 *
 * @since 0.2.0
 * @category guards
 */
export const inList = (entries: ReadonlyArray<string>, ip: string): boolean => {
  const address = parseAddress(ip)
  if (address === undefined) return false
  return entries.some((entry) => {
    const range = parseRange(entry)
    return range !== undefined && contains(range, address)
  })
}

/**
 * Whether the text is an IP list entry (an address or a range).
 *
 * @since 0.2.0
 * @category guards
 */
export const isEntry = (s: string): boolean => parseRange(s) !== undefined
