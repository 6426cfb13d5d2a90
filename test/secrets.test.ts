// Secrets never leak. With every log line captured (LogLevel.All) and a capturing Tracer (span names,
// attributes, events and end exits), every kind of operation runs against the in-process emulator,
// including failing variants (wrong code, wrong password, wrong keys, revoked refresh token, rate
// limit, dropped connection, malformed body). Then every log line, span, error message, and the
// `String(x)`, `JSON.stringify(x)` and `util.inspect(x)` of every result, error and failure cause the
// SDK returned are scanned for the management keys, access-key cleartexts, refresh tokens, passwords,
// OTP and TOTP codes, TOTP seeds and link tokens. The emulator's outbox (where the codes are read) is
// exempt. To be able to fail, the test asserts that the secrets did go over the wire (a tap below
// the SDK sees them), and that the scanner finds a secret planted in a log line and in a span.
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
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
import type * as Scope from "effect/Scope"
import * as Tracer from "effect/Tracer"
import * as Util from "node:util"
import { withRequestOptions } from "../src/core/DescopeHttp.js"
import { DescopeClient, type Service as Client } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import { totp } from "./support/totp.js"

const P = "P2SecretsProject000000000000"
const MANAGEMENT_KEY = "mgmt-key-Zq8vN3xK-secret-0001"
const WRONG_MANAGEMENT_KEY = "mgmt-key-Wr0ngWr0ng-secret-0002"

// ---------------------------------------------------------------------------
// capture: logs, spans, the wire
// ---------------------------------------------------------------------------

const render = (u: unknown): string => {
  const parts = [String(u), Util.inspect(u, { depth: Infinity, showHidden: true, getters: true })]
  try {
    parts.push(JSON.stringify(u) ?? "")
  } catch (e) {
    parts.push(`(not JSON: ${String(e)})`)
  }
  return parts.join("\n")
}

class Capture {
  readonly lines: Array<string> = []
  readonly spans: Array<CapturedSpan> = []
  readonly wire: Array<string> = []
  /** Results, errors and failure causes the SDK returned. */
  readonly outputs: Array<unknown> = []

  haystack(): string {
    return [
      ...this.lines,
      ...this.spans.map((s) => s.render()),
      ...this.outputs.map(render)
    ].join("\n")
  }
}

let spanIds = 0

class CapturedSpan implements Tracer.Span {
  readonly _tag = "Span"
  readonly spanId = `span-${++spanIds}`
  readonly traceId = "trace"
  readonly sampled = true
  status: Tracer.SpanStatus
  readonly attributes = new Map<string, unknown>()
  readonly events: Array<string> = []
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
  }
  end(endTime: bigint, exit: Exit.Exit<unknown, unknown>): void {
    this.status = { _tag: "Ended", startTime: this.status.startTime, endTime, exit }
  }
  attribute(key: string, value: unknown): void {
    this.attributes.set(key, value)
  }
  event(name: string, _startTime: bigint, attributes?: Record<string, unknown>): void {
    this.events.push(`${name} ${render(attributes ?? {})}`)
  }
  addLinks(links: ReadonlyArray<Tracer.SpanLink>): void {
    this.links.push(...links)
  }
  render(): string {
    const exit = this.status._tag === "Ended" ? this.status.exit : undefined
    // A failed span: what exporters record (the pretty cause, each error's message and stack), and for
    // the SDK's own spans every rendering of the error. (The HttpClient's "http.client" spans end with
    // @effect/platform's RequestError, which holds the request: its headers print in clear through
    // util.inspect / JSON.stringify outside a fiber. The SDK never returns that error.)
    const ending = exit === undefined
      ? ""
      : Exit.isFailure(exit)
      ? [
        `failed: ${Cause.pretty(exit.cause)}`,
        ...Cause.prettyErrors(exit.cause).flatMap((e) => [e.message, e.stack ?? ""]),
        this.name.startsWith("descope.") ? render(Cause.squash(exit.cause)) : ""
      ].join("\n")
      : "ok"
    return [
      this.name,
      ...[...this.attributes].map(([k, v]) => `${k}=${render(v)}`),
      ...this.events,
      ending
    ].join("\n")
  }
}

