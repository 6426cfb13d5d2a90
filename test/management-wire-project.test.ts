// The recorded wire of audit, flows, themes, project, password settings and the
// license, one table per catalogue area (src/wire/mgmt): exact method, path, query,
// JSON body and headers written as literals, the decoding of each answer, and a row
// for every catalogued endpoint.
import { assert } from "@effect/vitest"
import * as WireAudit from "../src/wire/mgmt/Audit.js"
import * as WireFlow from "../src/wire/mgmt/Flow.js"
import * as WireLicense from "../src/wire/mgmt/License.js"
import * as WirePassword from "../src/wire/mgmt/Password.js"
import * as WireProject from "../src/wire/mgmt/Project.js"
import { isVoid, PROJECT_ID, type Row, wireTable } from "./management-support.js"

const auditRows: ReadonlyArray<Row> = [
  {
    name: "audit.search",
    run: (m) =>
      m.audit.search({
        userIds: ["U1"],
        actions: ["LoginSucceed"],
        devices: ["Desktop"],
        loginIds: ["ada@example.com"],
        noTenants: false,
        fromTs: new Date(1700000000000),
        toTs: 1700086400000
      }),
    method: "POST",
    path: "/v1/mgmt/audit/search",
    body: {
      userIds: ["U1"],
      actions: ["LoginSucceed"],
      devices: ["Desktop"],
      externalIds: ["ada@example.com"],
      noTenants: false,
      from: 1700000000000,
      to: 1700086400000
    },
    response: {
      audits: [{
        projectId: PROJECT_ID,
        userId: "U1",
        action: "LoginSucceed",
        occurred: "1700000000123",
        device: "Desktop",
        method: "otp",
        geo: "FR",
        remoteAddress: "192.0.2.1",
        externalIds: ["ada@example.com"],
        tenants: ["T1"],
        data: { x: 1 }
      }]
    },
    check: (result) =>
      assert.deepStrictEqual(result, [{
        projectId: PROJECT_ID,
        userId: "U1",
        action: "LoginSucceed",
        occurred: 1700000000123,
        device: "Desktop",
        method: "otp",
        geo: "FR",
        remoteAddress: "192.0.2.1",
        loginIds: ["ada@example.com"],
        tenants: ["T1"],
        data: { x: 1 }
      }])
  },
  {
    name: "audit.createEvent",
    run: (m) =>
      m.audit.createEvent({
        action: "Exported",
        type: "info",
        actorId: "U9",
        tenantId: "T1",
        userId: "U1",
        data: { n: 2 }
      }),
    method: "POST",
    path: "/v1/mgmt/audit/event",
    body: { action: "Exported", type: "info", actorId: "U9", tenantId: "T1", userId: "U1", data: { n: 2 } },
    check: isVoid
  }
]

const flowRows: ReadonlyArray<Row> = [
  {
    name: "flow.listFlows",
    run: (m) => m.flow.listFlows(),
    method: "POST",
    path: "/v1/mgmt/flow/list",
    body: {},
    response: { flows: [{ id: "sign-up-or-in", name: "Sign up or in", disabled: false }], total: 1 },
    check: (result) =>
      assert.deepStrictEqual(result, {
        flows: [{ id: "sign-up-or-in", name: "Sign up or in", disabled: false }],
        total: 1
      })
  },
  {
    name: "flow.deleteFlows",
    run: (m) => m.flow.deleteFlows(["f1", "f2"]),
    method: "POST",
    path: "/v1/mgmt/flow/delete",
    body: { ids: ["f1", "f2"] },
    check: isVoid
  },
  {
    name: "flow.exportFlow",
    run: (m) => m.flow.exportFlow("f1"),
    method: "POST",
    path: "/v1/mgmt/flow/export",
    body: { flowId: "f1" },
    response: {
      flow: { id: "f1", name: "F", dsl: { steps: [] }, disabled: false },
      screens: [{ id: "s1", flowId: "f1" }]
    },
    check: (result) =>
      assert.deepStrictEqual(result, {
        flow: { id: "f1", name: "F", dsl: { steps: [] }, disabled: false },
        screens: [{ id: "s1", flowId: "f1" }]
      })
  },
  {
    name: "flow.importFlow",
    run: (m) => m.flow.importFlow({ flowId: "f1", flow: { id: "f1", dsl: {} }, screens: [{ id: "s1" }] }),
    method: "POST",
    path: "/v1/mgmt/flow/import",
    body: { flowId: "f1", flow: { id: "f1", dsl: {} }, screens: [{ id: "s1" }] },
    response: { flow: { id: "f1" }, screens: [] },
    check: (result) => assert.deepStrictEqual(result, { flow: { id: "f1" }, screens: [] })
  },
  {
    name: "flow.runFlow (node wire: nested options)",
    run: (m) => m.flow.runFlow({ flowId: "f1", options: { input: { a: 1 }, preview: true, tenant: "T1" } }),
    method: "POST",
    path: "/v1/mgmt/flow/run",
    body: { flowId: "f1", options: { input: { a: 1 }, preview: true, tenant: "T1" } },
    response: { output: { greeting: "hi" } },
    check: (result) => assert.deepStrictEqual(result, { greeting: "hi" })
  },
  {
    name: "flow.runFlowAsync (python wire: flattened options)",
    run: (m) => m.flow.runFlowAsync({ flowId: "f1", options: { input: { a: 1 }, tenant: "T1" } }),
    method: "POST",
    path: "/v1/mgmt/flow/async/run",
    body: { flowId: "f1", input: { a: 1 }, tenant: "T1" },
    response: { executionId: "E1" },
    check: (result) => assert.deepStrictEqual(result, { executionId: "E1" })
  },
  {
    name: "flow.getFlowAsyncResult",
    run: (m) => m.flow.getFlowAsyncResult("E1"),
    method: "POST",
    path: "/v1/mgmt/flow/async/result",
    body: { executionId: "E1" },
    response: { status: "completed", output: { x: 1 } },
    check: (result) => assert.deepStrictEqual(result, { status: "completed", output: { x: 1 } })
  }
]

