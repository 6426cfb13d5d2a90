/**
 * The emulator's test-user generators and embedded links
 * (`src/wire/mgmt/TestUser.ts`): an OTP code, a magic link or an enchanted
 * link for a test user (any other user is refused), answered instead of
 * delivered; and embedded sign-in / sign-up tokens (a sign-up token creates
 * its user), verified with the magic-link verify endpoint.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Wire from "../../wire/mgmt/TestUser.js"
import * as AuthRoutes from "../AuthRoutes.js"
import { type UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newSecret } from "../Ids.js"
import { target, userNotFound } from "../ManagementSupport.js"
import { findUser } from "../Queries.js"
import * as Users from "../Users.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"

type LoginOptions = typeof Wire.LoginOptions.Type

/** The test user a generator serves: the generators refuse any other user. */
const testUser = (ctx: Ctx, b: { readonly loginId: string }): Effect.Effect<UserRecord, WireError> =>
  Effect.flatMap(target(ctx, b), (u) =>
    u.test
      ? Effect.succeed(u)
      : fail(400, Codes.InvalidRequest, "Not a test user", "the generators only serve test users"))

/** The delivery method a generated code or link is issued for (`Embedded` reads as e-mail). */
const methodOf = (deliveryMethod: string | undefined): string => {
  const dm = deliveryMethod ?? "email"
  return dm === "Embedded" || dm === "embedded" ? "email" : dm.toLowerCase()
}

/** An embedded link's token, for an existing user (or, signing up, a user created now). */
const embedded = (
  ctx: Ctx,
  b: {
    readonly loginId: string
    readonly customClaims?: Readonly<Record<string, unknown>> | undefined
    readonly timeout?: number | undefined
    readonly loginOptions?: LoginOptions | undefined
  },
  signUp: ((loginId: string) => Effect.Effect<UserRecord, WireError>) | undefined
) =>
  Effect.gen(function*() {
    if (b.loginId === "") return yield* W.missing("loginId")
    if (findUser(ctx.p, b.loginId) === undefined) {
      if (signUp === undefined) return yield* userNotFound(b.loginId)
      yield* signUp(b.loginId)
    }
    const token = newSecret()
    const timeout = b.timeout ?? 0
    const lo = b.loginOptions ?? {}
    ctx.p.links.set(token, {
      token,
      loginId: b.loginId,
      expiresAt: ctx.now + (timeout > 0 ? timeout * 1000 : ctx.env.config.linkTtlMs),
      kind: "embedded",
      method: "embedded",
      loginOptions: { ...lo },
      customClaims: b.customClaims ?? lo.customClaims
    })
    return { token: Redacted.make(token) }
  })

/**
 * The test-user generator and embedded-link routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.generateOtpForTestUser, (ctx, b) =>
    Effect.map(testUser(ctx, b), (u) => {
      const { code } = AuthRoutes.issueCode(
        ctx,
        b.loginId,
        methodOf(b.deliveryMethod),
        u,
        undefined,
        b.loginOptions ?? {}
      )
      const rec = ctx.p.codes.get(b.loginId.toLowerCase())
      if (rec !== undefined) rec.generated = true
      return { loginId: b.loginId, code: Redacted.make(code) }
    })),
  H.endpoint(Wire.generateMagicLinkForTestUser, (ctx, b) =>
    Effect.map(testUser(ctx, b), (u) => {
      const { link } = AuthRoutes.magicLinkFor(
        ctx,
        b.loginId,
        methodOf(b.deliveryMethod),
        "magiclink",
        b.uri,
        u,
        undefined,
        b.loginOptions ?? {}
      )
      return { loginId: b.loginId, link: Redacted.make(link) }
    })),
  H.endpoint(Wire.generateEnchantedLinkForTestUser, (ctx, b) =>
    Effect.map(testUser(ctx, b), (u) => {
      const r = AuthRoutes.issueEnchanted(ctx, b.loginId, b.uri, u, undefined, b.loginOptions ?? {})
      return { loginId: b.loginId, link: Redacted.make(r.link), pendingRef: Redacted.make(r.pendingRef) }
    })),
  H.endpoint(Wire.generateEmbeddedLink, (ctx, b) => embedded(ctx, b, undefined)),
  H.endpoint(Wire.generateSignUpEmbeddedLink, (ctx, b) =>
    embedded(ctx, b, (loginId) =>
      Users.create(ctx.p, loginId, {
        ...b.user,
        ...(b.emailVerified !== undefined ? { verifiedEmail: b.emailVerified } : {}),
        ...(b.phoneVerified !== undefined ? { verifiedPhone: b.phoneVerified } : {})
      }, ctx.now)))
]
