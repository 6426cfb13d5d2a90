/**
 * The command line of the emulator (`descope-emulator`, `npm run emulator -- ...`
 * in this repository): argument parsing and the program that serves the
 * emulator on loopback, prints its base URL, project id and management key
 * (masked), logs one line per request and stops cleanly on SIGINT or SIGTERM,
 * and when started through `npx` / `npm run`, when npm goes away. A port in
 * use is one line (`port 4000 is in use (EADDRINUSE)`) and exit code 1.
 *
 * ```
 * descope-emulator --port 4000 --project-id P2abc... --management-key secret
 * ```
 *
 * @since 0.1.0
 */
import type * as ServeError from "@effect/platform/HttpServerError"
import * as Console from "effect/Console"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Fs from "node:fs/promises"
import * as Path from "node:path"
import { parseArgs } from "node:util"
import * as KeysWire from "../wire/auth/Keys.js"
import * as Endpoint from "../wire/Endpoint.js"
import { DEFAULT_MANAGEMENT_KEY, DEFAULT_PROJECT_ID, Emulator, layer, type Options, type Service } from "./Emulator.js"
import { DEFAULT_MAX_BODY_BYTES, normalizeOrigin } from "./EmulatorApp.js"
import { serve } from "./EmulatorServer.js"
import * as RateLimits from "./RateLimits.js"
import * as Seed from "./Seed.js"
import * as SnapshotDir from "./SnapshotDir.js"

const DEFAULTS = {
  port: "4000",
  host: "127.0.0.1",
  "project-id": DEFAULT_PROJECT_ID,
  "management-key": DEFAULT_MANAGEMENT_KEY,
  algorithm: "ES384",
  "session-ttl": "600",
  "refresh-ttl": "2419200",
  "otp-ttl": "300",
  "link-ttl": "600",
  "token-delivery": "body",
  "max-body-bytes": String(DEFAULT_MAX_BODY_BYTES)
} as const

const HELP = `descope-emulator: a local Descope API emulator

Options (all optional):
  --port <n>               port to listen on (default ${DEFAULTS.port}; 0 = any free port)
  --host <addr>            interface (default ${DEFAULTS.host})
  --project-id <id>        project id (default ${DEFAULTS["project-id"]})
  --management-key <key>   management key (default ${DEFAULTS["management-key"]})
  --algorithm <alg>        JWT signing algorithm: ES384 or RS256 (default ${DEFAULTS.algorithm})
  --session-ttl <seconds>  session JWT lifetime (default ${DEFAULTS["session-ttl"]})
  --refresh-ttl <seconds>  refresh JWT lifetime (default ${DEFAULTS["refresh-ttl"]})
  --otp-ttl <seconds>      one-time code lifetime (default ${DEFAULTS["otp-ttl"]})
  --link-ttl <seconds>     magic/enchanted link lifetime (default ${DEFAULTS["link-ttl"]})
  --token-delivery <how>   body, cookie (DS/DSR Set-Cookie, no refreshJwt in the body) or both (default ${
  DEFAULTS["token-delivery"]
})
  --refresh-token-rotation each refresh answers a new refresh token and refuses the one it was given from then
                           on, as a Descope project with refresh-token rotation does (default: off)
  --rate-limit <limit>     enforce a rate limit per project, repeatable (default: off):
                           <n>: n requests per second in all; <bucket>=<n>/<window>: Descope's
                           bucket (auth, mgmt, mgmt.user.create, mgmt.user.update,
                           mgmt.user.search), e.g. mgmt.user.create=100/60s; 429 with Retry-After
  --cors-origin <origin>   let a browser page of this origin call the emulator (CORS with credentials);
                           repeatable (default: none: CORS off, and /emulator/* refuses other origins)
  --max-body-bytes <n>     largest request body; larger ones get 413 (default ${DEFAULTS["max-body-bytes"]}, 1 MiB)
  --seed <file>            the default project's initial state: a seed document, JSON or YAML (.yaml/.yml,
                           needs js-yaml): tenants, permissions, roles, users, access keys, SSO, FGA
  --import <dir>           load every <projectId>.json (or .yaml) of dir as that project's state, and every
                           sub-directory <projectId>/ as that project's Descope snapshot (its files)
  --export-on-exit <dir>   when stopping, write each project's state to dir/<projectId>.json (a seed
                           document: hashes, never secrets) and its snapshot files to dir/<projectId>/,
                           for --import next time
  --no-ui                  do not serve the inspector page at /emulator/ui
  --quiet                  no request log
  --help                   this text

Point an SDK at it: base URL http://<host>:<port> (DESCOPE_BASE_URL; the python SDK reads DESCOPE_BASE_URI),
DESCOPE_PROJECT_ID and DESCOPE_MANAGEMENT_KEY as above. Tests drive it through /emulator/* (outbox, time,
faults, key rotation, reset, projects ...): see docs/emulator.md in the descope-effect package.
`

