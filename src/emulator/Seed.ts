/**
 * The seed of an emulated project, and its snapshot: tenants, permissions,
 * roles, users (with passwords, roles, tenants and custom attributes), access
 * keys (with the cleartexts you choose), SSO settings, and the FGA schema
 * with its relations. One JSON (or YAML) document per project:
 *
 * ```json
 * {
 *   "tenants": [{ "id": "acme", "name": "Acme" }],
 *   "permissions": [{ "name": "docs.read" }],
 *   "roles": [{ "name": "reader", "permissionNames": ["docs.read"] }],
 *   "users": [{ "loginId": "ada@example.com", "password": "Secret-123", "userTenants": [{ "tenantId": "acme", "roleNames": ["reader"] }] }],
 *   "accessKeys": [{ "name": "ci", "cleartext": "K2ci-key-of-my-choice", "roleNames": ["reader"] }],
 *   "sso": [{ "tenantId": "acme", "saml": { "idpUrl": "https://idp.example/sso", "idpEntityId": "idp", "idpCert": "..." } }],
 *   "fga": { "schema": "model AuthZ 1.0\n...", "relations": [{ "resource": "doc1", "resourceType": "doc", "relation": "owner", "target": "ada", "targetType": "user" }] }
 * }
 * ```
 *
 * {@link decode} checks a document against {@link Seed} (unknown fields are
 * refused, so a misspelt field is named) and its references (a role's
 * permissions, a user's roles and tenants, an access key's user, an SSO
 * tenant, the relations against the FGA schema), and fails with a
 * {@link SeedError} naming the field: `users[0].userTenants[0].tenantId: no
 * tenant "acme" in the seed`. An export (`SeedState.exportProject`) is a seed
 * too, with hashes (`passwordHash`, `secretHash`) where a seed may give
 * cleartexts, and never an OIDC client secret.
 *
 * @since 0.2.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { lazy, lazyParser } from "../internal/lazySchema.js"
import { XaaJwtBearerSettings } from "../wire/mgmt/SsoXaaSettings.js"
import { type Model, parse, renderError } from "./fga/Model.js"

const opt = Schema.optional
const Strings = Schema.Array(Schema.String)
const NonEmpty = Schema.String.pipe(Schema.minLength(1, { message: () => "must not be empty" }))
const Attributes = Schema.Record({ key: Schema.String, value: Schema.Unknown })
const Seconds = Schema.Number.pipe(Schema.int(), Schema.nonNegative())

/**
 * A role of a user or an access key in a tenant.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedUserTenant = Schema.Struct({ tenantId: NonEmpty, roleNames: opt(Strings) })

/**
 * A tenant.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedTenant = Schema.Struct({
  id: NonEmpty,
  name: opt(Schema.String),
  selfProvisioningDomains: opt(Strings),
  domains: opt(Strings),
  customAttributes: opt(Attributes),
  parent: opt(Schema.String),
  disabled: opt(Schema.Boolean),
  defaultRoles: opt(Strings),
  createdTime: opt(Seconds)
})

/**
 * A permission.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedPermission = Schema.Struct({ name: NonEmpty, description: opt(Schema.String) })

/**
 * A role (of a tenant when `tenantId` is given).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedRole = Schema.Struct({
  name: NonEmpty,
  description: opt(Schema.String),
  permissionNames: opt(Strings),
  tenantId: opt(Schema.String),
  default: opt(Schema.Boolean),
  private: opt(Schema.Boolean),
  createdTime: opt(Seconds)
})

/**
 * A user: `password` (checked by nothing, hashed) or `passwordHash` (an
 * emulator export's), not both.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedUser = Schema.Struct({
  loginId: NonEmpty,
  additionalLoginIds: opt(Strings),
  userId: opt(NonEmpty),
  email: opt(Schema.String),
  phone: opt(Schema.String),
  name: opt(Schema.String),
  givenName: opt(Schema.String),
  middleName: opt(Schema.String),
  familyName: opt(Schema.String),
  picture: opt(Schema.String),
  /** The username a sign-up gave (python-sdk / go-sdk `user.username`). */
  username: opt(Schema.String),
  verifiedEmail: opt(Schema.Boolean),
  verifiedPhone: opt(Schema.Boolean),
  status: opt(Schema.Literal("enabled", "disabled", "invited", "expired")),
  test: opt(Schema.Boolean),
  password: opt(NonEmpty),
  passwordHash: opt(NonEmpty),
  roleNames: opt(Strings),
  userTenants: opt(Schema.Array(SeedUserTenant)),
  customAttributes: opt(Attributes),
  ssoAppIds: opt(Strings),
  createdTime: opt(Seconds),
  modifiedTime: opt(Seconds)
})

