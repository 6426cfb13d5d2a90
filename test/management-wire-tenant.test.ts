// The recorded wire of tenants, one table per catalogue area (src/wire/mgmt): exact
// method, path, query, JSON body and headers written as literals, the decoding of
// each answer, and a row for every catalogued endpoint.
import * as WireTenant from "../src/wire/mgmt/Tenant.js"
import { wireTable } from "./support/management.js"
import { tenantRows } from "./support/wire-rows/mgmt-tenant.js"

wireTable("tenant", WireTenant, tenantRows)
