/**
 * Conformance of the authentication flows the emulator now verifies for real:
 * the official `@descope/node-sdk` runs each over loopback against the
 * emulator's server — passkeys with the virtual authenticator (sign-up,
 * sign-in, management list and removal), NOTP confirmed through the outbox,
 * One Tap and native OAuth with the emulated provider's ID tokens, the
 * built-in flow, and an outbound connect whose token management fetches.
 */
import DescopeClient from "@descope/node-sdk"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { VirtualAuthenticator } from "../src/emulator/index.js"
import { nodeSdkOnEmulator } from "./support/nodeSdkOnEmulator.js"

const PROJECT_ID = "P2ConformanceAuth00000000000"
const MANAGEMENT_KEY = "conformance-auth-management-key"
const ORIGIN = "https://app.example.com"

let baseUrl = ""
let sdk: ReturnType<typeof DescopeClient>
nodeSdkOnEmulator(PROJECT_ID, MANAGEMENT_KEY, (loopback) => {
  baseUrl = loopback.baseUrl
  sdk = loopback.sdk
})

describe("node-sdk conformance of the authentication flows (loopback)", () => {
  it("webauthn: sign-up and sign-in with the virtual authenticator; passkeys listed and removed", async () => {
    const authenticator = VirtualAuthenticator.make({ origin: ORIGIN })
    const start = await sdk.webauthn.signUp.start("pat@example.com", ORIGIN, "Pat")
    assert.isTrue(start.ok)
    assert.isTrue(start.data!.create)
    const created = await Effect.runPromise(authenticator.create(start.data!.options))
    const up = await sdk.webauthn.signUp.finish(start.data!.transactionId, created)
    assert.isTrue(up.ok, JSON.stringify(up.error))
    const session = await sdk.validateSession(up.data!.sessionJwt)
    assert.deepStrictEqual(session.token.amr, ["webauthn"])

    const signIn = await sdk.webauthn.signIn.start("pat@example.com", ORIGIN)
    assert.isFalse(signIn.data!.create)
    const asserted = await Effect.runPromise(authenticator.get(signIn.data!.options))
    const inResult = await sdk.webauthn.signIn.finish(signIn.data!.transactionId, asserted)
    assert.isTrue(inResult.ok)
    assert.strictEqual((await sdk.validateSession(inResult.data!.sessionJwt)).token.sub, session.token.sub)
    // the same answer again: the transaction is spent
    const replay = await sdk.webauthn.signIn.finish(signIn.data!.transactionId, asserted)
    assert.isFalse(replay.ok)
    assert.strictEqual(replay.error?.errorCode, "E011004")

    const listed = await sdk.management.user.listPasskeys("pat@example.com")
    assert.deepStrictEqual(listed.data?.map((k) => k.id), [authenticator.credentials()[0]!.id])
    assert.isTrue((await sdk.management.user.removePasskey("pat@example.com", authenticator.credentials()[0]!.id)).ok)
    assert.strictEqual((await sdk.management.user.listPasskeys("pat@example.com")).data?.length, 0)
    assert.isFalse((await sdk.webauthn.signIn.start("pat@example.com", ORIGIN)).ok)
  })

  it("webauthn: sign-up-or-in, then an update adding an RS256 passkey", async () => {
    const phone = VirtualAuthenticator.make({ origin: ORIGIN })
    const start = await sdk.webauthn.signUpOrIn.start("sam@example.com", ORIGIN)
    assert.isTrue(start.data!.create)
    const up = await sdk.webauthn.signUp.finish(
      start.data!.transactionId,
      await Effect.runPromise(phone.create(start.data!.options))
    )
    assert.isTrue(up.ok)
    const laptop = VirtualAuthenticator.make({ origin: ORIGIN, algorithm: "RS256" })
    const update = await sdk.webauthn.update.start("sam@example.com", ORIGIN, up.data!.refreshJwt)
    assert.isTrue(update.ok, JSON.stringify(update.error))
    const finished = await sdk.webauthn.update.finish(
      update.data!.transactionId,
      await Effect.runPromise(laptop.create(update.data!.options))
    )
    assert.isTrue(finished.ok)
    const again = await sdk.webauthn.signUpOrIn.start("sam@example.com", ORIGIN)
    assert.isFalse(again.data!.create)
    const viaLaptop = await sdk.webauthn.signIn.finish(
      again.data!.transactionId,
      await Effect.runPromise(laptop.get(again.data!.options))
    )
    assert.isTrue(viaLaptop.ok)
  })

  it("notp: sign-up-or-in confirmed through the outbox link, then waitForSession", async () => {
    const started = await sdk.notp.signUpOrIn("+12125551234")
    assert.isTrue(started.ok, JSON.stringify(started.error))
    const redirectUrl = started.data!.redirectUrl
    assert.isTrue(redirectUrl.startsWith(baseUrl))
    const outbox = await (await fetch(`${baseUrl}/emulator/outbox?loginId=${encodeURIComponent("+12125551234")}`))
      .json()
    const messages = (outbox.messages ?? outbox) as Array<{ kind: string; link: string }>
    assert.strictEqual(messages.filter((m) => m.kind === "notp").at(-1)?.link, redirectUrl)
    // pending until the user sends the message
    const early = await fetch(`${baseUrl}/v1/auth/notp/pending-session`, {
      method: "POST",
      headers: { authorization: `Bearer ${PROJECT_ID}`, "content-type": "application/json" },
      body: JSON.stringify({ pendingRef: started.data!.pendingRef })
    })
    assert.strictEqual(early.status, 401)
    assert.strictEqual((await early.json()).errorCode, "E066103")
    assert.strictEqual((await fetch(redirectUrl)).status, 200)
    const session = await sdk.notp.waitForSession(started.data!.pendingRef, {
      pollingIntervalMs: 1000,
      timeoutMs: 10_000
    })
    assert.isTrue(session.ok, JSON.stringify(session.error))
    const token = await sdk.validateSession(session.data!.sessionJwt)
    assert.deepStrictEqual(token.token.amr, ["whatsapp"])
  })

  it("one tap and native OAuth with ID tokens of the emulated provider", async () => {
    const mint = async (claims: Record<string, unknown>) =>
      (await (await fetch(`${baseUrl}/emulator/idp/idtoken`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(claims)
      })).json()).idToken as string
    const clientId = await sdk.oauth.getOneTapClientId("google")
    assert.strictEqual(clientId.data?.clientId, "emulator-google-client-id")
    const idToken = await mint({ provider: "google", email: "tap@example.com", nonce: "n1" })
    const verified = await sdk.oauth.verifyOneTapIDToken("google", idToken, "n1")
    assert.isTrue(verified.ok, JSON.stringify(verified.error))
    const exchanged = await sdk.oauth.exchange(verified.data!.code)
    assert.isTrue(exchanged.ok, JSON.stringify(exchanged.error))
    assert.strictEqual(exchanged.data!.user?.email, "tap@example.com")
    const direct = await sdk.oauth.exchangeOneTapIDToken("google", idToken, "n1")
    assert.isTrue(direct.ok)
    assert.isFalse((await sdk.oauth.exchangeOneTapIDToken("google", idToken, "other-nonce")).ok)

    const started = await sdk.oauth.startNative("apple", {}, false)
    assert.isTrue(started.ok)
    const { nonce, stateId } = started.data as { stateId: string; nonce: string }
    const native = await sdk.oauth.finishNative(
      "apple",
      stateId,
      undefined,
      undefined,
      await mint({ provider: "apple", email: "native@example.com", nonce })
    )
    assert.isTrue(native.ok, JSON.stringify(native.error))
    assert.strictEqual((native.data as { user?: { email?: string } }).user?.email, "native@example.com")
  })

  it("flow: the built-in sign-up-or-in flow through its screens", async () => {
    const started = await sdk.flow.start("sign-up-or-in")
    assert.isTrue(started.ok, JSON.stringify(started.error))
    const executionId = started.data!.executionId
    const verify = await sdk.flow.next(executionId, "welcome", "submit", undefined, undefined, {
      email: "flow@example.com"
    })
    assert.strictEqual(verify.data?.stepId, "verify-code")
    const outbox = await (await fetch(`${baseUrl}/emulator/outbox?loginId=flow%40example.com&kind=otp`)).json()
    const code = (outbox.messages as Array<{ code: string }>).at(-1)!.code
    const done = await sdk.flow.next(executionId, "verify-code", "submit", undefined, undefined, { code })
    assert.strictEqual(done.data?.status, "completed")
    const session = await sdk.validateSession(done.data!.authInfo!.sessionJwt)
    assert.deepStrictEqual(session.token.amr, ["email"])
  })

  it("outbound: connect, consent, then the management API fetches the user's token", async () => {
    const app = await sdk.management.outboundApplication.createApplication({ name: "Docs", defaultScopes: ["read"] })
    assert.isTrue(app.ok)
    const started = await sdk.notp.signUpOrIn("+12125550177")
    await fetch(started.data!.redirectUrl)
    const auth = await sdk.notp.waitForSession(started.data!.pendingRef, { pollingIntervalMs: 1000, timeoutMs: 10_000 })
    assert.isTrue(auth.ok)
    const connected = await sdk.outbound.connect(
      app.data!.id,
      { redirectUrl: "http://app/done" },
      auth.data!.refreshJwt
    )
    assert.isTrue(connected.ok, JSON.stringify(connected.error))
    const consent = await fetch(connected.data!.url, { redirect: "manual" })
    assert.strictEqual(consent.status, 302)
    const userId = (await sdk.validateSession(auth.data!.sessionJwt)).token.sub!
    const token = await sdk.management.outboundApplication.fetchToken(app.data!.id, userId)
    assert.isTrue(token.ok, JSON.stringify(token.error))
    assert.deepStrictEqual(token.data?.scopes, ["read"])
  })
})