const captureLayer = (capture: Capture) => {
  const logger = Logger.make((options) => {
    capture.lines.push([
      options.logLevel.label,
      render(options.message),
      Cause.isEmpty(options.cause) ? "" : Cause.pretty(options.cause),
      render(options.annotations),
      render(options.spans)
    ].join(" "))
  })
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      const span = new CapturedSpan(name, parent, context, links, startTime, kind)
      capture.spans.push(span)
      return span
    },
    context: (f) => f()
  })
  return Layer.mergeAll(
    Logger.replace(Logger.defaultLogger, logger),
    Logger.minimumLogLevel(LogLevel.All),
    Layer.setTracer(tracer)
  )
}

const decoder = new TextDecoder()

/** The request as it leaves the SDK: method, URL, headers and body text. */
const wireText = (request: HttpClientRequest.HttpClientRequest): string => {
  const body = request.body._tag === "Uint8Array" ? decoder.decode(request.body.body) : ""
  return `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${body}`
}

interface Env {
  readonly client: Client
  readonly wrongKeyClient: Client
  readonly emulator: Emulator.Service
  readonly capture: Capture
}

const makeEnv: Effect.Effect<Env, never, Scope.Scope> = Effect.gen(function*() {
  const capture = new Capture()
  const emulator = yield* Emulator.make({ projectId: P, managementKey: MANAGEMENT_KEY })
  const http = HttpClient.tapRequest(
    Emulator.makeHttpClient(emulator),
    (request) => Effect.sync(() => void capture.wire.push(wireText(request)))
  )
  const clientWith = (managementKey: string) =>
    Layer.build(
      Descope.layer({ projectId: P, managementKey, baseUrl: "http://emulator.local" }).pipe(
        Layer.provide(Layer.succeed(HttpClient.HttpClient, http))
      )
    ).pipe(Effect.map(Context.get(DescopeClient)), Effect.orDie)
  return {
    client: yield* clientWith(MANAGEMENT_KEY),
    wrongKeyClient: yield* clientWith(WRONG_MANAGEMENT_KEY),
    emulator,
    capture
  }
})

// ---------------------------------------------------------------------------
// secrets and the scan
// ---------------------------------------------------------------------------

