/**
 * `client.mgmt.engine` (node-sdk's `management.engine`): engines; an
 * engine's secret is answered `Redacted`, by `create` and `rotateSecret` only.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { checked, nonEmpty } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/Engine.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * An engine.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Engine = Wire.Engine

/**
 * @since 0.2.0
 * @category models
 */
export type Engine = Wire.Engine

/**
 * `client.mgmt.engine`.
 *
 * @since 0.2.0
 * @category models
 */
export interface EngineApi {
  /** Creates an engine; answers it with its secret. */
  readonly create: (name: string) => Effect.Effect<Engine, ManagementError>
  /** Renames an engine; answers it. */
  readonly update: (id: string, name: string) => Effect.Effect<Engine, ManagementError>
  /** Deletes an engine. */
  readonly delete: (id: string) => Effect.Effect<void, ManagementError>
  /** Loads an engine (without its secret). */
  readonly load: (id: string) => Effect.Effect<Engine, ManagementError>
  /** Every engine. */
  readonly loadAll: () => Effect.Effect<ReadonlyArray<Engine>, ManagementError>
  /** Replaces an engine's secret; answers the new one. */
  readonly rotateSecret: (id: string) => Effect.Effect<{ readonly secret: Redacted.Redacted<string> }, ManagementError>
}

/**
 * Builds `client.mgmt.engine`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): EngineApi => {
  const engine = (r: { readonly engine: Engine }) => r.engine
  return {
    create: (name) =>
      checked([nonEmpty("name", name)], Effect.map(mgmt.call(Wire.create, { request: { name } }), engine)),
    update: (id, name) =>
      checked(
        [nonEmpty("id", id), nonEmpty("name", name)],
        Effect.map(mgmt.call(Wire.update, { request: { id, name } }), engine)
      ),
    delete: (id) => checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(Wire.delete, { request: { id } }))),
    load: (id) => checked([nonEmpty("id", id)], Effect.map(mgmt.call(Wire.load, { request: { id } }), engine)),
    loadAll: () => Effect.map(mgmt.call(Wire.loadAll, {}), (r) => r.engines ?? []),
    rotateSecret: (id) => checked([nonEmpty("id", id)], mgmt.call(Wire.rotateSecret, { request: { id } }))
  }
}
