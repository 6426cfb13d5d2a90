// No secret in a span exit. A recording tracer keeps the Exit each span ends with; every
// authentication flow runs against the in-process emulator (tokens in the body and in DS / DSR
// cookies), and the successful exits of the SDK's `descope.*` spans are rendered every way a tracer,
// a logger or a debugger would (String, util.inspect with getters, JSON.stringify): no session JWT,
// refresh JWT or pending reference the SDK received may appear in them. To be able to fail, the test
// checks that the tokens did reach the program (Redacted.value of the result) and that the scanner
// finds a token planted in an exit.
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import * as Util from "node:util"
import type { AuthenticationInfo } from "../src/core/AuthenticationInfo.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"

const P = "P2SpanExitsProject0000000000"

/** Every rendering of a value a tracer, a logger or a debugger would make. */
const render = (u: unknown): string => {
  const parts = [String(u), Util.inspect(u, { depth: Infinity, showHidden: true, getters: true })]
  try {
    parts.push(JSON.stringify(u) ?? "")
  } catch (e) {
    parts.push(`(not JSON: ${String(e)})`)
  }
  return parts.join("\n")
}

/** A span that records the Exit it ends with. */
class RecordingSpan implements Tracer.Span {
  readonly _tag = "Span"
  readonly spanId: string
  readonly traceId = "trace"
  readonly sampled = true
  status: Tracer.SpanStatus
  readonly attributes = new Map<string, unknown>()
  links: Array<Tracer.SpanLink>
  exit: Exit.Exit<unknown, unknown> | undefined
  constructor(
    readonly name: string,
    readonly parent: Option.Option<Tracer.AnySpan>,
    readonly context: Context.Context<never>,
    links: ReadonlyArray<Tracer.SpanLink>,
    startTime: bigint,
    readonly kind: Tracer.SpanKind,
    id: number
  ) {
    this.spanId = `span-${id}`
    this.status = { _tag: "Started", startTime }
    this.links = [...links]
  }
  end(endTime: bigint, exit: Exit.Exit<unknown, unknown>): void {
    this.status = { _tag: "Ended", startTime: this.status.startTime, endTime, exit }
    this.exit = exit
  }
  attribute(key: string, value: unknown): void {
    this.attributes.set(key, value)
  }
  event(): void {}
  addLinks(links: ReadonlyArray<Tracer.SpanLink>): void {
    this.links.push(...links)
  }
}

const recordingTracer = (spans: Array<RecordingSpan>) =>
  Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      const span = new RecordingSpan(name, parent, context, links, startTime, kind, spans.length)
      spans.push(span)
      return span
    },
    context: (f) => f()
  })

/** The successful exits of the SDK's spans named `descope.<operation>`, rendered. */
const exitsOf = (spans: ReadonlyArray<RecordingSpan>, operation: string): Array<string> =>
  spans
    .filter((s) => s.name === `descope.${operation}` && s.exit !== undefined && Exit.isSuccess(s.exit))
    .map((s) => render(s.exit))

const tokensOf = (auth: AuthenticationInfo): Array<string> => [
  Redacted.value(auth.sessionToken),
  ...(auth.refreshToken !== undefined ? [Redacted.value(auth.refreshToken)] : [])
]

