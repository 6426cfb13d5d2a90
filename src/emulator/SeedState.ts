/**
 * A checked {@link Seed.Seed} into a project's state, and a project's state
 * back out as a seed (its snapshot): `apply` after `decode`, `exportProject`
 * for `--export-on-exit`, `GET /emulator/export` and `Emulator.exportProject`.
 * An export holds hashes where a seed may hold cleartexts (`passwordHash`,
 * `secretHash`) and no OIDC client secret; seed → export → import → export
 * gives the same document.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { isEmail } from "../internal/validate.js"
import type { OidcSettings } from "../wire/mgmt/SsoSettings.js"
import { type AccessKeyRecord, emptyProject, type ProjectState, type UserRecord } from "./EmulatorState.js"
import { parse } from "./fga/Model.js"
import * as FgaStore from "./fga/Store.js"
import { newId, sha256 } from "./Ids.js"
import * as LoginIndex from "./LoginIndex.js"
import * as Password from "./Password.js"
import type * as Seed from "./Seed.js"

const seconds = (now: number) => Math.floor(now / 1000)

const copy = <A>(xs: ReadonlyArray<A> | undefined): Array<A> => [...(xs ?? [])]

const tenantsOf = (ts: ReadonlyArray<typeof Seed.SeedUserTenant.Type> | undefined) =>
  (ts ?? []).map((t) => ({ tenantId: t.tenantId, roleNames: copy(t.roleNames) }))

const oidcOf = (o: typeof Seed.SeedOidc.Type): OidcSettings => ({
  name: o.name ?? "",
  clientId: o.clientId,
  clientSecret: o.clientSecret !== undefined ? Redacted.make(o.clientSecret) : undefined,
  redirectUrl: o.redirectUrl,
  authUrl: o.authUrl,
  tokenUrl: o.tokenUrl,
  userDataUrl: o.userDataUrl,
  scope: o.scope,
  jwksUrl: o.jwksUrl,
  attributeMapping: { ...o.attributeMapping },
  manageProviderTokens: o.manageProviderTokens,
  callbackDomain: o.callbackDomain,
  prompt: o.prompt,
  grantType: o.grantType,
  issuer: o.issuer
})

/**
 * Applies a checked seed to a project (run under its lock): what the seed
 * names is created, or replaced when it exists (same tenant id, permission or
 * role name, login id, access-key id, SSO id).
 *
 * @since 0.2.0
 * @category actions
 */
