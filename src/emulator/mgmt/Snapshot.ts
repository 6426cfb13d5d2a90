/**
 * The emulator's project snapshots, in Descope's snapshot shape: a map of
 * files by path, each a JSON document (or an asset: text, or base64), as
 * `mgmt.project.exportSnapshot` answers and the `descope` CLI writes to and
 * reads from a directory. Like Descope's, a snapshot holds the project's
 * settings, never its users, tenants or access keys. The emulator's files:
 *
 * - `project.json`: `{ name, environment?, tags }`;
 * - `permissions.json`: `{ permissions: [{ name, description }] }`;
 * - `roles.json`: `{ roles: [{ name, description, permissionNames, default?, private? }] }`
 *   (the project-level roles; tenant roles belong to tenants);
 * - `attributes.json`: `{ user: [custom attribute definitions] }`;
 * - `settings/password.json`: the project's password settings, once configured;
 * - `flows/<flowId>/metadata.json`, `contents.json` and `screen-<name>.json`: a flow, in the
 *   snapshot shape of a real export (`FlowShapes`; every flow is exported so, in whichever shape it
 *   was imported); a `flows/<flowId>.json` of the console shape, `{ flow, screens }` (as `flow/export`
 *   answers, and as the emulator wrote flows before), still imports;
 * - `themes/theme.json`: `{ theme }`, as `theme/export` answers.
 *
 * Any other file (a real project's connectors, styles, assets ...) is kept as
 * given and exported again, and so are the members of the files above that the
 * emulator does not model (a real `project.json`'s settings, a role's or a
 * custom attribute's other fields), so that an export from a real project
 * imports and exports back unchanged. `format: "plain"` leaves the assets (files that are
 * not JSON documents) out. An import replaces every part its files describe
 * and clears the parts they do not, except those named in `excludes` (a path,
 * a folder, or a path without `.json`: `"roles"`, `"flows"`), which stay as
 * they are. A validation answers whether the files would import: every
 * interpreted file decodes, and every role's permissions exist (in the
 * snapshot, or in the project when `permissions.json` is excluded).
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import { CustomAttribute } from "../../wire/mgmt/CustomAttribute.js"
import type { PasswordSettings } from "../../wire/mgmt/Password.js"
import type { ProjectState, RoleRecord } from "../EmulatorState.js"
import { newId } from "../Ids.js"
import { isObject } from "../Wire.js"
import * as FlowShapes from "./FlowShapes.js"
import { deleteFlow, putFlow, putFlowV2, settingsOf } from "./ProjectSettings.js"

const Obj = Schema.Record({ key: Schema.String, value: Schema.Unknown })
const nullable = <S extends Schema.Schema.Any>(s: S) => Schema.optional(Schema.NullOr(s))

const ProjectFile = Schema.Struct({
  // a project.json without a name (an export's settings alone) keeps the project's name
  name: nullable(Schema.String),
  environment: nullable(Schema.String),
  tags: nullable(Schema.Array(Schema.String))
})
const PermissionsFile = Schema.Struct({
  permissions: Schema.Array(Schema.Struct({ name: Schema.String, description: nullable(Schema.String) }))
})
const RolesFile = Schema.Struct({
  roles: Schema.Array(Schema.Struct({
    name: Schema.String,
    description: nullable(Schema.String),
    permissionNames: nullable(Schema.Array(Schema.String)),
    default: nullable(Schema.Boolean),
    private: nullable(Schema.Boolean)
  }))
})
// built on first use, as the catalogue schema it holds (src/internal/lazySchema.ts)
const AttributesFile = lazy(() => Schema.Struct({ user: Schema.Array(CustomAttribute) }))
const FlowFile = Schema.Struct({
  flow: Schema.extend(Schema.Struct({ id: Schema.String }), Obj),
  screens: nullable(Schema.Array(Schema.extend(Schema.Struct({ id: Schema.String }), Obj)))
})
const ThemeFile = Schema.Struct({ theme: Obj })

/** The files the emulator interprets. */
const PROJECT = "project.json"
const PERMISSIONS = "permissions.json"
const ROLES = "roles.json"
const ATTRIBUTES = "attributes.json"
const PASSWORD = "settings/password.json"
const THEME = "themes/theme.json"
const FLOW = /^flows\/([^/]+)\.json$/

