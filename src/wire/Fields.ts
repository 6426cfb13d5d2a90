/**
 * Building blocks of the catalogue's schemas: how Descope's JSON is read and
 * written, once. Answers are read leniently (`null` is absent); requests that
 * the emulator decodes accept what Descope accepts (numbers as numeric
 * strings, booleans as `"true"` / `"false"`), while the client always sends
 * the canonical form.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { isPending, lazy } from "../internal/lazySchema.js"

/** The property signatures built by `opt` and `optional`, by schema (a schema is an immutable value). */
const nullables = new WeakMap<object, unknown>()
const optionals = new WeakMap<object, unknown>()

/**
 * An optional answer field that Descope may also send as `null` (built once
 * per schema, as {@link optional}).
 *
 * @since 0.2.0
 * @category schemas
 */
export const opt = <S extends Schema.Schema.Any>(s: S): Schema.optional<Schema.NullOr<S>> => {
  const known = nullables.get(s) as Schema.optional<Schema.NullOr<S>> | undefined
  if (known !== undefined) return known
  const made = isPending(s) ? lazy(() => Schema.optional(Schema.NullOr(s))) : Schema.optional(Schema.NullOr(s))
  nullables.set(s, made)
  return made
}

/**
 * An optional field: `Schema.optional`, built once per schema. A schema is an
 * immutable value, so the catalogue's hundreds of `optional(Schema.String)`
 * fields share one property signature: importing the SDK builds each only
 * once (most of the catalogue's import cost was rebuilding them). The field
 * of a catalogue schema not built yet is built on first use with it.
 *
 * @since 0.2.0
 * @category schemas
 */
export const optional = <S extends Schema.Schema.All>(s: S): Schema.optional<S> => {
  const known = optionals.get(s) as Schema.optional<S> | undefined
  if (known !== undefined) return known
  const made = isPending(s) ? lazy(() => Schema.optional(s)) : Schema.optional(s)
  optionals.set(s, made)
  return made
}

/**
 * A number, also read from a numeric string (sent as a number).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Num: Schema.Schema<number, number | string> = Schema.Union(Schema.Number, Schema.NumberFromString)

/**
 * A boolean, also read from `"true"` / `"false"` (sent as a boolean).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Bool: Schema.Schema<boolean, boolean | "true" | "false"> = Schema.Union(
  Schema.Boolean,
  Schema.transform(Schema.Literal("true", "false"), Schema.Boolean, {
    strict: true,
    decode: (s) => s === "true",
    encode: (b) => (b ? "true" : "false")
  })
)

/**
 * A secret string: `Redacted` in the program, plain text on the wire only.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Secret: Schema.Schema<import("effect/Redacted").Redacted<string>, string> = Schema.Redacted(Schema.String)

/**
 * A list of strings.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Strings = Schema.Array(Schema.String)

/**
 * A JSON object with members of any kind (custom attributes, claims ...).
 *
 * @since 0.2.0
 * @category schemas
 */
export const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * An optional request field sent under another name on the wire
 * (`addToLoginIds` → `addToLoginIDs`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const renamed = <S extends Schema.Schema.Any, const Key extends string>(wireName: Key, s: S) =>
  Schema.optional(s).pipe(Schema.fromKey(wireName))
