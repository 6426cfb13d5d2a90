/**
 * The emulator's passwords (`src/wire/auth/Password.ts`): sign-up, sign-in and
 * replace answer a session (an expired password is 401 `E062909`), reset sends
 * a reset link, update needs the user's refresh token; every new password
 * passes the project's policy.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/auth/Password.js"
import { type UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { maskEmail } from "../Ids.js"
import * as Password from "../Password.js"
import { findUser } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as Users from "../Users.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { magicLinkFor } from "./MagicLink.js"
import { enabledUser, jwt, required, sessionUser } from "./Support.js"

/**
 * The password policy in force (management password settings override the configured default).
 *
 * @since 0.1.0
 * @category queries
 */
export const policyOf = (ctx: Ctx): Password.Policy => {
  const s = ctx.p.passwordSettings.get("")
  const d = ctx.env.config.passwordPolicy
  if (s === undefined) return d
  return {
    minLength: typeof s.minLength === "number" ? s.minLength : d.minLength,
    lowercase: typeof s.lowercase === "boolean" ? s.lowercase : d.lowercase,
    uppercase: typeof s.uppercase === "boolean" ? s.uppercase : d.uppercase,
    number: typeof s.number === "boolean" ? s.number : d.number,
    nonAlphanumeric: typeof s.nonAlphaNumeric === "boolean" ? s.nonAlphaNumeric : d.nonAlphanumeric
  }
}

/**
 * Checks the policy and hashes a password.
 *
 * @since 0.1.0
 * @category guards
 */
export const hashChecked = (ctx: Ctx, password: string): Effect.Effect<string, WireError> => {
  const v = Password.violations(policyOf(ctx), password)
  return v.length > 0
    ? fail(400, Codes.PasswordPolicy, "Password does not meet the policy", `the password needs ${v.join(", ")}`)
    : Password.hash(password)
}

const badCredentials = fail(401, Codes.InvalidCredentials, "Invalid login credentials", "wrong login id or password")

const checkPassword = (ctx: Ctx, loginId: string, password: string): Effect.Effect<UserRecord, WireError> =>
  Effect.gen(function*() {
    const user = findUser(ctx.p, loginId)
    if (user === undefined || user.passwordHash === undefined) return yield* badCredentials
    if (!(yield* Password.verify(password, user.passwordHash))) {
      Tokens.audit(ctx, "LoginFailed", user.userId, "password", user.loginIds)
      return yield* badCredentials
    }
    if (user.status === "disabled") return yield* fail(401, Codes.UserDisabled, "User disabled", "user is disabled")
    return user
  })

const signUp = (ctx: Ctx, body: typeof Wire.signUp.request.Type) =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    const password = yield* required("password", body.password)
    if (findUser(ctx.p, loginId)) {
      return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${loginId} is taken`)
    }
    const hash = yield* hashChecked(ctx, password)
    // an e-mail-shaped login id is the new user's e-mail when none is given (`Users.create`)
    const user = yield* Users.create(ctx.p, loginId, body.user ?? {}, ctx.now)
    user.passwordHash = hash
    return yield* jwt(Tokens.login(ctx, user, {
      amr: ["pwd"],
      method: "password",
      loginOptions: body.loginOptions ?? {},
      loginId,
      firstSeen: true
    }))
  })

const signIn = (ctx: Ctx, body: typeof Wire.signIn.request.Type) =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    const user = yield* checkPassword(ctx, loginId, yield* required("password", body.password))
    if (user.passwordExpired) return yield* fail(401, Codes.PasswordExpired, "Password expired", "replace the password")
    return yield* jwt(
      Tokens.login(ctx, user, { amr: ["pwd"], method: "password", loginOptions: body.loginOptions ?? {}, loginId })
    )
  })

const sendReset = (ctx: Ctx, body: typeof Wire.sendReset.request.Type) =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    const user = yield* enabledUser(ctx.p, loginId)
    const { to } = magicLinkFor(ctx, loginId, "email", "reset", body.redirectUrl, user, undefined, {})
    return { resetMethod: "magiclink", maskedEmail: maskEmail(to) }
  })

const update = (ctx: Ctx, body: typeof Wire.update.request.Type) =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    const newPassword = yield* required("newPassword", body.newPassword)
    const user = yield* sessionUser(ctx, loginId)
    user.passwordHash = yield* hashChecked(ctx, newPassword)
    user.passwordExpired = false
    return {}
  })

const replace = (ctx: Ctx, body: typeof Wire.replace.request.Type) =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    const user = yield* checkPassword(ctx, loginId, yield* required("oldPassword", body.oldPassword))
    user.passwordHash = yield* hashChecked(ctx, yield* required("newPassword", body.newPassword))
    user.passwordExpired = false
    return yield* jwt(Tokens.login(ctx, user, { amr: ["pwd"], method: "password", loginId }))
  })

/**
 * The password routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.signUp, signUp),
  H.endpoint(Wire.signIn, signIn),
  H.endpoint(Wire.sendReset, sendReset),
  H.endpoint(Wire.update, update),
  H.endpoint(Wire.replace, replace),
  H.endpoint(Wire.getPolicy, (ctx) => Effect.succeed(policyOf(ctx)))
]
