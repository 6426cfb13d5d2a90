// Test support for the server integration tests: a DescopeClient over the recording mock HttpClient
// with generated signing keys (JwksTest mints tokens), or over the remote Jwks for outage tests,
// and helpers to mint valid / expired session and refresh tokens against the live clock.
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Jwks from "../../src/core/Jwks.js"
import type { DescopeClient } from "../../src/DescopeClient.js"
import * as Descope from "../../src/layers/Descope.js"
import * as MockHttpClient from "../../src/layers/MockHttpClient.js"

export const PROJECT_ID = "P2ServerTest0000000000000001"
export const BASE_URL = "https://api.descope.test"
export const APP = "http://app.test"

/** What the mock Descope answers; tests set these before sending a request. */
export interface Answers {
  refresh: Response | undefined
  keys: Response | undefined
  /** When set, the refresh answer waits for it. */
  refreshGate?: Deferred.Deferred<void> | undefined
}

export const makeAnswers = (): Answers => ({ refresh: undefined, keys: undefined })

const handler = (answers: Answers): MockHttpClient.Handler => (request) => {
  if (request.method === "POST" && request.path === "/v1/auth/refresh" && answers.refresh !== undefined) {
    const answer = answers.refresh
    return answers.refreshGate === undefined ? answer : Effect.as(Deferred.await(answers.refreshGate), answer)
  }
  if (request.method === "GET" && request.path === `/v2/keys/${PROJECT_ID}` && answers.keys !== undefined) {
    return answers.keys
  }
  return MockHttpClient.json({ errorCode: "E011001", errorDescription: "not mocked" }, { status: 400 })
}

export interface Client {
  readonly context: Context.Context<DescopeClient | MockHttpClient.MockHttpRecorder>
  readonly recorder: MockHttpClient.Recorder
  readonly answers: Answers
  /** Mints a token signed with the test keys (absent for the remote-keys client). */
  readonly mint: (options?: Jwks.MintOptions) => Effect.Effect<string>
}

/** A client validating with generated keys (never fetched). */
export const testKeysClient: Effect.Effect<Client, never, Scope.Scope> = Effect.gen(function*() {
  const answers = makeAnswers()
  const context = yield* Layer.build(
    Descope.layerTestKeys({ projectId: PROJECT_ID, baseUrl: BASE_URL }, handler(answers))
  ).pipe(Effect.orDie)
  const jwks = Context.get(context, Jwks.JwksTest)
  return { context, recorder: Context.get(context, MockHttpClient.MockHttpRecorder), answers, mint: jwks.mint }
})

/** A client whose keys come from the (mocked) keys endpoint: set `answers.keys`. */
export const remoteKeysClient: Effect.Effect<Client, never, Scope.Scope> = Effect.gen(function*() {
  const answers = makeAnswers()
  const context = yield* Layer.build(Descope.layerTest({ projectId: PROJECT_ID, baseUrl: BASE_URL }, handler(answers)))
    .pipe(Effect.orDie)
  const test = yield* Jwks.makeTest(PROJECT_ID, { kid: "remote-kid" })
  return { context, recorder: Context.get(context, MockHttpClient.MockHttpRecorder), answers, mint: test.mint }
})

const nowSeconds = Effect.map(Clock.currentTimeMillis, (ms) => Math.floor(ms / 1000))

/** A session token valid for 10 minutes. */
export const session = (client: Client, claims: Record<string, unknown> = {}) =>
  client.mint({ claims: { sub: "U-alice", ...claims } })

/** A session token that expired 50 minutes ago. */
export const expiredSession = (client: Client, claims: Record<string, unknown> = {}) =>
  Effect.flatMap(
    nowSeconds,
    (now) => client.mint({ claims: { sub: "U-alice", ...claims }, issuedAt: now - 3600, expiresIn: "10 minutes" })
  )

/** A refresh token valid for 30 days. */
export const refreshToken = (client: Client, sub = "U-alice") =>
  client.mint({ claims: { sub, drn: "DSR" }, expiresIn: "30 days" })

/** The Descope answer of a refresh: a new session and a rotated refresh token. */
export const refreshAnswer = (sessionJwt: string, refreshJwt: string) =>
  MockHttpClient.json({
    sessionJwt,
    refreshJwt,
    cookiePath: "/",
    cookieMaxAge: 3600,
    sessionExpiration: 0
  })

export const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`${APP}${path}`, { method: "GET", headers })

export const readJson = (response: Response): Effect.Effect<unknown> => Effect.promise(() => response.json())
