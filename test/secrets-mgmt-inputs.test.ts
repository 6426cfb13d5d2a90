// The secrets given to management operations (setPassword's password, the hashes of a user import, the SSO
// admin link's token) go over the wire but never reach a log line, a span or any rendering of a result or
// an error; the scan is shown able to fail (a planted secret is found).
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import type * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import * as Util from "node:util"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2MgmtExtraScenario000000000"
const K = "extra-management-key"

const render = (u: unknown): string => {
  const parts = [String(u), Util.inspect(u, { depth: Infinity, showHidden: true, getters: true })]
  try {
    parts.push(JSON.stringify(u) ?? "")
  } catch (e) {
    parts.push(String(e))
  }
  return parts.join("\n")
}

class Span implements Tracer.Span {
  readonly _tag = "Span"
  readonly spanId = `span-${Math.random()}`
  readonly traceId = "trace"
  readonly sampled = true
  status: Tracer.SpanStatus
  readonly rendered: Array<string> = []
  readonly attributes = new Map<string, unknown>()
  links: Array<Tracer.SpanLink>
  constructor(
    readonly name: string,
    readonly parent: Option.Option<Tracer.AnySpan>,
    readonly context: Context.Context<never>,
    links: ReadonlyArray<Tracer.SpanLink>,
    startTime: bigint,
    readonly kind: Tracer.SpanKind
  ) {
    this.status = { _tag: "Started", startTime }
    this.links = [...links]
    this.rendered.push(name)
  }
  end(endTime: bigint, exit: Exit.Exit<unknown, unknown>): void {
    this.status = { _tag: "Ended", startTime: this.status.startTime, endTime, exit }
    if (Exit.isFailure(exit)) this.rendered.push(Cause.pretty(exit.cause), render(Cause.squash(exit.cause)))
  }
  attribute(key: string, value: unknown): void {
    this.attributes.set(key, value)
    this.rendered.push(`${key}=${render(value)}`)
  }
  event(name: string, _startTime: bigint, attributes?: Record<string, unknown>): void {
    this.rendered.push(`${name} ${render(attributes ?? {})}`)
  }
  addLinks(links: ReadonlyArray<Tracer.SpanLink>): void {
    this.links.push(...links)
  }
}

describe("secrets of the remaining operations", () => {
  it.effect("setPassword, import hashes and the SSO admin link never reach logs, spans or rendered outputs", () => {
    const lines: Array<string> = []
    const spans: Array<Span> = []
    const wire: Array<string> = []
    const outputs: Array<unknown> = []
    const capture = Layer.mergeAll(
      Logger.replace(
        Logger.defaultLogger,
        Logger.make((o) => void lines.push(`${render(o.message)} ${Cause.pretty(o.cause)} ${render(o.annotations)}`))
      ),
      Logger.minimumLogLevel(LogLevel.All),
      Layer.setTracer(Tracer.make({
        span: (name, parent, context, links, startTime, kind) => {
          const span = new Span(name, parent, context, links, startTime, kind)
          spans.push(span)
          return span
        },
        context: (f) => f()
      }))
    )
    const tapped = Layer.effect(
      HttpClient.HttpClient,
      Effect.map(HttpClient.HttpClient, (client) =>
        HttpClient.tapRequest(client, (request) =>
          Effect.sync(() => {
            const body = request.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : ""
            wire.push(body)
          })))
    ).pipe(Layer.provide(Emulator.layerHttpClient))
    const password = "Temp-Secret-Pw-71f3"
    const hashes = "hash-payload-secret-5c2e"
    return Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      yield* mgmt.tenant.create({ id: "sec", name: "Sec" })
      yield* mgmt.user.create({ loginId: "sec@example.com", email: "sec@example.com" })
      const secret = Redacted.make(password)
      outputs.push(yield* Effect.exit(mgmt.user.setPassword({ loginId: "sec@example.com", password: secret })))
      outputs.push(yield* Effect.exit(mgmt.user.setPassword({ loginId: "nobody@example.com", password })))
      const hashed = Redacted.make(hashes)
      outputs.push(yield* Effect.exit(mgmt.user.importUsers({ source: "custom", users: "[]", hashes: hashed })))
      outputs.push(yield* Effect.exit(mgmt.user.importUsers({ source: "custom", users: "not json", hashes })))
      const link = yield* mgmt.tenant.generateSsoConfigurationLink({ tenantId: "sec", expireTime: 60 })
      outputs.push(link)
      const linkToken = new URL(Redacted.value(link)).searchParams.get("t") ?? ""
      assert.isAbove(linkToken.length, 8)

      const sent = wire.join("\n")
      assert.include(sent, password)
      assert.include(sent, hashes)
      const haystack = [...lines, ...spans.flatMap((s) => s.rendered), ...outputs.map(render)].join("\n")
      assert.isAbove(spans.filter((s) => s.name.startsWith("descope.mgmt.user.")).length, 3)
      for (const secret of [password, hashes, linkToken]) assert.notInclude(haystack, secret)
      // the scan can fail: a planted secret is found
      assert.include([...lines, render({ planted: password })].join("\n"), password)
    }).pipe(
      Effect.provide(
        Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(Layer.provide(tapped))
      ),
      Effect.provide(Emulator.layer({ projectId: P, managementKey: K })),
      Effect.provide(capture)
    )
  })
})
