// Refresh-token rotation in the emulator (`refreshTokenRotation`, `--refresh-token-rotation`): as a Descope project
// with rotation on, each refresh answers a new refresh token and the one it was given is refused from then on.
// Checked on the wire, through our client (one refresh per refresh token, however many callers share it), and
// through the official node-sdk.
import DescopeSdk from "@descope/node-sdk"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Jose from "jose"
import { ErrorCodes } from "../src/core/DescopeError.js"
import { DescopeClient } from "../src/DescopeClient.js"
import { parse } from "../src/emulator/EmulatorCli.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import * as Raw from "./support/emulator.js"

const P = "P2RotationProject00000000000"
const K = "rotation-management-key"

/** Signs `loginId` in with an e-mail code: the JWTResponse's tokens. */
const signIn = (emulator: Emulator.Service, loginId: string) =>
  Effect.gen(function*() {
    const start = yield* Raw.request(emulator, "POST", "/v1/auth/otp/signup-in/email", { body: { loginId } })
    assert.strictEqual(start.status, 200)
    const code = Option.getOrThrow(yield* emulator.lastMessage(loginId, "otp")).code ?? ""
    const verified = yield* Raw.request(emulator, "POST", "/v1/auth/otp/verify/email", { body: { loginId, code } })
    assert.strictEqual(verified.status, 200)
    return verified.body as { readonly sessionJwt: string; readonly refreshJwt: string }
  })

/** `POST path` with `refresh` as the bearer's token: the status, the error code, the new refresh token. */
const withToken = (emulator: Emulator.Service, path: string, refresh: string, body: unknown = {}) =>
  Effect.map(Raw.request(emulator, "POST", path, { token: refresh, body }), (answer) => {
    const json = answer.body as { readonly refreshJwt?: string; readonly errorCode?: string }
    return { status: answer.status, errorCode: json.errorCode, refreshJwt: json.refreshJwt ?? "" }
  })

const emulatorWith = (refreshTokenRotation: boolean) =>
  Emulator.make({ projectId: P, managementKey: K, refreshTokenRotation })

describe("refresh-token rotation, on the wire", () => {
  it.effect("on: each refresh answers a new refresh token; the one it was given is refused from then on", () =>
    Effect.gen(function*() {
      const emulator = yield* emulatorWith(true)
      const first = (yield* signIn(emulator, "ada@rotation.test")).refreshJwt
      const second = yield* withToken(emulator, "/v1/auth/refresh", first)
      assert.strictEqual(second.status, 200)
      assert.notStrictEqual(second.refreshJwt, first)
      // the same session, a new token id
      const [a, b] = [Jose.decodeJwt(first), Jose.decodeJwt(second.refreshJwt)]
      assert.deepStrictEqual([b.sub, b.drn, b.jti === a.jti], [a.sub, "DSR", false])
      // the first token: refused for a refresh, and for anything else a refresh token does
      for (const path of ["/v1/auth/refresh", "/v1/auth/logout", "/v1/auth/me/tenants"]) {
        const refused = yield* withToken(emulator, path, first, path.endsWith("tenants") ? { dct: true } : {})
        assert.deepStrictEqual([path, refused.status, refused.errorCode], [path, 401, ErrorCodes.InvalidToken])
      }
      const me = yield* Raw.request(emulator, "GET", "/v1/auth/me", { token: first })
      assert.strictEqual(me.status, 401)
      // the newest goes on; a tenant selection rotates too
      yield* Raw.request(emulator, "POST", "/v1/mgmt/tenant/create", {
        managementKey: K,
        body: { id: "T-rot", name: "rot" }
      })
      const added = yield* Raw.request(emulator, "POST", "/v1/mgmt/user/update/tenant/add", {
        managementKey: K,
        body: { loginId: "ada@rotation.test", tenantId: "T-rot" }
      })
      assert.strictEqual(added.status, 200, JSON.stringify(added.body))
      const third = yield* withToken(emulator, "/v1/auth/tenant/select", second.refreshJwt, { tenant: "T-rot" })
      assert.deepStrictEqual([third.status, third.errorCode], [200, undefined])
      assert.strictEqual((yield* withToken(emulator, "/v1/auth/refresh", second.refreshJwt)).status, 401)
      assert.strictEqual((yield* withToken(emulator, "/v1/auth/logout", third.refreshJwt)).status, 200)
      // logged out: the newest is refused too, as revoked
      const after = yield* withToken(emulator, "/v1/auth/refresh", third.refreshJwt)
      assert.deepStrictEqual([after.status, after.errorCode], [401, ErrorCodes.TokenExpiredByLoggedOut])
    }))

  it.effect("off (the default): a refresh token refreshes again and again, with the session's own id", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make({ projectId: P, managementKey: K })
      const first = (yield* signIn(emulator, "bob@rotation.test")).refreshJwt
      for (let i = 0; i < 3; i++) {
        const again = yield* withToken(emulator, "/v1/auth/refresh", first)
        assert.strictEqual(again.status, 200)
        assert.strictEqual(Jose.decodeJwt(again.refreshJwt).jti, Jose.decodeJwt(first).jti)
      }
    }))

  it("the command line turns it on with --refresh-token-rotation (off without it)", () => {
    const on = parse(["--refresh-token-rotation"])
    const off = parse([])
    assert.deepStrictEqual(
      [
        on._tag === "Run" ? on.options.refreshTokenRotation : "not run",
        off._tag === "Run" ? off.options.refreshTokenRotation : "not run"
      ],
      [true, undefined]
    )
  })
})

