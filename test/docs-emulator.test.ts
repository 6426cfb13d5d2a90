/**
 * Every example of docs/emulator.md and of the README's emulator sections
 * runs. Each fenced block (and the fault-pattern table) carries a marker
 * right after it, `<!-- example: <kind> -->`, and an unmarked block fails:
 *
 * - `request`: `curl` commands, replayed in the page's order against one
 *   emulator on 127.0.0.1 (`http://127.0.0.1:4000` is rewritten to its real
 *   address); `<name>` in a command is the `name` field of the previous answer;
 * - `response` / `response partial`: the answer to the request before it
 *   (```json: the body; ```http: status line, headers, body). Strings with `…`
 *   are patterns, numbers of time fields (`now`, `sentAt`, `occurred`) any
 *   number; `partial` allows members the page does not show;
 * - `cli`: command lines whose flags `descope-emulator` accepts;
 * - `cli-output`: what the CLI prints at start;
 * - `env`: the variables an SDK reads, with the values the emulator serves,
 *   and descope-effect's `layerConfig` reads them;
 * - `ts [returns <json>]`: TypeScript run against the emulator (its exports:
 *   Effects are run, functions are called), each on a fresh one;
 * - `fault-patterns`: pattern / request / operation / matches rows, checked
 *   with the emulator's matcher, its route table and the client's operations.
 *
 * The README's demo transcript is checked against the demo's output too.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { story } from "../examples/demo.js"
import { DescopeClient, type Service as Client } from "../src/DescopeClient.js"
import { DEFAULT_MANAGEMENT_KEY, DEFAULT_PROJECT_ID } from "../src/emulator/Emulator.js"
import { banner, parse } from "../src/emulator/EmulatorCli.js"
import * as Faults from "../src/emulator/Faults.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import { type RawAnswer, rawRequest } from "./support/rawHttp.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")
const DOC_URL = "http://127.0.0.1:4000"
const BLOCKS_DIR = Path.join(ROOT, ".scratch", "docs-blocks")
const TIME_KEYS = new Set(["now", "sentAt", "occurred"])

// ---------------------------------------------------------------------------
// markdown
// ---------------------------------------------------------------------------

interface Example {
  readonly source: string
  /** 1-based line of the block's first line. */
  readonly line: number
  readonly kind: string
  /** What follows the kind in the marker (`partial`, `returns {...}`). */
  readonly extra: string
  readonly lang: string
  readonly body: string
}

/** The marked examples of a markdown text; fails on a block or a table without a marker. */
const examples = (source: string, markdown: string): ReadonlyArray<Example> => {
  const lines = markdown.split("\n")
  const found: Array<Example> = []
  let pending: { line: number; lang: string; body: string } | undefined
  let i = 0
  while (i < lines.length) {
    const text = lines[i]!
    const fence = /^```(\w*)\s*$/.exec(text)
    const isTable = text.startsWith("|")
    if (fence !== null || isTable) {
      if (pending !== undefined) throw new Error(`${source}:${pending.line}: a block without an example marker`)
      const start = i
      const body: Array<string> = []
      if (fence !== null) {
        i++
        while (i < lines.length && lines[i] !== "```") body.push(lines[i++]!)
        if (i >= lines.length) throw new Error(`${source}:${start + 1}: unterminated block`)
        i++
      } else {
        while (i < lines.length && lines[i]!.startsWith("|")) body.push(lines[i++]!)
      }
      pending = { line: start + 1, lang: fence !== null ? fence[1]! : "table", body: body.join("\n") }
      // a marker follows, after blank lines at most
      let j = i
      while (j < lines.length && lines[j]!.trim() === "") j++
      const marker = j < lines.length ? /^<!-- example: ([\w-]+)\s*(.*?)\s*-->$/.exec(lines[j]!) : null
      if (marker !== null) {
        found.push({ source, ...pending, kind: marker[1]!, extra: marker[2]! })
        pending = undefined
        i = j + 1
      } else if (fence !== null) {
        throw new Error(`${source}:${start + 1}: a block without an example marker`)
      } else {
        pending = undefined // a plain table (reference, not an example)
      }
      continue
    }
    i++
  }
  return found
}