export const apply = (p: ProjectState, seed: Seed.Seed, now: number): Effect.Effect<void> =>
  Effect.gen(function*() {
    const t = seconds(now)
    for (const s of seed.tenants ?? []) {
      p.tenants.set(s.id, {
        id: s.id,
        name: s.name ?? s.id,
        selfProvisioningDomains: copy(s.selfProvisioningDomains),
        customAttributes: { ...s.customAttributes },
        domains: copy(s.domains),
        authType: "none",
        enforceSSO: false,
        enforceSSOExclusions: [],
        federatedAppIds: [],
        disabled: s.disabled ?? false,
        defaultRoles: copy(s.defaultRoles),
        parent: s.parent,
        createdTime: s.createdTime ?? t,
        settings: {},
        sso: new Map(),
        groups: []
      })
    }
    for (const s of seed.permissions ?? []) {
      p.permissions = p.permissions.filter((x) => x.name !== s.name)
      p.permissions.push({ id: newId("PR", 16), name: s.name, description: s.description ?? "", systemDefault: false })
    }
    for (const s of seed.roles ?? []) {
      p.roles = p.roles.filter((x) => !(x.name === s.name && x.tenantId === s.tenantId))
      p.roles.push({
        id: newId("RL", 16),
        name: s.name,
        description: s.description ?? "",
        permissionNames: copy(s.permissionNames),
        tenantId: s.tenantId,
        default: s.default ?? false,
        private: s.private ?? false,
        createdTime: s.createdTime ?? t
      })
    }
    // a seeded user replaces the users holding its user id or any of its login ids (found in the project's
    // login index, without a scan of every user per seeded user)
    const replace = (old: UserRecord | undefined) => {
      if (old !== undefined) LoginIndex.removeUser(p, old)
    }
    for (const s of seed.users ?? []) {
      const loginIds = [s.loginId, ...(s.additionalLoginIds ?? []).filter((l) => l !== s.loginId)]
      replace(s.userId === undefined ? undefined : p.users.get(s.userId))
      for (const l of loginIds) for (const old of [...LoginIndex.holders(p, l)]) replace(old)
      const user: UserRecord = {
        userId: s.userId ?? newId("U"),
        loginIds,
        email: s.email ?? (isEmail(s.loginId) ? s.loginId : undefined),
        phone: s.phone,
        name: s.name,
        givenName: s.givenName,
        middleName: s.middleName,
        familyName: s.familyName,
        picture: s.picture,
        username: s.username,
        verifiedEmail: s.verifiedEmail ?? false,
        verifiedPhone: s.verifiedPhone ?? false,
        status: s.status ?? "enabled",
        customAttributes: { ...s.customAttributes },
        roleNames: copy(s.roleNames),
        userTenants: tenantsOf(s.userTenants),
        test: s.test ?? false,
        passwordHash: s.passwordHash ?? (s.password !== undefined ? yield* Password.hash(s.password) : undefined),
        passwordExpired: false,
        ssoAppIds: copy(s.ssoAppIds),
        oauth: {},
        saml: false,
        createdTime: s.createdTime ?? t,
        modifiedTime: s.modifiedTime ?? s.createdTime ?? t
      }
      LoginIndex.addUser(p, user)
    }
    const userOf = (ref: string) =>
      [...p.users.values()].find((u) =>
        u.userId === ref || u.loginIds.some((l) => l.toLowerCase() === ref.toLowerCase())
      )
    for (const s of seed.accessKeys ?? []) {
      const id = s.id ?? newId("K")
      const key: AccessKeyRecord = {
        id,
        name: s.name,
        description: s.description ?? "",
        roleNames: copy(s.roleNames),
        keyTenants: tenantsOf(s.keyTenants),
        status: s.status ?? "active",
        createdTime: s.createdTime ?? t,
        expireTime: s.expireTime ?? 0,
        createdBy: "seed",
        clientId: s.clientId ?? newId("C"),
        boundUserId: s.userId !== undefined ? userOf(s.userId)?.userId : undefined,
        customClaims: s.customClaims !== undefined ? { ...s.customClaims } : undefined,
        permittedIps: copy(s.permittedIps),
        customAttributes: { ...s.customAttributes },
        secretHash: s.secretHash ?? sha256(s.cleartext ?? "")
      }
      p.accessKeys.set(id, key)
    }
    for (const s of seed.sso ?? []) {
      const tenant = p.tenants.get(s.tenantId)
      if (tenant === undefined) continue // decode refuses it
      const ssoId = s.ssoId ?? "default_ssoid"
      tenant.sso.set(ssoId, {
        ssoId,
        displayName: s.displayName ?? ssoId,
        saml: { ...s.saml },
        oidc: s.oidc !== undefined ? oidcOf(s.oidc) : undefined,
        redirectUrl: s.redirectUrl,
        roleMappings: (s.roleMappings ?? []).map((m) => ({ groups: [...m.groups], roleName: m.roleName })),
        attributeMapping: { ...s.attributeMapping },
        defaultSSORoles: copy(s.defaultSSORoles),
        xaa: s.xaa !== undefined
          ? {
            enabled: s.xaa.enabled ?? false,
            settings: s.xaa.settings !== undefined ? structuredClone(s.xaa.settings) : undefined,
            groupPriorityEnabled: s.xaa.groupPriorityEnabled ?? false,
            allowOverrideRoles: s.xaa.allowOverrideRoles ?? false,
            providerId: s.xaa.providerID
          }
          : undefined
      })
      tenant.authType = s.oidc !== undefined ? "oidc" : s.saml !== undefined ? "saml" : tenant.authType
    }
    if (seed.fga !== undefined) {
      const store = FgaStore.of(p)
      if (seed.fga.schema !== undefined) {
        const parsed = parse(seed.fga.schema)
        if (parsed._tag === "Right") {
          store.dsl = seed.fga.schema
          store.model = parsed.model
          store.modified.schema = now
        }
      }
      FgaStore.add(store, (seed.fga.relations ?? []).map((r) => ({ ...r })), now)
    }
  })

