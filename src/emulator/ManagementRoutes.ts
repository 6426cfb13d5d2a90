/**
 * The management endpoints of §10 used by seeds and test-user utilities, by
 * area: users (`mgmt/User*.ts`, `mgmt/TestUser.ts`, `mgmt/CustomAttribute.ts`) and the areas served from the wire
 * catalogue (`mgmt/*`: tenants, SSO settings, groups, access keys, roles,
 * permissions, token minting, audit, flows, password settings and the license). Every one requires `Authorization: Bearer <projectId>:<managementKey>`.
 *
 * @since 0.1.0
 */
import type { Route } from "./Handler.js"
import * as InboundTokens from "./InboundTokens.js"
import * as AccessKeyRoutes from "./mgmt/AccessKey.js"
import * as AnalyticsRoutes from "./mgmt/Analytics.js"
import * as AuditRoutes from "./mgmt/Audit.js"
import * as AuthzRoutes from "./mgmt/Authz.js"
import * as CustomAttributeRoutes from "./mgmt/CustomAttribute.js"
import * as DescoperRoutes from "./mgmt/Descoper.js"
import * as EngineRoutes from "./mgmt/Engine.js"
import * as FgaRoutes from "./mgmt/Fga.js"
import * as FlowRoutes from "./mgmt/Flow.js"
import * as GroupRoutes from "./mgmt/Group.js"
import * as InboundApplicationRoutes from "./mgmt/InboundApplication.js"
import * as JwtRoutes from "./mgmt/Jwt.js"
import * as JwtTemplateRoutes from "./mgmt/JwtTemplate.js"
import * as ListRoutes from "./mgmt/List.js"
import * as ManagementKeyRoutes from "./mgmt/ManagementKey.js"
import * as OutboundApplicationRoutes from "./mgmt/OutboundApplication.js"
import * as OutboundAppTokenRoutes from "./mgmt/OutboundAppToken.js"
import * as OutboundScimRoutes from "./mgmt/OutboundScim.js"
import * as PermissionRoutes from "./mgmt/Permission.js"
import * as ProjectMgmtRoutes from "./mgmt/Project.js"
import * as RoleRoutes from "./mgmt/Role.js"
import * as SsoRoutes from "./mgmt/Sso.js"
import * as SsoApplicationRoutes from "./mgmt/SsoApplication.js"
import * as TenantMgmtRoutes from "./mgmt/Tenant.js"
import * as TestUserRoutes from "./mgmt/TestUser.js"
import * as UserRoutes from "./mgmt/User.js"
import * as UserBatchRoutes from "./mgmt/UserBatch.js"
import * as UserCredentialsRoutes from "./mgmt/UserCredentials.js"
import * as UserSearchRoutes from "./mgmt/UserSearch.js"
import * as UserUpdateRoutes from "./mgmt/UserUpdate.js"

/**
 * The management routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  ...UserRoutes.routes,
  ...UserUpdateRoutes.routes,
  ...UserSearchRoutes.routes,
  ...UserBatchRoutes.routes,
  ...UserCredentialsRoutes.routes,
  ...TestUserRoutes.routes,
  ...CustomAttributeRoutes.routes,
  ...TenantMgmtRoutes.routes,
  ...SsoRoutes.routes,
  ...AccessKeyRoutes.routes,
  ...PermissionRoutes.routes,
  ...RoleRoutes.routes,
  ...GroupRoutes.routes,
  ...JwtRoutes.routes,
  ...AuditRoutes.routes,
  ...ProjectMgmtRoutes.routes,
  ...FlowRoutes.routes,
  ...FgaRoutes.routes,
  ...AuthzRoutes.routes,
  ...ListRoutes.routes,
  ...SsoApplicationRoutes.routes,
  ...OutboundApplicationRoutes.routes,
  ...OutboundAppTokenRoutes.routes,
  ...InboundApplicationRoutes.routes,
  InboundTokens.issueToken,
  ...JwtTemplateRoutes.routes,
  ...ManagementKeyRoutes.routes,
  ...DescoperRoutes.routes,
  ...EngineRoutes.routes,
  ...AnalyticsRoutes.routes,
  ...OutboundScimRoutes.routes
]
