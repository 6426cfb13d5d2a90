/**
 * descope-effect/fastify on a real Fastify server (127.0.0.1, port 0) runs
 * the shared conformance table.
 */
import Fastify from "fastify"
import { descopeAuth, sessionOf } from "../src/adapters/fastify.js"
import * as ProtectedResource from "../src/server/ProtectedResource.js"
import { conformance, METADATA, SIGN_OUT_COOKIES, SIGN_OUT_PATH } from "./support/conformance.js"

conformance({
  name: "fastify",
  start: async (app) => {
    const server = Fastify()
    server.get(ProtectedResource.WELL_KNOWN_PATH, async () => METADATA)
    for (const route of app.routes) {
      server.get(
        route.path,
        { preHandler: descopeAuth(app.descope, { ...app.options, require: route.require }) },
        async (request, reply) => {
          if (route.signOut) {
            for (const name of SIGN_OUT_COOKIES) {
              reply.header("set-cookie", `${name}=; Max-Age=0; Path=${SIGN_OUT_PATH}`)
            }
          }
          return { userId: sessionOf(request)?.userId }
        }
      )
    }
    const baseUrl = await server.listen({ port: 0, host: "127.0.0.1" })
    return { baseUrl, close: () => server.close() }
  }
})
