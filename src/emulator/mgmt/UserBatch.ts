/**
 * The emulator's user batches (`src/wire/mgmt/UserBatch.ts`): create (and
 * invite) several users with their passwords (checked against the policy)
 * and TOTP seeds, patch several users, delete several users, and import
 * users (a JSON array of users, as text or base64; `dryrun` persists
 * nothing). An element that fails is answered among the failures, shaped as
 * a user; the others go through.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { lazy, lazyParser } from "../../internal/lazySchema.js"
import type { Endpoint } from "../../wire/Endpoint.js"
import { Bool, optional, Strings } from "../../wire/Fields.js"
import { patchFields } from "../../wire/mgmt/User.js"
import * as Wire from "../../wire/mgmt/UserBatch.js"
import * as AuthRoutes from "../AuthRoutes.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { removeUser } from "../ManagementSupport.js"
import { findUser } from "../Queries.js"
import * as Users from "../Users.js"
import * as W from "../Wire.js"
import { Codes, fail, isObject, stripNulls, type WireError } from "../Wire.js"
import { fieldsOf, patchOne, sendInvite, toUser } from "./User.js"

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

/** The message of a failed element. */
const reason = (e: WireError): string => e.errorMessage ?? e.errorDescription

/**
 * A user a batch could not create or patch, shaped as a user (what the SDKs
 * decode `failedUsers[].user` as) from the request's element.
 */
const failedUser = (b: {
  readonly loginId?: string | undefined
  readonly loginIdOrUserId?: string | undefined
  readonly email?: string | undefined
  readonly phone?: string | undefined
  readonly displayName?: string | undefined
}): Wire.FailedBatchUser => {
  const loginId = nonEmpty(b.loginId) ?? nonEmpty(b.loginIdOrUserId)
  return {
    userId: "",
    loginIds: loginId === undefined ? [] : [loginId],
    ...(b.email !== undefined ? { email: b.email } : {}),
    ...(b.phone !== undefined ? { phone: b.phone } : {}),
    ...(b.displayName !== undefined ? { name: b.displayName } : {})
  }
}

const createBatch = (ctx: Ctx, request: Endpoint.Request<typeof Wire.createBatch>) =>
  Effect.gen(function*() {
    const createdUsers: Array<ReturnType<typeof toUser>> = []
    const failedUsers: Array<Wire.BatchFailure> = []
    const invite = request.invite === true
    for (const b of request.users) {
      const loginId = nonEmpty(b.loginId) ?? nonEmpty(b.loginIdOrUserId)
      if (loginId === undefined) {
        failedUsers.push({ failure: "missing loginId", user: failedUser(b) })
        continue
      }
      const r = yield* Effect.either(
        Users.create(ctx.p, loginId, fieldsOf(b), ctx.now, { test: b.test === true, status: "invited" })
      )
      if (r._tag === "Left") {
        failedUsers.push({ failure: reason(r.left), user: failedUser(b) })
        continue
      }
      const u = r.right
      if (b.password !== undefined) {
        u.passwordHash = yield* AuthRoutes.hashChecked(ctx, Redacted.value(b.password)).pipe(
          Effect.orElseSucceed(() => undefined)
        )
      }
      if (b.seed !== undefined) u.totpSeed = Redacted.value(b.seed)
      if (invite) sendInvite(ctx, u, request.inviteUrl)
      createdUsers.push(toUser(ctx.p, u))
    }
    return { createdUsers, failedUsers }
  })

const patchBatch = (ctx: Ctx, request: Endpoint.Request<typeof Wire.patchBatch>) =>
  Effect.gen(function*() {
    const patchedUsers: Array<ReturnType<typeof toUser>> = []
    const failedUsers: Array<Wire.BatchFailure> = []
    for (const b of request.users) {
      const r = yield* Effect.either(patchOne(ctx, b))
      if (r._tag === "Left") failedUsers.push({ failure: reason(r.left), user: failedUser(b) })
      else patchedUsers.push(toUser(ctx.p, r.right))
    }
    return { patchedUsers, failedUsers }
  })

/**
 * One user of an import payload. The catalogue describes the payload as text
 * (the SDKs pass it through unread), so its elements are read here: the user
 * fields of a management request, with the other spellings the emulator has
 * always taken in an import (`name`, `username`, `emailVerified`,
 * `phoneVerified`, `roles`, a single `ssoAppId`). Built on first use, as the
 * catalogue's user fields it holds.
 */
