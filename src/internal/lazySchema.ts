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

/** The stand-ins' target: a function, so that a stand-in is callable and constructible as schemas are. */
const target = (): void => {}

/**
 * A schema built on first use (see the module doc). `build` must be pure: it
 * runs once, when the schema is first read.
 */
export const lazy = <S extends object>(build: () => S): S => {
  let schema: S | undefined
  made++
  const real = (): S => {
    if (schema === undefined) {
      schema = build()
      built++
      pending.delete(standIn)
    }
    return schema
  }
  const standIn: S = new Proxy(target as unknown as S, {
    get: (_, key) => {
      const built = real()
      return Reflect.get(built, key, built)
    },
    has: (_, key) => Reflect.has(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    apply: (_, self, args) => Reflect.apply(real() as unknown as (...args: Array<unknown>) => unknown, self, args),
    construct: (_, args) => Reflect.construct(real() as unknown as new(...args: Array<unknown>) => object, args),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key)
      // a proxy may not report a non-configurable property its target lacks (e.g. a class's `prototype`)
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true }
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor)
  })
  pending.add(standIn)
  return standIn
}
