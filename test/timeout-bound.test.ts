// The transport's bound (`internal/timeout.ts`): on the live clock one child fiber and one timer instead of
// `Effect.timeoutFail`'s race of two fibers; the same outcomes as `Effect.timeoutFail` (the oracle) for a
// value, a typed failure, a defect, a timeout and an interrupted caller; nothing left behind; and under any
// other clock (TestClock) the clock's time.
import { assert, describe, it } from "@effect/vitest"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as TestClock from "effect/TestClock"
import * as Timeout from "../src/internal/timeout.js"

class Late {
  readonly _tag = "Late"
}
class Refused {
  readonly _tag = "Refused"
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length

/** Both bounds over the same effect, each with its own exit. */
const both = <A, E>(self: Effect.Effect<A, E>, duration: Duration.DurationInput) =>
  Effect.all([
    Effect.exit(Timeout.timeoutFail(self, { duration, onTimeout: () => new Late() })),
    Effect.exit(Effect.timeoutFail(self, { duration, onTimeout: () => new Late() }))
  ])

const sameExit = <A, E>(ours: Exit.Exit<A, E>, oracle: Exit.Exit<A, E>) => {
  assert.strictEqual(ours._tag, oracle._tag)
  if (Exit.isSuccess(ours) && Exit.isSuccess(oracle)) assert.deepStrictEqual(ours.value, oracle.value)
  if (Exit.isFailure(ours) && Exit.isFailure(oracle)) {
    assert.deepStrictEqual(Cause.failureOption(ours.cause), Cause.failureOption(oracle.cause))
    assert.strictEqual(Cause.isDie(ours.cause), Cause.isDie(oracle.cause))
    assert.strictEqual(Cause.isInterruptedOnly(ours.cause), Cause.isInterruptedOnly(oracle.cause))
  }
}

describe("the transport's bound on the live clock, against Effect.timeoutFail", () => {
  it.live("a value, a typed failure and a defect come through as they are, and no timer is left", () =>
    Effect.gen(function*() {
      const before = timers()
      const outcomes: ReadonlyArray<Effect.Effect<number, Refused>> = [
        Effect.succeed(1),
        Effect.fail(new Refused()),
        Effect.die("boom"),
        Effect.as(Effect.sleep("5 millis"), 2),
        Effect.zipRight(Effect.sleep("5 millis"), Effect.fail(new Refused())),
        Effect.promise(() => Promise.resolve(3))
      ]
      for (const outcome of outcomes) {
        const [ours, oracle] = yield* both(outcome, "2 seconds")
        sameExit(ours, oracle)
      }
      assert.isAtMost(timers(), before)
    }))

  it.live("an effect that never ends fails with onTimeout, its finalizers run first", () =>
    Effect.gen(function*() {
      const before = timers()
      let finalized = 0
      const never = Effect.onInterrupt(Effect.never, () => Effect.sync(() => finalized++))
      const [ours, oracle] = yield* both(never, "20 millis")
      sameExit(ours, oracle)
      assert.isTrue(Exit.isFailure(ours) && Option.isSome(Cause.failureOption(ours.cause)))
      assert.strictEqual(finalized, 2)
      assert.isAtMost(timers(), before)
    }))

  it.live("an interrupted caller interrupts the effect and leaves no timer", () =>
    Effect.gen(function*() {
      const before = timers()
      let finalized = false
      const fiber = yield* Effect.fork(
        Timeout.timeoutFail(Effect.onInterrupt(Effect.never, () => Effect.sync(() => (finalized = true))), {
          duration: "1 minute",
          onTimeout: () => new Late()
        })
      )
      yield* Effect.sleep("5 millis")
      const exit = yield* Fiber.interrupt(fiber)
      assert.isTrue(Exit.isInterrupted(exit))
      assert.isTrue(finalized)
      assert.isAtMost(timers(), before)
    }))

  it.live("a failure is the caller's: no 'unhandled error' is logged for the child fiber", () =>
    Effect.gen(function*() {
      const messages: Array<string> = []
      const logger = Logger.make(({ message }) => messages.push(String(message)))
      const exit = yield* Effect.exit(
        Timeout.timeoutFail(Effect.fail(new Refused()), { duration: "1 second", onTimeout: () => new Late() })
      ).pipe(
        Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
        Logger.withMinimumLogLevel(LogLevel.All),
        Effect.locally(FiberRef.unhandledErrorLogLevel, Option.some(LogLevel.Error))
      )
      assert.isTrue(Exit.isFailure(exit))
      assert.deepStrictEqual(messages, [])
    }))

  it.live("a bound no timer can hold (infinite, or past 2^31 ms) never fires, as the live clock's sleep", () =>
    Effect.gen(function*() {
      for (const duration of [Duration.infinity, Duration.days(30)]) {
        const value = yield* Timeout.timeoutFail(Effect.as(Effect.sleep("5 millis"), "done"), {
          duration,
          onTimeout: () => new Late()
        })
        assert.strictEqual(value, "done")
      }
    }))
})

describe("the transport's bound under another clock", () => {
  it.effect("TestClock: the bound is the clock's, not the wall's", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(
        Effect.flip(Timeout.timeoutFail(Effect.never, { duration: "10 seconds", onTimeout: () => new Late() }))
      )
      yield* TestClock.adjust("9 seconds")
      assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
      yield* TestClock.adjust("1 second")
      const error = yield* Fiber.join(fiber)
      assert.instanceOf(error, Late)
    }))
})
