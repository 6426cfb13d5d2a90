/**
 * State in, state out: a seed (the layer option, `--seed`), checked with
 * errors naming the field; the seeded project works for real (password
 * sign-in with roles in the JWT, the access key's given cleartext, SSO
 * settings, FGA checks); export → import → export gives the same document;
 * a fresh project per test through the control API; and the CLI's
 * `--seed file.yaml`, `--export-on-exit dir` and `--import dir`.
 */
import DescopeClient from "@descope/node-sdk"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Fs from "node:fs"
import * as Path from "node:path"
import * as Emulator from "../src/emulator/index.js"
import { buildDist, removeDirs, runCli, stopAll, tempDir } from "./support/cliProcess.js"
import { request } from "./support/emulator.js"

afterAll(() => {
  stopAll()
  removeDirs()
})

const P = "P2SeedProject000000000000000"
const K = "seed-management-key"

const DSL = `model AuthZ 1.0

type user

type doc
  relation owner: user
  relation viewer: user
  permission can_view: viewer | owner
`

const SEED = {
  tenants: [{ id: "acme", name: "Acme", domains: ["acme.example"], customAttributes: { tier: "gold" } }],
  permissions: [{ name: "docs.read", description: "read docs" }, { name: "docs.write" }],
  roles: [
    { name: "reader", permissionNames: ["docs.read"] },
    { name: "acme-admin", tenantId: "acme", permissionNames: ["docs.read", "docs.write"] }
  ],
  users: [
    {
      loginId: "ada@example.com",
      name: "Ada",
      password: "Secret-12345",
      verifiedEmail: true,
      roleNames: ["reader"],
      userTenants: [{ tenantId: "acme", roleNames: ["acme-admin"] }],
      customAttributes: { plan: "pro" }
    },
    { loginId: "+15550009999", phone: "+15550009999", status: "disabled" as const }
  ],
  accessKeys: [{
    name: "ci",
    cleartext: "K2my-ci-key-of-my-own-choice",
    roleNames: ["reader"],
    userId: "ada@example.com"
  }],
  sso: [{
    tenantId: "acme",
    saml: { idpUrl: "https://idp.example/sso", idpEntityId: "idp-entity", idpCert: "CERT" },
    roleMappings: [{ groups: ["admins"], roleName: "acme-admin" }],
    xaa: { enabled: true, settings: { issuers: { "https://idp.example": { jwksUri: "https://idp.example/jwks" } } } }
  }],
  fga: {
    schema: DSL,
    relations: [{ resource: "doc1", resourceType: "doc", relation: "owner", target: "ada", targetType: "user" }]
  }
}

const decodeError = (input: unknown) => Effect.runSync(Effect.flip(Emulator.Seed.decode(input)))

