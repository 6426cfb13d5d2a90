/**
 * The emulator's authenticator apps (`src/wire/auth/Totp.ts`): sign-up and
 * update answer a fresh seed (URL, QR code, key); verify checks an RFC 6238
 * code against the emulator's clock and answers a session.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as OptionalPeer from "../../internal/optionalPeer.js"
import * as Wire from "../../wire/auth/Totp.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { findUser } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as Totp from "../Totp.js"
import * as Users from "../Users.js"
import { Codes, fail } from "../Wire.js"
import { enabledUser, jwt, required, sessionUser } from "./Support.js"

const answer = (ctx: Ctx, loginId: string, seed: string) =>
  Effect.gen(function*() {
    const provisioningURL = Totp.provisioningUrl(ctx.env.config.totpIssuer, loginId, seed)
    // qrcode is an optional peer of the emulator: without it, TOTP sign-up answers 501 naming the package
    const QRCode = yield* OptionalPeer.load(
      { packageName: "qrcode", range: "^1.5", feature: "the emulator's TOTP QR image" },
      () => import("qrcode")
    ).pipe(Effect.catchTag("MissingPeerError", (e) => fail(501, Codes.NotEmulated, "Not emulated", e.message)))
    const dataUrl = yield* Effect.promise(() => QRCode.toDataURL(provisioningURL))
    return {
      provisioningURL: Redacted.make(provisioningURL),
      image: dataUrl.replace(/^data:image\/png;base64,/, ""),
      key: Redacted.make(seed)
    }
  })

const signUp = (ctx: Ctx, body: typeof Wire.signUp.request.Type) =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    if (findUser(ctx.p, loginId)) {
      return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${loginId} is taken`)
    }
    // an e-mail-shaped login id is the new user's e-mail when none is given (`Users.create`)
    const user = yield* Users.create(ctx.p, loginId, body.user ?? {}, ctx.now)
    user.totpSeed = Totp.newSeed()
    return yield* answer(ctx, loginId, user.totpSeed)
  })

const verify = (ctx: Ctx, body: typeof Wire.signInCode.request.Type) =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    const code = yield* required("code", body.code)
    const user = yield* enabledUser(ctx.p, loginId)
    if (user.totpSeed === undefined || !Totp.check(user.totpSeed, code, ctx.now)) {
      Tokens.audit(ctx, "LoginFailed", user.userId, "totp", user.loginIds)
      return yield* fail(401, Codes.WrongOtpCode, "Wrong code", "the TOTP code does not match")
    }
    const lo = body.loginOptions ?? {}
    const previous = yield* Tokens.stepUp(ctx, lo)
    return yield* jwt(Tokens.login(ctx, user, { amr: ["totp"], method: "totp", loginOptions: lo, loginId, previous }))
  })

const update = (ctx: Ctx, body: typeof Wire.updateUser.request.Type) =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    const user = yield* sessionUser(ctx, loginId)
    user.totpSeed = Totp.newSeed()
    return yield* answer(ctx, loginId, user.totpSeed)
  })

/**
 * The TOTP routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.signUp, signUp),
  H.endpoint(Wire.signInCode, verify),
  H.endpoint(Wire.updateUser, update)
]
