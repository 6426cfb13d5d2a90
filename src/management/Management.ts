/**
 * `client.mgmt`: everything an administrator or a script does with a
 * management key. Every call sends `Authorization: Bearer
 * <projectId>:<managementKey>`; without a key it fails with an
 * `InvalidArgumentError` naming `managementKey`, and nothing is sent.
 *
 * The license handshake (`GET /v1/mgmt/license`) runs once, on the first
 * management call (never when the client is built); its failure is tolerated.
 * Afterwards management calls carry `x-descope-license: <rateLimitTier>`.
 *
 * Method names are the camelCase of the Python SDK's (`search_all_test_users`
 * -> `user.searchAllTestUsers`, `update_name` -> `project.updateName`,
 * `get_settings` / `configure_settings` -> `password.getSettings` /
 * `password.configureSettings`); operations only node-sdk has keep its names
 * (`user.createBatch`, `user.deleteBatch`, `accessKey.rotate`,
 * `project.exportSnapshot`, `user.listPasskeys`, `user.getCustomAttributes`,
 * `sso.loadAllSettings`, `accessKey.deleteBatch`), camel-cased where node-sdk
 * shouts an acronym (`configureSSORedirectURL` -> `sso.configureSsoRedirectUrl`,
 * `revokeSSOConfigurationLink` -> `tenant.revokeSsoConfigurationLink`, `import`
 * -> `user.importUsers`). The wire is node-sdk's wherever the two SDKs
 * differ (each such place says so); operations only python-sdk has
 * (`flow.runFlowAsync`, `flow.getFlowAsyncResult`) use its wire.
 *
 * Each area's module (its models, its options, its `make`) is a namespace of
 * this one: `Management.User.User`, `Management.Tenant.Tenant`, `Management.User.UserApi` ...
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 * import { DescopeClient } from "descope-effect"
 *
 * // Every user of a tenant, page after page; 429s are waited out.
 * const program = Effect.flatMap(DescopeClient, (client) =>
 *   client.mgmt.user.search({ tenantIds: ["T1"], pageSize: 200 }).pipe(
 *     Stream.runForEach((user) => Effect.log(user.userId))
 *   ))
 * ```
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as DescopeHttp from "../core/DescopeHttp.js"
import type { SessionValidatorService } from "../core/Session.js"
import * as AccessKey from "./AccessKey.js"
import * as Analytics from "./Analytics.js"
import * as Audit from "./Audit.js"
import * as Authz from "./Authz.js"
import * as Descoper from "./Descoper.js"
import * as Engine from "./Engine.js"
import * as Fga from "./Fga.js"
import * as Flow from "./Flow.js"
import * as Group from "./Group.js"
import * as InboundApplication from "./InboundApplication.js"
import * as Jwt from "./Jwt.js"
import * as JwtTemplate from "./JwtTemplate.js"
import * as License from "./License.js"
import * as List from "./List.js"
import * as ManagementHttp from "./ManagementHttp.js"
import * as ManagementKey from "./ManagementKey.js"
import * as OutboundApplication from "./OutboundApplication.js"
import * as OutboundApplicationByToken from "./OutboundApplicationByToken.js"
import * as OutboundScim from "./OutboundScim.js"
import * as Password from "./Password.js"
import * as Permission from "./Permission.js"
import * as Project from "./Project.js"
import * as Role from "./Role.js"
import * as ScopeClaimMapping from "./ScopeClaimMapping.js"
import * as Sso from "./Sso.js"
import * as SsoApplication from "./SsoApplication.js"
import * as Tenant from "./Tenant.js"
import * as User from "./User.js"

// The modules of the areas, as namespaces: `Management.User`, `Management.Tenant` ... (until 0.2.0
// `MgmtUser`, `MgmtTenant` ... at the top of the main entry).
/** @since 0.2.0 */
export * as AccessKey from "./AccessKey.js"
/** @since 0.2.0 */
export * as Analytics from "./Analytics.js"
/** @since 0.2.0 */
export * as Audit from "./Audit.js"
/** @since 0.2.0 */
export * as Authz from "./Authz.js"
/** @since 0.2.0 */
export * as Descoper from "./Descoper.js"
/** @since 0.2.0 */
export * as Engine from "./Engine.js"
/** @since 0.2.0 */
export * as Fga from "./Fga.js"
/** @since 0.2.0 */
export * as Flow from "./Flow.js"
/** @since 0.2.0 */
export * as Group from "./Group.js"
/** @since 0.2.0 */
export * as InboundApplication from "./InboundApplication.js"
/** @since 0.2.0 */
export * as Jwt from "./Jwt.js"
/** @since 0.2.0 */
export * as JwtTemplate from "./JwtTemplate.js"
/** @since 0.2.0 */
export * as License from "./License.js"
/** @since 0.2.0 */
export * as List from "./List.js"
/** @since 0.2.0 */
export * as ManagementKey from "./ManagementKey.js"
/** @since 0.2.0 */
export * as OutboundApplication from "./OutboundApplication.js"
/** @since 0.2.0 */
export * as OutboundApplicationByToken from "./OutboundApplicationByToken.js"
/** @since 0.2.0 */
export * as OutboundScim from "./OutboundScim.js"
/** @since 0.2.0 */
export * as Password from "./Password.js"
/** @since 0.2.0 */
export * as Permission from "./Permission.js"
/** @since 0.2.0 */
export * as Project from "./Project.js"
/** @since 0.2.0 */
export * as Role from "./Role.js"
/** @since 0.2.0 */
export * as ScopeClaimMapping from "./ScopeClaimMapping.js"
/** @since 0.2.0 */
export * as Sso from "./Sso.js"
/** @since 0.2.0 */
export * as SsoApplication from "./SsoApplication.js"
/** @since 0.2.0 */
export * as Tenant from "./Tenant.js"
/** @since 0.2.0 */
export * as User from "./User.js"

