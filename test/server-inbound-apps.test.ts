// OAuth access tokens of inbound (third-party) applications at the request-authentication core: refused by
// default (never a user's own session), accepted when opted in, their audience checked against the
// application's (apart from the session audience), their scopes checked by the scope requirement. Tokens are
// minted with the client's test keys; the conformance table covers the same on every door with tokens the
// emulator issues.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as RequestAuth from "../src/server/RequestAuth.js"
import { testKeysClient } from "./support/server.js"

const CLIENT_ID = "TP2inboundapp"

/** One client (one set of test keys) per test: it mints the tokens and authenticates them. */
const setup = Effect.map(testKeysClient, (client) => {
  const authenticate = (token: string, options: RequestAuth.RequestOptions, cookie = false) =>
    RequestAuth.authenticateRequest(
      cookie ? { cookie: `DS=${token}` } : { authorization: `Bearer ${token}` },
      options
    ).pipe(Effect.provide(client.context))
  const mint = (claims: Record<string, unknown>) => client.mint({ claims })
  const appToken = (claims: Record<string, unknown> = {}) =>
    mint({ sub: "U-ada", client_id: CLIENT_ID, azp: CLIENT_ID, aud: CLIENT_ID, scope: "read:things", ...claims })
  return { authenticate, mint, appToken }
})

const reasonOf = (result: RequestAuth.Result) => result._tag === "Unauthenticated" ? result.reason : result._tag

describe("inbound applications' access tokens", () => {
  it.scoped("refused by default (401 WrongTokenType), also when only azp names the client", () =>
    Effect.gen(function*() {
      const { appToken, authenticate } = yield* setup
      assert.strictEqual(reasonOf(yield* authenticate(yield* appToken(), {})), "WrongTokenType")
      const azpOnly = yield* appToken({ client_id: undefined })
      assert.strictEqual(reasonOf(yield* authenticate(azpOnly, { inboundApps: false })), "WrongTokenType")
    }))

  it.scoped("accepted when opted in: kind inboundApp, the scopes checked by the requirement", () =>
    Effect.gen(function*() {
      const { appToken, authenticate } = yield* setup
      const token = yield* appToken()
      const result = yield* authenticate(token, { inboundApps: true, require: { scopes: ["read:things"] } })
      assert.strictEqual(result._tag, "Authenticated")
      if (result._tag === "Authenticated") {
        assert.strictEqual(result.kind, "inboundApp")
        assert.strictEqual(result.session.userId, "U-ada")
      }
      const lacking = yield* authenticate(token, { inboundApps: true, require: { scopes: ["write:things"] } })
      assert.strictEqual(lacking._tag, "Forbidden")
      if (lacking._tag === "Forbidden") assert.deepStrictEqual(lacking.error.missingScopes, ["write:things"])
    }))

  it.scoped("never from the session cookie", () =>
    Effect.gen(function*() {
      const { appToken, authenticate } = yield* setup
      assert.strictEqual(
        reasonOf(yield* authenticate(yield* appToken(), { inboundApps: true }, true)),
        "WrongTokenType"
      )
    }))

  it.scoped("the application's audience: another aud -> 401 WrongAudience", () =>
    Effect.gen(function*() {
      const { appToken, authenticate } = yield* setup
      const options = { inboundApps: { audience: CLIENT_ID } }
      assert.strictEqual((yield* authenticate(yield* appToken(), options))._tag, "Authenticated")
      const other = yield* appToken({ aud: "TP2otherapp" })
      assert.strictEqual(reasonOf(yield* authenticate(other, options)), "WrongAudience")
      const none = yield* appToken({ aud: undefined })
      assert.strictEqual(reasonOf(yield* authenticate(none, options)), "WrongAudience")
    }))

  it.scoped("the session audience and the application's are apart: neither passes for the other", () =>
    Effect.gen(function*() {
      const { appToken, authenticate, mint } = yield* setup
      const options = { audience: "https://api.test", inboundApps: { audience: CLIENT_ID } }
      const inbound = yield* authenticate(yield* appToken(), options)
      assert.strictEqual(inbound._tag === "Authenticated" ? inbound.kind : inbound._tag, "inboundApp")
      const session = yield* authenticate(yield* mint({ sub: "U-ada", aud: "https://api.test" }), options)
      assert.strictEqual(session._tag === "Authenticated" ? session.kind : session._tag, "session")
      // a session token carrying the application's audience is not rescued by it
      const sessionForApp = yield* mint({ sub: "U-ada", aud: CLIENT_ID })
      assert.strictEqual(reasonOf(yield* authenticate(sessionForApp, options)), "WrongAudience")
      // an application's token for the session audience only is refused by the application's audience
      const appForApi = yield* appToken({ aud: "https://api.test" })
      assert.strictEqual(reasonOf(yield* authenticate(appForApi, options)), "WrongAudience")
    }))

  it.scoped("signature and issuer are checked as for sessions", () =>
    Effect.gen(function*() {
      const { appToken, authenticate } = yield* setup
      const token = yield* appToken({ iss: "https://api.descope.com/v1/apps/P2SomeoneElse0000000000001" })
      assert.strictEqual(reasonOf(yield* authenticate(token, { inboundApps: true })), "WrongIssuer")
      const tampered = yield* appToken()
      const [h, , sig] = tampered.split(".")
      const payload = Buffer.from(JSON.stringify({ sub: "U-eve", client_id: CLIENT_ID, scope: "admin" }))
        .toString("base64url")
      assert.include(
        ["BadSignature", "Malformed"],
        reasonOf(yield* authenticate(`${h}.${payload}.${sig}`, { inboundApps: true }))
      )
    }))
})
