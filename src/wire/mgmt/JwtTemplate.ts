/**
 * JWT templates: `/v1/mgmt/jwt/templates/*` (every call a `POST`). A
 * template shapes the claims of the tokens Descope signs; the library holds
 * ready-made templates to apply. node-sdk's bodies (`{ template }`, `{ id }`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, opt, optional, Strings } from "../Fields.js"

const templateFields = {
  id: optional(Schema.String),
  name: optional(Schema.String),
  description: optional(Schema.String),
  template: optional(JsonObject),
  source: optional(Schema.String),
  tags: optional(Strings),
  authSchema: optional(Schema.String),
  type: optional(Schema.String),
  conformanceIssuer: optional(Bool),
  autoDCT: optional(Bool),
  enforceIssuer: optional(Bool),
  emptyClaimPolicy: optional(Schema.String),
  overrideSubject: optional(Bool),
  issuerType: optional(Schema.String),
  omitCustomClaimsFromDSR: optional(Bool),
  addJti: optional(Bool),
  excludePermissions: optional(Bool)
}

/**
 * A JWT template (node-sdk's `JWTTemplate`): `template` is the claims object.
 *
 * @since 0.2.0
 * @category schemas
 */
export const JwtTemplate = lazy(() => Schema.Struct(templateFields))

/**
 * @since 0.2.0
 * @category models
 */
export type JwtTemplate = typeof JwtTemplate.Type

/**
 * A template of the library.
 *
 * @since 0.2.0
 * @category schemas
 */
export const LibraryEntry = lazy(() =>
  Schema.Struct({
    ...templateFields,
    experimental: optional(Bool),
    logoLight: optional(Schema.String),
    logoDark: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type LibraryEntry = typeof LibraryEntry.Type

/**
 * The result of `validate`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ValidationResult = lazy(() =>
  Schema.Struct({
    valid: Schema.Boolean,
    issues: opt(
      Schema.Array(
        Schema.Struct({ message: opt(Schema.String), severity: opt(Schema.String), path: opt(Schema.String) })
      )
    )
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ValidationResult = typeof ValidationResult.Type

const Wrapped = lazy(() => Schema.Struct({ template: JwtTemplate }))
const ById = lazy(() => Schema.Struct({ id: Schema.String }))
const m = { credential: "management" } as const

/**
 * `POST /v1/mgmt/jwt/templates/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.post("mgmt.jwtTemplate.create", "/v1/mgmt/jwt/templates/create", {
  ...m,
  request: Wrapped,
  response: Wrapped,
  description: "Creates a JWT template"
})

/**
 * `POST /v1/mgmt/jwt/templates/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("mgmt.jwtTemplate.update", "/v1/mgmt/jwt/templates/update", {
  ...m,
  request: Wrapped,
  response: Wrapped,
  description: "Updates a JWT template (every field replaced)"
})

const del = Endpoint.post("mgmt.jwtTemplate.delete", "/v1/mgmt/jwt/templates/delete", {
  ...m,
  request: ById,
  response: Endpoint.Empty,
  description: "Deletes a JWT template"
})

/**
 * `POST /v1/mgmt/jwt/templates/list`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const list = Endpoint.post("mgmt.jwtTemplate.list", "/v1/mgmt/jwt/templates/list", {
  ...m,
  response: lazy(() => Schema.Struct({ templates: opt(Schema.Array(JwtTemplate)) })),
  description: "Lists the JWT templates"
})

/**
 * `POST /v1/mgmt/jwt/templates/load`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.post("mgmt.jwtTemplate.load", "/v1/mgmt/jwt/templates/load", {
  ...m,
  request: ById,
  response: Wrapped,
  description: "Loads a JWT template"
})

/**
 * `POST /v1/mgmt/jwt/templates/validate`: the stored template of `id`, or `template` when given.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const validate = Endpoint.post("mgmt.jwtTemplate.validate", "/v1/mgmt/jwt/templates/validate", {
  ...m,
  request: lazy(() => Schema.Struct({ id: Schema.String, template: optional(JwtTemplate) })),
  response: ValidationResult,
  description: "Validates a JWT template"
})

/**
 * `POST /v1/mgmt/jwt/templates/library/list`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const listLibrary = Endpoint.post("mgmt.jwtTemplate.listLibrary", "/v1/mgmt/jwt/templates/library/list", {
  ...m,
  response: lazy(() => Schema.Struct({ entries: opt(Schema.Array(LibraryEntry)) })),
  description: "Lists the JWT template library"
})

/**
 * `POST /v1/mgmt/jwt/templates/library/load`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadLibraryEntry = Endpoint.post(
  "mgmt.jwtTemplate.loadLibraryEntry",
  "/v1/mgmt/jwt/templates/library/load",
  {
    ...m,
    request: ById,
    response: lazy(() => Schema.Struct({ entry: LibraryEntry })),
    description: "Loads a library template"
  }
)

/**
 * `POST /v1/mgmt/jwt/templates/library/apply`: creates a template from a library entry.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const applyFromLibrary = Endpoint.post(
  "mgmt.jwtTemplate.applyFromLibrary",
  "/v1/mgmt/jwt/templates/library/apply",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        libraryEntryId: Schema.String,
        nameOverride: optional(Schema.String),
        descriptionOverride: optional(Schema.String),
        tagsOverride: optional(Strings),
        templateOverride: optional(JsonObject)
      })
    ),
    response: Wrapped,
    description: "Creates a JWT template from a library entry"
  }
)

export {
  /**
   * `POST /v1/mgmt/jwt/templates/delete`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
