// The one conformance table every front door runs: the Promise-based adapters (Hono, Express, Fastify, Next)
// and the Effect ones (HttpApi, HttpRouter). Each door starts a real server of its framework on loopback
// (127.0.0.1, port 0) serving ROUTES with OPTIONS, over a DescopeClient routed into an in-process emulator
// (on the emulator's clock, so moving emulator time expires sessions for the app too). Every scenario gets a
// fresh client and a fresh server (no keys held, no shared refresh), signs in fresh, and talks HTTP to it.
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { DescopeClient } from "../../src/DescopeClient.js"
import * as Emulator from "../../src/emulator/index.js"
import * as DescopeLayers from "../../src/layers/Descope.js"
import { type Descope, fromLayer } from "../../src/promise/index.js"
import type { Requirement } from "../../src/server/Guard.js"
import * as ProtectedResource from "../../src/server/ProtectedResource.js"
import type { Options } from "../../src/server/RequestAuth.js"
import * as Raw from "./emulator.js"
import { rawRequest } from "./rawHttp.js"

export const PROJECT_ID = "P2Conformance000000000000001"
export const OTHER_PROJECT_ID = "P2ConformanceOther0000000001"
const MANAGEMENT_KEY = "conformance-management-key"

/**
 * A route every door serves: GET `path` (`:param` syntax), the requirement checked before the handler. A
 * `signOut` route's handler, in its framework's idiom, answers `{ userId }` and clears the session cookies
 * itself (`DS=` and `DSR=` with `Max-Age=0` (or an `Expires` in the past) and `Path=/`, the path of the session
 * cookies): a logout route.
 */
export interface Route {
  readonly path: string
  readonly require?: Requirement | undefined
  readonly signOut?: true | undefined
}

export const ROUTES: ReadonlyArray<Route> = [
  { path: "/me" },
  { path: "/admin", require: { roles: ["admin"] } },
  { path: "/reports", require: { permissions: ["reports:read"] } },
  { path: "/tenants/:tenantId/settings", require: { tenantRoles: ["editor"], tenant: { path: "tenantId" } } },
  { path: "/current-tenant", require: { tenantRoles: ["editor"] } },
  { path: "/things", require: { scopes: ["read:things"] } },
  { path: "/signout", signOut: true }
]

/** The session cookies a sign-out route clears (see `Route.signOut`), with the path of the session cookies. */
export const SIGN_OUT_COOKIES = ["DS", "DSR"] as const
export const SIGN_OUT_PATH = "/"

/** The parameters of `pathname` when it is `route`'s path (`:param` segments), for doors that route by hand. */
export const matchRoute = (route: Route, pathname: string): Record<string, string> | undefined => {
  const want = route.path.split("/")
  const got = pathname.split("/")
  if (want.length !== got.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? ""
    const g = got[i] ?? ""
    if (w.startsWith(":")) params[w.slice(1)] = decodeURIComponent(g)
    else if (w !== g) return undefined
  }
  return params
}

/** The protected resource every door is (RFC 9728): doors serve METADATA at ProtectedResource.WELL_KNOWN_PATH. */
export const RESOURCE = "https://api.conformance.test"
export const METADATA = ProtectedResource.metadata({
  resource: RESOURCE,
  authorizationServers: ["https://auth.conformance.test"],
  scopesSupported: ["read:things"]
})
const RESOURCE_METADATA = ProtectedResource.metadataUrl(RESOURCE)

/** The authentication options of every door. */
export const OPTIONS: Options = { refresh: true, accessKeys: true, resourceMetadata: RESOURCE_METADATA }

/** What a door is given: the client layer (fresh per scenario), the Promise client over it, the routes. */
export interface App {
  readonly layer: Layer.Layer<DescopeClient>
  readonly descope: Descope
  readonly options: Options
  readonly routes: ReadonlyArray<Route>
}

/** A started server. Handlers answer `{ userId }` with the session's user. */
export interface Started {
  readonly baseUrl: string
  readonly close: () => Promise<void>
}

export interface Door {
  readonly name: string
  readonly start: (app: App) => Promise<Started>
}

