import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { json } from "../src/layers/MockHttpClient.js"
import { always, badInput, flows, jwtResponse, layer, sentOne } from "./support/authFlows.js"

const totpAnswer = {
  provisioningURL: "otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP&issuer=Acme",
  image: "iVBORw0KGgo=",
  key: "JBSWY3DPEHPK3PXP"
}

describe("totp", () => {
  it.effect("signUp answers the provisioning data, secrets redacted", () =>
    Effect.gen(function*() {
      const { totp } = yield* flows
      const result = yield* totp.signUp({ loginId: "ada@example.com", user: { name: "Ada" } })
      assert.strictEqual(result.image, "iVBORw0KGgo=")
      assert.strictEqual(Redacted.value(result.key), "JBSWY3DPEHPK3PXP")
      assert.strictEqual(
        Redacted.value(result.provisioningURL),
        "otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP&issuer=Acme"
      )
      assert.notInclude(JSON.stringify(result), "JBSWY3DPEHPK3PXP")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/totp/signup",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "ada@example.com", user: { name: "Ada" } }
      })
    }).pipe(Effect.provide(layer(always(totpAnswer)))))

  it.effect("signInCode without login options", () =>
    Effect.gen(function*() {
      const { totp } = yield* flows
      const info = yield* totp.signInCode({ loginId: "ada@example.com", code: Redacted.make("654321") })
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/totp/verify",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "ada@example.com", code: "654321" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("signInCode with mfa carries the refresh token", () =>
    Effect.gen(function*() {
      const { totp } = yield* flows
      yield* totp.signInCode({
        loginId: "ada@example.com",
        code: "654321",
        loginOptions: { mfa: true },
        refreshToken: "REFRESH-JWT"
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/totp/verify",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: { loginId: "ada@example.com", code: "654321", loginOptions: { mfa: true } }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("updateUser", () =>
    Effect.gen(function*() {
      const { totp } = yield* flows
      const result = yield* totp.updateUser({ loginId: "ada@example.com", refreshToken: "REFRESH-JWT" })
      assert.strictEqual(Redacted.value(result.key), "JBSWY3DPEHPK3PXP")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/totp/update",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: { loginId: "ada@example.com" }
      })
    }).pipe(Effect.provide(layer(always(totpAnswer)))))

  badInput({}, [
    { name: "signUp empty loginId", field: "loginId", run: (a) => a.totp.signUp({ loginId: "" }) },
    { name: "signInCode empty code", field: "code", run: (a) => a.totp.signInCode({ loginId: "x", code: "" }) },
    {
      name: "signInCode stepup without refresh token",
      field: "refreshToken",
      run: (a) => a.totp.signInCode({ loginId: "x", code: "1", loginOptions: { stepup: true } })
    },
    {
      name: "updateUser without refresh token",
      field: "refreshToken",
      run: (a) => a.totp.updateUser({ loginId: "x", refreshToken: "" })
    }
  ])
})

describe("password", () => {
  it.effect("signUp", () =>
    Effect.gen(function*() {
      const { password } = yield* flows
      const info = yield* password.signUp({
        loginId: "ada@example.com",
        password: Redacted.make("s3cret!Pass"),
        user: { name: "Ada", phone: "212-555-1234" },
        loginOptions: { customClaims: { plan: "pro" } },
        providerId: "p"
      })
      assert.strictEqual(info.firstSeen, true)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/password/signup",
        query: {},
        authorization: "Bearer P123",
        body: {
          loginId: "ada@example.com",
          password: "s3cret!Pass",
          user: { name: "Ada", phone: "212-555-1234" },
          loginOptions: { customClaims: { plan: "pro" } },
          providerId: "p"
        }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("signIn", () =>
    Effect.gen(function*() {
      const { password } = yield* flows
      const info = yield* password.signIn({ loginId: "ada@example.com", password: "s3cret!Pass" })
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/password/signin",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "ada@example.com", password: "s3cret!Pass", loginOptions: {} }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("signIn with an expired password is AuthError E062909", () =>
    Effect.gen(function*() {
      const { password } = yield* flows
      const error = yield* Effect.flip(password.signIn({ loginId: "ada@example.com", password: "old" }))
      assert.isTrue(error._tag === "AuthError" && error.isPasswordExpired)
      assert.notInclude(error.message, "old")
    }).pipe(Effect.provide(layer(() => json({ errorCode: "E062909" }, { status: 400 })))))

  it.effect("sendReset (enchanted link method)", () =>
    Effect.gen(function*() {
      const { password } = yield* flows
      const result = yield* password.sendReset({
        loginId: "ada@example.com",
        redirectUrl: "https://app.example.com/reset",
        templateOptions: { a: "b" }
      })
      const { pendingRef, ...rest } = result
      assert.deepStrictEqual(rest, { resetMethod: "enchantedlink", linkId: "7", maskedEmail: "a***@example.com" })
      // the pending reference is Redacted from the wire on
      assert.isTrue(pendingRef !== undefined && Redacted.isRedacted(pendingRef) && Redacted.value(pendingRef) === "PR")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/password/reset",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "ada@example.com", redirectUrl: "https://app.example.com/reset", templateOptions: { a: "b" } }
      })
    }).pipe(Effect.provide(layer(always({
      resetMethod: "enchantedlink",
      pendingRef: "PR",
      linkId: "7",
      maskedEmail: "a***@example.com"
    })))))

  it.effect("sendReset (magic link method, no pendingRef)", () =>
    Effect.gen(function*() {
      const { password } = yield* flows
      const result = yield* password.sendReset({ loginId: "ada@example.com" })
      assert.deepStrictEqual(result, { resetMethod: "magiclink", maskedEmail: "a***@example.com" })
      assert.deepStrictEqual((yield* sentOne).body, { loginId: "ada@example.com" })
    }).pipe(Effect.provide(layer(always({ resetMethod: "magiclink", maskedEmail: "a***@example.com" })))))

  it.effect("update", () =>
    Effect.gen(function*() {
      const { password } = yield* flows
      const result = yield* password.update({
        loginId: "ada@example.com",
        newPassword: "n3w!Pass",
        refreshToken: Redacted.make("REFRESH-JWT")
      })
      assert.isUndefined(result)
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/password/update",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: { loginId: "ada@example.com", newPassword: "n3w!Pass" }
      })
    }).pipe(Effect.provide(layer(always({})))))

  it.effect("replace", () =>
    Effect.gen(function*() {
      const { password } = yield* flows
      const info = yield* password.replace({
        loginId: "ada@example.com",
        oldPassword: "old!Pass1",
        newPassword: "n3w!Pass"
      })
      assert.strictEqual(info.session.userId, "U1")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/password/replace",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "ada@example.com", oldPassword: "old!Pass1", newPassword: "n3w!Pass" }
      })
    }).pipe(Effect.provide(layer(always(jwtResponse())))))

  it.effect("getPolicy", () =>
    Effect.gen(function*() {
      const { password } = yield* flows
      const policy = yield* password.getPolicy()
      assert.deepStrictEqual(policy, {
        minLength: 8,
        lowercase: true,
        uppercase: true,
        number: true,
        nonAlphanumeric: false
      })
      assert.deepStrictEqual(yield* sentOne, {
        method: "GET",
        path: "/v1/auth/password/policy",
        query: {},
        authorization: "Bearer P123",
        body: undefined
      })
    }).pipe(Effect.provide(layer(always({
      minLength: 8,
      lowercase: true,
      uppercase: true,
      number: true,
      nonAlphanumeric: false,
      extra: "ignored"
    })))))

  badInput({}, [
    {
      name: "signUp empty loginId",
      field: "loginId",
      run: (a) => a.password.signUp({ loginId: "", password: "x" })
    },
    {
      name: "signUp empty password",
      field: "password",
      run: (a) => a.password.signUp({ loginId: "x", password: "" })
    },
    {
      name: "signIn empty password",
      field: "password",
      run: (a) => a.password.signIn({ loginId: "x", password: Redacted.make("") })
    },
    { name: "sendReset empty loginId", field: "loginId", run: (a) => a.password.sendReset({ loginId: "" }) },
    {
      name: "update empty newPassword",
      field: "newPassword",
      run: (a) => a.password.update({ loginId: "x", newPassword: "", refreshToken: "R" })
    },
    {
      name: "update without refresh token",
      field: "refreshToken",
      run: (a) => a.password.update({ loginId: "x", newPassword: "n", refreshToken: "" })
    },
    {
      name: "replace empty oldPassword",
      field: "oldPassword",
      run: (a) => a.password.replace({ loginId: "x", oldPassword: "", newPassword: "n" })
    }
  ])
})
