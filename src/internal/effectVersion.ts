/**
 * The import-time check of the installed `effect`: every entry point of the
 * package imports this module first, so that an `effect` of another major
 * (or an older 3.x) fails with one sentence naming both versions instead of a
 * `TypeError` deep inside a module.
 *
 * The installed version is read from a value `effect/Effect` already carries
 * (`Effect.void[Symbol.for("effect/Effect")]._V`, which effect 3 stamps on
 * every effect): no file is read and no module is added to the import, so the
 * check costs one property read. Not a promise to users: kept out of the
 * barrel and the exports map.
 *
 * Limits: an `effect` whose modules cannot even be linked (effect 4 has no
 * `effect/ConfigError`, nor the modules `@effect/platform` 0.x imports) fails in
 * the linker before any module of the program runs, this one included. Under
 * Node, the package's entry points (`*.checked.js`) therefore check the
 * installed package first (`effectPeer.ts`); under a bundler, the bundle fails
 * to build instead.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { incompatibility } from "./effectRequirement.js"

/**
 * The version of the `effect` this module was linked against, when it says.
 *
 * @since 0.2.0
 * @category getters
 */
export const installedEffectVersion = (): string | undefined => {
  const variance: unknown = (Effect.void as unknown as Record<symbol, unknown>)[Symbol.for("effect/Effect")]
  const version = typeof variance === "object" && variance !== null
    ? (variance as { readonly _V?: unknown })._V
    : undefined
  return typeof version === "string" ? version : undefined
}

const problem = incompatibility(installedEffectVersion())
if (problem !== undefined) throw new Error(problem)
