/**
 * Example: a Fastify service with Descope sessions, through the Promise
 * client (`descope-effect/promise`) and the Fastify adapter
 * (`descope-effect/fastify`): sign in with an e-mailed code (the session
 * cookies are set on the answer), `/me` for any session (refreshed through
 * `DSR` when it expired), `/admin` for the `admin` role,
 * `/tenants/:tenantId/settings` for the tenant's `admin`s.
 *
 * ```sh
 * DESCOPE_PROJECT_ID=P2... npx tsx examples/fastify.ts   # http://127.0.0.1:3000
 * ```
 *
 * @since 0.2.0
 */
import Fastify from "fastify"
import { pathToFileURL } from "node:url"
import { descopeAuth, sessionOf } from "../src/adapters/fastify.js"
import { createDescope, type Descope } from "../src/promise/index.js"
import { signInAnswer } from "./signIn.js"

/**
 * The app over a Promise client.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeApp = (descope: Descope) => {
  const app = Fastify()
  app.post<{ Body: { email: string } }>("/auth/otp/start", async (request) => {
    await descope.otp.signUpOrIn({ method: "email", loginId: request.body.email })
    return { sent: true }
  })
  app.post<{ Body: { email: string; code: string } }>("/auth/otp/verify", async (request, reply) => {
    const { code, email } = request.body
    const answer = await signInAnswer(() => descope.otp.verifyCode({ method: "email", loginId: email, code }))
    if (answer.cookies.length > 0) reply.header("set-cookie", [...answer.cookies])
    return reply.code(answer.status).send(answer.body)
  })
  app.get("/me", { preHandler: descopeAuth(descope, { refresh: true }) }, async (request) => ({
    userId: sessionOf(request)?.userId
  }))
  app.get(
    "/admin",
    { preHandler: descopeAuth(descope, { refresh: true, require: { roles: ["admin"] } }) },
    async () => ({ admin: true })
  )
  app.get<{ Params: { tenantId: string } }>(
    "/tenants/:tenantId/settings",
    {
      preHandler: descopeAuth(descope, {
        refresh: true,
        require: { tenantRoles: ["admin"], tenant: { path: "tenantId" } }
      })
    },
    async (request) => ({ tenantId: request.params.tenantId })
  )
  return app
}

/**
 * Listens on `host:port` (port 0: any free port); resolves the base URL and a `close`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const listen = async (descope: Descope, port = 0, host = "127.0.0.1") => {
  const app = makeApp(descope)
  const baseUrl = await app.listen({ port, host })
  return { baseUrl, close: () => app.close() }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const descope = createDescope({ projectId: process.env["DESCOPE_PROJECT_ID"] ?? "" })
  void listen(descope, Number(process.env["PORT"] ?? 3000)).then(({ baseUrl }) =>
    console.log(`listening on ${baseUrl}`)
  )
}
