/**
 * The emulator's ReBAC endpoints (`src/wire/mgmt/Authz.ts`), answered from
 * the same relation store as FGA (`fga/Store.ts`). A ReBAC schema is turned
 * into the FGA model: a namespace is a type, a relation definition a relation
 * (untyped targets) whose `complexDefinition` is an expression: `union`,
 * `intersect`, `sub` (the first child but not the rest) of children
 * `self` (the definition's own relations), `targetSet` (another definition on
 * the same resource) and `relationLeft` (follow `relationDefinition` to its
 * targets, of `targetRelationDefinitionNamespace`, and evaluate
 * `targetRelationDefinition` there); other children hold for no one.
 * Without a ReBAC schema, the FGA schema answers.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Authz.js"
import { evaluator, targetSet, type Tuple, tupleKey } from "../fga/Evaluate.js"
import type { Definition, Expr, Model } from "../fga/Model.js"
import * as Store from "../fga/Store.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import * as W from "../Wire.js"

const nothing: Expr = { _tag: "Ref", name: "" }

const exprOf = (n: Wire.Node): Expr => {
  const children = (n.children ?? []).map(exprOf)
  const fold = (tag: "Or" | "And" | "But") =>
    children.length === 0
      ? nothing
      : children.slice(1).reduce((left, right) => ({ _tag: tag, left, right }), children[0]!)
  switch (n.nType) {
    case "union":
      return fold("Or")
    case "intersect":
      return fold("And")
    case "sub":
      return children.length === 0 ? nothing : children.length === 1 ? children[0]! : {
        _tag: "But",
        left: children[0]!,
        right: restOr(children)
      }
    default: {
      const e = n.expression
      if (e === undefined) return nothing
      if (e.neType === "self") return { _tag: "This" }
      if (e.neType === "targetSet" && e.relationDefinition !== undefined) {
        return { _tag: "Ref", name: e.relationDefinition }
      }
      if (
        e.neType === "relationLeft" && e.relationDefinition !== undefined && e.targetRelationDefinition !== undefined
      ) {
        return {
          _tag: "Arrow",
          via: e.relationDefinition,
          name: e.targetRelationDefinition,
          targetType: e.targetRelationDefinitionNamespace
        }
      }
      return nothing
    }
  }
}

const restOr = (children: ReadonlyArray<Expr>): Expr =>
  children.slice(2).reduce((left: Expr, right) => ({ _tag: "Or", left, right }), children[1] ?? nothing)

/**
 * The model of a ReBAC schema.
 *
 * @since 0.2.0
 * @category constructors
 */
export const modelOf = (schema: Wire.AuthzSchema): Model => ({
  types: new Map(
    schema.namespaces.map((ns) => [
      ns.name,
      new Map<string, Definition>(
        ns.relationDefinitions.map((rd) => [
          rd.name,
          {
            name: rd.name,
            kind: "relation",
            types: undefined,
            expr: rd.complexDefinition === undefined ? undefined : exprOf(rd.complexDefinition)
          }
        ])
      )
    ])
  )
})

const schemaOf = (ctx: Ctx): Wire.AuthzSchema =>
  (Store.of(ctx.p).authzSchema as Wire.AuthzSchema | undefined) ?? { namespaces: [] }

const modelFor = (ctx: Ctx): Model => {
  const s = Store.of(ctx.p)
  return s.authzSchema !== undefined ? modelOf(s.authzSchema as Wire.AuthzSchema) : s.model ?? { types: new Map() }
}

const setSchema = (ctx: Ctx, schema: Wire.AuthzSchema) => {
  const s = Store.of(ctx.p)
  s.authzSchema = schema
  s.modified.schema = ctx.now
  const model = modelOf(schema)
  Store.removeWhere(s, (t) => model.types.get(t.resourceType)?.has(t.relation) !== true, ctx.now)
}

const toTuple = (r: Wire.Relation): Tuple =>
  r.target !== undefined && r.target !== ""
    ? { resource: r.resource, resourceType: r.namespace, relation: r.relationDefinition, target: r.target }
    : {
      resource: r.resource,
      resourceType: r.namespace,
      relation: r.relationDefinition,
      target: `${r.targetSetResource ?? ""}#${r.targetSetRelationDefinition ?? ""}`,
      targetType: r.targetSetRelationDefinitionNamespace ?? r.namespace
    }

