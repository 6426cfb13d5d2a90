/**
 * `npm run check:newcomer`: a new user's first hour, from the README alone, in
 * a fresh consumer project.
 *
 * 1. `npm pack` (the package as the registry would serve it).
 * 2. A temp consumer (`"type": "module"`) runs exactly the README's install
 *    lines (section "Install"), with `descope-effect` replaced by the tarball.
 *    The registry is not reachable here: npm runs with `--prefer-offline`, so
 *    `effect`, `@effect/platform` ... come from the local npm cache
 *    (`NEWCOMER_ONLINE=1` drops the flag). Prints the install size and what
 *    descope-effect adds to effect and @effect/platform.
 * 3. Import time of `descope-effect` and of `effect` alone there (fresh processes).
 *    Then an effect this package cannot run on: one whose version says 3.10,
 *    and npm's effect 4 (installed from the registry, or the cache), with
 *    which every entry point and the bin fail with one sentence.
 * 4. The README's quick start, the complete server example and the Testing
 *    section's examples are written to files as they are in the README and
 *    typechecked against the installed package (`moduleResolution: nodenext`;
 *    TypeScript and @types/node are this repository's: the README's lines do
 *    not install them).
 * 5. The emulator is started by the README's command (`npx descope-emulator
 *    --port 4000`, on a free port instead of 4000) and used with the README's
 *    environment values: the quick start sends a code (checked in the outbox),
 *    and without `DESCOPE_PROJECT_ID` fails with one line and exit code 1; the
 *    server answers a wrong code 401 (E061102), the right one 200 with cookies,
 *    `/me` 200; a vitest file using `@effect/vitest` runs the Testing section's
 *    examples and checks their answers.
 *
 * Exit code 0 when every check held; otherwise the failing step and its output.
 */
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Net from "node:net"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")
const README = Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8")
const ONLINE = process.env["NEWCOMER_ONLINE"] === "1"
const KEEP = process.env["NEWCOMER_KEEP"] === "1"
const started = Date.now()

const log = (line: string) => console.log(`[check:newcomer ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`)

class CheckFailed extends Error {}
const check = (ok: boolean, what: string, detail = ""): void => {
  if (!ok) throw new CheckFailed(`${what}${detail === "" ? "" : `\n${detail}`}`)
  log(`ok: ${what}`)
}

/** Runs a command to completion; fails with its output unless it exits 0 (or `allowFail`). */
const run = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Record<string, string | undefined>; readonly allowFail?: boolean }
): { readonly code: number | null; readonly stdout: string; readonly stderr: string } => {
  const result = ChildProcess.spawnSync(command, [...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024
  })
  if (result.error !== undefined) throw result.error
  if (result.status !== 0 && options.allowFail !== true) {
    throw new CheckFailed(`${command} ${args.join(" ")} exited ${result.status}\n${result.stdout}\n${result.stderr}`)
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The entry points a consumer imports in the effect-version checks. */
const CHECKED_ENTRIES = [
  "descope-effect",
  "descope-effect/server",
  "descope-effect/emulator",
  "descope-effect/next",
  "descope-effect/validation"
]

/** Imports `entry` in a fresh Node process in `cwd`: `loaded`, or the message it failed with (stdout), and stderr. */
const importIn = (cwd: string, entry: string): { readonly stdout: string; readonly stderr: string } =>
  run(process.execPath, [
    "--input-type=module",
    "-e",
    `import(${JSON.stringify(entry)}).then(() => console.log("loaded"), (e) => console.log(e.message))`
  ], { cwd })

/** The body of the README section `## title` (up to the next `## `). */
const section = (title: string): string => {
  const start = README.indexOf(`\n## ${title}\n`)
  if (start < 0) throw new CheckFailed(`README has no section "${title}"`)
  const end = README.indexOf("\n## ", start + 1)
  return README.slice(start, end < 0 ? undefined : end)
}
const blocks = (text: string, lang: string): Array<string> =>
  [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map((m) => m[1]!)

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = Net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

const sizeOf = (path: string): number => {
  const stat = Fs.lstatSync(path)
  if (!stat.isDirectory()) return stat.size
  return Fs.readdirSync(path).reduce((sum, name) => sum + sizeOf(Path.join(path, name)), 0)
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The installed packages (top level of node_modules, scoped ones included). */
const installed = (modules: string): Array<string> =>
  Fs.readdirSync(modules)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => (name.startsWith("@")
      ? Fs.readdirSync(Path.join(modules, name)).map((n) => `${name}/${n}`)
      : [name])
    )

/** `roots` and their dependencies (with the optional ones that are installed), by name. */
const closure = (modules: string, roots: ReadonlyArray<string>): Set<string> => {
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name) || !Fs.existsSync(Path.join(modules, name, "package.json"))) return
    seen.add(name)
    const pkg = JSON.parse(Fs.readFileSync(Path.join(modules, name, "package.json"), "utf8")) as {
      readonly dependencies?: Record<string, string>
      readonly optionalDependencies?: Record<string, string>
    }
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep)
  }
  roots.forEach(visit)
  return seen
}

