/**
 * The emulator's passkeys (`src/wire/auth/WebAuthn.ts`), verified for real: a
 * start answers a transaction and the WebAuthn options for the browser
 * (creation options for a sign-up or an update, request options naming the
 * user's credentials for a sign-in), with a fresh challenge and the RP id of
 * the origin's host; a finish checks the browser's answer
 * (`WebAuthnCeremony`), registers the credential or advances its sign
 * counter, and answers a session (amr `webauthn`). Every finish consumes its
 * transaction. `VirtualAuthenticator` answers the options in tests.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Crypto from "node:crypto"
import type { SignUpUser } from "../../wire/auth/Common.js"
import * as Wire from "../../wire/auth/WebAuthn.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as Passkeys from "../Passkeys.js"
import { findUser } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as Users from "../Users.js"
import * as Ceremony from "../WebAuthnCeremony.js"
import { Codes, fail, isObject, type Json, type WireError } from "../Wire.js"
import { enabledUser, jwt, required, sessionUser, userNotFound } from "./Support.js"

const TIMEOUT_MS = 60_000
const ALGORITHMS = [-7, -257]

const b64url = (b: Uint8Array): string => Buffer.from(b).toString("base64url")

const rpIdOf = (origin: string): Effect.Effect<string, WireError> => {
  try {
    const url = new URL(origin)
    if (url.hostname !== "" && (url.protocol === "https:" || url.protocol === "http:")) {
      return Effect.succeed(url.hostname)
    }
  } catch {
    // refused below
  }
  return fail(400, Codes.InvalidArguments, "Invalid argument", `origin ${JSON.stringify(origin)} is not an origin`)
}

const userVerificationOf = (passkeyOptions: unknown, create: boolean): string => {
  const o: Json = isObject(passkeyOptions) ? passkeyOptions : {}
  const selection: Json = isObject(o.authenticatorSelection) ? o.authenticatorSelection : {}
  const uv = create ? selection.userVerification ?? o.userVerification : o.userVerification
  return typeof uv === "string" ? uv : "preferred"
}

interface Begin {
  readonly kind: Passkeys.Transaction["kind"]
  readonly origin: string
  readonly loginId: string
  readonly userId?: string | undefined
  readonly signUp?: Passkeys.Transaction["signUp"]
  readonly displayName: string
  readonly loginOptions?: Json | undefined
  readonly previousSessionId?: string | undefined
  readonly mfa?: boolean | undefined
  readonly passkeyOptions: unknown
}

/** Records the transaction and answers the options of its ceremony. */
const begin = (ctx: Ctx, b: Begin): Effect.Effect<typeof Wire.StartResponse.Type, WireError> =>
  Effect.gen(function*() {
    const rpId = yield* rpIdOf(b.origin)
    const create = b.kind !== "signin"
    const challenge = b64url(Crypto.randomBytes(32))
    const userHandle = b.userId !== undefined ? b64url(Buffer.from(b.userId)) : b64url(Crypto.randomBytes(16))
    const userVerification = userVerificationOf(b.passkeyOptions, create)
    const transactionId = newId("WA")
    Passkeys.begin(ctx.p, {
      id: transactionId,
      kind: b.kind,
      challenge,
      origin: b.origin,
      rpId,
      loginId: b.loginId,
      userHandle,
      userId: b.userId,
      signUp: b.signUp,
      displayName: b.displayName,
      loginOptions: { ...b.loginOptions },
      previousSessionId: b.previousSessionId,
      mfa: b.mfa === true,
      userVerification: userVerification === "required",
      expiresAt: ctx.now + ctx.env.config.otpTtlMs
    })
    const existing = b.userId === undefined ? [] : Passkeys.ofUser(ctx.p, b.userId)
    const descriptors = existing.map((k) => ({ type: "public-key", id: k.id }))
    const o: Json = isObject(b.passkeyOptions) ? b.passkeyOptions : {}
    const publicKey = create
      ? {
        rp: { id: rpId, name: ctx.p.projectId },
        user: { id: userHandle, name: b.loginId, displayName: b.displayName },
        challenge,
        pubKeyCredParams: ALGORITHMS.map((alg) => ({ type: "public-key", alg })),
        timeout: TIMEOUT_MS,
        excludeCredentials: descriptors,
        authenticatorSelection: {
          residentKey: "preferred",
          ...(isObject(o.authenticatorSelection) ? o.authenticatorSelection : {}),
          userVerification
        },
        attestation: "none"
      }
      : { challenge, timeout: TIMEOUT_MS, rpId, allowCredentials: descriptors, userVerification }
    return { transactionId, options: JSON.stringify({ publicKey }), create }
  })

