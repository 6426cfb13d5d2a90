// Recorded-wire rows of client.mgmt.user, part 1: the life cycle, search and batches. Each row is
// one client operation (or a variant of one) with the exact request it sends (method, path, query,
// JSON body, written as literals) and the decoding of its answer; test/management-user-wire.test.ts
// runs them and checks that they cover every user endpoint of the catalogue.
import { assert } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { isUser, isVoid, type Row } from "../management.js"

export const USER = {
  userId: "U1",
  loginIds: ["ada@example.com"],
  email: "ada@example.com",
  name: "Ada",
  status: "enabled",
  createdTime: 1700000000,
  userTenants: [{ tenantId: "T1", roleNames: ["admin"], tenantName: "Acme" }]
}
export const USER_RESPONSE = { user: USER }

/** A user answer decoded whole, `modifiedTime` (management answers only) included. */
const isModifiedUser = (result: unknown) => {
  isUser(result)
  assert.strictEqual((result as { modifiedTime?: number }).modifiedTime, 1700000500)
}

export const lifeCycleRows: ReadonlyArray<Row> = [
  {
    name: "user.create",
    run: (m) =>
      m.user.create({
        loginId: "ada@example.com",
        email: "ada@example.com",
        phone: "+15555550100",
        displayName: "Ada",
        givenName: "Ada",
        familyName: "Lovelace",
        roleNames: ["admin"],
        userTenants: [{ tenantId: "T1", roleNames: ["r1"] }, { tenantId: "T2" }],
        customAttributes: { plan: "pro" },
        picture: "https://example.com/ada.png",
        verifiedEmail: true,
        additionalLoginIds: ["ada2"],
        ssoAppIds: ["app1"]
      }),
    method: "POST",
    path: "/v1/mgmt/user/create",
    body: {
      loginId: "ada@example.com",
      email: "ada@example.com",
      phone: "+15555550100",
      displayName: "Ada",
      givenName: "Ada",
      familyName: "Lovelace",
      roleNames: ["admin"],
      userTenants: [{ tenantId: "T1", roleNames: ["r1"] }, { tenantId: "T2", roleNames: [] }],
      customAttributes: { plan: "pro" },
      picture: "https://example.com/ada.png",
      verifiedEmail: true,
      additionalLoginIds: ["ada2"],
      ssoAppIds: ["app1"]
    },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.createTestUser",
    run: (m) => m.user.createTestUser({ loginId: "test1", email: "t@example.com" }),
    method: "POST",
    path: "/v1/mgmt/user/create/test",
    body: { loginId: "test1", email: "t@example.com", test: true },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.invite",
    run: (m) =>
      m.user.invite({
        loginId: "ada@example.com",
        inviteUrl: "https://app.example.com/invite",
        sendMail: true,
        sendSms: false,
        templateId: "tpl1",
        locale: "fr"
      }),
    method: "POST",
    path: "/v1/mgmt/user/create",
    body: {
      loginId: "ada@example.com",
      invite: true,
      inviteUrl: "https://app.example.com/invite",
      sendMail: true,
      sendSMS: false,
      templateId: "tpl1",
      locale: "fr"
    },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.update",
    run: (m) => m.user.update({ loginId: "U1", displayName: "Ada L", roleNames: [] }),
    method: "POST",
    path: "/v1/mgmt/user/update",
    body: { loginId: "U1", displayName: "Ada L", roleNames: [] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.patch",
    run: (m) => m.user.patch({ loginId: "ada@example.com", givenName: "Ada", status: "disabled", test: false }),
    method: "PATCH",
    path: "/v1/mgmt/user/patch",
    body: { loginId: "ada@example.com", givenName: "Ada", status: "disabled" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.delete",
    run: (m) => m.user.delete("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/delete",
    body: { loginId: "ada@example.com" },
    check: isVoid
  },
  {
    name: "user.deleteByUserId",
    run: (m) => m.user.deleteByUserId("U1"),
    method: "POST",
    path: "/v1/mgmt/user/delete",
    body: { userId: "U1" },
    check: isVoid
  },
  {
    name: "user.deleteAllTestUsers",
    run: (m) => m.user.deleteAllTestUsers(),
    method: "DELETE",
    path: "/v1/mgmt/user/test/delete/all",
    check: isVoid
  },
  {
    name: "user.load",
    run: (m) => m.user.load("ada+1@example.com"),
    method: "GET",
    path: "/v1/mgmt/user",
    query: { loginId: "ada+1@example.com" },
    response: { user: { ...USER, modifiedTime: 1700000500 } },
    check: isModifiedUser
  },
  {
    name: "user.loadByUserId",
    run: (m) => m.user.loadByUserId("U1"),
    method: "GET",
    path: "/v1/mgmt/user",
    query: { userId: "U1" },
    response: { user: { ...USER, modifiedTime: 1700000500 } },
    check: isModifiedUser
  },
  {
    name: "user.loadUsers",
    run: (m) => m.user.loadUsers({ userIds: ["U1"], includeInvalidUsers: true }),
    method: "POST",
    path: "/v1/mgmt/users/load",
    body: { userIds: ["U1"], includeInvalidUsers: true },
    response: { users: [USER] },
    check: (result) => isUser((result as ReadonlyArray<unknown>)[0])
  },
  {
    name: "user.searchAll",
    run: (m) =>
      m.user.searchAll({
        tenantIds: ["T1"],
        roleNames: ["admin"],
        limit: 50,
        page: 2,
        statuses: ["enabled", "invited"],
        text: "ada",
        sort: [{ field: "name", desc: true }],
        fromCreatedTime: 1700000000000,
        tenantRoleNames: { T1: { values: ["admin"], and: true } }
      }),
    method: "POST",
    path: "/v2/mgmt/user/search",
    body: {
      tenantIds: ["T1"],
      roleNames: ["admin"],
      statuses: ["enabled", "invited"],
      sort: [{ field: "name", desc: true }],
      text: "ada",
      fromCreatedTime: 1700000000000,
      tenantRoleNames: { T1: { values: ["admin"], and: true } },
      limit: 50,
      page: 2
    },
    response: { users: [USER], total: 101 },
    check: (result) => {
      const r = result as { users: ReadonlyArray<unknown>; total: number }
      isUser(r.users[0])
      assert.strictEqual(r.total, 101)
    }
  },
  {
    name: "user.searchAllTestUsers",
    run: (m) => m.user.searchAllTestUsers({ limit: 10 }),
    method: "POST",
    path: "/v2/mgmt/user/search/test",
    body: { limit: 10, withTestUser: true, testUsersOnly: true },
    response: { users: [], total: 0 },
    check: (result) => assert.deepStrictEqual(result, { users: [], total: 0 })
  },
  {
    name: "user.search",
    run: (m) => Stream.runCollect(m.user.search({ tenantIds: ["T1"], text: "ada", pageSize: 2 })),
    method: "POST",
    path: "/v2/mgmt/user/search",
    body: { tenantIds: ["T1"], text: "ada", limit: 2, page: 0 },
    response: { users: [USER], total: 1 },
    check: (result) => {
      const users = Chunk.toReadonlyArray(result as Chunk.Chunk<unknown>)
      assert.strictEqual(users.length, 1)
      isUser(users[0])
    }
  },
  {
    name: "user.inviteBatch",
    run: (m) =>
      m.user.inviteBatch({
        users: [{ loginId: "a@example.com", roleNames: ["r"] }, { loginId: "b@example.com", email: "b@example.com" }],
        inviteUrl: "https://app.example.com/invite",
        sendMail: true
      }),
    method: "POST",
    path: "/v1/mgmt/user/create/batch",
    body: {
      users: [{ loginId: "a@example.com", roleNames: ["r"] }, { loginId: "b@example.com", email: "b@example.com" }],
      invite: true,
      inviteUrl: "https://app.example.com/invite",
      sendMail: true
    },
    response: {
      createdUsers: [USER],
      failedUsers: [{ failure: "exists", user: { userId: "U2", loginIds: ["b@example.com"] } }]
    },
    check: (result) => {
      const r = result as {
        createdUsers: ReadonlyArray<{ userId: string }>
        failedUsers: ReadonlyArray<{ failure: string }>
      }
      assert.strictEqual(r.createdUsers[0]?.userId, "U1")
      assert.strictEqual(r.failedUsers[0]?.failure, "exists")
    }
  },
  {
    name: "user.createBatch",
    run: (m) =>
      m.user.createBatch([
        { loginId: "a@example.com", password: Redacted.make("s3cret!"), status: "enabled" },
        { loginId: "b@example.com", hashedPassword: { bcrypt: { hash: "$2a$10$abc" } } }
      ]),
    method: "POST",
    path: "/v1/mgmt/user/create/batch",
    body: {
      users: [
        { loginId: "a@example.com", password: "s3cret!", status: "enabled" },
        { loginId: "b@example.com", hashedPassword: { bcrypt: { hash: "$2a$10$abc" } } }
      ]
    },
    response: { createdUsers: [USER], failedUsers: [] },
    check: (result) => assert.strictEqual((result as { createdUsers: ReadonlyArray<unknown> }).createdUsers.length, 1)
  },
  {
    name: "user.deleteBatch",
    run: (m) => m.user.deleteBatch(["U1", "U2"]),
    method: "POST",
    path: "/v1/mgmt/user/delete/batch",
    body: { userIds: ["U1", "U2"] },
    check: isVoid
  },
  {
    name: "user.patchBatch",
    run: (m) =>
      m.user.patchBatch({
        users: [
          { loginId: "ada@example.com", displayName: "Ada L", userTenants: [{ tenantId: "T1" }] },
          { loginId: "U2", status: "disabled", ssoAppIds: ["app1"] }
        ]
      }),
    method: "PATCH",
    path: "/v1/mgmt/user/patch/batch",
    body: {
      users: [
        { loginId: "ada@example.com", displayName: "Ada L", userTenants: [{ tenantId: "T1", roleNames: [] }] },
        { loginId: "U2", status: "disabled", ssoAppIds: ["app1"] }
      ]
    },
    response: {
      patchedUsers: [USER],
      failedUsers: [{ failure: "not found", user: { loginIds: ["U2"], status: "disabled" } }],
      additionalErrors: { U2: "not found" }
    },
    check: (result) => {
      const r = result as {
        patchedUsers: ReadonlyArray<unknown>
        failedUsers: ReadonlyArray<{ failure: string; user: { userId?: string; loginIds: ReadonlyArray<string> } }>
        additionalErrors: Record<string, string>
      }
      isUser(r.patchedUsers[0])
      assert.strictEqual(r.failedUsers[0]?.failure, "not found")
      assert.deepStrictEqual(r.failedUsers[0]?.user.loginIds, ["U2"])
      assert.isUndefined(r.failedUsers[0]?.user.userId)
      assert.deepStrictEqual(r.additionalErrors, { U2: "not found" })
    }
  },
  {
    name: "user.patchBatch (test users)",
    run: (m) => m.user.patchBatch({ users: [{ loginId: "t1", givenName: "T" }], test: true }),
    method: "PATCH",
    path: "/v1/mgmt/user/patch/batch",
    body: { users: [{ loginId: "t1", givenName: "T", test: true }] },
    response: { patchedUsers: [], failedUsers: [] }
  },
  {
    name: "user.importUsers (text payloads)",
    run: (m) =>
      m.user.importUsers({
        source: "auth0",
        users: "[{\"email\":\"ada@example.com\"}]",
        hashes: Redacted.make("{\"hash\":\"$2a$10$abc\"}")
      }),
    method: "POST",
    path: "/v1/mgmt/user/import",
    body: {
      source: "auth0",
      users: "[{\"email\":\"ada@example.com\"}]",
      hashes: "{\"hash\":\"$2a$10$abc\"}",
      dryrun: false
    },
    response: { users: [USER], failures: [{ user: "bob@example.com", reason: "duplicate" }] },
    check: (result) => {
      const r = result as { users: ReadonlyArray<unknown>; failures: ReadonlyArray<unknown> }
      isUser(r.users[0])
      assert.deepStrictEqual(r.failures, [{ user: "bob@example.com", reason: "duplicate" }])
    }
  },
  {
    name: "user.importUsers (bytes are base64, dry run)",
    run: (m) => m.user.importUsers({ source: "cognito", users: new Uint8Array([123, 125]), dryrun: true }),
    method: "POST",
    path: "/v1/mgmt/user/import",
    body: { source: "cognito", users: "e30=", dryrun: true },
    response: {},
    check: (result) => assert.deepStrictEqual(result, {})
  },
  {
    name: "user.create with a status",
    run: (m) => m.user.create({ loginId: "ada@example.com", status: "disabled" }),
    method: "POST",
    path: "/v1/mgmt/user/create",
    body: { loginId: "ada@example.com", status: "disabled" },
    response: { user: { ...USER, status: "disabled" } },
    check: isUser
  },
  {
    name: "user.createTestUser with a status",
    run: (m) => m.user.createTestUser({ loginId: "ada@example.com", status: "invited" }),
    method: "POST",
    path: "/v1/mgmt/user/create/test",
    body: { loginId: "ada@example.com", status: "invited", test: true },
    response: { user: { ...USER, status: "disabled" } },
    check: isUser
  }
]
