/**
 * A schema built on its first use: the endpoint catalogue describes several
 * hundred request and answer schemas, and building them all when the SDK is
 * imported was most of its import time, while a program uses a few. `lazy`
 * returns a stand-in of exactly the built schema's type that builds it (once)
 * the first time anything reads it: its `ast`, its `fields`, a `pipe` or an
 * `annotations` call, `Schema.decode*` and `Schema.encode*` (which read its
 * `ast`). The stand-in is stable, so caches keyed by schema keep working.
 *
 * @internal
 */

/** How many stand-ins were made, and how many of them built their schema (see {@link stats}). */
let made = 0
let built = 0

/** How many lazy schemas were made and how many were built so far (tests check that importing builds none). */
export const stats = (): { readonly made: number; readonly built: number } => ({ made, built })

/** The stand-ins whose schema is not built yet. */
const pending = new WeakSet<object>()

/**
 * Whether `u` is a stand-in whose schema is not built yet: what is built from
 * it (an optional field of that schema, say) should then be lazy too.
 */
export const isPending = (u: unknown): boolean => typeof u === "function" && pending.has(u)

/** A stand-in's state, found from its proxy target (one target per stand-in). */
interface Cell {
  build: (() => object) | undefined
  schema: object | undefined
  readonly standIn: object
}

const cells = new WeakMap<object, Cell>()

/** The schema of the stand-in whose target is `target`, built on the first call. */
const real = (target: object): object => {
  const cell = cells.get(target)!
  if (cell.schema === undefined) {
    cell.schema = cell.build!()
    cell.build = undefined
    built++
    pending.delete(cell.standIn)
  }
  return cell.schema
}

/**
 * One handler for every stand-in (the import path makes several hundred stand-ins: a handler of their own,
 * with its closures, for each was a measurable part of the import). It forwards everything to the built schema.
 */
const handler: ProxyHandler<object> = {
  get: (target, key) => {
    const schema = real(target)
    return Reflect.get(schema, key, schema)
  },
  has: (target, key) => Reflect.has(real(target), key),
  set: (target, key, value) => Reflect.set(real(target), key, value),
  apply: (target, self, args) => Reflect.apply(real(target) as (...args: Array<unknown>) => unknown, self, args),
  construct: (target, args) => Reflect.construct(real(target) as new(...args: Array<unknown>) => object, args),
  getPrototypeOf: (target) => Reflect.getPrototypeOf(real(target)),
  ownKeys: (target) => Reflect.ownKeys(real(target)),
  getOwnPropertyDescriptor: (target, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(real(target), key)
    // a proxy may not report a non-configurable property its target lacks (e.g. a class's `prototype`)
    return descriptor === undefined ? undefined : { ...descriptor, configurable: true }
  },
  defineProperty: (target, key, descriptor) => Reflect.defineProperty(real(target), key, descriptor)
}

/** Bound to make each stand-in's target: a function (so that a stand-in is callable as schemas are), no closure. */
const noop = (): void => {}

/**
 * A schema built on first use (see the module doc). `build` must be pure: it
 * runs once, when the schema is first read.
 */
export const lazy = <S extends object>(build: () => S): S => {
  made++
  const target = noop.bind(undefined)
  const standIn = new Proxy(target, handler) as unknown as S
  cells.set(target, { build, schema: undefined, standIn })
  pending.add(standIn)
  return standIn
}

/**
 * A parser (a `Schema.decode*` / `Schema.encode*` function) made on its first
 * call: making one compiles the schema's AST, and builds a {@link lazy} schema,
 * so a module that keeps parsers for later (the emulator's route table, say)
 * makes them when they are first used, not when it is imported.
 */
export const lazyParser = <Args extends ReadonlyArray<unknown>, R>(
  make: () => (...args: Args) => R
): (...args: Args) => R => {
  let parse: ((...args: Args) => R) | undefined
  return (...args) => (parse ??= make())(...args)
}
