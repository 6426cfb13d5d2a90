/**
 * Conformance of the authentication flows the emulator now verifies for real:
 * the official `@descope/node-sdk` runs each over loopback against the
 * emulator's server — passkeys with the virtual authenticator (sign-up,
 * sign-in, management list and removal) and NOTP confirmed through the outbox.
 */
import DescopeClient from "@descope/node-sdk"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, beforeAll } from "vitest"
import * as Emulator from "../src/emulator/index.js"
import { VirtualAuthenticator } from "../src/emulator/index.js"

const PROJECT_ID = "P2ConformanceAuth00000000000"
const MANAGEMENT_KEY = "conformance-auth-management-key"
const ORIGIN = "https://app.example.com"

const runtime = ManagedRuntime.make(
  Emulator.layerServer().pipe(
    Layer.provideMerge(Emulator.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY }))
  )
)
let baseUrl = ""
let sdk: ReturnType<typeof DescopeClient>

beforeAll(async () => {
  const info = await runtime.runPromise(Emulator.EmulatorServer)
  baseUrl = info.baseUrl
  sdk = DescopeClient({ projectId: PROJECT_ID, baseUrl, managementKey: MANAGEMENT_KEY })
})

afterAll(() => runtime.dispose())

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
})
