// The recorded wire of permissions, roles and groups, one table per catalogue area
// (src/wire/mgmt): exact method, path, query, JSON body and headers written as
// literals, the decoding of each answer, and a row for every catalogued endpoint.
import * as WireGroup from "../src/wire/mgmt/Group.js"
import * as WirePermission from "../src/wire/mgmt/Permission.js"
import * as WireRole from "../src/wire/mgmt/Role.js"
import { wireTable } from "./support/management.js"
import { groupRows, permissionRows, roleRows } from "./support/wire-rows/mgmt-rbac.js"

wireTable("permission", WirePermission, permissionRows)
wireTable("role", WireRole, roleRows)
wireTable("group", WireGroup, groupRows)