describe("the seed schema", () => {
  it("names the field that does not fit", () => {
    const typo = decodeError({ users: [{ loginId: "a", emial: "a@example.com" }] })
    assert.strictEqual(typo._tag, "SeedError")
    assert.strictEqual(typo.path, "users[0].emial")
    assert.match(typo.message, /^users\[0\]\.emial: is not a field of the seed/)
    assert.strictEqual(decodeError({ users: [{ name: "no login id" }] }).message, "users[0].loginId: is missing")
    assert.strictEqual(decodeError({ tenants: [{ id: 5 }] }).path, "tenants[0].id")
    assert.strictEqual(decodeError({ users: [{ loginId: "a", status: "active" }] }).path, "users[0].status")
    assert.strictEqual(decodeError([]).path, "seed")
    assert.strictEqual(decodeError({ sso: [{ tenantId: "t", xaa: { enabeld: true } }] }).path, "sso[0].xaa.enabeld")
  })

  it("checks the references: roles, permissions, tenants, users, the FGA schema", () => {
    const cases: ReadonlyArray<[unknown, string, RegExp]> = [
      [{ roles: [{ name: "r", permissionNames: ["nope"] }] }, "roles[0].permissionNames[0]", /no permission "nope"/],
      [
        { users: [{ loginId: "a", userTenants: [{ tenantId: "t" }] }] },
        "users[0].userTenants[0].tenantId",
        /no tenant/
      ],
      [{ users: [{ loginId: "a", roleNames: ["ghost"] }] }, "users[0].roleNames[0]", /no project role "ghost"/],
      [{ accessKeys: [{ name: "k" }] }, "accessKeys[0].cleartext", /exactly one/],
      [{ accessKeys: [{ name: "k", cleartext: "x", userId: "who" }] }, "accessKeys[0].userId", /no user "who"/],
      [{ sso: [{ tenantId: "t" }] }, "sso[0].tenantId", /no tenant "t"/],
      [{ users: [{ loginId: "a" }, { loginId: "A" }] }, "users[1].loginId", /given twice/],
      [{ fga: { schema: "model AuthZ 1.0\ntype doc\n  relation owner: usr\n" } }, "fga.schema", /line \d+, column \d+/],
      [
        { fga: { schema: DSL, relations: [{ resource: "d", resourceType: "doc", relation: "editor", target: "a" }] } },
        "fga.relations[0].relation",
        /no relation "editor"/
      ],
      [{ users: [{ loginId: "a", passwordHash: "plain" }] }, "users[0].passwordHash", /not a hash/]
    ]
    for (const [input, path, reason] of cases) {
      const e = decodeError(input)
      assert.strictEqual(e.path, path, JSON.stringify(input))
      assert.match(e.reason, reason)
    }
    assert.doesNotThrow(() => Effect.runSync(Emulator.Seed.decode(SEED)))
  })
})

