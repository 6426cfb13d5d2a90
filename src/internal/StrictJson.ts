/**
 * Strict (I-JSON, RFC 7493) reading of the JSON objects in a compact JWS: the
 * base64url segment must decode to valid UTF-8 (a fatal decoder, never a
 * lenient one that would turn bad bytes into U+FFFD), the text must be a JSON
 * object, and no object in it, however nested, may name a member twice, also
 * when one spelling uses a JSON escape (`"\u0061lg"` is `"alg"`).
 *
 * Cheap by construction: the text is parsed once by `JSON.parse` (which keeps
 * the last of duplicate members, so the parsed value has fewer keys than the
 * text has member names exactly when a name repeats). The member names of the
 * text are the colons outside strings; they are counted, from the cheapest
 * check to the dearest:
 *
 * 1. every colon of the text (a native `indexOf` loop): when there are as many
 *    as parsed keys, no string holds a colon and no name repeats;
 * 2. without any backslash in the text (so no escapes), the colons of the
 *    text minus those of the parsed names and strings (a dropped duplicate's
 *    colons are not among the latter, so any repeat still shows);
 * 3. else a scan of the raw text that skips strings, escapes included.
 *
 * No per-object set of names is ever built.
 *
 * @internal
 */

/** Why a segment was refused. */
export type Refusal = "encoding" | "json" | "duplicate"

const fatalDecoder: TextDecoder | undefined = typeof TextDecoder === "function"
  ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })
  : undefined

const bytesOf: (segment: string) => Uint8Array = typeof Buffer === "function"
  ? (segment) => Buffer.from(segment, "base64url")
  : (segment) => {
    const b64 = segment.replace(/-/g, "+").replace(/_/g, "/")
    const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4))
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  }

/**
 * The UTF-8 text of a base64url segment (already checked to be base64url), or
 * `undefined` when its bytes are not valid UTF-8. A leading byte order mark is
 * kept (and then refused by the JSON parser).
 */
export const decodeSegment = (segment: string): string | undefined => {
  const bytes = bytesOf(segment)
  if (fatalDecoder === undefined) return undefined
  try {
    return fatalDecoder.decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * How many member names the JSON text holds: every string followed (after
 * optional whitespace) by a colon. `text` must be valid JSON: outside strings
 * a quote always opens one, and inside a string a quote preceded by an odd
 * number of backslashes is escaped.
 */
const countMemberNames = (text: string): number => {
  let count = 0
  let open = text.indexOf("\"")
  while (open !== -1) {
    let close = open + 1
    for (;;) {
      close = text.indexOf("\"", close)
      if (close === -1) return count
      let backslashes = 0
      for (let b = close - 1; text.charCodeAt(b) === 92; b--) backslashes++
      if ((backslashes & 1) === 0) break
      close++
    }
    let next = close + 1
    let c = text.charCodeAt(next)
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++next)
    if (c === 58) count++
    open = text.indexOf("\"", next)
  }
  return count
}

/** How many times `char` occurs in `text`. */
const countChar = (text: string, char: string): number => {
  let count = 0
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++
  return count
}

/** How many colons the keys and the string values of a parsed JSON value hold, at every depth. */
const colonsInStrings = (root: Record<string, unknown>): number => {
  let count = 0
  const stack: Array<unknown> = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value === "string") {
      if (value.indexOf(":") !== -1) count += countChar(value, ":")
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push(value[i])
    } else if (typeof value === "object" && value !== null) {
      const object = value as Record<string, unknown>
      for (const key in object) {
        if (key.indexOf(":") !== -1) count += countChar(key, ":")
        stack.push(object[key])
      }
    }
  }
  return count
}

/** How many keys the objects of a parsed JSON value hold, at every depth (iterative: no deep recursion). */
const countKeys = (root: Record<string, unknown>): number => {
  let count = 0
  const stack: Array<unknown> = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i]
        if (typeof item === "object" && item !== null) stack.push(item)
      }
    } else {
      const object = value as Record<string, unknown>
      for (const key in object) {
        count++
        const item = object[key]
        if (typeof item === "object" && item !== null) stack.push(item)
      }
    }
  }
  return count
}

/**
 * Parses the JSON object of a base64url segment strictly; a {@link Refusal}
 * when the bytes are not UTF-8, the text is not a JSON object, or a member
 * name repeats in some object.
 */
export const parseObjectSegment = (segment: string): Record<string, unknown> | Refusal => {
  const text = decodeSegment(segment)
  if (text === undefined) return "encoding"
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return "json"
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "json"
  const object = value as Record<string, unknown>
  const keys = countKeys(object)
  const colons = countChar(text, ":")
  if (colons === keys) return object
  if (text.indexOf("\\") === -1) return colons - colonsInStrings(object) === keys ? object : "duplicate"
  return countMemberNames(text) === keys ? object : "duplicate"
}
