/**
 * Conformance of the areas added for issue 15: the official `@descope/node-sdk` runs a scenario per area
 * over loopback against the emulator's real server: list IP checks with CIDR ranges, an SSO application's
 * secret rotation, an outbound application's token round trip, an inbound application's consents, a JWT
 * template from the library, a management key that authenticates, descopers, engines and analytics.
 */
import DescopeClient from "@descope/node-sdk"
import { assert, describe, it } from "@effect/vitest"
import { nodeSdkOnEmulator } from "./support/nodeSdkOnEmulator.js"

const PROJECT_ID = "P2ConformanceAreas0000000000"
const MANAGEMENT_KEY = "conformance-areas-management-key"

let baseUrl = ""
let sdk: ReturnType<typeof DescopeClient>
nodeSdkOnEmulator(PROJECT_ID, MANAGEMENT_KEY, (loopback) => {
  baseUrl = loopback.baseUrl
  sdk = loopback.sdk
})

describe("node-sdk conformance of the new areas (loopback)", () => {
  it("list: IP checks evaluate CIDR ranges; texts", async () => {
    const m = sdk.management.list
    const created = await m.create({ name: "office", type: "ips", data: ["10.0.0.0/8", "2001:db8::/32"] })
    assert.isTrue(created.ok)
    const id = created.data!.id!
    assert.strictEqual((await m.checkIP(id, "10.20.30.40")).data, true)
    assert.strictEqual((await m.checkIP(id, "2001:db8::42")).data, true)
    assert.strictEqual((await m.checkIP(id, "192.0.2.1")).data, false)
    assert.isTrue((await m.addIPs(id, ["192.0.2.0/24"])).ok)
    assert.strictEqual((await m.checkIP(id, "192.0.2.1")).data, true)
    assert.isTrue((await m.removeIPs(id, ["10.0.0.0/8"])).ok)
    assert.strictEqual((await m.checkIP(id, "10.20.30.40")).data, false)
    assert.isFalse((await m.addIPs(id, ["not-an-ip"])).ok)
    assert.strictEqual((await m.loadByName("office")).data?.id, id)
    const words = await m.create({ name: "words", type: "texts", data: ["spam"] })
    assert.strictEqual((await m.checkText(words.data!.id!, "spam")).data, true)
    assert.isTrue((await m.clear(words.data!.id!)).ok)
    assert.strictEqual((await m.checkText(words.data!.id!, "spam")).data, false)
    assert.strictEqual((await m.loadAll()).data?.length, 2)
  })

  it("ssoApplication: an OIDC application's secret rotation", async () => {
    const m = sdk.management.ssoApplication
    const created = await m.createOidcApplication({ name: "portal", loginPageUrl: "https://app.test/login" })
    assert.isTrue(created.ok)
    const id = created.data!.id
    const first = (await m.getApplicationSecret(id)).data!.cleartext
    const rotated = (await m.rotateApplicationSecret(id)).data!.cleartext
    assert.notStrictEqual(rotated, first)
    assert.strictEqual((await m.getApplicationSecret(id)).data!.cleartext, rotated)
    const loaded = await m.load(id)
    assert.strictEqual(loaded.data?.appType, "oidc")
    assert.strictEqual(loaded.data?.enabled, true)
    assert.isTrue((await m.delete(id)).ok)
    assert.isFalse((await m.load(id)).ok)
  })

  it("outboundApplication: a token round trip", async () => {
    const user = await sdk.management.user.create("ada@example.com", { email: "ada@example.com" })
    const userId = user.data!.userId
    const m = sdk.management.outboundApplication
    const app = await m.createApplication({ name: "CRM", clientSecret: "cl1ent" })
    assert.isTrue(app.ok)
    const appId = app.data!.id
    assert.isTrue(
      (await m.uploadUserToken({ appId, userId, accessToken: "acc", refreshToken: "ref", scopes: ["read"] })).ok
    )
    const token = await m.fetchTokenByScopes(appId, userId, ["read"], { withRefreshToken: true })
    assert.strictEqual(token.data?.accessToken, "acc")
    assert.strictEqual(token.data?.refreshToken, "ref")
    assert.deepStrictEqual((await m.listAppsWithUserToken(userId)).data, [appId])
    assert.isTrue((await m.deleteUserTokens(appId, userId)).ok)
    assert.isFalse((await m.fetchToken(appId, userId)).ok)
  })

  it("inboundApplication: consents searched and deleted", async () => {
    const m = sdk.management.inboundApplication
    const app = await m.createApplication({ name: "Zapier", permissionsScopes: [{ name: "read", description: "r" }] })
    assert.isTrue(app.ok)
    const appId = app.data!.id
    assert.isString(app.data!.cleartext)
    const user = await sdk.management.user.create("bob@example.com", { email: "bob@example.com" })
    const consent = await fetch(`${baseUrl}/emulator/consents?projectId=${PROJECT_ID}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ appId, userId: user.data!.userId, scopes: ["read"] })
    })
    assert.strictEqual(consent.status, 200)
    const found = await m.searchConsents({ appId })
    assert.deepStrictEqual(found.data?.map((c) => c.scopes), [["read"]])
    assert.isTrue((await m.deleteConsents({ appId })).ok)
    assert.deepStrictEqual((await m.searchConsents({ appId })).data, [])
  })

  it("jwtTemplate, managementKey, descoper, engine, analytics", async () => {
    const applied = await sdk.management.jwtTemplate.applyFromLibrary({ libraryEntryId: "hasura" })
    assert.isTrue(applied.ok)
    assert.strictEqual((await sdk.management.jwtTemplate.validate(applied.data!.id!)).data?.valid, true)

    const key = await sdk.management.managementKey.create("ci", { companyRoles: ["admin"] })
    assert.isTrue(key.ok)
    const other = DescopeClient({ projectId: PROJECT_ID, baseUrl, managementKey: key.data!.cleartext })
    assert.isTrue((await other.management.role.loadAll()).ok)
    assert.isTrue((await sdk.management.managementKey.delete([key.data!.key.id])).ok)

    const descopers = await sdk.management.descoper.create([{ loginId: "dev@example.com" }])
    assert.strictEqual(descopers.data?.total, 1)
    assert.strictEqual((await sdk.management.descoper.list()).data?.descopers.length, 1)

    const engine = await sdk.management.engine.create("risk")
    assert.isString(engine.data?.secret)
    assert.deepStrictEqual((await sdk.management.engine.loadAll()).data?.map((e) => e.name), ["risk"])

    const analytics = await sdk.management.analytics.search({ groupByAction: true })
    assert.isTrue(analytics.ok)
    assert.isArray(analytics.data)
  })
})