interface Answer {
  readonly status: number
  readonly body: Record<string, unknown>
  readonly cookies: ReadonlyArray<string>
  readonly wwwAuthenticate: string | null
}

const send = async (baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Answer> => {
  const response = await fetch(`${baseUrl}${path}`, { headers })
  const text = await response.text()
  let body: Record<string, unknown> = {}
  try {
    body = JSON.parse(text) as Record<string, unknown>
  } catch {
    body = { text }
  }
  return {
    status: response.status,
    body,
    cookies: response.headers.getSetCookie(),
    wwwAuthenticate: response.headers.get("www-authenticate")
  }
}

const cookieName = (cookie: string): string => cookie.slice(0, Math.max(0, cookie.indexOf("="))).trim()

/** A `Set-Cookie` value that deletes its cookie: empty, `Max-Age=0` or an `Expires` in the past. */
const clears = (cookie: string): boolean => {
  const [pair = "", ...attributes] = cookie.split(";").map((part) => part.trim())
  if (pair.slice(pair.indexOf("=") + 1) !== "") return false
  return attributes.some((attribute) => {
    const [name = "", value = ""] = attribute.split("=")
    if (name.toLowerCase() === "max-age") return Number(value) <= 0
    return name.toLowerCase() === "expires" && Date.parse(value) <= Date.now()
  })
}

const cookieValue = (cookies: ReadonlyArray<string>, name: string): string | undefined =>
  cookies.map((c) => c.split(";")[0] ?? "").find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1)

interface Tokens {
  readonly session: string
  readonly refresh: string
  readonly userId: string
}

interface World {
  readonly emulator: Emulator.Service
  readonly harness: Descope
  readonly layer: Layer.Layer<DescopeClient>
  readonly accessKey: string
  readonly signIn: (loginId?: string) => Promise<Tokens>
  /** The client id of the inbound (third-party) application "Zapier" (ada consented to read:things). */
  readonly inboundClientId: string
  /** An access token the emulator issues to an inbound application for ada (see `InboundTokens`). */
  readonly inboundToken: (body?: Record<string, unknown>) => Promise<string>
}

const run = <A>(effect: Effect.Effect<A>): Promise<A> => Effect.runPromise(effect)

const makeWorld = async (): Promise<World> => {
  const emulator = await run(
    Emulator.make({
      projectId: PROJECT_ID,
      managementKey: MANAGEMENT_KEY,
      projects: [{ projectId: OTHER_PROJECT_ID }],
      // as a Descope project with rotation on: a door that refreshes twice with one refresh token fails here
      refreshTokenRotation: true
    })
  )
  // the client of the app (and of the test): routed into the emulator, on its clock
  const layer: Layer.Layer<DescopeClient> = Layer.mergeAll(
    DescopeLayers.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, baseUrl: "http://emulator.local" })
      .pipe(Layer.provide(Emulator.layerHttpClient), Layer.orDie),
    Emulator.layerClock
  ).pipe(Layer.provide(Layer.succeed(Emulator.Emulator, emulator)))
  const harness = fromLayer(layer)
  await harness.mgmt.permission.create({ name: "reports:read" })
  await harness.mgmt.role.create({ name: "reader", permissionNames: ["reports:read"] })
  await harness.mgmt.role.create({ name: "admin" })
  await harness.mgmt.role.create({ name: "editor" })
  await harness.mgmt.tenant.create({ name: "Tenant one", id: "T1" })
  await harness.mgmt.tenant.create({ name: "Tenant two", id: "T2" })
  await harness.mgmt.user.create({
    loginId: "ada@example.com",
    email: "ada@example.com",
    roleNames: ["reader"],
    userTenants: [{ tenantId: "T1", roleNames: ["editor"] }]
  })
  const created = await harness.mgmt.accessKey.create({
    name: "svc",
    roleNames: ["reader"],
    customClaims: { scope: "read:things" }
  })
  const signIn = async (loginId = "ada@example.com"): Promise<Tokens> => {
    await harness.otp.signUpOrIn({ method: "email", loginId })
    const code = Option.getOrThrow(await run(emulator.lastMessage(loginId, "otp"))).code ?? ""
    const info = await harness.otp.verifyCode({ method: "email", loginId, code })
    if (info.refreshToken === undefined) throw new Error("the emulator answered no refresh token")
    return {
      session: Redacted.value(info.sessionToken),
      refresh: Redacted.value(info.refreshToken),
      userId: info.session.userId
    }
  }
  const app = await harness.mgmt.inboundApplication.createApplication({
    name: "Zapier",
    permissionsScopes: [
      { name: "read:things", description: "read things" },
      { name: "write:things", description: "write things" }
    ]
  })
  const ada = await harness.mgmt.user.load("ada@example.com")
  const consented = await run(
    Raw.request(emulator, "POST", "/emulator/consents", {
      body: { appId: app.id, userId: ada.userId, scopes: ["read:things"] }
    })
  )
  expect(consented.status).toBe(200)
  const inboundToken = async (body: Record<string, unknown> = {}): Promise<string> => {
    const issued = await run(
      Raw.request(emulator, "POST", "/emulator/inbound-apps/token", {
        body: { appId: app.id, userId: ada.userId, ...body }
      })
    )
    expect(issued.status, JSON.stringify(issued.body)).toBe(200)
    return String((issued.body as { readonly access_token: string }).access_token)
  }
  return {
    emulator,
    harness,
    layer,
    accessKey: Redacted.value(created.cleartext),
    signIn,
    inboundClientId: app.clientId,
    inboundToken
  }
}

