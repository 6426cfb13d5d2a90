// The node-sdk wire oracle (test/support/oracle.ts) for optional fields node-sdk sends: a user's status in
// a patch (node-sdk's create options have no status; python-sdk's do), `verified` in node-sdk's own
// `updateEmail("valid-id", "a@b.c", true)`, and groups loaded by a tenant object (our form with an optional
// `ssoId`) against node-sdk's tenant id.
import { type Case, type NodeManagement, oracleSuite } from "./support/oracle.js"

const cases = (m: NodeManagement): ReadonlyArray<Case> => [
  [
    "user.patch with status",
    { user: { userId: "U1" } },
    () => m.user.patch("a", { status: "expired" }),
    (g) => g.user.patch({ loginId: "a", status: "expired" })
  ],
  [
    "user.updateEmail of node-sdk's test",
    { user: { userId: "U1" } },
    () => m.user.updateEmail("valid-id", "a@b.c", true),
    (g) => g.user.updateEmail({ loginId: "valid-id", email: "a@b.c", verified: true })
  ],
  [
    "group.loadAllGroups by object",
    [],
    () => m.group.loadAllGroups("T"),
    (g) => g.group.loadAllGroups({ tenantId: "T" })
  ]
]

oracleSuite("mgmt wire = node-sdk wire (optional fields)", cases)
