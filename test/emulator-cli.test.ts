/**
 * `descope-emulator` as people run it, in child processes: it prints where it
 * listens, the project id and the (masked) management key it really serves;
 * SIGTERM and SIGINT stop it, also through `npx` (which signals only its
 * `sh -c`, so the CLI notices its parent is gone); a port in use is one line
 * and exit code 1; a missing `@effect/platform-node` is one line naming the
 * package to add.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as Fs from "node:fs"
import * as Net from "node:net"
import * as Path from "node:path"
import { DEFAULT_MANAGEMENT_KEY, DEFAULT_PROJECT_ID } from "../src/emulator/Emulator.js"
import { listenFailure, maskKey } from "../src/emulator/EmulatorCli.js"
import {
  buildDist,
  cliScript,
  directEnv,
  removeDirs,
  ROOT,
  run,
  runCli,
  type Running,
  stopAll,
  tempDir
} from "./support/cliProcess.js"

beforeAll(() => buildDist(), 60_000)
// the tests run concurrently (each waits on its own processes): clean up once, at the end
afterAll(() => {
  stopAll()
  removeDirs()
})

const BANNER = /base URL: +(http:\/\/127\.0\.0\.1:\d+)\n +project id: +(\S+)\n +management key: +(.+)\n/

/** Whether something accepts connections at `baseUrl`. */
const listening = (baseUrl: string): Promise<boolean> =>
  new Promise((resolve) => {
    const url = new URL(baseUrl)
    const socket = Net.connect({ host: url.hostname, port: Number(url.port) })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })

/** Polls (bounded) until nothing listens at `baseUrl`. */
const closed = async (baseUrl: string): Promise<boolean> => {
  for (let i = 0; i < 200; i++) {
    if (!(await listening(baseUrl))) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return false
}

/** The banner's base URL, after checking that the project id and key it prints are the ones served. */
const started = async (cli: Running): Promise<string> => {
  const [, baseUrl = "", projectId, key] = await cli.waitFor(BANNER)
  assert.strictEqual(projectId, DEFAULT_PROJECT_ID)
  assert.strictEqual(key, `${DEFAULT_MANAGEMENT_KEY.slice(0, 4)}… (the default: see --help)`)
  assert.notInclude(cli.stdout(), DEFAULT_MANAGEMENT_KEY)
  // what the README tells SDKs to use is what it serves
  const info = await fetch(`${baseUrl}/emulator`).then((r) => r.json() as Promise<Record<string, unknown>>)
  assert.strictEqual(info.defaultProjectId, DEFAULT_PROJECT_ID)
  const license = await fetch(`${baseUrl}/v1/mgmt/license`, {
    headers: { authorization: `Bearer ${DEFAULT_PROJECT_ID}:${DEFAULT_MANAGEMENT_KEY}` }
  })
  assert.strictEqual(license.status, 200)
  return baseUrl
}

describe.concurrent("descope-emulator, started directly", () => {
  it("prints what it serves; SIGTERM and SIGINT stop the server and exit 0", async () => {
    const clis = (["SIGTERM", "SIGINT"] as const).map((signal) => ({ signal, cli: runCli(["--port", "0"]) }))
    await Promise.all(clis.map(async ({ cli, signal }) => {
      const baseUrl = await started(cli)
      cli.child.kill(signal)
      const exit = await cli.exited()
      assert.deepStrictEqual(exit, { code: 0, signal: null }, signal)
      assert.match(cli.stdout(), /Descope emulator stopped\n$/)
      assert.strictEqual(cli.stderr(), "")
      assert.isTrue(await closed(baseUrl), `${signal}: still listening`)
    }))
  }, 60_000)

  it("a port in use is one line naming it, and exit code 1", async () => {
    const holder = Net.createServer()
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve))
    const address = holder.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    try {
      const cli = runCli(["--port", String(port)])
      const exit = await cli.exited()
      assert.deepStrictEqual(exit, { code: 1, signal: null })
      assert.strictEqual(
        cli.stderr(),
        `descope-emulator: port ${port} is in use (EADDRINUSE); stop what listens there or choose another port with --port\n`
      )
      assert.notInclude(cli.stdout(), "listening")
    } finally {
      await new Promise((resolve) => holder.close(resolve))
    }
  }, 30_000)

  it(
    "without @effect/platform-node: one line naming the package to add (exit code 1; from code, the defect's message)",
    async () => {
      // a consumer whose node_modules has everything but @effect/platform-node (and the package's dist)
      const dir = tempDir("descope-emulator-noplatform-")
      Fs.cpSync(Path.dirname(Path.dirname(cliScript())), Path.join(dir, "dist"), { recursive: true })
      Fs.writeFileSync(
        Path.join(dir, "package.json"),
        JSON.stringify({ name: "consumer", type: "module", private: true })
      )
      const modules = Path.join(dir, "node_modules")
      Fs.mkdirSync(Path.join(modules, "@effect"), { recursive: true })
      for (const entry of Fs.readdirSync(Path.join(ROOT, "node_modules"))) {
        if (entry === "@effect" || entry.startsWith(".")) continue
        Fs.symlinkSync(Path.join(ROOT, "node_modules", entry), Path.join(modules, entry))
      }
      for (const entry of Fs.readdirSync(Path.join(ROOT, "node_modules", "@effect"))) {
        if (entry === "platform-node") continue
        Fs.symlinkSync(Path.join(ROOT, "node_modules", "@effect", entry), Path.join(modules, "@effect", entry))
      }
      const cli = runCli(["--port", "0"], { cwd: dir, script: Path.join(dir, "dist", "emulator", "cli.js") })
      const exit = await cli.exited()
      assert.deepStrictEqual(exit, { code: 1, signal: null })
      assert.strictEqual(
        cli.stderr(),
        "descope-emulator: the package @effect/platform-node is not installed; add it: npm install --save-dev @effect/platform-node@^0.108\n"
      )
      assert.strictEqual(cli.stdout(), "")
      // the same consumer starting the server from code: a defect whose message is that one line
      const script = Path.join(dir, "serve.js")
      Fs.writeFileSync(
        script,
        [
          `import * as Cause from "effect/Cause"`,
          `import * as Effect from "effect/Effect"`,
          `import * as Exit from "effect/Exit"`,
          `import * as Emulator from "./dist/emulator/index.js"`,
          `const exit = await Effect.runPromiseExit(Effect.scoped(Emulator.serve()).pipe(Effect.provide(Emulator.layer())))`,
          `const defect = Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined`,
          `process.stdout.write(defect instanceof Error ? defect.message : "no defect")`
        ].join("\n")
      )
      const served = runCli([], { cwd: dir, script })
      assert.deepStrictEqual(await served.exited(), { code: 0, signal: null })
      assert.strictEqual(
        served.stdout(),
        "Emulator.serve needs the optional package @effect/platform-node: npm install --save-dev @effect/platform-node@^0.108"
      )
    },
    30_000
  )

  it("the banner's pieces", () => {
    assert.strictEqual(maskKey("emulator-management-key"), "emul…")
    assert.strictEqual(maskKey("short"), "…")
    const inUse = Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE" })
    assert.strictEqual(
      listenFailure({ _tag: "ServeError", cause: inUse } as never, 4000, "127.0.0.1"),
      "port 4000 is in use (EADDRINUSE); stop what listens there or choose another port with --port"
    )
  })
})

