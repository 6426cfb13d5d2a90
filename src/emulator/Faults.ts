/**
 * Faults on demand: per path pattern (and optionally method), the emulator
 * adds latency, answers a chosen status (e.g. a burst of 503s), a 429 with a
 * chosen `Retry-After`, a malformed body, or drops the connection. A fault
 * may apply a limited number of `times`, after which it is removed.
 *
 * @since 0.1.0
 */

/**
 * What to do with a matching request.
 *
 * @since 0.1.0
 * @category models
 */
export interface FaultSpec {
  /**
   * The request paths it applies to: an exact path, or a pattern where `*`
   * matches within one segment and `**` across segments, matched against the
   * whole path (e.g. `/v1/auth/otp/**`; `/v1/mgmt/user/*` matches
   * `/v1/mgmt/user/create` but not `/v1/mgmt/user`, where `mgmt.user.load` goes).
   */
  readonly path: string
  /** Only this method (any when absent). */
  readonly method?: string | undefined
  /** How many matching requests it affects (unlimited when absent). */
  readonly times?: number | undefined
  /** Added latency, milliseconds (before the answer or the other effects). */
  readonly latencyMs?: number | undefined
  /** Answer this status with a Descope error body instead of handling the request. */
  readonly status?: number | undefined
  /** Answer 429 (or `status`) with this `Retry-After` (seconds). */
  readonly retryAfter?: number | undefined
  /** Answer the handler's status with a body that is not JSON. */
  readonly malformed?: boolean | undefined
  /** Drop the connection without an answer. */
  readonly drop?: boolean | undefined
}

/**
 * A registered fault.
 *
 * @since 0.1.0
 * @category models
 */
export interface Fault extends FaultSpec {
  readonly id: string
  /** Remaining applications (undefined = unlimited). */
  remaining?: number | undefined
  /** How many requests it affected so far. */
  hits: number
}

const escape = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")

/**
 * Compiles a path pattern into a regular expression.
 *
 * @since 0.1.0
 * @category constructors
 */
export const compile = (pattern: string): RegExp => {
  const normalized = pattern.startsWith("/") ? pattern : `/${pattern}`
  const parts = normalized.split("**").map((chunk) => chunk.split("*").map(escape).join("[^/]*"))
  return new RegExp(`^${parts.join(".*")}$`)
}

/**
 * Whether a fault applies to a request.
 *
 * @since 0.1.0
 * @category guards
 */
export const applies = (fault: FaultSpec, method: string, path: string): boolean =>
  (fault.method === undefined || fault.method.toUpperCase() === method.toUpperCase()) && compile(fault.path).test(path)

/**
 * The header marking a response whose connection must be dropped (internal
 * between the application and its doors; never sent).
 *
 * @since 0.1.0
 * @category constants
 */
export const DROP_HEADER = "x-descope-emulator-drop"
