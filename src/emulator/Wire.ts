/**
 * Wire helpers of the emulator: the Descope-shaped failure every handler may
 * answer with, and the JSON of a request body (JSON `null` reads as absent,
 * §13.10). A handler reads its request only through what a `Schema` decodes
 * (`Handler.endpoint` for Descope's routes, `Handler.decoding` for the
 * emulator's own), never member by member.
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
 * @category errors
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
 * @category errors
 */
export const missing = (name: string): Effect.Effect<never, WireError> =>
  fail(400, Codes.MissingArguments, "Missing arguments", `Missing argument: ${name}`)

/**
 * 400 "invalid argument".
 *
 * @since 0.1.0
 * @category errors
 */
export const invalid = (message: string): Effect.Effect<never, WireError> =>
  fail(400, Codes.InvalidArguments, "Invalid argument", message)

/**
 * 404 for an unknown management object.
 *
 * @since 0.1.0
 * @category errors
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
 * @category parsing
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
