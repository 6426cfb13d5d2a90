/**
 * descope-effect/promise against the in-process emulator: the Promise client
 * signs in (OTP), validates and refreshes sessions, authenticates web
 * `Request`s, calls management, and rejects with the very typed error classes
 * the Effect API fails with (`_tag`, `reason`, `retryAfter`); `dispose()`
 * releases the runtime.
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuthError, InvalidSessionError, RateLimitError } from "../src/core/DescopeError.js"
import type { Session } from "../src/core/Session.js"
import * as Emulator from "../src/emulator/index.js"
import { createDescope, type Descope } from "../src/promise/index.js"
import { DescopeUnavailable } from "../src/server/ServerError.js"

const PROJECT_ID = "P2PromiseClient0000000000001"
const MANAGEMENT_KEY = "promise-management-key"

let emulator: Emulator.Service
let descope: Descope

beforeAll(async () => {
  emulator = await Effect.runPromise(Emulator.make({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY }))
  descope = createDescope({
    projectId: PROJECT_ID,
    managementKey: MANAGEMENT_KEY,
    baseUrl: "http://emulator.local",
    httpClient: Emulator.layerHttpClient.pipe(Layer.provide(Layer.succeed(Emulator.Emulator, emulator)))
  })
})

afterAll(() => descope.dispose())

const signIn = async (loginId: string) => {
  await descope.otp.signUpOrIn({ method: "email", loginId })
  const code = Option.getOrThrow(await Effect.runPromise(emulator.lastMessage(loginId, "otp"))).code ?? ""
  return descope.otp.verifyCode({ method: "email", loginId, code })
}

describe("descope-effect/promise", () => {
  it("signs in with an OTP, validates and refreshes the session", async () => {
    const info = await signIn("ada@example.com")
    const session = await descope.validateSession(info.sessionToken)
    expect(session.userId).toBe(info.session.userId)
    const refreshed = await descope.refreshSession(info.refreshToken ?? "")
    expect(refreshed.session.userId).toBe(info.session.userId)
  })

  it("rejects with the typed error classes: InvalidSessionError with its reason", async () => {
    const error: unknown = await descope.validateSession("a.b.c").then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidSessionError)
    expect((error as InvalidSessionError).reason).toBe("Malformed")
  })

  it("rejects a wrong code with AuthError carrying Descope's code", async () => {
    await descope.otp.signUpOrIn({ method: "email", loginId: "bob@example.com" })
    const code = Option.getOrThrow(await Effect.runPromise(emulator.lastMessage("bob@example.com", "otp"))).code
    const error: unknown = await descope.otp.verifyCode({
      method: "email",
      loginId: "bob@example.com",
      code: code === "000000" ? "111111" : "000000"
    }).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).errorCode).toBe("E061102")
  })

  it("rejects a rate limit with RateLimitError and its retryAfter", async () => {
    const fault = await Effect.runPromise(
      emulator.addFault({ path: "/v1/auth/otp/signup-in/email", retryAfter: 7, times: 1 })
    )
    const error: unknown = await descope.otp.signUpOrIn({ method: "email", loginId: "cy@example.com" }).then(
      () => undefined,
      (e: unknown) => e
    )
    await Effect.runPromise(emulator.removeFault(fault))
    expect(error).toBeInstanceOf(RateLimitError)
    expect(Duration.toSeconds((error as RateLimitError).retryAfter)).toBe(7)
  })

  it("calls management (create, load a user)", async () => {
    const created = await descope.mgmt.user.create({ loginId: "dee@example.com", email: "dee@example.com" })
    const loaded = await descope.mgmt.user.load("dee@example.com")
    expect(loaded.userId).toBe(created.userId)
    // a paginated search (a Stream in Effect) is every element
    const found = await descope.mgmt.user.search({ emails: ["dee@example.com"] })
    expect(found.map((u) => u.userId)).toEqual([created.userId])
  })

  it("authenticateRequest: a web Request with the DS cookie, then one without a token", async () => {
    const info = await signIn("eve@example.com")
    const ok = await descope.authenticateRequest(
      new Request("http://app.test/", { headers: { cookie: `DS=${Redacted.value(info.sessionToken)}` } })
    )
    expect(ok._tag === "Authenticated" && ok.source === "cookie" && ok.session.userId).toBe(info.session.userId)
    const none = await descope.authenticateRequest({ authorization: undefined, cookie: undefined })
    expect(none._tag === "Unauthenticated" && none.reason).toBe("Missing")
    const forbidden = await descope.authenticateRequest(
      { authorization: `Bearer ${Redacted.value(info.sessionToken)}` },
      { require: { roles: ["admin"] } }
    )
    expect(forbidden._tag === "Forbidden" && forbidden.error.missingRoles).toEqual(["admin"])
  })

  it("authenticateRequest rejects with DescopeUnavailable when the keys cannot be fetched", async () => {
    const fresh = createDescope({
      projectId: PROJECT_ID,
      baseUrl: "http://emulator.local",
      httpClient: Emulator.layerHttpClient.pipe(Layer.provide(Layer.succeed(Emulator.Emulator, emulator)))
    })
    const info = await signIn("fay@example.com")
    const fault = await Effect.runPromise(emulator.addFault({ path: "/v*/keys/**", status: 503 }))
    try {
      const error: unknown = await fresh.authenticateRequest({
        authorization: `Bearer ${Redacted.value(info.sessionToken)}`
      }).then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(DescopeUnavailable)
    } finally {
      await Effect.runPromise(emulator.removeFault(fault))
      await fresh.dispose()
    }
  })

  it("the client and its parts are not thenables (returning them from an async function does not hang)", async () => {
    expect(await Promise.resolve(descope)).toBe(descope)
    expect(await Promise.resolve(descope.mgmt)).toBeTypeOf("function")
    expect((descope as unknown as { then?: unknown }).then).toBeUndefined()
    expect((descope.otp as unknown as { then?: unknown }).then).toBeUndefined()
  })

  it("run: any Effect over the client; dispose: later calls reject", async () => {
    const fresh = createDescope({
      projectId: PROJECT_ID,
      baseUrl: "http://emulator.local",
      httpClient: Emulator.layerHttpClient.pipe(Layer.provide(Layer.succeed(Emulator.Emulator, emulator)))
    })
    const failed: unknown = await fresh.run(Effect.fail(new InvalidSessionError({ reason: "Expired" }))).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(failed).toBeInstanceOf(InvalidSessionError)
    await fresh.dispose()
    await expect(fresh.validateSession("a.b.c")).rejects.toBeDefined()
  })
})

describe("Guard.scopesOf / requireScopes", () => {
  it("reads scope (space-separated) and scp (array or string); names the missing ones", async () => {
    const { Guard } = await import("../src/server/index.js")
    const { CurrentSession } = await import("../src/server/CurrentSession.js")
    const claims = { scope: "a  b", scp: ["c", 7] }
    expect(Guard.scopesOf({ claims })).toEqual(["a", "b", "c"])
    const session = { claims, roles: [], permissions: [], tenants: {} } as unknown as Session
    const exit = await Effect.runPromise(
      Effect.either(Guard.requireScopes(["a", "d", "c", "e"]).pipe(Effect.provideService(CurrentSession, session)))
    )
    expect(exit._tag === "Left" && [exit.left.errorCode, exit.left.missingScopes]).toEqual([
      "insufficient_scope",
      ["d", "e"]
    ])
  })
})
