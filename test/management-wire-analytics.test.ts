// mgmt.analytics: the recorded request of `search`, written as literals the way node-sdk sends it
// (lib/management/analytics.ts: the options as the body), the decoding of the answer, and a check against
// the mgmt.analytics row of the shared inventory.
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import * as Wire from "../src/wire/index.js"
import { inventoryCatalogued } from "./support/area.js"
import { calls, type Row, wireTable, withLicense, withMgmt } from "./support/management.js"

const RECORD = { projectId: "P1", action: "LoginSucceed", created: "2026-01-01T00:00:00.000Z", cnt: "12" }

const rows: ReadonlyArray<Row> = [
  {
    name: "analytics.search",
    run: (m) =>
      m.analytics.search({
        actions: ["LoginSucceed"],
        from: 1767225600000,
        to: 1767312000000,
        tenants: ["T1"],
        groupByAction: true,
        groupByCreated: "day"
      }),
    method: "POST",
    path: "/v1/mgmt/analytics/search",
    body: {
      actions: ["LoginSucceed"],
      from: 1767225600000,
      to: 1767312000000,
      tenants: ["T1"],
      groupByAction: true,
      groupByCreated: "day"
    },
    response: { analytics: [RECORD] },
    check: (r) => assert.deepStrictEqual(r, [RECORD])
  },
  {
    name: "analytics.search (no options)",
    run: (m) => m.analytics.search(),
    method: "POST",
    path: "/v1/mgmt/analytics/search",
    body: {},
    response: {},
    check: (r) => assert.deepStrictEqual(r, [])
  }
]

wireTable("analytics", Wire.Mgmt.Analytics, rows)

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
