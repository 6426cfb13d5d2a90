/**
 * A tenant with the roles held in it, as requests carry it (`userTenants` of
 * users, `keyTenants` of access keys): `{ tenantId, roleNames }`, with
 * `roleNames` always sent (`[]` when none, as python-sdk does).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import { optional, Strings } from "../Fields.js"

const Program = lazy(() => Schema.Struct({ tenantId: Schema.String, roleNames: optional(Strings) }))

/**
 * `{ tenantId, roleNames? }` in the program; `roleNames` is sent as `[]` when not given.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AssociatedTenant = lazy(() =>
  Schema.transform(
    Schema.Struct({ tenantId: Schema.String, roleNames: optional(Strings) }),
    Program,
    {
      strict: true,
      decode: (wire) => wire,
      encode: (t) => ({ tenantId: t.tenantId, roleNames: t.roleNames ?? [] })
    }
  )
)

/**
 * @since 0.2.0
 * @category models
 */
export type AssociatedTenant = typeof AssociatedTenant.Type
