// Cross-check against the official SDK: every management operation that
// node-sdk also offers is run through both clients (node-sdk over a recording
// fetch, ours over the recording mock HttpClient) and the requests must be the
// same method, path, query and JSON body (fields node-sdk leaves undefined are
// dropped by JSON, so they are compared as absent).
import * as Redacted from "effect/Redacted"
import { type Case, type NodeManagement, oracleSuite, type Wire } from "./support/oracle.js"

const PASSWORD_SETTINGS = {
  enabled: true,
  minLength: 8,
  lowercase: true,
  uppercase: false,
  number: true,
  nonAlphaNumeric: false,
  expiration: true,
  expirationWeeks: 4,
  reuse: false,
  reuseAmount: 0,
  lock: true,
  lockAttempts: 5
}

const cases = (m: NodeManagement): ReadonlyArray<Case> => [
  [
    "user.create",
    { user: { userId: "U1" } },
    () =>
      m.user.create("a@b.co", {
        email: "a@b.co",
        roles: ["r"],
        userTenants: [{ tenantId: "T", roleNames: ["x"] }],
        ssoAppIds: ["s"]
      }),
    (g) =>
      g.user.create({
        loginId: "a@b.co",
        email: "a@b.co",
        roleNames: ["r"],
        userTenants: [{ tenantId: "T", roleNames: ["x"] }],
        ssoAppIds: ["s"]
      })
  ],
  [
    "user.createTestUser",
    { user: { userId: "U1" } },
    () => m.user.createTestUser("t", { email: "a@b.co" }),
    (g) => g.user.createTestUser({ loginId: "t", email: "a@b.co" })
  ],
  [
    "user.invite",
    { user: { userId: "U1" } },
    () => m.user.invite("a@b.co", { inviteUrl: "u", sendMail: true, sendSMS: false, templateId: "t", locale: "fr" }),
    (g) =>
      g.user.invite({
        loginId: "a@b.co",
        inviteUrl: "u",
        sendMail: true,
        sendSms: false,
        templateId: "t",
        locale: "fr"
      })
  ],
  [
    "user.inviteBatch",
    {},
    () => m.user.inviteBatch([{ loginId: "a", roles: ["r"], password: "p" }], "u", true),
    (g) =>
      g.user.inviteBatch({ users: [{ loginId: "a", roleNames: ["r"], password: "p" }], inviteUrl: "u", sendMail: true })
  ],
  [
    "user.createBatch",
    {},
    () => m.user.createBatch([{ loginId: "a", email: "a@b.co", hashedPassword: { bcrypt: { hash: "h" } } }]),
    (g) => g.user.createBatch([{ loginId: "a", email: "a@b.co", hashedPassword: { bcrypt: { hash: "h" } } }])
  ],
  [
    "user.update",
    { user: { userId: "U1" } },
    () => m.user.update("a", { displayName: "D", roles: [] }),
    (g) => g.user.update({ loginId: "a", displayName: "D", roleNames: [] })
  ],
  [
    "user.patch",
    { user: { userId: "U1" } },
    () => m.user.patch("a", { givenName: "G", status: "disabled" }),
    (g) => g.user.patch({ loginId: "a", givenName: "G", status: "disabled" })
  ],
  ["user.delete", {}, () => m.user.delete("a"), (g) => g.user.delete("a")],
  ["user.deleteByUserId", {}, () => m.user.deleteByUserId("U1"), (g) => g.user.deleteByUserId("U1")],
  ["user.deleteBatch", {}, () => m.user.deleteBatch(["U1"]), (g) => g.user.deleteBatch(["U1"])],
  ["user.deleteAllTestUsers", {}, () => m.user.deleteAllTestUsers(), (g) => g.user.deleteAllTestUsers()],
  ["user.load", { user: { userId: "U1" } }, () => m.user.load("a+b@c.co"), (g) => g.user.load("a+b@c.co")],
  ["user.loadByUserId", { user: { userId: "U1" } }, () => m.user.loadByUserId("U1"), (g) => g.user.loadByUserId("U1")],
  [
    "user.loadUsers",
    { users: [] },
    () => m.user.loadUsers(["U1"], true),
    (g) => g.user.loadUsers({ userIds: ["U1"], includeInvalidUsers: true })
  ],
  [
    "user.search",
    { users: [] },
    () => m.user.search({ tenantIds: ["T"], roles: ["r"], limit: 5, page: 1, text: "x" }),
    (g) => g.user.searchAll({ tenantIds: ["T"], roleNames: ["r"], limit: 5, page: 1, text: "x" })
  ],
  [
    "user.searchTestUsers",
    { users: [] },
    () => m.user.searchTestUsers({ limit: 5 }),
    (g) => g.user.searchAllTestUsers({ limit: 5 })
  ],
  [
    "user.getProviderToken",
    {},
    () => m.user.getProviderToken("a", "google", { withRefreshToken: true }),
    (g) => g.user.getProviderToken({ loginId: "a", provider: "google", withRefreshToken: true })
  ],
  ["user.activate", { user: { userId: "U1" } }, () => m.user.activate("a"), (g) => g.user.activate("a")],
  ["user.deactivate", { user: { userId: "U1" } }, () => m.user.deactivate("a"), (g) => g.user.deactivate("a")],
  [
    "user.updateLoginId",
    { user: { userId: "U1" } },
    () => m.user.updateLoginId("a", "b"),
    (g) => g.user.updateLoginId({ loginId: "a", newLoginId: "b" })
  ],
  [
    "user.updateEmail",
    { user: { userId: "U1" } },
    () => m.user.updateEmail("a", "x@y.co", true, true),
    (g) => g.user.updateEmail({ loginId: "a", email: "x@y.co", verified: true, failOnConflict: true })
  ],
  [
    "user.updatePhone",
    { user: { userId: "U1" } },
    () => m.user.updatePhone("a", "+1555", false),
    (g) => g.user.updatePhone({ loginId: "a", phone: "+1555", verified: false })
  ],
  [
    "user.updateDisplayName",
    { user: { userId: "U1" } },
    () => m.user.updateDisplayName("a", "D", "G", "M", "F"),
    (g) =>
      g.user.updateDisplayName({ loginId: "a", displayName: "D", givenName: "G", middleName: "M", familyName: "F" })
  ],
  [
    "user.updatePicture",
    { user: { userId: "U1" } },
    () => m.user.updatePicture("a", "p"),
    (g) => g.user.updatePicture({ loginId: "a", picture: "p" })
  ],
  [
    "user.updateCustomAttribute",
    { user: { userId: "U1" } },
    () => m.user.updateCustomAttribute("a", "k", 3),
    (g) => g.user.updateCustomAttribute({ loginId: "a", attributeKey: "k", attributeVal: 3 })
  ],
  [
    "user.setRoles",
    { user: { userId: "U1" } },
    () => m.user.setRoles("a", ["r"]),
    (g) => g.user.setRoles({ loginId: "a", roleNames: ["r"] })
  ],
  [
    "user.addRoles",
    { user: { userId: "U1" } },
    () => m.user.addRoles("a", ["r"]),
    (g) => g.user.addRoles({ loginId: "a", roleNames: ["r"] })
  ],
  [
    "user.removeRoles",
    { user: { userId: "U1" } },
    () => m.user.removeRoles("a", ["r"]),
    (g) => g.user.removeRoles({ loginId: "a", roleNames: ["r"] })
  ],
  [
    "user.addTenant",
    { user: { userId: "U1" } },
    () => m.user.addTenant("a", "T"),
    (g) => g.user.addTenant({ loginId: "a", tenantId: "T" })
  ],
  [
    "user.removeTenant",
    { user: { userId: "U1" } },
    () => m.user.removeTenant("a", "T"),
    (g) => g.user.removeTenant({ loginId: "a", tenantId: "T" })
  ],
  [
    "user.setTenantRoles",
    { user: { userId: "U1" } },
    () => m.user.setTenantRoles("a", "T", ["r"]),
    (g) => g.user.setTenantRoles({ loginId: "a", tenantId: "T", roleNames: ["r"] })
  ],
  [
    "user.addTenantRoles",
    { user: { userId: "U1" } },
    () => m.user.addTenantRoles("a", "T", ["r"]),
    (g) => g.user.addTenantRoles({ loginId: "a", tenantId: "T", roleNames: ["r"] })
  ],
  [
    "user.removeTenantRoles",
    { user: { userId: "U1" } },
    () => m.user.removeTenantRoles("a", "T", ["r"]),
    (g) => g.user.removeTenantRoles({ loginId: "a", tenantId: "T", roleNames: ["r"] })
  ],
  [
    "user.addSSOapps",
    { user: { userId: "U1" } },
    () => m.user.addSSOapps("a", ["s"]),
    (g) => g.user.addSsoApps({ loginId: "a", ssoAppIds: ["s"] })
  ],
  [
    "user.setTemporaryPassword",
    {},
    () => m.user.setTemporaryPassword("a", "p"),
    (g) => g.user.setTemporaryPassword({ loginId: "a", password: Redacted.make("p") })
  ],
  [
    "user.setActivePassword",
    {},
    () => m.user.setActivePassword("a", "p"),
    (g) => g.user.setActivePassword({ loginId: "a", password: "p" })
  ],
  ["user.expirePassword", {}, () => m.user.expirePassword("a"), (g) => g.user.expirePassword("a")],
  ["user.removeAllPasskeys", {}, () => m.user.removeAllPasskeys("a"), (g) => g.user.removeAllPasskeys("a")],
  ["user.removeTOTPSeed", {}, () => m.user.removeTOTPSeed("a"), (g) => g.user.removeTotpSeed("a")],
  ["user.logoutUser", {}, () => m.user.logoutUser("a"), (g) => g.user.logoutUser("a")],
  ["user.logoutUserByUserId", {}, () => m.user.logoutUserByUserId("U1"), (g) => g.user.logoutUserByUserId("U1")],
  ["user.history", [], () => m.user.history(["U1"]), (g) => g.user.history(["U1"])],
  [
    "user.generateOTPForTestUser",
    {},
    () => m.user.generateOTPForTestUser("email", "a", { customClaims: { k: 1 } }),
    (g) => g.user.generateOtpForTestUser({ method: "email", loginId: "a", loginOptions: { customClaims: { k: 1 } } })
  ],
  [
    "user.generateMagicLinkForTestUser",
    {},
    () => m.user.generateMagicLinkForTestUser("sms", "a", "u"),
    (g) => g.user.generateMagicLinkForTestUser({ method: "sms", loginId: "a", uri: "u" })
  ],
  [
    "user.generateEnchantedLinkForTestUser",
    {},
    () => m.user.generateEnchantedLinkForTestUser("a", "u"),
    (g) => g.user.generateEnchantedLinkForTestUser({ loginId: "a", uri: "u" })
  ],
  [
    "user.generateEmbeddedLink",
    { token: "t" },
    () => m.user.generateEmbeddedLink("a", { k: 1 }, 5),
    (g) => g.user.generateEmbeddedLink({ loginId: "a", customClaims: { k: 1 }, timeout: 5 })
  ],
  [
    "tenant.create",
    { id: "T" },
    () => m.tenant.create("N", ["d"], { a: 1 }, true, false),
    (g) =>
      g.tenant.create({
        name: "N",
        selfProvisioningDomains: ["d"],
        customAttributes: { a: 1 },
        enforceSso: true,
        disabled: false
      })
  ],
  [
    "tenant.createWithId",
    { id: "T" },
    () => m.tenant.createWithId("T", "N", ["d"]),
    (g) => g.tenant.create({ id: "T", name: "N", selfProvisioningDomains: ["d"] })
  ],
  [
    "tenant.update",
    {},
    () => m.tenant.update("T", "N", ["d"], undefined, true),
    (g) => g.tenant.update({ id: "T", name: "N", selfProvisioningDomains: ["d"], enforceSso: true })
  ],
  ["tenant.delete", {}, () => m.tenant.delete("T", true), (g) => g.tenant.delete({ id: "T", cascade: true })],
  ["tenant.load", { id: "T" }, () => m.tenant.load("T"), (g) => g.tenant.load("T")],
  ["tenant.loadAll", { tenants: [] }, () => m.tenant.loadAll(), (g) => g.tenant.loadAll()],
  [
    "tenant.searchAll",
    { tenants: [] },
    () => m.tenant.searchAll(["T"], ["N"], ["d"]),
    (g) => g.tenant.searchAll({ ids: ["T"], names: ["N"], selfProvisioningDomains: ["d"] })
  ],
  ["tenant.getSettings", {}, () => m.tenant.getSettings("T"), (g) => g.tenant.loadSettings("T")],
  [
    "tenant.configureSettings",
    {},
    () =>
      m.tenant.configureSettings("T", {
        selfProvisioningDomains: ["d"],
        enabled: true,
        InactivityTime: 3,
        InactivityTimeUnit: "hours",
        JITDisabled: true
      }),
    (g) =>
      g.tenant.updateSettings({
        id: "T",
        selfProvisioningDomains: ["d"],
        sessionSettingsEnabled: true,
        inactivityTime: 3,
        inactivityTimeUnit: "hours",
        jitDisabled: true
      })
  ],
  [
    "accessKey.create",
    { key: { id: "K" }, cleartext: "c" },
    () => m.accessKey.create("n", 0, ["r"], [{ tenantId: "T", roleNames: ["x"] }], "U", { c: 1 }, "d", ["ip"]),
    (g) =>
      g.accessKey.create({
        name: "n",
        expireTime: 0,
        roleNames: ["r"],
        keyTenants: [{ tenantId: "T", roleNames: ["x"] }],
        userId: "U",
        customClaims: { c: 1 },
        description: "d",
        permittedIps: ["ip"]
      })
  ],
  ["accessKey.load", { key: { id: "K" } }, () => m.accessKey.load("K"), (g) => g.accessKey.load("K")],
  [
    "accessKey.searchAll",
    { keys: [] },
    () => m.accessKey.searchAll(["T"]),
    (g) => g.accessKey.searchAllAccessKeys({ tenantIds: ["T"] })
  ],
  [
    "accessKey.update",
    { key: { id: "K" } },
    () => m.accessKey.update("K", "n", "d", ["r"]),
    (g) => g.accessKey.update({ id: "K", name: "n", description: "d", roleNames: ["r"] })
  ],
  ["accessKey.activate", {}, () => m.accessKey.activate("K"), (g) => g.accessKey.activate("K")],
  ["accessKey.deactivate", {}, () => m.accessKey.deactivate("K"), (g) => g.accessKey.deactivate("K")],
  ["accessKey.delete", {}, () => m.accessKey.delete("K"), (g) => g.accessKey.delete("K")],
  [
    "accessKey.rotate",
    { key: { id: "K" }, cleartext: "c" },
    () => m.accessKey.rotate("K"),
    (g) => g.accessKey.rotate("K")
  ],
  [
    "sso.configureSettings",
    {},
    () => m.sso.configureSettings("T", "url", "cert", "ent", "redir", ["d"]),
    (g) =>
      g.sso.configure({
        tenantId: "T",
        idpUrl: "url",
        idpCert: "cert",
        entityId: "ent",
        redirectUrl: "redir",
        domains: ["d"]
      })
  ],
  [
    "sso.configureMetadata",
    {},
    () => m.sso.configureMetadata("T", "murl", "redir", ["d"]),
    (g) => g.sso.configureViaMetadata({ tenantId: "T", idpMetadataUrl: "murl", redirectUrl: "redir", domains: ["d"] })
  ],
  [
    "sso.configureMapping",
    {},
    () => m.sso.configureMapping("T", [{ groups: ["g"], roleName: "r" }], { name: "n" }, ["dr"]),
    (g) =>
      g.sso.mapping({
        tenantId: "T",
        roleMappings: [{ groups: ["g"], roleName: "r" }],
        attributeMapping: { name: "n" },
        defaultSsoRoles: ["dr"]
      })
  ],
  [
    "sso.configureSAMLSettings",
    {},
    () =>
      m.sso.configureSAMLSettings(
        "T",
        {
          idpUrl: "u",
          idpCert: "c",
          entityId: "e",
          roleMappings: [{ groups: ["g"], roleName: "r" }],
          defaultSSORoles: ["x"],
          spACSUrl: "a"
        },
        "redir",
        ["d"],
        "s1"
      ),
    (g) =>
      g.sso.configureSamlSettings({
        tenantId: "T",
        settings: {
          idpUrl: "u",
          idpCert: "c",
          idpEntityId: "e",
          roleMappings: [{ groups: ["g"], roleName: "r" }],
          defaultSsoRoles: ["x"],
          spAcsUrl: "a"
        },
        redirectUrl: "redir",
        domains: ["d"],
        ssoId: "s1"
      })
  ],
  [
    "sso.configureSAMLByMetadata",
    {},
    () => m.sso.configureSAMLByMetadata("T", { idpMetadataUrl: "m", entityId: "e" }, "redir", ["d"]),
    (g) =>
      g.sso.configureSamlSettingsByMetadata({
        tenantId: "T",
        settings: { idpMetadataUrl: "m", idpEntityId: "e" },
        redirectUrl: "redir",
        domains: ["d"]
      })
  ],
  [
    "sso.configureOIDCSettings",
    {},
    () =>
      m.sso.configureOIDCSettings("T", {
        name: "n",
        clientId: "c",
        clientSecret: "s",
        JWKsUrl: "j",
        attributeMapping: { loginId: "sub" },
        scope: ["openid"]
      }, ["d"]),
    (g) =>
      g.sso.configureOidcSettings({
        tenantId: "T",
        settings: {
          name: "n",
          clientId: "c",
          clientSecret: "s",
          jwksUrl: "j",
          attributeMapping: { loginId: "sub" },
          scope: ["openid"]
        },
        domains: ["d"]
      })
  ],
  ["sso.loadSettings", {}, () => m.sso.loadSettings("T"), (g) => g.sso.loadSettings("T")],
  ["sso.deleteSettings", {}, () => m.sso.deleteSettings("T"), (g) => g.sso.deleteSettings("T")],
  [
    "permission.create",
    {},
    () => m.permission.create("p", "d"),
    (g) => g.permission.create({ name: "p", description: "d" })
  ],
  [
    "permission.update",
    {},
    () => m.permission.update("p", "q", "d"),
    (g) => g.permission.update({ name: "p", newName: "q", description: "d" })
  ],
  ["permission.delete", {}, () => m.permission.delete("p"), (g) => g.permission.delete("p")],
  ["permission.loadAll", { permissions: [] }, () => m.permission.loadAll(), (g) => g.permission.loadAll()],
  [
    "role.create",
    {},
    () => m.role.create("r", "d", ["p"], "T", true),
    (g) => g.role.create({ name: "r", description: "d", permissionNames: ["p"], tenantId: "T", default: true })
  ],
  [
    "role.update",
    {},
    () => m.role.update("r", "s", "d", ["p"], "T"),
    (g) => g.role.update({ name: "r", newName: "s", description: "d", permissionNames: ["p"], tenantId: "T" })
  ],
  ["role.delete", {}, () => m.role.delete("r", "T"), (g) => g.role.delete({ name: "r", tenantId: "T" })],
  ["role.loadAll", { roles: [] }, () => m.role.loadAll(), (g) => g.role.loadAll()],
  [
    "role.search",
    { roles: [] },
    () => m.role.search({ tenantIds: ["T"], roleNameLike: "a" }),
    (g) => g.role.search({ tenantIds: ["T"], roleNameLike: "a" })
  ],
  ["group.loadAllGroups", [], () => m.group.loadAllGroups("T"), (g) => g.group.loadAllGroups("T")],
  [
    "group.loadAllGroupsForMember",
    [],
    () => m.group.loadAllGroupsForMember("T", ["U"], ["L"]),
    (g) => g.group.loadAllGroupsForMembers({ tenantId: "T", userIds: ["U"], loginIds: ["L"] })
  ],
  [
    "group.loadAllGroupMembers",
    [],
    () => m.group.loadAllGroupMembers("T", "G"),
    (g) => g.group.loadAllGroupMembers({ tenantId: "T", groupId: "G" })
  ],
  [
    "jwt.update",
    { jwt: "j" },
    () => m.jwt.update("a.b.c", { k: 1 }, 5),
    (g) => g.jwt.updateJwt({ jwt: "a.b.c", customClaims: { k: 1 }, refreshDuration: 5 })
  ],
  [
    "jwt.impersonate",
    { jwt: "j" },
    () => m.jwt.impersonate("I", "L", true, { k: 1 }, "T", 5),
    (g) =>
      g.jwt.impersonate({
        impersonatorId: "I",
        loginId: "L",
        validateConsent: true,
        customClaims: { k: 1 },
        tenantId: "T",
        refreshDuration: 5
      })
  ],
  [
    "jwt.impersonateStepup",
    { jwt: "j" },
    () => m.jwt.impersonateStepup("I", "L", false, { k: 1 }, "T", 5),
    (g) =>
      g.jwt.impersonateStepup({
        impersonatorId: "I",
        loginId: "L",
        validateConsent: false,
        customClaims: { k: 1 },
        tenantId: "T",
        refreshDuration: 5
      })
  ],
  [
    "jwt.generateClientAssertionJwt",
    { jwt: "j" },
    () => m.jwt.generateClientAssertionJwt("iss", "sub", ["aud"], 60, true, "RS256"),
    (g) =>
      g.jwt.generateClientAssertionJwt({
        issuer: "iss",
        subject: "sub",
        audience: ["aud"],
        expiresIn: 60,
        flattenAudience: true,
        algorithm: "RS256"
      })
  ],
  [
    "jwt.stopImpersonation",
    { jwt: "j" },
    () => m.jwt.stopImpersonation("a.b.c", { k: 1 }, "T", 5),
    (g) => g.jwt.stopImpersonation({ jwt: "a.b.c", customClaims: { k: 1 }, tenantId: "T", refreshDuration: 5 })
  ],
  [
    "jwt.signIn",
    {},
    () => m.jwt.signIn("L", { stepup: true, jwt: "x.y.z", customClaims: { k: 1 }, refreshDuration: 5, tenantId: "T" }),
    (g) =>
      g.jwt.signIn({
        loginId: "L",
        loginOptions: { stepup: true, jwt: "x.y.z", customClaims: { k: 1 }, refreshDuration: 5, tenantId: "T" }
      })
  ],
  [
    "jwt.signUp",
    {},
    () => m.jwt.signUp("L", { email: "a@b.co", verifiedEmail: true }, { customClaims: { k: 1 }, refreshDuration: 5 }),
    (g) =>
      g.jwt.signUp({
        loginId: "L",
        user: { email: "a@b.co", verifiedEmail: true },
        signupOptions: { customClaims: { k: 1 }, refreshDuration: 5 }
      })
  ],
  ["jwt.signUpOrIn", {}, () => m.jwt.signUpOrIn("L"), (g) => g.jwt.signUpOrIn({ loginId: "L" })],
  [
    "jwt.anonymous",
    {},
    () => m.jwt.anonymous({ k: 1 }, "T", 5),
    (g) => g.jwt.anonymous({ customClaims: { k: 1 }, tenantId: "T", refreshDuration: 5 })
  ],
  [
    "audit.search",
    { audits: [] },
    () => m.audit.search({ userIds: ["U"], loginIds: ["L"], from: 1, to: 2, noTenants: true }),
    (g) => g.audit.search({ userIds: ["U"], loginIds: ["L"], fromTs: 1, toTs: 2, noTenants: true })
  ],
  [
    "audit.createEvent",
    {},
    () => m.audit.createEvent({ action: "a", type: "info", actorId: "A", tenantId: "T", data: { x: 1 } }),
    (g) => g.audit.createEvent({ action: "a", type: "info", actorId: "A", tenantId: "T", data: { x: 1 } })
  ],
  ["flow.list", {}, () => m.flow.list(), (g) => g.flow.listFlows()],
  ["flow.delete", {}, () => m.flow.delete(["f"]), (g) => g.flow.deleteFlows(["f"])],
  ["flow.export", {}, () => m.flow.export("f"), (g) => g.flow.exportFlow("f")],
  [
    "flow.import",
    {},
    () =>
      m.flow.import("f", { id: "f", name: "F", dsl: {}, disabled: false }, [{
        id: "s",
        flowId: "f",
        inputs: [],
        interactions: [],
        htmlTemplate: {}
      }]),
    (g) =>
      g.flow.importFlow({
        flowId: "f",
        flow: { id: "f", name: "F", dsl: {}, disabled: false },
        screens: [{ id: "s", flowId: "f", inputs: [], interactions: [], htmlTemplate: {} }]
      })
  ],
  [
    "flow.run",
    { output: {} },
    () => m.flow.run("f", { input: { a: 1 }, preview: true, tenant: "T" }),
    (g) => g.flow.runFlow({ flowId: "f", options: { input: { a: 1 }, preview: true, tenant: "T" } })
  ],
  ["theme.export", {}, () => m.theme.export(), (g) => g.flow.exportTheme()],
  ["theme.import", {}, () => m.theme.import({ id: "t" }), (g) => g.flow.importTheme({ id: "t" })],
  ["project.updateName", {}, () => m.project.updateName("n"), (g) => g.project.updateName("n")],
  ["project.exportSnapshot", {}, () => m.project.exportSnapshot(), (g) => g.project.exportSnapshot()],
  [
    "project.importSnapshot",
    {},
    () => m.project.importSnapshot({ files: { a: 1 } }),
    (g) => g.project.importSnapshot({ files: { a: 1 } })
  ],
  ["password.getSettings", {}, () => m.password.getSettings("T"), (g) => g.password.getSettings("T")],
  [
    "password.configureSettings",
    {},
    () => m.password.configureSettings("T", PASSWORD_SETTINGS),
    (g) => g.password.configureSettings({ tenantId: "T", settings: PASSWORD_SETTINGS })
  ],
  // the remaining operations of §10.1-§10.6
  [
    "user.patchBatch",
    { patchedUsers: [] },
    () =>
      m.user.patchBatch([
        { loginIdOrUserId: "a", displayName: "D", userTenants: [{ tenantId: "T", roleNames: ["x"] }] },
        { loginIdOrUserId: "U2", status: "disabled", ssoAppIds: ["s"] }
      ]),
    (g) =>
      g.user.patchBatch({
        users: [{ loginId: "a", displayName: "D", userTenants: [{ tenantId: "T", roleNames: ["x"] }] }, {
          loginId: "U2",
          status: "disabled",
          ssoAppIds: ["s"]
        }]
      })
  ],
  ["user.getCustomAttributes", { data: [] }, () => m.user.getCustomAttributes(), (g) => g.user.getCustomAttributes()],
  [
    "user.createCustomAttributes",
    { data: [] },
    () =>
      m.user.createCustomAttributes([{
        name: "plan",
        displayName: "Plan",
        type: 1,
        options: [{ label: "Pro", value: "pro" }]
      }]),
    (g) =>
      g.user.createCustomAttributes([{
        name: "plan",
        displayName: "Plan",
        type: 1,
        options: [{ label: "Pro", value: "pro" }]
      }])
  ],
  [
    "user.deleteCustomAttributes",
    { data: [] },
    () => m.user.deleteCustomAttributes(["plan"]),
    (g) => g.user.deleteCustomAttributes(["plan"])
  ],
  ["user.listPasskeys", { passkeys: [] }, () => m.user.listPasskeys("a"), (g) => g.user.listPasskeys("a")],
  [
    "user.removePasskey",
    {},
    () => m.user.removePasskey("a", "cred"),
    (g) => g.user.removePasskey({ loginId: "a", credentialId: "cred" })
  ],
  [
    "user.listTrustedDevices",
    { devices: [] },
    () => m.user.listTrustedDevices(["a", "U2"]),
    (g) => g.user.listTrustedDevices(["a", "U2"])
  ],
  [
    "user.removeTrustedDevices",
    {},
    () => m.user.removeTrustedDevices("a", ["D1"]),
    (g) => g.user.removeTrustedDevices({ loginId: "a", deviceIds: ["D1"] })
  ],
  [
    "user.updateRecoveryEmail",
    { user: { userId: "U1" } },
    () => m.user.updateRecoveryEmail("a", "r@b.co", true),
    (g) => g.user.updateRecoveryEmail({ loginId: "a", email: "r@b.co", verified: true })
  ],
  [
    "user.updateRecoveryPhone",
    { user: { userId: "U1" } },
    () => m.user.updateRecoveryPhone("a", "+15555550100"),
    (g) => g.user.updateRecoveryPhone({ loginId: "a", phone: "+15555550100" })
  ],
  [
    "user.updateUserNames",
    { user: { userId: "U1" } },
    () => m.user.updateUserNames("a", "G", undefined, "F"),
    (g) => g.user.updateUserNames({ loginId: "a", givenName: "G", familyName: "F" })
  ],
  [
    "user.setPassword",
    {},
    () => m.user.setPassword("a", "pw"),
    (g) => g.user.setPassword({ loginId: "a", password: Redacted.make("pw") })
  ],
  [
    "user.import",
    {},
    () => m.user.import("auth0", "[]", "{}", true),
    (g) => g.user.importUsers({ source: "auth0", users: "[]", hashes: "{}", dryrun: true })
  ],
  ["user.import (defaults)", {}, () => m.user.import("auth0"), (g) => g.user.importUsers({ source: "auth0" })],
  [
    "tenant.updateDefaultRoles",
    {},
    () => m.tenant.updateDefaultRoles("T", ["r"]),
    (g) => g.tenant.updateDefaultRoles({ tenantId: "T", roleNames: ["r"] })
  ],
  [
    "tenant.generateSSOConfigurationLink",
    { adminSSOConfigurationLink: "l" },
    () => m.tenant.generateSSOConfigurationLink("T", 60, "s", "a@b.co", "tpl", "act"),
    (g) =>
      g.tenant.generateSsoConfigurationLink({
        tenantId: "T",
        expireTime: 60,
        ssoId: "s",
        email: "a@b.co",
        templateId: "tpl",
        actorId: "act"
      })
  ],
  [
    "tenant.revokeSSOConfigurationLink",
    {},
    () => m.tenant.revokeSSOConfigurationLink("T", "s"),
    (g) => g.tenant.revokeSsoConfigurationLink({ tenantId: "T", ssoId: "s" })
  ],
  [
    "tenant.revokeSSOConfigurationLink (no ssoId)",
    {},
    () => m.tenant.revokeSSOConfigurationLink("T"),
    (g) => g.tenant.revokeSsoConfigurationLink({ tenantId: "T" })
  ],
  [
    "accessKey.activateBatch",
    {},
    () => m.accessKey.activateBatch(["K1", "K2"]),
    (g) => g.accessKey.activateBatch(["K1", "K2"])
  ],
  [
    "accessKey.deactivateBatch",
    {},
    () => m.accessKey.deactivateBatch(["K1"]),
    (g) => g.accessKey.deactivateBatch(["K1"])
  ],
  ["accessKey.deleteBatch", {}, () => m.accessKey.deleteBatch(["K1"]), (g) => g.accessKey.deleteBatch(["K1"])],
  [
    "sso.loadSettings (ssoId)",
    {},
    () => m.sso.loadSettings("T", "s"),
    (g) => g.sso.loadSettings({ tenantId: "T", ssoId: "s" })
  ],
  [
    "sso.deleteSettings (ssoId)",
    {},
    () => m.sso.deleteSettings("T", "s"),
    (g) => g.sso.deleteSettings({ tenantId: "T", ssoId: "s" })
  ],
  ["sso.loadAllSettings", { SSOSettings: [] }, () => m.sso.loadAllSettings("T"), (g) => g.sso.loadAllSettings("T")],
  [
    "sso.newSettings",
    {},
    () => m.sso.newSettings("T", "s", "Okta"),
    (g) => g.sso.newSettings({ tenantId: "T", ssoId: "s", displayName: "Okta" })
  ],
  [
    "sso.newSettings (no ssoId)",
    {},
    () => m.sso.newSettings("T", "", "Okta"),
    (g) => g.sso.newSettings({ tenantId: "T", displayName: "Okta" })
  ],
  [
    "sso.configureSSORedirectURL",
    {},
    () => m.sso.configureSSORedirectURL("T", "saml", "", "s"),
    (g) => g.sso.configureSsoRedirectUrl({ tenantId: "T", samlRedirectUrl: "saml", oauthRedirectUrl: "", ssoId: "s" })
  ],
  [
    "sso.recalculateSSOMappings",
    {},
    () => m.sso.recalculateSSOMappings("T", "s"),
    (g) => g.sso.recalculateSsoMappings({ tenantId: "T", ssoId: "s" })
  ],
  [
    "permission.createBatch",
    {},
    () => m.permission.createBatch([{ name: "p", description: "d" }, { name: "q" }] as never),
    (g) => g.permission.createBatch([{ name: "p", description: "d" }, { name: "q" }])
  ],
  [
    "permission.updateBatch",
    {},
    () => m.permission.updateBatch([{ id: "PRM1", newName: "q", description: "d" }]),
    (g) => g.permission.updateBatch([{ id: "PRM1", newName: "q", description: "d" }])
  ],
  [
    "permission.deleteBatch",
    {},
    () => m.permission.deleteBatch(["p"], ["PRM1"]),
    (g) => g.permission.deleteBatch({ names: ["p"], ids: ["PRM1"] })
  ],
  [
    "role.createBatch",
    { roles: [] },
    () =>
      m.role.createBatch(
        [{ name: "r", description: "d", permissionNames: ["p"], tenantId: "T", default: true }] as never
      ),
    (g) => g.role.createBatch([{ name: "r", description: "d", permissionNames: ["p"], tenantId: "T", default: true }])
  ],
  [
    "role.updateBatch",
    { roles: [] },
    () => m.role.updateBatch([{ id: "ROL1", newName: "s", permissionNames: ["p"], tenantId: "T" }]),
    (g) => g.role.updateBatch([{ id: "ROL1", newName: "s", permissionNames: ["p"], tenantId: "T" }])
  ],
  [
    "role.deleteBatch",
    {},
    () => m.role.deleteBatch(["r"], "T"),
    (g) => g.role.deleteBatch({ roleNames: ["r"], tenantId: "T" })
  ],
  [
    "role.deleteBatch (ids)",
    {},
    () => m.role.deleteBatch(undefined, undefined, ["ROL1"]),
    (g) => g.role.deleteBatch({ roleIds: ["ROL1"] })
  ],
  [
    "role.deleteBatch (ids of a tenant)",
    {},
    () => m.role.deleteBatch(undefined, "T", ["ROL1"]),
    (g) => g.role.deleteBatchByIds({ roleIds: ["ROL1"], tenantId: "T" })
  ],
  [
    "role.updateWithId",
    {},
    () => m.role.updateWithId("ROL1", "s", "d", ["p"], "T", true),
    (g) =>
      g.role.updateById({
        id: "ROL1",
        newName: "s",
        description: "d",
        permissionNames: ["p"],
        tenantId: "T",
        default: true
      })
  ],
  [
    "role.deleteWithId",
    {},
    () => m.role.deleteWithId("ROL1", "T"),
    (g) => g.role.deleteById({ id: "ROL1", tenantId: "T" })
  ],
  [
    "permission.updateWithId",
    {},
    () => m.permission.updateWithId("PRM1", "q", "d"),
    (g) => g.permission.updateById({ id: "PRM1", newName: "q", description: "d" })
  ],
  ["permission.deleteWithId", {}, () => m.permission.deleteWithId("PRM1"), (g) => g.permission.deleteById("PRM1")],
  [
    "permission.deleteBatch (ids)",
    {},
    () => m.permission.deleteBatch(undefined, ["PRM1"]),
    (g) => g.permission.deleteBatchByIds(["PRM1"])
  ],
  ["sso.getSettings", {}, () => m.sso.getSettings("T"), (g) => g.sso.getSettings("T")]
]

/**
 * Where we send what Descope reads rather than node-sdk's spelling: node-sdk's wire, corrected. The
 * password settings' non-alphanumeric rule is `nonAlphanumeric` on Descope's wire (python-sdk, go-sdk,
 * the authentication policy); node-sdk sends its type's `nonAlphaNumeric`, which Descope does not read.
 */
const deviations: Readonly<Record<string, (wire: Wire) => Wire>> = {
  "password.configureSettings": (w) => {
    const { nonAlphaNumeric, ...body } = w.body as Record<string, unknown>
    return { ...w, body: { ...body, nonAlphanumeric: nonAlphaNumeric } }
  }
}

oracleSuite("mgmt wire = node-sdk wire", cases, deviations)
