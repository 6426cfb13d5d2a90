/**
 * `npm run demo`: the whole product on one machine, no Descope account, no
 * network beyond 127.0.0.1.
 *
 * 1. starts the Descope emulator on a free loopback port;
 * 2. starts the example backend (examples/backend) on another one, its
 *    `DescopeClient` pointed at the emulator;
 * 3. drives the story with an HTTP client that keeps cookies like a browser,
 *    printing one line per step — OTP, outbox, verify, `/me`, a role-guarded
 *    tenant endpoint (403, grant, refresh, 200), session expiry and the
 *    transparent refresh through `DSR`, logout, 401 — then runs the
 *    management script (examples/management.ts) against the emulator;
 * 4. stops both servers and exits 0, or non-zero naming the step that failed.
 *
 * The backend and the admin client run on the emulator's clock
 * (`Emulator.layerClock`), so when the demo advances emulator time they see
 * the session expire too, without knowing anything of the emulator.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as HttpServer from "@effect/platform/HttpServer"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { pathToFileURL } from "node:url"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import * as Backend from "./backend/Backend.js"
import * as Management from "./management.js"

// ---------------------------------------------------------------------------
// steps
// ---------------------------------------------------------------------------

/**
 * A step that held.
 *
 * @since 0.1.0
 * @category models
 */
export interface StepResult {
  readonly step: string
  readonly detail: string
}

/**
 * The step that did not hold, and why.
 *
 * @since 0.1.0
 * @category errors
 */
export class DemoStepFailed extends Data.TaggedError("DemoStepFailed")<{
  readonly step: string
  readonly reason: string
}> {
  override get message(): string {
    return `step "${this.step}" failed: ${this.reason}`
  }
}

class Unexpected extends Data.TaggedError("Unexpected")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}

const expect = (condition: boolean, reason: string): Effect.Effect<void, Unexpected> =>
  condition ? Effect.void : Effect.fail(new Unexpected({ reason }))

const reasonOf = (cause: Cause.Cause<unknown>): string => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure)) {
    const e = failure.value
    if (e instanceof Error) return e.message
    if (typeof e === "object" && e !== null && "_tag" in e) return String(e._tag)
    return typeof e === "string" ? e : "an unexpected failure"
  }
  return Cause.pretty(cause).split("\n")[0] ?? "unknown failure"
}

// ---------------------------------------------------------------------------
// a browser-like HTTP client
// ---------------------------------------------------------------------------

interface Answer {
  readonly status: number
  readonly body: Record<string, unknown>
  /** Cookies the answer set (name -> value; an empty value clears the cookie). */
  readonly setCookies: ReadonlyMap<string, string>
}

/** Keeps the cookies the backend sets, and sends them back, like a browser would. */
const makeBrowser = (baseUrl: string) => {
  const jar = new Map<string, string>()
  const send = (method: "GET" | "POST", path: string, body?: unknown, cookies?: ReadonlyMap<string, string>) =>
    Effect.tryPromise({
      try: async (): Promise<Answer> => {
        const sent = cookies ?? jar
        const headers: Record<string, string> = {}
        if (sent.size > 0) headers["cookie"] = [...sent].map(([k, v]) => `${k}=${v}`).join("; ")
        if (body !== undefined) headers["content-type"] = "application/json"
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {})
        })
        const text = await response.text()
        const setCookies = new Map<string, string>()
        for (const line of response.headers.getSetCookie()) {
          const [pair = "", ...attributes] = line.split(";")
          const at = pair.indexOf("=")
          const name = pair.slice(0, at).trim()
          const value = pair.slice(at + 1).trim()
          const cleared = value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
          setCookies.set(name, cleared ? "" : value)
          if (cleared) jar.delete(name)
          else jar.set(name, value)
        }
        let parsed: unknown = {}
        try {
          parsed = text === "" ? {} : JSON.parse(text)
        } catch {
          parsed = { text }
        }
        const record = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {}
        return { status: response.status, body: record, setCookies }
      },
      catch: (e) => new Unexpected({ reason: `${method} ${path}: ${String(e)}` })
    })
  return {
    get: (path: string, cookies?: ReadonlyMap<string, string>) => send("GET", path, undefined, cookies),
    post: (path: string, body?: unknown) => send("POST", path, body),
    cookie: (name: string): string | undefined => jar.get(name),
    cookies: (): ReadonlyMap<string, string> => new Map(jar)
  }
}

