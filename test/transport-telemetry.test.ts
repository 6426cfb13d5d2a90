// What the transport's telemetry carries: in every outcome (success, refresh cookie, 401, 429, 503, refused,
// timeout, undecodable answer) no management key, auth management key or refresh token in any span, log line
// or rendering of an error, even when the application cleared Headers.currentRedactedNames; and the
// `descope.*` span's project id, method, path, status and error code.
import * as Headers from "@effect/platform/Headers"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Inspectable from "effect/Inspectable"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"

const MANAGEMENT_KEY = "MGMT-SECRET-KEY-123"
const AUTH_MANAGEMENT_KEY = "AUTH-MGMT-SECRET-456"
const REFRESH_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJSRUZSRVNILVNFQ1JFVCJ9.UkVGUkVTSC1TSUc"
const SECRETS = [MANAGEMENT_KEY, AUTH_MANAGEMENT_KEY, REFRESH_TOKEN]

class CapturedSpan implements Tracer.Span {
  readonly _tag = "Span"
  readonly spanId: string
  readonly traceId = "trace-1"
  readonly sampled = true
  status: Tracer.SpanStatus
  readonly attributes = new Map<string, unknown>()
  readonly events: Array<{ readonly name: string; readonly attributes: Record<string, unknown> }> = []
  readonly links: Array<Tracer.SpanLink>
  exit: Exit.Exit<unknown, unknown> | undefined = undefined

  constructor(
    readonly name: string,
    readonly parent: Option.Option<Tracer.AnySpan>,
    readonly context: Context.Context<never>,
    links: ReadonlyArray<Tracer.SpanLink>,
    readonly startTime: bigint,
    readonly kind: Tracer.SpanKind,
    index: number
  ) {
    this.spanId = `span-${index}`
    this.status = { _tag: "Started", startTime }
    this.links = [...links]
  }
  end(endTime: bigint, exit: Exit.Exit<unknown, unknown>): void {
    this.status = { _tag: "Ended", startTime: this.startTime, endTime, exit }
    this.exit = exit
  }
  attribute(key: string, value: unknown): void {
    this.attributes.set(key, value)
  }
  event(name: string, _startTime: bigint, attributes?: Record<string, unknown>): void {
    this.events.push({ name, attributes: attributes ?? {} })
  }
  addLinks(links: ReadonlyArray<Tracer.SpanLink>): void {
    this.links.push(...links)
  }
}

/** Everything observable: span names, attributes, events and exits, and log lines. */
const capture = () => {
  const spans: Array<CapturedSpan> = []
  const lines: Array<string> = []
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      const span = new CapturedSpan(name, parent, context, links, startTime, kind, spans.length)
      spans.push(span)
      return span
    },
    context: (f) => f()
  })
  const logger = Logger.make((options) => {
    lines.push(Logger.logfmtLogger.log(options))
    lines.push(Logger.stringLogger.log(options))
    lines.push(Inspectable.toStringUnknown(options.message))
    lines.push(Cause.pretty(options.cause))
  })
  const observed = (): string => {
    const parts: Array<string> = [...lines]
    for (const span of spans) {
      parts.push(span.name)
      for (const [key, value] of span.attributes) parts.push(`${key}=${Inspectable.toStringUnknown(value)}`)
      for (const event of span.events) parts.push(event.name, Inspectable.toStringUnknown(event.attributes))
      if (span.exit !== undefined && Exit.isFailure(span.exit)) parts.push(Cause.pretty(span.exit.cause))
    }
    return parts.join("\n")
  }
  const instrument = <A, E, R>(self: Effect.Effect<A, E, R>) =>
    self.pipe(
      Effect.withTracer(tracer),
      Logger.withMinimumLogLevel(LogLevel.All),
      Effect.provide(Logger.add(logger))
    )
  return { spans, lines, observed, instrument }
}

const Ok = Schema.Struct({ ok: Schema.Boolean })

const transport = (handler: MockHttpClient.Handler) =>
  DescopeHttp.layer.pipe(
    Layer.provide(DescopeConfig.layer({
      projectId: "P123",
      managementKey: MANAGEMENT_KEY,
      authManagementKey: AUTH_MANAGEMENT_KEY
    })),
    Layer.provideMerge(MockHttpClient.layer(handler))
  )

const assertNoSecret = (text: string, what: string) => {
  for (const secret of SECRETS) {
    assert.notInclude(text, secret, `${what} leaks a secret`)
  }
}

/** Checks an error's every rendering. */
const assertErrorClean = (error: unknown) => {
  assert.instanceOf(error, Error)
  if (!(error instanceof Error)) return
  assertNoSecret(error.message, "message")
  assertNoSecret(String(error), "String(error)")
  assertNoSecret(JSON.stringify(error), "JSON.stringify(error)")
  assertNoSecret(Inspectable.toStringUnknown(error), "toStringUnknown(error)")
  assertNoSecret(error.stack ?? "", "stack")
  assertNoSecret(Cause.pretty(Cause.fail(error)), "Cause.pretty")
}

