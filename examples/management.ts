/**
 * Example 2: a management script, run with `Effect.runPromise`. It does what
 * the management sections of the Descope SDK READMEs show — permissions,
 * roles, a tenant, a user with `AssociatedTenant` roles, an access key, SSO
 * role mapping, groups, JWT custom claims — catches a rate limit reading its
 * `retryAfter`, and cleans up after itself.
 *
 * ```sh
 * DESCOPE_PROJECT_ID=P2... DESCOPE_MANAGEMENT_KEY=K2... npx tsx examples/management.ts
 * ```
 *
 * `program` needs only a `DescopeClient`: the demo and the tests run it
 * against the emulator.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import { pathToFileURL } from "node:url"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as AssociatedTenant from "../src/management/AssociatedTenant.js"

/**
 * The ids the script creates (and deletes at the end).
 *
 * @since 0.1.0
 * @category constants
 */
export const ids = {
  tenantId: "globex",
  loginId: "hank@globex.example",
  accessKeyName: "reporting-bot",
  roles: ["analyst", "editor"],
  permissions: ["reports.read", "reports.write"]
} as const

/**
 * What the script did.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly tenant: { readonly id: string; readonly name: string }
  readonly permissions: ReadonlyArray<string>
  readonly roles: ReadonlyArray<{ readonly name: string; readonly permissions: ReadonlyArray<string> }>
  readonly user: { readonly userId: string; readonly loginId: string; readonly tenantRoles: ReadonlyArray<string> }
  readonly usersInTenant: number
  readonly accessKey: { readonly id: string; readonly exchangedRoles: ReadonlyArray<string> }
  readonly ssoRoleMappings: number
  readonly groups: ReadonlyArray<string>
  readonly customClaim: unknown
  /** The `retryAfter` of a rate-limited call, in seconds, or `undefined` when the call went through. */
  readonly rateLimitedRetryAfterSeconds: number | undefined
  readonly cleanedUp: boolean
}

/**
 * The script: every call needs the management key.
 *
 * @since 0.1.0
 * @category programs
 */
