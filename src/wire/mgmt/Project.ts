/**
 * The current project: `/v1/mgmt/project/*`. Export and import use node-sdk's
 * snapshot endpoints (python-sdk's `export_project` / `import_project` call
 * `/v1/mgmt/project/export` / `import`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import * as Endpoint from "../Endpoint.js"
import { JsonObject, opt } from "../Fields.js"

/**
 * An exported snapshot: its files, JSON documents by path.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Snapshot = Schema.Struct({ files: opt(JsonObject) })

/**
 * `POST /v1/mgmt/project/update/name`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateName = Endpoint.post("mgmt.project.updateName", "/v1/mgmt/project/update/name", {
  credential: "management",
  request: Schema.Struct({ name: Schema.String }),
  response: Endpoint.Empty,
  description: "Renames the project"
})

/**
 * `POST /v1/mgmt/project/snapshot/export`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const exportSnapshot = Endpoint.post("mgmt.project.exportSnapshot", "/v1/mgmt/project/snapshot/export", {
  credential: "management",
  response: Snapshot,
  description: "Exports the project's settings as snapshot files"
})

/**
 * `POST /v1/mgmt/project/snapshot/import`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importSnapshot = Endpoint.post("mgmt.project.importSnapshot", "/v1/mgmt/project/snapshot/import", {
  credential: "management",
  request: Schema.Struct({ files: JsonObject, inputSecrets: Schema.optional(JsonObject) }),
  response: Endpoint.Empty,
  description: "Imports snapshot files, overriding the project's settings"
})