const readme = Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8")
const docs = Fs.readFileSync(Path.join(ROOT, "docs", "emulator.md"), "utf8")

/** The README's emulator parts: from the emulator paragraph of Testing to the end of "The emulator CLI". */
const readmeEmulator = (): string => {
  const start = readme.indexOf("**The emulator** (`descope-effect/emulator`)")
  const cli = readme.indexOf("## The emulator CLI")
  const end = readme.indexOf("\n## ", cli + 1)
  assert.isAbove(start, 0)
  assert.isAbove(cli, start)
  // keep line numbers: blank out what comes before
  return `${readme.slice(0, start).replace(/[^\n]/g, "")}${readme.slice(start, end)}`
}

// ---------------------------------------------------------------------------
// curl
// ---------------------------------------------------------------------------

/** Shell words of a command (quotes, backslash-newline continuations; no expansion). */
const words = (command: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  let current = ""
  let quote: "'" | "\"" | undefined
  let has = false
  const text = command.replace(/\\\n/g, " ")
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote !== undefined) {
      if (c === quote) quote = undefined
      else current += c
    } else if (c === "'" || c === "\"") {
      quote = c
      has = true
    } else if (/\s/.test(c)) {
      if (has || current !== "") out.push(current)
      current = ""
      has = false
    } else {
      current += c
    }
  }
  if (quote !== undefined) throw new Error(`unterminated quote in: ${command}`)
  if (has || current !== "") out.push(current)
  return out
}

/** The commands of a shell block: continuation lines joined, comments and blank lines dropped. */
const commands = (body: string): ReadonlyArray<string> =>
  body.replace(/\\\n\s*/g, " ").split("\n").map((l) => l.replace(/\s+#\s.*$/, "").trim()).filter((l) =>
    l !== "" && !l.startsWith("#")
  )

interface Curl {
  readonly method: string
  readonly url: string
  readonly headers: Record<string, string>
  readonly data: string | undefined
  readonly include: boolean
}

const curl = (command: string): Curl => {
  const w = words(command)
  if (w[0] !== "curl") throw new Error(`not a curl command: ${command}`)
  let method: string | undefined
  let url: string | undefined
  let data: string | undefined
  let include = false
  const headers: Record<string, string> = {}
  for (let i = 1; i < w.length; i++) {
    const a = w[i]!
    if (a === "-s" || a === "-sS") continue
    if (a === "-i") include = true
    else if (a === "-X") method = w[++i]
    else if (a === "-H") {
      const h = w[++i] ?? ""
      const at = h.indexOf(":")
      headers[h.slice(0, at).trim().toLowerCase()] = h.slice(at + 1).trim()
    } else if (a === "-d") data = w[++i]
    else if (!a.startsWith("-") && url === undefined) url = a
    else throw new Error(`unsupported curl argument ${a} in: ${command}`)
  }
  if (url === undefined) throw new Error(`no URL in: ${command}`)
  return { method: method ?? (data !== undefined ? "POST" : "GET"), url, headers, data, include }
}

/** The first value of a member named `name`, depth first. */
const member = (value: unknown, name: string): unknown => {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = member(v, name)
      if (found !== undefined) return found
    }
  } else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>
    if (name in record) return record[name]
    for (const v of Object.values(record)) {
      const found = member(v, name)
      if (found !== undefined) return found
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------
// answers
// ---------------------------------------------------------------------------

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const matchesText = (expected: string, actual: string): boolean =>
  expected.includes("…")
    ? new RegExp(`^${expected.split("…").map(escapeRegExp).join("[\\s\\S]*")}$`).test(actual)
    : expected === actual

/** Differences between a documented JSON value and an actual one (empty: it matches). */
const compare = (expected: unknown, actual: unknown, partial: boolean, at = "$", key = ""): ReadonlyArray<string> => {
  if (typeof expected === "string") {
    return typeof actual === "string" && matchesText(expected, actual)
      ? []
      : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`]
  }
  if (typeof expected === "number") {
    if (TIME_KEYS.has(key)) {
      return typeof actual === "number"
        ? []
        : [`${at}: expected a number, got ${JSON.stringify(actual)}`]
    }
    return expected === actual ? [] : [`${at}: expected ${expected}, got ${JSON.stringify(actual)}`]
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${at}: expected ${expected.length} elements, got ${JSON.stringify(actual)}`]
    }
    return expected.flatMap((e, i) => compare(e, actual[i], partial, `${at}[${i}]`, key))
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) {
      return [`${at}: expected an object, got ${JSON.stringify(actual)}`]
    }
    const a = actual as Record<string, unknown>
    const e = expected as Record<string, unknown>
    const missing = Object.keys(e).filter((k) => !(k in a)).map((k) => `${at}.${k}: missing`)
    const extra = partial
      ? []
      : Object.keys(a).filter((k) => !(k in e)).map((k) => `${at}.${k}: not documented (${JSON.stringify(a[k])})`)
    return [
      ...missing,
      ...extra,
      ...Object.keys(e).filter((k) => k in a).flatMap((k) => compare(e[k], a[k], partial, `${at}.${k}`, k))
    ]
  }
  return expected === actual ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`]
}

const parseJson = (text: string, where: string): unknown => {
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new Error(`${where}: not JSON: ${String(e)}`)
  }
}

/** Checks a `response` example against an answer; returns the differences. */
const checkResponse = (
  example: Example,
  answer: RawAnswer,
  included: boolean,
  baseUrl: string
): ReadonlyArray<string> => {
  const where = `${example.source}:${example.line}`
  const text = example.body.split(DOC_URL).join(baseUrl)
  const partial = example.extra === "partial"
  if (example.lang === "json") {
    if (included) return [`${where}: the request shows headers (-i): document the answer as \`\`\`http`]
    return compare(parseJson(text, where), answer.json, partial).map((d) => `${where}: ${d}`)
  }
  if (example.lang !== "http") return [`${where}: a response is \`\`\`json or \`\`\`http, not ${example.lang}`]
  if (!included) return [`${where}: an \`\`\`http answer needs curl -i`]
  const [head, ...rest] = text.split(/\n\s*\n/)
  const [statusLine = "", ...headerLines] = (head ?? "").split("\n")
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1])
  const diffs: Array<string> = []
  if (status !== answer.status) diffs.push(`${where}: status ${status}, got ${answer.status} ${answer.text}`)
  for (const h of headerLines) {
    const at = h.indexOf(":")
    const name = h.slice(0, at).trim().toLowerCase()
    const actual = answer.headers[name]
    if (typeof actual !== "string" || !matchesText(h.slice(at + 1).trim(), actual)) {
      diffs.push(`${where}: header ${name}: got ${String(actual)}`)
    }
  }
  const body = rest.join("\n\n").trim()
  if (body !== "") diffs.push(...compare(parseJson(body, where), answer.json, partial).map((d) => `${where}: ${d}`))
  return diffs
}

