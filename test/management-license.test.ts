// mgmt.license.get: its own request, no license handshake before it (every other management call is
// preceded by the handshake, which runRow checks in every recorded-wire row), the tier it answers, and a
// refused key surfaced (the handshake would swallow it). Its recorded-wire rows that once lived here (the
// fields and forms of the official SDKs' tests) are in the per-area tables of test/support/wire-rows.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { AUTHORIZATION, withMgmt } from "./support/management.js"

describe("mgmt.license.get", () => {
  it.effect("asks Descope now (no handshake before it) and answers the tier", () =>
    withMgmt(() => MockHttpClient.json({ rateLimitTier: "enterprise" }), (mgmt, recorder) =>
      Effect.gen(function*() {
        assert.deepStrictEqual(yield* mgmt.license.get(), { rateLimitTier: "enterprise" })
        const requests = yield* recorder.requests
        assert.strictEqual(requests.length, 1)
        assert.strictEqual(requests[0]?.method, "GET")
        assert.strictEqual(requests[0]?.path, "/v1/mgmt/license")
        assert.deepStrictEqual(requests[0]?.query, {})
        assert.strictEqual(requests[0]?.headers["authorization"], AUTHORIZATION)
        assert.strictEqual(requests[0]?.bodyText, undefined)
      })))

  it.effect("surfaces a refused key (the handshake would swallow it)", () =>
    withMgmt(
      () => MockHttpClient.json({ errorCode: "E011003", errorDescription: "Unauthorized" }, { status: 401 }),
      (mgmt) =>
        Effect.gen(function*() {
          const error = yield* Effect.flip(mgmt.license.get())
          assert.strictEqual(error._tag, "AuthError")
        })
    ))
})
