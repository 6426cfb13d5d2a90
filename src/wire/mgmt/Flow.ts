/**
 * Flows and the project theme: `/v1/mgmt/flow/*` and `/v1/mgmt/theme/*`.
 * `runFlow` sends node-sdk's nested body `{ flowId, options: { input,
 * preview, tenant } }`; `runFlowAsync` and `getFlowAsyncResult` exist only in
 * python-sdk and use its wire (the options flattened).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, Num, opt, optional, Strings } from "../Fields.js"

/**
 * A flow's summary.
 *
 * @since 0.2.0
 * @category schemas
 */
export const FlowMetadata = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    description: opt(Schema.String),
    disabled: opt(Schema.Boolean)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type FlowMetadata = typeof FlowMetadata.Type

/**
 * The flow list with its total.
 *
 * @since 0.2.0
 * @category schemas
 */
export const FlowList = lazy(() =>
  Schema.Struct({
    flows: opt(Schema.Array(FlowMetadata)),
    total: opt(Num)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type FlowList = typeof FlowList.Type

/**
 * A flow with its DSL.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Flow = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    description: opt(Schema.String),
    dsl: opt(Schema.Unknown),
    disabled: opt(Schema.Boolean),
    etag: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Flow = typeof Flow.Type

/**
 * A screen of a flow.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Screen = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    flowId: opt(Schema.String),
    inputs: opt(Schema.Unknown),
    interactions: opt(Schema.Unknown),
    htmlTemplate: opt(Schema.Unknown)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Screen = typeof Screen.Type

/**
 * A flow with its screens (export / import answer).
 *
 * @since 0.2.0
 * @category schemas
 */
export const FlowResponse = lazy(() =>
  Schema.Struct({
    flow: Flow,
    screens: opt(Schema.Array(Screen))
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type FlowResponse = typeof FlowResponse.Type

/**
 * A project theme.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Theme = lazy(() =>
  Schema.Struct({
    id: opt(Schema.String),
    cssTemplate: opt(Schema.Unknown)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Theme = typeof Theme.Type

/**
 * The answer of `runFlowAsync` (it holds the `executionId`; other fields are kept).
 *
 * @since 0.2.0
 * @category schemas
 */
export const FlowAsyncExecution = lazy(() => Schema.Record({ key: Schema.String, value: Schema.Unknown }))

/**
 * @since 0.2.0
 * @category models
 */
export type FlowAsyncExecution = typeof FlowAsyncExecution.Type

/**
 * The answer of `getFlowAsyncResult` (its shape is not documented; every field is kept).
 *
 * @since 0.2.0
 * @category schemas
 */
export const FlowAsyncResult = lazy(() => Schema.Record({ key: Schema.String, value: Schema.Unknown }))

/**
 * @since 0.2.0
 * @category models
 */
export type FlowAsyncResult = typeof FlowAsyncResult.Type

/**
 * Options of a management-run flow.
 *
 * @since 0.2.0
 * @category schemas
 */
export const FlowRunOptions = lazy(() =>
  Schema.Struct({
    input: optional(JsonObject),
    preview: optional(Bool),
    tenant: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type FlowRunOptions = typeof FlowRunOptions.Type

const management = "management" as const

/**
 * `POST /v1/mgmt/flow/list`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const listFlows = Endpoint.post("mgmt.flow.listFlows", "/v1/mgmt/flow/list", {
  credential: management,
  response: FlowList,
  description: "Lists the project's flows"
})

/**
 * `POST /v1/mgmt/flow/delete` (`{ ids }`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteFlows = Endpoint.post("mgmt.flow.deleteFlows", "/v1/mgmt/flow/delete", {
  credential: management,
  request: lazy(() => Schema.Struct({ ids: Strings })),
  response: Endpoint.Empty,
  description: "Deletes flows"
})

/**
 * `POST /v1/mgmt/flow/export`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exportFlow = Endpoint.post("mgmt.flow.exportFlow", "/v1/mgmt/flow/export", {
  credential: management,
  request: lazy(() => Schema.Struct({ flowId: Schema.String })),
  response: FlowResponse,
  description: "Exports a flow and its screens"
})

/**
 * `POST /v1/mgmt/flow/import`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importFlow = Endpoint.post("mgmt.flow.importFlow", "/v1/mgmt/flow/import", {
  credential: management,
  request: lazy(() =>
    Schema.Struct({
      flowId: Schema.String,
      flow: JsonObject,
      screens: optional(Schema.Array(JsonObject))
    })
  ),
  response: FlowResponse,
  description: "Imports a flow and its screens, overriding the flow of that id"
})

/**
 * `POST /v1/mgmt/flow/run` (node-sdk's nested options).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const runFlow = Endpoint.post("mgmt.flow.runFlow", "/v1/mgmt/flow/run", {
  credential: management,
  request: lazy(() =>
    Schema.Struct({
      flowId: Schema.String,
      options: optional(FlowRunOptions),
      /** python-sdk flattens the options: read by the emulator. */
      input: optional(JsonObject),
      preview: optional(Bool),
      tenant: optional(Schema.String)
    })
  ),
  response: lazy(() => Schema.Struct({ output: opt(JsonObject) })),
  description: "Runs a management flow and answers its output"
})

/**
 * `POST /v1/mgmt/flow/async/run` (python-sdk's flattened options).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const runFlowAsync = Endpoint.post("mgmt.flow.runFlowAsync", "/v1/mgmt/flow/async/run", {
  credential: management,
  request: lazy(() => Schema.Struct({ flowId: Schema.String, ...FlowRunOptions.fields })),
  response: FlowAsyncExecution,
  description: "Starts a management flow asynchronously"
})

/**
 * `POST /v1/mgmt/flow/async/result`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getFlowAsyncResult = Endpoint.post("mgmt.flow.getFlowAsyncResult", "/v1/mgmt/flow/async/result", {
  credential: management,
  request: lazy(() => Schema.Struct({ executionId: Schema.String })),
  response: FlowAsyncResult,
  description: "The current result of an asynchronous flow execution"
})

const ThemeResponse = lazy(() => Schema.Struct({ theme: Theme }))

/**
 * `POST /v1/mgmt/theme/export`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exportTheme = Endpoint.post("mgmt.flow.exportTheme", "/v1/mgmt/theme/export", {
  credential: management,
  response: ThemeResponse,
  description: "Exports the project theme"
})

/**
 * `POST /v1/mgmt/theme/import`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importTheme = Endpoint.post("mgmt.flow.importTheme", "/v1/mgmt/theme/import", {
  credential: management,
  request: lazy(() => Schema.Struct({ theme: JsonObject })),
  response: ThemeResponse,
  description: "Imports a theme, overriding the project theme"
})

/**
 * A flow in the `/v2` export shape (go-sdk; Descope's snapshot shape): `flowId`, `metadata`, `contents`,
 * `screens` (by `screenId`) and `references`, every field kept.
 *
 * @since 0.2.0
 * @category schemas
 */
export const FlowV2 = lazy(() =>
  Schema.Struct(
    { flowId: Schema.String },
    Schema.Record({ key: Schema.String, value: Schema.Unknown })
  )
)

/**
 * @since 0.2.0
 * @category models
 */
export type FlowV2 = typeof FlowV2.Type

/**
 * The project theme in the `/v2` export shape (`styles`, `componentsVersion`, `references`, every field kept).
 *
 * @since 0.2.0
 * @category schemas
 */
export const ThemeV2 = JsonObject

/**
 * `POST /v2/mgmt/flow/export` (go-sdk's `ExportFlow`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exportFlowV2 = Endpoint.post("mgmt.flow.exportFlowV2", "/v2/mgmt/flow/export", {
  credential: management,
  request: lazy(() => Schema.Struct({ flowId: Schema.String })),
  response: lazy(() => Schema.Struct({ flow: FlowV2 })),
  description: "Exports a flow with its screens and references (v2 shape)"
})

/**
 * `POST /v2/mgmt/flow/import` (go-sdk's `ImportFlow`): the flow of `flow.flowId` replaced.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importFlowV2 = Endpoint.post("mgmt.flow.importFlowV2", "/v2/mgmt/flow/import", {
  credential: management,
  request: lazy(() => Schema.Struct({ flow: FlowV2 })),
  response: Endpoint.Empty,
  description: "Imports a flow in the v2 shape, overriding the flow of that id"
})

/**
 * `POST /v2/mgmt/theme/export` (go-sdk's `ExportTheme`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exportThemeV2 = Endpoint.post("mgmt.flow.exportThemeV2", "/v2/mgmt/theme/export", {
  credential: management,
  response: lazy(() => Schema.Struct({ theme: opt(ThemeV2) })),
  description: "Exports the project theme (v2 shape)"
})

/**
 * `POST /v2/mgmt/theme/import` (go-sdk's `ImportTheme`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importThemeV2 = Endpoint.post("mgmt.flow.importThemeV2", "/v2/mgmt/theme/import", {
  credential: management,
  request: lazy(() => Schema.Struct({ theme: ThemeV2 })),
  response: Endpoint.Empty,
  description: "Imports a theme in the v2 shape, overriding the project theme"
})