/**
 * Parses the command line into emulator and server options.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (
  argv: ReadonlyArray<string>
):
  | { readonly _tag: "Help" }
  | { readonly _tag: "Invalid"; readonly message: string }
  | {
    readonly _tag: "Run"
    readonly port: number
    readonly host: string
    readonly quiet: boolean
    readonly options: Options
    readonly seedFile?: string | undefined
    readonly importDir?: string | undefined
    readonly exportDir?: string | undefined
  } =>
{
  let values: Record<string, string | boolean | Array<string> | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "project-id": { type: "string" },
        "management-key": { type: "string" },
        algorithm: { type: "string" },
        "session-ttl": { type: "string" },
        "refresh-ttl": { type: "string" },
        "otp-ttl": { type: "string" },
        "link-ttl": { type: "string" },
        "token-delivery": { type: "string" },
        "refresh-token-rotation": { type: "boolean" },
        "rate-limit": { type: "string", multiple: true },
        "cors-origin": { type: "string", multiple: true },
        "max-body-bytes": { type: "string" },
        seed: { type: "string" },
        import: { type: "string" },
        "export-on-exit": { type: "string" },
        quiet: { type: "boolean" },
        "no-ui": { type: "boolean" },
        help: { type: "boolean" }
      },
      strict: true,
      allowPositionals: false
    }).values
  } catch (e) {
    return { _tag: "Invalid", message: e instanceof Error ? e.message : String(e) }
  }
  if (values.help === true) return { _tag: "Help" }
  const text = (k: keyof typeof DEFAULTS): string => {
    const v = values[k]
    return typeof v === "string" ? v : DEFAULTS[k]
  }
  const seconds = (k: keyof typeof DEFAULTS): number | string => {
    const n = Number(text(k))
    return Number.isInteger(n) && n > 0 ? n : `--${k} must be a positive whole number of seconds`
  }
  const port = Number(text("port"))
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { _tag: "Invalid", message: "--port must be 0..65535" }
  }
  const algorithm = text("algorithm")
  if (algorithm !== "ES384" && algorithm !== "RS256") {
    return { _tag: "Invalid", message: "--algorithm must be ES384 or RS256" }
  }
  const [session, refresh, otp, link] = [
    seconds("session-ttl"),
    seconds("refresh-ttl"),
    seconds("otp-ttl"),
    seconds("link-ttl")
  ]
  for (const v of [session, refresh, otp, link]) if (typeof v === "string") return { _tag: "Invalid", message: v }
  const d = (v: number | string) => Duration.seconds(Number(v))
  const delivery = text("token-delivery")
  if (delivery !== "body" && delivery !== "cookie" && delivery !== "both") {
    return { _tag: "Invalid", message: "--token-delivery must be body, cookie or both" }
  }
  const rates = values["rate-limit"]
  const rateLimits: Partial<
    Record<RateLimits.Scope, { readonly requests: number; readonly window: Duration.Duration }>
  > = {}
  for (const text of Array.isArray(rates) ? rates : typeof rates === "string" ? [rates] : []) {
    const parsed = RateLimits.parse(text)
    if (typeof parsed === "string") return { _tag: "Invalid", message: parsed }
    rateLimits[parsed[0]] = { requests: parsed[1].requests, window: Duration.millis(parsed[1].windowMs) }
  }
  const { all: rateLimit, ...bucketLimits } = rateLimits
  const maxBody = Number(text("max-body-bytes"))
  if (!(Number.isInteger(maxBody) && maxBody > 0)) {
    return { _tag: "Invalid", message: "--max-body-bytes must be a positive whole number" }
  }
  const cors = values["cors-origin"]
  const corsOrigins = Array.isArray(cors) ? cors : undefined
  for (const origin of corsOrigins ?? []) {
    if (normalizeOrigin(origin) === undefined) {
      return {
        _tag: "Invalid",
        message: `--cors-origin must be an origin like http://localhost:5173 (scheme://host[:port]), not ${origin}`
      }
    }
  }
  return {
    _tag: "Run",
    port,
    host: text("host"),
    quiet: values.quiet === true,
    ...(typeof values.seed === "string" ? { seedFile: values.seed } : {}),
    ...(typeof values.import === "string" ? { importDir: values.import } : {}),
    ...(typeof values["export-on-exit"] === "string" ? { exportDir: values["export-on-exit"] } : {}),
    options: {
      projectId: text("project-id"),
      managementKey: text("management-key"),
      algorithm,
      sessionTokenTtl: d(session),
      refreshTokenTtl: d(refresh),
      otpTtl: d(otp),
      linkTtl: d(link),
      refreshTokenDelivery: delivery,
      ...(values["refresh-token-rotation"] === true ? { refreshTokenRotation: true } : {}),
      maxBodyBytes: maxBody,
      ...(values["no-ui"] === true ? { ui: false } : {}),
      ...(corsOrigins !== undefined ? { corsOrigins } : {}),
      ...(rateLimit !== undefined ? { rateLimit } : {}),
      ...(Object.keys(bucketLimits).length > 0 ? { rateLimits: bucketLimits } : {})
    }
  }
}

/**
 * The management key as the CLI prints it: its first 4 characters and `…`
 * (only `…` for a key shorter than 8 characters).
 *
 * @since 0.2.0
 * @category rendering
 */
