// The recorded-wire rows of client.outbound and client.flow (run by test/auth-wire.test.ts, checked complete against
// the wire catalogue by test/wire-rows-complete.test.ts): core-js-sdk's bodies (outbound connect's tenant beside the
// app, the rest in `options`; the flow's fields by their names), a completed flow's session tokens Redacted.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import { is, JWT_RESPONSE, URL_ANSWER } from "./auth-common.js"

export const outboundRows: ReadonlyArray<AuthRow> = [
  {
    name: "outbound.connect with the tenant, tenant level and every option: the refresh token",
    run: (c) =>
      c.outbound.connect({
        appId: "google-drive",
        refreshToken: Redacted.make(REFRESH),
        redirectUrl: "https://app.example.com/connected",
        scopes: ["drive.readonly", "drive.file"],
        externalIdentifier: "ext-1",
        tenantId: "T1",
        tenantLevel: true
      }),
    method: "POST",
    path: "/v1/outbound/oauth/connect",
    authorization: BEARER_REFRESH,
    body: {
      appId: "google-drive",
      tenantId: "T1",
      tenantLevel: true,
      options: {
        redirectUrl: "https://app.example.com/connected",
        scopes: ["drive.readonly", "drive.file"],
        externalIdentifier: "ext-1"
      }
    },
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "outbound.connect with the app alone: no options object",
    run: (c) => c.outbound.connect({ appId: "google-drive", refreshToken: REFRESH }),
    method: "POST",
    path: "/v1/outbound/oauth/connect",
    authorization: BEARER_REFRESH,
    body: { appId: "google-drive" },
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  }
]

const STEP = { executionId: "E1", stepId: "S1", stepName: "Welcome", status: "waiting", action: "screen" }

export const flowRows: ReadonlyArray<AuthRow> = [
  {
    name: "flow.start with every field, without a session: the project id alone",
    run: (c) =>
      c.flow.start({
        flowId: "sign-up-or-in",
        options: { redirectUrl: "https://app.example.com", location: "https://app.example.com/login" },
        conditionInteractionId: "gbutpyzvtgs",
        interactionId: "start",
        componentsVersion: "1.2.3",
        flowVersions: { "sign-up-or-in": 4 },
        input: { email: "ada@example.com" },
        isCustomScreen: true
      }),
    method: "POST",
    path: "/v1/flow/start",
    body: {
      flowId: "sign-up-or-in",
      options: { redirectUrl: "https://app.example.com", location: "https://app.example.com/login" },
      conditionInteractionId: "gbutpyzvtgs",
      interactionId: "start",
      componentsVersion: "1.2.3",
      flowVersions: { "sign-up-or-in": 4 },
      input: { email: "ada@example.com" },
      isCustomScreen: true
    },
    response: STEP,
    check: is(STEP)
  },
  {
    name: "flow.next with every field and the refresh token: a completed flow's tokens Redacted",
    run: (c) =>
      c.flow.next({
        executionId: "E1",
        stepId: "S1",
        interactionId: "submit",
        version: 2,
        componentsVersion: "1.2.3",
        input: { email: "ada@example.com" },
        isCustomScreen: false,
        refreshToken: REFRESH
      }),
    method: "POST",
    path: "/v1/flow/next",
    authorization: BEARER_REFRESH,
    body: {
      executionId: "E1",
      stepId: "S1",
      interactionId: "submit",
      version: 2,
      componentsVersion: "1.2.3",
      input: { email: "ada@example.com" },
      isCustomScreen: false
    },
    response: { ...STEP, status: "completed", action: "none", authInfo: JWT_RESPONSE },
    check: (r) => {
      const done = r as { status: string; authInfo?: { sessionJwt?: unknown; refreshJwt?: unknown } }
      assert.strictEqual(done.status, "completed")
      assert.strictEqual(
        Redacted.value(done.authInfo?.sessionJwt as Redacted.Redacted<string>),
        JWT_RESPONSE.sessionJwt
      )
      assert.strictEqual(
        Redacted.value(done.authInfo?.refreshJwt as Redacted.Redacted<string>),
        JWT_RESPONSE.refreshJwt
      )
    }
  }
]
