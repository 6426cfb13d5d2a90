/**
 * The wire catalogue: every Descope endpoint the SDK knows, described once
 * (`Endpoint`), by area. The client sends with it, the emulator serves it,
 * the tests iterate it and `docs/COVERAGE.md` is generated from it. Find an
 * operation by its name: `mgmt.role.create` is `Wire.Mgmt.Role.create`.
 *
 * @since 0.2.0
 */
import * as AuthEnchantedLink from "./auth/EnchantedLink.js"
import * as AuthFlow from "./auth/Flow.js"
import * as AuthKeys from "./auth/Keys.js"
import * as AuthMagicLink from "./auth/MagicLink.js"
import * as AuthNotp from "./auth/Notp.js"
import * as AuthOAuth from "./auth/OAuth.js"
import * as AuthOtp from "./auth/Otp.js"
import * as AuthOutbound from "./auth/Outbound.js"
import * as AuthPassword from "./auth/Password.js"
import * as AuthSaml from "./auth/Saml.js"
import * as AuthSession from "./auth/Session.js"
import * as AuthSso from "./auth/Sso.js"
import * as AuthTotp from "./auth/Totp.js"
import * as AuthWebAuthn from "./auth/WebAuthn.js"
import type * as Endpoint from "./Endpoint.js"
import * as AccessKey from "./mgmt/AccessKey.js"
import * as Analytics from "./mgmt/Analytics.js"
import * as Audit from "./mgmt/Audit.js"
import * as Authz from "./mgmt/Authz.js"
import * as CustomAttribute from "./mgmt/CustomAttribute.js"
import * as Descoper from "./mgmt/Descoper.js"
import * as Engine from "./mgmt/Engine.js"
import * as Fga from "./mgmt/Fga.js"
import * as Flow from "./mgmt/Flow.js"
import * as Group from "./mgmt/Group.js"
import * as InboundApplication from "./mgmt/InboundApplication.js"
import * as InboundApplicationConsent from "./mgmt/InboundApplicationConsent.js"
import * as InboundApplicationSecret from "./mgmt/InboundApplicationSecret.js"
import * as Jwt from "./mgmt/Jwt.js"
import * as JwtTemplate from "./mgmt/JwtTemplate.js"
import * as License from "./mgmt/License.js"
import * as List from "./mgmt/List.js"
import * as ManagementKey from "./mgmt/ManagementKey.js"
import * as OutboundApplication from "./mgmt/OutboundApplication.js"
import * as OutboundAppToken from "./mgmt/OutboundAppToken.js"
import * as OutboundScim from "./mgmt/OutboundScim.js"
import * as Password from "./mgmt/Password.js"
import * as Permission from "./mgmt/Permission.js"
import * as Project from "./mgmt/Project.js"
import * as Role from "./mgmt/Role.js"
import * as ScopeClaimMapping from "./mgmt/ScopeClaimMapping.js"
import * as Sso from "./mgmt/Sso.js"
import * as SsoApplication from "./mgmt/SsoApplication.js"
import * as Tenant from "./mgmt/Tenant.js"
import * as TestUser from "./mgmt/TestUser.js"
import * as User from "./mgmt/User.js"
import * as UserBatch from "./mgmt/UserBatch.js"
import * as UserCredentials from "./mgmt/UserCredentials.js"
import * as UserSearch from "./mgmt/UserSearch.js"
import * as UserUpdate from "./mgmt/UserUpdate.js"

/**
 * The management areas.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const Mgmt = {
  Tenant,
  AccessKey,
  Permission,
  Role,
  Group,
  Sso,
  Audit,
  Password,
  License,
  Flow,
  Project,
  Jwt,
  User,
  UserUpdate,
  UserSearch,
  UserBatch,
  UserCredentials,
  TestUser,
  CustomAttribute,
  Fga,
  Authz,
  List,
  SsoApplication,
  OutboundApplication,
  OutboundAppToken,
  InboundApplication,
  InboundApplicationSecret,
  InboundApplicationConsent,
  JwtTemplate,
  ManagementKey,
  Descoper,
  Engine,
  ScopeClaimMapping,
  Analytics,
  OutboundScim
}

/**
 * The authentication areas.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const Auth = {
  Keys: AuthKeys,
  EnchantedLink: AuthEnchantedLink,
  Flow: AuthFlow,
  MagicLink: AuthMagicLink,
  Notp: AuthNotp,
  OAuth: AuthOAuth,
  Otp: AuthOtp,
  Outbound: AuthOutbound,
  Password: AuthPassword,
  Saml: AuthSaml,
  Session: AuthSession,
  Sso: AuthSso,
  Totp: AuthTotp,
  WebAuthn: AuthWebAuthn
}

const endpointsOf = (
  modules: Readonly<Record<string, Readonly<Record<string, unknown>>>>
): Array<Endpoint.Endpoint.Any> =>
  Object.values(modules).flatMap((m) =>
    Object.values(m).filter((v): v is Endpoint.Endpoint.Any =>
      typeof v === "object" && v !== null && (v as { _tag?: unknown })._tag === "Endpoint"
    )
  )

/**
 * Every catalogued endpoint.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const all: ReadonlyArray<Endpoint.Endpoint.Any> = [...endpointsOf(Auth), ...endpointsOf(Mgmt)]