const toRelation = (t: Tuple): Wire.Relation => {
  const set = targetSet(t.target)
  return set === undefined
    ? { resource: t.resource, relationDefinition: t.relation, namespace: t.resourceType, target: t.target }
    : {
      resource: t.resource,
      relationDefinition: t.relation,
      namespace: t.resourceType,
      targetSetResource: set[0],
      targetSetRelationDefinition: set[1],
      targetSetRelationDefinitionNamespace: t.targetType ?? t.resourceType
    }
}

const tuples = (ctx: Ctx) => [...Store.of(ctx.p).tuples.values()]

const subjects = (ctx: Ctx): ReadonlyArray<string> =>
  [...new Set(tuples(ctx).filter((t) => targetSet(t.target) === undefined).map((t) => t.target))].sort()

const resourcesOf = (ctx: Ctx, namespace: string): ReadonlyArray<string> =>
  [...new Set(tuples(ctx).filter((t) => t.resourceType === namespace).map((t) => t.resource))].sort()

const mutateSchema = (
  ctx: Ctx,
  f: (namespaces: Array<typeof Wire.Namespace.Type>) => Array<typeof Wire.Namespace.Type>
) => {
  const current = schemaOf(ctx)
  setSchema(ctx, { ...current, namespaces: f([...current.namespaces]) })
  return {}
}