export const program = Effect.gen(function*() {
  const client = yield* DescopeClient
  const mgmt = client.mgmt

  // permissions, then roles made of them
  yield* mgmt.permission.create({ name: "reports.read", description: "Read reports" })
  yield* mgmt.permission.create({ name: "reports.write", description: "Write reports" })
  yield* mgmt.role.create({ name: "analyst", description: "Reads reports", permissionNames: ["reports.read"] })
  yield* mgmt.role.create({ name: "editor", permissionNames: ["reports.read", "reports.write"] })
  const roles = (yield* mgmt.role.loadAll()).filter((r) => (ids.roles as ReadonlyArray<string>).includes(r.name))
  const permissions = (yield* mgmt.permission.loadAll()).map((p) => p.name)
    .filter((name) => (ids.permissions as ReadonlyArray<string>).includes(name))

  // a tenant
  const tenantId = yield* mgmt.tenant.create({
    id: ids.tenantId,
    name: "Globex",
    selfProvisioningDomains: ["globex.example"]
  })
  yield* mgmt.tenant.update({ id: tenantId, name: "Globex Corporation", selfProvisioningDomains: ["globex.example"] })
  const tenant = yield* mgmt.tenant.load(tenantId)

  // a user with a role in the tenant, then one more role there
  yield* mgmt.user.create({
    loginId: ids.loginId,
    email: ids.loginId,
    displayName: "Hank Scorpio",
    userTenants: [AssociatedTenant.make(tenantId, ["analyst"])]
  })
  const user = yield* mgmt.user.addTenantRoles({ loginId: ids.loginId, tenantId, roleNames: ["editor"] })
  const page = yield* mgmt.user.searchAll({ tenantIds: [tenantId], limit: 100 })

  // an access key with a tenant role, exchanged for a session (its cleartext is Redacted)
  const created = yield* mgmt.accessKey.create({
    name: ids.accessKeyName,
    keyTenants: [AssociatedTenant.make(tenantId, ["analyst"])]
  })
  const keySession = yield* client.exchangeAccessKey(created.cleartext)

  // SSO: map IdP groups to roles
  yield* mgmt.sso.mapping({
    tenantId,
    roleMappings: [{ groups: ["Analysts"], roleName: "analyst" }, { groups: ["Editors"], roleName: "editor" }],
    attributeMapping: { name: "displayName", email: "mail", group: "groups" }
  })

  // groups synced from the tenant's IdP
  const groups = yield* mgmt.group.loadAllGroups(tenantId)

  // JWT: add a custom claim to a session token
  const updated = yield* mgmt.jwt.updateJwt({ jwt: keySession.session.jwt, customClaims: { plan: "enterprise" } })
  const withClaim = yield* client.validateSession(updated)

  // rate limits: a RateLimitError carries Descope's Retry-After as a Duration
  const rateLimitedRetryAfterSeconds = yield* mgmt.tenant.loadAll().pipe(
    Effect.as(undefined),
    Effect.catchTag("RateLimitError", (e) => Effect.succeed(Duration.toSeconds(e.retryAfter)))
  )

  // clean up
  yield* mgmt.accessKey.delete(created.key.id)
  yield* mgmt.user.delete(ids.loginId)
  yield* mgmt.tenant.delete({ id: tenantId, cascade: true })
  for (const name of ids.roles) yield* mgmt.role.delete({ name })
  for (const name of ids.permissions) yield* mgmt.permission.delete(name)

  const summary: Summary = {
    tenant: { id: tenant.id, name: tenant.name ?? "" },
    permissions,
    roles: roles.map((r) => ({ name: r.name, permissions: r.permissionNames ?? [] })),
    user: {
      userId: user.userId,
      loginId: ids.loginId,
      tenantRoles: user.userTenants?.find((t) => t.tenantId === tenantId)?.roleNames ?? []
    },
    usersInTenant: page.users.length,
    accessKey: { id: created.key.id, exchangedRoles: keySession.session.tenants[tenantId]?.roles ?? [] },
    ssoRoleMappings: 2,
    groups: groups.map((g) => g.display ?? g.id),
    customClaim: withClaim.claims["plan"],
    rateLimitedRetryAfterSeconds,
    cleanedUp: true
  }
  return summary
})

/**
 * One readable line per result.
 *
 * @since 0.1.0
 * @category formatting
 */
export const report = (s: Summary): ReadonlyArray<string> => [
  `permissions created: ${s.permissions.join(", ")}`,
  `roles created: ${s.roles.map((r) => `${r.name} (${r.permissions.join(", ")})`).join(", ")}`,
  `tenant created and renamed: ${s.tenant.id} "${s.tenant.name}"`,
  `user ${s.user.loginId} in ${s.tenant.id} with roles ${s.user.tenantRoles.join(", ")}; ` +
  `${s.usersInTenant} user(s) found in the tenant`,
  `access key ${s.accessKey.id} exchanged for a session with roles ${s.accessKey.exchangedRoles.join(", ")}`,
  `SSO role mapping configured (${s.ssoRoleMappings} mappings)`,
  `groups of the tenant: ${s.groups.length === 0 ? "none" : s.groups.join(", ")}`,
  `JWT updated with custom claim plan=${String(s.customClaim)}`,
  s.rateLimitedRetryAfterSeconds === undefined
    ? "no rate limit hit"
    : `rate limit caught: RateLimitError, retry after ${s.rateLimitedRetryAfterSeconds} s`,
  `cleaned up: ${s.cleanedUp ? "yes" : "no"}`
]

// run directly: the project from the environment (DESCOPE_PROJECT_ID, DESCOPE_MANAGEMENT_KEY ...)
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  Effect.runPromise(program.pipe(Effect.provide(Descope.layerConfigFetch()))).then(
    (summary) => report(summary).forEach((line) => console.log(line)),
    (error: unknown) => {
      console.error(String(error))
      process.exitCode = 1
    }
  )
}
