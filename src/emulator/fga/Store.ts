/**
 * One relation store per emulated project, shared by the FGA and ReBAC
 * (authz) endpoints: the saved FGA schema (DSL and model), the ReBAC schema,
 * the tuples, resource details and what changed when.
 *
 * @since 0.2.0
 */
import type { ProjectState } from "../EmulatorState.js"
import { type Tuple, tupleKey } from "./Evaluate.js"
import type { Model } from "./Model.js"

/**
 * A project's relation store.
 *
 * @since 0.2.0
 * @category models
 */
export interface FgaStore {
  dsl: string | undefined
  model: Model | undefined
  /** The ReBAC schema as saved (`mgmt.authz.saveSchema`), when it was. */
  authzSchema: unknown
  readonly tuples: Map<string, Tuple>
  readonly details: Map<
    string,
    { readonly resourceId: string; readonly resourceType: string; readonly displayName?: string | undefined }
  >
  /** Millis of the last change of each resource and target, and of the schema. */
  readonly modified: { readonly resources: Map<string, number>; readonly targets: Map<string, number>; schema: number }
}

const stores = new WeakMap<ProjectState, FgaStore>()

/**
 * The store of a project (created empty on first use).
 *
 * @since 0.2.0
 * @category queries
 */
export const of = (p: ProjectState): FgaStore => {
  let s = stores.get(p)
  if (s === undefined) {
    s = {
      dsl: undefined,
      model: undefined,
      authzSchema: undefined,
      tuples: new Map(),
      details: new Map(),
      modified: { resources: new Map(), targets: new Map(), schema: -1 }
    }
    stores.set(p, s)
  }
  return s
}

const touch = (s: FgaStore, t: Tuple, now: number) => {
  s.modified.resources.set(t.resource, now)
  s.modified.targets.set(t.target, now)
}

/**
 * Adds tuples (an existing one is kept once).
 *
 * @since 0.2.0
 * @category actions
 */
export const add = (s: FgaStore, tuples: ReadonlyArray<Tuple>, now: number): void => {
  for (const t of tuples) {
    s.tuples.set(tupleKey(t), t)
    touch(s, t, now)
  }
}

/**
 * Removes the tuples `gone` selects.
 *
 * @since 0.2.0
 * @category actions
 */
export const removeWhere = (s: FgaStore, gone: (t: Tuple) => boolean, now: number): void => {
  for (const [k, t] of s.tuples) {
    if (gone(t)) {
      s.tuples.delete(k)
      touch(s, t, now)
    }
  }
}
