/**
 * The validated session of the current request, provided to handlers by
 * `DescopeAuth` (HttpApi), the guard middlewares and `DescopeMiddleware`
 * (HttpRouter).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CurrentSession } from "descope-effect/server"
 *
 * const me = Effect.gen(function*() {
 *   const session = yield* CurrentSession
 *   return { userId: session.userId, tenant: session.currentTenant ?? null }
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type { Session } from "../core/Session.js"

/**
 * The session of the current request.
 *
 * @since 0.1.0
 * @category tags
 */
export class CurrentSession extends Context.Tag("descope-effect/CurrentSession")<CurrentSession, Session>() {}
