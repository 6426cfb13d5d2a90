/**
 * A minimal CBOR (RFC 8949) codec, as much as WebAuthn needs: the attestation
 * object and COSE keys. Decoding reads definite-length items only (WebAuthn's
 * CTAP2 canonical form) and refuses the rest with a reason, never throwing to
 * its caller: truncated input, indefinite lengths, integers beyond 2^53,
 * nesting deeper than 16, lengths beyond the input. Maps decode to `Map`
 * (their keys are integers or texts in COSE), byte strings to `Uint8Array`.
 *
 * @internal
 */

/** A decoded CBOR item. */
export type CborValue =
  | number
  | string
  | boolean
  | null
  | undefined
  | Uint8Array
  | ReadonlyArray<CborValue>
  | ReadonlyMap<CborValue, CborValue>

/** Why an input is not (supported) CBOR. */
export interface CborRefusal {
  readonly _tag: "CborRefusal"
  readonly reason: string
}

const MAX_DEPTH = 16

class Refused {
  constructor(readonly reason: string) {}
}

const refuse = (reason: string): never => {
  throw new Refused(reason)
}

class Reader {
  offset = 0
  constructor(readonly bytes: Uint8Array) {}

  take(n: number): Uint8Array {
    if (n > this.bytes.length - this.offset) refuse("truncated input")
    const out = this.bytes.subarray(this.offset, this.offset + n)
    this.offset += n
    return out
  }

  uint(bytes: number): number {
    const b = this.take(bytes)
    let n = 0
    for (const x of b) n = n * 256 + x
    if (n > Number.MAX_SAFE_INTEGER) refuse("integer beyond 2^53")
    return n
  }

  argument(info: number): number {
    if (info < 24) return info
    if (info === 24) return this.uint(1)
    if (info === 25) return this.uint(2)
    if (info === 26) return this.uint(4)
    if (info === 27) return this.uint(8)
    if (info === 31) return refuse("indefinite lengths are not supported")
    return refuse(`reserved additional information ${info}`)
  }

  float(info: number): number {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset)
    const at = this.offset
    if (info === 25) {
      this.take(2)
      const h = view.getUint16(at)
      const exp = (h >> 10) & 0x1f
      const frac = h & 0x3ff
      const sign = h & 0x8000 ? -1 : 1
      if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
      if (exp === 31) return frac === 0 ? sign * Infinity : NaN
      return sign * 2 ** (exp - 15) * (1 + frac / 1024)
    }
    if (info === 26) {
      this.take(4)
      return view.getFloat32(at)
    }
    this.take(8)
    return view.getFloat64(at)
  }

  item(depth: number): CborValue {
    if (depth > MAX_DEPTH) refuse("nesting deeper than 16")
    const initial = this.take(1)[0]!
    const major = initial >> 5
    const info = initial & 0x1f
    switch (major) {
      case 0:
        return this.argument(info)
      case 1:
        return -1 - this.argument(info)
      case 2:
        return Uint8Array.from(this.take(this.argument(info)))
      case 3: {
        const raw = this.take(this.argument(info))
        try {
          return new TextDecoder("utf-8", { fatal: true }).decode(raw)
        } catch {
          return refuse("a text string is not UTF-8")
        }
      }
      case 4: {
        const n = this.argument(info)
        if (n > this.bytes.length - this.offset) refuse("truncated input")
        const out: Array<CborValue> = []
        for (let i = 0; i < n; i++) out.push(this.item(depth + 1))
        return out
      }
      case 5: {
        const n = this.argument(info)
        if (n * 2 > this.bytes.length - this.offset) refuse("truncated input")
        const out = new Map<CborValue, CborValue>()
        for (let i = 0; i < n; i++) {
          const key = this.item(depth + 1)
          if (key !== null && typeof key === "object") refuse("a map key that is not an integer or a text")
          if (out.has(key)) refuse("a map names a key twice")
          out.set(key, this.item(depth + 1))
        }
        return out
      }
      case 6:
        this.argument(info)
        return this.item(depth + 1)
      default: {
        if (info === 20) return false
        if (info === 21) return true
        if (info === 22) return null
        if (info === 23) return undefined
        if (info >= 25 && info <= 27) return this.float(info)
        return refuse(`unsupported simple value ${info}`)
      }
    }
  }
}

/**
 * Decodes the first item of `bytes`, answering it with the number of bytes it
 * took (COSE keys in authenticator data are followed by other data).
 */
export const decodePrefix = (
  bytes: Uint8Array
): { readonly value: CborValue; readonly length: number } | CborRefusal => {
  const reader = new Reader(bytes)
  try {
    const value = reader.item(0)
    return { value, length: reader.offset }
  } catch (e) {
    if (e instanceof Refused) return { _tag: "CborRefusal", reason: e.reason }
    return { _tag: "CborRefusal", reason: "malformed input" }
  }
}

/** Decodes exactly one item: trailing bytes are refused. */
export const decode = (bytes: Uint8Array): CborValue | CborRefusal => {
  const r = decodePrefix(bytes)
  if (isRefusal(r)) return r
  return r.length === bytes.length ? r.value : { _tag: "CborRefusal", reason: "trailing bytes after the item" }
}

/** Whether a result is a refusal. */
export const isRefusal = (u: unknown): u is CborRefusal =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === "CborRefusal"

/** What `encode` writes: integers, texts, byte strings, booleans, null, arrays and maps. */
export type Encodable =
  | number
  | string
  | boolean
  | null
  | Uint8Array
  | ReadonlyArray<Encodable>
  | ReadonlyMap<number | string, Encodable>

const head = (major: number, n: number): Array<number> => {
  const m = major << 5
  if (n < 24) return [m | n]
  if (n < 0x100) return [m | 24, n]
  if (n < 0x10000) return [m | 25, n >> 8, n & 0xff]
  if (n < 0x100000000) return [m | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
  return [m | 27, ...bytes32(Math.floor(n / 0x100000000)), ...bytes32(n >>> 0)]
}

const bytes32 = (n: number): Array<number> => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]

const write = (value: Encodable, out: Array<number>): void => {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new RangeError("only safe integers are encoded")
    out.push(...(value >= 0 ? head(0, value) : head(1, -1 - value)))
  } else if (typeof value === "string") {
    const b = new TextEncoder().encode(value)
    out.push(...head(3, b.length), ...b)
  } else if (typeof value === "boolean") {
    out.push(value ? 0xf5 : 0xf4)
  } else if (value === null) {
    out.push(0xf6)
  } else if (value instanceof Uint8Array) {
    out.push(...head(2, value.length), ...value)
  } else if (Array.isArray(value)) {
    out.push(...head(4, value.length))
    for (const v of value as ReadonlyArray<Encodable>) write(v, out)
  } else {
    const map = value as ReadonlyMap<number | string, Encodable>
    out.push(...head(5, map.size))
    for (const [k, v] of map) {
      write(k, out)
      write(v, out)
    }
  }
}

/** Encodes a value (definite lengths, keys in the map's order). */
export const encode = (value: Encodable): Uint8Array => {
  const out: Array<number> = []
  write(value, out)
  return Uint8Array.from(out)
}
