/**
 * User record helpers shared by the authentication and management routes:
 * creation from sign-up or management bodies, field updates (accepting both
 * spellings of §12), and login-id bookkeeping.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { type ProjectState, type UserRecord, type UserTenant } from "./EmulatorState.js"
import { newId } from "./Ids.js"
import { Codes, fail, isObject, type Json, objs, optBool, optStr, optStrs, type WireError } from "./Wire.js"

/**
 * Whether a login id looks like an e-mail address.
 *
 * @since 0.1.0
 * @category utils
 */
export const isEmail = (s: string): boolean => /^[^@\s]+@[^@\s]+$/.test(s)

/**
 * Whether a login id looks like a phone number.
 *
 * @since 0.1.0
 * @category utils
 */
export const isPhone = (s: string): boolean => /^\+?[0-9][0-9 ()-]{5,}$/.test(s)

/**
 * Whether a login id (or another user's e-mail/phone) is already taken.
 *
 * @since 0.1.0
 * @category queries
 */
export const loginIdTaken = (p: ProjectState, loginId: string, except?: string): boolean => {
  const lower = loginId.toLowerCase()
  for (const u of p.users.values()) {
    if (u.userId !== except && u.loginIds.some((l) => l.toLowerCase() === lower)) return true
  }
  return false
}

/**
 * Reads `userTenants` / `keyTenants` style arrays.
 *
 * @since 0.1.0
 * @category readers
 */
export const readTenants = (b: Json, key: string): Array<UserTenant> | undefined =>
  Array.isArray(b[key])
    ? objs(b, key).flatMap((t) => {
      const tenantId = optStr(t, "tenantId")
      return tenantId ? [{ tenantId, roleNames: [...(optStrs(t, "roleNames") ?? [])] }] : []
    })
    : undefined

/**
 * Creates a user (fails with `E062107` when a login id is taken).
 *
 * @since 0.1.0
 * @category constructors
 */
export const create = (
  p: ProjectState,
  loginId: string,
  fields: Json,
  now: number,
  options: { readonly test?: boolean; readonly status?: UserRecord["status"] } = {}
): Effect.Effect<UserRecord, WireError> =>
  Effect.gen(function*() {
    const additional = optStrs(fields, "additionalLoginIds") ?? optStrs(fields, "additionalIdentifiers") ?? []
    const loginIds = [loginId, ...additional.filter((l) => l !== loginId)]
    for (const l of loginIds) {
      if (loginIdTaken(p, l)) {
        return yield* fail(409, Codes.UserAlreadyExists, "User already exists", `login id ${l} is taken`)
      }
    }
    const t = Math.floor(now / 1000)
    const user: UserRecord = {
      userId: newId("U"),
      loginIds,
      verifiedEmail: false,
      verifiedPhone: false,
      status: options.status ?? "enabled",
      customAttributes: {},
      roleNames: [],
      userTenants: [],
      test: options.test ?? false,
      passwordExpired: false,
      ssoAppIds: [],
      oauth: {},
      saml: false,
      createdTime: t,
      modifiedTime: t
    }
    apply(p, user, fields, now)
    // Descope takes the e-mail from an e-mail-shaped login id when none is given
    if (user.email === undefined && optStr(fields, "email") === undefined && isEmail(loginId)) user.email = loginId
    p.users.set(user.userId, user)
    return user
  })

/**
 * Applies the fields present in a body (`null` = absent): names, contact,
 * verification flags, roles, tenants, custom attributes, SSO apps, status.
 *
 * @since 0.1.0
 * @category updates
 */
export const apply = (p: ProjectState, u: UserRecord, b: Json, now: number): void => {
  const s = (k: string) => optStr(b, k)
  if (s("email") !== undefined) u.email = s("email") || undefined
  if (s("phone") !== undefined) u.phone = s("phone") || undefined
  const name = s("displayName") ?? s("name")
  if (name !== undefined) u.name = name
  if (s("givenName") !== undefined) u.givenName = s("givenName")
  if (s("middleName") !== undefined) u.middleName = s("middleName")
  if (s("familyName") !== undefined) u.familyName = s("familyName")
  if (s("picture") !== undefined) u.picture = s("picture")
  if (s("username") !== undefined) u.username = s("username") || undefined
  const ve = optBool(b, "verifiedEmail") ?? optBool(b, "emailVerified")
  if (ve !== undefined) u.verifiedEmail = ve
  const vp = optBool(b, "verifiedPhone") ?? optBool(b, "phoneVerified")
  if (vp !== undefined) u.verifiedPhone = vp
  const roles = optStrs(b, "roleNames") ?? optStrs(b, "roles")
  if (roles !== undefined) u.roleNames = [...roles]
  const tenants = readTenants(b, "userTenants")
  if (tenants !== undefined) u.userTenants = tenants
  if (isObject(b.customAttributes)) u.customAttributes = { ...u.customAttributes, ...b.customAttributes }
  const single = optStr(b, "ssoAppId")
  const apps = optStrs(b, "ssoAppIds") ?? optStrs(b, "ssoAppIDs") ??
    (single !== undefined && single !== "" ? [single] : undefined)
  if (apps !== undefined) u.ssoAppIds = [...apps]
  const status = s("status")
  if (status === "enabled" || status === "disabled" || status === "invited" || status === "expired") u.status = status
  if (optBool(b, "test") === true) u.test = true
  const additional = optStrs(b, "additionalLoginIds") ?? optStrs(b, "additionalIdentifiers")
  if (additional !== undefined && u.loginIds[0] !== undefined) {
    u.loginIds = [u.loginIds[0], ...additional.filter((l) => l !== u.loginIds[0] && !loginIdTaken(p, l, u.userId))]
  }
  u.modifiedTime = Math.floor(now / 1000)
}

/**
 * Sets the e-mail or phone after a verified contact change.
 *
 * @since 0.1.0
 * @category updates
 */
export const applyContact = (
  p: ProjectState,
  u: UserRecord,
  update: { readonly email?: string | undefined; readonly phone?: string | undefined; readonly addToLoginIds: boolean }
): void => {
  if (update.email !== undefined) {
    u.email = update.email
    u.verifiedEmail = true
    if (update.addToLoginIds && !loginIdTaken(p, update.email)) u.loginIds.push(update.email)
  }
  if (update.phone !== undefined) {
    u.phone = update.phone
    u.verifiedPhone = true
    if (update.addToLoginIds && !loginIdTaken(p, update.phone)) u.loginIds.push(update.phone)
  }
}
