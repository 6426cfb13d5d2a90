/**
 * mgmt.outboundApplication through our client against the emulator (in-process): applications created
 * (also from a template), updated, loaded, deleted with their tokens; a token round trip (upload, fetch the
 * latest and by scopes, Redacted values, refresh token only when asked), API keys, tenant tokens, an
 * all-or-nothing batch, the apps a user holds tokens for, and deletions by user, by app and by id.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2OutboundScenario0000000000"
const K = "outbound-management-key"

const run = emulatorRun(P, K)

const value = (r: Redacted.Redacted<string> | null | undefined) => (r == null ? undefined : Redacted.value(r))

describe("mgmt.outboundApplication against the emulator", () => {
  it.effect("applications: create, from a template, update, load all", () =>
    run(Effect.gen(function*() {
      const out = (yield* DescopeClient).mgmt.outboundApplication
      const created = yield* out.createApplication({
        name: "CRM",
        clientId: "cid",
        clientSecret: Redacted.make("cl1ent-secret"),
        tokenUrl: "https://crm.test/token",
        defaultScopes: ["read"]
      })
      assert.strictEqual(created.name, "CRM")
      assert.notInclude(JSON.stringify(yield* out.loadApplication(created.id)), "cl1ent-secret")
      const google = yield* out.createApplicationByTemplate({
        templateId: "google",
        clientId: "gid",
        overrides: { defaultScopes: ["email"] }
      })
      assert.strictEqual(google.name, "Google")
      assert.strictEqual(google.tokenUrl, "https://oauth2.googleapis.com/token")
      assert.deepStrictEqual(google.defaultScopes, ["email"])
      assert.strictEqual(google.clientId, "gid")
      assert.strictEqual(yield* failure(out.createApplicationByTemplate({ templateId: "nope" })), "AuthError:404")

      const updated = yield* out.updateApplication({ id: created.id, name: "CRM 2", clientId: "cid2" })
      assert.deepStrictEqual({ name: updated.name, clientId: updated.clientId, tokenUrl: updated.tokenUrl }, {
        name: "CRM 2",
        clientId: "cid2",
        tokenUrl: undefined
      })
      assert.deepStrictEqual((yield* out.loadAllApplications()).map((a) => a.name).sort(), ["CRM 2", "Google"])
      assert.strictEqual(yield* failure(out.updateApplication({ id: "OAnope", name: "x" })), "AuthError:404")
    })))

  it.effect("tokens: upload, fetch latest and by scopes, API keys, batches, deletions", () =>
    run(Effect.gen(function*() {
      const client = yield* DescopeClient
      const out = client.mgmt.outboundApplication
      const user = yield* client.mgmt.user.create({ loginId: "ada@example.com", email: "ada@example.com" })
      const tenantId = yield* client.mgmt.tenant.create({ name: "Acme" })
      const app = yield* out.createApplication({ name: "CRM" })
      const other = yield* out.createApplication({ name: "Wiki" })

      assert.strictEqual(yield* failure(out.fetchToken(app.id, user.userId)), "AuthError:404")
      yield* out.uploadUserToken({
        appId: app.id,
        userId: user.userId,
        accessToken: "acc-1",
        refreshToken: Redacted.make("ref-1"),
        accessTokenExpiry: 1900000000,
        scopes: ["read", "write"]
      })
      const latest = yield* out.fetchToken(app.id, user.userId)
      assert.strictEqual(value(latest.accessToken), "acc-1")
      assert.strictEqual(latest.refreshToken, undefined, "the refresh token only when asked")
      assert.strictEqual(latest.hasRefreshToken, true)
      assert.strictEqual(latest.accessTokenExpiry, 1900000000)
      const withRefresh = yield* out.fetchTokenByScopes(app.id, user.userId, ["write"], { withRefreshToken: true })
      assert.strictEqual(value(withRefresh.refreshToken), "ref-1")
      assert.strictEqual(yield* failure(out.fetchTokenByScopes(app.id, user.userId, ["admin"])), "AuthError:404")

      yield* out.uploadUserToken({ appId: app.id, userId: user.userId, accessToken: "acc-2", scopes: ["read"] })
      assert.strictEqual(value((yield* out.fetchToken(app.id, user.userId)).accessToken), "acc-2")
      assert.strictEqual(yield* failure(out.fetchTokenByScopes(app.id, user.userId, ["write"])), "AuthError:404")

      yield* out.uploadUserApiKey(other.id, user.userId, Redacted.make("api-k3y"))
      assert.strictEqual(value((yield* out.fetchToken(other.id, user.userId)).accessToken), "api-k3y")
      assert.deepStrictEqual([...(yield* out.listAppsWithUserToken(user.userId))].sort(), [app.id, other.id].sort())

      yield* out.uploadTenantApiKey(app.id, tenantId, "tenant-k3y")
      assert.strictEqual(value((yield* out.fetchTenantToken(app.id, tenantId)).accessToken), "tenant-k3y")
      yield* out.uploadTenantToken({ appId: app.id, tenantId, accessToken: "t-acc", scopes: ["read"] })
      const tenantToken = yield* out.fetchTenantTokenByScopes(app.id, tenantId, ["read"])
      assert.strictEqual(value(tenantToken.accessToken), "t-acc")
      assert.strictEqual(tenantToken.tenantId, tenantId)

      assert.strictEqual(
        yield* failure(out.uploadUserToken({ appId: app.id, userId: "U-nobody", accessToken: "x" })),
        "AuthError:404"
      )
      const failures = yield* out.batchUploadUserTokens([
        { appId: other.id, userId: user.userId, accessToken: "batch-1" },
        { appId: app.id, userId: "U-nobody", accessToken: "batch-2" }
      ])
      assert.deepStrictEqual(failures.map((f) => f.userId), ["U-nobody"])
      assert.strictEqual(value((yield* out.fetchToken(other.id, user.userId)).accessToken), "api-k3y", "none committed")
      assert.deepStrictEqual(
        yield* out.batchUploadTenantTokens([{ appId: other.id, tenantId, refreshToken: "only-refresh" }]),
        []
      )
      const refreshOnly = yield* out.fetchTenantToken(other.id, tenantId, { withRefreshToken: true })
      assert.strictEqual(value(refreshOnly.refreshToken), "only-refresh")
      assert.strictEqual(value(refreshOnly.accessToken), "")

      assert.strictEqual(yield* failure(out.deleteTokenById(latest.id)), "AuthError:404", "replaced by acc-2")
      const current = yield* out.fetchToken(app.id, user.userId)
      yield* out.deleteTokenById(current.id)
      assert.strictEqual(yield* failure(out.fetchToken(app.id, user.userId)), "AuthError:404")
      yield* out.deleteUserTokens(undefined, user.userId)
      assert.deepStrictEqual(yield* out.listAppsWithUserToken(user.userId), [])
      assert.strictEqual(
        value((yield* out.fetchTenantToken(app.id, tenantId)).accessToken),
        "t-acc",
        "tenant tokens stay"
      )

      yield* out.deleteApplication(app.id)
      assert.strictEqual(yield* failure(out.loadApplication(app.id)), "AuthError:404")
      assert.strictEqual(yield* failure(out.fetchTenantToken(app.id, tenantId)), "AuthError:404")
    })))
})
