/**
 * `Effect.timeoutFail`, at a third of its cost on the live clock.
 *
 * `Effect.timeoutFail` races the effect against a sleep: two forked fibers
 * and the race's bookkeeping for every call, which measured ~137 µs of CPU per
 * management call (more than the rest of the SDK's own work on it). On the
 * live clock (whose `sleep` is a plain timer) the same bound needs one fiber
 * and one timer: the effect runs in a child fiber, and the caller waits for
 * whichever comes first, the child's exit or the timer. On a timeout the child
 * is interrupted (awaited, as `timeoutFail` does) and the caller fails with
 * `onTimeout()`; when the caller is interrupted, so is the child. The wait is
 * bounded whatever the effect does (an `HttpClient` that ignores its
 * `AbortSignal` included).
 *
 * Under any other clock (`TestClock`, a clock an application provides) this
 * is `Effect.timeoutFail` itself, so that time stays the clock's.
 *
 * @internal
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"

const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

/** The longest delay a timer honours; the live clock's `sleep` never wakes beyond it, nor does this. */
const MAX_TIMER_MILLIS = 2 ** 31 - 1

/**
 * Fails with `onTimeout()` when `self` has not completed within `duration`
 * (see the module's description).
 */
export const timeoutFail = <A, E, R, E1>(
  self: Effect.Effect<A, E, R>,
  options: { readonly duration: Duration.DurationInput; readonly onTimeout: () => E1 }
): Effect.Effect<A, E | E1, R> =>
  Effect.withFiberRuntime((fiber) => {
    if (Context.get(fiber.getFiberRef(DefaultServices.currentServices), Clock.Clock) !== liveClock) {
      return Effect.timeoutFail(self, options)
    }
    const millis = Duration.toMillis(options.duration)
    // a sleep this long never wakes on the live clock: there is no bound to enforce
    if (!(millis <= MAX_TIMER_MILLIS)) return self
    // the child succeeds with the effect's exit: its failures are the caller's, never "unhandled" in the child
    return Effect.flatMap(Effect.fork(Effect.exit(self)), (child) =>
      Effect.async<A, E | E1>((resume) => {
        let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
          timer = undefined
          resume(Effect.zipRight(Fiber.interrupt(child), Effect.fail(options.onTimeout())))
        }, millis)
        child.addObserver((exit) => {
          if (timer === undefined) return
          clearTimeout(timer)
          timer = undefined
          resume(Exit.isSuccess(exit) ? exit.value : Exit.failCause(exit.cause))
        })
        return Effect.suspend(() => {
          if (timer !== undefined) clearTimeout(timer)
          timer = undefined
          return Fiber.interrupt(child)
        })
      }))
  })
