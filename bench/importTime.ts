/**
 * Import time of our main entry point vs `@descope/node-sdk`'s, each measured
 * in fresh child processes (`await import(...)` timed inside the child),
 * interleaved (ours, node-sdk, ours ...), one warm-up run each, median.
 *
 * Our entry is the JavaScript we ship, as Node's `import "descope-effect"`
 * loads it: `src/index.ts` bundled as `npm run build` bundles it (`scripts/bundle.ts`: one module per entry point,
 * shared chunks), so the TypeScript loader's own cost is not counted against
 * us. (The other bench sections run `src/` transpiled file by file, see
 * `compiled.ts`, because they import internal modules too.)
 *
 * Our own overhead: a child process lists every module our entry loads (a
 * module `load` hook); a generated module imports exactly the ones that are not
 * ours (the `effect` and `@effect/platform` modules we use, `effect/Schema`'s
 * `fast-check` included), and the two are timed the same way, interleaved. The
 * difference is what our modules add over the Effect modules any program using
 * the same APIs pays. It is also measured directly, with less noise: our entry
 * imported in a process that has imported those modules already; and so are
 * `descope-effect/validation` and `descope-effect/emulator` (the latter after
 * the non-ours modules it loads itself).
 *
 * Loading those modules leaves the young generation nearly full of Effect's
 * objects, so the first scavenge usually falls inside our import's window:
 * about 13-16 ms here, mostly spent copying Effect's surviving objects. The
 * main entry is therefore also timed after a minor GC (`gc({ type: "minor" })`
 * once those modules are loaded): our compile and evaluation alone, with a
 * narrower spread. The target line (`import.overEffect.afterEffect.ms`) is
 * still the one with the scavenge in it.
 */
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { bundle, loadEsbuild } from "../scripts/bundle.js"
import { median } from "./harness.js"

const root = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")
/** Under `node_modules`, so that the transpiled files resolve `effect` & co. from the repository's `node_modules`. */
export const distDir = Path.join(root, "node_modules/.cache/descope-effect-bench/dist")

/** Where the shipped bundle is built for the import-time lines (not `dist/`, which `npm pack` owns). */
const bundleDir = Path.join(root, "node_modules/.cache/descope-effect-bench/bundle")
let bundled: Promise<string> | undefined
/**
 * Our main entry as Node loads it (bundled once per run, into an emptied directory: chunk names carry a
 * content hash, so earlier runs' chunks would pile up): `index.checked.js`, the `import` condition of the
 * exports map, which checks the installed `effect` and then imports the bundle `index.js`.
 */
const shipped = (): Promise<string> => (bundled ??= bundleShipped())

const bundleShipped = async (): Promise<string> => {
  Fs.rmSync(bundleDir, { recursive: true, force: true })
  await bundle(bundleDir)
  return Path.join(bundleDir, "index.checked.js")
}

/** The transpiled entry of this process (`compiled.ts` makes it first; the import-time runs reuse it). */
let transpiled: Promise<string> | undefined

/** Transpiles `src/**\/*.ts` into {@link distDir} (ESM, one file per module), once per run. */
export const transpile = (): Promise<string> => (transpiled ??= build())

const build = async (): Promise<string> => {
  // made by the parent process already (the heap child runs over it)
  if (process.env.BENCH_COMPILED_READY === "1") return Path.join(distDir, "index.js")
  const esbuild = await loadEsbuild()
  const src = Path.join(root, "src")
  const files = (Fs.readdirSync(src, { recursive: true }) as Array<string>)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => Path.join(src, f))
  Fs.rmSync(distDir, { recursive: true, force: true })
  await esbuild.build({
    entryPoints: files,
    outdir: distDir,
    outbase: src,
    format: "esm",
    platform: "node",
    target: "node20",
    bundle: false,
    logLevel: "error"
  })
  process.env.BENCH_COMPILED_READY = "1"
  return Path.join(distDir, "index.js")
}

/** The module `load` hook that reports every loaded URL to the parent thread. */
const LIST_HOOKS = `let port
export function initialize(data) { port = data.port }
export async function load(url, context, next) { port.postMessage(url); return next(url, context) }
`

/** The URLs of every module `specifier` loads, in load order (a child process with a `load` hook). */
const listModules = (specifier: string): ReadonlyArray<string> => {
  const hooks = Path.join(distDir, "..", "list-hooks.mjs")
  Fs.writeFileSync(hooks, LIST_HOOKS)
  const code = [
    `import { register } from "node:module"`,
    `import { MessageChannel } from "node:worker_threads"`,
    `const { port1, port2 } = new MessageChannel()`,
    `const urls = []`,
    `port1.on("message", (u) => urls.push(u))`,
    `register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { port: port2 }, transferList: [port2] })`,
    `await import(${JSON.stringify(specifier)})`,
    `await new Promise((r) => setTimeout(r, 100))`,
    `port1.close()`,
    `process.stdout.write(JSON.stringify(urls))`
  ].join("\n")
  const out = ChildProcess.execFileSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"]
  })
  return JSON.parse(out) as ReadonlyArray<string>
}

