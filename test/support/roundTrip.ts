// The emulator round trip of the recorded-wire rows (issue 14, "one emulator round-trip per endpoint"): a row's
// client operation (`run`) sent to an in-process emulator instead of the recording mock, over a small fixture
// (the users, tenants, roles, keys and applications the rows name), and the outcome classified: the answer decoded,
// a typed error the emulator (or the client, before sending) chose, or a mismatch between client and emulator
// (a TransportError "Decode": the client could not read the answer; a 5xx; a defect).
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Sessions from "../../src/auth/Sessions.js"
import * as DescopeConfig from "../../src/core/DescopeConfig.js"
import * as DescopeHttp from "../../src/core/DescopeHttp.js"
import * as Jwks from "../../src/core/Jwks.js"
import { SessionValidator } from "../../src/core/Session.js"
import * as SessionValidatorLive from "../../src/core/SessionValidatorLive.js"
import * as Emulator from "../../src/emulator/index.js"
import type * as Seed from "../../src/emulator/Seed.js"
import * as Management from "../../src/management/Management.js"
import type * as Endpoint from "../../src/wire/Endpoint.js"
import * as Wire from "../../src/wire/index.js"
import { flows, PROJECT_ID as AUTH_PROJECT_ID } from "./authFlows.js"
import type { AuthClient, AuthRow } from "./authWire.js"
import { MANAGEMENT_KEY, pathMatches, PROJECT_ID as MGMT_PROJECT_ID, type Row } from "./management.js"

/** The catalogued endpoint a row exercises: an exact path first, else the template with the fewest parameters. */
export const endpointOf = (row: { readonly method: string; readonly path: string }): Endpoint.Endpoint.Any =>
  Wire.all
    .filter((e) => e.method === row.method && pathMatches(e.path, row.path))
    .sort((a, b) => a.params.length - b.params.length)[0] ??
    (() => {
      throw new Error(`no catalogued endpoint for ${row.method} ${row.path}`)
    })()

/** The area of an endpoint: its name without the operation (`mgmt.user` of `mgmt.user.update`). */
export const areaOf = (endpoint: Endpoint.Endpoint.Any): string =>
  endpoint.name.slice(0, endpoint.name.lastIndexOf("."))

// --- the fixture ---------------------------------------------------------------------------------------------------

/** The management project's seed: the ids the management rows name (U1, ada@example.com, test1, T1, K1, sso2 ...). */
export const MGMT_SEED: Seed.Seed = {
  tenants: [{ id: "T1", name: "Acme", selfProvisioningDomains: ["acme.com"] }, { id: "T2", name: "Beta" }],
  permissions: [
    { name: "read" },
    { name: "write" },
    { name: "docs.read" },
    { name: "docs.write" },
    { name: "users.read" },
    { name: "impersonation" }
  ],
  roles: [
    { name: "admin", permissionNames: ["read"] },
    { name: "viewer" },
    { name: "member" },
    { name: "a" },
    { name: "b" },
    { name: "impersonator", permissionNames: ["impersonation"] },
    { name: "r1", tenantId: "T1" }
  ],
  users: [
    {
      loginId: "ada@example.com",
      userId: "U1",
      additionalLoginIds: ["ada+1@example.com"],
      email: "ada@example.com",
      phone: "+15555550100",
      name: "Ada",
      roleNames: ["admin"],
      userTenants: [{ tenantId: "T1", roleNames: ["r1"] }]
    },
    { loginId: "U2", email: "u2@example.com" },
    { loginId: "imp@example.com", userId: "U9", email: "imp@example.com", roleNames: ["impersonator"] },
    { loginId: "test1", email: "t@example.com", test: true },
    { loginId: "t1", email: "t1@example.com", test: true }
  ],
  accessKeys: [
    { id: "K1", name: "ci", cleartext: "K1-secret-cleartext", userId: "U1" },
    { id: "K2", name: "ci2", cleartext: "K2-secret-cleartext" },
    { id: "K3", name: "ci3", cleartext: "K3-secret-cleartext" }
  ],
  sso: [
    { tenantId: "T1", displayName: "Okta" },
    { tenantId: "T1", ssoId: "sso2", displayName: "Okta 2" }
  ]
}

/**
 * The authentication project's seed: the user the sign-in rows name (by e-mail and by phone), the access key. No
 * password: hashing one costs ~10 ms an emulator; the password rows that need it add it (`withPassword`).
 */
export const AUTH_SEED: Seed.Seed = {
  tenants: [{ id: "T1", name: "Acme", selfProvisioningDomains: ["acme.com"] }, { id: "T2", name: "Beta" }],
  sso: [{ tenantId: "T1", ssoId: "SSO2", displayName: "Okta" }],
  accessKeys: [{ id: "K1", name: "ak", cleartext: "AK-secret", keyTenants: [{ tenantId: "T1" }] }],
  users: [
    {
      loginId: "ada@example.com",
      userId: "U1",
      additionalLoginIds: ["+12125551234"],
      email: "ada@example.com",
      phone: "+12125551234",
      name: "Ada",
      userTenants: [{ tenantId: "T1" }]
    }
  ]
}

