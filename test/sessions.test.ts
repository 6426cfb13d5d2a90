import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/TestClock"
import * as Tracer from "effect/Tracer"
import * as fc from "fast-check"
import * as NodeCrypto from "node:crypto"
import type * as DescopeConfig from "../src/core/DescopeConfig.js"
import type { InvalidSessionReason } from "../src/core/DescopeError.js"
import type { ValidateOptions } from "../src/core/Session.js"
import { issuerMatches } from "../src/core/SessionValidatorLive.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { claims, jwks, makeKey, NOW, PROJECT_ID, sign, signHs256, unsecured } from "./support/sessions.js"

const KEYS_PATH = `/v2/keys/${PROJECT_ID}`
const es = makeKey("ES384", "K-ES")
const rs = makeKey("RS256", "K-RS")

const keysHandler: MockHttpClient.Handler = (request) =>
  request.path === KEYS_PATH ? MockHttpClient.json(jwks(es, rs)) : MockHttpClient.json({}, { status: 404 })

const client = (options: Partial<DescopeConfig.Options> = {}, handler: MockHttpClient.Handler = keysHandler) =>
  Descope.layerTest({ projectId: PROJECT_ID, baseUrl: "https://api.descope.test", ...options }, handler)

const atNow = TestClock.setTime(NOW * 1000)

const reasonOf = <C>(token: string, options?: ValidateOptions<C>) =>
  Effect.gen(function*() {
    const descope = yield* DescopeClient
    const exit = yield* Effect.exit(descope.validateSession(token, options))
    if (Exit.isSuccess(exit)) return "valid" as const
    assert.isFalse(Cause.isDie(exit.cause), "a defect")
    const error = Cause.failureOption(exit.cause)
    assert.isTrue(error._tag === "Some")
    if (error._tag === "None") return "none" as const
    assert.strictEqual(error.value._tag, "InvalidSessionError", error.value.message)
    return error.value._tag === "InvalidSessionError" ? error.value.reason : error.value._tag
  })

const expectReason = <C>(token: string, reason: InvalidSessionReason | "valid", options?: ValidateOptions<C>) =>
  Effect.map(reasonOf(token, options), (actual) => assert.strictEqual(actual, reason))

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

