// The recorded wire of the management JWT and session endpoints, one table per
// catalogue area (src/wire/mgmt): exact method, path, query, JSON body and headers
// written as literals, the decoding of each answer, and a row for every catalogued endpoint.
import * as WireJwt from "../src/wire/mgmt/Jwt.js"
import { wireTable } from "./support/management.js"
import { jwtRows } from "./support/wire-rows/mgmt-jwt.js"

wireTable("jwt", WireJwt, jwtRows)