describe("a seeded project", () => {
  it.scoped("works for real: password sign-in with roles, the given access key, SSO settings, FGA", () =>
    Effect.gen(function*() {
      const seed = yield* Emulator.Seed.decode(SEED)
      const emulator = yield* Emulator.make({ projectId: P, managementKey: K, seed })
      const login = yield* request(emulator, "POST", "/v1/auth/password/signin", {
        body: { loginId: "ada@example.com", password: "Secret-12345" }
      })
      assert.strictEqual(login.status, 200)
      const body = login.body as { sessionJwt: string; user: Record<string, unknown>; firstSeen: boolean }
      assert.include(body.user, { name: "Ada", email: "ada@example.com", verifiedEmail: true })
      assert.deepStrictEqual(body.user.customAttributes, { plan: "pro" })
      const claims = JSON.parse(Buffer.from(body.sessionJwt.split(".")[1]!, "base64url").toString()) as {
        roles: Array<string>
        permissions: Array<string>
        tenants: Record<string, { roles: Array<string>; permissions: Array<string> }>
      }
      assert.deepStrictEqual(claims.roles, ["reader"])
      assert.deepStrictEqual(claims.permissions, ["docs.read"])
      assert.deepStrictEqual(claims.tenants.acme, { roles: ["acme-admin"], permissions: ["docs.read", "docs.write"] })
      const wrong = yield* request(emulator, "POST", "/v1/auth/password/signin", {
        body: { loginId: "ada@example.com", password: "nope" }
      })
      assert.strictEqual(wrong.status, 401)

      const exchanged = yield* request(emulator, "POST", "/v1/auth/accesskey/exchange", {
        token: "K2my-ci-key-of-my-own-choice",
        body: {}
      })
      assert.strictEqual(exchanged.status, 200)

      const sso = yield* request(emulator, "GET", "/v2/mgmt/sso/settings?tenantId=acme", { managementKey: K })
      assert.include((sso.body as { saml: Record<string, unknown> }).saml, {
        idpSSOUrl: "https://idp.example/sso",
        idpEntityId: "idp-entity"
      })
      // the configuration's XAA settings, with its role mapping (the tenant's role, by its id)
      const xaa = yield* request(emulator, "GET", "/v1/mgmt/sso/xaa/settings?tenantId=acme", { managementKey: K })
      const roles = yield* request(emulator, "GET", "/v1/mgmt/role/all", { managementKey: K })
      const adminId = (roles.body as { roles: Array<{ id: string; name: string }> }).roles
        .find((r) => r.name === "acme-admin")?.id
      assert.deepStrictEqual(
        {
          enabled: (xaa.body as { enabled: boolean }).enabled,
          settings: (xaa.body as { settings: unknown }).settings,
          groupsMapping: (xaa.body as { groupsMapping: unknown }).groupsMapping
        },
        {
          enabled: true,
          settings: { issuers: { "https://idp.example": { jwksUri: "https://idp.example/jwks" } } },
          groupsMapping: [{ role: { id: adminId, name: "acme-admin" }, groups: ["admins"] }]
        }
      )
      const check = yield* request(emulator, "POST", "/v1/mgmt/fga/check", {
        managementKey: K,
        body: {
          tuples: [{ resource: "doc1", resourceType: "doc", relation: "can_view", target: "ada", targetType: "user" }]
        }
      })
      assert.strictEqual((check.body as { tuples: Array<{ allowed: boolean }> }).tuples[0]?.allowed, true)
      const disabled = yield* request(emulator, "GET", "/v1/mgmt/user?loginId=%2B15550009999", { managementKey: K })
      assert.strictEqual((disabled.body as { user: { status: string } }).user.status, "disabled")
      // a reset forgets it all, the relations too
      yield* emulator.reset()
      assert.deepStrictEqual(yield* emulator.exportProject(), {})
    }))

  it.scoped("export → import → export gives the same document, with hashes and no secrets", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make({ projectId: P, managementKey: K, seed: yield* Emulator.Seed.decode(SEED) })
      yield* request(emulator, "POST", "/v1/mgmt/sso/oidc", {
        managementKey: K,
        body: {
          tenantId: "acme",
          ssoId: "oidc",
          settings: { name: "O", clientId: "cid", clientSecret: "TOP-SECRET", authUrl: "https://idp/auth" }
        }
      })
      const first = yield* emulator.exportProject()
      const text = JSON.stringify(first)
      assert.notInclude(text, "Secret-12345")
      assert.notInclude(text, "K2my-ci-key-of-my-own-choice")
      assert.notInclude(text, "TOP-SECRET")
      assert.match(text, /"passwordHash":"scrypt\$/)

      yield* emulator.addProject("P2SeedCopy000000000000000000")
      yield* emulator.importProject(first, "P2SeedCopy000000000000000000")
      const second = yield* emulator.exportProject("P2SeedCopy000000000000000000")
      assert.deepStrictEqual(second, first)
      assert.strictEqual(JSON.stringify(second), text)
      // and the copy works: the password and the access key of the seed
      const login = yield* request(emulator, "POST", "/v1/auth/password/signin", {
        projectId: "P2SeedCopy000000000000000000",
        body: { loginId: "ada@example.com", password: "Secret-12345" }
      })
      assert.strictEqual(login.status, 200)
      const exchanged = yield* request(emulator, "POST", "/v1/auth/accesskey/exchange", {
        projectId: "P2SeedCopy000000000000000000",
        token: "K2my-ci-key-of-my-own-choice",
        body: {}
      })
      assert.strictEqual(exchanged.status, 200)
      const xaa = yield* request(emulator, "GET", "/v1/mgmt/sso/xaa/settings?tenantId=acme", {
        projectId: "P2SeedCopy000000000000000000",
        managementKey: K
      })
      assert.strictEqual((xaa.body as { enabled: boolean }).enabled, true)

      // import replaces: what the export did not have is gone
      yield* emulator.importProject({ users: [{ loginId: "only@example.com" }] }, "P2SeedCopy000000000000000000")
      const replaced = yield* emulator.exportProject("P2SeedCopy000000000000000000")
      assert.deepStrictEqual(replaced.users?.map((u) => u.loginId), ["only@example.com"])
      assert.isUndefined(replaced.tenants)
      assert.isUndefined(replaced.fga)
      const bad = yield* Effect.flip(emulator.importProject({ tenants: [{ name: "no id" }] }))
      assert.strictEqual(bad.path, "tenants[0].id")
    }))
})

