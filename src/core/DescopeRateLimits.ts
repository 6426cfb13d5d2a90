/**
 * The optional gate every call passes before it is sent: with it in the
 * context of the transport layer, each call waits for a slot of its Descope
 * rate-limit bucket (the wire catalogue names each endpoint's) instead of
 * drawing a 429, and a 429 that still comes is reported to the gate, so that
 * every instance sharing it backs off. Without it (the default), calls go out
 * at once.
 *
 * The shared implementation over `@effect/experimental`'s `RateLimiter`
 * (memory or Redis store) is `SharedRateLimits` in `descope-effect/fleet`.
 *
 * @since 0.2.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type * as Endpoint from "../wire/Endpoint.js"
import type { RateLimitError } from "./DescopeError.js"

/**
 * The gate: `limit(projectId, bucket, call)` runs `call` once a slot of the
 * project's `bucket` is free.
 *
 * @since 0.2.0
 * @category models
 */
export interface Service {
  readonly limit: <A, E>(
    projectId: string,
    bucket: Endpoint.Bucket,
    call: Effect.Effect<A, E | RateLimitError>
  ) => Effect.Effect<A, E | RateLimitError>
}

/**
 * The gate's tag. The transport reads it when its layer is built.
 *
 * @since 0.2.0
 * @category tags
 */
export class DescopeRateLimits extends Context.Tag("descope-effect/DescopeRateLimits")<DescopeRateLimits, Service>() {}