/**
 * `client.mgmt`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ManagementApi {
  readonly user: User.UserApi
  readonly tenant: Tenant.TenantApi
  readonly accessKey: AccessKey.AccessKeyApi
  readonly sso: Sso.SsoApi
  readonly permission: Permission.PermissionApi
  readonly role: Role.RoleApi
  readonly group: Group.GroupApi
  readonly jwt: Jwt.JwtApi
  readonly audit: Audit.AuditApi
  readonly flow: Flow.FlowApi
  readonly project: Project.ProjectApi
  readonly password: Password.PasswordApi
  /**
   * Checks the management key now (the license handshake, its failure
   * surfaced): `AuthError` for a key Descope refuses, `InvalidArgumentError`
   * naming `managementKey` when there is none. Run at layer build time by
   * `Descope.warmUpManagementKey`.
   *
   * @since 0.2.0
   */
  readonly warmUp: Effect.Effect<void, ManagementHttp.ManagementError>
  readonly fga: Fga.FgaApi
  readonly authz: Authz.AuthzApi
  readonly list: List.ListApi
  readonly ssoApplication: SsoApplication.SsoApplicationApi
  readonly outboundApplication: OutboundApplication.OutboundApplicationApi
  readonly inboundApplication: InboundApplication.InboundApplicationApi
  readonly jwtTemplate: JwtTemplate.JwtTemplateApi
  readonly managementKey: ManagementKey.ManagementKeyApi
  readonly descoper: Descoper.DescoperApi
  readonly engine: Engine.EngineApi
  readonly scopeClaimMapping: ScopeClaimMapping.ScopeClaimMappingApi
  readonly analytics: Analytics.AnalyticsApi
  readonly outboundScim: OutboundScim.OutboundScimApi
  readonly license: License.LicenseApi
  readonly outboundApplicationByToken: OutboundApplicationByToken.OutboundApplicationByTokenApi
}

/**
 * The management transport to the FGA cache sidecar (`fgaCacheUrl`), when
 * one is configured: the same calls, to that base URL, with no retry (a
 * cache that cannot be reached is passed over for Descope at once).
 */
const fgaCache = (
  mgmt: ManagementHttp.ManagementHttp,
  url: Option.Option<string> | undefined
): ManagementHttp.ManagementHttp | undefined =>
  url === undefined || Option.isNone(url) ? undefined : {
    ...mgmt,
    call: (endpoint, input) =>
      mgmt.call(endpoint, { ...input, baseUrl: url.value }).pipe(
        DescopeHttp.withRequestOptions({ retry: false })
      )
  }

/**
 * Builds `client.mgmt`, owned by the current scope (its shared work, the
 * license handshake and batched user loads, runs there). Sends nothing: the
 * license handshake is lazy.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  http: DescopeHttp.Service,
  validator: SessionValidatorService
): Effect.Effect<ManagementApi, never, Scope.Scope> =>
  Effect.map(ManagementHttp.make(http), (mgmt) => ({
    user: User.make(mgmt),
    tenant: Tenant.make(mgmt),
    accessKey: AccessKey.make(mgmt),
    sso: Sso.make(mgmt),
    permission: Permission.make(mgmt),
    role: Role.make(mgmt),
    group: Group.make(mgmt),
    jwt: Jwt.make(mgmt, validator),
    audit: Audit.make(mgmt),
    flow: Flow.make(mgmt),
    project: Project.make(mgmt),
    password: Password.make(mgmt),
    warmUp: mgmt.warmUp,
    fga: Fga.make(mgmt, fgaCache(mgmt, http.config.fgaCacheUrl)),
    authz: Authz.make(mgmt),
    list: List.make(mgmt),
    ssoApplication: SsoApplication.make(mgmt),
    outboundApplication: OutboundApplication.make(mgmt),
    inboundApplication: InboundApplication.make(mgmt),
    jwtTemplate: JwtTemplate.make(mgmt),
    managementKey: ManagementKey.make(mgmt),
    descoper: Descoper.make(mgmt),
    engine: Engine.make(mgmt),
    scopeClaimMapping: ScopeClaimMapping.make(mgmt),
    analytics: Analytics.make(mgmt),
    outboundScim: OutboundScim.make(mgmt),
    license: License.make(mgmt),
    outboundApplicationByToken: OutboundApplicationByToken.make(mgmt)
  }))
