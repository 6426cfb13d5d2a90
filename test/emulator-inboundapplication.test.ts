/**
 * mgmt.inboundApplication through our client against the emulator (in-process): third-party applications
 * created (id, client id, Redacted secret), updated, patched, loaded, deleted (one and a batch); the secret
 * read and rotated; consents recorded by the emulator control, searched (a page and the Stream over pages)
 * and deleted by user, by app and for a tenant.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2InboundScenario00000000000"
const K = "inbound-management-key"

const run = emulatorRun(P, K)

/** Records a consent through the emulator control; answers its status and id. */
const consent = (body: Record<string, unknown>) =>
  Effect.flatMap(HttpClient.HttpClient, (http) =>
    Effect.flatMap(
      http.execute(
        HttpClientRequest.post(`http://emulator.local/emulator/consents?projectId=${P}`).pipe(
          HttpClientRequest.bodyUnsafeJson(body)
        )
      ),
      (r) => Effect.map(r.json, (b) => ({ status: r.status, id: (b as { consent?: { id: string } }).consent?.id }))
    ))

const SCOPES = [{ name: "read", description: "Read" }, { name: "write", description: "Write" }]

describe("mgmt.inboundApplication against the emulator", () => {
  it.effect("applications: create, secret and rotation, update, patch, delete", () =>
    run(Effect.gen(function*() {
      const apps = (yield* DescopeClient).mgmt.inboundApplication
      const created = yield* apps.createApplication({ name: "Zapier", permissionsScopes: SCOPES, logo: "l.png" })
      assert.isTrue(Redacted.isRedacted(created.cleartext))
      const loaded = yield* apps.loadApplication(created.id)
      assert.strictEqual(loaded.clientId, created.clientId)
      assert.deepStrictEqual(loaded.permissionsScopes, SCOPES)
      assert.notInclude(JSON.stringify(loaded), Redacted.value(created.cleartext))
      assert.strictEqual(
        Redacted.value((yield* apps.getApplicationSecret(created.id)).cleartext),
        Redacted.value(created.cleartext)
      )
      const rotated = yield* apps.rotateApplicationSecret(created.id)
      assert.notStrictEqual(Redacted.value(rotated.cleartext), Redacted.value(created.cleartext))
      assert.strictEqual(
        Redacted.value((yield* apps.getApplicationSecret(created.id)).cleartext),
        Redacted.value(rotated.cleartext)
      )

      yield* apps.patchApplication({ id: created.id, description: "automation" })
      const patched = yield* apps.loadApplication(created.id)
      assert.deepStrictEqual({ d: patched.description, logo: patched.logo, name: patched.name }, {
        d: "automation",
        logo: "l.png",
        name: "Zapier"
      })
      yield* apps.updateApplication({ id: created.id, name: "Zapier 2" })
      const updated = yield* apps.loadApplication(created.id)
      assert.deepStrictEqual({ name: updated.name, logo: updated.logo, scopes: updated.permissionsScopes }, {
        name: "Zapier 2",
        logo: undefined,
        scopes: undefined
      })

      const other = yield* apps.createApplication({ name: "Make" })
      const third = yield* apps.createApplication({ name: "IFTTT" })
      assert.strictEqual((yield* apps.loadAllApplications()).length, 3)
      yield* apps.deleteApplicationBatch([other.id, third.id])
      yield* apps.deleteApplication(created.id)
      assert.deepStrictEqual(yield* apps.loadAllApplications(), [])
      assert.strictEqual(yield* failure(apps.loadApplication(created.id)), "AuthError:404")
      assert.strictEqual(yield* failure(apps.patchApplication({ id: created.id, name: "x" })), "AuthError:404")
    })))

  it.effect("consents: recorded, searched by page and as a Stream, deleted", () =>
    run(Effect.gen(function*() {
      const client = yield* DescopeClient
      const apps = client.mgmt.inboundApplication
      const ada = yield* client.mgmt.user.create({ loginId: "ada@example.com" })
      const bob = yield* client.mgmt.user.create({ loginId: "bob@example.com" })
      const tenantId = yield* client.mgmt.tenant.create({ name: "Acme" })
      const zap = yield* apps.createApplication({ name: "Zapier", permissionsScopes: SCOPES })
      const make = yield* apps.createApplication({ name: "Make", permissionsScopes: SCOPES })

      assert.strictEqual((yield* consent({ appId: zap.id, userId: ada.userId, scopes: ["admin"] })).status, 400)
      assert.strictEqual((yield* consent({ appId: zap.id, userId: "U-nobody", scopes: ["read"] })).status, 404)
      const ids: Array<string> = []
      for (
        const [app, user, tenant] of [
          [zap.id, ada.userId, undefined],
          [zap.id, bob.userId, tenantId],
          [make.id, ada.userId, tenantId],
          [make.id, bob.userId, undefined],
          [zap.id, ada.userId, tenantId]
        ] as const
      ) {
        const r = yield* consent({
          appId: app,
          userId: user,
          scopes: ["read"],
          ...(tenant ? { tenantId: tenant } : {})
        })
        assert.strictEqual(r.status, 200)
        ids.push(r.id!)
      }

      assert.strictEqual((yield* apps.searchConsents()).length, 5)
      assert.deepStrictEqual((yield* apps.searchConsents({ appId: zap.id, userId: ada.userId })).map((c) => c.id), [
        ids[0],
        ids[4]
      ])
      assert.deepStrictEqual((yield* apps.searchConsents({ limit: 2, page: 2 })).map((c) => c.id), [ids[4]])
      const streamed = yield* Stream.runCollect(apps.streamConsents({ pageSize: 2 }))
      assert.deepStrictEqual(Chunk.toArray(streamed).map((c) => c.id), ids)

      yield* apps.deleteTenantConsents({ tenantId, appId: make.id })
      assert.deepStrictEqual((yield* apps.searchConsents({ tenantId })).map((c) => c.id), [ids[1], ids[4]])
      yield* apps.deleteConsents({ userIds: [bob.userId] })
      assert.deepStrictEqual((yield* apps.searchConsents()).map((c) => c.id), [ids[0], ids[4]])
      yield* apps.deleteConsents({ consentIds: [ids[4]!] })
      assert.deepStrictEqual((yield* apps.searchConsents()).map((c) => c.id), [ids[0]])
      yield* apps.deleteApplication(zap.id)
      assert.deepStrictEqual(yield* apps.searchConsents(), [])
    })))

  it.effect("go-sdk's v2 forms share the applications; an added secret rotates without downtime", () =>
    run(Effect.gen(function*() {
      const apps = (yield* DescopeClient).mgmt.inboundApplication
      const created = yield* apps.createApplicationV2({ name: "Agent", clientType: "confidential", forceDpop: true })
      const v2 = yield* apps.loadApplicationV2(created.id)
      assert.deepStrictEqual({ type: v2.clientType, dpop: v2.forceDpop, name: v2.name }, {
        type: "confidential",
        dpop: true,
        name: "Agent"
      })
      assert.strictEqual((yield* apps.loadApplication(created.id)).name, "Agent")
      yield* apps.patchApplicationV2({ id: created.id, clientType: "public" })
      assert.strictEqual((yield* apps.loadApplicationV2(created.id)).clientType, "public")
      yield* apps.updateApplicationV2({ id: created.id, name: "Agent 2" })
      const updated = yield* apps.loadApplicationV2(created.id)
      assert.deepStrictEqual({ name: updated.name, type: updated.clientType }, { name: "Agent 2", type: undefined })
      yield* apps.createApplicationV2({ name: "Other" })
      yield* apps.createApplication({ name: "Third" })
      const page = yield* apps.loadAllApplicationsV2({ page: 1, limit: 2 })
      assert.deepStrictEqual({ n: page.apps.length, total: page.total }, { n: 1, total: 3 })

      // a second secret beside the first, readable by name, then the first rotated and the second revoked
      const first = yield* apps.getApplicationSecret(created.id)
      const added = yield* apps.addApplicationSecret(created.id, "next", 1900000000)
      assert.strictEqual(added.meta?.name, "next")
      assert.strictEqual(added.meta?.expireTime, 1900000000)
      assert.notStrictEqual(Redacted.value(added.cleartext), Redacted.value(first.cleartext))
      assert.strictEqual(
        Redacted.value((yield* apps.getApplicationSecret(created.id, "next")).cleartext),
        Redacted.value(added.cleartext)
      )
      assert.strictEqual(
        Redacted.value((yield* apps.getApplicationSecret(created.id)).cleartext),
        Redacted.value(first.cleartext)
      )
      assert.strictEqual(yield* failure(apps.addApplicationSecret(created.id, "next")), "AuthError:400")
      yield* apps.addApplicationSecret(created.id, "later")
      assert.deepStrictEqual((yield* apps.revokeApplicationSecret(created.id, "next")).map((m) => m.name), ["later"])
      assert.strictEqual(yield* failure(apps.getApplicationSecret(created.id, "next")), "AuthError:404")
      assert.strictEqual(yield* failure(apps.revokeApplicationSecret(created.id, "next")), "AuthError:404")
      assert.strictEqual(yield* failure(apps.loadApplicationV2("missing")), "AuthError:404")
    })))
})
