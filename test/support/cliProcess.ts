/**
 * The emulator CLI as a child process (node + the tsx loader over
 * src/emulator/cli.ts, the code the `descope-emulator` bin compiles from):
 * spawn it, wait for a line, signal it, await its exit. Every wait is
 * bounded; every process started is killed by `stopAll`.
 */
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

export const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..", "..")
export const CLI = Path.join(ROOT, "src", "emulator", "cli.ts")
export const TSX_LOADER = pathToFileURL(Path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href

export interface Exit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

export interface Running {
  readonly child: ChildProcess.ChildProcess
  readonly stdout: () => string
  readonly stderr: () => string
  /** Resolves with the first match of `pattern` in stdout (rejects after `ms`, or when stdout closes first). */
  readonly waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpMatchArray>
  readonly exited: (ms?: number) => Promise<Exit>
}

const started: Array<ChildProcess.ChildProcess> = []

/** The environment of a directly started CLI: not under npm. */
export const directEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("npm_")) env[k] = v
  return env
}

export const run = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}
): Running => {
  const child = ChildProcess.spawn(command, [...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? directEnv(),
    stdio: ["ignore", "pipe", "pipe"]
  })
  started.push(child)
  let out = ""
  let err = ""
  const listeners = new Set<() => void>()
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString("utf8")
    for (const l of listeners) l()
  })
  child.stderr?.on("data", (c: Buffer) => {
    err += c.toString("utf8")
  })
  let exit: Exit | undefined
  // stdout closes when every process writing to it is gone (a grandchild may outlive the child)
  let outClosed = false
  child.stdout?.on("close", () => {
    outClosed = true
    for (const l of listeners) l()
  })
  const exitWaiters = new Set<() => void>()
  child.on("exit", (code, signal) => {
    exit = { code, signal }
    for (const w of exitWaiters) w()
  })
  const waitFor = (pattern: RegExp, ms = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(`no ${pattern} within ${ms} ms; stdout:\n${out}\nstderr:\n${err}`))
      }, ms)
      const check = () => {
        const m = pattern.exec(out)
        if (m !== null) {
          clearTimeout(timer)
          listeners.delete(check)
          resolve(m)
        } else if (outClosed) {
          clearTimeout(timer)
          listeners.delete(check)
          reject(
            new Error(
              `stdout closed (exit ${JSON.stringify(exit)}) before ${pattern}; stdout:\n${out}\nstderr:\n${err}`
            )
          )
        }
      }
      listeners.add(check)
      check()
    })
  const exited = (ms = 30_000) =>
    new Promise<Exit>((resolve, reject) => {
      if (exit !== undefined) return resolve(exit)
      const timer = setTimeout(
        () => reject(new Error(`still running after ${ms} ms; stdout:\n${out}\nstderr:\n${err}`)),
        ms
      )
      exitWaiters.add(() => {
        clearTimeout(timer)
        resolve(exit!)
      })
    })
  return { child, stdout: () => out, stderr: () => err, waitFor, exited }
}

/** The CLI started directly: `node --import tsx src/emulator/cli.ts ...args`. */
export const runCli = (
  args: ReadonlyArray<string>,
  options: { readonly cwd?: string; readonly script?: string } = {}
): Running =>
  run(
    process.execPath,
    ["--import", TSX_LOADER, options.script ?? CLI, ...args],
    options.cwd !== undefined ? { cwd: options.cwd } : {}
  )

/** Kills whatever is still running (by pid, the processes this helper started). */
export const stopAll = (): void => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  }
}

/** A fresh temporary directory (removed by `removeDirs`). */
const dirs: Array<string> = []
export const tempDir = (prefix: string): string => {
  // outside the repository: resolution must not find its node_modules by walking up
  const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), prefix))
  dirs.push(dir)
  return dir
}
export const removeDirs = (): void => {
  for (const dir of dirs.splice(0)) Fs.rmSync(dir, { recursive: true, force: true })
}
