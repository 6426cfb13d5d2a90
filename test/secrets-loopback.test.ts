// Secrets over real sockets: the same scan as secrets.test.ts, against the emulator served on
// 127.0.0.1 through undici (`NodeHttpClient.layerUndici`) and `FetchHttpClient`, where the transport
// errors carry real network causes (a dropped connection, a refused connection). Every log line, the
// SDK's spans (attributes, events, every rendering of their failures), the HttpClient's spans
// (attributes, events, the pretty failure exporters record) and every rendering of every result and
// error are scanned for the management key, passwords, OTP codes, refresh tokens and access keys.
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import * as Tracer from "effect/Tracer"
import * as Util from "node:util"
import { withRequestOptions } from "../src/core/DescopeHttp.js"
import { DescopeClient, type Service as Client } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import * as UndiciHttpClient from "../src/layers/UndiciHttpClient.js"

const P = "P2SecretsLoopback00000000000"
const MANAGEMENT_KEY = "mgmt-key-Lp9wQ2zR-secret-0003"

const render = (u: unknown): string => {
  const parts = [String(u), Util.inspect(u, { depth: Infinity, showHidden: true, getters: true })]
  try {
    parts.push(JSON.stringify(u) ?? "")
  } catch (e) {
    parts.push(`(not JSON: ${String(e)})`)
  }
  return parts.join("\n")
}

const observed: Array<string> = []

const renderSpan = (
  name: string,
  attributes: ReadonlyMap<string, unknown>,
  events: ReadonlyArray<string>,
  exit: Exit.Exit<unknown, unknown>
): string =>
  [
    name,
    ...[...attributes].map(([k, v]) => `${k}=${render(v)}`),
    ...events,
    Exit.isFailure(exit)
      ? [
        Cause.pretty(exit.cause),
        ...Cause.prettyErrors(exit.cause).flatMap((e) => [e.message, e.stack ?? ""]),
        // the SDK's own spans: every rendering of the error (see secrets.test.ts for the HttpClient's)
        name.startsWith("descope.") ? render(Cause.squash(exit.cause)) : ""
      ].join("\n")
      : "ok"
  ].join("\n")

const tracer = Tracer.make({
  span: (name, parent, context, links, startTime, kind) => {
    const attributes = new Map<string, unknown>()
    const events: Array<string> = []
    const span: Tracer.Span = {
      _tag: "Span",
      name,
      spanId: `span-${observed.length}`,
      traceId: "trace",
      parent,
      context,
      status: { _tag: "Started", startTime },
      attributes,
      links,
      sampled: true,
      kind,
      end: (_endTime, exit) => void observed.push(renderSpan(name, attributes, events, exit)),
      attribute: (key, value) => void attributes.set(key, value),
      event: (eventName, _time, eventAttributes) => void events.push(`${eventName} ${render(eventAttributes ?? {})}`),
      addLinks: () => undefined
    }
    return span
  },
  context: (f) => f()
})

const capture = Layer.mergeAll(
  Logger.replace(
    Logger.defaultLogger,
    Logger.make((options) => {
      const cause = Cause.pretty(options.cause)
      observed.push(`${options.logLevel.label} ${render(options.message)} ${cause} ${render(options.annotations)}`)
    })
  ),
  Logger.minimumLogLevel(LogLevel.All),
  Layer.setTracer(tracer)
)

const clientOver = (baseUrl: string, http: Layer.Layer<HttpClient.HttpClient>) =>
  Effect.gen(function*() {
    const scope = yield* Scope.make()
    const context = yield* Layer.buildWithScope(
      Descope.layer({ projectId: P, managementKey: MANAGEMENT_KEY, baseUrl }).pipe(Layer.provide(http)),
      scope
    ).pipe(Effect.orDie)
    return { client: Context.get(context, DescopeClient), close: Scope.close(scope, Exit.void) }
  })

