// The recorded-wire rows of analytics (run by test/management-wire-analytics.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import { type Row } from "../management.js"

const RECORD = { projectId: "P1", action: "LoginSucceed", created: "2026-01-01T00:00:00.000Z", cnt: "12" }

export const analyticsRows: ReadonlyArray<Row> = [
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
