/**
 * Project-wide management endpoints: password settings, the license handshake, and flow runs (not executed: the output
 * echoes the input, for both the nested (node) and the flattened (python) body).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import {
  newId,
  type ProjectState,
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Route } from "./Handler.js"
import * as W from "./Wire.js"
import {
  type Json,
  obj,
  optObj,
  str,
  type WireError
} from "./Wire.js"

// --- flows (not executed: the output echoes the input) -----------------------------------------------

const flowInput = (b: Json): Effect.Effect<{ readonly flowId: string; readonly input: Json }, WireError> =>
  Effect.map(str(b, "flowId"), (flowId) => {
    const options = obj(b, "options")
    return { flowId, input: optObj(options, "input") ?? optObj(b, "input") ?? {} }
  })

const flowResults = new WeakMap<ProjectState, Map<string, Json>>()

const runFlowAsync: H.Handler = (ctx) =>
  Effect.map(flowInput(ctx.body), ({ flowId, input }) => {
    const executionId = newId("X", 20)
    const results = flowResults.get(ctx.p) ?? new Map<string, Json>()
    flowResults.set(ctx.p, results)
    results.set(executionId, { flowId, ...input })
    return { executionId, status: "running" }
  })

const asyncFlowResult: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const executionId = yield* str(ctx.body, "executionId")
    const output = flowResults.get(ctx.p)?.get(executionId)
    if (output === undefined) return yield* W.notFound(`execution ${executionId}`)
    return { executionId, status: "completed", output }
  })

/**
 * The project-wide management routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  // flows: both the nested (node) and the flattened (python) run bodies
  H.post("/v1/mgmt/flow/list", "mgmt", () => Effect.succeed({ flows: [], total: 0 })),
  H.post("/v1/mgmt/flow/run", "mgmt", (ctx) => Effect.map(flowInput(ctx.body), ({ flowId, input }) => ({ output: { flowId, ...input } }))),
  H.post("/v1/mgmt/flow/async/run", "mgmt", runFlowAsync),
  H.post("/v1/mgmt/flow/async/result", "mgmt", asyncFlowResult)
]
