// The node-sdk wire oracle (test/support/oracle.ts) for the project operations and the audit webhook added
// for issue 15: each operation node-sdk has is run through both clients and must send the same request.
import { type Case, type NodeManagement, oracleSuite } from "./support/oracle.js"

const cases = (m: NodeManagement): ReadonlyArray<Case> => [
  ["project.updateTags", {}, () => m.project.updateTags(["a", "b"]), (g) => g.project.updateTags(["a", "b"])],
  [
    "project.clone",
    { projectId: "P2x", projectName: "n" },
    () => m.project.clone("n", "production", ["t"]),
    (g) => g.project.clone("n", "production", ["t"])
  ],
  [
    "project.clone (name only)",
    { projectId: "P2x", projectName: "n" },
    () => m.project.clone("n"),
    (g) => g.project.clone("n")
  ],
  ["project.delete", {}, () => m.project.delete(), (g) => g.project.delete()],
  ["project.listProjects", { projects: [] }, () => m.project.listProjects(), (g) => g.project.listProjects()],
  [
    "project.validateSnapshot",
    { ok: true },
    () =>
      m.project.validateSnapshot({
        files: { "roles.json": { roles: [] } },
        inputSecrets: { connectors: [{ id: "c", name: "C", type: "password", value: "v" }] }
      }),
    (g) =>
      g.project.validateSnapshot({
        files: { "roles.json": { roles: [] } },
        inputSecrets: { connectors: [{ id: "c", name: "C", type: "password", value: "v" }] }
      })
  ],
  [
    "project.importSnapshot (with secrets)",
    {},
    () =>
      m.project.importSnapshot({
        files: { "project.json": { name: "n" } },
        inputSecrets: { oauthProviders: [{ id: "o", name: "O", type: "clientsecret", value: "v" }] }
      }),
    (g) =>
      g.project.importSnapshot({
        files: { "project.json": { name: "n" } },
        inputSecrets: { oauthProviders: [{ id: "o", name: "O", type: "clientsecret", value: "v" }] }
      })
  ],
  ["project.export (deprecated)", { files: {} }, () => m.project.export(), (g) => g.project.exportSnapshot()],
  [
    "project.import (deprecated)",
    {},
    () => m.project.import({ "a.json": {} }),
    (g) => g.project.importSnapshot({ files: { "a.json": {} } })
  ],
  [
    "audit.createAuditWebhook",
    {},
    () =>
      m.audit.createAuditWebhook({
        name: "siem",
        url: "https://siem.example/audit",
        authentication: { bearerToken: "b" },
        hmacSecret: "h",
        headers: { "x-a": "1" },
        insecure: true,
        filters: [{ key: "tenants", operator: "excludes", values: ["T1"] }]
      }),
    (g) =>
      g.audit.createAuditWebhook({
        name: "siem",
        url: "https://siem.example/audit",
        authentication: { bearerToken: "b" },
        hmacSecret: "h",
        headers: { "x-a": "1" },
        insecure: true,
        filters: [{ key: "tenants", operator: "excludes", values: ["T1"] }]
      })
  ]
]

oracleSuite("mgmt wire = node-sdk wire (project)", cases)
