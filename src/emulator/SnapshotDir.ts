/**
 * A project snapshot as a directory, read and written by the rules of
 * Descope's own tool for it (`descope project snapshot export|import` of
 * descopecli), so that a real project's export loads and what the emulator
 * writes, that tool imports:
 *
 * - `*.json`: a JSON object (written back as Go writes it: indented, keys in
 *   order at every level, `<`, `>` and `&` escaped, with a final newline);
 * - `*.txt`, `*.html`: text, as it is (written with a final newline);
 * - `*.png`, `*.jpg`, `*.svg`, `*.webp`: bytes, which the snapshot's files
 *   (and the API) carry in base64;
 * - any other file, and any entry whose name starts with `.` or `__MACOSX`
 *   (at any depth), is not part of the snapshot and is left out.
 *
 * Used by the CLI's `--import dir` (a sub-directory `<projectId>/` is that
 * project's snapshot) and `--export-on-exit dir`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Fs from "node:fs/promises"
import * as Path from "node:path"
import { SeedError } from "./Seed.js"

/** How a file of the snapshot is kept in its files (the wire's form): by its extension. */
const kindOf = (path: string): "json" | "text" | "image" | undefined => {
  const extension = /\.[^./]*$/.exec(path)?.[0]?.toLowerCase()
  return extension === ".json"
    ? "json"
    : extension === ".txt" || extension === ".html"
    ? "text"
    : extension === ".png" || extension === ".jpg" || extension === ".svg" || extension === ".webp"
    ? "image"
    : undefined
}

/** Entries Descope's tool passes over: hidden ones and macOS archive leftovers. */
const ignored = (name: string): boolean => name.startsWith(".") || name.startsWith("__MACOSX")

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

const failure = (path: string, reason: string, e?: unknown) =>
  new SeedError({
    path,
    reason: e === undefined ? reason : `${reason} (${(e as { code?: string }).code ?? String(e)})`
  })

/** The snapshot's files under `dir`, by their path relative to it (with `/`), in order. */
const listFiles = (dir: string): Effect.Effect<ReadonlyArray<string>, SeedError> =>
  Effect.tryPromise({
    try: async () => {
      const found: Array<string> = []
      const walk = async (relative: ReadonlyArray<string>): Promise<void> => {
        for (const entry of await Fs.readdir(Path.join(dir, ...relative), { withFileTypes: true })) {
          if (ignored(entry.name)) continue
          if (entry.isDirectory()) await walk([...relative, entry.name])
          else if (entry.isFile() && kindOf(entry.name) !== undefined) found.push([...relative, entry.name].join("/"))
        }
      }
      await walk([])
      return found.sort()
    },
    catch: (e) => failure(dir, "cannot read the directory", e)
  })

/**
 * Reads a snapshot directory into its files, in the form the API carries
 * them: a JSON document as its object, a text file as its text, an image in
 * base64. A JSON document that does not parse, or is not an object, is a
 * `SeedError` naming the file.
 *
 * @since 0.2.0
 * @category parsing
 */
export const read = (dir: string): Effect.Effect<Record<string, unknown>, SeedError> =>
  Effect.gen(function*() {
    const files: Record<string, unknown> = {}
    for (const path of yield* listFiles(dir)) {
      const file = Path.join(dir, ...path.split("/"))
      const bytes = yield* Effect.tryPromise({
        try: () => Fs.readFile(file),
        catch: (e) => failure(file, "cannot read it", e)
      })
      const kind = kindOf(path)
      if (kind === "json") {
        const document = yield* Effect.try({
          try: () => JSON.parse(bytes.toString("utf8")) as unknown,
          catch: (e) => failure(file, `not a JSON document: ${e instanceof Error ? e.message : String(e)}`)
        })
        if (document === null || typeof document !== "object" || Array.isArray(document)) {
          return yield* failure(file, "a snapshot's JSON document holds an object")
        }
        files[path] = document
      } else {
        files[path] = kind === "text" ? bytes.toString("utf8") : bytes.toString("base64")
      }
    }
    return files
  })

/**
 * A JSON value as Go's `json.MarshalIndent` writes it (Descope's tool writes a
 * snapshot's documents so, from maps): two spaces, the keys of every object in
 * order as strings (`"10"` before `"2"`, which a JavaScript object would not
 * keep), `<`, `>`, `&`, U+2028 and U+2029 escaped; so that a real export read
 * and written back is the same bytes.
 */
const goJson = (value: unknown, indent = ""): string => {
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    return value.length === 0
      ? "[]"
      : `[\n${value.map((v) => `${inner}${goJson(v === undefined ? null : v, inner)}`).join(",\n")}\n${indent}]`
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return entries.length === 0
      ? "{}"
      : `{\n${entries.map(([k, v]) => `${inner}${goString(k)}: ${goJson(v, inner)}`).join(",\n")}\n${indent}}`
  }
  return typeof value === "string" ? goString(value) : JSON.stringify(value) ?? "null"
}

const goString = (s: string): string =>
  JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)

/**
 * Writes snapshot files under `dir` (created as needed), as Descope's tool
 * does: a JSON document as Go writes it (see `goJson`), a text file with a
 * final newline, any other file from its base64 (a value that is not base64
 * is written as it is).
 *
 * @since 0.2.0
 * @category rendering
 */
export const write = (dir: string, files: Readonly<Record<string, unknown>>): Effect.Effect<void> =>
  Effect.promise(async () => {
    for (const [path, content] of Object.entries(files)) {
      const segments = path.split("/").filter((s) => s !== "" && s !== "." && s !== "..")
      if (segments.length === 0) continue
      const file = Path.join(dir, ...segments)
      await Fs.mkdir(Path.dirname(file), { recursive: true })
      await Fs.writeFile(
        file,
        typeof content !== "string"
          ? `${goJson(content)}\n`
          : kindOf(path) === "text"
          ? content.endsWith("\n") || content === "" ? content : `${content}\n`
          : BASE64.test(content)
          ? Buffer.from(content, "base64")
          : content
      )
    }
  })