const statusIs = (answer: Answer, status: number, what: string) =>
  expect(answer.status === status, `${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`)

// ---------------------------------------------------------------------------
// the story
// ---------------------------------------------------------------------------

/**
 * Options of the story.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Where the readable lines go (default: nowhere). */
  readonly log?: ((line: string) => void) | undefined
  /** The user who signs in. */
  readonly email?: string | undefined
  /** Emulator options (lifetimes ...); the project and its management key are the demo's. */
  readonly emulator?: Emulator.Options | undefined
}

const PROJECT_ID = Emulator.DEFAULT_PROJECT_ID
const MANAGEMENT_KEY = "demo-management-key"
const TENANT = "acme"

/**
 * The demo: every step, in order; fails with the first step that does not
 * hold. Both servers live in the caller's scope.
 *
 * @since 0.1.0
 * @category programs
 */
export const story = (options: Options = {}): Effect.Effect<ReadonlyArray<StepResult>, DemoStepFailed, Scope.Scope> =>
  Effect.gen(function*() {
    const log = options.log ?? (() => {})
    const email = options.email ?? "ada@example.com"
    const results: Array<StepResult> = []
    const step = <A>(name: string, body: Effect.Effect<readonly [A, string], unknown, Scope.Scope>) =>
      body.pipe(
        Effect.catchAllCause((cause) => Effect.fail(new DemoStepFailed({ step: name, reason: reasonOf(cause) }))),
        Effect.map(([value, detail]) => {
          results.push({ step: name, detail })
          log(`✓ ${String(results.length).padStart(2, "0")} ${name}: ${detail}`)
          return value
        })
      )

    // 1. the emulator, on its own (real) clock
    const emulator = yield* step(
      "emulator started",
      Effect.map(
        Emulator.make({ ...options.emulator, projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY }),
        (e) => [e, PROJECT_ID] as const
      )
    )
    const emulatorServer = yield* step(
      "emulator listening",
      Effect.map(
        Emulator.serve({ port: 0 }).pipe(Effect.provideService(Emulator.Emulator, emulator)),
        (info) => [info, `${info.baseUrl} (project ${PROJECT_ID})`] as const
      )
    )

    const rest = Effect.gen(function*() {
      // 2. the backend, against the emulator; and an admin client with the management key
      const backendUrl = yield* step(
        "backend listening",
        Effect.gen(function*() {
          const context = yield* Layer.build(
            Backend.layerServer().pipe(
              Layer.provide(Descope.layerFetch({ projectId: PROJECT_ID, baseUrl: emulatorServer.baseUrl }))
            )
          )
          const address = Context.get(context, HttpServer.HttpServer).address
          const url = address._tag === "TcpAddress" ? `http://${address.hostname}:${address.port}` : ""
          yield* expect(url !== "", "the backend has no TCP address")
          return [url, `${url} (examples/backend, DescopeClient -> emulator)`] as const
        })
      )
      const admin = yield* step(
        "demo data created with the management API",
        Effect.gen(function*() {
          const context = yield* Layer.build(
            Descope.layerFetch({
              projectId: PROJECT_ID,
              managementKey: MANAGEMENT_KEY,
              baseUrl: emulatorServer.baseUrl
            })
          )
          const admin = Context.get(context, DescopeClient)
          yield* admin.mgmt.tenant.create({ id: TENANT, name: "Acme" })
          yield* admin.mgmt.role.create({ name: "admin", description: "Tenant administrator" })
          const detail = `tenant ${TENANT} and role admin (client.mgmt.tenant.create, client.mgmt.role.create)`
          return [admin, detail] as const
        })
      )
      const browser = makeBrowser(backendUrl)

      // 3. sign in with a one-time code
      yield* step(
        "OTP sent",
        Effect.gen(function*() {
          const answer = yield* browser.post("/auth/otp/sign-up-or-in", { email })
          yield* statusIs(answer, 200, "POST /auth/otp/sign-up-or-in")
          const detail = `POST /auth/otp/sign-up-or-in -> 200, code sent to ${String(answer.body.maskedEmail)}`
          return [undefined, detail] as const
        })
      )
      const code = yield* step(
        "code read from the emulator outbox",
        Effect.gen(function*() {
          const message = yield* emulator.lastMessage(email, "otp")
          const code = Option.flatMap(message, (m) => Option.fromNullable(m.code))
          yield* expect(Option.isSome(code), `no OTP message for ${email} in the outbox`)
          return [Option.getOrElse(code, () => ""), `an OTP e-mail to ${email} (the code is not printed)`] as const
        })
      )
      const userId = yield* step(
        "code verified, session cookies set",
        Effect.gen(function*() {
          const answer = yield* browser.post("/auth/otp/verify", { email, code })
          yield* statusIs(answer, 200, "POST /auth/otp/verify")
          yield* expect(browser.cookie("DS") !== undefined && browser.cookie("DSR") !== undefined, "DS and DSR not set")
          const userId = String(answer.body.userId)
          const isNew = String(answer.body.firstSeen)
          const detail = `POST /auth/otp/verify -> 200, user ${userId} (new: ${isNew}), DS + DSR set`
          return [userId, detail] as const
        })
      )

      // 4. the protected endpoint
      yield* step(
        "/me answers 200",
        Effect.gen(function*() {
          const answer = yield* browser.get("/me")
          yield* statusIs(answer, 200, "GET /me")
          yield* expect(answer.body.userId === userId, `GET /me answered user ${String(answer.body.userId)}`)
          return [undefined, `GET /me -> 200, user ${userId}, tenants ${JSON.stringify(answer.body.tenants)}`] as const
        })
      )

      // 5. the role-guarded tenant endpoint: 403, grant, refresh, 200
      const adminPath = `/tenants/${TENANT}/admin`
      yield* step(
        "admin endpoint answers 403",
        Effect.gen(function*() {
          const answer = yield* browser.get(adminPath)
          yield* statusIs(answer, 403, `GET ${adminPath}`)
          return [undefined, `GET ${adminPath} -> 403 ${String(answer.body.errorMessage)}`] as const
        })
      )
      yield* step(
        "management API grants the role",
        Effect.gen(function*() {
          yield* admin.mgmt.user.addTenant({ loginId: email, tenantId: TENANT })
          const user = yield* admin.mgmt.user.addTenantRoles({ loginId: email, tenantId: TENANT, roleNames: ["admin"] })
          const roles = user.userTenants?.find((t) => t.tenantId === TENANT)?.roleNames ?? []
          yield* expect(roles.includes("admin"), `the user's roles in ${TENANT}: ${roles.join(", ")}`)
          return [undefined, `client.mgmt.user.addTenantRoles: ${email} is admin of ${TENANT}`] as const
        })
      )
      yield* step(
        "admin endpoint still 403 with the old session",
        Effect.gen(function*() {
          const answer = yield* browser.get(adminPath)
          yield* statusIs(answer, 403, `GET ${adminPath} before the refresh`)
          return [undefined, `GET ${adminPath} -> 403: roles live in the token, which predates the grant`] as const
        })
      )
      yield* step(
        "session refreshed",
        Effect.gen(function*() {
          const before = browser.cookie("DS")
          const answer = yield* browser.post("/auth/refresh")
          yield* statusIs(answer, 200, "POST /auth/refresh")
          yield* expect(browser.cookie("DS") !== before, "no new DS cookie")
          const detail = `POST /auth/refresh -> 200, new DS with tenants ${JSON.stringify(answer.body.tenants)}`
          return [undefined, detail] as const
        })
      )
      yield* step(
        "admin endpoint answers 200",
        Effect.gen(function*() {
          const answer = yield* browser.get(adminPath)
          yield* statusIs(answer, 200, `GET ${adminPath}`)
          return [undefined, `GET ${adminPath} -> 200 ${JSON.stringify(answer.body)}`] as const
        })
      )

      // 6. the session expires; the backend refreshes it through the DSR cookie
      yield* step(
        "session expired (emulator time advanced)",
        Effect.gen(function*() {
          yield* emulator.advanceTime("11 minutes")
          const validated = yield* Effect.either(admin.validateSession(browser.cookie("DS") ?? ""))
          const reason = Either.match(validated, {
            onLeft: (e) => (e._tag === "InvalidSessionError" ? e.reason : e._tag),
            onRight: () => "still valid"
          })
          yield* expect(reason === "Expired", `validateSession of the DS cookie: ${reason}`)
          const detail = "emulator time +11 minutes: the DS token is now expired (validateSession: Expired)"
          return [undefined, detail] as const
        })
      )
      yield* step(
        "session refreshed transparently through DSR",
        Effect.gen(function*() {
          const before = browser.cookie("DS")
          const answer = yield* browser.get("/me")
          yield* statusIs(answer, 200, "GET /me with an expired DS")
          const renewed = answer.setCookies.get("DS")
          yield* expect(renewed !== undefined && renewed !== "" && renewed !== before, "no rotated DS cookie")
          return [undefined, "GET /me -> 200 and a new DS cookie: DescopeAuth refreshed with DSR"] as const
        })
      )

      // 7. logout
      const oldRefresh = browser.cookie("DSR") ?? ""
      yield* step(
        "logout",
        Effect.gen(function*() {
          const answer = yield* browser.post("/auth/logout")
          yield* statusIs(answer, 200, "POST /auth/logout")
          yield* expect(browser.cookies().size === 0, `cookies left: ${[...browser.cookies().keys()].join(", ")}`)
          return [undefined, "POST /auth/logout -> 200, refresh token revoked, DS + DSR cleared"] as const
        })
      )
      yield* step(
        "/me answers 401",
        Effect.gen(function*() {
          const answer = yield* browser.get("/me")
          yield* statusIs(answer, 401, "GET /me after logout")
          return [undefined, `GET /me -> 401 ${String(answer.body.errorMessage)}`] as const
        })
      )
      yield* step(
        "the revoked refresh token is refused",
        Effect.gen(function*() {
          const answer = yield* browser.get("/me", new Map([["DSR", oldRefresh]]))
          yield* statusIs(answer, 401, "GET /me with the old DSR")
          return [undefined, `GET /me with the old DSR -> 401 ${String(answer.body.errorCode)}`] as const
        })
      )

      // 8. the management script, with a 429 injected on one call
      const summary = yield* step(
        "management script",
        Effect.gen(function*() {
          yield* emulator.addFault({ path: "/v1/mgmt/tenant/all", status: 429, retryAfter: 7, times: 1 })
          const summary = yield* Effect.provideService(Management.program, DescopeClient, admin)
          yield* expect(summary.rateLimitedRetryAfterSeconds === 7, "the injected rate limit was not caught")
          return [summary, "examples/management.ts ran against the emulator"] as const
        })
      )
      for (const line of Management.report(summary)) log(`     - ${line}`)
      return results
    })
    // everything after the emulator runs on emulator time (public API: Emulator.layerClock)
    return yield* rest.pipe(Effect.provide(Emulator.layerClock), Effect.provideService(Emulator.Emulator, emulator))
  })

/**
 * The demo as a program: prints the story and fails naming the step that did not hold.
 *
 * @since 0.1.0
 * @category programs
 */
export const main = (options: Omit<Options, "log"> = {}): Effect.Effect<void, DemoStepFailed> =>
  Effect.gen(function*() {
    console.log("descope-effect demo: the emulator, the example backend and the management script, on 127.0.0.1\n")
    const exit = yield* Effect.exit(Effect.scoped(story({ ...options, log: (line) => console.log(line) })))
    if (Exit.isSuccess(exit)) {
      console.log(`\nAll ${exit.value.length} steps passed; everything started was stopped.`)
      return
    }
    const failure = Cause.failureOption(exit.cause)
    const message = Option.isSome(failure) ? failure.value.message : Cause.pretty(exit.cause)
    console.error(`\n✗ ${message}`)
    return yield* Effect.failCause(exit.cause)
  })

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(main(), { disableErrorReporting: true })
}
