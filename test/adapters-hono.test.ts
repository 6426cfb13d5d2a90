/**
 * descope-effect/hono on a real Hono server (@hono/node-server on 127.0.0.1,
 * port 0) runs the shared conformance table.
 */
import { serve } from "@hono/node-server"
import { Hono } from "hono"
import { deleteCookie } from "hono/cookie"
import type { AddressInfo } from "node:net"
import { descopeAuth, type DescopeEnv } from "../src/adapters/hono.js"
import * as ProtectedResource from "../src/server/ProtectedResource.js"
import { conformance, METADATA, SIGN_OUT_COOKIES, SIGN_OUT_PATH } from "./support/conformance.js"

conformance({
  name: "hono",
  start: (app) =>
    new Promise((resolve) => {
      const hono = new Hono<DescopeEnv>()
      hono.get(ProtectedResource.WELL_KNOWN_PATH, (c) => c.json(METADATA))
      for (const route of app.routes) {
        hono.get(
          route.path,
          descopeAuth(app.descope, { ...app.options, require: route.require }),
          (c) => {
            if (route.signOut) {
              for (const name of SIGN_OUT_COOKIES) deleteCookie(c, name, { path: SIGN_OUT_PATH })
            }
            return c.json({ userId: c.get("descopeSession").userId })
          }
        )
      }
      const server = serve({ fetch: hono.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        resolve({
          baseUrl: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done())
            })
        })
      })
    })
})
