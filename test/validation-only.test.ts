/**
 * `ValidationOnly.layer`: validateSession and the role / permission
 * checks with the project's public key and no HttpClient (the layer's type
 * requires nothing, and no request can be made), with the Node and the
 * WebCrypto verifiers; from the environment too.
 */
import { assert, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as TestClock from "effect/TestClock"
import * as Jwks from "../src/core/Jwks.js"
import * as ValidationOnly from "../src/layers/DescopeValidator.js"
import { DescopeValidator } from "../src/layers/DescopeValidator.js"

const PROJECT_ID = "P2ValidationOnly00000000001"

const keys = Jwks.makeTest(PROJECT_ID, { alg: "RS256", kid: "k1" })

for (const verifier of ["node", "webcrypto", "auto"] as const) {
  describe(`ValidationOnly.layer (verifier ${verifier})`, () => {
    it.effect("validates a session and answers the role and permission checks, with no HttpClient", () =>
      Effect.gen(function*() {
        const { publicJwk, mint } = yield* keys
        // the type says it: nothing is required, so no HttpClient can be reached
        const live: Layer.Layer<DescopeValidator, unknown, never> = ValidationOnly.layer({
          projectId: PROJECT_ID,
          publicKey: JSON.stringify({ keys: [publicJwk] }),
          verifier
        })
        const token = yield* mint({
          claims: { sub: "U1", roles: ["viewer"], permissions: ["reports.read"], tenants: { T1: { roles: ["admin"] } } }
        })
        const result = yield* Effect.gen(function*() {
          const validator = yield* DescopeValidator
          const session = yield* validator.validateSession(token)
          const forbidden = yield* Effect.flip(validator.requireTenantRoles(session, "T1", ["owner"]))
          yield* validator.requireTenantRoles(session, "T1", ["admin"])
          return {
            userId: session.userId,
            viewer: validator.validateRoles(session, ["viewer"]),
            admin: validator.validateRoles(session, ["admin"]),
            canRead: validator.validatePermissions(session, ["reports.read"]),
            tenantAdmin: validator.validateTenantRoles(session, "T1", ["admin"]),
            matched: validator.getMatchedTenantRoles(session, "T1", ["admin", "owner"]),
            forbidden: forbidden._tag,
            projectId: validator.config.projectId
          }
        }).pipe(Effect.provide(live))
        assert.deepStrictEqual(result, {
          userId: "U1",
          viewer: true,
          admin: false,
          canRead: true,
          tenantAdmin: true,
          matched: ["admin"],
          forbidden: "ForbiddenError",
          projectId: PROJECT_ID
        })
      }))

    it.effect("an expired, foreign or missing token is an InvalidSessionError with its reason", () =>
      Effect.gen(function*() {
        const { publicJwk, mint } = yield* keys
        const other = yield* Jwks.makeTest(PROJECT_ID, { alg: "RS256", kid: "k1" })
        const token = yield* mint({ expiresIn: "10 minutes" })
        const forged = yield* other.mint()
        const reasons = yield* Effect.gen(function*() {
          const validator = yield* DescopeValidator
          const missing = yield* Effect.flip(validator.validateSession(""))
          const badSignature = yield* Effect.flip(validator.validateSession(forged))
          yield* TestClock.adjust("11 minutes")
          const expired = yield* Effect.flip(validator.validateSession(token))
          return [missing, badSignature, expired].map((e) => e._tag === "InvalidSessionError" ? e.reason : e._tag)
        }).pipe(Effect.provide(ValidationOnly.layer({ projectId: PROJECT_ID, publicKey: publicJwk, verifier })))
        assert.deepStrictEqual(reasons, ["Missing", "BadSignature", "Expired"])
      }))
  })
}

describe("ValidationOnly.layerConfig", () => {
  it.effect("reads DESCOPE_PROJECT_ID and DESCOPE_PUBLIC_KEY", () =>
    Effect.gen(function*() {
      const { publicJwk, mint } = yield* keys
      const token = yield* mint({ claims: { sub: "U7" } })
      const env = ConfigProvider.fromMap(
        new Map([["DESCOPE_PROJECT_ID", PROJECT_ID], ["DESCOPE_PUBLIC_KEY", JSON.stringify(publicJwk)]])
      )
      const userId = yield* Effect.flatMap(DescopeValidator, (v) => v.validateSession(token)).pipe(
        Effect.map((session) => session.userId),
        Effect.provide(ValidationOnly.layerConfig()),
        Effect.withConfigProvider(env)
      )
      assert.strictEqual(userId, "U7")
    }))

  it.effect("without a public key, the layer fails with a ConfigError naming DESCOPE_PUBLIC_KEY", () =>
    Effect.gen(function*() {
      const env = ConfigProvider.fromMap(new Map([["DESCOPE_PROJECT_ID", PROJECT_ID]]))
      const exit = yield* Effect.exit(
        Layer.build(ValidationOnly.layerConfig()).pipe(Effect.scoped, Effect.withConfigProvider(env))
      )
      assert.isTrue(Exit.isFailure(exit))
      assert.match(String(Exit.isFailure(exit) ? exit.cause : ""), /DESCOPE_PUBLIC_KEY/)
    }))

  it.effect("an unusable public key fails the layer with a ConfigError", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(
        Layer.build(ValidationOnly.layer({ projectId: PROJECT_ID, publicKey: "{\"kty\":\"RSA\"}" })).pipe(
          Effect.scoped
        )
      )
      assert.isTrue(Exit.isFailure(exit))
    }))
})
