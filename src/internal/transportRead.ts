/**
 * How the transport reads what came back: Descope's error bodies, a request
 * error's cause without the request (its headers hold secrets), a parse
 * error named by field (never by value: a response may hold tokens), and the
 * lazily read response whose renderings show the status and body alone.
 *
 * @internal
 */
import type * as Cookies from "@effect/platform/Cookies"
import * as Headers from "@effect/platform/Headers"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Stream from "effect/Stream"
import type * as DescopeHttp from "../core/DescopeHttp.js"

interface ErrorBody {
  readonly errorCode?: string
  readonly errorDescription?: string
  readonly errorMessage?: string
}

const str = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined)

export const parseErrorBody = (text: string): ErrorBody => {
  try {
    const json: unknown = JSON.parse(text)
    if (typeof json !== "object" || json === null) return {}
    const o = json as Record<string, unknown>
    const body: { -readonly [K in keyof ErrorBody]: ErrorBody[K] } = {}
    const code = str(o.errorCode)
    const description = str(o.errorDescription)
    const message = str(o.errorMessage)
    if (code !== undefined) body.errorCode = code
    if (description !== undefined) body.errorDescription = description
    if (message !== undefined) body.errorMessage = message
    return body
  } catch {
    return {}
  }
}

const causeChain = (u: unknown): Array<unknown> => {
  const chain: Array<unknown> = []
  let current = u
  for (let i = 0; i < 6 && current !== undefined && current !== null; i++) {
    chain.push(current)
    current = typeof current === "object" && "cause" in current ? (current as { cause: unknown }).cause : undefined
  }
  return chain
}

export const errorCodeOf = (u: unknown): string | undefined => {
  for (const c of causeChain(u)) {
    if (typeof c === "object" && c !== null && typeof (c as { code?: unknown }).code === "string") {
      return (c as { code: string }).code
    }
  }
  return undefined
}

/** The innermost cause of a request error, never the request itself (its headers hold secrets). */
export const safeCause = (e: HttpClientError.RequestError): unknown => {
  const chain = causeChain(e.cause)
  const last = chain[chain.length - 1]
  if (last instanceof Error) {
    const copy = new Error(last.message)
    copy.name = last.name
    const code = errorCodeOf(e.cause)
    if (code !== undefined) (copy as Error & { code?: string }).code = code
    return copy
  }
  return undefined
}

/** The kind of a JSON value, never the value itself (a response may hold tokens). */
const kindOf = (u: unknown): string =>
  u === null ? "null" : Array.isArray(u) ? "an array" : typeof u === "object" ? "an object" : `a ${typeof u}`

const valueAt = (json: unknown, path: ReadonlyArray<PropertyKey>): unknown => {
  let current = json
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/**
 * Names each failing field; the offending value is described by its kind only,
 * since Schema's messages print it (`actual "eyJ..."`) and it may be a token.
 */
export const formatParseError = (error: ParseResult.ParseError, json: unknown): string => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  return issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length === 0 ? "(body)" : issue.path.map(String).join(".")
      const message = issue.message.replace(/, actual [\s\S]*$/, `, actual ${kindOf(valueAt(json, issue.path))}`)
      return `field "${field}": ${message}`
    })
    .join("; ")
}

/** The first failing field of a parse error (`a.b.0`), or `request` for the whole value. */
export const fieldOf = (error: ParseResult.ParseError): string => {
  const first = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  return first === undefined || first.path.length === 0 ? "request" : first.path.map(String).join(".")
}

/**
 * A decoded response whose headers and cookies are read from the client's
 * response only when asked for (most calls need the body alone), once. Its
 * renderings (`String`, `util.inspect`, `JSON.stringify`: what a tracer, a
 * logger or an exporter does with a span's exit) show the status and the
 * decoded body alone, never the headers or cookies (a `Set-Cookie: DSR=...`
 * in clear); the body's tokens are `Redacted` by their schemas.
 */
