// Test fixtures of the authentication-flow tests: a client over the recording
// mock HttpClient with a SessionValidator that decodes (does not verify) JWTs.
import { assert, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as TestClock from "effect/TestClock"
import * as EnchantedLink from "../../src/auth/EnchantedLink.js"
import * as Flow from "../../src/auth/Flow.js"
import * as MagicLink from "../../src/auth/MagicLink.js"
import * as Notp from "../../src/auth/Notp.js"
import * as OAuth from "../../src/auth/OAuth.js"
import * as Otp from "../../src/auth/Otp.js"
import * as Outbound from "../../src/auth/Outbound.js"
import * as Password from "../../src/auth/Password.js"
import * as Saml from "../../src/auth/Saml.js"
import * as Sso from "../../src/auth/Sso.js"
import * as Totp from "../../src/auth/Totp.js"
import * as WebAuthn from "../../src/auth/WebAuthn.js"
import * as DescopeConfig from "../../src/core/DescopeConfig.js"
import { InvalidSessionError } from "../../src/core/DescopeError.js"
import * as DescopeHttp from "../../src/core/DescopeHttp.js"
import { fromClaims, SessionValidator, type SessionValidatorService } from "../../src/core/Session.js"
import * as MockHttpClient from "../../src/layers/MockHttpClient.js"

export const PROJECT_ID = "P123"
export const BASE_URL = "https://api.descope.test"

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url")

/** An unsigned JWT-shaped token carrying `claims`. */
export const makeJwt = (claims: Record<string, unknown>): string =>
  `${b64url({ alg: "ES384", kid: "K1", typ: "JWT" })}.${b64url(claims)}.c2ln`

export const SESSION_JWT = makeJwt({ sub: "U1", iss: PROJECT_ID, drn: "DS", amr: ["email"], exp: 4102444800 })
export const REFRESH_JWT = makeJwt({ sub: "U1", iss: PROJECT_ID, drn: "DSR", exp: 4102444800 })

/** The JWTResponse of a successful authentication. */
export const jwtResponse = (extra: Record<string, unknown> = {}) => ({
  sessionJwt: SESSION_JWT,
  refreshJwt: REFRESH_JWT,
  cookieDomain: "example.com",
  cookiePath: "/",
  cookieMaxAge: 3600,
  cookieExpiration: 1900000000,
  user: { userId: "U1", loginIds: ["ada@example.com"], email: "ada@example.com", name: "Ada" },
  firstSeen: true,
  ...extra
})

/** A validator that decodes the payload without verifying the signature. */
export const decodingValidator: SessionValidatorService = {
  validate: (token) =>
    Effect.suspend(() => {
      const jwt = Redacted.isRedacted(token) ? Redacted.value(token) : token
      const payload = jwt.split(".")[1]
      try {
        const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<string, unknown>
        return Effect.succeed(fromClaims(jwt, claims, PROJECT_ID))
      } catch {
        return Effect.fail(new InvalidSessionError({ reason: "Malformed", description: "not a JWT" }))
      }
    })
}

/** Answers successive requests with the given answers; the last one repeats. */
export const scripted = (...answers: Array<() => MockHttpClient.MockAnswer>): MockHttpClient.Handler => {
  let index = 0
  return () => {
    const answer = answers[Math.min(index, answers.length - 1)]
    index++
    if (answer === undefined) throw new Error("no scripted answer")
    return answer()
  }
}

/** Always answers `body` with status 200. */
export const always = (body: unknown): MockHttpClient.Handler => () => MockHttpClient.json(body)

/** The transport, the decoding validator and the recorder over a mock handler. */
export const layer = (handler: MockHttpClient.Handler) =>
  Layer.mergeAll(DescopeHttp.layer, Layer.succeed(SessionValidator, decodingValidator)).pipe(
    Layer.provideMerge(DescopeConfig.layer({ projectId: PROJECT_ID, baseUrl: BASE_URL })),
    Layer.provideMerge(MockHttpClient.layer(handler))
  )

/** The authentication-flow APIs built over the current transport and validator. */
export const flows = Effect.gen(function*() {
  const http = yield* DescopeHttp.DescopeHttp
  const validator = yield* SessionValidator
  return {
    otp: Otp.make(http, validator),
    magicLink: MagicLink.make(http, validator),
    enchantedLink: EnchantedLink.make(http, validator),
    oauth: OAuth.make(http, validator),
    saml: Saml.make(http, validator),
    sso: Sso.make(http, validator),
    totp: Totp.make(http, validator),
    password: Password.make(http, validator),
    webauthn: WebAuthn.make(http, validator),
    notp: Notp.make(http, validator),
    outbound: Outbound.make(http),
    flow: Flow.make(http)
  }
})

/** The recorded requests, reduced to what the wire tests compare. */
export const sent = Effect.gen(function*() {
  const recorder = yield* MockHttpClient.MockHttpRecorder
  const requests = yield* recorder.requests
  return requests.map((r) => ({
    method: r.method,
    path: r.path,
    query: r.query,
    authorization: r.headers["authorization"],
    body: r.body
  }))
})

/** The one recorded request (fails the test when there is not exactly one). */
export const sentOne = Effect.flatMap(sent, (requests) =>
  requests.length === 1 && requests[0] !== undefined
    ? Effect.succeed(requests[0])
    : Effect.dieMessage(`expected one request, got ${requests.length}`))

/** How many requests were recorded. */
export const sentCount = Effect.map(sent, (requests) => requests.length)

/**
 * Runs a `waitForSession` over 10 s of test time, checks that it sent exactly
 * one poll, and answers the error it ended with.
 */
export const failureAfterOnePoll = <A, E, R>(wait: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.fork(wait)
    yield* TestClock.adjust("10 seconds")
    const error = yield* Effect.flip(Fiber.join(fiber))
    assert.strictEqual(yield* sentCount, 1)
    return error
  })

/** A call with bad input, and the field its `InvalidArgumentError` must name. */
export interface BadInputCase {
  readonly name: string
  readonly field: string
  readonly run: (api: Effect.Effect.Success<typeof flows>) => Effect.Effect<unknown, { readonly _tag: string }>
}

/**
 * One test per case: the call fails with `InvalidArgumentError` naming the
 * case's field, and nothing is sent (the mock would answer `answer`).
 */
export const badInput = (answer: unknown, cases: ReadonlyArray<BadInputCase>): void => {
  for (const c of cases) {
    it.effect(c.name, () =>
      Effect.gen(function*() {
        const api = yield* flows
        const error = yield* Effect.flip(c.run(api))
        assert.strictEqual(error._tag, "InvalidArgumentError")
        assert.strictEqual((error as { readonly field?: string }).field, c.field)
        assert.deepStrictEqual(yield* sent, [])
      }).pipe(Effect.provide(layer(always(answer)))))
  }
}

/** Casts an invalid value through a type, to test runtime checks. */
export const unchecked = <T>(value: unknown): T => value as T
