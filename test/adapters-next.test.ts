/**
 * descope-effect/next: `withDescope` route handlers, written against the web
 * `Request` / `Response` (a `NextRequest` is a `Request`; `next` itself is not
 * installed here), run the shared conformance table behind a loopback server
 * that does what Next does for a route handler: a web `Request` from the
 * incoming message, the route's `params` as a Promise (Next 15+), the web
 * `Response` written back. The `middleware.ts` helper is checked with real
 * `Request`s, and the adapter's import graph holds no Node-only module (Edge).
 * test/adapters-next.next.test.ts runs the same table against a real Next
 * (`npm run test:next`, which installs it on the first run).
 */
import * as Fs from "node:fs"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { authenticate, withDescope } from "../src/adapters/next.js"
import type { Authenticator } from "../src/adapters/shared.js"
import type { Session } from "../src/core/Session.js"
import * as ProtectedResource from "../src/server/ProtectedResource.js"
import { DescopeUnauthorized, DescopeUnavailable } from "../src/server/ServerError.js"
import { conformance, matchRoute, METADATA, SIGN_OUT_COOKIES, SIGN_OUT_PATH } from "./support/conformance.js"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")

conformance({
  name: "next (route handlers)",
  start: (app) =>
    new Promise((resolve) => {
      const handlers = app.routes.map((route) => ({
        route,
        GET: withDescope(
          app.descope,
          (_request, { session }) => {
            const response = Response.json({ userId: session.userId })
            if (route.signOut) {
              for (const name of SIGN_OUT_COOKIES) {
                response.headers.append("set-cookie", `${name}=; Max-Age=0; Path=${SIGN_OUT_PATH}`)
              }
            }
            return response
          },
          { ...app.options, require: route.require }
        )
      }))
      const server = Http.createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1")
        if (url.pathname === ProtectedResource.WELL_KNOWN_PATH) {
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(METADATA))
          return
        }
        const found = handlers.map((h) => ({ h, params: matchRoute(h.route, url.pathname) })).find((x) => x.params)
        if (found === undefined || found.params === undefined) {
          res.writeHead(404).end()
          return
        }
        const headers = new Headers()
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === "string") headers.set(name, value)
        }
        const params = found.params
        found.h.GET(new Request(url, { headers }), { params: Promise.resolve(params) }).then(
          async (response) => {
            const out: Record<string, string | Array<string>> = {}
            response.headers.forEach((value, name) => {
              if (name !== "set-cookie") out[name] = value
            })
            const cookies = response.headers.getSetCookie()
            if (cookies.length > 0) out["set-cookie"] = cookies
            res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()))
          },
          () => res.writeHead(500).end()
        )
      })
      server.listen(0, "127.0.0.1", () => {
        const port = (server.address() as AddressInfo).port
        resolve({
          baseUrl: `http://127.0.0.1:${port}`,
          close: () =>
            new Promise<void>((done) => {
              server.closeAllConnections()
              server.close(() => done())
            })
        })
      })
    })
})

const session = { userId: "U1" } as Session

describe("next: middleware helper and Edge compatibility", () => {
  it("authenticate gives the session and the Set-Cookie values, or the Response to return", async () => {
    const ok: Authenticator = {
      authenticateRequest: () =>
        Promise.resolve({ _tag: "Authenticated", session, source: "cookie", kind: "session", cookies: [] })
    }
    const passed = await authenticate(ok, new Request("http://app.test/", { headers: { cookie: "DS=a; theme=dark" } }))
    expect("session" in passed && passed.session.userId).toBe("U1")
    // no refresh: the request's headers, unchanged
    expect("session" in passed && passed.requestHeaders.get("cookie")).toBe("DS=a; theme=dark")

    const refused: Authenticator = {
      authenticateRequest: () =>
        Promise.resolve({
          _tag: "Unauthenticated",
          reason: "Missing",
          error: new DescopeUnauthorized({
            errorCode: "C030002",
            errorDescription: "Invalid token",
            reason: "Missing"
          }),
          cookies: []
        })
    }
    const answer = await authenticate(refused, new Request("http://app.test/"))
    expect("response" in answer && answer.response.status).toBe(401)

    const down: Authenticator = {
      authenticateRequest: () => Promise.reject(new DescopeUnavailable({ errorCode: "C030001" }))
    }
    const unavailable = await authenticate(down, new Request("http://app.test/"))
    expect("response" in unavailable && unavailable.response.status).toBe(503)

    const broken: Authenticator = { authenticateRequest: () => Promise.reject(new Error("boom")) }
    await expect(authenticate(broken, new Request("http://app.test/"))).rejects.toThrow("boom")
  })

  it("the adapter's import graph holds no Node-only module and not the client", () => {
    const seen = new Set<string>()
    const external = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      const text = Fs.readFileSync(file, "utf8")
      // runtime imports only: `import type` and `export type` vanish at compile time
      for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^"']*?from\s+"([^"]+)"/gm)) {
        const spec = m[1] ?? ""
        if (spec.startsWith(".")) visit(Path.resolve(Path.dirname(file), spec.replace(/\.js$/, ".ts")))
        else external.add(spec)
      }
      for (const m of text.matchAll(/^import\s+"([^"]+)"/gm)) {
        const spec = m[1] ?? ""
        if (spec.startsWith(".")) visit(Path.resolve(Path.dirname(file), spec.replace(/\.js$/, ".ts")))
        else external.add(spec)
      }
    }
    visit(Path.join(ROOT, "src/adapters/next.ts"))
    expect([...external].filter((s) => s.startsWith("node:") || !/^(effect|@effect\/platform)(\/|$)/.test(s)))
      .toEqual([])
    // the walk did follow the runtime imports (Answers, ServerError, the errors of core)
    expect([...seen].map((f) => Path.basename(f))).toEqual(
      expect.arrayContaining(["effectVersion.ts", "shared.ts", "Answers.ts", "ServerError.ts", "DescopeError.ts"])
    )
    expect([...seen].some((f) => f.endsWith("DescopeClient.ts"))).toBe(false)
  })
})

describe("ProtectedResource (RFC 9728), from the Edge path", () => {
  it("puts the well-known path between the host and the resource's path; leaves absent fields out", async () => {
    const { ProtectedResource: FromNext } = await import("../src/adapters/next.js")
    expect(FromNext.metadataUrl("https://api.example.com/mcp")).toBe(
      "https://api.example.com/.well-known/oauth-protected-resource/mcp"
    )
    expect(FromNext.metadataUrl("https://api.example.com")).toBe(
      "https://api.example.com/.well-known/oauth-protected-resource"
    )
    expect(FromNext.metadata({ resource: "https://api.example.com/mcp" })).toEqual({
      resource: "https://api.example.com/mcp",
      bearer_methods_supported: ["header"]
    })
  })
})