interface Child {
  readonly child: ChildProcess.ChildProcess
  readonly output: Array<string>
  readonly stop: () => Promise<void>
}
const spawn = (
  command: string,
  args: ReadonlyArray<string>,
  cwd: string,
  env: Record<string, string | undefined>
): Child => {
  const child = ChildProcess.spawn(command, [...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  const output: Array<string> = []
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  return {
    child,
    output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
      await exited
      clearTimeout(timer)
    }
  }
}
const waitFor = async (what: string, ready: () => Promise<boolean>, output: ReadonlyArray<string>) => {
  for (let i = 0; i < 600; i++) {
    if (await ready().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new CheckFailed(`${what} did not start within a minute\n${output.join("")}`)
}

const json = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, init)
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: response.status, cookies: response.headers.getSetCookie(), body }
}

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const main = async () => {
  const work = Fs.mkdtempSync(Path.join(Os.tmpdir(), "descope-newcomer-"))
  const app = Path.join(work, "app")
  Fs.mkdirSync(app)
  const children: Array<Child> = []
  try {
    // 1. the package
    log(`npm pack (builds dist) into ${work}`)
    const packed = JSON.parse(
      run("npm", ["pack", "--json", "--pack-destination", work], { cwd: ROOT }).stdout.replace(/^[^[]*/, "")
    ) as Array<{
      readonly filename: string
      readonly size: number
      readonly unpackedSize: number
      readonly entryCount: number
    }>
    const tarball = Path.join(work, packed[0]!.filename)
    log(
      `packed ${packed[0]!.filename}: ${mb(packed[0]!.size)} (${mb(packed[0]!.unpackedSize)} unpacked, ${
        packed[0]!.entryCount
      } files)`
    )

    // 2. the README's install lines
    Fs.writeFileSync(
      Path.join(app, "package.json"),
      JSON.stringify({ name: "newcomer-app", version: "1.0.0", private: true, type: "module" }, null, 2)
    )
    const lines = blocks(section("Install"), "sh").flatMap((b) => b.split("\n")).map((l) => l.trim()).filter((l) =>
      l.startsWith("npm install")
    )
    check(lines.length === 3, "the README's Install section has three install lines", lines.join("\n"))
    const modules = Path.join(app, "node_modules")
    let productionSize = 0
    for (const [i, line] of lines.entries()) {
      const args = line.split(/\s+/).slice(1).map((a) => (a === "descope-effect" ? tarball : a))
      const flags = ["--no-audit", "--no-fund", ...(ONLINE ? [] : ["--prefer-offline"])]
      log(`$ ${line}${args.includes(tarball) ? "   (descope-effect = the packed tarball)" : ""} ${flags.join(" ")}`)
      const out = run("npm", [...args, ...flags], { cwd: app })
      const warnings = `${out.stdout}${out.stderr}`.split("\n").filter((l) => /ERESOLVE|peer dep|deprecated/i.test(l))
      check(warnings.length === 0, `install line ${i + 1}: no resolution or peer warnings`, warnings.join("\n"))
      const other = `${out.stdout}${out.stderr}`.split("\n").filter((l) =>
        /^npm warn/.test(l) && !/install-scripts\s*$/.test(l)
      )
      if (other.length > 0) {
        log(`npm's other warnings (not about descope-effect's resolution):\n  ${other.join("\n  ")}`)
      }
      if (i === 0) {
        const all = installed(modules)
        productionSize = sizeOf(modules)
        const ours = new Set(closure(modules, ["descope-effect"]))
        for (const name of closure(modules, ["effect", "@effect/platform"])) ours.delete(name)
        const added = [...ours].sort()
        const addedSize = added.reduce((sum, name) => sum + sizeOf(Path.join(modules, name)), 0)
        log(
          `install size after line 1: ${all.length} packages, ${
            mb(productionSize)
          }; descope-effect adds ${added.length} ` +
            `to effect + @effect/platform: ${added.join(", ")} (${mb(addedSize)})`
        )
        check(
          added.every((name) => name === "descope-effect" || name === "jose"),
          "descope-effect adds only itself and jose",
          added.join(", ")
        )
      }
    }
    log(`install size after every line: ${installed(modules).length} packages, ${mb(sizeOf(modules))}`)

    // 3. import time, fresh processes
    const timeImport = (spec: string) =>
      median(
        Array.from({ length: 5 }, () =>
          Number(
            run(process.execPath, [
              "--input-type=module",
              "-e",
              `const t = performance.now(); await import(${JSON.stringify(spec)}); console.log(performance.now() - t)`
            ], { cwd: app }).stdout.trim()
          ))
      )
    const importOurs = timeImport("descope-effect")
    const importEffect = timeImport("effect")
    log(
      `import time (median of 5 fresh processes, load ${Os.loadavg()[0]!.toFixed(1)}): descope-effect ${
        importOurs.toFixed(0)
      } ms, the effect barrel alone ${importEffect.toFixed(0)} ms`
    )

    // 3b. an effect this package cannot run on: every entry point fails with the one sentence, before any other
    // module of ours runs (the shipped bundles import the check first). A copy of the consumer's packages with
    // the installed effect's version string set to 3.10.0 stands in for an old effect.
    const old = Path.join(work, "old-effect")
    Fs.mkdirSync(old)
    Fs.cpSync(modules, Path.join(old, "node_modules"), { recursive: true, verbatimSymlinks: true })
    for (const dialect of ["esm", "cjs"]) {
      const versionFile = Path.join(old, "node_modules/effect/dist", dialect, "internal/version.js")
      Fs.writeFileSync(
        versionFile,
        Fs.readFileSync(versionFile, "utf8").replace(/let moduleVersion = "[^"]+"/, "let moduleVersion = \"3.10.0\"")
      )
    }
    for (const entry of CHECKED_ENTRIES) {
      const loaded = importIn(old, entry)
      check(
        loaded.stdout.trim() ===
          "descope-effect needs effect ^3.22 and @effect/platform ^0.97, but effect 3.10.0 is installed: " +
            "run npm install effect@^3.22 @effect/platform@^0.97",
        `with effect 3.10 installed, ${entry} fails with the one sentence naming both versions`,
        loaded.stdout + loaded.stderr
      )
    }

    // 3c. npm's latest effect (effect 4 today, which our modules cannot be linked against), installed as a user who
    // names no versions does: `npm install descope-effect effect @effect/platform` (npm warns and goes on; with
    // `effect@4` named it refuses). Node's entry points check effect's package.json before linking: every entry
    // point and the bin say the one sentence.
    const latestApp = Path.join(work, "effect-latest")
    Fs.mkdirSync(latestApp)
    Fs.writeFileSync(
      Path.join(latestApp, "package.json"),
      JSON.stringify({ name: "effect-latest-app", version: "1.0.0", private: true, type: "module" }, null, 2)
    )
    log(`$ npm install descope-effect effect @effect/platform   (descope-effect = the packed tarball; no versions)`)
    run("npm", ["install", tarball, "effect", "@effect/platform", "--no-audit", "--no-fund"], { cwd: latestApp })
    const latestEffect = (JSON.parse(
      Fs.readFileSync(Path.join(latestApp, "node_modules/effect/package.json"), "utf8")
    ) as { readonly version: string }).version
    check(!latestEffect.startsWith("3."), `npm's latest effect is not effect 3 (it is ${latestEffect})`)
    const latestSentence =
      `descope-effect needs effect ^3.22 and @effect/platform ^0.97, but effect ${latestEffect} is installed: ` +
      "run npm install effect@^3.22 @effect/platform@^0.97"
    for (const entry of CHECKED_ENTRIES) {
      const loaded = importIn(latestApp, entry)
      check(
        loaded.stdout.trim() === latestSentence,
        `with effect ${latestEffect} installed, ${entry} fails with the one sentence naming both versions`,
        loaded.stdout + loaded.stderr
      )
    }
    const latestBin = run("npx", ["--no-install", "descope-emulator"], { cwd: latestApp, allowFail: true })
    check(
      latestBin.code === 1 && latestBin.stderr.trim() === `descope-emulator: ${latestSentence}`,
      `with effect ${latestEffect} installed, npx descope-emulator says the one sentence and exits 1`,
      `exit ${latestBin.code}\n${latestBin.stdout}${latestBin.stderr}`
    )

    // 4. the README's code, as files, typechecked against the installed package
    const src = Path.join(app, "src")
    const tests = Path.join(app, "tests")
    Fs.mkdirSync(src)
    Fs.mkdirSync(tests)
    const quickStart = blocks(section("Quick start"), "ts")
    check(quickStart.length >= 1, "the README's Quick start has a ts block")
    Fs.writeFileSync(Path.join(src, "quickstart.ts"), quickStart[0]!)
    const serverBlocks = blocks(README, "ts").filter((b) => b.includes("NodeRuntime.runMain(Layer.launch(ServerLive))"))
    check(serverBlocks.length === 1, "the README has one complete server example")
    Fs.writeFileSync(Path.join(src, "server.ts"), serverBlocks[0]!)
    const testing = blocks(section("Testing"), "ts")
    const exportsOf = testing.map((b, i) => {
      Fs.writeFileSync(Path.join(tests, `readme${i + 1}.ts`), b)
      return [...b.matchAll(/^export const (\w+)/gm)].map((m) => ({ file: `./readme${i + 1}.js`, name: m[1]! }))
    }).flat()
    check(exportsOf.length >= 3, "the README's Testing section exports its examples", JSON.stringify(exportsOf))
    Fs.writeFileSync(
      Path.join(tests, "readme.test.ts"),
      [
        `import { assert, describe, it } from "@effect/vitest"`,
        `import { Effect } from "effect"`,
        ...exportsOf.map(({ file, name }) => `import { ${name} } from ${JSON.stringify(file)}`),
        ``,
        `describe("the README's Testing section", () => {`,
        ...exportsOf.map(({ name }) =>
          `  it.effect(${JSON.stringify(name)}, () => Effect.map(${name}, (answer) => { console.log(${
            JSON.stringify(`${name} ->`)
          }, JSON.stringify(answer)); assert.isDefined(answer) }))`
        ),
        `  it.effect("the mock answers the masked e-mail and records the body", () => Effect.map(test, (a) => assert.deepStrictEqual(a, { maskedEmail: "d***@descope.com", body: { loginId: "desmond@descope.com", loginOptions: {} } })))`,
        `  it.effect("expiry under TestClock", () => Effect.map(expiry, (a) => assert.deepStrictEqual(a, { roles: ["admin"], expired: "InvalidSessionError" })))`,
        `  it.effect("sign-in through the in-process emulator", () => Effect.map(signIn, (a) => assert.match(typeof a === "string" ? a : JSON.stringify(a), /U/)))`,
        `})`,
        ``
      ].join("\n")
    )
    Fs.writeFileSync(
      Path.join(app, "tsconfig.json"),
      JSON.stringify(
        {
          compilerOptions: {
            target: "ES2022",
            module: "nodenext",
            moduleResolution: "nodenext",
            strict: true,
            skipLibCheck: true,
            outDir: "build",
            rootDir: ".",
            types: ["node"],
            typeRoots: [Path.join(ROOT, "node_modules", "@types")]
          },
          include: ["src", "tests"]
        },
        null,
        2
      )
    )
    log("typecheck and compile the README's code (the repository's TypeScript)")
    run(process.execPath, [Path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: app })
    check(true, "the quick start, the server and the Testing examples typecheck against the installed package")

    // 5. the emulator, by the README's command
    const cliLine = blocks(section("The emulator CLI"), "sh")
      .flatMap((b) => b.split("\n"))
      .find((l) => l.trim().startsWith("npx descope-emulator"))
    check(cliLine !== undefined, "the README names the npx command")
    const port = await freePort()
    const cliArgs = cliLine!.replace(/#.*$/, "").trim().split(/\s+/).slice(1).map((
      a
    ) => (a === "4000" ? String(port) : a))
    log(`$ npx ${cliArgs.join(" ")}   (port ${port} instead of 4000: a free one)`)
    const emulator = spawn("npx", cliArgs, app, {})
    children.push(emulator)
    const env: Record<string, string> = {}
    for (const b of blocks(section("The emulator CLI"), "sh")) {
      for (const m of b.matchAll(/^export (\w+)=(\S+)/gm)) env[m[1]!] = m[2]!.replace("4000", String(port))
    }
    check(
      env["DESCOPE_BASE_URL"] !== undefined && env["DESCOPE_PROJECT_ID"] !== undefined,
      "the README gives the emulator's environment",
      JSON.stringify(env)
    )
    const baseUrl = env["DESCOPE_BASE_URL"]!
    const projectId = env["DESCOPE_PROJECT_ID"]!
    await waitFor("the emulator", async () => (await fetch(`${baseUrl}/v2/keys/${projectId}`)).ok, emulator.output)
    check(
      emulator.output.join("").includes(projectId),
      "the emulator's banner names the README's project id",
      emulator.output.join("")
    )

    // the quick start
    const quick = run(process.execPath, ["build/src/quickstart.js"], { cwd: app, env, allowFail: true })
    check(
      quick.code === 0 && /^code sent to \S+@descope\.com$/m.test(quick.stdout),
      "the quick start sends a code",
      `${quick.stdout}${quick.stderr}`
    )
    const outbox = await json(`${baseUrl}/emulator/outbox?loginId=${encodeURIComponent("desmond@descope.com")}`)
    const messages = (outbox.body as { readonly messages?: ReadonlyArray<unknown> }).messages ?? []
    check(
      outbox.status === 200 && messages.length === 1,
      "the emulator's outbox holds the code",
      JSON.stringify(outbox.body)
    )
    const unset = run(process.execPath, ["build/src/quickstart.js"], {
      cwd: app,
      env: { ...env, DESCOPE_PROJECT_ID: undefined },
      allowFail: true
    })
    const errorLines = unset.stderr.trim().split("\n")
    check(
      unset.code === 1 && errorLines.length === 1 && errorLines[0]!.includes("DESCOPE_PROJECT_ID"),
      "the quick start without DESCOPE_PROJECT_ID: one line naming it, exit code 1",
      `exit ${unset.code}\n${unset.stdout}${unset.stderr}`
    )
    const down = run(process.execPath, ["build/src/quickstart.js"], {
      cwd: app,
      env: { ...env, DESCOPE_BASE_URL: `http://127.0.0.1:${await freePort()}`, DESCOPE_REQUEST_TIMEOUT: "2 seconds" },
      allowFail: true
    })
    check(
      down.code === 1 && /TransportError.*127\.0\.0\.1/.test(down.stderr) &&
        down.stderr.trim().split("\n").length === 1,
      "the quick start with nothing listening: one line, TransportError naming the host, exit code 1",
      `exit ${down.code}\n${down.stdout}${down.stderr}`
    )

    // the server example
    const appPort = await freePort()
    const server = spawn(process.execPath, ["build/src/server.js"], app, {
      ...env,
      PORT: String(appPort),
      HOST: "127.0.0.1"
    })
    children.push(server)
    const appUrl = `http://127.0.0.1:${appPort}`
    await waitFor("the README server", async () => (await fetch(`${appUrl}/me`), true), server.output)
    const sent = await json(`${baseUrl}/v1/auth/otp/signup-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${projectId}` },
      body: JSON.stringify({ loginId: "ada@example.com" })
    })
    check(sent.status === 200, "a code is sent to ada@example.com through the emulator", JSON.stringify(sent.body))
    const adaOutbox = await json(`${baseUrl}/emulator/outbox?loginId=${encodeURIComponent("ada@example.com")}`)
    const code =
      ((adaOutbox.body as { readonly messages: ReadonlyArray<{ readonly code?: string }> }).messages.at(-1)?.code) ?? ""
    check(/^\d{6}$/.test(code), "the code is read from the outbox")
    const verify = (c: string) =>
      json(`${appUrl}/auth/verify`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "ada@example.com", code: c })
      })
    const refused = await verify(code === "000000" ? "111111" : "000000")
    const refusedBody = refused.body as { readonly _tag?: string; readonly errorCode?: string }
    check(
      refused.status === 401 && refusedBody._tag === "DescopeUnauthorized" && refusedBody.errorCode === "E061102",
      "the server answers a wrong code 401 with Descope's error code",
      `${refused.status} ${JSON.stringify(refused.body)}\n${server.output.join("")}`
    )
    const accepted = await verify(code)
    const ds = accepted.cookies.find((c) => c.startsWith("DS="))?.split(";")[0]
    check(
      accepted.status === 200 && ds !== undefined && accepted.cookies.some((c) => c.startsWith("DSR=")),
      "the server answers the right code 200 with the DS and DSR cookies",
      `${accepted.status} ${JSON.stringify(accepted.body)}`
    )
    const me = await json(`${appUrl}/me`, { headers: { cookie: ds ?? "" } })
    check(
      me.status === 200 &&
        JSON.stringify(me.body) === JSON.stringify({ userId: (accepted.body as { userId?: string }).userId }),
      "the server answers /me 200 with the session's user",
      `${me.status} ${JSON.stringify(me.body)}`
    )
    await server.stop()
    check(server.child.exitCode !== null || server.child.signalCode !== null, "the server stops on SIGTERM")

    // the vitest file
    log("$ npx vitest run --dir tests   (the Testing section's examples, with @effect/vitest)")
    // under CI (CI set) vitest colours its output, whatever the terminal: ask for none, and read it without escapes
    const vitest = run("npx", ["vitest", "run", "--dir", "tests"], {
      cwd: app,
      allowFail: true,
      env: { NO_COLOR: "1" }
    })

    const vitestOut = vitest.stdout.replace(/\u001b\[[0-9;]*m/g, "")
    check(
      vitest.code === 0 && /Tests\s+\d+ passed/.test(vitestOut),
      "the vitest file passes",
      `${vitest.stdout}${vitest.stderr}`
    )
    log(vitestOut.split("\n").filter((l) => / -> |Tests /.test(l)).map((l) => l.trim()).join("\n  "))

    await emulator.stop()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const closed = await fetch(`${baseUrl}/v2/keys/${projectId}`).then(() => false, () => true)
    check(closed, "the emulator stops when its npx gets SIGTERM (the port is closed)")
    log(`every check held (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  } finally {
    for (const child of children) await child.stop()
    if (KEEP) log(`kept ${work}`)
    else Fs.rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(`[check:newcomer] FAILED: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