const interpreted = (path: string) =>
  path === PROJECT || path === PERMISSIONS || path === ROLES || path === ATTRIBUTES || path === PASSWORD ||
  path === THEME || FLOW.test(path) || FlowShapes.isSnapshotFile(path)

/**
 * The members of each interpreted document the emulator models: at its top, and in each item of its list
 * (any other member is kept as given, see `ProjectSettings.snapshotExtras`).
 */
const MODELED: ReadonlyArray<{
  readonly path: string
  readonly top: ReadonlyArray<string>
  readonly list?: { readonly key: string; readonly item: () => ReadonlyArray<string> }
}> = [
  { path: PROJECT, top: ["name", "environment", "tags"] },
  { path: PERMISSIONS, top: ["permissions"], list: { key: "permissions", item: () => ["name", "description"] } },
  {
    path: ROLES,
    top: ["roles"],
    list: { key: "roles", item: () => ["name", "description", "permissionNames", "default", "private"] }
  },
  { path: ATTRIBUTES, top: ["user"], list: { key: "user", item: () => Object.keys(CustomAttribute.fields) } },
  { path: THEME, top: ["theme"] }
]

const unmodeled = (o: unknown, modeled: ReadonlyArray<string>): Record<string, unknown> | undefined => {
  if (!isObject(o)) return undefined
  const rest = Object.entries(o).filter(([key]) => !modeled.includes(key))
  return rest.length === 0 ? undefined : Object.fromEntries(rest)
}

/** Keeps the unmodeled members of the interpreted documents in `files` (those not excluded). */
const keepExtras = (
  extras: Map<string, Readonly<Record<string, unknown>>>,
  files: Readonly<Record<string, unknown>>,
  keep: (path: string) => boolean
): void => {
  for (const { list, path, top } of MODELED) {
    // an import without project.json keeps the project's name and settings (the other parts it clears)
    if (keep(path) || (path === PROJECT && files[path] === undefined)) continue
    for (const key of [...extras.keys()]) if (key === path || key.startsWith(`${path}#`)) extras.delete(key)
    const document = files[path]
    const rest = unmodeled(document, top)
    if (rest !== undefined) extras.set(path, rest)
    const items = list === undefined || !isObject(document) ? undefined : document[list.key]
    for (const item of Array.isArray(items) ? items : []) {
      const itemRest = isObject(item) && typeof item.name === "string" ? unmodeled(item, list!.item()) : undefined
      if (itemRest !== undefined) extras.set(`${path}#${String((item as { name: string }).name)}`, itemRest)
    }
  }
}

/** `modeled` with the unmodeled members kept under `key` (the modeled ones win). */
const withExtras = (
  extras: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  key: string,
  modeled: Record<string, unknown>
): Record<string, unknown> => ({ ...extras.get(key), ...modeled })

const sorted = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): Array<A> =>
  [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))

const defined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null))

/**
 * A project's snapshot files (`format: "plain"`: without the assets), as the
 * API answers them (an asset is text, or an image in base64).
 *
 * @since 0.2.0
 * @category rendering
 */
export const exportFiles = (p: ProjectState, format?: string): Record<string, unknown> => {
  const s = settingsOf(p)
  const files: Record<string, unknown> = {}
  for (const [path, content] of s.otherFiles) {
    if (format === "plain" && typeof content === "string") continue
    files[path] = content
  }
  const extras = s.snapshotExtras
  const item = (path: string, name: string | undefined, modeled: Record<string, unknown>) =>
    withExtras(extras, `${path}#${name}`, modeled)
  files[PROJECT] = withExtras(
    extras,
    PROJECT,
    defined({ name: s.name ?? p.projectId, environment: s.environment, tags: [...s.tags] })
  )
  files[PERMISSIONS] = withExtras(extras, PERMISSIONS, {
    permissions: sorted(p.permissions, (x) => x.name).map((x) =>
      item(PERMISSIONS, x.name, { name: x.name, description: x.description })
    )
  })
  files[ROLES] = withExtras(extras, ROLES, {
    roles: sorted(p.roles.filter((r) => r.tenantId === undefined), (r) => r.name).map((r) =>
      item(
        ROLES,
        r.name,
        defined({
          name: r.name,
          description: r.description,
          permissionNames: [...r.permissionNames].sort(),
          default: r.default || undefined,
          private: r.private || undefined
        })
      )
    )
  })
  files[ATTRIBUTES] = withExtras(extras, ATTRIBUTES, {
    user: sorted(p.customAttributeDefs, (a) => a.name ?? "").map((a) =>
      item(ATTRIBUTES, a.name ?? undefined, defined({ ...a }))
    )
  })
  const password = p.passwordSettings.get("")
  if (password !== undefined) files[PASSWORD] = defined({ ...password })
  Object.assign(files, FlowShapes.snapshotFilesOf(s))
  if (s.theme !== undefined) files[THEME] = withExtras(extras, THEME, { theme: s.theme })
  return files
}