/** A session of the other project (signed with its keys, issued by it). */
const otherProjectSession = async (world: World): Promise<string> => {
  const loginId = "eve@other.test"
  const start = await run(
    Raw.request(world.emulator, "POST", "/v1/auth/otp/signup-in/email", {
      projectId: OTHER_PROJECT_ID,
      body: { loginId }
    })
  )
  expect(start.status).toBe(200)
  const code = Option.getOrThrow(await run(world.emulator.lastMessage(loginId, "otp"))).code ?? ""
  const verified = await run(
    Raw.request(world.emulator, "POST", "/v1/auth/otp/verify/email", {
      projectId: OTHER_PROJECT_ID,
      body: { loginId, code }
    })
  )
  expect(verified.status).toBe(200)
  return String((verified.body as { readonly sessionJwt: string }).sessionJwt)
}

interface Context {
  readonly world: World
  /** Starts the door with OPTIONS (and the inbound application's audience), `overrides` over them. */
  readonly start: (overrides?: Partial<Options>) => Promise<Started>
}

interface Scenario {
  readonly name: string
  readonly run: (context: Context) => Promise<void>
}

const expectUnauthorized = (answer: Answer, reason?: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(401)
  expect(answer.body._tag).toBe("DescopeUnauthorized")
  if (reason !== undefined) expect(answer.body.reason).toBe(reason)
  expect(answer.wwwAuthenticate).toMatch(/^Bearer/)
}

const expectForbidden = (answer: Answer) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(403)
  expect(answer.body._tag).toBe("DescopeForbidden")
}

/** Starts, runs against the base URL, closes. */
const withServer = async (context: Pick<Context, "start">, f: (baseUrl: string) => Promise<void>) => {
  const started = await context.start()
  try {
    await f(started.baseUrl)
  } finally {
    await started.close()
  }
}

const expectRotated = (answer: Answer, tokens: Tokens) => {
  const ds = answer.cookies.find((c) => c.startsWith("DS="))
  const dsr = answer.cookies.find((c) => c.startsWith("DSR="))
  expect(ds, answer.cookies.join("\n")).toBeDefined()
  expect(dsr, answer.cookies.join("\n")).toBeDefined()
  for (const cookie of [ds ?? "", dsr ?? ""]) {
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; SameSite=Strict/)
  }
  expect(cookieValue(answer.cookies, "DS")).not.toBe(tokens.session)
  expect(cookieValue(answer.cookies, "DSR")).not.toBe(tokens.refresh)
}

