// The recorded-wire rows of audit, password settings, flows, themes and the project (run by test/management-wire-project.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import * as WireProject from "../../../src/wire/mgmt/Project.js"
import { isVoid, PROJECT_ID, type Row } from "../management.js"

const FLOW_V2 = {
  flowId: "sign-in",
  metadata: { name: "Sign in", disabled: false },
  contents: { steps: [] },
  screens: [{ screenId: "s1", contents: {} }],
  references: { connectors: {}, roles: {} }
}

export const auditRows: ReadonlyArray<Row> = [
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
  },
  {
    name: "audit.createAuditWebhook (secrets Redacted until sent)",
    run: (m) =>
      m.audit.createAuditWebhook({
        name: "siem",
        description: "d",
        url: "https://siem.example/audit",
        authentication: { basic: { username: "u", password: Redacted.make("p") }, apiKey: { key: "k", token: "t" } },
        hmacSecret: Redacted.make("h"),
        headers: { "x-a": "1" },
        insecure: false,
        filters: [{ key: "actions", operator: "includes", values: ["LoginSucceed"] }]
      }),
    method: "POST",
    path: "/v2/mgmt/connector/audit/web/set",
    body: {
      name: "siem",
      description: "d",
      url: "https://siem.example/audit",
      authentication: { basic: { username: "u", password: "p" }, apiKey: { key: "k", token: "t" } },
      hmacSecret: "h",
      headers: { "x-a": "1" },
      insecure: false,
      filters: [{ key: "actions", operator: "includes", values: ["LoginSucceed"] }]
    },
    check: isVoid
  }
]

export const flowRows: ReadonlyArray<Row> = [
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

export const themeRows: ReadonlyArray<Row> = [
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
  },
  {
    name: "flow.exportFlowV2 (go-sdk's v2 shape, every field kept)",
    run: (m) => m.flow.exportFlowV2("sign-in"),
    method: "POST",
    path: "/v2/mgmt/flow/export",
    body: { flowId: "sign-in" },
    response: { flow: FLOW_V2 },
    check: (result) => assert.deepStrictEqual(result, FLOW_V2)
  },
  {
    name: "flow.importFlowV2",
    run: (m) => m.flow.importFlowV2(FLOW_V2),
    method: "POST",
    path: "/v2/mgmt/flow/import",
    body: { flow: FLOW_V2 },
    check: isVoid
  },
  {
    name: "flow.exportThemeV2",
    run: (m) => m.flow.exportThemeV2(),
    method: "POST",
    path: "/v2/mgmt/theme/export",
    body: {},
    response: { theme: { styles: { dark: {} }, componentsVersion: "1.2.3" } },
    check: (result) => assert.deepStrictEqual(result, { styles: { dark: {} }, componentsVersion: "1.2.3" })
  },
  {
    name: "flow.importThemeV2",
    run: (m) => m.flow.importThemeV2({ styles: {}, references: { roles: {} } }),
    method: "POST",
    path: "/v2/mgmt/theme/import",
    body: { theme: { styles: {}, references: { roles: {} } } },
    check: isVoid
  }
]

