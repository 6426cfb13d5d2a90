// Module hooks of `compiled.ts`: a module of `src/` (a `.ts` file) is replaced by
// its compiled twin in the benchmark's transpiled copy.
import * as Fs from "node:fs"
import { fileURLToPath } from "node:url"

let src = ""
let dist = ""

export const initialize = (data) => {
  src = data.src
  dist = data.dist
}

export const resolve = async (specifier, context, next) => {
  const resolved = await next(specifier, context)
  if (resolved.url.startsWith(src) && resolved.url.endsWith(".ts")) {
    const compiled = dist + resolved.url.slice(src.length, -3) + ".js"
    if (Fs.existsSync(fileURLToPath(compiled))) return { url: compiled, format: "module", shortCircuit: true }
  }
  return resolved
}
