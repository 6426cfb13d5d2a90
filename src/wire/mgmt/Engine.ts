/**
 * Engines: `/v1/mgmt/engine/*` and `/v1/mgmt/engines/load`. An engine's
 * secret is answered by `create` and `rotate` only, as a `Secret`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { opt, Secret } from "../Fields.js"

/**
 * An engine, as Descope answers it (`secret` on create only).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Engine = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    secret: opt(Secret),
    createdTime: opt(Schema.Number)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Engine = typeof Engine.Type

const One = lazy(() => Schema.Struct({ engine: Engine }))
const ById = lazy(() => Schema.Struct({ id: Schema.String }))
const m = { credential: "management" } as const

/**
 * `POST /v1/mgmt/engine/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.post("mgmt.engine.create", "/v1/mgmt/engine/create", {
  ...m,
  request: lazy(() => Schema.Struct({ name: Schema.String })),
  response: One,
  description: "Creates an engine (its secret answered once)"
})

/**
 * `POST /v1/mgmt/engine/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("mgmt.engine.update", "/v1/mgmt/engine/update", {
  ...m,
  request: lazy(() => Schema.Struct({ id: Schema.String, name: Schema.String })),
  response: One,
  description: "Renames an engine"
})

const del = Endpoint.post("mgmt.engine.delete", "/v1/mgmt/engine/delete", {
  ...m,
  request: ById,
  response: Endpoint.Empty,
  description: "Deletes an engine"
})

/**
 * `GET /v1/mgmt/engine/load?id=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.get("mgmt.engine.load", "/v1/mgmt/engine/load", {
  ...m,
  request: ById,
  response: One,
  description: "Loads an engine"
})

/**
 * `GET /v1/mgmt/engines/load`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAll = Endpoint.get("mgmt.engine.loadAll", "/v1/mgmt/engines/load", {
  ...m,
  response: lazy(() => Schema.Struct({ engines: opt(Schema.Array(Engine)) })),
  description: "Loads every engine"
})

/**
 * `POST /v1/mgmt/engine/rotate`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const rotateSecret = Endpoint.post("mgmt.engine.rotateSecret", "/v1/mgmt/engine/rotate", {
  ...m,
  request: ById,
  response: lazy(() => Schema.Struct({ secret: Secret })),
  description: "Replaces an engine's secret; answers the new one"
})

export {
  /**
   * `POST /v1/mgmt/engine/delete`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
