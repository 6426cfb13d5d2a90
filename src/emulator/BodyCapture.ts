/**
 * The bodies of the request log: what a request keeps of its request and
 * response bodies while it is handled ({@link capture}: at most
 * {@link MAX_BODY_BYTES} bytes, by reference when the body is that small, so
 * nothing is copied or parsed on the way), and what the inspector shows of
 * them when it reads the log ({@link view}: the JSON they hold, redacted by
 * `Redaction`; only the size of a body that is not JSON).
 *
 * @since 0.2.0
 */
import type { CapturedBody, RedactedBody } from "./Handler.js"
import * as JsonPrefix from "./JsonPrefix.js"
import * as Redaction from "./Redaction.js"

/**
 * How many bytes of a body the log keeps: a longer body keeps its first
 * `MAX_BODY_BYTES` bytes and its size, and shows what they hold.
 *
 * @since 0.2.0
 * @category constants
 */
export const MAX_BODY_BYTES = 4096

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * What the log keeps of a body: `undefined` for an empty one.
 *
 * @since 0.2.0
 * @category constructors
 */
export const capture = (body: string | Uint8Array): CapturedBody | undefined => {
  if (body.length === 0) return undefined
  if (typeof body === "string") {
    // a UTF-16 code unit is at most 3 UTF-8 bytes: most bodies are kept without encoding them
    if (body.length * 3 <= MAX_BODY_BYTES) return { kept: body }
    const bytes = encoder.encode(body)
    return bytes.length <= MAX_BODY_BYTES
      ? { kept: body }
      : { kept: bytes.slice(0, MAX_BODY_BYTES), bytes: bytes.length }
  }
  return body.length <= MAX_BODY_BYTES ? { kept: body } : { kept: body.slice(0, MAX_BODY_BYTES), bytes: body.length }
}

/**
 * What the inspector shows of a kept body: its size, whether it was cut, and
 * the JSON it holds, redacted (none when it is not JSON).
 *
 * @since 0.2.0
 * @category rendering
 */
export const view = (body: CapturedBody): RedactedBody => {
  const text = typeof body.kept === "string" ? body.kept : decoder.decode(body.kept)
  const truncated = body.bytes !== undefined
  const bytes = body.bytes ?? (typeof body.kept === "string" ? encoder.encode(body.kept).length : body.kept.length)
  const parsed = truncated ? JsonPrefix.parsePrefix(text) : parseWhole(text)
  return parsed === undefined ? { bytes, truncated } : { bytes, truncated, json: Redaction.redact(parsed.value) }
}

const parseWhole = (text: string): { readonly value: unknown } | undefined => {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return undefined
  }
}
