/**
 * Single-field user updates in `client.mgmt.user`: status, login id, e-mail
 * and phone, names, picture, one custom attribute, roles (project-level or
 * in a tenant), tenant membership, SSO applications, recovery contacts. Each
 * answers the updated user.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, optionalEmail } from "../internal/validate.js"
import type { User } from "../wire/mgmt/User.js"
import * as Wire from "../wire/mgmt/UserUpdate.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * The input of `setRoles` / `addRoles` / `removeRoles`.
 *
 * @since 0.2.0
 * @category models
 */
export interface Roles {
  readonly loginId: string
  readonly roleNames: ReadonlyArray<string>
}

/**
 * The input of `setTenantRoles` / `addTenantRoles` / `removeTenantRoles`.
 *
 * @since 0.2.0
 * @category models
 */
export interface TenantRoles extends Roles {
  readonly tenantId: string
}

/**
 * The input of `setSsoApps` / `addSsoApps` / `removeSsoApps`.
 *
 * @since 0.2.0
 * @category models
 */
export interface SsoApps {
  readonly loginId: string
  readonly ssoAppIds: ReadonlyArray<string>
}

/**
 * The input of `addTenant` / `removeTenant`.
 *
 * @since 0.2.0
 * @category models
 */
export interface Tenant {
  readonly loginId: string
  readonly tenantId: string
}

/**
 * The single-field updates of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category models
 */
export interface UserUpdateApi {
  /** Enables a user. */
  readonly activate: (loginId: string) => Effect.Effect<User, ManagementError>
  /** Disables a user. */
  readonly deactivate: (loginId: string) => Effect.Effect<User, ManagementError>
  /** Changes (or, without `newLoginId`, removes) a login id. */
  readonly updateLoginId: (
    options: { readonly loginId: string; readonly newLoginId?: string | undefined }
  ) => Effect.Effect<User, ManagementError>
  /** Sets (or, when empty, removes) the e-mail address. */
  readonly updateEmail: (options: {
    readonly loginId: string
    readonly email?: string | undefined
    readonly verified?: boolean | undefined
    readonly failOnConflict?: boolean | undefined
  }) => Effect.Effect<User, ManagementError>
  /** Sets (or, when empty, removes) the phone number. */
  readonly updatePhone: (options: {
    readonly loginId: string
    readonly phone?: string | undefined
    readonly verified?: boolean | undefined
    readonly failOnConflict?: boolean | undefined
  }) => Effect.Effect<User, ManagementError>
  /** Sets the display name and name parts. */
  readonly updateDisplayName: (options: {
    readonly loginId: string
    readonly displayName?: string | undefined
    readonly givenName?: string | undefined
    readonly middleName?: string | undefined
    readonly familyName?: string | undefined
  }) => Effect.Effect<User, ManagementError>
  /**
   * Sets the given, middle and family names, leaving the display name alone
   * (node-sdk `updateUserNames`, `POST /v1/mgmt/user/update/name`).
   */
  readonly updateUserNames: (options: {
    readonly loginId: string
    readonly givenName?: string | undefined
    readonly middleName?: string | undefined
    readonly familyName?: string | undefined
  }) => Effect.Effect<User, ManagementError>
  /** Sets (or, when empty, removes) the picture URL. */
  readonly updatePicture: (
    options: { readonly loginId: string; readonly picture?: string | undefined }
  ) => Effect.Effect<User, ManagementError>
  /** Sets one custom attribute (`attributeValue` on the wire; `null` clears it). */
  readonly updateCustomAttribute: (options: {
    readonly loginId: string
    readonly attributeKey: string
    readonly attributeVal: string | number | boolean | ReadonlyArray<string> | null
  }) => Effect.Effect<User, ManagementError>
  /** Replaces the project-level roles. */
  readonly setRoles: (options: Roles) => Effect.Effect<User, ManagementError>
  /** Adds project-level roles. */
  readonly addRoles: (options: Roles) => Effect.Effect<User, ManagementError>
  /** Removes project-level roles. */
  readonly removeRoles: (options: Roles) => Effect.Effect<User, ManagementError>
  /** Replaces the SSO applications. */
  readonly setSsoApps: (options: SsoApps) => Effect.Effect<User, ManagementError>
  /** Adds SSO applications. */
  readonly addSsoApps: (options: SsoApps) => Effect.Effect<User, ManagementError>
  /** Removes SSO applications. */
  readonly removeSsoApps: (options: SsoApps) => Effect.Effect<User, ManagementError>
  /** Adds the user to a tenant. */
  readonly addTenant: (options: Tenant) => Effect.Effect<User, ManagementError>
  /** Removes the user from a tenant. */
  readonly removeTenant: (options: Tenant) => Effect.Effect<User, ManagementError>
  /** Replaces the user's roles in a tenant. */
  readonly setTenantRoles: (options: TenantRoles) => Effect.Effect<User, ManagementError>
  /** Adds roles in a tenant. */
  readonly addTenantRoles: (options: TenantRoles) => Effect.Effect<User, ManagementError>
  /** Removes roles in a tenant. */
  readonly removeTenantRoles: (options: TenantRoles) => Effect.Effect<User, ManagementError>
  /** Sets the recovery e-mail address (wire `recoveryEmail`). */
  readonly updateRecoveryEmail: (options: {
    readonly loginId: string
    readonly email: string
    readonly verified?: boolean | undefined
  }) => Effect.Effect<User, ManagementError>
  /** Sets the recovery phone number (wire `recoveryPhone`). */
  readonly updateRecoveryPhone: (options: {
    readonly loginId: string
    readonly phone: string
    readonly verified?: boolean | undefined
  }) => Effect.Effect<User, ManagementError>
}