/**
 * The ReBAC routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.saveSchema, (ctx, b) =>
    Effect.sync(() => {
      const current = schemaOf(ctx)
      const names = new Set(b.schema.namespaces.map((n) => n.name))
      const kept = b.upgrade === true ? [] : current.namespaces.filter((n) => !names.has(n.name))
      setSchema(ctx, { ...b.schema, namespaces: [...kept, ...b.schema.namespaces] })
      return {}
    })),
  H.endpoint(Wire.deleteSchema, (ctx) =>
    Effect.sync(() => {
      const s = Store.of(ctx.p)
      s.authzSchema = undefined
      s.dsl = undefined
      s.model = undefined
      s.modified.schema = ctx.now
      Store.removeWhere(s, () => true, ctx.now)
      return {}
    })),
  H.endpoint(Wire.loadSchema, (ctx) => Effect.succeed({ schema: schemaOf(ctx) })),
  H.endpoint(Wire.saveNamespace, (ctx, b) =>
    Effect.sync(() => {
      const old = b.oldName !== undefined && b.oldName !== "" ? b.oldName : b.namespace.name
      return mutateSchema(ctx, (nss) => [
        ...nss.filter((n) => n.name !== old && n.name !== b.namespace.name),
        b.namespace
      ])
    })),
  H.endpoint(Wire.deleteNamespace, (ctx, b) =>
    Effect.gen(function*() {
      if (!schemaOf(ctx).namespaces.some((n) => n.name === b.name)) {
        return yield* W.invalid(`unknown namespace: ${b.name}`)
      }
      return mutateSchema(ctx, (nss) => nss.filter((n) => n.name !== b.name))
    })),
  H.endpoint(Wire.saveRelationDefinition, (ctx, b) =>
    Effect.gen(function*() {
      if (!schemaOf(ctx).namespaces.some((n) => n.name === b.namespace)) {
        return yield* W.invalid(`unknown namespace: ${b.namespace}`)
      }
      const old = b.oldName !== undefined && b.oldName !== "" ? b.oldName : b.relationDefinition.name
      return mutateSchema(ctx, (nss) =>
        nss.map((n) =>
          n.name !== b.namespace ? n : {
            ...n,
            relationDefinitions: [
              ...n.relationDefinitions.filter((rd) => rd.name !== old && rd.name !== b.relationDefinition.name),
              b.relationDefinition
            ]
          }
        ))
    })),
  H.endpoint(
    Wire.deleteRelationDefinition,
    (ctx, b) =>
      Effect.sync(() =>
        mutateSchema(ctx, (nss) =>
          nss.map((n) =>
            n.name !== b.namespace
              ? n
              : {
                ...n,
                relationDefinitions: n.relationDefinitions.filter((rd) => rd.name !== b.name)
              }
          ))
      )
  ),
  H.endpoint(Wire.createRelations, (ctx, b) =>
    Effect.gen(function*() {
      const model = modelFor(ctx)
      for (const r of b.relations) {
        if (model.types.get(r.namespace)?.has(r.relationDefinition) !== true) {
          return yield* W.invalid(`unknown relation definition: ${r.namespace}#${r.relationDefinition}`)
        }
      }
      Store.add(Store.of(ctx.p), b.relations.map(toTuple), ctx.now)
      return {}
    })),
  H.endpoint(Wire.deleteRelations, (ctx, b) =>
    Effect.sync(() => {
      const gone = new Set(b.relations.map((r) => tupleKey(toTuple(r))))
      Store.removeWhere(Store.of(ctx.p), (t) => gone.has(tupleKey(t)), ctx.now)
      return {}
    })),
  H.endpoint(Wire.deleteRelationsForResources, (ctx, b) =>
    Effect.sync(() => {
      const ids = new Set(b.resources)
      Store.removeWhere(Store.of(ctx.p), (t) =>
        ids.has(t.resource) || ids.has(t.target) || ids.has(targetSet(t.target)?.[0] ?? ""), ctx.now)
      return {}
    })),
  H.endpoint(Wire.deleteResourceRelationsForResources, (ctx, b) =>
    Effect.sync(() => {
      const ids = new Set(b.resources)
      Store.removeWhere(Store.of(ctx.p), (t) => ids.has(t.resource), ctx.now)
      return {}
    })),
  H.endpoint(Wire.hasRelations, (ctx, b) =>
    Effect.sync(() => {
      const ev = evaluator(modelFor(ctx), tuples(ctx))
      return {
        relationQueries: b.relationQueries.map((q) => ({
          ...q,
          hasRelation: ev.check(q.namespace, q.resource, q.relationDefinition, { id: q.target })
        }))
      }
    })),
  H.endpoint(Wire.whoCanAccess, (ctx, b) =>
    Effect.sync(() => {
      const ev = evaluator(modelFor(ctx), tuples(ctx))
      return { targets: subjects(ctx).filter((id) => ev.check(b.namespace, b.resource, b.relationDefinition, { id })) }
    })),
  H.endpoint(Wire.resourceRelations, (ctx, b) =>
    Effect.succeed({
      relations: tuples(ctx)
        .filter((t) =>
          t.resource === b.resource && (b.ignoreTargetSetRelations !== true || targetSet(t.target) === undefined)
        )
        .map(toRelation)
    })),
  H.endpoint(Wire.targetsRelations, (ctx, b) =>
    Effect.sync(() => {
      const targets = new Set(b.targets)
      const ev = evaluator(modelFor(ctx), tuples(ctx))
      return {
        relations: tuples(ctx).filter((t) => {
          const set = targetSet(t.target)
          if (set === undefined) return targets.has(t.target)
          return b.includeTargetSetRelations === true &&
            b.targets.some((id) => ev.check(t.targetType ?? t.resourceType, set[0], set[1], { id }))
        }).map(toRelation)
      }
    })),
  H.endpoint(Wire.whatCanTargetAccess, (ctx, b) =>
    Effect.sync(() => {
      const model = modelFor(ctx)
      const ev = evaluator(model, tuples(ctx))
      const relations: Array<Wire.Relation> = []
      for (const [namespace, defs] of model.types) {
        for (const resource of resourcesOf(ctx, namespace)) {
          for (const name of defs.keys()) {
            if (ev.check(namespace, resource, name, { id: b.target })) {
              relations.push({ resource, relationDefinition: name, namespace, target: b.target })
            }
          }
        }
      }
      return { relations }
    })),
  H.endpoint(Wire.whatCanTargetAccessWithRelation, (ctx, b) =>
    Effect.sync(() => {
      const ev = evaluator(modelFor(ctx), tuples(ctx))
      return {
        resources: resourcesOf(ctx, b.namespace).filter((r) =>
          ev.check(b.namespace, r, b.relationDefinition, { id: b.target })
        )
      }
    })),
  H.endpoint(Wire.getModified, (ctx, b) =>
    Effect.sync(() => {
      const m = Store.of(ctx.p).modified
      const since = (map: ReadonlyMap<string, number>) =>
        [...map].filter(([, at]) => at >= b.since).map(([id]) => id).sort()
      return { resources: since(m.resources), targets: since(m.targets), schemaChanged: m.schema >= b.since }
    }))
]