const noPasskeys = (loginId: string) =>
  fail(400, Codes.InvalidArguments, "Invalid argument", `user ${loginId} has no passkeys`)

const signIn = (ctx: Ctx, loginId: string, origin: string, lo: Json, passkeyOptions: unknown) =>
  Effect.gen(function*() {
    const user = yield* enabledUser(ctx.p, loginId)
    if (Passkeys.ofUser(ctx.p, user.userId).length === 0) return yield* noPasskeys(loginId)
    const previous = yield* Tokens.stepUp(ctx, lo)
    return yield* begin(ctx, {
      kind: "signin",
      origin,
      loginId,
      userId: user.userId,
      displayName: user.name ?? loginId,
      loginOptions: lo,
      previousSessionId: previous?.id,
      passkeyOptions
    })
  })

const signUp = (
  ctx: Ctx,
  loginId: string,
  origin: string,
  user: SignUpUser,
  lo: Json,
  passkeyOptions: unknown
) =>
  begin(ctx, {
    kind: "signup",
    origin,
    loginId,
    signUp: { user, deliveryMethod: "webauthn" },
    displayName: user.name !== undefined && user.name !== "" ? user.name : loginId,
    loginOptions: lo,
    passkeyOptions
  })

const refused = (r: Ceremony.Refusal) =>
  r.status === 400
    ? fail(400, Codes.InvalidArguments, "Invalid argument", r.reason)
    : fail(401, Codes.InvalidRequest, "WebAuthn verification failed", r.reason)

const transaction = (ctx: Ctx, body: typeof Wire.FinishRequest.Type, kind: Passkeys.Transaction["kind"]) =>
  Effect.gen(function*() {
    const id = yield* required("transactionId", body.transactionId)
    yield* required("response", body.response)
    const t = Passkeys.take(ctx.p, id, ctx.now)
    if (t === undefined || t.kind !== kind) {
      return yield* fail(400, Codes.InvalidArguments, "Invalid argument", "unknown or expired transactionId")
    }
    return t
  })

/** Checks a registration and stores its credential for `userId`. */
const register = (
  ctx: Ctx,
  t: Passkeys.Transaction,
  response: string,
  userId: () => Effect.Effect<string, WireError>
) =>
  Effect.gen(function*() {
    const checked = Ceremony.verifyRegistration(response, t)
    if (Either.isLeft(checked)) return yield* refused(checked.left)
    const credential = checked.right
    if (Passkeys.byId(ctx.p, credential.id) !== undefined) {
      return yield* fail(400, Codes.InvalidArguments, "Invalid argument", "the credential is already registered")
    }
    const owner = yield* userId()
    Passkeys.add(ctx.p, {
      id: credential.id,
      userId: owner,
      userHandle: t.userHandle,
      publicKey: credential.publicKey,
      rpId: t.rpId,
      displayName: t.displayName,
      createdTime: Math.floor(ctx.now / 1000),
      signCount: credential.signCount
    })
    return owner
  })