/**
 * An access key: `cleartext` (the secret your tests use) or `secretHash` (an
 * emulator export's SHA-256 of it), exactly one.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedAccessKey = Schema.Struct({
  id: opt(NonEmpty),
  name: NonEmpty,
  cleartext: opt(NonEmpty),
  secretHash: opt(NonEmpty),
  description: opt(Schema.String),
  roleNames: opt(Strings),
  keyTenants: opt(Schema.Array(SeedUserTenant)),
  status: opt(Schema.Literal("active", "inactive")),
  expireTime: opt(Seconds),
  /** The user the key is bound to: a login id or a user id of the seed. */
  userId: opt(NonEmpty),
  customClaims: opt(Attributes),
  permittedIps: opt(Strings),
  customAttributes: opt(Attributes),
  clientId: opt(NonEmpty),
  createdTime: opt(Seconds)
})

/**
 * The SAML side of an SSO configuration.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedSaml = Schema.Struct({
  idpEntityId: opt(Schema.String),
  idpUrl: opt(Schema.String),
  idpCert: opt(Schema.String),
  idpAdditionalCerts: opt(Strings),
  idpMetadataUrl: opt(Schema.String),
  spEntityId: opt(Schema.String),
  spAcsUrl: opt(Schema.String)
})

/**
 * The OIDC side of an SSO configuration (`clientSecret` is kept, never exported).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedOidc = Schema.Struct({
  name: opt(Schema.String),
  clientId: opt(Schema.String),
  clientSecret: opt(Schema.String),
  redirectUrl: opt(Schema.String),
  authUrl: opt(Schema.String),
  tokenUrl: opt(Schema.String),
  userDataUrl: opt(Schema.String),
  jwksUrl: opt(Schema.String),
  scope: opt(Strings),
  issuer: opt(Schema.String),
  grantType: opt(Schema.String),
  callbackDomain: opt(Schema.String),
  prompt: opt(Strings),
  manageProviderTokens: opt(Schema.Boolean),
  attributeMapping: opt(Schema.Record({ key: Schema.String, value: Schema.String }))
})

/**
 * The cross-app access (XAA, ID-JAG) settings of an SSO configuration, as `mgmt.sso.configureXaaSettings` sends
 * them (their group and role mapping is the configuration's own: `roleMappings`, `defaultSSORoles`).
 *
 * @since 0.2.0
 * @category schemas
 */
// SeedXaa holds a catalogue schema, built on first use (src/internal/lazySchema.ts): so are SeedXaa and the
// schemas that hold it, SeedSso and Seed
export const SeedXaa = lazy(() =>
  Schema.Struct({
    enabled: opt(Schema.Boolean),
    settings: opt(XaaJwtBearerSettings),
    groupPriorityEnabled: opt(Schema.Boolean),
    allowOverrideRoles: opt(Schema.Boolean),
    providerID: opt(Schema.String)
  })
)

/**
 * An SSO configuration of a tenant (SAML, OIDC, or neither yet).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedSso = lazy(() =>
  Schema.Struct({
    tenantId: NonEmpty,
    ssoId: opt(NonEmpty),
    displayName: opt(Schema.String),
    saml: opt(SeedSaml),
    oidc: opt(SeedOidc),
    redirectUrl: opt(Schema.String),
    roleMappings: opt(Schema.Array(Schema.Struct({ groups: Strings, roleName: NonEmpty }))),
    attributeMapping: opt(Attributes),
    defaultSSORoles: opt(Strings),
    xaa: opt(SeedXaa)
  })
)

/**
 * A relation: `target` (of `targetType`) has `relation` on `resource` (of `resourceType`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedRelation = Schema.Struct({
  resource: NonEmpty,
  resourceType: NonEmpty,
  relation: NonEmpty,
  target: NonEmpty,
  targetType: opt(Schema.String)
})

/**
 * The FGA schema (Descope's DSL) and its relations.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SeedFga = Schema.Struct({ schema: opt(Schema.String), relations: opt(Schema.Array(SeedRelation)) })

/**
 * A project's seed (every member optional; unknown members are refused).
 *
 * @since 0.2.0
 * @category schemas
 */
export const Seed = lazy(() =>
  Schema.Struct({
    tenants: opt(Schema.Array(SeedTenant)),
    permissions: opt(Schema.Array(SeedPermission)),
    roles: opt(Schema.Array(SeedRole)),
    users: opt(Schema.Array(SeedUser)),
    accessKeys: opt(Schema.Array(SeedAccessKey)),
    sso: opt(Schema.Array(SeedSso)),
    fga: opt(SeedFga)
  })
)

