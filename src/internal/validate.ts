/**
 * The client-side argument checks, in one place. Each fails with
 * `InvalidArgumentError` naming the field, before anything is sent. They refuse
 * only what Descope refuses too: the server has the last word on everything
 * else.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { InvalidArgumentError } from "../core/DescopeError.js"

/** A secret input: a `Redacted` string, or a plain string. */
export type Secret = Redacted.Redacted<string> | string

const invalid = (field: string, reason: string): Effect.Effect<never, InvalidArgumentError> =>
  Effect.fail(new InvalidArgumentError({ field, reason }))

/** The text of a secret input (unwrapped only for the request). */
export const reveal = (secret: Secret): string => (Redacted.isRedacted(secret) ? Redacted.value(secret) : secret)

/** A secret input as `Redacted`. */
export const redacted = (secret: Secret): Redacted.Redacted<string> =>
  Redacted.isRedacted(secret) ? secret : Redacted.make(secret)

/** `redacted` for optional secrets; an empty one is absent. */
export const redactedOptional = (secret: Secret | undefined): Redacted.Redacted<string> | undefined =>
  secret === undefined || reveal(secret) === "" ? undefined : redacted(secret)

/** A string that is not empty (nor blank). */
export const nonEmpty = (field: string, value: string | undefined): Effect.Effect<string, InvalidArgumentError> =>
  typeof value === "string" && value.trim() !== "" ? Effect.succeed(value) : invalid(field, "must not be empty")

/** A secret that is not empty; the value never appears in the error. */
export const nonEmptySecret = (
  field: string,
  value: Secret | undefined
): Effect.Effect<Redacted.Redacted<string>, InvalidArgumentError> =>
  value !== undefined && (Redacted.isRedacted(value) || typeof value === "string") && reveal(value) !== ""
    ? Effect.succeed(redacted(value))
    : invalid(field, "must not be empty")

/** A string that is not empty when one is given (`undefined` is absent). */
export const optionalNonEmpty = (
  field: string,
  value: string | undefined
): Effect.Effect<string | undefined, InvalidArgumentError> =>
  value === undefined ? Effect.succeed(undefined) : nonEmpty(field, value)

/**
 * The refresh token of a sign-in: optional (an empty one is absent), but
 * required with `stepup` or `mfa`, which act on the session of that token.
 */
export const signInToken = (
  loginOptions: { readonly stepup?: boolean | undefined; readonly mfa?: boolean | undefined } | undefined,
  refreshToken: Secret | undefined
): Effect.Effect<Redacted.Redacted<string> | undefined, InvalidArgumentError> => {
  const token = redactedOptional(refreshToken)
  return token === undefined && (loginOptions?.stepup === true || loginOptions?.mfa === true)
    ? invalid("refreshToken", "a refresh token is required for stepup or mfa")
    : Effect.succeed(token)
}

/** A list with at least one value and no empty value. */
export const nonEmptyList = (
  field: string,
  values: ReadonlyArray<string> | undefined
): Effect.Effect<void, InvalidArgumentError> =>
  values === undefined || values.length === 0
    ? invalid(field, "must hold at least one value")
    : values.some((v) => typeof v !== "string" || v.trim() === "")
    ? invalid(field, "must not hold an empty value")
    : Effect.void

/** A batch with at least one element. */
export const nonEmptyBatch = (
  field: string,
  values: ReadonlyArray<unknown> | undefined
): Effect.Effect<void, InvalidArgumentError> =>
  values === undefined || values.length === 0 ? invalid(field, "must hold at least one element") : Effect.void

/** Exactly one of `name` and `id` (not empty): the two ways a role or permission is identified. */
export const nameOrId = (
  o: { readonly name?: string | undefined; readonly id?: string | undefined }
): Effect.Effect<void, InvalidArgumentError> => {
  const hasName = o.name !== undefined && o.name.trim() !== ""
  const hasId = o.id !== undefined && o.id.trim() !== ""
  return hasName !== hasId ? Effect.void : invalid("name", "exactly one of name and id must be given")
}