describe("validateSession", () => {
  it.effect("returns the Session of a valid token", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const token = sign(
        es,
        claims({
          dsub: "U-dsub",
          roles: ["admin", 7],
          permissions: ["read"],
          tenants: { T1: { roles: ["owner"], permissions: ["write"] }, T2: {} },
          dct: "T1",
          amr: ["email"],
          k1: "custom",
          iss: `https://api.descope.com/${PROJECT_ID}`
        })
      )
      const session = yield* descope.validateSession(Redacted.make(token))
      assert.strictEqual(session.userId, "U-dsub")
      assert.strictEqual(session.subject, "U2Cu0j0WPw3YOiPISJb52L0wUVMg")
      assert.strictEqual(session.projectId, PROJECT_ID)
      assert.deepStrictEqual(session.roles, ["admin"])
      assert.deepStrictEqual(session.permissions, ["read"])
      assert.deepStrictEqual(session.tenants, {
        T1: { roles: ["owner"], permissions: ["write"] },
        T2: { roles: [], permissions: [] }
      })
      assert.strictEqual(session.currentTenant, "T1")
      assert.deepStrictEqual(session.amr, ["email"])
      assert.strictEqual(session.issuedAt, NOW)
      assert.strictEqual(session.expiresAt, NOW + 600)
      assert.strictEqual(session.tokenType, "DS")
      assert.deepStrictEqual(session.customClaims, { k1: "custom" })
      assert.strictEqual(session.claims.iss, PROJECT_ID)
      assert.strictEqual(String(session.jwt), "<redacted>")
      assert.strictEqual(Redacted.value(session.jwt), token)
      assert.notInclude(JSON.stringify(session), token)
    }).pipe(Effect.provide(client())))

  it.effect("a __proto__ custom claim stays a plain property, never the prototype of customClaims", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const hostile = JSON.parse("{\"__proto__\":{\"isAdmin\":true},\"k1\":\"v\"}") as Record<string, unknown>
      const session = yield* descope.validateSession(sign(es, { ...claims({}), ...hostile }))
      const custom = session.customClaims as Record<string, unknown>
      assert.strictEqual(custom.isAdmin, undefined)
      assert.strictEqual(Object.getPrototypeOf(custom), Object.prototype)
      assert.deepStrictEqual(Object.getOwnPropertyDescriptor(custom, "__proto__")?.value, { isAdmin: true })
      assert.strictEqual(custom.k1, "v")
    }).pipe(Effect.provide(client())))

  it.effect("a tenant named __proto__ stays a plain entry, never the prototype of the tenants map", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const tenants = JSON.parse("{\"__proto__\":{\"roles\":[\"admin\"]},\"T1\":{\"roles\":[\"r\"]}}") as unknown
      const session = yield* descope.validateSession(sign(es, { ...claims({}), tenants }))
      assert.strictEqual(Object.getPrototypeOf(session.tenants), Object.prototype)
      assert.deepStrictEqual(Object.getOwnPropertyDescriptor(session.tenants, "__proto__")?.value, {
        roles: ["admin"],
        permissions: []
      })
      assert.deepStrictEqual(session.tenants.T1, { roles: ["r"], permissions: [] })
      assert.deepStrictEqual(Object.keys(session.tenants), ["__proto__", "T1"])
    }).pipe(Effect.provide(client())))

  it.effect("a token that is not a string (untyped callers) is a typed Missing failure, never a defect", () =>
    Effect.gen(function*() {
      const descope = yield* DescopeClient
      for (const bad of [null, undefined, 42, {}]) {
        const exit = yield* Effect.exit(descope.validateSession(bad as unknown as string))
        assert.isTrue(Exit.isFailure(exit))
        if (Exit.isFailure(exit)) {
          assert.isFalse(Cause.isDie(exit.cause))
          const error = Cause.failureOption(exit.cause)
          assert.isTrue(
            error._tag === "Some" && error.value._tag === "InvalidSessionError" &&
              error.value.reason === "Missing"
          )
        }
      }
    }).pipe(Effect.provide(client())))

  it.effect("checks exp at the leeway edge (default 5 s), on fresh and cached tokens", () =>
    Effect.gen(function*() {
      yield* atNow
      const cached = sign(es, claims())
      yield* expectReason(cached, "valid")
      yield* TestClock.setTime((NOW + 604) * 1000)
      yield* expectReason(cached, "valid")
      yield* expectReason(sign(es, claims({ n: 1 })), "valid")
      yield* TestClock.setTime((NOW + 605) * 1000)
      yield* expectReason(cached, "Expired")
      yield* expectReason(cached, "Expired")
      yield* expectReason(sign(es, claims({ n: 2 })), "Expired")
    }).pipe(Effect.provide(client())))

  it.effect("checks nbf at the configured leeway edge", () =>
    Effect.gen(function*() {
      yield* atNow
      const token = sign(rs, claims({ nbf: NOW + 30 }))
      yield* expectReason(token, "NotYetValid")
      yield* TestClock.setTime((NOW + 9) * 1000)
      yield* expectReason(token, "NotYetValid")
      yield* TestClock.setTime((NOW + 10) * 1000)
      yield* expectReason(token, "valid")
      // exp with the same 20 s leeway
      yield* TestClock.setTime((NOW + 619) * 1000)
      yield* expectReason(token, "valid")
      yield* TestClock.setTime((NOW + 620) * 1000)
      yield* expectReason(token, "Expired")
    }).pipe(Effect.provide(client({ jwtLeeway: "20 seconds" }))))

  it.effect("the verified-token cache returns the same Session and never accepts an expired token", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const token = sign(es, claims({ exp: NOW + 60 }))
      const first = yield* descope.validateSession(token)
      const second = yield* descope.validateSession(token)
      assert.strictEqual(first, second)
      for (const seconds of [64, 65, 66, 3600]) {
        yield* TestClock.setTime((NOW + seconds) * 1000)
        yield* expectReason(token, seconds < 65 ? "valid" : "Expired")
      }
      // per-call options are checked on cache hits too
      yield* TestClock.setTime(NOW * 1000)
      const aud = sign(es, claims({ aud: ["app-1"] }))
      yield* expectReason(aud, "valid")
      yield* expectReason(aud, "WrongAudience", { audience: "app-2" })
      yield* expectReason(aud, "valid", { audience: ["app-2", "app-1"] })
    }).pipe(Effect.provide(client())))

  it.effect("rejects hostile and broken tokens with the right reason, never a defect", () =>
    Effect.gen(function*() {
      yield* atNow
      const good = sign(rs, claims())
      const [h, p, s] = good.split(".") as [string, string, string]
      const tamperedPayload = `${h}.${b64({ ...claims(), roles: ["admin"] })}.${s}`
      const sigBytes = Buffer.from(s, "base64url")
      sigBytes[0] = (sigBytes[0] ?? 0) ^ 0xff
      const tamperedSignature = `${h}.${p}.${sigBytes.toString("base64url")}`
      const publicPem = NodeCrypto.createPublicKey({ key: rs.publicJwk, format: "jwk" }).export({
        format: "pem",
        type: "spki"
      })
      yield* expectReason(tamperedPayload, "BadSignature")
      yield* expectReason(tamperedSignature, "BadSignature")
      yield* expectReason(unsecured(claims(), rs.kid), "AlgorithmNotAllowed")
      yield* expectReason(signHs256(publicPem, claims(), rs.kid), "AlgorithmNotAllowed")
      yield* expectReason(signHs256(JSON.stringify(rs.publicJwk), claims(), rs.kid), "AlgorithmNotAllowed")
      // header alg must equal the key's alg (PS256 with the RS256 key's kid)
      yield* expectReason(sign({ ...rs, alg: "PS256" }, claims()), "AlgorithmNotAllowed")
      yield* expectReason(sign(es, claims(), { kid: undefined }), "Malformed")
      yield* expectReason(sign(es, claims(), { kid: "" }), "Malformed")
      yield* expectReason(sign(es, claims(), { crit: ["exp"] }), "Malformed")
      yield* expectReason(sign(es, claims({ exp: "tomorrow" })), "Malformed")
      yield* expectReason(`${h}.${p}`, "Malformed")
      yield* expectReason(`${h}.${p}.`, "Malformed")
      yield* expectReason(good.slice(0, good.length - 12), "BadSignature")
      yield* expectReason(good.slice(0, h.length + 10), "Malformed")
      yield* expectReason(`${good}.x`, "Malformed")
      yield* expectReason(`${b64([1])}.${p}.${s}`, "Malformed")
      yield* expectReason(`${h}.${b64("str")}.${s}`, "Malformed")
      // RS256: 256 bytes = 342 characters, the last one carries 4 unused bits
      const last = s.charAt(s.length - 1)
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
      const malleable = `${h}.${p}.${s.slice(0, -1)}${alphabet.charAt(alphabet.indexOf(last) | 0x01)}`
      assert.deepStrictEqual(Buffer.from(malleable.split(".")[2] ?? "", "base64url"), Buffer.from(s, "base64url"))
      yield* expectReason(malleable, "BadSignature")
      yield* expectReason("", "Missing")
      yield* expectReason("not a jwt", "Malformed")
      yield* expectReason("a.b.c", "Malformed")
    }).pipe(Effect.provide(client())))

  it.effect("rejects an oversized token before decoding it (no key fetch)", () =>
    Effect.gen(function*() {
      yield* atNow
      const big = sign(es, claims({ padding: "x".repeat(17_000) }))
      yield* expectReason(big, "Malformed")
      const recorder = yield* MockHttpClient.MockHttpRecorder
      assert.strictEqual((yield* recorder.requests).length, 0)
      const justUnder = sign(es, claims({ padding: "x".repeat(11_000) }))
      assert.isBelow(justUnder.length, 16 * 1024)
      yield* expectReason(justUnder, "valid")
    }).pipe(Effect.provide(client())))

  it.effect("random input never produces a defect", () =>
    Effect.gen(function*() {
      yield* atNow
      const good = sign(es, claims())
      const samples = [
        ...fc.sample(fc.string({ maxLength: 200 }), 150),
        ...fc.sample(fc.base64String({ maxLength: 200 }), 50),
        ...fc.sample(
          fc.tuple(fc.nat({ max: good.length - 1 }), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) =>
            good.slice(0, i) + c + good.slice(i + 1)
          ),
          100
        )
      ]
      for (const sample of samples) {
        const reason = yield* reasonOf(sample)
        if (sample !== good) assert.notStrictEqual(reason, "valid", sample)
      }
    }).pipe(Effect.provide(client())))

  it.effect("checks the issuer: the project id, or a URL / path ending with it (or with one segment after it)", () =>
    Effect.gen(function*() {
      yield* atNow
      yield* expectReason(sign(es, claims({ iss: `https://api.descope.com/${PROJECT_ID}` })), "valid")
      yield* expectReason(
        sign(es, claims({ iss: `https://auth.x.com/v1/apps/agentic/${PROJECT_ID}/server-1` })),
        "valid"
      )
      yield* expectReason(sign(es, claims({ iss: `v1/${PROJECT_ID}` })), "valid")
      yield* expectReason(sign(es, claims({ iss: "P-other" })), "WrongIssuer")
      yield* expectReason(sign(es, claims({ iss: `https://evil.com/${PROJECT_ID}x` })), "WrongIssuer")
      yield* expectReason(sign(es, claims({ iss: `https://x.com/${PROJECT_ID}/a/b` })), "WrongIssuer")
      yield* expectReason(sign(es, claims({ iss: undefined })), "WrongIssuer")
      assert.isTrue(issuerMatches(`https://${PROJECT_ID}.example/`, "x") === false)
      assert.isFalse(issuerMatches(`https://${PROJECT_ID}/`, PROJECT_ID))
    }).pipe(Effect.provide(client())))

  it.effect("checks audience, maximum token age and a custom-claims schema", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const noAud = sign(es, claims())
      yield* expectReason(noAud, "WrongAudience", { audience: "app" })
      yield* expectReason(sign(es, claims({ aud: "app" })), "valid", { audience: "app" })
      yield* expectReason(sign(es, claims({ aud: ["a", "b"] })), "WrongAudience", { audience: ["c"] })
      const old = sign(es, claims({ iat: NOW - 3600 }))
      yield* expectReason(old, "TooOld", { maxTokenAge: "30 minutes" })
      yield* expectReason(old, "valid", { maxTokenAge: "2 hours" })
      yield* expectReason(sign(es, claims({ iat: undefined })), "TooOld", { maxTokenAge: "1 hour" })
      yield* expectReason(sign(es, claims({ iat: NOW + 6 })), "NotYetValid", { maxTokenAge: "1 hour" })
      yield* expectReason(sign(es, claims({ iat: NOW + 5 })), "valid", { maxTokenAge: "1 hour" })
      const Custom = Schema.Struct({ plan: Schema.Literal("pro", "free"), seats: Schema.Number })
      const token = sign(es, claims({ plan: "pro", seats: 3 }))
      const session = yield* descope.validateSession(token, { claims: Custom })
      assert.deepStrictEqual(session.customClaims, { plan: "pro", seats: 3 })
      const again = yield* descope.validateSession(token, { claims: Custom })
      assert.strictEqual(again, session)
      yield* expectReason(sign(es, claims({ plan: "gold", seats: 3 })), "InvalidClaims", { claims: Custom })
    }).pipe(Effect.provide(client())))
})

