/**
 * `npm run build` (and `npm pack`, through `prepack`): `dist/` from `src/`.
 * - declarations: tsc, file by file (`tsconfig.build.json`, declarations only);
 * - JavaScript: one bundle per entry point with shared chunks (see `bundle.ts`).
 */
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { bundle, ROOT } from "./bundle.js"

const dist = Path.join(ROOT, "dist")
Fs.rmSync(dist, { recursive: true, force: true })
const tsc = ChildProcess.spawnSync(
  process.execPath,
  [Path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--emitDeclarationOnly"],
  { cwd: ROOT, stdio: "inherit" }
)
if (tsc.status !== 0) process.exit(tsc.status ?? 1)
await bundle(dist)
// the bin runs with node directly
Fs.chmodSync(Path.join(dist, "emulator", "cli.js"), 0o755)
