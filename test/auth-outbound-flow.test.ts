// Outbound OAuth connect and the flow runner: the recorded wire of each call (node-sdk / core-js bodies),
// the credential each sends, and bad input refused unsent.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { always, badInput, flows, jwtResponse, layer, sentOne } from "./support/authFlows.js"

const step = { executionId: "E1", stepId: "S1", stepName: "Welcome", status: "waiting", action: "screen" }

describe("outbound.connect", () => {
  it.effect("the app, the tenant and the options; sent with the refresh token; the provider's URL answered", () =>
    Effect.gen(function*() {
      const { outbound } = yield* flows
      const answer = yield* outbound.connect({
        appId: "google-drive",
        refreshToken: "REFRESH-JWT",
        redirectUrl: "https://app.example.com/connected",
        scopes: ["drive.readonly"],
        tenantId: "T1"
      })
      assert.deepStrictEqual(answer, { url: "https://accounts.example.com/o/oauth2" })
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/outbound/oauth/connect",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: {
          appId: "google-drive",
          tenantId: "T1",
          options: { redirectUrl: "https://app.example.com/connected", scopes: ["drive.readonly"] }
        }
      })
    }).pipe(Effect.provide(layer(always({ url: "https://accounts.example.com/o/oauth2" })))))
})

describe("flow", () => {
  it.effect("start: the flow id and its options; the first step answered", () =>
    Effect.gen(function*() {
      const { flow } = yield* flows
      const first = yield* flow.start({ flowId: "sign-up-or-in", options: { redirectUrl: "https://app.example.com" } })
      assert.strictEqual(first.executionId, "E1")
      assert.strictEqual(first.action, "screen")
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/flow/start",
        query: {},
        authorization: "Bearer P123",
        body: { flowId: "sign-up-or-in", options: { redirectUrl: "https://app.example.com" } }
      })
    }).pipe(Effect.provide(layer(always(step)))))

  it.effect("next: the step, the interaction and the input; a completed flow's session tokens are Redacted", () =>
    Effect.gen(function*() {
      const { flow } = yield* flows
      const done = yield* flow.next({
        executionId: "E1",
        stepId: "S1",
        interactionId: "submit",
        input: { email: "ada@example.com" },
        refreshToken: "REFRESH-JWT"
      })
      assert.strictEqual(done.status, "completed")
      const session = done.authInfo?.sessionJwt
      assert.isTrue(session !== undefined && session !== null && Redacted.isRedacted(session))
      assert.notInclude(JSON.stringify(done), String(jwtResponse().sessionJwt))
      assert.deepStrictEqual(yield* sentOne, {
        method: "POST",
        path: "/v1/flow/next",
        query: {},
        authorization: "Bearer P123:REFRESH-JWT",
        body: { executionId: "E1", stepId: "S1", interactionId: "submit", input: { email: "ada@example.com" } }
      })
    }).pipe(Effect.provide(layer(always({ ...step, status: "completed", action: "none", authInfo: jwtResponse() })))))

  badInput(step, [
    { name: "connect empty appId", field: "appId", run: (a) => a.outbound.connect({ appId: "", refreshToken: "R" }) },
    {
      name: "connect without a refresh token",
      field: "refreshToken",
      run: (a) => a.outbound.connect({ appId: "app", refreshToken: "" })
    },
    { name: "flow start empty flowId", field: "flowId", run: (a) => a.flow.start({ flowId: "" }) },
    {
      name: "flow next empty interactionId",
      field: "interactionId",
      run: (a) => a.flow.next({ executionId: "E1", stepId: "S1", interactionId: "" })
    }
  ])
})
