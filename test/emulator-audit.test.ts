/**
 * Every action is an audit record: sign-ins, failures (also the ones no flow
 * recorded itself), logouts and management changes, found by the official
 * node-sdk's `management.audit.search` with Descope's filters.
 */
import DescopeClient from "@descope/node-sdk"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { actionOf } from "../src/emulator/AuditTrail.js"
import * as Emulator from "../src/emulator/index.js"

const P = "P2AuditProject00000000000000"
const K = "audit-management-key"
const runtime = ManagedRuntime.make(
  Emulator.layerServer().pipe(Layer.provideMerge(Emulator.layer({ projectId: P, managementKey: K })))
)
let sdk: ReturnType<typeof DescopeClient>
let baseUrl = ""

beforeAll(async () => {
  baseUrl = (await runtime.runPromise(Emulator.EmulatorServer)).baseUrl
  sdk = DescopeClient({ projectId: P, managementKey: K, baseUrl })
})
afterAll(() => runtime.dispose())

const codeFor = async (loginId: string): Promise<string> => {
  const res = await fetch(`${baseUrl}/emulator/outbox?loginId=${encodeURIComponent(loginId)}&kind=otp`)
  const { messages } = (await res.json()) as { messages: Array<{ code: string }> }
  return messages[messages.length - 1]?.code ?? ""
}

describe("the action of a management operation", () => {
  it("is <Area>Created / Deleted / Modified, none for reads", () => {
    assert.strictEqual(actionOf("mgmt.user.create", "POST"), "UserCreated")
    assert.strictEqual(actionOf("mgmt.user.createBatch", "POST"), "UserCreated")
    assert.strictEqual(actionOf("mgmt.user.delete", "POST"), "UserDeleted")
    assert.strictEqual(actionOf("mgmt.user.updateEmail", "POST"), "UserModified")
    assert.strictEqual(actionOf("mgmt.user.addTenant", "POST"), "UserModified")
    assert.strictEqual(actionOf("mgmt.user.removeRoles", "POST"), "UserModified")
    assert.strictEqual(actionOf("mgmt.tenant.update", "POST"), "TenantModified")
    assert.strictEqual(actionOf("mgmt.accessKey.deleteBatch", "POST"), "AccessKeyDeleted")
    assert.strictEqual(actionOf("mgmt.sso.configureSamlSettings", "POST"), "SSOSettingsModified")
    assert.strictEqual(actionOf("mgmt.sso.mapping", "POST"), "SSOSettingsModified")
    for (
      const read of [
        "mgmt.user.load",
        "mgmt.user.search",
        "mgmt.fga.check",
        "mgmt.audit.search",
        "mgmt.sso.getSettings"
      ]
    ) {
      assert.isUndefined(actionOf(read, "POST"), read)
    }
    assert.isUndefined(actionOf("mgmt.tenant.loadAll", "GET"))
  })
})

describe("mgmt.audit.search (node-sdk)", () => {
  it("finds sign-ins, failures, logouts and management changes with Descope's filters", async () => {
    const start = Date.now() - 1000
    assert.isTrue((await sdk.management.tenant.createWithId("acme", "Acme")).ok)
    const created = await sdk.management.user.create("ada@example.com", {
      userTenants: [{ tenantId: "acme", roleNames: [] }]
    })
    const userId = created.data?.userId ?? ""
    assert.isTrue((await sdk.management.user.updateDisplayName("ada@example.com", "Ada")).ok)
    assert.isTrue((await sdk.management.user.load("ada@example.com")).ok)

    await sdk.otp.signIn.email("ada@example.com")
    assert.isFalse((await sdk.otp.verify.email("ada@example.com", "000000x")).ok)
    await sdk.otp.signIn.email("ada@example.com")
    const login = await sdk.otp.verify.email("ada@example.com", await codeFor("ada@example.com"))
    assert.isTrue(login.ok)
    // a failure no flow records itself: a refresh with a token that is none
    assert.isFalse((await sdk.refresh("not-a-token")).ok)
    assert.isTrue((await sdk.logout(login.data?.refreshJwt)).ok)
    await sdk.management.user.delete("ada@example.com")

    const search = async (options: Parameters<typeof sdk.management.audit.search>[0]) => {
      const res = await sdk.management.audit.search(options)
      assert.isTrue(res.ok, JSON.stringify(res.error))
      return res.data ?? []
    }
    const mine = await search({ userIds: [userId], from: start })
    assert.deepStrictEqual(
      mine.map((a) => a.action),
      ["UserCreated", "UserModified", "LoginFailed", "LoginSucceed", "Logout", "UserDeleted"]
    )
    assert.isTrue(mine.every((a) => a.loginIds?.includes("ada@example.com")))
    const management = await search({
      actions: ["UserCreated", "UserModified", "UserDeleted"],
      methods: ["management"]
    })
    assert.deepStrictEqual(management.map((a) => a.data?.operation), [
      "mgmt.user.create",
      "mgmt.user.updateDisplayName",
      "mgmt.user.delete"
    ])
    assert.deepStrictEqual((await search({ actions: ["TenantCreated"], tenants: ["acme"] })).length, 1)
    const failures = await search({ actions: ["LoginFailed"] })
    assert.deepStrictEqual(failures.map((a) => a.method), ["otp", "session"])
    assert.strictEqual(failures[1]?.data?.errorCode, "E064002") // Codes.InvalidToken
    assert.strictEqual((await search({ actions: ["Logout"] })).length, 1)
    assert.deepStrictEqual(
      (await search({ loginIds: ["ada@example.com"], excludedActions: ["LoginFailed", "UserModified", "Logout"] })).map(
        (a) => a.action
      ),
      ["UserCreated", "LoginSucceed", "UserDeleted"]
    )
    assert.deepStrictEqual(await search({ from: Date.now() + 60_000 }), [])
    // reads are not audited
    assert.strictEqual((await search({ text: "mgmt.user.load" })).length, 0)
  })
})
