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
 * Node's ES module linker before any module of the program runs, this one
 * included; the README's install lines name the versions for that reason.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"

/**
 * The `effect` range this package is built for (the peer dependency).
 *
 * @since 0.2.0
 * @category constants
 */
export const REQUIRED_EFFECT = "^3.22"

/**
 * The `@effect/platform` range that goes with {@link REQUIRED_EFFECT}.
 *
 * @since 0.2.0
 * @category constants
 */
export const REQUIRED_PLATFORM = "^0.97"

const MAJOR = 3
const MIN_MINOR = 22

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

/**
 * The one-sentence error for an `effect` version this package cannot run on,
 * or `undefined` when the version is supported.
 *
 * @since 0.2.0
 * @category guards
 */
export const incompatibility = (version: string | undefined): string | undefined => {
  const match = version === undefined ? null : /^(\d+)\.(\d+)\./.exec(version)
  if (match !== null && Number(match[1]) === MAJOR && Number(match[2]) >= MIN_MINOR) return undefined
  const installed = version === undefined ? "an effect that is not effect 3" : `effect ${version}`
  return `descope-effect needs effect ${REQUIRED_EFFECT} and @effect/platform ${REQUIRED_PLATFORM}, but ${installed} is installed: run npm install effect@${REQUIRED_EFFECT} @effect/platform@${REQUIRED_PLATFORM}`
}

const problem = incompatibility(installedEffectVersion())
if (problem !== undefined) throw new Error(problem)
