/**
 * Descope's semantics, not just its routes: the official `@descope/node-sdk`
 * against the emulator's real server, asserting the answers Descope gives
 * (as another official SDK's end-to-end tests record them): test users'
 * generated codes and links, created users' e-mail, status and `firstSeen`,
 * `testUsersOnly`, SSO settings, and refresh tokens delivered as cookies.
 */
import DescopeClient from "@descope/node-sdk"
import { assert, describe, it } from "@effect/vitest"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, beforeAll } from "vitest"
import * as Emulator from "../src/emulator/index.js"

const PROJECT_ID = "P2SemanticsProject0000000000"
const MANAGEMENT_KEY = "semantics-management-key"

const serve = (options: Emulator.Options) =>
  ManagedRuntime.make(Emulator.layerServer().pipe(Layer.provideMerge(Emulator.layer(options))))

const body = serve({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY })
const cookie = serve({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, refreshTokenDelivery: "cookie" })
let sdk: ReturnType<typeof DescopeClient>
let cookieSdk: ReturnType<typeof DescopeClient>
let baseUrl = ""
let cookieBaseUrl = ""

const codeFor = async (url: string, loginId: string): Promise<string> => {
  const res = await fetch(`${url}/emulator/outbox?loginId=${encodeURIComponent(loginId)}&kind=otp`)
  const { messages } = (await res.json()) as { messages: Array<{ code: string }> }
  return messages[messages.length - 1]?.code ?? ""
}

beforeAll(async () => {
  baseUrl = (await body.runPromise(Emulator.EmulatorServer)).baseUrl
  cookieBaseUrl = (await cookie.runPromise(Emulator.EmulatorServer)).baseUrl
  sdk = DescopeClient({ projectId: PROJECT_ID, baseUrl, managementKey: MANAGEMENT_KEY })
  cookieSdk = DescopeClient({ projectId: PROJECT_ID, baseUrl: cookieBaseUrl, managementKey: MANAGEMENT_KEY })
})

afterAll(async () => {
  await body.dispose()
  await cookie.dispose()
})

describe("test users (generate the code prior to calling sign-in)", () => {
  it("a generated code verifies after otp.signUp and after otp.signIn for that test user", async () => {
    const loginId = "tess@example.com"
    assert.isTrue((await sdk.management.user.createTestUser(loginId, { email: loginId })).ok)
    const generated = await sdk.management.user.generateOTPForTestUser("email", loginId)
    assert.isTrue(generated.ok)
    const signUp = await sdk.otp.signUp.email(loginId)
    assert.isTrue(signUp.ok, JSON.stringify(signUp.error))
    const first = await sdk.otp.verify.email(loginId, generated.data!.code)
    assert.isTrue(first.ok, JSON.stringify(first.error))

    const again = await sdk.management.user.generateOTPForTestUser("email", loginId)
    assert.isTrue((await sdk.otp.signIn.email(loginId)).ok)
    const second = await sdk.otp.verify.email(loginId, again.data!.code)
    assert.isTrue(second.ok, JSON.stringify(second.error))
    // the code is single-use: the generator's next code is a new one
    assert.isFalse((await sdk.otp.verify.email(loginId, again.data!.code)).ok)
  })

  it("a generated magic link verifies after magicLink.signIn and magicLink.signUp for that test user", async () => {
    const loginId = "+15550001111"
    assert.isTrue((await sdk.management.user.createTestUser(loginId, { phone: loginId })).ok)
    const generated = await sdk.management.user.generateMagicLinkForTestUser("sms", loginId, "http://app/verify")
    assert.isTrue((await sdk.magicLink.signUp.sms(loginId, "http://app/verify")).ok)
    assert.isTrue((await sdk.magicLink.signIn.sms(loginId, "http://app/verify")).ok)
    const token = new URL(generated.data!.link).searchParams.get("t") ?? ""
    const verified = await sdk.magicLink.verify(token)
    assert.isTrue(verified.ok, JSON.stringify(verified.error))
  })

  it("a sign-up of a login id that is not a test user's is still refused as taken", async () => {
    assert.isTrue((await sdk.management.user.create("taken@example.com")).ok)
    const signUp = await sdk.otp.signUp.email("taken@example.com")
    assert.isFalse(signUp.ok)
    assert.strictEqual(signUp.error?.errorCode, "E062107")
  })
})

