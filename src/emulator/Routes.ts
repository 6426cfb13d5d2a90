/**
 * Every Descope route the emulator serves (authentication and management),
 * without its own control routes.
 *
 * @since 0.2.0
 */
import * as AuthRoutes from "./AuthRoutes.js"
import type { Route } from "./Handler.js"
import * as ManagementRoutes from "./ManagementRoutes.js"

/**
 * The Descope routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const all: ReadonlyArray<Route> = [...AuthRoutes.routes, ...ManagementRoutes.routes]
