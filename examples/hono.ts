/**
 * Example: a Hono service with Descope sessions, through the Promise client
 * (`descope-effect/promise`) and the Hono adapter (`descope-effect/hono`):
 * sign in with an e-mailed code (the session cookies are set on the answer),
 * `/me` for any session (refreshed through `DSR` when it expired), `/admin`
 * for the `admin` role, `/tenants/:tenantId/settings` for the tenant's `admin`s.
 *
 * ```sh
 * DESCOPE_PROJECT_ID=P2... npx tsx examples/hono.ts   # http://127.0.0.1:3000
 * ```
 *
 * @since 0.2.0
 */
import { serve } from "@hono/node-server"
import { Hono } from "hono"
import type { AddressInfo } from "node:net"
import { pathToFileURL } from "node:url"
import { descopeAuth, type DescopeEnv } from "../src/adapters/hono.js"
import { createDescope, type Descope } from "../src/promise/index.js"
import { signInAnswer } from "./signIn.js"

/**
 * The app over a Promise client.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeApp = (descope: Descope) => {
  const app = new Hono<DescopeEnv>()
  app.post("/auth/otp/start", async (c) => {
    const { email } = await c.req.json<{ email: string }>()
    await descope.otp.signUpOrIn({ method: "email", loginId: email })
    return c.json({ sent: true })
  })
  app.post("/auth/otp/verify", async (c) => {
    const { code, email } = await c.req.json<{ email: string; code: string }>()
    const answer = await signInAnswer(() => descope.otp.verifyCode({ method: "email", loginId: email, code }))
    for (const cookie of answer.cookies) c.header("set-cookie", cookie, { append: true })
    return c.json(answer.body as object, answer.status as 200)
  })
  app.get("/me", descopeAuth(descope, { refresh: true }), (c) => c.json({ userId: c.get("descopeSession").userId }))
  app.get(
    "/admin",
    descopeAuth(descope, { refresh: true, require: { roles: ["admin"] } }),
    (c) => c.json({ admin: true })
  )
  app.get(
    "/tenants/:tenantId/settings",
    descopeAuth(descope, { refresh: true, require: { tenantRoles: ["admin"], tenant: { path: "tenantId" } } }),
    (c) => c.json({ tenantId: c.req.param("tenantId") })
  )
  return app
}

/**
 * Listens on `host:port` (port 0: any free port); resolves the base URL and a `close`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const listen = (descope: Descope, port = 0, host = "127.0.0.1") =>
  new Promise<{ readonly baseUrl: string; readonly close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: makeApp(descope).fetch, port, hostname: host }, (info: AddressInfo) => {
      resolve({
        baseUrl: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
          })
      })
    })
  })

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const descope = createDescope({ projectId: process.env["DESCOPE_PROJECT_ID"] ?? "" })
  void listen(descope, Number(process.env["PORT"] ?? 3000)).then(({ baseUrl }) =>
    console.log(`listening on ${baseUrl}`)
  )
}
