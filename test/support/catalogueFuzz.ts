/**
 * The emulator against arbitrary JSON bodies on every catalogued endpoint: never a 5xx (a body its schema
 * refuses is a Descope-shaped 400). Run small by the unit suite (test/wire-catalogue.test.ts) and as a soak by
 * `npm run test:load` (test/wire-catalogue-fuzz.test.ts).
 */
import { assert } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import * as Emulator from "../../src/emulator/index.js"
import * as Routes from "../../src/emulator/Routes.js"
import * as Endpoint from "../../src/wire/Endpoint.js"
import { request } from "./emulator.js"

export const neverAnswers5xx = (options: {
  readonly projectId: string
  readonly managementKey: string
  readonly bodiesPerEndpoint: number
  readonly seed: number
}) =>
  Effect.gen(function*() {
    const { managementKey, projectId } = options
    const emulator = yield* Emulator.make({ projectId, managementKey })
    const json = fc.jsonValue({ maxDepth: 3 })
    const body = fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 6 }), json)
    const catalogued = Routes.all.filter((r) => r.endpoint !== undefined && r.stub !== true)
    for (const r of catalogued) {
      const e = r.endpoint!
      const samples = fc.sample(body, { numRuns: options.bodiesPerEndpoint, seed: options.seed })
      for (const b of samples) {
        const p = Endpoint.pathOf(e, Object.fromEntries(e.params.map((x) => [x, x === "projectId" ? projectId : "x"])))
        const answer = yield* request(emulator, e.method, p, {
          ...(e.location === "body" ? { body: b } : {}),
          managementKey
        })
        assert.isBelow(answer.status, 500, `${e.name} ${JSON.stringify(b)}`)
      }
    }
  })
