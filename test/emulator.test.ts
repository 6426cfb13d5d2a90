/**
 * The emulator over plain HTTP: Descope-shaped errors, faults, outbox, time,
 * key rotation, rate limiting, federated flows and alternative spellings —
 * mostly in-process (no socket) under `TestClock`, a few over loopback.
 */
import DescopeClient from "@descope/node-sdk"
import type * as Cookies from "@effect/platform/Cookies"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import * as Jose from "jose"
import { parse } from "../src/emulator/EmulatorCli.js"
import * as Emulator from "../src/emulator/index.js"

const P = "P2EmulatorTestProject0000000"
const K = "test-management-key"

interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
  readonly json: Record<string, unknown>
  readonly cookies: Cookies.Cookies["cookies"]
}

const call = (
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  options: {
    readonly body?: unknown
    readonly raw?: string
    readonly token?: string
    readonly authorization?: string
  } = {}
) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    let req = HttpClientRequest.make(method)(`http://emulator.test${path}`).pipe(
      HttpClientRequest.setHeader(
        "authorization",
        options.authorization ?? `Bearer ${P}${options.token !== undefined ? `:${options.token}` : ""}`
      )
    )
    if (options.raw !== undefined) req = HttpClientRequest.bodyText(req, options.raw, "application/json")
    else if (options.body !== undefined) req = HttpClientRequest.bodyUnsafeJson(req, options.body)
    const res = yield* client.execute(req)
    const text = yield* res.text
    let json: Record<string, unknown> = {}
    try {
      json = JSON.parse(text) as Record<string, unknown>
    } catch {
      json = {}
    }
    return { status: res.status, headers: res.headers, text, json, cookies: res.cookies.cookies } satisfies Answer
  })

const mgmt = (method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown) =>
  call(method, path, { token: K, ...(body !== undefined ? { body } : {}) })

const withEmulator = (options: Emulator.Options = {}) =>
  Effect.provide(
    Emulator.layerHttpClient.pipe(Layer.provideMerge(Emulator.layer({ projectId: P, managementKey: K, ...options })))
  )

const emulator = Emulator.Emulator

const testUser = (loginId: string, extra: Record<string, unknown> = {}) =>
  mgmt("POST", "/v1/mgmt/user/create/test", { loginId, email: loginId, ...extra })

const otpLogin = (loginId: string) =>
  Effect.gen(function*() {
    yield* call("POST", "/v1/auth/otp/signin/email", { body: { loginId } })
    const code = Option.getOrThrow(yield* Effect.flatMap(emulator, (e) => e.lastMessage(loginId, "otp"))).code ?? ""
    return yield* call("POST", "/v1/auth/otp/verify/email", { body: { loginId, code } })
  })

describe("errors are Descope-shaped JSON", () => {
  it.effect("unknown path -> 404, known path with another method -> 405", () =>
    Effect.gen(function*() {
      const missing = yield* call("GET", "/v1/auth/nothing/here")
      assert.strictEqual(missing.status, 404)
      assert.strictEqual(missing.json.errorCode, "E011006")
      assert.strictEqual(missing.headers["content-type"], "application/json")
      const wrongMethod = yield* call("GET", "/v1/auth/otp/verify/email")
      assert.strictEqual(wrongMethod.status, 405)
      assert.strictEqual(wrongMethod.headers.allow, "POST")
      assert.strictEqual(wrongMethod.json.errorCode, "E011007")
    }).pipe(withEmulator()))

  it.effect("malformed JSON -> 400 E011001, missing field -> 400 E011002", () =>
    Effect.gen(function*() {
      const bad = yield* call("POST", "/v1/auth/otp/signup/email", { raw: "{\"loginId\": " })
      assert.strictEqual(bad.status, 400)
      assert.strictEqual(bad.json.errorCode, "E011001")
      const missing = yield* call("POST", "/v1/auth/otp/signup/email", { body: {} })
      assert.strictEqual(missing.status, 400)
      assert.strictEqual(missing.json.errorCode, "E011002")
      assert.match(String(missing.json.errorMessage), /loginId/)
    }).pipe(withEmulator()))

  it.effect("JSON null is treated as absent", () =>
    Effect.gen(function*() {
      const nullId = yield* call("POST", "/v1/auth/otp/signup/email", { body: { loginId: null } })
      assert.strictEqual(nullId.json.errorCode, "E011002")
      const ok = yield* call("POST", "/v1/auth/otp/signup/email", {
        body: {
          loginId: "nul@example.com",
          user: null,
          loginOptions: { stepup: false, mfa: false, customClaims: null }
        }
      })
      assert.strictEqual(ok.status, 200)
      assert.deepStrictEqual(ok.json, { maskedEmail: "n***@example.com" })
    }).pipe(withEmulator()))

  it.effect("a wrong, missing or foreign management key -> 401; an unknown project -> 401", () =>
    Effect.gen(function*() {
      for (const token of ["wrong", undefined]) {
        const res = yield* call("GET", "/v1/mgmt/license", token !== undefined ? { token } : {})
        assert.strictEqual(res.status, 401)
        assert.strictEqual(res.json.errorCode, "E011005")
      }
      const unknown = yield* call("GET", "/v1/mgmt/license", {
        authorization: `Bearer P2Other000000000000000000000:${K}`
      })
      assert.strictEqual(unknown.status, 401)
      const ok = yield* mgmt("GET", "/v1/mgmt/license")
      assert.deepStrictEqual(ok.json, { rateLimitTier: "free" })
    }).pipe(withEmulator()))

  it.effect("browsers of a named origin may call it: CORS preflight and that origin", () =>
    Effect.gen(function*() {
      const client = yield* HttpClient.HttpClient
      const preflight = yield* client.execute(
        HttpClientRequest.make("OPTIONS")("http://emulator.test/v1/auth/otp/signin/email").pipe(
          HttpClientRequest.setHeaders({
            origin: "http://localhost:5173",
            "access-control-request-headers": "authorization, x-descope-sdk-name"
          })
        )
      )
      assert.strictEqual(preflight.status, 200)
      assert.strictEqual(preflight.headers["access-control-allow-origin"], "http://localhost:5173")
      assert.strictEqual(preflight.headers["access-control-allow-headers"], "authorization, x-descope-sdk-name")
      const res = yield* client.execute(
        HttpClientRequest.get("http://emulator.test/v1/mgmt/license").pipe(
          HttpClientRequest.setHeaders({ origin: "http://localhost:5173", authorization: `Bearer ${P}:${K}` })
        )
      )
      assert.deepStrictEqual([res.status, res.headers["access-control-allow-credentials"]], [200, "true"])
    }).pipe(withEmulator({ corsOrigins: ["http://localhost:5173"] })))

  it.effect("a second project has its own state and key", () =>
    Effect.gen(function*() {
      const other = "P2SecondProject0000000000000"
      yield* testUser("solo@example.com")
      const res = yield* call("POST", "/v2/mgmt/user/search", { authorization: `Bearer ${other}:other-key`, body: {} })
      assert.deepStrictEqual(res.json, { users: [], total: 0 })
    }).pipe(withEmulator({ projects: [{ projectId: "P2SecondProject0000000000000", managementKey: "other-key" }] })))
})

