/**
 * The flow runner and outbound connect against the emulator: the built-in
 * `sign-up-or-in` flow driven screen by screen with the code from the outbox
 * (a wrong code answers the screen again with an error; too many fail the
 * execution), and an outbound application connected by a signed-in user, whose
 * token the management API then fetches.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import { failure, follow, inProcess } from "./support/emulatorClient.js"

const P = "P2FlowOutbound00000000000000"
const K = "flow-outbound-management-key"

const provide = inProcess(P, K)

const code = failure

const lastCode = (loginId: string) =>
  Effect.flatMap(Emulator.Emulator, (e) => e.lastMessage(loginId, "otp")).pipe(
    Effect.map((m) => Option.getOrThrow(m).code ?? "")
  )

describe("emulator: the built-in sign-up-or-in flow", () => {
  it.effect("welcome → verify-code → completed with a session; a wrong code shows the screen again", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const started = yield* client.flow.start({ flowId: "sign-up-or-in" })
      assert.strictEqual(started.status, "waiting")
      assert.strictEqual(started.action, "screen")
      assert.strictEqual(started.stepId, "welcome")
      const executionId = started.executionId

      const invalid = yield* client.flow.next({
        executionId,
        stepId: "welcome",
        interactionId: "submit",
        input: { email: "nope" }
      })
      assert.strictEqual(invalid.stepId, "welcome")
      assert.strictEqual(invalid.error?.code, "E011004")

      const verify = yield* client.flow.next({
        executionId,
        stepId: "welcome",
        interactionId: "submit",
        input: { email: "flo@example.com" }
      })
      assert.strictEqual(verify.stepId, "verify-code")
      assert.strictEqual((verify.screen?.state as { maskedEmail?: string }).maskedEmail?.endsWith("@example.com"), true)
      const sent = yield* lastCode("flo@example.com")

      const wrong = yield* client.flow.next({
        executionId,
        stepId: "verify-code",
        interactionId: "submit",
        input: { code: sent === "000000" ? "111111" : "000000" }
      })
      assert.strictEqual(wrong.status, "waiting")
      assert.strictEqual(wrong.error?.code, "E061102")

      const done = yield* client.flow.next({
        executionId,
        stepId: "verify-code",
        interactionId: "submit",
        input: { code: sent }
      })
      assert.strictEqual(done.status, "completed")
      const session = yield* client.validateSession(done.authInfo?.sessionJwt ?? "")
      assert.deepStrictEqual(session.amr, ["email"])
      assert.strictEqual((yield* client.mgmt.user.load("flo@example.com")).email, "flo@example.com")

      // the execution is over
      const over = yield* Effect.flip(
        client.flow.next({ executionId, stepId: "verify-code", interactionId: "submit", input: { code: sent } })
      )
      assert.strictEqual(code(over), "400 E011003")
    })))

  it.effect("unknown flow, wrong step, unknown interaction; resend; too many wrong codes fail the execution", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      assert.strictEqual(code(yield* Effect.flip(client.flow.start({ flowId: "checkout" }))), "400 E011003")
      const { executionId } = yield* client.flow.start({ flowId: "sign-up-or-in" })
      const wrongStep = yield* Effect.flip(
        client.flow.next({ executionId, stepId: "verify-code", interactionId: "submit", input: { code: "1" } })
      )
      assert.strictEqual(code(wrongStep), "400 E011003")
      const wrongInteraction = yield* Effect.flip(
        client.flow.next({ executionId, stepId: "welcome", interactionId: "dance" })
      )
      assert.strictEqual(code(wrongInteraction), "400 E011003")
      yield* client.flow.next({
        executionId,
        stepId: "welcome",
        interactionId: "submit",
        input: { email: "r@example.com" }
      })
      const first = yield* lastCode("r@example.com")
      yield* client.flow.next({ executionId, stepId: "verify-code", interactionId: "resend" })
      const emulator = yield* Emulator.Emulator
      assert.strictEqual((yield* emulator.outbox({ loginId: "r@example.com", kind: "otp" })).length, 2)
      assert.notStrictEqual(yield* lastCode("r@example.com"), "")
      let last = yield* client.flow.next({
        executionId,
        stepId: "verify-code",
        interactionId: "submit",
        input: { code: first === "bad-code" ? "x" : "bad-code" }
      })
      for (let i = 0; i < 10 && last.status === "waiting"; i++) {
        last = yield* client.flow.next({
          executionId,
          stepId: "verify-code",
          interactionId: "submit",
          input: { code: "bad-code" }
        })
      }
      assert.strictEqual(last.status, "failed")
      assert.strictEqual(last.error?.code, "E061103")
    })))
})

describe("emulator: outbound connect", () => {
  it.effect("a signed-in user connects an application; the management API fetches the token", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const app = yield* client.mgmt.outboundApplication.createApplication({
        name: "CRM",
        defaultScopes: ["read"],
        clientSecret: "s3cret"
      })
      yield* client.mgmt.user.create({ loginId: "con@example.com", email: "con@example.com" })
      yield* client.mgmt.user.setActivePassword({ loginId: "con@example.com", password: "long enough pass" })
      const auth = yield* client.password.signIn({ loginId: "con@example.com", password: "long enough pass" })
      const refreshToken = auth.refreshToken ?? Redacted.make("")

      const { url } = yield* client.outbound.connect({
        appId: app.id,
        refreshToken,
        redirectUrl: "http://app/connected",
        scopes: ["read", "write"]
      })
      const res = yield* follow(url)
      assert.strictEqual(res.status, 302)
      assert.strictEqual(res.headers.location, `http://app/connected?appId=${app.id}`)
      const token = yield* client.mgmt.outboundApplication.fetchToken(app.id, auth.session.userId)
      assert.deepStrictEqual(token.scopes, ["read", "write"])
      // the state is spent
      const again = yield* follow(url)
      assert.strictEqual(again.status, 400)

      const unknown = yield* Effect.flip(client.outbound.connect({ appId: "nope", refreshToken }))
      assert.strictEqual(code(unknown), "404 E112103")
      const tenant = yield* Effect.flip(
        client.outbound.connect({ appId: app.id, refreshToken, tenantId: "acme", tenantLevel: true })
      )
      assert.strictEqual(code(tenant), "400 E011004")
      const anonymous = yield* Effect.flip(client.outbound.connect({ appId: app.id, refreshToken: "not-a-jwt" }))
      assert.strictEqual(code(anonymous), "401 E064002")
    })))
})
