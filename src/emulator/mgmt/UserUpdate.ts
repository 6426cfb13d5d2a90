/**
 * The emulator's single-field user updates (`src/wire/mgmt/UserUpdate.ts`):
 * status (disabling revokes the user's sessions), login ids (never the last
 * one, never one another user has), e-mail and phone (`failOnConflict`),
 * names, picture, one custom attribute, roles (project-level, or in a tenant
 * the user joins on the way), tenant membership, SSO applications and the
 * recovery contacts. Each answers the updated user.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type { Endpoint } from "../../wire/Endpoint.js"
import * as Wire from "../../wire/mgmt/UserUpdate.js"
import type { UserRecord } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import * as LoginIndex from "../LoginIndex.js"
import { revokeSessions, target, touch } from "../ManagementSupport.js"
import * as Users from "../Users.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { fieldsOf, userAnswer, type WireFields } from "./User.js"

type Op = "set" | "add" | "remove"

const change = (op: Op, current: ReadonlyArray<string>, values: ReadonlyArray<string>): Array<string> =>
  op === "set"
    ? [...values]
    : op === "add"
    ? [...new Set([...current, ...values])]
    : current.filter((v) => !values.includes(v))

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

/**
 * A route that changes the user its request names (`loginId`) with `f`, then
 * marks it modified and answers it.
 */
const updating = <P extends string, Req extends { readonly loginId: string }, ReqI, ResI>(
  endpoint: Endpoint<P, Req, ReqI, Endpoint.Response<typeof Wire.activate>, ResI>,
  f: (ctx: Ctx, u: UserRecord, request: Req) => Effect.Effect<void, WireError>
): Route =>
  H.endpoint(endpoint, (ctx, b) =>
    Effect.gen(function*() {
      const u = yield* target(ctx, b)
      yield* f(ctx, u, b)
      touch(ctx, u)
      return userAnswer(ctx, u)
    }))

const roles =
  (op: Op) => (ctx: Ctx, u: UserRecord, b: typeof Wire.RolesChange.Type): Effect.Effect<void, WireError> => {
    const names = b.roleNames ?? []
    const tenantId = nonEmpty(b.tenantId)
    if (tenantId === undefined) {
      u.roleNames = change(op, u.roleNames, names)
      return Effect.void
    }
    const assoc = u.userTenants.find((t) => t.tenantId === tenantId)
    if (assoc !== undefined) assoc.roleNames = change(op, assoc.roleNames, names)
    else if (op !== "remove") {
      if (!ctx.p.tenants.has(tenantId)) return W.notFound(`tenant ${tenantId}`)
      u.userTenants.push({ tenantId, roleNames: change(op, [], names) })
    }
    return Effect.void
  }

const ssoApps = (op: Op) => (_: Ctx, u: UserRecord, b: typeof Wire.SsoAppsChange.Type): Effect.Effect<void> =>
  Effect.sync(() => {
    u.ssoAppIds = change(op, u.ssoAppIds, b.ssoAppIds ?? b.ssoAppIDs ?? [])
  })

const contact = (kind: "email" | "phone") =>
(
  ctx: Ctx,
  u: UserRecord,
  b: {
    readonly email?: string | undefined
    readonly phone?: string | undefined
    readonly verified?: boolean | undefined
    readonly failOnConflict?: boolean | undefined
  }
): Effect.Effect<void, WireError> => {
  const value = b[kind]
  if (b.failOnConflict === true && value !== undefined && value !== "" && Users.loginIdTaken(ctx.p, value, u.userId)) {
    return fail(409, Codes.UserAlreadyExists, "User already exists", `${kind} belongs to another user`)
  }
  if (kind === "email") {
    u.email = nonEmpty(value)
    u.verifiedEmail = b.verified ?? false
  } else {
    u.phone = nonEmpty(value)
    u.verifiedPhone = b.verified ?? false
  }
  return Effect.void
}

/** Applies the user fields present in the request (names, picture). */
const fields = (ctx: Ctx, u: UserRecord, b: WireFields): Effect.Effect<void> =>
  Effect.sync(() => Users.apply(ctx.p, u, fieldsOf(b), ctx.now))

/**
 * The single-field update routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  updating(Wire.activate, (ctx, u, b) =>
    Effect.sync(() => {
      u.status = b.status
      if (b.status === "disabled") revokeSessions(ctx.p, u.userId)
    })),
  updating(Wire.updateLoginId, (ctx, u, b) => {
    const next = nonEmpty(b.newLoginId)
    const idx = u.loginIds.findIndex((l) => l.toLowerCase() === b.loginId.toLowerCase())
    if (next === undefined) {
      if (u.loginIds.length <= 1) return W.invalid("cannot remove the last login id")
      LoginIndex.setLoginIds(ctx.p, u, u.loginIds.filter((_, i) => i !== idx))
      return Effect.void
    }
    if (Users.loginIdTaken(ctx.p, next, u.userId)) {
      return fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${next} is taken`)
    }
    const loginIds = [...u.loginIds]
    loginIds[idx >= 0 ? idx : 0] = next
    LoginIndex.setLoginIds(ctx.p, u, loginIds)
    return Effect.void
  }),
  updating(Wire.updateEmail, contact("email")),
  updating(Wire.updatePhone, contact("phone")),
  updating(Wire.updateDisplayName, fields),
  updating(Wire.updatePicture, fields),
  updating(Wire.updateCustomAttribute, (_, u, b) => {
    if (b.attributeKey === "") return W.missing("attributeKey")
    u.customAttributes[b.attributeKey] = b.attributeVal ?? null
    return Effect.void
  }),
  updating(Wire.setRoles, roles("set")),
  updating(Wire.addRoles, roles("add")),
  updating(Wire.addRolesV1, roles("add")),
  updating(Wire.removeRoles, roles("remove")),
  updating(Wire.addTenant, (ctx, u, b) => {
    if (b.tenantId === "") return W.missing("tenantId")
    if (!ctx.p.tenants.has(b.tenantId)) return W.notFound(`tenant ${b.tenantId}`)
    if (!u.userTenants.some((t) => t.tenantId === b.tenantId)) {
      u.userTenants.push({ tenantId: b.tenantId, roleNames: [] })
    }
    return Effect.void
  }),
  updating(Wire.removeTenant, (_, u, b) => {
    if (b.tenantId === "") return W.missing("tenantId")
    u.userTenants = u.userTenants.filter((t) => t.tenantId !== b.tenantId)
    return Effect.void
  }),
  updating(Wire.setSsoApps, ssoApps("set")),
  updating(Wire.addSsoApps, ssoApps("add")),
  updating(Wire.removeSsoApps, ssoApps("remove")),
  updating(Wire.updateRecoveryEmail, (_, u, b) =>
    Effect.sync(() => {
      u.recoveryEmail = b.email
    })),
  updating(Wire.updateRecoveryPhone, (_, u, b) =>
    Effect.sync(() => {
      u.recoveryPhone = b.phone
    }))
]
