/**
 * What the emulator's authentication flows share: the user a start call is
 * for (a sign-up stays pending until its code or link is verified), the user a
 * verified code or link logs in, the signed-in user of a contact update, the
 * masked address of a sent message, and the typed `JWTResponse` of a login.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { lazyParser } from "../../internal/lazySchema.js"
import * as Common from "../../wire/auth/Common.js"
import { type ContactUpdate, type PendingSignUp, type ProjectState, type UserRecord } from "../EmulatorState.js"
import type { Ctx } from "../Handler.js"
import { maskEmail, maskPhone } from "../Ids.js"
import { findUser } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as Users from "../Users.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"

/**
 * The delivery methods that send to a phone (`im` is Descope's other name of WhatsApp).
 *
 * @since 0.2.0
 * @category constants
 */
export const PHONE_METHODS: ReadonlySet<string> = new Set(["sms", "voice", "whatsapp", "im"])

/**
 * Every delivery method of a code.
 *
 * @since 0.2.0
 * @category constants
 */
export const DELIVERY_METHODS: ReadonlySet<string> = new Set(["email", ...PHONE_METHODS])

/**
 * The delivery method of the path, when `allowed` (400 otherwise); `email` when the path has none.
 *
 * @since 0.2.0
 * @category guards
 */
export const deliveryMethod = (
  ctx: Ctx,
  allowed: ReadonlySet<string> = DELIVERY_METHODS
): Effect.Effect<string, WireError> => {
  const dm = ctx.params.deliveryMethod ?? "email"
  return allowed.has(dm) ? Effect.succeed(dm) : W.invalid(`unsupported delivery method: ${dm}`)
}

/**
 * A required string of a request, not empty (400 "missing" otherwise, as Descope reads `""`).
 *
 * @since 0.2.0
 * @category guards
 */
export const required = (
  name: string,
  value: string | Redacted.Redacted<string> | undefined
): Effect.Effect<string, WireError> => {
  const text = value === undefined ? "" : Redacted.isRedacted(value) ? Redacted.value(value) : value
  return text === "" ? W.missing(name) : Effect.succeed(text)
}

/**
 * 400 `E062108` "user not found".
 *
 * @since 0.2.0
 * @category errors
 */
export const userNotFound = (loginId: string): Effect.Effect<never, WireError> =>
  fail(400, Codes.UserNotFound, "User not found", `Cannot find user ${loginId}`)

const userDisabled = (): Effect.Effect<never, WireError> =>
  fail(401, Codes.UserDisabled, "User disabled", "user is disabled")

/**
 * The enabled user of a login id.
 *
 * @since 0.2.0
 * @category queries
 */
export const enabledUser = (p: ProjectState, loginId: string): Effect.Effect<UserRecord, WireError> => {
  const u = findUser(p, loginId)
  if (u === undefined) return userNotFound(loginId)
  if (u.status === "disabled") return userDisabled()
  return Effect.succeed(u)
}

/**
 * Where a message for `dm` goes: the user's address, else the sign-up's, else the login id itself.
 *
 * @since 0.2.0
 * @category queries
 */
export const addressOf = (
  dm: string,
  loginId: string,
  user: UserRecord | undefined,
  signUp: Common.SignUpUser | undefined
): string => (dm === "email" ? user?.email : user?.phone) ?? (dm === "email" ? signUp?.email : signUp?.phone) ?? loginId

/**
 * The masked address of a message sent for `dm`.
 *
 * @since 0.2.0
 * @category rendering
 */
export const masked = (dm: string, to: string): Common.MaskedAddress =>
  dm === "email" ? { maskedEmail: maskEmail(to) } : { maskedPhone: maskPhone(to) }

/**
 * The body of a start call, as far as a sign-up reads it.
 *
 * @since 0.2.0
 * @category models
 */
export interface SignUpBody {
  readonly user?: Common.SignUpUser | undefined
  readonly email?: string | undefined
  readonly phone?: string | undefined
  readonly voice?: string | undefined
  readonly whatsapp?: string | undefined
}

/**
 * The pending sign-up of a start call: its `user`, completed with python-sdk's
 * top-level copy of the address (`email`, `phone`, `voice`, `whatsapp`).
 *
 * @since 0.2.0
 * @category constructors
 */
export const signUpOf = (body: SignUpBody, dm: string): PendingSignUp => {
  const user = body.user ?? {}
  return {
    user: {
      ...user,
      email: user.email ?? body.email,
      phone: user.phone ?? body.phone ?? body.voice ?? body.whatsapp
    },
    deliveryMethod: dm
  }
}

/**
 * What a start call does: create the user (`signup`), find it (`signin`), or either (`signup-in`).
 *
 * @since 0.2.0
 * @category models
 */
export type Mode = "signup" | "signin" | "signup-in"

/**
 * The user of a start call; a sign-up keeps the user pending until verification.
 *
 * @since 0.2.0
 * @category queries
 */