/**
 * A project's seed, checked.
 *
 * @since 0.2.0
 * @category models
 */
export type Seed = typeof Seed.Type

/**
 * A seed that does not fit: where (`users[0].email`, `body` for the whole
 * document) and why.
 *
 * @since 0.2.0
 * @category errors
 */
export class SeedError extends Data.TaggedError("SeedError")<{
  readonly path: string
  readonly reason: string
}> {
  /** @since 0.2.0 */
  override get message(): string {
    return `${this.path}: ${this.reason}`
  }
}

const pathOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.length === 0 ? "seed" : path.reduce<string>(
    (out, k) => typeof k === "number" ? `${out}[${k}]` : out === "" ? String(k) : `${out}.${String(k)}`,
    ""
  )

const decodeSeed = lazyParser(() => Schema.decodeUnknownEither(Seed, { onExcessProperty: "error", errors: "first" }))

/** The first reference of a decoded seed that does not resolve. */
const references = (seed: Seed): SeedError | undefined => {
  const issue = (path: ReadonlyArray<PropertyKey>, reason: string) => new SeedError({ path: pathOf(path), reason })
  /** The index and key of the first repeated key. */
  const dup = <A>(items: ReadonlyArray<A> | undefined, key: (a: A) => string) => {
    const seen = new Set<string>()
    for (const [i, a] of (items ?? []).entries()) {
      const k = key(a)
      if (seen.has(k)) return [i, k] as const
      seen.add(k)
    }
    return undefined
  }
  const checks: Array<[ReadonlyArray<PropertyKey>, string]> = []
  const tenants = new Set((seed.tenants ?? []).map((t) => t.id))
  const permissions = new Set((seed.permissions ?? []).map((p) => p.name))
  const projectRoles = new Set((seed.roles ?? []).filter((r) => !r.tenantId).map((r) => r.name))
  const tenantRole = (tenantId: string, role: string) =>
    projectRoles.has(role) || (seed.roles ?? []).some((r) => r.name === role && r.tenantId === tenantId)
  const d1 = dup(seed.tenants, (t) => t.id)
  if (d1) checks.push([["tenants", d1[0], "id"], `tenant "${d1[1]}" is given twice`])
  const d2 = dup(seed.permissions, (p) => p.name)
  if (d2) checks.push([["permissions", d2[0], "name"], `permission "${d2[1]}" is given twice`])
  const d3 = dup(seed.roles, (r) => `${r.tenantId ?? ""}/${r.name}`)
  if (d3) checks.push([["roles", d3[0], "name"], `role "${d3[1]}" is given twice`])
  const d4 = dup(seed.users, (u) => u.loginId.toLowerCase())
  if (d4) checks.push([["users", d4[0], "loginId"], `login id "${d4[1]}" is given twice`])
  for (const [i, r] of (seed.roles ?? []).entries()) {
    if (r.tenantId && !tenants.has(r.tenantId)) {
      checks.push([["roles", i, "tenantId"], `no tenant "${r.tenantId}" in the seed`])
    }
    for (const [j, p] of (r.permissionNames ?? []).entries()) {
      if (!permissions.has(p)) checks.push([["roles", i, "permissionNames", j], `no permission "${p}" in the seed`])
    }
  }
  for (const [i, t] of (seed.tenants ?? []).entries()) {
    if (t.parent && !tenants.has(t.parent)) {
      checks.push([["tenants", i, "parent"], `no tenant "${t.parent}" in the seed`])
    }
    for (const [j, role] of (t.defaultRoles ?? []).entries()) {
      if (!tenantRole(t.id, role)) checks.push([["tenants", i, "defaultRoles", j], `no role "${role}" in the seed`])
    }
  }
  const subjects = (
    kind: "users" | "accessKeys",
    i: number,
    roleNames: ReadonlyArray<string> | undefined,
    tenantsOf: ReadonlyArray<typeof SeedUserTenant.Type> | undefined,
    tenantsField: string
  ) => {
    for (const [j, role] of (roleNames ?? []).entries()) {
      if (!projectRoles.has(role)) checks.push([[kind, i, "roleNames", j], `no project role "${role}" in the seed`])
    }
    for (const [j, ut] of (tenantsOf ?? []).entries()) {
      if (!tenants.has(ut.tenantId)) {
        checks.push([[kind, i, tenantsField, j, "tenantId"], `no tenant "${ut.tenantId}" in the seed`])
      }
      for (const [k, role] of (ut.roleNames ?? []).entries()) {
        if (!tenantRole(ut.tenantId, role)) {
          checks.push([[kind, i, tenantsField, j, "roleNames", k], `no role "${role}" for tenant "${ut.tenantId}"`])
        }
      }
    }
  }
  for (const [i, u] of (seed.users ?? []).entries()) {
    if (u.password !== undefined && u.passwordHash !== undefined) {
      checks.push([["users", i, "passwordHash"], "give password or passwordHash, not both"])
    }
    if (u.passwordHash !== undefined && !u.passwordHash.startsWith("scrypt$")) {
      checks.push([["users", i, "passwordHash"], "not a hash of the emulator's (scrypt$...): give password instead"])
    }
    subjects("users", i, u.roleNames, u.userTenants, "userTenants")
  }
  const userRefs = new Set((seed.users ?? []).flatMap((u) => [u.loginId, ...(u.userId ? [u.userId] : [])]))
  for (const [i, k] of (seed.accessKeys ?? []).entries()) {
    if ((k.cleartext === undefined) === (k.secretHash === undefined)) {
      checks.push([["accessKeys", i, "cleartext"], "give exactly one of cleartext and secretHash"])
    }
    if (k.userId !== undefined && !userRefs.has(k.userId)) {
      checks.push([["accessKeys", i, "userId"], `no user "${k.userId}" in the seed`])
    }
    subjects("accessKeys", i, k.roleNames, k.keyTenants, "keyTenants")
  }
  for (const [i, s] of (seed.sso ?? []).entries()) {
    if (!tenants.has(s.tenantId)) checks.push([["sso", i, "tenantId"], `no tenant "${s.tenantId}" in the seed`])
    if (s.saml !== undefined && s.oidc !== undefined) checks.push([["sso", i, "oidc"], "give saml or oidc, not both"])
  }
  let model: Model | undefined
  if (seed.fga?.schema !== undefined) {
    const parsed = parse(seed.fga.schema)
    if (parsed._tag === "Left") checks.push([["fga", "schema"], renderError(parsed.error)])
    else model = parsed.model
  }
  for (const [i, r] of (seed.fga?.relations ?? []).entries()) {
    if (model === undefined) {
      checks.push([["fga", "relations", i], "relations need an FGA schema (fga.schema)"])
      break
    }
    const type = model.types.get(r.resourceType)
    if (type === undefined) {
      checks.push([["fga", "relations", i, "resourceType"], `no type "${r.resourceType}" in the schema`])
    } else if (type.get(r.relation)?.kind !== "relation") {
      checks.push([["fga", "relations", i, "relation"], `no relation "${r.relation}" on type "${r.resourceType}"`])
    }
  }
  const first = checks[0]
  return first === undefined ? undefined : issue(first[0], first[1])
}

