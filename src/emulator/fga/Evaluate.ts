/**
 * The emulator's relation store and the evaluation of a check against a
 * model: does `subject` have `name` on `object`? A relation holds through its
 * tuples (a tuple whose target is a set, `group1#member`, holds for every
 * member of the set); a permission through its expression. Recursion is cut
 * on the current derivation path only, so a recursive schema (a folder's
 * viewers are its parent's viewers) answers the least fixpoint; the subtrahend
 * of an exclusion is evaluated afresh.
 *
 * @since 0.2.0
 */
import type { Definition, Expr, Model } from "./Model.js"

/**
 * A saved relation: `target` (of `targetType`; `id#relation` for a set) has `relation` on `resource`
 * (of `resourceType`). `targetType` undefined: an untyped target (the ReBAC API's).
 *
 * @since 0.2.0
 * @category models
 */
export interface Tuple {
  readonly resource: string
  readonly resourceType: string
  readonly relation: string
  readonly target: string
  readonly targetType?: string | undefined
}

/**
 * A subject of a check: an object of a type (`type` undefined: untyped).
 *
 * @since 0.2.0
 * @category models
 */
export interface Subject {
  readonly type?: string | undefined
  readonly id: string
}

/**
 * The key of a tuple (its identity in the store).
 *
 * @since 0.2.0
 * @category getters
 */
export const tupleKey = (t: Tuple): string =>
  JSON.stringify([t.resourceType, t.resource, t.relation, t.targetType ?? null, t.target])

/**
 * The set part of a target (`group1#member` -> `["group1", "member"]`), or undefined.
 *
 * @since 0.2.0
 * @category parsing
 */
export const targetSet = (target: string): readonly [string, string] | undefined => {
  const at = target.indexOf("#")
  return at < 0 ? undefined : [target.slice(0, at), target.slice(at + 1)]
}

const MAX_FRESH = 16

const sameType = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b

/**
 * Evaluates checks against a model and a set of tuples (indexed once per evaluator).
 *
 * @since 0.2.0
 * @category constructors
 */
export const evaluator = (model: Model, tuples: ReadonlyArray<Tuple>) => {
  const byObject = new Map<string, Array<Tuple>>()
  for (const t of tuples) {
    const k = JSON.stringify([t.resourceType, t.resource, t.relation])
    const list = byObject.get(k)
    if (list === undefined) byObject.set(k, [t])
    else list.push(t)
  }
  const tuplesOf = (type: string, id: string, relation: string): ReadonlyArray<Tuple> =>
    byObject.get(JSON.stringify([type, id, relation])) ?? []

  let fresh = 0
  const holds = (type: string, id: string, name: string, s: Subject, path: Set<string>): boolean => {
    const def: Definition | undefined = model.types.get(type)?.get(name)
    if (def === undefined) return false
    const key = JSON.stringify([type, id, name, s.type ?? null, s.id])
    if (path.has(key)) return false
    path.add(key)
    try {
      return def.expr !== undefined ? expr(def, type, id, def.expr, s, path) : direct(def, type, id, s, path)
    } finally {
      path.delete(key)
    }
  }

  const direct = (def: Definition, type: string, id: string, s: Subject, path: Set<string>): boolean =>
    tuplesOf(type, id, def.name).some((t) => {
      const set = targetSet(t.target)
      if (set === undefined) return t.target === s.id && sameType(t.targetType, s.type)
      if (t.targetType === undefined) return false
      return holds(t.targetType, set[0], set[1], s, path)
    })

  const expr = (def: Definition, type: string, id: string, e: Expr, s: Subject, path: Set<string>): boolean => {
    switch (e._tag) {
      case "This":
        return direct(def, type, id, s, path)
      case "Ref":
        return holds(type, id, e.name, s, path)
      case "Arrow":
        return tuplesOf(type, id, e.via).some((t) => {
          const targetType = t.targetType ?? e.targetType
          return targetSet(t.target) === undefined && targetType !== undefined &&
            holds(targetType, t.target, e.name, s, path)
        })
      case "Or":
        return expr(def, type, id, e.left, s, path) || expr(def, type, id, e.right, s, path)
      case "And":
        return expr(def, type, id, e.left, s, path) && expr(def, type, id, e.right, s, path)
      case "But": {
        if (!expr(def, type, id, e.left, s, path)) return false
        // A subtrahend that leads back to its own exclusion (not stratified) is cut after a few rounds.
        if (fresh >= MAX_FRESH) return false
        fresh++
        try {
          return !expr(def, type, id, e.right, s, new Set())
        } finally {
          fresh--
        }
      }
    }
  }

  return {
    /** Does `subject` have `name` (a relation or permission of `type`) on the object `id`? */
    check: (type: string, id: string, name: string, subject: Subject): boolean =>
      holds(type, id, name, subject, new Set())
  }
}
