import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Authorization from "../src/core/Authorization.js"
import * as Cookies from "../src/core/Cookies.js"
import { fromClaims } from "../src/core/Session.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import { PROJECT_ID } from "./support/sessions.js"

const session = fromClaims("jwt", {
  sub: "U1",
  roles: ["admin", "viewer"],
  permissions: ["read", "write"],
  tenants: { T1: { roles: ["owner"], permissions: ["billing"] }, T2: {}, T3: { roles: "owner" } }
}, PROJECT_ID)

const bare = fromClaims("jwt", { sub: "U2", dct: "T1" }, PROJECT_ID)

describe("Authorization predicates", () => {
  it("project level: every requested item is required", () => {
    assert.isTrue(Authorization.validatePermissions(session, ["read", "write"]))
    assert.isFalse(Authorization.validatePermissions(session, ["read", "delete"]))
    assert.isTrue(Authorization.validatePermissions(session, []))
    assert.isTrue(Authorization.validateRoles(session, ["viewer"]))
    assert.isFalse(Authorization.validateRoles(session, ["owner"]))
    assert.deepStrictEqual(Authorization.getMatchedPermissions(session, ["delete", "write", "read"]), ["write", "read"])
    assert.deepStrictEqual(Authorization.getMatchedRoles(session, ["owner", "admin"]), ["admin"])
  })

  it("tenant level: an unassociated tenant gives false / []; an empty tenant id is the project level", () => {
    assert.isTrue(Authorization.validateTenantRoles(session, "T1", ["owner"]))
    assert.isFalse(Authorization.validateTenantRoles(session, "T1", ["admin"]))
    assert.isTrue(Authorization.validateTenantPermissions(session, "T1", ["billing"]))
    assert.isTrue(Authorization.validateTenantRoles(session, "T2", []))
    assert.isFalse(Authorization.validateTenantRoles(session, "T2", ["owner"]))
    assert.isFalse(Authorization.validateTenantRoles(session, "T3", ["owner"]), "a non-array claim counts as empty")
    assert.isFalse(Authorization.validateTenantRoles(session, "T9", []))
    assert.isFalse(Authorization.validateTenantPermissions(session, "toString", []))
    assert.deepStrictEqual(Authorization.getMatchedTenantRoles(session, "T9", ["owner"]), [])
    assert.deepStrictEqual(Authorization.getMatchedTenantPermissions(session, "T1", ["x", "billing"]), ["billing"])
    assert.isTrue(Authorization.validateTenantRoles(session, "", ["admin"]))
    assert.deepStrictEqual(Authorization.getMatchedTenantPermissions(session, "", ["read"]), ["read"])
  })

  it("missing claims count as empty (no fallback to dct)", () => {
    assert.isFalse(Authorization.validateRoles(bare, ["admin"]))
    assert.isTrue(Authorization.validateRoles(bare, []))
    assert.isFalse(Authorization.validateTenantRoles(bare, "T1", []))
    assert.deepStrictEqual(Authorization.getMatchedPermissions(bare, ["read"]), [])
  })
})

