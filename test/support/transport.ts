/**
 * The transport over a mock Descope (`MockHttpClient`), for the tests of what
 * `DescopeHttp` sends, how it decodes answers and how it maps, retries and
 * bounds failures.
 */
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as DescopeConfig from "../../src/core/DescopeConfig.js"
import * as DescopeHttp from "../../src/core/DescopeHttp.js"
import * as MockHttpClient from "../../src/layers/MockHttpClient.js"

const transport = (options: DescopeConfig.Options, handler: MockHttpClient.Handler) =>
  DescopeHttp.layer.pipe(
    Layer.provide(DescopeConfig.layer(options)),
    Layer.provideMerge(MockHttpClient.layer(handler))
  )

/** The answer schema of the calls under test. */
export const Ok = Schema.Struct({ ok: Schema.Boolean })

/** A handler answering `{ ok: true }`. */
export const ok = () => MockHttpClient.json({ ok: true })

/** Runs `f` with the transport and the recorder over a mock answering with `handler`. */
export const withTransport = <A, E>(
  options: DescopeConfig.Options,
  handler: MockHttpClient.Handler,
  f: (http: DescopeHttp.Service, recorder: MockHttpClient.Recorder) => Effect.Effect<A, E>
) =>
  Effect.gen(function*() {
    const http = yield* DescopeHttp.DescopeHttp
    const recorder = yield* MockHttpClient.MockHttpRecorder
    return yield* f(http, recorder)
  }).pipe(Effect.provide(transport(options, handler)))

/** The one request sent (fails the test when there were none or several). */
export const onlyRequest = (recorder: MockHttpClient.Recorder) =>
  Effect.map(recorder.requests, (requests) => {
    assert.strictEqual(requests.length, 1)
    const request = requests[0]
    if (request === undefined) throw new Error("no request")
    return request
  })
