/**
 * The flow runner (`/v1/flow/*`): start a Descope flow and move it on, step
 * by step, as Descope's web component does. Each answer says the step, its
 * status and the action to take; a completed flow carries the session.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { JsonObject, opt, optional } from "../Fields.js"
import { JWTResponse } from "./Common.js"

/**
 * A flow step's answer. Its tokens (`authInfo`) are `Redacted`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const FlowResponse = lazy(() =>
  Schema.Struct({
    executionId: Schema.String,
    stepId: opt(Schema.String),
    stepName: opt(Schema.String),
    status: opt(Schema.String),
    action: opt(Schema.String),
    screen: opt(JsonObject),
    redirect: opt(JsonObject),
    webauthn: opt(JsonObject),
    error: opt(Schema.Struct({
      code: opt(Schema.String),
      description: opt(Schema.String),
      message: opt(Schema.String)
    })),
    authInfo: opt(JWTResponse),
    output: opt(JsonObject)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type FlowResponse = typeof FlowResponse.Type

const common = {
  componentsVersion: optional(Schema.String),
  input: optional(JsonObject),
  isCustomScreen: optional(Schema.Boolean)
}

/**
 * `POST /v1/flow/start` (the refresh token when a user is signed in).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const start = Endpoint.post("flow.start", "/v1/flow/start", {
  credential: "optionalRefresh",
  request: lazy(() =>
    Schema.Struct({
      flowId: Schema.String,
      options: optional(JsonObject),
      conditionInteractionId: optional(Schema.String),
      interactionId: optional(Schema.String),
      flowVersions: optional(Schema.Record({ key: Schema.String, value: Schema.Number })),
      ...common
    })
  ),
  response: FlowResponse,
  description: "Starts a flow: its first step"
})

/**
 * `POST /v1/flow/next` (the refresh token when a user is signed in).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const next = Endpoint.post("flow.next", "/v1/flow/next", {
  credential: "optionalRefresh",
  request: lazy(() =>
    Schema.Struct({
      executionId: Schema.String,
      stepId: Schema.String,
      interactionId: Schema.String,
      version: optional(Schema.Number),
      ...common
    })
  ),
  response: FlowResponse,
  description: "Moves a flow on from a step with the user's input: the next step"
})