export const projectRows: ReadonlyArray<Row> = [
  {
    name: "project.updateName",
    run: (m) => m.project.updateName("New name"),
    method: "POST",
    path: "/v1/mgmt/project/update/name",
    body: { name: "New name" },
    check: isVoid
  },
  {
    name: "project.updateTags",
    run: (m) => m.project.updateTags(["dev", "eu"]),
    method: "POST",
    path: "/v1/mgmt/project/update/tags",
    body: { tags: ["dev", "eu"] },
    check: isVoid
  },
  {
    name: "project.clone",
    run: (m) => m.project.clone("Staging", "production", ["eu"]),
    method: "POST",
    path: "/v1/mgmt/project/clone",
    body: { name: "Staging", environment: "production", tags: ["eu"] },
    response: { projectId: "P2new", projectName: "Staging", environment: "production", tags: ["eu"] },
    check: (result) =>
      assert.deepStrictEqual(result, {
        projectId: "P2new",
        projectName: "Staging",
        environment: "production",
        tags: ["eu"]
      })
  },
  {
    name: "project.clone (no environment, no tags)",
    run: (m) => m.project.clone("Dev"),
    method: "POST",
    path: "/v1/mgmt/project/clone",
    body: { name: "Dev" },
    response: { projectId: "P2dev", projectName: "Dev", environment: null },
    check: (result) => assert.deepStrictEqual(result, { projectId: "P2dev", projectName: "Dev", environment: null })
  },
  {
    name: "project.delete",
    run: (m) => m.project.delete(),
    method: "POST",
    path: "/v1/mgmt/project/delete",
    body: {},
    check: isVoid
  },
  {
    name: "project.listProjects",
    run: (m) => m.project.listProjects(),
    method: "POST",
    path: "/v1/mgmt/projects/list",
    body: {},
    response: { projects: [{ id: "P1", name: "Main", environment: "production", tags: ["a"], tag: ["a"] }] },
    check: (result) =>
      assert.deepStrictEqual(result, [{ id: "P1", name: "Main", environment: "production", tags: ["a"] }])
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
    name: "project.exportSnapshot (python-sdk's format)",
    run: (m) => m.project.exportSnapshot({ format: "plain" }),
    method: "POST",
    path: "/v1/mgmt/project/snapshot/export",
    body: { format: "plain" },
    response: { files: {} },
    check: (result) => assert.deepStrictEqual(result, {})
  },
  {
    name: "project.importSnapshot (secrets Redacted until sent, python-sdk's excludes)",
    run: (m) =>
      m.project.importSnapshot({
        files: { "project.json": { name: "P" } },
        inputSecrets: { connectors: [{ id: "c1", name: "SMTP", type: "password", value: Redacted.make("pw") }] },
        excludes: ["flows"]
      }),
    method: "POST",
    path: "/v1/mgmt/project/snapshot/import",
    body: {
      files: { "project.json": { name: "P" } },
      inputSecrets: { connectors: [{ id: "c1", name: "SMTP", type: "password", value: "pw" }] },
      excludes: ["flows"]
    },
    check: isVoid
  },
  {
    name: "project.validateSnapshot",
    run: (m) =>
      m.project.validateSnapshot({
        files: { "roles.json": { roles: [] } },
        inputSecrets: { oauthProviders: [{ id: "google", name: "Google", type: "clientsecret", value: "s" }] }
      }),
    method: "POST",
    path: "/v1/mgmt/project/snapshot/validate",
    body: {
      files: { "roles.json": { roles: [] } },
      inputSecrets: { oauthProviders: [{ id: "google", name: "Google", type: "clientsecret", value: "s" }] }
    },
    response: {
      ok: false,
      failures: ["missing secret"],
      missingSecrets: { connectors: [{ id: "c1", name: "SMTP", type: "password", value: "" }], oauthProviders: null }
    },
    check: (answer) => {
      const result = answer as WireProject.ValidateSnapshotResponse
      assert.strictEqual(result.ok, false)
      assert.deepStrictEqual(result.failures, ["missing secret"])
      const missing = result.missingSecrets?.connectors?.[0]
      assert.isTrue(missing !== undefined && Redacted.isRedacted(missing.value))
      assert.strictEqual(result.missingSecrets?.oauthProviders, null)
    }
  },
  {
    name: "project.exportProject (python-sdk's legacy export)",
    run: (m) => m.project.exportProject(),
    method: "POST",
    path: "/v1/mgmt/project/export",
    body: {},
    response: { files: { "roles.json": { roles: [] } } },
    check: (result) => assert.deepStrictEqual(result, { "roles.json": { roles: [] } })
  },
  {
    name: "project.importProject (python-sdk's legacy import)",
    run: (m) => m.project.importProject({ "roles.json": { roles: [] } }),
    method: "POST",
    path: "/v1/mgmt/project/import",
    body: { files: { "roles.json": { roles: [] } } },
    check: isVoid
  }
]

export const passwordRows: ReadonlyArray<Row> = [
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
