import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type { MagicLinkDeliveryMethod } from "../src/auth/MagicLink.js"
import { always, badInput, flows, jwtResponse, layer, sentOne, unchecked } from "./support/authFlows.js"

const maskedEmail = { maskedEmail: "a***@example.com" }
const maskedPhone = { maskedPhone: "+1*******34" }

const table: ReadonlyArray<{
  readonly method: MagicLinkDeliveryMethod
  readonly loginId: string
  readonly signUp: string
  readonly signIn: string
  readonly signUpOrIn: string
  readonly answer: Record<string, string>
}> = [
  {
    method: "email",
    loginId: "ada@example.com",
    signUp: "/v1/auth/magiclink/signup/email",
    signIn: "/v1/auth/magiclink/signin/email",
    signUpOrIn: "/v1/auth/magiclink/signup-in/email",
    answer: maskedEmail
  },
  {
    method: "sms",
    loginId: "+12125551234",
    signUp: "/v1/auth/magiclink/signup/sms",
    signIn: "/v1/auth/magiclink/signin/sms",
    signUpOrIn: "/v1/auth/magiclink/signup-in/sms",
    answer: maskedPhone
  },
  {
    method: "whatsapp",
    loginId: "+12125551234",
    signUp: "/v1/auth/magiclink/signup/whatsapp",
    signIn: "/v1/auth/magiclink/signin/whatsapp",
    signUpOrIn: "/v1/auth/magiclink/signup-in/whatsapp",
    answer: maskedPhone
  }
]

describe("magicLink wire", () => {
  for (const row of table) {
    it.effect(`signUp ${row.method}`, () =>
      Effect.gen(function*() {
        const { magicLink } = yield* flows
        const result = yield* magicLink.signUp({
          method: row.method,
          loginId: row.loginId,
          uri: "https://app.example.com/verify",
          user: { name: "Ada", givenName: "Ada", familyName: "Lovelace" },
          loginOptions: { templateOptions: { x: "y" } },
          providerId: "p1"
        })
        assert.deepStrictEqual(result, row.answer)
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path: row.signUp,
          query: {},
          authorization: "Bearer P123",
          body: {
            loginId: row.loginId,
            URI: "https://app.example.com/verify",
            user: { name: "Ada", givenName: "Ada", familyName: "Lovelace" },
            loginOptions: { templateOptions: { x: "y" } },
            providerId: "p1"
          }
        })
      }).pipe(Effect.provide(layer(always(row.answer)))))

    it.effect(`signIn ${row.method}`, () =>
      Effect.gen(function*() {
        const { magicLink } = yield* flows
        const result = yield* magicLink.signIn({
          method: row.method,
          loginId: row.loginId,
          uri: "https://app.example.com/verify"
        })
        assert.deepStrictEqual(result, row.answer)
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path: row.signIn,
          query: {},
          authorization: "Bearer P123",
          body: { loginId: row.loginId, URI: "https://app.example.com/verify", loginOptions: {} }
        })
      }).pipe(Effect.provide(layer(always(row.answer)))))

    it.effect(`signUpOrIn ${row.method}`, () =>
      Effect.gen(function*() {
        const { magicLink } = yield* flows
        const result = yield* magicLink.signUpOrIn({ method: row.method, loginId: row.loginId })
        assert.deepStrictEqual(result, row.answer)
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path: row.signUpOrIn,
          query: {},
          authorization: "Bearer P123",
          body: { loginId: row.loginId, loginOptions: {} }
        })
      }).pipe(Effect.provide(layer(always(row.answer)))))
  }

  it.effect("signIn with mfa carries the refresh token", () =>
    Effect.gen(function*() {
      const { magicLink } = yield* flows
      yield* magicLink.signIn({
        method: "email",
        loginId: "ada@example.com",
        uri: "https://app.example.com/verify",
        loginOptions: { mfa: true },
        refreshToken: "REFRESH-JWT"
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/magiclink/signin/email",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: { loginId: "ada@example.com", URI: "https://app.example.com/verify", loginOptions: { mfa: true } }
      })
    }).pipe(Effect.provide(layer(always(maskedEmail)))))

  it.effect("verify", () =>
    Effect.gen(function*() {
      const { magicLink } = yield* flows
      const info = yield* magicLink.verify("LINK-TOKEN")
      assert.strictEqual(info.session.userId, "U1")
      assert.strictEqual(info.user?.email, "ada@example.com")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/magiclink/verify",
        query: {},
        authorization: "Bearer P123",
        body: { token: "LINK-TOKEN" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("updateUserEmail", () =>
    Effect.gen(function*() {
      const { magicLink } = yield* flows
      const result = yield* magicLink.updateUserEmail({
        loginId: "ada@example.com",
        email: "ada.new@example.com",
        uri: "https://app.example.com/verify",
        refreshToken: "REFRESH-JWT",
        addToLoginIds: true,
        onMergeUseExisting: true
      })
      assert.deepStrictEqual(result, maskedEmail)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/magiclink/update/email",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: {
          loginId: "ada@example.com",
          email: "ada.new@example.com",
          URI: "https://app.example.com/verify",
          addToLoginIDs: true,
          onMergeUseExisting: true
        }
      })
    }).pipe(Effect.provide(layer(always(maskedEmail)))))

  for (
    const [method, path] of [
      ["sms", "/v1/auth/magiclink/update/phone/sms"],
      ["whatsapp", "/v1/auth/magiclink/update/phone/whatsapp"]
    ] as const
  ) {
    it.effect(`updateUserPhone ${method}`, () =>
      Effect.gen(function*() {
        const { magicLink } = yield* flows
        const result = yield* magicLink.updateUserPhone({
          method,
          loginId: "ada@example.com",
          phone: "+12125551234",
          uri: "https://app.example.com/verify",
          refreshToken: "REFRESH-JWT",
          templateId: "T1"
        })
        assert.deepStrictEqual(result, maskedPhone)
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path,
          query: {},
          authorization: "Bearer P123:REFRESH-JWT",
          body: {
            loginId: "ada@example.com",
            phone: "+12125551234",
            URI: "https://app.example.com/verify",
            templateId: "T1"
          }
        })
      }).pipe(Effect.provide(layer(always(maskedPhone)))))
  }
})

