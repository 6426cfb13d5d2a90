/**
 * Example: an Express service with Descope sessions, through the Promise
 * client (`descope-effect/promise`) and the Express adapter
 * (`descope-effect/express`): sign in with an e-mailed code (the session
 * cookies are set on the answer), `/me` for any session (refreshed through
 * `DSR` when it expired), `/admin` for the `admin` role, and
 * `/tenants/:tenantId/settings` for the tenant's `admin`s.
 *
 * ```sh
 * DESCOPE_PROJECT_ID=P2... npx tsx examples/express.ts   # http://127.0.0.1:3000
 * ```
 *
 * @since 0.2.0
 */
import express from "express"
import type { AddressInfo } from "node:net"
import { pathToFileURL } from "node:url"
import { descopeAuth, sessionOf } from "../src/adapters/express.js"
import { createDescope, type Descope } from "../src/promise/index.js"
import { signInAnswer } from "./signIn.js"

/**
 * The app over a Promise client.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeApp = (descope: Descope) => {
  const app = express()
  app.use(express.json())
  const auth = descopeAuth(descope, { refresh: true })
  app.post("/auth/otp/start", (req, res, next) => {
    descope.otp.signUpOrIn({ method: "email", loginId: String(req.body?.email) }).then(
      () => res.json({ sent: true }),
      next
    )
  })
  app.post("/auth/otp/verify", (req, res) => {
    void signInAnswer(() =>
      descope.otp.verifyCode({ method: "email", loginId: String(req.body?.email), code: String(req.body?.code) })
    ).then((answer) => {
      for (const cookie of answer.cookies) res.append("set-cookie", cookie)
      res.status(answer.status).json(answer.body)
    })
  })
  app.get("/me", auth, (req, res) => {
    res.json({ userId: sessionOf(req)?.userId })
  })
  app.get("/admin", descopeAuth(descope, { refresh: true, require: { roles: ["admin"] } }), (_req, res) => {
    res.json({ admin: true })
  })
  app.get(
    "/tenants/:tenantId/settings",
    descopeAuth(descope, { refresh: true, require: { tenantRoles: ["admin"], tenant: { path: "tenantId" } } }),
    (req, res) => {
      res.json({ tenantId: req.params["tenantId"] })
    }
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
    const server = makeApp(descope).listen(port, host, () => {
      resolve({
        baseUrl: `http://${host}:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
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
