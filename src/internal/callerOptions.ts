/**
 * Per-caller transport options around shared work: one caller's
 * `withRequestOptions` never applies to another caller.
 *
 * - {@link fingerprint} names a caller's options, so that shared work (a
 *   deduplicated or batched load) joins only callers whose options are equal.
 * - {@link shared} runs work shared by callers with any options under the
 *   client's defaults, and {@link ownBound} bounds each caller's wait by its
 *   own timeout (a `TransportError` reason `Timeout` for that caller only).
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { TransportError } from "../core/DescopeError.js"
import { CurrentRequestOptions, type RequestOptions } from "../core/DescopeHttp.js"

const scheduleIds = new WeakMap<object, number>()
let nextScheduleId = 1

const millisOf = (d: Duration.DurationInput | undefined): string =>
  d === undefined ? "" : String(Duration.toMillis(Duration.decode(d)))

/** A string equal for two option sets exactly when they bound and retry a call the same way. */
export const fingerprint = (options: RequestOptions): string => {
  if (
    options.timeout === undefined && options.totalTimeout === undefined && options.retry === undefined &&
    options.maxResponseBytes === undefined
  ) return ""
  let retry = ""
  if (options.retry === false) retry = "off"
  else if (options.retry !== undefined) {
    let id = scheduleIds.get(options.retry)
    if (id === undefined) {
      id = nextScheduleId++
      scheduleIds.set(options.retry, id)
    }
    retry = `s${id}`
  }
  return `${millisOf(options.timeout)}|${millisOf(options.totalTimeout)}|${retry}|${options.maxResponseBytes ?? ""}`
}

/** The caller's options: read once per call. */
export const current: Effect.Effect<RequestOptions> = CurrentRequestOptions

/** Runs `work` under the given options, whatever the ambient ones. */
export const withOptions = <A, E, R>(work: Effect.Effect<A, E, R>, options: RequestOptions): Effect.Effect<A, E, R> =>
  Effect.provideService(work, CurrentRequestOptions, options)

/** Runs work shared by callers with any options under the client's defaults. */
export const shared = <A, E, R>(work: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => withOptions(work, {})

/**
 * Bounds a caller's wait for shared work by its own options: its total
 * timeout (default: twice its attempt timeout), when it gave one.
 */
export const ownBound = <A, E, R>(
  wait: Effect.Effect<A, E, R>,
  request: { readonly method: string; readonly path: string }
): Effect.Effect<A, E | TransportError, R> =>
  Effect.flatMap(CurrentRequestOptions, (options) => {
    if (options.timeout === undefined && options.totalTimeout === undefined) return wait
    const total = options.totalTimeout !== undefined
      ? Duration.decode(options.totalTimeout)
      : Duration.times(Duration.decode(options.timeout!), 2)
    return Effect.timeoutFail(wait, {
      duration: total,
      onTimeout: () =>
        new TransportError({
          reason: "Timeout",
          method: request.method,
          path: request.path,
          description: `no answer within ${Duration.format(total)}`
        })
    })
  })
