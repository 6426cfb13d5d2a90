/**
 * Our own client runs the seed's scenarios against the emulator: in-process
 * (no socket, under TestClock) and over loopback (FetchHttpClient).
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import { totp } from "./support/totp.js"

const P = "P2ClientScenario000000000000"
const K = "client-management-key"
const LOGIN = "lin@example.com"

const scenario = Effect.gen(function*() {
  const client = yield* DescopeClient
  const emulator = yield* Emulator.Emulator
  const mgmt = client.mgmt

  // permission, role, tenant, test user in the tenant
  yield* mgmt.permission.create({ name: "docs.read" })
  yield* mgmt.role.create({ name: "editor", permissionNames: ["docs.read"] })
  assert.strictEqual(yield* mgmt.tenant.create({ id: "acme", name: "Acme" }), "acme")
  const user = yield* mgmt.user.createTestUser({
    loginId: LOGIN,
    email: LOGIN,
    displayName: "Lin",
    userTenants: [{ tenantId: "acme", roleNames: ["editor"] }]
  })
  assert.strictEqual(user.test, true)

  // OTP: wrong code, then the generated one
  const otp = yield* mgmt.user.generateOtpForTestUser({ method: "email", loginId: LOGIN })
  const code = Redacted.value(otp.code)
  const wrong = yield* Effect.flip(
    client.otp.verifyCode({ method: "email", loginId: LOGIN, code: code === "000000" ? "111111" : "000000" })
  )
  assert.strictEqual(wrong._tag === "AuthError" ? wrong.errorCode : wrong._tag, "E061102")
  const auth = yield* client.otp.verifyCode({ method: "email", loginId: LOGIN, code })
  const refresh = auth.refreshToken ?? Redacted.make("")

  // validate with tenant roles and permissions
  const session = yield* client.validateSession(auth.sessionToken)
  assert.strictEqual(session.userId, user.userId)
  assert.isTrue(client.validateTenantRoles(session, "acme", ["editor"]))
  assert.isTrue(client.validateTenantPermissions(session, "acme", ["docs.read"]))

  // refresh, me, select tenant
  const refreshed = yield* client.refreshSession(refresh)
  assert.strictEqual(refreshed.session.userId, user.userId)
  assert.strictEqual((yield* client.me(refresh)).userId, user.userId)
  const selected = yield* client.selectTenant({ tenantId: "acme", refreshToken: refresh })
  assert.strictEqual(selected.session.currentTenant, "acme")

  // magic link from the outbox
  yield* client.magicLink.signIn({ method: "email", loginId: LOGIN, uri: "http://app/verify" })
  const ml = Option.getOrThrow(yield* emulator.lastMessage(LOGIN, "magiclink"))
  assert.strictEqual((yield* client.magicLink.verify(ml.token ?? "")).session.userId, user.userId)

  // enchanted link: pending, then a session
  const el = yield* client.enchantedLink.signIn({ loginId: LOGIN, uri: "http://app/verify" })
  const pending = yield* Effect.flip(client.enchantedLink.getSession(el.pendingRef))
  assert.strictEqual(
    pending._tag === "AuthError" ? `${pending.status} ${pending.errorCode}` : pending._tag,
    "401 E062503"
  )
  const message = Option.getOrThrow(yield* emulator.lastMessage(LOGIN, "enchantedlink"))
  yield* client.enchantedLink.verify(new URL(message.links?.[el.linkId] ?? "").searchParams.get("t") ?? "")
  assert.strictEqual((yield* client.enchantedLink.waitForSession(el.pendingRef)).session.userId, user.userId)

  // password
  yield* mgmt.user.setActivePassword({ loginId: LOGIN, password: "correct horse battery" })
  const pwd = yield* client.password.signIn({ loginId: LOGIN, password: "correct horse battery" })
  assert.deepStrictEqual(pwd.session.amr, ["pwd"])

  // TOTP sign-up and sign-in with a computed code
  const seed = yield* client.totp.signUp({ loginId: "totp@example.com" })
  const now = yield* emulator.now
  const viaTotp = yield* client.totp.signInCode({
    loginId: "totp@example.com",
    code: totp(Redacted.value(seed.key), now)
  })
  assert.deepStrictEqual(viaTotp.session.amr, ["totp"])

  // access key: create, exchange, deactivate, rejected
  const key = yield* mgmt.accessKey.create({
    name: "ci",
    keyTenants: [{ tenantId: "acme", roleNames: ["editor"] }],
    customClaims: { team: "qa" }
  })
  const keySession = yield* client.exchangeAccessKey(key.cleartext)
  assert.isTrue(client.validateTenantRoles(keySession.session, "acme", ["editor"]))
  assert.strictEqual(keySession.keyId, key.key.id)
  assert.strictEqual(keySession.session.claims.team, "qa")
  yield* mgmt.accessKey.deactivate(key.key.id)
  const rejected = yield* Effect.flip(client.exchangeAccessKey(key.cleartext))
  assert.strictEqual(rejected._tag, "AuthError")

  // JWT update with a custom claim
  const updated = yield* mgmt.jwt.updateJwt({ jwt: auth.sessionToken, customClaims: { plan: "pro" } })
  assert.strictEqual((yield* client.validateSession(updated)).claims.plan, "pro")

  // logout revokes the refresh token
  yield* client.logout(refresh)
  const revoked = yield* Effect.flip(client.refreshSession(refresh))
  assert.include(["AuthError", "InvalidSessionError"], revoked._tag)

  // user update and delete
  const renamed = yield* mgmt.user.update({ loginId: LOGIN, email: LOGIN, displayName: "Lin Yu" })
  assert.strictEqual(renamed.name, "Lin Yu")
  yield* mgmt.user.delete(LOGIN)
  const gone = yield* Effect.flip(mgmt.user.load(LOGIN))
  assert.strictEqual(gone._tag === "AuthError" ? gone.status : 0, 404)
})

const wrongKey = Effect.gen(function*() {
  const client = yield* DescopeClient
  const error = yield* Effect.flip(client.mgmt.tenant.loadAll())
  assert.strictEqual(error._tag === "AuthError" ? error.status : 0, 401)
})

const emulatorLayer = Emulator.layer({ projectId: P, managementKey: K })

describe("our client against the emulator", () => {
  it.effect("in-process: the seed's scenarios", () =>
    scenario.pipe(
      Effect.provide(
        Descope.layer({ projectId: P, managementKey: K, baseUrl: "http://emulator.local" }).pipe(
          Layer.provide(Emulator.layerHttpClient)
        )
      ),
      Effect.provide(emulatorLayer)
    ))

  it.effect("in-process: a wrong management key is rejected", () =>
    wrongKey.pipe(
      Effect.provide(
        Descope.layer({ projectId: P, managementKey: "wrong", baseUrl: "http://emulator.local" }).pipe(
          Layer.provide(Emulator.layerHttpClient)
        )
      ),
      Effect.provide(emulatorLayer)
    ))

  it.live("over loopback: the seed's scenarios", () =>
    Effect.gen(function*() {
      const info = yield* Emulator.serve()
      yield* scenario.pipe(
        Effect.provide(
          Descope.layer({ projectId: P, managementKey: K, baseUrl: info.baseUrl }).pipe(
            Layer.provide(FetchHttpClient.layer)
          )
        )
      )
    }).pipe(Effect.scoped, Effect.provide(emulatorLayer)), { timeout: 20_000 })
})
