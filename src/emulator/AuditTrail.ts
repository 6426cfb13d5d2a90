/**
 * The audit trail of every action, as Descope keeps it: besides the logins
 * the flows record (`LoginSucceed`, and `LoginFailed` where a code or a
 * password is wrong), every request is considered once it is answered:
 *
 * - a management change (any catalogued management endpoint that is not a
 *   read: `load`, `search`, `get`, `list`, `check`, `export` ...) is recorded
 *   as `<Area>Created`, `<Area>Deleted` or `<Area>Modified` (`UserCreated`,
 *   `TenantModified`, `AccessKeyDeleted` ...), with the operation in
 *   `data.operation`, the user it is about (`userId`, `externalIds`) and the
 *   tenant it is about (`tenants`), both read from the request as the route
 *   decodes it (`Route.decode`, see `aboutOf`);
 * - a refused authentication (401 or 403 from an authentication route) that
 *   the flow did not record itself is a `LoginFailed`, with the error code
 *   (logouts are recorded by their flow: `Logout`, `LogoutAll`).
 *
 * `mgmt.audit.search` finds them all with Descope's filters.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { type UserRecord } from "./EmulatorState.js"
import type { Ctx, Route } from "./Handler.js"
import { identifier, type UserNaming } from "./ManagementSupport.js"
import { findUser } from "./Queries.js"
import * as Tokens from "./Tokens.js"
import type { WireError } from "./Wire.js"

const READ = /^(load|search|get|list|check|has|who|resource|targets?|export|validate|dry|history|license)/i

/** The operations that change nothing (or that audit themselves, like the management sign-ins). */
const isRead = (name: string, method: string): boolean => {
  const [area, op = ""] = name.split(".").slice(1)
  return method === "GET" || READ.test(op) || area === "audit" || area === "jwt" ||
    (area === "flow" && op.startsWith("run"))
}

const AREAS: Readonly<Record<string, string>> = {
  accessKey: "AccessKey",
  sso: "SSOSettings",
  ssoApplication: "SSOApplication",
  fga: "FGA",
  authz: "Authz",
  jwt: "JWT"
}

/**
 * The audit action of a management operation (`mgmt.user.create` → `UserCreated`,
 * `mgmt.tenant.update` → `TenantModified`, `mgmt.role.deleteBatch` → `RoleDeleted`),
 * or `undefined` for a read.
 *
 * @since 0.2.0
 * @category getters
 */
export const actionOf = (name: string, method: string): string | undefined => {
  if (!name.startsWith("mgmt.") || isRead(name, method)) return undefined
  const [area = "", op = ""] = name.split(".").slice(1)
  const noun = AREAS[area] ?? `${area.slice(0, 1).toUpperCase()}${area.slice(1)}`
  const verb = /^(create|new|add|import|generate|invite)/i.test(op) && !/^add(Role|Tenant|Sso)/i.test(op)
    ? "Created"
    : /^(delete|remove)/i.test(op) && !/^remove(Role|Tenant|Sso|Passkey|Totp|AllPasskeys|TrustedDevices)/i.test(op)
    ? "Deleted"
    : "Modified"
  return `${noun}${verb}`
}

/** What the audit reads from a request: the members that name its user and its tenant. */
interface About extends UserNaming {
  readonly tenantId?: string | undefined
  /** A tenant's own id, in the requests of `mgmt.tenant.*`. */
  readonly id?: string | undefined
}

const ABOUT = ["loginId", "userId", "loginIdOrUserId", "identifier", "tenantId", "id"] as const

/**
 * What a request is about, read from the route's decoded request (`Route.decode`:
 * the catalogue's names, renamed wire fields and query fields included). Every
 * route's request has its own schema, so this is the one place the audit reads
 * members by name; only non-empty strings count. A route without a decoder, or
 * a request it refuses, is about nothing.
 */
const aboutOf = (route: Route, ctx: Ctx): About => {
  const decoded = route.decode?.(ctx)
  if (decoded === undefined || Either.isLeft(decoded)) return {}
  const request = decoded.right
  if (typeof request !== "object" || request === null) return {}
  const about: { [K in typeof ABOUT[number]]?: string } = {}
  for (const key of ABOUT) {
    const value: unknown = (request as Readonly<Record<string, unknown>>)[key]
    if (typeof value === "string" && value !== "") about[key] = value
  }
  return about
}

/** The user a request is about (the user its handler acts on, see `ManagementSupport.identifier`). */
const subjectOf = (ctx: Ctx, about: About): UserRecord | undefined => {
  const ref = identifier(about)
  return ref === undefined ? undefined : findUser(ctx.p, ref)
}

/**
 * Runs a route's handler and records its audit event (see the module).
 *
 * @since 0.2.0
 * @category combinators
 */
export const recorded = <A>(
  route: Route,
  ctx: Ctx,
  handler: Effect.Effect<A, WireError>
): Effect.Effect<A, WireError> => {
  const name = route.endpoint?.name
  if (name === undefined || route.stub === true) return handler
  const before = ctx.p.audit.length
  if (route.access === "mgmt") {
    const action = actionOf(name, route.method)
    if (action === undefined) return handler
    const about = aboutOf(route, ctx)
    // looked up before the handler too: a deleted user is gone after it
    const subject = subjectOf(ctx, about)
    const area = name.split(".")[1] ?? ""
    const tenant = about.tenantId ?? (area === "tenant" ? about.id : undefined)
    return Effect.tap(handler, () =>
      Effect.sync(() => {
        const user = subject ?? subjectOf(ctx, about)
        Tokens.audit(
          ctx,
          action,
          user?.userId ?? "",
          "management",
          user?.loginIds ?? [],
          tenant === undefined ? [] : [tenant],
          { operation: name }
        )
      }))
  }
  if (route.access !== "auth") return handler
  const method = name.split(".")[0] ?? ""
  return handler.pipe(
    Effect.tapError((e) =>
      Effect.sync(() => {
        if ((e.status !== 401 && e.status !== 403) || ctx.p.audit.length !== before) return
        const loginId = aboutOf(route, ctx).loginId
        const user = loginId === undefined ? undefined : findUser(ctx.p, loginId)
        Tokens.audit(ctx, "LoginFailed", user?.userId ?? "", method, loginId === undefined ? [] : [loginId], [], {
          operation: name,
          errorCode: e.errorCode
        })
      })
    )
  )
}