// ---------------------------------------------------------------------------
// the runs
// ---------------------------------------------------------------------------

let scope: Scope.CloseableScope
let baseUrl = ""

beforeAll(async () => {
  scope = Effect.runSync(Scope.make())
  const info = await Effect.runPromise(
    Emulator.serve({ port: 0 }).pipe(Effect.provide(Emulator.layer()), Scope.extend(scope))
  )
  baseUrl = info.baseUrl
})
afterAll(async () => {
  await Effect.runPromise(Scope.close(scope, Exit.void))
  Fs.rmSync(BLOCKS_DIR, { recursive: true, force: true })
})

/** Replays the request / response examples in order; returns every difference. */
const replay = async (list: ReadonlyArray<Example>): Promise<ReadonlyArray<string>> => {
  const diffs: Array<string> = []
  let answers: Array<{ readonly answer: RawAnswer; readonly include: boolean }> = []
  let previous: unknown = {}
  for (const example of list) {
    const where = `${example.source}:${example.line}`
    if (example.kind === "request") {
      if (example.lang !== "sh") throw new Error(`${where}: a request is a \`\`\`sh block`)
      answers = []
      for (const command of commands(example.body)) {
        const resolved = command.replace(/<(\w+)>/g, (_, name: string) => {
          const value = member(previous, name)
          if (typeof value !== "string" && typeof value !== "number") {
            throw new Error(`${where}: <${name}> is not in the previous answer`)
          }
          return String(value)
        })
        const c = curl(resolved)
        if (!c.url.startsWith(DOC_URL) && !c.url.startsWith(baseUrl)) {
          throw new Error(`${where}: requests go to ${DOC_URL}`)
        }
        const url = new URL(
          c.url.startsWith(DOC_URL) ? c.url.slice(DOC_URL.length) : c.url.slice(baseUrl.length),
          baseUrl
        )
        const answer = await rawRequest(baseUrl, {
          method: c.method,
          path: `${url.pathname}${url.search}`,
          headers: c.headers,
          ...(c.data !== undefined ? { body: c.data } : {})
        })
        answers.push({ answer, include: c.include })
        previous = answer.text === "" ? { location: answer.headers.location } : answer.json
      }
    } else if (example.kind === "response") {
      if (answers.length === 0) throw new Error(`${where}: a response without a request before it`)
      for (const { answer, include } of answers) diffs.push(...checkResponse(example, answer, include, baseUrl))
    }
  }
  return diffs
}

