import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import { always, jwtResponse, layer, sentOne } from "./support/authFlows.js"

const clientLayer = (body: unknown) =>
  Layer.scoped(DescopeClient, Descope.make).pipe(Layer.provideMerge(layer(always(body))))

describe("DescopeClient authentication flows", () => {
  it.effect("exposes every flow", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      for (
        const key of [
          "otp",
          "magicLink",
          "enchantedLink",
          "oauth",
          "saml",
          "sso",
          "totp",
          "password",
          "webauthn",
          "notp"
        ] as const
      ) {
        assert.isObject(client[key], key)
      }
    }).pipe(Effect.provide(clientLayer({}))))

  it.effect("client.otp.signUpOrIn goes through the client's transport", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const result = yield* client.otp.signUpOrIn({ method: "email", loginId: "ada@example.com" })
      assert.deepStrictEqual(result, { maskedEmail: "a***@example.com" })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/auth/otp/signup-in/email",
        query: {},
        authorization: "Bearer P123",
        body: { loginId: "ada@example.com", loginOptions: {} }
      })
    }).pipe(Effect.provide(clientLayer({ maskedEmail: "a***@example.com" }))))

  it.effect("client.magicLink.verify validates with the client's SessionValidator", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      const info = yield* client.magicLink.verify("T")
      assert.strictEqual(info.session.userId, "U1")
      assert.strictEqual(info.session.projectId, "P123")
    }).pipe(Effect.provide(clientLayer(jwtResponse()))))
})
