/**
 * Role and permission guards over the {@link CurrentSession}: a
 * {@link Requirement} names project-level roles / permissions and tenant
 * roles / permissions, the tenant being the session's current tenant (`dct`),
 * a path parameter, or a fixed id. A failed check is a `DescopeForbidden`
 * (403) naming the tenant and what is missing.
 *
 * Use the guards inside handlers (`Guard.requireRoles(["admin"])`; the
 * endpoint declares `.addError(DescopeForbidden)`), or as middleware:
 * `DescopeAuth.guardLayer` (HttpApi) and `DescopeMiddleware.guard` (HttpRouter).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Guard } from "descope-effect/server"
 *
 * // inside a handler of GET /tenants/:tenantId/settings
 * const settings = Effect.gen(function*() {
 *   const session = yield* Guard.authorize({ tenantRoles: ["admin"], tenant: { path: "tenantId" } })
 *   return { by: session.userId }
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Authorization from "../core/Authorization.js"
import { ForbiddenError } from "../core/DescopeError.js"
import type { Session } from "../core/Session.js"
import { CurrentSession } from "./CurrentSession.js"
import * as ServerError from "./ServerError.js"

/**
 * Where the tenant of a tenant-level check comes from: the session's current
 * tenant (`"current"`, the `dct` claim), a path parameter (`{ path: "tenantId" }`),
 * or a fixed tenant id (`{ id: "T1" }`).
 *
 * @since 0.1.0
 * @category models
 */
export type TenantSource = "current" | { readonly path: string } | { readonly id: string }

/**
 * What a request must have. Every listed item is required. A tenant-level
 * check happens when `tenantRoles`, `tenantPermissions` or `tenant` is given;
 * it also requires the session to be associated with the tenant.
 *
 * @since 0.1.0
 * @category models
 */
export interface Requirement {
  /** Project-level roles. */
  readonly roles?: ReadonlyArray<string> | undefined
  /** Project-level permissions. */
  readonly permissions?: ReadonlyArray<string> | undefined
  /** Roles in the tenant. */
  readonly tenantRoles?: ReadonlyArray<string> | undefined
  /** Permissions in the tenant. */
  readonly tenantPermissions?: ReadonlyArray<string> | undefined
  /** The tenant of the tenant-level check; default `"current"`. */
  readonly tenant?: TenantSource | undefined
  /** OAuth scopes of the token (its `scope` claim, space-separated, or `scp`); checked first. */
  readonly scopes?: ReadonlyArray<string> | undefined
}

/**
 * The OAuth scopes of a session: its `scope` claim (space-separated) or `scp`
 * claim (an array or a space-separated string).
 *
 * @since 0.2.0
 * @category getters
 */
export const scopesOf = (session: Pick<Session<unknown>, "claims">): ReadonlyArray<string> => {
  const words = (value: unknown): ReadonlyArray<string> =>
    typeof value === "string"
      ? value.split(" ").filter((s) => s !== "")
      : Array.isArray(value)
      ? value.filter((s): s is string => typeof s === "string")
      : []
  return [...words(session.claims["scope"]), ...words(session.claims["scp"])]
}

const missing = (wanted: ReadonlyArray<string> | undefined, matched: ReadonlyArray<string>): Array<string> =>
  wanted === undefined ? [] : wanted.filter((w) => !matched.includes(w))

const forbidden = (
  fields: {
    readonly tenantId?: string
    readonly missingRoles: ReadonlyArray<string>
    readonly missingPermissions: ReadonlyArray<string>
  },
  errorMessage?: string
): ServerError.DescopeForbidden => {
  const error = ServerError.fromForbidden(new ForbiddenError(fields))
  return errorMessage === undefined ? error : new ServerError.DescopeForbidden({ ...error, errorMessage })
}

/**
 * Resolves the tenant of a requirement; `undefined` when the source has none.
 *
 * @since 0.1.0
 * @category getters
 */
export const resolveTenant = (
  session: Pick<Session<unknown>, "currentTenant">,
  source: TenantSource | undefined,
  params: Readonly<Record<string, string | undefined>> = {}
): string | undefined => {
  if (source === undefined || source === "current") return session.currentTenant
  if ("path" in source) {
    const value = params[source.path]
    return value === undefined || value === "" ? undefined : value
  }
  return source.id === "" ? undefined : source.id
}

const describeSource = (source: TenantSource | undefined): string =>
  source === undefined || source === "current"
    ? "the session has no current tenant (dct)"
    : "path" in source
    ? `the request has no ${source.path} path parameter`
    : "the tenant id is empty"

/**
 * Checks a session against a requirement: project level first, then the
 * tenant level. `params` are the path parameters (for `{ path }` tenants).
 *
 * @since 0.1.0
 * @category guards
 */
