/**
 * Child process of the heap measurement (run with `--expose-gc`): heap used
 * after 100,000 validations of RS256 tokens cycling through 5,000 distinct
 * tokens (more than the verified-token cache holds, so it ends full and has
 * evicted all along). Prints one JSON line.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import { generateKey, mintSessions, startKeysServer } from "./keys.js"

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error("run with --expose-gc")
const PROJECT_ID = "P2benchProject000000000000000"
const VALIDATIONS = Number(process.env.BENCH_HEAP_VALIDATIONS ?? 100_000)
const DISTINCT = 5_000

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100
const settle = () => {
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage()
}

const key = generateKey("RS256", "heap-rs256")
const server = await startKeysServer(PROJECT_ID, [key])
const tokens = mintSessions(key, PROJECT_ID, DISTINCT, "heap")
const runtime = ManagedRuntime.make(
  Descope.layer({ projectId: PROJECT_ID, baseUrl: server.baseUrl }).pipe(Layer.provide(FetchHttpClient.layer))
)
const client = await runtime.runPromise(DescopeClient)
await Effect.runPromise(client.validateSession(tokens[0]!))
const before = settle()
for (let i = 0; i < VALIDATIONS; i++) {
  await Effect.runPromise(client.validateSession(tokens[i % DISTINCT]!))
}
const after = settle()
process.stdout.write(
  JSON.stringify({
    validations: VALIDATIONS,
    distinctTokens: DISTINCT,
    heapBeforeMb: mb(before.heapUsed),
    heapAfterMb: mb(after.heapUsed),
    rssAfterMb: mb(after.rss)
  }) + "\n"
)
await runtime.dispose()
await server.close()
process.exit(0)
