/**
 * The flow runner (`client.flow`): start a Descope flow and move it on step
 * by step with the user's input, as Descope's web component does, for a
 * custom screen or a server-driven client. A completed flow's answer carries
 * the session (`authInfo`, tokens `Redacted`).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import { nonEmpty, redactedOptional } from "../internal/validate.js"
import * as Wire from "../wire/auth/Flow.js"
import type * as LoginOptions from "./LoginOptions.js"

/**
 * A flow step's answer.
 *
 * @since 0.2.0
 * @category models
 */
export type FlowResponse = Wire.FlowResponse

/**
 * Options of {@link FlowApi.start}.
 *
 * @since 0.2.0
 * @category models
 */
export interface StartOptions {
  readonly flowId: string
  /** Flow options (e.g. `redirectUrl`, `location`, `deviceInfo`), sent as they are. */
  readonly options?: Readonly<Record<string, unknown>> | undefined
  readonly conditionInteractionId?: string | undefined
  readonly interactionId?: string | undefined
  readonly componentsVersion?: string | undefined
  readonly flowVersions?: Readonly<Record<string, number>> | undefined
  readonly input?: Readonly<Record<string, unknown>> | undefined
  readonly isCustomScreen?: boolean | undefined
  /** The signed-in user's refresh token, for flows that need one. */
  readonly refreshToken?: LoginOptions.Secret | undefined
}

/**
 * Options of {@link FlowApi.next}.
 *
 * @since 0.2.0
 * @category models
 */
export interface NextOptions {
  readonly executionId: string
  readonly stepId: string
  /** The interaction (the button or form) the user took. */
  readonly interactionId: string
  readonly version?: number | undefined
  readonly componentsVersion?: string | undefined
  readonly input?: Readonly<Record<string, unknown>> | undefined
  readonly isCustomScreen?: boolean | undefined
  readonly refreshToken?: LoginOptions.Secret | undefined
}

/**
 * The flow runner's operations.
 *
 * @since 0.2.0
 * @category models
 */
export interface FlowApi {
  /** Starts a flow (`POST /v1/flow/start`): its first step. */
  readonly start: (options: StartOptions) => Effect.Effect<FlowResponse, LoginOptions.StartError>
  /** Moves a flow on (`POST /v1/flow/next`): the next step. */
  readonly next: (options: NextOptions) => Effect.Effect<FlowResponse, LoginOptions.StartError>
}

/**
 * Builds the flow runner's operations.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service): FlowApi => ({
  start: ({ flowId, refreshToken, ...rest }) =>
    Effect.flatMap(
      nonEmpty("flowId", flowId),
      (id) => http.call(Wire.start, { request: { ...rest, flowId: id }, token: redactedOptional(refreshToken) })
    ),
  next: ({ executionId, interactionId, refreshToken, stepId, ...rest }) =>
    Effect.gen(function*() {
      const request = {
        ...rest,
        executionId: yield* nonEmpty("executionId", executionId),
        stepId: yield* nonEmpty("stepId", stepId),
        interactionId: yield* nonEmpty("interactionId", interactionId)
      }
      return yield* http.call(Wire.next, { request, token: redactedOptional(refreshToken) })
    })
})