describe("faults", () => {
  it.effect("a burst of 503s on a path pattern, then normal answers", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* e.addFault({ path: "/v1/mgmt/**", status: 503, times: 2 })
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/license")).status, 503)
      const second = yield* mgmt("GET", "/v1/mgmt/tenant/all")
      assert.strictEqual(second.status, 503)
      assert.strictEqual(second.json.errorCode, "E999999")
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/license")).status, 200)
      assert.deepStrictEqual(yield* e.faults, [])
    }).pipe(withEmulator()))

  it.effect("429 with a chosen Retry-After, only for the matching method", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* e.addFault({ path: "/v1/auth/otp/*/email", method: "POST", retryAfter: 7 })
      const res = yield* call("POST", "/v1/auth/otp/signup-in/email", { body: { loginId: "x@example.com" } })
      assert.strictEqual(res.status, 429)
      assert.strictEqual(res.headers["retry-after"], "7")
      assert.deepStrictEqual(res.json, {
        errorCode: "E130429",
        errorDescription: "https://docs.descope.com/rate-limit",
        errorMessage: "API rate limit exceeded."
      })
      assert.strictEqual((yield* call("GET", "/v1/auth/otp/signup-in/email")).status, 405)
    }).pipe(withEmulator()))

  it.effect("a malformed body keeps the status but is not JSON", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* e.addFault({ path: "/v1/mgmt/license", malformed: true, times: 1 })
      const res = yield* mgmt("GET", "/v1/mgmt/license")
      assert.strictEqual(res.status, 200)
      assert.throws(() => JSON.parse(res.text))
    }).pipe(withEmulator()))

  it.effect("a dropped connection fails the in-process request with a transport error", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* e.addFault({ path: "/v1/mgmt/license", drop: true })
      const error = yield* Effect.flip(mgmt("GET", "/v1/mgmt/license"))
      assert.strictEqual(error._tag, "RequestError")
      assert.strictEqual(error._tag === "RequestError" ? error.reason : "", "Transport")
    }).pipe(withEmulator()))

  it.effect("latency follows the emulator's clock", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* e.addFault({ path: "/v1/mgmt/license", latencyMs: 2_000 })
      const fiber = yield* Effect.fork(mgmt("GET", "/v1/mgmt/license"))
      yield* TestClock.adjust("1999 millis")
      assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
      yield* TestClock.adjust("1 millis")
      assert.strictEqual((yield* Fiber.join(fiber)).status, 200)
    }).pipe(withEmulator()))

  it.effect("faults are set over HTTP too, and never hit the emulator-only routes", () =>
    Effect.gen(function*() {
      const added = yield* call("POST", "/emulator/faults", { body: { path: "/**", status: 500 } })
      assert.isString(added.json.id)
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/license")).status, 500)
      assert.strictEqual((yield* call("GET", "/emulator/faults")).status, 200)
      yield* call("DELETE", "/emulator/faults")
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/license")).status, 200)
    }).pipe(withEmulator()))

  it.effect("an optional real rate limiter per project", () =>
    Effect.gen(function*() {
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/license")).status, 200)
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/license")).status, 200)
      const limited = yield* mgmt("GET", "/v1/mgmt/license")
      assert.strictEqual(limited.status, 429)
      assert.strictEqual(limited.headers["retry-after"], "10")
      assert.strictEqual(limited.json.errorCode, "E130429")
      yield* TestClock.adjust("10 seconds")
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/license")).status, 200)
    }).pipe(withEmulator({ rateLimit: { requests: 2, window: "10 seconds" } })))
})

describe("outbox", () => {
  it.effect("records OTP codes, magic links and the three enchanted links", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* testUser("out@example.com")
      const otp = yield* call("POST", "/v1/auth/otp/signin/email", { body: { loginId: "out@example.com" } })
      assert.deepStrictEqual(otp.json, { maskedEmail: "o***@example.com" })
      yield* call("POST", "/v1/auth/magiclink/signin/email", {
        body: { loginId: "out@example.com", URI: "http://app/ml" }
      })
      const el = yield* call("POST", "/v1/auth/enchantedlink/signin/email", {
        body: { loginId: "out@example.com", URI: "http://app/el" }
      })
      const messages = yield* e.outbox({ loginId: "out@example.com" })
      assert.deepStrictEqual(messages.map((m) => [m.kind, m.deliveryMethod, m.to]), [
        ["otp", "email", "out@example.com"],
        ["magiclink", "email", "out@example.com"],
        ["enchantedlink", "email", "out@example.com"]
      ])
      assert.match(messages[0]?.code ?? "", /^\d{6}$/)
      assert.match(messages[1]?.link ?? "", /^http:\/\/app\/ml\?t=/)
      assert.strictEqual(Object.keys(messages[2]?.links ?? {}).length, 3)
      assert.strictEqual(messages[2]?.linkId, el.json.linkId)
      assert.strictEqual(messages[2]?.link, messages[2]?.links?.[String(el.json.linkId)])
      const overHttp = yield* call("GET", "/emulator/outbox?loginId=out%40example.com&kind=otp")
      assert.deepStrictEqual((overHttp.json.messages as ReadonlyArray<{ code: string }>).map((m) => m.code), [
        messages[0]?.code
      ])
      // the filter is decoded: a kind that does not exist is a 400 naming it, not an empty list
      const unknownKind = yield* call("GET", "/emulator/outbox?loginId=out%40example.com&kind=sms")
      assert.strictEqual(unknownKind.status, 400)
      assert.include(JSON.stringify(unknownKind.json), "kind")
      yield* e.clearOutbox
      assert.deepStrictEqual(yield* e.outbox(), [])
    }).pipe(withEmulator()))

  it.effect("keeps at most historyLimit messages per project, newest last", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* testUser("many@example.com")
      for (let i = 0; i < 3; i++) {
        yield* call("POST", "/v1/auth/otp/signin/email", { body: { loginId: "many@example.com" } })
      }
      const kept = yield* e.outbox()
      assert.strictEqual(kept.length, 2)
      assert.strictEqual(Option.getOrThrow(yield* e.lastMessage("many@example.com")).id, kept[1]?.id)
    }).pipe(withEmulator({ historyLimit: 2 })))

  it.effect("reset forgets users, tenants and messages but keeps the keys", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* testUser("reset@example.com")
      yield* call("POST", "/v1/auth/otp/signin/email", { body: { loginId: "reset@example.com" } })
      const before = yield* e.jwks()
      assert.strictEqual((yield* call("POST", "/emulator/reset", { body: {} })).status, 200)
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/user?loginId=reset@example.com")).status, 404)
      assert.deepStrictEqual(yield* e.outbox(), [])
      assert.deepStrictEqual((yield* e.jwks()).keys.map((k) => k.kid), before.keys.map((k) => k.kid))
    }).pipe(withEmulator()))

  it.effect("invites are recorded with their link", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      const res = yield* mgmt("POST", "/v1/mgmt/user/create", {
        loginId: "new@example.com",
        email: "new@example.com",
        invite: true,
        inviteUrl: "http://app/invite"
      })
      assert.strictEqual((res.json.user as { status: string }).status, "invited")
      const invite = Option.getOrThrow(yield* e.lastMessage("new@example.com", "invite"))
      assert.match(invite.link ?? "", /^http:\/\/app\/invite\?t=/)
      const login = yield* call("POST", "/v1/auth/magiclink/verify", { body: { token: invite.token } })
      assert.strictEqual(login.status, 200)
      assert.strictEqual((login.json.user as { status: string }).status, "enabled")
    }).pipe(withEmulator()))
})

