/**
 * Example 1, the API: an Effect `HttpApi` backend that signs users in with
 * Descope one-time codes and keeps their session in `DS` / `DSR` cookies.
 *
 * | endpoint                          | auth                               | answers                  |
 * | --------------------------------- | ---------------------------------- | ------------------------ |
 * | `POST /auth/otp/sign-up-or-in`    | public                             | `{ maskedEmail }`        |
 * | `POST /auth/otp/verify`           | public; sets `DS` and `DSR`        | `{ userId, firstSeen }`  |
 * | `POST /auth/refresh`              | the `DSR` cookie; sets a new `DS`  | `{ userId, tenants }`    |
 * | `POST /auth/logout`               | the `DSR` cookie; clears both      | `{ loggedOut }`          |
 * | `GET /me`                         | `DescopeSecurity` (bearer or `DS`) | the session's claims     |
 * | `GET /tenants/:tenantId/admin`    | `TenantAdmin`: role `admin` in it  | `{ tenantId, adminId }`  |
 *
 * @since 0.1.0
 */
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as Schema from "effect/Schema"
import { DescopeAuth, DescopeSecurity, DescopeUnauthorized, DescopeUnavailable } from "../../src/server/index.js"

/**
 * 400: the request was refused before or by Descope (bad e-mail, unknown user ...).
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequest extends Schema.TaggedError<BadRequest>()(
  "BadRequest",
  { detail: Schema.String, errorCode: Schema.optional(Schema.String) },
  HttpApiSchema.annotations({ status: 400 })
) {}

/**
 * 429: Descope rate-limited the backend; the client may retry after `retryAfterSeconds`.
 *
 * @since 0.1.0
 * @category errors
 */
export class TooManyRequests extends Schema.TaggedError<TooManyRequests>()(
  "TooManyRequests",
  { retryAfterSeconds: Schema.Number },
  HttpApiSchema.annotations({ status: 429 })
) {}

/**
 * The guard of the tenant admin endpoint: the role `admin` in the tenant of the path.
 *
 * @since 0.1.0
 * @category middlewares
 */
export class TenantAdmin extends DescopeAuth.DescopeGuard<TenantAdmin>()("TenantAdmin") {}

/**
 * The roles of the session in one tenant.
 *
 * @since 0.1.0
 * @category schemas
 */
export const TenantRoles = Schema.Record({ key: Schema.String, value: Schema.Array(Schema.String) })

/**
 * The answer of `GET /me`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Me = Schema.Struct({
  userId: Schema.String,
  roles: Schema.Array(Schema.String),
  tenants: TenantRoles,
  expiresAt: Schema.NullOr(Schema.Number)
})

const Email = Schema.Struct({ email: Schema.String })

/**
 * The public endpoints: sign in with a one-time code, refresh, logout.
 *
 * @since 0.1.0
 * @category api
 */
export class AuthGroup extends HttpApiGroup.make("auth")
  .add(
    HttpApiEndpoint.post("signUpOrIn", "/auth/otp/sign-up-or-in")
      .setPayload(Email)
      .addSuccess(Schema.Struct({ maskedEmail: Schema.String }))
      .addError(BadRequest)
      .addError(TooManyRequests)
      .addError(DescopeUnavailable)
  )
  .add(
    HttpApiEndpoint.post("verify", "/auth/otp/verify")
      .setPayload(Schema.Struct({ email: Schema.String, code: Schema.String }))
      .addSuccess(Schema.Struct({ userId: Schema.String, firstSeen: Schema.Boolean }))
      .addError(BadRequest)
      .addError(DescopeUnauthorized)
      .addError(TooManyRequests)
      .addError(DescopeUnavailable)
  )
  .add(
    HttpApiEndpoint.post("refresh", "/auth/refresh")
      .addSuccess(Schema.Struct({ userId: Schema.String, tenants: TenantRoles }))
      .addError(DescopeUnauthorized)
      .addError(TooManyRequests)
      .addError(DescopeUnavailable)
  )
  .add(
    HttpApiEndpoint.post("logout", "/auth/logout")
      .addSuccess(Schema.Struct({ loggedOut: Schema.Boolean }))
  )
{}

/**
 * The protected endpoints: every one needs a valid session (`DescopeSecurity`:
 * `DescopeAuth` declared as the bearer and cookie security schemes, so the
 * OpenAPI document, docs/openapi/backend.json, names them).
 *
 * @since 0.1.0
 * @category api
 */
export class AppGroup extends HttpApiGroup.make("app")
  .add(HttpApiEndpoint.get("me", "/me").addSuccess(Me))
  .add(
    HttpApiEndpoint.get("tenantAdmin", "/tenants/:tenantId/admin")
      .setPath(Schema.Struct({ tenantId: Schema.String }))
      .addSuccess(Schema.Struct({ tenantId: Schema.String, adminId: Schema.String }))
      .middleware(TenantAdmin)
  )
  .middleware(DescopeSecurity.DescopeSecurity)
{}

/**
 * The whole API.
 *
 * @since 0.1.0
 * @category api
 */
export class BackendApi extends HttpApi.make("backend").add(AuthGroup).add(AppGroup) {}
