// Every recorded-wire row against the emulator (issue 14, "one emulator round-trip per endpoint"): each row's client
// operation, the one test/auth-wire.test.ts and the management wire tests run against the recording mock, is sent to
// an in-process emulator, its project reset and seeded before each row with the users, tenants, keys and
// applications the rows name (test/support/roundTrip.ts). It must either succeed (the emulator's answer decoded by
// the client's response schema) or fail with a typed error chosen on purpose (an AuthError with a 4xx status, an
// InvalidArgumentError), never with a TransportError "Decode" (the client cannot read the emulator's answer: a wire
// mismatch), a 5xx or a defect. Tests are grouped by catalogued endpoint, so a failure names the endpoint and the row.
// The last test checks the distribution: most rows succeed, few only answer 404 (WIRE_ROUND_TRIP_SUMMARY=1 prints
// it). When written: 402 rows, 330 succeeded, 72 typed 4xx (35 of them the rows' unsigned refresh token), 0 mismatches.
import { afterAll, assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Emulator from "../src/emulator/index.js"
import type * as Endpoint from "../src/wire/Endpoint.js"
import {
  authWorld,
  endpointOf,
  type Fixture,
  inboundApp,
  MGMT_SEED,
  mgmtWorld,
  type Outcome,
  outcomeOf,
  runAuthRow,
  runMgmtRow,
  ssoApps,
  withPassword
} from "./support/roundTrip.js"
import { authTables, mgmtTables } from "./support/wire-rows/index.js"

/**
 * Rows that reveal a real client / emulator mismatch (a Decode failure, a 5xx, a defect), by row name, with the
 * reason. src/ is not changed here: each entry stays failing until the client or the emulator is fixed, and a row
 * listed here that round-trips fails the suite, so the list cannot go stale.
 */
const KNOWN_MISMATCHES: Readonly<Record<string, string>> = {}

const EMPTY: Fixture = { seed: undefined, setup: undefined }

/**
 * Rows run over a fixture of their own, with the reason: most create what the shared fixture holds (the seeded
 * user, tenant, SSO configuration ...), and over it would only meet a 409 "already exists".
 */
const OWN_FIXTURE: Readonly<Record<string, { readonly reason: string; readonly fixture: Fixture }>> = {
  "user.create": { reason: "creates ada@example.com", fixture: EMPTY },
  "user.create with a status": { reason: "creates ada@example.com", fixture: EMPTY },
  "user.createTestUser": { reason: "creates the test user test1", fixture: EMPTY },
  "user.createTestUser with a status": { reason: "creates ada@example.com, a test user", fixture: EMPTY },
  "permission.create": { reason: "creates the permission read", fixture: EMPTY },
  "permission.createBatch": { reason: "creates the permissions docs.read and docs.write", fixture: EMPTY },
  "tenant.create": { reason: "creates the tenant T1 (Acme)", fixture: EMPTY },
  "tenant.create without id": { reason: "creates a tenant named Acme", fixture: EMPTY },
  "tenant.create with SSO exclusions and federated apps": { reason: "creates a tenant named Acme", fixture: EMPTY },
  "sso.newSettings": {
    reason: "creates the SSO configuration sso2 of T1",
    fixture: { seed: { ...MGMT_SEED, sso: MGMT_SEED.sso?.filter((s) => s.ssoId !== "sso2") }, setup: undefined }
  },
  "outboundScim.createConfiguration": {
    reason: "creates the SCIM configuration of SA1",
    fixture: { seed: MGMT_SEED, setup: ssoApps }
  },
  "inboundApplication.addApplicationSecret": {
    reason: "adds the secret next of TP1",
    fixture: { seed: MGMT_SEED, setup: inboundApp }
  },
  "ssoApplication.addApplicationSecret (go-sdk; the third-party twin's wire)": {
    reason: "adds the secret next of SA1",
    fixture: { seed: MGMT_SEED, setup: ssoApps }
  },
  ...Object.fromEntries(
    [
      "otp.signUp by e-mail with the user, every sign-up option and a provider",
      "otp.signUp by voice, nothing but the login id",
      "magicLink.signUp by e-mail with the link's URI, the user, the sign-up options and a provider",
      "enchantedLink.signUp with the URI, the user, the sign-up options and a provider",
      "totp.signUp with the user: the provisioning data answered",
      "password.signUp with the user, the sign-up options and a provider",
      "webauthn.signUpStart: the user with its login id, the origin, the passkey and sign-up options",
      "notp.signUp with the user, the sign-up options and a provider"
    ].map((name) => [name, { reason: "signs up ada (by e-mail or phone)", fixture: EMPTY }])
  ),
  "password.signIn with login options and a provider": {
    reason: "signs in with ada's password s3cret!Pass (the shared seed has no password: hashing one is slow)",
    fixture: { seed: withPassword("s3cret!Pass"), setup: undefined }
  },
  "password.replace: the old and the new password, a session answered": {
    reason: "replaces ada's password old!Pass1",
    fixture: { seed: withPassword("old!Pass1"), setup: undefined }
  }
}

/**
 * Rows whose own token the client refuses before sending (InvalidSessionError): the rows carry an unsigned
 * JWT-shaped refresh token that no emulator key signed. Elsewhere an InvalidSessionError would mean that the
 * client could not validate a token the emulator answered: a mismatch.
 */
const OWN_TOKEN_REFUSED: Readonly<Record<string, string>> = {
  "refreshSession: the refresh token, {} as the body, a session answered":
    "refreshSession validates the refresh token locally first: the row's REFRESH_JWT has no emulator key (UnknownKey)"
}

interface Entry {
  readonly table: string
  readonly name: string
  readonly endpoint: Endpoint.Endpoint.Any
  /** Runs the row over its own fixture, else the shared one. */
  readonly run: () => Effect.Effect<Exit.Exit<unknown, unknown>>
}

/** The emulator and client of each project, built once for the file. */
const mgmtRuntime = ManagedRuntime.make(mgmtWorld)
const authRuntime = ManagedRuntime.make(authWorld)
afterAll(() => Promise.all([mgmtRuntime.dispose(), authRuntime.dispose()]))

const entries: ReadonlyArray<Entry> = [
  ...Object.entries(mgmtTables).flatMap(([table, rows]) =>
    rows.map((row): Entry => ({
      table,
      name: row.name,
      endpoint: endpointOf(row),
      run: () => Effect.provide(runMgmtRow(row, OWN_FIXTURE[row.name]?.fixture), mgmtRuntime)
    }))
  ),
  ...Object.entries(authTables).flatMap(([table, rows]) =>
    rows.map((row): Entry => ({
      table,
      name: row.name,
      endpoint: endpointOf(row),
      run: () => Effect.provide(runAuthRow(row, OWN_FIXTURE[row.name]?.fixture), authRuntime)
    }))
  )
]

/** The entries by endpoint, in the order of the tables. */
const byEndpoint = new Map<string, Array<Entry>>()
for (const entry of entries) {
  const key = `${entry.endpoint.name} (${entry.endpoint.method} ${entry.endpoint.path})`
  byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), entry])
}

