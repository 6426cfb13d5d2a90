import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { DeliveryMethod } from "../src/auth/LoginOptions.js"
import { json } from "../src/layers/MockHttpClient.js"
import { always, badInput, flows, jwtResponse, layer, scripted, sent, sentOne, unchecked } from "./support/authFlows.js"

const DSR_COOKIE_JWT = "eyJhbGciOiJFUzM4NCJ9.eyJzdWIiOiJVMSIsImRybiI6IkRTUiJ9.c2ln"

const maskedEmail = { maskedEmail: "a***@example.com" }
const maskedPhone = { maskedPhone: "+1*******34" }

const table: ReadonlyArray<{
  readonly method: DeliveryMethod
  readonly loginId: string
  readonly signUp: string
  readonly signIn: string
  readonly signUpOrIn: string
  readonly verify: string
  readonly answer: Record<string, string>
}> = [
  {
    method: "email",
    loginId: "ada@example.com",
    signUp: "/v1/auth/otp/signup/email",
    signIn: "/v1/auth/otp/signin/email",
    signUpOrIn: "/v1/auth/otp/signup-in/email",
    verify: "/v1/auth/otp/verify/email",
    answer: maskedEmail
  },
  {
    method: "sms",
    loginId: "+12125551234",
    signUp: "/v1/auth/otp/signup/sms",
    signIn: "/v1/auth/otp/signin/sms",
    signUpOrIn: "/v1/auth/otp/signup-in/sms",
    verify: "/v1/auth/otp/verify/sms",
    answer: maskedPhone
  },
  {
    method: "voice",
    loginId: "+12125551234",
    signUp: "/v1/auth/otp/signup/voice",
    signIn: "/v1/auth/otp/signin/voice",
    signUpOrIn: "/v1/auth/otp/signup-in/voice",
    verify: "/v1/auth/otp/verify/voice",
    answer: maskedPhone
  },
  {
    method: "whatsapp",
    loginId: "+12125551234",
    signUp: "/v1/auth/otp/signup/whatsapp",
    signIn: "/v1/auth/otp/signin/whatsapp",
    signUpOrIn: "/v1/auth/otp/signup-in/whatsapp",
    verify: "/v1/auth/otp/verify/whatsapp",
    answer: maskedPhone
  }
]

