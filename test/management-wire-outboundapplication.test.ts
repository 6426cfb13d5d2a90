// mgmt.outboundApplication: one recorded-request row per client operation, with the method, path, query and
// JSON body written as literals the way node-sdk sends them (lib/management/outboundapplication.ts: `update`
// wraps the app in `{ app }`, `create` does not), the decoding of each answer (tokens Redacted), and a check
// that every catalogued endpoint has its row and every mgmt.outboundapp row of the shared inventory is catalogued.
import { describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { wireTable } from "./support/management.js"
import { outboundAppRows, outboundAppTokenRows } from "./support/wire-rows/mgmt-outboundapplication.js"

wireTable("outboundApplication", Wire.Mgmt.OutboundApplication, outboundAppRows)
wireTable("outboundApplication tokens", Wire.Mgmt.OutboundAppToken, outboundAppTokenRows)

describe("mgmt.outboundApplication arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.outboundApplication.createApplication({ name: "" }),
      m.outboundApplication.createApplicationByTemplate({ templateId: "" }),
      m.outboundApplication.updateApplication({ id: "", name: "x" }),
      m.outboundApplication.loadApplication(""),
      m.outboundApplication.fetchToken("", "U1"),
      m.outboundApplication.fetchTokenByScopes("OA1", "", ["s"]),
      m.outboundApplication.fetchTenantToken("OA1", ""),
      m.outboundApplication.deleteUserTokens(),
      m.outboundApplication.deleteTokenById(""),
      m.outboundApplication.listAppsWithUserToken(""),
      m.outboundApplication.uploadUserToken({ appId: "OA1", userId: "U1" }),
      m.outboundApplication.uploadTenantToken({ appId: "OA1", tenantId: "", accessToken: "a" }),
      m.outboundApplication.batchUploadUserTokens([])
    ]))

  inventoryCatalogued(
    "every mgmt.outboundapp row of the shared endpoint inventory is catalogued",
    ["mgmt.outboundapp"],
    [Wire.Mgmt.OutboundApplication, Wire.Mgmt.OutboundAppToken],
    19
  )
})
