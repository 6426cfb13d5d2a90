/**
 * The README's complete server (the ```ts block that ends with
 * `NodeRuntime.runMain(Layer.launch(ServerLive))`) runs as written, over the
 * JavaScript we ship: its types stripped, it runs with plain node in a consumer
 * project whose `descope-effect` is the built package (test/support/cliProcess.ts),
 * on a free loopback port against the emulator served on loopback. It answers a
 * wrong code with 401 and Descope's error code, the right code with 200 and the
 * session cookies, and `/me` with the session. The child is stopped with SIGTERM
 * and must exit. (test/readme.test.ts type-checks the block.)
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Net from "node:net"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { loadEsbuild } from "../scripts/bundle.js"
import * as Emulator from "../src/emulator/index.js"
import { consumerProject, removeDirs } from "./support/cliProcess.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")
const PROJECT_ID = "P2ReadmeServer0000000000001"
const MARKER = "NodeRuntime.runMain(Layer.launch(ServerLive))"

/** The README's server block. */
const serverBlock = (): string => {
  const readme = Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8")
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)
  const found = blocks.filter((b) => b.includes(MARKER))
  if (found.length !== 1) throw new Error(`expected one README block with ${MARKER}, found ${found.length}`)
  return found[0]!
}

const freePort = Effect.async<number>((resume) => {
  const server = Net.createServer()
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

/** The packages a module imports (`@effect/platform-node`, `effect`), except descope-effect and Node's own. */
const importedPackages = (code: string): ReadonlyArray<string> => {
  const names = new Set<string>()
  for (const [, specifier = ""] of code.matchAll(/\bfrom\s+"([^".][^"]*)"/g)) {
    if (specifier.startsWith("node:")) continue
    const name = specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/")
    if (name !== "descope-effect") names.add(name)
  }
  return [...names]
}

/** Starts the README server as a child process; stops it (SIGTERM) with the scope and checks it exited. */
const startServer = (env: Record<string, string>) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      const block = serverBlock()
      const dir = await consumerProject("descope-readme-server-", importedPackages(block))
      const esbuild = await loadEsbuild()
      const { code } = await esbuild.transform(block, { loader: "ts", format: "esm", target: "node20" })
      const file = Path.join(dir, "server.js")
      Fs.writeFileSync(file, code)
      const output: Array<string> = []
      const child = ChildProcess.spawn(process.execPath, [file], {
        cwd: dir,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"]
      })
      child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()))
      child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()))
      // "close": after the exit and the end of its output
      const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)))
      return { child, output, exited }
    }),
    ({ child, exited }) =>
      Effect.promise(async () => {
        child.kill("SIGTERM")
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
        await exited
        clearTimeout(timer)
      })
  )

// the consumer projects (also one whose server failed to start)
afterAll(() => removeDirs())

const post = (url: string, body: unknown) =>
  Effect.promise(async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body)
    })
    return {
      status: response.status,
      cookies: response.headers.getSetCookie(),
      body: (await response.json()) as unknown
    }
  })

/** Polls until the server answers (any status), for at most a minute; fails at once if the server exits. */
const waitUntilUp = (
  url: string,
  server: { readonly output: ReadonlyArray<string>; readonly exited: Promise<unknown> }
) =>
  Effect.gen(function*() {
    let exited = false
    void server.exited.then(() => {
      exited = true
    })
    for (let i = 0; i < 600 && !exited; i++) {
      const up = yield* Effect.promise(() => fetch(url).then(() => true, () => false))
      if (up) return
      yield* Effect.sleep("100 millis")
    }
    return yield* Effect.dieMessage(
      `the README server ${exited ? "exited" : "did not start"}:\n${server.output.join("")}`
    )
  })

describe("README: the complete server", () => {
  it.scopedLive(
    "runs: a wrong code answers 401 with Descope's error code, the right one 200 with cookies",
    () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator.make({ projectId: PROJECT_ID })
        const served = yield* Emulator.serve().pipe(Effect.provideService(Emulator.Emulator, emulator), Effect.orDie)
        const port = yield* freePort
        const app = `http://127.0.0.1:${port}`
        const server = yield* startServer({
          PORT: String(port),
          HOST: "127.0.0.1",
          DESCOPE_PROJECT_ID: PROJECT_ID,
          DESCOPE_BASE_URL: served.baseUrl
        })
        yield* waitUntilUp(`${app}/me`, server)
        const { output } = server

        // the code is sent through the emulator (the README's server has only the verify endpoint)
        const sent = yield* Effect.promise(() =>
          fetch(`${served.baseUrl}/v1/auth/otp/signup-in/email`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${PROJECT_ID}` },
            body: JSON.stringify({ loginId: "ada@example.com" })
          }).then((r) => r.status)
        )
        assert.strictEqual(sent, 200)
        const code = Option.getOrThrow(yield* emulator.lastMessage("ada@example.com", "otp")).code ?? ""
        const wrong = code === "000000" ? "111111" : "000000"

        const refused = yield* post(`${app}/auth/verify`, { email: "ada@example.com", code: wrong })
        assert.strictEqual(refused.status, 401, output.join(""))
        const body = refused.body as { readonly _tag: string; readonly errorCode: string }
        assert.deepStrictEqual([body._tag, body.errorCode], ["DescopeUnauthorized", "E061102"])

        const accepted = yield* post(`${app}/auth/verify`, { email: "ada@example.com", code })
        assert.strictEqual(accepted.status, 200, output.join(""))
        const userId = (accepted.body as { readonly userId: string }).userId
        assert.match(userId, /^U/)
        const ds = accepted.cookies.find((c) => c.startsWith("DS="))?.split(";")[0]
        assert.isDefined(ds)
        assert.isTrue(accepted.cookies.some((c) => c.startsWith("DSR=")))

        const me = yield* Effect.promise(() =>
          fetch(`${app}/me`, { headers: { cookie: ds ?? "" } }).then(async (r) => ({
            status: r.status,
            body: await r.json()
          }))
        )
        assert.deepStrictEqual(me, { status: 200, body: { userId } })
      }),
    120_000
  )
})
