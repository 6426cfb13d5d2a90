/**
 * `HttpErrors` (descope-effect/server): the client's errors answered by an
 * `HttpApi` with their status, Descope-style body and headers. Descope is the
 * recording mock; each test sets what it answers.
 */
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpServer from "@effect/platform/HttpServer"
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { InvalidArgumentError, RateLimitError } from "../src/core/DescopeError.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import * as HttpErrors from "../src/server/HttpErrors.js"
import { bodyOf, DescopeTooManyRequests, statusOf } from "../src/server/ServerError.js"

const Email = Schema.Struct({ email: Schema.String })

class Api extends HttpApi.make("test").add(
  HttpApiGroup.make("auth")
    .add(
      HttpApiEndpoint.post("start", "/start").setPayload(Email).addSuccess(Schema.String).addError(
        HttpErrors.StartFailure
      )
    )
    .add(
      HttpApiEndpoint.post("verify", "/verify")
        .setPayload(Schema.Struct({ email: Schema.String, code: Schema.String }))
        .addSuccess(Schema.String)
        .addError(HttpErrors.SignInFailure)
    )
    .add(
      HttpApiEndpoint.post("refresh", "/refresh")
        .setPayload(Schema.Struct({ refreshToken: Schema.String }))
        .addSuccess(Schema.String)
        .addError(HttpErrors.RefreshFailure)
    )
) {}

const AuthLive = HttpApiBuilder.group(Api, "auth", (handlers) =>
  handlers
    .handle("start", ({ payload }) =>
      Effect.flatMap(DescopeClient, (client) =>
        client.otp.signUpOrIn({ method: "email", loginId: payload.email })).pipe(
          Effect.map(({ maskedEmail }) =>
            maskedEmail
          ),
          HttpErrors.mapStartError
        ))
    .handle("verify", ({ payload }) =>
      Effect.flatMap(
        DescopeClient,
        (client) => client.otp.verifyCode({ method: "email", loginId: payload.email, code: payload.code })
      ).pipe(Effect.map((info) => info.session.userId), HttpErrors.mapSignInError))
    .handle("refresh", ({ payload }) =>
      Effect.flatMap(DescopeClient, (client) =>
        client.refreshSession(payload.refreshToken)).pipe(
          Effect.map((info) =>
            info.session.userId
          ),
          HttpErrors.mapRefreshError
        )))