const BIN = [["npx", "descope-emulator"], ["npm", "run", "emulator", "--"], ["./node_modules/.bin/descope-emulator"], [
  "descope-emulator"
]]

/** A `cli` example: every line starts the CLI with flags it accepts. */
const checkCli = (example: Example): ReadonlyArray<string> =>
  commands(example.body).flatMap((command) => {
    const w = words(command.replace(/\s*&$/, ""))
    const bin = BIN.find((b) => b.every((part, i) => w[i] === part))
    if (bin === undefined) return [`${example.source}:${example.line}: not a descope-emulator command: ${command}`]
    const parsed = parse(w.slice(bin.length))
    return parsed._tag === "Run"
      ? []
      : [`${example.source}:${example.line}: ${command}: ${parsed._tag === "Invalid" ? parsed.message : "help"}`]
  })

const ENV: Readonly<Record<string, string>> = {
  DESCOPE_BASE_URL: DOC_URL,
  DESCOPE_BASE_URI: DOC_URL,
  DESCOPE_PROJECT_ID: DEFAULT_PROJECT_ID,
  DESCOPE_MANAGEMENT_KEY: DEFAULT_MANAGEMENT_KEY
}

/** An `env` example: known variables with the values the emulator serves by default. */
const envOf = (example: Example): Record<string, string> => {
  const vars: Record<string, string> = {}
  for (const command of commands(example.body)) {
    const m = /^export (\w+)=(\S+)$/.exec(command)
    if (m === null) throw new Error(`${example.source}:${example.line}: not an export: ${command}`)
    const [, name = "", value = ""] = m
    assert.strictEqual(value, ENV[name], `${example.source}:${example.line}: ${name}`)
    vars[name] = value
  }
  return vars
}

const IMPORTS: ReadonlyArray<readonly [string, string]> = [
  ["descope-effect/emulator", "src/emulator/index.ts"],
  ["descope-effect/server", "src/server/index.ts"],
  ["descope-effect/node", "src/node/index.ts"],
  ["descope-effect", "src/index.ts"]
]

/** Runs a `ts` example against a fresh emulator on loopback; returns each export's result. */
const runTs = async (example: Example): Promise<Record<string, unknown>> => {
  const s = Effect.runSync(Scope.make())
  try {
    const info = await Effect.runPromise(
      Emulator.serve({ port: 0 }).pipe(Effect.provide(Emulator.layer()), Scope.extend(s))
    )
    let code = example.body.split(DOC_URL).join(info.baseUrl)
    for (const [from, to] of IMPORTS) {
      code = code.split(`from "${from}"`).join(`from "${pathToFileURL(Path.join(ROOT, to)).href}"`)
    }
    Fs.mkdirSync(BLOCKS_DIR, { recursive: true })
    const file = Path.join(BLOCKS_DIR, `${Path.basename(example.source, ".md")}-line-${example.line}.ts`)
    Fs.writeFileSync(file, code)
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>
    const results: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(module)) {
      if (Effect.isEffect(value)) {
        results[name] = await Effect.runPromise(Effect.scoped(value as Effect.Effect<unknown, unknown, Scope.Scope>))
      } else if (typeof value === "function" && value.length === 0) {
        results[name] = await (value as () => unknown)()
      }
    }
    assert.isAbove(
      Object.keys(results).length,
      0,
      `${example.source}:${example.line}: nothing to run (export an Effect or a function)`
    )
    return results
  } finally {
    await Effect.runPromise(Scope.close(s, Exit.void))
  }
}

