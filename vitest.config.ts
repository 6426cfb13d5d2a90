import * as Os from "node:os"
import * as V8 from "node:v8"
import { defineConfig } from "vitest/config"

// V8 optimizes a function (TurboFan, in background threads) once it has run a budget of bytecode. Test files
// run most of their code a few times: a system-wide profile of `npm test` found about a fifth of the CPU in
// those threads, more than half of it compiling optimized code. With four times the default budget only
// really hot code is optimized: the unit project took 82 s (79-85) instead of 90 s (77-104) and 148 s of
// CPU instead of 163, over 8 runs each, interleaved, on 2 cores. Set before the workers start: they share the
// process's V8 flags. (The load project's forks and the processes tests start keep V8's default; 67,584 is
// Node 20's.)
V8.setFlagsFromString(`--interrupt-budget=${4 * 67_584}`)

/**
 * The load and soak runs (thousands of flows and validations): `npm run test:load`, run by CI
 * (`.ci/run`) next to `npm test`, not by `npm test`.
 */
const LOAD = ["test/load.test.ts", "test/load-validation.test.ts", "test/wire-catalogue-fuzz.test.ts"]
/** The inspector in a real headless browser (Debian's chromium): `npm run test:browser`. */
const BROWSER = ["test/**/*.browser.test.ts"]
/**
 * The Next.js adapter against a real Next (its NextRequest, NextResponse and route module): `npm run test:next`.
 * Its global setup installs the pinned Next under node_modules/.cache on the first run (about 15 s).
 */
const NEXT = ["test/**/*.next.test.ts"]

export default defineConfig({
  test: {
    // no root include: a project that extends the root would add it to its own (every test file)
    globalSetup: ["test/support/redisSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // test files share their worker's module cache (effect, @effect/platform and src are imported
    // once per worker, not once per file): importing them was most of the suite's time; no test file
    // mocks a module, and the one that replaces a global (fetch) restores it. Set here, not per
    // project: the worker pool is made from the root configuration.
    pool: "threads",
    isolate: false,
    // Vitest's default is one worker less than the cores: on our 2-core machines, one worker, and the
    // suite ran file after file (90 s). Most of the suite's slow files wait on sockets, child processes
    // and real timers rather than compute, so one worker more than the cores keeps both cores busy while
    // some wait: `npm test` (then with typecheck and lint in processes beside it) measured 68/62 s with 2 workers
    // and 60/52 s with 3, in alternating runs on 2 cores (4 workers: no better than 3).
    // Re-measured with the typecheck inside the suite (3 interleaved pairs of `npm test`): 3 workers
    // 76.9/76.6/76.9 s, 2 workers 86.6/77.9/75.9 s; 2 use less CPU (119-136 s against 137-140) but the tests
    // that wait on real time no longer overlap.
    // (minWorkers = maxWorkers: tinypool terminates idle workers above the minimum, and a worker terminated
    // that way surfaced as an unhandled "Terminating worker thread" rejection that failed the run)
    maxWorkers: Os.availableParallelism() + 1,
    minWorkers: Os.availableParallelism() + 1,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...LOAD, ...BROWSER, ...NEXT]
        }
      },
      {
        test: { name: "browser", include: BROWSER, testTimeout: 60_000, hookTimeout: 60_000 }
      },
      {
        test: {
          name: "next",
          include: NEXT,
          globalSetup: ["test/support/nextSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        extends: true,
        // in child processes, as before (heap and socket counts are the process's)
        // soak runs get the time they need (no per-test timeouts in their files): on a 2-core machine
        // at load 10, 1,000 in-process flows took 264 s
        test: { name: "load", include: LOAD, exclude: BROWSER, pool: "forks", testTimeout: 600_000 }
      }
    ]
  }
})