const ImportedUser = lazy(() =>
  Schema.Struct({
    loginId: optional(Schema.String),
    ...patchFields,
    name: optional(Schema.String),
    username: optional(Schema.String),
    emailVerified: optional(Bool),
    phoneVerified: optional(Bool),
    roles: optional(Strings),
    ssoAppId: optional(Schema.String)
  })
)

const decodeImported = lazyParser(() =>
  Schema.decodeUnknownEither(ImportedUser, { onExcessProperty: "ignore", errors: "first" })
)

/** The user fields of an imported user: the management spelling first, then the import's other one. */
const importedFields = (b: typeof ImportedUser.Type): Users.Fields => {
  const fields = fieldsOf(b)
  const single = nonEmpty(b.ssoAppId)
  return {
    ...fields,
    name: fields.name ?? b.name,
    username: b.username,
    verifiedEmail: fields.verifiedEmail ?? b.emailVerified,
    verifiedPhone: fields.verifiedPhone ?? b.phoneVerified,
    roleNames: fields.roleNames ?? b.roles,
    ssoAppIds: fields.ssoAppIds ?? (single !== undefined ? [single] : undefined)
  }
}

/** Why an imported user does not decode: its first refused field. */
const refusal = (error: ParseResult.ParseError): string => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  return issue === undefined
    ? "invalid user"
    : `invalid ${issue.path.map(String).join(".")}: ${issue.message.replace(/, actual [\s\S]*$/, "")}`
}

/**
 * The `users` payload of an import: a JSON array of user objects (or `{users: [...]}`),
 * sent as text (node-sdk) or base64 (python-sdk's bytes); `null` members are absent.
 */
const importEntries = (payload: string | undefined): ReadonlyArray<unknown> | undefined => {
  if (payload === undefined || payload.trim() === "") return []
  const parse = (text: string): ReadonlyArray<unknown> | undefined => {
    try {
      const value: unknown = stripNulls(JSON.parse(text))
      if (Array.isArray(value)) return value
      if (isObject(value) && Array.isArray(value.users)) return value.users
      return undefined
    } catch {
      return undefined
    }
  }
  return parse(payload) ?? parse(Buffer.from(payload, "base64").toString("utf8"))
}

const importUsers = (ctx: Ctx, request: Endpoint.Request<typeof Wire.importUsers>) =>
  Effect.gen(function*() {
    if (request.source === "") return yield* W.missing("source")
    const entries = importEntries(request.users)
    if (entries === undefined) {
      return yield* fail(400, Codes.InvalidArguments, "Invalid users payload", "users must be a JSON array of users")
    }
    const users: Array<ReturnType<typeof toUser>> = []
    const failures: Array<Wire.ImportFailure> = []
    for (const entry of entries) {
      const decoded = decodeImported(isObject(entry) ? entry : {})
      if (Either.isLeft(decoded)) {
        failures.push({ user: JSON.stringify(entry), reason: refusal(decoded.left) })
        continue
      }
      const b = decoded.right
      const loginId = nonEmpty(b.loginId) ?? nonEmpty(b.email) ?? nonEmpty(b.phone)
      if (loginId === undefined) {
        failures.push({ user: JSON.stringify(entry), reason: "missing loginId, email and phone" })
        continue
      }
      const r = yield* Effect.either(
        Users.create(ctx.p, loginId, importedFields(b), ctx.now, { test: false, status: "enabled" })
      )
      if (r._tag === "Left") {
        failures.push({ user: loginId, reason: reason(r.left) })
        continue
      }
      users.push(toUser(ctx.p, r.right))
      if (request.dryrun === true) removeUser(ctx.p, r.right)
    }
    return { users, failures }
  })

/**
 * The user batch routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.createBatch, createBatch),
  H.endpoint(Wire.patchBatch, patchBatch),
  H.endpoint(Wire.deleteBatch, (ctx, b) =>
    Effect.sync(() => {
      for (const id of b.userIds ?? []) {
        const u = findUser(ctx.p, id)
        if (u !== undefined) removeUser(ctx.p, u)
      }
      return {}
    })),
  H.endpoint(Wire.importUsers, importUsers)
]
