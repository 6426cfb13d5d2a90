/**
 * The emulator's project endpoints (`src/wire/mgmt/Project.ts`): the name and
 * tags, the snapshot export / import / validation in Descope's snapshot shape
 * (see `Snapshot`), python-sdk's legacy export / import (the same files), and
 * the company's projects, which are the emulator's projects: `listProjects`
 * lists those the caller's management key opens; `clone` adds a project (a
 * fresh id, the caller's management key) holding a snapshot of the current
 * one's settings, as `POST /emulator/projects` adds one; `delete` removes the
 * current project (never the emulator's default project, which a reset
 * empties instead: `POST /emulator/reset`).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Project.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as W from "../Wire.js"
import type { WireError } from "../Wire.js"
import { nameOf, settingsOf } from "./ProjectSettings.js"
import * as Snapshot from "./Snapshot.js"

const imported = (
  ctx: Ctx,
  files: Readonly<Record<string, unknown>>,
  excludes: ReadonlyArray<string> = []
): Effect.Effect<{}, WireError> => {
  const failures = Snapshot.importFiles(ctx.p, files, excludes, ctx.now)
  return failures.length === 0 ? Effect.succeed({}) : W.invalid(`snapshot: ${failures.join("; ")}`)
}

const tagsOf = (tags: ReadonlyArray<string> | undefined) => [...new Set((tags ?? []).filter((t) => t.trim() !== ""))]

/**
 * The project routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.updateName, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      settingsOf(ctx.p).name = b.name
      return {}
    })),
  H.endpoint(Wire.updateTags, (ctx, b) => Effect.sync(() => (settingsOf(ctx.p).tags = tagsOf(b.tags), {}))),
  H.endpoint(Wire.exportSnapshot, (ctx, b) => Effect.sync(() => ({ files: Snapshot.exportFiles(ctx.p, b.format) }))),
  H.endpoint(Wire.importSnapshot, (ctx, b) => imported(ctx, b.files, b.excludes)),
  H.endpoint(Wire.validateSnapshot, (ctx, b) =>
    Effect.sync(() => {
      const failures = Snapshot.validate(ctx.p, b.files)
      return failures.length === 0 ? { ok: true } : { ok: false, failures: [...failures] }
    })),
  H.endpoint(Wire.exportProject, (ctx) => Effect.sync(() => ({ files: Snapshot.exportFiles(ctx.p) }))),
  H.endpoint(Wire.importProject, (ctx, b) => imported(ctx, b.files)),
  H.endpoint(Wire.listProjects, (ctx) =>
    Effect.sync(() => ({
      projects: [...ctx.env.projects.values()]
        .filter((p) => ctx.token !== undefined && p.managementKeys.includes(ctx.token))
        .map((p) => {
          const s = settingsOf(p)
          return { id: p.projectId, name: nameOf(p), environment: s.environment, tags: [...s.tags] }
        })
    }))),
  H.endpoint(Wire.clone, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      if (b.environment !== undefined && b.environment !== "" && b.environment !== "production") {
        return yield* W.invalid(`environment must be "production" or empty, not ${b.environment}`)
      }
      const files = Snapshot.exportFiles(ctx.p)
      const projectId = newId("P2", 28)
      const target = yield* ctx.env.addProject(projectId, ctx.token)
      const environment = b.environment === "" ? undefined : b.environment
      const tags = tagsOf(b.tags)
      yield* target.lock.withPermits(1)(Effect.sync(() => {
        Snapshot.importFiles(target, files, [], ctx.now)
        const s = settingsOf(target)
        s.name = b.name
        s.environment = environment
        s.tags = tags
      }))
      return { projectId, projectName: b.name, environment, tags }
    })),
  H.endpoint(Wire.deleteProject, (ctx) =>
    Effect.gen(function*() {
      if (ctx.p.projectId === ctx.env.defaultProjectId) {
        return yield* W.invalid("the emulator's default project cannot be deleted (reset it instead)")
      }
      yield* ctx.env.removeProject(ctx.p.projectId)
      return {}
    }))
]
