/**
 * The JavaScript we ship: one ES module per entry point of the package (every
 * `./dist/*.js` target of `exports`, and the `descope-emulator` bin), bundled
 * from `src/` by esbuild with code splitting, so that code shared by several
 * entry points lives once, in `dist/chunks/` (one `Context.Tag` class, one
 * error class, whichever entry imports it). Packages stay external: `effect`,
 * `@effect/*`, `jose` and the optional peers resolve from the user's
 * `node_modules`.
 *
 * Loading 140 small modules cost most of the import time of our entry that
 * is not Effect's (each module is resolved, read and compiled apart); one
 * bundle per entry loads in about 80 ms less. The declarations (`.d.ts`) are
 * still tsc's, file by file (`scripts/build.ts`).
 *
 * The same holds for chunks: esbuild puts two modules in one chunk only when
 * the same entry points reach both, so every other entry point reaching its
 * own part of the main entry's modules split them into 18 chunks (each one
 * more file to resolve, read and link, and its `effect` imports resolved
 * again). Every entry point but the main one and `validation` (and the
 * modules the emulator's bin imports after its check) therefore loads the
 * main entry's modules first ({@link reachMain}): they are used with it
 * anyway (the server and the adapters read `DescopeClient`, which only the
 * main entry's layers provide). The main entry loads a few chunks, the
 * validation entry fewer.
 *
 * Node's entry points are the `*.checked.js` targets of `exports` (condition
 * `import`): each checks the installed `effect` from its
 * `package.json` (src/internal/effectPeer.ts) and only then imports its
 * bundle, whose names it re-exports. An `effect` of another major cannot be
 * linked against the bundles, so a check inside them would never run; this
 * one runs first and fails with one sentence. Bundlers take the plain bundles
 * (condition `module`, listed first) and keep static imports; `require` (Node
 * 22's `require(esm)`) takes them too (`default`), since a module with a
 * top-level `await` cannot be required.
 */
import * as Fs from "node:fs"
import { createRequire } from "node:module"
import * as Path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

export const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")

/** esbuild: the copy tsx depends on when it is not hoisted. */
export const loadEsbuild = async (): Promise<typeof import("esbuild")> => {
  try {
    return await import("esbuild")
  } catch {
    const fromTsx = createRequire(Path.join(ROOT, "node_modules/tsx/package.json")).resolve("esbuild")
    return (await import(pathToFileURL(fromTsx).href)) as typeof import("esbuild")
  }
}

type Exports = string | { readonly [condition: string]: Exports }

/** The suffix of the Node entry points that check `effect` before importing their bundle. */
const CHECKED = ".checked.js"

/** The `./dist/….js` targets of `value` (an exports map, or part of one). */
const jsTargets = (value: Exports): ReadonlyArray<string> =>
  typeof value === "string"
    ? (value.startsWith("./dist/") && value.endsWith(".js") ? [value] : [])
    : Object.values(value).flatMap(jsTargets)

/** Every JavaScript file the package exposes: the targets of `exports`, and the `bin` scripts. */
const targets = (): { readonly exports: ReadonlyArray<string>; readonly bin: ReadonlyArray<string> } => {
  const pkg = JSON.parse(Fs.readFileSync(Path.join(ROOT, "package.json"), "utf8")) as {
    readonly exports: Record<string, Exports>
    readonly bin: Record<string, string>
  }
  return { exports: [...new Set(jsTargets(pkg.exports))].sort(), bin: Object.values(pkg.bin).flatMap(jsTargets) }
}

/** The `src/` file of a bundle (`./dist/x.js`, or its `./dist/x.checked.js` entry point). */
const sourceOf = (target: string): string =>
  Path.join(ROOT, target.replace("./dist/", "src/").replace(CHECKED, ".js").replace(/\.js$/, ".ts"))

/** The `src/` file of every bundle: those of `exports` and `bin`. */
export const entryPoints = (): ReadonlyArray<string> => {
  const { bin, exports } = targets()
  return [...new Set([...exports, ...bin].map(sourceOf))].sort()
}

/** The import-time check of the installed `effect`: its own file, imported first by every entry point. */
const CHECK = "internal/effectVersion"

/** The check of the installed `effect` package that the `.checked.js` entry points run before linking. */
const PEER = "internal/effectPeer"

/** `./` + the path from `from`'s directory to `to`. */
const relativeImport = (from: string, to: string): string =>
  Path.relative(Path.dirname(from), to).replace(/\\/g, "/").replace(/^(?!\.)/, "./")

/**
 * Puts `import "<…>/internal/effectVersion.js"` first in an entry's output (after a `#!` line): ESM
 * evaluates imports in order, so the check runs before any chunk does, as it did file by file. (esbuild
 * keeps the entry's first import inside a shared chunk, after the chunks that come earlier.)
 */
const checkFirst = (outdir: string, entry: string): void => {
  const file = Path.join(outdir, `${entry}.js`)
  const code = Fs.readFileSync(file, "utf8")
  const line = `import ${JSON.stringify(relativeImport(file, Path.join(outdir, `${CHECK}.js`)))};\n`
  const shebang = code.startsWith("#!") ? code.slice(0, code.indexOf("\n") + 1) : ""
  Fs.writeFileSync(file, shebang + line + code.slice(shebang.length))
}

