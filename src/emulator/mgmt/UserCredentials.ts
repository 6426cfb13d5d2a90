/**
 * The emulator's user credentials and sessions
 * (`src/wire/mgmt/UserCredentials.ts`): passwords (checked against the
 * policy; temporary ones are expired), passkeys, the TOTP seed, recovery
 * codes, trusted devices (none are ever remembered), logout from every
 * device, the authentication history (successful logins of the audit trail)
 * and an emulated provider token for the OAuth providers a user signed in with.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { Endpoint } from "../../wire/Endpoint.js"
import * as Wire from "../../wire/mgmt/UserCredentials.js"
import * as AuthRoutes from "../AuthRoutes.js"
import type { UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { revokeSessions, target, touch } from "../ManagementSupport.js"
import * as Passkeys from "../Passkeys.js"
import * as W from "../Wire.js"

const setPassword = (active: (request: { readonly setActive?: boolean | undefined }) => boolean) =>
(
  ctx: Ctx,
  b: {
    readonly loginId: string
    readonly password: Redacted.Redacted<string>
    readonly setActive?: boolean | undefined
  }
) =>
  Effect.gen(function*() {
    const u = yield* target(ctx, b)
    const password = Redacted.value(b.password)
    if (password === "") return yield* W.missing("password")
    u.passwordHash = yield* AuthRoutes.hashChecked(ctx, password)
    u.passwordExpired = !active(b)
    touch(ctx, u)
    return {}
  })

/** A route that only needs the user its request names to exist, then changes it with `f`. */
const onUser = <Req extends { readonly loginId: string }, ReqI, Res, ResI>(
  endpoint: Endpoint<never, Req, ReqI, Res, ResI>,
  f: (u: UserRecord) => Res
): Route => H.endpoint(endpoint, (ctx, b) => Effect.map(target(ctx, b), f))

const providerToken = (ctx: Ctx, q: Endpoint.Request<typeof Wire.getProviderToken>) =>
  Effect.gen(function*() {
    const u = yield* target(ctx, q)
    if (u.oauth[q.provider] !== true) return yield* W.notFound(`provider token of ${q.provider}`)
    return {
      provider: q.provider,
      providerUserId: u.userId,
      accessToken: Redacted.make(`emulated-${q.provider}-access-token`),
      expiration: Math.floor(ctx.now / 1000) + 3600,
      scopes: [],
      ...(q.withRefreshToken === true ? { refreshToken: Redacted.make(`emulated-${q.provider}-refresh-token`) } : {})
    }
  })

const removePasskeys = (ctx: Ctx, b: { readonly loginId: string }, credentialId?: string) =>
  Effect.map(target(ctx, b), (u) => {
    Passkeys.remove(ctx.p, u.userId, credentialId)
    return {}
  })

/**
 * The credential and session routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.setTemporaryPassword, setPassword(() => false)),
  H.endpoint(Wire.setActivePassword, setPassword(() => true)),
  H.endpoint(Wire.setPassword, setPassword((b) => b.setActive === true)),
  onUser(Wire.expirePassword, (u) => {
    u.passwordExpired = true
    return {}
  }),
  H.endpoint(Wire.removeAllPasskeys, (ctx, b) => removePasskeys(ctx, b)),
  H.endpoint(Wire.removePasskey, (ctx, b) => removePasskeys(ctx, b, b.credentialId)),
  H.endpoint(Wire.listPasskeys, (ctx, b) =>
    Effect.map(target(ctx, b), (u) => ({
      passkeys: Passkeys.ofUser(ctx.p, u.userId).map((k) => ({
        id: k.id,
        rpId: k.rpId,
        kind: "passkey",
        displayName: k.displayName,
        createdTime: k.createdTime
      }))
    }))),
  onUser(Wire.removeTotpSeed, (u) => {
    u.totpSeed = undefined
    return {}
  }),
  onUser(Wire.removeRecoveryCodes, () => ({})),
  H.endpoint(Wire.listTrustedDevices, () => Effect.succeed({ devices: [] })),
  H.endpoint(Wire.removeTrustedDevices, () => Effect.succeed({})),
  H.endpoint(Wire.logoutUser, (ctx, b) =>
    Effect.map(target(ctx, b), (u) => {
      revokeSessions(ctx.p, u.userId)
      return {}
    })),
  H.endpoint(
    Wire.history,
    (ctx, b) =>
      Effect.succeed(AuthRoutes.historyOf(ctx.p, Array.isArray(b) ? b : "userIds" in b ? b.userIds ?? [] : []))
  ),
  H.endpoint(Wire.getProviderToken, providerToken)
]
