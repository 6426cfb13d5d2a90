// Property tests (fast-check): random response bodies, statuses and cookies given to the transport
// through the mock HttpClient never crash an operation: every call ends as a success or as one
// typed failure (never a defect, never a hang), and the status decides the error class.
// Operations: otp.verifyCode, mgmt.user.load, the signing-key fetch, and validateSession over the
// remote keys. Live clock (nothing here sleeps: no transient statuses); a hang is caught by a
// 5 s guard.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as fc from "fast-check"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { isDescopeError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import * as Jwks from "../src/core/Jwks.js"
import * as Verifier from "../src/core/Verifier.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { jwks, makeKey, PROJECT_ID, sign } from "./support/sessions.js"

const NUM_RUNS = 200
const KEYS_PATH = `/v2/keys/${PROJECT_ID}`
const CONFIG: DescopeConfig.Options = {
  projectId: PROJECT_ID,
  baseUrl: "https://api.descope.test",
  managementKey: "K-management"
}

const key = makeKey("ES384", "K-ES")
const rsa = makeKey("RS256", "K-RS")
const nowSeconds = Math.floor(Date.now() / 1000)
const tokenClaims = { iss: PROJECT_ID, sub: "U1", iat: nowSeconds, exp: nowSeconds + 3600 }
const SESSION = sign(key, { ...tokenClaims, drn: "DS" })
const REFRESH = sign(key, { ...tokenClaims, drn: "DSR", exp: nowSeconds + 86_400 })

// ---------------------------------------------------------------------------
// random responses
// ---------------------------------------------------------------------------

interface RandomResponse {
  readonly status: number
  readonly contentType: string | undefined
  readonly body: string | Uint8Array
  readonly setCookie: string | undefined
}

const STATUSES = [200, 201, 202, 206, 299, 301, 302, 400, 401, 403, 404, 409, 418, 422, 429, 500, 501, 505, 599]

const anyJson = fc.jsonValue({ maxDepth: 3 })

/** Header-safe text (what a `Response` accepts): printable ASCII and tab. */
const headerText = fc.string({
  unit: fc.constantFrom(..."\t !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZabcxyz[\\]^_`{|}~"),
  maxLength: 120
})

const tokenish = fc.oneof(
  fc.constantFrom(SESSION, REFRESH, "", "a.b.c", `${SESSION}x`),
  fc.string({ maxLength: 40 }),
  anyJson
)

/** Mostly the valid value (so that successes are reached too), sometimes a random one. */
const mostly = <A>(valid: A, random: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 8, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: random })

const userish = fc.record({
  userId: mostly("U1", fc.oneof(fc.string({ maxLength: 12 }), anyJson)),
  loginIds: mostly(["ada@example.com"], fc.oneof(fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), anyJson)),
  email: mostly("ada@example.com", anyJson),
  verifiedEmail: mostly(true, anyJson),
  roleNames: mostly(["admin"], fc.oneof(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), anyJson)),
  userTenants: mostly(
    [{ tenantId: "T1", roleNames: ["owner"] }],
    fc.oneof(
      fc.array(fc.record({ tenantId: fc.oneof(fc.string({ maxLength: 8 }), anyJson), roleNames: anyJson }), {
        maxLength: 2
      }),
      anyJson
    )
  ),
  customAttributes: mostly(
    { plan: "pro" },
    fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 }), anyJson)
  ),
  createdTime: mostly(nowSeconds, fc.oneof(fc.double(), anyJson)),
  status: mostly("enabled", anyJson),
  OAuth: mostly({ google: true }, anyJson)
})

const jwtResponseish = fc.record({
  sessionJwt: mostly(SESSION, tokenish),
  refreshJwt: mostly(REFRESH, tokenish),
  cookieDomain: mostly("example.com", anyJson),
  cookiePath: mostly("/", anyJson),
  cookieMaxAge: mostly(3600, fc.oneof(fc.double(), fc.integer(), anyJson)),
  cookieExpiration: mostly(nowSeconds + 3600, fc.oneof(fc.double(), fc.integer(), anyJson)),
  cookieName: mostly(undefined, anyJson),
  user: mostly(undefined, fc.oneof(userish, anyJson)),
  firstSeen: mostly(false, anyJson),
  sessionExpiration: mostly(nowSeconds + 3600, anyJson),
  idpResponse: mostly(undefined, anyJson)
})

