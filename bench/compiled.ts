/**
 * `tsx --import ./bench/compiled.ts bench/index.ts`: the benchmark measures the
 * library as users run it, compiled to JavaScript, not as tsx transpiles it on
 * the fly (tsx keeps function names by wrapping every function it creates, a
 * cost that compiled code never pays; node-sdk, our peer, runs compiled).
 *
 * `src/` is transpiled file by file with esbuild (see `importTime.ts`), and a
 * module hook sends every import that resolves to a file of `src/` to its
 * compiled twin. Set `BENCH_SOURCE=1` to measure the TypeScript sources
 * through tsx instead.
 */
import { register } from "node:module"
import * as Path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { distDir, transpile } from "./importTime.js"

if (process.env.BENCH_SOURCE !== "1") {
  const root = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")
  await transpile()
  register("./compiledHooks.mjs", import.meta.url, {
    data: { src: pathToFileURL(Path.join(root, "src")).href + "/", dist: pathToFileURL(distDir).href + "/" }
  })
}
