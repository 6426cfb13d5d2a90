/**
 * The management endpoints of §10 used by seeds and test-user utilities, by
 * area: users ({@link UserRoutes}), tenants, SSO settings and groups
 * ({@link TenantRoutes}), access keys, roles and permissions
 * ({@link AccessRoutes}), token minting ({@link TokenRoutes}) and project-wide
 * settings, audit and flows ({@link ProjectRoutes}). Every one requires
 * `Authorization: Bearer <projectId>:<managementKey>`.
 *
 * @since 0.1.0
 */
import * as AccessRoutes from "./AccessRoutes.js"
import * as RoleRoutes from "./mgmt/Role.js"
import type { Route } from "./Handler.js"
import * as ProjectRoutes from "./ProjectRoutes.js"
import * as TenantRoutes from "./TenantRoutes.js"
import * as TokenRoutes from "./TokenRoutes.js"
import * as UserRoutes from "./UserRoutes.js"

/**
 * The management routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  ...UserRoutes.routes,
  ...TenantRoutes.routes,
  ...AccessRoutes.routes,
  ...RoleRoutes.routes,
  ...TokenRoutes.routes,
  ...ProjectRoutes.routes
]
