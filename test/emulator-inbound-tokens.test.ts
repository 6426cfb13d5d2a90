/**
 * The emulator's inbound-application access tokens (`POST /emulator/inbound-apps/token`): issued only for
 * scopes the user consented to, signed with the project's keys (our validator accepts them, with the client
 * id as audience), carrying the client and the scopes but none of the user's roles; refused for an unknown
 * application or user, without a consent, or for a scope not consented to.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import { emulatorRun } from "./support/area.js"
import * as Raw from "./support/emulator.js"

const P = "P2InboundTokens0000000000001"
const K = "inbound-tokens-management-key"

const run = emulatorRun(P, K)

const SCOPES = [{ name: "read", description: "Read" }, { name: "write", description: "Write" }]

describe("emulator: inbound applications' access tokens", () => {
  it.effect("issued for consented scopes; validated with the project keys and the client id as audience", () =>
    run(Effect.gen(function*() {
      const client = yield* DescopeClient
      const emulator = yield* Emulator.Emulator
      const app = yield* client.mgmt.inboundApplication.createApplication({ name: "Zapier", permissionsScopes: SCOPES })
      yield* client.mgmt.role.create({ name: "admin" })
      const ada = yield* client.mgmt.user.create({ loginId: "ada@example.com", roleNames: ["admin"] })
      const token = (body: Record<string, unknown>) =>
        Raw.request(emulator, "POST", "/emulator/inbound-apps/token", { body: { appId: app.id, ...body } })

      // no consent yet: refused
      assert.strictEqual((yield* token({ userId: ada.userId })).status, 400)
      const consent = yield* Raw.request(emulator, "POST", "/emulator/consents", {
        body: { appId: app.id, userId: ada.userId, scopes: ["read"] }
      })
      assert.strictEqual(consent.status, 200)
      assert.strictEqual((yield* token({ userId: ada.userId, scopes: ["read", "write"] })).status, 400)
      assert.strictEqual((yield* token({ userId: "U-nobody" })).status, 404)
      assert.strictEqual((yield* token({ userId: ada.userId, appId: "TP-nope" })).status, 404)

      const issued = yield* token({ userId: ada.userId })
      assert.strictEqual(issued.status, 200, JSON.stringify(issued.body))
      const body = issued.body as Record<string, unknown>
      assert.deepStrictEqual({ type: body.token_type, scope: body.scope, expiresIn: typeof body.expires_in }, {
        type: "Bearer",
        scope: "read",
        expiresIn: "number"
      })
      const session = yield* client.validateSession(Redacted.make(String(body.access_token)), {
        audience: app.clientId
      })
      assert.strictEqual(session.userId, ada.userId)
      assert.deepStrictEqual(session.roles, [])
      assert.strictEqual(session.claims["client_id"], app.clientId)
      assert.strictEqual(session.claims["scope"], "read")

      const elsewhere = yield* token({ userId: ada.userId, audience: "https://api.elsewhere.test" })
      const refused = yield* Effect.flip(
        client.validateSession(Redacted.make(String((elsewhere.body as Record<string, unknown>).access_token)), {
          audience: app.clientId
        })
      )
      assert.strictEqual(refused._tag === "InvalidSessionError" ? refused.reason : refused._tag, "WrongAudience")
    })))
})
