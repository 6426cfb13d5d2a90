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

/** The `src/` file of every JavaScript file the package exposes (`exports` and `bin`). */
export const entryPoints = (): ReadonlyArray<string> => {
  const pkg = JSON.parse(Fs.readFileSync(Path.join(ROOT, "package.json"), "utf8")) as {
    readonly exports: Record<string, Exports>
    readonly bin: Record<string, string>
  }
  const targets = new Set<string>()
  const collect = (value: Exports): void => {
    if (typeof value === "string") {
      if (value.startsWith("./dist/") && value.endsWith(".js")) targets.add(value)
    } else {
      for (const v of Object.values(value)) collect(v)
    }
  }
  collect(pkg.exports)
  for (const bin of Object.values(pkg.bin)) collect(bin)
  return [...targets].sort().map((t) => Path.join(ROOT, t.replace("./dist/", "src/").replace(/\.js$/, ".ts")))
}

/** The import-time check of the installed `effect`: its own file, imported first by every entry point. */
const CHECK = "internal/effectVersion"

/**
 * Puts `import "<…>/internal/effectVersion.js"` first in an entry's output (after a `#!` line): ESM
 * evaluates imports in order, so the check runs before any chunk does, as it did file by file. (esbuild
 * keeps the entry's first import inside a shared chunk, after the chunks that come earlier.)
 */
const checkFirst = (outdir: string, entry: string): void => {
  const file = Path.join(outdir, `${entry}.js`)
  const code = Fs.readFileSync(file, "utf8")
  const relative = Path.relative(Path.dirname(file), Path.join(outdir, `${CHECK}.js`)).replace(/^(?!\.)/, "./")
  const line = `import ${JSON.stringify(relative)};\n`
  const shebang = code.startsWith("#!") ? code.slice(0, code.indexOf("\n") + 1) : ""
  Fs.writeFileSync(file, shebang + line + code.slice(shebang.length))
}

/** Bundles every entry point into `outdir` (`<outdir>/index.js`, `<outdir>/emulator/cli.js` ...). */
export const bundle = async (outdir: string): Promise<void> => {
  const esbuild = await loadEsbuild()
  const entries = entryPoints()
  await esbuild.build({
    entryPoints: [...entries, Path.join(ROOT, "src", `${CHECK}.ts`)],
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
    logLevel: "error"
  })
  const src = Path.join(ROOT, "src")
  for (const entry of entries) checkFirst(outdir, Path.relative(src, entry).replace(/\.ts$/, ""))
}