export const startUser = (
  ctx: Ctx,
  mode: Mode,
  loginId: string,
  dm: string,
  body: SignUpBody
): Effect.Effect<{ readonly user: UserRecord | undefined; readonly signUp: PendingSignUp | undefined }, WireError> => {
  const existing = findUser(ctx.p, loginId)
  if (mode === "signup") {
    // a test user's sign-up is a sign-in, as Descope answers it (the code generated for it verifies)
    if (existing !== undefined && existing.test) return Effect.succeed({ user: existing, signUp: undefined })
    if (existing !== undefined) {
      return fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${loginId} is taken`)
    }
    return Effect.succeed({ user: undefined, signUp: signUpOf(body, dm) })
  }
  if (existing === undefined) {
    return mode === "signin" ? userNotFound(loginId) : Effect.succeed({ user: undefined, signUp: signUpOf(body, dm) })
  }
  if (existing.status === "disabled") return userDisabled()
  return Effect.succeed({ user: existing, signUp: undefined })
}

const verifyContact = (u: UserRecord, method: string): void => {
  if (method === "email" && u.email !== undefined) u.verifiedEmail = true
  if (PHONE_METHODS.has(method) && u.phone !== undefined) u.verifiedPhone = true
}

/**
 * The user a verified code or link logs in: the existing one, or the pending sign-up, created now.
 *
 * @since 0.2.0
 * @category actions
 */
export const resolveVerified = (
  ctx: Ctx,
  loginId: string,
  signUp: PendingSignUp | undefined,
  method: string
): Effect.Effect<{ readonly user: UserRecord; readonly firstSeen: boolean }, WireError> =>
  Effect.gen(function*() {
    const existing = findUser(ctx.p, loginId)
    if (existing !== undefined) {
      if (existing.status === "disabled") return yield* userDisabled()
      verifyContact(existing, method)
      return { user: existing, firstSeen: false }
    }
    if (signUp === undefined) return yield* userNotFound(loginId)
    // an e-mail-shaped login id is the new user's e-mail when none is given (`Users.create`)
    const fields: Users.Fields = PHONE_METHODS.has(method) && signUp.user.phone === undefined
      ? { ...signUp.user, phone: loginId }
      : signUp.user
    const user = yield* Users.create(ctx.p, loginId, fields, ctx.now)
    verifyContact(user, method)
    return { user, firstSeen: true }
  })

/**
 * The `amr` factor of a delivery method.
 *
 * @since 0.2.0
 * @category getters
 */
export const amrOf = (method: string): string => (method === "email" ? "email" : method === "voice" ? "sms" : method)

/**
 * A link with its `t` token.
 *
 * @since 0.2.0
 * @category rendering
 */
export const withToken = (link: string, token: string): string => `${link}${link.includes("?") ? "&" : "?"}t=${token}`

/**
 * The redirect URL of a link: the given one, else the project's default.
 *
 * @since 0.2.0
 * @category queries
 */
export const redirectOf = (ctx: Ctx, uri: string | undefined): string =>
  uri !== undefined && uri !== "" ? uri : ctx.env.config.defaultRedirectUrl

/**
 * The signed-in user of a refresh-token call about `loginId` (401 when the token is another user's).
 *
 * @since 0.2.0
 * @category queries
 */
export const sessionUser = (ctx: Ctx, loginId: string): Effect.Effect<UserRecord, WireError> =>
  Effect.gen(function*() {
    const { user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined) return yield* fail(401, Codes.InvalidToken, "Invalid token", "anonymous session")
    const target = findUser(ctx.p, loginId)
    if (target === undefined || target.userId !== user.userId) {
      return yield* fail(401, Codes.InvalidToken, "Invalid token", "the refresh token belongs to another user")
    }
    return user
  })

/**
 * A contact update request, as the flows read it.
 *
 * @since 0.2.0
 * @category models
 */
export interface ContactRequest {
  readonly loginId: string
  readonly addToLoginIds?: boolean | undefined
  readonly onMergeUseExisting?: boolean | undefined
}

/**
 * Checks a contact update: the signed-in user of `loginId`, and the new
 * address free as a login id when it is to become one (unless
 * `onMergeUseExisting`).
 *
 * @since 0.2.0
 * @category guards
 */
export const contactUpdate = (
  ctx: Ctx,
  kind: "email" | "phone",
  body: ContactRequest,
  address: string
): Effect.Effect<{ readonly user: UserRecord; readonly loginId: string; readonly update: ContactUpdate }, WireError> =>
  Effect.gen(function*() {
    const loginId = yield* required("loginId", body.loginId)
    const value = yield* required(kind, address)
    const user = yield* sessionUser(ctx, loginId)
    const addToLoginIds = body.addToLoginIds === true
    if (addToLoginIds && Users.loginIdTaken(ctx.p, value, user.userId) && body.onMergeUseExisting !== true) {
      return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `${kind} is another user's login id`)
    }
    return {
      user,
      loginId,
      update: kind === "email" ? { email: value, addToLoginIds } : { phone: value, addToLoginIds }
    }
  })

const decodeJwt = lazyParser(() => Schema.decodeUnknown(Common.JWTResponse))

/**
 * The typed `JWTResponse` of a login (`Tokens.login`, `Tokens.jwtResponse`).
 *
 * @since 0.2.0
 * @category combinators
 */
export const jwt = <E>(
  body: Effect.Effect<Readonly<Record<string, unknown>>, E>
): Effect.Effect<Common.JWTResponse, E> => Effect.flatMap(body, (b) => Effect.orDie(decodeJwt(b)))

/**
 * A handler's answer decoded with the response schema of its endpoint (the
 * emulator's records are plain JSON; the typed handler answers the schema's type).
 *
 * @since 0.2.0
 * @category combinators
 */
export const typed = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = Schema.decodeUnknown(schema)
  return <E>(body: Effect.Effect<unknown, E>): Effect.Effect<A, E> =>
    Effect.flatMap(body, (b) => Effect.orDie(decode(b)))
}
