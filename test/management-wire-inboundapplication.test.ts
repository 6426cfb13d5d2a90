// mgmt.inboundApplication: one recorded-request row per client operation, with the method, path, query and
// JSON body written as literals the way node-sdk sends them (lib/management/inboundapplication.ts), the
// decoding of each answer (secrets Redacted), the consent Stream over pages, and a check that every
// catalogued endpoint has its row and which mgmt.thirdpartyapp rows of the shared inventory are catalogued.
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Stream from "effect/Stream"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued } from "./support/area.js"
import { calls, wireTable, withLicense, withMgmt } from "./support/management.js"
import { CONSENT, inboundApplicationRows } from "./support/wire-rows/mgmt-inboundapplication.js"

wireTable("inboundApplication", {
  ...Wire.Mgmt.InboundApplication,
  ...Wire.Mgmt.InboundApplicationSecret,
  ...Wire.Mgmt.InboundApplicationConsent
}, inboundApplicationRows)

describe("mgmt.inboundApplication consents stream, arguments and inventory", () => {
  it.effect("streamConsents asks page after page until a short page", () =>
    withMgmt(
      withLicense((request) => {
        const page = (request.body as { page: number }).page
        const consents = page < 2 ? [{ ...CONSENT, id: `CO${page}a` }, { ...CONSENT, id: `CO${page}b` }] : [
          { ...CONSENT, id: "CO2a" }
        ]
        return MockHttpClient.json({ consents })
      }),
      (m, recorder) =>
        Effect.gen(function*() {
          const all = yield* Stream.runCollect(m.inboundApplication.streamConsents({ appId: "TP1", pageSize: 2 }))
          assert.deepStrictEqual(Chunk.toArray(all).map((c) => c.id), ["CO0a", "CO0b", "CO1a", "CO1b", "CO2a"])
          const bodies = (yield* calls(recorder)).map((c) => c.body)
          assert.deepStrictEqual(bodies, [
            { appId: "TP1", page: 0, limit: 2 },
            { appId: "TP1", page: 1, limit: 2 },
            { appId: "TP1", page: 2, limit: 2 }
          ])
        })
    ))

  it.effect("bad input is an InvalidArgumentError, nothing sent", () =>
    withMgmt(withLicense(() => MockHttpClient.json({})), (m, recorder) =>
      Effect.gen(function*() {
        const i = m.inboundApplication
        const attempts = [
          i.createApplication({ name: "" }),
          i.updateApplication({ id: "", name: "x" }),
          i.patchApplication({ id: "TP1", name: "" }),
          i.deleteApplicationBatch([]),
          i.loadApplication(""),
          i.searchConsents({ page: -1 }),
          i.deleteConsents({}),
          i.deleteTenantConsents({ tenantId: "" })
        ]
        for (const attempt of attempts) {
          const exit = yield* Effect.exit(attempt)
          assert.isTrue(
            Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag === "InvalidArgumentError"
          )
        }
        const streamed = yield* Effect.exit(Stream.runCollect(i.streamConsents({ pageSize: 0 })))
        assert.isTrue(Exit.isFailure(streamed))
        assert.deepStrictEqual(yield* calls(recorder), [])
      })))

  inventoryCatalogued(
    "every mgmt.thirdpartyapp row of the three SDKs is catalogued (go-sdk's /v2 forms and second secrets too)",
    ["mgmt.thirdpartyapp"],
    [Wire.Mgmt.InboundApplication, Wire.Mgmt.InboundApplicationSecret, Wire.Mgmt.InboundApplicationConsent],
    19
  )
})