/** The app over a mock Descope that answers every request with `answer`. */
const serve = (answer: () => Response) =>
  Effect.gen(function*() {
    const DescopeTest = Descope.layerTest(
      { projectId: "P2HttpErrors000000000000001", baseUrl: "https://api.descope.test" },
      () => answer()
    )
    const web = HttpApiBuilder.toWebHandler(
      Layer.mergeAll(
        HttpApiBuilder.api(Api).pipe(Layer.provide(AuthLive), Layer.provide(DescopeTest)),
        HttpServer.layerContext
      )
    )
    yield* Effect.addFinalizer(() => Effect.promise(() => web.dispose()))
    return (path: string, body: unknown) =>
      Effect.promise(async () => {
        const response = await web.handler(
          new Request(`http://app.test${path}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body)
          })
        )
        return { status: response.status, headers: response.headers, body: (await response.json()) as unknown }
      })
  })

const descopeError = (
  status: number,
  errorCode: string,
  errorDescription: string,
  headers: Record<string, string> = {}
) => MockHttpClient.json({ errorCode, errorDescription, errorMessage: errorDescription }, { status, headers })

describe("HttpErrors", () => {
  it.scopedLive("a wrong OTP code answers 401 with Descope's error code, not 500", () =>
    Effect.gen(function*() {
      const send = yield* serve(() => descopeError(401, "E061102", "Wrong code"))
      const response = yield* send("/verify", { email: "ada@example.com", code: "000000" })
      assert.strictEqual(response.status, 401)
      assert.deepStrictEqual(response.body, {
        _tag: "DescopeUnauthorized",
        errorCode: "E061102",
        errorDescription: "Wrong code",
        errorMessage: "Wrong code"
      })
      assert.isNull(response.headers.get("www-authenticate"))
    }))

  it.scopedLive("bad input answers 400 naming the field, and nothing is sent to Descope", () =>
    Effect.gen(function*() {
      let calls = 0
      const send = yield* serve(() => {
        calls++
        return MockHttpClient.json({})
      })
      const response = yield* send("/verify", { email: "", code: "123456" })
      assert.strictEqual(response.status, 400)
      const body = response.body as { readonly _tag: string; readonly errorCode: string; readonly errorMessage: string }
      assert.strictEqual(body._tag, "DescopeBadRequest")
      assert.strictEqual(body.errorCode, "C010001")
      assert.match(body.errorMessage, /loginId/)
      assert.strictEqual(calls, 0)
    }))

  it.scopedLive("a rate limit answers 429 with Retry-After, rounded up to whole seconds", () =>
    Effect.gen(function*() {
      const send = yield* serve(() => descopeError(429, "E130429", "Rate limit", { "retry-after": "6.2" }))
      for (
        const [path, body] of [
          ["/start", { email: "ada@example.com" }],
          ["/verify", { email: "ada@example.com", code: "123456" }]
        ] as const
      ) {
        const response = yield* send(path, body)
        assert.strictEqual(response.status, 429, path)
        assert.strictEqual(response.headers.get("retry-after"), "7", path)
        const answer = response.body as {
          readonly _tag: string
          readonly retryAfter: number
          readonly errorCode: string
        }
        assert.deepStrictEqual([answer._tag, answer.retryAfter, answer.errorCode], [
          "DescopeTooManyRequests",
          7,
          "E130429"
        ])
      }
    }))

  it.scopedLive("Descope unreachable or failing answers 503", () =>
    Effect.gen(function*() {
      const send = yield* serve(() => descopeError(500, "E000000", "boom"))
      const response = yield* send("/start", { email: "ada@example.com" })
      assert.strictEqual(response.status, 503)
      assert.strictEqual((response.body as { readonly _tag: string })._tag, "DescopeUnavailable")
    }))

  it.scopedLive("a refused sign-in start answers 400 with Descope's code; a refused refresh 401", () =>
    Effect.gen(function*() {
      const send = yield* serve(() => descopeError(400, "E062108", "User not found"))
      const start = yield* send("/start", { email: "nobody@example.com" })
      assert.strictEqual(start.status, 400)
      assert.deepStrictEqual(start.body, {
        _tag: "DescopeBadRequest",
        errorCode: "E062108",
        errorDescription: "User not found",
        errorMessage: "User not found"
      })
      const refresh = yield* send("/refresh", { refreshToken: "not-a-jwt" })
      assert.strictEqual(refresh.status, 401)
      assert.strictEqual((refresh.body as { readonly _tag: string })._tag, "DescopeUnauthorized")
    }))

  it("a rate-limited refresh is 429 too; an invalid refresh token 401", () => {
    const limited = HttpErrors.fromRefreshError(new RateLimitError({ retryAfter: Duration.millis(1500) }))
    assert.deepStrictEqual([limited._tag, statusOf(limited)], ["DescopeTooManyRequests", 429])
    assert.strictEqual(limited._tag === "DescopeTooManyRequests" ? limited.retryAfter : 0, 2)
    const missing = HttpErrors.fromRefreshError(new InvalidArgumentError({ field: "refreshToken", reason: "empty" }))
    assert.deepStrictEqual([missing._tag, statusOf(missing), missing.errorCode], [
      "DescopeUnauthorized",
      401,
      "C030003"
    ])
  })

  it("statusOf and bodyOf cover the new answers", () => {
    const error = new DescopeTooManyRequests({ errorCode: "E130429", retryAfter: 3 })
    assert.strictEqual(statusOf(error), 429)
    assert.deepStrictEqual(bodyOf(error), { _tag: "DescopeTooManyRequests", errorCode: "E130429", retryAfter: 3 })
  })
})
