/**
 * descope-effect/express: Descope sessions for Express apps (`express` is an
 * optional peer). `descopeAuth(descope, options)` is a middleware over the
 * request authentication every front door shares (`RequestAuth`): it answers
 * 401 / 403 / 503 itself (the JSON bodies of the `HttpApi` middleware), sets
 * the rotated cookies of a refresh (but for a cookie of the same name the
 * handler sets itself, e.g. on logout: the handler's is left), and makes the
 * session available as `sessionOf(req)` (and `res.locals.descopeSession`).
 * Apply it per route so that `{ path: "tenantId" }` tenants read the route's
 * parameters.
 *
 * @example
 * ```ts
 * import express from "express"
 * import { createDescope } from "descope-effect/promise"
 * import { descopeAuth, sessionOf } from "descope-effect/express"
 *
 * const descope = createDescope({ projectId: "P2abc" })
 * const app = express()
 * app.get("/me", descopeAuth(descope, { refresh: true }), (req, res) => {
 *   res.json({ userId: sessionOf(req)?.userId })
 * })
 * app.get("/admin", descopeAuth(descope, { require: { roles: ["admin"] } }), (_req, res) => {
 *   res.send("admin")
 * })
 * ```
 *
 * @since 0.2.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

import type { Request as ExpressRequest, RequestHandler } from "express"
import type { Session } from "../core/Session.js"
import type { Authenticated, RequestOptions } from "../server/RequestAuth.js"
import { type Authenticator, decide, nodeHeaders, yieldToHandlerCookies } from "./shared.js"

const authentications = new WeakMap<object, Authenticated>()

/**
 * The session of a request the middleware let through.
 *
 * @since 0.2.0
 * @category getters
 */
export const sessionOf = (req: ExpressRequest): Session | undefined => authentications.get(req)?.session

/**
 * The authentication of a request the middleware let through (where the
 * credential was found, what it was, the session).
 *
 * @since 0.2.0
 * @category getters
 */
export const authenticationOf = (req: ExpressRequest): Authenticated | undefined => authentications.get(req)

/**
 * The middleware: see the module doc. `options.params` defaults to the
 * route's parameters. A failure other than a Descope outage goes to `next(error)`.
 *
 * @since 0.2.0
 * @category middleware
 */
export const descopeAuth =
  (descope: Authenticator, options: RequestOptions = {}): RequestHandler => (req, res, next) => {
    const params = options.params ?? (req.params as Readonly<Record<string, string | undefined>> | undefined)
    decide(descope, nodeHeaders(req.headers), { ...options, ...(params !== undefined ? { params } : {}) }).then(
      (decision) => {
        if (decision._tag === "Respond") {
          res.status(decision.answer.status)
          for (const [name, value] of decision.answer.headers) res.append(name, value)
          res.json(decision.answer.body)
          return
        }
        for (const cookie of decision.setCookies) res.append("set-cookie", cookie)
        yieldToHandlerCookies(res, decision.setCookies)
        authentications.set(req, decision.result)
        res.locals["descopeSession"] = decision.result.session
        next()
      },
      next
    )
  }

/** @since 0.2.0 */
export type { Authenticator } from "./shared.js"