const jwkish = fc.record(
  {
    kty: fc.oneof(fc.constantFrom("EC", "RSA", "oct", "OKP", ""), anyJson),
    kid: fc.oneof(fc.constantFrom("K-ES", "K-RS", "", "__proto__"), anyJson),
    alg: fc.oneof(fc.constantFrom(...Verifier.ALGORITHMS, "HS256", "none"), anyJson),
    use: fc.constantFrom("sig", "enc"),
    crv: fc.oneof(fc.constantFrom("P-256", "P-384", "P-521", "Ed25519"), anyJson),
    x: fc.oneof(fc.constant(key.publicJwk.x), fc.base64String({ maxLength: 80 }), anyJson),
    y: fc.oneof(fc.constant(key.publicJwk.y), fc.base64String({ maxLength: 80 }), anyJson),
    n: fc.oneof(fc.constant(rsa.publicJwk.n), fc.base64String({ maxLength: 400 }), anyJson),
    e: fc.oneof(fc.constantFrom("AQAB", "Aw", ""), anyJson),
    k: fc.base64String({ maxLength: 40 }),
    d: fc.base64String({ maxLength: 40 })
  },
  { requiredKeys: [] }
)

const keysish = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      keys: fc.array(fc.oneof(jwkish, fc.constantFrom(key.publicJwk, rsa.publicJwk), anyJson), { maxLength: 4 })
    })
  },
  fc.record({ keys: anyJson })
)

/** Tokens of the served keys (when they are served intact). */
const tokens = fc.constantFrom(SESSION, sign(rsa, tokenClaims))

