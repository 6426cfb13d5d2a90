/**
 * NOTP against the emulator: our client starts sign-up, sign-in and
 * sign-up-or-in, the WhatsApp message is in the outbox, following its link
 * (the user "sends" it) lets `pending-session` answer the session once; a
 * start without a login id is confirmed by the sender's number; `updateUser`
 * sets the new number once its message is sent.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import { failure, follow as followLink, inProcess } from "./support/emulatorClient.js"

const P = "P2NotpScenario00000000000000"
const K = "notp-management-key"
const PHONE = "+12125551234"

const provide = inProcess(P, K)

const code = failure

/** Follows a link through the emulator in process: the user sends the WhatsApp message. */
const follow = (link: string, phone?: string) => {
  const url = new URL(link)
  if (phone !== undefined) url.searchParams.set("phone", phone)
  return Effect.map(followLink(url.toString()), (res) => res.status)
}

const lastNotp = (loginId: string) =>
  Effect.flatMap(Emulator.Emulator, (e) => e.lastMessage(loginId, "notp")).pipe(Effect.map(Option.getOrThrow))

describe("emulator: NOTP through the outbox", () => {
  it.effect("sign-up: pending until the message is sent, then the session once", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const started = yield* client.notp.signUp({ loginId: PHONE, user: { name: "Ada" } })
      const message = yield* lastNotp(PHONE)
      assert.strictEqual(message.deliveryMethod, "whatsapp")
      assert.strictEqual(message.to, PHONE)
      assert.strictEqual(message.link, started.redirectUrl)
      assert.strictEqual(message.pendingRef, Redacted.value(started.pendingRef))

      const pending = yield* Effect.flip(client.notp.getSession(started.pendingRef))
      assert.strictEqual(code(pending), "401 E066103")
      assert.strictEqual(yield* follow(message.link ?? ""), 200)
      const auth = yield* client.notp.getSession(started.pendingRef)
      assert.deepStrictEqual(auth.session.amr, ["whatsapp"])
      assert.isTrue(auth.firstSeen)
      assert.strictEqual(auth.user?.phone, PHONE)
      assert.isTrue(auth.user?.verifiedPhone)
      assert.strictEqual(auth.user?.name, "Ada")
      // once: the reference is spent, and so is the link
      assert.strictEqual(code(yield* Effect.flip(client.notp.getSession(started.pendingRef))), "400 E062504")
      assert.strictEqual(yield* follow(message.link ?? ""), 401)
    })))

  it.effect("sign-in and sign-up-or-in, polled with waitForSession", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      yield* client.mgmt.user.create({ loginId: PHONE, phone: PHONE })
      const none = yield* Effect.flip(client.notp.signIn({ loginId: "+12125550000" }))
      assert.strictEqual(code(none), "400 E062108")
      const started = yield* client.notp.signIn({ loginId: PHONE })
      yield* follow((yield* lastNotp(PHONE)).link ?? "")
      const auth = yield* client.notp.waitForSession(started.pendingRef)
      assert.strictEqual(auth.user?.loginIds?.[0], PHONE)

      const either = yield* client.notp.signUpOrIn({ loginId: "+14155550100" })
      yield* follow((yield* lastNotp("+14155550100")).link ?? "")
      const created = yield* client.notp.waitForSession(either.pendingRef)
      assert.isTrue(created.firstSeen)
      assert.strictEqual(created.user?.phone, "+14155550100")
    })))

  it.effect("without a login id: the sender's number names the user", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const emulator = yield* Emulator.Emulator
      const started = yield* client.notp.signUpOrIn({})
      const [message] = (yield* emulator.outbox({ kind: "notp" })).slice(-1)
      assert.strictEqual(message!.loginId, "")
      // the sender is needed
      assert.strictEqual(yield* follow(message!.link ?? ""), 400)
      assert.strictEqual(yield* follow(message!.link ?? "", "+33612345678"), 200)
      const auth = yield* client.notp.getSession(started.pendingRef)
      assert.deepStrictEqual(auth.user?.loginIds, ["+33612345678"])

      // a sign-in from an unknown number is refused; a sign-up from a user's number too
      yield* client.notp.signIn({})
      const signIn = (yield* emulator.outbox({ kind: "notp" })).slice(-1)[0]!
      assert.strictEqual(yield* follow(signIn.link ?? "", "+33600000000"), 400)
      yield* client.notp.signUp({})
      const signUp = (yield* emulator.outbox({ kind: "notp" })).slice(-1)[0]!
      assert.strictEqual(yield* follow(signUp.link ?? "", "+33612345678"), 409)
    })))

  it.effect("updateUser: the new number is set once its message is sent", () =>
    provide(Effect.gen(function*() {
      const client = yield* DescopeClient
      const started = yield* client.notp.signUp({ loginId: "ada@example.com", user: { phone: PHONE } })
      yield* follow((yield* lastNotp("ada@example.com")).link ?? "")
      const auth = yield* client.notp.getSession(started.pendingRef)
      const refreshToken = auth.refreshToken ?? Redacted.make("")

      const update = yield* client.notp.updateUser({
        loginId: "ada@example.com",
        phone: "+14155550199",
        refreshToken,
        addToLoginIds: true
      })
      assert.strictEqual((yield* client.mgmt.user.load("ada@example.com")).phone, PHONE)
      const message = yield* lastNotp("ada@example.com")
      assert.strictEqual(message.to, "+14155550199")
      yield* follow(message.link ?? "")
      const user = yield* client.mgmt.user.load("ada@example.com")
      assert.strictEqual(user.phone, "+14155550199")
      assert.include(user.loginIds ?? [], "+14155550199")
      assert.strictEqual((yield* client.notp.getSession(update.pendingRef)).user?.phone, "+14155550199")

      // another user's refresh token cannot change this user's number
      const other = yield* client.notp.signUpOrIn({ loginId: "+14155550111" })
      yield* follow((yield* lastNotp("+14155550111")).link ?? "")
      const otherAuth = yield* client.notp.getSession(other.pendingRef)
      const refused = yield* Effect.flip(client.notp.updateUser({
        loginId: "ada@example.com",
        phone: "+14155550122",
        refreshToken: otherAuth.refreshToken ?? Redacted.make("")
      }))
      assert.strictEqual(code(refused), "401 E064002")
    })))
})
