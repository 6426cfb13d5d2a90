// The recorded wire of the login completions given an `audience`: the request is
// the one sent without it (the audience never goes on the wire), and the session
// token answered is validated with that audience, which a token of another `aud`
// fails with InvalidSessionError WrongAudience before the call answers.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as MagicLink from "../src/auth/MagicLink.js"
import * as OAuth from "../src/auth/OAuth.js"
import * as Otp from "../src/auth/Otp.js"
import * as Password from "../src/auth/Password.js"
import * as Saml from "../src/auth/Saml.js"
import * as Sso from "../src/auth/Sso.js"
import * as Totp from "../src/auth/Totp.js"
import * as DescopeConfig from "../src/core/DescopeConfig.js"
import { InvalidSessionError } from "../src/core/DescopeError.js"
import * as DescopeHttp from "../src/core/DescopeHttp.js"
import { fromClaims, SessionValidator, type SessionValidatorService } from "../src/core/Session.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { BASE_URL, jwtResponse, makeJwt, PROJECT_ID, sent } from "./support/authFlows.js"

/** Decodes (does not verify) and checks `aud` against the audience asked for, as python-sdk's PyJWT does. */
const audienceValidator: SessionValidatorService = {
  validate: (token, options) =>
    Effect.suspend(() => {
      const jwt = Redacted.isRedacted(token) ? Redacted.value(token) : token
      const claims = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"))
      const wanted = options?.audience
      if (wanted !== undefined) {
        const list = typeof wanted === "string" ? [wanted] : wanted
        const aud: ReadonlyArray<unknown> = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
        if (!aud.some((a) => typeof a === "string" && list.includes(a))) {
          return Effect.fail(new InvalidSessionError({ reason: "WrongAudience", description: "aud" }))
        }
      }
      return Effect.succeed(fromClaims(jwt, claims, PROJECT_ID))
    })
}

const sessionFor = (aud: unknown) =>
  jwtResponse({ sessionJwt: makeJwt({ sub: "U1", iss: PROJECT_ID, drn: "DS", aud, exp: 4102444800 }) })

const layer = (aud: unknown) =>
  Layer.mergeAll(DescopeHttp.layer, Layer.succeed(SessionValidator, audienceValidator)).pipe(
    Layer.provideMerge(DescopeConfig.layer({ projectId: PROJECT_ID, baseUrl: BASE_URL })),
    Layer.provideMerge(MockHttpClient.layer(() => MockHttpClient.json(sessionFor(aud))))
  )

type Audience = { readonly audience?: string | ReadonlyArray<string> }

const completions = Effect.gen(function*() {
  const http = yield* DescopeHttp.DescopeHttp
  const v = yield* SessionValidator
  const otp = Otp.make(http, v)
  const magicLink = MagicLink.make(http, v)
  const totp = Totp.make(http, v)
  const password = Password.make(http, v)
  return [
    {
      name: "otp.verifyCode",
      run: (o: Audience) => otp.verifyCode({ method: "sms", loginId: "+15551234567", code: "123456", ...o }),
      path: "/v1/auth/otp/verify/sms",
      body: { loginId: "+15551234567", code: "123456" }
    },
    {
      name: "magicLink.verify",
      run: (o: Audience) => magicLink.verify("link-token", o),
      path: "/v1/auth/magiclink/verify",
      body: { token: "link-token" }
    },
    {
      name: "totp.signInCode",
      run: (o: Audience) => totp.signInCode({ loginId: "ada", code: "654321", ...o }),
      path: "/v1/auth/totp/verify",
      body: { loginId: "ada", code: "654321" }
    },
    {
      name: "password.signUp",
      run: (o: Audience) => password.signUp({ loginId: "ada", password: "pw-1", ...o }),
      path: "/v1/auth/password/signup",
      body: { loginId: "ada", password: "pw-1", loginOptions: {} }
    },
    {
      name: "password.signIn",
      run: (o: Audience) => password.signIn({ loginId: "ada", password: "pw-1", ...o }),
      path: "/v1/auth/password/signin",
      body: { loginId: "ada", password: "pw-1", loginOptions: {} }
    },
    {
      name: "password.replace",
      run: (o: Audience) => password.replace({ loginId: "ada", oldPassword: "pw-1", newPassword: "pw-2", ...o }),
      path: "/v1/auth/password/replace",
      body: { loginId: "ada", oldPassword: "pw-1", newPassword: "pw-2" }
    },
    {
      name: "oauth.exchangeToken",
      run: (o: Audience) => OAuth.make(http, v).exchangeToken("c0de", o),
      path: "/v1/auth/oauth/exchange",
      body: { code: "c0de" }
    },
    {
      name: "saml.exchangeToken",
      run: (o: Audience) => Saml.make(http, v).exchangeToken("c0de", o),
      path: "/v1/auth/saml/exchange",
      body: { code: "c0de" }
    },
    {
      name: "sso.exchangeToken",
      run: (o: Audience) => Sso.make(http, v).exchangeToken("c0de", o),
      path: "/v1/auth/sso/exchange",
      body: { code: "c0de" }
    }
  ] as const
})

describe("audience of the login completions", () => {
  it.effect("the matching audience passes; the request is the one sent without it", () =>
    Effect.gen(function*() {
      for (const c of yield* completions) {
        const info = yield* c.run({ audience: ["other", "my-api"] })
        assert.strictEqual(info.session.claims["aud"], "my-api", c.name)
        yield* c.run({})
      }
      const requests = yield* sent
      const list = yield* completions
      assert.strictEqual(requests.length, list.length * 2)
      list.forEach((c, i) => {
        for (const r of [requests[2 * i], requests[2 * i + 1]]) {
          assert.strictEqual(r?.method, "POST", c.name)
          assert.strictEqual(r?.path, c.path, c.name)
          assert.deepStrictEqual(r?.body, c.body, c.name)
        }
      })
    }).pipe(Effect.provide(layer("my-api"))))

  it.effect("a token without aud fails an audience check, and passes without one", () =>
    Effect.gen(function*() {
      for (const c of yield* completions) {
        const wrong = yield* Effect.flip(c.run({ audience: "my-api" }))
        assert.strictEqual((wrong as InvalidSessionError).reason, "WrongAudience", c.name)
        yield* c.run({})
      }
    }).pipe(Effect.provide(layer(undefined))))

  it.effect("another audience is InvalidSessionError WrongAudience", () =>
    Effect.gen(function*() {
      for (const c of yield* completions) {
        const wrong = yield* Effect.flip(c.run({ audience: "my-api" }))
        assert.instanceOf(wrong, InvalidSessionError, c.name)
        assert.strictEqual((wrong as InvalidSessionError).reason, "WrongAudience", c.name)
        const unchecked = yield* c.run({})
        assert.deepStrictEqual(unchecked.session.claims["aud"], ["their-api"], c.name)
      }
    }).pipe(Effect.provide(layer(["their-api"]))))
})