export const maskKey = (key: string): string => (key.length >= 8 ? `${key.slice(0, 4)}…` : "…")

/**
 * The one line the CLI prints when it cannot listen: a port in use says
 * `port 4000 is in use (EADDRINUSE)`.
 *
 * @since 0.2.0
 * @category rendering
 */
export const listenFailure = (error: ServeError.ServeError, port: number, host: string): string => {
  const cause: unknown = error.cause
  const code = typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string"
    ? cause.code
    : undefined
  switch (code) {
    case "EADDRINUSE":
      return `port ${port} is in use (EADDRINUSE); stop what listens there or choose another port with --port`
    case "EACCES":
      return `port ${port} needs more privileges (EACCES); choose a port above 1023 with --port`
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return `cannot listen on host ${host} (${code}); choose an address of this machine with --host`
    default: {
      const detail = cause instanceof Error ? cause.message : String(cause)
      return `cannot listen on ${host}:${port}${code !== undefined ? ` (${code})` : ""}: ${detail}`
    }
  }
}

/**
 * Completes when the process that started this one is gone (its parent id
 * changes: the process was re-parented). `npx` and `npm run` start the command
 * through `sh -c` and, on SIGTERM, signal only that shell: without this the
 * emulator would be orphaned and keep listening.
 *
 * @since 0.2.0
 * @category actions
 */
export const parentGone: Effect.Effect<void> = Effect.suspend(() => {
  const parent = process.ppid
  return Effect.repeat(Effect.sync(() => process.ppid !== parent), {
    until: (gone) => gone,
    schedule: Schedule.spaced("250 millis")
  })
}).pipe(Effect.asVoid)

/**
 * What the CLI prints when it listens: where, the project id and the
 * management key (masked), the JWKS and the outbox.
 *
 * @since 0.2.0
 * @category rendering
 */
export const banner = (baseUrl: string, projectId: string, managementKey: string, ui = true): string =>
  [
    "Descope emulator listening",
    `  base URL:        ${baseUrl}`,
    `  project id:      ${projectId}`,
    `  management key:  ${maskKey(managementKey)}${
      managementKey === DEFAULT_MANAGEMENT_KEY ? " (the default: see --help)" : ""
    }`,
    `  JWKS:            ${baseUrl}${Endpoint.pathOf(KeysWire.get, { projectId })}`,
    `  outbox:          ${baseUrl}/emulator/outbox`,
    ...(ui ? [`  inspector:       ${baseUrl}/emulator/ui`] : []),
    "Press Ctrl+C to stop."
  ].join("\n")

/** A seed file, checked: a `SeedError` naming the file and the field. */
const readSeed = (file: string): Effect.Effect<Seed.Seed, Seed.SeedError> =>
  Effect.flatMap(
    Effect.tryPromise({
      try: () => Fs.readFile(file, "utf8"),
      catch: (e) => new Seed.SeedError({ path: file, reason: `cannot read it (${(e as { code?: string }).code ?? e})` })
    }),
    (text) =>
      Effect.mapError(
        Seed.parseText(text, file),
        (e) => e.path === file ? e : new Seed.SeedError({ path: `${file}: ${e.path}`, reason: e.reason })
      )
  )

const SEED_FILE = /^(.+)\.(json|ya?ml)$/i

/**
 * Loads a directory: every `<projectId>.json|yaml` as that project's state,
 * then every sub-directory `<projectId>/` as that project's Descope snapshot
 * (its files, as `mgmt.project.exportSnapshot` and Descope's tooling write them).
 */
