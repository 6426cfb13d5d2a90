/**
 * Outbound applications (third-party services your users connect to) and
 * their tokens: `/v1/mgmt/outbound/*`. Tokens (access and refresh), client
 * secrets and API keys are `Secret`s: `Redacted` in the program, plain text
 * on the wire only. The bodies are node-sdk's; note that `update` wraps the
 * application (`{ app }`) while `create` does not.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, opt, optional, Secret, Strings } from "../Fields.js"

/**
 * A URL parameter of the authorization or token request.
 *
 * @since 0.2.0
 * @category schemas
 */
export const UrlParam = lazy(() => Schema.Struct({ key: Schema.String, value: Schema.String }))

const appFields = {
  description: optional(Schema.String),
  clientId: optional(Schema.String),
  logo: optional(Schema.String),
  discoveryUrl: optional(Schema.String),
  authorizationUrl: optional(Schema.String),
  authorizationUrlParams: optional(lazy(() => Schema.Array(UrlParam))),
  tokenUrl: optional(Schema.String),
  tokenUrlParams: optional(lazy(() => Schema.Array(UrlParam))),
  revocationUrl: optional(Schema.String),
  defaultScopes: optional(Strings),
  defaultRedirectUrl: optional(Schema.String),
  callbackDomain: optional(Schema.String),
  pkce: optional(Bool),
  accessType: optional(Schema.String),
  prompt: optional(Strings),
  useDcr: optional(Bool),
  dcrUrl: optional(Schema.String)
}

/**
 * An application to create (`id` optional) or the replacement of one (`id` required by `update`), with its
 * OAuth client secret when it has one.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ApplicationInput = lazy(() =>
  Schema.Struct({
    id: optional(Schema.String),
    name: Schema.String,
    ...appFields,
    clientSecret: optional(Secret)
  })
)

/**
 * An outbound application, as Descope answers it (never with its client secret).
 *
 * @since 0.2.0
 * @category schemas
 */
export const OutboundApplication = lazy(() =>
  Schema.Struct({
    id: Schema.String,
    name: opt(Schema.String),
    description: opt(Schema.String),
    clientId: opt(Schema.String),
    logo: opt(Schema.String),
    discoveryUrl: opt(Schema.String),
    authorizationUrl: opt(Schema.String),
    authorizationUrlParams: opt(Schema.Array(UrlParam)),
    tokenUrl: opt(Schema.String),
    tokenUrlParams: opt(Schema.Array(UrlParam)),
    revocationUrl: opt(Schema.String),
    defaultScopes: opt(Strings),
    defaultRedirectUrl: opt(Schema.String),
    callbackDomain: opt(Schema.String),
    pkce: opt(Schema.Boolean),
    accessType: opt(Schema.String),
    prompt: opt(Strings),
    useDcr: opt(Schema.Boolean),
    dcrUrl: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type OutboundApplication = typeof OutboundApplication.Type

/**
 * `{ app }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AppResponse = lazy(() => Schema.Struct({ app: OutboundApplication }))

/**
 * What overrides a template's fields (`createApplicationByTemplate`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const TemplateOverrides = lazy(() => Schema.Struct({ name: optional(Schema.String), ...appFields }))

const m = { credential: "management" } as const

/**
 * `POST /v1/mgmt/outbound/app/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createApplication = Endpoint.post(
  "mgmt.outboundApplication.createApplication",
  "/v1/mgmt/outbound/app/create",
  { ...m, request: ApplicationInput, response: AppResponse, description: "Creates an outbound application" }
)

/**
 * `POST /v1/mgmt/outbound/app/create/bytemplate`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createApplicationByTemplate = Endpoint.post(
  "mgmt.outboundApplication.createApplicationByTemplate",
  "/v1/mgmt/outbound/app/create/bytemplate",
  {
    ...m,
    request: lazy(() =>
      Schema.Struct({
        templateId: Schema.String,
        id: optional(Schema.String),
        clientId: optional(Schema.String),
        clientSecret: optional(Secret),
        tenantId: optional(Schema.String),
        overrides: optional(TemplateOverrides)
      })
    ),
    response: AppResponse,
    description: "Creates an outbound application from a template"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/update` (`{ app }`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateApplication = Endpoint.post(
  "mgmt.outboundApplication.updateApplication",
  "/v1/mgmt/outbound/app/update",
  {
    ...m,
    request: lazy(() => Schema.Struct({ app: ApplicationInput })),
    response: AppResponse,
    description: "Updates an outbound application (every field replaced)"
  }
)

/**
 * `POST /v1/mgmt/outbound/app/delete`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteApplication = Endpoint.post(
  "mgmt.outboundApplication.deleteApplication",
  "/v1/mgmt/outbound/app/delete",
  {
    ...m,
    request: lazy(() => Schema.Struct({ id: Schema.String })),
    response: Endpoint.Empty,
    description: "Deletes an outbound application and its tokens"
  }
)

/**
 * `GET /v1/mgmt/outbound/app/{id}`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadApplication = Endpoint.get(
  "mgmt.outboundApplication.loadApplication",
  "/v1/mgmt/outbound/app/{id}",
  { ...m, response: AppResponse, description: "Loads an outbound application" }
)

/**
 * `GET /v1/mgmt/outbound/apps`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAllApplications = Endpoint.get(
  "mgmt.outboundApplication.loadAllApplications",
  "/v1/mgmt/outbound/apps",
  {
    ...m,
    response: lazy(() => Schema.Struct({ apps: opt(Schema.Array(OutboundApplication)) })),
    description: "Loads every outbound application"
  }
)