/**
 * At least one of the selectors holds a value, and none an empty one. Batch
 * deletes use it: the server reads "no filter" as "everything".
 */
export const someSelected = (
  selectors: ReadonlyArray<readonly [field: string, values: ReadonlyArray<string> | undefined]>
): Effect.Effect<void, InvalidArgumentError> => {
  const given = selectors.filter(([, values]) => values !== undefined && values.length > 0)
  if (given.length === 0) {
    return invalid(
      selectors.map(([field]) => field).join(" / "),
      "must hold at least one value (an empty selection would match everything)"
    )
  }
  return Effect.all(given.map(([field, values]) => nonEmptyList(field, values)), { discard: true })
}

/** The pattern of {@link isEmail}, the SDK's one e-mail rule (documented there). */
export const EMAIL_PATTERN = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u

/**
 * The one e-mail rule of the SDK, deliberately loose so that it never refuses an address Descope accepts:
 * exactly one `@`, something on each side of it, and no white space (Unicode
 * `\s`) or control character (`\p{Cc}`) anywhere. Nothing else is checked:
 * no dot is required in the domain (node-sdk's own tests send `a@b.c` and
 * Descope accepts it), any other character, non-ASCII included, is allowed on
 * either side, and Descope has the last word on the rest. It accepts every
 * address node-sdk's pattern
 * (`^[a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*$`)
 * accepts and every RFC 5322 dot-atom address; what it refuses (no `@`, two,
 * an empty side, white space such as a trailing newline) node-sdk's pattern
 * refuses too.
 */
export const isEmail = (value: string): boolean => EMAIL_PATTERN.test(value)

/** An e-mail address that passes {@link isEmail}. */
export const email = (field: string, value: string | undefined): Effect.Effect<string, InvalidArgumentError> =>
  typeof value === "string" && isEmail(value) ? Effect.succeed(value) : invalid(field, "is not a valid email address")

/** An e-mail address that passes {@link isEmail} when one is given (an empty one is absent). */
export const optionalEmail = (field: string, value: string | undefined): Effect.Effect<void, InvalidArgumentError> =>
  value === undefined || value === "" || isEmail(value) ? Effect.void : invalid(field, "is not a valid email address")

/** The phone rule of the official SDKs for contact updates: E.164. */
export const PHONE_PATTERN = /^\+[1-9][0-9]{3,14}$/

/** A phone number that passes {@link PHONE_PATTERN}. */
export const phone = (field: string, value: string | undefined): Effect.Effect<string, InvalidArgumentError> =>
  typeof value === "string" && PHONE_PATTERN.test(value)
    ? Effect.succeed(value)
    : invalid(field, "is not a valid phone number (E.164, e.g. +12125551234)")

/** A whole number, not negative, when one is given. */
export const nonNegativeInt = (field: string, value: number | undefined): Effect.Effect<void, InvalidArgumentError> =>
  value === undefined || (Number.isInteger(value) && value >= 0)
    ? Effect.void
    : invalid(field, "must be a non-negative integer")

/** One of the allowed literals. */
export const oneOf = <M extends string, V extends M>(
  field: string,
  allowed: ReadonlyArray<M>,
  value: V
): Effect.Effect<V, InvalidArgumentError> =>
  allowed.includes(value)
    ? Effect.succeed(value)
    : invalid(field, `must be one of ${allowed.map((m) => `"${m}"`).join(", ")}`)

/** Runs `checks` (all of them, in order) and then `call`. */
export const checked = <A, E>(
  checks: ReadonlyArray<Effect.Effect<unknown, InvalidArgumentError>>,
  call: Effect.Effect<A, E>
): Effect.Effect<A, E | InvalidArgumentError> =>
  checks.length === 0
    ? call
    : checks.length === 1
    ? Effect.zipRight(checks[0]!, call)
    : Effect.zipRight(Effect.all(checks, { discard: true }), call)
