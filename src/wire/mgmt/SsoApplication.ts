/**
 * SSO applications, Descope as an identity provider: `/v1/mgmt/sso/idp/*`.
 * An application is OIDC, SAML or WS-Fed; an OIDC application has a client
 * secret, answered only by `secret` and `rotate`, as a `Secret`. The bodies
 * are node-sdk's (`loginPageUrl`, `useMetadataInfo` ...); create sends
 * `enabled: true` unless told otherwise, as node-sdk does. The shapes are in
 * `SsoApplicationSettings.ts`.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { opt, Secret, Strings } from "../Fields.js"
import { CustomAttribute, CustomAttributes } from "./CustomAttribute.js"
import { AddedSecretWire } from "./InboundApplicationSecret.js"
import {
  OidcApplicationOptions,
  SamlApplicationOptions,
  SsoApplication,
  WsFedApplicationOptions
} from "./SsoApplicationSettings.js"

/**
 * `{ cleartext }`: an application's secret.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SecretResponse = lazy(() => Schema.Struct({ cleartext: Secret }))

const Created = lazy(() => Schema.Struct({ id: Schema.String }))
const ById = lazy(() => Schema.Struct({ id: Schema.String }))

const creator = <const Path extends string, A, I>(
  kind: string,
  label: string,
  path: Path,
  request: Schema.Schema<A, I>
) =>
  Endpoint.post(`mgmt.ssoApplication.create${kind}Application`, path, {
    credential: "management",
    request,
    response: Created,
    description: `Creates ${label} application`
  })

const updater = <const Path extends string, A, I>(
  kind: string,
  label: string,
  path: Path,
  request: Schema.Schema<A, I>
) =>
  Endpoint.post(`mgmt.ssoApplication.update${kind}Application`, path, {
    credential: "management",
    request,
    response: Endpoint.Empty,
    description: `Updates ${label} application`
  })

/**
 * `POST /v1/mgmt/sso/idp/app/oidc/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createOidcApplication = creator(
  "Oidc",
  "an OIDC",
  "/v1/mgmt/sso/idp/app/oidc/create",
  OidcApplicationOptions
)

/**
 * `POST /v1/mgmt/sso/idp/app/saml/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createSamlApplication = creator(
  "Saml",
  "a SAML",
  "/v1/mgmt/sso/idp/app/saml/create",
  SamlApplicationOptions
)

/**
 * `POST /v1/mgmt/sso/idp/app/wsfed/create`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createWsFedApplication = creator(
  "WsFed",
  "a WS-Fed",
  "/v1/mgmt/sso/idp/app/wsfed/create",
  WsFedApplicationOptions
)

/**
 * `POST /v1/mgmt/sso/idp/app/oidc/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateOidcApplication = updater(
  "Oidc",
  "an OIDC",
  "/v1/mgmt/sso/idp/app/oidc/update",
  OidcApplicationOptions
)

/**
 * `POST /v1/mgmt/sso/idp/app/saml/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateSamlApplication = updater(
  "Saml",
  "a SAML",
  "/v1/mgmt/sso/idp/app/saml/update",
  SamlApplicationOptions
)

/**
 * `POST /v1/mgmt/sso/idp/app/wsfed/update`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const updateWsFedApplication = updater(
  "WsFed",
  "a WS-Fed",
  "/v1/mgmt/sso/idp/app/wsfed/update",
  WsFedApplicationOptions
)

const del = Endpoint.post("mgmt.ssoApplication.delete", "/v1/mgmt/sso/idp/app/delete", {
  credential: "management",
  request: ById,
  response: Endpoint.Empty,
  description: "Deletes an SSO application"
})

/**
 * `GET /v1/mgmt/sso/idp/app/load?id=`: the application itself (not wrapped).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.get("mgmt.ssoApplication.load", "/v1/mgmt/sso/idp/app/load", {
  credential: "management",
  request: ById,
  response: SsoApplication,
  description: "Loads an SSO application"
})

/**
 * `GET /v1/mgmt/sso/idp/apps/load`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAll = Endpoint.get("mgmt.ssoApplication.loadAll", "/v1/mgmt/sso/idp/apps/load", {
  credential: "management",
  response: lazy(() => Schema.Struct({ apps: opt(Schema.Array(SsoApplication)) })),
  description: "Loads every SSO application"
})

/**
 * `GET /v1/mgmt/sso/idp/app/secret?id=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getApplicationSecret = Endpoint.get(
  "mgmt.ssoApplication.getApplicationSecret",
  "/v1/mgmt/sso/idp/app/secret",
  {
    credential: "management",
    request: ById,
    response: SecretResponse,
    description: "Answers an OIDC application's client secret"
  }
)

/**
 * `POST /v1/mgmt/sso/idp/app/rotate`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const rotateApplicationSecret = Endpoint.post(
  "mgmt.ssoApplication.rotateApplicationSecret",
  "/v1/mgmt/sso/idp/app/rotate",
  {
    credential: "management",
    request: ById,
    response: SecretResponse,
    description: "Replaces an OIDC application's client secret; answers the new one"
  }
)

/**
 * `POST /v1/mgmt/sso/idp/app/secret/add` (go-sdk's `AddApplicationSecret`): a further client secret of an OIDC
 * application, by name (`expireTime` in epoch seconds). go-sdk's source for it was not at hand: the body and
 * answer are those of its third-party twin (`/v1/mgmt/thirdparty/app/secret/add`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const addApplicationSecret = Endpoint.post(
  "mgmt.ssoApplication.addApplicationSecret",
  "/v1/mgmt/sso/idp/app/secret/add",
  {
    credential: "management",
    request: AddedSecretWire.addRequest,
    response: AddedSecretWire.addResponse,
    description: "Adds a client secret to an OIDC application (for a rotation without downtime)"
  }
)

/**
 * `POST /v1/mgmt/sso/idp/app/secret/revoke` (go-sdk's `RevokeApplicationSecret`; the third-party twin's wire):
 * answers the added secrets left.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const revokeApplicationSecret = Endpoint.post(
  "mgmt.ssoApplication.revokeApplicationSecret",
  "/v1/mgmt/sso/idp/app/secret/revoke",
  {
    credential: "management",
    request: AddedSecretWire.revokeRequest,
    response: AddedSecretWire.revokeResponse,
    description: "Revokes an added client secret of an OIDC application"
  }
)

/**
 * `GET /v1/mgmt/sso/idp/app/customattributes` (go-sdk's `LoadCustomAttributes`): the custom attributes SSO
 * applications may map. go-sdk's source for them was not at hand: the three endpoints use the wire of the
 * user custom attributes (`{ data }` answers, `{ attributes }` to create, `{ names }` to delete).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadCustomAttributes = Endpoint.get(
  "mgmt.ssoApplication.loadCustomAttributes",
  "/v1/mgmt/sso/idp/app/customattributes",
  { credential: "management", response: CustomAttributes, description: "Loads the SSO applications' custom attributes" }
)

/**
 * `POST /v1/mgmt/sso/idp/app/customattribute/create` (go-sdk's `CreateCustomAttributes`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createCustomAttributes = Endpoint.post(
  "mgmt.ssoApplication.createCustomAttributes",
  "/v1/mgmt/sso/idp/app/customattribute/create",
  {
    credential: "management",
    request: lazy(() => Schema.Struct({ attributes: Schema.Array(CustomAttribute) })),
    response: CustomAttributes,
    description: "Creates custom attributes of the SSO applications"
  }
)

/**
 * `POST /v1/mgmt/sso/idp/app/customattribute/delete` (go-sdk's `DeleteCustomAttributes`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteCustomAttributes = Endpoint.post(
  "mgmt.ssoApplication.deleteCustomAttributes",
  "/v1/mgmt/sso/idp/app/customattribute/delete",
  {
    credential: "management",
    request: lazy(() => Schema.Struct({ names: Strings })),
    response: CustomAttributes,
    description: "Deletes custom attributes of the SSO applications, by name"
  }
)

export {
  /**
   * `POST /v1/mgmt/sso/idp/app/delete`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}

/**
 * The path of an SSO application's identity provider endpoints (Descope as
 * IdP: `/v1/idp/{projectId}/{appId}`, then `/saml/...` or `/oidc/...`). Not
 * an SDK operation: the base of the URLs an application's settings show.
 *
 * @since 0.2.0
 * @category rendering
 */
export const idpPath = (projectId: string, appId: string): string =>
  `/v1/idp/${encodeURIComponent(projectId)}/${encodeURIComponent(appId)}`