const scenario = (client: Client, emulator: Emulator.Service, closedPortClient: Client, label: string) =>
  Effect.gen(function*() {
    const secrets: Array<string> = [MANAGEMENT_KEY]
    const run = <A, E>(effect: Effect.Effect<A, E>, expect: "ok" | "fail") =>
      Effect.gen(function*() {
        const exit = yield* Effect.exit(effect)
        observed.push(render(exit))
        if (Exit.isSuccess(exit)) {
          observed.push(render(exit.value))
        } else {
          const error = Cause.squash(exit.cause)
          const text = error instanceof Error ? `${error.message}\n${error.stack}` : ""
          observed.push(render(error), Cause.pretty(exit.cause), text)
        }
        assert.strictEqual(Exit.isSuccess(exit) ? "ok" : "fail", expect, `${label}: ${String(exit)}`)
        return Exit.isSuccess(exit) ? exit.value : undefined
      })
    const loginId = `${label}@example.com`

    const password = `Loop-Pass-${label}-8xV4-secret`
    secrets.push(password)
    const signedUp = yield* run(client.password.signUp({ loginId, password }), "ok")
    const refresh = Redacted.value(signedUp?.refreshToken ?? Redacted.make(""))
    assert.isNotEmpty(refresh)
    secrets.push(refresh)
    yield* run(client.password.signIn({ loginId, password: `${password}-wrong` }), "fail")

    yield* run(client.otp.signIn({ method: "email", loginId }), "ok")
    const code = Option.getOrThrow(yield* emulator.lastMessage(loginId, "otp")).code ?? ""
    secrets.push(code)
    yield* run(client.otp.verifyCode({ method: "email", loginId, code }), "ok")

    const key = yield* run(client.mgmt.accessKey.create({ name: `key-${label}` }), "ok")
    const cleartext = Redacted.value(key?.cleartext ?? Redacted.make(""))
    assert.isNotEmpty(cleartext)
    secrets.push(cleartext)

    // dropped connections (a real socket destroyed mid-request) and a refused one
    yield* emulator.addFault({ path: "/v1/auth/refresh", drop: true, times: 1 })
    yield* run(client.refreshSession(refresh).pipe(withRequestOptions({ retry: false })), "fail")
    yield* emulator.addFault({ path: "/v1/mgmt/user/password/set/active", drop: true, times: 1 })
    yield* run(client.mgmt.user.setActivePassword({ loginId, password }), "fail")
    yield* emulator.addFault({ path: "/v1/auth/accesskey/exchange", drop: true, times: 1 })
    yield* run(client.exchangeAccessKey(cleartext).pipe(withRequestOptions({ retry: false })), "fail")
    yield* run(client.exchangeAccessKey(cleartext), "ok")
    yield* run(closedPortClient.mgmt.user.setActivePassword({ loginId, password }), "fail")
    yield* run(closedPortClient.refreshSession(refresh).pipe(withRequestOptions({ retry: false })), "fail")
    yield* run(client.logout(refresh), "ok")
    yield* run(client.me(refresh), "fail")
    return secrets
  })

describe("secrets over loopback", () => {
  for (
    const [name, http] of [
      ["undici", NodeHttpClient.layerUndici],
      ["fetch", FetchHttpClient.layer],
      ["UndiciHttpClient", UndiciHttpClient.layer]
    ] as const
  ) {
    it.live(`${name}: no secret in logs, spans or outputs, transport failures included`, () =>
      Effect.gen(function*() {
        observed.length = 0
        const emulator = yield* Emulator.make({ projectId: P, managementKey: MANAGEMENT_KEY })
        const server = yield* Emulator.serve().pipe(Effect.provideService(Emulator.Emulator, emulator), Effect.orDie)
        // a port nothing listens on: a server started and stopped
        const closedScope = yield* Scope.make()
        const closed = yield* Emulator.serve().pipe(
          Effect.provideService(Emulator.Emulator, emulator),
          Scope.extend(closedScope),
          Effect.orDie
        )
        yield* Scope.close(closedScope, Exit.void)

        const { client, close } = yield* clientOver(server.baseUrl, http)
        const refused = yield* clientOver(closed.baseUrl, http)
        const secrets = yield* scenario(client, emulator, refused.client, name).pipe(Effect.provide(capture))
        yield* close
        yield* refused.close

        const haystack = observed.join("\n")
        assert.include(haystack, "connection refused")
        assert.include(haystack, "descope.session.refresh")
        assert.include(haystack, "Network")
        // a secret leaks when it appears whole, or (long ones) its last 24 characters; codes stand alone
        const appears = (secret: string) =>
          /^\d+$/.test(secret)
            ? new RegExp(`(?<![0-9])${secret}(?![0-9])`).test(haystack)
            : haystack.includes(secret.slice(-24))
        const leaks = secrets.filter(appears)
        assert.deepStrictEqual(leaks.map((s) => `${s.slice(0, 8)}...`), [])
      }).pipe(Effect.scoped), { timeout: 20_000 })
  }
})
