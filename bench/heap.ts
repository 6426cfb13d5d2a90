/**
 * Heap after 100,000 validations, measured in a child process with
 * `--expose-gc` (see `heapChild.ts`).
 */
import * as ChildProcess from "node:child_process"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"

const here = Path.dirname(fileURLToPath(import.meta.url))

export interface HeapResult {
  readonly validations: number
  readonly distinctTokens: number
  readonly heapBeforeMb: number
  readonly heapAfterMb: number
  readonly rssAfterMb: number
}

export const runHeap = (): HeapResult => {
  const out = ChildProcess.execFileSync(
    process.execPath,
    // over the compiled library, as the parent (see `compiled.ts`)
    ["--expose-gc", "--import", "tsx", "--import", "./bench/compiled.ts", Path.join(here, "heapChild.ts")],
    { cwd: Path.join(here, ".."), encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 120_000 }
  )
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as HeapResult
}