/**
 * Builds the single-field updates of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): UserUpdateApi => {
  const user = <E>(call: Effect.Effect<{ readonly user: User }, E>) => Effect.map(call, (r) => r.user)
  const loginId = (o: { readonly loginId: string }) => nonEmpty("loginId", o.loginId)
  const tenant = (o: { readonly tenantId: string }) => nonEmpty("tenantId", o.tenantId)
  return {
    activate: (id) =>
      checked(
        [nonEmpty("loginId", id)],
        user(mgmt.call(Wire.activate, { request: { loginId: id, status: "enabled" as const } }))
      ),
    deactivate: (id) =>
      checked(
        [nonEmpty("loginId", id)],
        user(
          mgmt.call(Wire.activate, {
            request: { loginId: id, status: "disabled" as const },
            operation: "mgmt.user.deactivate"
          })
        )
      ),
    updateLoginId: (o) => checked([loginId(o)], user(mgmt.call(Wire.updateLoginId, { request: o }))),
    updateEmail: (o) =>
      checked([loginId(o), optionalEmail("email", o.email)], user(mgmt.call(Wire.updateEmail, { request: o }))),
    updatePhone: (o) => checked([loginId(o)], user(mgmt.call(Wire.updatePhone, { request: o }))),
    updateDisplayName: (o) => checked([loginId(o)], user(mgmt.call(Wire.updateDisplayName, { request: o }))),
    updateUserNames: (o) =>
      checked(
        [loginId(o)],
        user(mgmt.call(Wire.updateDisplayName, { request: o, operation: "mgmt.user.updateUserNames" }))
      ),
    updatePicture: (o) => checked([loginId(o)], user(mgmt.call(Wire.updatePicture, { request: o }))),
    updateCustomAttribute: (o) =>
      checked(
        [loginId(o), nonEmpty("attributeKey", o.attributeKey)],
        user(mgmt.call(Wire.updateCustomAttribute, { request: o }))
      ),
    setRoles: (o) => checked([loginId(o)], user(mgmt.call(Wire.setRoles, { request: o }))),
    addRoles: (o) => checked([loginId(o)], user(mgmt.call(Wire.addRoles, { request: o }))),
    removeRoles: (o) => checked([loginId(o)], user(mgmt.call(Wire.removeRoles, { request: o }))),
    setSsoApps: (o) => checked([loginId(o)], user(mgmt.call(Wire.setSsoApps, { request: o }))),
    addSsoApps: (o) => checked([loginId(o)], user(mgmt.call(Wire.addSsoApps, { request: o }))),
    removeSsoApps: (o) => checked([loginId(o)], user(mgmt.call(Wire.removeSsoApps, { request: o }))),
    addTenant: (o) => checked([loginId(o), tenant(o)], user(mgmt.call(Wire.addTenant, { request: o }))),
    removeTenant: (o) => checked([loginId(o), tenant(o)], user(mgmt.call(Wire.removeTenant, { request: o }))),
    setTenantRoles: (o) =>
      checked(
        [loginId(o), tenant(o)],
        user(mgmt.call(Wire.setRoles, { request: o, operation: "mgmt.user.setTenantRoles" }))
      ),
    addTenantRoles: (o) =>
      checked(
        [loginId(o), tenant(o)],
        user(mgmt.call(Wire.addRoles, { request: o, operation: "mgmt.user.addTenantRoles" }))
      ),
    removeTenantRoles: (o) =>
      checked(
        [loginId(o), tenant(o)],
        user(mgmt.call(Wire.removeRoles, { request: o, operation: "mgmt.user.removeTenantRoles" }))
      ),
    updateRecoveryEmail: (o) =>
      checked(
        [loginId(o), nonEmpty("email", o.email), optionalEmail("email", o.email)],
        user(mgmt.call(Wire.updateRecoveryEmail, { request: o }))
      ),
    updateRecoveryPhone: (o) =>
      checked([loginId(o), nonEmpty("phone", o.phone)], user(mgmt.call(Wire.updateRecoveryPhone, { request: o })))
  }
}
