/**
 * The project's TypeScript in one program: the project's own files (what
 * `npm run typecheck`, `tsc -p tsconfig.json`, checks), every ```ts block of
 * README.md and every ```ts block of an `@example` in the doc comments of src.
 * Each block is written to its own module under test/.readme-blocks/
 * (git-ignored), where `descope-effect` and its subpaths map to src through
 * the `paths` of tsconfig.readme.json. A failure names the file, line and
 * column of a project error, or the README line (or the src file and line) of
 * the offending block. `npm test` type-checks the project here, not in a
 * process of its own: src is parsed, bound and checked once for all of it.
 *
 * The same program (with the package's entry points among its roots) serves
 * the check that every type the public API shows is importable
 * (test/support/publicTypes.ts).
 */
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { afterAll, describe, expect, it } from "vitest"
import { ENTRIES, walkPublicApi } from "./support/publicTypes.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")

interface Block {
  /** Where the block is: `README` or a src file (`src/server/Guard.ts`). */
  readonly origin: string
  /** The line of the block's first code line in its origin (1-based). */
  readonly line: number
  readonly code: string
}

/** The ```ts blocks of a markdown text. */
const extractBlocks = (markdown: string, origin = "README"): ReadonlyArray<Block> => {
  const blocks: Array<Block> = []
  const lines = markdown.split("\n")
  let current: { line: number; code: Array<string> } | undefined
  lines.forEach((text, index) => {
    if (current === undefined) {
      if (/^```(ts|typescript)\s*$/.test(text.trim())) current = { line: index + 2, code: [] }
    } else if (text.trim() === "```") {
      blocks.push({ origin, line: current.line, code: current.code.join("\n") })
      current = undefined
    } else {
      current.code.push(text)
    }
  })
  if (current !== undefined) throw new Error(`${origin} line ${current.line - 1}: unterminated code block`)
  return blocks
}

/**
 * The ```ts blocks of the `@example` tags of a TypeScript source: the doc
 * comment lines from an `@example` to the next tag or the end of the comment,
 * their ` * ` prefix removed (so a block keeps its indentation), read as markdown.
 */
const extractExamples = (source: string, origin: string): ReadonlyArray<Block> => {
  const lines = source.split("\n")
  const blocks: Array<Block> = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue
    const body: Array<string> = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const text = lines[j]!
      if (/^\s*\*\//.test(text) || /^\s*\*\s*@\w+/.test(text)) break
      body.push(text.replace(/^\s*\* ?/, ""))
    }
    // a markdown text whose line 1 is the line after the tag
    const markdown = ["", ...body].join("\n")
    for (const block of extractBlocks(markdown, origin)) blocks.push({ ...block, line: block.line + i })
    i = j - 1
  }
  return blocks
}

/** The `@example` blocks of every TypeScript file under src. */
const srcExamples = (): ReadonlyArray<Block> => {
  const blocks: Array<Block> = []
  const walk = (dir: string) => {
    for (const entry of Fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = Path.join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith(".ts")) {
        blocks.push(...extractExamples(Fs.readFileSync(path, "utf8"), Path.relative(ROOT, path)))
      }
    }
  }
  walk(Path.join(ROOT, "src"))
  return blocks
}

/** Source files outside the blocks (src, tests, the libraries' declarations), parsed once for every program of this file. */
const sharedSourceFiles = new Map<string, ts.SourceFile>()

/**
 * The unused-name diagnostics (`noUnusedLocals`, `noUnusedParameters`): a block may declare names it only shows,
 * so these are not errors in a block; everywhere else they are, as in `npm run typecheck`.
 */
const UNUSED = new Set([6133, 6138, 6192, 6196, 6198, 6199, 6205])

/** "No inputs were found in config file". */
const NO_INPUTS = 18003

/** Paths in messages relative to the repository, as tsc prints them. */
const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => "\n"
}