const inProcessClient = <A>(f: (client: Client) => Effect.Effect<A>) =>
  Effect.runPromise(
    Effect.flatMap(DescopeClient, f).pipe(
      Effect.provide(
        Descope.layer({
          projectId: DEFAULT_PROJECT_ID,
          managementKey: DEFAULT_MANAGEMENT_KEY,
          baseUrl: "http://emulator.local"
        }).pipe(
          Layer.provide(Emulator.layerHttpClient),
          Layer.provideMerge(Emulator.layer())
        )
      )
    )
  )

/** A `fault-patterns` table: each row's pattern, request, operation and answer hold. */
const checkPatterns = async (example: Example): Promise<ReadonlyArray<string>> => {
  const rows = example.body.split("\n").slice(2).map((row) =>
    row.split("|").slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, ""))
  )
  assert.isAbove(rows.length, 5)
  return inProcessClient((client) =>
    Effect.gen(function*() {
      const diffs: Array<string> = []
      for (const [pattern = "", request = "", operation = "", matches = ""] of rows) {
        const [method = "", path = ""] = request.split(" ")
        const where = `${example.source}:${example.line}: ${pattern} / ${request}`
        if (Faults.applies({ path: pattern }, method, path) !== (matches === "yes")) {
          diffs.push(`${where}: matcher says ${!(matches === "yes")}`)
        }
        // the request is a real route of the emulator
        const answer = yield* Effect.promise(() =>
          rawRequest(baseUrl, {
            method,
            path,
            headers: {
              authorization: `Bearer ${DEFAULT_PROJECT_ID}:${DEFAULT_MANAGEMENT_KEY}`,
              "content-type": "application/json"
            },
            ...(method === "GET" ? {} : { body: "{}" })
          })
        )
        if (
          answer.status === 405 || (answer.status === 404 && String(answer.json.errorMessage).startsWith("no route"))
        ) {
          diffs.push(`${where}: not a route of the emulator (${answer.status})`)
        }
        // the operation is one of the client's
        if (/^[a-z]+(\.[a-zA-Z]+)+$/.test(operation)) {
          const fn = operation.split(".").reduce<unknown>(
            (o, k) => (typeof o === "object" && o !== null ? (o as Record<string, unknown>)[k] : undefined),
            client
          )
          if (typeof fn !== "function") diffs.push(`${where}: ${operation} is not an operation of DescopeClient`)
        }
      }
      return diffs
    })
  )
}

// ---------------------------------------------------------------------------

