/**
 * Inbound (third-party) applications: `/v1/mgmt/thirdparty/app*` and
 * `/v2/mgmt/thirdparty/app*`. Applications your users grant access to
 * through Descope's OAuth server, each with a client id and a secret
 * (answered at creation, as a `Secret`). The bodies are node-sdk's, with
 * python-sdk's further fields (`jwtBearerSettings`, `customAttributes`,
 * `forcePkce`, `defaultAudience`). go-sdk's `/v2` forms (create, update,
 * patch, load, a page of applications) carry its further fields
 * (`scopeClaimMapping`, `clientType`, `forceDpop`). An application's secrets
 * are in `InboundApplicationSecret.ts`, the consents users gave it in
 * `InboundApplicationConsent.ts`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, JsonObject, Num, opt, optional, Secret, Strings } from "../Fields.js"

/**
 * A scope an application may ask for.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Scope = lazy(() =>
  Schema.Struct({
    name: Schema.String,
    description: optional(Schema.String),
    values: optional(Strings),
    optional: optional(Bool)
  })
)

const fields = {
  description: optional(Schema.String),
  logo: optional(Schema.String),
  loginPageUrl: optional(Schema.String),
  approvedCallbackUrls: optional(Strings),
  permissionsScopes: optional(lazy(() => Schema.Array(Scope))),
  attributesScopes: optional(lazy(() => Schema.Array(Scope))),
  jwtBearerSettings: optional(JsonObject),
  customAttributes: optional(JsonObject),
  forcePkce: optional(Bool),
  defaultAudience: optional(Schema.String)
}

/**
 * node-sdk's `InboundApplicationOptions` (and python-sdk's further fields).
 *
 * @since 0.2.0
 * @category schemas
 */
export const ApplicationOptions = lazy(() => Schema.Struct({ name: Schema.String, ...fields }))

/**
 * @since 0.2.0
 * @category models
 */
export type ApplicationOptions = typeof ApplicationOptions.Type

/**
 * An inbound application, as Descope answers it.
 *
 * @since 0.2.0
 * @category schemas
 */
export const InboundApplication = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    clientId: opt(Schema.String),
    name: opt(Schema.String),
    description: opt(Schema.String),
    logo: opt(Schema.String),
    loginPageUrl: opt(Schema.String),
    approvedCallbackUrls: opt(Strings),
    permissionsScopes: opt(Schema.Array(Scope)),
    attributesScopes: opt(Schema.Array(Scope)),
    jwtBearerSettings: opt(JsonObject),
    customAttributes: opt(JsonObject),
    forcePkce: opt(Schema.Boolean),
    defaultAudience: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type InboundApplication = typeof InboundApplication.Type

const ById = lazy(() => Schema.Struct({ id: Schema.String }))
const m = { credential: "management" } as const

/**
 * `POST /v1/mgmt/thirdparty/app/create`: answers the id, the client id and the secret.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createApplication = Endpoint.post(
  "mgmt.inboundApplication.createApplication",
  "/v1/mgmt/thirdparty/app/create",
  {
    ...m,
    request: ApplicationOptions,
    response: lazy(() => Schema.Struct({ id: Schema.String, clientId: Schema.String, cleartext: Secret })),
    description: "Creates an inbound application"
  }
)

/**
 * `POST /v1/mgmt/thirdparty/app/update` (every field replaced).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateApplication = Endpoint.post(
  "mgmt.inboundApplication.updateApplication",
  "/v1/mgmt/thirdparty/app/update",
  {
    ...m,
    request: lazy(() => Schema.Struct({ id: Schema.String, ...ApplicationOptions.fields })),
    response: Endpoint.Empty,
    description: "Updates an inbound application (every field replaced)"
  }
)

/**
 * `POST /v1/mgmt/thirdparty/app/patch` (only the fields given).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const patchApplication = Endpoint.post(
  "mgmt.inboundApplication.patchApplication",
  "/v1/mgmt/thirdparty/app/patch",
  {
    ...m,
    request: lazy(() => Schema.Struct({ id: Schema.String, name: optional(Schema.String), ...fields })),
    response: Endpoint.Empty,
    description: "Patches an inbound application (only the fields given)"
  }
)

/**
 * `POST /v1/mgmt/thirdparty/app/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteApplication = Endpoint.post(
  "mgmt.inboundApplication.deleteApplication",
  "/v1/mgmt/thirdparty/app/delete",
  { ...m, request: ById, response: Endpoint.Empty, description: "Deletes an inbound application" }
)

/**
 * `POST /v1/mgmt/thirdparty/app/delete/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteApplicationBatch = Endpoint.post(
  "mgmt.inboundApplication.deleteApplicationBatch",
  "/v1/mgmt/thirdparty/app/delete/batch",
  {
    ...m,
    request: lazy(() => Schema.Struct({ ids: Strings })),
    response: Endpoint.Empty,
    description: "Deletes several inbound applications"
  }
)

/**
 * `GET /v1/mgmt/thirdparty/app/load?id=`: the application itself (not wrapped).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadApplication = Endpoint.get(
  "mgmt.inboundApplication.loadApplication",
  "/v1/mgmt/thirdparty/app/load",
  { ...m, request: ById, response: InboundApplication, description: "Loads an inbound application" }
)

/**
 * `GET /v1/mgmt/thirdparty/apps/load`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAllApplications = Endpoint.get(
  "mgmt.inboundApplication.loadAllApplications",
  "/v1/mgmt/thirdparty/apps/load",
  {
    ...m,
    response: lazy(() => Schema.Struct({ apps: opt(Schema.Array(InboundApplication)) })),
    description: "Loads every inbound application"
  }
)

const v2Fields = {
  ...fields,
  scopeClaimMapping: optional(Schema.Unknown),
  clientType: optional(Schema.String),
  forceDpop: optional(Bool)
}

/**
 * go-sdk's `ThirdPartyApplicationRequest` (the `/v2` create and update).
 *
 * @since 0.2.0
 * @category schemas
 */
