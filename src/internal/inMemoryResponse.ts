/**
 * An `HttpClientResponse` over an `HttpServerResponse` whose body is already
 * in memory (the in-process emulator's JSON answers): `text` and `json` read
 * the bytes directly, with no web `Response`, no stream and no promise. Every
 * other member (cookies, stream, form data, array buffer) goes through the
 * web `Response` that `HttpServerResponse.toWeb` makes, built on first use,
 * so the answer is the same as `HttpClientResponse.fromWeb` gives.
 *
 * @since 0.2.0
 */
import * as Cookies from "@effect/platform/Cookies"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as HttpIncomingMessage from "@effect/platform/HttpIncomingMessage"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as UrlParams from "@effect/platform/UrlParams"
import * as Effect from "effect/Effect"
import * as Inspectable from "effect/Inspectable"
import * as Option from "effect/Option"

const decoder = new TextDecoder()

class InMemoryResponse extends Inspectable.Class implements HttpClientResponse.HttpClientResponse {
  readonly [HttpClientResponse.TypeId]: HttpClientResponse.TypeId = HttpClientResponse.TypeId
  readonly [HttpIncomingMessage.TypeId]: HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  private web: HttpClientResponse.HttpClientResponse | undefined
  private decoded: string | undefined

  constructor(
    readonly request: HttpClientRequest.HttpClientRequest,
    private readonly source: HttpServerResponse.HttpServerResponse,
    private readonly bytes: Uint8Array
  ) {
    super()
  }

  /** The same answer as a web `Response`, for the members that need one. */
  private get viaWeb(): HttpClientResponse.HttpClientResponse {
    return this.web ??= HttpClientResponse.fromWeb(this.request, HttpServerResponse.toWeb(this.source))
  }
  get status() {
    return this.source.status
  }
  get headers() {
    // what `toWeb` sends: the response's own headers, plus `set-cookie` lines when it sets cookies
    return Cookies.isEmpty(this.source.cookies) ? this.source.headers : this.viaWeb.headers
  }
  get cookies() {
    return this.viaWeb.cookies
  }
  get remoteAddress() {
    return Option.none<string>()
  }
  get stream() {
    return this.viaWeb.stream
  }
  get formData() {
    return this.viaWeb.formData
  }
  get arrayBuffer() {
    return this.viaWeb.arrayBuffer
  }
  get text(): Effect.Effect<string, HttpClientError.ResponseError> {
    return Effect.sync(() => this.decoded ??= decoder.decode(this.bytes))
  }
  get json(): Effect.Effect<unknown, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => (text === "" ? null : JSON.parse(text)),
        catch: (cause) =>
          new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
      }))
  }
  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpClientError.ResponseError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({
        try: () => UrlParams.fromInput(new URLSearchParams(text)),
        catch: (cause) =>
          new HttpClientError.ResponseError({ request: this.request, response: this, reason: "Decode", cause })
      }))
  }
  toJSON(): unknown {
    return { _id: "@effect/platform/HttpClientResponse", request: this.request.toJSON(), status: this.status }
  }
}

/**
 * The client's view of a server answer: read in memory when its body is
 * bytes, through a web `Response` otherwise.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromServerResponse = (
  request: HttpClientRequest.HttpClientRequest,
  response: HttpServerResponse.HttpServerResponse
): HttpClientResponse.HttpClientResponse =>
  response.body._tag === "Uint8Array"
    ? new InMemoryResponse(request, response, response.body.body)
    : HttpClientResponse.fromWeb(request, HttpServerResponse.toWeb(response))