describe("magicLink bad input: InvalidArgumentError naming the field, nothing sent", () => {
  badInput(maskedEmail, [
    {
      name: "signUp empty loginId",
      field: "loginId",
      run: (a) => a.magicLink.signUp({ method: "email", loginId: "" })
    },
    { name: "signIn empty loginId", field: "loginId", run: (a) => a.magicLink.signIn({ method: "sms", loginId: "" }) },
    {
      name: "signUpOrIn empty loginId",
      field: "loginId",
      run: (a) => a.magicLink.signUpOrIn({ method: "whatsapp", loginId: "" })
    },
    { name: "verify empty token", field: "token", run: (a) => a.magicLink.verify("") },
    {
      name: "voice is not a magic-link method",
      field: "method",
      run: (a) => a.magicLink.signIn({ method: unchecked<MagicLinkDeliveryMethod>("voice"), loginId: "+12125551234" })
    },
    {
      name: "voice is not a magic-link phone-update method",
      field: "method",
      run: (a) =>
        a.magicLink.updateUserPhone({
          method: unchecked<"sms">("voice"),
          loginId: "x",
          phone: "+12125551234",
          refreshToken: "R"
        })
    },
    {
      name: "update email failing the pattern",
      field: "email",
      run: (a) => a.magicLink.updateUserEmail({ loginId: "x", email: "a@b@c", refreshToken: "R" })
    },
    {
      name: "update phone failing the pattern",
      field: "phone",
      run: (a) => a.magicLink.updateUserPhone({ method: "sms", loginId: "x", phone: "+0123", refreshToken: "R" })
    },
    {
      name: "update phone without a refresh token",
      field: "refreshToken",
      run: (a) => a.magicLink.updateUserPhone({ method: "sms", loginId: "x", phone: "+12125551234", refreshToken: "" })
    },
    {
      name: "stepup without a refresh token",
      field: "refreshToken",
      run: (a) => a.magicLink.signIn({ method: "email", loginId: "x", loginOptions: { stepup: true } })
    }
  ])
})
