/**
 * Conformance: the official `@descope/node-sdk` runs the seed's scenarios over
 * loopback against the emulator's real server.
 */
import { assert, describe, it } from "@effect/vitest"
import DescopeClient from "@descope/node-sdk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Crypto from "node:crypto"
import { afterAll, beforeAll } from "vitest"
import * as Emulator from "../src/emulator/index.js"

const PROJECT_ID = "P2ConformanceProject00000000"
const MANAGEMENT_KEY = "conformance-management-key"
const LOGIN_ID = "ada@example.com"
const URI = "http://app.example/verify"

/** RFC 6238 (SHA-1, 30 s, 6 digits), written independently of the emulator's implementation. */
const totp = (base32: string, at = Date.now()): string => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
  let bits = ""
  for (const c of base32.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0")
  const bytes = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const mac = Crypto.createHmac("sha1", bytes).update(counter).digest()
  const o = mac[19]! & 0xf
  return String((mac.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, "0")
}

const runtime = ManagedRuntime.make(
  Emulator.layerServer().pipe(Layer.provideMerge(Emulator.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY })))
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
    assert.isTrue((await sdk.management.sso.configureSAMLSettings("sso-co", { idpUrl: "https://idp.example/sso", entityId: "idp", idpCert: "cert" }, "http://app.example/sso", ["sso.example"])).ok)
    const sso = await sdk.sso.start("someone@sso.example", "http://app.example/sso")
    assert.isTrue(sso.ok)
    const viaSso = await sdk.sso.exchange(await followCode(String(sso.data?.url)))
    assert.isTrue(viaSso.ok)
    const info = await sdk.validateSession(viaSso.data?.sessionJwt ?? "")
    assert.deepStrictEqual(sdk.getMatchedTenantRoles(info, "sso-co", []), [])
    assert.isTrue(Object.keys((info.token.tenants ?? {}) as object).includes("sso-co"))
  })

  it("creates and exchanges an access key, then rejects it once deactivated", async () => {
    const created = await sdk.management.accessKey.create("ci", 0, undefined, [{ tenantId: "acme", roleNames: ["editor"] }], undefined, {
      team: "qa"
    })
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

  it("recorded the authentication events in the audit trail", async () => {
    const audits = await sdk.management.audit.search({ actions: ["LoginSucceed"] })
    assert.isTrue(audits.ok)
    assert.isTrue((audits.data ?? []).length >= 5)
    const last = await runtime.runPromise(Effect.flatMap(Emulator.Emulator, (e) => e.lastMessage("grace@example.com")))
    assert.isTrue(Option.isNone(last))
  })
})
