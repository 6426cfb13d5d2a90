// Vitest global setup of the `next` project (`npm run test:next`): a pinned Next.js (with the React it needs for
// `next/server`) installed once under node_modules/.cache/descope-effect/next-<version>/, its directory provided to
// the tests as `nextDir`. `next` is no devDependency: with its @next/swc-* binaries it is 329 MB; without the
// optional dependencies (the compiler and sharp, which route handlers and `next/server` do not load) about 170 MB,
// installed in about 15 s on the first run. The install goes into a temp directory renamed into place once
// complete, so an interrupted install never leaves a directory that looks installed. A failed install fails the
// run (it never skips the tests).
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    /** The directory holding node_modules/next (the pinned NEXT_VERSION) and node_modules/react. */
    readonly nextDir: string
  }
}

/** The Next.js the tests run against (test/adapters-next.next.test.ts loads internal modules of this version). */
export const NEXT_VERSION = "15.5.29"
/** The React of `next/server` (`next` has react and react-dom as peer dependencies). */
export const REACT_VERSION = "19.2.4"

const PINNED: Readonly<Record<string, string>> = {
  next: NEXT_VERSION,
  react: REACT_VERSION,
  "react-dom": REACT_VERSION
}
/** Written last into a complete install (with the versions): a directory without it is not one. */
const MARKER = ".descope-effect-complete"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "../..")
const CACHE = Path.join(ROOT, "node_modules", ".cache", "descope-effect")

/** Where the pinned Next is installed. */
export const nextDirectory = (): string => Path.join(CACHE, `next-${NEXT_VERSION}`)

/** Why `dir` is not a complete install of the pinned versions, or undefined when it is one. */
const incomplete = (dir: string): string | undefined => {
  for (const [name, version] of Object.entries(PINNED)) {
    const manifest = Path.join(dir, "node_modules", name, "package.json")
    if (!Fs.existsSync(manifest)) return `${name} is not installed`
    const installed = (JSON.parse(Fs.readFileSync(manifest, "utf8")) as { version?: unknown }).version
    if (installed !== version) return `${name} is ${String(installed)}, not ${version}`
  }
  if (!Fs.existsSync(Path.join(dir, "node_modules", "next", "server.js"))) return "next/server.js is missing"
  return undefined
}

/** The temp directories of installs: `.next-installing-<pid>-<random>`. */
const TEMP_PREFIX = ".next-installing-"

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

/** Removes the temp directories of installs whose process is gone (killed mid-install). */
const removeAbandoned = (): void => {
  for (const name of Fs.readdirSync(CACHE)) {
    if (!name.startsWith(TEMP_PREFIX)) continue
    const pid = Number(name.slice(TEMP_PREFIX.length).split("-")[0])
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
      Fs.rmSync(Path.join(CACHE, name), { recursive: true, force: true })
    }
  }
}

const complete = (dir: string): boolean => Fs.existsSync(Path.join(dir, MARKER)) && incomplete(dir) === undefined

const npmInstall = (dir: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const args = [
      "install",
      "--prefix",
      dir,
      "--no-save",
      "--omit=optional",
      "--no-audit",
      "--no-fund",
      "--no-package-lock",
      "--ignore-scripts",
      ...Object.entries(PINNED).map(([name, version]) => `${name}@${version}`)
    ]
    const npm = process.platform === "win32" ? "npm.cmd" : "npm"
    const child = ChildProcess.spawn(npm, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000)
    child.once("error", (error) => {
      clearTimeout(timer)
      reject(new Error(`could not run npm (${error.message})`))
    })
    child.once("exit", (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`\`npm ${args.join(" ")}\` exited with ${signal ?? code}:\n${output.trim().slice(-4000)}`))
    })
  })

/** Installs the pinned Next under `nextDirectory()` unless a complete install is there; resolves to the directory. */
export const ensureNext = async (): Promise<string> => {
  const dir = nextDirectory()
  if (complete(dir)) return dir
  Fs.mkdirSync(CACHE, { recursive: true })
  removeAbandoned()
  // an incomplete directory (files deleted by hand, a version edited) is replaced
  if (Fs.existsSync(dir)) Fs.rmSync(dir, { recursive: true, force: true })
  const temp = Fs.mkdtempSync(Path.join(CACHE, `${TEMP_PREFIX}${process.pid}-`))
  try {
    const started = Date.now()
    await npmInstall(temp)
    const missing = incomplete(temp)
    if (missing !== undefined) throw new Error(`the install succeeded but ${missing}`)
    Fs.writeFileSync(Path.join(temp, MARKER), `${JSON.stringify(PINNED)}\n`)
    try {
      Fs.renameSync(temp, dir)
    } catch (error) {
      // another run installed it meanwhile: use theirs
      if (!complete(dir)) throw error
    }
    console.log(`next ${NEXT_VERSION} installed into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    return dir
  } catch (error) {
    throw new Error(
      `test:next needs next@${NEXT_VERSION}, react@${REACT_VERSION} and react-dom@${REACT_VERSION} under ${dir}, ` +
        `and installing them failed (is the npm registry reachable?): ${
          error instanceof Error ? error.message : String(error)
        }`
    )
  } finally {
    Fs.rmSync(temp, { recursive: true, force: true })
  }
}

export default async function setup(project: TestProject) {
  project.provide("nextDir", await ensureNext())
}
