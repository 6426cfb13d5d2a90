/**
 * descope-effect/express on a real Express server (127.0.0.1, port 0) runs
 * the shared conformance table.
 */
import express from "express"
import type { AddressInfo } from "node:net"
import { descopeAuth, sessionOf } from "../src/adapters/express.js"
import * as ProtectedResource from "../src/server/ProtectedResource.js"
import { conformance, METADATA, SIGN_OUT_COOKIES, SIGN_OUT_PATH } from "./support/conformance.js"

conformance({
  name: "express",
  start: (app) =>
    new Promise((resolve) => {
      const server = express()
      server.get(ProtectedResource.WELL_KNOWN_PATH, (_req, res) => {
        res.json(METADATA)
      })
      for (const route of app.routes) {
        server.get(route.path, descopeAuth(app.descope, { ...app.options, require: route.require }), (req, res) => {
          if (route.signOut) {
            for (const name of SIGN_OUT_COOKIES) res.clearCookie(name, { path: SIGN_OUT_PATH })
          }
          res.json({ userId: sessionOf(req)?.userId })
        })
      }
      const listening = server.listen(0, "127.0.0.1", () => {
        const port = (listening.address() as AddressInfo).port
        resolve({
          baseUrl: `http://127.0.0.1:${port}`,
          close: () =>
            new Promise<void>((done) => {
              listening.closeAllConnections()
              listening.close(() => done())
            })
        })
      })
    })
})
