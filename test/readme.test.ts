/**
 * Every ```ts block of README.md compiles: each block is written to its own
 * module under test/.readme-blocks/ (git-ignored), where `descope-effect`,
 * `descope-effect/server`, `descope-effect/emulator` and `descope-effect/node` map to src through
 * tsconfig.readme.json, and the TypeScript compiler checks them all in one
 * program. A failure names the README line of the offending code.
 *
 * The same program (with the package's entry points among its roots) serves
 * the check that every type the public API shows is importable
 * (test/helpers/publicTypes.ts), so src is parsed and bound once.
 */
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { afterAll, describe, expect, it } from "vitest"
import { ENTRIES, walkPublicApi } from "./helpers/publicTypes.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")

interface Block {
  /** The README line of the block's first code line (1-based). */
  readonly line: number
  readonly code: string
}

/** The ```ts blocks of a markdown text. */
const extractBlocks = (markdown: string): ReadonlyArray<Block> => {
  const blocks: Array<Block> = []
  const lines = markdown.split("\n")
  let current: { line: number; code: Array<string> } | undefined
  lines.forEach((text, index) => {
    if (current === undefined) {
      if (/^```(ts|typescript)\s*$/.test(text.trim())) current = { line: index + 2, code: [] }
    } else if (text.trim() === "```") {
      blocks.push({ line: current.line, code: current.code.join("\n") })
      current = undefined
    } else {
      current.code.push(text)
    }
  })
  if (current !== undefined) throw new Error(`README line ${current.line - 1}: unterminated code block`)
  return blocks
}

/** Source files outside the blocks (src, the libraries' declarations), parsed once for every program of this file. */
const sharedSourceFiles = new Map<string, ts.SourceFile>()

/** Compiles the blocks; returns one message per error, naming the README line, and the program. */

const compileBlocksIn = (
  blocks: ReadonlyArray<Block>,
  dir: string
): { readonly errors: ReadonlyArray<string>; readonly program: ts.Program } => {
  Fs.rmSync(dir, { recursive: true, force: true })
  Fs.mkdirSync(dir, { recursive: true })
  const files = new Map<string, Block>()
  for (const block of blocks) {
    const file = Path.join(dir, `readme-line-${block.line}.ts`)
    // every block is a module, even one without imports
    Fs.writeFileSync(file, `${block.code}\nexport {}\n`)
    files.set(Path.resolve(file), block)
  }
  const config = ts.readConfigFile(Path.join(ROOT, "tsconfig.readme.json"), ts.sys.readFile)
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"))
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT)
  const options = { ...parsed.options, noEmit: true }
  const host = ts.createCompilerHost(options)
  const read = host.getSourceFile.bind(host)
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (Path.resolve(fileName).startsWith(Path.resolve(dir))) {
      return read(fileName, languageVersion, onError, shouldCreate)
    }
    let file = sharedSourceFiles.get(fileName)
    if (file === undefined) {
      file = read(fileName, languageVersion, onError, shouldCreate)
      if (file !== undefined) sharedSourceFiles.set(fileName, file)
    }
    return file
  }
  const program = ts.createProgram([...files.keys(), ...ENTRIES], options, host)
  const errors: Array<string> = []
  for (const [file, block] of files) {
    const source = program.getSourceFile(file)
    if (source === undefined) {
      errors.push(`README line ${block.line}: block not compiled`)
      continue
    }
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    for (const d of diagnostics) {
      const at = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line
      errors.push(`README line ${block.line + at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)
    }
  }
  return { errors, program }
}

const compileBlocks = (blocks: ReadonlyArray<Block>, dir: string): ReadonlyArray<string> =>
  compileBlocksIn(blocks, dir).errors

/** The README's program, made by the first test and reused by the public types check. */
let readmeProgram: ts.Program | undefined

const BLOCKS_DIR = Path.join(ROOT, "test", ".readme-blocks")

afterAll(() => {
  Fs.rmSync(BLOCKS_DIR, { recursive: true, force: true })
})

describe("README.md", () => {
  it("every ```ts block compiles against src", () => {
    const blocks = extractBlocks(Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8"))
    expect(blocks.length).toBeGreaterThan(20)
    const { errors, program } = compileBlocksIn(blocks, BLOCKS_DIR)
    readmeProgram = program
    expect(errors).toEqual([])
  }, 90_000)

  it("every named type the public API shows is importable, error unions by their own name", () => {
    const program = readmeProgram ??
      compileBlocksIn(extractBlocks(Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8")), BLOCKS_DIR).program
    const { problems, count, importable } = walkPublicApi(program)
    expect(count).toBeGreaterThan(150)
    expect(problems).toEqual([])
    // the names users asked for, from the root
    const root = new Set(
      [...importable.values()].flat().filter((p) => p.startsWith("src/index.ts:")).map((p) => p.slice(13))
    )
    for (
      const name of ["ManagementError", "ValidationError", "AuthenticationError", "StartError", "WaitForSessionError"]
    ) {
      expect(root.has(name), name).toBe(true)
    }
  }, 90_000)

  it("opens with the two commands, both backed by package.json scripts", () => {
    const readme = Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8")
    const firstBlock = readme.slice(readme.indexOf("```sh"), readme.indexOf("```", readme.indexOf("```sh") + 5))
    expect(firstBlock).toContain("npm ci && npm run demo")
    expect(firstBlock).toContain("npm ci && npm test")
    const pkg = JSON.parse(Fs.readFileSync(Path.join(ROOT, "package.json"), "utf8")) as {
      readonly scripts: Readonly<Record<string, string>>
    }
    expect(pkg.scripts["demo"]).toBe("tsx examples/demo.ts")
    expect(pkg.scripts["test"]).toBeDefined()
  })

  it("speaks to users: no internal words, says what is covered and links the coverage table", () => {
    const readme = Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8")
    for (const word of [/catalogu/i, /Python SDK's names/i, /\bseed's\b/i, /§\d/]) {
      expect(readme, String(word)).not.toMatch(word)
    }
    expect(readme).toContain("[docs/COVERAGE.md](docs/COVERAGE.md)")
  })

  it("a block that does not compile is reported with its README line", () => {
    const markdown = [
      "# t", // 1
      "```ts", // 2
      "import { Effect } from \"effect\"", // 3
      "export const ok = Effect.succeed(1)", // 4
      "```", // 5
      "text", // 6
      "```ts", // 7
      "import { DescopeClient } from \"descope-effect\"", // 8
      "", // 9
      "export const wrong: number = DescopeClient.key.length + \"x\"" // 10
    ].join("\n") + "\n```\n"
    const errors = compileBlocks(extractBlocks(markdown), BLOCKS_DIR)
    expect(errors.length).toBe(1)
    expect(errors[0]).toMatch(/^README line 10: /)
  }, 90_000)
})