export const ApplicationOptionsV2 = lazy(() => Schema.Struct({ name: Schema.String, ...v2Fields }))

/**
 * @since 0.2.0
 * @category models
 */
export type ApplicationOptionsV2 = typeof ApplicationOptionsV2.Type

/**
 * An inbound application as the `/v2` endpoints answer it.
 *
 * @since 0.2.0
 * @category schemas
 */
export const InboundApplicationV2 = lazy(() =>
  Schema.Struct({
    ...InboundApplication.fields,
    scopeClaimMapping: opt(Schema.Unknown),
    clientType: opt(Schema.String),
    forceDpop: opt(Schema.Boolean)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type InboundApplicationV2 = typeof InboundApplicationV2.Type

/**
 * `POST /v2/mgmt/thirdparty/app/create` (go-sdk): answers the id and the secret.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createApplicationV2 = Endpoint.post(
  "mgmt.inboundApplication.createApplicationV2",
  "/v2/mgmt/thirdparty/app/create",
  {
    ...m,
    request: lazy(() => Schema.Struct({ id: optional(Schema.String), ...ApplicationOptionsV2.fields })),
    response: lazy(() => Schema.Struct({ id: Schema.String, clientId: opt(Schema.String), cleartext: Secret })),
    description: "Creates an inbound application (go-sdk's v2 form)"
  }
)

/**
 * `POST /v2/mgmt/thirdparty/app/update` (go-sdk; every field replaced).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateApplicationV2 = Endpoint.post(
  "mgmt.inboundApplication.updateApplicationV2",
  "/v2/mgmt/thirdparty/app/update",
  {
    ...m,
    request: lazy(() => Schema.Struct({ id: Schema.String, ...ApplicationOptionsV2.fields })),
    response: Endpoint.Empty,
    description: "Updates an inbound application (go-sdk's v2 form, every field replaced)"
  }
)

/**
 * `POST /v2/mgmt/thirdparty/app/patch` (go-sdk; only the fields given).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const patchApplicationV2 = Endpoint.post(
  "mgmt.inboundApplication.patchApplicationV2",
  "/v2/mgmt/thirdparty/app/patch",
  {
    ...m,
    request: lazy(() => Schema.Struct({ id: Schema.String, name: optional(Schema.String), ...v2Fields })),
    response: Endpoint.Empty,
    description: "Patches an inbound application (go-sdk's v2 form, only the fields given)"
  }
)

/**
 * `GET /v2/mgmt/thirdparty/app/load?id=` (go-sdk): the application itself.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadApplicationV2 = Endpoint.get(
  "mgmt.inboundApplication.loadApplicationV2",
  "/v2/mgmt/thirdparty/app/load",
  { ...m, request: ById, response: InboundApplicationV2, description: "Loads an inbound application (go-sdk's v2)" }
)

/**
 * `POST /v2/mgmt/thirdparty/apps/load` (go-sdk): a page of applications (`page` from 0) and the total.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAllApplicationsV2 = Endpoint.post(
  "mgmt.inboundApplication.loadAllApplicationsV2",
  "/v2/mgmt/thirdparty/apps/load",
  {
    ...m,
    request: lazy(() => Schema.Struct({ page: optional(Num), limit: optional(Num) })),
    response: lazy(() => Schema.Struct({ apps: opt(Schema.Array(InboundApplicationV2)), total: opt(Num) })),
    description: "Loads a page of inbound applications (go-sdk's v2)"
  }
)