/**
 * The project's compiler options (tsconfig.json, as `npm run typecheck` reads them) with the `paths` of
 * tsconfig.readme.json, which map `descope-effect` and its subpaths to src.
 */
const compilerOptions = (): { readonly options: ts.CompilerOptions; readonly fileNames: ReadonlyArray<string> } => {
  const read = (file: string) => {
    const config = ts.readConfigFile(Path.join(ROOT, file), ts.sys.readFile)
    if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"))
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT)
    // (tsconfig.readme.json's `include`, the blocks' directory, may be empty: its `paths` are what is read)
    const errors = parsed.errors.filter((e) => e.code !== NO_INPUTS)
    if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, formatHost))
    return parsed
  }
  const project = read("tsconfig.json")
  const { paths, pathsBasePath } = read("tsconfig.readme.json").options
  if (paths === undefined) throw new Error("tsconfig.readme.json: no paths")
  return {
    options: { ...project.options, paths, pathsBasePath, noEmit: true },
    fileNames: project.fileNames
  }
}

/** Serves the files outside `dir` from {@link sharedSourceFiles}. */
const sharingHost = <H extends ts.CompilerHost>(host: H, dir: string): H => {
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
  return host
}

/** Writes every block to its own module in `dir` (emptied first): the block of each file. */
const writeBlocks = (blocks: ReadonlyArray<Block>, dir: string): ReadonlyMap<string, Block> => {
  Fs.rmSync(dir, { recursive: true, force: true })
  Fs.mkdirSync(dir, { recursive: true })
  const files = new Map<string, Block>()
  for (const block of blocks) {
    const name = block.origin === "README" ? "readme" : block.origin.replace(/[^A-Za-z0-9]+/g, "-")
    const file = Path.join(dir, `${name}-line-${block.line}.ts`)
    // every block is a module, even one without imports
    Fs.writeFileSync(file, `${block.code}\nexport {}\n`)
    files.set(Path.resolve(file), block)
  }
  return files
}