describe("otp wire", () => {
  for (const row of table) {
    it.effect(`signUp ${row.method}`, () =>
      Effect.gen(function*() {
        const { otp } = yield* flows
        const result = yield* otp.signUp({
          method: row.method,
          loginId: row.loginId,
          user: { name: "Ada Lovelace", phone: "212-555-1234", email: "ada@example.com" }
        })
        assert.deepStrictEqual(result, row.answer)
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path: row.signUp,
          query: {},
          authorization: "Bearer P123",
          body: {
            loginId: row.loginId,
            user: { name: "Ada Lovelace", phone: "212-555-1234", email: "ada@example.com" },
            loginOptions: {}
          }
        })
      }).pipe(Effect.provide(layer(always(row.answer)))))

    it.effect(`signIn ${row.method}`, () =>
      Effect.gen(function*() {
        const { otp } = yield* flows
        const result = yield* otp.signIn({ method: row.method, loginId: row.loginId })
        assert.deepStrictEqual(result, row.answer)
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path: row.signIn,
          query: {},
          authorization: "Bearer P123",
          body: { loginId: row.loginId, loginOptions: {} }
        })
      }).pipe(Effect.provide(layer(always(row.answer)))))

    it.effect(`signUpOrIn ${row.method}`, () =>
      Effect.gen(function*() {
        const { otp } = yield* flows
        const result = yield* otp.signUpOrIn({
          method: row.method,
          loginId: row.loginId,
          loginOptions: { templateId: "T1", templateOptions: { greeting: "hi" } },
          providerId: "twilio"
        })
        assert.deepStrictEqual(result, row.answer)
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path: row.signUpOrIn,
          query: {},
          authorization: "Bearer P123",
          body: {
            loginId: row.loginId,
            loginOptions: { templateId: "T1", templateOptions: { greeting: "hi" } },
            providerId: "twilio"
          }
        })
      }).pipe(Effect.provide(layer(always(row.answer)))))

    it.effect(`verifyCode ${row.method}`, () =>
      Effect.gen(function*() {
        const { otp } = yield* flows
        const info = yield* otp.verifyCode({ method: row.method, loginId: row.loginId, code: "123456" })
        assert.strictEqual(info.session.userId, "U1")
        assert.strictEqual(info.refresh?.tokenType, "DSR")
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path: row.verify,
          query: {},
          authorization: "Bearer P123",
          body: { code: "123456", loginId: row.loginId }
        })
      }).pipe(Effect.provide(layer(always(jwtResponse())))))
  }

  it.effect("signIn with every login option and stepup sends the refresh token", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      yield* otp.signIn({
        method: "email",
        loginId: "ada@example.com",
        loginOptions: {
          stepup: true,
          mfa: false,
          revokeOtherSessions: true,
          customClaims: { plan: "pro" },
          templateId: "T1",
          templateOptions: { a: "b" },
          tenantId: "T2",
          locale: "fr"
        },
        refreshToken: Redacted.make("REFRESH-JWT"),
        providerId: "ses"
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/otp/signin/email",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: {
          loginId: "ada@example.com",
          loginOptions: {
            stepup: true,
            mfa: false,
            revokeOtherSessions: true,
            customClaims: { plan: "pro" },
            templateId: "T1",
            templateOptions: { a: "b" },
            tenantId: "T2",
            locale: "fr"
          },
          providerId: "ses"
        }
      })
    }).pipe(Effect.provide(layer(always(maskedEmail)))))

  it.effect("signUp with sign-up options", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      yield* otp.signUp({
        method: "sms",
        loginId: "+12125551234",
        loginOptions: { customClaims: { a: 1 }, tenantId: "T9" }
      })
      assert.deepStrictEqual((yield* sentOne).body, {
        loginId: "+12125551234",
        loginOptions: { customClaims: { a: 1 }, tenantId: "T9" }
      })
    }).pipe(Effect.provide(layer(always(maskedPhone)))))

  for (
    const [method, path] of [
      ["sms", "/v1/auth/otp/update/phone/sms"],
      ["voice", "/v1/auth/otp/update/phone/voice"],
      ["whatsapp", "/v1/auth/otp/update/phone/whatsapp"]
    ] as const
  ) {
    it.effect(`updateUserPhone ${method}`, () =>
      Effect.gen(function*() {
        const { otp } = yield* flows
        const result = yield* otp.updateUserPhone({
          method,
          loginId: "ada@example.com",
          phone: "+12125551234",
          refreshToken: "REFRESH-JWT"
        })
        assert.deepStrictEqual(result, maskedPhone)
        assert.deepStrictEqual(yield* sentOne, {
          method: "POST",
          path,
          query: {},
          authorization: "Bearer P123:REFRESH-JWT",
          body: { loginId: "ada@example.com", phone: "+12125551234" }
        })
      }).pipe(Effect.provide(layer(always(maskedPhone)))))
  }
})

describe("otp decoding", () => {
  it.effect("verifyCode builds AuthenticationInfo: tokens, user, firstSeen, cookies", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      const info = yield* otp.verifyCode({ method: "email", loginId: "ada@example.com", code: Redacted.make("1") })
      assert.strictEqual(info.session.tokenType, "DS")
      assert.deepStrictEqual(info.session.amr, ["email"])
      assert.strictEqual(info.user?.userId, "U1")
      assert.strictEqual(info.user?.name, "Ada")
      assert.strictEqual(info.firstSeen, true)
      assert.deepStrictEqual(info.cookies, {
        domain: "example.com",
        path: "/",
        maxAge: 3600,
        expiration: 1900000000
      })
      assert.strictEqual(info.setCookies.length, 2)
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("a refresh token delivered only as Set-Cookie DSR is picked up", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      const info = yield* otp.verifyCode({ method: "sms", loginId: "+12125551234", code: "1" })
      assert.isDefined(info.refreshToken)
      assert.strictEqual(info.refreshToken === undefined ? "" : Redacted.value(info.refreshToken), DSR_COOKIE_JWT)
      assert.strictEqual(info.refresh?.tokenType, "DSR")
    }).pipe(Effect.provide(layer(() =>
      json(jwtResponse({ refreshJwt: undefined }), {
        headers: { "set-cookie": `DSR=${DSR_COOKIE_JWT}; Path=/; HttpOnly; Secure` }
      })
    ))))

  it.effect("a masked answer missing its field is a TransportError Decode", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      const error = yield* Effect.flip(otp.signIn({ method: "sms", loginId: "+12125551234" }))
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" ? error.reason : "", "Decode")
    }).pipe(Effect.provide(layer(always(maskedEmail)))))

  it.effect("a wrong code is AuthError E061102", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      const error = yield* Effect.flip(otp.verifyCode({ method: "email", loginId: "ada@example.com", code: "000000" }))
      assert.strictEqual(error._tag, "AuthError")
      if (error._tag !== "AuthError") return
      assert.strictEqual(error.status, 401)
      assert.strictEqual(error.errorCode, "E061102")
      assert.isTrue(error.isWrongOtpCode)
    }).pipe(
      Effect.provide(layer(() => json({ errorCode: "E061102", errorDescription: "Wrong code" }, { status: 401 })))
    ))

  it.effect("too many attempts is AuthError E061103", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      const error = yield* Effect.flip(otp.verifyCode({ method: "sms", loginId: "+12125551234", code: "000000" }))
      assert.strictEqual(error._tag === "AuthError" ? error.errorCode : "", "E061103")
      assert.isTrue(error._tag === "AuthError" && error.isTooManyOtpAttempts)
    }).pipe(
      Effect.provide(
        layer(() => json({ errorCode: "E061103", errorDescription: "Too many attempts" }, { status: 400 }))
      )
    ))
})

