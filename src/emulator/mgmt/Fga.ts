/**
 * The emulator's FGA endpoints (`src/wire/mgmt/Fga.ts`): the schema is parsed
 * (a schema that does not parse is a 400 naming its line and column), the
 * relations are kept in the project's relation store (`fga/Store.ts`) and
 * checks are evaluated for real from the saved schema (`fga/Evaluate.ts`).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Fga.js"
import { evaluator, type Tuple, tupleKey } from "../fga/Evaluate.js"
import { type Model, parse, renderError } from "../fga/Model.js"
import * as Store from "../fga/Store.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import * as W from "../Wire.js"
import type { WireError } from "../Wire.js"

const parsed = (dsl: string): Effect.Effect<Model, WireError> => {
  const r = parse(dsl)
  return r._tag === "Right" ? Effect.succeed(r.model) : W.invalid(`schema: ${renderError(r.error)}`)
}

const toTuple = (r: Wire.Relation): Tuple => ({
  resource: r.resource,
  resourceType: r.resourceType ?? "",
  relation: r.relation,
  target: r.target,
  targetType: r.targetType ?? ""
})

/** A tuple must name a relation of the schema and a target type it allows. */
const validTuple = (model: Model | undefined, t: Tuple): Effect.Effect<void, WireError> => {
  if (model === undefined) return W.invalid("no FGA schema: save one first")
  const def = model.types.get(t.resourceType)?.get(t.relation)
  if (def?.kind !== "relation") return W.invalid(`type "${t.resourceType}" has no relation "${t.relation}"`)
  const set = t.target.includes("#") ? t.target.slice(t.target.indexOf("#") + 1) : undefined
  const allowed = (def.types ?? []).some((r) => r.type === t.targetType && r.relation === set)
  return allowed
    ? Effect.void
    : W.invalid(
      `relation "${t.resourceType}#${t.relation}" does not allow target type "${t.targetType}${
        set === undefined ? "" : `#${set}`
      }"`
    )
}

/**
 * What saving `next` over `current` would delete: types and `type#relation`s.
 *
 * @since 0.2.0
 * @category getters
 */
export const deletes = (current: Model | undefined, next: Model) => {
  const types: Array<string> = []
  const relations: Array<string> = []
  for (const [type, defs] of current?.types ?? []) {
    const nextDefs = next.types.get(type)
    if (nextDefs === undefined) types.push(type)
    for (const name of defs.keys()) if (nextDefs?.has(name) !== true) relations.push(`${type}#${name}`)
  }
  return { types, relations }
}

const saveSchema = (ctx: Ctx, dsl: string) =>
  Effect.map(parsed(dsl), (model) => {
    const s = Store.of(ctx.p)
    s.dsl = dsl
    s.model = model
    s.modified.schema = ctx.now
    Store.removeWhere(s, (t) => model.types.get(t.resourceType)?.get(t.relation)?.kind !== "relation", ctx.now)
    return {}
  })

/**
 * The FGA routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.saveSchema, (ctx, b) => saveSchema(ctx, b.dsl)),
  H.endpoint(Wire.loadSchema, (ctx) => Effect.succeed({ dsl: Store.of(ctx.p).dsl ?? "" })),
  H.endpoint(
    Wire.dryRunSchema,
    (ctx, b) => Effect.map(parsed(b.dsl), (model) => ({ deletesPreview: deletes(Store.of(ctx.p).model, model) }))
  ),
  H.endpoint(Wire.createRelations, (ctx, b) =>
    Effect.gen(function*() {
      const s = Store.of(ctx.p)
      const tuples = b.tuples.map(toTuple)
      for (const t of tuples) yield* validTuple(s.model, t)
      Store.add(s, tuples, ctx.now)
      return {}
    })),
  H.endpoint(Wire.deleteRelations, (ctx, b) =>
    Effect.sync(() => {
      const gone = new Set(b.tuples.map((r) => tupleKey(toTuple(r))))
      Store.removeWhere(Store.of(ctx.p), (t) => gone.has(tupleKey(t)), ctx.now)
      return {}
    })),
  H.endpoint(Wire.deleteAllRelations, (ctx) =>
    Effect.sync(() => {
      Store.removeWhere(Store.of(ctx.p), () => true, ctx.now)
      return {}
    })),
  H.endpoint(Wire.check, (ctx, b) =>
    Effect.sync(() => {
      const s = Store.of(ctx.p)
      const model = s.model
      const ev = model === undefined ? undefined : evaluator(model, [...s.tuples.values()])
      return {
        tuples: b.tuples.map((tuple) => ({
          allowed: ev?.check(tuple.resourceType ?? "", tuple.resource, tuple.relation, {
            type: tuple.targetType ?? "",
            id: tuple.target
          }) ?? false,
          tuple
        }))
      }
    })),
  H.endpoint(Wire.loadResourcesDetails, (ctx, b) =>
    Effect.sync(() => {
      const d = Store.of(ctx.p).details
      return {
        resourcesDetails: b.resourceIdentifiers.flatMap((r) => {
          const found = d.get(JSON.stringify([r.resourceType, r.resourceId]))
          return found === undefined ? [] : [found]
        })
      }
    })),
  H.endpoint(Wire.saveResourcesDetails, (ctx, b) =>
    Effect.sync(() => {
      const d = Store.of(ctx.p).details
      for (const r of b.resourcesDetails) d.set(JSON.stringify([r.resourceType, r.resourceId]), r)
      return {}
    })),
  H.endpoint(Wire.loadMappableSchema, (ctx, b) =>
    Effect.gen(function*() {
      if (!ctx.p.tenants.has(b.tenantId)) return yield* W.invalid(`unknown tenant: ${b.tenantId}`)
      const model = Store.of(ctx.p).model
      return {
        schema: {
          namespaces: [...(model?.types ?? new Map()).entries()].map(([name, defs]) => ({
            name,
            relationDefinitions: [...defs.keys()].map((n) => ({ name: n }))
          }))
        },
        mappableResources: mappable(
          ctx,
          [...(model?.types.keys() ?? [])].map((type) => ({ type, queries: [] })),
          b.resourcesLimit
        )
      }
    })),
  H.endpoint(Wire.searchMappableResources, (ctx, b) =>
    Effect.gen(function*() {
      if (!ctx.p.tenants.has(b.tenantId)) return yield* W.invalid(`unknown tenant: ${b.tenantId}`)
      return { mappableResources: mappable(ctx, b.resourcesQueries, b.resourcesLimit) }
    }))
]

/** The resources of each type (those in a tuple or with details) whose id or name contains a query. */
const mappable = (
  ctx: Ctx,
  queries: ReadonlyArray<typeof Wire.MappableResourcesQuery.Type>,
  limit: number | undefined
) => {
  const s = Store.of(ctx.p)
  return queries.map((q) => {
    const ids = new Set<string>()
    for (const t of s.tuples.values()) if (t.resourceType === q.type) ids.add(t.resource)
    for (const d of s.details.values()) if (d.resourceType === q.type) ids.add(d.resourceId)
    const matches = [...ids].filter((id) => {
      const name = s.details.get(JSON.stringify([q.type, id]))?.displayName ?? ""
      return q.queries.length === 0 || q.queries.some((x) => id.includes(x) || name.includes(x))
    }).sort()
    return { type: q.type, resources: matches.slice(0, limit ?? matches.length).map((resource) => ({ resource })) }
  })
}