/** One message per error of each block, naming its README (or src) line. */
const blockErrors = (
  files: ReadonlyMap<string, Block>,
  sourceFile: (file: string) => ts.SourceFile | undefined,
  diagnostics: (source: ts.SourceFile) => ReadonlyArray<ts.Diagnostic>
): ReadonlyArray<string> => {
  const errors: Array<string> = []
  for (const [file, block] of files) {
    const source = sourceFile(file)
    if (source === undefined) {
      errors.push(`${block.origin} line ${block.line}: block not compiled`)
      continue
    }
    for (const d of diagnostics(source)) {
      if (UNUSED.has(d.code)) continue
      const at = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line
      errors.push(`${block.origin} line ${block.line + at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)
    }
  }
  return errors
}

/** Compiles the blocks alone (with the entry points), in a program of their own: one message per error. */
const compileBlocks = (blocks: ReadonlyArray<Block>, dir: string): ReadonlyArray<string> => {
  const files = writeBlocks(blocks, dir)
  const { options } = compilerOptions()
  const program = ts.createProgram(
    [...files.keys(), ...ENTRIES],
    options,
    sharingHost(ts.createCompilerHost(options), dir)
  )
  return blockErrors(
    files,
    (file) => program.getSourceFile(file),
    (source) => [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
  )
}

const BLOCKS_DIR = Path.join(ROOT, "test", ".readme-blocks")

interface Checked {
  /** What `tsc -p tsconfig.json` reports: every diagnostic outside the blocks, as `file:line:col - error TS…`. */
  readonly projectErrors: ReadonlyArray<string>
  readonly readmeErrors: ReadonlyArray<string>
  readonly exampleErrors: ReadonlyArray<string>
  readonly examples: ReadonlyArray<Block>
  readonly program: ts.Program
}

let checked: Checked | undefined

/**
 * The one program of this file: the project (tsconfig.json's files, as `npm run typecheck` checks them), the
 * README's blocks and src's examples, and the package's entry points. Incremental (its state in
 * .cache/readme.tsbuildinfo): a file whose text and dependencies did not change keeps its diagnostics.
 */
const check = (): Checked => {
  if (checked !== undefined) return checked
  const readme = extractBlocks(Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8"))
  const examples = srcExamples()
  const files = writeBlocks([...readme, ...examples], BLOCKS_DIR)
  const { fileNames, options } = compilerOptions()
  Fs.mkdirSync(Path.join(ROOT, ".cache"), { recursive: true })
  const incremental = {
    ...options,
    incremental: true,
    tsBuildInfoFile: Path.join(ROOT, ".cache", "readme.tsbuildinfo")
  }
  const builder = ts.createIncrementalProgram({
    rootNames: [...new Set([...fileNames, ...files.keys(), ...ENTRIES])],
    options: incremental,
    host: sharingHost(ts.createIncrementalCompilerHost(incremental), BLOCKS_DIR)
  })
  const program = builder.getProgram()
  const errors = blockErrors(
    files,
    (file) => program.getSourceFile(file),
    (source) => [...builder.getSyntacticDiagnostics(source), ...builder.getSemanticDiagnostics(source)]
  )
  const project = [
    ...builder.getOptionsDiagnostics(),
    ...builder.getGlobalDiagnostics(),
    ...builder.getSyntacticDiagnostics(),
    ...builder.getSemanticDiagnostics()
  ].filter((d) => d.file === undefined || !files.has(Path.resolve(d.file.fileName)))
  // with noEmit, writes the incremental state only
  builder.emit()
  checked = {
    projectErrors: project.map((d) => ts.formatDiagnostic(d, formatHost).trim()),
    readmeErrors: errors.filter((e) => e.startsWith("README ")),
    exampleErrors: errors.filter((e) => !e.startsWith("README ")),
    examples,
    program
  }
  return checked
}

afterAll(() => {
  Fs.rmSync(BLOCKS_DIR, { recursive: true, force: true })
  // the worker runs other test files after this one (isolate: false) and keeps this module: let the
  // programs (a few hundred MB) go
  checked = undefined
  sharedSourceFiles.clear()
})

describe("the project's TypeScript", () => {
  it(
    "type-checks: what `npm run typecheck` (tsc -p tsconfig.json) reports, in the program that compiles the README",
    () => {
      expect(check().projectErrors).toEqual([])
    },
    120_000
  )
})

describe("README.md", () => {
  it("every ```ts block compiles against src", () => {
    expect(extractBlocks(Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8")).length).toBeGreaterThan(20)
    expect(check().readmeErrors).toEqual([])
  }, 120_000)

  it("every @example block in the doc comments of src compiles against src", () => {
    const { exampleErrors, examples } = check()
    expect(examples.length).toBeGreaterThan(40)
    expect(new Set(examples.map((b) => b.origin)).size).toBeGreaterThan(25)
    expect(exampleErrors).toEqual([])
  }, 120_000)

  it("every named type the public API shows is importable, error unions by their own name", () => {
    const { problems, count, importable } = walkPublicApi(check().program)
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
  }, 120_000)

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

  it("an @example block is found in a doc comment and reported with its src line", () => {
    const source = [
      "/**", // 1
      " * Doc.", // 2
      " *", // 3
      " * @example", // 4
      " * ```ts", // 5
      " * import { DescopeClient } from \"descope-effect\"", // 6
      " *", // 7
      " * export const wrong: number = DescopeClient.key.length + \"x\"", // 8
      " * ```", // 9
      " *", // 10
      " * @since 0.2.0", // 11
      " */", // 12
      "export const x = 1" // 13
    ].join("\n")
    const blocks = extractExamples(source, "src/x.ts")
    expect(blocks.map((b) => [b.origin, b.line])).toEqual([["src/x.ts", 6]])
    const errors = compileBlocks(blocks, BLOCKS_DIR)
    expect(errors.length).toBe(1)
    expect(errors[0]).toMatch(/^src\/x\.ts line 8: /)
  }, 90_000)

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
