/**
 * `client.mgmt.outboundApplicationByToken` (python-sdk's `OutboundApplicationByToken`): the outbound
 * token fetches authorized by an inbound application's token. The recorded wire: the same paths and
 * bodies as `outboundApplication`'s fetches, `Authorization: Bearer <projectId>:<token>` with nothing
 * appended, no license handshake, no management key needed, an empty token refused unsent. Against the
 * emulator: a token issued for a user's consent to the `outbound.token.fetch` scope fetches, a client
 * with no management key at all; without that scope, after the consent is deleted, or a forged token:
 * 401.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { InvalidArgumentError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import * as Management from "../src/management/Management.js"
import { emulatorRun } from "./support/area.js"
import { BASE_URL, decodingValidator, PROJECT_ID, withMgmt } from "./support/management.js"

const TOKEN = { token: { id: "OT1", appId: "app1", userId: "U1", accessToken: "acc-1", scopes: ["read"] } }

/** The by-token API over the recording mock, with no management key configured. */
const withoutKey = <A, E>(
  run: (api: Management.ManagementApi, recorder: MockHttpClient.Recorder) => Effect.Effect<A, E>
) =>
  Effect.scoped(Effect.gen(function*() {
    const http = yield* DescopeHttp.DescopeHttp
    const recorder = yield* MockHttpClient.MockHttpRecorder
    const mgmt = yield* Management.make(http, decodingValidator)
    return yield* run(mgmt, recorder)
  })).pipe(
    Effect.provide(
      DescopeHttp.layer.pipe(
        Layer.provide(DescopeConfig.layer({ projectId: PROJECT_ID, baseUrl: BASE_URL })),
        Layer.provideMerge(MockHttpClient.layer(() => MockHttpClient.json(TOKEN)))
      )
    )
  )

describe("outboundApplicationByToken wire", () => {
  it.effect("the four fetches: outboundApplication's paths and bodies, the inbound token as the credential", () =>
    withoutKey((mgmt, recorder) =>
      Effect.gen(function*() {
        const api = mgmt.outboundApplicationByToken
        const fetched = yield* api.fetchTokenByScopes(
          "in-tok",
          "app1",
          "U1",
          ["read"],
          { withRefreshToken: true },
          "T1"
        )
        assert.strictEqual(Redacted.value(fetched.accessToken!), "acc-1")
        yield* api.fetchToken(Redacted.make("in-tok"), "app1", "U1")
        yield* api.fetchTenantTokenByScopes("in-tok", "app1", "T1", ["read"])
        yield* api.fetchTenantToken("in-tok", "app1", "T1", { forceRefresh: true })
        const requests = yield* recorder.requests
        assert.deepStrictEqual(requests.map((r) => [r.method, r.path, r.body]), [
          ["POST", "/v1/mgmt/outbound/app/user/token", {
            appId: "app1",
            userId: "U1",
            scopes: ["read"],
            options: { withRefreshToken: true },
            tenantId: "T1"
          }],
          ["POST", "/v1/mgmt/outbound/app/user/token/latest", { appId: "app1", userId: "U1" }],
          ["POST", "/v1/mgmt/outbound/app/tenant/token", { appId: "app1", tenantId: "T1", scopes: ["read"] }],
          ["POST", "/v1/mgmt/outbound/app/tenant/token/latest", {
            appId: "app1",
            tenantId: "T1",
            options: { forceRefresh: true }
          }]
        ])
        for (const r of requests) assert.strictEqual(r.headers["authorization"], `Bearer ${PROJECT_ID}:in-tok`)
      })
    ))

  it.effect("with a management key configured, it is not sent either, and no handshake runs", () =>
    withMgmt(() => MockHttpClient.json(TOKEN), (mgmt, recorder) =>
      Effect.gen(function*() {
        yield* mgmt.outboundApplicationByToken.fetchToken("in-tok", "app1", "U1")
        const requests = yield* recorder.requests
        assert.deepStrictEqual(requests.map((r) => r.path), ["/v1/mgmt/outbound/app/user/token/latest"])
        assert.strictEqual(requests[0]?.headers["authorization"], `Bearer ${PROJECT_ID}:in-tok`)
      })))

  it.effect("an empty token, app id or user id is InvalidArgumentError, unsent", () =>
    withoutKey((mgmt, recorder) =>
      Effect.gen(function*() {
        const api = mgmt.outboundApplicationByToken
        const cases: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown>]> = [
          ["token", api.fetchToken("", "app1", "U1")],
          ["token", api.fetchTenantToken(Redacted.make(""), "app1", "T1")],
          ["appId", api.fetchTokenByScopes("in-tok", "", "U1", ["read"])],
          ["tenantId", api.fetchTenantTokenByScopes("in-tok", "app1", " ", ["read"])]
        ]
        for (const [field, effect] of cases) {
          const error = yield* Effect.flip(effect)
          assert.instanceOf(error, InvalidArgumentError, field)
          assert.strictEqual((error as InvalidArgumentError).field, field)
        }
        assert.deepStrictEqual(yield* recorder.requests, [])
      })
    ))
})