/**
 * Writes a `.checked.js` Node entry point: the `effect` check, then its bundle through a dynamic import (so
 * that nothing of `effect` is linked before the check), and the bundle's names re-exported (`names`, from
 * esbuild's metafile).
 */
const writeChecked = (outdir: string, target: string, names: ReadonlyArray<string>): void => {
  const file = Path.join(outdir, target.replace("./dist/", ""))
  const plain = file.replace(CHECKED, ".js")
  const named = names.filter((name) => name !== "default")
  const lines = [
    `// Node's entry point for ${Path.basename(plain)}: checks the installed effect, which must be one this`,
    `// package can be linked against, then loads the bundle (see src/internal/effectPeer.ts).`,
    `import { assertSupportedEffect } from ${JSON.stringify(relativeImport(file, Path.join(outdir, `${PEER}.js`)))};`,
    `assertSupportedEffect(import.meta.url);`,
    `const bundle = await import(${JSON.stringify(relativeImport(file, plain))});`,
    ...(named.length > 0 ? [`export const { ${named.join(", ")} } = bundle;`] : []),
    ...(names.includes("default") ? [`export default bundle.default;`] : [])
  ]
  Fs.writeFileSync(file, lines.join("\n") + "\n")
}

/** The main entry point, and the one entry point that loads only its own part of it. */
const MAIN = Path.join(ROOT, "src", "index.ts")
const LEAN = new Set([MAIN, Path.join(ROOT, "src", "validation", "index.ts")])

/** The namespace of the modules {@link reachMain} makes: `path` is a src module, relative to ROOT. */
const REACH_MAIN = "reach-main"

/**
 * An esbuild plugin: the entry points outside {@link LEAN}, and the src modules imported dynamically (the
 * emulator's bin imports its implementation after checking `effect`), are each bundled as a module that
 * imports the main entry point, then re-exports theirs, so that the main entry's modules are reached by
 * the same entry points and share as few chunks as possible (see the module's doc).
 */
const reachMain = (entries: ReadonlyArray<string>): import("esbuild").Plugin => ({
  name: REACH_MAIN,
  setup(build) {
    // not the bins: they import nothing of ours before their check (src/emulator/cli.ts)
    const bins = new Set(targets().bin.map(sourceOf))
    const wrapped = new Set(entries.filter((entry) => !LEAN.has(entry) && !bins.has(entry)))
    const inNamespace = (path: string) => ({ path: Path.relative(ROOT, path), namespace: REACH_MAIN })
    build.onResolve({ filter: /./ }, async (args) => {
      if (args.kind === "entry-point" && wrapped.has(args.path)) return inNamespace(args.path)
      if (args.kind !== "dynamic-import" || args.namespace !== "file" || args.pluginData === REACH_MAIN) return
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: REACH_MAIN
      })
      return resolved.errors.length === 0 && !resolved.external &&
          resolved.path.startsWith(Path.join(ROOT, "src") + Path.sep)
        ? inNamespace(resolved.path)
        : undefined
    })
    build.onLoad({ filter: /./, namespace: REACH_MAIN }, (args) => ({
      contents: [
        `import ${JSON.stringify(`./${Path.relative(ROOT, MAIN)}`)};`,
        `export * from ${JSON.stringify(`./${args.path}`)};`
      ].join("\n"),
      loader: "ts",
      resolveDir: ROOT
    }))
  }
})

/**
 * Bundles every entry point into `outdir` (`<outdir>/index.js`, `<outdir>/emulator/cli.js` ...) and writes
 * the `.checked.js` Node entry points.
 */
export const bundle = async (dir: string): Promise<void> => {
  const outdir = Path.resolve(dir)
  const esbuild = await loadEsbuild()
  const entries = entryPoints()
  const result = await esbuild.build({
    entryPoints: [...entries, Path.join(ROOT, "src", `${CHECK}.ts`), Path.join(ROOT, "src", `${PEER}.ts`)],
    absWorkingDir: ROOT,
    metafile: true,
    outdir,
    outbase: Path.join(ROOT, "src"),
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    // class and function names stay as written: error `_tag`s do not depend on them, but stack traces and
    // `Inspectable` renderings read better
    keepNames: true,
    logLevel: "error",
    plugins: [reachMain(entries)]
  })
  // the bin loads everything dynamically after its own check (src/emulator/cli.ts)
  const { bin, exports } = targets()
  const src = Path.join(ROOT, "src")
  const bins = new Set(bin.map(sourceOf))
  for (const entry of entries.filter((e) => !bins.has(e))) {
    checkFirst(outdir, Path.relative(src, entry).replace(/\.ts$/, ""))
  }
  const exportsOf = new Map(
    Object.entries(result.metafile.outputs).map(([file, output]) => [Path.resolve(ROOT, file), output.exports])
  )
  for (const target of exports.filter((t) => t.endsWith(CHECKED))) {
    const plain = Path.join(outdir, target.replace("./dist/", "").replace(CHECKED, ".js"))
    const names = exportsOf.get(plain)
    if (names === undefined) throw new Error(`bundle: no output ${plain} for ${target}`)
    writeChecked(outdir, target, names)
  }
}
