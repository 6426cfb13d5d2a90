/**
 * The management endpoints of §10 used by seeds and test-user utilities, by
 * area: users (`mgmt/User*.ts`, `mgmt/TestUser.ts`, `mgmt/CustomAttribute.ts`), tenants, SSO settings and groups
 * ({@link TenantRoutes}), access keys, roles and permissions
 * ({@link AccessRoutes}), token minting ({@link TokenRoutes}) and project-wide
 * settings, audit and flows ({@link ProjectRoutes}). Every one requires
 * `Authorization: Bearer <projectId>:<managementKey>`.
 *
 * @since 0.1.0
 */
import * as AccessRoutes from "./AccessRoutes.js"
import type { Route } from "./Handler.js"
import * as CustomAttributeRoutes from "./mgmt/CustomAttribute.js"
import * as AuthzRoutes from "./mgmt/Authz.js"
import * as FgaRoutes from "./mgmt/Fga.js"
import * as RoleRoutes from "./mgmt/Role.js"
import * as TestUserRoutes from "./mgmt/TestUser.js"
import * as UserRoutes from "./mgmt/User.js"
import * as UserBatchRoutes from "./mgmt/UserBatch.js"
import * as UserCredentialsRoutes from "./mgmt/UserCredentials.js"
import * as UserSearchRoutes from "./mgmt/UserSearch.js"
import * as UserUpdateRoutes from "./mgmt/UserUpdate.js"
import * as ProjectRoutes from "./ProjectRoutes.js"
import * as TenantRoutes from "./TenantRoutes.js"
import * as TokenRoutes from "./TokenRoutes.js"

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
  ...TenantRoutes.routes,
  ...AccessRoutes.routes,
  ...RoleRoutes.routes,
  ...FgaRoutes.routes,
  ...AuthzRoutes.routes,
  ...TokenRoutes.routes,
  ...ProjectRoutes.routes
]
