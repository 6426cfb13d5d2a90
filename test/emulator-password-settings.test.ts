// Password settings against the emulator: Descope's `nonAlphanumeric` (python-sdk, go-sdk) and
// node-sdk's `nonAlphaNumeric` both set the rule, the project's settings reach the authentication
// policy, and a tenant's settings fall back to the project's.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Emulator from "../src/emulator/index.js"
import { request } from "./support/emulator.js"

const P = "P2PasswordSettings0000000000"
const K = "password-settings-key"

describe("password settings in the emulator", () => {
  it.scoped("either spelling sets the non-alphanumeric rule, answered as nonAlphanumeric and enforced by the policy", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make({ projectId: P, managementKey: K })
      const policy = () => request(emulator, "GET", "/v1/auth/password/policy")
      assert.include((yield* policy()).body as object, { nonAlphanumeric: false })

      // python-sdk / go-sdk spelling
      const set = yield* request(emulator, "POST", "/v1/mgmt/password/settings", {
        body: { tenantId: "", nonAlphanumeric: true, minLength: "10" },
        managementKey: K
      })
      assert.strictEqual(set.status, 200)
      assert.include((yield* policy()).body as object, { nonAlphanumeric: true, minLength: 10 })
      const project = yield* request(emulator, "GET", "/v1/mgmt/password/settings?tenantId=", { managementKey: K })
      assert.include(project.body as object, { nonAlphanumeric: true, minLength: 10 })
      assert.notProperty(project.body as object, "nonAlphaNumeric")

      // node-sdk spelling, on a tenant: the tenant's own settings over the project's
      yield* request(emulator, "POST", "/v1/mgmt/password/settings", {
        body: { tenantId: "T1", nonAlphaNumeric: false },
        managementKey: K
      })
      const tenant = yield* request(emulator, "GET", "/v1/mgmt/password/settings?tenantId=T1", { managementKey: K })
      assert.include(tenant.body as object, { nonAlphanumeric: false, minLength: 10 })
      assert.include((yield* policy()).body as object, { nonAlphanumeric: true })
    }))
})
