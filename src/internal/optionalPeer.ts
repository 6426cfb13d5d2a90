/**
 * Optional peer dependencies, loaded on first use: a package a feature needs
 * but most users never install (e.g. `qrcode` for the emulator's TOTP QR
 * image) is imported lazily, and its absence is one line naming the package
 * to add, not an `ERR_MODULE_NOT_FOUND` stack. Not a promise to users: kept
 * out of the barrel and the exports map.
 *
 * @since 0.2.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"

/**
 * An optional package a feature needs is not installed.
 *
 * @since 0.2.0
 * @category errors
 */
export class MissingPeerError extends Data.TaggedError("MissingPeerError")<{
  /** The package to install, e.g. `qrcode`. */
  readonly packageName: string
  /** Its version range, e.g. `^1.5`. */
  readonly range: string
  /** What needs it, e.g. `the emulator's TOTP QR image`. */
  readonly feature: string
}> {
  /** @since 0.2.0 */
  override get message(): string {
    return `${this.feature} needs the optional package ${this.packageName}: npm install --save-dev ${this.packageName}@${this.range}`
  }
}

/**
 * Whether an import failure says that `packageName` itself is not installed
 * (not a module missing inside it, which stays a defect).
 *
 * @since 0.2.0
 * @category guards
 */
export const isMissingPackage = (error: unknown, packageName: string): boolean => {
  if (typeof error !== "object" || error === null) return false
  const { code, message } = error as { readonly code?: unknown; readonly message?: unknown }
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") return false
  return typeof message === "string" &&
    (message.includes(`Cannot find package '${packageName}'`) ||
      message.includes(`Cannot find module '${packageName}'`))
}

/**
 * Imports an optional package (`load` is `() => import("<packageName>")`):
 * fails with a {@link MissingPeerError} when the package is not installed;
 * any other failure is a defect.
 *
 * @since 0.2.0
 * @category constructors
 */
export const load = <A>(
  options: { readonly packageName: string; readonly range: string; readonly feature: string },
  load: () => Promise<A>
): Effect.Effect<A, MissingPeerError> =>
  Effect.tryPromise({ try: load, catch: (error) => error }).pipe(
    Effect.catchAll((error) =>
      isMissingPackage(error, options.packageName) ? Effect.fail(new MissingPeerError(options)) : Effect.die(error)
    )
  )
