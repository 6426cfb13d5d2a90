/**
 * The emulator's flow and theme endpoints (`src/wire/mgmt/Flow.ts`). Flows
 * and the theme are stored per project as imported (`ProjectSettings`, also
 * in the project's snapshot): listed, exported, deleted. The `/v2` flows and
 * theme (go-sdk) are kept as imported too: a flow is stored in the shape it
 * was imported in, answered in the other converted (`FlowShapes`), and
 * replaced by an import in either shape. Flows are not
 * executed: a run's output echoes its input
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
import { consoleFlow, exportedFlow } from "./FlowShapes.js"
import { deleteFlow, type FlowRecord, putFlow, putFlowV2, settingsOf } from "./ProjectSettings.js"

type Json = Readonly<Record<string, unknown>>

const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined)

const metadataOf = (flow: Json): Wire.FlowMetadata => ({
  id: text(flow.id) ?? "",
  name: text(flow.name),
  description: text(flow.description),
  disabled: typeof flow.disabled === "boolean" ? flow.disabled : undefined
})

const metadataOfV2 = (flow: Json): Wire.FlowMetadata => {
  const meta = W.isObject(flow.metadata) ? flow.metadata : {}
  return { ...metadataOf(meta), id: text(flow.flowId) ?? "" }
}

const flowResponse = (f: FlowRecord): Wire.FlowResponse => ({
  flow: { ...f.flow, id: text(f.flow.id) ?? "" },
  screens: f.screens.map((screen) => ({ ...screen, id: text(screen.id) ?? "" }))
})

const results = new WeakMap<ProjectState, Map<string, Json>>()

/**
 * The flow routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.listFlows, (ctx) =>
    Effect.sync(() => {
      const s = settingsOf(ctx.p)
      const flows = [
        ...[...s.flows.values()].map(({ flow }) => metadataOf(flow)),
        ...[...s.flowsV2.values()].map(metadataOfV2)
      ]
      return { flows, total: flows.length }
    })),
  H.endpoint(Wire.deleteFlows, (ctx, b) =>
    Effect.sync(() => {
      for (const id of b.ids) deleteFlow(settingsOf(ctx.p), id)
      return {}
    })),
  H.endpoint(Wire.exportFlow, (ctx, b) => {
    const f = consoleFlow(settingsOf(ctx.p), b.flowId)
    return f === undefined ? W.notFound(`flow ${b.flowId}`) : Effect.succeed(flowResponse(f))
  }),
  H.endpoint(Wire.importFlow, (ctx, b) =>
    Effect.gen(function*() {
      if (b.flowId.trim() === "") return yield* W.missing("flowId")
      if ((b.screens ?? []).some((screen) => typeof screen.id !== "string")) return yield* W.missing("screens[].id")
      const record = { flow: { ...b.flow, id: b.flowId }, screens: [...(b.screens ?? [])] }
      putFlow(settingsOf(ctx.p), b.flowId, record)
      return flowResponse(record)
    })),
  H.endpoint(Wire.exportFlowV2, (ctx, b) => {
    const flow = exportedFlow(settingsOf(ctx.p), b.flowId)
    return flow === undefined
      ? W.notFound(`flow ${b.flowId}`)
      : Effect.succeed({ flow: { ...flow, flowId: b.flowId } })
  }),
  H.endpoint(Wire.importFlowV2, (ctx, b) =>
    Effect.gen(function*() {
      if (b.flow.flowId.trim() === "") return yield* W.missing("flow.flowId")
      putFlowV2(settingsOf(ctx.p), b.flow.flowId, b.flow)
      return {}
    })),
  H.endpoint(Wire.exportThemeV2, (ctx) => Effect.sync(() => ({ theme: settingsOf(ctx.p).themeV2 ?? {} }))),
  H.endpoint(Wire.importThemeV2, (ctx, b) => Effect.sync(() => (settingsOf(ctx.p).themeV2 = b.theme, {}))),
  H.endpoint(Wire.exportTheme, (ctx) => Effect.sync(() => ({ theme: settingsOf(ctx.p).theme ?? {} }))),
  H.endpoint(Wire.importTheme, (ctx, b) =>
    Effect.sync(() => {
      settingsOf(ctx.p).theme = b.theme
      return { theme: b.theme }
    })),
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
