/**
 * Conformance: the official `@descope/node-sdk` runs the seed's scenarios over
 * loopback against the emulator's real server.
 */
import DescopeClient from "@descope/node-sdk"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import { afterAll, beforeAll } from "vitest"
import * as Emulator from "../src/emulator/index.js"
import { totp } from "./support/totp.js"

const PROJECT_ID = "P2ConformanceProject00000000"
const MANAGEMENT_KEY = "conformance-management-key"
const LOGIN_ID = "ada@example.com"
const URI = "http://app.example/verify"

const runtime = ManagedRuntime.make(
  Emulator.layerServer().pipe(
    Layer.provideMerge(Emulator.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY }))
  )
)
let baseUrl = ""
let sdk: ReturnType<typeof DescopeClient>

const outboxFor = async (loginId: string): Promise<ReadonlyArray<Emulator.OutboxMessage>> => {
  const res = await fetch(`${baseUrl}/emulator/outbox?loginId=${encodeURIComponent(loginId)}`)
  const body = (await res.json()) as { messages: ReadonlyArray<Emulator.OutboxMessage> }
  return body.messages
}

const tokenOf = (link: string): string => new URL(link).searchParams.get("t") ?? ""

beforeAll(async () => {
  const info = await runtime.runPromise(Emulator.EmulatorServer)
  baseUrl = info.baseUrl
  sdk = DescopeClient({ projectId: PROJECT_ID, baseUrl, managementKey: MANAGEMENT_KEY })
})

afterAll(() => runtime.dispose())

