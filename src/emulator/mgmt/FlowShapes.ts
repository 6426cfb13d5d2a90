/**
 * A flow's three shapes, and the conversions between them, by the rules of
 * Descope's own tool (descopecli's `flow convert`):
 *
 * - the console shape, what `/v1/mgmt/flow/export` answers and
 *   `/v1/mgmt/flow/import` takes: `{ flow: { id, name, description, dsl,
 *   disabled, ... }, screens: [{ id, interactions, htmlTemplate,
 *   componentsVersion }] }`;
 * - the exported shape, what `/v2/mgmt/flow/export` answers: `{ flowId,
 *   metadata: { name, description, componentsVersion, disabled, ... },
 *   contents, screens: [{ screenId, interactions, contents }], references }`;
 * - the snapshot shape, a directory per flow in a project snapshot (what
 *   `descope project snapshot export` writes): `flows/<flowId>/metadata.json`
 *   (the metadata, with `screens`, the keys of the flow's screen files, and
 *   the flow's `references` when it has them), `flows/<flowId>/contents.json`, and
 *   `flows/<flowId>/screen-<key>.json` for each screen. A real export names
 *   its screen files after the screens (`screen-sign-in-screen.json`), so the
 *   keys a flow was read with are kept and written back; a flow that never was
 *   in a snapshot names them by `screenId`, as descopecli does.
 *
 * @since 0.2.0
 */
import { isObject } from "../Wire.js"
import type { FlowRecord, ProjectSettings } from "./ProjectSettings.js"

type Json = Readonly<Record<string, unknown>>

/** `o` without its `undefined` members, nor the empty ones Go's `omitempty` leaves out (`""`, `false`, `[]`, `{}`). */
const omitEmpty = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) =>
      v !== undefined && v !== null && v !== "" && v !== false &&
      !(Array.isArray(v) && v.length === 0) && !(isObject(v) && Object.keys(v).length === 0)
    )
  )

const objects = (v: unknown): ReadonlyArray<Json> => (Array.isArray(v) ? v.filter(isObject) : [])

/**
 * A flow of the console shape in the exported shape (descopecli's console → exported conversion: the
 * screens' last `componentsVersion` is the flow's, the `translate*` fields are its `translation`).
 *
 * @since 0.2.0
 * @category rendering
 */
export const consoleToExported = (flowId: string, record: FlowRecord): Json => {
  const f = record.flow
  const componentsVersion = record.screens.map((s) => s.componentsVersion).filter((v) => typeof v === "string" && v)
    .at(-1)
  const translation = omitEmpty({
    enabled: f.translate,
    connectorId: f.translateConnectorID,
    sourceLanguage: f.translateSourceLang,
    targetLanguages: f.translateTargetLangs
  })
  return omitEmpty({
    flowId,
    metadata: omitEmpty({
      name: f.name,
      description: f.description,
      componentsVersion,
      disabled: f.disabled,
      fingerprint: f.fingerprint,
      widget: f.widget,
      translation,
      sharedInteractions: f.sharedInteractions
    }),
    contents: f.dsl,
    screens: record.screens.map((s) =>
      omitEmpty({ screenId: s.id, interactions: s.interactions, contents: s.htmlTemplate })
    )
  })
}

/**
 * A flow of the exported shape in the console shape (the inverse of {@link consoleToExported}).
 *
 * @since 0.2.0
 * @category rendering
 */
export const exportedToConsole = (flowId: string, flow: Json): FlowRecord => {
  const m = isObject(flow.metadata) ? flow.metadata : {}
  const t = isObject(m.translation) ? m.translation : {}
  return {
    flow: {
      ...omitEmpty({
        name: m.name,
        description: m.description,
        dsl: flow.contents,
        disabled: m.disabled,
        fingerprint: m.fingerprint,
        widget: m.widget,
        translate: t.enabled,
        translateConnectorID: t.connectorId,
        translateSourceLang: t.sourceLanguage,
        translateTargetLangs: t.targetLanguages,
        sharedInteractions: m.sharedInteractions
      }),
      id: flowId
    },
    screens: objects(flow.screens).map((s) =>
      omitEmpty({
        id: s.screenId,
        interactions: s.interactions,
        htmlTemplate: s.contents,
        componentsVersion: m.componentsVersion
      })
    )
  }
}

/**
 * A project's flow in the console shape (one imported in the exported shape converted), if there is one.
 *
 * @since 0.2.0
 * @category queries
 */
export const consoleFlow = (s: ProjectSettings, flowId: string): FlowRecord | undefined => {
  const flow = s.flowsV2.get(flowId)
  return s.flows.get(flowId) ?? (flow === undefined ? undefined : exportedToConsole(flowId, flow))
}

/**
 * A project's flow in the exported shape (one imported in the console shape converted), if there is one.
 *
 * @since 0.2.0
 * @category queries
 */
export const exportedFlow = (s: ProjectSettings, flowId: string): Json | undefined => {
  const record = s.flows.get(flowId)
  return s.flowsV2.get(flowId) ?? (record === undefined ? undefined : consoleToExported(flowId, record))
}

/**
 * A project's flows as snapshot files (both shapes, see the module).
 *
 * @since 0.2.0
 * @category rendering
 */