const themeRows: ReadonlyArray<Row> = [
  {
    name: "flow.exportTheme",
    run: (m) => m.flow.exportTheme(),
    method: "POST",
    path: "/v1/mgmt/theme/export",
    body: {},
    response: { theme: { id: "th1", cssTemplate: { dark: {} } } },
    check: (result) => assert.deepStrictEqual(result, { id: "th1", cssTemplate: { dark: {} } })
  },
  {
    name: "flow.importTheme",
    run: (m) => m.flow.importTheme({ id: "th1", cssTemplate: {} }),
    method: "POST",
    path: "/v1/mgmt/theme/import",
    body: { theme: { id: "th1", cssTemplate: {} } },
    response: { theme: { id: "th1", cssTemplate: {} } },
    check: (result) => assert.deepStrictEqual(result, { id: "th1", cssTemplate: {} })
  }
]

const projectRows: ReadonlyArray<Row> = [
  {
    name: "project.updateName",
    run: (m) => m.project.updateName("New name"),
    method: "POST",
    path: "/v1/mgmt/project/update/name",
    body: { name: "New name" },
    check: isVoid
  },
  {
    name: "project.exportSnapshot",
    run: (m) => m.project.exportSnapshot(),
    method: "POST",
    path: "/v1/mgmt/project/snapshot/export",
    body: {},
    response: { files: { "project.json": { name: "P" } } },
    check: (result) => assert.deepStrictEqual(result, { "project.json": { name: "P" } })
  },
  {
    name: "project.importSnapshot",
    run: (m) => m.project.importSnapshot({ files: { "project.json": { name: "P" } }, inputSecrets: { s: 1 } }),
    method: "POST",
    path: "/v1/mgmt/project/snapshot/import",
    body: { files: { "project.json": { name: "P" } }, inputSecrets: { s: 1 } },
    check: isVoid
  }
]

const passwordRows: ReadonlyArray<Row> = [
  {
    name: "password.getSettings",
    run: (m) => m.password.getSettings("T1"),
    method: "GET",
    path: "/v1/mgmt/password/settings",
    query: { tenantId: "T1" },
    response: { enabled: true, minLength: 8, nonAlphanumeric: true, lock: true, lockAttempts: 5, reuse: null },
    check: (result) =>
      assert.deepStrictEqual(result, {
        enabled: true,
        minLength: 8,
        nonAlphaNumeric: true,
        lock: true,
        lockAttempts: 5
      })
  },
  {
    name: "password.getSettings (node-sdk's nonAlphaNumeric read too; the project's for an empty tenant id)",
    run: (m) => m.password.getSettings(""),
    method: "GET",
    path: "/v1/mgmt/password/settings",
    query: { tenantId: "" },
    response: { nonAlphaNumeric: false },
    check: (result) => assert.deepStrictEqual(result, { nonAlphaNumeric: false })
  },
  {
    name: "password.configureSettings",
    run: (m) =>
      m.password.configureSettings({
        tenantId: "T1",
        settings: { enabled: true, minLength: 10, uppercase: true, nonAlphaNumeric: true }
      }),
    method: "POST",
    path: "/v1/mgmt/password/settings",
    body: { enabled: true, minLength: 10, uppercase: true, nonAlphanumeric: true, tenantId: "T1" },
    check: isVoid
  }
]

wireTable("audit", WireAudit, auditRows)
wireTable("password", WirePassword, passwordRows)
wireTable("license", WireLicense, [], {
  "GET /v1/mgmt/license": "the handshake every row of every table checks (runRow), before its call"
})

wireTable("flow", WireFlow, [...flowRows, ...themeRows])
wireTable("project", WireProject, projectRows)