describe("otp bad input: InvalidArgumentError naming the field, nothing sent", () => {
  badInput(maskedEmail, [
    { name: "signUp empty loginId", field: "loginId", run: (a) => a.otp.signUp({ method: "email", loginId: "" }) },
    { name: "signIn empty loginId", field: "loginId", run: (a) => a.otp.signIn({ method: "sms", loginId: "" }) },
    {
      name: "signUpOrIn empty loginId",
      field: "loginId",
      run: (a) => a.otp.signUpOrIn({ method: "voice", loginId: "" })
    },
    {
      name: "verifyCode empty code",
      field: "code",
      run: (a) => a.otp.verifyCode({ method: "email", loginId: "ada@example.com", code: "" })
    },
    {
      name: "verifyCode empty redacted code",
      field: "code",
      run: (a) => a.otp.verifyCode({ method: "email", loginId: "ada@example.com", code: Redacted.make("") })
    },
    {
      name: "verifyCode empty loginId",
      field: "loginId",
      run: (a) => a.otp.verifyCode({ method: "email", loginId: "", code: "1" })
    },
    {
      name: "unknown delivery method",
      field: "method",
      run: (a) => a.otp.signIn({ method: unchecked<DeliveryMethod>("carrier-pigeon"), loginId: "x" })
    },
    {
      name: "updateUserPhone with email method",
      field: "method",
      run: (a) =>
        a.otp.updateUserPhone({
          method: unchecked<"sms">("email"),
          loginId: "x",
          phone: "+12125551234",
          refreshToken: "R"
        })
    },
    {
      name: "update email failing the pattern",
      field: "email",
      run: (a) => a.otp.updateUserEmail({ loginId: "x", email: "not-an-email", refreshToken: "R" })
    },
    {
      name: "update phone failing the pattern (212-555-1234)",
      field: "phone",
      run: (a) => a.otp.updateUserPhone({ method: "sms", loginId: "x", phone: "212-555-1234", refreshToken: "R" })
    },
    {
      name: "update email without a refresh token",
      field: "refreshToken",
      run: (a) => a.otp.updateUserEmail({ loginId: "x", email: "a@b.co", refreshToken: "" })
    },
    {
      name: "stepup without a refresh token",
      field: "refreshToken",
      run: (a) => a.otp.signIn({ method: "email", loginId: "x", loginOptions: { stepup: true } })
    },
    {
      name: "mfa without a refresh token",
      field: "refreshToken",
      run: (a) => a.otp.signIn({ method: "sms", loginId: "x", loginOptions: { mfa: true }, refreshToken: "" })
    }
  ])

  it.effect("the refused code never appears in the error", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      const error = yield* Effect.flip(otp.updateUserEmail({ loginId: "x", email: "secret@@bad", refreshToken: "R" }))
      assert.notInclude(error.message, "secret@@bad")
    }).pipe(Effect.provide(layer(always(maskedEmail)))))

  it.effect("a sign-up user.phone such as 212-555-1234 passes", () =>
    Effect.gen(function*() {
      const { otp } = yield* flows
      yield* otp.signUp({ method: "email", loginId: "ada@example.com", user: { phone: "212-555-1234" } })
      assert.strictEqual((yield* sent).length, 1)
    }).pipe(Effect.provide(layer(scripted(() => json(maskedEmail))))))
})
