// mgmt.ssoApplication: one recorded-request row per client operation, with the method, path, query and JSON
// body written as literals the way node-sdk sends them (lib/management/ssoapplication.ts: create adds
// `enabled: true` unless told otherwise), the decoding of each answer (secrets Redacted), and a check that
// every catalogued endpoint has its row and which mgmt.ssoapp rows of the shared inventory are catalogued.
import { describe, it } from "@effect/vitest"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued, refusedUnsent } from "./support/area.js"
import { wireTable } from "./support/management.js"
import { ssoApplicationGoRows, ssoApplicationRows } from "./support/wire-rows/mgmt-ssoapplication.js"

wireTable("ssoApplication", Wire.Mgmt.SsoApplication, [...ssoApplicationRows, ...ssoApplicationGoRows])

describe("mgmt.ssoApplication arguments and inventory", () => {
  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    refusedUnsent((m) => [
      m.ssoApplication.createOidcApplication({ name: "" }),
      m.ssoApplication.createSamlApplication({ name: " " }),
      m.ssoApplication.updateWsFedApplication({ id: "", name: "x" }),
      m.ssoApplication.updateOidcApplication({ id: "SA1", name: "" }),
      m.ssoApplication.delete(""),
      m.ssoApplication.load(""),
      m.ssoApplication.getApplicationSecret(""),
      m.ssoApplication.rotateApplicationSecret("")
    ]))

  inventoryCatalogued(
    "every mgmt.ssoapp row of the three SDKs is catalogued (go-sdk's custom attributes and second secrets too)",
    ["mgmt.ssoapp"],
    [Wire.Mgmt.SsoApplication],
    16
  )
})