const signUpFinish = (ctx: Ctx, body: typeof Wire.signUpFinish.request.Type) =>
  Effect.gen(function*() {
    const t = yield* transaction(ctx, body, "signup")
    const userId = yield* register(ctx, t, body.response, () =>
      Effect.gen(function*() {
        if (findUser(ctx.p, t.loginId) !== undefined) {
          return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${t.loginId} is taken`)
        }
        return (yield* Users.create(ctx.p, t.loginId, t.signUp?.user ?? {}, ctx.now)).userId
      }))
    const user = ctx.p.users.get(userId)!
    return yield* jwt(Tokens.login(ctx, user, {
      amr: ["webauthn"],
      method: "webauthn",
      loginOptions: t.loginOptions,
      loginId: t.loginId,
      firstSeen: true
    }))
  })

const signInFinish = (ctx: Ctx, body: typeof Wire.signInFinish.request.Type) =>
  Effect.gen(function*() {
    const t = yield* transaction(ctx, body, "signin")
    const user = t.userId === undefined ? undefined : ctx.p.users.get(t.userId)
    if (user === undefined) return yield* userNotFound(t.loginId)
    const mine = Passkeys.ofUser(ctx.p, user.userId)
    const checked = Ceremony.verifyAssertion(body.response, t, (id) => mine.find((k) => k.id === id))
    if (Either.isLeft(checked)) {
      Tokens.audit(ctx, "LoginFailed", user.userId, "webauthn", user.loginIds)
      return yield* refused(checked.left)
    }
    const passkey = mine.find((k) => k.id === checked.right.id)!
    if (checked.right.userHandle !== undefined && checked.right.userHandle !== passkey.userHandle) {
      return yield* refused({ status: 401, reason: "the user handle is not the credential's" })
    }
    passkey.signCount = checked.right.signCount
    const enabled = yield* enabledUser(ctx.p, t.loginId)
    return yield* jwt(Tokens.login(ctx, enabled, {
      amr: ["webauthn"],
      method: "webauthn",
      loginOptions: t.loginOptions,
      loginId: t.loginId,
      previous: Tokens.previousSession(ctx, t.previousSessionId)
    }))
  })

const updateFinish = (ctx: Ctx, body: typeof Wire.updateFinish.request.Type) =>
  Effect.gen(function*() {
    const t = yield* transaction(ctx, body, "update")
    const user = t.userId === undefined ? undefined : ctx.p.users.get(t.userId)
    if (user === undefined) return yield* userNotFound(t.loginId)
    yield* register(ctx, t, body.response, () => Effect.succeed(user.userId))
    if (!t.mfa) return {}
    const session = yield* jwt(Tokens.login(ctx, user, {
      amr: ["webauthn"],
      method: "webauthn",
      loginId: t.loginId,
      previous: Tokens.previousSession(ctx, t.previousSessionId)
    }))
    return { jwt: session }
  })

/**
 * The WebAuthn routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.signUpStart, (ctx, body) =>
    Effect.gen(function*() {
      const loginId = yield* required("loginId", body.user.loginId)
      const origin = yield* required("origin", body.origin)
      if (findUser(ctx.p, loginId) !== undefined) {
        return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${loginId} is taken`)
      }
      const { loginId: _, ...user } = body.user
      return yield* signUp(ctx, loginId, origin, user, body.loginOptions ?? {}, body.passkeyOptions)
    })),
  H.endpoint(Wire.signUpFinish, signUpFinish),
  H.endpoint(Wire.signInStart, (ctx, body) =>
    Effect.gen(function*() {
      const loginId = yield* required("loginId", body.loginId)
      const origin = yield* required("origin", body.origin)
      return yield* signIn(ctx, loginId, origin, body.loginOptions ?? {}, body.passkeyOptions)
    })),
  H.endpoint(Wire.signInFinish, signInFinish),
  H.endpoint(Wire.signUpOrInStart, (ctx, body) =>
    Effect.gen(function*() {
      const loginId = yield* required("loginId", body.loginId)
      const origin = yield* required("origin", body.origin)
      const lo = body.loginOptions ?? {}
      return findUser(ctx.p, loginId) === undefined
        ? yield* signUp(ctx, loginId, origin, {}, lo, body.passkeyOptions)
        : yield* signIn(ctx, loginId, origin, lo, body.passkeyOptions)
    })),
  H.endpoint(Wire.updateStart, (ctx, body) =>
    Effect.gen(function*() {
      const loginId = yield* required("loginId", body.loginId)
      const origin = yield* required("origin", body.origin)
      const user = yield* sessionUser(ctx, loginId)
      const { session } = yield* Tokens.fromRefresh(ctx, ctx.token)
      return yield* begin(ctx, {
        kind: "update",
        origin,
        loginId,
        userId: user.userId,
        displayName: user.name ?? loginId,
        previousSessionId: session.id,
        mfa: body.mfa,
        passkeyOptions: body.passkeyOptions
      })
    })),
  H.endpoint(Wire.updateFinish, updateFinish)
]