describe("refresh-token rotation, through the clients", () => {
  const clientOver = (emulator: Emulator.Service) =>
    Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
      Layer.provide(Emulator.layerHttpClient),
      Layer.provide(Layer.succeed(Emulator.Emulator, emulator)),
      Layer.orDie
    )

  it.live("our client: 20 callers refreshing with one token share one refresh, and all get its new token", () =>
    Effect.gen(function*() {
      const emulator = yield* emulatorWith(true)
      const first = (yield* signIn(emulator, "cy@rotation.test")).refreshJwt
      const counter = yield* emulator.addFault({ path: "/v1/auth/refresh", latencyMs: 20 })
      const results = yield* Effect.gen(function*() {
        const client = yield* DescopeClient
        return yield* Effect.all(
          Array.from({ length: 20 }, () => Effect.either(client.refreshSession(first))),
          { concurrency: "unbounded" }
        )
      }).pipe(Effect.provide(clientOver(emulator)))
      const hits = (yield* emulator.faults).find((f) => f.id === counter)?.hits
      assert.strictEqual(hits, 1)
      const tokens = new Set(
        results.map((r) =>
          Either.isRight(r) ? Redacted.value(r.right.refreshToken ?? Redacted.make("none")) : `failed: ${r.left._tag}`
        )
      )
      assert.strictEqual(tokens.size, 1)
      const [rotated] = tokens
      assert.notStrictEqual(rotated, first)
      // the rotated one refreshes; the first is refused, with the error a bad refresh token gets
      const again = yield* Effect.gen(function*() {
        const client = yield* DescopeClient
        return [
          yield* Effect.either(client.refreshSession(rotated!)),
          yield* Effect.either(client.refreshSession(first))
        ] as const
      }).pipe(Effect.provide(clientOver(emulator)))
      assert.strictEqual(again[0]._tag, "Right")
      assert.deepStrictEqual(
        Either.isLeft(again[1]) ? [again[1].left._tag, "status" in again[1].left ? again[1].left.status : 0] : [],
        ["AuthError", 401]
      )
    }))

  it.live("node-sdk: a refresh answers the new token; the old one is then refused", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.serve()
      const emulator = yield* Emulator.Emulator
      const first = (yield* signIn(emulator, "di@rotation.test")).refreshJwt
      const sdk = DescopeSdk({ projectId: P, baseUrl: info.baseUrl, managementKey: K })
      const outcome = yield* Effect.promise(async () => {
        const refreshed = await sdk.refreshSession(first)
        const reused = await sdk.refreshSession(first).then(() => "accepted", () => "refused")
        return { rotated: refreshed.refreshJwt !== undefined && refreshed.refreshJwt !== first, reused }
      })
      assert.deepStrictEqual(outcome, { rotated: true, reused: "refused" })
    }).pipe(
      Effect.scoped,
      Effect.provide(Emulator.layer({ projectId: P, managementKey: K, refreshTokenRotation: true }))
    ), { timeout: 10_000 })
})
