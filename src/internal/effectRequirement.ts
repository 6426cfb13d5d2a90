/**
 * The `effect` (and `@effect/platform`) this package runs on, and the one
 * sentence that says so when another is installed. Shared by the two
 * import-time checks: `effectPeer.ts` (Node, before linking) and
 * `effectVersion.ts` (every bundle, from a value `effect/Effect` carries).
 * No import at all, so that either check can load it.
 *
 * Not a promise to users: kept out of the barrel and the exports map.
 *
 * @since 0.2.0
 */

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
