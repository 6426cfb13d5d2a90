/**
 * The in-memory state of the emulator, per project: users, tenants, roles,
 * permissions, access keys, SSO configurations, groups, server-side sessions,
 * pending codes and links, the outbox and the audit trail. Records are plain
 * mutable objects; every change happens under the project's lock (see
 * `Emulator`), so changes are atomic with respect to concurrent requests.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import * as Crypto from "node:crypto"
import type { CustomAttribute } from "../wire/mgmt/CustomAttribute.js"
import type { PasswordSettings } from "../wire/mgmt/Password.js"
import type { OidcSettings } from "../wire/mgmt/SsoSettings.js"
import type { SigningKey } from "./EmulatorKeys.js"
import type { OutboxMessage } from "./Outbox.js"
import type * as RateLimits from "./RateLimits.js"

/**
 * A user tenant association.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserTenant {
  tenantId: string
  roleNames: Array<string>
}

/**
 * A user record.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserRecord {
  userId: string
  loginIds: Array<string>
  email?: string | undefined
  phone?: string | undefined
  name?: string | undefined
  givenName?: string | undefined
  middleName?: string | undefined
  familyName?: string | undefined
  picture?: string | undefined
  verifiedEmail: boolean
  verifiedPhone: boolean
  status: "enabled" | "disabled" | "invited" | "expired"
  customAttributes: Record<string, unknown>
  roleNames: Array<string>
  userTenants: Array<UserTenant>
  test: boolean
  passwordHash?: string | undefined
  passwordExpired: boolean
  totpSeed?: string | undefined
  ssoAppIds: Array<string>
  oauth: Record<string, boolean>
  saml: boolean
  recoveryEmail?: string | undefined
  recoveryPhone?: string | undefined
  createdTime: number
  modifiedTime: number
  /** Emulator time of the last login (none yet: the next login answers `firstSeen: true`). */
  lastLogin?: number | undefined
}

/**
 * An SSO configuration of a tenant (stored as sent, keyed by `ssoId`).
 *
 * @since 0.1.0
 * @category models
 */
export interface SsoConfig {
  ssoId: string
  displayName: string
  saml: SamlConfig
  /** The OIDC settings as configured (none until configured). */
  oidc: OidcSettings | undefined
  redirectUrl?: string | undefined
  roleMappings: Array<{ groups: Array<string>; roleName: string }>
  attributeMapping: Record<string, unknown>
  defaultSSORoles: Array<string>
}

/**
 * The SAML part of an SSO configuration.
 *
 * @since 0.2.0
 * @category models
 */
export interface SamlConfig {
  idpEntityId?: string | undefined
  idpUrl?: string | undefined
  idpCert?: string | undefined
  idpAdditionalCerts?: ReadonlyArray<string> | undefined
  idpMetadataUrl?: string | undefined
  spEntityId?: string | undefined
  spAcsUrl?: string | undefined
}

/**
 * A tenant record.
 *
 * @since 0.1.0
 * @category models
 */
export interface TenantRecord {
  id: string
  name: string
  selfProvisioningDomains: Array<string>
  customAttributes: Record<string, unknown>
  domains: Array<string>
  authType: "none" | "saml" | "oidc"
  enforceSSO: boolean
  enforceSSOExclusions: Array<string>
  disabled: boolean
  defaultRoles: Array<string>
  parent?: string | undefined
  roleInheritance?: string | undefined
  createdTime: number
  settings: Record<string, unknown>
  sso: Map<string, SsoConfig>
  groups: Array<GroupRecord>
}

/**
 * A role (identified by name and optional tenant).
 *
 * @since 0.1.0
 * @category models
 */
export interface RoleRecord {
  id: string
  name: string
  description: string
  permissionNames: Array<string>
  tenantId?: string | undefined
  default: boolean
  private: boolean
  createdTime: number
}

/**
 * A permission.
 *
 * @since 0.1.0
 * @category models
 */
export interface PermissionRecord {
  id: string
  name: string
  description: string
  systemDefault: boolean
}

