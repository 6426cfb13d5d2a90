/**
 * Wire helpers of the emulator: the Descope-shaped failure every handler may
 * answer with, the request context handed to handlers, and lenient readers of
 * JSON request bodies (JSON `null` reads as absent, §13.10).
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { ErrorCodes } from "../core/DescopeError.js"

/**
 * Error codes the emulator answers with: Descope's, from `core/DescopeError.ts`.
 *
 * @since 0.1.0
 * @category constants
 */
export const Codes = ErrorCodes

/**
 * The emulator's answer for a failed request: rendered as the Descope error
 * body `{ errorCode, errorDescription, errorMessage }` with `status`. It never
 * leaves the emulator as an error value.
 *
 * @since 0.1.0
 * @category errors
 */
export class WireError extends Data.TaggedError("WireError")<{
  readonly status: number
  readonly errorCode: string
  readonly errorDescription: string
  readonly errorMessage?: string | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
}> {}

/**
 * Builds a failing effect with a {@link WireError}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fail = (
  status: number,
  errorCode: string,
  errorDescription: string,
  errorMessage?: string
): Effect.Effect<never, WireError> => Effect.fail(new WireError({ status, errorCode, errorDescription, errorMessage }))

/**
 * 400 "missing argument".
 *
 * @since 0.1.0
 * @category constructors
 */
export const missing = (name: string): Effect.Effect<never, WireError> =>
  fail(400, Codes.MissingArguments, "Missing arguments", `Missing argument: ${name}`)

/**
 * 400 "invalid argument".
 *
 * @since 0.1.0
 * @category constructors
 */
export const invalid = (message: string): Effect.Effect<never, WireError> =>
  fail(400, Codes.InvalidArguments, "Invalid argument", message)

/**
 * 404 for an unknown management object.
 *
 * @since 0.1.0
 * @category constructors
 */
export const notFound = (what: string): Effect.Effect<never, WireError> =>
  fail(404, Codes.ManagementNotFound, "Not found", `${what} not found`)

/**
 * A JSON object body (after `null` members were removed).
 *
 * @since 0.1.0
 * @category models
 */
export type Json = Readonly<Record<string, unknown>>

/**
 * Removes every `null` member of objects, recursively (`null` = absent).
 *
 * @since 0.1.0
 * @category utils
 */
export const stripNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripNulls)
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (v !== null && v !== undefined) out[k] = stripNulls(v)
    }
    return out
  }
  return value
}

/**
 * Whether a value is a plain JSON object.
 *
 * @since 0.1.0
 * @category guards
 */
export const isObject = (u: unknown): u is Json => u !== null && typeof u === "object" && !Array.isArray(u)

/**
 * An optional string member (non-strings read as absent).
 *
 * @since 0.1.0
 * @category readers
 */
export const optStr = (b: Json, k: string): string | undefined => {
  const v = b[k]
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined
}

/**
 * An optional non-empty string member.
 *
 * @since 0.1.0
 * @category readers
 */
export const optNonEmpty = (b: Json, k: string): string | undefined => {
  const v = optStr(b, k)
  return v === undefined || v === "" ? undefined : v
}

/**
 * A required non-empty string member; 400 `E011002` when absent.
 *
 * @since 0.1.0
 * @category readers
 */
export const str = (b: Json, k: string): Effect.Effect<string, WireError> => {
  const v = b[k]
  if (v === undefined || v === "") return missing(k)
  if (typeof v !== "string") return invalid(`${k} must be a string`)
  return Effect.succeed(v)
}

/**
 * An optional boolean member.
 *
 * @since 0.1.0
 * @category readers
 */
export const optBool = (b: Json, k: string): boolean | undefined => {
  const v = b[k]
  return typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : undefined
}

/**
 * An optional number member (numeric strings accepted).
 *
 * @since 0.1.0
 * @category readers
 */
export const optNum = (b: Json, k: string): number | undefined => {
  const v = b[k]
  if (typeof v === "number" && Number.isFinite(v)) return v
  if (typeof v === "string" && v !== "" && Number.isFinite(Number(v))) return Number(v)
  return undefined
}

/**
 * An optional array of strings (non-string elements dropped).
 *
 * @since 0.1.0
 * @category readers
 */
export const optStrs = (b: Json, k: string): ReadonlyArray<string> | undefined => {
  const v = b[k]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined
}

/**
 * An optional nested object (absent → `{}`).
 *
 * @since 0.1.0
 * @category readers
 */
export const obj = (b: Json, k: string): Json => {
  const v = b[k]
  return isObject(v) ? v : {}
}

/**
 * An optional nested object, `undefined` when absent.
 *
 * @since 0.1.0
 * @category readers
 */
export const optObj = (b: Json, k: string): Json | undefined => {
  const v = b[k]
  return isObject(v) ? v : undefined
}

/**
 * An optional array of objects.
 *
 * @since 0.1.0
 * @category readers
 */
export const objs = (b: Json, k: string): ReadonlyArray<Json> => {
  const v = b[k]
  return Array.isArray(v) ? v.filter(isObject) : []
}