describe.concurrent("descope-emulator through npx", () => {
  it("SIGTERM to npx stops the emulator (npx signals only its sh -c: the CLI notices its parent is gone)", async () => {
    // a consumer project whose node_modules/.bin has the bin (here: the bundled CLI of buildDist)
    const dir = tempDir("descope-emulator-npx-")
    Fs.writeFileSync(
      Path.join(dir, "package.json"),
      JSON.stringify({ name: "consumer", version: "1.0.0", private: true })
    )
    const bin = Path.join(dir, "node_modules", ".bin")
    const pidFile = Path.join(dir, "emulator.pid")
    Fs.mkdirSync(bin, { recursive: true })
    Fs.writeFileSync(
      Path.join(bin, "descope-emulator"),
      // exec keeps the pid: the file names the emulator's process, to clean up after a failure
      `#!/bin/sh\necho $$ > "${pidFile}"\nexec "${process.execPath}" "${cliScript()}" "$@"\n`,
      { mode: 0o755 }
    )
    const env = {
      ...directEnv(),
      npm_config_offline: "true",
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
      npm_config_audit: "false"
    }
    const npx = run("npx", ["descope-emulator", "--port", "0"], { cwd: dir, env })
    try {
      const baseUrl = await started(npx)
      npx.child.kill("SIGTERM")
      await npx.exited()
      // the emulator (npx's grandchild) still writes to the same pipe
      await npx.waitFor(/the process that started the emulator is gone\nDescope emulator stopped\n/)
      assert.isTrue(await closed(baseUrl), "the emulator kept listening after npx was stopped")
    } finally {
      // an orphan left by a failure: stop it by its pid
      const pid = Fs.existsSync(pidFile) ? Number(Fs.readFileSync(pidFile, "utf8").trim()) : 0
      const cmdline = `/proc/${pid}/cmdline`
      if (pid > 0 && Fs.existsSync(cmdline) && Fs.readFileSync(cmdline, "utf8").includes("cli.js")) {
        try {
          process.kill(pid, "SIGKILL")
        } catch {
          // already gone
        }
      }
    }
  }, 60_000)
})
