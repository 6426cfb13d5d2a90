// Fixtures of the management tests: the management API over the recording mock
// HttpClient, a license endpoint, and a SessionValidator that decodes (does not verify) JWTs.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as DescopeConfig from "../../src/core/DescopeConfig.js"
import { InvalidSessionError } from "../../src/core/DescopeError.js"
import * as DescopeHttp from "../../src/core/DescopeHttp.js"
import { fromClaims, type SessionValidatorService } from "../../src/core/Session.js"
import * as MockHttpClient from "../../src/layers/MockHttpClient.js"
import * as Management from "../../src/management/Management.js"
import type * as Endpoint from "../../src/wire/Endpoint.js"

export const PROJECT_ID = "P2CtzUhdqpIF2ys9gg7ms06UvtC4"
export const MANAGEMENT_KEY = "K2mgmt-secret"
export const AUTHORIZATION = "Bearer P2CtzUhdqpIF2ys9gg7ms06UvtC4:K2mgmt-secret"
export const BASE_URL = "https://api.descope.test"

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url")

/** An unsigned JWT-shaped token carrying `claims`. */
export const makeJwt = (claims: Record<string, unknown>): string =>
  `${b64url({ alg: "ES384", kid: "K1", typ: "JWT" })}.${b64url(claims)}.c2ln`

/** A validator that decodes the payload without verifying the signature. */
export const decodingValidator: SessionValidatorService = {
  validate: (token) =>
    Effect.suspend(() => {
      const jwt = Redacted.isRedacted(token) ? Redacted.value(token) : token
      try {
        const claims = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
          string,
          unknown
        >
        return Effect.succeed(fromClaims(jwt, claims, PROJECT_ID))
      } catch {
        return Effect.fail(new InvalidSessionError({ reason: "Malformed", description: "not a JWT" }))
      }
    })
}

/** A handler: the license answers `{rateLimitTier: "pro"}`, everything else goes to `rest`. */
export const withLicense = (rest: MockHttpClient.Handler, tier = "pro"): MockHttpClient.Handler => (request) =>
  request.path === "/v1/mgmt/license" ? MockHttpClient.json({ rateLimitTier: tier }) : rest(request)

/** Runs `f` with the management API and the recorder over a mock answering with `handler`. */
export const withMgmt = <A, E>(
  handler: MockHttpClient.Handler,
  f: (mgmt: Management.ManagementApi, recorder: MockHttpClient.Recorder) => Effect.Effect<A, E>,
  options: Partial<DescopeConfig.Options> = {}
) =>
  Effect.gen(function*() {
    const http = yield* DescopeHttp.DescopeHttp
    const recorder = yield* MockHttpClient.MockHttpRecorder
    const mgmt = yield* Management.make(http, decodingValidator)
    return yield* f(mgmt, recorder)
  }).pipe(
    Effect.scoped,
    Effect.provide(
      DescopeHttp.layer.pipe(
        Layer.provide(
          DescopeConfig.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, baseUrl: BASE_URL, ...options })
        ),
        Layer.provideMerge(MockHttpClient.layer(handler))
      )
    )
  )

/** The requests other than the license handshake. */
export const calls = (recorder: MockHttpClient.Recorder) =>
  Effect.map(recorder.requests, (requests) => requests.filter((r) => r.path !== "/v1/mgmt/license"))

/** One literal wire expectation of a management operation. */
export interface Row {
  readonly name: string
  readonly run: (mgmt: Management.ManagementApi) => Effect.Effect<unknown, unknown>
  readonly method: string
  readonly path: string
  readonly query?: Record<string, string>
  readonly body?: unknown
  readonly response?: unknown
  readonly check?: (result: unknown) => void
}

export const isUser = (result: unknown) => {
  const user = result as { userId: string; email: string; userTenants: ReadonlyArray<{ tenantName: string }> }
  assert.strictEqual(user.userId, "U1")
  assert.strictEqual(user.email, "ada@example.com")
  assert.strictEqual(user.userTenants[0]?.tenantName, "Acme")
}

export const isVoid = (result: unknown) => assert.strictEqual(result, undefined)

/** Runs a row against the mock: one license handshake, then exactly the expected call. */
export const runRow = (row: Row) =>
  withMgmt(
    withLicense(() => MockHttpClient.json(row.response ?? {})),
    (mgmt, recorder) =>
      Effect.gen(function*() {
        const result = yield* row.run(mgmt)
        const requests = yield* recorder.requests
        assert.strictEqual(requests.length, 2, "one license handshake, then the call")
        assert.strictEqual(requests[0]?.method, "GET")
        assert.strictEqual(requests[0]?.path, "/v1/mgmt/license")
        assert.strictEqual(requests[0]?.headers["authorization"], AUTHORIZATION)
        const [call] = yield* calls(recorder)
        if (call === undefined) throw new Error("no request")
        assert.strictEqual(call.method, row.method)
        assert.strictEqual(call.path, row.path)
        assert.deepStrictEqual(call.query, row.query ?? {})
        assert.deepStrictEqual(call.body, row.body)
        assert.strictEqual(call.headers["authorization"], AUTHORIZATION)
        assert.strictEqual(call.headers["x-descope-license"], "pro")
        assert.strictEqual(call.headers["x-descope-project-id"], PROJECT_ID)
        if (row.body === undefined) assert.strictEqual(call.bodyText, undefined)
        row.check?.(result)
      })
  )

/** The endpoints of a catalogue area module. */
export const endpointsOf = (area: Readonly<Record<string, unknown>>): ReadonlyArray<Endpoint.Endpoint.Any> =>
  Object.values(area).filter((v): v is Endpoint.Endpoint.Any =>
    typeof v === "object" && v !== null && (v as { readonly _tag?: unknown })._tag === "Endpoint"
  )

/** The pattern of each path template, made once: the coverage checks compare every endpoint with every row. */
const templatePatterns = new Map<string, RegExp>()

/** Whether a recorded path is an instance of a catalogued path template (`{id}` is one segment). */
export const pathMatches = (template: string, path: string): boolean => {
  if (template === path) return true
  let pattern = templatePatterns.get(template)
  if (pattern === undefined) {
    pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`)
    templatePatterns.set(template, pattern)
  }
  return pattern.test(path)
}

/**
 * The recorded-wire table of a catalogue area: one test per row, and a test that every endpoint of the
 * area has at least one row (same method and path, written as literals in the row). `elsewhere` names
 * the endpoints tested by other means (`"GET /v1/mgmt/license"`: why).
 */
export const wireTable = (
  area: string,
  module: Readonly<Record<string, unknown>>,
  rows: ReadonlyArray<Row>,
  elsewhere: Readonly<Record<string, string>> = {}
) =>
  describe(`mgmt.${area} wire`, () => {
    it("has a row for every catalogued endpoint", () => {
      const missing = endpointsOf(module)
        .filter((e) => !rows.some((r) => r.method === e.method && pathMatches(e.path, r.path)))
        .map((e) => `${e.method} ${e.path}`)
        .filter((key) => elsewhere[key] === undefined)
      assert.deepStrictEqual(missing, [])
      assert.isAbove(endpointsOf(module).length, 0)
    })
    for (const row of rows) {
      it.effect(row.name, () => runRow(row))
    }
  })
