/**
 * descope-effect/fastify: Descope sessions for Fastify apps (`fastify` is an
 * optional peer). `descopeAuth(descope, options)` is a `preHandler` hook over
 * the request authentication every front door shares (`RequestAuth`): it
 * answers 401 / 403 / 503 itself (the JSON bodies of the `HttpApi`
 * middleware), sets the rotated cookies of a refresh (but for a cookie of the
 * same name the handler sets itself, e.g. on logout: the handler's is left),
 * and makes the session available as `sessionOf(request)`. Use it per route
 * (`{ preHandler }`) so that `{ path: "tenantId" }` tenants read the route's
 * parameters, or as an app-wide `addHook("preHandler", ...)`.
 *
 * @example
 * ```ts
 * import Fastify from "fastify"
 * import { createDescope } from "descope-effect/promise"
 * import { descopeAuth, sessionOf } from "descope-effect/fastify"
 *
 * const descope = createDescope({ projectId: "P2abc" })
 * const app = Fastify()
 * app.get("/me", { preHandler: descopeAuth(descope, { refresh: true }) }, async (request) => ({
 *   userId: sessionOf(request)?.userId
 * }))
 * ```
 *
 * @since 0.2.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

import type { FastifyReply, FastifyRequest } from "fastify"
import type { Session } from "../core/Session.js"
import type { Authenticated, RequestOptions } from "../server/RequestAuth.js"
import { type Authenticator, decide, nodeHeaders, yieldToHandlerCookies } from "./shared.js"

const authentications = new WeakMap<object, Authenticated>()

/**
 * The session of a request the hook let through.
 *
 * @since 0.2.0
 * @category getters
 */
export const sessionOf = (request: FastifyRequest): Session | undefined => authentications.get(request)?.session

/**
 * The authentication of a request the hook let through (where the credential
 * was found, what it was, the session).
 *
 * @since 0.2.0
 * @category getters
 */
export const authenticationOf = (request: FastifyRequest): Authenticated | undefined => authentications.get(request)

/**
 * The `preHandler` hook: see the module doc. `options.params` defaults to
 * the route's parameters.
 *
 * @since 0.2.0
 * @category middleware
 */
export const descopeAuth =
  (descope: Authenticator, options: RequestOptions = {}) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const params = options.params ?? (request.params as Readonly<Record<string, string | undefined>> | undefined)
    const decision = await decide(descope, nodeHeaders(request.headers), {
      ...options,
      ...(params !== undefined ? { params } : {})
    })
    if (decision._tag === "Respond") {
      const cookies: Array<string> = []
      for (const [name, value] of decision.answer.headers) {
        if (name === "set-cookie") cookies.push(value)
        else reply.header(name, value)
      }
      if (cookies.length > 0) reply.header("set-cookie", cookies)
      await reply.code(decision.answer.status).type("application/json").send(JSON.stringify(decision.answer.body))
      return
    }
    if (decision.setCookies.length > 0) reply.header("set-cookie", [...decision.setCookies])
    yieldToHandlerCookies(reply.raw, decision.setCookies)
    authentications.set(request, decision.result)
  }

/** @since 0.2.0 */
export type { Authenticator } from "./shared.js"
