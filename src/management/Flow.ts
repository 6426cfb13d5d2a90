/**
 * `client.mgmt.flow`: flows, themes and management-run flows (§10.10).
 *
 * `runFlow` sends node-sdk's nested body `{flowId, options: {input, preview,
 * tenant}}` (python-sdk flattens the options). `runFlowAsync` and
 * `getFlowAsyncResult` exist only in python-sdk and use its wire;
 * `pollFlowAsyncResult` repeats `getFlowAsyncResult` on a `Schedule` until the
 * execution is no longer pending.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import { PollingTimeoutError } from "../core/DescopeError.js"
import { checked, nonEmpty, nonEmptyList } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Flow.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A flow's summary.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowMetadata = Wire.FlowMetadata

/**
 * @since 0.1.0
 * @category models
 */
export type FlowMetadata = Wire.FlowMetadata

/**
 * The flow list with its total.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowList = Wire.FlowList

/**
 * @since 0.1.0
 * @category models
 */
export type FlowList = Wire.FlowList

/**
 * A flow with its DSL.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Flow = Wire.Flow

/**
 * @since 0.1.0
 * @category models
 */
export type Flow = Wire.Flow

/**
 * A screen of a flow.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Screen = Wire.Screen

/**
 * @since 0.1.0
 * @category models
 */
export type Screen = Wire.Screen

/**
 * A flow with its screens (export / import answer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowResponse = Wire.FlowResponse

/**
 * @since 0.1.0
 * @category models
 */
export type FlowResponse = Wire.FlowResponse

/**
 * A project theme.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Theme = Wire.Theme

/**
 * @since 0.1.0
 * @category models
 */
export type Theme = Wire.Theme

/**
 * The answer of `runFlowAsync` (it holds the `executionId`; other fields are kept).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowAsyncExecution = Wire.FlowAsyncExecution

/**
 * @since 0.1.0
 * @category models
 */
export type FlowAsyncExecution = Wire.FlowAsyncExecution

/**
 * The answer of `getFlowAsyncResult` (its shape is not documented; every field is kept).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowAsyncResult = Wire.FlowAsyncResult

/**
 * @since 0.1.0
 * @category models
 */
export type FlowAsyncResult = Wire.FlowAsyncResult

/**
 * Options of a management-run flow.
 *
 * @since 0.1.0
 * @category models
 */
export interface FlowRunOptions {
  readonly input?: Readonly<Record<string, unknown>> | undefined
  readonly preview?: boolean | undefined
  readonly tenant?: string | undefined
}

const PENDING = new Set(["pending", "running", "inprogress", "in_progress", "started", "queued"])

/**
 * The default completion test of `pollFlowAsyncResult`: the result is done
 * unless its `status` is a pending one (`pending`, `running`, `inProgress`,
 * `started`, `queued`).
 *
 * @since 0.1.0
 * @category guards
 */
export const isFlowAsyncResultDone = (result: FlowAsyncResult): boolean => {
  const status = result["status"]
  return !(typeof status === "string" && PENDING.has(status.toLowerCase()))
}

/**
 * The default polling schedule: every second, for at most 5 minutes.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultPollSchedule: Schedule.Schedule<unknown, unknown> = Schedule.spaced("1 second").pipe(
  Schedule.upTo("5 minutes")
)

/**
 * `client.mgmt.flow`.
 *
 * @since 0.1.0
 * @category models
 */
