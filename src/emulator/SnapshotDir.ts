/**
 * A project snapshot as a directory, the way Descope's own tooling keeps one:
 * each file of the snapshot at its path. JSON documents (`*.json`) are parsed
 * (and written back indented); any other file is an asset, kept as text when
 * it is UTF-8 and as bytes otherwise, and written back as it came. Used by the
 * CLI's `--import dir` (a sub-directory `<projectId>/` is that project's
 * snapshot) and `--export-on-exit dir`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Fs from "node:fs/promises"
import * as Path from "node:path"
import { SeedError } from "./Seed.js"

const utf8 = new TextDecoder("utf-8", { fatal: true })

const failure = (path: string, reason: string, e?: unknown) =>
  new SeedError({
    path,
    reason: e === undefined ? reason : `${reason} (${(e as { code?: string }).code ?? String(e)})`
  })

/** The files under `dir`, by their path relative to it (with `/`), in order. */
const listFiles = (dir: string): Effect.Effect<ReadonlyArray<string>, SeedError> =>
  Effect.tryPromise({
    try: async () => {
      const found: Array<string> = []
      const walk = async (relative: ReadonlyArray<string>): Promise<void> => {
        for (const entry of await Fs.readdir(Path.join(dir, ...relative), { withFileTypes: true })) {
          if (entry.isDirectory()) await walk([...relative, entry.name])
          else if (entry.isFile()) found.push([...relative, entry.name].join("/"))
        }
      }
      await walk([])
      return found.sort()
    },
    catch: (e) => failure(dir, "cannot read the directory", e)
  })

/**
 * Reads a snapshot directory into its files: a JSON document that does not
 * parse is a `SeedError` naming the file.
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
      if (path.endsWith(".json")) {
        files[path] = yield* Effect.try({
          try: () => JSON.parse(bytes.toString("utf8")) as unknown,
          catch: (e) => failure(file, `not a JSON document: ${e instanceof Error ? e.message : String(e)}`)
        })
        continue
      }
      try {
        files[path] = utf8.decode(bytes)
      } catch {
        files[path] = new Uint8Array(bytes)
      }
    }
    return files
  })

/**
 * Writes snapshot files under `dir` (created as needed): a JSON document
 * indented, a text or binary asset as it is.
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
        content instanceof Uint8Array || typeof content === "string"
          ? content
          : `${JSON.stringify(content, null, 2)}\n`
      )
    }
  })
