/**
 * The project's scope to claims mapping: `/v1/mgmt/scopeClaimMapping/{get,set,delete}`
 * (every call a `POST`): which claims an OAuth scope adds to a token.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { opt, optional } from "../Fields.js"

/**
 * One mapping: a scope, the claims it adds (claim → value expression), a description.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Mapping = lazy(() =>
  Schema.Struct({
    scope: optional(Schema.String),
    claims: optional(Schema.Record({ key: Schema.String, value: Schema.String })),
    description: optional(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Mapping = typeof Mapping.Type

const m = { credential: "management" } as const

/**
 * `POST /v1/mgmt/scopeClaimMapping/get`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const get = Endpoint.post("mgmt.scopeClaimMapping.get", "/v1/mgmt/scopeClaimMapping/get", {
  ...m,
  response: lazy(() => Schema.Struct({ mappings: opt(Schema.Array(Mapping)) })),
  description: "Answers the scope to claims mapping"
})

/**
 * `POST /v1/mgmt/scopeClaimMapping/set`: replaces the mapping.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const set = Endpoint.post("mgmt.scopeClaimMapping.set", "/v1/mgmt/scopeClaimMapping/set", {
  ...m,
  request: lazy(() => Schema.Struct({ mappings: Schema.Array(Mapping) })),
  response: Endpoint.Empty,
  description: "Replaces the scope to claims mapping"
})

const del = Endpoint.post("mgmt.scopeClaimMapping.delete", "/v1/mgmt/scopeClaimMapping/delete", {
  ...m,
  response: Endpoint.Empty,
  description: "Deletes the scope to claims mapping"
})

export {
  /**
   * `POST /v1/mgmt/scopeClaimMapping/delete`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
