/**
 * The `audience` option of the calls that complete a login (python-sdk's
 * `audience`), end to end: an emulator that signs `aud` into its session JWTs
 * (`sessionAudience`), our client with its real validator. A matching audience
 * passes, another one is `InvalidSessionError` `WrongAudience`, none is not
 * checked; an emulator without an audience fails every audience check.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import { totp } from "./support/totp.js"

const P = "P2AudienceScenario0000000000"
const K = "audience-management-key"
const API = "https://api.example.com"

const run = <A, E>(
  effect: Effect.Effect<A, E, DescopeClient | Emulator.Emulator | HttpClient.HttpClient>,
  sessionAudience?: string | ReadonlyArray<string>
) =>
  effect.pipe(
    Effect.provide(
      Layer.merge(
        Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }),
        Emulator.layerHttpClient
      ).pipe(Layer.provideMerge(Emulator.layerHttpClient))
    ),
    Effect.provide(Emulator.layer({ projectId: P, managementKey: K, sessionAudience }))
  )

const reasonOf = (e: { readonly _tag: string }) =>
  e._tag === "InvalidSessionError" ? (e as unknown as { readonly reason: string }).reason : e._tag

/** Each login completion, given an audience (or none). */
const logins = Effect.gen(function*() {
  const client = yield* DescopeClient
  const emulator = yield* Emulator.Emulator
  const http = yield* HttpClient.HttpClient
  const mgmt = client.mgmt
  yield* mgmt.user.createTestUser({ loginId: "ada@example.com", email: "ada@example.com" })
  yield* mgmt.user.setActivePassword({ loginId: "ada@example.com", password: "correct horse battery" })
  const seed = yield* client.totp.signUp({ loginId: "totp@example.com" })
  yield* emulator.setOAuthIdentity("github", { email: "octo@example.com", name: "Octo" })
  type Audience = { readonly audience?: string | ReadonlyArray<string> }
  return {
    otp: (o: Audience) =>
      Effect.flatMap(
        mgmt.user.generateOtpForTestUser({ method: "email", loginId: "ada@example.com" }),
        (r) => client.otp.verifyCode({ method: "email", loginId: "ada@example.com", code: r.code, ...o })
      ),
    magicLink: (o: Audience) =>
      Effect.flatMap(
        mgmt.user.generateMagicLinkForTestUser({ method: "email", loginId: "ada@example.com", uri: "http://app/v" }),
        (r) => client.magicLink.verify(new URL(Redacted.value(r.link)).searchParams.get("t") ?? "", o)
      ),
    password: (o: Audience) =>
      client.password.signIn({ loginId: "ada@example.com", password: "correct horse battery", ...o }),
    totp: (o: Audience) =>
      Effect.flatMap(
        emulator.now,
        (now) =>
          client.totp.signInCode({ loginId: "totp@example.com", code: totp(Redacted.value(seed.key), now), ...o })
      ),
    oauth: (o: Audience) =>
      Effect.gen(function*() {
        const start = yield* client.oauth.start({ provider: "github", returnUrl: "http://app/cb" })
        const redirect = yield* http.get(start.url)
        const code = new URL(redirect.headers["location"] ?? "").searchParams.get("code") ?? ""
        return yield* client.oauth.exchangeToken(code, o)
      })
  }
})

describe("the audience of a login", () => {
  it.effect("a session signed for the audience passes; another audience is WrongAudience; none is not checked", () =>
    run(
      Effect.gen(function*() {
        const calls = yield* logins
        for (const [name, login] of Object.entries(calls)) {
          const ok = yield* login({ audience: API })
          assert.strictEqual(ok.session.claims["aud"], API, name)
          const either = yield* login({ audience: ["https://other.example.com", API] })
          assert.strictEqual(either.session.claims["aud"], API, name)
          const wrong = yield* Effect.flip(login({ audience: "https://other.example.com" }))
          assert.strictEqual(reasonOf(wrong), "WrongAudience", name)
          yield* login({})
        }
      }),
      API
    ))

  it.effect("an emulator that signs no audience fails every audience check, and passes without one", () =>
    run(Effect.gen(function*() {
      const calls = yield* logins
      for (const [name, login] of Object.entries(calls)) {
        const wrong = yield* Effect.flip(login({ audience: API }))
        assert.strictEqual(reasonOf(wrong), "WrongAudience", name)
        const ok = yield* login({})
        assert.isUndefined(ok.session.claims["aud"], name)
      }
    })))

  it.effect("an audience list is signed as a list and matched by any member", () =>
    run(
      Effect.gen(function*() {
        const client = yield* DescopeClient
        yield* client.mgmt.user.create({ loginId: "bo@example.com" })
        yield* client.mgmt.user.setActivePassword({ loginId: "bo@example.com", password: "correct horse battery" })
        const info = yield* client.password.signIn({
          loginId: "bo@example.com",
          password: "correct horse battery",
          audience: "b"
        })
        assert.deepStrictEqual(info.session.claims["aud"], ["a", "b"])
      }),
      ["a", "b"]
    ))
})