describe("time", () => {
  it.effect("codes expire when emulator time advances; wrong codes lock after the attempt limit", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* testUser("time@example.com")
      yield* call("POST", "/v1/auth/otp/signin/email", { body: { loginId: "time@example.com" } })
      const code = Option.getOrThrow(yield* e.lastMessage("time@example.com")).code ?? ""
      yield* e.advanceTime("6 minutes")
      const expired = yield* call("POST", "/v1/auth/otp/verify/email", { body: { loginId: "time@example.com", code } })
      assert.strictEqual(expired.status, 401)
      assert.strictEqual(expired.json.errorCode, "E061102")

      yield* call("POST", "/v1/auth/otp/signin/email", { body: { loginId: "time@example.com" } })
      const fresh = Option.getOrThrow(yield* e.lastMessage("time@example.com")).code ?? ""
      const wrong = fresh === "000000" ? "111111" : "000000"
      const codes: Array<unknown> = []
      for (let i = 0; i < 3; i++) {
        codes.push(
          (yield* call("POST", "/v1/auth/otp/verify/email", { body: { loginId: "time@example.com", code: wrong } }))
            .json.errorCode
        )
      }
      assert.deepStrictEqual(codes, ["E061102", "E061102", "E061103"])
      const locked = yield* call("POST", "/v1/auth/otp/verify/email", {
        body: { loginId: "time@example.com", code: fresh }
      })
      assert.strictEqual(locked.json.errorCode, "E061103")
    }).pipe(withEmulator()))

  it.effect("tokens carry emulator time; refresh tokens and links expire with TestClock too", () =>
    Effect.gen(function*() {
      yield* testUser("clock@example.com")
      yield* TestClock.adjust("1000 seconds")
      const login = yield* otpLogin("clock@example.com")
      const claims = Jose.decodeJwt(String(login.json.sessionJwt))
      assert.strictEqual(claims.iat, 1000)
      assert.strictEqual(claims.exp, 1600)
      assert.strictEqual(login.json.sessionExpiration, 1600)
      const refresh = String(login.json.refreshJwt)
      assert.strictEqual((yield* call("POST", "/v1/auth/refresh", { token: refresh, body: {} })).status, 200)
      yield* TestClock.adjust("2 hours")
      assert.strictEqual((yield* call("POST", "/v1/auth/refresh", { token: refresh, body: {} })).status, 200)
      const e = yield* emulator
      yield* e.advanceTime("28 days")
      const expired = yield* call("POST", "/v1/auth/refresh", { token: refresh, body: {} })
      assert.strictEqual(expired.status, 401)
    }).pipe(withEmulator({ sessionTokenTtl: "10 minutes" })))

  it.effect("time advances over the emulator-only route too", () =>
    Effect.gen(function*() {
      const before = (yield* call("GET", "/emulator/time")).json.now as number
      const after = yield* call("POST", "/emulator/time/advance", { body: { seconds: 90 } })
      assert.strictEqual(after.json.now, before + 90_000)
    }).pipe(withEmulator()))

  it.effect("an access key past its expireTime is rejected", () =>
    Effect.gen(function*() {
      const created = yield* mgmt("POST", "/v1/mgmt/accesskey/create", {
        name: "short",
        expireTime: 3600,
        roleNames: [],
        keyTenants: []
      })
      const cleartext = String(created.json.cleartext)
      assert.strictEqual(
        (yield* call("POST", "/v1/auth/accesskey/exchange", { token: cleartext, body: { loginOptions: {} } })).status,
        200
      )
      yield* TestClock.adjust("1 hour")
      const rejected = yield* call("POST", "/v1/auth/accesskey/exchange", {
        token: cleartext,
        body: { loginOptions: {} }
      })
      assert.strictEqual(rejected.status, 401)
    }).pipe(withEmulator()))
})

