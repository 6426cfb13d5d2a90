/**
 * The emulator's flow endpoints (`src/wire/mgmt/Flow.ts`). Flows are not
 * executed: the project has none to list, and a run's output echoes its input
 * (nested in `options`, node-sdk, or flattened, python-sdk); an asynchronous
 * run completes at once, its result kept per project until read.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Flow.js"
import { type ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as W from "../Wire.js"

type Json = Readonly<Record<string, unknown>>

const results = new WeakMap<ProjectState, Map<string, Json>>()

/**
 * The flow routes.
 *
 * @since 0.2.0
 * @category constants
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.listFlows, () => Effect.succeed({ flows: [], total: 0 })),
  H.endpoint(
    Wire.runFlow,
    (_, b) => Effect.succeed({ output: { flowId: b.flowId, ...(b.options?.input ?? b.input) } })
  ),
  H.endpoint(Wire.runFlowAsync, (ctx, b) =>
    Effect.sync(() => {
      const executionId = newId("X", 20)
      const kept = results.get(ctx.p) ?? new Map<string, Json>()
      results.set(ctx.p, kept)
      kept.set(executionId, { flowId: b.flowId, ...b.input })
      return { executionId, status: "running" }
    })),
  H.endpoint(Wire.getFlowAsyncResult, (ctx, b) => {
    const output = results.get(ctx.p)?.get(b.executionId)
    return output === undefined
      ? W.notFound(`execution ${b.executionId}`)
      : Effect.succeed({ executionId: b.executionId, status: "completed", output })
  })
]