/**
 * An access key; only a hash of its secret is kept.
 *
 * @since 0.1.0
 * @category models
 */
export interface AccessKeyRecord {
  id: string
  name: string
  description: string
  roleNames: Array<string>
  keyTenants: Array<UserTenant>
  status: "active" | "inactive"
  createdTime: number
  expireTime: number
  createdBy: string
  clientId: string
  boundUserId?: string | undefined
  customClaims?: Record<string, unknown> | undefined
  permittedIps: Array<string>
  customAttributes: Record<string, unknown>
  secretHash: string
}

/**
 * A SCIM / JIT group of a tenant.
 *
 * @since 0.1.0
 * @category models
 */
export interface GroupRecord {
  id: string
  display: string
  source: string
  ssoId?: string | undefined
  memberUserIds: Array<string>
}

/**
 * A server-side session: its refresh token carries the session id (`jti`),
 * so refresh, logout and logout-all are enforced by the server.
 *
 * @since 0.1.0
 * @category models
 */
export interface SessionRecord {
  id: string
  /** The user id, or a synthetic id for anonymous sessions. */
  subject: string
  anonymous: boolean
  amr: Array<string>
  dct?: string | undefined
  customClaims: Record<string, unknown>
  createdAt: number
  expiresAt: number
  revoked: boolean
  loginId?: string | undefined
  act?: Record<string, unknown> | undefined
}

/**
 * What a pending sign-up carries (created at verification time).
 *
 * @since 0.1.0
 * @category models
 */
export interface PendingSignUp {
  readonly user: Readonly<Record<string, unknown>>
  readonly deliveryMethod: string
}

/**
 * A pending one-time code.
 *
 * @since 0.1.0
 * @category models
 */
export interface CodeRecord {
  loginId: string
  code: string
  expiresAt: number
  attempts: number
  method: string
  signUp?: PendingSignUp | undefined
  loginOptions: Record<string, unknown>
  /** Wrong attempts exhausted: the code no longer verifies. */
  locked: boolean
  /** The session being stepped up (`stepup` / `mfa`), from the refresh token of the start call. */
  previousSessionId?: string | undefined
  update?: ContactUpdate | undefined
  /** Generated for a test user (`generateOtpForTestUser`): a start call for that user keeps it. */
  generated?: boolean | undefined
}

/**
 * A contact change (`update/email`, `update/phone`) applied once verified.
 *
 * @since 0.1.0
 * @category models
 */
export interface ContactUpdate {
  readonly email?: string | undefined
  readonly phone?: string | undefined
  readonly addToLoginIds: boolean
}

/**
 * A magic / enchanted / reset / embedded link token.
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkRecord {
  token: string
  loginId: string
  expiresAt: number
  kind: "magiclink" | "enchantedlink" | "embedded" | "reset" | "decoy"
  method: string
  pendingRef?: string | undefined
  signUp?: PendingSignUp | undefined
  loginOptions: Record<string, unknown>
  customClaims?: Record<string, unknown> | undefined
  /** For `update/email` and `update/phone` flows: the address to set once verified. */
  update?: ContactUpdate | undefined
  /** The session being stepped up (`stepup` / `mfa`). */
  previousSessionId?: string | undefined
}

/**
 * An enchanted-link pending session.
 *
 * @since 0.1.0
 * @category models
 */
export interface PendingRecord {
  pendingRef: string
  loginId: string
  expiresAt: number
  /** The user id once the right link was followed. */
  verifiedUserId?: string | undefined
  method: string
  loginOptions: Record<string, unknown>
  consumed: boolean
  /** The session being stepped up (`stepup` / `mfa`). */
  previousSessionId?: string | undefined
}

/**
 * An OAuth / SSO authorization in progress, then its code.
 *
 * @since 0.1.0
 * @category models
 */
export interface FederatedRecord {
  state: string
  kind: "oauth" | "sso"
  provider: string
  tenantId?: string | undefined
  redirectUrl: string
  loginOptions: Record<string, unknown>
  code?: string | undefined
  expiresAt: number
  /** The session being stepped up (`stepup` / `mfa`). */
  previousSessionId?: string | undefined
}

