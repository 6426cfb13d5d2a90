/**
 * The project-wide settings the emulator keeps beside the project state: the
 * project's name, environment and tags, its flows (each with its screens, in
 * the shape it was imported in: one flow per id, see `FlowShapes`) and its
 * theme (and the theme imported in go-sdk's `/v2` shape, kept apart), and what
 * of a snapshot it does not interpret (files, and members of the documents it
 * reads), kept as given and exported again. Created on first use, and anew
 * after a reset of the project (see `AreaState`).
 *
 * @since 0.2.0
 */
import type { ProjectState } from "../EmulatorState.js"
import { perProject } from "./AreaState.js"

/**
 * A stored flow: its document and its screens, as imported.
 *
 * @since 0.2.0
 * @category models
 */
export interface FlowRecord {
  readonly flow: Readonly<Record<string, unknown>>
  readonly screens: ReadonlyArray<Readonly<Record<string, unknown>>>
}

/**
 * A project's settings.
 *
 * @since 0.2.0
 * @category models
 */
export interface ProjectSettings {
  name: string | undefined
  environment: string | undefined
  tags: Array<string>
  readonly flows: Map<string, FlowRecord>
  /** The theme as imported (`undefined`: never set). */
  theme: Readonly<Record<string, unknown>> | undefined
  /** Flows imported in the `/v2` shape, by `flowId` (kept apart from the `/v1` flows). */
  readonly flowsV2: Map<string, Readonly<Record<string, unknown>>>
  /**
   * The names of the screen files of the `/v2` flows read from a project snapshot (`screen-<name>.json`),
   * by `flowId`, written back when the flow is exported in a snapshot (see `FlowShapes`).
   */
  readonly flowScreenKeys: Map<string, ReadonlyArray<string>>
  /** The theme imported in the `/v2` shape. */
  themeV2: Readonly<Record<string, unknown>> | undefined
  /** Snapshot files the emulator does not interpret, by path. */
  readonly otherFiles: Map<string, unknown>
  /**
   * The members of the snapshot documents it interprets that the emulator does not model (a real project's
   * `project.json` settings, a role's other fields ...), exported again: by file (`roles.json`), and by file
   * and item name for the items of its list (`roles.json#admin`).
   */
  readonly snapshotExtras: Map<string, Readonly<Record<string, unknown>>>
}

/**
 * The settings of a project.
 *
 * @since 0.2.0
 * @category queries
 */
export const settingsOf: (p: ProjectState) => ProjectSettings = perProject((): ProjectSettings => ({
  name: undefined,
  environment: undefined,
  tags: [],
  flows: new Map(),
  theme: undefined,
  flowsV2: new Map(),
  flowScreenKeys: new Map(),
  themeV2: undefined,
  otherFiles: new Map(),
  snapshotExtras: new Map()
}))

/**
 * The project's name (its id until it is renamed).
 *
 * @since 0.2.0
 * @category queries
 */
export const nameOf = (p: ProjectState): string => settingsOf(p).name ?? p.projectId

/**
 * Stores a flow in the console shape (`/v1/mgmt/flow/import`), in place of the flow of that id in either shape.
 *
 * @since 0.2.0
 * @category actions
 */
export const putFlow = (s: ProjectSettings, flowId: string, record: FlowRecord): void => {
  deleteFlow(s, flowId)
  s.flows.set(flowId, record)
}

/**
 * Stores a flow in the exported shape (`/v2/mgmt/flow/import`, or a snapshot's flow with the names of its
 * screen files), in place of the flow of that id in either shape.
 *
 * @since 0.2.0
 * @category actions
 */
export const putFlowV2 = (
  s: ProjectSettings,
  flowId: string,
  flow: Readonly<Record<string, unknown>>,
  screenKeys?: ReadonlyArray<string>
): void => {
  deleteFlow(s, flowId)
  s.flowsV2.set(flowId, flow)
  if (screenKeys !== undefined) s.flowScreenKeys.set(flowId, screenKeys)
}

/**
 * Deletes a flow, in either shape, and the files its snapshot folder held besides the flow's own.
 *
 * @since 0.2.0
 * @category actions
 */
export const deleteFlow = (s: ProjectSettings, flowId: string): void => {
  s.flows.delete(flowId)
  s.flowsV2.delete(flowId)
  s.flowScreenKeys.delete(flowId)
  for (const path of [...s.otherFiles.keys()]) if (path.startsWith(`flows/${flowId}/`)) s.otherFiles.delete(path)
}
