/**
 * Passkeys against the emulator, verified for real: our client drives sign-up,
 * sign-in, sign-up-or-in and update with the exported virtual authenticator
 * (ES256 and RS256), the management routes see the registered credentials, and
 * hostile answers (wrong challenge, origin or RP id, bad signature, replayed
 * counter, unknown credential, replayed transaction, malformed JSON) are
 * Descope-shaped 400 / 401 errors.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import { VirtualAuthenticator } from "../src/emulator/index.js"
import { failure, inProcess } from "./support/emulatorClient.js"

const P = "P2WebAuthnScenario0000000000"
const K = "webauthn-management-key"
const ORIGIN = "https://app.example.com"

const provide = inProcess(P, K)

const code = failure

const signUp = (loginId: string, authenticator: VirtualAuthenticator.VirtualAuthenticator) =>
  Effect.gen(function*() {
    const client = yield* DescopeClient
    const start = yield* client.webauthn.signUpStart({ loginId, origin: authenticator.origin, user: { name: "Ada" } })
    assert.isTrue(start.create)
    const response = yield* authenticator.create(start.options)
    return yield* client.webauthn.signUpFinish({ transactionId: start.transactionId, response })
  })

const signInStart = (loginId: string, origin = ORIGIN) =>
  Effect.flatMap(DescopeClient, (client) => client.webauthn.signInStart({ loginId, origin }))

const signInFinish = (transactionId: string, response: string) =>
  Effect.flatMap(DescopeClient, (client) => client.webauthn.signInFinish({ transactionId, response }))

describe("emulator: WebAuthn with a virtual authenticator", () => {
  for (const algorithm of ["ES256", "RS256"] as const) {
    it.effect(`${algorithm}: sign-up then sign-in; the management routes list the passkey`, () =>
      provide(Effect.gen(function*() {
        const client = yield* DescopeClient
        const authenticator = VirtualAuthenticator.make({ origin: ORIGIN, algorithm })
        const up = yield* signUp("ada@example.com", authenticator)
        assert.deepStrictEqual(up.session.amr, ["webauthn"])
        assert.isTrue(up.firstSeen)
        assert.strictEqual(up.user?.name, "Ada")

        const start = yield* signInStart("ada@example.com")
        assert.isFalse(start.create)
        const options = JSON.parse(start.options).publicKey
        assert.strictEqual(options.rpId, "app.example.com")
        assert.deepStrictEqual(options.allowCredentials.map((c: { id: string }) => c.id), [
          authenticator.credentials()[0]!.id
        ])
        const auth = yield* signInFinish(start.transactionId, yield* authenticator.get(start.options))
        assert.strictEqual(auth.session.userId, up.session.userId)
        assert.deepStrictEqual(auth.session.amr, ["webauthn"])
        assert.strictEqual(authenticator.credentials()[0]!.signCount, 1)

        const passkeys = yield* client.mgmt.user.listPasskeys("ada@example.com")
        assert.deepStrictEqual(passkeys.map((k) => [k.id, k.rpId]), [[
          authenticator.credentials()[0]!.id,
          "app.example.com"
        ]])
        assert.isTrue((yield* client.mgmt.user.load("ada@example.com")).webauthn)
      })))
  }

  it.effect("sign-up-or-in: creation options for a new user, request options once registered", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const authenticator = VirtualAuthenticator.make({ origin: ORIGIN })
      const first = yield* client.webauthn.signUpOrInStart({ loginId: "lin@example.com", origin: ORIGIN })
      assert.isTrue(first.create)
      const created = yield* client.webauthn.signUpFinish({
        transactionId: first.transactionId,
        response: yield* authenticator.create(first.options)
      })
      const second = yield* client.webauthn.signUpOrInStart({ loginId: "lin@example.com", origin: ORIGIN })
      assert.isFalse(second.create)
      const auth = yield* client.webauthn.signInFinish({
        transactionId: second.transactionId,
        response: yield* authenticator.get(second.options)
      })
      assert.strictEqual(auth.session.userId, created.session.userId)
      // a finish of the other kind is refused: the transaction is a sign-in's
      const third = yield* client.webauthn.signUpOrInStart({ loginId: "lin@example.com", origin: ORIGIN })
      const wrongKind = yield* Effect.flip(client.webauthn.signUpFinish({
        transactionId: third.transactionId,
        response: yield* authenticator.get(third.options)
      }))
      assert.strictEqual(code(wrongKind), "400 E011004")
    })))

  it.effect("update: a second passkey for a signed-in user; with mfa the session keeps its factors", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const emulator = yield* Emulator.Emulator
      const phone = VirtualAuthenticator.make({ origin: ORIGIN })
      const laptop = VirtualAuthenticator.make({ origin: ORIGIN, algorithm: "RS256" })
      const up = yield* signUp("kim@example.com", phone)
      const refreshToken = up.refreshToken ?? Redacted.make("")
      const start = yield* client.webauthn.updateStart({ loginId: "kim@example.com", origin: ORIGIN, refreshToken })
      assert.isTrue(start.create)
      // the phone's credential is excluded: the phone refuses, as a browser does
      const excluded = yield* Effect.flip(phone.create(start.options))
      assert.include(excluded.message, "excluded")
      const none = yield* client.webauthn.updateFinish({
        transactionId: start.transactionId,
        response: yield* laptop.create(start.options)
      })
      assert.isUndefined(none)
      assert.strictEqual((yield* client.mgmt.user.listPasskeys("kim@example.com")).length, 2)
      const viaLaptop = yield* signInStart("kim@example.com")
      const auth = yield* signInFinish(viaLaptop.transactionId, yield* laptop.get(viaLaptop.options))
      assert.strictEqual(auth.session.userId, up.session.userId)

      // mfa: an OTP session gains the webauthn factor
      const otp = yield* client.otp.signIn({ method: "email", loginId: "kim@example.com" })
      assert.isDefined(otp)
      const message = yield* emulator.lastMessage("kim@example.com", "otp")
      const otpAuth = yield* client.otp.verifyCode({
        method: "email",
        loginId: "kim@example.com",
        code: message._tag === "Some" ? message.value.code ?? "" : ""
      })
      const third = VirtualAuthenticator.make({ origin: ORIGIN })
      const mfaStart = yield* client.webauthn.updateStart({
        loginId: "kim@example.com",
        origin: ORIGIN,
        refreshToken: otpAuth.refreshToken ?? Redacted.make(""),
        mfa: true
      })
      const mfa = yield* client.webauthn.updateFinish({
        transactionId: mfaStart.transactionId,
        response: yield* third.create(mfaStart.options)
      })
      assert.deepStrictEqual([...(mfa?.session.amr ?? [])].sort(), ["email", "webauthn"])
    })))

  it.effect("hostile answers are 400 / 401, never a session", () =>
    provide(Effect.gen(function*() {
      const authenticator = VirtualAuthenticator.make({ origin: ORIGIN })
      yield* signUp("eve@example.com", authenticator)

      const refusedWith = (tamper: (options: string) => Effect.Effect<string, unknown>) =>
        Effect.gen(function*() {
          const start = yield* signInStart("eve@example.com")
          const response = yield* tamper(start.options)
          return code(yield* Effect.flip(signInFinish(start.transactionId, response)))
        })

      // the client data names another origin
      assert.strictEqual(
        yield* refusedWith((o) => authenticator.get(o, { origin: "https://evil.example" })),
        "401 E011003"
      )
      // another challenge
      assert.strictEqual(
        yield* refusedWith((o) => {
          const parsed = JSON.parse(o)
          parsed.publicKey.challenge = Buffer.from("not the challenge").toString("base64url")
          return authenticator.get(JSON.stringify(parsed))
        }),
        "401 E011003"
      )
      // a signature that does not verify
      assert.strictEqual(
        yield* refusedWith((o) =>
          Effect.map(authenticator.get(o), (r) => {
            const parsed = JSON.parse(r)
            const sig = Buffer.from(parsed.response.signature, "base64url")
            sig[sig.length - 1] = sig[sig.length - 1]! ^ 0xff
            parsed.response.signature = sig.toString("base64url")
            return JSON.stringify(parsed)
          })
        ),
        "401 E011003"
      )
      // a sign counter that does not increase (a cloned authenticator): after a sign-in, its counter again
      const good = yield* signInStart("eve@example.com")
      yield* signInFinish(good.transactionId, yield* authenticator.get(good.options))
      const last = authenticator.credentials()[0]!.signCount
      assert.strictEqual(yield* refusedWith((o) => authenticator.get(o, { signCount: last })), "401 E011003")
      // malformed answers
      assert.strictEqual(yield* refusedWith(() => Effect.succeed("{not json")), "400 E011004")
      assert.strictEqual(yield* refusedWith(() => Effect.succeed(JSON.stringify({ id: "x" }))), "400 E011004")

      // a credential that is not the user's
      const mallory = VirtualAuthenticator.make({ origin: ORIGIN })
      yield* signUp("mallory@example.com", mallory)
      const eveStart = yield* signInStart("eve@example.com")
      const malloryStart = yield* signInStart("mallory@example.com")
      const foreign = yield* mallory.get(malloryStart.options)
      assert.strictEqual(code(yield* Effect.flip(signInFinish(eveStart.transactionId, foreign))), "401 E011003")

      // a transaction is consumed by its finish: a replayed answer is refused
      const ok = yield* signInStart("eve@example.com")
      const answer = yield* authenticator.get(ok.options)
      yield* signInFinish(ok.transactionId, answer)
      assert.strictEqual(code(yield* Effect.flip(signInFinish(ok.transactionId, answer))), "400 E011004")
      assert.strictEqual(code(yield* Effect.flip(signInFinish("unknown", answer))), "400 E011004")
    })))

  it.effect("a wrong RP id hash, a wrong ceremony type and a registration with another origin are refused", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const authenticator = VirtualAuthenticator.make({ origin: ORIGIN })
      // registration: the authenticator scopes the credential to another RP id
      const start = yield* client.webauthn.signUpStart({ loginId: "rp@example.com", origin: ORIGIN })
      const parsed = JSON.parse(start.options)
      parsed.publicKey.rp.id = "evil.example"
      const response = yield* authenticator.create(JSON.stringify(parsed))
      const e = yield* Effect.flip(client.webauthn.signUpFinish({ transactionId: start.transactionId, response }))
      assert.strictEqual(code(e), "401 E011003")
      assert.include((e as { message: string }).message, "RP id hash")
      // the user was not created
      assert.strictEqual(code(yield* Effect.flip(signInStart("rp@example.com"))), "400 E062108")

      // registration from another origin
      const again = yield* client.webauthn.signUpStart({ loginId: "rp@example.com", origin: ORIGIN })
      const other = yield* authenticator.create(again.options, { origin: "https://evil.example" })
      assert.strictEqual(
        code(yield* Effect.flip(client.webauthn.signUpFinish({ transactionId: again.transactionId, response: other }))),
        "401 E011003"
      )

      // an assertion sent to a registration's finish: not a registration
      yield* signUp("rp@example.com", authenticator)
      const signIn = yield* signInStart("rp@example.com")
      const up = yield* client.webauthn.signUpStart({ loginId: "new@example.com", origin: ORIGIN })
      const assertion = yield* authenticator.get(signIn.options)
      assert.strictEqual(
        code(
          yield* Effect.flip(client.webauthn.signUpFinish({ transactionId: up.transactionId, response: assertion }))
        ),
        "400 E011004"
      )
      // sign-up of a taken login id, sign-in from a bad origin
      assert.strictEqual(
        code(yield* Effect.flip(client.webauthn.signUpStart({ loginId: "rp@example.com", origin: ORIGIN }))),
        "409 E062107"
      )
      assert.strictEqual(code(yield* Effect.flip(signInStart("rp@example.com", "not an origin"))), "400 E011004")
    })))

  it.effect("removing passkeys: one, then all; a user without passkeys cannot start a sign-in", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const a = VirtualAuthenticator.make({ origin: ORIGIN })
      const b = VirtualAuthenticator.make({ origin: ORIGIN })
      const up = yield* signUp("rem@example.com", a)
      const start = yield* client.webauthn.updateStart({
        loginId: "rem@example.com",
        origin: ORIGIN,
        refreshToken: up.refreshToken ?? Redacted.make("")
      })
      yield* client.webauthn.updateFinish({
        transactionId: start.transactionId,
        response: yield* b.create(start.options)
      })
      yield* client.mgmt.user.removePasskey({ loginId: "rem@example.com", credentialId: a.credentials()[0]!.id })
      assert.deepStrictEqual(
        (yield* client.mgmt.user.listPasskeys("rem@example.com")).map((k) => k.id),
        [b.credentials()[0]!.id]
      )
      // the removed credential no longer signs in
      const s1 = yield* signInStart("rem@example.com")
      assert.strictEqual(code(yield* Effect.flip(a.get(s1.options))), "VirtualAuthenticatorError")
      yield* client.mgmt.user.removeAllPasskeys("rem@example.com")
      assert.strictEqual((yield* client.mgmt.user.listPasskeys("rem@example.com")).length, 0)
      assert.strictEqual(code(yield* Effect.flip(signInStart("rem@example.com"))), "400 E011004")
    })))
})
