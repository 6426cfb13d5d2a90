/**
 * descope-effect/hono: Descope sessions for Hono apps (`hono` is an optional
 * peer). `descopeAuth(descope, options)` is a middleware over the request
 * authentication every front door shares (`RequestAuth`): it answers 401 /
 * 403 / 503 itself (the JSON bodies of the `HttpApi` middleware), puts the
 * session in `c.get("descopeSession")`, and sets the rotated cookies of a
 * refresh on the handler's response (but for a cookie of the same name the
 * handler sets itself, e.g. on logout: the handler's is left). Apply it per
 * route so that `{ path: "tenantId" }` tenants read the route's parameters.
 *
 * @example
 * ```ts
 * import { Hono } from "hono"
 * import { createDescope } from "descope-effect/promise"
 * import { descopeAuth, type DescopeEnv } from "descope-effect/hono"
 *
 * const descope = createDescope({ projectId: "P2abc" })
 * const app = new Hono<DescopeEnv>()
 * app.get("/me", descopeAuth(descope, { refresh: true }), (c) => c.json({ userId: c.get("descopeSession").userId }))
 * app.get(
 *   "/tenants/:tenantId/settings",
 *   descopeAuth(descope, { require: { tenantRoles: ["admin"], tenant: { path: "tenantId" } } }),
 *   (c) => c.text("settings")
 * )
 * ```
 *
 * @since 0.2.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

import type { MiddlewareHandler } from "hono"
import type { Session } from "../core/Session.js"
import * as Answers from "../server/Answers.js"
import type { Authenticated, RequestOptions } from "../server/RequestAuth.js"
import { type Authenticator, decide, refreshCookiesFor } from "./shared.js"

/**
 * The Hono environment the middleware provides: `c.get("descopeSession")`
 * and `c.get("descopeAuthentication")` (where the credential was found, what it was).
 *
 * @since 0.2.0
 * @category models
 */
export interface DescopeEnv {
  Variables: {
    descopeSession: Session
    descopeAuthentication: Authenticated
  }
}

/**
 * The middleware: see the module doc. `options.params` defaults to the
 * route's parameters.
 *
 * @since 0.2.0
 * @category middleware
 */
export const descopeAuth = (
  descope: Authenticator,
  options: RequestOptions = {}
): MiddlewareHandler<DescopeEnv> =>
async (c, next) => {
  const decision = await decide(descope, c.req.raw, { ...options, params: options.params ?? c.req.param() })
  if (decision._tag === "Respond") return Answers.toWebResponse(decision.answer)
  c.set("descopeSession", decision.result.session)
  c.set("descopeAuthentication", decision.result)
  await next()
  // a cookie the handler set itself (a sign-out) is left as it set it
  for (const cookie of refreshCookiesFor(decision.setCookies, c.res.headers.getSetCookie())) {
    c.res.headers.append("set-cookie", cookie)
  }
}

/** @since 0.2.0 */
export type { Authenticator } from "./shared.js"