const responses = (nearMiss: fc.Arbitrary<unknown>): fc.Arbitrary<RandomResponse> =>
  fc.record({
    status: fc.oneof(fc.constant(200), fc.constantFrom(...STATUSES)),
    contentType: fc.option(
      fc.constantFrom(
        "application/json",
        "application/json; charset=utf-16",
        "text/html",
        "application/octet-stream",
        ""
      ),
      { nil: undefined }
    ),
    body: fc.oneof(
      { weight: 6, arbitrary: nearMiss.map((v) => JSON.stringify(v)) },
      { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
      fc.string({ maxLength: 300 }),
      fc.string({ maxLength: 100, unit: "binary" }),
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom(
        "",
        " ",
        "null",
        "{}",
        "[]",
        "{\"errorCode\":42}",
        "{\"errorCode\":\"E061102\"}",
        "{".repeat(5000)
      )
    ),
    setCookie: fc.option(
      fc.oneof(
        headerText,
        tokenish.map((t) => `DS=${typeof t === "string" ? t : JSON.stringify(t)}; Path=/; HttpOnly`),
        tokenish.map((t) => `DSR=${typeof t === "string" ? t : JSON.stringify(t)}; Max-Age=-1`)
      ),
      { nil: undefined }
    )
  })

const toResponse = (r: RandomResponse): Response => {
  const headers: Record<string, string> = {}
  if (r.contentType !== undefined) headers["content-type"] = r.contentType
  if (r.setCookie !== undefined) headers["set-cookie"] = r.setCookie
  return new Response(typeof r.body === "string" ? r.body : new Uint8Array(r.body), { status: r.status, headers })
}

// ---------------------------------------------------------------------------
// the check
// ---------------------------------------------------------------------------

/** The error classes a status may give; `undefined` for 2xx (any of the operation's). */
const expectedByStatus = (status: number): ReadonlyArray<string> | undefined =>
  status >= 200 && status < 300
    ? undefined
    : status === 429
    ? ["RateLimitError"]
    : status >= 400 && status < 500
    ? ["AuthError"]
    : ["TransportError"]

/**
 * Runs `effect` (guarded against hangs) and checks it ended as a success or as one typed SDK
 * error among `allowed` (and among those the status allows, mapped by `statusMap`).
 */
const runChecked = async <A, E, R>(
  runtime: Runtime.Runtime<R>,
  effect: Effect.Effect<A, E, R>,
  response: RandomResponse,
  allowed: ReadonlyArray<string>,
  statusMap: (tags: ReadonlyArray<string>) => ReadonlyArray<string> = (tags) => tags
): Promise<void> => {
  const exit = await Runtime.runPromiseExit(runtime)(Effect.timeoutOption(effect, "5 seconds"))
  const label = JSON.stringify({ ...response, body: String(response.body).slice(0, 200) })
  if (Exit.isSuccess(exit)) {
    assert.isTrue(Option.isSome(exit.value), `hung: ${label}`)
    assert.isTrue(response.status >= 200 && response.status < 300, `a success from status ${response.status}`)
    return
  }
  assert.strictEqual(exit.cause._tag, "Fail", `not a typed failure (${exit.cause._tag}): ${label}`)
  if (exit.cause._tag !== "Fail") return
  const error: unknown = exit.cause.error
  assert.isTrue(isDescopeError(error), `not an SDK error: ${label}`)
  const tag = isDescopeError(error) ? error._tag : "?"
  assert.include(allowed, tag, label)
  const byStatus = expectedByStatus(response.status)
  if (byStatus !== undefined) assert.include(statusMap(byStatus), tag, label)
}

// ---------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------

/** A mock whose answer is set by the running property. */
const switchable = () => {
  let current: RandomResponse | undefined
  const handler: MockHttpClient.Handler = () =>
    current === undefined ? MockHttpClient.json({}, { status: 500 }) : toResponse(current)
  return {
    handler,
    set: (response: RandomResponse) => {
      current = response
    }
  }
}

describe("property: random response bodies never crash an operation", () => {
  it.live("otp.verifyCode: success or AuthError / RateLimitError / TransportError / InvalidSessionError", () => {
    const mock = switchable()
    return Effect.gen(function*() {
      const runtime = yield* Effect.runtime<DescopeClient>()
      const descope = yield* DescopeClient
      const verify = descope.otp.verifyCode({ method: "email", loginId: "ada@example.com", code: "123456" })
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(responses(jwtResponseish), (response) => {
            mock.set(response)
            return runChecked(runtime, verify, response, [
              "AuthError",
              "RateLimitError",
              "TransportError",
              "InvalidSessionError"
            ])
          }),
          { numRuns: NUM_RUNS }
        )
      )
    }).pipe(Effect.provide(Descope.layerTest({ ...CONFIG, publicKey: jwks(key) }, mock.handler)))
  })

  it.live("mgmt.user.load: success or AuthError / RateLimitError / TransportError, as the status says", () => {
    const mock = switchable()
    return Effect.gen(function*() {
      const runtime = yield* Effect.runtime<DescopeClient>()
      const descope = yield* DescopeClient
      const load = descope.mgmt.user.load("ada@example.com")
      const loadBodies = fc.oneof(
        { weight: 8, arbitrary: fc.record({ user: userish }) },
        fc.record({ user: anyJson }),
        userish
      )
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(responses(loadBodies), (response) => {
            mock.set(response)
            return runChecked(runtime, load, response, ["AuthError", "RateLimitError", "TransportError"])
          }),
          { numRuns: NUM_RUNS }
        )
      )
    }).pipe(Effect.provide(Descope.layerTest({ ...CONFIG, publicKey: jwks(key) }, mock.handler)))
  })

  it.live("the signing-key fetch: success or TransportError / RateLimitError, never an AuthError", () => {
    const mock = switchable()
    return Effect.gen(function*() {
      const runtime = yield* Effect.runtime<DescopeHttp.DescopeHttp>()
      const http = yield* DescopeHttp.DescopeHttp
      const fetch = Jwks.fetchKeys(http)
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(responses(keysish), (response) => {
            mock.set(response)
            // a refused key fetch is a transport problem, never an AuthError (nor an invalid session)
            return runChecked(
              runtime,
              fetch,
              response,
              ["TransportError", "RateLimitError"],
              (tags) => tags.map((t) => (t === "AuthError" ? "TransportError" : t))
            )
          }),
          { numRuns: NUM_RUNS }
        )
      )
    }).pipe(
      Effect.provide(
        DescopeHttp.layer.pipe(
          Layer.provide(MockHttpClient.layer(mock.handler)),
          Layer.provide(DescopeConfig.layer(CONFIG))
        )
      )
    )
  })

  it.live("validateSession over remote keys: a session, a key-fetch error or an invalid session", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(responses(keysish), tokens, async (response, token) => {
          // what the client logs: only a WARN naming a key it ignores (a random key may carry a private member)
          const logs: Array<string> = []
          const capture = Logger.make(({ logLevel, message }) => {
            logs.push(`${logLevel.label} ${Array.isArray(message) ? message.join(" ") : String(message)}`)
          })
          // a fresh client per run: the key cache must see this answer
          const layer = Descope.layerTest(CONFIG, (request) =>
            request.path === KEYS_PATH ? toResponse(response) : MockHttpClient.json({}, { status: 500 })).pipe(
              Layer.provideMerge(Logger.replace(Logger.defaultLogger, capture))
            )
          const managed = ManagedRuntime.make(layer)
          try {
            const validate = Effect.flatMap(DescopeClient, (descope) =>
              descope.validateSession(token))
            await runChecked(
              await managed.runtime(),
              validate,
              response,
              ["TransportError", "RateLimitError", "InvalidSessionError"],
              // a key-fetch failure is never an invalid session
              (tags) => tags.map((t) => (t === "AuthError" ? "TransportError" : t))
            )
            for (const line of logs) assert.match(line, /^WARN descope: signing key ".*" ignored: /)
          } finally {
            await managed.dispose()
          }
        }),
        { numRuns: NUM_RUNS }
      )
    ))
})