/** The authentication seed with a password for ada@example.com. */
export const withPassword = (password: string): Seed.Seed => ({
  ...AUTH_SEED,
  users: AUTH_SEED.users?.map((u) => ({ ...u, password }))
})

const DSL = "model AuthZ 1.0\n\ntype user\n\ntype doc\n  relation viewer: user\n  relation owner: user\n"

/**
 * A step of a fixture made through the management API (or on the emulator itself); its failure fails the row: the
 * fixture is broken.
 */
export type Setup = (m: Management.ManagementApi) => Effect.Effect<unknown, unknown, Emulator.Emulator>

/** The SSO applications the rows name: SA1 (OIDC), SA2 (SAML), SA3 (WS-Fed). */
export const ssoApps: Setup = (m) =>
  Effect.all([
    m.ssoApplication.createOidcApplication({ id: "SA1", name: "portal" }),
    m.ssoApplication.createSamlApplication({ id: "SA2", name: "crm", loginPageUrl: "https://app.test/login" }),
    m.ssoApplication.createWsFedApplication({ id: "SA3", name: "sharepoint", loginPageUrl: "https://app.test/login" })
  ])

/**
 * What the seed cannot hold, made through the management API before a row of the area runs: the applications,
 * secrets, tokens, lists, flows and schemas the rows name by id (TP1, OA1, SA1..SA3, LI1 / LI2, f1). Ids the
 * emulator always chooses itself (engines EN1, descopers DS1, JWT templates JT1, management keys MK1, role and
 * permission ids, flow executions, outbound token ids) cannot be made to match: those rows answer 404.
 */
/** The inbound application TP1. */
export const inboundApp: Setup = (m) =>
  m.inboundApplication.createApplicationV2({ id: "TP1", name: "Zapier", approvedCallbackUrls: ["https://zap.test"] })

export const AREA_FIXTURES: Readonly<Record<string, Setup>> = {
  "mgmt.inboundApplication": (m) =>
    Effect.all([
      inboundApp(m),
      m.inboundApplication.addApplicationSecret("TP1", "old"),
      m.inboundApplication.addApplicationSecret("TP1", "next")
    ]),
  "mgmt.outboundApplication": (m) =>
    Effect.all([
      m.outboundApplication.createApplication({
        id: "OA1",
        name: "Google",
        clientId: "cid",
        defaultScopes: ["openid"]
      }),
      m.outboundApplication.uploadUserToken({ appId: "OA1", userId: "U1", accessToken: "acc", scopes: ["openid"] }),
      m.outboundApplication.uploadUserToken({
        appId: "OA1",
        userId: "U1",
        tenantId: "T1",
        accessToken: "acc",
        scopes: ["openid"]
      }),
      m.outboundApplication.uploadTenantToken({ appId: "OA1", tenantId: "T1", accessToken: "acc", scopes: ["openid"] })
    ]),
  "mgmt.ssoApplication": (m) => Effect.zip(ssoApps(m), m.ssoApplication.addApplicationSecret("SA1", "next")),
  "mgmt.outboundScim": (m) =>
    Effect.zip(ssoApps(m), m.outboundScim.createConfiguration("SA1", { url: "https://scim.test" })),
  "mgmt.list": (m) =>
    m.list.import([
      { id: "LI1", name: "my office", description: "the office", type: "ips", data: ["10.0.0.0/8", "192.0.2.1"] },
      { id: "LI2", name: "words", type: "texts", data: ["spam", "eggs"] },
      { id: "LI/1", name: "slashed", type: "texts", data: [] }
    ]),
  "mgmt.flow": (m) =>
    Effect.zip(
      m.flow.importFlow({ flowId: "f1", flow: { id: "f1", dsl: {} }, screens: [] }),
      m.flow.importFlowV2({ flowId: "sign-in", metadata: { name: "Sign in" }, contents: { steps: [] } })
    ),
  "mgmt.fga": (m) => m.fga.saveSchema({ dsl: DSL }),
  "mgmt.authz": (m) =>
    m.authz.saveSchema({ name: "v1", namespaces: [{ name: "doc", relationDefinitions: [{ name: "owner" }] }] }, true)
}

// --- the runner ----------------------------------------------------------------------------------------------------

/** The clients a row runs with: the management API and what an authentication row receives. */
export class Clients extends Context.Tag("test/roundTrip/Clients")<Clients, {
  readonly mgmt: Management.ManagementApi
  readonly auth: AuthClient
}>() {}

/**
 * One emulator of one project and the client over it, built once and shared by the rows: each row resets the
 * project first (`runMgmtRow` / `runAuthRow`), which costs ~1 ms where a fresh emulator and client cost ~15.
 */
