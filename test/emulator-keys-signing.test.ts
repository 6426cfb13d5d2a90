// The emulator signs its tokens synchronously with node:crypto (no thread-pool hop per token); jose,
// the independent oracle, must read every one as it reads a token of its own `SignJWT`: the same
// protected header, the same claims, a valid signature for the published key, for both algorithms.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Jose from "jose"
import * as EmulatorKeys from "../src/emulator/EmulatorKeys.js"

const claims = {
  sub: "U1",
  iss: "P1",
  drn: "DS",
  amr: ["otp"],
  tenants: { T1: { roles: ["admin"] } },
  name: "Zoë \u2603 \"quoted\"",
  iat: 1_700_000_000,
  exp: 1_700_000_600
}

describe("emulator signing", () => {
  for (const alg of ["ES384", "RS256"] as const) {
    it.effect(`${alg}: jose verifies the token with the published key and reads the same header and claims`, () =>
      Effect.gen(function*() {
        const key = yield* EmulatorKeys.generate(alg, 0)
        const token = yield* EmulatorKeys.sign(key, claims)
        const published = yield* Effect.promise(() => Jose.importJWK(key.publicJwk, alg))
        const verified = yield* Effect.promise(() =>
          Jose.jwtVerify(token, published, { algorithms: [alg], currentDate: new Date(1_700_000_100_000) })
        )
        assert.deepStrictEqual(verified.protectedHeader, { alg, kid: key.kid, typ: "JWT" })
        assert.deepStrictEqual(verified.payload, claims)
        // the emulator's own verification reads it too, and refuses it once a byte of the claims changes
        const payload = yield* EmulatorKeys.verify([key], token, 1_700_000_100_000)
        assert.strictEqual(payload.sub, "U1")
        const [header, body, signature] = token.split(".")
        const altered = Buffer.from(JSON.stringify({ ...claims, sub: "U2" })).toString("base64url")
        const refused = yield* Effect.flip(
          EmulatorKeys.verify([key], `${header}.${altered}.${signature}`, 1_700_000_100_000)
        )
        assert.strictEqual(refused._tag, "WireError")
        assert.notStrictEqual(altered, body)
      }))
  }
})
