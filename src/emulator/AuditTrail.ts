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
 *   tenant it is about (`tenants`);
 * - a refused authentication (401 or 403 from an authentication route) that
 *   the flow did not record itself is a `LoginFailed`, with the error code
 *   (logouts are recorded by their flow: `Logout`, `LogoutAll`).
 *
 * `mgmt.audit.search` finds them all with Descope's filters.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { type UserRecord } from "./EmulatorState.js"
import type { Ctx, Route } from "./Handler.js"
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

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined)

/** The user a management request is about, if it names one. */
const subjectOf = (ctx: Ctx): UserRecord | undefined => {
  const ref = text(ctx.body.loginId) ?? text(ctx.body.userId) ?? text(ctx.body.loginIdOrUserId) ??
    text(ctx.query.loginId) ?? text(ctx.query.loginid) ?? text(ctx.query.userId)
  return ref === undefined ? undefined : findUser(ctx.p, ref)
}

const tenantOf = (ctx: Ctx, area: string): string | undefined =>
  text(ctx.body.tenantId) ?? text(ctx.query.tenantId) ?? (area === "tenant" ? text(ctx.body.id) : undefined)

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
    const subject = subjectOf(ctx)
    const area = name.split(".")[1] ?? ""
    return Effect.tap(handler, () =>
      Effect.sync(() => {
        const user = subject ?? subjectOf(ctx)
        const tenant = tenantOf(ctx, area)
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
        const loginId = text(ctx.body.loginId)
        const user = loginId === undefined ? undefined : findUser(ctx.p, loginId)
        Tokens.audit(ctx, "LoginFailed", user?.userId ?? "", method, loginId === undefined ? [] : [loginId], [], {
          operation: name,
          errorCode: e.errorCode
        })
      })
    )
  )
}
