/**
 * OAuth's other entry points against the emulator: go-sdk's
 * `authorize/{signin,signup,update}` (who the code may log in), Google One
 * Tap (client id, ID token verify then exchange, or exchange at once) and the
 * native start / finish, with ID tokens minted by the emulated provider
 * (`POST /emulator/idp/idtoken`); tokens of another key, client, issuer or
 * nonce are refused.
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Jose from "jose"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import { failure, follow, inProcess, viaEmulator } from "./support/emulatorClient.js"

const P = "P2OAuthOneTap000000000000000"
const K = "oauth-onetap-management-key"

const provide = inProcess(P, K)

const code = failure

/** Follows the emulated provider's URL: the `code` of the redirect back. */
const authorize = (url: string) =>
  Effect.map(follow(url), (res) => new URL(res.headers.location ?? "").searchParams.get("code") ?? "")

/** An ID token minted by the emulated provider. */
const mint = (claims: Record<string, unknown>) =>
  viaEmulator((client) =>
    HttpClientRequest.post("http://emulator.local/emulator/idp/idtoken").pipe(
      HttpClientRequest.bodyUnsafeJson(claims),
      client.execute,
      Effect.flatMap((res) => res.json),
      Effect.map((body) => (body as { idToken: string }).idToken)
    )
  ).pipe(Effect.scoped, Effect.orDie)

describe("emulator: OAuth authorize/{signin,signup,update}", () => {
  it.effect("sign-up only a new user, sign-in only an existing one, update links the provider", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const emulator = yield* Emulator.Emulator
      yield* emulator.setOAuthIdentity("github", { email: "gh@example.com", name: "Gh" }, P)

      const notYet = yield* client.oauth.signIn({ provider: "github", returnUrl: "http://app/cb" })
      const refusedIn = yield* Effect.flip(client.oauth.exchangeToken(yield* authorize(notYet.url)))
      assert.strictEqual(code(refusedIn), "400 E062108")

      const up = yield* client.oauth.signUp({ provider: "github", returnUrl: "http://app/cb" })
      const created = yield* client.oauth.exchangeToken(yield* authorize(up.url))
      assert.isTrue(created.firstSeen)
      assert.deepStrictEqual(created.session.amr, ["oauth"])

      const again = yield* client.oauth.signUp({ provider: "github" })
      assert.strictEqual(
        code(yield* Effect.flip(client.oauth.exchangeToken(yield* authorize(again.url)))),
        "409 E062107"
      )

      const inAgain = yield* client.oauth.signIn({ provider: "github" })
      assert.strictEqual(
        (yield* client.oauth.exchangeToken(yield* authorize(inAgain.url))).session.userId,
        created.session.userId
      )

      // update: a password user links google
      yield* client.mgmt.user.create({ loginId: "pw@example.com", email: "pw@example.com" })
      yield* client.mgmt.user.setActivePassword({ loginId: "pw@example.com", password: "long enough pass" })
      const pw = yield* client.password.signIn({ loginId: "pw@example.com", password: "long enough pass" })
      const link = yield* client.oauth.updateUser({
        provider: "google",
        refreshToken: pw.refreshToken ?? Redacted.make(""),
        allowAllMerge: true
      })
      const linked = yield* client.oauth.exchangeToken(yield* authorize(link.url))
      assert.strictEqual(linked.session.userId, pw.session.userId)
      assert.deepStrictEqual([...linked.session.amr].sort(), ["oauth", "pwd"])
      assert.deepStrictEqual((yield* client.mgmt.user.load("pw@example.com")).OAuth, { google: true })
      const noToken = yield* Effect.flip(client.oauth.updateUser({ provider: "google", refreshToken: "not-a-jwt" }))
      assert.strictEqual(code(noToken), "401 E064002")
    })))
})