/**
 * An identity an emulated OAuth provider or SSO IdP returns.
 *
 * @since 0.1.0
 * @category models
 */
export interface Identity {
  readonly email: string
  readonly name?: string | undefined
  readonly givenName?: string | undefined
  readonly familyName?: string | undefined
  readonly phone?: string | undefined
  readonly picture?: string | undefined
  readonly groups?: ReadonlyArray<string> | undefined
}

/**
 * An audit event.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuditEvent {
  readonly projectId: string
  readonly userId: string
  readonly action: string
  readonly occurred: number
  readonly device: string
  readonly method: string
  readonly geo: string
  readonly remoteAddress: string
  readonly externalIds: ReadonlyArray<string>
  readonly tenants: ReadonlyArray<string>
  readonly data: Readonly<Record<string, unknown>>
}

/**
 * The whole state of one project.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectState {
  readonly projectId: string
  managementKeys: Array<string>
  keys: Array<SigningKey>
  users: Map<string, UserRecord>
  tenants: Map<string, TenantRecord>
  roles: Array<RoleRecord>
  permissions: Array<PermissionRecord>
  accessKeys: Map<string, AccessKeyRecord>
  sessions: Map<string, SessionRecord>
  codes: Map<string, CodeRecord>
  links: Map<string, LinkRecord>
  pending: Map<string, PendingRecord>
  federated: Map<string, FederatedRecord>
  oauthIdentities: Map<string, Identity>
  ssoIdentities: Map<string, Identity>
  customAttributeDefs: Array<CustomAttribute>
  passwordSettings: Map<string, PasswordSettings>
  outbox: Array<OutboxMessage>
  audit: Array<AuditEvent>
  rateWindows: RateLimits.Windows
  readonly lock: Effect.Semaphore
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/**
 * A random identifier: `prefix` followed by base62 characters (28 in total by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const newId = (prefix: string, length = 28): string => {
  const bytes = Crypto.randomBytes(length)
  let out = prefix
  for (let i = 0; out.length < length; i++) out += ALPHABET[bytes[i % bytes.length]! % ALPHABET.length]
  return out
}

/**
 * A random URL-safe secret.
 *
 * @since 0.1.0
 * @category constructors
 */
export const newSecret = (bytes = 24): string => Crypto.randomBytes(bytes).toString("base64url")

/**
 * SHA-256 of a secret (hex).
 *
 * @since 0.1.0
 * @category utils
 */
export const sha256 = (s: string): string => Crypto.createHash("sha256").update(s).digest("hex")

/**
 * A random 6-digit code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const newCode = (): string => String(Crypto.randomInt(0, 1_000_000)).padStart(6, "0")

/**
 * Masks an e-mail address (`j***@example.com`).
 *
 * @since 0.1.0
 * @category utils
 */
export const maskEmail = (email: string): string => {
  const at = email.indexOf("@")
  if (at <= 0) return "***"
  return `${email.slice(0, 1)}***${email.slice(at)}`
}

/**
 * Masks a phone number (`+*******4567`).
 *
 * @since 0.1.0
 * @category utils
 */
export const maskPhone = (phone: string): string =>
  phone.length <= 4
    ? "****"
    : `${phone.startsWith("+") ? "+" : ""}${"*".repeat(Math.max(0, phone.length - 5))}${phone.slice(-4)}`

/**
 * Finds a user by login id or user id.
 *
 * @since 0.1.0
 * @category queries
 */
export const findUser = (p: ProjectState, loginIdOrUserId: string): UserRecord | undefined => {
  const byId = p.users.get(loginIdOrUserId)
  if (byId) return byId
  const lower = loginIdOrUserId.toLowerCase()
  for (const u of p.users.values()) {
    if (u.loginIds.some((l) => l.toLowerCase() === lower)) return u
  }
  return undefined
}