export const SCENARIOS: ReadonlyArray<Scenario> = [
  {
    name: "no token -> 401 Missing, WWW-Authenticate: Bearer",
    run: (c) =>
      withServer(c, async (url) => {
        const answer = await send(url, "/me")
        expectUnauthorized(answer, "Missing")
        expect(answer.wwwAuthenticate).toBe(`Bearer resource_metadata="${RESOURCE_METADATA}"`)
      })
  },
  {
    name: "MCP: the protected resource metadata (RFC 9728) is served, and a 401 challenge names it",
    run: (c) =>
      withServer(c, async (url) => {
        const metadata = await send(url, ProtectedResource.WELL_KNOWN_PATH)
        expect(metadata.status).toBe(200)
        expect(metadata.body).toEqual(METADATA)
        expect(RESOURCE_METADATA).toBe("https://api.conformance.test/.well-known/oauth-protected-resource")
        const refused = await send(url, "/me", { authorization: "Bearer a.b.c" })
        expect(refused.wwwAuthenticate).toBe(
          `Bearer resource_metadata="${RESOURCE_METADATA}", error="invalid_token"`
        )
      })
  },
  {
    name: "a garbage bearer token -> 401 Malformed",
    run: (c) =>
      withServer(
        c,
        async (url) => expectUnauthorized(await send(url, "/me", { authorization: "Bearer a.b.c" }), "Malformed")
      )
  },
  {
    name: "a garbage DS cookie -> 401 Malformed",
    run: (c) =>
      withServer(c, async (url) => expectUnauthorized(await send(url, "/me", { cookie: "DS=x.y.z" }), "Malformed"))
  },
  {
    name: "an expired session and no refresh cookie -> 401 Expired",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await run(c.world.emulator.advanceTime("11 minutes"))
      await withServer(
        c,
        async (url) =>
          expectUnauthorized(await send(url, "/me", { authorization: `Bearer ${tokens.session}` }), "Expired")
      )
    }
  },
  {
    name: "a session of another project -> 401",
    run: async (c) => {
      const token = await otherProjectSession(c.world)
      await withServer(c, async (url) => {
        const answer = await send(url, "/me", { authorization: `Bearer ${token}` })
        expectUnauthorized(answer)
        expect(["UnknownKey", "WrongIssuer", "BadSignature"]).toContain(answer.body.reason)
      })
    }
  },
  {
    name: "a refresh token sent as the session -> 401 WrongTokenType",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(
        c,
        async (url) =>
          expectUnauthorized(await send(url, "/me", { authorization: `Bearer ${tokens.refresh}` }), "WrongTokenType")
      )
    }
  },
  {
    name: "a valid bearer token -> 200 with the session",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const answer = await send(url, "/me", { authorization: `Bearer ${tokens.session}` })
        expect(answer.status).toBe(200)
        expect(answer.body.userId).toBe(tokens.userId)
        expect(answer.cookies).toEqual([])
      })
    }
  },
  {
    name: "a valid DS cookie -> 200 with the session",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const answer = await send(url, "/me", { cookie: `other=1; DS=${tokens.session}` })
        expect(answer.status).toBe(200)
        expect(answer.body.userId).toBe(tokens.userId)
      })
    }
  },
  {
    name: "the bearer header wins over the cookie, and a bad one is not retried with the cookie",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const good = await send(url, "/me", { authorization: `Bearer ${tokens.session}`, cookie: "DS=x.y.z" })
        expect(good.status).toBe(200)
        const bad = await send(url, "/me", { authorization: "Bearer x.y.z", cookie: `DS=${tokens.session}` })
        expectUnauthorized(bad, "Malformed")
      })
    }
  },
  {
    name: "an expired session + a valid DSR -> 200 with rotated DS / DSR (HttpOnly; Secure; SameSite)",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await run(c.world.emulator.advanceTime("11 minutes"))
      await withServer(c, async (url) => {
        const answer = await send(url, "/me", { cookie: `DS=${tokens.session}; DSR=${tokens.refresh}` })
        expect(answer.status, JSON.stringify(answer.body)).toBe(200)
        expect(answer.body.userId).toBe(tokens.userId)
        expectRotated(answer, tokens)
        // the rotated session is good on its own
        const again = await send(url, "/me", { cookie: `DS=${cookieValue(answer.cookies, "DS")}` })
        expect(again.status).toBe(200)
      })
    }
  },
  {
    name: "no session, a valid DSR -> 200 with rotated cookies",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const answer = await send(url, "/me", { cookie: `DSR=${tokens.refresh}` })
        expect(answer.status, JSON.stringify(answer.body)).toBe(200)
        expectRotated(answer, tokens)
      })
    }
  },
  {
    name: "50 concurrent requests with one expired session + DSR -> all 200, one refresh on the wire",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await run(c.world.emulator.advanceTime("11 minutes"))
      const counter = await run(c.world.emulator.addFault({ path: "/v1/auth/refresh", latencyMs: 20 }))
      try {
        await withServer(c, async (url) => {
          const answers = await Promise.all(
            Array.from(
              { length: 50 },
              () => send(url, "/me", { cookie: `DS=${tokens.session}; DSR=${tokens.refresh}` })
            )
          )
          expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 200))
          for (const answer of answers) expect(cookieValue(answer.cookies, "DS")).toBeDefined()
          const fault = (await run(c.world.emulator.faults)).find((f) => f.id === counter)
          expect(fault?.hits).toBe(1)
        })
      } finally {
        await run(c.world.emulator.removeFault(counter))
      }
    }
  },
  {
    name: "a handler's own sign-out after a refresh -> its clearing DS / DSR only, no rotated cookie in the response",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await run(c.world.emulator.advanceTime("11 minutes"))
      const counter = await run(c.world.emulator.addFault({ path: "/v1/auth/refresh", latencyMs: 1 }))
      try {
        await withServer(c, async (url) => {
          const answer = await send(url, "/signout", { cookie: `DS=${tokens.session}; DSR=${tokens.refresh}` })
          expect(answer.status, JSON.stringify(answer.body)).toBe(200)
          expect(answer.body.userId).toBe(tokens.userId)
          // the expired session was refreshed while authenticating (the sign-out is not a 401)
          expect((await run(c.world.emulator.faults)).find((f) => f.id === counter)?.hits).toBe(1)
          // the handler's cookies, as it set them: one Set-Cookie per name, clearing
          expect(answer.cookies.map(cookieName).sort(), answer.cookies.join("\n")).toEqual([...SIGN_OUT_COOKIES])
          for (const cookie of answer.cookies) {
            expect(clears(cookie), cookie).toBe(true)
            expect(cookie).toMatch(new RegExp(`; Path=${SIGN_OUT_PATH}(;|$)`, "i"))
          }
        })
      } finally {
        await run(c.world.emulator.removeFault(counter))
      }
    }
  },
  {
    name: "a revoked refresh token -> 401 and both cookies cleared",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await c.world.harness.logout(tokens.refresh)
      await run(c.world.emulator.advanceTime("11 minutes"))
      await withServer(c, async (url) => {
        const answer = await send(url, "/me", { cookie: `DS=${tokens.session}; DSR=${tokens.refresh}` })
        expectUnauthorized(answer)
        for (const name of ["DS", "DSR"]) {
          const cleared = answer.cookies.find((cookie) => cookie.startsWith(`${name}=;`))
          expect(cleared, answer.cookies.join("\n")).toMatch(/Max-Age=0/)
        }
      })
    }
  },
  {
    name: "the keys endpoint down with no keys held -> 503 (never 401)",
    run: async (c) => {
      const tokens = await c.world.signIn()
      const down = await run(c.world.emulator.addFault({ path: "/v*/keys/**", status: 503 }))
      try {
        await withServer(c, async (url) => {
          const answer = await send(url, "/me", { authorization: `Bearer ${tokens.session}` })
          expect(answer.status, JSON.stringify(answer.body)).toBe(503)
          expect(answer.body._tag).toBe("DescopeUnavailable")
        })
      } finally {
        await run(c.world.emulator.removeFault(down))
      }
    }
  },
  {
    name: "the refresh endpoint down -> 503, the cookies kept",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await run(c.world.emulator.advanceTime("11 minutes"))
      const down = await run(c.world.emulator.addFault({ path: "/v1/auth/refresh", status: 503 }))
      try {
        await withServer(c, async (url) => {
          const answer = await send(url, "/me", { cookie: `DS=${tokens.session}; DSR=${tokens.refresh}` })
          expect(answer.status, JSON.stringify(answer.body)).toBe(503)
          expect(answer.cookies).toEqual([])
        })
      } finally {
        await run(c.world.emulator.removeFault(down))
      }
    }
  },
  {
    name: "a missing role -> 403 naming it",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const answer = await send(url, "/admin", { authorization: `Bearer ${tokens.session}` })
        expectForbidden(answer)
        expect(answer.body.missingRoles).toEqual(["admin"])
      })
    }
  },
  {
    name: "a held permission (through a role) -> 200",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        expect((await send(url, "/reports", { authorization: `Bearer ${tokens.session}` })).status).toBe(200)
      })
    }
  },
  {
    name: "a tenant role in the path's tenant -> 200",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const answer = await send(url, "/tenants/T1/settings", { authorization: `Bearer ${tokens.session}` })
        expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      })
    }
  },
  {
    name: "a tenant the session is not in (from the path) -> 403 naming the tenant and the role",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const answer = await send(url, "/tenants/T2/settings", { authorization: `Bearer ${tokens.session}` })
        expectForbidden(answer)
        expect(answer.body.tenantId).toBe("T2")
        expect(answer.body.missingRoles).toEqual(["editor"])
      })
    }
  },
  {
    name: "a tenant check on the current tenant (dct) without one -> 403 saying so",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const answer = await send(url, "/current-tenant", { authorization: `Bearer ${tokens.session}` })
        expectForbidden(answer)
        expect(String(answer.body.errorMessage)).toMatch(/dct/)
      })
    }
  },
  {
    name: "an access key -> 200, exchanged once for several requests, again once its session expired",
    run: async (c) => {
      const counter = await run(c.world.emulator.addFault({ path: "/v1/auth/accesskey/exchange", latencyMs: 1 }))
      try {
        await withServer(c, async (url) => {
          for (let i = 0; i < 3; i++) {
            const answer = await send(url, "/reports", { authorization: `Bearer ${c.world.accessKey}` })
            expect(answer.status, JSON.stringify(answer.body)).toBe(200)
            expect(answer.body.userId).toMatch(/^K/)
          }
          const hits = async () => (await run(c.world.emulator.faults)).find((f) => f.id === counter)?.hits
          expect(await hits()).toBe(1)
          // its session expired: exchanged again
          await run(c.world.emulator.advanceTime("11 minutes"))
          expect((await send(url, "/reports", { authorization: `Bearer ${c.world.accessKey}` })).status).toBe(200)
          expect(await hits()).toBe(2)
        })
      } finally {
        await run(c.world.emulator.removeFault(counter))
      }
    }
  },
  {
    name: "an unknown access key -> 401",
    run: (c) =>
      withServer(
        c,
        async (url) => expectUnauthorized(await send(url, "/me", { authorization: "Bearer K2nope:not-a-key" }))
      )
  },
  {
    name: "a scope the token lacks -> 403 insufficient_scope; the access key holding it -> 200",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const answer = await send(url, "/things", { authorization: `Bearer ${tokens.session}` })
        expectForbidden(answer)
        expect(answer.body.missingScopes).toEqual(["read:things"])
        expect(answer.wwwAuthenticate).toMatch(/error="insufficient_scope"/)
        const key = await send(url, "/things", { authorization: `Bearer ${c.world.accessKey}` })
        expect(key.status, JSON.stringify(key.body)).toBe(200)
      })
    }
  },
  {
    name: "an inbound app's access token (its client id as audience) -> 200 with the consenting user's session",
    run: async (c) => {
      const token = await c.world.inboundToken()
      await withServer(c, async (url) => {
        const answer = await send(url, "/things", { authorization: `Bearer ${token}` })
        expect(answer.status, JSON.stringify(answer.body)).toBe(200)
        expect(answer.body.userId).toBe((await c.world.harness.mgmt.user.load("ada@example.com")).userId)
      })
    }
  },
  {
    name: "an inbound app's access token lacking the route's scope -> 403 insufficient_scope naming it",
    run: async (c) => {
      const token = await c.world.inboundToken({ scopes: [] })
      await withServer(c, async (url) => {
        const answer = await send(url, "/things", { authorization: `Bearer ${token}` })
        expectForbidden(answer)
        expect(answer.body.missingScopes).toEqual(["read:things"])
        expect(answer.wwwAuthenticate).toMatch(/error="insufficient_scope"/)
        // its scopes are all it holds: the user's roles do not come with it
        expectForbidden(await send(url, "/reports", { authorization: `Bearer ${token}` }))
      })
    }
  },
  {
    name: "an inbound app's access token for another audience -> 401 WrongAudience; as a DS cookie -> 401",
    run: async (c) => {
      const other = await c.world.inboundToken({ audience: "https://elsewhere.test" })
      const token = await c.world.inboundToken()
      await withServer(c, async (url) => {
        expectUnauthorized(await send(url, "/things", { authorization: `Bearer ${other}` }), "WrongAudience")
        expectUnauthorized(await send(url, "/things", { cookie: `DS=${token}` }), "WrongTokenType")
      })
    }
  },
  {
    name: "an inbound app's access token where inbound apps are not accepted -> 401 WrongTokenType",
    run: async (c) => {
      const token = await c.world.inboundToken()
      await withServer({ ...c, start: () => c.start({ inboundApps: false }) }, async (url) => {
        expectUnauthorized(await send(url, "/things", { authorization: `Bearer ${token}` }), "WrongTokenType")
      })
    }
  },
  {
    name: "hostile headers: huge, duplicated, non-ASCII cookies -> 4xx, never 500",
    run: async (c) => {
      const tokens = await c.world.signIn()
      await withServer(c, async (url) => {
        const huge = await rawRequest(url, { path: "/me", headers: { cookie: `DS=${"a".repeat(64 * 1024)}` } })
        expect([400, 401, 431]).toContain(huge.status)
        const big = await rawRequest(url, { path: "/me", headers: { authorization: `Bearer ${"a.".repeat(4000)}a` } })
        expect(big.status).toBe(401)
        // the first DS wins
        const duplicated = await rawRequest(url, {
          path: "/me",
          headers: { cookie: `DS=x.y.z; DS=${tokens.session}` }
        })
        expect(duplicated.status).toBe(401)
        const latin1 = await rawRequest(url, { path: "/me", headers: { cookie: "DS=caf\u00e9.\u00ff.x; DSR=\u00e9" } })
        expect([400, 401]).toContain(latin1.status)
        const twoAuthorizations = await rawRequest(url, {
          path: "/me",
          headers: { authorization: `Bearer ${tokens.session}, Bearer x.y.z` }
        })
        expect([400, 401]).toContain(twoAuthorizations.status)
      })
    }
  }
]

/** Registers the table for one door. */
export const conformance = (door: Door): void => {
  describe(`conformance: ${door.name}`, () => {
    let world: World | undefined
    beforeAll(async () => {
      world = await makeWorld()
    }, 60_000)
    afterAll(async () => {
      await world?.harness.dispose()
    })
    it("the table has at least 20 scenarios", () => {
      expect(SCENARIOS.length).toBeGreaterThanOrEqual(20)
    })
    for (const scenario of SCENARIOS) {
      it(scenario.name, async () => {
        const w = world as World
        const start = async (overrides: Partial<Options> = {}): Promise<Started> => {
          const descope = fromLayer(w.layer)
          const options: Options = { ...OPTIONS, inboundApps: { audience: w.inboundClientId }, ...overrides }
          const started = await door.start({ layer: w.layer, descope, options, routes: ROUTES })
          return {
            baseUrl: started.baseUrl,
            close: async () => {
              await started.close()
              await descope.dispose()
            }
          }
        }
        await scenario.run({ world: w, start })
      }, 60_000)
    }
  })
}