describe("node-sdk conformance (loopback)", () => {
  const state = { sessionJwt: "", refreshJwt: "", userId: "" }

  it("creates a permission, a role and a tenant", async () => {
    assert.isTrue((await sdk.management.permission.create("docs.read", "read docs")).ok)
    assert.isTrue((await sdk.management.role.create("editor", "edits", ["docs.read"])).ok)
    assert.isTrue((await sdk.management.tenant.createWithId("acme", "Acme")).ok)
    const roles = await sdk.management.role.loadAll()
    assert.deepStrictEqual(roles.data?.map((r) => [r.name, r.permissionNames]), [["editor", ["docs.read"]]])
    const tenant = await sdk.management.tenant.load("acme")
    assert.strictEqual(tenant.data?.name, "Acme")
  })

  it("creates a test user in the tenant", async () => {
    const res = await sdk.management.user.createTestUser(LOGIN_ID, {
      email: LOGIN_ID,
      displayName: "Ada",
      userTenants: [{ tenantId: "acme", roleNames: ["editor"] }]
    })
    assert.isTrue(res.ok)
    assert.strictEqual(res.data?.test, true)
    assert.deepStrictEqual(res.data?.userTenants?.map((t) => [t.tenantId, t.roleNames]), [["acme", ["editor"]]])
    state.userId = res.data?.userId ?? ""
    const search = await sdk.management.user.searchTestUsers({ tenantIds: ["acme"] })
    // node-sdk 2.13 answers `{ users, total }` here although its typings say `UserResponse[]`
    const found = search.data as unknown as { users: ReadonlyArray<{ loginIds: ReadonlyArray<string> }>; total: number }
    assert.deepStrictEqual(found.users.map((u) => u.loginIds[0]), [LOGIN_ID])
    assert.strictEqual(found.total, 1)
  })

  it("verifies a generated OTP, and rejects a wrong code with E061102", async () => {
    const first = await sdk.management.user.generateOTPForTestUser("email", LOGIN_ID)
    assert.isTrue(first.ok)
    assert.match(first.data?.code ?? "", /^\d{6}$/)
    const wrong = first.data?.code === "000000" ? "111111" : "000000"
    const bad = await sdk.otp.verify.email(LOGIN_ID, wrong)
    assert.isFalse(bad.ok)
    assert.strictEqual(bad.error?.errorCode, "E061102")
    const good = await sdk.otp.verify.email(LOGIN_ID, first.data?.code ?? "")
    assert.isTrue(good.ok)
    state.sessionJwt = good.data?.sessionJwt ?? ""
    state.refreshJwt = good.data?.refreshJwt ?? ""
    assert.strictEqual(good.data?.user?.loginIds?.[0], LOGIN_ID)
  })

  it("validates the session with its tenant roles and permissions", async () => {
    const info = await sdk.validateSession(state.sessionJwt)
    assert.strictEqual(info.token.sub, state.userId)
    assert.strictEqual(info.token.iss, PROJECT_ID)
    assert.strictEqual(info.token.drn, "DS")
    assert.deepStrictEqual(info.token.amr, ["email"])
    assert.isTrue(sdk.validateTenantRoles(info, "acme", ["editor"]))
    assert.isTrue(sdk.validateTenantPermissions(info, "acme", ["docs.read"]))
    assert.isFalse(sdk.validateTenantRoles(info, "acme", ["owner"]))
    assert.isFalse(sdk.validateTenantPermissions(info, "other", ["docs.read"]))
  })

  it("refreshes the session", async () => {
    const info = await sdk.refreshSession(state.refreshJwt)
    assert.strictEqual(info.token.sub, state.userId)
    assert.notStrictEqual(info.jwt, "")
  })

  it("answers me", async () => {
    const me = await sdk.me(state.refreshJwt)
    assert.isTrue(me.ok)
    assert.strictEqual(me.data?.userId, state.userId)
    assert.strictEqual(me.data?.email, LOGIN_ID)
    assert.strictEqual(me.data?.name, "Ada")
  })

  it("selects a tenant (dct)", async () => {
    const res = await sdk.selectTenant("acme", state.refreshJwt)
    assert.isTrue(res.ok)
    const info = await sdk.validateSession(res.data?.sessionJwt ?? "")
    assert.strictEqual(info.token.dct, "acme")
    const none = await sdk.selectTenant("nowhere", state.refreshJwt)
    assert.isFalse(none.ok)
  })

  it("signs in with a magic link from the outbox", async () => {
    const res = await sdk.magicLink.signIn.email(LOGIN_ID, URI)
    assert.isTrue(res.ok)
    assert.strictEqual(res.data?.maskedEmail, "a***@example.com")
    const message = (await outboxFor(LOGIN_ID)).filter((m) => m.kind === "magiclink").at(-1)
    assert.isTrue(message?.link?.startsWith(`${URI}?t=`))
    const verified = await sdk.magicLink.verify(tokenOf(message?.link ?? ""))
    assert.isTrue(verified.ok)
    assert.strictEqual((await sdk.validateSession(verified.data?.sessionJwt ?? "")).token.sub, state.userId)
    const again = await sdk.magicLink.verify(tokenOf(message?.link ?? ""))
    assert.isFalse(again.ok)
  })

  it("signs in with an enchanted link: 401 E062503 while pending, then a session", async () => {
    const res = await sdk.enchantedLink.signIn(LOGIN_ID, URI)
    assert.isTrue(res.ok)
    const { linkId, pendingRef } = res.data ?? { linkId: "", pendingRef: "" }
    const pending = await fetch(`${baseUrl}/v1/auth/enchantedlink/pending-session`, {
      method: "POST",
      headers: { authorization: `Bearer ${PROJECT_ID}`, "content-type": "application/json" },
      body: JSON.stringify({ pendingRef })
    })
    assert.strictEqual(pending.status, 401)
    assert.strictEqual(((await pending.json()) as { errorCode: string }).errorCode, "E062503")
    const message = (await outboxFor(LOGIN_ID)).filter((m) => m.kind === "enchantedlink").at(-1)
    const links = message?.links ?? {}
    assert.strictEqual(Object.keys(links).length, 3)
    const decoy = Object.entries(links).find(([id]) => id !== linkId)?.[1] ?? ""
    assert.isFalse((await sdk.enchantedLink.verify(tokenOf(decoy))).ok)
    assert.isTrue((await sdk.enchantedLink.verify(tokenOf(links[linkId] ?? ""))).ok)
    const session = await sdk.enchantedLink.waitForSession(pendingRef, { pollingIntervalMs: 1000, timeoutMs: 10_000 })
    assert.isTrue(session.ok)
    assert.strictEqual((await sdk.validateSession(session.data?.sessionJwt ?? "")).token.sub, state.userId)
  })

  it("signs in with a password", async () => {
    assert.isTrue((await sdk.management.user.setActivePassword(LOGIN_ID, "correct horse battery")).ok)
    const res = await sdk.password.signIn(LOGIN_ID, "correct horse battery")
    assert.isTrue(res.ok)
    assert.deepStrictEqual((await sdk.validateSession(res.data?.sessionJwt ?? "")).token.amr, ["pwd"])
    const wrong = await sdk.password.signIn(LOGIN_ID, "wrong horse battery")
    assert.isFalse(wrong.ok)
    assert.strictEqual(wrong.code, 401)
  })

  it("signs up with TOTP and signs in with a computed code", async () => {
    const up = await sdk.totp.signUp("grace@example.com", { name: "Grace" })
    assert.isTrue(up.ok)
    assert.match(up.data?.provisioningURL ?? "", /^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/)
    assert.strictEqual(Buffer.from(up.data?.image ?? "", "base64").subarray(1, 4).toString(), "PNG")
    const code = totp(up.data?.key ?? "")
    const res = await sdk.totp.verify("grace@example.com", code)
    assert.isTrue(res.ok)
    assert.deepStrictEqual((await sdk.validateSession(res.data?.sessionJwt ?? "")).token.amr, ["totp"])
    const wrong = await sdk.totp.verify("grace@example.com", code === "123456" ? "654321" : "123456")
    assert.isFalse(wrong.ok)
  })

  it("signs in with OAuth and SSO through the emulated provider page", async () => {
    const followCode = async (url: string): Promise<string> => {
      const page = await fetch(url, { redirect: "manual" })
      assert.strictEqual(page.status, 302)
      return new URL(page.headers.get("location") ?? "").searchParams.get("code") ?? ""
    }
    const oauth = await sdk.oauth.start("google", "http://app.example/oauth")
    assert.isTrue(oauth.ok)
    assert.isTrue(String(oauth.data?.url).startsWith(`${baseUrl}/`))
    const viaOauth = await sdk.oauth.exchange(await followCode(String(oauth.data?.url)))
    assert.isTrue(viaOauth.ok)
    assert.strictEqual(viaOauth.data?.user?.email, "google.user@example.com")

    assert.isTrue((await sdk.management.tenant.createWithId("sso-co", "SSO Co")).ok)
    assert.isTrue(
      (await sdk.management.sso.configureSAMLSettings(
        "sso-co",
        { idpUrl: "https://idp.example/sso", entityId: "idp", idpCert: "cert" },
        "http://app.example/sso",
        ["sso.example"]
      )).ok
    )
    const sso = await sdk.sso.start("someone@sso.example", "http://app.example/sso")
    assert.isTrue(sso.ok)
    const viaSso = await sdk.sso.exchange(await followCode(String(sso.data?.url)))
    assert.isTrue(viaSso.ok)
    const info = await sdk.validateSession(viaSso.data?.sessionJwt ?? "")
    assert.deepStrictEqual(sdk.getMatchedTenantRoles(info, "sso-co", []), [])
    assert.isTrue(Object.keys((info.token.tenants ?? {}) as object).includes("sso-co"))
  })

  it("creates and exchanges an access key, then rejects it once deactivated", async () => {
    const created = await sdk.management.accessKey.create(
      "ci",
      0,
      undefined,
      [{ tenantId: "acme", roleNames: ["editor"] }],
      undefined,
      {
        team: "qa"
      }
    )
    assert.isTrue(created.ok)
    const cleartext = created.data?.cleartext ?? ""
    const keyId = created.data?.key.id ?? ""
    const info = await sdk.exchangeAccessKey(cleartext, { customClaims: { run: 7 } })
    assert.strictEqual(info.token.sub, keyId)
    assert.strictEqual(info.token.team, "qa")
    assert.deepStrictEqual(info.token.nsec, { run: 7 })
    assert.isTrue(sdk.validateTenantRoles(info, "acme", ["editor"]))
    assert.isTrue(sdk.validateTenantPermissions(info, "acme", ["docs.read"]))
    assert.isTrue((await sdk.management.accessKey.deactivate(keyId)).ok)
    const rejected = await sdk.exchangeAccessKey(cleartext).then(() => "accepted", () => "rejected")
    assert.strictEqual(rejected, "rejected")
  })

  it("updates a JWT with a custom claim", async () => {
    const res = await sdk.management.jwt.update(state.sessionJwt, { plan: "pro" })
    assert.isTrue(res.ok)
    const info = await sdk.validateJwt(res.data?.jwt ?? "")
    assert.strictEqual(info.token.plan, "pro")
    assert.strictEqual(info.token.sub, state.userId)
  })

  it("rejects a wrong management key", async () => {
    const intruder = DescopeClient({ projectId: PROJECT_ID, baseUrl, managementKey: "not-the-key" })
    const res = await intruder.management.user.load(LOGIN_ID)
    assert.isFalse(res.ok)
    assert.strictEqual(res.code, 401)
    assert.match(res.error?.errorCode ?? "", /^E\d{6}$/)
  })

  it("revokes the refresh token on logout", async () => {
    assert.isTrue((await sdk.logout(state.refreshJwt)).ok)
    const refreshed = await sdk.refreshSession(state.refreshJwt).then(() => "refreshed", () => "rejected")
    assert.strictEqual(refreshed, "rejected")
    const me = await sdk.me(state.refreshJwt)
    assert.strictEqual(me.code, 401)
  })

  it("updates and deletes the user", async () => {
    const updated = await sdk.management.user.update(LOGIN_ID, {
      email: LOGIN_ID,
      displayName: "Ada Lovelace",
      userTenants: [{ tenantId: "acme", roleNames: [] }]
    })
    assert.isTrue(updated.ok)
    assert.strictEqual(updated.data?.name, "Ada Lovelace")
    assert.deepStrictEqual(updated.data?.userTenants?.[0]?.roleNames, [])
    assert.isTrue((await sdk.management.user.delete(LOGIN_ID)).ok)
    const load = await sdk.management.user.load(LOGIN_ID)
    assert.isFalse(load.ok)
    assert.strictEqual(load.code, 404)
  })

  it("answers a sweep of node-sdk management calls with 2xx", async () => {
    const m = sdk.management
    const L = "sweep@example.com"
    const results: Array<[string, { ok: boolean; code?: number | undefined }]> = []
    const run = async (name: string, call: () => Promise<{ ok: boolean; code?: number | undefined }>) => {
      results.push([name, await call()])
    }
    await run("tenant.create", () => m.tenant.createWithId("sweep", "Sweep", ["sweep.example"]))
    await run("tenant.update", () => m.tenant.update("sweep", "Sweep Co", ["sweep.example"]))
    await run("tenant.updateDefaultRoles", () => m.tenant.updateDefaultRoles("sweep", []))
    await run("tenant.load", () => m.tenant.load("sweep"))
    await run("tenant.loadAll", () => m.tenant.loadAll())
    await run("tenant.searchAll", () => m.tenant.searchAll(["sweep"]))
    await run(
      "tenant.configureSettings",
      () =>
        m.tenant.configureSettings(
          "sweep",
          {
            domains: ["sweep.example"],
            enableInactivity: true,
            InactivityTime: 1,
            InactivityTimeUnit: "hours"
          } as never
        )
    )
    await run("tenant.getSettings", () => m.tenant.getSettings("sweep"))
    await run("tenant.generateSSOConfigurationLink", () => m.tenant.generateSSOConfigurationLink("sweep", 3600))
    await run("tenant.revokeSSOConfigurationLink", () => m.tenant.revokeSSOConfigurationLink("sweep"))
    await run(
      "permission.createBatch",
      () => m.permission.createBatch([{ name: "s1", systemDefault: false }, { name: "s2", systemDefault: false }])
    )
    await run("permission.update", () => m.permission.update("s1", "s1b"))
    await run("permission.updateBatch", () => m.permission.updateBatch([{ name: "s2", newName: "s2b" }] as never))
    await run("permission.loadAll", () => m.permission.loadAll())
    await run("role.createBatch", () => m.role.createBatch([{ name: "sr1", permissionNames: ["s1b"] }] as never))
    await run("role.update", () => m.role.update("sr1", "sr1b", "d", ["s1b", "s2b"]))
    await run("role.search", () => m.role.search({ roleNames: ["sr1b"] }))
    await run("role.create.tenant", () => m.role.create("sr2", "d", [], "sweep"))
    await run(
      "user.create",
      () =>
        m.user.create(L, { email: L, phone: "+15550001111", userTenants: [{ tenantId: "sweep", roleNames: ["sr2"] }] })
    )
    await run(
      "user.invite",
      () => m.user.invite("inv@example.com", { email: "inv@example.com", inviteUrl: "http://app/invite" })
    )
    await run(
      "user.createBatch",
      () => m.user.createBatch([{ loginId: "bat@example.com", email: "bat@example.com" }] as never)
    )
    await run("user.patch", () => m.user.patch(L, { displayName: "Sweep" }))
    await run("user.patchBatch", () => m.user.patchBatch([{ loginId: L, givenName: "Swe" }] as never))
    await run("user.load", () => m.user.load(L))
    await run("user.loadUsers", () => m.user.loadUsers([L]))
    await run("user.searchAll", () => m.user.searchAll(["sweep"]))
    await run("user.search", () => m.user.search({ text: "sweep", limit: 10 }))
    await run("user.deactivate", () => m.user.deactivate(L))
    await run("user.activate", () => m.user.activate(L))
    await run("user.updateLoginId", () => m.user.updateLoginId("bat@example.com", "bat2@example.com"))
    await run("user.updateEmail", () => m.user.updateEmail(L, L, true))
    await run("user.updatePhone", () => m.user.updatePhone(L, "+15550002222", true))
    await run("user.updateDisplayName", () => m.user.updateDisplayName(L, "Sweep User"))
    await run("user.updateUserNames", () => m.user.updateUserNames(L, "S", "W", "P"))
    await run("user.updatePicture", () => m.user.updatePicture(L, "http://img/p.png"))
    await run("user.updateCustomAttribute", () => m.user.updateCustomAttribute(L, "plan", "pro"))
    await run("user.setRoles", () => m.user.setRoles(L, ["sr1b"]))
    await run("user.addRoles", () => m.user.addRoles(L, ["sr1b"]))
    await run("user.removeRoles", () => m.user.removeRoles(L, ["sr1b"]))
    await run("user.addTenant", () => m.user.addTenant(L, "acme"))
    await run("user.setTenantRoles", () => m.user.setTenantRoles(L, "sweep", ["sr2"]))
    await run("user.addTenantRoles", () => m.user.addTenantRoles(L, "sweep", ["sr2"]))
    await run("user.removeTenantRoles", () => m.user.removeTenantRoles(L, "sweep", ["sr2"]))
    await run("user.removeTenant", () => m.user.removeTenant(L, "acme"))
    await run("user.addSSOapps", () => m.user.addSSOapps(L, ["app"]))
    await run("user.setSSOapps", () => m.user.setSSOapps(L, ["app"]))
    await run("user.removeSSOapps", () => m.user.removeSSOapps(L, ["app"]))
    await run("user.setTemporaryPassword", () => m.user.setTemporaryPassword(L, "temporary pw 1"))
    await run("user.setPassword", () => m.user.setPassword(L, "temporary pw 2"))
    await run("user.expirePassword", () => m.user.expirePassword(L))
    await run("user.removeAllPasskeys", () => m.user.removeAllPasskeys(L))
    await run("user.removePasskey", () => m.user.removePasskey(L, "cred"))
    await run("user.listPasskeys", () => m.user.listPasskeys(L))
    await run("user.removeTOTPSeed", () => m.user.removeTOTPSeed(L))
    await run("user.listTrustedDevices", () => m.user.listTrustedDevices([L]))
    await run("user.removeTrustedDevices", () => m.user.removeTrustedDevices(L, ["d1"]))
    await run("user.updateRecoveryEmail", () => m.user.updateRecoveryEmail(L, "rec@example.com", true))
    await run("user.updateRecoveryPhone", () => m.user.updateRecoveryPhone(L, "+15550003333", true))
    await run(
      "user.createCustomAttributes",
      () => m.user.createCustomAttributes([{ name: "plan", displayName: "Plan", type: 1 }] as never)
    )
    await run("user.getCustomAttributes", () => m.user.getCustomAttributes())
    await run("user.deleteCustomAttributes", () => m.user.deleteCustomAttributes(["plan"]))
    await run("user.generateEmbeddedLink", () => m.user.generateEmbeddedLink(L, { k: 1 }))
    await run(
      "user.generateSignUpEmbeddedLink",
      () => m.user.generateSignUpEmbeddedLink("emb@example.com", { email: "emb@example.com" })
    )
    await run("user.history", () => m.user.history([state.userId]))
    await run("user.logoutUser", () => m.user.logoutUser(L))
    await run("accessKey.create", () => m.accessKey.create("sweep-key", 0, ["sr1b"]))
    const key = (await m.accessKey.searchAll()).data?.find((k) => k.name === "sweep-key")?.id ?? ""
    await run("accessKey.load", () => m.accessKey.load(key))
    await run("accessKey.update", () => m.accessKey.update(key, "sweep-key-2", "d", ["sr1b"]))
    await run("accessKey.rotate", () => m.accessKey.rotate(key))
    await run("accessKey.deactivateBatch", () => m.accessKey.deactivateBatch([key]))
    await run("accessKey.activateBatch", () => m.accessKey.activateBatch([key]))
    await run("accessKey.activate", () => m.accessKey.activate(key))
    await run("accessKey.delete", () => m.accessKey.delete(key))
    await run(
      "sso.configureSAMLSettings",
      () =>
        m.sso.configureSAMLSettings("sweep", { idpUrl: "https://idp", entityId: "e", idpCert: "c" }, "http://app/sso", [
          "sweep.example"
        ])
    )
    await run(
      "sso.configureOIDCSettings",
      () => m.sso.configureOIDCSettings("sweep", { name: "o", clientId: "c" } as never, ["sweep.example"])
    )
    await run(
      "sso.configureSAMLByMetadata",
      () => m.sso.configureSAMLByMetadata("sweep", { idpMetadataUrl: "https://idp/meta" } as never)
    )
    await run("sso.configureSSORedirectURL", () => m.sso.configureSSORedirectURL("sweep", "http://app/saml"))
    await run("sso.recalculateSSOMappings", () => m.sso.recalculateSSOMappings("sweep"))
    await run("sso.loadSettings", () => m.sso.loadSettings("sweep"))
    await run("sso.loadAllSettings", () => m.sso.loadAllSettings("sweep"))
    await run("sso.newSettings", () => m.sso.newSettings("sweep", "second", "Second"))
    await run("sso.getSettings", () => m.sso.getSettings("sweep"))
    await run(
      "sso.configureSettings",
      () => m.sso.configureSettings("sweep", "https://idp", "cert", "e", "http://app", ["sweep.example"])
    )
    await run(
      "sso.configureMetadata",
      () => m.sso.configureMetadata("sweep", "https://idp/meta", "http://app", ["sweep.example"])
    )
    await run(
      "sso.configureMapping",
      () => m.sso.configureMapping("sweep", [{ groups: ["g"], role: "sr2" }] as never, { name: "n" } as never)
    )
    await run("sso.deleteSettings", () => m.sso.deleteSettings("sweep", "second"))
    await run("group.loadAllGroups", () => m.group.loadAllGroups("sweep"))
    await run("group.loadAllGroupsForMember", () => m.group.loadAllGroupsForMember("sweep", [], [L]))
    await run("group.loadAllGroupMembers", () => m.group.loadAllGroupMembers("sweep", "g"))
    await run("jwt.signIn", () => m.jwt.signIn(L))
    await run("jwt.signUp", () => m.jwt.signUp("jwtup@example.com", { email: "jwtup@example.com" }))
    await run("jwt.signUpOrIn", () => m.jwt.signUpOrIn("jwtup@example.com"))
    await run("jwt.anonymous", () => m.jwt.anonymous({ guest: true }))
    await run("jwt.generateClientAssertionJwt", () => m.jwt.generateClientAssertionJwt("iss", "sub", ["aud"], 60))
    await run(
      "audit.createEvent",
      () => m.audit.createEvent({ action: "Custom", type: "info", actorId: "a", tenantId: "sweep" })
    )
    await run("audit.search", () => m.audit.search({ actions: ["Custom"] }))
    await run("password.configureSettings", () => m.password.configureSettings("sweep", { minLength: 10 } as never))
    await run("password.getSettings", () => m.password.getSettings("sweep"))
    await run("flow.list", () => m.flow.list())
    await run("flow.run", () => m.flow.run("sign-up-or-in", { input: { a: 1 } } as never))
    await run("tenant.delete", () => m.tenant.delete("sweep", true))
    await run("user.delete", () => m.user.delete("inv@example.com"))
    await run("user.deleteAllTestUsers", () => m.user.deleteAllTestUsers())
    const failed = results.filter(([, r]) => !r.ok).map(([name, r]) => `${name} -> ${r.code}`)
    assert.deepStrictEqual(failed, [])
    assert.isAtLeast(results.length, 100)
  })

  it("recorded the authentication events in the audit trail", async () => {
    const audits = await sdk.management.audit.search({ actions: ["LoginSucceed"] })
    assert.isTrue(audits.ok)
    assert.isTrue((audits.data ?? []).length >= 5)
    const last = await runtime.runPromise(Effect.flatMap(Emulator.Emulator, (e) => e.lastMessage("grace@example.com")))
    assert.isTrue(Option.isNone(last))
  })
})
