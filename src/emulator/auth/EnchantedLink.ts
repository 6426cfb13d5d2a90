/**
 * The emulator's enchanted links (`src/wire/auth/EnchantedLink.ts`): an
 * e-mail with three links of which only `linkId`'s works; following it
 * verifies the pending session, which the poller then receives once.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Crypto from "node:crypto"
import * as Wire from "../../wire/auth/EnchantedLink.js"
import { type ContactUpdate, type LinkRecord, type PendingSignUp, type UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { maskEmail, newSecret } from "../Ids.js"
import * as Tokens from "../Tokens.js"
import * as Users from "../Users.js"
import { Codes, fail, type Json, type WireError } from "../Wire.js"
import {
  addressOf,
  contactUpdate,
  deliveryMethod,
  jwt,
  type Mode,
  redirectOf,
  required,
  resolveVerified,
  type SignUpBody,
  startUser,
  userNotFound,
  withToken
} from "./Support.js"

const EMAIL: ReadonlySet<string> = new Set(["email"])

/**
 * Issues an enchanted link: three links in the e-mail, only `linkId`'s works.
 *
 * @since 0.1.0
 * @category actions
 */
export const issueEnchanted = (
  ctx: Ctx,
  loginId: string,
  uri: string | undefined,
  user: UserRecord | undefined,
  signUp: PendingSignUp | undefined,
  loginOptions: Json,
  update?: ContactUpdate,
  previousSessionId?: string
): { readonly pendingRef: string; readonly linkId: string; readonly link: string; readonly to: string } => {
  const pendingRef = newSecret(16)
  const base = redirectOf(ctx, uri)
  const ids = new Set<string>()
  while (ids.size < 3) ids.add(String(Crypto.randomInt(10, 100)))
  const [linkId, ...decoys] = [...ids] as [string, string, string]
  const expiresAt = ctx.now + ctx.env.config.linkTtlMs
  const links: Record<string, string> = {}
  const token = newSecret()
  ctx.p.links.set(token, {
    token,
    loginId,
    expiresAt,
    kind: "enchantedlink",
    method: "email",
    pendingRef,
    signUp,
    loginOptions: { ...loginOptions },
    update
  })
  links[linkId] = withToken(base, token)
  for (const d of decoys) {
    const t = newSecret()
    ctx.p.links.set(t, { token: t, loginId, expiresAt, kind: "decoy", method: "email", pendingRef, loginOptions: {} })
    links[d] = withToken(base, t)
  }
  ctx.p.pending.set(pendingRef, {
    pendingRef,
    loginId,
    expiresAt,
    method: "email",
    loginOptions: { ...loginOptions },
    consumed: false,
    previousSessionId
  })
  const to = update?.email ?? addressOf("email", loginId, user, signUp?.user)
  const link = links[linkId]!
  Tokens.send(ctx, {
    kind: update ? "update" : "enchantedlink",
    deliveryMethod: "email",
    to,
    loginId,
    link,
    token,
    links,
    linkId,
    pendingRef
  })
  return { pendingRef, linkId, link, to }
}

const answer = (r: { readonly pendingRef: string; readonly linkId: string }, to: string): Wire.LinkResponse => ({
  pendingRef: Redacted.make(r.pendingRef),
  linkId: r.linkId,
  maskedEmail: maskEmail(to)
})

const start = (mode: Mode) => (ctx: Ctx, body: typeof Wire.signIn.request.Type & SignUpBody) =>
  Effect.gen(function*() {
    yield* deliveryMethod(ctx, EMAIL)
    const loginId = yield* required("loginId", body.loginId)
    const { signUp, user } = yield* startUser(ctx, mode, loginId, "email", body)
    const lo = body.loginOptions ?? {}
    const previous = yield* Tokens.stepUp(ctx, lo)
    const r = issueEnchanted(ctx, loginId, body.URI, user, signUp, lo, undefined, previous?.id)
    return answer(r, r.to)
  })