interface Secret {
  readonly kind: string
  readonly value: string
  /** Whether the SDK sent it (so the wire tap must have seen it). */
  readonly sent: boolean
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** Where a secret occurs: the whole value, or (for long ones) its last 24 characters. */
const occurrences = (haystack: string, secret: string): Array<string> => {
  const needles = secret.length > 32 ? [secret, secret.slice(-24)] : [secret]
  const found: Array<string> = []
  for (const needle of needles) {
    // short numeric codes must stand alone, so "123456" is not found inside "1234567"
    const pattern = /^\d+$/.test(needle)
      ? new RegExp(`(?<![0-9])${needle}(?![0-9])`, "g")
      : new RegExp(escapeRegExp(needle), "g")
    for (const match of haystack.matchAll(pattern)) {
      const at = match.index
      found.push(haystack.slice(Math.max(0, at - 80), at + needle.length + 40).replace(/\s+/g, " "))
    }
  }
  return found
}

/** The `t` parameter of a link. */
const tokenOf = (link: string): string => new URL(link).searchParams.get("t") ?? ""

const ACME = [{ tenantId: "acme", roleNames: [] }]

/** A 6-digit code that is not `code`. */
const otherCode = (code: string) => (code === "000000" ? "111111" : "000000")

// ---------------------------------------------------------------------------
// every kind of operation
// ---------------------------------------------------------------------------

const everything = (env: Env) =>
  Effect.gen(function*() {
    const { client, emulator, capture } = env
    const mgmt = client.mgmt
    const secrets: Array<Secret> = [
      { kind: "management key", value: MANAGEMENT_KEY, sent: true },
      { kind: "management key", value: WRONG_MANAGEMENT_KEY, sent: true }
    ]
    const secret = (kind: string, value: string | Redacted.Redacted<string> | undefined, sent: boolean) => {
      const v = value === undefined ? "" : Redacted.isRedacted(value) ? Redacted.value(value) : value
      assert.isNotEmpty(v, `the ${kind} is empty`)
      secrets.push({ kind, value: v, sent })
      return v
    }
    /** Runs an SDK call, keeping what it returned (value or failure) for the scan. */
    const run = <A, E>(label: string, effect: Effect.Effect<A, E>, expect: "ok" | "fail" = "ok") =>
      Effect.gen(function*() {
        const exit = yield* Effect.exit(effect)
        capture.outputs.push(exit)
        if (Exit.isSuccess(exit)) {
          capture.outputs.push(exit.value)
          assert.strictEqual(expect, "ok", `${label}: expected a failure`)
          return exit.value
        }
        const error = Cause.squash(exit.cause)
        capture.outputs.push(error, Cause.pretty(exit.cause), error instanceof Error ? error.message : "")
        assert.strictEqual(expect, "fail", `${label}: ${Cause.pretty(exit.cause)}`)
        return undefined
      })
    const must = <A>(value: A | undefined): A => {
      assert.isDefined(value)
      return value as A
    }
    const outbox = (loginId: string, kind: Emulator.MessageKind) =>
      Effect.map(emulator.lastMessage(loginId, kind), Option.getOrThrow)

    // --- management: tenant, users, passwords, test-user codes, access keys, jwt ---
    yield* run("tenant.create", mgmt.tenant.create({ id: "acme", name: "Acme" }))
    yield* run("tenant.load", mgmt.tenant.load("acme"))
    yield* run("tenant.update", mgmt.tenant.update({ id: "acme", name: "Acme Inc" }))
    yield* run("tenant.loadAll", mgmt.tenant.loadAll())
    yield* run(
      "user.create",
      mgmt.user.create({ loginId: "ann@example.com", email: "ann@example.com", userTenants: ACME })
    )
    yield* run("user.load", mgmt.user.load("ann@example.com"))
    yield* run(
      "user.update",
      mgmt.user.update({ loginId: "ann@example.com", email: "ann@example.com", displayName: "Ann" })
    )
    const temporary = secret("password", "Temp-Pass-9qL2-secret", true)
    yield* run(
      "user.setTemporaryPassword",
      mgmt.user.setTemporaryPassword({ loginId: "ann@example.com", password: temporary })
    )
    const active = secret("password", "Active-Pass-4hR7-secret", true)
    yield* run(
      "user.setActivePassword",
      mgmt.user.setActivePassword({ loginId: "ann@example.com", password: Redacted.make(active) })
    )
    yield* run(
      "user.createTestUser",
      mgmt.user.createTestUser({ loginId: "test@example.com", email: "test@example.com", userTenants: ACME })
    )
    const testOtp = must(
      yield* run(
        "user.generateOtpForTestUser",
        mgmt.user.generateOtpForTestUser({ method: "email", loginId: "test@example.com" })
      )
    )
    const testCode = secret("OTP code", testOtp.code, true)
    const testLink = must(
      yield* run(
        "user.generateMagicLinkForTestUser",
        mgmt.user.generateMagicLinkForTestUser({
          method: "email",
          loginId: "test@example.com",
          uri: "http://app/verify"
        })
      )
    )
    const testLinkToken = secret("magic link token", tokenOf(Redacted.value(testLink.link)), true)
    const key = must(
      yield* run(
        "accessKey.create",
        mgmt.accessKey.create({ name: "ci", keyTenants: [{ tenantId: "acme", roleNames: [] }] })
      )
    )
    secret("access key", key.cleartext, true)
    yield* run("accessKey.load", mgmt.accessKey.load(key.key.id))
    const rotated = must(yield* run("accessKey.rotate", mgmt.accessKey.rotate(key.key.id)))
    secret("access key", rotated.cleartext, true)
    // failing management calls: a wrong management key, an unknown user, a bad argument
    yield* run("wrong management key", env.wrongKeyClient.mgmt.user.load("ann@example.com"), "fail")
    yield* run(
      "wrong management key (POST)",
      env.wrongKeyClient.mgmt.user.setActivePassword({ loginId: "ann@example.com", password: active }),
      "fail"
    )
    yield* run(
      "unknown user",
      mgmt.user.setTemporaryPassword({ loginId: "nobody@example.com", password: temporary }),
      "fail"
    )

    // --- OTP: a wrong code, then the right one; the test user's generated code ---
    yield* run("otp.signUpOrIn", client.otp.signUpOrIn({ method: "email", loginId: "otp@example.com" }))
    const code = secret("OTP code", (yield* outbox("otp@example.com", "otp")).code, true)
    secret("OTP code", otherCode(code), true)
    yield* run(
      "otp.verifyCode (wrong)",
      client.otp.verifyCode({ method: "email", loginId: "otp@example.com", code: otherCode(code) }),
      "fail"
    )
    const otpAuth = must(
      yield* run(
        "otp.verifyCode",
        client.otp.verifyCode({ method: "email", loginId: "otp@example.com", code: Redacted.make(code) })
      )
    )
    const otpRefresh = secret("refresh token", otpAuth.refreshToken, true)
    const testAuth = must(
      yield* run(
        "otp.verifyCode (test user)",
        client.otp.verifyCode({ method: "email", loginId: "test@example.com", code: testCode })
      )
    )
    secret("refresh token", testAuth.refreshToken, true)

    // --- magic link ---
    yield* run("magicLink.verify (test user)", client.magicLink.verify(testLinkToken))
    yield* run(
      "magicLink.signUpOrIn",
      client.magicLink.signUpOrIn({ method: "email", loginId: "ml@example.com", uri: "http://app/verify" })
    )
    const mlToken = secret("magic link token", (yield* outbox("ml@example.com", "magiclink")).token, true)
    yield* run("magicLink.verify (wrong)", client.magicLink.verify(`${mlToken.slice(0, -4)}zzzz`), "fail")
    const mlAuth = must(yield* run("magicLink.verify", client.magicLink.verify(mlToken)))
    secret("refresh token", mlAuth.refreshToken, false)

    // --- enchanted link ---
    const el = must(
      yield* run(
        "enchantedLink.signUpOrIn",
        client.enchantedLink.signUpOrIn({ loginId: "el@example.com", uri: "http://app/verify" })
      )
    )
    yield* run("enchantedLink.getSession (pending)", client.enchantedLink.getSession(el.pendingRef), "fail")
    const elMessage = yield* outbox("el@example.com", "enchantedlink")
    const elToken = secret("enchanted link token", tokenOf(elMessage.links?.[el.linkId] ?? "http://x"), true)
    yield* run("enchantedLink.verify", client.enchantedLink.verify(elToken))
    const elAuth = must(yield* run("enchantedLink.waitForSession", client.enchantedLink.waitForSession(el.pendingRef)))
    secret("refresh token", elAuth.refreshToken, false)

    // --- password ---
    yield* run("password.getPolicy", client.password.getPolicy())
    const first = secret("password", "First-Pass-7tW1-secret", true)
    const pwAuth = must(
      yield* run(
        "password.signUp",
        client.password.signUp({ loginId: "pw@example.com", password: first })
      )
    )
    const pwRefresh = secret("refresh token", pwAuth.refreshToken, true)
    const wrong = secret("password", "Wrong-Pass-0xQ5-secret", true)
    yield* run(
      "password.signIn (wrong)",
      client.password.signIn({ loginId: "pw@example.com", password: wrong }),
      "fail"
    )
    yield* run("password.signIn", client.password.signIn({ loginId: "pw@example.com", password: Redacted.make(first) }))
    const second = secret("password", "Second-Pass-2mK8-secret", true)
    yield* run(
      "password.replace",
      client.password.replace({ loginId: "pw@example.com", oldPassword: first, newPassword: second })
    )
    yield* run(
      "password.replace (wrong old)",
      client.password.replace({ loginId: "pw@example.com", oldPassword: wrong, newPassword: second }),
      "fail"
    )
    const third = secret("password", "Third-Pass-6pD3-secret", true)
    yield* run(
      "password.update",
      client.password.update({ loginId: "pw@example.com", newPassword: third, refreshToken: pwRefresh })
    )
    const short = secret("password", "sh0rt!", true)
    yield* run(
      "password.update (too short)",
      client.password.update({ loginId: "pw@example.com", newPassword: short, refreshToken: pwRefresh }),
      "fail"
    )
    yield* run(
      "password.sendReset",
      client.password.sendReset({ loginId: "pw@example.com", redirectUrl: "http://app/reset" })
    )
    yield* run(
      "user.signIn with the active password",
      client.password.signIn({ loginId: "ann@example.com", password: active })
    )

    // --- TOTP ---
    const seed = must(yield* run("totp.signUp", client.totp.signUp({ loginId: "totp@example.com" })))
    const seedKey = secret("TOTP seed", seed.key, false)
    const now = yield* emulator.now
    const totpCode = secret("TOTP code", totp(seedKey, now), true)
    secret("TOTP code", otherCode(totpCode), true)
    yield* run(
      "totp.signInCode (wrong)",
      client.totp.signInCode({ loginId: "totp@example.com", code: otherCode(totpCode) }),
      "fail"
    )
    const totpAuth = must(
      yield* run(
        "totp.signInCode",
        client.totp.signInCode({ loginId: "totp@example.com", code: totpCode })
      )
    )
    secret("refresh token", totpAuth.refreshToken, false)

    // --- access keys ---
    yield* run("exchangeAccessKey", client.exchangeAccessKey(rotated.cleartext))
    yield* run("exchangeAccessKey (rotated-out key)", client.exchangeAccessKey(key.cleartext), "fail")
    const wrongKey = secret("access key", `${Redacted.value(rotated.cleartext).slice(0, -6)}WRONG0`, true)
    yield* run("exchangeAccessKey (wrong key)", client.exchangeAccessKey(Redacted.make(wrongKey)), "fail")

    // --- sessions: validate, refresh, me, tenants, history, logout ---
    yield* run("validateSession", client.validateSession(otpAuth.sessionToken))
    yield* run("validateSession (a refresh token)", client.validateSession(otpRefresh), "fail")
    yield* run("validateSession (tampered)", client.validateSession(`${Redacted.value(otpAuth.sessionToken)}x`), "fail")
    const refreshed = must(yield* run("refreshSession", client.refreshSession(otpRefresh)))
    if (refreshed.refreshToken !== undefined) secret("refresh token", refreshed.refreshToken, false)
    yield* run(
      "validateAndRefreshSession",
      client.validateAndRefreshSession(`${Redacted.value(otpAuth.sessionToken)}x`, otpRefresh)
    )
    yield* run("me", client.me(otpRefresh))
    yield* run("history", client.history(otpRefresh))
    yield* run(
      "me (test user)",
      client.me(Redacted.make(secrets.find((s) => s.kind === "refresh token" && s.value !== otpRefresh)?.value ?? ""))
    )
    yield* run("jwt.updateJwt", mgmt.jwt.updateJwt({ jwt: otpAuth.sessionToken, customClaims: { plan: "pro" } }))
    yield* run(
      "jwt.updateJwt (a refresh token)",
      mgmt.jwt.updateJwt({ jwt: otpRefresh, customClaims: { plan: "pro" } })
    )
    yield* run("selectTenant", client.selectTenant({ tenantId: "acme", refreshToken: testAuth.refreshToken ?? "" }))
    yield* run("myTenants", client.myTenants({ refreshToken: testAuth.refreshToken ?? "", dct: true }))

    // --- management sessions and tokens (they return refresh tokens and sign-in tokens) ---
    const mgmtSignIn = must(yield* run("jwt.signIn", mgmt.jwt.signIn({ loginId: "ann@example.com" })))
    secret("refresh token", mgmtSignIn.refreshToken, false)
    const mgmtSignUp = must(yield* run("jwt.signUpOrIn", mgmt.jwt.signUpOrIn({ loginId: "jwt@example.com" })))
    secret("refresh token", mgmtSignUp.refreshToken, false)
    yield* run("jwt.signIn (unknown user)", mgmt.jwt.signIn({ loginId: "nobody@example.com" }), "fail")
    const embedded = must(
      yield* run(
        "user.generateEmbeddedLink",
        mgmt.user.generateEmbeddedLink({ loginId: "ann@example.com" })
      )
    )
    const embeddedToken = secret("embedded link token", embedded, true)
    const embeddedAuth = must(yield* run("magicLink.verify (embedded)", client.magicLink.verify(embeddedToken)))
    secret("refresh token", embeddedAuth.refreshToken, false)

    yield* run("logout", client.logout(otpRefresh))
    yield* run("refreshSession (logged out)", client.refreshSession(otpRefresh), "fail")
    yield* run("me (logged out)", client.me(otpRefresh), "fail")
    yield* run("logoutAll", client.logoutAll(pwRefresh))

    // --- faults: rate limit, a dropped connection, a malformed body, a timeout ---
    yield* emulator.addFault({ path: "/v1/auth/otp/verify/email", retryAfter: 30, times: 1 })
    yield* run(
      "otp.verifyCode (rate limited)",
      client.otp.verifyCode({ method: "email", loginId: "otp@example.com", code }),
      "fail"
    )
    yield* emulator.addFault({ path: "/v1/auth/refresh", drop: true, times: 1 })
    yield* run(
      "refreshSession (dropped)",
      client.refreshSession(pwRefresh).pipe(withRequestOptions({ retry: false })),
      "fail"
    )
    yield* emulator.addFault({ path: "/v1/auth/password/signin", malformed: true, times: 1 })
    yield* run(
      "password.signIn (malformed answer)",
      client.password.signIn({ loginId: "pw@example.com", password: third }),
      "fail"
    )
    yield* emulator.addFault({ path: "/v1/mgmt/user/password/set/active", status: 500, times: 1 })
    yield* run(
      "user.setActivePassword (500)",
      mgmt.user.setActivePassword({ loginId: "ann@example.com", password: active }),
      "fail"
    )
    yield* emulator.addFault({ path: "/v1/auth/accesskey/exchange", retryAfter: 5, times: 1 })
    yield* run("exchangeAccessKey (rate limited)", client.exchangeAccessKey(rotated.cleartext), "fail")

    yield* run("tenant.delete", mgmt.tenant.delete({ id: "acme" }))
    return secrets
  })

// ---------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------

describe("secrets never leak", () => {
  it.scoped(
    "every operation, with debug logs and tracing on: no secret in any log, span, error or output",
    () =>
      Effect.gen(function*() {
        const env = yield* makeEnv
        const secrets = yield* everything(env).pipe(Effect.provide(captureLayer(env.capture)))
        const { capture } = env

        // the capture worked: debug lines, SDK spans with attributes, failures in span exits
        assert.isAbove(capture.lines.filter((l) => l.startsWith("DEBUG")).length, 50)
        const names = new Set(capture.spans.map((s) => s.name))
        const expected = [
          "descope.otp.verifyCode",
          "descope.mgmt.user.setActivePassword",
          "descope.password.signIn",
          "descope.accessKey.exchange"
        ]
        for (const name of expected) {
          assert.isTrue([...names].some((n) => n.startsWith(name)), `no span ${name} in ${[...names].join(", ")}`)
        }
        assert.isAbove(capture.outputs.length, 150)

        // the secrets were real: the SDK sent them (the tap below it saw each one)
        const wire = capture.wire.join("\n")
        const kinds = new Set<string>()
        for (const s of secrets) {
          kinds.add(s.kind)
          if (s.sent) {
            const what = `the ${s.kind} ${s.value.slice(0, 6)}...`
            assert.isNotEmpty(occurrences(wire, s.value), `${what} never went over the wire`)
          }
        }
        assert.includeMembers(
          [...kinds],
          ["management key", "access key", "refresh token", "password", "OTP code", "TOTP code", "TOTP seed"]
        )

        // ... and appear nowhere the SDK writes or returns
        const haystack = capture.haystack()
        const leaks = secrets.flatMap((s) => occurrences(haystack, s.value).map((where) => `${s.kind}: ...${where}...`))
        assert.deepStrictEqual(leaks, [])
      }),
    { timeout: 30_000 }
  )

  it.scoped("the scan can fail: a secret planted in a log line or a span attribute is found", () =>
    Effect.gen(function*() {
      const env = yield* makeEnv
      const planted = "Planted-Pass-1aB2-secret"
      yield* Effect.gen(function*() {
        yield* Effect.logDebug("nothing to see")
        yield* Effect.annotateCurrentSpan("note", "harmless").pipe(Effect.withSpan("harmless"))
      }).pipe(Effect.provide(captureLayer(env.capture)))
      assert.deepStrictEqual(occurrences(env.capture.haystack(), planted), [])

      yield* Effect.logTrace(`password was ${planted}`).pipe(Effect.provide(captureLayer(env.capture)))
      assert.isNotEmpty(occurrences(env.capture.haystack(), planted))

      const second = new Capture()
      yield* Effect.annotateCurrentSpan("user.password", planted).pipe(
        Effect.withSpan("leaky"),
        Effect.provide(captureLayer(second))
      )
      assert.isNotEmpty(occurrences(second.haystack(), planted))

      const third = new Capture()
      third.outputs.push({ token: planted.slice(0, 3) + planted.slice(3) })
      assert.isNotEmpty(occurrences(third.haystack(), planted))
      // a 6-digit code is found standing alone, not inside a longer number
      assert.lengthOf(occurrences("at 1234567 and code=123456.", "123456"), 1)
    }))
})
