/**
 * A recording mock `HttpClient` for tests: every request is recorded (method,
 * URL, headers, JSON body) and answered by a handler. Exported for users' own
 * tests too.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { interruptOnAbort } from "../core/DescopeHttp.js"

/**
 * One recorded request.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordedRequest {
  readonly method: string
  /** The full URL, query included. */
  readonly url: string
  /** The path, without the query. */
  readonly path: string
  /** The query parameters, decoded. */
  readonly query: Readonly<Record<string, string>>
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>
  /** The raw body text, when one was sent. */
  readonly bodyText: string | undefined
  /** The body parsed as JSON, when it is JSON. */
  readonly body: unknown
}

/**
 * What a handler returns: a web `Response`, or an Effect of one (e.g. one that
 * never completes, to test timeouts), or a `"network-error"` to simulate a
 * refused connection.
 *
 * @since 0.1.0
 * @category models
 */
export type MockAnswer = Response | "network-error"

/**
 * A handler answering recorded requests.
 *
 * @since 0.1.0
 * @category models
 */
export type Handler = (request: RecordedRequest) => MockAnswer | Promise<MockAnswer> | Effect.Effect<MockAnswer>

/**
 * Access to the recorded requests.
 *
 * @since 0.1.0
 * @category models
 */
export interface Recorder {
  /** Every request so far, oldest first. */
  readonly requests: Effect.Effect<ReadonlyArray<RecordedRequest>>
  /** The last request, if any. */
  readonly last: Effect.Effect<RecordedRequest | undefined>
  /** Forgets the recorded requests. */
  readonly clear: Effect.Effect<void>
}

/**
 * The recorder service provided next to the mock `HttpClient`.
 *
 * @since 0.1.0
 * @category tags
 */
export class MockHttpRecorder extends Context.Tag("descope-effect/MockHttpRecorder")<MockHttpRecorder, Recorder>() {}

/**
 * A JSON `Response` (status 200 by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const json = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response =>
  new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", ...init.headers }
  })

/**
 * A mock `HttpClient` layer answering with `handler`, plus the `MockHttpRecorder`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (handler: Handler): Layer.Layer<HttpClient.HttpClient | MockHttpRecorder> =>
  Layer.effectContext(Effect.sync(() => {
    const recorded: Array<RecordedRequest> = []
    const client = HttpClient.make((request, url, signal) =>
      Effect.gen(function*() {
        let bodyText: string | undefined
        if (request.body._tag === "Uint8Array") bodyText = new TextDecoder().decode(request.body.body)
        else if (request.body._tag === "Raw" && typeof request.body.body === "string") bodyText = request.body.body
        let body: unknown = undefined
        if (bodyText !== undefined) {
          try {
            body = JSON.parse(bodyText)
          } catch {
            body = undefined
          }
        }
        const query: Record<string, string> = {}
        url.searchParams.forEach((value, key) => {
          query[key] = value
        })
        const headers: Record<string, string> = {}
        for (const [key, value] of Object.entries(request.headers)) headers[key.toLowerCase()] = value
        if (bodyText !== undefined && request.body._tag === "Uint8Array" && headers["content-type"] === undefined) {
          headers["content-type"] = request.body.contentType
        }
        const recordedRequest: RecordedRequest = {
          method: request.method,
          url: url.toString(),
          path: url.pathname,
          query,
          headers,
          bodyText,
          body
        }
        recorded.push(recordedRequest)
        const out = handler(recordedRequest)
        const answer: MockAnswer = Effect.isEffect(out)
          ? yield* out
          : out instanceof Promise
          ? yield* Effect.promise(() => out)
          : out
        if (answer === "network-error") {
          const cause = Object.assign(new TypeError("fetch failed"), {
            cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })
          })
          return yield* Effect.fail(new HttpClientError.RequestError({ request, reason: "Transport", cause }))
        }
        // a clone, so that a handler may answer every request with the same `Response`
        return HttpClientResponse.fromWeb(request, answer.bodyUsed ? answer : answer.clone())
      }).pipe(interruptOnAbort(request, signal))
    )
    const recorder: Recorder = {
      requests: Effect.sync(() => [...recorded]),
      last: Effect.sync(() => recorded[recorded.length - 1]),
      clear: Effect.sync(() => {
        recorded.length = 0
      })
    }
    return Context.make(HttpClient.HttpClient, client).pipe(Context.add(MockHttpRecorder, recorder))
  }))
