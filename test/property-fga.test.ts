/**
 * The FGA check evaluator (`src/emulator/fga/Evaluate.ts`, top-down with recursion cut on the derivation
 * path) against an independent oracle: a bottom-up, stratified, brute-force fixpoint over every fact of a
 * small random relation graph, computed from the generated schema itself (the evaluator gets the schema as
 * DSL text, through the parser). Schemas are stratified as Descope's are meant to be: an exclusion's
 * right side and a set target name relations, so relations never depend on permissions.
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { evaluator, type Tuple } from "../src/emulator/fga/Evaluate.js"
import { parse } from "../src/emulator/fga/Model.js"

const TYPES = ["a", "b"] as const
const IDS = ["0", "1", "2"] as const
const RELATIONS = ["r0", "r1"] as const
const PERMISSIONS = ["p0", "p1"] as const

type E =
  | { readonly k: "ref"; readonly name: string }
  | { readonly k: "arrow"; readonly via: string; readonly name: string }
  | { readonly k: "or" | "and"; readonly l: E; readonly r: E }
  | { readonly k: "but"; readonly l: E; readonly r: string }

interface TypeDef {
  readonly relations: ReadonlyArray<ReadonlyArray<string>> // allowed target refs per relation: "a" or "a#r0"
  readonly permissions: ReadonlyArray<E> // p0 may name r*, arrows; p1 may also name p0
}

const targetRef = fc.constantFrom(...TYPES, ...TYPES.flatMap((t) => RELATIONS.map((r) => `${t}#${r}`)))

const expr = (names: ReadonlyArray<string>): fc.Arbitrary<E> => {
  const leaf: fc.Arbitrary<E> = fc.oneof(
    fc.constantFrom(...names).map((name): E => ({ k: "ref", name })),
    fc.record({ via: fc.constantFrom(...RELATIONS), name: fc.constantFrom(...RELATIONS, ...PERMISSIONS) }).map(
      (x): E => ({ k: "arrow", ...x })
    )
  )
  return fc.letrec<{ e: E }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.record({ k: fc.constantFrom("or" as const, "and" as const), l: tie("e"), r: tie("e") }),
      fc.record({ k: fc.constant("but" as const), l: tie("e"), r: fc.constantFrom(...RELATIONS) })
    )
  })).e
}

const typeDef: fc.Arbitrary<TypeDef> = fc.record({
  // Each relation allows a plain type, so that an arrow through it names something (the parser checks it).
  relations: fc.tuple(
    ...RELATIONS.map(() =>
      fc.tuple(fc.constantFrom(...TYPES), fc.uniqueArray(targetRef, { maxLength: 3 })).map(([plain, more]) => [
        ...new Set([plain, ...more])
      ])
    )
  ),
  permissions: fc.tuple(expr(RELATIONS), expr([...RELATIONS, "p0"]))
})

const tuple: fc.Arbitrary<Tuple> = fc.record({
  resourceType: fc.constantFrom(...TYPES),
  resource: fc.constantFrom(...IDS),
  relation: fc.constantFrom(...RELATIONS),
  targetType: fc.constantFrom(...TYPES),
  target: fc.oneof(
    fc.constantFrom(...IDS),
    fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...RELATIONS)).map(([i, r]) => `${i}#${r}`)
  )
})

const render = (e: E): string => {
  switch (e.k) {
    case "ref":
      return e.name
    case "arrow":
      return `${e.via}.${e.name}`
    case "or":
      return `(${render(e.l)} | ${render(e.r)})`
    case "and":
      return `(${render(e.l)} & ${render(e.r)})`
    case "but":
      return `(${render(e.l)} - ${e.r})`
  }
}

const dslOf = (defs: ReadonlyArray<TypeDef>): string =>
  [
    "model AuthZ 1.0",
    ...TYPES.flatMap((t, i) => [
      `type ${t}`,
      ...RELATIONS.map((r, j) => `  relation ${r}: ${defs[i]!.relations[j]!.join(" | ")}`),
      ...PERMISSIONS.map((p, j) => `  permission ${p}: ${render(defs[i]!.permissions[j]!)}`)
    ])
  ].join("\n")

/** Every fact `type:id#name@subjType:subjId`, bottom-up: relations to a fixpoint, then permissions. */
const oracle = (defs: ReadonlyArray<TypeDef>, tuples: ReadonlyArray<Tuple>): Set<string> => {
  const facts = new Set<string>()
  const key = (t: string, id: string, name: string, st: string, sid: string) => `${t}:${id}#${name}@${st}:${sid}`
  const subjects = TYPES.flatMap((st) => IDS.map((sid) => [st, sid] as const))
  const objects = TYPES.flatMap((t) => IDS.map((id) => [t, id] as const))
  const relationHolds = (t: string, id: string, name: string, st: string, sid: string) =>
    tuples.some((x) => {
      if (x.resourceType !== t || x.resource !== id || x.relation !== name) return false
      const [target, setRel] = x.target.split("#")
      return setRel === undefined
        ? target === sid && x.targetType === st
        : facts.has(key(x.targetType!, target!, setRel, st, sid))
    })
  const evalE = (e: E, t: string, id: string, st: string, sid: string): boolean => {
    switch (e.k) {
      case "ref":
        return facts.has(key(t, id, e.name, st, sid))
      case "arrow":
        return tuples.some((x) =>
          x.resourceType === t && x.resource === id && x.relation === e.via && !x.target.includes("#") &&
          facts.has(key(x.targetType!, x.target, e.name, st, sid))
        )
      case "or":
        return evalE(e.l, t, id, st, sid) || evalE(e.r, t, id, st, sid)
      case "and":
        return evalE(e.l, t, id, st, sid) && evalE(e.r, t, id, st, sid)
      case "but":
        return evalE(e.l, t, id, st, sid) && !facts.has(key(t, id, e.r, st, sid))
    }
  }
  const saturate = (step: (t: string, id: string, st: string, sid: string) => ReadonlyArray<[string, boolean]>) => {
    for (let changed = true; changed;) {
      changed = false
      for (const [t, id] of objects) {
        for (const [st, sid] of subjects) {
          for (const [name, holds] of step(t, id, st, sid)) {
            const k = key(t, id, name, st, sid)
            if (holds && !facts.has(k)) {
              facts.add(k)
              changed = true
            }
          }
        }
      }
    }
  }
  saturate((t, id, st, sid) => RELATIONS.map((r) => [r, relationHolds(t, id, r, st, sid)]))
  saturate((t, id, st, sid) =>
    PERMISSIONS.map((p, j) => [p, evalE(defs[TYPES.indexOf(t as "a")]!.permissions[j]!, t, id, st, sid)])
  )
  return facts
}

describe("FGA evaluator vs a brute-force fixpoint", () => {
  it("every check of every object, definition and subject agrees", () => {
    fc.assert(
      fc.property(fc.tuple(typeDef, typeDef), fc.array(tuple, { maxLength: 14 }), (defs, tuples) => {
        const parsed = parse(dslOf(defs))
        assert.strictEqual(parsed._tag, "Right", parsed._tag === "Left" ? JSON.stringify(parsed.error) : "")
        if (parsed._tag === "Left") return
        const ev = evaluator(parsed.model, tuples)
        const facts = oracle(defs, tuples)
        for (const t of TYPES) {
          for (const id of IDS) {
            for (const name of [...RELATIONS, ...PERMISSIONS]) {
              for (const st of TYPES) {
                for (const sid of IDS) {
                  assert.strictEqual(
                    ev.check(t, id, name, { type: st, id: sid }),
                    facts.has(`${t}:${id}#${name}@${st}:${sid}`),
                    `${t}:${id}#${name}@${st}:${sid}`
                  )
                }
              }
            }
          }
        }
      }),
      { numRuns: 150 }
    )
  })
})
