/**
 * Sessions that arrive later (enchanted link, NOTP): one poll of the flow's
 * `pending-session` endpoint, or polling it on a `Schedule` until the session
 * arrives, the timeout passes or the caller interrupts.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"
import {
  DEFAULT_POLLING_TIMEOUT,
  MIN_POLLING_INTERVAL,
  type PendingSessionApi,
  type WaitForSessionOptions
} from "../auth/LoginOptions.js"
import * as AuthenticationInfo from "../core/AuthenticationInfo.js"
import {
  type AuthError,
  type InvalidArgumentError,
  PollingTimeoutError,
  type RemoteError
} from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import type * as Common from "../wire/auth/Common.js"
import type * as Endpoint from "../wire/Endpoint.js"
import { nonEmptySecret } from "./validate.js"

/**
 * Polls `poll` until it answers: the first poll at once, then one per
 * `interval` while the answer is "pending" (`isPending`), at least
 * `retryAfter` after a rate limit; any other error stops at once. After
 * `timeout` it fails with `PollingTimeoutError` naming `operation`.
 * Interrupting it stops the polling: no request is sent afterwards.
 */
export const pollForSession = <A>(
  operation: string,
  poll: Effect.Effect<A, RemoteError | InvalidArgumentError>,
  isPending: (error: AuthError) => boolean,
  options: WaitForSessionOptions = {}
): Effect.Effect<A, RemoteError | InvalidArgumentError | PollingTimeoutError> => {
  const interval = Duration.max(Duration.decode(options.interval ?? MIN_POLLING_INTERVAL), MIN_POLLING_INTERVAL)
  const timeout = Duration.decode(options.timeout ?? DEFAULT_POLLING_TIMEOUT)
  const schedule = Schedule.spaced(interval).pipe(
    Schedule.zipRight(Schedule.identity<RemoteError | InvalidArgumentError>()),
    Schedule.modifyDelay((error, delay) =>
      error._tag === "RateLimitError" ? Duration.max(delay, error.retryAfter) : delay
    )
  )
  return poll.pipe(
    Effect.retry({
      schedule,
      while: (error) => error._tag === "RateLimitError" || (error._tag === "AuthError" && isPending(error))
    }),
    Effect.timeoutFail({
      duration: timeout,
      onTimeout: () => new PollingTimeoutError({ operation, timeout })
    })
  )
}

/** A flow's `pending-session` endpoint: `{ pendingRef }` in, a `JWTResponse` out. */
export type PendingEndpoint = Endpoint.Endpoint<
  never,
  typeof Common.PendingRequest.Type,
  typeof Common.PendingRequest.Encoded,
  Common.JWTResponse,
  typeof Common.JWTResponse.Encoded
>

/**
 * The polling calls of a flow: both check that `pendingRef` is not empty, then
 * poll `endpoint` (a span per poll) and build the session from the answer;
 * `waitForSession` repeats the poll while `isPending` and names
 * `waitOperation` in its `PollingTimeoutError`.
 */
export const pendingSession = (
  http: DescopeHttp.Service,
  validator: SessionValidatorService,
  spec: {
    readonly endpoint: PendingEndpoint
    readonly waitOperation: string
    readonly isPending: (error: AuthError) => boolean
  }
): PendingSessionApi => ({
  getSession: (pendingRef) =>
    Effect.gen(function*() {
      const ref = yield* nonEmptySecret("pendingRef", pendingRef)
      const response = yield* http.callFull(spec.endpoint, { request: { pendingRef: ref } })
      return yield* AuthenticationInfo.fromResponse(validator, response)
    }),

  waitForSession: (pendingRef, options) =>
    Effect.gen(function*() {
      const ref = yield* nonEmptySecret("pendingRef", pendingRef)
      const poll = http.callFull(spec.endpoint, { request: { pendingRef: ref } })
      const response = yield* pollForSession(spec.waitOperation, poll, spec.isPending, options)
      return yield* AuthenticationInfo.fromResponse(validator, response)
    })
})
