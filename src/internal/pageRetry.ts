/**
 * How the paginated streams (`mgmt.user.search`,
 * `mgmt.inboundApplication.streamConsents`) wait out 429s: the public
 * `retryOnRateLimit` schedule, with the streams' own bounds.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import type * as Schedule from "effect/Schedule"
import { retryOnRateLimit } from "../core/DescopeHttp.js"

/** How many consecutive 429 answers a stream waits out on one page before failing with the last. */
export const MAX_PAGE_RATE_LIMIT_RETRIES = 10

/**
 * The retry of one page of a stream: only `RateLimitError`s, each after exactly
 * its `retryAfter` however long (a stream is a long read the caller has chosen
 * to run), at most {@link MAX_PAGE_RATE_LIMIT_RETRIES} times in a row. Other
 * errors end the stream at once.
 */
export const pageRetry: Schedule.Schedule<unknown, unknown> = retryOnRateLimit({
  times: MAX_PAGE_RATE_LIMIT_RETRIES,
  maxRetryAfter: Duration.infinity
})
