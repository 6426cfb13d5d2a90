// A recorded-request test for every user management operation: exact method, path,
// query, JSON body and headers, with the expected values written as literals
// from the wire catalogue (§10), and the decoding of each answer. The other
// areas: test/management-wire-<area>.test.ts, tables over the catalogue.
import { assert, describe, it } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isUser, isVoid, type Row, runRow } from "./management-support.js"

const USER = {
  userId: "U1",
  loginIds: ["ada@example.com"],
  email: "ada@example.com",
  name: "Ada",
  status: "enabled",
  createdTime: 1700000000,
  userTenants: [{ tenantId: "T1", roleNames: ["admin"], tenantName: "Acme" }]
}
const USER_RESPONSE = { user: USER }

const userRows: ReadonlyArray<Row> = [
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
      const r = result as { createdUsers: ReadonlyArray<{ userId: string }>; failedUsers: ReadonlyArray<{ failure: string }> }
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
    name: "user.deleteBatch",
    run: (m) => m.user.deleteBatch(["U1", "U2"]),
    method: "POST",
    path: "/v1/mgmt/user/delete/batch",
    body: { userIds: ["U1", "U2"] },
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
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.loadByUserId",
    run: (m) => m.user.loadByUserId("U1"),
    method: "GET",
    path: "/v1/mgmt/user",
    query: { userId: "U1" },
    response: USER_RESPONSE,
    check: isUser
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
    name: "user.getProviderToken",
    run: (m) => m.user.getProviderToken({ loginId: "ada@example.com", provider: "google", withRefreshToken: true }),
    method: "GET",
    path: "/v1/mgmt/user/provider/token",
    query: { loginId: "ada@example.com", provider: "google", withRefreshToken: "true", forceRefresh: "false" },
    response: {
      provider: "google",
      providerUserId: "g-1",
      accessToken: "ya29.secret",
      expiration: 1700003600,
      scopes: ["email"],
      refreshToken: "1//refresh"
    },
    check: (result) => {
      const r = result as { accessToken: Redacted.Redacted<string>; refreshToken: Redacted.Redacted<string> }
      assert.strictEqual(Redacted.value(r.accessToken), "ya29.secret")
      assert.strictEqual(String(r.accessToken), "<redacted>")
      assert.strictEqual(Redacted.value(r.refreshToken), "1//refresh")
    }
  },
  {
    name: "user.activate",
    run: (m) => m.user.activate("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/update/status",
    body: { loginId: "ada@example.com", status: "enabled" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.deactivate",
    run: (m) => m.user.deactivate("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/update/status",
    body: { loginId: "ada@example.com", status: "disabled" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updateLoginId",
    run: (m) => m.user.updateLoginId({ loginId: "ada@example.com", newLoginId: "ada@new.example.com" }),
    method: "POST",
    path: "/v1/mgmt/user/update/loginid",
    body: { loginId: "ada@example.com", newLoginId: "ada@new.example.com" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updateEmail",
    run: (m) =>
      m.user.updateEmail({ loginId: "ada@example.com", email: "ada@new.example.com", verified: true, failOnConflict: true }),
    method: "POST",
    path: "/v1/mgmt/user/update/email",
    body: { loginId: "ada@example.com", email: "ada@new.example.com", verified: true, failOnConflict: true },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updatePhone",
    run: (m) => m.user.updatePhone({ loginId: "ada@example.com", phone: "+15555550101", verified: false }),
    method: "POST",
    path: "/v1/mgmt/user/update/phone",
    body: { loginId: "ada@example.com", phone: "+15555550101", verified: false },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updateDisplayName",
    run: (m) => m.user.updateDisplayName({ loginId: "ada@example.com", displayName: "Ada L", middleName: "K" }),
    method: "POST",
    path: "/v1/mgmt/user/update/name",
    body: { loginId: "ada@example.com", displayName: "Ada L", middleName: "K" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updatePicture",
    run: (m) => m.user.updatePicture({ loginId: "ada@example.com", picture: "https://example.com/p.png" }),
    method: "POST",
    path: "/v1/mgmt/user/update/picture",
    body: { loginId: "ada@example.com", picture: "https://example.com/p.png" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updateCustomAttribute",
    run: (m) => m.user.updateCustomAttribute({ loginId: "ada@example.com", attributeKey: "seats", attributeVal: 5 }),
    method: "POST",
    path: "/v1/mgmt/user/update/customAttribute",
    body: { loginId: "ada@example.com", attributeKey: "seats", attributeValue: 5 },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.setRoles",
    run: (m) => m.user.setRoles({ loginId: "ada@example.com", roleNames: ["a", "b"] }),
    method: "POST",
    path: "/v1/mgmt/user/update/role/set",
    body: { loginId: "ada@example.com", roleNames: ["a", "b"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.addRoles",
    run: (m) => m.user.addRoles({ loginId: "ada@example.com", roleNames: ["a"] }),
    method: "POST",
    path: "/v2/mgmt/user/update/role/add",
    body: { loginId: "ada@example.com", roleNames: ["a"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.removeRoles",
    run: (m) => m.user.removeRoles({ loginId: "ada@example.com", roleNames: ["a"] }),
    method: "POST",
    path: "/v1/mgmt/user/update/role/remove",
    body: { loginId: "ada@example.com", roleNames: ["a"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.setSsoApps",
    run: (m) => m.user.setSsoApps({ loginId: "ada@example.com", ssoAppIds: ["app1"] }),
    method: "POST",
    path: "/v1/mgmt/user/update/ssoapp/set",
    body: { loginId: "ada@example.com", ssoAppIds: ["app1"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.addSsoApps",
    run: (m) => m.user.addSsoApps({ loginId: "ada@example.com", ssoAppIds: ["app1"] }),
    method: "POST",
    path: "/v1/mgmt/user/update/ssoapp/add",
    body: { loginId: "ada@example.com", ssoAppIds: ["app1"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.removeSsoApps",
    run: (m) => m.user.removeSsoApps({ loginId: "ada@example.com", ssoAppIds: ["app1"] }),
    method: "POST",
    path: "/v1/mgmt/user/update/ssoapp/remove",
    body: { loginId: "ada@example.com", ssoAppIds: ["app1"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.addTenant",
    run: (m) => m.user.addTenant({ loginId: "ada@example.com", tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/user/update/tenant/add",
    body: { loginId: "ada@example.com", tenantId: "T1" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.removeTenant",
    run: (m) => m.user.removeTenant({ loginId: "ada@example.com", tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/user/update/tenant/remove",
    body: { loginId: "ada@example.com", tenantId: "T1" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.setTenantRoles",
    run: (m) => m.user.setTenantRoles({ loginId: "ada@example.com", tenantId: "T1", roleNames: ["r1"] }),
    method: "POST",
    path: "/v1/mgmt/user/update/role/set",
    body: { loginId: "ada@example.com", tenantId: "T1", roleNames: ["r1"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.addTenantRoles",
    run: (m) => m.user.addTenantRoles({ loginId: "ada@example.com", tenantId: "T1", roleNames: ["r1"] }),
    method: "POST",
    path: "/v2/mgmt/user/update/role/add",
    body: { loginId: "ada@example.com", tenantId: "T1", roleNames: ["r1"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.removeTenantRoles",
    run: (m) => m.user.removeTenantRoles({ loginId: "ada@example.com", tenantId: "T1", roleNames: ["r1"] }),
    method: "POST",
    path: "/v1/mgmt/user/update/role/remove",
    body: { loginId: "ada@example.com", tenantId: "T1", roleNames: ["r1"] },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.setTemporaryPassword",
    run: (m) => m.user.setTemporaryPassword({ loginId: "ada@example.com", password: Redacted.make("Tmp-pass1") }),
    method: "POST",
    path: "/v1/mgmt/user/password/set/temporary",
    body: { loginId: "ada@example.com", password: "Tmp-pass1" },
    check: isVoid
  },
  {
    name: "user.setActivePassword",
    run: (m) => m.user.setActivePassword({ loginId: "ada@example.com", password: "Act-pass1" }),
    method: "POST",
    path: "/v1/mgmt/user/password/set/active",
    body: { loginId: "ada@example.com", password: "Act-pass1" },
    check: isVoid
  },
  {
    name: "user.expirePassword",
    run: (m) => m.user.expirePassword("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/password/expire",
    body: { loginId: "ada@example.com" },
    check: isVoid
  },
  {
    name: "user.removeAllPasskeys",
    run: (m) => m.user.removeAllPasskeys("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/passkeys/delete",
    body: { loginId: "ada@example.com" },
    check: isVoid
  },
  {
    name: "user.removeTotpSeed",
    run: (m) => m.user.removeTotpSeed("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/totp/delete",
    body: { loginId: "ada@example.com" },
    check: isVoid
  },
  {
    name: "user.logoutUser",
    run: (m) => m.user.logoutUser("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/logout",
    body: { loginId: "ada@example.com" },
    check: isVoid
  },
  {
    name: "user.logoutUserByUserId",
    run: (m) => m.user.logoutUserByUserId("U1"),
    method: "POST",
    path: "/v1/mgmt/user/logout",
    body: { userId: "U1" },
    check: isVoid
  },
  {
    name: "user.history",
    run: (m) => m.user.history(["U1", "U2"]),
    method: "POST",
    path: "/v1/mgmt/user/history",
    body: ["U1", "U2"],
    response: [{ userId: "U1", loginTime: 1700000000, city: "Paris", country: "FR", ip: "192.0.2.1" }],
    check: (result) =>
      assert.deepStrictEqual(result, [
        { userId: "U1", loginTime: 1700000000, city: "Paris", country: "FR", ip: "192.0.2.1" }
      ])
  },
  {
    name: "user.generateOtpForTestUser",
    run: (m) =>
      m.user.generateOtpForTestUser({
        method: "embedded",
        loginId: "test1",
        loginOptions: { customClaims: { k: "v" } }
      }),
    method: "POST",
    path: "/v1/mgmt/tests/generate/otp",
    body: { deliveryMethod: "Embedded", loginId: "test1", loginOptions: { customClaims: { k: "v" } } },
    response: { loginId: "test1", code: "123456" },
    check: (result) => {
      const r = result as { loginId: string; code: Redacted.Redacted<string> }
      assert.strictEqual(r.loginId, "test1")
      assert.strictEqual(Redacted.value(r.code), "123456")
      assert.strictEqual(String(r.code), "<redacted>")
    }
  },
  {
    name: "user.generateMagicLinkForTestUser",
    run: (m) =>
      m.user.generateMagicLinkForTestUser({ method: "sms", loginId: "test1", uri: "https://app.example.com/verify" }),
    method: "POST",
    path: "/v1/mgmt/tests/generate/magiclink",
    body: { deliveryMethod: "sms", loginId: "test1", URI: "https://app.example.com/verify" },
    response: { loginId: "test1", link: "https://app.example.com/verify?t=abc" },
    check: (result) =>
      assert.strictEqual(Redacted.value((result as { link: Redacted.Redacted<string> }).link), "https://app.example.com/verify?t=abc")
  },
  {
    name: "user.generateEnchantedLinkForTestUser",
    run: (m) => m.user.generateEnchantedLinkForTestUser({ loginId: "test1", uri: "https://app.example.com/verify" }),
    method: "POST",
    path: "/v1/mgmt/tests/generate/enchantedlink",
    body: { loginId: "test1", URI: "https://app.example.com/verify" },
    response: { loginId: "test1", link: "https://app.example.com/verify?t=abc", pendingRef: "pr1" },
    check: (result) => assert.strictEqual((result as { pendingRef: string }).pendingRef, "pr1")
  },
  {
    name: "user.generateEmbeddedLink",
    run: (m) => m.user.generateEmbeddedLink({ loginId: "ada@example.com", customClaims: { k: 1 }, timeout: 60 }),
    method: "POST",
    path: "/v1/mgmt/user/signin/embeddedlink",
    body: { loginId: "ada@example.com", customClaims: { k: 1 }, timeout: 60 },
    response: { token: "emb-token" },
    check: (result) => assert.strictEqual(Redacted.value(result as Redacted.Redacted<string>), "emb-token")
  },
  {
    name: "user.generateSignUpEmbeddedLink",
    run: (m) =>
      m.user.generateSignUpEmbeddedLink({
        loginId: "new@example.com",
        user: { name: "New", email: "new@example.com" },
        emailVerified: true
      }),
    method: "POST",
    path: "/v1/mgmt/user/signup/embeddedlink",
    body: { loginId: "new@example.com", user: { name: "New", email: "new@example.com" }, emailVerified: true },
    response: { token: "emb-token-2" },
    check: (result) => assert.strictEqual(Redacted.value(result as Redacted.Redacted<string>), "emb-token-2")
  }
]

for (
  const [area, rows] of [
    ["user", userRows]
  ] as const
) {
  describe(`mgmt.${area} wire`, () => {
    for (const row of rows) {
      it.effect(row.name, () => runRow(row))
    }
  })
}