describe("keys", () => {
  it.effect("rotation signs with a new key and keeps the old one published until its tokens expired", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* testUser("keys@example.com")
      const before = yield* otpLogin("keys@example.com")
      const oldSession = String(before.json.sessionJwt)
      const oldKid = Jose.decodeProtectedHeader(oldSession).kid
      const newKid = yield* e.rotateKeys()
      assert.notStrictEqual(newKid, oldKid)
      const published = yield* call("GET", `/v2/keys/${P}`, { authorization: `Bearer ${P}` })
      const keys = published.json.keys as ReadonlyArray<Jose.JWK>
      assert.deepStrictEqual(keys.map((k) => k.kid), [oldKid, newKid])
      assert.deepStrictEqual(keys.map((k) => [k.alg, k.kty, k.crv]), [["ES384", "EC", "P-384"], [
        "ES384",
        "EC",
        "P-384"
      ]])
      const now = yield* e.now
      const verified = yield* Effect.promise(() =>
        Jose.jwtVerify(oldSession, Jose.createLocalJWKSet({ keys: [...keys] }), { currentDate: new Date(now) })
      )
      assert.strictEqual(verified.payload.drn, "DS")
      const refreshed = yield* call("POST", "/v1/auth/refresh", { token: String(before.json.refreshJwt), body: {} })
      assert.strictEqual(Jose.decodeProtectedHeader(String(refreshed.json.sessionJwt)).kid, newKid)
      yield* e.advanceTime("29 days")
      const later = yield* e.jwks()
      assert.deepStrictEqual(later.keys.map((k) => k.kid), [newKid])
    }).pipe(withEmulator()))

  it.effect("RS256 on request; keys rotate over the emulator-only route", () =>
    Effect.gen(function*() {
      const first = (yield* call("GET", `/v2/keys/${P}`)).json.keys as ReadonlyArray<Jose.JWK>
      assert.deepStrictEqual(first.map((k) => [k.alg, k.kty, k.use]), [["RS256", "RSA", "sig"]])
      const rotated = yield* call("POST", "/emulator/keys/rotate", { body: {} })
      const second = (yield* call("GET", `/v2/keys/${P}`)).json.keys as ReadonlyArray<Jose.JWK>
      assert.deepStrictEqual(second.map((k) => k.kid), [first[0]?.kid, rotated.json.kid])
    }).pipe(withEmulator({ algorithm: "RS256" })))
})

describe("flows and spellings", () => {
  it.effect("OAuth: authorize URL on the emulator redirects with a code; exchange gives the configured identity", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* e.setOAuthIdentity("github", { email: "octo@example.com", name: "Octo" })
      const start = yield* call("POST", "/v1/auth/oauth/authorize?provider=github&redirectURL=http%3A%2F%2Fapp%2Fcb", {
        body: {}
      })
      const url = new URL(String(start.json.url))
      assert.strictEqual(url.origin, "http://emulator.test")
      const redirect = yield* call("GET", `${url.pathname}${url.search}`)
      assert.strictEqual(redirect.status, 302)
      const location = new URL(redirect.headers.location ?? "")
      assert.strictEqual(`${location.origin}${location.pathname}`, "http://app/cb")
      const tokens = yield* call("POST", "/v1/auth/oauth/exchange", {
        body: { code: location.searchParams.get("code") }
      })
      assert.strictEqual(tokens.status, 200)
      assert.strictEqual((tokens.json.user as { email: string }).email, "octo@example.com")
      assert.strictEqual(tokens.json.firstSeen, true)
      assert.deepStrictEqual(Jose.decodeJwt(String(tokens.json.sessionJwt)).amr, ["oauth"])
      const reused = yield* call("POST", "/v1/auth/oauth/exchange", {
        body: { code: location.searchParams.get("code") }
      })
      assert.strictEqual(reused.status, 401)
    }).pipe(withEmulator()))

  it.effect("SSO: tenant by e-mail domain on /sso/, exchange on /saml/, roles from group mappings", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      yield* mgmt("POST", "/v1/mgmt/role/create", { name: "viewer" })
      yield* mgmt("POST", "/v1/mgmt/tenant/create", { id: "corp", name: "Corp" })
      yield* mgmt("POST", "/v1/mgmt/sso/saml", {
        tenantId: "corp",
        settings: {
          idpUrl: "https://idp.corp/sso",
          entityId: "corp",
          idpCert: "cert",
          roleMappings: [{ groups: ["staff"], roleName: "viewer" }]
        },
        domains: ["corp.example"]
      })
      yield* e.setSsoIdentity("corp", { email: "jo@corp.example", name: "Jo", groups: ["staff"] })
      const start = yield* call(
        "POST",
        "/v1/auth/sso/authorize?tenant=jo%40corp.example&redirectURL=http%3A%2F%2Fapp%2Fsso",
        { body: {} }
      )
      const url = new URL(String(start.json.url))
      const redirect = yield* call("GET", `${url.pathname}${url.search}`)
      const code = new URL(redirect.headers.location ?? "").searchParams.get("code")
      const tokens = yield* call("POST", "/v1/auth/saml/exchange", { body: { code } })
      assert.strictEqual(tokens.status, 200)
      const claims = Jose.decodeJwt(String(tokens.json.sessionJwt))
      assert.deepStrictEqual(claims.tenants, { corp: { roles: ["viewer"], permissions: [] } })
      const settings = yield* mgmt("GET", "/v2/mgmt/sso/settings?tenantId=corp")
      assert.strictEqual((settings.json.saml as { idpSSOUrl: string }).idpSSOUrl, "https://idp.corp/sso")
      assert.strictEqual((settings.json.tenant as { authType: string }).authType, "saml")
    }).pipe(withEmulator()))

  it.effect("accepts both spellings of §12: ssoAppIDs/ssoAppIds, inactivityTime/InactivityTime, phone update with and without suffix", () =>
    Effect.gen(function*() {
      const created = yield* mgmt("POST", "/v1/mgmt/user/create", {
        loginId: "sp@example.com",
        email: "sp@example.com",
        ssoAppIDs: ["app1"]
      })
      assert.deepStrictEqual((created.json.user as { ssoAppIds: Array<string> }).ssoAppIds, ["app1"])
      const patched = yield* mgmt("PATCH", "/v1/mgmt/user/patch", { loginId: "sp@example.com", ssoAppIds: ["app2"] })
      assert.deepStrictEqual((patched.json.user as { ssoAppIds: Array<string> }).ssoAppIds, ["app2"])
      yield* mgmt("POST", "/v1/mgmt/tenant/create", { id: "t1", name: "T1" })
      yield* mgmt("POST", "/v1/mgmt/tenant/settings", {
        tenantId: "t1",
        enableInactivity: true,
        inactivityTime: 30,
        inactivityTimeUnit: "minutes"
      })
      const s1 = yield* mgmt("GET", "/v1/mgmt/tenant/settings?id=t1")
      assert.deepStrictEqual([s1.json.InactivityTime, s1.json.inactivityTime, s1.json.InactivityTimeUnit], [
        30,
        30,
        "minutes"
      ])
      yield* mgmt("POST", "/v1/mgmt/tenant/settings", {
        tenantId: "t1",
        InactivityTime: 2,
        InactivityTimeUnit: "hours"
      })
      const s2 = yield* mgmt("GET", "/v1/mgmt/tenant/settings?id=t1")
      assert.deepStrictEqual([s2.json.InactivityTime, s2.json.inactivityTime], [2, 2])

      const login = yield* Effect.gen(function*() {
        yield* mgmt("POST", "/v1/mgmt/user/update/status", { loginId: "sp@example.com", status: "enabled" })
        return yield* mgmt("POST", "/v1/mgmt/auth/signin", { loginId: "sp@example.com" })
      })
      const refresh = String(login.json.refreshJwt)
      for (const path of ["/v1/auth/magiclink/update/phone", "/v1/auth/magiclink/update/phone/sms"]) {
        const res = yield* call("POST", path, {
          token: refresh,
          body: { loginId: "sp@example.com", phone: "+15551234567", URI: "http://app/ph" }
        })
        assert.deepStrictEqual(res.json, { maskedPhone: "+*******4567" })
      }
    }).pipe(withEmulator()))

  it.effect("user search honours the filters our client sends", () =>
    Effect.gen(function*() {
      yield* mgmt("POST", "/v1/mgmt/tenant/create", { id: "t1", name: "T1" })
      yield* mgmt("POST", "/v1/mgmt/role/create", { name: "admin" })
      yield* mgmt("POST", "/v1/mgmt/user/create", {
        loginId: "a@example.com",
        email: "a@example.com",
        roleNames: ["admin"],
        customAttributes: { plan: "pro" }
      })
      yield* mgmt("POST", "/v1/mgmt/user/create", {
        loginId: "b@example.com",
        email: "b@example.com",
        userTenants: [{ tenantId: "t1", roleNames: ["admin"] }]
      })
      yield* testUser("c@example.com")
      const search = (body: unknown) =>
        Effect.map(mgmt("POST", "/v2/mgmt/user/search", body), (r) =>
          (r.json.users as ReadonlyArray<{ loginIds: Array<string> }>).map((u) => u.loginIds[0]))
      assert.deepStrictEqual(yield* search({}), ["a@example.com", "b@example.com"])
      assert.deepStrictEqual(yield* search({ withTestUser: true, limit: 2, page: 1 }), ["c@example.com"])
      assert.deepStrictEqual(yield* search({ roleNames: ["admin"] }), ["a@example.com"])
      assert.deepStrictEqual(yield* search({ tenantIds: ["t1"] }), ["b@example.com"])
      assert.deepStrictEqual(yield* search({ customAttributes: { plan: "pro" } }), ["a@example.com"])
      assert.deepStrictEqual(yield* search({ tenantRoleNames: { t1: { values: ["admin"] } } }), ["b@example.com"])
      assert.deepStrictEqual(yield* search({ text: "b@", statuses: ["invited"] }), ["b@example.com"])
      assert.deepStrictEqual(yield* search({ sort: [{ field: "email", desc: true }] }), [
        "b@example.com",
        "a@example.com"
      ])
      const tests = yield* mgmt("POST", "/v2/mgmt/user/search/test", {})
      assert.strictEqual(tests.json.total, 1)
    }).pipe(withEmulator()))

  it.effect("WebAuthn start answers a transaction and the browser's creation options", () =>
    Effect.gen(function*() {
      const res = yield* call("POST", "/v1/auth/webauthn/signup/start", {
        body: { user: { loginId: "w@example.com", name: "W" }, origin: "http://app:3000" }
      })
      assert.strictEqual(res.status, 200)
      assert.strictEqual(res.json.create, true)
      assert.isString(res.json.transactionId)
      const options = JSON.parse(String(res.json.options)).publicKey
      assert.strictEqual(options.rp.id, "app")
      assert.strictEqual(options.user.name, "w@example.com")
      assert.strictEqual(options.user.displayName, "W")
      assert.strictEqual(Buffer.from(options.challenge, "base64url").length, 32)
      assert.deepStrictEqual(options.pubKeyCredParams.map((p: { alg: number }) => p.alg), [-7, -257])
      assert.strictEqual(options.attestation, "none")
    }).pipe(withEmulator()))
})

