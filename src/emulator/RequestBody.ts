/**
 * Reading a request body in the emulator: bounded by the server's body size
 * limit (413 with a JSON body, also for a chunked body, which is drained so
 * that the answer can be written), then parsed as JSON with `null` read as
 * absent (400 for malformed JSON). Two steps, so that the request log keeps
 * the text as it was sent.
 *
 * @since 0.2.0
 */
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { Codes, stripNulls, WireError } from "./Wire.js"

/**
 * The 413 answer of a body over `max` bytes.
 *
 * @since 0.2.0
 * @category errors
 */
export const tooLarge = (max: number) =>
  new WireError({
    status: 413,
    errorCode: Codes.BadRequest,
    errorDescription: "Request body too large",
    errorMessage: `the request body exceeds ${max} bytes`,
    headers: { connection: "close" }
  })

/** Whether a body read failed on the size limit (the node server's reader stops at `MaxBodySize`). */
const isOverLimit = (e: unknown): boolean =>
  typeof e === "object" && e !== null && "cause" in e && e.cause instanceof Error &&
  e.cause.message === "maxBytes exceeded"

/** The UTF-8 size of a text is over `max` (exact only when it must be). */
const utf8Over = (text: string, max: number): boolean =>
  text.length > max ? true : text.length * 3 <= max ? false : new TextEncoder().encode(text).length > max

const unreadable = () =>
  new WireError({
    status: 400,
    errorCode: Codes.BadRequest,
    errorDescription: "Bad request",
    errorMessage: "unreadable body"
  })

/**
 * A body sent without `Content-Length` (chunked): read to its end, keeping at
 * most `max` bytes, so that an answer (413) can still be written on the
 * connection; a body far over the limit is cut off (the connection closes).
 */
const readChunked = (req: HttpServerRequest.HttpServerRequest, max: number): Effect.Effect<string, WireError> => {
  const drainLimit = Math.max(max * 16, 16 * 1024 * 1024)
  const acc = { size: 0, chunks: [] as Array<Uint8Array> }
  return req.stream.pipe(
    Stream.takeWhile(() => acc.size <= drainLimit),
    Stream.runForEach((chunk) =>
      Effect.sync(() => {
        acc.size += chunk.length
        if (acc.size <= max) acc.chunks.push(chunk)
      })
    ),
    Effect.mapError(unreadable),
    Effect.flatMap(() => {
      if (acc.size > max) return Effect.fail(tooLarge(max))
      const bytes = new Uint8Array(acc.size)
      let at = 0
      for (const c of acc.chunks) {
        bytes.set(c, at)
        at += c.length
      }
      return Effect.succeed(new TextDecoder().decode(bytes))
    })
  )
}

/**
 * The text of a request body, within the size limit.
 *
 * @since 0.2.0
 * @category parsing
 */
export const readText = (
  req: HttpServerRequest.HttpServerRequest
): Effect.Effect<string, WireError> =>
  Effect.flatMap(HttpIncomingMessage.MaxBodySize, (limit) => {
    const max = Option.isSome(limit) ? Number(limit.value) : undefined
    if (
      max !== undefined && req.headers["content-length"] === undefined && req.headers["transfer-encoding"] !== undefined
    ) {
      return readChunked(req, max)
    }
    return req.text.pipe(
      Effect.mapError((e) => max !== undefined && isOverLimit(e) ? tooLarge(max) : unreadable()),
      Effect.flatMap((text) =>
        max !== undefined && utf8Over(text, max) ? Effect.fail(tooLarge(max)) : Effect.succeed(text)
      )
    )
  })

/**
 * The JSON of a request body's text (`undefined` when empty), `null` read as absent.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parseJson = (text: string): Effect.Effect<unknown, WireError> => {
  if (text.trim() === "") return Effect.succeed(undefined)
  try {
    return Effect.succeed(stripNulls(JSON.parse(text)))
  } catch {
    return Effect.fail(
      new WireError({
        status: 400,
        errorCode: Codes.BadRequest,
        errorDescription: "Bad request",
        errorMessage: "malformed JSON body"
      })
    )
  }
}
