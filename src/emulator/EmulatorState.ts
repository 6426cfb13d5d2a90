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
import type { SignUpUser } from "../wire/auth/Common.js"
import type { CustomAttribute } from "../wire/mgmt/CustomAttribute.js"
import type { PasswordSettings } from "../wire/mgmt/Password.js"
import type { OidcSettings } from "../wire/mgmt/SsoSettings.js"
import type { XaaJwtBearerSettings } from "../wire/mgmt/SsoXaaSettings.js"
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
  /** The username given at sign-up (python-sdk / go-sdk `user.username`). */
  username?: string | undefined
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
  /** IdP group names, highest priority first (`groupsPriority`). */
  groupsPriority?: Array<string> | undefined
  /** IdP group name to FGA relations (`fgaMappings`), as configured. */
  fgaMappings?: Record<string, unknown> | undefined
  /** `configFGATenantIDResourcePrefix` / `Suffix` (SAML). */
  fgaTenantIdResourcePrefix?: string | undefined
  fgaTenantIdResourceSuffix?: string | undefined
  /** The cross-app access (XAA, ID-JAG) settings, when configured; the mapping above is shared with them. */
  xaa?: XaaConfig | undefined
}

/**
 * The cross-app access (XAA, ID-JAG) part of an SSO configuration, as configured.
 *
 * @since 0.2.0
 * @category models
 */
export interface XaaConfig {
  enabled: boolean
  settings: XaaJwtBearerSettings | undefined
  groupPriorityEnabled: boolean
  allowOverrideRoles: boolean
  providerId: string | undefined
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
  /** Federated application ids (python-sdk's `federatedAppIds`). */
  federatedAppIds: Array<string>
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
  /**
   * How many times the session's refresh token was rotated (`refreshTokenRotation`): its refresh JWT's `jti` is
   * the session id, then `<id>.<n>`, and only the newest one is accepted.
   */
  rotations?: number | undefined
}

/**
 * What a pending sign-up carries (created at verification time).
 *
 * @since 0.1.0
 * @category models
 */
export interface PendingSignUp {
  /** The sign-up's `user`, as the start call decoded it. */
  readonly user: SignUpUser
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
  kind: "magiclink" | "enchantedlink" | "embedded" | "reset" | "decoy" | "notp"
  method: string
  pendingRef?: string | undefined
  signUp?: PendingSignUp | undefined
  loginOptions: Record<string, unknown>
  customClaims?: Record<string, unknown> | undefined
  /** For `update/email` and `update/phone` flows: the address to set once verified. */
  update?: ContactUpdate | undefined
  /** The session being stepped up (`stepup` / `mfa`). */
  previousSessionId?: string | undefined
  /** A NOTP sign-up: the number that confirms it must not be a user's yet. */
  signUpOnly?: boolean | undefined
}

/**
 * An enchanted-link or NOTP pending session.
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
  /** OAuth `authorize/signin`, `signup` or `update` (go-sdk): whom the code may log in. */
  mode?: "signin" | "signup" | "update" | undefined
  /** The signed-in user an `update` links the provider to. */
  userId?: string | undefined
  /** The identity of a verified provider ID token (One Tap, native finish). */
  identity?: Identity | undefined
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
