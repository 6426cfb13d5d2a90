/**
 * Role and permission checks over a validated {@link Session}: pure predicates
 * (`validatePermissions` ...), the matching subsets (`getMatchedPermissions`
 * ...) and Effect guards (`requirePermissions` ...) that fail with a
 * `ForbiddenError` naming what is missing.
 *
 * Every requested item is required. A tenant the session is not associated
 * with gives `false` / `[]`; an empty tenant id means the project level;
 * missing claims count as empty.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Authorization, DescopeClient } from "descope-effect"
 *
 * const handler = (token: string) =>
 *   Effect.gen(function*() {
 *     const client = yield* DescopeClient
 *     const session = yield* client.validateSession(token)
 *     yield* Authorization.requireTenantRoles(session, "T1", ["admin"])
 *     return session.userId
 *   })
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { ForbiddenError } from "./DescopeError.js"
import type { Session } from "./Session.js"

/**
 * What the checks read of a session: its roles, permissions and tenants (any
 * `Session`, whatever its custom claims).
 *
 * @since 0.2.0
 * @category models
 */
export type AnySession = Pick<Session<unknown>, "roles" | "permissions" | "tenants">

const granted = (
  session: AnySession,
  tenant: string,
  kind: "roles" | "permissions"
): ReadonlyArray<string> | undefined => {
  if (tenant === "") return session[kind]
  const entry = Object.prototype.hasOwnProperty.call(session.tenants, tenant) ? session.tenants[tenant] : undefined
  return entry === undefined ? undefined : entry[kind]
}

const all = (have: ReadonlyArray<string> | undefined, wanted: ReadonlyArray<string>): boolean =>
  have !== undefined && wanted.every((w) => have.includes(w))

const matched = (have: ReadonlyArray<string> | undefined, wanted: ReadonlyArray<string>): Array<string> =>
  have === undefined ? [] : wanted.filter((w) => have.includes(w))

/**
 * Whether the session has every one of these project-level permissions.
 *
 * @since 0.1.0
 * @category guards
 */
export const validatePermissions = (session: AnySession, permissions: ReadonlyArray<string>): boolean =>
  all(granted(session, "", "permissions"), permissions)

/**
 * Whether the session has every one of these project-level roles.
 *
 * @since 0.1.0
 * @category guards
 */
export const validateRoles = (session: AnySession, roles: ReadonlyArray<string>): boolean =>
  all(granted(session, "", "roles"), roles)

/**
 * Whether the session has every one of these permissions in the tenant
 * (`false` when the session is not associated with the tenant).
 *
 * @since 0.1.0
 * @category guards
 */
export const validateTenantPermissions = (
  session: AnySession,
  tenantId: string,
  permissions: ReadonlyArray<string>
): boolean => all(granted(session, tenantId, "permissions"), permissions)

/**
 * Whether the session has every one of these roles in the tenant (`false`
 * when the session is not associated with the tenant).
 *
 * @since 0.1.0
 * @category guards
 */
export const validateTenantRoles = (session: AnySession, tenantId: string, roles: ReadonlyArray<string>): boolean =>
  all(granted(session, tenantId, "roles"), roles)

/**
 * The requested project-level permissions the session has, in the requested order.
 *
 * @since 0.1.0
 * @category getters
 */
export const getMatchedPermissions = (session: AnySession, permissions: ReadonlyArray<string>): Array<string> =>
  matched(granted(session, "", "permissions"), permissions)

/**
 * The requested project-level roles the session has, in the requested order.
 *
 * @since 0.1.0
 * @category getters
 */
export const getMatchedRoles = (session: AnySession, roles: ReadonlyArray<string>): Array<string> =>
  matched(granted(session, "", "roles"), roles)

/**
 * The requested permissions the session has in the tenant (`[]` when not associated).
 *
 * @since 0.1.0
 * @category getters
 */
export const getMatchedTenantPermissions = (
  session: AnySession,
  tenantId: string,
  permissions: ReadonlyArray<string>
): Array<string> => matched(granted(session, tenantId, "permissions"), permissions)

/**
 * The requested roles the session has in the tenant (`[]` when not associated).
 *
 * @since 0.1.0
 * @category getters
 */
export const getMatchedTenantRoles = (
  session: AnySession,
  tenantId: string,
  roles: ReadonlyArray<string>
): Array<string> => matched(granted(session, tenantId, "roles"), roles)

const guard = (
  session: AnySession,
  tenantId: string,
  kind: "roles" | "permissions",
  wanted: ReadonlyArray<string>
): Effect.Effect<void, ForbiddenError> => {
  const have = granted(session, tenantId, kind)
  // a tenant the session is not associated with refuses even an empty request, as validateTenant* does
  const absent = have === undefined ? [...wanted] : wanted.filter((w) => !have.includes(w))
  return have !== undefined && absent.length === 0
    ? Effect.void
    : Effect.fail(
      new ForbiddenError({
        ...(tenantId !== "" ? { tenantId } : {}),
        missingRoles: kind === "roles" ? absent : [],
        missingPermissions: kind === "permissions" ? absent : []
      })
    )
}

/**
 * Succeeds when the session has every project-level permission, else fails
 * with a `ForbiddenError` listing the missing ones.
 *
 * @since 0.1.0
 * @category guards
 */
export const requirePermissions = (
  session: AnySession,
  permissions: ReadonlyArray<string>
): Effect.Effect<void, ForbiddenError> => guard(session, "", "permissions", permissions)

/**
 * Succeeds when the session has every project-level role, else fails with a
 * `ForbiddenError` listing the missing ones.
 *
 * @since 0.1.0
 * @category guards
 */
export const requireRoles = (session: AnySession, roles: ReadonlyArray<string>): Effect.Effect<void, ForbiddenError> =>
  guard(session, "", "roles", roles)

/**
 * Succeeds when the session has every permission in the tenant, else fails
 * with a `ForbiddenError` naming the tenant and the missing permissions (all
 * of them when the session is not associated with the tenant).
 *
 * @since 0.1.0
 * @category guards
 */
export const requireTenantPermissions = (
  session: AnySession,
  tenantId: string,
  permissions: ReadonlyArray<string>
): Effect.Effect<void, ForbiddenError> => guard(session, tenantId, "permissions", permissions)

/**
 * Succeeds when the session has every role in the tenant, else fails with a
 * `ForbiddenError` naming the tenant and the missing roles (all of them when
 * the session is not associated with the tenant).
 *
 * @since 0.1.0
 * @category guards
 */
export const requireTenantRoles = (
  session: AnySession,
  tenantId: string,
  roles: ReadonlyArray<string>
): Effect.Effect<void, ForbiddenError> => guard(session, tenantId, "roles", roles)