const importDir = (emulator: Service, dir: string): Effect.Effect<void, Seed.SeedError> =>
  Effect.gen(function*() {
    const entries = yield* Effect.tryPromise({
      try: () => Fs.readdir(dir, { withFileTypes: true }),
      catch: (e) =>
        new Seed.SeedError({ path: dir, reason: `cannot read the directory (${(e as { code?: string }).code ?? e})` })
    })
    const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of sorted) {
      const projectId = entry.isFile() ? SEED_FILE.exec(entry.name)?.[1] : undefined
      if (projectId === undefined) continue
      const seed = yield* readSeed(Path.join(dir, entry.name))
      yield* emulator.addProject(projectId)
      yield* emulator.importProject(seed, projectId)
    }
    for (const entry of sorted) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue
      const snapshotDir = Path.join(dir, entry.name)
      const files = yield* SnapshotDir.read(snapshotDir)
      yield* emulator.addProject(entry.name)
      yield* Effect.mapError(
        emulator.importSnapshot(files, entry.name),
        (e) => new Seed.SeedError({ path: snapshotDir, reason: e.reason })
      )
    }
  })

/** Writes each project's state to `<dir>/<projectId>.json` and its Descope snapshot to `<dir>/<projectId>/`. */
const exportDir = (emulator: Service, dir: string): Effect.Effect<void> =>
  Effect.gen(function*() {
    yield* Effect.promise(() => Fs.mkdir(dir, { recursive: true }))
    for (const projectId of yield* emulator.projectIds) {
      const snapshot = yield* emulator.exportProject(projectId)
      yield* Effect.promise(() =>
        Fs.writeFile(Path.join(dir, `${projectId}.json`), `${JSON.stringify(snapshot, null, 2)}\n`)
      )
      const snapshotDir = Path.join(dir, projectId)
      yield* Effect.promise(() => Fs.rm(snapshotDir, { recursive: true, force: true }))
      yield* SnapshotDir.write(snapshotDir, yield* emulator.exportSnapshot(projectId))
    }
    yield* Console.log(`exported ${dir}`)
  }).pipe(
    Effect.catchAllDefect((e) => Console.error(`descope-emulator: --export-on-exit ${dir} failed: ${String(e)}`))
  )

/** Started by npm (`npx`, `npm exec`, `npm run`)? */
const startedByNpm = (): boolean =>
  process.env["npm_command"] !== undefined || process.env["npm_lifecycle_event"] !== undefined

/**
 * The command: parses `argv`, serves until interrupted (SIGINT, SIGTERM) or,
 * when started by npm, until the process that started it is gone.
 *
 * @since 0.1.0
 * @category actions
 */
export const main = (argv: ReadonlyArray<string>): Effect.Effect<void> => {
  const parsed = parse(argv)
  if (parsed._tag === "Help") return Console.log(HELP)
  if (parsed._tag === "Invalid") {
    return Effect.zipRight(
      Console.error(`descope-emulator: ${parsed.message}\n\n${HELP}`),
      Effect.sync(() => (process.exitCode = 2))
    )
  }
  let started = false
  const run = Effect.gen(function*() {
    const info = yield* serve({
      port: parsed.port,
      host: parsed.host,
      ...(parsed.quiet ? {} : { log: (line: string) => console.log(line) })
    })
    const emulator = yield* Emulator
    if (parsed.importDir !== undefined) yield* importDir(emulator, parsed.importDir)
    if (parsed.exportDir !== undefined) {
      const dir = parsed.exportDir
      yield* Effect.addFinalizer(() => exportDir(emulator, dir))
    }
    yield* Console.log(
      banner(info.baseUrl, emulator.projectId, Redacted.value(emulator.managementKey), parsed.options.ui !== false)
    )
    started = true
    if (startedByNpm()) {
      yield* parentGone
      yield* Console.log("the process that started the emulator is gone")
    } else {
      yield* Effect.never
    }
  })
  return Effect.gen(function*() {
    const seed = parsed.seedFile === undefined ? undefined : yield* readSeed(parsed.seedFile)
    return yield* run.pipe(Effect.scoped, Effect.provide(layer({ ...parsed.options, seed })))
  }).pipe(
    // after the scope: the server is closed when this is printed
    Effect.ensuring(Effect.suspend(() => (started ? Console.log("Descope emulator stopped") : Effect.void))),
    Effect.catchAll((e) =>
      e._tag === "SeedError"
        ? Effect.zipRight(
          Console.error(`descope-emulator: ${e.message}`),
          Effect.sync(() => (process.exitCode = 2))
        )
        : Effect.zipRight(
          Console.error(`descope-emulator: ${listenFailure(e, parsed.port, parsed.host)}`),
          Effect.sync(() => (process.exitCode = 1))
        )
    )
  )
}
