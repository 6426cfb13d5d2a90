/**
 * Child process of the scaling section (run with `--expose-gc`): how costs
 * grow with the work. Prints one JSON line.
 *
 * - The in-process emulator with 100 vs 100,000 users: `mgmt.user.load` and a
 *   complete OTP sign-in (sign-in, the code from the outbox, verify) side by
 *   side in interleaved rounds; the goal is the same latency.
 * - `mgmt.user.search` as a `Stream` over the 100,000 users (pages of 100):
 *   users per second and the heap after gc sampled every 50 pages (bounded by
 *   the page size, not by the users streamed).
 * - 10,000 concurrent validations of distinct ES256 tokens: the heap retained
 *   afterwards (the verified-token cache's byte budget bounds it).
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import { median, runGroup } from "./harness.js"
import { generateKey, mintSessions, startKeysServer } from "./keys.js"

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error("run with --expose-gc")
const quick = process.env.BENCH_QUICK === "1"
const PROJECT_ID = "P2benchScaling00000000000000"
const MANAGEMENT_KEY = "bench-scaling-key"
const BIG = Number(process.env.BENCH_SCALING_USERS ?? 100_000)
const SMALL = 100
const ACTIVE = 100 // the users the timed lines load and sign in, in both emulators

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100
const heapAfterGc = () => {
  for (let i = 0; i < 2; i++) gc()
  return process.memoryUsage().heapUsed
}
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`)
const loginIdOf = (n: number) => `user-${n}@example.com`

const emulatorWith = async (users: number) => {
  const seed = { users: Array.from({ length: users }, (_, n) => ({ loginId: loginIdOf(n), name: `User ${n}` })) }
  const runtime = ManagedRuntime.make(
    Descope.layer({ projectId: PROJECT_ID, baseUrl: "http://emulator.local", managementKey: MANAGEMENT_KEY })
      .pipe(
        Layer.provide(Emulator.layerHttpClient),
        Layer.provideMerge(Emulator.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, seed }))
      )
  )
  const emulator = await runtime.runPromise(Emulator.Emulator)
  const client = await runtime.runPromise(DescopeClient)
  const signIn = async (loginId: string) => {
    await Effect.runPromise(client.otp.signIn({ method: "email", loginId }))
    const message = await Effect.runPromise(emulator.lastMessage(loginId, "otp"))
    if (Option.isNone(message) || message.value.code === undefined) throw new Error(`no code for ${loginId}`)
    await Effect.runPromise(client.otp.verifyCode({ method: "email", loginId, code: message.value.code }))
  }
  return { runtime, emulator, client, signIn }
}

// --- the emulator with 100 vs 100,000 users ---------------------------------
log(`emulators with ${SMALL} and ${BIG.toLocaleString("en-US")} users ...`)
const seeding = performance.now()
const small = await emulatorWith(SMALL)
const big = await emulatorWith(BIG)
const seedSeconds = (performance.now() - seeding) / 1000
const group = await runGroup([
  { name: "userLoadSmall", op: (i) => Effect.runPromise(small.client.mgmt.user.load(loginIdOf(i % ACTIVE))) },
  { name: "userLoadBig", op: (i) => Effect.runPromise(big.client.mgmt.user.load(loginIdOf(i % ACTIVE))) },
  { name: "signInSmall", op: (i) => small.signIn(loginIdOf(i % ACTIVE)) },
  { name: "signInBig", op: (i) => big.signIn(loginIdOf(i % ACTIVE)) }
], {
  rounds: quick ? 5 : 9,
  warmupRounds: 1,
  roundMs: quick ? 100 : 250,
  beforeRound: async () => {
    await Effect.runPromise(small.emulator.clearOutbox)
    await Effect.runPromise(big.emulator.clearOutbox)
  }
})
await small.runtime.dispose()

// --- user.search as a Stream over 100,000 users -----------------------------
log(`user.search as a Stream over ${BIG.toLocaleString("en-US")} users ...`)
const heapSamples: Array<number> = []
heapSamples.push(heapAfterGc())
let streamed = 0
let pages = 0
const streamStart = performance.now()
const streamCpu = process.cpuUsage()
let sampleMs = 0
await Effect.runPromise(
  big.client.mgmt.user.search({ pageSize: 100 }).pipe(
    Stream.runForEach(() =>
      Effect.sync(() => {
        streamed++
        if (streamed % 100 === 0 && ++pages % 50 === 0) {
          const t = performance.now()
          heapSamples.push(heapAfterGc())
          sampleMs += performance.now() - t
        }
      })
    )
  )
)
const streamSeconds = (performance.now() - streamStart - sampleMs) / 1000
const streamCpuSeconds = (() => {
  const c = process.cpuUsage(streamCpu)
  return (c.user + c.system) / 1e6 - sampleMs / 1000
})()
if (streamed !== BIG) throw new Error(`the stream gave ${streamed} users of ${BIG}`)
await big.runtime.dispose()

// --- 10,000 concurrent validations of distinct tokens -----------------------
const CONCURRENT = 10_000
log(`${CONCURRENT.toLocaleString("en-US")} concurrent validations of distinct ES256 tokens ...`)
const key = generateKey("ES256", "scaling-es256")
const keys = await startKeysServer(PROJECT_ID, [key])
const tokens = mintSessions(key, PROJECT_ID, CONCURRENT, "conc")
const validator = ManagedRuntime.make(
  Descope.layer({ projectId: PROJECT_ID, baseUrl: keys.baseUrl }).pipe(Layer.provide(FetchHttpClient.layer))
)
const vclient = await validator.runPromise(DescopeClient)
await Effect.runPromise(vclient.validateSession(tokens[0]!))
const beforeConcurrent = heapAfterGc()
const sessions = await Effect.runPromise(
  Effect.forEach(tokens, (t) => vclient.validateSession(t), { concurrency: "unbounded" })
)
const peakConcurrent = process.memoryUsage().heapUsed
if (sessions.length !== CONCURRENT) throw new Error("not every concurrent validation answered")
sessions.length = 0
const afterConcurrent = heapAfterGc()
await validator.dispose()
await keys.close()

const streamGrowth = heapSamples.slice(1).map((h) => h - heapSamples[0]!)
process.stdout.write(
  JSON.stringify({
    users: BIG,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    group,
    stream: {
      users: streamed,
      usersPerSec: Math.round(streamed / streamSeconds),
      cpuUsersPerSec: Math.round(streamed / streamCpuSeconds),
      heapStartMb: mb(heapSamples[0]!),
      heapGrowthMaxMb: mb(Math.max(...streamGrowth)),
      heapGrowthMedianMb: mb(median(streamGrowth)),
      samples: heapSamples.length
    },
    concurrent: {
      validations: CONCURRENT,
      heapPeakGrowthMb: mb(peakConcurrent - beforeConcurrent),
      heapRetainedMb: mb(afterConcurrent - beforeConcurrent)
    }
  }) + "\n"
)
process.exit(0)