const excluded = (path: string, excludes: ReadonlyArray<string>): boolean =>
  excludes.some((x) => {
    const e = x.replace(/\/+$/, "")
    return e !== "" && (path === e || path.startsWith(`${e}/`) || path.replace(/\.json$/, "") === e)
  })

type Decoded = {
  readonly project?: typeof ProjectFile.Type | undefined
  readonly permissions?: typeof PermissionsFile.Type | undefined
  readonly roles?: typeof RolesFile.Type | undefined
  readonly attributes?: typeof AttributesFile.Type | undefined
  readonly password?: Record<string, unknown> | undefined
  readonly theme?: typeof ThemeFile.Type | undefined
  readonly flows: ReadonlyArray<readonly [string, typeof FlowFile.Type]>
  readonly snapshotFlows: FlowShapes.SnapshotFlows["flows"]
  readonly others: ReadonlyArray<readonly [string, unknown]>
}

const decodeFile = <A, I>(
  schema: Schema.Schema<A, I>,
  path: string,
  content: unknown,
  failures: Array<string>
): A | undefined => {
  const r = Schema.decodeUnknownEither(schema)(content)
  if (Either.isRight(r)) return r.right
  failures.push(`${path}: ${ParseResult.TreeFormatter.formatErrorSync(r.left).split("\n").join(" ")}`)
  return undefined
}

/** Decodes the files to import (`excludes` left out); the failures say what would not import. */
const decode = (
  p: ProjectState,
  files: Readonly<Record<string, unknown>>,
  excludes: ReadonlyArray<string>
): { readonly decoded: Decoded; readonly failures: ReadonlyArray<string> } => {
  const failures: Array<string> = []
  const flows: Array<readonly [string, typeof FlowFile.Type]> = []
  const others: Array<readonly [string, unknown]> = []
  const flowFiles = new Map<string, unknown>()
  const d: {
    project?: typeof ProjectFile.Type | undefined
    permissions?: typeof PermissionsFile.Type | undefined
    roles?: typeof RolesFile.Type | undefined
    attributes?: typeof AttributesFile.Type | undefined
    password?: Record<string, unknown> | undefined
    theme?: typeof ThemeFile.Type | undefined
  } = {}
  for (const path of Object.keys(files).sort()) {
    const content = files[path]
    if (excluded(path, excludes)) continue
    if (path === "" || path.startsWith("/") || path.split("/").includes("..")) {
      failures.push(`${path}: not a relative file path`)
      continue
    }
    if (path.endsWith(".json") && (content === null || typeof content !== "object" || Array.isArray(content))) {
      failures.push(`${path}: a JSON file must hold an object`)
      continue
    }
    if (!path.endsWith(".json") && typeof content !== "string") {
      failures.push(`${path}: an asset must be text or base64`)
      continue
    }
    if (!interpreted(path)) others.push([path, content])
    else if (FlowShapes.isSnapshotFile(path)) flowFiles.set(path, content)
    else if (path === PROJECT) d.project = decodeFile(ProjectFile, path, content, failures)
    else if (path === PERMISSIONS) d.permissions = decodeFile(PermissionsFile, path, content, failures)
    else if (path === ROLES) d.roles = decodeFile(RolesFile, path, content, failures)
    else if (path === ATTRIBUTES) d.attributes = decodeFile(AttributesFile, path, content, failures)
    else if (path === PASSWORD) d.password = decodeFile(Obj, path, content, failures)
    else if (path === THEME) d.theme = decodeFile(ThemeFile, path, content, failures)
    else {
      const f = decodeFile(FlowFile, path, content, failures)
      const id = FLOW.exec(path)?.[1] ?? ""
      if (f !== undefined && f.flow.id !== id) failures.push(`${path}: the flow's id is not ${id}`)
      else if (f !== undefined) flows.push([id, f])
    }
  }
  const snapshotFlows = FlowShapes.fromSnapshotFiles(flowFiles)
  failures.push(...snapshotFlows.failures)
  // a flow folder's other files (a screen its metadata does not list ...) are the snapshot's, kept as given
  for (const [path, content] of flowFiles) if (!snapshotFlows.read.has(path)) others.push([path, content])
  for (const { flowId } of snapshotFlows.flows) {
    if (flows.some(([id]) => id === flowId)) {
      failures.push(`flows/${flowId}: the flow is given twice (a folder and a file)`)
    }
  }
  const known = new Set(
    excluded(PERMISSIONS, excludes)
      ? p.permissions.map((x) => x.name)
      : (d.permissions?.permissions ?? []).map((x) => x.name)
  )
  for (const r of d.roles?.roles ?? []) {
    for (const name of r.permissionNames ?? []) {
      if (!known.has(name)) failures.push(`${ROLES}: role ${r.name} has the unknown permission ${name}`)
    }
  }
  return { decoded: { ...d, flows, snapshotFlows: snapshotFlows.flows, others }, failures }
}

