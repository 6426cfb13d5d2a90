/**
 * `client.mgmt.project` (node-sdk's `management.project`): the current project
 * (rename, tags, clone, delete), the company's projects, and its settings as
 * snapshot files (export with python-sdk's `format`, import with its
 * `excludes`, validate). `exportProject` / `importProject` are python-sdk's
 * legacy `export_project` / `import_project` (the legacy export and
 * `import`). Snapshot secrets (`inputSecrets`, `missingSecrets`) are `Redacted`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { checked, nonEmpty, redacted, type Secret } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Project.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * The files of a project snapshot (JSON documents, or assets as text / base64, by path).
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
 * A project of the company.
 *
 * @since 0.2.0
 * @category models
 */
export type Project = Wire.Project

/**
 * The project `clone` created.
 *
 * @since 0.2.0
 * @category models
 */
export type CloneProjectResponse = Wire.CloneProjectResponse

/**
 * The answer of `validateSnapshot` (`ok` exactly when there is no failure).
 *
 * @since 0.2.0
 * @category models
 */
export type ValidateSnapshotResponse = Wire.ValidateSnapshotResponse

/**
 * A secret given to a snapshot's connector or OAuth provider (`value` as text or `Redacted`).
 *
 * @since 0.2.0
 * @category models
 */
export interface SnapshotSecretInput {
  readonly id: string
  readonly name: string
  readonly type: string
  readonly value: Secret
}

/**
 * The secrets given with a snapshot.
 *
 * @since 0.2.0
 * @category models
 */
export interface SnapshotSecretsInput {
  readonly connectors?: ReadonlyArray<SnapshotSecretInput> | undefined
  readonly oauthProviders?: ReadonlyArray<SnapshotSecretInput> | undefined
}

/**
 * A snapshot to validate, with the secrets it needs.
 *
 * @since 0.2.0
 * @category models
 */
export interface ValidateSnapshotRequest {
  readonly files: SnapshotFiles
  readonly inputSecrets?: SnapshotSecretsInput | undefined
}

/**
 * A snapshot to import, with the secrets it needs and what not to import (python-sdk's `excludes`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportSnapshotRequest extends ValidateSnapshotRequest {
  readonly excludes?: ReadonlyArray<string> | undefined
}

/**
 * `client.mgmt.project`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectApi {
  /** Renames the project. */
  readonly updateName: (name: string) => Effect.Effect<void, ManagementError>
  /** Replaces the project's tags. */
  readonly updateTags: (tags: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Clones the project's settings (not its users, tenants nor access keys) into a new project. */
  readonly clone: (
    name: string,
    environment?: "production" | undefined,
    tags?: ReadonlyArray<string> | undefined
  ) => Effect.Effect<CloneProjectResponse, ManagementError>
  /** Deletes the current project (irreversible). */
  readonly delete: () => Effect.Effect<void, ManagementError>
  /** The company's projects (id, name, environment, tags). */
  readonly listProjects: () => Effect.Effect<ReadonlyArray<Project>, ManagementError>
  /** Exports the project's settings as snapshot files (`format: "plain"`: without assets). */
  readonly exportSnapshot: (
    options?: { readonly format?: string | undefined } | undefined
  ) => Effect.Effect<SnapshotFiles, ManagementError>
  /** Imports snapshot files, overriding the project's settings. */
  readonly importSnapshot: (request: ImportSnapshotRequest) => Effect.Effect<void, ManagementError>
  /** Whether snapshot files would import (an import dry run), with the failures and missing secrets. */
  readonly validateSnapshot: (
    request: ValidateSnapshotRequest
  ) => Effect.Effect<ValidateSnapshotResponse, ManagementError>
  /** Exports the project's settings as files (python-sdk's legacy `export_project`). */
  readonly exportProject: () => Effect.Effect<SnapshotFiles, ManagementError>
  /** Imports files, overriding the project's settings (python-sdk's legacy `import_project`). */
  readonly importProject: (files: SnapshotFiles) => Effect.Effect<void, ManagementError>
}

const secrets = (input: SnapshotSecretsInput | undefined): Wire.SnapshotSecrets | undefined => {
  if (input === undefined) return undefined
  const each = (list: ReadonlyArray<SnapshotSecretInput> | undefined) =>
    list?.map((s) => ({ id: s.id, name: s.name, type: s.type, value: redacted(s.value) as Redacted.Redacted<string> }))
  return { connectors: each(input.connectors), oauthProviders: each(input.oauthProviders) }
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
  updateTags: (tags) => Effect.asVoid(mgmt.call(Wire.updateTags, { request: { tags: [...tags] } })),
  clone: (name, environment, tags) =>
    checked(
      [nonEmpty("name", name)],
      mgmt.call(Wire.clone, { request: { name, environment, tags: tags === undefined ? undefined : [...tags] } })
    ),
  delete: () => Effect.asVoid(mgmt.call(Wire.deleteProject, {})),
  listProjects: () => Effect.map(mgmt.call(Wire.listProjects, {}), (r) => r.projects ?? []),
  exportSnapshot: (options) =>
    Effect.map(
      mgmt.call(Wire.exportSnapshot, { request: { format: options?.format } }),
      (r) => r.files ?? {}
    ),
  importSnapshot: (request) =>
    Effect.asVoid(mgmt.call(Wire.importSnapshot, {
      request: {
        files: request.files,
        inputSecrets: secrets(request.inputSecrets),
        excludes: request.excludes === undefined ? undefined : [...request.excludes]
      }
    })),
  validateSnapshot: (request) =>
    mgmt.call(Wire.validateSnapshot, {
      request: { files: request.files, inputSecrets: secrets(request.inputSecrets) }
    }),
  exportProject: () => Effect.map(mgmt.call(Wire.exportProject, {}), (r) => r.files ?? {}),
  importProject: (files) => Effect.asVoid(mgmt.call(Wire.importProject, { request: { files } }))
})
