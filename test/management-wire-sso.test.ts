// The recorded wire of SSO settings, one table per catalogue area (src/wire/mgmt): exact
// method, path, query, JSON body and headers written as literals, the decoding of
// each answer, and a row for every catalogued endpoint.
import * as WireSso from "../src/wire/mgmt/Sso.js"
import { wireTable } from "./support/management.js"
import { xaaRows } from "./support/wire-rows/mgmt-sso-xaa.js"
import { ssoRows } from "./support/wire-rows/mgmt-sso.js"

wireTable("sso", WireSso, [...ssoRows, ...xaaRows])