const run = (tokenDelivery: "body" | "cookie" | "both") =>
  Effect.gen(function*() {
    const spans: Array<RecordingSpan> = []
    const emulator = yield* Emulator.make({ projectId: P, refreshTokenDelivery: tokenDelivery })
    const client = yield* Layer.build(
      Descope.layer({ projectId: P, baseUrl: "http://emulator.local", managementKey: Emulator.DEFAULT_MANAGEMENT_KEY })
        .pipe(
          Layer.provide(Layer.succeed(HttpClient.HttpClient, Emulator.makeHttpClient(emulator)))
        )
    ).pipe(Effect.map(Context.get(DescopeClient)), Effect.orDie)
    const outbox = (loginId: string, kind: Emulator.MessageKind) =>
      Effect.map(emulator.lastMessage(loginId, kind), Option.getOrThrow)
    const traced = <A, E>(self: Effect.Effect<A, E>) =>
      Effect.withTracer(self, recordingTracer(spans)).pipe(Effect.withTracerEnabled(true))
    /** Operation -> the raw secrets its answer carried. */
    const checks: Array<{ readonly operation: string; readonly secrets: ReadonlyArray<string> }> = []

    // otp
    yield* traced(client.otp.signUpOrIn({ method: "email", loginId: "otp@example.com" }))
    const code = (yield* outbox("otp@example.com", "otp")).code ?? ""
    const otp = yield* traced(client.otp.verifyCode({ method: "email", loginId: "otp@example.com", code }))
    checks.push({ operation: "otp.verifyCode", secrets: tokensOf(otp) })

    // password
    const password = Redacted.make("Sp4n-exits-Passw0rd!")
    const signUp = yield* traced(client.password.signUp({ loginId: "pw@example.com", password }))
    checks.push({ operation: "password.signUp", secrets: tokensOf(signUp) })
    const signIn = yield* traced(client.password.signIn({ loginId: "pw@example.com", password }))
    checks.push({ operation: "password.signIn", secrets: tokensOf(signIn) })

    // magic link
    yield* traced(client.magicLink.signUpOrIn({ method: "email", loginId: "ml@example.com", uri: "http://app/verify" }))
    const mlToken = (yield* outbox("ml@example.com", "magiclink")).token ?? ""
    const magic = yield* traced(client.magicLink.verify(mlToken))
    checks.push({ operation: "magicLink.verify", secrets: tokensOf(magic) })

    // enchanted link: the pending reference, then the session
    const el = yield* traced(client.enchantedLink.signUpOrIn({ loginId: "el@example.com", uri: "http://app/verify" }))
    const pendingRef: string = Redacted.isRedacted(el.pendingRef)
      ? Redacted.value(el.pendingRef)
      : String(el.pendingRef)
    checks.push({ operation: "enchantedLink.signUpOrIn", secrets: [pendingRef] })
    const elMessage = yield* outbox("el@example.com", "enchantedlink")
    const elLink = elMessage.links?.[el.linkId] ?? "http://x"
    yield* traced(client.enchantedLink.verify(new URL(elLink).searchParams.get("t") ?? ""))
    const elAuth = yield* traced(client.enchantedLink.getSession(el.pendingRef))
    checks.push({ operation: "enchantedLink.getSession", secrets: tokensOf(elAuth) })

    // a test user's generated enchanted link: the link and its pending reference
    yield* client.mgmt.user.createTestUser({ loginId: "tu@example.com", email: "tu@example.com" })
    const generated = yield* traced(
      client.mgmt.user.generateEnchantedLinkForTestUser({ loginId: "tu@example.com", uri: "http://app/verify" })
    )
    checks.push({
      operation: "mgmt.user.generateEnchantedLinkForTestUser",
      secrets: [Redacted.value(generated.pendingRef), Redacted.value(generated.link)]
    })

    // sessions
    const refreshToken = signIn.refreshToken ?? signIn.sessionToken
    const refreshed = yield* traced(client.refreshSession(refreshToken))
    checks.push({ operation: "session.refresh", secrets: tokensOf(refreshed) })

    for (const { operation, secrets } of checks) {
      const exits = exitsOf(spans, operation)
      assert.isAbove(exits.length, 0, `${operation}: no successful span`)
      assert.isAbove(secrets.length, 0, `${operation}: no secret reached the program`)
      for (const secret of secrets) {
        assert.isAbove(secret.length, 20, `${operation}: a token`)
        for (const exit of exits) {
          assert.notInclude(exit, secret, `${operation} (${tokenDelivery}): a raw secret in the span exit`)
          assert.notInclude(exit, secret.slice(-24), `${operation} (${tokenDelivery}): a raw secret in the span exit`)
        }
      }
    }
    // the scanner sees a planted token
    assert.include(render(Exit.succeed({ sessionJwt: tokensOf(otp)[0] })), tokensOf(otp)[0]!)
  })

describe("span exits", () => {
  it.scoped("hold no raw token, pending reference or cookie (tokens in the body)", () => run("body"))
  it.scoped("hold no raw token, pending reference or cookie (tokens in the body and in cookies)", () => run("both"))
  it.scoped("hold no raw token, pending reference or cookie (the refresh token in a cookie only)", () => run("cookie"))
})
