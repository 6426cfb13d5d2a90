/**
 * The secrets of an inbound (third-party) application:
 * `/v1/mgmt/thirdparty/app/secret*` and `/v1/mgmt/thirdparty/app/rotate`.
 * Each answers a cleartext as a `Secret`. go-sdk's second secrets
 * (`secret/add`, `secret/revoke`, and `secretName` on `secret`) let a secret
 * be rotated without downtime; their bodies (`AddedSecretWire`) are shared
 * with the SSO applications' (`SsoApplication.ts`).
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Num, opt, optional, Secret } from "../Fields.js"

/**
 * `{ cleartext }`: an application's secret.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SecretResponse = lazy(() => Schema.Struct({ cleartext: Secret }))

const ById = lazy(() => Schema.Struct({ id: Schema.String }))
const m = { credential: "management" } as const

/**
 * `GET /v1/mgmt/thirdparty/app/secret?id=`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getApplicationSecret = Endpoint.get(
  "mgmt.inboundApplication.getApplicationSecret",
  "/v1/mgmt/thirdparty/app/secret",
  {
    ...m,
    request: lazy(() => Schema.Struct({ id: Schema.String, secretName: optional(Schema.String) })),
    response: SecretResponse,
    description: "Answers an inbound application's secret (or one of its added secrets, by name: go-sdk)"
  }
)

/**
 * `POST /v1/mgmt/thirdparty/app/rotate`: answers the new secret (python-sdk reads it; node-sdk ignores it).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const rotateApplicationSecret = Endpoint.post(
  "mgmt.inboundApplication.rotateApplicationSecret",
  "/v1/mgmt/thirdparty/app/rotate",
  {
    ...m,
    request: ById,
    response: SecretResponse,
    description: "Replaces an inbound application's secret"
  }
)

/**
 * The metadata of an added secret (go-sdk's `ClientSecretMeta`; times in epoch seconds, `0`: never expires).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SecretMeta = lazy(() =>
  Schema.Struct({
    id: opt(Schema.String),
    name: opt(Schema.String),
    createdTime: opt(Num),
    expireTime: opt(Num)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type SecretMeta = typeof SecretMeta.Type

/**
 * The body and answers of the added-secret endpoints, the same for third-party and SSO applications: add a
 * secret by name (`expireTime` in epoch seconds), answered with its metadata and its cleartext once; revoke one
 * by name, answered with the secrets left.
 *
 * @since 0.2.0
 * @category schemas
 */
export const AddedSecretWire = {
  addRequest: lazy(() => Schema.Struct({ id: Schema.String, name: Schema.String, expireTime: optional(Num) })),
  addResponse: lazy(() => Schema.Struct({ meta: opt(SecretMeta), cleartext: Secret })),
  revokeRequest: lazy(() => Schema.Struct({ id: Schema.String, name: Schema.String })),
  revokeResponse: lazy(() => Schema.Struct({ secrets: opt(Schema.Array(SecretMeta)) }))
} as const

/**
 * `POST /v1/mgmt/thirdparty/app/secret/add` (go-sdk): a further secret, by name (`expireTime` in epoch seconds).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const addApplicationSecret = Endpoint.post(
  "mgmt.inboundApplication.addApplicationSecret",
  "/v1/mgmt/thirdparty/app/secret/add",
  {
    ...m,
    request: AddedSecretWire.addRequest,
    response: AddedSecretWire.addResponse,
    description: "Adds a secret to an inbound application (for a rotation without downtime)"
  }
)

/**
 * `POST /v1/mgmt/thirdparty/app/secret/revoke` (go-sdk): answers the secrets left.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const revokeApplicationSecret = Endpoint.post(
  "mgmt.inboundApplication.revokeApplicationSecret",
  "/v1/mgmt/thirdparty/app/secret/revoke",
  {
    ...m,
    request: AddedSecretWire.revokeRequest,
    response: AddedSecretWire.revokeResponse,
    description: "Revokes an added secret of an inbound application"
  }
)
