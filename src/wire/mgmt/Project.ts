/**
 * Projects: `/v1/mgmt/project/*` and `/v1/mgmt/projects/list`. Export and
 * import use node-sdk's snapshot endpoints (with python-sdk's `format` and
 * `excludes`); python-sdk's legacy `export_project` / `import_project` call
 * `/v1/mgmt/project/export` / `import` with the same `files` map. A snapshot's
 * cleartext secrets (`inputSecrets`) are `Redacted` from the wire on.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, opt, optional, Secret, Strings } from "../Fields.js"

/**
 * An exported snapshot: its files, JSON documents (or assets, as text or base64) by path.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Snapshot = lazy(() => Schema.Struct({ files: opt(JsonObject) }))

/**
 * A secret a snapshot's entity needs (`value` empty when Descope reports it missing).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SnapshotSecret = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    type: Schema.String,
    value: Secret
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SnapshotSecret = typeof SnapshotSecret.Type

/**
 * The secrets of a snapshot's connectors and OAuth providers.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SnapshotSecrets = lazy(() =>
  Schema.Struct({
    connectors: optional(Schema.Array(SnapshotSecret)),
    oauthProviders: optional(Schema.Array(SnapshotSecret))
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SnapshotSecrets = typeof SnapshotSecrets.Type

/**
 * The secrets Descope reports missing (decoded leniently: `null` lists read as none).
 *
 * @since 0.2.0
 * @category schemas
 */
export const MissingSecrets = lazy(() =>
  Schema.Struct({
    connectors: opt(Schema.Array(SnapshotSecret)),
    oauthProviders: opt(Schema.Array(SnapshotSecret))
  })
)

/**
 * Whether a snapshot would import: `ok` exactly when `failures` is empty.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ValidateSnapshotResponse = lazy(() =>
  Schema.Struct({
    ok: Bool,
    failures: opt(Strings),
    missingSecrets: opt(MissingSecrets)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ValidateSnapshotResponse = typeof ValidateSnapshotResponse.Type

/**
 * A project of the company (`listProjects`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Project = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    environment: opt(Schema.String),
    tags: opt(Strings)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Project = typeof Project.Type

/**
 * The project `clone` created.
 *
 * @since 0.2.0
 * @category schemas
 */
export const CloneProjectResponse = lazy(() =>
  Schema.Struct({
    projectId: Schema.String,
    projectName: Schema.String,
    environment: opt(Schema.String),
    tags: opt(Strings)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type CloneProjectResponse = typeof CloneProjectResponse.Type

const m = { credential: "management" } as const
const Files = lazy(() => Schema.Struct({ files: JsonObject, inputSecrets: optional(SnapshotSecrets) }))

/**
 * `POST /v1/mgmt/project/update/name`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateName = Endpoint.post("mgmt.project.updateName", "/v1/mgmt/project/update/name", {
  ...m,
  request: lazy(() => Schema.Struct({ name: Schema.String })),
  response: Endpoint.Empty,
  description: "Renames the project"
})

/**
 * `POST /v1/mgmt/project/update/tags` (the tags replaced).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateTags = Endpoint.post("mgmt.project.updateTags", "/v1/mgmt/project/update/tags", {
  ...m,
  request: lazy(() => Schema.Struct({ tags: Strings })),
  response: Endpoint.Empty,
  description: "Replaces the project's tags"
})

/**
 * `POST /v1/mgmt/project/clone`: a new project with the settings of the current one.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const clone = Endpoint.post("mgmt.project.clone", "/v1/mgmt/project/clone", {
  ...m,
  request: lazy(() =>
    Schema.Struct({
      name: Schema.String,
      environment: optional(Schema.String),
      tags: optional(Strings)
    })
  ),
  response: CloneProjectResponse,
  description: "Clones the project's settings into a new project"
})

/**
 * `POST /v1/mgmt/project/delete`: deletes the current project.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteProject = Endpoint.post("mgmt.project.delete", "/v1/mgmt/project/delete", {
  ...m,
  response: Endpoint.Empty,
  description: "Deletes the current project"
})

/**
 * `POST /v1/mgmt/projects/list`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const listProjects = Endpoint.post("mgmt.project.listProjects", "/v1/mgmt/projects/list", {
  ...m,
  response: lazy(() => Schema.Struct({ projects: opt(Schema.Array(Project)) })),
  description: "Lists the company's projects"
})

/**
 * `POST /v1/mgmt/project/snapshot/export` (`format: "plain"` leaves the assets out).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exportSnapshot = Endpoint.post("mgmt.project.exportSnapshot", "/v1/mgmt/project/snapshot/export", {
  ...m,
  request: lazy(() => Schema.Struct({ format: optional(Schema.String) })),
  response: Snapshot,
  description: "Exports the project's settings as snapshot files"
})

/**
 * `POST /v1/mgmt/project/snapshot/import` (`excludes`: what not to import).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importSnapshot = Endpoint.post("mgmt.project.importSnapshot", "/v1/mgmt/project/snapshot/import", {
  ...m,
  request: lazy(() => Schema.Struct({ ...Files.fields, excludes: optional(Strings) })),
  response: Endpoint.Empty,
  description: "Imports snapshot files, overriding the project's settings"
})

/**
 * `POST /v1/mgmt/project/snapshot/validate`: an import dry run.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const validateSnapshot = Endpoint.post(
  "mgmt.project.validateSnapshot",
  "/v1/mgmt/project/snapshot/validate",
  { ...m, request: Files, response: ValidateSnapshotResponse, description: "Validates snapshot files (a dry run)" }
)

/**
 * `POST /v1/mgmt/project/export` (python-sdk's legacy `export_project`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exportProject = Endpoint.post("mgmt.project.exportProject", "/v1/mgmt/project/export", {
  ...m,
  response: Snapshot,
  description: "Exports the project's settings as files (legacy)"
})

/**
 * `POST /v1/mgmt/project/import` (python-sdk's legacy `import_project`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importProject = Endpoint.post("mgmt.project.importProject", "/v1/mgmt/project/import", {
  ...m,
  request: lazy(() => Schema.Struct({ files: JsonObject })),
  response: Endpoint.Empty,
  description: "Imports files, overriding the project's settings (legacy)"
})