describe("Authorization guards", () => {
  it.effect("succeed when everything is granted", () =>
    Effect.gen(function*() {
      yield* Authorization.requirePermissions(session, ["read"])
      yield* Authorization.requireRoles(session, ["admin", "viewer"])
      yield* Authorization.requireTenantRoles(session, "T1", ["owner"])
      yield* Authorization.requireTenantPermissions(session, "T1", ["billing"])
    }))

  it.effect("fail with a ForbiddenError naming what is missing", () =>
    Effect.gen(function*() {
      const perms = yield* Effect.flip(Authorization.requirePermissions(session, ["read", "delete", "admin:all"]))
      assert.strictEqual(perms._tag, "ForbiddenError")
      assert.deepStrictEqual(perms.missingPermissions, ["delete", "admin:all"])
      assert.deepStrictEqual(perms.missingRoles, [])
      assert.isUndefined(perms.tenantId)
      assert.include(perms.message, "delete")
      const roles = yield* Effect.flip(Authorization.requireTenantRoles(session, "T1", ["owner", "auditor"]))
      assert.deepStrictEqual(roles.missingRoles, ["auditor"])
      assert.strictEqual(roles.tenantId, "T1")
      assert.include(roles.message, "T1")
      const unassociated = yield* Effect.flip(Authorization.requireTenantPermissions(session, "T9", ["read"]))
      assert.deepStrictEqual(unassociated.missingPermissions, ["read"])
      assert.strictEqual(unassociated.tenantId, "T9")
    }))

  it.effect("are reachable as client methods", () =>
    Effect.gen(function*() {
      const client = yield* DescopeClient
      assert.isTrue(client.validatePermissions(session, ["read"]))
      assert.isTrue(client.validateTenantRoles(session, "T1", ["owner"]))
      assert.deepStrictEqual(client.getMatchedRoles(session, ["admin", "x"]), ["admin"])
      assert.deepStrictEqual(client.getMatchedTenantRoles(session, "T1", ["owner"]), ["owner"])
      assert.isFalse(client.validateRoles(session, ["x"]))
      assert.isFalse(client.validateTenantPermissions(session, "T2", ["x"]))
      assert.deepStrictEqual(client.getMatchedPermissions(session, ["write"]), ["write"])
      assert.deepStrictEqual(client.getMatchedTenantPermissions(session, "T1", ["billing"]), ["billing"])
      const error = yield* Effect.flip(client.requireRoles(session, ["x"]))
      assert.deepStrictEqual(error.missingRoles, ["x"])
      yield* client.requirePermissions(session, ["read"])
      yield* client.requireTenantPermissions(session, "T1", ["billing"])
      yield* client.requireTenantRoles(session, "T1", ["owner"])
    }).pipe(Effect.provide(Descope.layerTest({ projectId: PROJECT_ID }, () => MockHttpClient.json({})))))
})

describe("Cookies", () => {
  const value = (r: Redacted.Redacted<string> | undefined) => (r === undefined ? undefined : Redacted.value(r))

  it("reads DS and DSR from a Cookie header", () => {
    const tokens = Cookies.tokensFromCookieHeader("theme=dark; DS=session.jwt.value; DSR=refresh.jwt.value")
    assert.strictEqual(value(tokens.sessionToken), "session.jwt.value")
    assert.strictEqual(value(tokens.refreshToken), "refresh.jwt.value")
    assert.strictEqual(String(tokens.sessionToken), "<redacted>")
  })

  it("reads custom cookie names; empty or absent cookies are undefined", () => {
    const header = "DS=; app_s=s1; app_r=r1; DSR=x"
    const tokens = Cookies.tokensFromCookieHeader(header, { sessionCookieName: "app_s", refreshCookieName: "app_r" })
    assert.strictEqual(value(tokens.sessionToken), "s1")
    assert.strictEqual(value(tokens.refreshToken), "r1")
    assert.isUndefined(Cookies.sessionTokenFromCookieHeader(header))
    assert.strictEqual(value(Cookies.refreshTokenFromCookieHeader(header)), "x")
    assert.isUndefined(Cookies.sessionTokenFromCookieHeader(undefined))
    assert.isUndefined(Cookies.sessionTokenFromCookieHeader(null))
    assert.isUndefined(Cookies.sessionTokenFromCookieHeader(""))
  })

  it("parses quoted and percent-encoded values; the first occurrence wins", () => {
    assert.deepStrictEqual(Cookies.parseCookieHeader("a=\"q v\"; b=x%3Dy; a=second; broken; c=%E0%A4%A"), {
      a: "q v",
      b: "x=y",
      c: "%E0%A4%A"
    })
  })

  it("reads a bearer token", () => {
    assert.strictEqual(value(Cookies.bearerTokenFromHeader("Bearer abc.def.ghi")), "abc.def.ghi")
    assert.strictEqual(value(Cookies.bearerTokenFromHeader("bearer  t ")), "t")
    assert.isUndefined(Cookies.bearerTokenFromHeader("Basic abc"))
    assert.isUndefined(Cookies.bearerTokenFromHeader("Bearer"))
    assert.isUndefined(Cookies.bearerTokenFromHeader(undefined))
  })
})
