/**
 * A client that goes away is not an emulator defect: the handler it leaves
 * behind is interrupted and logged at debug level, never at ERROR (a green
 * `npm test` prints no ERROR lines).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Http from "node:http"
import * as Emulator from "../src/emulator/index.js"

interface Entry {
  readonly level: string
  readonly message: string
}

const capture = (entries: Array<Entry>) =>
  Logger.replace(
    Logger.defaultLogger,
    Logger.make(({ logLevel, message }) => {
      entries.push({
        level: logLevel.label,
        message: Array.isArray(message) ? message.map(String).join(" ") : String(message)
      })
    })
  )

/** Polls (bounded, real time) until `check` holds. */
const eventually = (check: Effect.Effect<boolean>, what: string) =>
  Effect.gen(function*() {
    for (let i = 0; i < 500; i++) {
      if (yield* check) return
      yield* Effect.sleep("10 millis")
    }
    assert.fail(`timed out waiting for ${what}`)
  })

describe("the emulator's log when a client goes away", () => {
  it.live("an interrupted handler is logged at debug, not as an ERROR defect", () =>
    Effect.gen(function*() {
      const entries: Array<Entry> = []
      const emulator = yield* Emulator.Emulator
      // the handler sleeps 60 s: the client leaves while it waits
      yield* emulator.addFault({ path: "/v1/mgmt/license", latencyMs: 60_000 })
      const info = yield* Emulator.serve({ port: 0 }).pipe(
        Effect.provide(capture(entries)),
        Logger.withMinimumLogLevel(LogLevel.Debug)
      )
      const request = Http.request(`${info.baseUrl}/v1/mgmt/license`, { agent: false })
      request.on("error", () => {})
      request.end()
      yield* eventually(Effect.map(emulator.faults, ([fault]) => fault?.hits === 1), "the handler to wait on its fault")
      request.destroy()
      yield* eventually(Effect.sync(() => entries.length > 0), "the emulator to log the interrupted request")
      assert.deepStrictEqual(entries.filter((e) => e.level === "ERROR" || e.level === "FATAL"), [])
      assert.deepStrictEqual(entries, [{
        level: "DEBUG",
        message: "descope emulator: request interrupted (the client went away)"
      }])
      yield* eventually(Effect.map(info.connections, (n) => n === 0), "the connection to close")
    }).pipe(Effect.scoped, Effect.provide(Emulator.layer())), { timeout: 20_000 })
})