/** Which package a loaded module belongs to: `ours`, `effect`, `@effect/platform`, `fast-check`, `node:` ... */
const groupOf = (url: string, ours: string): string => {
  if (url.startsWith(ours)) return "ours"
  if (url.startsWith("node:")) return "node:"
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  return match?.[1] ?? "other"
}

/** Wall and CPU (user + system) milliseconds. */
interface Timed {
  readonly ms: number
  readonly cpuMs: number
}

/**
 * Wall and CPU (user + system) milliseconds of one import in a fresh process; with `first`, in a process that
 * has imported `first` already (our entry after exactly the Effect modules it loads is our own cost, measured
 * in one process rather than as the difference of two, whose noise is that of two whole imports of Effect);
 * with `settled`, after a minor GC once `first` is loaded (no scavenge of `first`'s objects in the window).
 */
const timeImportWithCpu = (specifier: string, first?: string, settled = false): Timed => {
  const code = (first === undefined ? "" : `await import(${JSON.stringify(first)}); `) +
    (settled ? `gc({ type: "minor" }); ` : "") +
    `const c0 = process.cpuUsage(); const t0 = performance.now(); await import(${JSON.stringify(specifier)}); ` +
    `const t = performance.now() - t0; const c = process.cpuUsage(c0); ` +
    `process.stdout.write(JSON.stringify([t, (c.user + c.system) / 1000]))`
  const flags = settled ? ["--expose-gc"] : []
  const out = ChildProcess.execFileSync(process.execPath, [...flags, "--input-type=module", "-e", code], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"]
  })
  const [ms, cpuMs] = JSON.parse(out.trim()) as [number, number]
  if (!Number.isFinite(ms) || !Number.isFinite(cpuMs)) {
    throw new Error(`cannot read the import time of ${specifier}: ${out}`)
  }
  return { ms, cpuMs }
}

const timeImport = (specifier: string): number => timeImportWithCpu(specifier).ms

/** Our entry's own overhead over the Effect modules it loads. */
export interface OverheadResult {
  /** Median ms of our entry. */
  readonly oursMs: number
  /** Median ms of exactly the non-ours modules our entry loads. */
  readonly effectModulesMs: number
  /** Median of the per-run differences (ours minus the Effect modules), ms. */
  readonly overEffectMs: number
  /**
   * The same in CPU time (user + system ms of the importing process): what a
   * loaded machine distorts least, since waiting for a core is not counted.
   */
  readonly overEffectCpuMs: number
  /** Median CPU ms of exactly the non-ours modules our entry loads. */
  readonly effectModulesCpuMs: number
  /** Median ms of importing our entry in a process that has imported those modules already (our own cost). */
  readonly afterEffectMs: number
  /** The same in CPU time. */
  readonly afterEffectCpuMs: number
  /** Median ms of the same import after a minor GC (our compile and evaluation, without Effect's scavenge). */
  readonly afterEffectSettledMs: number
  /** The same in CPU time. */
  readonly afterEffectSettledCpuMs: number
  /** Median ms of importing `descope-effect/validation` after the same modules (its own cost). */
  readonly validationAfterEffectMs: number
  /** The same in CPU time. */
  readonly validationAfterEffectCpuMs: number
  /**
   * Median ms of importing `descope-effect/emulator` after exactly the non-ours modules it loads (its own cost:
   * what each test file that imports the emulator, and each start of the bin, pays over Effect).
   */
  readonly emulatorAfterEffectMs: number
  /** The same in CPU time. */
  readonly emulatorAfterEffectCpuMs: number
  /** Modules our entry loads, by package (`ours`, `effect`, `@effect/platform`, `fast-check` ...). */
  readonly modules: Readonly<Record<string, number>>
  readonly total: number
}

/** Writes a module that imports exactly the modules of `urls` that are not ours (nor Node's). */
const writeReference = (file: string, urls: ReadonlyArray<string>, oursPrefix: string): void => {
  Fs.writeFileSync(
    file,
    urls.filter((u) => !u.startsWith(oursPrefix) && !u.startsWith("node:")).map((u) => `import ${JSON.stringify(u)}`)
      .join("\n") + "\n"
  )
}

/**
 * Our entry against the Effect modules it loads: `runs` interleaved pairs of
 * fresh processes, after one warm-up pair.
 */