// ---------------------------------------------------------------------------
// remote operations
// ---------------------------------------------------------------------------

const SESSION_2 = () => sign(es, claims({ n: "new-session" }))
const REFRESH = () => sign(es, claims({ drn: "DSR", exp: NOW + 86_400 }))
const REFRESH_2 = () => sign(es, claims({ drn: "DSR", exp: NOW + 86_400, n: "rotated" }))

const recorded = Effect.map(
  Effect.flatMap(MockHttpClient.MockHttpRecorder, (r) => r.requests),
  (requests) => requests.filter((r) => r.path !== KEYS_PATH)
)

const withRoutes = (routes: Record<string, (request: MockHttpClient.RecordedRequest) => Response>) =>
  client({}, (request) => {
    if (request.path === KEYS_PATH) return MockHttpClient.json(jwks(es, rs))
    const route = routes[`${request.method} ${request.path}`]
    return route !== undefined ? route(request) : MockHttpClient.json({ errorCode: "E011003" }, { status: 400 })
  })

describe("refreshSession", () => {
  it.effect("POST /v1/auth/refresh with Bearer <projectId>:<refresh> and {}, rotated DSR from Set-Cookie", () => {
    const refresh = REFRESH()
    const rotated = REFRESH_2()
    const session2 = SESSION_2()
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const info = yield* descope.refreshSession(Redacted.make(refresh))
      const [request] = yield* recorded
      assert.strictEqual(request?.method, "POST")
      assert.strictEqual(request?.path, "/v1/auth/refresh")
      assert.strictEqual(request?.headers.authorization, `Bearer ${PROJECT_ID}:${refresh}`)
      assert.deepStrictEqual(request?.body, {})
      assert.strictEqual(Redacted.value(info.sessionToken), session2)
      assert.strictEqual(info.refreshToken !== undefined ? Redacted.value(info.refreshToken) : "", rotated)
      assert.strictEqual(info.refresh?.tokenType, "DSR")
      const cookies = info.setCookies.map(Redacted.value)
      assert.strictEqual(cookies.length, 2)
      assert.isTrue(cookies[0]?.startsWith(`DS=${session2}; Path=/app; Domain=example.com; Max-Age=3600`))
      assert.isTrue(cookies[1]?.startsWith(`DSR=${rotated}; `))
    }).pipe(Effect.provide(withRoutes({
      "POST /v1/auth/refresh": () =>
        MockHttpClient.json(
          { sessionJwt: session2, cookieDomain: "example.com", cookiePath: "/app", cookieMaxAge: 3600 },
          { headers: { "set-cookie": `DSR=${rotated}; Path=/; HttpOnly` } }
        )
    })))
  })

  it.effect("takes the new session from a DS cookie and keeps the sent refresh token when none is returned", () => {
    const refresh = REFRESH()
    const session2 = SESSION_2()
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const info = yield* descope.refreshSession(refresh)
      assert.strictEqual(Redacted.value(info.sessionToken), session2)
      assert.strictEqual(info.refreshToken !== undefined ? Redacted.value(info.refreshToken) : "", refresh)
      assert.strictEqual(info.setCookies.length, 1)
    }).pipe(Effect.provide(withRoutes({
      "POST /v1/auth/refresh": () => MockHttpClient.json({}, { headers: { "set-cookie": `DS=${session2}; Path=/` } })
    })))
  })

  it.effect("an invalid refresh token is refused locally, nothing is sent", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const expired = sign(es, claims({ drn: "DSR", exp: NOW - 100 }))
      const error = yield* Effect.flip(descope.refreshSession(expired))
      assert.strictEqual(error._tag, "InvalidSessionError")
      const missing = yield* Effect.flip(descope.refreshSession(""))
      assert.strictEqual(missing._tag === "InvalidSessionError" ? missing.reason : missing._tag, "Missing")
      assert.strictEqual((yield* recorded).length, 0)
    }).pipe(Effect.provide(withRoutes({}))))
})

