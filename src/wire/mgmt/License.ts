/**
 * The license handshake: `GET /v1/mgmt/license`, run once per client before
 * its first management call; the answered tier is then sent as the
 * `x-descope-license` header.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { opt } from "../Fields.js"

/**
 * `GET /v1/mgmt/license` (`{ rateLimitTier }`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const get = Endpoint.get("mgmt.license.get", "/v1/mgmt/license", {
  credential: "management",
  response: lazy(() => Schema.Struct({ rateLimitTier: opt(Schema.String) })),
  description: "The project's license tier (the management rate-limit tier)"
})
