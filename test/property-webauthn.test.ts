/**
 * Properties of the WebAuthn checks, with the virtual authenticator as the
 * source of valid answers: any byte changed in a signed assertion (its
 * authenticator data, client data or signature) never verifies, and random
 * bytes never make the CBOR decoder throw.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import * as Crypto from "node:crypto"
import * as VirtualAuthenticator from "../src/emulator/VirtualAuthenticator.js"
import * as Ceremony from "../src/emulator/WebAuthnCeremony.js"
import * as Cbor from "../src/internal/cbor.js"

const ORIGIN = "https://app.example.com"
const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64url")

const fixture = (algorithm: VirtualAuthenticator.Algorithm) =>
  Effect.gen(function*() {
    const authenticator = VirtualAuthenticator.make({ origin: ORIGIN, algorithm })
    const challenge = b64(Crypto.randomBytes(32))
    const expected = { challenge, origin: ORIGIN, rpId: "app.example.com", userVerification: false }
    const creation = JSON.stringify({
      publicKey: {
        rp: { id: "app.example.com" },
        user: { id: b64(Crypto.randomBytes(16)) },
        challenge,
        pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -257 }]
      }
    })
    const registered = Ceremony.verifyRegistration(yield* authenticator.create(creation), expected)
    assert.isTrue(Either.isRight(registered))
    const credential = Either.getOrThrow(registered)
    const assertion = yield* authenticator.get(JSON.stringify({ publicKey: { challenge, rpId: "app.example.com" } }))
    const stored = { publicKey: credential.publicKey, signCount: 0 }
    assert.isTrue(Either.isRight(Ceremony.verifyAssertion(assertion, expected, () => stored)))
    return { assertion, expected, stored }
  })

describe("WebAuthn checks (property)", () => {
  for (const algorithm of ["ES256", "RS256"] as const) {
    it.effect(`${algorithm}: a changed byte of a signed assertion never verifies`, () =>
      Effect.gen(function*() {
        const { assertion, expected, stored } = yield* fixture(algorithm)
        const parsed = JSON.parse(assertion)
        const fields = ["authenticatorData", "clientDataJSON", "signature"] as const
        fc.assert(
          fc.property(fc.constantFrom(...fields), fc.nat(), fc.integer({ min: 1, max: 255 }), (field, at, xor) => {
            const bytes = Buffer.from(parsed.response[field], "base64url")
            const i = at % bytes.length
            bytes[i] = bytes[i]! ^ xor
            const mutated = JSON.stringify({ ...parsed, response: { ...parsed.response, [field]: b64(bytes) } })
            const result = Ceremony.verifyAssertion(mutated, expected, () => stored)
            return Either.isLeft(result) && result.left.status >= 400 && result.left.status < 500
          }),
          { numRuns: 200, seed: 7 }
        )
      }))
  }

  it("random bytes never make the CBOR decoder throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const r = Cbor.decode(bytes)
        return Cbor.isRefusal(r) ? r.reason.length > 0 : true
      }),
      { numRuns: 2000, seed: 11 }
    )
  })
})