const P = "P2ByTokenScenario00000000000"
const K = "by-token-management-key"
const run = emulatorRun(P, K)

const control = (path: string, body: Record<string, unknown>) =>
  Effect.flatMap(HttpClient.HttpClient, (http) =>
    Effect.flatMap(
      http.execute(
        HttpClientRequest.post(`http://emulator.local${path}?projectId=${P}`).pipe(
          HttpClientRequest.bodyUnsafeJson(body)
        )
      ),
      (r) => Effect.map(r.json, (b) => ({ status: r.status, body: b as Record<string, unknown> }))
    ))

/** The by-token API of a client that has no management key, over the same emulator. */
const byToken = <A, E>(
  f: (api: Management.ManagementApi["outboundApplicationByToken"]) => Effect.Effect<A, E>
) =>
  Effect.flatMap(DescopeClient, (c) => f(c.mgmt.outboundApplicationByToken)).pipe(
    Effect.provide(
      Descope.layer({ projectId: P, baseUrl: "http://emulator.local" }).pipe(Layer.provide(Emulator.layerHttpClient))
    )
  )

/** The failure of `effect` as `Tag:status`. */
const failure = <A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.flip(effect), (e) => `${e._tag}:${(e as unknown as { readonly status?: number }).status}`)

describe("outboundApplicationByToken against the emulator", () => {
  it.effect("a consented inbound app's token fetches; without the scope, revoked or forged it is 401", () =>
    run(Effect.gen(function*() {
      const mgmt = (yield* DescopeClient).mgmt
      const user = yield* mgmt.user.create({ loginId: "ada@example.com" })
      const crm = yield* mgmt.outboundApplication.createApplication({ name: "CRM" })
      yield* mgmt.outboundApplication.uploadUserToken({
        appId: crm.id,
        userId: user.userId,
        accessToken: "acc-1",
        scopes: ["read"]
      })
      const scopes = [{ name: "outbound.token.fetch", description: "Fetch outbound tokens" }, {
        name: "read",
        description: "Read"
      }]
      const agent = yield* mgmt.inboundApplication.createApplication({ name: "Agent", permissionsScopes: scopes })
      const other = yield* mgmt.inboundApplication.createApplication({ name: "Other", permissionsScopes: scopes })
      assert.strictEqual(
        (yield* control("/emulator/inbound-apps/token", { appId: agent.id, userId: user.userId })).status,
        400,
        "no consent, no token"
      )
      yield* control("/emulator/consents", { appId: agent.id, userId: user.userId, scopes: ["outbound.token.fetch"] })
      yield* control("/emulator/consents", { appId: other.id, userId: user.userId, scopes: ["read"] })
      const issued = yield* control("/emulator/inbound-apps/token", { appId: agent.id, userId: user.userId })
      const token = String(issued.body.access_token)
      const readOnly = String(
        (yield* control("/emulator/inbound-apps/token", { appId: other.id, userId: user.userId })).body.access_token
      )

      const fetched = yield* byToken((api) => api.fetchToken(token, crm.id, user.userId))
      assert.strictEqual(Redacted.value(fetched.accessToken!), "acc-1")
      const byScopes = yield* byToken((api) => api.fetchTokenByScopes(token, crm.id, user.userId, ["read"]))
      assert.strictEqual(Redacted.value(byScopes.accessToken!), "acc-1")

      assert.strictEqual(
        yield* failure(byToken((api) => api.fetchToken(readOnly, crm.id, user.userId))),
        "AuthError:401"
      )
      const forged = `${token.slice(0, -4)}AAAA`
      assert.strictEqual(yield* failure(byToken((api) => api.fetchToken(forged, crm.id, user.userId))), "AuthError:401")
      // the token does not open the other management routes
      const listed = yield* Effect.flip(
        Effect.flatMap(HttpClient.HttpClient, (http) =>
          http.execute(
            HttpClientRequest.get("http://emulator.local/v1/mgmt/outbound/apps").pipe(
              HttpClientRequest.bearerToken(`${P}:${token}`)
            )
          ).pipe(Effect.flatMap((r) => (r.status === 401 ? Effect.fail("401") : Effect.succeed(r.status)))))
      )
      assert.strictEqual(listed, "401")

      yield* mgmt.inboundApplication.deleteConsents({ appId: agent.id })
      assert.strictEqual(yield* failure(byToken((api) => api.fetchToken(token, crm.id, user.userId))), "AuthError:401")
    })))
})
