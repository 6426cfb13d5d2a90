/**
 * The consents users gave inbound (third-party) applications:
 * `/v1/mgmt/thirdparty/consents/*`. Searched a page at a time (`page` from 0,
 * python-sdk's `limit` and `tenantId` too), deleted by id, application, users
 * or tenant.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Num, opt, optional, Strings } from "../Fields.js"

/**
 * A consent a user gave an application.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Consent = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    appId: Schema.String,
    userId: Schema.String,
    tenantId: opt(Schema.String),
    scopes: opt(Strings),
    grantedBy: opt(Schema.String),
    createdTime: opt(Schema.Number)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type Consent = typeof Consent.Type

const m = { credential: "management" } as const

/**
 * `POST /v1/mgmt/thirdparty/consents/search` (`page` from 0, `limit` per page).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const searchConsents = Endpoint.post(
  "mgmt.inboundApplication.searchConsents",
  "/v1/mgmt/thirdparty/consents/search",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        appId: optional(Schema.String),
        userId: optional(Schema.String),
        consentId: optional(Schema.String),
        tenantId: optional(Schema.String),
        page: optional(Num),
        limit: optional(Num)
      })
    ),
    response: lazy(() => Schema.Struct({ consents: opt(Schema.Array(Consent)), total: opt(Schema.Number) })),
    description: "Searches consents"
  }
)

/**
 * `POST /v1/mgmt/thirdparty/consents/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteConsents = Endpoint.post(
  "mgmt.inboundApplication.deleteConsents",
  "/v1/mgmt/thirdparty/consents/delete",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        consentIds: optional(Strings),
        appId: optional(Schema.String),
        userIds: optional(Strings),
        tenantId: optional(Schema.String)
      })
    ),
    response: Endpoint.Empty,
    description: "Deletes consents by id, application and/or users"
  }
)

/**
 * `POST /v1/mgmt/thirdparty/consents/delete/tenant`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteTenantConsents = Endpoint.post(
  "mgmt.inboundApplication.deleteTenantConsents",
  "/v1/mgmt/thirdparty/consents/delete/tenant",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        tenantId: Schema.String,
        consentIds: optional(Strings),
        appId: optional(Schema.String)
      })
    ),
    response: Endpoint.Empty,
    description: "Deletes a tenant's consents"
  }
)