describe("redaction", () => {
  const scenarios: ReadonlyArray<readonly [string, MockHttpClient.Handler]> = [
    ["success", () => MockHttpClient.json({ ok: true })],
    [
      "success with a refresh cookie",
      () =>
        new Response("{\"ok\":true}", {
          status: 200,
          headers: { "set-cookie": `DSR=${REFRESH_TOKEN}; Path=/; HttpOnly` }
        })
    ],
    [
      "401",
      () =>
        MockHttpClient.json(
          { errorCode: "E062108", errorDescription: "User not found", errorMessage: "Cannot find user" },
          { status: 401, headers: { "x-request-id": "req-1" } }
        )
    ],
    ["429", () => MockHttpClient.json({ errorCode: "E130429" }, { status: 429, headers: { "retry-after": "3" } })],
    ["503", () => MockHttpClient.json({ errorCode: "E000503" }, { status: 503 })],
    ["refused", () => "network-error"],
    ["timeout", () => Effect.never],
    ["decode", () => MockHttpClient.json({ ok: "yes" })],
    ["not json", () => new Response("<html>oops</html>", { status: 200 })]
  ]

  const variants: ReadonlyArray<readonly [string, ReadonlyArray<string | RegExp> | undefined]> = [
    ["", undefined],
    [" (application cleared Headers.currentRedactedNames)", []]
  ]
  for (const [variant, redactedNames] of variants) {
    for (const [name, handler] of scenarios) {
      it.effect(`no secret in spans, logs or errors: ${name}${variant}`, () =>
        Effect.gen(function*() {
          const { instrument, observed, spans, lines } = capture()
          const program = Effect.gen(function*() {
            const http = yield* DescopeHttp.DescopeHttp
            const recorder = yield* MockHttpClient.MockHttpRecorder
            const management = http.management({
              method: "POST",
              path: "/v1/mgmt/user/load",
              body: { loginId: "a@b.c" },
              operation: "mgmt.user.load",
              schema: Ok
            })
            const auth = http.request({
              method: "POST",
              path: "/v1/auth/refresh",
              body: {},
              operation: "session.refresh",
              schema: Ok,
              credential: DescopeHttp.tokenCredential(REFRESH_TOKEN)
            })
            const run = <A, E>(self: Effect.Effect<A, E>) =>
              Effect.gen(function*() {
                const fiber = yield* Effect.fork(
                  self.pipe(
                    Effect.tapErrorCause((cause) => Effect.logError("descope call failed", cause)),
                    Effect.tap((value) => Effect.logInfo("descope call succeeded", value)),
                    Effect.exit
                  )
                )
                yield* TestClock.adjust("10 minutes")
                return yield* Fiber.join(fiber)
              })
            const exits = [yield* run(management), yield* run(auth)]
            // the secrets are on the wire (the test can fail) ...
            const authorizations = (yield* recorder.requests).map((r) => r.headers["authorization"])
            assert.include(authorizations, "Bearer P123:MGMT-SECRET-KEY-123")
            assert.include(
              authorizations,
              "Bearer P123:eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJSRUZSRVNILVNFQ1JFVCJ9.UkVGUkVTSC1TSUc:AUTH-MGMT-SECRET-456"
            )
            return exits
          })
          const provided = Effect.provide(program, transport(handler))
          const exits = yield* instrument(
            redactedNames === undefined
              ? provided
              : Effect.locally(provided, Headers.currentRedactedNames, redactedNames)
          )
          // ... and nowhere else
          for (const exit of exits) {
            if (Exit.isFailure(exit)) {
              assertNoSecret(Cause.pretty(exit.cause), "Cause.pretty(exit)")
              for (const error of Cause.failures(exit.cause)) assertErrorClean(error)
              assert.strictEqual(Cause.defects(exit.cause).length, 0)
            }
          }
          assert.isTrue(spans.length > 0)
          assert.isTrue(lines.length > 0)
          assertNoSecret(observed(), "spans and logs")
          const names = spans.map((s) => s.name)
          assert.include(names, "descope.mgmt.user.load")
          assert.include(names, "descope.session.refresh")
          // no per-attempt platform span: on failure it would end with a RequestError holding the Authorization header
          assert.deepStrictEqual(names.filter((n) => n.startsWith("http.client")), [])
        }))
    }
  }

  it.effect("the descope span carries project id, method, path, status and error code", () =>
    Effect.gen(function*() {
      const { instrument, spans } = capture()
      const program = Effect.gen(function*() {
        const http = yield* DescopeHttp.DescopeHttp
        yield* http.management({
          method: "GET",
          path: "v1/mgmt/tenant/all",
          query: { q: "x" },
          operation: "mgmt.tenant.loadAll",
          schema: Ok
        })
        yield* Effect.flip(http.management({
          method: "POST",
          path: "/v1/mgmt/user/load",
          body: {},
          operation: "mgmt.user.load",
          schema: Ok
        }))
      })
      let n = 0
      yield* instrument(Effect.provide(
        program,
        transport(() =>
          n++ === 0
            ? MockHttpClient.json({ ok: true })
            : MockHttpClient.json({ errorCode: "E112102" }, { status: 404 })
        )
      ))
      const ok = spans.find((s) => s.name === "descope.mgmt.tenant.loadAll")
      const failed = spans.find((s) => s.name === "descope.mgmt.user.load")
      assert.isDefined(ok)
      assert.isDefined(failed)
      if (ok === undefined || failed === undefined) return
      assert.strictEqual(ok.kind, "client")
      assert.strictEqual(ok.attributes.get("descope.project_id"), "P123")
      assert.strictEqual(ok.attributes.get("http.request.method"), "GET")
      assert.strictEqual(ok.attributes.get("url.path"), "/v1/mgmt/tenant/all")
      assert.strictEqual(ok.attributes.get("http.response.status_code"), 200)
      assert.strictEqual(ok.attributes.get("descope.error_code"), undefined)
      assert.strictEqual(failed.attributes.get("http.response.status_code"), 404)
      assert.strictEqual(failed.attributes.get("descope.error_code"), "E112102")
      assert.strictEqual(failed.attributes.get("url.path"), "/v1/mgmt/user/load")
    }))
})