export const check = (
  session: Session<unknown>,
  requirement: Requirement,
  params: Readonly<Record<string, string | undefined>> = {}
): Effect.Effect<void, ServerError.DescopeForbidden> => {
  if (requirement.scopes !== undefined) {
    const held = scopesOf(session)
    const missingScopes = requirement.scopes.filter((s) => !held.includes(s))
    if (missingScopes.length > 0) {
      return Effect.fail(
        new ServerError.DescopeForbidden({
          errorCode: ServerError.ServerErrorCodes.InsufficientScope,
          errorDescription: "Insufficient scope",
          errorMessage: `Forbidden: the token lacks the scopes ${missingScopes.join(", ")}`,
          missingRoles: [],
          missingPermissions: [],
          missingScopes
        })
      )
    }
  }
  const missingRoles = missing(requirement.roles, Authorization.getMatchedRoles(session, requirement.roles ?? []))
  const missingPermissions = missing(
    requirement.permissions,
    Authorization.getMatchedPermissions(session, requirement.permissions ?? [])
  )
  if (missingRoles.length > 0 || missingPermissions.length > 0) {
    return Effect.fail(forbidden({ missingRoles, missingPermissions }))
  }
  const tenantLevel = requirement.tenantRoles !== undefined || requirement.tenantPermissions !== undefined ||
    requirement.tenant !== undefined
  if (!tenantLevel) return Effect.void
  const wantedRoles = requirement.tenantRoles ?? []
  const wantedPermissions = requirement.tenantPermissions ?? []
  const tenantId = resolveTenant(session, requirement.tenant, params)
  if (tenantId === undefined) {
    return Effect.fail(
      forbidden(
        { missingRoles: wantedRoles, missingPermissions: wantedPermissions },
        `Forbidden: no tenant to check: ${describeSource(requirement.tenant)}`
      )
    )
  }
  if (!Object.prototype.hasOwnProperty.call(session.tenants, tenantId)) {
    return Effect.fail(
      forbidden(
        { tenantId, missingRoles: wantedRoles, missingPermissions: wantedPermissions },
        `Forbidden: the session is not associated with tenant ${tenantId}`
      )
    )
  }
  const tenantRoles = missing(wantedRoles, Authorization.getMatchedTenantRoles(session, tenantId, wantedRoles))
  const tenantPermissions = missing(
    wantedPermissions,
    Authorization.getMatchedTenantPermissions(session, tenantId, wantedPermissions)
  )
  return tenantRoles.length > 0 || tenantPermissions.length > 0
    ? Effect.fail(forbidden({ tenantId, missingRoles: tenantRoles, missingPermissions: tenantPermissions }))
    : Effect.void
}

const routeParams: Effect.Effect<Readonly<Record<string, string | undefined>>> = Effect.map(
  Effect.serviceOption(HttpRouter.RouteContext),
  Option.match({ onNone: () => ({}), onSome: (route) => route.params })
)

/**
 * Checks the {@link CurrentSession} against a requirement (path parameters
 * come from the router's `RouteContext`) and returns the session.
 *
 * @since 0.1.0
 * @category guards
 */
export const authorize = (
  requirement: Requirement
): Effect.Effect<Session, ServerError.DescopeForbidden, CurrentSession> =>
  Effect.flatMap(
    CurrentSession,
    (session) => Effect.flatMap(routeParams, (params) => Effect.as(check(session, requirement, params), session))
  )

/**
 * Requires project-level roles of the {@link CurrentSession}.
 *
 * @since 0.1.0
 * @category guards
 */
export const requireRoles = (
  roles: ReadonlyArray<string>
): Effect.Effect<Session, ServerError.DescopeForbidden, CurrentSession> => authorize({ roles })

/**
 * Requires project-level permissions of the {@link CurrentSession}.
 *
 * @since 0.1.0
 * @category guards
 */
export const requirePermissions = (
  permissions: ReadonlyArray<string>
): Effect.Effect<Session, ServerError.DescopeForbidden, CurrentSession> => authorize({ permissions })

const sourceOf = (tenant: TenantSource | string | undefined): TenantSource | undefined =>
  typeof tenant === "string" && tenant !== "current" ? { id: tenant } : tenant

/**
 * Requires roles of the {@link CurrentSession} in a tenant: a tenant id, or a
 * {@link TenantSource}; default the current tenant (`dct`).
 *
 * @since 0.1.0
 * @category guards
 */
export const requireTenantRoles = (
  roles: ReadonlyArray<string>,
  tenant?: TenantSource | string
): Effect.Effect<Session, ServerError.DescopeForbidden, CurrentSession> =>
  authorize({ tenantRoles: roles, tenant: sourceOf(tenant) })

/**
 * Requires permissions of the {@link CurrentSession} in a tenant: a tenant
 * id, or a {@link TenantSource}; default the current tenant (`dct`).
 *
 * @since 0.1.0
 * @category guards
 */
export const requireTenantPermissions = (
  permissions: ReadonlyArray<string>,
  tenant?: TenantSource | string
): Effect.Effect<Session, ServerError.DescopeForbidden, CurrentSession> =>
  authorize({ tenantPermissions: permissions, tenant: sourceOf(tenant) })

/**
 * Requires OAuth scopes of the {@link CurrentSession} (its `scope` / `scp`
 * claim); a failure is a 403 `DescopeForbidden` with `missingScopes`.
 *
 * @since 0.2.0
 * @category guards
 */
export const requireScopes = (
  scopes: ReadonlyArray<string>
): Effect.Effect<Session, ServerError.DescopeForbidden, CurrentSession> => authorize({ scopes })