describe("users created by management", () => {
  it("create: e-mail from an e-mail-shaped login id, unverified, invited until the first sign-in (firstSeen)", async () => {
    const created = await sdk.management.user.create("carol@example.com", { displayName: "Carol" })
    assert.isTrue(created.ok)
    assert.strictEqual(created.data?.email, "carol@example.com")
    assert.isFalse(created.data?.verifiedEmail)
    assert.strictEqual(created.data?.status, "invited")

    assert.isTrue((await sdk.otp.signIn.email("carol@example.com")).ok)
    const login = await sdk.otp.verify.email("carol@example.com", await codeFor(baseUrl, "carol@example.com"))
    assert.isTrue(login.ok)
    assert.strictEqual(login.data?.firstSeen, true)
    assert.isTrue(login.data?.user?.verifiedEmail)
    assert.strictEqual((await sdk.management.user.load("carol@example.com")).data?.status, "enabled")

    assert.isTrue((await sdk.otp.signIn.email("carol@example.com")).ok)
    const next = await sdk.otp.verify.email("carol@example.com", await codeFor(baseUrl, "carol@example.com"))
    assert.strictEqual(next.data?.firstSeen, false)
  })

  it("create keeps the verified flags it is given; a login id that is no e-mail gives no e-mail", async () => {
    const created = await sdk.management.user.create("dave", {
      email: "dave@example.com",
      verifiedEmail: true,
      phone: "+15550002222",
      verifiedPhone: false
    })
    assert.include(created.data, { email: "dave@example.com", verifiedEmail: true, verifiedPhone: false })
    const plain = await sdk.management.user.create("erin-login")
    assert.strictEqual(plain.data?.email, "")
    assert.strictEqual(plain.data?.status, "invited")
  })

  it("invite: e-mail from the login id, invited", async () => {
    const invited = await sdk.management.user.invite("fay@example.com", { inviteUrl: "http://app/invite" })
    assert.include(invited.data, { email: "fay@example.com", status: "invited" })
  })

  it("createBatch: the given status and verified flags, invited when no status is given", async () => {
    const batch = await sdk.management.user.createBatch([
      { loginId: "b1@example.com", verifiedEmail: true, status: "enabled" },
      { loginId: "b2@example.com", verifiedEmail: false, status: "disabled" },
      { loginId: "b3@example.com", verifiedEmail: true, status: "invited" },
      { loginId: "b4@example.com", verifiedEmail: true }
    ])
    assert.isTrue(batch.ok)
    const byLogin = Object.fromEntries((batch.data?.createdUsers ?? []).map((u) => [u.loginIds[0], u]))
    assert.include(byLogin["b1@example.com"], { status: "enabled", verifiedEmail: true, email: "b1@example.com" })
    assert.include(byLogin["b2@example.com"], { status: "disabled", verifiedEmail: false })
    assert.include(byLogin["b3@example.com"], { status: "invited", verifiedEmail: true })
    assert.include(byLogin["b4@example.com"], { status: "invited", verifiedEmail: true })
  })

  it("patch marks a phone or an e-mail verified when asked", async () => {
    await sdk.management.user.create("gil", { email: "gil@example.com", phone: "+15550003333" })
    const patched = await sdk.management.user.patch("gil", { verifiedEmail: true, verifiedPhone: true })
    assert.include(patched.data, { verifiedEmail: true, verifiedPhone: true, email: "gil@example.com" })
    assert.include((await sdk.management.user.load("gil")).data, { verifiedEmail: true, verifiedPhone: true })
  })
})

describe("search", () => {
  it("v2 search with testUsersOnly answers the test users without withTestUser", async () => {
    await sdk.management.user.createTestUser("searched-test@example.com")
    const found = await sdk.management.user.search({ testUsersOnly: true, limit: 100 })
    assert.isTrue(found.ok)
    const users = found.data?.users ?? []
    assert.include(users.map((u) => u.loginIds[0]), "searched-test@example.com")
    assert.isTrue(users.every((u) => u.test))
    const all = await sdk.management.user.search({ limit: 100 })
    assert.notInclude((all.data?.users ?? []).map((u) => u.loginIds[0]), "searched-test@example.com")
  })
})