/**
 * Whether files would import: the failures, none when they would.
 *
 * @since 0.2.0
 * @category guards
 */
export const validate = (
  p: ProjectState,
  files: Readonly<Record<string, unknown>>,
  excludes: ReadonlyArray<string> = []
): ReadonlyArray<string> => decode(p, files, excludes).failures

/**
 * Imports files into a project (see the module); the failures when they would not import (nothing changed then).
 *
 * @since 0.2.0
 * @category actions
 */
export const importFiles = (
  p: ProjectState,
  files: Readonly<Record<string, unknown>>,
  excludes: ReadonlyArray<string>,
  now: number
): ReadonlyArray<string> => {
  const { decoded: d, failures } = decode(p, files, excludes)
  if (failures.length > 0) return failures
  const s = settingsOf(p)
  const keep = (path: string) => excluded(path, excludes)
  if (!keep(PROJECT) && d.project !== undefined) {
    s.name = d.project.name ?? s.name
    s.environment = d.project.environment ?? undefined
    s.tags = [...(d.project.tags ?? [])]
  }
  if (!keep(PERMISSIONS)) {
    const before = new Map(p.permissions.map((x) => [x.name, x]))
    p.permissions = (d.permissions?.permissions ?? []).map((x) => ({
      id: before.get(x.name)?.id ?? newId("PR", 16),
      name: x.name,
      description: x.description ?? "",
      systemDefault: before.get(x.name)?.systemDefault ?? false
    }))
  }
  if (!keep(ROLES)) {
    const before = new Map(p.roles.filter((r) => r.tenantId === undefined).map((r) => [r.name, r]))
    const roles: Array<RoleRecord> = (d.roles?.roles ?? []).map((r) => ({
      id: before.get(r.name)?.id ?? newId("RL", 16),
      name: r.name,
      description: r.description ?? "",
      permissionNames: [...(r.permissionNames ?? [])],
      default: r.default ?? false,
      private: r.private ?? false,
      createdTime: before.get(r.name)?.createdTime ?? Math.floor(now / 1000)
    }))
    p.roles = [...roles, ...p.roles.filter((r) => r.tenantId !== undefined)]
  }
  if (!keep(ATTRIBUTES)) p.customAttributeDefs = [...(d.attributes?.user ?? [])]
  if (!keep(PASSWORD)) {
    if (d.password === undefined) p.passwordSettings.delete("")
    else p.passwordSettings.set("", d.password as PasswordSettings)
  }
  for (const id of [...s.flows.keys(), ...s.flowsV2.keys()]) {
    if (!keep(`flows/${id}.json`) && !keep(`flows/${id}/metadata.json`)) deleteFlow(s, id)
  }
  for (const [id, f] of d.flows) putFlow(s, id, { flow: f.flow, screens: [...(f.screens ?? [])] })
  for (const f of d.snapshotFlows) putFlowV2(s, f.flowId, f.flow, f.keys)
  if (!keep(THEME)) s.theme = d.theme?.theme
  keepExtras(s.snapshotExtras, files, keep)
  for (const path of [...s.otherFiles.keys()]) if (!keep(path)) s.otherFiles.delete(path)
  for (const [path, content] of d.others) s.otherFiles.set(path, content)
  return []
}