describe("validateAndRefreshSession", () => {
  it.effect("a valid session is returned as is, without a refresh", () => {
    const session = sign(es, claims())
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const result = yield* descope.validateAndRefreshSession(session, REFRESH())
      assert.strictEqual(Redacted.value(result.session.jwt), session)
      assert.isUndefined(result.refreshed)
      assert.strictEqual((yield* recorded).length, 0)
    }).pipe(Effect.provide(withRoutes({})))
  })

  it.effect("an expired session is refreshed (transient failures retried) and the new cookies returned", () => {
    const session2 = SESSION_2()
    let calls = 0
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const expired = sign(es, claims({ exp: NOW - 60 }))
      const fiber = yield* Effect.fork(descope.validateAndRefreshSession(expired, REFRESH()))
      yield* TestClock.adjust("2 seconds")
      const result = yield* Effect.flatMap(Effect.succeed(fiber), (f) => f.await)
      assert.isTrue(Exit.isSuccess(result))
      if (Exit.isFailure(result)) return
      assert.strictEqual(Redacted.value(result.value.session.jwt), session2)
      assert.isDefined(result.value.refreshed)
      assert.strictEqual(result.value.refreshed?.setCookies.length, 1)
      const requests = yield* recorded
      assert.deepStrictEqual(requests.map((r) => r.path), ["/v1/auth/refresh", "/v1/auth/refresh"])
    }).pipe(Effect.provide(withRoutes({
      "POST /v1/auth/refresh": () =>
        ++calls === 1 ? MockHttpClient.json({}, { status: 503 }) : MockHttpClient.json({ sessionJwt: session2 })
    })))
  })

  it.effect("a keys outage never triggers a refresh", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const error = yield* Effect.flip(descope.validateAndRefreshSession(sign(es, claims()), REFRESH()))
      assert.strictEqual(error._tag, "TransportError")
      const recorder = yield* MockHttpClient.MockHttpRecorder
      const paths = (yield* recorder.requests).map((r) => r.path)
      assert.deepStrictEqual(paths, [KEYS_PATH])
    }).pipe(Effect.provide(client({}, () => MockHttpClient.json({}, { status: 500 })))))

  it.effect("a missing session token goes straight to the refresh; both missing is Missing", () => {
    const session2 = SESSION_2()
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const result = yield* descope.validateAndRefreshSession(undefined, REFRESH())
      assert.strictEqual(Redacted.value(result.session.jwt), session2)
      const error = yield* Effect.flip(descope.validateAndRefreshSession("", undefined))
      assert.strictEqual(error._tag === "InvalidSessionError" ? error.reason : error._tag, "Missing")
      const noRefresh = yield* Effect.flip(descope.validateAndRefreshSession(sign(es, claims({ exp: NOW - 60 })), ""))
      assert.strictEqual(noRefresh._tag === "InvalidSessionError" ? noRefresh.reason : noRefresh._tag, "Expired")
      assert.strictEqual((yield* recorded).length, 1)
    }).pipe(Effect.provide(withRoutes({
      "POST /v1/auth/refresh": () => MockHttpClient.json({ sessionJwt: session2 })
    })))
  })

  it.effect("a refused refresh (401) is an AuthError", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const error = yield* Effect.flip(
        descope.validateAndRefreshSession(sign(es, claims({ exp: NOW - 60 })), REFRESH())
      )
      assert.strictEqual(error._tag, "AuthError")
    }).pipe(Effect.provide(withRoutes({
      "POST /v1/auth/refresh": () => MockHttpClient.json({ errorCode: "E064001" }, { status: 401 })
    }))))
})

