/**
 * The emulator reads a request only through what its schema decodes: the
 * spellings the catalogue accepts (python-sdk's top-level `emailVerified` /
 * `ssoAppId` of a management sign-up, `ssoAppIDs`, node-sdk's
 * `additionalIdentifiers`) still land on the user, an import's users are
 * decoded one by one (`null` is absent, a refused field fails that user
 * alone), and an emulator-only control refuses a body that does not fit with
 * the Descope-shaped 400 naming the field.
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { inProcess, viaEmulator } from "./support/emulatorClient.js"

const P = "P2DecodedRequests00000000000"
const K = "decoded-requests-management-key"

const provide = inProcess(P, K)

interface Answer {
  readonly status: number
  readonly body: Record<string, unknown>
}

/** A JSON request to the emulator in process, with the management key. */
const send = (method: "POST" | "PATCH" | "GET", path: string, body?: unknown) =>
  viaEmulator((client) => {
    const base = HttpClientRequest.make(method)(`http://emulator.local${path}`).pipe(
      HttpClientRequest.bearerToken(`${P}:${K}`)
    )
    return client.execute(body === undefined ? base : HttpClientRequest.bodyUnsafeJson(base, body)).pipe(
      Effect.flatMap((res) =>
        Effect.map(res.json, (json): Answer => ({ status: res.status, body: json as Record<string, unknown> }))
      )
    )
  }).pipe(Effect.scoped, Effect.orDie)

const userOf = (loginId: string) =>
  Effect.map(
    send("GET", `/v1/mgmt/user?loginId=${encodeURIComponent(loginId)}`),
    (a) => a.body.user as Record<string, unknown>
  )

describe("emulator: requests are read through their decoded values", () => {
  it.effect("management sign-up: python-sdk's top-level emailVerified and single ssoAppId", () =>
    provide(Effect.gen(function*() {
      const signedUp = yield* send("POST", "/v1/mgmt/auth/signup", {
        loginId: "py@example.com",
        user: { name: "Py", verifiedPhone: true },
        emailVerified: true,
        ssoAppId: "app-1"
      })
      assert.strictEqual(signedUp.status, 200)
      const user = yield* userOf("py@example.com")
      assert.strictEqual(user.name, "Py")
      assert.strictEqual(user.email, "py@example.com")
      assert.strictEqual(user.verifiedEmail, true)
      assert.strictEqual(user.verifiedPhone, true)
      assert.deepStrictEqual(user.ssoAppIds, ["app-1"])
    })))

  it.effect("create and patch: ssoAppIDs and additionalIdentifiers stand for the absent canonical fields", () =>
    provide(Effect.gen(function*() {
      const created = yield* send("POST", "/v1/mgmt/user/create", {
        loginId: "ada",
        displayName: "Ada",
        ssoAppIDs: ["app-a"],
        userTenants: [{ tenantId: "" }],
        customAttributes: { team: "x" },
        status: "enabled"
      })
      assert.strictEqual(created.status, 200)
      const patched = yield* send("PATCH", "/v1/mgmt/user/patch", {
        loginId: "ada",
        additionalIdentifiers: ["ada-2"],
        customAttributes: { level: 3 },
        email: null
      })
      assert.strictEqual(patched.status, 200)
      const user = yield* userOf("ada-2")
      assert.strictEqual(user.name, "Ada")
      assert.strictEqual(user.status, "enabled")
      assert.deepStrictEqual(user.ssoAppIds, ["app-a"])
      assert.deepStrictEqual(user.loginIds, ["ada", "ada-2"])
      assert.deepStrictEqual(user.userTenants, [])
      assert.deepStrictEqual(user.customAttributes, { team: "x", level: 3 })
    })))

  it.effect("import: each user decoded alone; the import's other spellings; null is absent", () =>
    provide(Effect.gen(function*() {
      const users = JSON.stringify([
        { email: "imp1@example.com", name: "Imp One", roles: ["reader"], emailVerified: true, username: null },
        { loginId: "imp2", displayName: "Imp Two", phoneVerified: "true", ssoAppId: "app-2", phone: null },
        { loginId: "imp3", verifiedEmail: "yes" }
      ])
      const answer = yield* send("POST", "/v1/mgmt/user/import", { source: "custom", users })
      assert.strictEqual(answer.status, 200)
      assert.deepStrictEqual((answer.body.users as Array<{ loginIds: Array<string> }>).map((u) => u.loginIds[0]), [
        "imp1@example.com",
        "imp2"
      ])
      const failures = answer.body.failures as Array<{ user: string; reason: string }>
      assert.strictEqual(failures.length, 1)
      assert.match(failures[0]!.reason, /verifiedEmail/)

      const one = yield* userOf("imp1@example.com")
      assert.strictEqual(one.name, "Imp One")
      assert.deepStrictEqual(one.roleNames, ["reader"])
      assert.strictEqual(one.verifiedEmail, true)
      const two = yield* userOf("imp2")
      assert.strictEqual(two.name, "Imp Two")
      assert.strictEqual(two.verifiedPhone, true)
      assert.deepStrictEqual(two.ssoAppIds, ["app-2"])
    })))

  it.effect("controls: a body that does not fit is a 400 naming the field", () =>
    provide(Effect.gen(function*() {
      const badFault = yield* send("POST", "/emulator/faults", { path: "/v1/auth/**", times: "twice" })
      assert.strictEqual(badFault.status, 400)
      assert.strictEqual(badFault.body.errorCode, "E011004")
      assert.match(String(badFault.body.errorMessage), /times/)

      const noDisplay = yield* send("POST", "/emulator/groups", { tenantId: "t1" })
      assert.strictEqual(noDisplay.status, 400)
      assert.strictEqual(noDisplay.body.errorMessage, "Missing argument: display")

      const emptyEmail = yield* send("POST", "/emulator/identities/oauth", { email: "" })
      assert.strictEqual(emptyEmail.status, 400)
      assert.strictEqual(emptyEmail.body.errorMessage, "Missing argument: email")

      const advanced = yield* send("POST", "/emulator/time/advance", { seconds: "2" })
      assert.strictEqual(advanced.status, 200)
    })))
})
