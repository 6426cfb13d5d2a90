// Soak (npm run test:load): the emulator never answers 5xx to arbitrary JSON bodies, 25 bodies on each
// catalogued endpoint (~8,700 requests; the unit suite runs 3 an endpoint, test/wire-catalogue.test.ts).
import { it } from "@effect/vitest"
import { neverAnswers5xx } from "./support/catalogueFuzz.js"

it.scoped(
  "never answers 5xx to arbitrary JSON bodies on a catalogued endpoint (property, 25 bodies an endpoint)",
  () =>
    neverAnswers5xx({
      projectId: "P2WireCatalogueFuzz000000000",
      managementKey: "wire-fuzz-management-key",
      bodiesPerEndpoint: 25,
      seed: 42
    })
)