describe("per-test isolation through the control API (node-sdk)", () => {
  const runtime = ManagedRuntime.make(Emulator.layerServer().pipe(Layer.provideMerge(Emulator.layer())))
  afterAll(() => runtime.dispose())

  it("creates a fresh seeded project, uses it, exports, imports and deletes it", async () => {
    const { baseUrl } = await runtime.runPromise(Emulator.EmulatorServer)
    const post = (path: string, body: unknown) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" }
      })
    const created = await post("/emulator/projects", { seed: SEED })
    assert.strictEqual(created.status, 200)
    const { managementKey, projectId } = (await created.json()) as { projectId: string; managementKey: string }
    assert.match(projectId, /^P2[A-Za-z0-9]{26}$/)
    const other = (await (await post("/emulator/projects", {})).json()) as { projectId: string }
    assert.notStrictEqual(other.projectId, projectId)

    const sdk = DescopeClient({ projectId, managementKey, baseUrl })
    const tenant = await sdk.management.tenant.load("acme")
    assert.strictEqual(tenant.data?.name, "Acme")
    const signIn = await sdk.password.signIn("ada@example.com", "Secret-12345")
    assert.isTrue(signIn.ok)
    // the other project shares nothing
    const otherSdk = DescopeClient({ projectId: other.projectId, managementKey, baseUrl })
    assert.isFalse((await otherSdk.management.tenant.load("acme")).ok)

    const exported = await fetch(`${baseUrl}/emulator/export?projectId=${projectId}`).then((r) => r.json())
    assert.strictEqual((await post(`/emulator/import?projectId=${other.projectId}`, exported)).status, 200)
    assert.strictEqual((await otherSdk.management.tenant.load("acme")).data?.name, "Acme")
    const bad = await post(`/emulator/import?projectId=${other.projectId}`, { users: [{ loginId: "x", emial: "y" }] })
    assert.strictEqual(bad.status, 400)
    assert.match(((await bad.json()) as { errorMessage: string }).errorMessage, /users\[0\]\.emial/)

    const removed = await fetch(`${baseUrl}/emulator/projects/${projectId}`, { method: "DELETE" })
    assert.strictEqual(removed.status, 200)
    assert.isFalse((await sdk.management.tenant.load("acme")).ok)
    assert.strictEqual((await fetch(`${baseUrl}/emulator/projects/${projectId}`, { method: "DELETE" })).status, 404)
    const info = (await fetch(`${baseUrl}/emulator`).then((r) => r.json())) as { defaultProjectId: string }
    const keepDefault = await fetch(`${baseUrl}/emulator/projects/${info.defaultProjectId}`, { method: "DELETE" })
    assert.strictEqual(keepDefault.status, 400)
  })
})