describe("docs/emulator.md and the README's emulator sections: every example runs", () => {
  const sources = [
    { name: "docs/emulator.md", list: examples("docs/emulator.md", docs) },
    { name: "README.md", list: examples("README.md", readmeEmulator()) }
  ]

  it("every block is a marked example of a known kind", () => {
    const kinds = new Set(["request", "response", "cli", "cli-output", "env", "ts", "fault-patterns"])
    for (const { list } of sources) {
      for (const e of list) assert.isTrue(kinds.has(e.kind), `${e.source}:${e.line}: kind ${e.kind}`)
    }
    assert.isAbove(sources[0]!.list.filter((e) => e.kind === "request").length, 15)
    // the README points at the docs
    assert.include(readme, "[docs/emulator.md](docs/emulator.md)")
  })

  it("the requests, replayed in order against the emulator, get the answers shown", async () => {
    assert.deepStrictEqual(await replay(sources[0]!.list), [])
  }, 30_000)

  it("every emulator-only route is documented with an example", () => {
    const routes = [
      "GET /emulator",
      "GET /emulator/outbox",
      "DELETE /emulator/outbox",
      "GET /emulator/time",
      "POST /emulator/time/advance",
      "POST /emulator/keys/rotate",
      "GET /emulator/faults",
      "POST /emulator/faults",
      "DELETE /emulator/faults/",
      "POST /emulator/identities/oauth",
      "GET /emulator/audit",
      "POST /emulator/groups",
      "POST /emulator/projects",
      "POST /emulator/reset"
    ]
    const requests = sources[0]!.list.filter((e) => e.kind === "request").flatMap((e) =>
      commands(e.body).map((c) => curl(c))
    )
    const documented = requests.filter((r) => r.url.startsWith(DOC_URL)).map((r) =>
      `${r.method} ${new URL(r.url).pathname}`
    )
    for (const route of routes) {
      assert.isTrue(
        documented.some((d) => (route.endsWith("/") ? d.startsWith(route) : d === route)),
        `no example for ${route}`
      )
    }
    // and every route of the table is an emulator-only route of Control.ts
    for (const route of ["/emulator/identities/sso", "/emulator/idp/authorize", "DELETE /emulator/faults"]) {
      assert.include(docs, route)
    }
  })

  it("the command lines start the CLI with flags it accepts; the banner is what it prints", () => {
    for (const { list } of sources) {
      for (const e of list.filter((x) => x.kind === "cli")) assert.deepStrictEqual(checkCli(e), [])
      for (const e of list.filter((x) => x.kind === "cli-output")) {
        assert.strictEqual(e.body, banner(DOC_URL, DEFAULT_PROJECT_ID, DEFAULT_MANAGEMENT_KEY), `${e.source}:${e.line}`)
      }
    }
    assert.isAbove(sources[1]!.list.filter((e) => e.kind === "cli").length, 0)
  })

  it("the environment variables hold the values the emulator serves, and descope-effect reads them", async () => {
    for (const { list } of sources) {
      const envs = list.filter((e) => e.kind === "env")
      assert.isAbove(envs.length, 0)
      for (const e of envs) {
        const vars = envOf(e)
        const map = new Map(Object.entries(vars).map(([k, v]) => [k, v.split(DOC_URL).join(baseUrl)]))
        const tenants = await Effect.runPromise(
          Effect.flatMap(DescopeClient, (c) => c.mgmt.tenant.loadAll()).pipe(
            Effect.provide(Descope.layerConfigFetch()),
            Effect.withConfigProvider(ConfigProvider.fromMap(map))
          )
        )
        assert.isArray(tenants)
      }
    }
  }, 20_000)

  it("the TypeScript examples run and return what they say", async () => {
    const ts = sources.flatMap((s) => s.list.filter((e) => e.kind === "ts"))
    assert.isAtLeast(ts.length, 3)
    const results = await Promise.all(ts.map(async (e) => ({ e, results: await runTs(e) })))
    for (const { e, results: r } of results) {
      const returns = /^returns (.*)$/.exec(e.extra)
      if (returns !== null) {
        assert.deepStrictEqual(
          compare(parseJson(returns[1]!, `${e.source}:${e.line}`), r, true),
          [],
          `${e.source}:${e.line}`
        )
      }
    }
  }, 60_000)

  it("the fault patterns match the real operations they say they match", async () => {
    const tables = sources[0]!.list.filter((e) => e.kind === "fault-patterns")
    assert.lengthOf(tables, 1)
    assert.deepStrictEqual(await checkPatterns(tables[0]!), [])
  }, 20_000)

  it("a block without a marker is refused, naming its line", () => {
    assert.throws(
      () => examples("x.md", "text\n\n```sh\ncurl -s http://127.0.0.1:4000/emulator\n```\n\nmore\n"),
      "x.md:3: a block without an example marker"
    )
  })
})

describe("README: the demo transcript is the demo's output", () => {
  it.live("every ✓ line and the management report, ids and ports aside", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      yield* Effect.scoped(story({ log: (line) => lines.push(line) }))
      const normalize = (l: string) =>
        l.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT").replace(/\b[UK]2x…|\b[UK][A-Za-z0-9]{27}\b/g, "ID")
      const block = readme.slice(readme.indexOf("```text\n✓ 01") + 8)
      const transcript = block.slice(0, block.indexOf("```")).trim().split("\n").filter((l) =>
        l.startsWith("✓ ") || l.startsWith("     - ")
      )
      assert.deepStrictEqual(transcript.map(normalize), lines.map(normalize))
      assert.include(
        block.slice(0, block.indexOf("```")),
        `All ${lines.filter((l) => l.startsWith("✓ ")).length} steps passed`
      )
    }), { timeout: 30_000 })
})
