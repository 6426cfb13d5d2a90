/**
 * How costs grow with the work (issue 19), measured in a child process with
 * `--expose-gc` (see `scalingChild.ts`).
 */
import * as ChildProcess from "node:child_process"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import type { GroupResult } from "./harness.js"

const here = Path.dirname(fileURLToPath(import.meta.url))

export interface ScalingResult {
  readonly users: number
  readonly seedSeconds: number
  /** Lines `userLoadSmall`, `userLoadBig`, `signInSmall`, `signInBig`. */
  readonly group: GroupResult
  readonly stream: {
    readonly users: number
    readonly usersPerSec: number
    readonly cpuUsersPerSec: number
    readonly heapStartMb: number
    readonly heapGrowthMaxMb: number
    readonly heapGrowthMedianMb: number
    readonly samples: number
  }
  readonly concurrent: {
    readonly validations: number
    readonly heapPeakGrowthMb: number
    readonly heapRetainedMb: number
  }
}

export const runScaling = (): ScalingResult => {
  const out = ChildProcess.execFileSync(
    process.execPath,
    // over the compiled library, as the parent (see `compiled.ts`)
    ["--expose-gc", "--import", "tsx", "--import", "./bench/compiled.ts", Path.join(here, "scalingChild.ts")],
    { cwd: Path.join(here, ".."), encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 600_000 }
  )
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as ScalingResult
}
