/**
 * The emulator's NOTP (WhatsApp without a code, `src/wire/auth/Notp.ts`),
 * on the enchanted link's mechanism: a start answers a `pendingRef`, and as
 * `redirectUrl` (and its QR image) the link that stands for "open WhatsApp and
 * send the prepared message"; the message is recorded in the outbox (kind
 * `notp`, its `link` the same). Following the link (`GET
 * /emulator/notp/send?t=…`, with `&phone=` naming the sender when the start
 * had no login id) confirms the pending session, which `pending-session`
 * then answers once (401 `E066103` before). An update (`whatsapp/update`)
 * sets the new number once its message is sent.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as OptionalPeer from "../../internal/optionalPeer.js"
import * as Wire from "../../wire/auth/Notp.js"
import type { ContactUpdate, PendingSignUp, UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newSecret } from "../Ids.js"
import { findUser } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import { Codes, fail, type Json } from "../Wire.js"
import { confirmPending, pendingLogin } from "./EnchantedLink.js"
import { addressOf, contactUpdate, type Mode, required, signUpOf, startUser, userNotFound } from "./Support.js"

const METHOD = "whatsapp"

/** The QR image (base64 PNG) of a link, with the optional `qrcode` package; `""` without it. */
const qrImage = (text: string): Effect.Effect<string> =>
  OptionalPeer.load(
    { packageName: "qrcode", range: "^1.5", feature: "the emulator's NOTP QR image" },
    () => import("qrcode")
  ).pipe(
    Effect.flatMap((QRCode) => Effect.promise(() => QRCode.toDataURL(text))),
    Effect.map((dataUrl) => dataUrl.replace(/^data:image\/png;base64,/, "")),
    Effect.catchTag("MissingPeerError", () => Effect.succeed(""))
  )

interface Issue {
  readonly loginId: string
  readonly user: UserRecord | undefined
  readonly signUp: PendingSignUp | undefined
  readonly signUpOnly: boolean
  readonly loginOptions: Json
  readonly update?: ContactUpdate | undefined
  readonly previousSessionId?: string | undefined
}

const issue = (ctx: Ctx, i: Issue) =>
  Effect.gen(function*() {
    const pendingRef = newSecret(16)
    const token = newSecret()
    const expiresAt = ctx.now + ctx.env.config.linkTtlMs
    const link = `${ctx.baseUrl}/emulator/notp/send?projectId=${encodeURIComponent(ctx.p.projectId)}&t=${token}`
    ctx.p.links.set(token, {
      token,
      loginId: i.loginId,
      expiresAt,
      kind: "notp",
      method: METHOD,
      pendingRef,
      signUp: i.signUp,
      loginOptions: { ...i.loginOptions },
      update: i.update,
      signUpOnly: i.signUpOnly
    })
    ctx.p.pending.set(pendingRef, {
      pendingRef,
      loginId: i.loginId,
      expiresAt,
      method: METHOD,
      loginOptions: { ...i.loginOptions },
      consumed: false,
      previousSessionId: i.previousSessionId
    })
    const to = i.update?.phone ?? (i.loginId === "" ? "" : addressOf(METHOD, i.loginId, i.user, i.signUp?.user))
    Tokens.send(ctx, { kind: "notp", deliveryMethod: METHOD, to, loginId: i.loginId, link, token, pendingRef })
    return { pendingRef: Redacted.make(pendingRef), redirectUrl: link, image: yield* qrImage(link) }
  })

const start = (mode: Mode) => (ctx: Ctx, body: typeof Wire.signUp.request.Type) =>
  Effect.gen(function*() {
    const loginId = body.loginId ?? ""
    const lo = body.loginOptions ?? {}
    const { signUp, user } = loginId === ""
      ? { user: undefined, signUp: mode === "signin" ? undefined : signUpOf(body, METHOD) }
      : yield* startUser(ctx, mode, loginId, METHOD, body)
    const previous = yield* Tokens.stepUp(ctx, lo)
    return yield* issue(ctx, {
      loginId,
      user,
      signUp,
      signUpOnly: mode === "signup",
      loginOptions: lo,
      previousSessionId: previous?.id
    })
  })

const byNumber = (ctx: Ctx, phone: string): UserRecord | undefined =>
  findUser(ctx.p, phone) ?? [...ctx.p.users.values()].find((u) => u.phone === phone)

/**
 * `GET /emulator/notp/send?t=…[&phone=…]`: the user sends the prepared
 * WhatsApp message; its pending session is confirmed.
 *
 * @since 0.2.0
 * @category routes
 */
export const send: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const rec = ctx.p.links.get(ctx.query.t ?? "")
    if (rec === undefined || rec.kind !== "notp" || rec.expiresAt <= ctx.now) {
      return yield* fail(401, Codes.InvalidLink, "Invalid or expired link", "unknown or expired NOTP message")
    }
    let loginId = rec.loginId
    if (loginId === "") {
      const phone = yield* required("phone", ctx.query.phone)
      const existing = byNumber(ctx, phone)
      if (existing !== undefined && rec.signUpOnly === true) {
        return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `${phone} is a user's number`)
      }
      if (existing === undefined && rec.signUp === undefined) return yield* userNotFound(phone)
      loginId = existing?.loginIds[0] ?? phone
    }
    yield* confirmPending(ctx, rec, loginId)
    return { sent: true }
  })

/**
 * The NOTP routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.signUp, start("signup")),
  H.endpoint(Wire.signIn, start("signin")),
  H.endpoint(Wire.signUpOrIn, start("signup-in")),
  H.endpoint(
    Wire.getSession,
    (ctx, body) =>
      Effect.flatMap(required("pendingRef", body.pendingRef), (pendingRef) =>
        pendingLogin(ctx, pendingRef, {
          amr: METHOD,
          method: "notp",
          pendingCode: Codes.NotpPending,
          pending: "NOTP unauthorized"
        }))
  ),
  H.endpoint(Wire.updateUser, (ctx, body) =>
    Effect.gen(function*() {
      const { loginId, update, user } = yield* contactUpdate(ctx, "phone", body, body.phone)
      return yield* issue(ctx, { loginId, user, signUp: undefined, signUpOnly: false, loginOptions: {}, update })
    }))
]
