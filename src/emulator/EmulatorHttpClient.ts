/**
 * The in-process door: an `HttpClient` routed straight into the emulator's
 * application, with no socket. Any base URL works (e.g.
 * `http://emulator.local`); the request never leaves the process, and it runs
 * in the caller's fiber, so `TestClock` governs injected latency too, and an
 * interrupted request (a timed-out attempt) stops the handler at once, with
 * no race fiber per request. JSON answers are read in memory (no web
 * `Response` in between): a `mgmt.user.load` round trip costs about 130 µs
 * here, of which the emulator's application is about 60.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { fromServerResponse } from "../internal/inMemoryResponse.js"
import { Emulator, type Service } from "./Emulator.js"
import { DROP_HEADER } from "./Faults.js"

/**
 * An `HttpClient` answering every request with the emulator's application.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (emulator: Service): HttpClient.HttpClient =>
  HttpClient.make((request, url, signal) =>
    Effect.gen(function*() {
      if (signal.aborted) {
        return yield* Effect.fail(
          new HttpClientError.RequestError({ request, reason: "Transport", description: "the request was aborted" })
        )
      }
      const body = request.body
      const payload: BodyInit | undefined = body._tag === "Uint8Array"
        ? new Uint8Array(body.body)
        : body._tag === "Raw"
        ? (body.body as BodyInit)
        : body._tag === "FormData"
        ? body.formData
        : undefined
      if (body._tag === "Stream") {
        return yield* Effect.fail(
          new HttpClientError.RequestError({
            request,
            reason: "Encode",
            description: "stream bodies are not supported in-process"
          })
        )
      }
      const headers = new Headers(request.headers)
      if (
        (body._tag === "Uint8Array" || body._tag === "Raw") && body.contentType !== undefined &&
        !headers.has("content-type")
      ) {
        headers.set("content-type", body.contentType)
      }
      const web = new Request(url.toString(), {
        method: request.method,
        headers,
        ...(payload !== undefined && request.method !== "GET" && request.method !== "HEAD" ? { body: payload } : {})
      })
      const response = yield* Effect.provideService(
        emulator.app,
        HttpServerRequest.HttpServerRequest,
        HttpServerRequest.fromWeb(web)
      )
      if (response.headers[DROP_HEADER] !== undefined) {
        return yield* Effect.fail(
          new HttpClientError.RequestError({
            request,
            reason: "Transport",
            description: "connection dropped by the emulator (injected fault)"
          })
        )
      }
      return fromServerResponse(request, response)
    })
  )

/**
 * The in-process `HttpClient` as a layer over the `Emulator`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient, never, Emulator> = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(Emulator, make)
)
