/**
 * The emulator's engines (`src/wire/mgmt/Engine.ts`) and scope to claims
 * mapping (`src/wire/mgmt/ScopeClaimMapping.ts`), kept per project. An
 * engine's secret is answered by create and rotate only; engine names are
 * unique; a mapping names each scope once.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Wire from "../../wire/mgmt/Engine.js"
import * as MappingWire from "../../wire/mgmt/ScopeClaimMapping.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId, newSecret } from "../Ids.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { perProject } from "./AreaState.js"

/**
 * A project's engines (with their secrets) and scope to claims mapping.
 *
 * @since 0.2.0
 * @category models
 */
export interface EngineStore {
  readonly engines: Map<string, { engine: Wire.Engine; secret: string }>
  mappings: ReadonlyArray<MappingWire.Mapping>
}

/**
 * The engine store of a project.
 *
 * @since 0.2.0
 * @category queries
 */
export const enginesOf: (p: ProjectState) => EngineStore = perProject((): EngineStore => ({
  engines: new Map(),
  mappings: []
}))

const find = (ctx: Ctx, id: string) => {
  const e = enginesOf(ctx.p).engines.get(id)
  return e === undefined ? W.notFound(`engine ${id}`) : Effect.succeed(e)
}

const named = (ctx: Ctx, name: string, id: string | undefined): Effect.Effect<void, WireError> => {
  if (name.trim() === "") return W.missing("name")
  const taken = [...enginesOf(ctx.p).engines.values()].some((e) => e.engine.name === name && e.engine.id !== id)
  return taken ? fail(409, Codes.InvalidRequest, "Engine already exists", name) : Effect.void
}

/**
 * The engine and scope to claims mapping routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, (ctx, b) =>
    Effect.map(named(ctx, b.name, undefined), () => {
      const engine: Wire.Engine = { id: newId("EN"), name: b.name, createdTime: Math.floor(ctx.now / 1000) }
      const secret = newSecret(32)
      enginesOf(ctx.p).engines.set(engine.id, { engine, secret })
      return { engine: { ...engine, secret: Redacted.make(secret) } }
    })),
  H.endpoint(
    Wire.update,
    (ctx, b) =>
      Effect.flatMap(find(ctx, b.id), (e) =>
        Effect.map(named(ctx, b.name, b.id), () => {
          e.engine = { ...e.engine, name: b.name }
          return { engine: e.engine }
        }))
  ),
  H.endpoint(Wire.delete, (ctx, b) => Effect.map(find(ctx, b.id), () => (enginesOf(ctx.p).engines.delete(b.id), {}))),
  H.endpoint(Wire.load, (ctx, q) => Effect.map(find(ctx, q.id), (e) => ({ engine: e.engine }))),
  H.endpoint(
    Wire.loadAll,
    (ctx) => Effect.succeed({ engines: [...enginesOf(ctx.p).engines.values()].map((e) => e.engine) })
  ),
  H.endpoint(Wire.rotateSecret, (ctx, b) =>
    Effect.map(find(ctx, b.id), (e) => {
      e.secret = newSecret(32)
      return { secret: Redacted.make(e.secret) }
    })),
  H.endpoint(MappingWire.get, (ctx) => Effect.succeed({ mappings: [...enginesOf(ctx.p).mappings] })),
  H.endpoint(MappingWire.set, (ctx, b) =>
    Effect.gen(function*() {
      const scopes = b.mappings.map((x) => x.scope ?? "")
      if (scopes.some((s) => s.trim() === "")) return yield* W.missing("mappings[].scope")
      const twice = scopes.find((s, i) => scopes.indexOf(s) !== i)
      if (twice !== undefined) return yield* W.invalid(`scope "${twice}" is mapped twice`)
      enginesOf(ctx.p).mappings = [...b.mappings]
      return {}
    })),
  H.endpoint(MappingWire.delete, (ctx) => Effect.sync(() => ((enginesOf(ctx.p).mappings = []), {})))
]
