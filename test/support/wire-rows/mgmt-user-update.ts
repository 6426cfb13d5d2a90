// Recorded-wire rows of client.mgmt.user, part 2: single-field updates, credentials and sessions,
// test users and the custom attribute schema (see test/support/wire-rows/mgmt-user.ts).
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import { isUser, isVoid, type Row } from "../management.js"
import { USER_RESPONSE } from "./mgmt-user.js"

export const attributeRows: ReadonlyArray<Row> = [
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
      m.user.updateEmail({
        loginId: "ada@example.com",
        email: "ada@new.example.com",
        verified: true,
        failOnConflict: true
      }),
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
      assert.strictEqual(
        Redacted.value((result as { link: Redacted.Redacted<string> }).link),
        "https://app.example.com/verify?t=abc"
      )
  },
  {
    name: "user.generateEnchantedLinkForTestUser",
    run: (m) => m.user.generateEnchantedLinkForTestUser({ loginId: "test1", uri: "https://app.example.com/verify" }),
    method: "POST",
    path: "/v1/mgmt/tests/generate/enchantedlink",
    body: { loginId: "test1", URI: "https://app.example.com/verify" },
    response: { loginId: "test1", link: "https://app.example.com/verify?t=abc", pendingRef: "pr1" },
    check: (result) =>
      assert.strictEqual(Redacted.value((result as { pendingRef: Redacted.Redacted<string> }).pendingRef), "pr1")
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
  },
  {
    name: "user.getCustomAttributes",
    run: (m) => m.user.getCustomAttributes(),
    method: "GET",
    path: "/v1/mgmt/user/customattributes",
    response: { data: [{ name: "plan", displayName: "Plan", type: 1, options: [{ label: "Pro", value: "pro" }] }] },
    check: (result) =>
      assert.deepStrictEqual(result, [
        { name: "plan", displayName: "Plan", type: 1, options: [{ label: "Pro", value: "pro" }] }
      ])
  },
  {
    name: "user.createCustomAttributes",
    run: (m) =>
      m.user.createCustomAttributes([
        { name: "plan", displayName: "Plan", type: 1, options: [{ label: "Pro", value: "pro" }] },
        { name: "age", type: 2, viewPermissions: ["users.read"] }
      ]),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/create",
    body: {
      attributes: [
        { name: "plan", displayName: "Plan", type: 1, options: [{ label: "Pro", value: "pro" }] },
        { name: "age", type: 2, viewPermissions: ["users.read"] }
      ]
    },
    response: { data: [{ name: "plan", type: "1" }, { name: "age", type: 2 }] },
    check: (result) => assert.deepStrictEqual(result, [{ name: "plan", type: "1" }, { name: "age", type: 2 }])
  },
  {
    name: "user.createCustomAttribute (one attribute, Descope's type name)",
    run: (m) => m.user.createCustomAttribute("tier", "Tier", "multiselect", ["gold", { label: "Silver", value: "s" }]),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/create",
    body: {
      attributes: [{
        name: "tier",
        displayName: "Tier",
        type: "multiselect",
        options: [{ label: "gold", value: "gold" }, { label: "Silver", value: "s" }]
      }]
    },
    response: { data: [{ name: "tier", type: "multiselect" }] },
    check: (result) => assert.deepStrictEqual(result, [{ name: "tier", type: "multiselect" }])
  },
  {
    name: "user.deleteCustomAttributes",
    run: (m) => m.user.deleteCustomAttributes(["plan", "age"]),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/delete",
    body: { names: ["plan", "age"] },
    response: { data: [] },
    check: (result) => assert.deepStrictEqual(result, [])
  },
  {
    name: "user.listPasskeys",
    run: (m) => m.user.listPasskeys("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/passkeys/list",
    body: { loginId: "ada@example.com" },
    response: {
      passkeys: [{ id: "PK1", rpId: "example.com", kind: "platform", displayName: "MacBook", createdTime: 1700000000 }]
    },
    check: (result) =>
      assert.deepStrictEqual(result, [
        { id: "PK1", rpId: "example.com", kind: "platform", displayName: "MacBook", createdTime: 1700000000 }
      ])
  },
  {
    name: "user.removePasskey",
    run: (m) => m.user.removePasskey({ loginId: "ada@example.com", credentialId: "cred-1" }),
    method: "POST",
    path: "/v1/mgmt/user/passkey/delete",
    body: { loginId: "ada@example.com", credentialId: "cred-1" },
    check: isVoid
  },
  {
    name: "user.listTrustedDevices",
    run: (m) => m.user.listTrustedDevices(["ada@example.com", "U2"]),
    method: "POST",
    path: "/v1/mgmt/user/trusteddevices/list",
    body: { identifiers: ["ada@example.com", "U2"] },
    response: {
      devices: [
        {
          id: "D1",
          name: "Chrome",
          deviceType: "desktop",
          lastLoginTime: 1700000100,
          expirationTime: 1702592100,
          lastLocation: "Paris"
        }
      ]
    },
    check: (result) =>
      assert.deepStrictEqual(result, [
        {
          id: "D1",
          name: "Chrome",
          deviceType: "desktop",
          lastLoginTime: 1700000100,
          expirationTime: 1702592100,
          lastLocation: "Paris"
        }
      ])
  },
  {
    name: "user.removeTrustedDevices",
    run: (m) => m.user.removeTrustedDevices({ loginId: "ada@example.com", deviceIds: ["D1", "D2"] }),
    method: "POST",
    path: "/v1/mgmt/user/trusteddevices/remove",
    body: { identifier: "ada@example.com", deviceIds: ["D1", "D2"] },
    check: isVoid
  },
  {
    name: "user.removeRecoveryCodes",
    run: (m) => m.user.removeRecoveryCodes("ada@example.com"),
    method: "POST",
    path: "/v1/mgmt/user/recovery-codes/delete",
    body: { loginId: "ada@example.com" },
    check: isVoid
  },
  {
    name: "user.updateRecoveryEmail",
    run: (m) => m.user.updateRecoveryEmail({ loginId: "ada@example.com", email: "backup@example.com", verified: true }),
    method: "POST",
    path: "/v1/mgmt/user/update/recovery/email",
    body: { loginId: "ada@example.com", recoveryEmail: "backup@example.com", verified: true },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updateRecoveryPhone",
    run: (m) => m.user.updateRecoveryPhone({ loginId: "ada@example.com", phone: "+15555550199" }),
    method: "POST",
    path: "/v1/mgmt/user/update/recovery/phone",
    body: { loginId: "ada@example.com", recoveryPhone: "+15555550199" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.updateUserNames",
    run: (m) => m.user.updateUserNames({ loginId: "ada@example.com", givenName: "Ada", familyName: "Lovelace" }),
    method: "POST",
    path: "/v1/mgmt/user/update/name",
    body: { loginId: "ada@example.com", givenName: "Ada", familyName: "Lovelace" },
    response: USER_RESPONSE,
    check: isUser
  },
  {
    name: "user.setPassword (deprecated)",
    run: (m) => m.user.setPassword({ loginId: "ada@example.com", password: Redacted.make("Temp-pass-1") }),
    method: "POST",
    path: "/v1/mgmt/user/password/set",
    body: { loginId: "ada@example.com", password: "Temp-pass-1" },
    check: isVoid
  },
  {
    name: "user.createCustomAttribute with a select type",
    run: (m) =>
      m.user.createCustomAttribute("plan", "Plan", "singleselect", ["free", { label: "Pro plan", value: "pro" }]),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/create",
    body: {
      attributes: [{
        name: "plan",
        displayName: "Plan",
        type: "singleselect",
        options: [{ label: "free", value: "free" }, { label: "Pro plan", value: "pro" }]
      }]
    },
    response: { data: [{ name: "plan", displayName: "Plan", type: "singleselect" }] },
    check: (result) => assert.deepStrictEqual(result, [{ name: "plan", displayName: "Plan", type: "singleselect" }])
  },
  {
    name: "user.createCustomAttribute without options",
    run: (m) => m.user.createCustomAttribute("birthday", "Birthday", "date"),
    method: "POST",
    path: "/v1/mgmt/user/customattribute/create",
    body: { attributes: [{ name: "birthday", displayName: "Birthday", type: "date" }] },
    response: { data: [] }
  }
]
