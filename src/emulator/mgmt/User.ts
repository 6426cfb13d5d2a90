/**
 * The emulator's user life cycle (`src/wire/mgmt/User.ts`): create (and
 * invite: an existing user is re-invited, a new one is created `invited`),
 * create a test user, replace, patch, delete, load one or several; and the
 * typed rendering of a user record as the wire's user, which every user
 * route answers with.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/User.js"
import { type ProjectState, type UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newSecret } from "../Ids.js"
import { identifier, removeUser, target, userNotFound } from "../ManagementSupport.js"
import { findUser, userJson } from "../Queries.js"
import * as Tokens from "../Tokens.js"
import * as Users from "../Users.js"
import * as W from "../Wire.js"
import type { WireError } from "../Wire.js"

/**
 * A user record as the wire's user (§11.1): `Queries.userJson`.
 *
 * @since 0.2.0
 * @category rendering
 */
export const toUser: (p: ProjectState, u: UserRecord) => Wire.User = userJson

/**
 * `{ user }` of a record.
 *
 * @since 0.2.0
 * @category rendering
 */
export const userAnswer = (ctx: Ctx, u: UserRecord): typeof Wire.UserResponse.Type => ({ user: toUser(ctx.p, u) })

/**
 * Sends an invitation (a magic link to the invite URL) to a user's e-mail
 * address or phone, through the outbox.
 *
 * @since 0.2.0
 * @category actions
 */
export const sendInvite = (ctx: Ctx, u: UserRecord, inviteUrl: string | undefined): void => {
  const to = u.email ?? u.phone ?? u.loginIds[0] ?? ""
  const token = newSecret()
  const loginId = u.loginIds[0] ?? u.userId
  ctx.p.links.set(token, {
    token,
    loginId,
    expiresAt: ctx.now + ctx.env.config.linkTtlMs,
    kind: "magiclink",
    method: u.email ? "email" : "sms",
    loginOptions: {}
  })
  const url = inviteUrl === undefined || inviteUrl === "" ? ctx.env.config.defaultRedirectUrl : inviteUrl
  Tokens.send(ctx, {
    kind: "invite",
    deliveryMethod: u.email ? "email" : "sms",
    to,
    loginId,
    link: `${url}${url.includes("?") ? "&" : "?"}t=${token}`,
    token
  })
}

/**
 * The user fields of a management request (create, update, patch, a batch
 * element, the single-field updates), as the catalogue decodes them.
 *
 * @since 0.2.0
 * @category models
 */
export type WireFields = Omit<typeof Wire.UserPatch.Type, "loginId">

/**
 * The {@link Users.Fields} of a management request: its `displayName` is the
 * user's name; python-sdk's `ssoAppIDs` and node-sdk's `additionalIdentifiers`
 * (both in the catalogue) stand for `ssoAppIds` and `additionalLoginIds` when
 * those are absent.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fieldsOf = (b: WireFields): Users.Fields => ({
  email: b.email,
  phone: b.phone,
  name: b.displayName,
  givenName: b.givenName,
  middleName: b.middleName,
  familyName: b.familyName,
  picture: b.picture,
  verifiedEmail: b.verifiedEmail,
  verifiedPhone: b.verifiedPhone,
  roleNames: b.roleNames,
  userTenants: b.userTenants,
  customAttributes: b.customAttributes,
  ssoAppIds: b.ssoAppIds ?? b.ssoAppIDs,
  status: b.status,
  test: b.test,
  additionalLoginIds: b.additionalLoginIds ?? b.additionalIdentifiers
})

const create = (test: boolean) => (ctx: Ctx, b: typeof Wire.UserCreate.Type) =>
  Effect.gen(function*() {
    if (b.loginId === "") return yield* W.missing("loginId")
    const invite = b.invite === true
    if (invite) {
      const existing = findUser(ctx.p, b.loginId)
      if (existing !== undefined) {
        sendInvite(ctx, existing, b.inviteUrl)
        return userAnswer(ctx, existing)
      }
    }
    // a created user is `invited` until its first sign-in (as Descope answers), unless a status is given
    const u = yield* Users.create(ctx.p, b.loginId, fieldsOf(b), ctx.now, {
      test: test || b.test === true,
      status: "invited"
    })
    if (invite) sendInvite(ctx, u, b.inviteUrl)
    return userAnswer(ctx, u)
  })

const CLEARABLE = ["email", "phone", "name", "givenName", "middleName", "familyName", "picture"] as const

const replace = (ctx: Ctx, b: typeof Wire.UserReplace.Type) =>
  Effect.map(target(ctx, b), (u) => {
    for (const k of CLEARABLE) u[k] = undefined
    u.verifiedEmail = false
    u.verifiedPhone = false
    u.roleNames = []
    u.userTenants = []
    u.customAttributes = {}
    u.ssoAppIds = []
    Users.apply(ctx.p, u, fieldsOf(b), ctx.now)
    return userAnswer(ctx, u)
  })

/**
 * Patches one user: only the fields present change.
 *
 * @since 0.2.0
 * @category actions
 */
export const patchOne = (
  ctx: Ctx,
  b: WireFields & {
    readonly loginId?: string | undefined
    readonly loginIdOrUserId?: string | undefined
  }
): Effect.Effect<UserRecord, WireError> =>
  Effect.map(target(ctx, b), (u) => {
    Users.apply(ctx.p, u, fieldsOf(b), ctx.now)
    return u
  })

const load = (ctx: Ctx, q: typeof Wire.UserRef.Type) =>
  Effect.gen(function*() {
    const id = identifier(q)
    if (id === undefined) return yield* W.missing("loginId")
    const u = findUser(ctx.p, id)
    return u === undefined ? yield* userNotFound(id) : userAnswer(ctx, u)
  })

/**
 * The routes of the user life cycle.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, create(false)),
  H.endpoint(Wire.createTestUser, create(true)),
  H.endpoint(Wire.update, replace),
  H.endpoint(Wire.patch, (ctx, b) => Effect.map(patchOne(ctx, b), (u) => userAnswer(ctx, u))),
  H.endpoint(Wire.delete, (ctx, b) =>
    Effect.gen(function*() {
      const id = identifier(b)
      if (id === undefined) return yield* W.missing("loginId")
      const u = findUser(ctx.p, id)
      if (u !== undefined) removeUser(ctx.p, u)
      return {}
    })),
  H.endpoint(Wire.deleteAllTestUsers, (ctx) =>
    Effect.sync(() => {
      for (const u of [...ctx.p.users.values()]) if (u.test) removeUser(ctx.p, u)
      return {}
    })),
  H.endpoint(Wire.load, load),
  H.endpoint(Wire.loadUsers, (ctx, b) =>
    Effect.sync(() => ({
      users: b.userIds.flatMap((id) => {
        const u = findUser(ctx.p, id)
        return u !== undefined && (b.includeInvalidUsers === true || u.status !== "disabled") ? [toUser(ctx.p, u)] : []
      })
    })))
]
