// mgmt.analytics: the recorded request of `search`, written as literals the way node-sdk sends it
// (lib/management/analytics.ts: the options as the body), the decoding of the answer, and a check against
// the mgmt.analytics row of the shared inventory.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued } from "./support/area.js"
import { calls, wireTable, withLicense, withMgmt } from "./support/management.js"
import { analyticsRows } from "./support/wire-rows/mgmt-analytics.js"

wireTable("analytics", Wire.Mgmt.Analytics, analyticsRows)

describe("mgmt.analytics arguments and inventory", () => {
  it.effect("a negative time is an InvalidArgumentError, nothing sent", () =>
    withMgmt(withLicense(() => MockHttpClient.json({})), (m, recorder) =>
      Effect.gen(function*() {
        const exit = yield* Effect.exit(m.analytics.search({ from: -1 }))
        assert.isTrue(
          Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag === "InvalidArgumentError"
        )
        assert.deepStrictEqual(yield* calls(recorder), [])
      })))

  inventoryCatalogued(
    "the mgmt.analytics row of the shared endpoint inventory is catalogued",
    ["mgmt.analytics"],
    [Wire.Mgmt.Analytics],
    1
  )
})