describe("sessions", () => {
  it.effect("mfa / stepup keep the previous factors and need the refresh token", () =>
    Effect.gen(function*() {
      yield* testUser("mfa@example.com")
      yield* mgmt("POST", "/v1/mgmt/user/password/set/active", {
        loginId: "mfa@example.com",
        password: "long enough pass"
      })
      const first = yield* call("POST", "/v1/auth/password/signin", {
        body: { loginId: "mfa@example.com", password: "long enough pass" }
      })
      const refresh = String(first.json.refreshJwt)
      const missing = yield* call("POST", "/v1/auth/otp/signin/email", {
        body: { loginId: "mfa@example.com", loginOptions: { mfa: true } }
      })
      assert.strictEqual(missing.status, 400)
      const started = yield* call("POST", "/v1/auth/otp/signin/email", {
        token: refresh,
        body: { loginId: "mfa@example.com", loginOptions: { mfa: true } }
      })
      assert.strictEqual(started.status, 200)
      const code = Option.getOrThrow(
        yield* Effect.flatMap(emulator, (e) => e.lastMessage("mfa@example.com", "otp"))
      ).code
      const second = yield* call("POST", "/v1/auth/otp/verify/email", { body: { loginId: "mfa@example.com", code } })
      assert.deepStrictEqual(Jose.decodeJwt(String(second.json.sessionJwt)).amr, ["pwd", "email"])
    }).pipe(withEmulator()))

  it.effect("logout-all revokes every session of the user; a disabled user cannot refresh", () =>
    Effect.gen(function*() {
      yield* testUser("all@example.com")
      const a = String((yield* otpLogin("all@example.com")).json.refreshJwt)
      const b = String((yield* otpLogin("all@example.com")).json.refreshJwt)
      assert.strictEqual((yield* call("POST", "/v1/auth/logoutall", { token: a, body: {} })).status, 200)
      const revoked = yield* call("POST", "/v1/auth/refresh", { token: b, body: {} })
      assert.strictEqual(revoked.json.errorCode, "E064001")
      const c = String((yield* otpLogin("all@example.com")).json.refreshJwt)
      yield* mgmt("POST", "/v1/mgmt/user/update/status", { loginId: "all@example.com", status: "disabled" })
      assert.strictEqual((yield* call("POST", "/v1/auth/refresh", { token: c, body: {} })).status, 401)
      const history = yield* call("GET", "/v1/auth/me/history", { token: a })
      assert.strictEqual(history.status, 401)
    }).pipe(withEmulator()))

  it.effect("me/tenants and history", () =>
    Effect.gen(function*() {
      yield* mgmt("POST", "/v1/mgmt/tenant/create", { id: "t1", name: "One", customAttributes: { tier: 1 } })
      yield* mgmt("POST", "/v1/mgmt/tenant/create", { id: "t2", name: "Two" })
      yield* testUser("mt@example.com", {
        userTenants: [{ tenantId: "t1", roleNames: [] }, { tenantId: "t2", roleNames: [] }]
      })
      const refresh = String((yield* otpLogin("mt@example.com")).json.refreshJwt)
      const selected = yield* call("POST", "/v1/auth/tenant/select", { token: refresh, body: { tenant: "t2" } })
      const dctRefresh = String(selected.json.refreshJwt)
      const dct = yield* call("POST", "/v1/auth/me/tenants", { token: dctRefresh, body: { dct: true } })
      assert.deepStrictEqual(dct.json, { tenants: [{ id: "t2", name: "Two", customAttributes: {} }] })
      const ids = yield* call("POST", "/v1/auth/me/tenants", { token: refresh, body: { ids: ["t1", "nope"] } })
      assert.deepStrictEqual(ids.json, { tenants: [{ id: "t1", name: "One", customAttributes: { tier: 1 } }] })
      const history = yield* call("GET", "/v1/auth/me/history", { token: refresh })
      assert.strictEqual((JSON.parse(history.text) as Array<unknown>).length, 1)
    }).pipe(withEmulator()))
})