/** The outcome of each row, by row name, filled as the rows run. */
const outcomes = new Map<string, Outcome>()

/** The outcome, with the typed errors no row may meet (an InvalidSessionError on an emulator token) as mismatches. */
const judged = (entry: Entry, outcome: Outcome): Outcome =>
  outcome._tag === "Typed" && outcome.label.startsWith("InvalidSessionError") && !(entry.name in OWN_TOKEN_REFUSED)
    ? { _tag: "Mismatch", label: `${outcome.label}: the client could not validate a token the emulator answered` }
    : outcome

describe("every recorded-wire row round-trips through the emulator", () => {
  it("row names are unique, and every listed row exists", () => {
    const names = entries.map((e) => e.name)
    assert.deepStrictEqual(names.filter((n, i) => names.indexOf(n) !== i), [])
    for (const name of [...Object.keys(KNOWN_MISMATCHES), ...Object.keys(OWN_FIXTURE)]) {
      assert.include(names, name)
    }
    for (const name of Object.keys(OWN_TOKEN_REFUSED)) assert.include(names, name)
  })

  for (const [endpoint, group] of byEndpoint) {
    describe(endpoint, () => {
      for (const entry of group) {
        it.live(entry.name, () =>
          Effect.gen(function*() {
            const outcome = judged(entry, outcomeOf(yield* entry.run()))
            outcomes.set(entry.name, outcome)
            const where = `${entry.name} [${endpoint}, ${entry.table}]`
            if (entry.name in KNOWN_MISMATCHES) {
              assert.strictEqual(
                outcome._tag,
                "Mismatch",
                `${where} round-trips now: drop it from KNOWN_MISMATCHES (${KNOWN_MISMATCHES[entry.name]})`
              )
              return
            }
            if (outcome._tag === "Mismatch") assert.fail(`${where}: ${outcome.label}`)
          }))
      }
    })
  }

  it.live("the judge sees a mismatch: an answer the client cannot decode, a 5xx", () =>
    Effect.gen(function*() {
      const row = mgmtTables["management-wire-tenant.test.ts"]?.find((r) => r.name === "tenant.load")
      if (row === undefined) return assert.fail("no tenant.load row")
      const withFault = (fault: Emulator.FaultSpec): Fixture => ({
        seed: MGMT_SEED,
        setup: () => Effect.flatMap(Emulator.Emulator, (e) => e.addFault(fault))
      })
      const malformed = outcomeOf(yield* runMgmtRow(row, withFault({ path: "/v1/mgmt/tenant", malformed: true })))
      assert.strictEqual(malformed._tag === "Mismatch" && malformed.label.split(" ")[0], "TransportError:Decode")
      const failed = outcomeOf(yield* runMgmtRow(row, withFault({ path: "/v1/mgmt/tenant", status: 500 })))
      assert.strictEqual(failed._tag === "Mismatch" && failed.label.split(" ")[0], "TransportError:ServerError")
      // the next row's reset clears the fault
      assert.strictEqual(outcomeOf(yield* runMgmtRow(row))._tag, "Succeeded")
    }).pipe(Effect.provide(mgmtRuntime)))

  it("most rows succeed over the fixture; few only answer 404", () => {
    // under a name filter (-t) not every row ran: nothing to count
    if (outcomes.size !== entries.length) return
    const all = [...outcomes.values()]
    const count = (p: (o: Outcome) => boolean) => all.filter(p).length
    const succeeded = count((o) => o._tag === "Succeeded")
    const notFound = count((o) => o._tag === "Typed" && o.label.startsWith("AuthError:404"))
    const byReason = new Map<string, number>()
    for (const o of all) if (o._tag !== "Succeeded") byReason.set(o.label, (byReason.get(o.label) ?? 0) + 1)
    const summary = `${all.length} rows: ${succeeded} succeeded, ${count((o) => o._tag === "Typed")} typed errors, ${
      count((o) => o._tag === "Mismatch")
    } mismatches; ${[...byReason].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${n} ${l}`).join(", ")}`
    if (process.env["WIRE_ROUND_TRIP_SUMMARY"] !== undefined) console.log(summary)
    assert.isAbove(succeeded, (all.length * 2) / 3, summary)
    assert.isBelow(notFound, all.length / 3, summary)
  })
})
