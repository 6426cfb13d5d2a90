/**
 * The emulator's magic links (`src/wire/auth/MagicLink.ts`): a start call
 * records a link in the outbox (a sign-up stays pending until the link is
 * verified), verify answers a session, and a contact update sends a link to
 * the new address. Password-reset and embedded links are verified here too.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/auth/MagicLink.js"
import { type ContactUpdate, type PendingSignUp, type UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newSecret } from "../Ids.js"
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
  redirectOf,
  required,
  resolveVerified,
  type SignUpBody,
  startUser,
  withToken
} from "./Support.js"

const LINK_METHODS: ReadonlySet<string> = new Set(["email", "sms", "voice", "whatsapp"])

/**
 * Issues a magic link (or a password-reset link) and records it in the outbox.
 *
 * @since 0.1.0
 * @category actions
 */
export const magicLinkFor = (
  ctx: Ctx,
  loginId: string,
  dm: string,
  kind: "magiclink" | "reset",
  uri: string | undefined,
  user: UserRecord | undefined,
  signUp: PendingSignUp | undefined,
  loginOptions: Json,
  update?: ContactUpdate,
  previousSessionId?: string
): { readonly link: string; readonly token: string; readonly to: string } => {
  const token = newSecret()
  const to = update?.email ?? update?.phone ?? addressOf(dm, loginId, user, signUp?.user)
  ctx.p.links.set(token, {
    token,
    loginId,
    expiresAt: ctx.now + ctx.env.config.linkTtlMs,
    kind,
    method: dm,
    signUp,
    loginOptions: { ...loginOptions },
    update,
    previousSessionId
  })
  const link = withToken(redirectOf(ctx, uri), token)
  Tokens.send(ctx, {
    kind: kind === "reset" ? "password-reset" : update ? "update" : "magiclink",
    deliveryMethod: dm,
    to,
    loginId,
    link,
    token
  })
  return { link, token, to }
}

const start = (mode: Mode) => (ctx: Ctx, body: typeof Wire.SignInRequest.Type & SignUpBody) =>
  Effect.gen(function*() {
    const dm = yield* deliveryMethod(ctx, LINK_METHODS)
    const loginId = yield* required("loginId", body.loginId)
    const { signUp, user } = yield* startUser(ctx, mode, loginId, dm, body)
    const lo = body.loginOptions ?? {}
    const previous = yield* Tokens.stepUp(ctx, lo)
    const { to } = magicLinkFor(ctx, loginId, dm, "magiclink", body.URI, user, signUp, lo, undefined, previous?.id)
    return masked(dm, to)
  })

const verify = (ctx: Ctx, body: typeof Wire.verify.request.Type) =>
  Effect.gen(function*() {
    const token = yield* required("token", body.token)
    const rec = ctx.p.links.get(token)
    if (
      rec === undefined || rec.expiresAt <= ctx.now ||
      !(rec.kind === "magiclink" || rec.kind === "embedded" || rec.kind === "reset")
    ) {
      return yield* fail(
        401,
        Codes.InvalidLink,
        "Invalid or expired link",
        "the link is invalid, expired or already used"
      )
    }
    ctx.p.links.delete(token)
    const { firstSeen, user } = yield* resolveVerified(ctx, rec.loginId, rec.signUp, rec.method)
    if (rec.update) Users.applyContact(ctx.p, user, rec.update)
    return yield* jwt(Tokens.login(ctx, user, {
      amr: [amrOf(rec.method)],
      method: rec.kind === "embedded" ? "embeddedlink" : "magiclink",
      loginOptions: rec.loginOptions,
      loginId: rec.loginId,
      firstSeen,
      customClaims: rec.customClaims,
      previous: Tokens.previousSession(ctx, rec.previousSessionId)
    }))
  })

const updatePhone = (ctx: Ctx, body: typeof Wire.UpdatePhoneRequest.Type) =>
  Effect.gen(function*() {
    const dm = ctx.params.deliveryMethod === undefined ? "sms" : yield* deliveryMethod(ctx, PHONE_METHODS)
    const { loginId, update, user } = yield* contactUpdate(ctx, "phone", body, body.phone)
    const { to } = magicLinkFor(ctx, loginId, dm, "magiclink", body.URI, user, undefined, {}, update)
    return { maskedPhone: masked(dm, to).maskedPhone ?? "" }
  })

/**
 * The magic-link routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.signUp, start("signup")),
  H.endpoint(Wire.signIn, start("signin")),
  H.endpoint(Wire.signUpOrIn, start("signup-in")),
  H.endpoint(Wire.verify, verify),
  H.endpoint(Wire.updateUserEmail, (ctx, body) =>
    Effect.gen(function*() {
      const { loginId, update, user } = yield* contactUpdate(ctx, "email", body, body.email)
      const { to } = magicLinkFor(ctx, loginId, "email", "magiclink", body.URI, user, undefined, {}, update)
      return { maskedEmail: masked("email", to).maskedEmail ?? "" }
    })),
  H.endpoint(Wire.updateUserPhone, updatePhone),
  H.endpoint(Wire.updateUserPhoneSms, updatePhone)
]