describe("management round trips", () => {
  it.effect("tenants, roles, permissions, access keys, groups, impersonation, embedded links, flows", () =>
    Effect.gen(function*() {
      const tenant = yield* mgmt("POST", "/v1/mgmt/tenant/create", {
        name: "Auto",
        selfProvisioningDomains: ["auto.example"]
      })
      const tid = String(tenant.json.id)
      assert.match(tid, /^T/)
      assert.strictEqual((yield* mgmt("POST", "/v1/mgmt/tenant/create", { name: "Auto" })).status, 409)
      yield* mgmt("POST", "/v1/mgmt/tenant/update", { id: tid, name: "Renamed", selfProvisioningDomains: [] })
      assert.strictEqual((yield* mgmt("GET", `/v1/mgmt/tenant?id=${tid}`)).json.name, "Renamed")
      const searched = yield* mgmt("POST", "/v1/mgmt/tenant/search", { tenantNames: ["Renamed"] })
      assert.strictEqual((searched.json.tenants as Array<unknown>).length, 1)

      yield* mgmt("POST", "/v1/mgmt/permission/create/batch", { permissions: [{ name: "p1" }, { name: "p2" }] })
      yield* mgmt("POST", "/v1/mgmt/role/create", { name: "r1", permissionNames: ["p1", "p2"], tenantId: tid })
      assert.strictEqual(
        (yield* mgmt("POST", "/v1/mgmt/role/create", { name: "r2", permissionNames: ["nope"] })).status,
        400
      )
      yield* mgmt("POST", "/v1/mgmt/permission/update", { name: "p1", newName: "p1b" })
      yield* mgmt("POST", "/v1/mgmt/permission/delete", { name: "p2" })
      const roles = yield* mgmt("POST", "/v1/mgmt/role/search", { tenantIds: [tid] })
      assert.deepStrictEqual(
        (roles.json.roles as Array<{ permissionNames: Array<string> }>).map((r) => r.permissionNames),
        [["p1b"]]
      )
      const perms = yield* mgmt("GET", "/v1/mgmt/permission/all")
      assert.deepStrictEqual((perms.json.permissions as Array<{ name: string }>).map((x) => x.name), ["p1b"])

      const user = yield* mgmt("POST", "/v1/mgmt/user/create", {
        loginId: "boss@example.com",
        email: "boss@example.com"
      })
      const userId = (user.json.user as { userId: string }).userId
      yield* mgmt("POST", "/v1/mgmt/user/update/tenant/add", { loginId: "boss@example.com", tenantId: tid })
      yield* mgmt("POST", "/v2/mgmt/user/update/role/add", { loginId: userId, tenantId: tid, roleNames: ["r1"] })
      const loaded = yield* mgmt("GET", `/v1/mgmt/user?userId=${userId}`)
      assert.deepStrictEqual(
        (loaded.json.user as {
          userTenants: Array<
            { tenantId: string; tenantName: string; roleNames: Array<string>; permissions: Array<string> }
          >
        }).userTenants,
        [
          { tenantId: tid, roleNames: ["r1"], tenantName: "Renamed", permissions: ["p1b"] }
        ]
      )

      const key = yield* mgmt("POST", "/v1/mgmt/accesskey/create", {
        name: "k",
        expireTime: 0,
        userId: "boss@example.com",
        roleNames: [],
        keyTenants: []
      })
      const keyId = (key.json.key as { id: string }).id
      const rotated = yield* mgmt("POST", "/v1/mgmt/accesskey/rotate", { id: keyId })
      assert.strictEqual(
        (yield* call("POST", "/v1/auth/accesskey/exchange", { token: String(key.json.cleartext), body: {} })).status,
        401
      )
      const exchanged = yield* call("POST", "/v1/auth/accesskey/exchange", {
        token: String(rotated.json.cleartext),
        body: { loginOptions: { selectedTenant: tid } }
      })
      const claims = Jose.decodeJwt(String(exchanged.json.sessionJwt))
      assert.deepStrictEqual([claims.sub, claims.dct, claims.tenants], [keyId, tid, {
        [tid]: { roles: ["r1"], permissions: ["p1b"] }
      }])
      const keys = yield* mgmt("POST", "/v1/mgmt/accesskey/search", { boundUserId: userId })
      assert.strictEqual((keys.json.keys as Array<unknown>).length, 1)

      yield* Effect.flatMap(emulator, (e) => e.setSsoIdentity(tid, { email: "x@example.com" }))
      const group = yield* call("POST", "/emulator/groups", {
        body: { tenantId: tid, display: "Admins", members: ["boss@example.com"] }
      })
      const groups = yield* mgmt("POST", "/v1/mgmt/group/member/all", {
        tenantId: tid,
        loginIds: ["boss@example.com"],
        userIds: []
      })
      assert.deepStrictEqual(JSON.parse(groups.text), [
        {
          id: group.json.id,
          display: "Admins",
          source: "scim",
          members: [{ loginId: "boss@example.com", userId, display: "" }]
        }
      ])

      yield* mgmt("POST", "/v1/mgmt/permission/create", { name: "impersonation" })
      yield* mgmt("POST", "/v1/mgmt/role/create", { name: "support", permissionNames: ["impersonation"] })
      yield* mgmt("POST", "/v1/mgmt/user/create", { loginId: "help@example.com", roleNames: ["support"] })
      const imp = yield* mgmt("POST", "/v1/mgmt/impersonate", {
        impersonatorId: "help@example.com",
        loginId: "boss@example.com",
        validateConsent: false
      })
      const impClaims = Jose.decodeJwt(String(imp.json.jwt))
      assert.deepStrictEqual([impClaims.sub, impClaims.drn], [userId, "DSR"])
      assert.strictEqual(
        (yield* call("POST", "/v1/auth/refresh", { token: String(imp.json.jwt), body: {} })).status,
        200
      )
      const denied = yield* mgmt("POST", "/v1/mgmt/impersonate", {
        impersonatorId: "boss@example.com",
        loginId: "help@example.com",
        validateConsent: false
      })
      assert.strictEqual(denied.status, 403)

      const embedded = yield* mgmt("POST", "/v1/mgmt/user/signin/embeddedlink", {
        loginId: "boss@example.com",
        customClaims: { src: "embed" }
      })
      const viaLink = yield* call("POST", "/v1/auth/magiclink/verify", { body: { token: embedded.json.token } })
      assert.strictEqual(Jose.decodeJwt(String(viaLink.json.sessionJwt)).src, "embed")
      const anon = yield* mgmt("POST", "/v1/mgmt/auth/anonymous", { customClaims: { guest: true } })
      assert.strictEqual(Jose.decodeJwt(String(anon.json.sessionJwt)).guest, true)
      assert.isUndefined(anon.json.user)

      const nested = yield* mgmt("POST", "/v1/mgmt/flow/run", { flowId: "f1", options: { input: { a: 1 } } })
      const flat = yield* mgmt("POST", "/v1/mgmt/flow/run", { flowId: "f1", input: { a: 1 } })
      assert.deepStrictEqual([nested.json, flat.json], [{ output: { flowId: "f1", a: 1 } }, {
        output: { flowId: "f1", a: 1 }
      }])

      yield* mgmt("POST", "/v1/mgmt/tenant/delete", { id: tid, cascade: false })
      const after = yield* mgmt("GET", `/v1/mgmt/user?loginId=boss@example.com`)
      assert.deepStrictEqual((after.json.user as { userTenants: Array<unknown> }).userTenants, [])
      assert.strictEqual((yield* mgmt("GET", "//v1/mgmt/tenant/all/")).status, 200)
    }).pipe(withEmulator()))

  it.effect("batch create, patch batch, delete batch, test users deleted all at once", () =>
    Effect.gen(function*() {
      const batch = yield* mgmt("POST", "/v1/mgmt/user/create/batch", {
        users: [{ loginId: "b1@example.com", password: "long enough pw" }, { loginId: "b2@example.com", test: true }, {
          loginId: "b1@example.com"
        }]
      })
      assert.deepStrictEqual([
        (batch.json.createdUsers as Array<unknown>).length,
        (batch.json.failedUsers as Array<unknown>).length
      ], [2, 1])
      const signin = yield* call("POST", "/v1/auth/password/signin", {
        body: { loginId: "b1@example.com", password: "long enough pw" }
      })
      assert.strictEqual(signin.status, 200)
      const patched = yield* mgmt("PATCH", "/v1/mgmt/user/patch/batch", {
        users: [{ loginId: "b1@example.com", displayName: "B" }, { loginId: "zz" }]
      })
      assert.deepStrictEqual([
        (patched.json.patchedUsers as Array<unknown>).length,
        (patched.json.failedUsers as Array<unknown>).length
      ], [1, 1])
      yield* mgmt("DELETE", "/v1/mgmt/user/test/delete/all")
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/user?loginId=b2@example.com")).status, 404)
      const b1 = (yield* mgmt("GET", "/v1/mgmt/user?loginId=b1@example.com")).json.user as {
        userId: string
        name: string
      }
      assert.strictEqual(b1.name, "B")
      yield* mgmt("POST", "/v1/mgmt/user/delete/batch", { userIds: [b1.userId] })
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/user?loginId=b1@example.com")).status, 404)
    }).pipe(withEmulator()))

  it.effect("deleting a tenant with cascade removes the users that belonged to it only", () =>
    Effect.gen(function*() {
      yield* mgmt("POST", "/v1/mgmt/tenant/create", { id: "gone", name: "Gone" })
      yield* mgmt("POST", "/v1/mgmt/tenant/create", { id: "kept", name: "Kept" })
      yield* mgmt("POST", "/v1/mgmt/user/create", { loginId: "only@example.com", userTenants: [{ tenantId: "gone" }] })
      yield* mgmt("POST", "/v1/mgmt/user/create", {
        loginId: "both@example.com",
        userTenants: [{ tenantId: "gone" }, { tenantId: "kept" }]
      })
      yield* mgmt("POST", "/v1/mgmt/tenant/delete", { id: "gone", cascade: true })
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/user?loginId=only@example.com")).status, 404)
      const both = (yield* mgmt("GET", "/v1/mgmt/user?loginId=both@example.com")).json.user as {
        userTenants: Array<{ tenantId: string }>
      }
      assert.deepStrictEqual(both.userTenants.map((t) => t.tenantId), ["kept"])
      assert.strictEqual((yield* mgmt("GET", "/v1/mgmt/tenant?id=gone")).status, 404)
    }).pipe(withEmulator()))

  it.effect("passwords: policy, temporary password, reset link, replace", () =>
    Effect.gen(function*() {
      const e = yield* emulator
      const policy = yield* call("GET", "/v1/auth/password/policy")
      assert.deepStrictEqual(policy.json, {
        minLength: 8,
        lowercase: false,
        uppercase: false,
        number: false,
        nonAlphanumeric: false
      })
      assert.strictEqual(
        (yield* call("POST", "/v1/auth/password/signup", { body: { loginId: "pw@example.com", password: "short" } }))
          .json.errorCode,
        "E062902"
      )
      yield* call("POST", "/v1/auth/password/signup", {
        body: { loginId: "pw@example.com", password: "first password" }
      })
      yield* mgmt("POST", "/v1/mgmt/user/password/set/temporary", {
        loginId: "pw@example.com",
        password: "temporary pass"
      })
      const expired = yield* call("POST", "/v1/auth/password/signin", {
        body: { loginId: "pw@example.com", password: "temporary pass" }
      })
      assert.strictEqual(expired.json.errorCode, "E062909")
      const replaced = yield* call("POST", "/v1/auth/password/replace", {
        body: { loginId: "pw@example.com", oldPassword: "temporary pass", newPassword: "second password" }
      })
      assert.strictEqual(replaced.status, 200)
      const reset = yield* call("POST", "/v1/auth/password/reset", {
        body: { loginId: "pw@example.com", redirectUrl: "http://app/reset" }
      })
      assert.deepStrictEqual(reset.json, { resetMethod: "magiclink", maskedEmail: "p***@example.com" })
      const message = Option.getOrThrow(yield* e.lastMessage("pw@example.com", "password-reset"))
      const session = yield* call("POST", "/v1/auth/magiclink/verify", { body: { token: message.token } })
      yield* call("POST", "/v1/auth/password/update", {
        token: String(session.json.refreshJwt),
        body: { loginId: "pw@example.com", newPassword: "third password" }
      })
      assert.strictEqual(
        (yield* call("POST", "/v1/auth/password/signin", {
          body: { loginId: "pw@example.com", password: "third password" }
        })).status,
        200
      )
      yield* mgmt("POST", "/v1/mgmt/password/settings", { minLength: 12, number: true })
      assert.deepStrictEqual((yield* call("GET", "/v1/auth/password/policy")).json.minLength, 12)
    }).pipe(withEmulator()))
})