/**
 * Finds a role by name within a tenant (tenant-scoped first, then project-level).
 *
 * @since 0.1.0
 * @category queries
 */
export const findRole = (p: ProjectState, name: string, tenantId?: string): RoleRecord | undefined =>
  (tenantId !== undefined ? p.roles.find((r) => r.name === name && r.tenantId === tenantId) : undefined) ??
    p.roles.find((r) => r.name === name && r.tenantId === undefined)

/**
 * The permissions of a set of roles (of a tenant, when `tenantId` is given).
 *
 * @since 0.2.0
 * @category queries
 */
export const permissionsOf = (p: ProjectState, roleNames: ReadonlyArray<string>, tenantId?: string): Array<string> => {
  const out = new Set<string>()
  for (const name of roleNames) {
    for (const perm of findRole(p, name, tenantId)?.permissionNames ?? []) out.add(perm)
  }
  return [...out]
}

/**
 * The authorization claims of a set of roles: `roles`, `permissions` and `tenants`.
 *
 * @since 0.1.0
 * @category claims
 */
export const authzClaims = (
  p: ProjectState,
  roleNames: ReadonlyArray<string>,
  tenants: ReadonlyArray<UserTenant>
): Record<string, unknown> => {
  const claims: Record<string, unknown> = {
    roles: [...roleNames],
    permissions: permissionsOf(p, roleNames)
  }
  if (tenants.length > 0) {
    const t: Record<string, unknown> = {}
    for (const ut of tenants) {
      t[ut.tenantId] = { roles: [...ut.roleNames], permissions: permissionsOf(p, ut.roleNames, ut.tenantId) }
    }
    claims.tenants = t
  }
  return claims
}

/**
 * A user as the wire's UserResponse (§11.1).
 *
 * @since 0.1.0
 * @category serialization
 */
export const userJson = (p: ProjectState, u: UserRecord): Record<string, unknown> => {
  const out: Record<string, unknown> = {
    userId: u.userId,
    loginIds: [...u.loginIds],
    name: u.name ?? "",
    givenName: u.givenName ?? "",
    middleName: u.middleName ?? "",
    familyName: u.familyName ?? "",
    email: u.email ?? "",
    phone: u.phone ?? "",
    verifiedEmail: u.verifiedEmail,
    verifiedPhone: u.verifiedPhone,
    picture: u.picture ?? "",
    roleNames: [...u.roleNames],
    userTenants: u.userTenants.map((ut) => ({
      tenantId: ut.tenantId,
      roleNames: [...ut.roleNames],
      tenantName: p.tenants.get(ut.tenantId)?.name ?? "",
      permissions: permissionsOf(p, ut.roleNames, ut.tenantId)
    })),
    status: u.status,
    customAttributes: { ...u.customAttributes },
    createdTime: u.createdTime,
    modifiedTime: u.modifiedTime,
    test: u.test,
    TOTP: u.totpSeed !== undefined,
    SAML: u.saml,
    SCIM: false,
    password: u.passwordHash !== undefined,
    OAuth: { ...u.oauth },
    webauthn: false,
    ssoAppIds: [...u.ssoAppIds]
  }
  return out
}

/**
 * A fresh, empty project.
 *
 * @since 0.1.0
 * @category constructors
 */
export const emptyProject = (
  projectId: string,
  managementKeys: ReadonlyArray<string>,
  keys: ReadonlyArray<SigningKey>,
  lock: Effect.Semaphore
): ProjectState => ({
  projectId,
  managementKeys: [...managementKeys],
  keys: [...keys],
  users: new Map(),
  tenants: new Map(),
  roles: [],
  permissions: [],
  accessKeys: new Map(),
  sessions: new Map(),
  codes: new Map(),
  links: new Map(),
  pending: new Map(),
  federated: new Map(),
  oauthIdentities: new Map(),
  ssoIdentities: new Map(),
  customAttributeDefs: [],
  passwordSettings: new Map(),
  outbox: [],
  audit: [],
  rateWindows: new Map(),
  lock
})
