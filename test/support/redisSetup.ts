// Vitest global setup: a real redis-server on a free loopback port for the fleet tests (stopped after the
// run). REDIS_URL points the tests at an existing server instead. Without redis-server and without CI the
// fleet tests say how to install it; under CI a missing Redis is a failure (.ci/run installs it).
import * as ChildProcess from "node:child_process"
import * as Net from "node:net"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>`, or "" when no Redis is available. */
    readonly redisUrl: string
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = Net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

/** Starts `redis-server` on a free loopback port; resolves once it accepts connections. */
export const startRedis = async (): Promise<
  { readonly url: string; readonly port: number; readonly stop: () => Promise<void> }
> => {
  const port = await freePort()
  const child = ChildProcess.spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
    { stdio: ["ignore", "pipe", "pipe"] }
  )
  await new Promise<void>((resolve, reject) => {
    let out = ""
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000)
    child.once("error", (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes("Ready to accept connections")) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  // a test run that ends without its teardown (a crash, an interrupted run) must not leave the server behind
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  }
  process.once("exit", killOnExit)
  const stop = () =>
    new Promise<void>((resolve) => {
      process.removeListener("exit", killOnExit)
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once("exit", () => resolve())
      child.kill("SIGKILL")
    })
  return { url: `redis://127.0.0.1:${port}`, port, stop }
}

export const hasRedisServer = (): boolean => ChildProcess.spawnSync("redis-server", ["--version"]).status === 0

export default async function setup(project: TestProject) {
  if (process.env.REDIS_URL !== undefined && process.env.REDIS_URL !== "") {
    project.provide("redisUrl", process.env.REDIS_URL)
    return
  }
  if (!hasRedisServer()) {
    project.provide("redisUrl", "")
    return
  }
  const redis = await startRedis()
  project.provide("redisUrl", redis.url)
  return redis.stop
}