export const runImportOverhead = async (runs: number): Promise<OverheadResult> => {
  const shippedEntry = await shipped()
  /** An entry point of the shipped bundle (`validation/index.checked.js` ...), as a URL. */
  const entryUrl = (file: string) => pathToFileURL(Path.join(Path.dirname(shippedEntry), file)).href
  const entry = pathToFileURL(shippedEntry).href
  const oursPrefix = pathToFileURL(bundleDir).href + "/"
  const urls = listModules(entry)
  const modules: Record<string, number> = {}
  for (const url of urls) modules[groupOf(url, oursPrefix)] = (modules[groupOf(url, oursPrefix)] ?? 0) + 1
  // effect/Schema's FastCheck is counted with effect: fast-check is effect's own dependency
  const reference = Path.join(distDir, "..", "effect-modules.mjs")
  writeReference(reference, urls, oursPrefix)
  const referenceUrl = pathToFileURL(reference).href
  const emulatorEntry = entryUrl("emulator/index.checked.js")
  const emulatorReference = Path.join(distDir, "..", "emulator-effect-modules.mjs")
  writeReference(emulatorReference, listModules(emulatorEntry), oursPrefix)
  const emulatorReferenceUrl = pathToFileURL(emulatorReference).href
  const validationEntry = entryUrl("validation/index.checked.js")
  /** Each measure's runs, in order: `ours` and `effect` are paired (run i of one beside run i of the other). */
  const runsOf = {
    ours: [] as Array<Timed>,
    effect: [] as Array<Timed>,
    after: [] as Array<Timed>,
    settled: [] as Array<Timed>,
    validation: [] as Array<Timed>,
    emulator: [] as Array<Timed>
  }
  for (let r = -1; r < runs; r++) {
    const sample = {
      ours: timeImportWithCpu(entry),
      effect: timeImportWithCpu(referenceUrl),
      after: timeImportWithCpu(entry, referenceUrl),
      settled: timeImportWithCpu(entry, referenceUrl, true),
      validation: timeImportWithCpu(validationEntry, referenceUrl),
      emulator: timeImportWithCpu(emulatorEntry, emulatorReferenceUrl)
    }
    // the first round warms up
    if (r < 0) continue
    for (const key of Object.keys(runsOf) as Array<keyof typeof runsOf>) runsOf[key].push(sample[key])
  }
  const ms = (list: ReadonlyArray<Timed>) => median(list.map((t) => t.ms))
  const cpuMs = (list: ReadonlyArray<Timed>) => median(list.map((t) => t.cpuMs))
  const paired = (f: (t: Timed) => number) => median(runsOf.ours.map((t, i) => f(t) - f(runsOf.effect[i]!)))
  return {
    oursMs: ms(runsOf.ours),
    effectModulesMs: ms(runsOf.effect),
    overEffectMs: paired((t) => t.ms),
    overEffectCpuMs: paired((t) => t.cpuMs),
    effectModulesCpuMs: cpuMs(runsOf.effect),
    afterEffectMs: ms(runsOf.after),
    afterEffectCpuMs: cpuMs(runsOf.after),
    afterEffectSettledMs: ms(runsOf.settled),
    afterEffectSettledCpuMs: cpuMs(runsOf.settled),
    validationAfterEffectMs: ms(runsOf.validation),
    validationAfterEffectCpuMs: cpuMs(runsOf.validation),
    emulatorAfterEffectMs: ms(runsOf.emulator),
    emulatorAfterEffectCpuMs: cpuMs(runsOf.emulator),
    modules,
    total: urls.length
  }
}

export interface ImportResult {
  readonly oursMs: number
  readonly nodeSdkMs: number
  readonly runs: number
  readonly oursRuns: ReadonlyArray<number>
  readonly nodeSdkRuns: ReadonlyArray<number>
  /** Medians of reference imports (what any Effect program loads), by specifier. */
  readonly references: Record<string, number>
}

/** Imports every Effect program of this kind pays for, measured alongside for context. */
export const REFERENCES: ReadonlyArray<string> = ["effect/Effect", "effect/Schema", "@effect/platform/HttpClient"]

export const runImportTime = async (runs: number): Promise<ImportResult> => {
  const entry = pathToFileURL(await shipped()).href
  const ours: Array<number> = []
  const sdk: Array<number> = []
  const refs: Record<string, Array<number>> = {}
  for (const r of REFERENCES) refs[r] = []
  for (let r = -1; r < runs; r++) {
    const a = timeImport(entry)
    const b = timeImport("@descope/node-sdk")
    const c = REFERENCES.map(timeImport)
    if (r >= 0) {
      ours.push(a)
      sdk.push(b)
      REFERENCES.forEach((spec, i) => refs[spec]!.push(c[i]!))
    }
  }
  const references: Record<string, number> = {}
  for (const spec of REFERENCES) references[spec] = median(refs[spec]!)
  return { oursMs: median(ours), nodeSdkMs: median(sdk), runs, oursRuns: ours, nodeSdkRuns: sdk, references }
}