describe("session endpoints (wire)", () => {
  const refresh = REFRESH()
  const bearer = `Bearer ${PROJECT_ID}:${refresh}`
  const user = { userId: "U1", loginIds: ["a@b.c"], email: "a@b.c" }
  const tenant = sign(es, claims({ dct: "T1" }))

  it.effect("logout, logoutAll, me, myTenants, history, selectTenant", () =>
    Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      yield* descope.logout(refresh)
      yield* descope.logoutAll(Redacted.make(refresh))
      const me = yield* descope.me(refresh)
      assert.strictEqual(me.userId, "U1")
      const dct = yield* descope.myTenants({ refreshToken: refresh, dct: true })
      assert.deepStrictEqual(dct, [{ id: "T1", name: "Tenant 1" }])
      yield* descope.myTenants({ refreshToken: refresh, ids: ["T1", "T2"] })
      const history = yield* descope.history(refresh)
      assert.strictEqual(history[0]?.city, "Haifa")
      const selected = yield* descope.selectTenant({ tenantId: "T1", refreshToken: refresh })
      assert.strictEqual(selected.session.currentTenant, "T1")
      assert.strictEqual(selected.refreshToken !== undefined ? Redacted.value(selected.refreshToken) : "", refresh)
      const requests = yield* recorded
      const wire = requests.map((r) => [r.method, r.path, r.headers.authorization, r.bodyText])
      assert.deepStrictEqual(wire, [
        ["POST", "/v1/auth/logout", bearer, "{}"],
        ["POST", "/v1/auth/logoutall", bearer, "{}"],
        ["GET", "/v1/auth/me", bearer, undefined],
        ["POST", "/v1/auth/me/tenants", bearer, "{\"dct\":true}"],
        ["POST", "/v1/auth/me/tenants", bearer, "{\"ids\":[\"T1\",\"T2\"]}"],
        ["GET", "/v1/auth/me/history", bearer, undefined],
        ["POST", "/v1/auth/tenant/select", bearer, "{\"tenant\":\"T1\"}"]
      ])
    }).pipe(Effect.provide(withRoutes({
      "POST /v1/auth/logout": () => MockHttpClient.json({}),
      "POST /v1/auth/logoutall": () => MockHttpClient.json({}),
      "GET /v1/auth/me": () => MockHttpClient.json(user),
      "POST /v1/auth/me/tenants": () => MockHttpClient.json({ tenants: [{ id: "T1", name: "Tenant 1" }] }),
      "GET /v1/auth/me/history": () =>
        MockHttpClient.json([{ userId: "U1", loginTime: NOW, city: "Haifa", country: "IL", ip: "10.0.0.1" }]),
      "POST /v1/auth/tenant/select": () => MockHttpClient.json({ sessionJwt: tenant })
    }))))

  it.effect("myTenants needs exactly one of dct and ids; empty tokens are refused unsent", () =>
    Effect.gen(function*() {
      const descope = yield* DescopeClient
      const neither = yield* Effect.flip(descope.myTenants({ refreshToken: refresh }))
      assert.strictEqual(neither._tag, "InvalidArgumentError")
      const both = yield* Effect.flip(descope.myTenants({ refreshToken: refresh, dct: true, ids: ["T1"] }))
      assert.strictEqual(both._tag, "InvalidArgumentError")
      const empty = yield* Effect.flip(descope.logout(""))
      assert.strictEqual(empty._tag, "InvalidArgumentError")
      assert.strictEqual((yield* recorded).length, 0)
    }).pipe(Effect.provide(withRoutes({}))))

  it.effect("exchangeAccessKey: POST /v1/auth/accesskey/exchange with the access key and loginOptions", () => {
    const keySession = sign(es, claims({ sub: "K-access", nsec: { k1: "v1" } }))
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const result = yield* descope.exchangeAccessKey(Redacted.make("AK-secret"), {
        loginOptions: { customClaims: { k1: "v1" }, selectedTenant: "T1" }
      })
      assert.strictEqual(result.keyId, "K-access")
      assert.strictEqual(result.session.userId, "K-access")
      assert.strictEqual(result.expiration, NOW + 600)
      yield* descope.exchangeAccessKey("AK-secret")
      const requests = yield* recorded
      assert.deepStrictEqual(requests.map((r) => [r.method, r.path, r.headers.authorization, r.body]), [
        [
          "POST",
          "/v1/auth/accesskey/exchange",
          `Bearer ${PROJECT_ID}:AK-secret`,
          { loginOptions: { customClaims: { k1: "v1" }, selectedTenant: "T1" } }
        ],
        ["POST", "/v1/auth/accesskey/exchange", `Bearer ${PROJECT_ID}:AK-secret`, {}]
      ])
    }).pipe(Effect.provide(withRoutes({
      "POST /v1/auth/accesskey/exchange": () =>
        MockHttpClient.json({ keyId: "K-access", sessionJwt: keySession, expiration: NOW + 600 })
    })))
  })
})