export interface FlowApi {
  /** Lists the project's flows. */
  readonly listFlows: () => Effect.Effect<FlowList, ManagementError>
  /** Deletes flows. */
  readonly deleteFlows: (flowIds: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Exports a flow and its screens. */
  readonly exportFlow: (flowId: string) => Effect.Effect<FlowResponse, ManagementError>
  /** Imports a flow and its screens, overriding the flow of that id. */
  readonly importFlow: (options: {
    readonly flowId: string
    readonly flow: Readonly<Record<string, unknown>>
    readonly screens?: ReadonlyArray<Readonly<Record<string, unknown>>> | undefined
  }) => Effect.Effect<FlowResponse, ManagementError>
  /** Runs a flow and returns its output (node-sdk wire, options nested). */
  readonly runFlow: (options: {
    readonly flowId: string
    readonly options?: FlowRunOptions | undefined
  }) => Effect.Effect<Readonly<Record<string, unknown>>, ManagementError>
  /** Starts a flow asynchronously (python-sdk wire, options flattened). */
  readonly runFlowAsync: (options: {
    readonly flowId: string
    readonly options?: FlowRunOptions | undefined
  }) => Effect.Effect<FlowAsyncExecution, ManagementError>
  /** The current result of an asynchronous execution. */
  readonly getFlowAsyncResult: (executionId: string) => Effect.Effect<FlowAsyncResult, ManagementError>
  /**
   * Polls `getFlowAsyncResult` on `schedule` (default {@link defaultPollSchedule})
   * until `isDone` (default {@link isFlowAsyncResultDone}). When the schedule
   * ends first it fails with `PollingTimeoutError`.
   */
  readonly pollFlowAsyncResult: (options: {
    readonly executionId: string
    readonly schedule?: Schedule.Schedule<unknown, unknown> | undefined
    readonly isDone?: ((result: FlowAsyncResult) => boolean) | undefined
  }) => Effect.Effect<FlowAsyncResult, ManagementError | PollingTimeoutError>
  /** Exports the project theme. */
  readonly exportTheme: () => Effect.Effect<Theme, ManagementError>
  /** Imports a theme, overriding the project theme. */
  readonly importTheme: (theme: Readonly<Record<string, unknown>>) => Effect.Effect<Theme, ManagementError>
  /** go-sdk's `ExportFlow` (`/v2`): a flow in Descope's snapshot shape (`flowId`, `metadata`, `screens` ...). */
  readonly exportFlowV2: (flowId: string) => Effect.Effect<Wire.FlowV2, ManagementError>
  /** go-sdk's `ImportFlow` (`/v2`): imports a flow in that shape, overriding the flow of its `flowId`. */
  readonly importFlowV2: (flow: Wire.FlowV2) => Effect.Effect<void, ManagementError>
  /** go-sdk's `ExportTheme` (`/v2`): the project theme in Descope's snapshot shape. */
  readonly exportThemeV2: () => Effect.Effect<Readonly<Record<string, unknown>>, ManagementError>
  /** go-sdk's `ImportTheme` (`/v2`): imports a theme in that shape, overriding the project theme. */
  readonly importThemeV2: (theme: Readonly<Record<string, unknown>>) => Effect.Effect<void, ManagementError>
}

/**
 * Builds `client.mgmt.flow`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): FlowApi => {
  const getFlowAsyncResult = (executionId: string) =>
    checked([nonEmpty("executionId", executionId)], mgmt.call(Wire.getFlowAsyncResult, { request: { executionId } }))
  return {
    listFlows: () => mgmt.call(Wire.listFlows, {}),
    deleteFlows: (flowIds) =>
      checked(
        [nonEmptyList("flowIds", flowIds)],
        Effect.asVoid(mgmt.call(Wire.deleteFlows, { request: { ids: flowIds } }))
      ),
    exportFlow: (flowId) => checked([nonEmpty("flowId", flowId)], mgmt.call(Wire.exportFlow, { request: { flowId } })),
    importFlow: (o) => checked([nonEmpty("flowId", o.flowId)], mgmt.call(Wire.importFlow, { request: o })),
    runFlow: (o) =>
      checked(
        [nonEmpty("flowId", o.flowId)],
        Effect.map(
          mgmt.call(Wire.runFlow, { request: { flowId: o.flowId, options: o.options } }),
          (r) => r.output ?? {}
        )
      ),
    runFlowAsync: (o) =>
      checked(
        [nonEmpty("flowId", o.flowId)],
        mgmt.call(Wire.runFlowAsync, { request: { flowId: o.flowId, ...o.options } })
      ),
    getFlowAsyncResult,
    pollFlowAsyncResult: (o) => {
      const isDone = o.isDone ?? isFlowAsyncResultDone
      const schedule = Schedule.intersect(
        Schedule.recurUntil((r: FlowAsyncResult) => isDone(r)),
        o.schedule ?? defaultPollSchedule
      )
      return Effect.gen(function*() {
        const start = yield* Clock.currentTimeMillis
        const [last] = yield* Effect.repeat(getFlowAsyncResult(o.executionId), schedule)
        if (isDone(last)) return last
        const end = yield* Clock.currentTimeMillis
        return yield* Effect.fail(
          new PollingTimeoutError({
            operation: "mgmt.flow.pollFlowAsyncResult",
            timeout: Duration.millis(end - start)
          })
        )
      })
    },
    exportTheme: () => Effect.map(mgmt.call(Wire.exportTheme, {}), (r) => r.theme),
    importTheme: (theme) => Effect.map(mgmt.call(Wire.importTheme, { request: { theme } }), (r) => r.theme),
    exportFlowV2: (flowId) =>
      checked(
        [nonEmpty("flowId", flowId)],
        Effect.map(mgmt.call(Wire.exportFlowV2, { request: { flowId } }), (r) => r.flow)
      ),
    importFlowV2: (flow) =>
      checked(
        [nonEmpty("flow.flowId", flow.flowId)],
        Effect.asVoid(mgmt.call(Wire.importFlowV2, { request: { flow } }))
      ),
    exportThemeV2: () => Effect.map(mgmt.call(Wire.exportThemeV2, {}), (r) => r.theme ?? {}),
    importThemeV2: (theme) => Effect.asVoid(mgmt.call(Wire.importThemeV2, { request: { theme } }))
  }
}
