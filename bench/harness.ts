/**
 * Measurement helpers of the benchmark: interleaved rounds, medians, a table.
 *
 * Every line runs for about `roundMs` per round; the lines of a group run one
 * after the other inside each round (A, B, C, A, B, C ...) with the order
 * rotated from round to round, so that machine noise (other processes, CPU
 * frequency, GC) hits every line alike. Warm-up rounds are run and dropped.
 * A line's figure is the median of its per-round ops/s; a ratio between two
 * lines is the median of their per-round ratios.
 */
import { performance } from "node:perf_hooks"

/** One measured line: `op(i)` performs the i-th operation of the line. */
export interface Line {
  readonly name: string
  /** Performs one operation; awaited when it returns a promise. */
  readonly op: (i: number) => Promise<unknown> | unknown
  /** Whether `op` is synchronous (then it is not awaited). */
  readonly sync?: boolean
  /** How many operations one call of `op` performs (e.g. a batch of concurrent flows); default 1. */
  readonly opsPerCall?: number
  /**
   * The number of operations the line may run at most over the whole group
   * (e.g. a pool of unique tokens); each round then runs at most its share.
   */
  readonly supply?: number
}

/** The per-round results of a group. */
export interface GroupResult {
  /** ops per wall-clock second of each round (warm-up excluded), by line name. */
  readonly rounds: Record<string, Array<number>>
  /** Median ops/s by line name. */
  readonly median: Record<string, number>
  /**
   * ops per second of process CPU time (all threads) of each round: robust when
   * other processes compete for the cores, since time spent descheduled is not counted.
   */
  readonly cpuRounds: Record<string, Array<number>>
  /** Median ops per CPU-second by line name. */
  readonly cpuMedian: Record<string, number>
}

interface Sample {
  readonly wall: number
  readonly cpu: number
}

export interface GroupOptions {
  readonly rounds: number
  readonly warmupRounds: number
  /** Target duration of one line in one round. */
  readonly roundMs: number
  /**
   * Duration of one line in a warm-up round (default `roundMs`): long enough for
   * every line to reach its optimised steady state (node-sdk needs ~15,000 calls).
   */
  readonly warmupMs?: number | undefined
  /** Run before each round, not measured (e.g. housekeeping of an emulator). */
  readonly beforeRound?: (() => Promise<void>) | undefined
}

export const median = (values: ReadonlyArray<number>): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The per-round ratios a/b (rounds are paired: same round, side by side). */
export const pairedRatios = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): Array<number> =>
  a.map((x, i) => x / b[i]!)

/** Median of the per-round ratios a/b (rounds are paired: same round, side by side). */
export const pairedRatio = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number => median(pairedRatios(a, b))

/** A line's median with its spread over the rounds (smallest and largest round). */
export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
}

/** The median and the spread of per-round values. */
export const spread = (values: ReadonlyArray<number>): Spread => ({
  median: median(values),
  min: values.length === 0 ? Number.NaN : Math.min(...values),
  max: values.length === 0 ? Number.NaN : Math.max(...values)
})

const runLine = async (line: Line, cursor: { next: number }, roundMs: number, share: number): Promise<Sample> => {
  const limit = Math.min(line.supply ?? Number.POSITIVE_INFINITY, cursor.next + share)
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  const deadline = start + roundMs
  let ops = 0
  let now = start
  if (line.sync === true) {
    // check the clock every 16 ops: synchronous ops may be sub-microsecond
    while (now < deadline && cursor.next < limit) {
      for (let k = 0; k < 16 && cursor.next < limit; k++) {
        line.op(cursor.next++)
        ops++
      }
      now = performance.now()
    }
  } else {
    while (now < deadline && cursor.next < limit) {
      await line.op(cursor.next++)
      ops++
      now = performance.now()
    }
  }
  const cpu = process.cpuUsage(cpu0)
  ops *= line.opsPerCall ?? 1
  if (ops === 0) throw new Error(`bench line "${line.name}" ran out of supply (${limit} operations)`)
  const cpuSeconds = Math.max(cpu.user + cpu.system, 1) / 1e6
  return { wall: ops / ((now - start) / 1000), cpu: ops / cpuSeconds }
}

/** Runs the lines interleaved round by round; see the module comment. */
export const runGroup = async (lines: ReadonlyArray<Line>, options: GroupOptions): Promise<GroupResult> => {
  const rounds: Record<string, Array<number>> = {}
  const cpuRounds: Record<string, Array<number>> = {}
  const cursors = lines.map(() => ({ next: 0 }))
  for (const line of lines) {
    rounds[line.name] = []
    cpuRounds[line.name] = []
  }
  const total = options.warmupRounds + options.rounds
  for (let r = 0; r < total; r++) {
    if (options.beforeRound !== undefined) await options.beforeRound()
    for (let k = 0; k < lines.length; k++) {
      const index = (k + r) % lines.length
      const line = lines[index]!
      const share = line.supply === undefined ? Number.POSITIVE_INFINITY : Math.floor(line.supply / total)
      const ms = r < options.warmupRounds ? options.warmupMs ?? options.roundMs : options.roundMs
      const sample = await runLine(line, cursors[index]!, ms, share)
      if (r >= options.warmupRounds) {
        rounds[line.name]!.push(sample.wall)
        cpuRounds[line.name]!.push(sample.cpu)
      }
    }
  }
  const med: Record<string, number> = {}
  const cpuMed: Record<string, number> = {}
  for (const line of lines) {
    med[line.name] = median(rounds[line.name]!)
    cpuMed[line.name] = median(cpuRounds[line.name]!)
  }
  return { rounds, median: med, cpuRounds, cpuMedian: cpuMed }
}

/** Formats rows as an aligned text table. */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  const fmt = (cells: ReadonlyArray<string>) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)].join("\n")
}

export const fmtOps = (opsPerSecond: number): string =>
  Number.isFinite(opsPerSecond) ? Math.round(opsPerSecond).toLocaleString("en-US") : "n/a"

export const fmtMicros = (opsPerSecond: number): string =>
  Number.isFinite(opsPerSecond) && opsPerSecond > 0 ? (1e6 / opsPerSecond).toFixed(1) : "n/a"

export const round2 = (x: number): number => Math.round(x * 100) / 100

/**
 * Writes a line's median under `key` and its spread under `<key>.min` and
 * `<key>.max` (rounded as the median: `round` for ops/s, `round2` for ratios).
 */
export const putSpread = (
  into: Record<string, unknown>,
  key: string,
  s: Spread,
  round: (x: number) => number = Math.round
): void => {
  into[key] = round(s.median)
  into[`${key}.min`] = round(s.min)
  into[`${key}.max`] = round(s.max)
}

/** "median (min–max)" for a table cell. */
export const fmtSpread = (s: Spread, digits = 2): string =>
  `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`
