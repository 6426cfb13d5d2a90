/**
 * `client.mgmt.project`: the current project (§10.13). Export and import use
 * node-sdk's snapshot endpoints (python-sdk's `export_project` /
 * `import_project` call `/v1/mgmt/project/export` / `import`).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Project.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * The files of a project snapshot (JSON documents by path).
 *
 * @since 0.1.0
 * @category models
 */
export type SnapshotFiles = Readonly<Record<string, unknown>>

/**
 * An exported snapshot.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Snapshot = Wire.Snapshot

/**
 * A snapshot to import, with the secrets it needs.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportSnapshotRequest {
  readonly files: SnapshotFiles
  readonly inputSecrets?: Readonly<Record<string, unknown>> | undefined
}

/**
 * `client.mgmt.project`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectApi {
  /** Renames the project (python-sdk `update_name`). */
  readonly updateName: (name: string) => Effect.Effect<void, ManagementError>
  /** Exports the project's settings as snapshot files. */
  readonly exportSnapshot: () => Effect.Effect<SnapshotFiles, ManagementError>
  /** Imports snapshot files, overriding the project's settings. */
  readonly importSnapshot: (request: ImportSnapshotRequest) => Effect.Effect<void, ManagementError>
}

/**
 * Builds `client.mgmt.project`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): ProjectApi => ({
  updateName: (name) =>
    checked([nonEmpty("name", name)], Effect.asVoid(mgmt.call(Wire.updateName, { request: { name } }))),
  exportSnapshot: () => Effect.map(mgmt.call(Wire.exportSnapshot, {}), (r) => r.files ?? {}),
  importSnapshot: (request) => Effect.asVoid(mgmt.call(Wire.importSnapshot, { request }))
})