describe("descope-emulator --seed / --export-on-exit / --import", () => {
  beforeAll(() => buildDist(), 60_000)
  const BASE = /base URL: +(http:\/\/127\.0\.0\.1:\d+)/

  it("serves a YAML seed, exports every project (state and snapshot directory) on exit, and imports both", async () => {
    const dir = tempDir("seed-")
    const seedFile = Path.join(dir, "seed.yaml")
    Fs.writeFileSync(
      seedFile,
      [
        "tenants:",
        "  - id: acme",
        "    name: Acme",
        "users:",
        "  - loginId: ada@example.com",
        "    password: Secret-12345"
      ].join("\n")
    )
    const out = Path.join(dir, "export")
    const first = runCli(["--port", "0", "--quiet", "--seed", seedFile, "--export-on-exit", out])
    const [, baseUrl = ""] = await first.waitFor(BASE)
    const sdk = DescopeClient({
      projectId: Emulator.DEFAULT_PROJECT_ID,
      baseUrl,
      managementKey: Emulator.DEFAULT_MANAGEMENT_KEY
    })
    assert.isTrue((await sdk.password.signIn("ada@example.com", "Secret-12345")).ok)
    await fetch(`${baseUrl}/emulator/projects`, {
      method: "POST",
      body: JSON.stringify({ projectId: "P2SecondSeeded00000000000000" })
    })
    first.child.kill("SIGTERM")
    assert.deepStrictEqual(await first.exited(), { code: 0, signal: null })
    const files = Fs.readdirSync(out).sort()
    assert.deepStrictEqual(files, [
      Emulator.DEFAULT_PROJECT_ID,
      `${Emulator.DEFAULT_PROJECT_ID}.json`,
      "P2SecondSeeded00000000000000",
      "P2SecondSeeded00000000000000.json"
    ])
    // each project's Descope snapshot beside its state: its files, as a real project's export holds them
    assert.deepStrictEqual(
      JSON.parse(Fs.readFileSync(Path.join(out, Emulator.DEFAULT_PROJECT_ID, "project.json"), "utf8")),
      { name: Emulator.DEFAULT_PROJECT_ID, tags: [] }
    )
    Fs.mkdirSync(Path.join(out, Emulator.DEFAULT_PROJECT_ID, "assets"))
    Fs.writeFileSync(Path.join(out, Emulator.DEFAULT_PROJECT_ID, "assets", "logo.png"), Buffer.from([0x89, 0xff]))
    const exported = Fs.readFileSync(Path.join(out, `${Emulator.DEFAULT_PROJECT_ID}.json`), "utf8")
    assert.notInclude(exported, "Secret-12345")

    const second = runCli(["--port", "0", "--quiet", "--import", out])
    const [, url2 = ""] = await second.waitFor(BASE)
    const again = DescopeClient({
      projectId: Emulator.DEFAULT_PROJECT_ID,
      baseUrl: url2,
      managementKey: Emulator.DEFAULT_MANAGEMENT_KEY
    })
    assert.isTrue((await again.password.signIn("ada@example.com", "Secret-12345")).ok)
    assert.strictEqual((await again.management.tenant.load("acme")).data?.name, "Acme")
    const info = (await fetch(`${url2}/emulator`).then((r) => r.json())) as { projectIds: Array<string> }
    assert.include(info.projectIds, "P2SecondSeeded00000000000000")
    const reexport = await fetch(`${url2}/emulator/export`).then((r) => r.text())
    assert.strictEqual(JSON.stringify(JSON.parse(reexport), null, 2) + "\n", exported)
    // the snapshot directory was imported too: the asset added to it is in the project's snapshot
    const snapshot = await again.management.project.exportSnapshot()
    assert.strictEqual(
      (snapshot.data as { files: Record<string, unknown> } | undefined)?.files["assets/logo.png"],
      Buffer.from([0x89, 0xff]).toString("base64")
    )
    second.child.kill("SIGTERM")
    await second.exited()
  })

  it("a seed that does not fit is one line naming the file and the field, exit code 2", async () => {
    const dir = tempDir("seed-bad-")
    const seedFile = Path.join(dir, "seed.json")
    Fs.writeFileSync(seedFile, JSON.stringify({ users: [{ loginId: "a", roleNames: ["ghost"] }] }))
    const cli = runCli(["--port", "0", "--seed", seedFile])
    const exit = await cli.exited()
    assert.strictEqual(exit.code, 2)
    assert.strictEqual(
      cli.stderr().trim(),
      `descope-emulator: ${seedFile}: users[0].roleNames[0]: no project role "ghost" in the seed`
    )
  })
})