/**
 * Checks a seed document (already parsed from JSON or YAML): its shape, then
 * its references.
 *
 * @since 0.2.0
 * @category parsing
 */
export const decode = (input: unknown): Effect.Effect<Seed, SeedError> => {
  const decoded = decodeSeed(input)
  if (Either.isLeft(decoded)) {
    const first = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
    const reason = first === undefined
      ? "does not fit the seed schema"
      : first._tag === "Missing"
      ? "is missing"
      : first._tag === "Unexpected"
      ? "is not a field of the seed (misspelt?)"
      : first.message.replace(/, actual [\s\S]*$/, "")
    return Effect.fail(new SeedError({ path: pathOf(first?.path ?? []), reason }))
  }
  const bad = references(decoded.right)
  return bad === undefined ? Effect.succeed(decoded.right) : Effect.fail(bad)
}

/**
 * Parses a seed file's text: JSON, or YAML for a `.yaml` / `.yml` name (with
 * the optional peer `js-yaml` installed), then {@link decode}s it.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parseText = (text: string, fileName: string): Effect.Effect<Seed, SeedError> =>
  Effect.flatMap(
    /\.ya?ml$/i.test(fileName)
      ? Effect.tryPromise({
        try: async () => {
          const name = "js-yaml"
          const yaml = (await import(name)) as { load: (text: string) => unknown }
          return yaml.load(text)
        },
        catch: (e) =>
          new SeedError({
            path: fileName,
            reason: e instanceof Error && /Cannot find (package|module)/.test(e.message)
              ? "reading YAML needs the package js-yaml: npm install --save-dev js-yaml (or give JSON)"
              : `not YAML: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`
          })
      })
      : Effect.try({
        try: () => JSON.parse(text) as unknown,
        catch: (e) =>
          new SeedError({ path: fileName, reason: `not JSON: ${e instanceof Error ? e.message : String(e)}` })
      }),
    decode
  )
