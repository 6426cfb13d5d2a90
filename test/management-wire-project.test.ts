// The recorded wire of audit, flows, themes, project, password settings and the
// license, one table per catalogue area (src/wire/mgmt): exact method, path, query,
// JSON body and headers written as literals, the decoding of each answer, and a row
// for every catalogued endpoint.
import * as WireAudit from "../src/wire/mgmt/Audit.js"
import * as WireFlow from "../src/wire/mgmt/Flow.js"
import * as WireLicense from "../src/wire/mgmt/License.js"
import * as WirePassword from "../src/wire/mgmt/Password.js"
import * as WireProject from "../src/wire/mgmt/Project.js"
import { wireTable } from "./support/management.js"
import { auditRows, flowRows, passwordRows, projectRows, themeRows } from "./support/wire-rows/mgmt-project.js"

wireTable("audit", WireAudit, auditRows)
wireTable("password", WirePassword, passwordRows)
wireTable("license", WireLicense, [], {
  "GET /v1/mgmt/license": "the handshake every row of every table checks (runRow), before its call"
})

wireTable("flow", WireFlow, [...flowRows, ...themeRows])
wireTable("project", WireProject, projectRows)
