// The unhandled-rejection guard of the socket and load tests: counts the promise rejections nobody handled
// (an aborted socket's, a forgotten promise's) while the calling file's tests run, and checks there were none.
import { afterAll, assert, beforeAll } from "@effect/vitest"
import * as Effect from "effect/Effect"

/** What `guardUnhandledRejections` gives a test file. */
export interface UnhandledRejections {
  /** Asserts, after the pending callbacks ran, that no rejection went unhandled (for `afterEach`). */
  readonly assertNone: () => Promise<void>
  /** The same check as an Effect, to end a test with. */
  readonly noUnhandledRejection: Effect.Effect<void>
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Listens for `unhandledRejection` from the file's first test to its last (call it at the top level of a test
 * file). The checks wait a turn of the event loop first, so a rejection of the last tick is counted.
 */
export const guardUnhandledRejections = (): UnhandledRejections => {
  let unhandled = 0
  const onUnhandled = () => void unhandled++
  beforeAll(() => void process.on("unhandledRejection", onUnhandled))
  afterAll(() => void process.off("unhandledRejection", onUnhandled))
  const check = () => assert.strictEqual(unhandled, 0, "unhandled promise rejections")
  return {
    assertNone: () => nextTurn().then(check),
    noUnhandledRejection: Effect.promise(nextTurn).pipe(Effect.map(check))
  }
}
