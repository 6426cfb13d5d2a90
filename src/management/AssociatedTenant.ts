/**
 * `AssociatedTenant`: a tenant with the roles a user or an access key holds in
 * it (`userTenants` of users, `keyTenants` of access keys).
 *
 * @since 0.1.0
 */

/**
 * A tenant association, `AssociatedTenant(tenantId, roleNames)`.
 *
 * @since 0.1.0
 * @category models
 */
export interface AssociatedTenant {
  readonly tenantId: string
  /** The roles in the tenant (default: none). */
  readonly roleNames?: ReadonlyArray<string> | undefined
}

/**
 * Builds an {@link AssociatedTenant}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (tenantId: string, roleNames: ReadonlyArray<string> = []): AssociatedTenant => ({
  tenantId,
  roleNames
})

/**
 * The wire form `{tenantId, roleNames}` (§11.7); `roleNames` is `[]` when none.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toWire = (tenant: AssociatedTenant): { tenantId: string; roleNames: ReadonlyArray<string> } => ({
  tenantId: tenant.tenantId,
  roleNames: tenant.roleNames ?? []
})

/**
 * The wire form of a list of associations, `undefined` when not given.
 *
 * @since 0.1.0
 * @category rendering
 */
export const listToWire = (
  tenants: ReadonlyArray<AssociatedTenant> | undefined
): ReadonlyArray<{ tenantId: string; roleNames: ReadonlyArray<string> }> | undefined =>
  tenants === undefined ? undefined : tenants.map(toWire)
