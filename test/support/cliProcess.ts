/**
 * The emulator CLI as a child process, as the package ships it: the
 * `descope-emulator` bin (`dist/emulator/cli.js`) that `npm run build` bundles
 * from src (scripts/bundle.ts), built here once per content of src and run by
 * plain node. Spawn it, wait for a line, signal it, await its exit. Every wait
 * is bounded; every process started is killed by `stopAll`.
 *
 * (Run through the tsx loader instead, each start compiled and resolved src's
 * 200 modules anew: about 2.4 s of CPU against 0.9 s for the bundle.)
 */
import * as ChildProcess from "node:child_process"
import * as Crypto from "node:crypto"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { bundle } from "../../scripts/bundle.js"

export const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..", "..")

const CACHE = Path.join(ROOT, "node_modules", ".cache", "descope-effect")

/** A digest of what the bundle is made from: every file under src, package.json (the entry points), the bundler. */
const sourceDigest = (): string => {
  const hash = Crypto.createHash("sha256")
  const add = (path: string) => {
    hash.update(Path.relative(ROOT, path)).update("\0").update(Fs.readFileSync(path)).update("\0")
  }
  const walk = (dir: string) => {
    for (const entry of Fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = Path.join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else add(path)
    }
  }
  walk(Path.join(ROOT, "src"))
  add(Path.join(ROOT, "package.json"))
  add(Path.join(ROOT, "scripts", "bundle.ts"))
  return hash.digest("hex").slice(0, 16)
}

let built: string | undefined

/**
 * The package's JavaScript (`dist/` as `npm run build` makes it, without the
 * declarations) for the current src: built once per content of src under
 * node_modules/.cache, shared by the test files and workers of a run (and by
 * later runs while src is unchanged). Call it in `beforeAll` before `runCli`.
 */
export const buildDist = async (): Promise<string> => {
  if (built !== undefined) return built
  const dir = Path.join(CACHE, `dist-${sourceDigest()}`)
  if (!Fs.existsSync(Path.join(dir, "emulator", "cli.js"))) {
    Fs.mkdirSync(CACHE, { recursive: true })
    const building = Fs.mkdtempSync(Path.join(CACHE, "dist-building-"))
    await bundle(building)
    try {
      // atomic: a directory that exists under its final name is complete
      Fs.renameSync(building, dir)
    } catch {
      // another worker renamed its build first (the same content)
      Fs.rmSync(building, { recursive: true, force: true })
    }
    // older builds (an earlier src) go, once they are an hour old (a concurrent run may still use one)
    for (const entry of Fs.readdirSync(CACHE)) {
      const path = Path.join(CACHE, entry)
      if (!entry.startsWith("dist-") || path === dir) continue
      if (Date.now() - Fs.statSync(path).mtimeMs > 3_600_000) Fs.rmSync(path, { recursive: true, force: true })
    }
  }
  built = dir
  return dir
}

/** The bundled CLI (`dist/emulator/cli.js`) of `buildDist`. */
export const cliScript = (): string => {
  if (built === undefined) throw new Error("cliProcess: await buildDist() (in beforeAll) before starting the CLI")
  return Path.join(built, "emulator", "cli.js")
}

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

/** The CLI started directly: `node dist/emulator/cli.js ...args` (or node over another `script`). */
export const runCli = (
  args: ReadonlyArray<string>,
  options: { readonly cwd?: string; readonly script?: string } = {}
): Running =>
  run(process.execPath, [options.script ?? cliScript(), ...args], options.cwd !== undefined ? { cwd: options.cwd } : {})

/** Kills whatever is still running (by pid, the processes this helper started). */
export const stopAll = (): void => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  }
}

/**
 * A consumer project in a fresh temporary directory (removed by `removeDirs`): `node_modules/descope-effect`
 * is the package as installed (its package.json, whose exports map Node resolves, and the JavaScript of
 * {@link buildDist}), and `packages` (what the consumer's code imports besides it) link to the repository's
 * node_modules.
 */
export const consumerProject = async (prefix: string, packages: ReadonlyArray<string>): Promise<string> => {
  const dist = await buildDist()
  const dir = tempDir(prefix)
  Fs.writeFileSync(Path.join(dir, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }))
  const modules = Path.join(dir, "node_modules")
  const own = Path.join(modules, "descope-effect")
  Fs.mkdirSync(own, { recursive: true })
  Fs.copyFileSync(Path.join(ROOT, "package.json"), Path.join(own, "package.json"))
  Fs.symlinkSync(dist, Path.join(own, "dist"))
  for (const name of packages) {
    Fs.mkdirSync(Path.dirname(Path.join(modules, name)), { recursive: true })
    Fs.symlinkSync(Path.join(ROOT, "node_modules", name), Path.join(modules, name))
  }
  return dir
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