/** Drops absent members, so that an export has no `undefined` (and prints the same after a round trip). */
const present = <A extends Record<string, unknown>>(a: A): A =>
  Object.fromEntries(
    Object.entries(a).filter(([, v]) =>
      v !== undefined && !(Array.isArray(v) && v.length === 0) &&
      !(typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
    )
  ) as A

/**
 * A project's state as a seed document (its snapshot): everything a seed
 * sets, with hashes instead of secrets and without OIDC client secrets.
 *
 * @since 0.2.0
 * @category rendering
 */
export const exportProject = (p: ProjectState): typeof Seed.Seed.Encoded => {
  const store = FgaStore.of(p)
  const tenants = [...p.tenants.values()]
  return present({
    tenants: tenants.map((t) =>
      present({
        id: t.id,
        name: t.name,
        selfProvisioningDomains: copy(t.selfProvisioningDomains),
        domains: copy(t.domains),
        customAttributes: { ...t.customAttributes },
        parent: t.parent,
        disabled: t.disabled ? true : undefined,
        defaultRoles: copy(t.defaultRoles),
        createdTime: t.createdTime
      })
    ),
    permissions: p.permissions.map((x) => present({ name: x.name, description: x.description || undefined })),
    roles: p.roles.map((r) =>
      present({
        name: r.name,
        description: r.description || undefined,
        permissionNames: copy(r.permissionNames),
        tenantId: r.tenantId,
        default: r.default ? true : undefined,
        private: r.private ? true : undefined,
        createdTime: r.createdTime
      })
    ),
    users: [...p.users.values()].map((u) =>
      present({
        loginId: u.loginIds[0] ?? u.userId,
        additionalLoginIds: u.loginIds.slice(1),
        userId: u.userId,
        email: u.email,
        phone: u.phone,
        name: u.name,
        givenName: u.givenName,
        middleName: u.middleName,
        familyName: u.familyName,
        picture: u.picture,
        username: u.username,
        verifiedEmail: u.verifiedEmail,
        verifiedPhone: u.verifiedPhone,
        status: u.status,
        test: u.test ? true : undefined,
        passwordHash: u.passwordHash,
        roleNames: copy(u.roleNames),
        userTenants: u.userTenants.map((ut) => present({ tenantId: ut.tenantId, roleNames: copy(ut.roleNames) })),
        customAttributes: { ...u.customAttributes },
        ssoAppIds: copy(u.ssoAppIds),
        createdTime: u.createdTime,
        modifiedTime: u.modifiedTime
      })
    ),
    accessKeys: [...p.accessKeys.values()].map((k) =>
      present({
        id: k.id,
        name: k.name,
        secretHash: k.secretHash,
        description: k.description || undefined,
        roleNames: copy(k.roleNames),
        keyTenants: k.keyTenants.map((ut) => present({ tenantId: ut.tenantId, roleNames: copy(ut.roleNames) })),
        status: k.status,
        expireTime: k.expireTime || undefined,
        userId: k.boundUserId,
        customClaims: k.customClaims !== undefined ? { ...k.customClaims } : undefined,
        permittedIps: copy(k.permittedIps),
        customAttributes: { ...k.customAttributes },
        clientId: k.clientId,
        createdTime: k.createdTime
      })
    ),
    sso: tenants.flatMap((t) =>
      [...t.sso.values()].map((c) =>
        present({
          tenantId: t.id,
          ssoId: c.ssoId,
          displayName: c.displayName,
          saml: Object.keys(present({ ...c.saml })).length > 0 ? present({ ...c.saml }) : undefined,
          oidc: c.oidc !== undefined
            ? present({
              name: c.oidc.name,
              clientId: c.oidc.clientId,
              redirectUrl: c.oidc.redirectUrl,
              authUrl: c.oidc.authUrl,
              tokenUrl: c.oidc.tokenUrl,
              userDataUrl: c.oidc.userDataUrl,
              jwksUrl: c.oidc.jwksUrl,
              scope: c.oidc.scope !== undefined ? [...c.oidc.scope] : undefined,
              issuer: c.oidc.issuer,
              grantType: c.oidc.grantType,
              callbackDomain: c.oidc.callbackDomain,
              prompt: c.oidc.prompt !== undefined ? [...c.oidc.prompt] : undefined,
              manageProviderTokens: c.oidc.manageProviderTokens,
              attributeMapping: Object.fromEntries(
                Object.entries(c.oidc.attributeMapping ?? {}).filter((e): e is [string, string] =>
                  typeof e[1] === "string"
                )
              )
            })
            : undefined,
          redirectUrl: c.redirectUrl,
          roleMappings: c.roleMappings.map((m) => ({ groups: [...m.groups], roleName: m.roleName })),
          attributeMapping: { ...c.attributeMapping },
          defaultSSORoles: copy(c.defaultSSORoles),
          xaa: c.xaa !== undefined
            ? present({
              enabled: c.xaa.enabled,
              settings: c.xaa.settings !== undefined ? structuredClone(c.xaa.settings) : undefined,
              groupPriorityEnabled: c.xaa.groupPriorityEnabled,
              allowOverrideRoles: c.xaa.allowOverrideRoles,
              providerID: c.xaa.providerId
            })
            : undefined
        })
      )
    ),
    fga: store.dsl !== undefined || store.tuples.size > 0
      ? present({
        schema: store.dsl,
        relations: [...store.tuples.values()].map((r) => present({ ...r }))
      })
      : undefined
  })
}

/**
 * Forgets a project's relation store (its FGA schema and relations), as a reset or an import does.
 *
 * @since 0.2.0
 * @category actions
 */
export const clearFga = (p: ProjectState): void => {
  const store = FgaStore.of(p)
  store.dsl = undefined
  store.model = undefined
  store.authzSchema = undefined
  store.tuples.clear()
  store.details.clear()
  store.modified.resources.clear()
  store.modified.targets.clear()
  store.modified.schema = -1
}

/**
 * Forgets a project's data in place (requests holding it see the change):
 * users, tenants, sessions, outbox, audit, relations ...; keys and management
 * keys stay. Run it under the project's lock.
 *
 * @since 0.2.0
 * @category actions
 */
export const clearProject = (p: ProjectState): void => {
  Object.assign(p, emptyProject(p.projectId, p.managementKeys, p.keys, p.lock))
  clearFga(p)
}

/**
 * Replaces a project's data with a checked seed (under the project's lock).
 *
 * @since 0.2.0
 * @category actions
 */
export const replaceProject = (p: ProjectState, seed: Seed.Seed, now: number): Effect.Effect<void> =>
  Effect.suspend(() => {
    clearProject(p)
    return apply(p, seed, now)
  })
