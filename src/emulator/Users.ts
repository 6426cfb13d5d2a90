/**
 * User record helpers shared by the authentication and management routes:
 * creation and field updates from the typed {@link Fields} each route maps its
 * decoded request to (the wire's spellings are the catalogue's business), and
 * login-id bookkeeping.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type { UserStatus } from "../core/User.js"
import { isEmail } from "../internal/validate.js"
import { type ProjectState, type UserRecord } from "./EmulatorState.js"
import { newId } from "./Ids.js"
import * as LoginIndex from "./LoginIndex.js"
import { Codes, fail, type WireError } from "./Wire.js"

/**
 * Whether a login id looks like a phone number.
 *
 * @since 0.1.0
 * @category guards
 */
export const isPhone = (s: string): boolean => /^\+?[0-9][0-9 ()-]{5,}$/.test(s)

/**
 * Whether a login id (or another user's e-mail/phone) is already taken.
 *
 * @since 0.1.0
 * @category queries
 */
export const loginIdTaken = (p: ProjectState, loginId: string, except?: string): boolean =>
  LoginIndex.holders(p, loginId).some((u) => u.userId !== except)

/**
 * The fields of a user that a request gives, as the routes decoded them (all
 * optional: only the given ones are applied).
 *
 * @since 0.2.0
 * @category models
 */
export interface Fields {
  readonly email?: string | undefined
  readonly phone?: string | undefined
  /** The display name. */
  readonly name?: string | undefined
  readonly givenName?: string | undefined
  readonly middleName?: string | undefined
  readonly familyName?: string | undefined
  readonly picture?: string | undefined
  readonly username?: string | undefined
  readonly verifiedEmail?: boolean | undefined
  readonly verifiedPhone?: boolean | undefined
  readonly roleNames?: ReadonlyArray<string> | undefined
  readonly userTenants?:
    | ReadonlyArray<{ readonly tenantId: string; readonly roleNames?: ReadonlyArray<string> | undefined }>
    | undefined
  readonly customAttributes?: Readonly<Record<string, unknown>> | undefined
  readonly ssoAppIds?: ReadonlyArray<string> | undefined
  readonly status?: UserStatus | undefined
  readonly test?: boolean | undefined
  readonly additionalLoginIds?: ReadonlyArray<string> | undefined
}

/**
 * Creates a user (fails with `E062107` when a login id is taken).
 *
 * @since 0.1.0
 * @category actions
 */
export const create = (
  p: ProjectState,
  loginId: string,
  fields: Fields,
  now: number,
  options: { readonly test?: boolean; readonly status?: UserRecord["status"] } = {}
): Effect.Effect<UserRecord, WireError> =>
  Effect.gen(function*() {
    const additional = fields.additionalLoginIds ?? []
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
    if (user.email === undefined && fields.email === undefined && isEmail(loginId)) user.email = loginId
    LoginIndex.addUser(p, user)
    return user
  })

/**
 * Applies the given fields (`undefined` = not given): names, contact,
 * verification flags, roles, tenants, custom attributes (merged), SSO apps,
 * status, test flag and additional login ids. An empty e-mail, phone or
 * username clears it.
 *
 * @since 0.1.0
 * @category actions
 */
export const apply = (p: ProjectState, u: UserRecord, b: Fields, now: number): void => {
  if (b.email !== undefined) u.email = b.email || undefined
  if (b.phone !== undefined) u.phone = b.phone || undefined
  if (b.name !== undefined) u.name = b.name
  if (b.givenName !== undefined) u.givenName = b.givenName
  if (b.middleName !== undefined) u.middleName = b.middleName
  if (b.familyName !== undefined) u.familyName = b.familyName
  if (b.picture !== undefined) u.picture = b.picture
  if (b.username !== undefined) u.username = b.username || undefined
  if (b.verifiedEmail !== undefined) u.verifiedEmail = b.verifiedEmail
  if (b.verifiedPhone !== undefined) u.verifiedPhone = b.verifiedPhone
  if (b.roleNames !== undefined) u.roleNames = [...b.roleNames]
  if (b.userTenants !== undefined) {
    u.userTenants = b.userTenants.flatMap((t) =>
      t.tenantId === "" ? [] : [{ tenantId: t.tenantId, roleNames: [...(t.roleNames ?? [])] }]
    )
  }
  if (b.customAttributes !== undefined) u.customAttributes = { ...u.customAttributes, ...b.customAttributes }
  if (b.ssoAppIds !== undefined) u.ssoAppIds = [...b.ssoAppIds]
  if (b.status !== undefined) u.status = b.status
  if (b.test === true) u.test = true
  const additional = b.additionalLoginIds
  if (additional !== undefined && u.loginIds[0] !== undefined) {
    const primary = u.loginIds[0]
    LoginIndex.setLoginIds(p, u, [primary, ...additional.filter((l) => l !== primary && !loginIdTaken(p, l, u.userId))])
  }
  u.modifiedTime = Math.floor(now / 1000)
}

/**
 * Sets the e-mail or phone after a verified contact change.
 *
 * @since 0.1.0
 * @category actions
 */
export const applyContact = (
  p: ProjectState,
  u: UserRecord,
  update: { readonly email?: string | undefined; readonly phone?: string | undefined; readonly addToLoginIds: boolean }
): void => {
  if (update.email !== undefined) {
    u.email = update.email
    u.verifiedEmail = true
    if (update.addToLoginIds && !loginIdTaken(p, update.email)) {
      LoginIndex.setLoginIds(p, u, [...u.loginIds, update.email])
    }
  }
  if (update.phone !== undefined) {
    u.phone = update.phone
    u.verifiedPhone = true
    if (update.addToLoginIds && !loginIdTaken(p, update.phone)) {
      LoginIndex.setLoginIds(p, u, [...u.loginIds, update.phone])
    }
  }
}