describe("emulator: One Tap and native OAuth with the emulated provider's ID tokens", () => {
  it.effect("client id; verify then exchange the code; exchange at once; foreign tokens refused", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const clientId = yield* client.oauth.getOneTapClientId("google")
      assert.strictEqual(clientId, "emulator-google-client-id")

      const idToken = yield* mint({ provider: "google", email: "one@example.com", name: "One", nonce: "n-1" })
      const codeOf = yield* client.oauth.verifyOneTapIdToken({ provider: "google", idToken, nonce: "n-1" })
      const auth = yield* client.oauth.exchangeToken(codeOf)
      assert.strictEqual(auth.user?.email, "one@example.com")
      assert.strictEqual(auth.user?.name, "One")
      assert.isTrue(auth.firstSeen)
      // the code is spent
      assert.strictEqual(code(yield* Effect.flip(client.oauth.exchangeToken(codeOf))), "401 E064002")

      const direct = yield* client.oauth.exchangeOneTapIdToken({ provider: "google", idToken })
      assert.strictEqual(direct.session.userId, auth.session.userId)
      assert.isFalse(direct.firstSeen)

      const refused = (token: string, nonce?: string) =>
        Effect.map(
          Effect.flip(client.oauth.exchangeOneTapIdToken({ provider: "google", idToken: token, nonce })),
          code
        )
      // wrong nonce, another provider's token, another audience, expired, another key, not a JWT
      assert.strictEqual(yield* refused(idToken, "n-2"), "401 E064002")
      assert.strictEqual(yield* refused(yield* mint({ provider: "apple", email: "one@example.com" })), "401 E064002")
      assert.strictEqual(
        yield* refused(yield* mint({ provider: "google", email: "one@example.com", aud: "someone-else" })),
        "401 E064002"
      )
      assert.strictEqual(
        yield* refused(yield* mint({ provider: "google", email: "one@example.com", expiresIn: -10 })),
        "401 E064002"
      )
      const { privateKey } = yield* Effect.promise(() => Jose.generateKeyPair("RS256"))
      const forged = yield* Effect.promise(() =>
        new Jose.SignJWT({ email: "one@example.com", aud: clientId, iss: "https://idp.emulator.descope/google" })
          .setProtectedHeader({ alg: "RS256", kid: "forged" })
          .setExpirationTime("1h")
          .sign(privateKey)
      )
      assert.strictEqual(yield* refused(forged), "401 E064002")
      assert.strictEqual(yield* refused("not-a-jwt"), "401 E064002")
    })))

  it.effect("native: start answers the client id, a state and a nonce; finish verifies the ID token with it", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const started = yield* client.oauth.startNative({ provider: "apple", implicit: true })
      assert.strictEqual(started.clientId, "emulator-apple-client-id")
      assert.strictEqual(started.implicit, true)
      const stateId = String(started.stateId)
      assert.isString(started.nonce)

      const withoutNonce = yield* mint({ provider: "apple", email: "nat@example.com" })
      const refused = yield* Effect.flip(
        client.oauth.finishNative({ provider: "apple", stateId, idToken: withoutNonce })
      )
      assert.strictEqual(code(refused), "401 E064002")
      // the state is spent by the refused finish
      const second = yield* client.oauth.startNative({ provider: "apple" })
      const idToken = yield* mint({ provider: "apple", email: "nat@example.com", nonce: String(second.nonce) })
      const auth = yield* client.oauth.finishNative({ provider: "apple", stateId: String(second.stateId), idToken })
      assert.strictEqual(auth.user?.email, "nat@example.com")
      assert.deepStrictEqual(auth.session.amr, ["oauth"])
      const replay = yield* Effect.flip(
        client.oauth.finishNative({ provider: "apple", stateId: String(second.stateId), idToken })
      )
      assert.strictEqual(code(replay), "400 E011004")

      // a provider code stands for the configured identity
      const emulator = yield* Emulator.Emulator
      yield* emulator.setOAuthIdentity("apple", { email: "code@example.com" }, P)
      const third = yield* client.oauth.startNative({ provider: "apple" })
      const viaCode = yield* client.oauth.finishNative({
        provider: "apple",
        stateId: String(third.stateId),
        code: "provider-code"
      })
      assert.strictEqual(viaCode.user?.email, "code@example.com")
    })))
})
