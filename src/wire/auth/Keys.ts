/**
 * The project's signing keys (JWKS), as the SDKs fetch them to validate
 * session tokens locally: `GET /v2/keys/{projectId}` (and the older `/v1`),
 * with the project id as the only credential. The answer is read up to 1 MiB.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"

/**
 * The largest key-set answer read (1 MiB).
 *
 * @since 0.2.0
 * @category constants
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024

/**
 * The key set: its members are checked one by one where they are imported.
 *
 * @since 0.2.0
 * @category schemas
 */
export const KeysResponse = lazy(() => Schema.Struct({ keys: Schema.Array(Schema.Unknown) }))

/**
 * The project's signing keys.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const get = Endpoint.get("jwks.fetch", "/v2/keys/{projectId}", {
  credential: "project",
  response: KeysResponse,
  maxResponseBytes: MAX_RESPONSE_BYTES,
  description: "The project's signing keys (JWKS)"
})

/**
 * The project's signing keys, the older path.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const getV1 = Endpoint.get("jwks.fetchV1", "/v1/keys/{projectId}", {
  credential: "project",
  response: KeysResponse,
  maxResponseBytes: MAX_RESPONSE_BYTES,
  description: "The project's signing keys (JWKS), older path"
})