describe("SSO settings", () => {
  it("an OIDC client secret is never answered", async () => {
    await sdk.management.tenant.createWithId("oidc-tenant", "OIDC")
    const configured = await sdk.management.sso.configureOIDCSettings(
      "oidc-tenant",
      {
        name: "Name",
        clientId: "ClientId",
        clientSecret: "ClientSecret",
        authUrl: "https://idp.example/auth",
        tokenUrl: "https://idp.example/token",
        jwksUrl: "https://idp.example/jwks"
      } as Parameters<typeof sdk.management.sso.configureOIDCSettings>[1],
      ["domain1.com"]
    )
    assert.isTrue(configured.ok, JSON.stringify(configured.error))
    const loaded = await sdk.management.sso.loadSettings("oidc-tenant")
    assert.strictEqual(loaded.data?.oidc?.clientId, "ClientId")
    assert.strictEqual(loaded.data?.oidc?.clientSecret, "")
    const raw = await fetch(`${baseUrl}/v2/mgmt/sso/settings?tenantId=oidc-tenant`, {
      headers: { authorization: `Bearer ${PROJECT_ID}:${MANAGEMENT_KEY}` }
    })
    assert.notInclude(await raw.text(), "ClientSecret")
  })

  it("SAML settings carry the SP entity id <projectId>-<tenantId> and the ACS URL of the project and tenant", async () => {
    await sdk.management.tenant.createWithId("saml-tenant", "SAML")
    await sdk.management.sso.configureSAMLSettings(
      "saml-tenant",
      {
        idpUrl: "https://idp.example/sso",
        entityId: "entityId",
        idpCert: "cert"
      },
      "https://app/redirect",
      ["saml.example"]
    )
    const loaded = await sdk.management.sso.loadSettings("saml-tenant")
    assert.strictEqual(loaded.data?.saml?.spEntityId, `${PROJECT_ID}-saml-tenant`)
    const acs = new URL(loaded.data?.saml?.spACSUrl ?? "")
    assert.strictEqual(acs.searchParams.get("projectId"), PROJECT_ID)
    assert.strictEqual(acs.searchParams.get("tenantId"), "saml-tenant")
  })

  it("the deprecated v1 settings answer the full user mapping with the defaults of a new tenant", async () => {
    await sdk.management.tenant.createWithId("v1-tenant", "V1")
    const legacy = await sdk.management.sso.getSettings("v1-tenant")
    assert.isTrue(legacy.ok)
    assert.deepStrictEqual(legacy.data?.userMapping as Record<string, string> | undefined, {
      name: "name",
      email: "email",
      username: "",
      phoneNumber: "phone",
      group: "groups"
    })
    assert.strictEqual(legacy.data?.spEntityId, `${PROJECT_ID}-v1-tenant`)
  })
})

describe("refresh tokens delivered as cookies (--token-delivery cookie)", () => {
  it("node-sdk reads the refresh token from the DSR cookie, refreshes and validates the session", async () => {
    const loginId = "cookie@example.com"
    assert.isTrue((await cookieSdk.otp.signUpOrIn.email(loginId)).ok)
    const login = await cookieSdk.otp.verify.email(loginId, await codeFor(cookieBaseUrl, loginId))
    assert.isTrue(login.ok)
    const cookies = (login.data as { cookies?: Array<string> } | undefined)?.cookies ?? []
    assert.isTrue(cookies.some((c) => c.includes("DSR=")))
    const refreshJwt = login.data?.refreshJwt ?? ""
    assert.notStrictEqual(refreshJwt, "")
    const refreshed = await cookieSdk.refreshSession(refreshJwt)
    assert.strictEqual(refreshed.token.sub, login.data?.user?.userId)
    const validated = await cookieSdk.validateAndRefreshSession("", refreshJwt)
    assert.strictEqual(validated.token.sub, login.data?.user?.userId)
    const raw = await fetch(`${cookieBaseUrl}/v1/auth/refresh`, {
      method: "POST",
      headers: { authorization: `Bearer ${PROJECT_ID}:${refreshJwt}` }
    })
    const answer = (await raw.json()) as Record<string, unknown>
    assert.notProperty(answer, "refreshJwt")
    assert.match(raw.headers.get("set-cookie") ?? "", /DS=/)
    await cookieSdk.logout(refreshJwt)
    await assertRejects(() => cookieSdk.refreshSession(refreshJwt))
  })
})

const assertRejects = async (f: () => Promise<unknown>): Promise<void> => {
  let rejected = false
  try {
    await f()
  } catch {
    rejected = true
  }
  assert.isTrue(rejected)
}
