/**
 * The password policy of the project or a tenant: `/v1/mgmt/password/settings`.
 *
 * The non-alphanumeric rule is `nonAlphanumeric` on Descope's wire (python-sdk
 * and go-sdk send and read it, and the authentication policy answers it);
 * node-sdk's type spells it `nonAlphaNumeric`, the name kept in the program.
 * Both spellings are read; `nonAlphanumeric` is sent.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, Num, opt, optional } from "../Fields.js"

const wireFields = {
  enabled: opt(Bool),
  minLength: opt(Num),
  lowercase: opt(Bool),
  uppercase: opt(Bool),
  number: opt(Bool),
  nonAlphanumeric: opt(Bool),
  /** node-sdk's spelling, read too. */
  nonAlphaNumeric: opt(Bool),
  expiration: opt(Bool),
  expirationWeeks: opt(Num),
  reuse: opt(Bool),
  reuseAmount: opt(Num),
  lock: opt(Bool),
  lockAttempts: opt(Num)
}

const bool = optional(Schema.Boolean)
const num = optional(Schema.Number)

const programFields = {
  enabled: bool,
  minLength: num,
  lowercase: bool,
  uppercase: bool,
  number: bool,
  /** At least one character that is neither a letter nor a digit (wire `nonAlphanumeric`). */
  nonAlphaNumeric: bool,
  expiration: bool,
  expirationWeeks: num,
  reuse: bool,
  reuseAmount: num,
  lock: bool,
  lockAttempts: num
}

/** Drops the absent (and `null`) members. */
const present = <A extends object>(o: A): { readonly [K in keyof A]: Exclude<A[K], null> } =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as {
    readonly [K in keyof A]: Exclude<A[K], null>
  }

/**
 * Password settings (every field optional; `null` is absent).
 *
 * @since 0.2.0
 * @category schemas
 */
export const PasswordSettings = lazy(() =>
  Schema.transform(Schema.Struct(wireFields), Schema.Struct(programFields), {
    strict: true,
    decode: ({ nonAlphaNumeric, nonAlphanumeric, ...rest }) =>
      present({ ...rest, nonAlphaNumeric: nonAlphanumeric ?? nonAlphaNumeric ?? undefined }),
    encode: ({ nonAlphaNumeric, ...rest }) => present({ ...rest, nonAlphanumeric: nonAlphaNumeric })
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type PasswordSettings = typeof PasswordSettings.Type

/**
 * `GET /v1/mgmt/password/settings?tenantId=` (the project's for an empty tenant id).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getSettings = Endpoint.get("mgmt.password.getSettings", "/v1/mgmt/password/settings", {
  credential: "management",
  request: lazy(() => Schema.Struct({ tenantId: optional(Schema.String) })),
  response: PasswordSettings,
  description: "Loads the password settings of a tenant, or of the project"
})

/**
 * `POST /v1/mgmt/password/settings`: the settings, flat, with `tenantId`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const configureSettings = Endpoint.post("mgmt.password.configureSettings", "/v1/mgmt/password/settings", {
  credential: "management",
  request: lazy(() =>
    Schema.transform(
      Schema.Struct({ ...wireFields, tenantId: optional(Schema.String) }),
      Schema.Struct({ ...programFields, tenantId: optional(Schema.String) }),
      {
        strict: true,
        decode: ({ nonAlphaNumeric, nonAlphanumeric, ...rest }) =>
          present({ ...rest, nonAlphaNumeric: nonAlphanumeric ?? nonAlphaNumeric ?? undefined }),
        encode: ({ nonAlphaNumeric, ...rest }) => present({ ...rest, nonAlphanumeric: nonAlphaNumeric })
      }
    )
  ),
  response: Endpoint.Empty,
  description: "Configures the password settings of a tenant, or of the project"
})