describe("spans", () => {
  it.effect("no span per validation: only the key fetch and the refresh open one, without tokens", () => {
    const session2 = SESSION_2()
    const refresh = REFRESH()
    const names: Array<string> = []
    const attributes: Array<string> = []
    const tracer = Tracer.make({
      span: (name, parent, context, links, startTime, kind) => {
        names.push(name)
        const span: Tracer.Span = {
          _tag: "Span",
          name,
          spanId: `s${names.length}`,
          traceId: "t",
          parent,
          context,
          status: { _tag: "Started", startTime },
          attributes: new Map(),
          links,
          sampled: true,
          kind,
          end: () => undefined,
          attribute: (key, value) => {
            attributes.push(`${key}=${String(value)}`)
          },
          event: () => undefined,
          addLinks: () => undefined
        }
        return span
      },
      context: (f) => f()
    })
    return Effect.gen(function*() {
      yield* atNow
      const descope = yield* DescopeClient
      const token = sign(es, claims())
      for (let i = 0; i < 5; i++) yield* descope.validateSession(token)
      yield* descope.validateSession(sign(rs, claims()))
      yield* Effect.flip(descope.validateSession(sign(es, claims({ exp: NOW - 100 }))))
      yield* descope.validateAndRefreshSession(sign(es, claims({ exp: NOW - 100 })), refresh)
      // the HttpClient adds its own "http.client <method>" span under each request span
      assert.deepStrictEqual(names.filter((n) => !n.startsWith("http.client")), [
        "descope.jwks.fetch",
        "descope.session.refresh"
      ])
      for (const attribute of attributes) {
        assert.notInclude(attribute, refresh.split(".")[2] ?? refresh)
      }
    }).pipe(
      Effect.provide(withRoutes({ "POST /v1/auth/refresh": () => MockHttpClient.json({ sessionJwt: session2 }) })),
      Effect.withTracer(tracer)
    )
  })
})