describe("over loopback", () => {
  it.scoped(
    "concurrent creations of one login id: exactly one wins; a dropped connection rejects fetch",
    () =>
      Effect.gen(function*() {
        const info = yield* Emulator.serve({ port: 0 })
        const e = yield* emulator
        const attempts = yield* Effect.forEach(Array.from({ length: 20 }, (_, i) => i), () =>
          Effect.promise(() =>
            fetch(`${info.baseUrl}/v1/mgmt/user/create`, {
              method: "POST",
              headers: { authorization: `Bearer ${P}:${K}`, "content-type": "application/json" },
              body: JSON.stringify({ loginId: "race@example.com" })
            }).then((r) =>
              r.status
            )
          ), { concurrency: "unbounded" })
        assert.deepStrictEqual([
          attempts.filter((s) =>
            s === 200
          ).length,
          attempts.filter((s) => s === 409).length
        ], [1, 19])
        yield* e.addFault({ path: "/v1/mgmt/license", drop: true, times: 1 })
        const dropped = yield* Effect.promise(() =>
          fetch(`${info.baseUrl}/v1/mgmt/license`, { headers: { authorization: `Bearer ${P}:${K}` } }).then(
            () => "answered",
            () => "dropped"
          )
        )
        assert.strictEqual(dropped, "dropped")
        const after = yield* Effect.promise(() =>
          fetch(`${info.baseUrl}/v1/mgmt/license`, { headers: { authorization: `Bearer ${P}:${K}` } })
        )
        assert.strictEqual(after.status, 200)
      }).pipe(Effect.provide(Emulator.layer({ projectId: P, managementKey: K }))),
    { timeout: 10_000 }
  )
})