class LazyResponse<A> implements DescopeHttp.Response<A> {
  readonly #response: HttpClientResponse.HttpClientResponse
  #headers: Headers.Headers | undefined
  constructor(readonly body: A, readonly status: number, response: HttpClientResponse.HttpClientResponse) {
    this.#response = response
  }
  get headers(): Headers.Headers {
    return this.#headers ??= this.#response.headers
  }
  get cookies(): Cookies.Cookies {
    return this.#response.cookies
  }
  toJSON(): unknown {
    return { status: this.status, body: Inspectable.toJSON(this.body) }
  }
  toString(): string {
    return Inspectable.format(this.toJSON())
  }
  [Inspectable.NodeInspectSymbol](): unknown {
    return this.toJSON()
  }
}

export const responseOf = <A>(body: A, response: HttpClientResponse.HttpClientResponse): DescopeHttp.Response<A> =>
  new LazyResponse(body, response.status, response)

/**
 * A read of a body as text that stops at a byte cap: its outcome (the text,
 * or `undefined` past the cap, the rest left unread) and how to abandon it.
 */
export interface CappedRead {
  readonly promise: Promise<string | undefined>
  readonly cancel: () => void
}

/**
 * The key of a response's own capped reader (our undici client's responses
 * have one): cheaper than folding the response's `Stream`, which costs far
 * more than the read itself for a one-chunk JSON body.
 */
export const CappedText: unique symbol = Symbol.for("descope-effect/internal/CappedText")

interface CappedTextSource {
  readonly [CappedText]: (cap: number) => CappedRead
}

const utf8 = new TextDecoder()

const decodeChunks = (chunks: ReadonlyArray<Uint8Array>, size: number): string =>
  chunks.length === 0 ? "" : utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size))

/** Reads a web body up to `cap` bytes; past the cap the body is cancelled (its connection released). */
const readWebBody = (body: ReadableStream<Uint8Array>, cap: number): CappedRead => {
  const reader = body.getReader()
  const chunks: Array<Uint8Array> = []
  let size = 0
  const promise = (async (): Promise<string | undefined> => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return decodeChunks(chunks, size)
      size += value.byteLength
      if (size > cap) {
        reader.cancel().catch(() => undefined)
        return undefined
      }
      chunks.push(value)
    }
  })()
  return { promise, cancel: () => void reader.cancel().catch(() => undefined) }
}

/**
 * The capped reader of a response, when it has a cheap one: its own
 * ({@link CappedText}), or the web `Response` a fetch-based client's response
 * wraps. `undefined` for any other client (the caller reads its `Stream`).
 * Both rest on how `@effect/platform` builds its responses (the `original`
 * of its interruptible wrapper, the `source` of a web response): a test pins
 * that FetchHttpClient's and UndiciHttpClient's responses are read this way,
 * and any other shape falls back to the `Stream`, correct and slower.
 * `lengthFits` (a declared, uncompressed length within the cap): a client's
 * own reader is not needed then, its `text` is bounded already (and undici's
 * is cheaper than ours); a web body still is, the platform's `text` costing
 * more than the read itself.
 */
export const cappedReaderOf = (
  outer: HttpClientResponse.HttpClientResponse,
  lengthFits = false
): ((cap: number) => CappedRead) | undefined => {
  // the platform's HttpClient hands out its clients' responses wrapped (to abort the request when a read is
  // interrupted); the wrapped response is the client's own. Reading around the wrapper, our reader is cancelled
  // on interruption instead (the transport's canceler).
  const original = (outer as { readonly original?: unknown }).original
  const response = typeof original === "object" && original !== null && HttpClientResponse.TypeId in original
    ? original as HttpClientResponse.HttpClientResponse
    : outer
  if (CappedText in response) {
    // undici's own text() is cheaper than our reader when the declared length already bounds the read
    if (lengthFits) return undefined
    const own = response as unknown as CappedTextSource
    return (cap) => own[CappedText](cap)
  }
  const source = (response as { readonly source?: unknown }).source
  if (typeof Response === "function" && source instanceof Response && !source.bodyUsed) {
    return (cap) =>
      source.body === null ? { promise: Promise.resolve(""), cancel: () => undefined } : readWebBody(source.body, cap)
  }
  return undefined
}

