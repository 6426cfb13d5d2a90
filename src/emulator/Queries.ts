/**
 * Reading a project's state: a user by login id or id, a role by name (and
 * tenant), the permissions of roles, the authorization claims of a session,
 * and a user as Descope answers it.
 *
 * @since 0.2.0
 */
import type { User } from "../wire/mgmt/User.js"
import type { ProjectState, RoleRecord, UserRecord, UserTenant } from "./EmulatorState.js"
import * as LoginIndex from "./LoginIndex.js"
import * as Passkeys from "./Passkeys.js"

/**
 * Finds a user by login id or user id.
 *
 * @since 0.2.0
 * @category queries
 */
export const findUser = (p: ProjectState, loginIdOrUserId: string): UserRecord | undefined =>
  p.users.get(loginIdOrUserId) ?? LoginIndex.byLoginId(p, loginIdOrUserId)

/**
 * Finds a role by name within a tenant (tenant-scoped first, then project-level).
 *
 * @since 0.2.0
 * @category queries
 */
export const findRole = (p: ProjectState, name: string, tenantId?: string): RoleRecord | undefined =>
  (tenantId !== undefined ? p.roles.find((r) => r.name === name && r.tenantId === tenantId) : undefined) ??
    p.roles.find((r) => r.name === name && r.tenantId === undefined)

/**
 * The permissions of a set of roles (of a tenant, when `tenantId` is given).
 *
 * @since 0.2.0
 * @category queries
 */
export const permissionsOf = (p: ProjectState, roleNames: ReadonlyArray<string>, tenantId?: string): Array<string> => {
  const out = new Set<string>()
  for (const name of roleNames) {
    for (const perm of findRole(p, name, tenantId)?.permissionNames ?? []) out.add(perm)
  }
  return [...out]
}

/**
 * The authorization claims of a set of roles: `roles`, `permissions` and `tenants`.
 *
 * @since 0.2.0
 * @category queries
 */
export const authzClaims = (
  p: ProjectState,
  roleNames: ReadonlyArray<string>,
  tenants: ReadonlyArray<UserTenant>
): Record<string, unknown> => {
  const claims: Record<string, unknown> = {
    roles: [...roleNames],
    permissions: permissionsOf(p, roleNames)
  }
  if (tenants.length > 0) {
    const t: Record<string, unknown> = {}
    for (const ut of tenants) {
      t[ut.tenantId] = { roles: [...ut.roleNames], permissions: permissionsOf(p, ut.roleNames, ut.tenantId) }
    }
    claims.tenants = t
  }
  return claims
}

/**
 * A user as the wire's user (§11.1): what every route that answers a user
 * sends, the management user routes and the sign-ins alike.
 *
 * @since 0.2.0
 * @category rendering
 */
export const userJson = (p: ProjectState, u: UserRecord): User => ({
  userId: u.userId,
  loginIds: [...u.loginIds],
  name: u.name ?? "",
  givenName: u.givenName ?? "",
  middleName: u.middleName ?? "",
  familyName: u.familyName ?? "",
  email: u.email ?? "",
  phone: u.phone ?? "",
  verifiedEmail: u.verifiedEmail,
  verifiedPhone: u.verifiedPhone,
  picture: u.picture ?? "",
  roleNames: [...u.roleNames],
  userTenants: u.userTenants.map((ut) => ({
    tenantId: ut.tenantId,
    roleNames: [...ut.roleNames],
    tenantName: p.tenants.get(ut.tenantId)?.name ?? "",
    permissions: permissionsOf(p, ut.roleNames, ut.tenantId)
  })),
  status: u.status,
  customAttributes: { ...u.customAttributes },
  createdTime: u.createdTime,
  modifiedTime: u.modifiedTime,
  test: u.test,
  TOTP: u.totpSeed !== undefined,
  SAML: u.saml,
  SCIM: false,
  password: u.passwordHash !== undefined,
  OAuth: { ...u.oauth },
  webauthn: Passkeys.ofUser(p, u.userId).length > 0,
  ssoAppIds: [...u.ssoAppIds],
  ...(u.username !== undefined ? { username: u.username } : {})
})