export const snapshotFilesOf = (s: ProjectSettings): Record<string, Json> => {
  const files: Record<string, Json> = {}
  for (const flowId of [...new Set([...s.flows.keys(), ...s.flowsV2.keys()])].sort()) {
    Object.assign(files, toSnapshotFiles(flowId, exportedFlow(s, flowId)!, s.flowScreenKeys.get(flowId)))
  }
  return files
}

/** The folder of a flow in a snapshot. */
const folderOf = (flowId: string) => `flows/${flowId}`

/** A flow's files in a snapshot: `flows/<flowId>/<name>`. */
const FILE = /^flows\/([^/]+)\/([^/]+)$/

/**
 * A flow of the exported shape as its snapshot files, by path: `keys` are the names of its screen files
 * (those it was read with; by `screenId` when they are not given or no longer match its screens).
 *
 * @since 0.2.0
 * @category rendering
 */
export const toSnapshotFiles = (
  flowId: string,
  flow: Json,
  keys: ReadonlyArray<string> | undefined
): Record<string, Json> => {
  const screens = objects(flow.screens)
  const names = keys !== undefined && keys.length === screens.length ? keys : screenIds(screens)
  const metadata: Record<string, unknown> = { ...(isObject(flow.metadata) ? flow.metadata : {}), screens: names }
  if (isObject(flow.references)) metadata.references = flow.references
  const files: Record<string, Json> = { [`${folderOf(flowId)}/metadata.json`]: metadata }
  if (isObject(flow.contents)) files[`${folderOf(flowId)}/contents.json`] = flow.contents
  screens.forEach((screen, i) => {
    files[`${folderOf(flowId)}/screen-${names[i]}.json`] = screen
  })
  return files
}

/** Screen file names from the screens' ids (descopecli), made unique and never empty. */
const screenIds = (screens: ReadonlyArray<Json>): ReadonlyArray<string> => {
  const seen = new Set<string>()
  return screens.map((s, i) => {
    const id = typeof s.screenId === "string" && /^[^/]+$/.test(s.screenId) ? s.screenId : `screen${i}`
    const name = seen.has(id) ? `${id}-${i}` : id
    seen.add(name)
    return name
  })
}

/**
 * Flows read from snapshot files: each flow in the exported shape, with the keys of its screen files.
 *
 * @since 0.2.0
 * @category models
 */
export interface SnapshotFlows {
  readonly flows: ReadonlyArray<{ readonly flowId: string; readonly flow: Json; readonly keys: ReadonlyArray<string> }>
  /** The paths the flows were read from (the flows' other files are the snapshot's own, kept as given). */
  readonly read: ReadonlySet<string>
  readonly failures: ReadonlyArray<string>
}

/**
 * Whether a path is a file of a flow in the snapshot shape (`flows/<flowId>/<name>`).
 *
 * @since 0.2.0
 * @category guards
 */
export const isSnapshotFile = (path: string): boolean => FILE.test(path)

/**
 * The flows of snapshot files (the paths that are not {@link isSnapshotFile} are passed over): a folder
 * `flows/<flowId>/` is a flow when it has `metadata.json`, whose `screens` each have their
 * `screen-<key>.json` (descopecli's rules). A folder without `metadata.json`, a `screens` member that is
 * not a list of names, a missing screen file or a `references` that is not an object is a failure.
 *
 * @since 0.2.0
 * @category parsing
 */
export const fromSnapshotFiles = (files: ReadonlyMap<string, unknown>): SnapshotFlows => {
  const folders = new Map<string, Map<string, unknown>>()
  for (const [path, content] of files) {
    const match = FILE.exec(path)
    if (match === null) continue
    const folder = folders.get(match[1]!) ?? new Map<string, unknown>()
    folders.set(match[1]!, folder.set(match[2]!, content))
  }
  const flows: Array<SnapshotFlows["flows"][number]> = []
  const read = new Set<string>()
  const failures: Array<string> = []
  for (const [flowId, folder] of folders) {
    const at = folderOf(flowId)
    const metadata = folder.get("metadata.json")
    if (!isObject(metadata)) {
      failures.push(`${at}/metadata.json: missing (a flow's folder holds its metadata.json)`)
      continue
    }
    const { references, screens: keys, ...rest } = metadata
    if (keys !== undefined && !(Array.isArray(keys) && keys.every((k) => typeof k === "string" && /^[^/]+$/.test(k)))) {
      failures.push(`${at}/metadata.json: screens must be a list of screen file names`)
      continue
    }
    if (references !== undefined && !isObject(references)) {
      failures.push(`${at}/metadata.json: references must be an object`)
      continue
    }
    const names: ReadonlyArray<string> = keys ?? []
    const missing = names.filter((k) => !isObject(folder.get(`screen-${k}.json`)))
    if (missing.length > 0) {
      failures.push(...missing.map((k) => `${at}/screen-${k}.json: missing (listed in metadata.json)`))
      continue
    }
    const contents = folder.get("contents.json")
    const used = [
      "metadata.json",
      ...(contents === undefined ? [] : ["contents.json"]),
      ...names.map((k) => `screen-${k}.json`)
    ]
    for (const name of used) read.add(`${at}/${name}`)
    flows.push({
      flowId,
      keys: names,
      flow: {
        flowId,
        metadata: rest,
        ...(contents === undefined ? {} : { contents }),
        screens: names.map((k) => folder.get(`screen-${k}.json`)),
        ...(references === undefined ? {} : { references })
      }
    })
  }
  return { flows, read, failures }
}