/**
 * Confirms the pending session of a followed link (an enchanted link, or a
 * NOTP message sent): its sibling links are spent, the user is resolved (a
 * pending sign-up created now), a contact update applied, and the poller of
 * `pendingRef` receives the session once.
 *
 * @since 0.2.0
 * @category actions
 */
export const confirmPending = (
  ctx: Ctx,
  rec: LinkRecord,
  loginId: string = rec.loginId
): Effect.Effect<void, WireError> =>
  Effect.gen(function*() {
    const pending = rec.pendingRef === undefined ? undefined : ctx.p.pending.get(rec.pendingRef)
    if (pending === undefined) {
      return yield* fail(401, Codes.InvalidLink, "Invalid or expired link", "no pending session")
    }
    for (const [t, l] of ctx.p.links) if (l.pendingRef === rec.pendingRef) ctx.p.links.delete(t)
    const { user } = yield* resolveVerified(ctx, loginId, rec.signUp, rec.method)
    if (rec.update) Users.applyContact(ctx.p, user, rec.update)
    pending.loginId = loginId
    pending.verifiedUserId = user.userId
    pending.loginOptions = rec.loginOptions
  })

const verify = (ctx: Ctx, body: typeof Wire.verify.request.Type) =>
  Effect.gen(function*() {
    const token = yield* required("token", body.token)
    const rec = ctx.p.links.get(token)
    if (rec === undefined || rec.expiresAt <= ctx.now || rec.kind !== "enchantedlink" || rec.pendingRef === undefined) {
      return yield* fail(401, Codes.InvalidLink, "Invalid or expired link", "this is not the link to follow")
    }
    yield* confirmPending(ctx, rec)
    return {}
  })

/**
 * The session of a confirmed pending reference, once (`pending-session` of
 * enchanted links and NOTP): 400 when unknown, spent or expired, 401 with
 * `pendingCode` while not confirmed.
 *
 * @since 0.2.0
 * @category actions
 */
export const pendingLogin = (
  ctx: Ctx,
  pendingRef: string,
  options: { readonly amr: string; readonly method: string; readonly pendingCode: string; readonly pending: string }
) =>
  Effect.gen(function*() {
    const pending = ctx.p.pending.get(pendingRef)
    if (pending === undefined || pending.consumed || pending.expiresAt <= ctx.now) {
      return yield* fail(400, Codes.InvalidLink, "Invalid or expired pending reference", "unknown pendingRef")
    }
    if (pending.verifiedUserId === undefined) {
      return yield* fail(401, options.pendingCode, options.pending, "the user did not confirm yet")
    }
    const user = ctx.p.users.get(pending.verifiedUserId)
    if (user === undefined) return yield* userNotFound(pending.loginId)
    pending.consumed = true
    return yield* jwt(Tokens.login(ctx, user, {
      amr: [options.amr],
      method: options.method,
      loginOptions: pending.loginOptions,
      loginId: pending.loginId,
      previous: Tokens.previousSession(ctx, pending.previousSessionId)
    }))
  })

const pendingSession = (ctx: Ctx, body: typeof Wire.getSession.request.Type) =>
  Effect.flatMap(required("pendingRef", body.pendingRef), (pendingRef) =>
    pendingLogin(ctx, pendingRef, {
      amr: "email",
      method: "enchantedlink",
      pendingCode: Codes.EnchantedLinkPending,
      pending: "Enchanted link pending"
    }))

/**
 * The enchanted-link routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.signUp, start("signup")),
  H.endpoint(Wire.signIn, start("signin")),
  H.endpoint(Wire.signUpOrIn, start("signup-in")),
  H.endpoint(Wire.verify, verify),
  H.endpoint(Wire.getSession, pendingSession),
  H.endpoint(Wire.updateUserEmail, (ctx, body) =>
    Effect.gen(function*() {
      const { loginId, update, user } = yield* contactUpdate(ctx, "email", body, body.email)
      const r = issueEnchanted(ctx, loginId, body.URI, user, undefined, {}, update)
      return answer(r, body.email)
    }))
]