describe("cookie delivery", () => {
  it.effect("refreshTokenDelivery: cookie leaves refreshJwt out of the body and sets DS / DSR", () =>
    Effect.gen(function*() {
      yield* testUser("cookie@example.com")
      const login = yield* otpLogin("cookie@example.com")
      assert.isUndefined(login.json.refreshJwt)
      assert.isString(login.json.sessionJwt)
      const ds = login.cookies.DS
      const dsr = login.cookies.DSR
      assert.strictEqual(ds?.value, login.json.sessionJwt)
      assert.deepStrictEqual([dsr?.options?.path, dsr?.options?.httpOnly, dsr?.options?.sameSite], [
        "/",
        true,
        "strict"
      ])
      const refresh = dsr?.value ?? ""
      assert.strictEqual(Jose.decodeJwt(refresh).drn, "DSR")
      assert.strictEqual((yield* call("POST", "/v1/auth/refresh", { token: refresh, body: {} })).status, 200)
    }).pipe(withEmulator({ refreshTokenDelivery: "cookie" })))

  it.live("node-sdk picks the refresh token up from the DSR cookie", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.serve()
      const sdk = DescopeClient({ projectId: P, baseUrl: info.baseUrl, managementKey: K })
      const refreshed = yield* Effect.promise(async () => {
        await sdk.management.user.createTestUser("jar@example.com", { email: "jar@example.com" })
        const otp = await sdk.management.user.generateOTPForTestUser("email", "jar@example.com")
        const verified = await sdk.otp.verify.email("jar@example.com", otp.data?.code ?? "")
        return sdk.refreshSession(verified.data?.refreshJwt ?? "")
      })
      assert.strictEqual(refreshed.token.drn, "DS")
    }).pipe(
      Effect.scoped,
      Effect.provide(Emulator.layer({ projectId: P, managementKey: K, refreshTokenDelivery: "cookie" }))
    ), { timeout: 10_000 })
})

describe("command line", () => {
  it("parses flags, with defaults for every one", () => {
    const defaults = parse([])
    assert.strictEqual(defaults._tag, "Run")
    if (defaults._tag === "Run") {
      assert.deepStrictEqual(
        [defaults.port, defaults.host, defaults.options.projectId, defaults.options.managementKey],
        [
          4000,
          "127.0.0.1",
          "P2EmulatorProject00000000000",
          "emulator-management-key"
        ]
      )
    }
    const custom = parse([
      "--port",
      "0",
      "--project-id",
      "P2x",
      "--management-key",
      "k",
      "--algorithm",
      "RS256",
      "--quiet"
    ])
    assert.strictEqual(
      custom._tag === "Run"
        ? `${custom.port} ${custom.options.projectId} ${custom.options.algorithm} ${custom.quiet}`
        : "",
      "0 P2x RS256 true"
    )
    const cookies = parse(["--token-delivery", "cookie", "--rate-limit", "5"])
    assert.deepStrictEqual(
      cookies._tag === "Run" ? [cookies.options.refreshTokenDelivery, cookies.options.rateLimit?.requests] : [],
      ["cookie", 5]
    )
    assert.strictEqual(parse(["--token-delivery", "jar"])._tag, "Invalid")
    assert.strictEqual(parse(["--port", "x"])._tag, "Invalid")
    assert.strictEqual(parse(["--bogus"])._tag, "Invalid")
    assert.strictEqual(parse(["--help"])._tag, "Help")
  })
})
