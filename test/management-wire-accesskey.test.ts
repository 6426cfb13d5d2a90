// The recorded wire of access keys, one table per catalogue area (src/wire/mgmt): exact
// method, path, query, JSON body and headers written as literals, the decoding of
// each answer, and a row for every catalogued endpoint.
import * as WireAccessKey from "../src/wire/mgmt/AccessKey.js"
import { wireTable } from "./support/management.js"
import { accessKeyRows } from "./support/wire-rows/mgmt-accesskey.js"

wireTable("accessKey", WireAccessKey, accessKeyRows)