export const world = (projectId: string) => {
  const clients = Layer.scoped(
    Clients,
    Effect.gen(function*() {
      const http = yield* DescopeHttp.DescopeHttp
      const validator = yield* SessionValidator
      const sessions = yield* Sessions.make(http, validator)
      const auth: AuthClient = { ...(yield* flows), sessions, jwks: { fetchKeys: () => Jwks.fetchKeys(http) } }
      return { mgmt: yield* Management.make(http, validator), auth }
    })
  )
  return clients.pipe(
    Layer.provideMerge(SessionValidatorLive.layerDefault()),
    Layer.provideMerge(DescopeHttp.layer),
    Layer.provideMerge(
      DescopeConfig.layer({ projectId, managementKey: MANAGEMENT_KEY, baseUrl: "http://emulator.local" })
    ),
    Layer.provideMerge(Emulator.layerHttpClient),
    Layer.provideMerge(Emulator.layer({ projectId, managementKey: MANAGEMENT_KEY })),
    Layer.orDie
  )
}

/** The shared emulator and client of the management rows. */
export const mgmtWorld = world(MGMT_PROJECT_ID)

/** The shared emulator and client of the authentication rows. */
export const authWorld = world(AUTH_PROJECT_ID)

/**
 * A row's own fixture, instead of the shared one: the seed it starts from (`undefined`: an empty project) and the
 * management steps made before it (`undefined`: none).
 */
export interface Fixture {
  readonly seed: Seed.Seed | undefined
  readonly setup: Setup | undefined
}

/** The shared fixture of a management row: the seed, then the steps of its area. */
export const mgmtFixture = (row: Row): Fixture => ({ seed: MGMT_SEED, setup: AREA_FIXTURES[areaOf(endpointOf(row))] })

/** The shared fixture of an authentication row: the seed. */
export const authFixture: Fixture = { seed: AUTH_SEED, setup: undefined }

/** Resets the project (data, sessions, outbox, faults) and lays the fixture. */
const lay = (name: string, fixture: Fixture) =>
  Effect.gen(function*() {
    const emulator = yield* Emulator.Emulator
    const { mgmt } = yield* Clients
    yield* emulator.reset()
    yield* emulator.clearFaults
    const broken = (e: unknown) => new Error(`the fixture of "${name}" failed: ${String(e)}`)
    if (fixture.seed !== undefined) yield* Effect.orDieWith(emulator.importProject(fixture.seed), broken)
    if (fixture.setup !== undefined) yield* Effect.orDieWith(fixture.setup(mgmt), broken)
  })

/** Runs a management row (in `mgmtWorld`): the fixture on a reset project, then the row's operation. */
export const runMgmtRow = (row: Row, fixture: Fixture = mgmtFixture(row)) =>
  Effect.gen(function*() {
    yield* lay(row.name, fixture)
    return yield* Effect.exit(row.run((yield* Clients).mgmt))
  })

/** Runs an authentication row (in `authWorld`), with the client its runner gives it (flows, sessions, keys). */
export const runAuthRow = (row: AuthRow, fixture: Fixture = authFixture) =>
  Effect.gen(function*() {
    yield* lay(row.name, fixture)
    return yield* Effect.exit(row.run((yield* Clients).auth))
  })

// --- the outcome ---------------------------------------------------------------------------------------------------

/** How a row's round trip ended. */
export type Outcome =
  | { readonly _tag: "Succeeded" }
  /** A typed error chosen on purpose: `AuthError:404 E112103`, `InvalidArgumentError:loginId` ... */
  | { readonly _tag: "Typed"; readonly label: string; readonly error: Record<string, unknown> }
  /** A client / emulator mismatch: a Decode failure, a 5xx, a defect, or an error no row should meet. */
  | { readonly _tag: "Mismatch"; readonly label: string }

const str = (v: unknown): string => (v === undefined ? "" : String(v))

/** The outcome of a row's exit. */
export const outcomeOf = (exit: Exit.Exit<unknown, unknown>): Outcome => {
  if (Exit.isSuccess(exit)) return { _tag: "Succeeded" }
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === "None") {
    return { _tag: "Mismatch", label: `defect: ${Cause.pretty(exit.cause).split("\n")[0]}` }
  }
  const e = failure.value as Record<string, unknown>
  const tag = str(e["_tag"])
  const status = typeof e["status"] === "number" ? e["status"] : undefined
  const detail = str(e["errorDescription"] ?? e["description"] ?? e["reason"])
  switch (tag) {
    case "AuthError":
      return status !== undefined && status >= 400 && status < 500
        ? { _tag: "Typed", label: `AuthError:${status} ${str(e["errorCode"])}`.trim(), error: e }
        : { _tag: "Mismatch", label: `AuthError:${str(status)} ${str(e["errorCode"])} ${detail}` }
    case "InvalidArgumentError":
      return { _tag: "Typed", label: `InvalidArgumentError:${str(e["field"])}`, error: e }
    case "InvalidSessionError":
      return { _tag: "Typed", label: `InvalidSessionError:${str(e["reason"])}`, error: e }
    case "TransportError":
      return {
        _tag: "Mismatch",
        label: `TransportError:${str(e["reason"])} ${str(status)} ${str(e["errorCode"])} ${detail}`.trim()
      }
    default:
      return { _tag: "Mismatch", label: `${tag}:${str(status)} ${detail}`.trim() }
  }
}