/** Reads a Node body (a `Readable` of `Buffer`s) up to `cap` bytes; past the cap it is destroyed. */
export const readNodeBody = (
  body: NodeJS.ReadableStream & { destroy: (error?: Error) => unknown },
  cap: number
): CappedRead => {
  const chunks: Array<Uint8Array> = []
  let size = 0
  let settle: (() => void) | undefined
  const promise = new Promise<string | undefined>((resolve, reject) => {
    const cleanup = () => {
      body.removeListener("data", onData)
      body.removeListener("end", onEnd)
      body.removeListener("error", onError)
    }
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk
      size += bytes.byteLength
      if (size > cap) {
        cleanup()
        body.destroy()
        resolve(undefined)
        return
      }
      chunks.push(bytes)
    }
    const onEnd = () => {
      cleanup()
      resolve(decodeChunks(chunks, size))
    }
    const onError = (error: unknown) => {
      cleanup()
      reject(error)
    }
    settle = cleanup
    body.on("data", onData)
    body.on("end", onEnd)
    body.on("error", onError)
  })
  return {
    promise,
    cancel: () => {
      settle?.()
      body.destroy()
    }
  }
}

/** Whether a body is content-encoded (its declared length is not the length read). */
const encoded = (response: HttpClientResponse.HttpClientResponse): boolean => {
  const encoding = Option.getOrUndefined(Headers.get(response.headers, "content-encoding"))
  return encoding !== undefined && encoding !== "" && encoding.toLowerCase() !== "identity"
}

/**
 * A response body as text, read only up to `cap` bytes: a declared length
 * above it is refused unread (the stream cancelled at once, which releases
 * the connection); otherwise the body is read by bytes up to the cap whatever
 * it declares (a compressed body declares its compressed length): by a capped
 * reader when the response has a cheap one (see {@link cappedReaderOf}), else
 * by its `text` (a declared length that fits) or its `Stream`.
 */
export const readBody = <E>(
  response: HttpClientResponse.HttpClientResponse,
  cap: number,
  errors: { readonly tooLarge: () => E; readonly readFailed: () => E }
): Effect.Effect<string, E> => {
  const length = Option.getOrUndefined(Headers.get(response.headers, "content-length"))
  const declared = length === undefined ? undefined : Number(length)
  if (response.status === 204 || response.status === 205 || response.status === 304) return Effect.succeed("")
  if (declared !== undefined && Number.isFinite(declared) && declared > cap) {
    return Effect.zipRight(
      Effect.ignore(Stream.runDrain(Stream.take(response.stream, 1))),
      Effect.fail(errors.tooLarge())
    )
  }
  const lengthFits = declared !== undefined && Number.isFinite(declared) && !encoded(response)
  const capped = cappedReaderOf(response, lengthFits)
  if (capped !== undefined) {
    return Effect.async<string, E>((resume) => {
      const read = capped(cap)
      read.promise.then(
        (text) => resume(text === undefined ? Effect.fail(errors.tooLarge()) : Effect.succeed(text)),
        () => resume(Effect.fail(errors.readFailed()))
      )
      return Effect.sync(read.cancel)
    })
  }
  if (lengthFits) return Effect.mapError(response.text, errors.readFailed)
  const tooLarge = Symbol()
  return Stream.runFoldEffect(
    response.stream,
    { chunks: [] as Array<Uint8Array>, size: 0 },
    (acc, chunk) => {
      acc.size += chunk.length
      if (acc.size > cap) return Effect.fail(tooLarge)
      acc.chunks.push(chunk)
      return Effect.succeed(acc)
    }
  ).pipe(
    Effect.mapError((e) => (e === tooLarge ? errors.tooLarge() : errors.readFailed())),
    Effect.map((acc) => decodeChunks(acc.chunks, acc.size))
  )
}
