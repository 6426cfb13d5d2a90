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
import * as Schema from "effect/Schema"
import { PollingTimeoutError } from "../core/DescopeError.js"
import { checked, type ManagementError, type ManagementHttp, nonEmpty, nonEmptyList, opt, Void } from "./ManagementHttp.js"

/**
 * A flow's summary.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowMetadata = Schema.Struct({
  id: Schema.String,
  name: opt(Schema.String),
  description: opt(Schema.String),
  disabled: opt(Schema.Boolean)
})

/**
 * @since 0.1.0
 * @category models
 */
export type FlowMetadata = typeof FlowMetadata.Type

/**
 * The flow list with its total.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowList = Schema.Struct({
  flows: opt(Schema.Array(FlowMetadata)),
  total: opt(Schema.Number)
})

/**
 * @since 0.1.0
 * @category models
 */
export type FlowList = typeof FlowList.Type

/**
 * A flow with its DSL.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Flow = Schema.Struct({
  id: Schema.String,
  name: opt(Schema.String),
  description: opt(Schema.String),
  dsl: opt(Schema.Unknown),
  disabled: opt(Schema.Boolean),
  etag: opt(Schema.String)
})

/**
 * @since 0.1.0
 * @category models
 */
export type Flow = typeof Flow.Type

/**
 * A screen of a flow.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Screen = Schema.Struct({
  id: Schema.String,
  flowId: opt(Schema.String),
  inputs: opt(Schema.Unknown),
  interactions: opt(Schema.Unknown),
  htmlTemplate: opt(Schema.Unknown)
})

/**
 * @since 0.1.0
 * @category models
 */
export type Screen = typeof Screen.Type

/**
 * A flow with its screens (export / import answer).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowResponse = Schema.Struct({
  flow: Flow,
  screens: opt(Schema.Array(Screen))
})

/**
 * @since 0.1.0
 * @category models
 */
export type FlowResponse = typeof FlowResponse.Type

/**
 * A project theme.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Theme = Schema.Struct({
  id: opt(Schema.String),
  cssTemplate: opt(Schema.Unknown)
})

/**
 * @since 0.1.0
 * @category models
 */
export type Theme = typeof Theme.Type

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

/**
 * The answer of `runFlowAsync` (it holds the `executionId`; other fields are kept).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowAsyncExecution = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * @since 0.1.0
 * @category models
 */
export type FlowAsyncExecution = typeof FlowAsyncExecution.Type

/**
 * The answer of `getFlowAsyncResult` (its shape is not documented; every field is kept).
 *
 * @since 0.1.0
 * @category schemas
 */
export const FlowAsyncResult = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * @since 0.1.0
 * @category models
 */
export type FlowAsyncResult = typeof FlowAsyncResult.Type

const PENDING = new Set(["pending", "running", "inprogress", "in_progress", "started", "queued"])

/**
 * The default completion test of `pollFlowAsyncResult`: the result is done
 * unless its `status` is a pending one (`pending`, `running`, `inProgress`,
 * `started`, `queued`).
 *
 * @since 0.1.0
 * @category predicates
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
}

/**
 * Builds `client.mgmt.flow`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): FlowApi => {
  const getFlowAsyncResult = (executionId: string) =>
    checked(
      [nonEmpty("executionId", executionId)],
      mgmt.callSpec({
        method: "POST",
        path: "/v1/mgmt/flow/async/result",
        body: { executionId },
        operation: "mgmt.flow.getFlowAsyncResult",
        schema: FlowAsyncResult
      })
    )
  const ThemeResponse = Schema.Struct({ theme: Theme })
  return {
    listFlows: () =>
      mgmt.callSpec({ method: "POST", path: "/v1/mgmt/flow/list", body: {}, operation: "mgmt.flow.listFlows", schema: FlowList }),
    deleteFlows: (flowIds) =>
      checked(
        [nonEmptyList("flowIds", flowIds)],
        Effect.asVoid(mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/flow/delete",
          body: { ids: flowIds },
          operation: "mgmt.flow.deleteFlows",
          schema: Void
        }))
      ),
    exportFlow: (flowId) =>
      checked(
        [nonEmpty("flowId", flowId)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/flow/export",
          body: { flowId },
          operation: "mgmt.flow.exportFlow",
          schema: FlowResponse
        })
      ),
    importFlow: (o) =>
      checked(
        [nonEmpty("flowId", o.flowId)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/flow/import",
          body: { flowId: o.flowId, flow: o.flow, screens: o.screens },
          operation: "mgmt.flow.importFlow",
          schema: FlowResponse
        })
      ),
    runFlow: (o) =>
      checked(
        [nonEmpty("flowId", o.flowId)],
        Effect.map(
          mgmt.callSpec({
            method: "POST",
            path: "/v1/mgmt/flow/run",
            body: { flowId: o.flowId, options: o.options },
            operation: "mgmt.flow.runFlow",
            schema: Schema.Struct({ output: opt(Schema.Record({ key: Schema.String, value: Schema.Unknown })) })
          }),
          (r) => r.output ?? {}
        )
      ),
    runFlowAsync: (o) =>
      checked(
        [nonEmpty("flowId", o.flowId)],
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/flow/async/run",
          body: { flowId: o.flowId, input: o.options?.input, preview: o.options?.preview, tenant: o.options?.tenant },
          operation: "mgmt.flow.runFlowAsync",
          schema: FlowAsyncExecution
        })
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
    exportTheme: () =>
      Effect.map(
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/theme/export",
          body: {},
          operation: "mgmt.flow.exportTheme",
          schema: ThemeResponse
        }),
        (r) => r.theme
      ),
    importTheme: (theme) =>
      Effect.map(
        mgmt.callSpec({
          method: "POST",
          path: "/v1/mgmt/theme/import",
          body: { theme },
          operation: "mgmt.flow.importTheme",
          schema: ThemeResponse
        }),
        (r) => r.theme
      )
  }
}
