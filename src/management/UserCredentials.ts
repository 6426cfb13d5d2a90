/**
 * A user's credentials and sessions in `client.mgmt.user`: passwords,
 * passkeys, the TOTP seed, recovery codes, trusted devices, logout from
 * every device, the authentication history and the social provider token.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonEmptyList, nonEmptySecret, redacted, type Secret } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/UserCredentials.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * The input of `setTemporaryPassword` / `setActivePassword`: the password as text or `Redacted`.
 *
 * @since 0.2.0
 * @category models
 */
export interface PasswordOptions {
  readonly loginId: string
  readonly password: Secret
}

/**
 * Credentials and sessions, part of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category models
 */
export interface UserCredentialsApi {
  /** Sets a temporary (already expired) password. */
  readonly setTemporaryPassword: (options: PasswordOptions) => Effect.Effect<void, ManagementError>
  /** Sets an active password. */
  readonly setActivePassword: (options: PasswordOptions) => Effect.Effect<void, ManagementError>
  /**
   * Sets a temporary password (`POST /v1/mgmt/user/password/set`).
   *
   * @deprecated Use `setTemporaryPassword`.
   */
  readonly setPassword: (options: PasswordOptions) => Effect.Effect<void, ManagementError>
  /** Expires the user's password. */
  readonly expirePassword: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Removes every passkey of the user. */
  readonly removeAllPasskeys: (loginId: string) => Effect.Effect<void, ManagementError>
  /** The passkeys of a user (`POST /v1/mgmt/user/passkeys/list`). */
  readonly listPasskeys: (loginId: string) => Effect.Effect<ReadonlyArray<Wire.UserPasskey>, ManagementError>
  /** Removes one passkey of a user by its credential id (`POST /v1/mgmt/user/passkey/delete`). */
  readonly removePasskey: (
    options: { readonly loginId: string; readonly credentialId: string }
  ) => Effect.Effect<void, ManagementError>
  /** Removes the user's TOTP seed. */
  readonly removeTotpSeed: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Removes the user's recovery codes (`POST /v1/mgmt/user/recovery-codes/delete`). */
  readonly removeRecoveryCodes: (loginId: string) => Effect.Effect<void, ManagementError>
  /** The trusted devices of users, by login ids or user ids (`POST /v1/mgmt/user/trusteddevices/list`). */
  readonly listTrustedDevices: (
    loginIds: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyArray<Wire.UserTrustedDevice>, ManagementError>
  /**
   * Removes trusted devices of a user (`POST /v1/mgmt/user/trusteddevices/remove`,
   * wire `{identifier, deviceIds}`).
   */
  readonly removeTrustedDevices: (
    options: { readonly loginId: string; readonly deviceIds: ReadonlyArray<string> }
  ) => Effect.Effect<void, ManagementError>
  /** Logs the user out of every device (by login id). */
  readonly logoutUser: (loginId: string) => Effect.Effect<void, ManagementError>
  /** Logs the user out of every device (by user id). */
  readonly logoutUserByUserId: (userId: string) => Effect.Effect<void, ManagementError>
  /** The authentication history of users. */
  readonly history: (userIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Wire.UserHistory>, ManagementError>
  /** The social provider token of a user. */
  readonly getProviderToken: (options: {
    readonly loginId: string
    readonly provider: string
    readonly withRefreshToken?: boolean | undefined
    readonly forceRefresh?: boolean | undefined
  }) => Effect.Effect<Wire.ProviderToken, ManagementError>
}

/**
 * Builds the credentials and sessions of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): UserCredentialsApi => {
  const password = (endpoint: typeof Wire.setTemporaryPassword) => (o: PasswordOptions) =>
    checked(
      [nonEmpty("loginId", o.loginId), nonEmptySecret("password", o.password)],
      Effect.asVoid(mgmt.call(endpoint, { request: { loginId: o.loginId, password: redacted(o.password) } }))
    )
  const byLoginId = (endpoint: typeof Wire.expirePassword) => (loginId: string) =>
    checked([nonEmpty("loginId", loginId)], Effect.asVoid(mgmt.call(endpoint, { request: { loginId } })))
  return {
    setTemporaryPassword: password(Wire.setTemporaryPassword),
    setActivePassword: password(Wire.setActivePassword),
    setPassword: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmptySecret("password", o.password)],
        Effect.asVoid(mgmt.call(Wire.setPassword, { request: { loginId: o.loginId, password: redacted(o.password) } }))
      ),
    expirePassword: byLoginId(Wire.expirePassword),
    removeAllPasskeys: byLoginId(Wire.removeAllPasskeys),
    listPasskeys: (loginId) =>
      checked(
        [nonEmpty("loginId", loginId)],
        Effect.map(mgmt.call(Wire.listPasskeys, { request: { loginId } }), (r) => r.passkeys ?? [])
      ),
    removePasskey: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("credentialId", o.credentialId)],
        Effect.asVoid(mgmt.call(Wire.removePasskey, { request: o }))
      ),
    removeTotpSeed: byLoginId(Wire.removeTotpSeed),
    removeRecoveryCodes: byLoginId(Wire.removeRecoveryCodes),
    listTrustedDevices: (loginIds) =>
      checked(
        [nonEmptyList("loginIds", loginIds)],
        Effect.map(mgmt.call(Wire.listTrustedDevices, { request: { identifiers: loginIds } }), (r) => r.devices ?? [])
      ),
    removeTrustedDevices: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmptyList("deviceIds", o.deviceIds)],
        Effect.asVoid(mgmt.call(Wire.removeTrustedDevices, { request: o }))
      ),
    logoutUser: (loginId) =>
      checked([nonEmpty("loginId", loginId)], Effect.asVoid(mgmt.call(Wire.logoutUser, { request: { loginId } }))),
    logoutUserByUserId: (userId) =>
      checked(
        [nonEmpty("userId", userId)],
        Effect.asVoid(mgmt.call(Wire.logoutUser, { request: { userId }, operation: "mgmt.user.logoutUserByUserId" }))
      ),
    history: (userIds) => checked([nonEmptyList("userIds", userIds)], mgmt.call(Wire.history, { request: userIds })),
    getProviderToken: (o) =>
      checked(
        [nonEmpty("loginId", o.loginId), nonEmpty("provider", o.provider)],
        mgmt.call(Wire.getProviderToken, {
          request: {
            loginId: o.loginId,
            provider: o.provider,
            withRefreshToken: o.withRefreshToken === true,
            forceRefresh: o.forceRefresh === true
          }
        })
      )
  }
}
