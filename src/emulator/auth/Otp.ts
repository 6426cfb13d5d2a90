/**
 * The emulator's one-time codes (`src/wire/auth/Otp.ts`): a start call
 * records a code in the outbox (a sign-up stays pending until the code is
 * verified), verify answers a session (a wrong code counts against the
 * attempts), and a contact update sends a code to the new address.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/auth/Otp.js"
import { type ContactUpdate, type PendingSignUp, type UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { maskEmail, maskPhone, newCode } from "../Ids.js"
import { findUser } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as Users from "../Users.js"
import { Codes, fail, type Json } from "../Wire.js"
import {
  addressOf,
  amrOf,
  contactUpdate,
  deliveryMethod,
  jwt,
  masked,
  type Mode,
  PHONE_METHODS,
  required,
  resolveVerified,
  type SignUpBody,
  startUser
} from "./Support.js"

/**
 * Issues a one-time code and records it in the outbox.
 *
 * @since 0.1.0
 * @category actions
 */
export const issueCode = (
  ctx: Ctx,
  loginId: string,
  dm: string,
  user: UserRecord | undefined,
  signUp: PendingSignUp | undefined,
  loginOptions: Json,
  update?: ContactUpdate,
  previousSessionId?: string
): { readonly code: string; readonly to: string } => {
  const previous = ctx.p.codes.get(loginId.toLowerCase())
  // the code generated for a test user stays the one that verifies (generate it before signing in)
  const kept = user?.test === true && update === undefined && previous?.generated === true &&
    !previous.locked && previous.expiresAt > ctx.now
  const code = kept ? previous.code : newCode()
  const to = update?.email ?? update?.phone ?? addressOf(dm, loginId, user, signUp?.user)
  ctx.p.codes.set(loginId.toLowerCase(), {
    loginId,
    code,
    expiresAt: ctx.now + ctx.env.config.otpTtlMs,
    attempts: 0,
    method: dm,
    signUp,
    loginOptions: { ...loginOptions },
    locked: false,
    update,
    previousSessionId,
    generated: kept ? true : undefined
  })
  Tokens.send(ctx, { kind: update ? "update" : "otp", deliveryMethod: dm, to, loginId, code })
  return { code, to }
}

const start = (mode: Mode) => (ctx: Ctx, body: typeof Wire.SignInRequest.Type & SignUpBody) =>
  Effect.gen(function*() {
    const dm = yield* deliveryMethod(ctx)
    const loginId = yield* required("loginId", body.loginId)
    const { signUp, user } = yield* startUser(ctx, mode, loginId, dm, body)
    const lo = body.loginOptions ?? {}
    const previous = yield* Tokens.stepUp(ctx, lo)
    const { to } = issueCode(ctx, loginId, dm, user, signUp, lo, undefined, previous?.id)
    return masked(dm, to)
  })

/**
 * Verifies the code sent to `loginId` (wrong attempts counted, then locked)
 * and logs its user in: the sign-up created, a contact update applied.
 *
 * @since 0.2.0
 * @category actions
 */
export const verifyCodeLogin = (ctx: Ctx, loginId: string, code: string) =>
  Effect.gen(function*() {
    const key = loginId.toLowerCase()
    const rec = ctx.p.codes.get(key)
    if (rec === undefined || rec.expiresAt <= ctx.now) {
      if (rec) ctx.p.codes.delete(key)
      return yield* fail(401, Codes.WrongOtpCode, "Wrong code", rec ? "the code expired" : "no code was sent")
    }
    if (rec.locked) return yield* fail(401, Codes.TooManyOtpAttempts, "Too many attempts", "request a new code")
    if (rec.code !== code) {
      rec.attempts += 1
      Tokens.audit(ctx, "LoginFailed", findUser(ctx.p, loginId)?.userId ?? "", "otp", [loginId])
      if (rec.attempts >= ctx.env.config.otpMaxAttempts) {
        rec.locked = true
        return yield* fail(401, Codes.TooManyOtpAttempts, "Too many attempts", "request a new code")
      }
      return yield* fail(401, Codes.WrongOtpCode, "Wrong code", "the code does not match")
    }
    ctx.p.codes.delete(key)
    const { firstSeen, user } = yield* resolveVerified(ctx, loginId, rec.signUp, rec.method)
    if (rec.update) Users.applyContact(ctx.p, user, rec.update)
    return yield* jwt(Tokens.login(ctx, user, {
      amr: [amrOf(rec.method)],
      method: "otp",
      loginOptions: rec.loginOptions,
      loginId,
      firstSeen,
      previous: Tokens.previousSession(ctx, rec.previousSessionId)
    }))
  })

const verify = (ctx: Ctx, body: typeof Wire.verifyCode.request.Type) =>
  Effect.gen(function*() {
    yield* deliveryMethod(ctx)
    const loginId = yield* required("loginId", body.loginId)
    const code = yield* required("code", body.code)
    return yield* verifyCodeLogin(ctx, loginId, code)
  })

/**
 * The OTP routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.signUp, start("signup")),
  H.endpoint(Wire.signIn, start("signin")),
  H.endpoint(Wire.signUpOrIn, start("signup-in")),
  H.endpoint(Wire.verifyCode, verify),
  H.endpoint(Wire.updateUserEmail, (ctx, body) =>
    Effect.gen(function*() {
      const { loginId, update, user } = yield* contactUpdate(ctx, "email", body, body.email)
      issueCode(ctx, loginId, "email", user, undefined, { mfa: body.mfa === true }, update)
      return { maskedEmail: maskEmail(body.email) }
    })),
  H.endpoint(Wire.updateUserPhone, (ctx, body) =>
    Effect.gen(function*() {
      const dm = yield* deliveryMethod(ctx, PHONE_METHODS)
      const { loginId, update, user } = yield* contactUpdate(ctx, "phone", body, body.phone)
      issueCode(ctx, loginId, dm, user, undefined, { mfa: body.mfa === true }, update)
      return { maskedPhone: maskPhone(body.phone) }
    }))
]
